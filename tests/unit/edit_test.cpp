// Commands and history (src/edit): each command applied, undone, redone; refusals; gestures; the
// saved position; and a property test over thousands of random command sequences.
#include <doctest/doctest.h>

#include <random>

#include "edit/commands.hpp"
#include "edit/history.hpp"
#include "io/file_format.hpp"
#include "edit_random.hpp"
#include "model/date.hpp"
#include "model/limits.hpp"

using namespace wm;
using namespace wm::edit;

namespace {

using test::Fixture;
using test::make_fixture;


const Journey& journey(const Document& doc, Id id) { return *find_by_id(doc.workspace().journeys, id); }

// Apply, undo, redo: the command succeeds, undo restores the exact document, redo the result.
void round_trip(Document& doc, const Command& command) {
    const Workspace before = doc.workspace();
    const auto result = doc.execute(command);
    REQUIRE_MESSAGE(result.succeeded(), result.refusal);
    const std::string label = doc.undo_label();
    INFO(label);
    const Workspace after = doc.workspace();
    REQUIRE(doc.undo());
    CHECK(doc.workspace() == before);
    REQUIRE(doc.redo());
    CHECK(doc.workspace() == after);
}

// Refused: a message, nothing changed, nothing recorded.
void refused(Document& doc, const Command& command) {
    const Workspace before = doc.workspace();
    const std::size_t entries = doc.size();
    const auto revision = doc.revision();
    const auto result = doc.execute(command);
    CHECK_FALSE(result.succeeded());
    CHECK_FALSE(result.refusal.empty());
    CHECK(doc.workspace() == before);
    CHECK(doc.size() == entries);
    CHECK(doc.revision() == revision);
}

}  // namespace

TEST_CASE("edit: journey commands apply, undo and redo") {
    Fixture f = make_fixture();
    Document doc(f.ws);
    round_trip(doc, set_workspace_name("Acme Telecom"));
    round_trip(doc, set_journey_title(f.macro, "Buying a mobile plan"));
    CHECK(journey(doc, f.macro).title == "Buying a mobile plan");
    CHECK(doc.undo_label() == "Rename journey “Buying a phone plan”");
    round_trip(doc, set_journey_description(f.macro, "Online"));
    round_trip(doc, set_journey_level(f.macro, 2));
    round_trip(doc, set_journey_level(f.macro, 1));
    round_trip(doc, set_journey_state(f.macro, JourneyState::to_be));
    round_trip(doc, set_journey_owner(f.macro, "Sales"));
    round_trip(doc, set_journey_status(f.macro, JourneyStatus::live));
    round_trip(doc, set_journey_personas(f.macro, {f.ben, f.anna}));
    round_trip(doc, set_journey_tags(f.macro, {"online", "b2c"}));

    Journey micro;
    micro.id = new_id();
    micro.title = "Sign up";
    micro.level = 2;
    round_trip(doc, add_journey(micro));
    round_trip(doc, set_journey_counterpart(micro.id, f.macro));
    round_trip(doc, move_journey(micro.id, 0));
    CHECK(doc.workspace().journeys[0].id == micro.id);
    round_trip(doc, add_link(JourneyLink{f.macro, micro.id, f.s_compare, f.st_plans}));
    CHECK(doc.workspace().links.size() == 2);

    // Removing the macro journey takes its links, its KPIs and every reference with it, undoably.
    round_trip(doc, remove_journey(f.macro));
    const Workspace& ws = doc.workspace();
    CHECK_FALSE(find_by_id(ws.journeys, f.macro));
    CHECK(ws.links.empty());
    CHECK(find_by_id(ws.journeys, micro.id)->counterpart.is_nil());
    CHECK(ws.opportunities[0].journeys.empty());
    CHECK(ws.opportunities[0].steps.empty());
    CHECK(ws.insights[0].steps.empty());
    CHECK_FALSE(find_by_id(ws.metrics, f.kpi1));
    CHECK(find_by_id(ws.metrics, f.kpi2)->rollup_inputs.empty());
    CHECK(doc.undo_label() == "Delete journey “Buying a mobile plan”");
}

