// Scoring and ranking math against values computed by hand (the formula is in
// scoring/prioritise.hpp: P = (C + B) × F ÷ E, F = 1 − evidence_weight × (1 − S)).
#include <doctest/doctest.h>

#include <algorithm>

#include <string>

#include "model/date.hpp"
#include "model/model.hpp"
#include "model/sample.hpp"
#include "scoring/prioritise.hpp"

using namespace wm;

namespace {

const Date kToday = date_from_ymd(2026, 11, 23);

Id criterion(const Workspace& ws, const std::string& name) {
    for (const auto& c : ws.settings.scoring.criteria)
        if (c.name == name) return c.id;
    FAIL("no criterion " << name);
    return {};
}

Opportunity& add_opportunity(Workspace& ws, const std::string& title, std::initializer_list<std::pair<const char*, double>> scores) {
    Opportunity o;
    o.id = new_id();
    o.title = title;
    for (const auto& [name, value] : scores) o.scores.push_back({criterion(ws, name), value});
    ws.opportunities.push_back(o);
    return ws.opportunities.back();
}

Id add_insight(Workspace& ws, Evidence evidence, std::optional<Date> last_validated) {
    Insight i;
    i.id = new_id();
    i.title = "insight";
    i.evidence = evidence;
    i.last_validated = last_validated;
    ws.insights.push_back(i);
    return i.id;
}

Workspace waymark_workspace() {
    Workspace ws = blank_workspace("test");
    // Default model: pain ×2 + reach (customer), revenue ×2 + fit (business), effort; evidence 0.2.
    add_opportunity(ws, "A", {{"Customer pain relieved", 5}, {"Reach", 5}, {"Revenue impact", 4}, {"Strategic fit", 4}, {"Effort", 2}});
    Opportunity& b = add_opportunity(ws, "B", {{"Customer pain relieved", 4}, {"Reach", 2}, {"Revenue impact", 5}, {"Strategic fit", 4}, {"Effort", 2}});
    b.insights.push_back(add_insight(ws, Evidence::validated, Date{kToday.days - 10}));
    add_opportunity(ws, "C unrated", {});
    Opportunity& done = add_opportunity(ws, "D done", {{"Customer pain relieved", 5}, {"Reach", 5}, {"Revenue impact", 5}, {"Strategic fit", 5}, {"Effort", 1}});
    done.status = OpportunityStatus::done;
    Opportunity& no = add_opportunity(ws, "E will not do", {{"Customer pain relieved", 5}, {"Reach", 5}, {"Revenue impact", 5}, {"Strategic fit", 5}, {"Effort", 1}});
    no.will_not_do = true;
    return ws;
}

}  // namespace

TEST_CASE("evidence strength: validated > observed > assumed, stale one step lower, strongest insight counts") {
    Insight i;
    i.evidence = Evidence::validated;
    i.last_validated = Date{kToday.days - 180};
    CHECK(scoring::insight_strength(i, kToday, 180) == doctest::Approx(1.0));   // exactly at the limit: fresh
    i.last_validated = Date{kToday.days - 181};
    CHECK(scoring::insight_is_stale(i, kToday, 180));
    CHECK(scoring::insight_strength(i, kToday, 180) == doctest::Approx(0.6));
    i.evidence = Evidence::observed;
    CHECK(scoring::insight_strength(i, kToday, 180) == doctest::Approx(0.2));
    i.last_validated = kToday;
    CHECK(scoring::insight_strength(i, kToday, 180) == doctest::Approx(0.6));
    i.last_validated.reset();                                                    // never dated: stale
    CHECK(scoring::insight_strength(i, kToday, 180) == doctest::Approx(0.2));
    i.evidence = Evidence::assumed;
    CHECK_FALSE(scoring::insight_is_stale(i, kToday, 180));
    CHECK(scoring::insight_strength(i, kToday, 180) == doctest::Approx(0.2));

    Workspace ws = blank_workspace("t");
    add_opportunity(ws, "o", {});
    CHECK(scoring::evidence_strength(ws, ws.opportunities[0], kToday) == 0);
    const Id assumed = add_insight(ws, Evidence::assumed, std::nullopt);
    const Id observed = add_insight(ws, Evidence::observed, kToday);
    ws.opportunities[0].insights = {assumed};
    CHECK(scoring::evidence_strength(ws, ws.opportunities[0], kToday) == doctest::Approx(0.2));
    ws.opportunities[0].insights = {assumed, observed};  // adding a stronger one raises, a weaker one never lowers
    CHECK(scoring::evidence_strength(ws, ws.opportunities[0], kToday) == doctest::Approx(0.6));
}

