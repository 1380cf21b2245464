// The sample workspace (model/sample.hpp) and the lane templates (model/templates.hpp): the counts the
// product promises, every reference resolving, determinism, and the committed asset never drifting.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "framework/framework.hpp"
#include "io/file_format.hpp"
#include "model/date.hpp"
#include "model/sample.hpp"
#include "model/templates.hpp"
#include "model/validate.hpp"

using namespace wm;

// A self-contained reference check (also used by generate_test.cpp): ids non-nil and unique across
// the workspace, every reference resolving, levels within the configured levels and children deeper
// than their parents. One sentence per problem.
std::vector<std::string> reference_problems(const Workspace& ws) {
    std::vector<std::string> problems;
    std::unordered_set<Id> seen;
    auto own = [&](Id id, const std::string& what) {
        if (id.is_nil()) problems.push_back(what + ": nil id");
        else if (!seen.insert(id).second) problems.push_back(what + ": duplicate id " + id.str());
    };
    auto expect = [&](bool ok, const std::string& what) {
        if (!ok) problems.push_back(what);
    };
    std::unordered_set<Id> personas, insights, opportunities, metrics, channels, criteria;
    own(ws.id, "workspace");
    for (const auto& c : ws.settings.scoring.criteria) own(c.id, "criterion " + c.name), criteria.insert(c.id);
    for (const auto& p : ws.personas) own(p.id, "persona " + p.name), personas.insert(p.id);
    for (const auto& i : ws.insights) own(i.id, "insight " + i.title), insights.insert(i.id);
    for (const auto& o : ws.opportunities) {
        own(o.id, "opportunity " + o.title), opportunities.insert(o.id);
        for (const auto& s : o.solutions) own(s.id, "solution " + s.title);
    }
    for (const auto& m : ws.metrics) own(m.id, "metric " + m.name), metrics.insert(m.id);
    for (const auto& c : ws.channels) own(c.id, "channel " + c.name), channels.insert(c.id);
    for (const auto& s : ws.scans) own(s.id, "scan");

    auto journey_of = [&](Id id) { return find_by_id(ws.journeys, id); };
    auto step_ok = [&](const StepRef& ref) {
        const Journey* j = journey_of(ref.journey);
        return j && find_step(*j, ref.step);
    };
    const int levels = static_cast<int>(ws.settings.level_names.size());
    for (const auto& j : ws.journeys) {
        const std::string at = "journey '" + j.title + "'";
        own(j.id, at);
        expect(j.level >= 0 && j.level < levels, at + ": level out of range");
        if (!j.counterpart.is_nil()) expect(journey_of(j.counterpart) && j.counterpart != j.id, at + ": bad counterpart");
        for (Id p : j.personas) expect(personas.count(p), at + ": unknown persona");
        for (Id m : j.metrics) expect(metrics.count(m), at + ": unknown metric");
        std::unordered_set<Id> steps, lanes;
        for (const auto& stage : j.stages) {
            own(stage.id, at + " stage " + stage.name);
            for (const auto& step : stage.steps) own(step.id, at + " step " + step.name), steps.insert(step.id);
        }
        for (const auto& lane : j.lanes) own(lane.id, at + " lane " + lane.name), lanes.insert(lane.id);
        for (const auto& card : j.cards) {
            own(card.id, at + " card");
            expect(lanes.count(card.lane) && steps.count(card.step), at + ": card '" + card.text + "' off the map");
            expect(card.severity >= 0 && card.severity <= 5, at + ": severity out of range");
            if (!card.channel.is_nil()) expect(channels.count(card.channel), at + ": unknown channel");
            for (Id p : card.personas) expect(personas.count(p), at + ": card persona");
            for (Id i : card.insights) expect(insights.count(i), at + ": card insight");
            for (Id o : card.opportunities) expect(opportunities.count(o), at + ": card opportunity");
        }
        for (const auto& e : j.emotions) {
            expect(lanes.count(e.lane) && steps.count(e.step), at + ": emotion off the map");
            if (!e.persona.is_nil()) expect(personas.count(e.persona), at + ": emotion persona");
            expect(e.score >= ws.settings.emotion_min && e.score <= ws.settings.emotion_max, at + ": emotion out of scale");
        }
    }
    for (const auto& link : ws.links) {
        const Journey* parent = journey_of(link.parent);
        const Journey* child = journey_of(link.child);
        if (!parent || !child) {
            problems.push_back("link: unknown journey");
            continue;
        }
        const std::string at = "link '" + parent->title + "' -> '" + child->title + "'";
        expect(child->level > parent->level, at + ": child not deeper");
        const Stage* stage = find_by_id(parent->stages, link.stage);
        expect(stage != nullptr, at + ": stage not in parent");
        if (stage && !link.step.is_nil()) expect(find_by_id(stage->steps, link.step) != nullptr, at + ": step not in stage");
    }
    for (const auto& i : ws.insights) {
        for (Id p : i.personas) expect(personas.count(p), "insight '" + i.title + "': persona");
        for (const auto& s : i.steps) expect(step_ok(s), "insight '" + i.title + "': step");
        expect(i.impact >= -2 && i.impact <= 2, "insight '" + i.title + "': impact");
    }
    for (const auto& o : ws.opportunities) {
        const std::string at = "opportunity '" + o.title + "'";
        for (Id j : o.journeys) expect(journey_of(j) != nullptr, at + ": journey");
        for (const auto& s : o.steps) expect(step_ok(s), at + ": step");
        for (Id i : o.insights) expect(insights.count(i), at + ": insight");
        for (Id p : o.personas) expect(personas.count(p), at + ": persona");
        for (const auto& s : o.scores) expect(criteria.count(s.criterion), at + ": criterion");
    }
    for (const auto& m : ws.metrics) {
        const std::string at = "metric '" + m.name + "'";
        const Journey* j = journey_of(m.journey);
        expect(j != nullptr, at + ": journey");
        if (j && !m.stage.is_nil()) expect(find_by_id(j->stages, m.stage) != nullptr, at + ": stage");
        if (j && !m.step.is_nil()) {
            const Stage* stage = nullptr;
            expect(find_step(*j, m.step, &stage) && stage->id == m.stage, at + ": step not in its stage");
        }
        for (Id input : m.rollup_inputs) expect(metrics.count(input) && input != m.id, at + ": roll-up input");
        for (std::size_t k = 1; k < m.values.size(); ++k) {
            const auto& a = m.values[k - 1];
            const auto& b = m.values[k];
            expect(a.date < b.date || (a.date == b.date && a.segment < b.segment), at + ": values not sorted");
        }
    }
    return problems;
}