TEST_CASE("edit: stage and step commands apply, undo and redo") {
    Fixture f = make_fixture();
    Document doc(f.ws);
    const Id fresh = new_id();
    round_trip(doc, add_stage(f.macro, Stage{fresh, "Use", {Step{new_id(), "Activate", "", false}}}, 1));
    CHECK(journey(doc, f.macro).stages[1].id == fresh);
    round_trip(doc, rename_stage(f.macro, fresh, "Use it"));
    round_trip(doc, move_stage(f.macro, fresh, 0));
    CHECK(journey(doc, f.macro).stages[0].id == fresh);
    const Id step = new_id();
    round_trip(doc, add_step(f.macro, f.s_buy, Step{step, "Confirm", "", false}, 0));
    CHECK(journey(doc, f.macro).stages[2].steps[0].id == step);
    round_trip(doc, set_step_name(f.macro, f.st_plans, "Compare offers"));
    CHECK(doc.undo_label() == "Rename step “Compare plans”");
    round_trip(doc, set_step_description(f.macro, f.st_plans, "Side by side"));
    round_trip(doc, set_step_moment_of_truth(f.macro, f.st_browse, true));
    round_trip(doc, move_step(f.macro, f.st_browse, f.s_compare, 5));  // clamped to the end
    CHECK(find_by_id(journey(doc, f.macro).stages, f.s_compare)->steps.back().id == f.st_browse);

    // Moving a step to another stage carries the anchors that name its stage.
    round_trip(doc, move_step(f.macro, f.st_plans, f.s_buy, 0));
    CHECK(find_by_id(doc.workspace().metrics, f.kpi1)->stage == f.s_buy);

    round_trip(doc, remove_step(f.macro, f.st_plans));
    const Journey& j = journey(doc, f.macro);
    CHECK_FALSE(find_step(j, f.st_plans));
    CHECK_FALSE(find_by_id(j.cards, f.c2));
    CHECK(j.emotions.size() == 1);
    CHECK(doc.workspace().insights[0].steps == std::vector<StepRef>{StepRef{f.macro, f.st_pay}});
    CHECK(find_by_id(doc.workspace().metrics, f.kpi1)->step.is_nil());

    round_trip(doc, remove_stage(f.macro, f.s_buy));  // where the step went
    CHECK_FALSE(find_by_id(journey(doc, f.macro).cards, f.c3));
    CHECK(find_by_id(doc.workspace().metrics, f.kpi1)->stage.is_nil());
    // The lifecycle stage the macro journey hangs under: its link goes with it.
    const Journey& lifecycle = doc.workspace().journeys[0];
    round_trip(doc, remove_stage(lifecycle.id, lifecycle.stages[2].id));
    CHECK(doc.workspace().links.empty());
}

