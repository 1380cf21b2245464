// Ratings across a change of scale (edit/rescale.hpp): the linear map and its rounding, unrated
// criteria left unrated, the plan the preset confirmation states, and one undo step that restores
// the exact values.
#include <doctest/doctest.h>

#include "edit/commands.hpp"
#include "edit/history.hpp"
#include "edit/rescale.hpp"
#include "scoring/prioritise.hpp"

using namespace wm;

namespace {

Opportunity rated(const std::string& title, std::vector<CriterionScore> scores) {
    Opportunity o;
    o.id = new_id();
    o.title = title;
    o.scores = std::move(scores);
    return o;
}

}  // namespace

TEST_CASE("rescale: a rating keeps its place between the bottom and the top of the scale") {
    CHECK(edit::rescale_rating(1, 1, 5, 1, 10) == 1);
    CHECK(edit::rescale_rating(5, 1, 5, 1, 10) == 10);
    CHECK(edit::rescale_rating(4, 1, 5, 1, 10) == 8);      // 7.75, to the nearest whole point
    CHECK(edit::rescale_rating(3, 1, 5, 1, 10) == 6);      // 5.5 rounds up
    CHECK(edit::rescale_rating(2, 1, 5, 1, 10) == 3);      // 3.25
    CHECK(edit::rescale_rating(10, 1, 10, 1, 5) == 5);
    CHECK(edit::rescale_rating(7.25, 1, 10, 1, 5) == 4);   // an imported fraction too
    CHECK(edit::rescale_rating(13, 1, 20, 0, 10) == 6);    // 6.32
    CHECK(edit::rescale_rating(9, 1, 5, 1, 10) == 10);     // outside the old scale: kept inside the new one
    CHECK(edit::rescale_rating(3, 2, 2, 1, 9) == 5);       // no old range: the middle
    // Monotonic: going up a scale never merges or swaps two whole ratings.
    for (int a = 1; a < 5; ++a) CHECK(edit::rescale_rating(a, 1, 5, 1, 10) < edit::rescale_rating(a + 1, 1, 5, 1, 10));
}

TEST_CASE("rescale: a preset switch rescales kept criteria, leaves unrated ones unrated, and undoes exactly") {
    Workspace ws = blank_workspace("Scores");
    const ScoringModel waymark = ws.settings.scoring;
    const Criterion& pain = waymark.criteria[0];
    const Criterion& reach = waymark.criteria[1];
    const Criterion& effort = waymark.criteria[4];
    REQUIRE(reach.name == "Reach");
    REQUIRE(effort.name == "Effort");
    ws.opportunities = {rated("A", {CriterionScore{reach.id, 4}, CriterionScore{pain.id, 5}}),
                        rated("B", {CriterionScore{reach.id, 2}, CriterionScore{effort.id, 3}}),
                        rated("C", {})};
    const ScoringModel rice = scoring::adopt_preset(waymark, "rice");

    const edit::RescalePlan plan = edit::plan_rescale(ws, rice);
    CHECK(plan.rescaled_ratings == 3);
    CHECK(plan.dropped_ratings == 1);   // pain relieved: RICE has no such criterion
    REQUIRE(plan.rescaled.size() == 2);
    CHECK(plan.rescaled[0].name == "Reach");
    CHECK(plan.rescaled[0].ratings == 2);
    CHECK(plan.rescaled[0].to_max == 10);
    const auto sentences = plan.sentences();
    REQUIRE(sentences.size() == 3);
    CHECK(sentences[0] == "2 ratings of Reach will be rescaled from 1\xE2\x80\x93" "5 to 1\xE2\x80\x93" "10 (a 4 becomes 8).");
    CHECK(sentences[2].find("1 rating on criteria the new model does not have will be dropped") == 0);

    edit::Document doc(ws);
    REQUIRE(doc.execute(edit::replace_scoring_model(rice)).succeeded());
    const auto& after = doc.workspace().opportunities;
    auto value = [&](std::size_t o, Id c) -> std::optional<double> {
        for (const CriterionScore& s : after[o].scores)
            if (s.criterion == c) return s.value;
        return std::nullopt;
    };
    CHECK(value(0, reach.id) == 8.0);
    CHECK(!value(0, pain.id));          // dropped with its criterion
    CHECK(value(1, reach.id) == 3.0);
    CHECK(value(1, effort.id) == 6.0);  // 3 on 1–5 → 5.5 → 6 on 1–10
    CHECK(after[2].scores.empty());     // unrated stays unrated
    CHECK(after[0].scores.size() == 1);
    CHECK(doc.undo_label().find("Use scoring model") == 0);
    REQUIRE(doc.undo());                // one undo step restores the exact values
    CHECK(doc.workspace() == ws);
}

TEST_CASE("rescale: widening a criterion's scale in the table rescales its ratings in one step") {
    Workspace ws = blank_workspace("Scores");
    Criterion reach = ws.settings.scoring.criteria[1];
    ws.opportunities = {rated("A", {CriterionScore{reach.id, 4}}), rated("B", {})};
    edit::Document doc(ws);
    reach.scale_max = 10;
    REQUIRE(doc.execute(edit::edit_criterion(reach)).succeeded());
    CHECK(doc.workspace().opportunities[0].scores[0].value == 8);
    CHECK(doc.workspace().opportunities[1].scores.empty());
    REQUIRE(doc.undo());
    CHECK(doc.workspace() == ws);
}

TEST_CASE("an opportunity from a pain starts rated on pain relieved, from the pain's severity") {
    const ScoringModel waymark = default_scoring_model();
    const auto four = scoring::pain_relief_rating(waymark, 4);
    REQUIRE(four);
    CHECK(four->criterion == waymark.criteria[0].id);   // "Customer pain relieved"
    CHECK(four->value == 4);
    CHECK(scoring::pain_relief_rating(waymark, 1)->value == 1);
    CHECK(!scoring::pain_relief_rating(waymark, 0));     // severity not rated: nothing pre-rated
    ScoringModel wide = waymark;
    wide.criteria[0].scale_max = 10;
    wide.criteria[0].name = "customer PAIN relieved";
    CHECK(scoring::pain_relief_rating(wide, 4)->value == 8);   // 7.75 on 1–10
    CHECK(!scoring::pain_relief_rating(scoring::preset_model("rice"), 4));   // no such criterion
}
