// The maturity scan (scoring/maturity.hpp): the questionnaire, stage computation, next steps, and
// every workspace indicator on the sample workspace. Expected sample values were counted by hand
// from src/model/sample*.cpp ("today" = 2026-11-23, the sample's own today); the counting is written
// next to each check so that a change to the sample shows which number moved and why.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "edit/commands.hpp"
#include "edit/history.hpp"
#include "model/date.hpp"
#include "model/sample.hpp"
#include "scoring/maturity.hpp"

using namespace wm;
namespace mt = wm::maturity;

namespace {

const Date kSampleToday = date_from_ymd(2026, 11, 23);

// Answers for every question: `per_area[a]` are the five stages of area a, in questionnaire order.
std::vector<ScanAnswer> answers(const std::vector<std::vector<int>>& per_area) {
    std::vector<ScanAnswer> out;
    std::vector<std::size_t> next(mt::kAreaCount, 0);
    for (const auto& q : mt::questionnaire()) {
        const auto a = static_cast<std::size_t>(q.area);
        out.push_back(ScanAnswer{q.key, per_area[a][next[a]++]});
    }
    return out;
}

const mt::Indicator& find(const std::vector<mt::Indicator>& list, const std::string& key) {
    for (const auto& i : list)
        if (i.key == key) return i;
    FAIL("no indicator " << key);
    return list.front();
}

std::set<std::string> names(const mt::Indicator& ind) {
    std::set<std::string> out;
    for (const auto& m : ind.missing) out.insert(m.name);
    return out;
}

}  // namespace

TEST_CASE("questionnaire: five questions per area, unique keys, five options each") {
    const auto& qs = mt::questionnaire();
    CHECK(qs.size() == 15);
    std::set<std::string> keys;
    int per_area[mt::kAreaCount] = {0, 0, 0};
    for (const auto& q : qs) {
        CHECK(keys.insert(q.key).second);
        ++per_area[static_cast<int>(q.area)];
        CHECK(std::string(q.key).rfind(mt::area_key(q.area), 0) == 0);  // "insight.*" is an insight question
        CHECK(std::string(q.text).size() > 10);
        for (const char* option : q.options) CHECK(std::string(option).size() > 5);
    }
    for (int n : per_area) CHECK(n == 5);
    CHECK(mt::find_question("framework.hierarchy") != nullptr);
    CHECK(mt::find_question("nope") == nullptr);
    CHECK(std::string(mt::stage_name(1)) == "Intuition-driven");
    CHECK(std::string(mt::stage_name(5)) == "Journey mastery");
    CHECK(std::string(mt::stage_name(0)) == "Not assessed");
}

TEST_CASE("stage per area is the floor of the mean answer; overall is the weakest area") {
    SUBCASE("mixed answers") {
        const auto r = mt::compute(answers({{3, 3, 4, 4, 4}, {5, 5, 5, 5, 4}, {2, 3, 3, 2, 2}}));
        // insight 18/5 = 3.6 → 3; framework 24/5 = 4.8 → 4; prioritisation 12/5 = 2.4 → 2.
        CHECK(r.area(mt::Area::insight).stage == 3);
        CHECK(r.area(mt::Area::insight).score == doctest::Approx(3.6));
        CHECK(r.area(mt::Area::framework).stage == 4);
        CHECK(r.area(mt::Area::prioritisation).stage == 2);
        CHECK(r.stage == 2);
        CHECK(r.score == doctest::Approx((3.6 + 4.8 + 2.4) / 3));
        CHECK(r.complete());
        CHECK(r.answered == 15);
    }
    SUBCASE("all fives and all ones") {
        CHECK(mt::compute(answers({{5, 5, 5, 5, 5}, {5, 5, 5, 5, 5}, {5, 5, 5, 5, 5}})).stage == 5);
        CHECK(mt::compute(answers({{1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}})).stage == 1);
    }
    SUBCASE("a mean just under a stage stays below it") {
        // 4+4+4+4+3 = 19 → 3.8 → stage 3.
        CHECK(mt::compute(answers({{4, 4, 4, 4, 3}, {5, 5, 5, 5, 5}, {5, 5, 5, 5, 5}})).area(mt::Area::insight).stage == 3);
    }
    SUBCASE("nothing answered") {
        const auto r = mt::compute(std::vector<ScanAnswer>{});
        CHECK(r.stage == 0);
        CHECK(r.answered == 0);
        CHECK(r.questions == 15);
        for (const auto& a : r.areas) CHECK(a.stage == 0);
    }
    SUBCASE("an area without answers leaves the overall stage open; unanswered questions do not count") {
        const std::vector<ScanAnswer> some = {{"insight.research", 4}, {"insight.personas", 3}, {"framework.hierarchy", 2}};
        const auto r = mt::compute(some);
        CHECK(r.area(mt::Area::insight).stage == 3);  // (4+3)/2 = 3.5
        CHECK(r.area(mt::Area::insight).answered == 2);
        CHECK(r.area(mt::Area::framework).stage == 2);
        CHECK(r.area(mt::Area::prioritisation).stage == 0);
        CHECK(r.stage == 0);
        CHECK_FALSE(r.complete());
    }
    SUBCASE("unknown keys, stages out of range and repeated keys") {
        const std::vector<ScanAnswer> odd = {{"insight.research", 1}, {"insight.research", 5}, {"old.question", 1},
                                             {"insight.personas", 0}, {"insight.shared", 9}};
        const auto r = mt::compute(odd);
        CHECK(r.answered == 1);  // only insight.research, its last answer
        CHECK(r.area(mt::Area::insight).stage == 5);
    }
}