TEST_CASE("edit: lane, card and emotion commands apply, undo and redo") {
    Fixture f = make_fixture();
    Document doc(f.ws);
    const Id lane = new_id();
    round_trip(doc, add_lane(f.macro, Lane{lane, "Touchpoints", LaneKind::touchpoint, "Basics", 0xABCDEF, false}, 1));
    round_trip(doc, set_lane_name(f.macro, lane, "Channels"));
    round_trip(doc, set_lane_layer(f.macro, lane, "Contact strategy"));
    round_trip(doc, set_lane_color(f.macro, lane, 0x00FF00));
    round_trip(doc, set_lane_collapsed(f.macro, lane, true));
    round_trip(doc, set_lane_kind(f.macro, lane, LaneKind::gain));
    round_trip(doc, move_lane(f.macro, lane, 0));
    CHECK(journey(doc, f.macro).lanes[0].id == lane);

    const Id card = new_id();
    round_trip(doc, add_card(f.macro, Card{card, lane, f.st_pay, "Receipt", {}, 0, {}, {}, {}}, f.c2));
    CHECK(journey(doc, f.macro).cards[1].id == card);
    CHECK(doc.undo_label() == "Add card to Channels at \xE2\x80\x9C" "Pay\xE2\x80\x9D");   // where it went, in words
    round_trip(doc, set_card_text(f.macro, card, "E-mail receipt"));
    round_trip(doc, set_card_personas(f.macro, card, {f.ben}));
    round_trip(doc, set_card_severity(f.macro, card, 3));
    round_trip(doc, set_card_channel(f.macro, card, f.web));
    round_trip(doc, set_card_insights(f.macro, card, {f.in1}));
    round_trip(doc, set_card_opportunities(f.macro, card, {f.op1}));
    round_trip(doc, move_card(f.macro, card, f.l_actions, f.st_browse, f.c1));
    CHECK(journey(doc, f.macro).cards[0].id == card);
    CHECK(doc.undo_label() == "Move card to Customer actions at \xE2\x80\x9C" "Browse\xE2\x80\x9D");
    round_trip(doc, move_cards(f.macro, {CardPlacement{f.c1, f.l_pains, f.st_pay}, CardPlacement{f.c3, f.l_pains, f.st_pay}}));
    CHECK(doc.undo_label() == "Move 2 cards");
    std::vector<Card> pasted;
    for (int i = 0; i < 5; ++i) pasted.push_back(Card{new_id(), f.l_actions, f.st_browse, "p" + std::to_string(i), {}, 0, {}, {}, {}});
    round_trip(doc, add_cards(f.macro, pasted));
    CHECK(journey(doc, f.macro).cards.size() == 9);
    round_trip(doc, remove_cards(f.macro, {pasted[1].id, f.c2, pasted[4].id}));
    CHECK(journey(doc, f.macro).cards.size() == 6);
    round_trip(doc, remove_card(f.macro, card));

    round_trip(doc, set_emotion(f.macro, f.l_emotion, f.st_pay, f.ben, 3));
    round_trip(doc, set_emotion(f.macro, f.l_emotion, f.st_browse, {}, -1));
    round_trip(doc, clear_emotion(f.macro, f.l_emotion, f.st_plans, f.anna));
    round_trip(doc, set_lane_kind(f.macro, f.l_emotion, LaneKind::text));  // leaving emotion drops the curve
    CHECK(journey(doc, f.macro).emotions.empty());
    round_trip(doc, remove_lane(f.macro, f.l_actions));
    CHECK(journey(doc, f.macro).cards.size() == 2);  // c1 and c3 were moved to the pains lane
    CHECK(doc.undo_label() == "Delete lane “Customer actions”");
}

TEST_CASE("edit: link commands use the framework's rules") {
    Fixture f = make_fixture();
    Document doc(f.ws);
    const Id lifecycle = f.ws.journeys[0].id;
    const Id other_stage = f.ws.journeys[0].stages[1].id;
    Journey micro;
    micro.id = new_id();
    micro.title = "Sign up";
    micro.level = 2;
    round_trip(doc, add_journey(micro));
    round_trip(doc, add_link(JourneyLink{f.macro, micro.id, f.s_buy, f.st_pay}));
    refused(doc, add_link(JourneyLink{f.macro, micro.id, f.s_buy, f.st_pay}));   // exists already
    refused(doc, add_link(JourneyLink{micro.id, f.macro, {}, {}}));               // loop / level order
    refused(doc, add_link(JourneyLink{f.macro, micro.id, f.s_buy, f.st_plans}));  // step not in that stage
    refused(doc, set_journey_level(micro.id, 1));                                 // child must stay deeper
    refused(doc, set_journey_level(f.macro, 2));
    round_trip(doc, reparent(f.macro, lifecycle, JourneyLink{lifecycle, f.macro, other_stage, {}}));
    CHECK(doc.workspace().links[0].stage == other_stage);
    refused(doc, reparent(f.macro, lifecycle, JourneyLink{micro.id, f.macro, {}, {}}));
    round_trip(doc, remove_link(JourneyLink{f.macro, micro.id, f.s_buy, f.st_pay}));
    refused(doc, remove_link(JourneyLink{f.macro, micro.id, f.s_buy, f.st_pay}));
    round_trip(doc, unlink(lifecycle, f.macro));
    CHECK(doc.workspace().links.empty());
    refused(doc, unlink(lifecycle, f.macro));
}

