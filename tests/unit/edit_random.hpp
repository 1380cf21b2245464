// The edit tests' shared fixture and random command generator (edit_test.cpp, limits_test.cpp).
#pragma once

#include <random>
#include <string>
#include <vector>

#include "edit/commands.hpp"
#include "model/date.hpp"
#include "model/limits.hpp"
#include "model/model.hpp"

namespace wm::test {

using namespace wm::edit;

// A small workspace with one of everything: the lifecycle, a macro journey linked under Purchase,
// lanes of several kinds, cards, emotion scores and filled repositories, all cross-referenced.
struct Fixture {
    Workspace ws;
    Id macro, s_compare, s_buy, st_browse, st_plans, st_pay, l_actions, l_pains, l_emotion, c1, c2, c3;
    Id anna, ben, in1, op1, kpi1, kpi2, web, shop, scan1;
};

inline Fixture make_fixture(std::uint64_t seed = 1) {
    ids() = IdGenerator(seed);
    Fixture f;
    f.ws = blank_workspace("Acme");
    f.anna = new_id();
    f.ben = new_id();
    f.ws.personas = {Persona{f.anna, "Anna", "Student", "", "", {}, {}, {}, {}, "A", 0x123456},
                     Persona{f.ben, "Ben", "Retiree", "", "", {}, {}, {}, {}, "B", 0x654321}};
    f.web = new_id();
    f.shop = new_id();
    f.ws.channels = {Channel{f.web, "Website", true}, Channel{f.shop, "Comparison site", false}};

    Journey j;
    j.id = f.macro = new_id();
    j.title = "Buying a phone plan";
    j.level = 1;
    j.personas = {f.anna};
    f.s_compare = new_id();
    f.s_buy = new_id();
    f.st_browse = new_id();
    f.st_plans = new_id();
    f.st_pay = new_id();
    j.stages = {Stage{f.s_compare, "Compare", {Step{f.st_browse, "Browse", "", false}, Step{f.st_plans, "Compare plans", "", true}}},
                Stage{f.s_buy, "Buy", {Step{f.st_pay, "Pay", "", false}}}};
    f.l_actions = new_id();
    f.l_pains = new_id();
    f.l_emotion = new_id();
    j.lanes = {Lane{f.l_actions, "Customer actions", LaneKind::text, "Basics", 0x111111, false},
               Lane{f.l_pains, "Pains", LaneKind::pain, "Basics", 0x222222, false},
               Lane{f.l_emotion, "Feelings", LaneKind::emotion, "Basics", 0x333333, false}};
    f.c1 = new_id();
    f.c2 = new_id();
    f.c3 = new_id();
    j.cards = {Card{f.c1, f.l_actions, f.st_browse, "Opens the site", {f.anna}, 0, f.web, {}, {}},
               Card{f.c2, f.l_pains, f.st_plans, "Too many options", {f.anna, f.ben}, 4, {}, {}, {}},
               Card{f.c3, f.l_actions, f.st_pay, "Pays", {}, 0, f.shop, {}, {}}};
    j.emotions = {EmotionScore{f.l_emotion, f.st_browse, {}, 1}, EmotionScore{f.l_emotion, f.st_plans, f.anna, -2}};
    f.ws.journeys.push_back(j);
    const Journey& lifecycle = f.ws.journeys[0];
    f.ws.links.push_back(JourneyLink{lifecycle.id, f.macro, lifecycle.stages[2].id, {}});

    f.in1 = new_id();
    Insight insight;
    insight.id = f.in1;
    insight.title = "Plans are hard to compare";
    insight.personas = {f.anna, f.ben};
    insight.steps = {StepRef{f.macro, f.st_plans}, StepRef{f.macro, f.st_pay}};
    f.ws.insights.push_back(insight);
    f.op1 = new_id();
    Opportunity opp;
    opp.id = f.op1;
    opp.title = "Plan comparison table";
    opp.journeys = {f.macro};
    opp.steps = {StepRef{f.macro, f.st_plans}};
    opp.insights = {f.in1};
    opp.personas = {f.anna};
    opp.scores = {CriterionScore{f.ws.settings.scoring.criteria[0].id, 4}, CriterionScore{f.ws.settings.scoring.criteria[4].id, 2}};
    opp.solutions = {Solution{new_id(), "Side-by-side table", "", OpportunityStatus::idea}};
    f.ws.opportunities.push_back(opp);
    f.ws.journeys[1].cards[1].insights = {f.in1};
    f.ws.journeys[1].cards[1].opportunities = {f.op1};
    f.kpi1 = new_id();
    f.kpi2 = new_id();
    Metric m1;
    m1.id = f.kpi1;
    m1.name = "Conversion";
    m1.unit = "%";
    m1.journey = f.macro;
    m1.stage = f.s_compare;
    m1.step = f.st_plans;
    m1.values = {MetricValue{date_from_ymd(2026, 1, 1), 3.5, ""}};
    Metric m2;
    m2.id = f.kpi2;
    m2.name = "Revenue";
    m2.journey = f.ws.journeys[0].id;
    m2.rollup = RollUp::sum;
    m2.rollup_inputs = {f.kpi1};
    f.ws.metrics = {m1, m2};
    f.ws.journeys[1].metrics = {f.kpi1};
    f.scan1 = new_id();
    f.ws.scans.push_back(MaturityScan{f.scan1, date_from_ymd(2026, 2, 1), {ScanAnswer{"insight.1", 2}}, ""});
    return f;
}


// Picks targets from the current document (and now and then an id that does not exist, so refusals
// are exercised too) and builds one random command of any kind.
struct Gen {
    std::mt19937_64 rng;
    const Workspace* ws = nullptr;

    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng() % n); }
    bool one_in(std::size_t n) { return below(n) == 0; }
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
    // Hostile texts now and then (hostile = true): at and over the length limit, invalid UTF-8, a
    // lone surrogate as a broken clipboard sends it, characters outside the BMP, control characters.
    bool hostile = false;
    std::string text() {
        if (hostile && one_in(6)) {
            switch (below(7)) {
            case 0: return std::string(limits::kMaxTextBytes, 'x');
            case 1: return std::string(limits::kMaxTextBytes + 1 + below(300'000), 'y');
            case 2: return "bad \xC3";
            case 3: return "lone \xED\xA0\xBD surrogate";
            case 4: return "Keep \xF0\x9F\x98\x80 and \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 and \xF0\x9D\x84\x9E";
            case 5: return std::string("\x01\t\"\\") + std::string(limits::kMaxTextBytes - 4, 'q');
            default: return std::string(limits::kMaxTextBytes - 1, 'z') + "\xC3\xA9";
            }
        }
        return std::string(1 + below(3), static_cast<char>('a' + below(26)));
    }
    template <class T>
    Id pick(const std::vector<T>& list) {
        return list.empty() || one_in(12) ? new_id() : list[below(list.size())].id;
    }
    const Journey& journey() { return ws->journeys[below(ws->journeys.size())]; }
    Id stage(const Journey& j) { return pick(j.stages); }
    Id step(const Journey& j) {
        std::vector<Id> all;
        for (const auto& s : j.stages)
            for (const auto& st : s.steps) all.push_back(st.id);
        return all.empty() || one_in(12) ? new_id() : all[below(all.size())];
    }
    std::vector<Id> some(std::vector<Id> pool) {
        std::vector<Id> out;
        for (const Id& id : pool)
            if (one_in(2)) out.push_back(id);
        if (one_in(10)) out.push_back(new_id());
        return out;
    }
    template <class T>
    std::vector<Id> ids_of(const std::vector<T>& list) {
        std::vector<Id> out;
        for (const auto& x : list) out.push_back(x.id);
        return out;
    }
    Card card(const Journey& j) {
        return Card{new_id(), pick(j.lanes), step(j), text(), some(ids_of(ws->personas)), between(0, 5), one_in(2) ? Id{} : pick(ws->channels), {}, {}};
    }
};

// Kinds of command random_command makes; `kind` picks one (0..kCommandKinds-1), -1 a random one.
inline constexpr int kCommandKinds = 62;

inline Command random_command(Gen& g, int kind = -1) {
    const Workspace& ws = *g.ws;
    const Journey& j = g.journey();
    const Id J = g.one_in(20) ? new_id() : j.id;
    switch (kind >= 0 ? static_cast<std::size_t>(kind % kCommandKinds) : g.below(kCommandKinds)) {
    case 0: return set_workspace_name(g.text());
    case 1: return add_level(g.below(4), g.text());
    case 2: return rename_level(g.below(4), g.text());
    case 3: return remove_level(g.below(4));
    case 4: return set_emotion_scale(g.between(-4, 0), g.between(-1, 4));
    case 5: return set_stale_after_days(g.between(-5, 400));
    case 6: return add_criterion(Criterion{new_id(), g.text(), "", CriterionGroup::business, 1, 1, g.between(0, 6)}, g.below(6));
    case 7: {
        Criterion c{g.pick(ws.settings.scoring.criteria), g.text(), "", CriterionGroup::customer, 2, 1, g.between(1, 5)};
        return edit_criterion(c);
    }
    case 8: return remove_criterion(g.pick(ws.settings.scoring.criteria));
    case 9: return move_criterion(g.pick(ws.settings.scoring.criteria), g.below(6));
    case 10: return replace_scoring_model(g.one_in(2) ? default_scoring_model() : ws.settings.scoring);
    case 11: {
        Journey n;
        n.id = new_id();
        n.title = g.text();
        n.level = g.between(0, 3);
        n.stages = {Stage{new_id(), g.text(), {Step{new_id(), g.text(), "", false}}}};
        n.lanes = {Lane{new_id(), g.text(), LaneKind::text, "", 0, false}};
        n.cards = {Card{new_id(), n.lanes[0].id, n.stages[0].steps[0].id, g.text(), {}, 0, {}, {}, {}}};
        return add_journey(n, g.below(4));
    }
    case 12: return g.one_in(3) ? remove_journey(J) : move_journey(J, g.below(4));
    case 13: return set_journey_title(J, g.text());
    case 14: return set_journey_level(J, g.between(0, 3));
    case 15: return set_journey_counterpart(J, g.one_in(3) ? Id{} : g.pick(ws.journeys));
    case 16: return set_journey_personas(J, g.some(g.ids_of(ws.personas)));
    case 17: return set_journey_tags(J, {g.text()});
    case 18: return set_journey_status(J, static_cast<JourneyStatus>(g.below(4)));
    case 19: return add_stage(J, Stage{new_id(), g.text(), {Step{new_id(), g.text(), "", false}}}, g.below(4));
    case 20: return rename_stage(J, g.stage(j), g.text());
    case 21: return move_stage(J, g.stage(j), g.below(4));
    case 22: return remove_stage(J, g.stage(j));
    case 23: return add_step(J, g.stage(j), Step{new_id(), g.text(), "", false}, g.below(3));
    case 24: return set_step_name(J, g.step(j), g.text());
    case 25: return set_step_moment_of_truth(J, g.step(j), g.one_in(2));
    case 26: return move_step(J, g.step(j), g.stage(j), g.below(3));
    case 27: return remove_step(J, g.step(j));
    case 28: return add_lane(J, Lane{new_id(), g.text(), static_cast<LaneKind>(g.below(9)), g.text(), 0, false}, g.below(4));
    case 29: return set_lane_name(J, g.pick(j.lanes), g.text());
    case 30: return set_lane_kind(J, g.pick(j.lanes), static_cast<LaneKind>(g.below(9)));
    case 31: return g.one_in(2) ? set_lane_collapsed(J, g.pick(j.lanes), g.one_in(2)) : move_lane(J, g.pick(j.lanes), g.below(4));
    case 32: return remove_lane(J, g.pick(j.lanes));
    case 33: return add_card(J, g.card(j), g.pick(j.cards));
    case 34: return add_cards(J, {g.card(j), g.card(j), g.card(j)});
    case 35: return set_card_text(J, g.pick(j.cards), g.text());
    case 36: return set_card_severity(J, g.pick(j.cards), g.between(0, 6));
    case 37: return set_card_insights(J, g.pick(j.cards), g.some(g.ids_of(ws.insights)));
    case 38: return move_card(J, g.pick(j.cards), g.pick(j.lanes), g.step(j), g.pick(j.cards));
    case 39: return move_cards(J, {CardPlacement{g.pick(j.cards), g.pick(j.lanes), g.step(j)},
                                   CardPlacement{g.pick(j.cards), g.pick(j.lanes), g.step(j)}});
    case 40: return remove_card(J, g.pick(j.cards));
    case 41: return remove_cards(J, {g.pick(j.cards), g.pick(j.cards)});
    case 42: return set_emotion(J, g.pick(j.lanes), g.step(j), g.one_in(2) ? Id{} : g.pick(ws.personas), g.between(-4, 4));
    case 43: return clear_emotion(J, g.pick(j.lanes), g.step(j), g.one_in(2) ? Id{} : g.pick(ws.personas));
    case 44: return add_link(JourneyLink{g.pick(ws.journeys), J, g.stage(j), g.one_in(2) ? Id{} : g.step(j)});
    case 45: {
        if (ws.links.empty() || g.one_in(4)) return unlink(g.pick(ws.journeys), J);
        const JourneyLink& l = ws.links[g.below(ws.links.size())];
        return g.one_in(2) ? remove_link(l) : unlink(l.parent, l.child);
    }
    case 46: {
        if (ws.links.empty()) return reparent(J, g.pick(ws.journeys), JourneyLink{});
        const JourneyLink& l = ws.links[g.below(ws.links.size())];
        const Journey& p = g.journey();
        return reparent(l.child, l.parent, JourneyLink{p.id, l.child, g.stage(p), {}});
    }
    case 47: return add_persona(Persona{new_id(), g.text(), "", "", "", {}, {}, {}, {}, "X", 0}, g.below(3));
    case 48: return g.one_in(2) ? remove_persona(g.pick(ws.personas)) : move_persona(g.pick(ws.personas), g.below(3));
    case 49: {
        Insight i;
        i.id = g.one_in(2) ? new_id() : g.pick(ws.insights);
        i.title = g.text();
        i.personas = g.some(g.ids_of(ws.personas));
        i.steps = {StepRef{j.id, g.step(j)}};
        i.impact = g.between(-3, 2);
        return find_by_id(ws.insights, i.id) ? replace_insight(i) : add_insight(i);
    }
    case 50: return remove_insight(g.pick(ws.insights));
    case 51: {
        Opportunity o;
        o.id = g.one_in(2) ? new_id() : g.pick(ws.opportunities);
        o.title = g.text();
        o.journeys = g.some(g.ids_of(ws.journeys));
        o.insights = g.some(g.ids_of(ws.insights));
        return find_by_id(ws.opportunities, o.id) ? replace_opportunity(o) : add_opportunity(o);
    }
    case 52: return remove_opportunity(g.pick(ws.opportunities));
    case 53: {
        const Id o = g.pick(ws.opportunities);
        switch (g.below(4)) {
        case 0: return add_solution(o, Solution{new_id(), g.text(), "", OpportunityStatus::idea});
        case 1: return set_will_not_do(o, g.one_in(2), g.text());
        default: return set_opportunity_score(o, g.pick(ws.settings.scoring.criteria),
                                              g.one_in(4) ? std::optional<double>() : double(g.between(0, 6)));
        }
    }
    case 54: {
        Metric m;
        m.id = g.one_in(2) ? new_id() : g.pick(ws.metrics);
        m.name = g.text();
        m.journey = J;
        m.step = g.one_in(2) ? Id{} : g.step(j);
        m.rollup_inputs = g.some(g.ids_of(ws.metrics));
        return find_by_id(ws.metrics, m.id) ? replace_metric(m) : add_metric(m);
    }
    case 55: return remove_metric(g.pick(ws.metrics));
    case 56: return set_metric_value(g.pick(ws.metrics), MetricValue{Date{g.between(0, 3)}, double(g.between(0, 9)), g.one_in(2) ? "" : "NL"});
    case 57: return remove_metric_value(g.pick(ws.metrics), Date{g.between(0, 3)}, "");
    case 58: return g.one_in(2) ? add_channel(Channel{new_id(), g.text(), g.one_in(2)}) : remove_channel(g.pick(ws.channels));
    case 59: return g.one_in(2) ? add_scan(MaturityScan{new_id(), Date{g.between(0, 9)}, {}, g.text()}) : remove_scan(g.pick(ws.scans));
    case 60: return set_card_channel(J, g.pick(j.cards), g.pick(ws.channels));
    default: return set_card_personas(J, g.pick(j.cards), g.some(g.ids_of(ws.personas)));
    }
}

}  // namespace wm::test