namespace {

const Journey* by_title(const Workspace& ws, const std::string& title) {
    for (const auto& j : ws.journeys)
        if (j.title == title) return &j;
    return nullptr;
}

std::vector<std::string> lane_names(const std::vector<Lane>& lanes) {
    std::vector<std::string> names;
    for (const auto& l : lanes) names.push_back(l.name);
    return names;
}

// `wanted` appears in `names` in this order (other lanes may sit in between).
bool in_order(const std::vector<std::string>& names, std::initializer_list<const char*> wanted) {
    std::size_t at = 0;
    for (const char* w : wanted) {
        while (at < names.size() && names[at] != w) ++at;
        if (at == names.size()) return false;
        ++at;
    }
    return true;
}

const Lane* lane_named(const std::vector<Lane>& lanes, const std::string& name) {
    for (const auto& l : lanes)
        if (l.name == name) return &l;
    return nullptr;
}

}  // namespace

TEST_CASE("lane templates hold the lanes of DESIGN.md §4") {
    IdGenerator gen(7);
    CHECK(kLaneTemplates.size() == 4);
    CHECK(template_from_key("basics") == LaneTemplate::basics);
    CHECK(template_from_key("five-layers") == LaneTemplate::five_layers);
    CHECK(template_from_key("three-layers") == LaneTemplate::three_layers);
    CHECK(template_from_key("service-blueprint") == LaneTemplate::service_blueprint);
    CHECK_FALSE(template_from_key("nope").has_value());
    CHECK(template_info(LaneTemplate::five_layers).name == "Five layers");

    const auto basics = make_template_lanes(LaneTemplate::basics, gen);
    CHECK(in_order(lane_names(basics), {"Customer actions", "Touchpoints", "Thoughts & feelings", "Pains", "Gains", "Opportunities"}));
    CHECK(lane_named(basics, "Touchpoints")->kind == LaneKind::touchpoint);
    CHECK(lane_named(basics, "Thoughts & feelings")->kind == LaneKind::emotion);
    CHECK(lane_named(basics, "Pains")->kind == LaneKind::pain);
    CHECK(lane_named(basics, "Gains")->kind == LaneKind::gain);
    CHECK(lane_named(basics, "Opportunities")->kind == LaneKind::opportunity);

    const auto five = make_template_lanes(LaneTemplate::five_layers, gen);
    CHECK(in_order(lane_names(five), {"Drivers", "Barriers", "Value proposition", "Marketing objectives", "Contact rules",
                                      "Channels", "Offers & content", "Business case", "KPIs & targets", "Test & learn",
                                      "Data", "People", "Process", "Technology"}));
    CHECK(lane_named(five, "Drivers")->kind == LaneKind::gain);
    CHECK(lane_named(five, "Barriers")->kind == LaneKind::pain);
    CHECK(lane_named(five, "Channels")->kind == LaneKind::touchpoint);
    CHECK(lane_named(five, "KPIs & targets")->kind == LaneKind::metric);
    CHECK(lane_named(five, "Drivers")->layer == "Customer needs");
    CHECK(lane_named(five, "Marketing objectives")->layer == "Marketing objectives");
    CHECK(lane_named(five, "Business case")->layer == "Contact strategy");
    CHECK(lane_named(five, "Test & learn")->layer == "Performance");
    CHECK(lane_named(five, "Technology")->layer == "Enablers");

    const auto three = make_template_lanes(LaneTemplate::three_layers, gen);
    CHECK(in_order(lane_names(three), {"Channels", "Messages", "Cadence", "Inbound/outbound interactions", "Data collection"}));
    CHECK(lane_named(three, "Channels")->kind == LaneKind::touchpoint);
    CHECK(lane_named(three, "Messages")->layer == "Experience narrative");
    std::set<std::string> three_layers;
    for (const auto& l : three) three_layers.insert(l.layer);
    CHECK(three_layers == std::set<std::string>{"Business imperatives & customer needs", "Experience narrative", "Data & technology"});

    const auto blueprint = make_template_lanes(LaneTemplate::service_blueprint, gen);
    CHECK(in_order(lane_names(blueprint), {"Customer actions", "Frontstage", "Backstage", "Support processes", "Evidence"}));

    for (const auto& info : kLaneTemplates) {
        const auto lanes = make_template_lanes(info.id, gen);
        REQUIRE_FALSE(lanes.empty());
        std::set<Id> ids;
        std::vector<std::string> layers;  // in order of first appearance: each layer is contiguous
        std::set<std::uint32_t> colors;
        for (const auto& l : lanes) {
            CHECK_FALSE(l.id.is_nil());
            ids.insert(l.id);
            if (layers.empty() || layers.back() != l.layer) {
                for (const auto& earlier : layers) CHECK_MESSAGE(earlier != l.layer, info.key, ": layer split ", l.layer);
                layers.push_back(l.layer);
                colors.insert(l.color);
            }
        }
        CHECK(ids.size() == lanes.size());
        CHECK(colors.size() == layers.size());  // one distinct colour per layer
    }
    // Fresh ids on every call.
    CHECK(make_template_lanes(LaneTemplate::basics, gen)[0].id != make_template_lanes(LaneTemplate::basics, gen)[0].id);

    const auto stages = default_stages(gen);
    CHECK(stages.size() == 3);
    for (const auto& s : stages) CHECK_FALSE(s.steps.empty());
}