TEST_CASE("edit: settings commands apply, undo and redo") {
    Fixture f = make_fixture();
    Document doc(f.ws);
    round_trip(doc, add_level(1, "Domains"));
    CHECK(doc.workspace().settings.level_names.size() == 4);
    CHECK(journey(doc, f.macro).level == 2);  // keeps its name "Macro journeys"
    round_trip(doc, rename_level(1, "Business domains"));
    refused(doc, remove_level(2));  // the macro journey lives there
    round_trip(doc, remove_level(1));
    CHECK(journey(doc, f.macro).level == 1);
    round_trip(doc, set_emotion_scale(-1, 1));  // clamps the -2
    CHECK(journey(doc, f.macro).emotions[1].score == -1);
    refused(doc, set_emotion_scale(2, 2));
    round_trip(doc, set_stale_after_days(90));
    round_trip(doc, set_default_template("blueprint"));
    const auto& criteria = f.ws.settings.scoring.criteria;
    Criterion risk{new_id(), "Risk", "", CriterionGroup::business, 1, 1, 3};
    round_trip(doc, add_criterion(risk, 0));
    CHECK(doc.workspace().settings.scoring.preset == "custom");
    Criterion narrower = criteria[0];
    narrower.scale_max = 3;
    round_trip(doc, edit_criterion(narrower));
    CHECK(doc.workspace().opportunities[0].scores[0].value == 3);  // 4 on 1–5 rescaled onto 1–3 (2.5, rounded)
    round_trip(doc, move_criterion(risk.id, 5));
    round_trip(doc, remove_criterion(criteria[4].id));
    CHECK(doc.workspace().opportunities[0].scores.size() == 1);
    round_trip(doc, set_evidence_weight(0.5));
    refused(doc, set_evidence_weight(2));
    ScoringModel rice;
    rice.preset = "rice";
    rice.criteria = {Criterion{new_id(), "Reach", "", CriterionGroup::customer, 1, 1, 10}};
    round_trip(doc, replace_scoring_model(rice));
    CHECK(doc.workspace().opportunities[0].scores.empty());
}

TEST_CASE("edit: repository commands apply, undo and redo, and removal strips references") {
    Fixture f = make_fixture();
    Document doc(f.ws);
    Persona cara{new_id(), "Cara", "", "", "", {}, {}, {}, {}, "C", 0};
    round_trip(doc, add_persona(cara, 0));
    cara.role = "Parent";
    round_trip(doc, replace_persona(cara));
    round_trip(doc, move_persona(cara.id, 9));
    round_trip(doc, remove_persona(f.anna));
    {
        const Workspace& ws = doc.workspace();
        CHECK(journey(doc, f.macro).personas.empty());
        CHECK(journey(doc, f.macro).cards[0].personas.empty());
        CHECK(journey(doc, f.macro).cards[1].personas == std::vector<Id>{f.ben});
        CHECK(journey(doc, f.macro).emotions.size() == 1);
        CHECK(ws.insights[0].personas == std::vector<Id>{f.ben});
        CHECK(ws.opportunities[0].personas.empty());
        CHECK(doc.undo_label() == "Delete persona “Anna”");
    }
    Insight insight = f.ws.insights[0];
    insight.id = new_id();
    insight.personas = {f.ben};
    round_trip(doc, add_insight(insight));
    insight.title = "Renamed";
    round_trip(doc, replace_insight(insight));
    round_trip(doc, remove_insight(f.in1));
    CHECK(journey(doc, f.macro).cards[1].insights.empty());
    CHECK(doc.workspace().opportunities[0].insights.empty());

    Opportunity opp;
    opp.id = new_id();
    opp.title = "Chat";
    round_trip(doc, add_opportunity(opp));
    opp.owner = "Digital";
    round_trip(doc, replace_opportunity(opp));
    const Id solution = new_id();
    round_trip(doc, add_solution(opp.id, Solution{solution, "Bot", "", OpportunityStatus::idea}));
    round_trip(doc, replace_solution(opp.id, Solution{solution, "Human chat", "", OpportunityStatus::planned}));
    round_trip(doc, remove_solution(opp.id, solution));
    const Id criterion = doc.workspace().settings.scoring.criteria[1].id;
    round_trip(doc, set_opportunity_score(opp.id, criterion, 5.0));
    round_trip(doc, set_opportunity_score(opp.id, criterion, 2.0));
    round_trip(doc, set_opportunity_score(opp.id, criterion, std::nullopt));
    refused(doc, set_opportunity_score(opp.id, criterion, 6.0));
    round_trip(doc, set_will_not_do(opp.id, true, "Out of scope"));
    round_trip(doc, remove_opportunity(f.op1));
    CHECK(journey(doc, f.macro).cards[1].opportunities.empty());

    Metric nps;
    nps.id = new_id();
    nps.name = "NPS";
    nps.journey = f.macro;
    round_trip(doc, add_metric(nps));
    nps.rollup_inputs = {f.kpi2};
    round_trip(doc, replace_metric(nps));
    Metric loop = *find_by_id(doc.workspace().metrics, f.kpi2);
    loop.rollup_inputs = {nps.id};
    refused(doc, replace_metric(loop));  // kpi2 -> nps -> kpi2
    round_trip(doc, set_metric_value(f.kpi1, MetricValue{date_from_ymd(2025, 6, 1), 2.0, ""}));
    round_trip(doc, set_metric_value(f.kpi1, MetricValue{date_from_ymd(2026, 1, 1), 4.0, ""}));
    round_trip(doc, set_metric_value(f.kpi1, MetricValue{date_from_ymd(2026, 1, 1), 1.0, "NL"}));
    {
        const auto& values = find_by_id(doc.workspace().metrics, f.kpi1)->values;
        REQUIRE(values.size() == 3);
        CHECK(values[0].date == date_from_ymd(2025, 6, 1));
        CHECK(values[1].value == 4.0);
        CHECK(values[2].segment == "NL");
    }
    round_trip(doc, remove_metric_value(f.kpi1, date_from_ymd(2025, 6, 1), ""));
    refused(doc, remove_metric_value(f.kpi1, date_from_ymd(2025, 6, 1), ""));
    round_trip(doc, remove_metric(f.kpi1));
    CHECK(journey(doc, f.macro).metrics.empty());
    CHECK(find_by_id(doc.workspace().metrics, f.kpi2)->rollup_inputs.empty());

    Channel app{new_id(), "App", true};
    round_trip(doc, add_channel(app));
    app.owned = false;
    round_trip(doc, replace_channel(app));
    round_trip(doc, remove_channel(f.web));
    CHECK(journey(doc, f.macro).cards[0].channel.is_nil());
    CHECK(journey(doc, f.macro).cards[2].channel == f.shop);

    MaturityScan scan{new_id(), date_from_ymd(2026, 3, 1), {ScanAnswer{"insight.1", 3}}, "Better"};
    round_trip(doc, add_scan(scan));
    scan.note = "Much better";
    round_trip(doc, replace_scan(scan));
    round_trip(doc, remove_scan(f.scan1));
    CHECK(doc.undo_label() == "Delete maturity scan “of 2026-02-01”");
}