TEST_CASE("next steps exist for every area and stage, in our words from the seeds") {
    for (mt::Area area : mt::kAreas)
        for (int stage = 0; stage <= 5; ++stage) CHECK(mt::next_steps(area, stage).size() >= 2);
    CHECK(mt::next_steps(mt::Area::insight, 0) == mt::next_steps(mt::Area::insight, 1));
    auto joined = [](const std::vector<std::string>& steps) {
        std::string all;
        for (const auto& s : steps) all += s + " ";
        return all;
    };
    const std::string framework2 = joined(mt::next_steps(mt::Area::framework, 2));
    CHECK(framework2.find("Create a hierarchy of journeys") != std::string::npos);
    CHECK(framework2.find("Standardise how you map journeys") != std::string::npos);
    CHECK(joined(mt::next_steps(mt::Area::prioritisation, 2)).find("common rules") != std::string::npos);
}

TEST_CASE("sample scans: two scans a year apart, stages by hand") {
    const Workspace ws = sample_workspace();
    const auto points = mt::history(ws);
    REQUIRE(points.size() == 2);
    CHECK(to_iso(points[0].date) == "2025-11-10");
    CHECK(to_iso(points[1].date) == "2026-09-15");
    // Baseline: insight 2,1,2,1,2 = 8/5 = 1.6 → 1; framework 2,1,1,1,1 = 6/5 → 1; prioritisation
    // 2,1,1,2,1 = 7/5 → 1. Overall 1.
    const auto& base = points[0].result;
    CHECK(base.complete());
    CHECK(base.area(mt::Area::insight).score == doctest::Approx(1.6));
    CHECK(base.area(mt::Area::insight).stage == 1);
    CHECK(base.area(mt::Area::framework).stage == 1);
    CHECK(base.area(mt::Area::prioritisation).score == doctest::Approx(1.4));
    CHECK(base.stage == 1);
    // Latest: insight 3×5 = 3.0; framework 4,3,3,3,3 = 3.2 → 3; prioritisation 3,4,3,3,2 = 3.0. Overall 3.
    const auto& latest = points[1].result;
    CHECK(latest.area(mt::Area::insight).stage == 3);
    CHECK(latest.area(mt::Area::framework).score == doctest::Approx(3.2));
    CHECK(latest.area(mt::Area::framework).stage == 3);
    CHECK(latest.area(mt::Area::prioritisation).stage == 3);
    CHECK(latest.stage == 3);
    // Every sample answer uses a key the questionnaire knows.
    for (const auto& scan : ws.scans)
        for (const auto& a : scan.answers) CHECK_MESSAGE(mt::find_question(a.question) != nullptr, a.question);
}

TEST_CASE("history is ordered by date whatever the workspace order") {
    Workspace ws;
    ws.scans.push_back(MaturityScan{new_id(), date_from_ymd(2026, 5, 1), answers({{4, 4, 4, 4, 4}, {4, 4, 4, 4, 4}, {4, 4, 4, 4, 4}}), ""});
    ws.scans.push_back(MaturityScan{new_id(), date_from_ymd(2025, 5, 1), answers({{2, 2, 2, 2, 2}, {2, 2, 2, 2, 2}, {2, 2, 2, 2, 2}}), ""});
    const auto points = mt::history(ws);
    REQUIRE(points.size() == 2);
    CHECK(points[0].result.stage == 2);
    CHECK(points[1].result.stage == 4);
    CHECK(points[1].scan == ws.scans[0].id);
}