TEST_CASE("waymark model: customer, business, effort, evidence and priority computed by hand") {
    Workspace w = waymark_workspace();
    const auto a = scoring::score(w, w.opportunities[0], kToday);
    // C = 5×2 + 5 = 15; B = 4×2 + 4 = 12; E = 2; no insight: F = 1 − 0.2 = 0.8; P = 27 × 0.8 ÷ 2.
    CHECK(a.customer == doctest::Approx(15));
    CHECK(a.business == doctest::Approx(12));
    CHECK(a.effort == doctest::Approx(2));
    CHECK(a.evidence == 0);
    CHECK(a.evidence_factor == doctest::Approx(0.8));
    CHECK(a.priority == doctest::Approx(10.8));
    // Percent of range: customer 3..15 → 100 %, business 3..15 → 75 %, effort 1..5 → 25 %.
    CHECK(a.customer_pct == doctest::Approx(100));
    CHECK(a.business_pct == doctest::Approx(75));
    CHECK(a.effort_pct == doctest::Approx(25));
    REQUIRE(a.contributions.size() == 5);
    CHECK(a.contributions[0].points == doctest::Approx(10));
    CHECK(a.contributions[0].words == "Customer pain relieved 5 \xC3\x97 weight 2 = 10 points of customer value");

    const auto b = scoring::score(w, w.opportunities[1], kToday);
    // C = 8 + 2 = 10; B = 10 + 4 = 14; E = 2; a fresh validated insight: S = 1, F = 1; P = 24 ÷ 2 = 12.
    CHECK(b.priority == doctest::Approx(12));
    CHECK(b.evidence == doctest::Approx(1));

    const auto c = scoring::score(w, w.opportunities[2], kToday);
    // Nothing rated: every criterion at mid-scale 3. C = 6 + 3, B = 6 + 3, E = 3; P = 18 × 0.8 ÷ 3 = 4.8.
    CHECK(c.unrated == 5);
    CHECK(c.priority == doctest::Approx(4.8));
    CHECK(c.contributions[4].words.find("not rated") != std::string::npos);
}

TEST_CASE("ranking: by priority; done and will-not-do are not ranked and come last") {
    Workspace w = waymark_workspace();
    const auto ranked = scoring::rank(w, kToday);
    REQUIRE(ranked.size() == 5);
    CHECK(ranked[0].opportunity->title == "B");   // 12
    CHECK(ranked[0].rank == 1);
    CHECK(ranked[1].opportunity->title == "A");   // 10.8
    CHECK(ranked[2].opportunity->title == "C unrated");  // 4.8
    CHECK(ranked[2].rank == 3);
    // Both unranked have P = 30 × 0.8 ÷ 1 = 24 and equal customer value: title decides.
    CHECK(ranked[3].opportunity->title == "D done");
    CHECK(ranked[3].rank == 0);
    CHECK(ranked[4].opportunity->title == "E will not do");
    CHECK(ranked[4].rank == 0);

    const auto why = scoring::explain(w, ranked[1].score, ranked[1].rank);
    REQUIRE(why.size() >= 7);
    CHECK(why[0] == "#2 of the open opportunities, with priority 10.8.");
    CHECK(why[1] == "Priority = (customer value 15 + business value 12) \xC3\x97 evidence factor 80 % \xC3\xB7 effort 2 = 10.8");
    CHECK(scoring::explain(w, ranked[4].score, 0)[0].find("will not do") != std::string::npos);

    // Ties on priority: higher customer value first. A' has C = 12, B = 15 → P = 27 × 0.8 ÷ 2 = 10.8 like A.
    add_opportunity(w, "A prime", {{"Customer pain relieved", 5}, {"Reach", 2}, {"Revenue impact", 5}, {"Strategic fit", 5}, {"Effort", 2}});
    const auto again = scoring::rank(w, kToday);
    CHECK(again[1].opportunity->title == "A");   // C 15 beats C 10 at equal P
    CHECK(again[2].opportunity->title == "A prime");
}