TEST_CASE("edit: refusals name the problem and leave the document untouched") {
    Fixture f = make_fixture();
    Document doc(f.ws);
    const Id ghost = new_id();
    refused(doc, set_journey_title(ghost, "x"));
    refused(doc, remove_journey(ghost));
    refused(doc, rename_stage(f.macro, ghost, "x"));
    refused(doc, set_step_name(f.macro, ghost, "x"));
    refused(doc, remove_lane(f.macro, ghost));
    refused(doc, add_card(f.macro, Card{new_id(), f.l_emotion, f.st_pay, "x", {}, 0, {}, {}, {}}));  // emotion lane
    refused(doc, add_card(f.macro, Card{f.c1, f.l_actions, f.st_pay, "dup", {}, 0, {}, {}, {}}));
    refused(doc, add_card(f.macro, Card{new_id(), f.l_actions, f.st_pay, "x", {ghost}, 0, {}, {}, {}}));
    refused(doc, set_card_severity(f.macro, f.c2, 6));
    refused(doc, set_card_channel(f.macro, f.c2, ghost));
    refused(doc, move_card(f.macro, f.c1, f.l_actions, ghost));
    refused(doc, move_cards(f.macro, {CardPlacement{f.c1, f.l_pains, f.st_pay}, CardPlacement{ghost, f.l_pains, f.st_pay}}));
    refused(doc, remove_cards(f.macro, {f.c1, ghost}));
    refused(doc, add_cards(f.macro, {Card{new_id(), f.l_actions, f.st_pay, "a", {}, 0, {}, {}, {}},
                                     Card{new_id(), f.l_emotion, f.st_pay, "b", {}, 0, {}, {}, {}}}));
    refused(doc, set_emotion(f.macro, f.l_emotion, f.st_pay, {}, 9));
    refused(doc, set_emotion(f.macro, f.l_actions, f.st_pay, {}, 1));
    refused(doc, set_lane_kind(f.macro, f.l_actions, LaneKind::emotion));  // it has cards
    refused(doc, add_stage(f.macro, Stage{f.st_pay, "clash", {}}));
    refused(doc, add_journey(f.ws.journeys[1]));
    refused(doc, set_journey_counterpart(f.macro, f.macro));
    refused(doc, set_journey_level(f.macro, 7));
    refused(doc, add_persona(f.ws.personas[0]));
    refused(doc, replace_insight(Insight{ghost}));
    refused(doc, remove_opportunity(ghost));
    refused(doc, remove_level(0));
    Metric bad;
    bad.id = new_id();
    bad.journey = ghost;
    refused(doc, add_metric(bad));
    CHECK(doc.execute(remove_journey(ghost)).refusal == "That journey no longer exists.");
    CHECK_FALSE(doc.can_undo());
    CHECK_FALSE(doc.is_dirty());
}