TEST_CASE("sample indicators, counted by hand") {
    const Workspace ws = sample_workspace();
    const auto list = mt::indicators(ws, kSampleToday);
    REQUIRE(list.size() == 7);
    CHECK(list[0].key == "coverage.lifecycle");
    CHECK(list[6].key == "journeys.to-be");
    for (const auto& i : list) CHECK(i.missing.size() == i.total - i.have);

    SUBCASE("lifecycle stages with a journey: 4 of 5, Awareness missing") {
        // Links from the lifecycle hang from steps 1 (Consideration), 2 and 3 (Purchase), 5 (Renew),
        // 6 (Leave); nothing hangs from Awareness.
        const auto& i = find(list, "coverage.lifecycle");
        CHECK(i.have == 4);
        CHECK(i.total == 5);
        REQUIRE(i.missing.size() == 1);
        CHECK(i.missing[0].name == "Customer lifecycle \xE2\x80\xBA Awareness");
        CHECK(i.missing[0].journey == ws.journeys[0].id);
        CHECK(i.area == mt::Area::framework);
    }
    SUBCASE("macro-journey steps with a micro journey: 12 of 44") {
        // Steps: Comparing plans 7, Buying 9, Buying (to-be) 9, Getting started 6, Renewing 6,
        // Leaving 7 = 44. Linked: Comparing 1, Buying 3, Getting started 3, Renewing 2, Leaving 1,
        // to-be 2 = 12.
        const auto& i = find(list, "coverage.macro-steps");
        CHECK(i.have == 12);
        CHECK(i.total == 44);
        CHECK(names(i).count("Comparing plans \xE2\x80\xBA Feels the current plan is too expensive") == 1);
        CHECK(names(i).count("Comparing plans \xE2\x80\xBA Checks coverage at home and work") == 0);
    }
    SUBCASE("journeys with a persona: all 15 below the lifecycle") {
        const auto& i = find(list, "journeys.personas");
        CHECK(i.have == 15);
        CHECK(i.total == 15);
        CHECK(i.missing.empty());
        CHECK(i.area == mt::Area::insight);
    }
    SUBCASE("insights validated and fresh: 11 of 26") {
        // 13 validated; two of them last validated more than 180 days ago ("Loyal customers feel
        // punished" 2026-02-27, 269 days; "Families renew together or leave together" 2025-11-30, 358).
        const auto& i = find(list, "insights.fresh");
        CHECK(i.have == 11);
        CHECK(i.total == 26);
        const auto missing = names(i);
        CHECK(missing.count("Loyal customers feel punished") == 1);
        CHECK(missing.count("Exit fees surprise leavers") == 1);  // assumed
        CHECK(missing.count("First-bill shock") == 0);           // validated 34 days ago
    }
    SUBCASE("opportunities scored by the common rules: 17 of 17") {
        // Every sample opportunity is rated on all five criteria ("Sunday home delivery" is also "will not do").
        const auto& i = find(list, "opportunities.scored");
        CHECK(i.have == 17);
        CHECK(i.total == 17);
    }
    SUBCASE("KPIs with a target and a recent value: 20 of 20") {
        // Every series ends 2026-10-01, 53 days before today; every KPI has a target.
        const auto& i = find(list, "kpis.tracked");
        CHECK(i.have == 20);
        CHECK(i.total == 20);
    }
    SUBCASE("journeys with a to-be version: 1 of 14") {
        // 15 journeys below the lifecycle, one of them the to-be; only "Buying a phone plan" has one.
        const auto& i = find(list, "journeys.to-be");
        CHECK(i.have == 1);
        CHECK(i.total == 14);
        CHECK(names(i).count("Buying a phone plan") == 0);
        CHECK(names(i).count("Leaving Lumen") == 1);
        for (const auto& m : i.missing) CHECK(m.journey == m.id);
    }
}