TEST_CASE("changing a score or the model re-ranks everything") {
    Workspace w = waymark_workspace();
    // Raise A's effort to 5: P = 27 × 0.8 ÷ 5 = 4.32, below C's 4.8.
    w.opportunities[0].scores[4].value = 5;
    auto ranked = scoring::rank(w, kToday);
    CHECK(ranked[0].opportunity->title == "B");
    CHECK(ranked[1].opportunity->title == "C unrated");
    CHECK(ranked[2].opportunity->title == "A");
    CHECK(ranked[2].score.priority == doctest::Approx(4.32));

    // A different model: its criteria are new, so nothing is rated; everything sits at mid-scale and
    // evidence decides (RICE: evidence weight 0.5). B has the validated insight.
    w.settings.scoring = scoring::preset_model("rice");
    ranked = scoring::rank(w, kToday);
    CHECK(ranked[0].opportunity->title == "B");
    // mid-scale: Reach 5.5, Impact 3 × 2 = 6, Effort 5.5: P = 11.5 × F ÷ 5.5; B: F = 1.
    CHECK(ranked[0].score.priority == doctest::Approx(11.5 / 5.5));
    CHECK(ranked[1].score.priority == doctest::Approx(11.5 * 0.5 / 5.5));
}

TEST_CASE("presets: RICE, ICE, WSJF computed by hand") {
    Workspace w = blank_workspace("t");

    w.settings.scoring = scoring::preset_model("rice");
    CHECK(w.settings.scoring.preset == "rice");
    Opportunity& r = add_opportunity(w, "rice", {{"Reach", 8}, {"Impact", 3}, {"Effort", 4}});
    r.insights.push_back(add_insight(w, Evidence::observed, kToday));
    // C = 8, B = 3 × 2 = 6, E = 4, S = 0.6 → F = 1 − 0.5 × 0.4 = 0.8; P = 14 × 0.8 ÷ 4 = 2.8.
    auto s = scoring::score(w, w.opportunities.back(), kToday);
    CHECK(s.customer == doctest::Approx(8));
    CHECK(s.business == doctest::Approx(6));
    CHECK(s.evidence_factor == doctest::Approx(0.8));
    CHECK(s.priority == doctest::Approx(2.8));

    w.opportunities.clear();
    w.settings.scoring = scoring::preset_model("ice");
    add_opportunity(w, "ice", {{"Impact", 7}, {"Ease", 9}});
    // No effort criteria: E = 1. No insight: F = 0.5. P = (7 + 9) × 0.5 = 8.
    s = scoring::score(w, w.opportunities.back(), kToday);
    CHECK(s.effort == doctest::Approx(1));
    CHECK(s.priority == doctest::Approx(8));

    w.opportunities.clear();
    w.settings.scoring = scoring::preset_model("wsjf");
    add_opportunity(w, "wsjf", {{"User-business value", 8}, {"Time criticality", 5},
                                {"Risk reduction / opportunity enablement", 3}, {"Job size", 8}});
    // Exactly WSJF: (8 + 5 + 3) ÷ 8 = 2; evidence weight 0 so F = 1.
    s = scoring::score(w, w.opportunities.back(), kToday);
    CHECK(s.priority == doctest::Approx(2));
    CHECK(s.evidence_factor == doctest::Approx(1));

    // The waymark preset is the default model; unknown keys fall back to it. Ids are fresh.
    const ScoringModel wm1 = scoring::preset_model("waymark"), wm2 = scoring::preset_model("nonsense");
    REQUIRE(wm1.criteria.size() == default_scoring_model().criteria.size());
    for (std::size_t i = 0; i < wm1.criteria.size(); ++i) {
        CHECK(wm1.criteria[i].name == default_scoring_model().criteria[i].name);
        CHECK(wm1.criteria[i].weight == default_scoring_model().criteria[i].weight);
        CHECK(wm1.criteria[i].id != wm2.criteria[i].id);
    }
    CHECK(scoring::presets().size() == 4);
}

