#include "edit/rescale.hpp"

#include <algorithm>
#include <cmath>

namespace wm::edit {

double rescale_rating(double value, int from_min, int from_max, int to_min, int to_max) {
    const double lo = to_min, hi = to_max;
    if (from_max == from_min) return std::clamp(std::round((lo + hi) / 2), lo, hi);
    const double fraction = (value - from_min) / static_cast<double>(from_max - from_min);
    return std::clamp(std::round(lo + fraction * (hi - lo)), lo, hi);
}

std::vector<CriterionScore> scores_under(const ScoringModel& current, const ScoringModel& next,
                                         const std::vector<CriterionScore>& scores) {
    std::vector<CriterionScore> out;
    out.reserve(scores.size());
    for (const CriterionScore& s : scores) {
        const Criterion* to = find_by_id(next.criteria, s.criterion);
        if (!to) continue;
        const Criterion* from = find_by_id(current.criteria, s.criterion);
        const bool same = !from || (from->scale_min == to->scale_min && from->scale_max == to->scale_max);
        out.push_back(CriterionScore{s.criterion, same ? s.value : rescale_rating(s.value, from->scale_min, from->scale_max, to->scale_min, to->scale_max)});
    }
    return out;
}

namespace {
std::string range(int lo, int hi) { return std::to_string(lo) + "\xE2\x80\x93" + std::to_string(hi); }
std::string number(double v) {
    if (v == std::round(v)) return std::to_string(static_cast<long long>(v));
    std::string s = std::to_string(v);
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
}
}  // namespace

std::vector<std::string> RescalePlan::sentences() const {
    std::vector<std::string> out;
    for (const Rescaling& r : rescaled) {
        // An example from the middle of the old scale's upper half, as a person would check it.
        const int example = std::max(r.from_min, r.from_max - (r.from_max - r.from_min) / 4);
        out.push_back(std::to_string(r.ratings) + (r.ratings == 1 ? " rating of " : " ratings of ") + r.name + " will be rescaled from " + range(r.from_min, r.from_max) + " to " + range(r.to_min, r.to_max) + " (a " + std::to_string(example) +
                      " becomes " + number(rescale_rating(example, r.from_min, r.from_max, r.to_min, r.to_max)) + ").");
    }
    if (dropped_ratings > 0)
        out.push_back(std::to_string(dropped_ratings) + (dropped_ratings == 1 ? " rating" : " ratings") +
                      " on criteria the new model does not have will be dropped (those criteria start unrated).");
    return out;
}

RescalePlan plan_rescale(const Workspace& ws, const ScoringModel& next) {
    RescalePlan plan;
    const ScoringModel& current = ws.settings.scoring;
    for (const Criterion& to : next.criteria) {
        const Criterion* from = find_by_id(current.criteria, to.id);
        if (!from || (from->scale_min == to.scale_min && from->scale_max == to.scale_max)) continue;
        Rescaling r{to.id, to.name, from->scale_min, from->scale_max, to.scale_min, to.scale_max, 0};
        for (const Opportunity& o : ws.opportunities)
            for (const CriterionScore& s : o.scores)
                if (s.criterion == to.id) ++r.ratings;
        if (r.ratings == 0) continue;
        plan.rescaled_ratings += r.ratings;
        plan.rescaled.push_back(std::move(r));
    }
    for (const Opportunity& o : ws.opportunities)
        for (const CriterionScore& s : o.scores)
            if (!find_by_id(next.criteria, s.criterion)) ++plan.dropped_ratings;
    return plan;
}

}  // namespace wm::edit