TEST_CASE("edit: add_insights adds many insights as one undo step, checked like add_insight") {
    Fixture f = make_fixture();
    Document doc(f.ws);
    const auto make = [&](int k) {
        Insight i;
        i.id = new_id();
        i.title = "Finding " + std::to_string(k);
        i.personas = {f.ben};
        i.steps = {StepRef{f.macro, f.st_pay}};
        return i;
    };
    std::vector<Insight> many;
    for (int k = 0; k < 20'000; ++k) many.push_back(make(k));   // linear: instant; one find per add would take seconds
    const std::vector<Insight> copy = many;
    round_trip(doc, add_insights(many, "Import 20000 insights from “x.csv”"));
    CHECK(doc.undo_label() == "Import 20000 insights from “x.csv”");
    REQUIRE(doc.workspace().insights.size() == f.ws.insights.size() + copy.size());
    CHECK(doc.workspace().insights.front() == f.ws.insights.front());
    CHECK(doc.workspace().insights.back() == copy.back());
    CHECK(doc.size() == 1);

    const Command once = add_insights({make(0)}, "Import 1 insight");
    Document other(f.ws);
    CHECK(other.execute(once).succeeded());
    CHECK(other.execute(once).refusal == "These insights were added already.");   // moved in, not copied

    Document fresh(f.ws);
    Insight ghost_persona = make(1);
    ghost_persona.personas = {new_id()};
    refused(fresh, add_insights({make(2), ghost_persona}, "x"));
    Insight twice = make(3);
    refused(fresh, add_insights({twice, twice}, "x"));
    Insight existing = make(4);
    existing.id = f.in1;
    refused(fresh, add_insights({existing}, "x"));
    Insight nil = make(5);
    nil.id = Id{};
    refused(fresh, add_insights({nil}, "x"));
    std::vector<Insight> too_many(limits::kMaxInsights, make(6));
    CHECK(fresh.execute(add_insights(std::move(too_many), "x")).refusal ==
          "A workspace holds at most 100000 insights; it has 1 and 100000 would be added.");
    CHECK(fresh.execute(add_insights({}, "x")).succeeded());
    CHECK_FALSE(fresh.can_undo());
}

TEST_CASE("edit: a gesture is one command and one undo step; refused and no-op commands record nothing") {
    Fixture f = make_fixture();
    Document doc(f.ws);
    const auto r0 = doc.revision();
    // A drag of several cards is one move_cards on release.
    CHECK(doc.execute(move_cards(f.macro, {CardPlacement{f.c1, f.l_pains, f.st_pay}, CardPlacement{f.c3, f.l_pains, f.st_pay}})));
    CHECK(doc.size() == 1);
    CHECK(doc.revision() > r0);
    CHECK(doc.undo());
    CHECK(doc.workspace() == f.ws);
    CHECK(doc.redo());
    CHECK(find_by_id(journey(doc, f.macro).cards, f.c3)->lane == f.l_pains);

    const auto r1 = doc.revision();
    CHECK_FALSE(doc.execute(move_card(f.macro, f.c1, f.l_emotion, f.st_pay)));    // refused: cards on an emotion lane
    CHECK(doc.execute(set_journey_title(f.macro, journey(doc, f.macro).title)));  // no change
    CHECK(doc.size() == 1);
    CHECK(doc.revision() == r1);
}

TEST_CASE("edit: the saved position drives the dirty flag") {
    Fixture f = make_fixture();
    Document doc(f.ws, 5);
    CHECK_FALSE(doc.is_dirty());
    doc.execute(set_workspace_name("A"));
    CHECK(doc.is_dirty());
    doc.mark_saved();
    CHECK_FALSE(doc.is_dirty());
    doc.execute(set_workspace_name("B"));
    CHECK(doc.is_dirty());
    doc.undo();
    CHECK_FALSE(doc.is_dirty());  // back at the saved point
    doc.undo();
    CHECK(doc.is_dirty());
    doc.redo();
    CHECK_FALSE(doc.is_dirty());
    doc.undo();
    doc.execute(set_workspace_name("C"));  // the saved state was on the abandoned branch
    CHECK(doc.is_dirty());
    doc.undo();
    CHECK(doc.is_dirty());
    CHECK_FALSE(doc.can_undo());

    // The depth limit drops the oldest steps and keeps the marker honest.
    doc.reset(f.ws);
    CHECK_FALSE(doc.is_dirty());
    doc.execute(set_workspace_name("1"));
    doc.mark_saved();
    for (int i = 2; i <= 9; ++i) doc.execute(set_workspace_name(std::to_string(i)));
    CHECK(doc.size() == 5);
    CHECK(doc.labels().front() == "Rename workspace “4”");
    while (doc.undo()) CHECK(doc.is_dirty());  // "1" fell off the end: never clean again
    CHECK(doc.workspace().name == "4");
    for (int i = 0; i < 3; ++i) doc.redo();
    CHECK(doc.workspace().name == "7");
    doc.mark_saved();
    doc.redo();
    doc.redo();
    CHECK(doc.is_dirty());
    doc.undo();
    doc.undo();
    CHECK_FALSE(doc.is_dirty());
    CHECK(doc.position() == 3);
    CHECK(doc.redo_label() == "Rename workspace “7”");
}


TEST_CASE("edit: property - random sequences undo to the start and redo to the end, byte for byte") {
    constexpr int kSequences = 2000;
    std::size_t executed = 0, refusals = 0;
    for (int seq = 0; seq < kSequences; ++seq) {
        Fixture f = make_fixture(1000 + static_cast<std::uint64_t>(seq));
        const std::string start_json = io::export_json(f.ws);
        Document doc(f.ws, 100000);
        test::Gen g{std::mt19937_64(static_cast<std::uint64_t>(seq)), &doc.workspace()};
        const int length = 1 + static_cast<int>(g.below(40));
        for (int step = 0; step < length; ++step) {
            const Workspace before = doc.workspace();
            const auto revision = doc.revision();
            const auto result = doc.execute(test::random_command(g));
            ++executed;
            if (!result) {
                ++refusals;
                REQUIRE(doc.workspace() == before);  // a refusal leaves no trace
                REQUIRE(doc.revision() == revision);
            } else {
                INFO(doc.undo_label());
                REQUIRE((doc.revision() != revision) == (doc.workspace() != before));
            }
            if (g.one_in(10)) doc.undo();  // undo mid-sequence, then carry on (drops the redo branch)
            if (g.one_in(20)) doc.redo();
        }
        // The end is where the sequence left the history; steps undone at the very end stay redoable.
        const Workspace end = doc.workspace();
        const std::string end_json = io::export_json(end);
        const std::size_t end_position = doc.position();
        while (doc.undo()) {
        }
        REQUIRE(doc.workspace() == f.ws);
        REQUIRE(io::export_json(doc.workspace()) == start_json);
        REQUIRE_FALSE(doc.is_dirty());
        while (doc.position() < end_position && doc.redo()) {
        }
        REQUIRE(doc.workspace() == end);
        REQUIRE(io::export_json(doc.workspace()) == end_json);
        while (doc.redo()) {
        }
        while (doc.undo()) {
        }
        REQUIRE(doc.workspace() == f.ws);
    }
    MESSAGE("executed " << executed << " random commands, " << refusals << " refused");
    CHECK(refusals > executed / 20);
    CHECK(refusals < executed * 3 / 4);
}
