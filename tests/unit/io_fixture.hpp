// A workspace with every field of every type set to a non-default value, for io round-trip tests.
#pragma once

#include "model/date.hpp"
#include "model/model.hpp"

namespace wm::test {

inline Workspace rich_workspace() {
    IdGenerator gen(7);
    Workspace ws;
    ws.id = gen.next();
    ws.name = "Telco “Ünïcode” workspace\twith \"quotes\" and \\ backslash";
    ws.settings.level_names = {"Lifecycle", "Macro journeys", "Micro journeys"};
    ws.settings.emotion_min = -2;
    ws.settings.emotion_max = 4;
    ws.settings.stale_after_days = 90;
    ws.settings.default_template = "service";
    ws.settings.scoring.preset = "custom";
    ws.settings.scoring.evidence_weight = 0.35;
    Criterion reach{gen.next(), "Reach", "customers per quarter", CriterionGroup::business, 1.5, 0, 10};
    Criterion effort{gen.next(), "Effort", "person-weeks", CriterionGroup::effort, 0.1, 1, 5};
    ws.settings.scoring.criteria = {reach, effort};

    Persona p{gen.next(), "Priya", "Prepaid customer", "NL / Prepaid", "I just want it to work.", {"stay connected"},
              {"clear pricing"}, {"surprise bills"}, {"top up quickly"}, "PR", 0x112233};
    ws.personas = {p};
    Channel app{gen.next(), "App", true};
    Channel shop{gen.next(), "Partner shop", false};
    ws.channels = {app, shop};

    Journey life;
    life.id = gen.next();
    life.title = "Customer lifecycle";
    life.description = "From first ad to leaving";
    life.level = 0;
    life.owner = "CX team";
    life.status = JourneyStatus::live;
    life.personas = {p.id};
    life.tags = {"core", "2026"};
    Stage buy{gen.next(), "Purchase", {Step{gen.next(), "Compare", "plans side by side", true},
                                       Step{gen.next(), "Sign up", "", false}}};
    Stage renew{gen.next(), "Renew", {Step{gen.next(), "Reminder", "e-mail 30 days before", false}}};
    life.stages = {buy, renew};
    Lane text_lane{gen.next(), "Doing", LaneKind::text, "Customer", 0xABCDEF, true};
    Lane pain_lane{gen.next(), "Pains", LaneKind::pain, "Customer", 0xFF0000, false};
    Lane emo_lane{gen.next(), "Feeling", LaneKind::emotion, "Customer", 0x00FF00, false};
    Lane touch_lane{gen.next(), "Touchpoints", LaneKind::touchpoint, "Company", 0x0000FF, false};
    life.lanes = {text_lane, pain_lane, emo_lane, touch_lane};

    Insight ins;
    ins.id = gen.next();
    ins.title = "Bills surprise people";
    ins.text = "7 of 12 interviewees mentioned it.\nSecond line.";
    ins.type = InsightType::pain;
    ins.source = InsightSource::interview;
    ins.source_detail = "12 interviews, March 2026";
    ins.evidence = Evidence::validated;
    ins.last_validated = date_from_ymd(2026, 3, 14);
    ins.impact = -2;
    ins.personas = {p.id};
    ins.steps = {StepRef{life.id, buy.steps[0].id}};
    ins.tags = {"billing"};
    ws.insights = {ins};

    Opportunity opp;
    opp.id = gen.next();
    opp.title = "Price preview";
    opp.description = "Show the next bill before it is due";
    opp.owner = "Billing squad";
    opp.status = OpportunityStatus::in_progress;
    opp.will_not_do = true;
    opp.will_not_do_reason = "legal review pending";
    opp.journeys = {life.id};
    opp.steps = {StepRef{life.id, renew.steps[0].id}};
    opp.insights = {ins.id};
    opp.personas = {p.id};
    opp.scores = {CriterionScore{reach.id, 7.25}, CriterionScore{effort.id, 3}};
    opp.solutions = {Solution{gen.next(), "Bill preview in app", "a card on the home screen", OpportunityStatus::planned}};
    ws.opportunities = {opp};

    Card c1{gen.next(), text_lane.id, buy.steps[0].id, "Compares three plans", {p.id}, 0, Id{}, {}, {}};
    Card c2{gen.next(), pain_lane.id, buy.steps[1].id, "Too many fields", {}, 4, Id{}, {ins.id}, {opp.id}};
    Card c3{gen.next(), touch_lane.id, renew.steps[0].id, "Reminder e-mail", {}, 0, shop.id, {}, {}};
    life.cards = {c1, c2, c3};
    life.emotions = {EmotionScore{emo_lane.id, buy.steps[0].id, Id{}, 3},
                     EmotionScore{emo_lane.id, buy.steps[1].id, p.id, -2}};

    Journey micro;
    micro.id = gen.next();
    micro.title = "Sign up online";
    micro.level = 1;
    micro.state = JourneyState::to_be;
    micro.status = JourneyStatus::prototype;
    micro.stages = {Stage{gen.next(), "Form", {Step{gen.next(), "Fill in", "", false}}}};
    Journey micro_now = micro;
    micro_now.id = gen.next();
    micro_now.title = "Sign up online (today)";
    micro_now.state = JourneyState::current;
    micro_now.status = JourneyStatus::being_researched;
    micro_now.stages = {Stage{gen.next(), "Form", {Step{gen.next(), "Fill in", "", false}}}};
    micro.counterpart = micro_now.id;

    Metric kpi;
    kpi.id = gen.next();
    kpi.name = "Conversion";
    kpi.unit = "%";
    kpi.description = "sign-ups / visits";
    kpi.owner = "Growth";
    kpi.direction = Direction::higher_is_better;
    kpi.target = 12.5;
    kpi.journey = life.id;
    kpi.stage = buy.id;
    kpi.step = buy.steps[1].id;
    kpi.rollup = RollUp::none;
    kpi.weight = 2;
    kpi.values = {MetricValue{date_from_ymd(2026, 1, 31), 9.8, ""},
                  MetricValue{date_from_ymd(2026, 2, 28), 0.1 + 0.2, "NL / Prepaid"}};
    Metric overall;
    overall.id = gen.next();
    overall.name = "Overall conversion";
    overall.journey = life.id;
    overall.direction = Direction::lower_is_better;
    overall.rollup = RollUp::weighted_average;
    overall.rollup_inputs = {kpi.id};
    ws.metrics = {kpi, overall};
    life.metrics = {kpi.id, overall.id};

    ws.journeys = {life, micro_now, micro};
    ws.links = {JourneyLink{life.id, micro_now.id, buy.id, buy.steps[1].id},
                JourneyLink{life.id, micro.id, buy.id, Id{}}};
    ws.scans = {MaturityScan{gen.next(), date_from_ymd(2025, 12, 1),
                             {ScanAnswer{"vision", 3}, ScanAnswer{"governance", 0}}, "first scan"}};
    return ws;
}

}  // namespace wm::test