TEST_CASE("the sample workspace is deterministic and every reference resolves") {
    const Workspace a = sample_workspace();
    const Workspace b = sample_workspace();
    CHECK(a == b);
    const auto problems = reference_problems(a);
    for (const auto& p : problems) MESSAGE(p);
    CHECK(problems.empty());
    const auto framework = check_framework(a);
    for (const auto& p : framework) MESSAGE(p);
    CHECK(framework.empty());
    const auto invalid = validate(a);
    for (const auto& p : invalid) MESSAGE(p);
    CHECK(invalid.empty());
    Framework fw(a);
    CHECK_FALSE(fw.has_loop());
    CHECK(fw.orphans().empty());
    CHECK(fw.roots().size() == 1);
}

TEST_CASE("the sample workspace holds what the issue promises") {
    const Workspace ws = sample_workspace();
    CHECK(ws.name == "Lumen Mobile");
    CHECK(ws.settings.level_names.size() == 3);

    // L0 lifecycle with the five stages and the business KPIs: targets and a year of monthly values.
    const Journey* l0 = by_title(ws, "Customer lifecycle");
    REQUIRE(l0 != nullptr);
    CHECK(l0->level == 0);
    REQUIRE(l0->stages.size() == 5);
    const char* stages[] = {"Awareness", "Consideration", "Purchase", "Renew", "Leave"};
    for (int i = 0; i < 5; ++i) CHECK(l0->stages[static_cast<std::size_t>(i)].name == stages[i]);
    for (const char* kpi : {"Revenue", "Churn", "Growth rate", "Activation", "Cross-sell"}) {
        const Metric* found = nullptr;
        for (const auto& m : ws.metrics)
            if (m.name == kpi && m.journey == l0->id) found = &m;
        REQUIRE_MESSAGE(found != nullptr, kpi);
        CHECK(found->target.has_value());
        CHECK(std::find(l0->metrics.begin(), l0->metrics.end(), found->id) != l0->metrics.end());
        std::set<Date> months;
        for (const auto& v : found->values) months.insert(v.date);
        CHECK(months.size() == 12);
        CHECK(to_iso(*months.rbegin()) == "2026-10-01");
    }

    // Levels: at least 4 macro journeys, at least 8 micro journeys linked from steps.
    int l1 = 0, l2_linked = 0;
    for (const auto& j : ws.journeys) {
        if (j.level == 1 && j.state == JourneyState::current) ++l1;
        if (j.level != 2) continue;
        bool from_step = false;
        for (const auto& link : ws.links) from_step = from_step || (link.child == j.id && !link.step.is_nil());
        l2_linked += from_step ? 1 : 0;
    }
    CHECK(l1 >= 4);
    CHECK(l2_linked >= 8);

    // Segmented L1 metrics (market × product line).
    bool segmented = false;
    for (const auto& m : ws.metrics) {
        const Journey* j = find_by_id(ws.journeys, m.journey);
        if (j && j->level == 1)
            for (const auto& v : m.values) segmented = segmented || v.segment == "SE / Phone + plan";
    }
    CHECK(segmented);

    CHECK(ws.personas.size() == 3);

    // Insights with evidence: some validated, some stale, some never validated.
    CHECK(ws.insights.size() >= 20);
    const Date today = date_from_ymd(2026, 11, 23);
    int stale = 0, never = 0, fresh = 0;
    for (const auto& i : ws.insights) {
        CHECK_FALSE(i.steps.empty());
        CHECK_FALSE(i.source_detail.empty());
        if (!i.last_validated) ++never;
        else if (today.days - i.last_validated->days > ws.settings.stale_after_days) ++stale;
        else ++fresh;
    }
    CHECK(stale >= 2);
    CHECK(never >= 2);
    CHECK(fresh >= 10);

    // Opportunities scored on every criterion of the workspace's scoring model.
    CHECK(ws.opportunities.size() >= 12);
    int with_solutions = 0, will_not_do = 0;
    std::set<OpportunityStatus> statuses;
    for (const auto& o : ws.opportunities) {
        CHECK(o.scores.size() == ws.settings.scoring.criteria.size());
        for (const auto& s : o.scores) {
            const Criterion* c = find_by_id(ws.settings.scoring.criteria, s.criterion);
            REQUIRE(c != nullptr);
            CHECK(s.value >= c->scale_min);
            CHECK(s.value <= c->scale_max);
        }
        with_solutions += o.solutions.empty() ? 0 : 1;
        if (o.will_not_do) {
            ++will_not_do;
            CHECK_FALSE(o.will_not_do_reason.empty());
        }
        statuses.insert(o.status);
    }
    CHECK(with_solutions >= 5);
    CHECK(will_not_do == 1);
    CHECK(statuses.size() == 5);

    // A to-be journey with its counterpart, differing step by step.
    const Journey* current = by_title(ws, "Buying a phone plan");
    const Journey* to_be = by_title(ws, "Buying a phone plan (to-be)");
    REQUIRE(current != nullptr);
    REQUIRE(to_be != nullptr);
    CHECK(current->state == JourneyState::current);
    CHECK(to_be->state == JourneyState::to_be);
    CHECK(to_be->counterpart == current->id);
    auto step_names = [](const Journey& j) {
        std::set<std::string> names;
        for (const auto& s : j.stages)
            for (const auto& st : s.steps) names.insert(st.name);
        return names;
    };
    const auto before = step_names(*current), after = step_names(*to_be);
    int added = 0, removed = 0;
    for (const auto& n : after) added += before.count(n) ? 0 : 1;
    for (const auto& n : before) removed += after.count(n) ? 0 : 1;
    CHECK(added >= 1);
    CHECK(removed >= 1);

    // Maps have content: cards with channels (owned and not), emotion scores per persona, pains rated.
    bool owned = false, not_owned = false;
    for (const auto& j : ws.journeys) {
        if (j.status == JourneyStatus::live) {
            CHECK_MESSAGE(j.cards.size() >= 10, j.title);
            bool has_emotion_lane = false;
            for (const auto& l : j.lanes) has_emotion_lane = has_emotion_lane || l.kind == LaneKind::emotion;
            if (has_emotion_lane) CHECK_MESSAGE(!j.emotions.empty(), j.title);
        }
        for (const auto& c : j.cards) {
            const Channel* ch = find_by_id(ws.channels, c.channel);
            if (ch) (ch->owned ? owned : not_owned) = true;
            const Lane* lane = find_by_id(j.lanes, c.lane);
            if (lane && lane->kind == LaneKind::pain) CHECK(c.severity >= 1);
        }
    }
    CHECK(owned);
    CHECK(not_owned);

    // Every lane template is in use somewhere.
    for (const char* lane : {"Customer actions", "Drivers", "Messages", "Frontstage"}) {
        bool used = false;
        for (const auto& j : ws.journeys) used = used || lane_named(j.lanes, lane) != nullptr;
        CHECK_MESSAGE(used, lane);
    }

    REQUIRE(ws.scans.size() == 2);
    CHECK(ws.scans[0].date < ws.scans[1].date);
}

TEST_CASE("the committed sample asset is export_json(sample_workspace())") {
    std::ifstream in(WAYMARK_SOURCE_DIR "/assets/sample.waymark.json", std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "assets/sample.waymark.json is missing");
    std::ostringstream text;
    text << in.rdbuf();
    const Workspace ws = sample_workspace();
    const std::string expected = io::export_json(ws);
    // On failure: rebuild tools/make_sample and run `make_sample assets/sample.waymark.json`.
    CHECK_MESSAGE(text.str() == expected, "assets/sample.waymark.json is stale: regenerate it with tools/make_sample");
    const io::LoadResult loaded = io::import_json(text.str());
    CHECK_MESSAGE(loaded.error.empty(), loaded.error);
    REQUIRE(loaded.workspace.has_value());
    CHECK(*loaded.workspace == ws);
}