TEST_CASE("evidence per area and disagreement with the sample's latest scan") {
    const Workspace ws = sample_workspace();
    const auto list = mt::indicators(ws, kSampleToday);
    const auto ev = mt::evidence_by_area(list);
    // insight (15/15 + 11/26) / 2 = 0.7115 → band 4; framework (4/5 + 12/44 + 1/14) / 3 = 0.3814 → 3;
    // prioritisation (1 + 1) / 2 = 1 → 5.
    CHECK(ev[0].ratio == doctest::Approx((1.0 + 11.0 / 26) / 2));
    CHECK(ev[0].stage == 4);
    CHECK(ev[1].ratio == doctest::Approx((0.8 + 12.0 / 44 + 1.0 / 14) / 3));
    CHECK(ev[1].stage == 3);
    CHECK(ev[2].stage == 5);
    // Latest scan says 3 / 3 / 3: only prioritisation is two stages apart, and the work shows more.
    const auto latest = mt::history(ws).back().result;
    const auto d = mt::disagreements(latest, list);
    REQUIRE(d.size() == 1);
    CHECK(d[0].area == mt::Area::prioritisation);
    CHECK(d[0].answered == 3);
    CHECK(d[0].evidence == 5);
    CHECK(d[0].sentence.find("shows more") != std::string::npos);
    // The baseline (1 / 1 / 1) is two or more below the evidence everywhere but the framework (3 - 1 = 2 too).
    CHECK(mt::disagreements(mt::history(ws).front().result, list).size() == 3);
}

TEST_CASE("evidence bands and boundaries") {
    CHECK(mt::evidence_stage(0) == 1);
    CHECK(mt::evidence_stage(0.12) == 1);
    CHECK(mt::evidence_stage(0.13) == 2);
    CHECK(mt::evidence_stage(0.5) == 3);
    CHECK(mt::evidence_stage(0.874) == 4);
    CHECK(mt::evidence_stage(0.875) == 5);
    CHECK(mt::evidence_stage(1) == 5);
    CHECK(mt::evidence_stage(-1) == 1);

    // An empty workspace: every indicator 0 of 0, evidence stage 1, answers of 4 disagree and point
    // at the weakest indicator.
    Workspace empty;
    const auto list = mt::indicators(empty, kSampleToday);
    for (const auto& i : list) CHECK(i.total == 0);
    const auto d = mt::disagreements(mt::compute(answers({{4, 4, 4, 4, 4}, {4, 4, 4, 4, 4}, {4, 4, 4, 4, 4}})), list);
    CHECK(d.size() == 3);
    CHECK(d[0].sentence.find("does not show yet") != std::string::npos);
}

TEST_CASE("freshness and recency limits are inclusive") {
    Workspace ws = blank_workspace("t");
    ws.settings.stale_after_days = 30;
    Insight at_limit;
    at_limit.id = new_id();
    at_limit.title = "at limit";
    at_limit.evidence = Evidence::validated;
    at_limit.last_validated = Date{kSampleToday.days - 30};
    Insight past = at_limit;
    past.id = new_id();
    past.title = "past";
    past.last_validated = Date{kSampleToday.days - 31};
    ws.insights = {at_limit, past};
    Metric kpi;
    kpi.id = new_id();
    kpi.name = "k";
    kpi.journey = ws.journeys[0].id;
    kpi.target = 1;
    kpi.values = {MetricValue{Date{kSampleToday.days - mt::kRecentKpiDays}, 1, ""}};
    Metric old = kpi;
    old.id = new_id();
    old.name = "old";
    old.values = {MetricValue{Date{kSampleToday.days - mt::kRecentKpiDays - 1}, 1, ""}};
    Metric no_target = kpi;
    no_target.id = new_id();
    no_target.name = "no target";
    no_target.target.reset();
    ws.metrics = {kpi, old, no_target};
    const auto list = mt::indicators(ws, kSampleToday);
    CHECK(find(list, "insights.fresh").have == 1);
    CHECK(names(find(list, "insights.fresh")) == std::set<std::string>{"past"});
    CHECK(find(list, "kpis.tracked").have == 1);
    CHECK(names(find(list, "kpis.tracked")) == std::set<std::string>{"old", "no target"});
}

TEST_CASE("a scan is saved by one command, undone in one step, and kept with its date") {
    edit::Document doc(sample_workspace());
    MaturityScan scan{new_id(), kSampleToday, answers({{4, 4, 4, 4, 4}, {3, 3, 3, 3, 3}, {2, 2, 2, 2, 2}}), ""};
    REQUIRE(doc.execute(edit::add_scan(scan)));
    CHECK(doc.workspace().scans.size() == 3);
    const auto points = mt::history(doc.workspace());
    CHECK(points.back().scan == scan.id);
    CHECK(points.back().result.stage == 2);
    CHECK(doc.undo());
    CHECK(doc.workspace().scans.size() == 2);
}