TEST_CASE("effort below 1 counts as 1") {
    Workspace w = blank_workspace("t");
    w.settings.scoring.criteria[4].scale_min = 0;
    add_opportunity(w, "free", {{"Customer pain relieved", 1}, {"Reach", 1}, {"Revenue impact", 1}, {"Strategic fit", 1}, {"Effort", 0}});
    const auto s = scoring::score(w, w.opportunities.back(), kToday);
    CHECK(s.effort == doctest::Approx(1));
    CHECK(s.priority == doctest::Approx(6 * 0.8));
}

TEST_CASE("lifecycle stages through the framework, levels and journeys of an opportunity") {
    Workspace w = blank_workspace("t");
    const Journey& life = w.journeys[0];
    const Id purchase = life.stages[2].id, leave = life.stages[4].id, awareness = life.stages[0].id;
    Journey buy;
    buy.id = new_id();
    buy.title = "Buy";
    buy.level = 1;
    buy.stages.push_back(Stage{new_id(), "Choose", {Step{new_id(), "Pick", "", false}}});
    Journey port;
    port.id = new_id();
    port.title = "Port";
    port.level = 2;
    w.journeys.push_back(buy);
    w.journeys.push_back(port);
    w.links.push_back(JourneyLink{w.journeys[0].id, buy.id, purchase, {}});
    w.links.push_back(JourneyLink{buy.id, port.id, buy.stages[0].id, {}});
    w.links.push_back(JourneyLink{w.journeys[0].id, port.id, leave, {}});  // a second parent

    Opportunity o;
    o.journeys = {port.id};
    CHECK(scoring::lifecycle_stages(w, o) == std::vector<Id>{purchase, leave});
    CHECK(scoring::levels(w, o) == std::vector<int>{2});
    // A step on the lifecycle itself names its stage; the step's journey counts as a journey.
    w.journeys[0].stages[0].steps.push_back(Step{new_id(), "See an ad", "", false});
    o.steps.push_back(StepRef{w.journeys[0].id, w.journeys[0].stages[0].steps[0].id});
    o.steps.push_back(StepRef{buy.id, buy.stages[0].steps[0].id});
    CHECK(scoring::lifecycle_stages(w, o) == std::vector<Id>{awareness, purchase, leave});
    CHECK(scoring::levels(w, o) == std::vector<int>{0, 1, 2});
    CHECK(scoring::journeys(o) == std::vector<Id>{port.id, w.journeys[0].id, buy.id});
}

TEST_CASE("the sample backlog: 17 opportunities, 15 ranked in order, done and will-not-do last") {
    const Workspace ws = sample_workspace();
    const auto ranked = scoring::rank(ws, kToday);
    REQUIRE(ranked.size() == 17);
    for (std::size_t i = 0; i < 15; ++i) {
        CHECK(ranked[i].rank == int(i) + 1);
        if (i) CHECK(ranked[i - 1].score.priority >= ranked[i].score.priority);
    }
    CHECK(ranked[15].rank == 0);
    CHECK(ranked[16].rank == 0);
    for (const auto& r : ranked) CHECK(r.score.unrated == 0);
    // rank() finds the evidence of all links in one pass; the same figures as one opportunity at a time.
    for (const auto& r : ranked) {
        const scoring::Score one = scoring::score(ws, *r.opportunity, kToday);
        CHECK(r.score.evidence == one.evidence);
        CHECK(r.score.priority == one.priority);
    }
    CHECK(std::any_of(ranked.begin(), ranked.end(), [](const scoring::Ranked& r) { return r.score.evidence > 0; }));
}

TEST_CASE("adopting a preset keeps the ids (and so the scores) of same-named criteria") {
    const ScoringModel current = default_scoring_model();
    const ScoringModel rice = scoring::adopt_preset(current, "rice");
    CHECK(rice.preset == "rice");
    REQUIRE(rice.criteria.size() == 3);
    CHECK(rice.criteria[0].name == "Reach");
    CHECK(rice.criteria[0].id == current.criteria[1].id);
    CHECK(rice.criteria[2].id == current.criteria[4].id);       // Effort
    CHECK(rice.criteria[1].id != current.criteria[2].id);       // Impact is new
}
