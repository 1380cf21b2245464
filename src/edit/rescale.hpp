// Ratings across a change of scale (issue 18, item 6). When a criterion keeps its id but gets
// another scale — a preset switch (scoring::adopt_preset keeps Reach and Effort from Waymark to
// RICE, 1–5 → 1–10) or the criteria table's Lowest/Highest — each rating moves linearly onto the
// new scale: bottom to bottom, top to top, the same fraction of the way in between. So a 4 on
// 1–5 (75 % of the way up) becomes 7.75 on 1–10, rounded to the nearest whole point, 8: the
// backlog rates in whole points, and a whole point is what the slider then shows. The mapping is
// monotonic, so the order of two ratings never inverts (a narrower scale may make them equal).
// Unrated stays unrated (it counts as the middle of whichever scale). edit::replace_scoring_model
// and edit::edit_criterion apply this inside their one undo step; the confirmation before a preset
// switch says what will happen from rescalings().
#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"

namespace wm::edit {

// `value` on from_min..from_max moved onto to_min..to_max, rounded to a whole point and kept
// inside the new scale. A degenerate old scale (min == max) maps to the new scale's middle.
double rescale_rating(double value, int from_min, int from_max, int to_min, int to_max);

// The ratings as they are under `next`: a rating on a criterion `next` keeps (by id) with another
// scale is rescaled, one on a criterion `next` does not have is dropped, others are kept as they are.
std::vector<CriterionScore> scores_under(const ScoringModel& current, const ScoringModel& next,
                                         const std::vector<CriterionScore>& scores);

// What switching from the workspace's model to `next` does to its ratings, per criterion that
// changes scale (model order) and in total. For the confirmation: "12 ratings will be rescaled
// from 1–5 to 1–10".
struct Rescaling {
    Id criterion;
    std::string name;                 // under `next`
    int from_min = 1, from_max = 5, to_min = 1, to_max = 5;
    int ratings = 0;                  // opportunities rated on it
};
struct RescalePlan {
    std::vector<Rescaling> rescaled;  // only criteria that have ratings and change scale
    int rescaled_ratings = 0;
    int dropped_ratings = 0;          // on criteria `next` does not keep
    // One sentence per rescaled criterion ("12 ratings of Reach will be rescaled from 1–5 to 1–10 (a 4 becomes 8)."),
    // then one for the dropped ones; empty when nothing rated changes.
    [[nodiscard]] std::vector<std::string> sentences() const;
};
RescalePlan plan_rescale(const Workspace& ws, const ScoringModel& next);

}  // namespace wm::edit
