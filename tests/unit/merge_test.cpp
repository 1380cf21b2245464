// Merging copies (io/merge.hpp), rule by rule: edits on either side for every kind of thing,
// conflicts and their sentences, edit against delete, the framework after concurrent re-parenting,
// files without history, and refusals.
#include <doctest/doctest.h>

#include "merge_fixture.hpp"
#include "model/date.hpp"

using namespace wm;
using test::Copy;

namespace {

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

const Card* card(const Workspace& ws, Id journey, Id id) {
    const Journey* j = find_by_id(ws.journeys, journey);
    return j ? find_by_id(j->cards, id) : nullptr;
}

}  // namespace

TEST_CASE("merge: another workspace is refused so the app can offer to open it as a new document") {
    const Workspace base = test::stamped_base();
    Workspace other = blank_workspace("Other");
    const io::MergeResult m = io::merge(base, other);
    CHECK_FALSE(m);
    CHECK(m.other_workspace);
    CHECK(contains(m.error, "another workspace"));
    CHECK(contains(m.error, "Other"));
}

TEST_CASE("merge: edits of different things on both sides all arrive, in either order, without conflicts") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA), b(base, 0xB);
    a.run(edit::set_card_text(f.macro, f.c1, "Opens the app"));
    a.run(edit::rename_stage(f.macro, f.s_buy, "Checkout"));
    a.run(edit::set_emotion(f.macro, f.l_emotion, f.st_pay, {}, 2));
    a.run(edit::set_metric_value(f.kpi1, MetricValue{date_from_ymd(2026, 2, 1), 4.5, ""}));
    a.run(edit::set_workspace_name("Acme CX"));
    b.run(edit::set_card_severity(f.macro, f.c2, 2));
    b.run(edit::add_card(f.macro, Card{Id{1, 2}, f.l_actions, f.st_pay, "Pays by card", {}, 0, {}, {}, {}}));
    b.run(edit::set_emotion(f.macro, f.l_emotion, f.st_browse, {}, -1));
    b.run(edit::set_metric_value(f.kpi1, MetricValue{date_from_ymd(2026, 3, 1), 5.5, "NL"}));
    b.run(edit::set_emotion_scale(-5, 5));
    Persona anna = *find_by_id(b.ws().personas, f.anna);
    anna.role = "Teacher";
    b.run(edit::replace_persona(anna));

    const io::MergeResult m = test::merge_both_ways(a.ws(), b.ws());
    const Workspace& ws = *m.workspace;
    INFO(test::conflicts_text(m.report));
    CHECK(m.report.conflicts.empty());
    CHECK(m.report.had_history);
    CHECK(card(ws, f.macro, f.c1)->text == "Opens the app");
    CHECK(card(ws, f.macro, f.c2)->severity == 2);
    CHECK(card(ws, f.macro, Id{1, 2})->text == "Pays by card");
    const Journey& j = *find_by_id(ws.journeys, f.macro);
    CHECK(find_by_id(j.stages, f.s_buy)->name == "Checkout");
    CHECK(j.emotions.size() == 3);
    CHECK(find_by_id(ws.metrics, f.kpi1)->values.size() == 3);
    CHECK(ws.name == "Acme CX");
    CHECK(ws.settings.emotion_min == -5);
    CHECK(find_by_id(ws.personas, f.anna)->role == "Teacher");
    // What the merge brought into a: two new things, and changes.
    CHECK(m.report.entities.added == 2);  // the card and the KPI value in March
    CHECK(m.report.entities.removed == 0);
    CHECK(m.report.entities.changed >= 3);
}

TEST_CASE("merge: one field changed on both sides is a conflict, the newer stamp wins everywhere, in words") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA), b(base, 0xB);
    a.run(edit::rename_stage(f.macro, f.s_compare, "Passes the credit check"));  // not a conflict: only a did it
    b.run(edit::set_card_text(f.macro, f.c1, "Waits 3 days"));
    a.run(edit::set_card_text(f.macro, f.c1, "Waits 2 days"));
    a.run(edit::set_card_text(f.macro, f.c1, "Waits 2 days!"));  // a's clock runs ahead: a's stamp is newer
    a.run(edit::set_card_text(f.macro, f.c1, "Waits 2 days"));

    const io::MergeResult m = test::merge_both_ways(a.ws(), b.ws());
    REQUIRE(m.report.conflicts.size() == 1);
    const io::Conflict& c = m.report.conflicts[0];
    CHECK(c.kind == io::ConflictKind::both_changed);
    CHECK(c.entity == f.c1);
    CHECK(c.entity_kind == "card");
    CHECK(c.journey == f.macro);
    CHECK(c.field == "text");
    CHECK(c.yours == "\xE2\x80\x9CWaits 2 days\xE2\x80\x9D");
    CHECK(c.theirs == "\xE2\x80\x9CWaits 3 days\xE2\x80\x9D");
    CHECK_FALSE(c.theirs_kept);
    CHECK(c.place == "Card \xE2\x80\x9CWaits 2 days\xE2\x80\x9D in Buying a phone plan \xE2\x80\xBA Browse");
    CHECK(c.sentence == "Card \xE2\x80\x9CWaits 2 days\xE2\x80\x9D in Buying a phone plan \xE2\x80\xBA Browse: yours "
                        "\xE2\x80\x9CWaits 2 days\xE2\x80\x9D, theirs \xE2\x80\x9CWaits 3 days\xE2\x80\x9D \xE2\x80\x94 yours kept.");
    CHECK(card(*m.workspace, f.macro, f.c1)->text == "Waits 2 days");
    // From b's side the same merge keeps a's value and says "theirs kept".
    const io::MergeResult mb = test::merged(b.ws(), a.ws());
    REQUIRE(mb.report.conflicts.size() == 1);
    CHECK(mb.report.conflicts[0].theirs_kept);
    CHECK(contains(mb.report.conflicts[0].sentence, "theirs kept."));

    // One click takes the other value; after a stamp it is an ordinary, newer edit.
    const io::TakeResult took = io::take_other(*m.workspace, c);
    REQUIRE_MESSAGE(took.workspace, took.error);
    CHECK(card(*took.workspace, f.macro, f.c1)->text == "Waits 3 days");
    Workspace after = *took.workspace;
    io::Replica ra{0xA, 100};
    CHECK(io::stamp(after, ra));
    const io::MergeResult again = test::merged(after, b.ws());
    CHECK(again.report.conflicts.empty());
    CHECK(card(*again.workspace, f.macro, f.c1)->text == "Waits 3 days");
}

TEST_CASE("merge: merging a copy twice changes nothing the second time; a copy merged with itself is itself") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA), b(base, 0xB);
    a.run(edit::set_card_text(f.macro, f.c1, "A"));
    a.run(edit::remove_card(f.macro, f.c3));
    b.run(edit::set_card_text(f.macro, f.c1, "B"));
    b.run(edit::move_stage(f.macro, f.s_buy, 0));
    const io::MergeResult m = test::merged(a.ws(), b.ws());
    const std::string once = io::export_json(*m.workspace);
    CHECK(io::export_json(*test::merged(*m.workspace, b.ws()).workspace) == once);
    CHECK(io::export_json(*test::merged(*m.workspace, a.ws()).workspace) == once);
    CHECK(io::export_json(*test::merged(*m.workspace, *m.workspace).workspace) == once);
    CHECK(io::export_json(*test::merged(a.ws(), a.ws()).workspace) == io::export_json(a.ws()));
    // Through a file, as the app does it.
    const io::LoadResult file = io::import_json(io::export_json(b.ws()));
    REQUIRE(file);
    CHECK(io::export_json(*test::merged(*m.workspace, *file.workspace).workspace) == once);
}

TEST_CASE("merge: a card deleted on one side and edited on the other is kept and reported") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA), b(base, 0xB);
    a.run(edit::remove_card(f.macro, f.c1));
    a.run(edit::remove_card(f.macro, f.c3));  // deleted, and untouched on b: stays deleted
    b.run(edit::set_card_text(f.macro, f.c1, "Opens the app on a phone"));
    const io::MergeResult m = test::merge_both_ways(a.ws(), b.ws());
    REQUIRE(card(*m.workspace, f.macro, f.c1));
    CHECK(card(*m.workspace, f.macro, f.c1)->text == "Opens the app on a phone");
    CHECK_FALSE(card(*m.workspace, f.macro, f.c3));
    const io::Conflict* kept = test::find_conflict(m.report, io::ConflictKind::kept, f.c1);
    REQUIRE(kept);
    CHECK(kept->sentence == "Card \xE2\x80\x9COpens the app on a phone\xE2\x80\x9D in Buying a phone plan \xE2\x80\xBA Browse was "
                            "deleted on your side but changed on theirs \xE2\x80\x94 kept.");
    CHECK(m.report.entities.added == 1);
    CHECK_FALSE(test::find_conflict(m.report, io::ConflictKind::kept, f.c3));
    // Deleting it again later works: a new tombstone, newer than the edit.
    Copy c(*m.workspace, 0xA);
    c.run(edit::remove_card(f.macro, f.c1));
    const io::MergeResult again = test::merge_both_ways(c.ws(), b.ws());
    CHECK_FALSE(card(*again.workspace, f.macro, f.c1));
}

TEST_CASE("merge: a card added on a step the other side deleted keeps the step, and says why") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA), b(base, 0xB);
    a.run(edit::remove_stage(f.macro, f.s_buy));  // the stage, its step Pay, and the card on it
    b.run(edit::add_card(f.macro, Card{Id{9, 9}, f.l_pains, f.st_pay, "Card declined", {}, 3, {}, {}, {}}));
    const io::MergeResult m = test::merge_both_ways(a.ws(), b.ws());
    const Journey& j = *find_by_id(m.workspace->journeys, f.macro);
    const Stage* buy = find_by_id(j.stages, f.s_buy);
    REQUIRE(buy);
    REQUIRE(buy->steps.size() == 1);
    CHECK(buy->steps[0].id == f.st_pay);
    CHECK(card(*m.workspace, f.macro, Id{9, 9}));
    CHECK_FALSE(card(*m.workspace, f.macro, f.c3));  // deleted with the stage, not needed by anything new
    const io::Conflict* step = test::find_conflict(m.report, io::ConflictKind::kept, f.st_pay);
    REQUIRE(step);
    CHECK(contains(step->sentence, "Step \xE2\x80\x9CPay\xE2\x80\x9D in Buying a phone plan \xE2\x80\xBA Buy was deleted on your side, but "
                                   "Card \xE2\x80\x9C" "Card declined\xE2\x80\x9D"));
    CHECK(test::find_conflict(m.report, io::ConflictKind::kept, f.s_buy));
}

TEST_CASE("merge: moves on both sides — a step to another stage, stages and lanes reordered") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA), b(base, 0xB);
    a.run(edit::move_step(f.macro, f.st_pay, f.s_compare, 0));
    a.run(edit::move_lane(f.macro, f.l_emotion, 0));
    b.run(edit::move_stage(f.macro, f.s_buy, 0));
    b.run(edit::set_step_name(f.macro, f.st_pay, "Pays online"));
    b.run(edit::add_step(f.macro, f.s_compare, Step{Id{5, 5}, "Reads reviews", "", false}, 1));
    const io::MergeResult m = test::merge_both_ways(a.ws(), b.ws());
    CHECK(m.report.conflicts.empty());
    const Journey& j = *find_by_id(m.workspace->journeys, f.macro);
    REQUIRE(j.stages.size() == 2);
    CHECK(j.stages[0].id == f.s_buy);
    CHECK(j.stages[0].steps.empty());
    const Stage& compare = j.stages[1];
    REQUIRE(compare.steps.size() == 4);
    CHECK(compare.steps[0].id == f.st_pay);
    CHECK(compare.steps[0].name == "Pays online");
    CHECK(compare.steps[1].id == f.st_browse);
    CHECK(compare.steps[2].id == Id{5, 5});
    CHECK(compare.steps[3].id == f.st_plans);
    CHECK(j.lanes[0].id == f.l_emotion);
    // The same step moved to two different places: a conflict about its place (stage) and one
    // about its position within the stage.
    Copy s(base, 0x5);
    s.run(edit::add_stage(f.macro, Stage{Id{6, 6}, "Aftercare", {}}));
    Copy c(s.ws(), 0xC), d(s.ws(), 0xD);
    c.run(edit::move_step(f.macro, f.st_pay, f.s_compare, 0));
    d.run(edit::move_step(f.macro, f.st_pay, Id{6, 6}, 0));
    d.run(edit::move_step(f.macro, f.st_browse, f.s_compare, 1));
    c.run(edit::move_step(f.macro, f.st_browse, f.s_compare, 2));
    const io::MergeResult n = test::merge_both_ways(c.ws(), d.ws());
    INFO(test::conflicts_text(n.report));
    const io::Conflict* place = test::find_conflict(n.report, io::ConflictKind::both_changed, f.st_pay, "@parent");
    REQUIRE(place);
    CHECK(contains(place->sentence, "Step \xE2\x80\x9CPay\xE2\x80\x9D in Buying a phone plan"));
    CHECK(contains(place->sentence, ", place: yours \xE2\x80\x9C" "Compare\xE2\x80\x9D, theirs \xE2\x80\x9C" "Aftercare\xE2\x80\x9D"));
    // Which of two swapped steps "moved" is the one that lost its place in the longest run in order.
    const io::Conflict* position = test::find_conflict(n.report, io::ConflictKind::both_changed, f.st_plans, "@order");
    if (!position) position = test::find_conflict(n.report, io::ConflictKind::both_changed, f.st_browse, "@order");
    REQUIRE(position);
    CHECK(contains(position->sentence, ": moved on both sides \xE2\x80\x94 "));
}

TEST_CASE("merge: concurrent re-parenting that would make a loop keeps a valid framework and says which link it left out") {
    test::Fixture f = test::make_fixture();
    Workspace start = f.ws;
    // Four levels; X on L1 under the lifecycle, Y on L2 with no parent yet.
    start.settings.level_names = {"Lifecycle", "Macro", "Micro", "Nano"};
    Journey x;
    x.id = Id{0x10, 1};
    x.title = "Switch provider";
    x.level = 1;
    x.stages = {Stage{Id{0x10, 2}, "Leave", {Step{Id{0x10, 3}, "Cancels", "", false}}}};
    Journey y;
    y.id = Id{0x20, 1};
    y.title = "Port the number";
    y.level = 2;
    y.stages = {Stage{Id{0x20, 2}, "Port", {Step{Id{0x20, 3}, "Requests code", "", false}}}};
    start.journeys.push_back(x);
    start.journeys.push_back(y);
    start.links.push_back(JourneyLink{start.journeys[0].id, x.id, start.journeys[0].stages[4].id, {}});
    io::Replica r0{0xBA5E, 0};
    io::stamp(start, r0);
    Copy a(start, 0xA), b(start, 0xB);
    // a: Y under X. b: X moves down to L3 and goes under Y. Each is fine on its own.
    a.run(edit::add_link(JourneyLink{x.id, y.id, Id{0x10, 2}, {}}));
    b.run(edit::set_journey_level(x.id, 3));
    b.run(edit::add_link(JourneyLink{y.id, x.id, Id{0x20, 2}, Id{0x20, 3}}));
    const io::MergeResult m = test::merge_both_ways(a.ws(), b.ws());
    const Workspace& ws = *m.workspace;
    CHECK(find_by_id(ws.journeys, x.id)->level == 3);
    const auto has_link = [&](Id parent, Id child) {
        return std::any_of(ws.links.begin(), ws.links.end(), [&](const JourneyLink& l) { return l.parent == parent && l.child == child; });
    };
    CHECK(has_link(y.id, x.id));
    CHECK_FALSE(has_link(x.id, y.id));
    REQUIRE(m.report.conflicts.size() == 1);
    const io::Conflict& c = m.report.conflicts[0];
    CHECK(c.kind == io::ConflictKind::left_out);
    CHECK(c.entity_kind == "journey_link");
    INFO(c.sentence);
    CHECK(contains(c.sentence, "Left out the link of \xE2\x80\x9CPort the number\xE2\x80\x9D under \xE2\x80\x9CSwitch provider\xE2\x80\x9D: "));
    CHECK((contains(c.sentence, "loop") || contains(c.sentence, "deeper level")));
    // The link is held back, not lost: merging again keeps it out and says nothing new went wrong.
    const io::MergeResult again = test::merged(ws, a.ws());
    CHECK(io::export_json(*again.workspace) == io::export_json(ws));
    // Once the level conflict is gone (x back on L1 and the other link removed), the link returns.
    Copy c2(ws, 0xA);
    c2.run(edit::unlink(y.id, x.id));
    c2.run(edit::set_journey_level(x.id, 1));
    const io::MergeResult back = test::merge_both_ways(c2.ws(), a.ws());
    CHECK(std::any_of(back.workspace->links.begin(), back.workspace->links.end(),
                      [&](const JourneyLink& l) { return l.parent == x.id && l.child == y.id; }));
}

TEST_CASE("merge: a level change on one side that breaks a link added on the other leaves the link out") {
    test::Fixture f = test::make_fixture();
    Workspace start = f.ws;
    Journey micro;
    micro.id = Id{0x30, 1};
    micro.title = "Compare on a phone";
    micro.level = 2;
    start.journeys.push_back(micro);
    io::Replica r0{0xBA5E, 0};
    io::stamp(start, r0);
    Copy a(start, 0xA), b(start, 0xB);
    a.run(edit::add_link(JourneyLink{f.macro, micro.id, f.s_compare, f.st_plans}));
    b.run(edit::set_journey_level(micro.id, 1));
    const io::MergeResult m = test::merge_both_ways(a.ws(), b.ws());
    REQUIRE(m.report.conflicts.size() == 1);
    CHECK(m.report.conflicts[0].kind == io::ConflictKind::left_out);
    CHECK(contains(m.report.conflicts[0].sentence, "deeper level"));
    CHECK(m.workspace->links.size() == 1);
}

TEST_CASE("merge: emotion scores, links, KPI values, settings and the scoring model merge per record") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA), b(base, 0xB);
    const Id criterion0 = base.settings.scoring.criteria[0].id;
    const Id criterion1 = base.settings.scoring.criteria[1].id;
    a.run(edit::set_emotion(f.macro, f.l_emotion, f.st_plans, f.anna, 1));
    b.run(edit::set_emotion(f.macro, f.l_emotion, f.st_plans, f.anna, -3));          // same point: conflict
    a.run(edit::set_metric_value(f.kpi1, MetricValue{date_from_ymd(2026, 1, 1), 4.0, ""}));
    b.run(edit::set_metric_value(f.kpi1, MetricValue{date_from_ymd(2026, 1, 1), 5.0, ""}));  // same value: conflict
    a.run(edit::rename_level(2, "Micro"));
    b.run(edit::set_stale_after_days(90));
    Criterion c0 = base.settings.scoring.criteria[0];
    c0.weight = 3;
    a.run(edit::edit_criterion(c0));
    b.run(edit::add_criterion(Criterion{Id{7, 7}, "Reach", "", CriterionGroup::business, 1, 1, 10}));
    b.run(edit::set_opportunity_score(f.op1, criterion1, 3.0));
    a.run(edit::unlink(base.journeys[0].id, f.macro));
    a.run(edit::add_link(JourneyLink{base.journeys[0].id, f.macro, base.journeys[0].stages[1].id, {}}));
    const io::MergeResult m = test::merge_both_ways(a.ws(), b.ws());
    const Workspace& ws = *m.workspace;
    INFO(test::conflicts_text(m.report));
    CHECK(m.report.conflicts.size() == 2);
    const Id emotion = io::emotion_key(f.macro, EmotionScore{f.l_emotion, f.st_plans, f.anna, 0});
    const io::Conflict* e = test::find_conflict(m.report, io::ConflictKind::both_changed, emotion, "score");
    REQUIRE(e);
    CHECK(contains(e->sentence, "The emotion score in Buying a phone plan \xE2\x80\xBA Compare plans (\xE2\x80\x9C" "Anna\xE2\x80\x9D), score: yours 1, theirs -3"));
    const Id value = io::metric_value_key(f.kpi1, MetricValue{date_from_ymd(2026, 1, 1), 0, ""});
    const io::Conflict* v = test::find_conflict(m.report, io::ConflictKind::both_changed, value, "value");
    REQUIRE(v);
    CHECK(contains(v->sentence, "The value of KPI \xE2\x80\x9C" "Conversion\xE2\x80\x9D on 2026-01-01, value: yours 4, theirs 5"));
    CHECK(ws.settings.level_names[2] == "Micro");
    CHECK(ws.settings.stale_after_days == 90);
    CHECK(find_by_id(ws.settings.scoring.criteria, criterion0)->weight == 3);
    CHECK(find_by_id(ws.settings.scoring.criteria, Id{7, 7}));
    CHECK(ws.settings.scoring.preset == "custom");
    const Opportunity& op = *find_by_id(ws.opportunities, f.op1);
    CHECK(std::any_of(op.scores.begin(), op.scores.end(), [&](const CriterionScore& s) { return s.criterion == criterion1 && s.value == 3; }));
    REQUIRE(ws.links.size() == 1);
    CHECK(ws.links[0].stage == base.journeys[0].stages[1].id);
}

TEST_CASE("merge: references to things deleted on the other side are removed, and kept in the records") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA), b(base, 0xB);
    a.run(edit::remove_insight(f.in1));
    b.run(edit::set_card_insights(f.macro, f.c1, {f.in1}));
    b.run(edit::set_card_channel(f.macro, f.c2, f.shop));
    a.run(edit::remove_channel(f.shop));
    const io::MergeResult m = test::merge_both_ways(a.ws(), b.ws());
    const Workspace& ws = *m.workspace;
    CHECK(ws.insights.empty());
    CHECK(card(ws, f.macro, f.c1)->insights.empty());
    CHECK(card(ws, f.macro, f.c2)->channel.is_nil());
    const io::Conflict* adjusted = test::find_conflict(m.report, io::ConflictKind::adjusted, f.c1, "insights");
    REQUIRE(adjusted);
    CHECK(contains(adjusted->sentence, "insights: none instead of"));
    // The merged record still holds the reference: merging is a function of the records.
    CHECK(io::export_json(*test::merged(ws, b.ws()).workspace) == io::export_json(ws));
    CHECK(io::export_json(*test::merged(b.ws(), ws).workspace) == io::export_json(ws));
    const io::LoadResult file = io::import_json(io::export_json(ws));
    REQUIRE_MESSAGE(file, file.error);
    CHECK(*file.workspace == ws);
}

TEST_CASE("merge: a scoring criterion deleted on one side and scored on the other is kept") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA), b(base, 0xB);
    const Id criterion = base.settings.scoring.criteria[2].id;
    a.run(edit::remove_criterion(criterion));
    b.run(edit::set_opportunity_score(f.op1, criterion, 2.0));
    const io::MergeResult m = test::merge_both_ways(a.ws(), b.ws());
    CHECK(find_by_id(m.workspace->settings.scoring.criteria, criterion));
    CHECK(test::find_conflict(m.report, io::ConflictKind::kept, criterion));
}

TEST_CASE("merge: concurrent scale changes that cross are mended, and the scores follow") {
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA), b(base, 0xB);
    a.run(edit::set_emotion_scale(2, 6));    // a raises the minimum to 2 ...
    b.run(edit::set_emotion_scale(-6, -4));  // ... b lowers the maximum to -4
    b.run(edit::set_emotion_scale(-6, 1));   // b's maximum (1) is newer than a's (6); a's minimum (2) stays
    const io::MergeResult m = test::merge_both_ways(a.ws(), b.ws());
    const Settings& s = m.workspace->settings;
    CHECK(s.emotion_min < s.emotion_max);
    CHECK(test::find_conflict(m.report, io::ConflictKind::both_changed, base.id, "settings.emotion_min"));
}

TEST_CASE("merge: three copies merge to the same bytes in any grouping") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA), b(base, 0xB), c(base, 0xC);
    a.run(edit::set_card_text(f.macro, f.c1, "A"));
    b.run(edit::set_card_text(f.macro, f.c1, "B"));
    c.run(edit::remove_card(f.macro, f.c1));
    b.run(edit::remove_step(f.macro, f.st_pay));
    c.run(edit::add_card(f.macro, Card{Id{3, 3}, f.l_pains, f.st_pay, "Too slow", {}, 2, {}, {}, {}}));
    a.run(edit::move_stage(f.macro, f.s_buy, 0));
    const auto ab_c = io::export_json(*test::merged(*test::merged(a.ws(), b.ws()).workspace, c.ws()).workspace);
    const auto a_bc = io::export_json(*test::merged(a.ws(), *test::merged(b.ws(), c.ws()).workspace).workspace);
    const auto ac_b = io::export_json(*test::merged(*test::merged(a.ws(), c.ws()).workspace, b.ws()).workspace);
    CHECK(ab_c == a_bc);
    CHECK(ab_c == ac_b);
}

TEST_CASE("merge: a file without merge history counts as all new or changed, never drops anything, and says so") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA);
    a.run(edit::set_card_text(f.macro, f.c1, "Opens the app"));
    a.run(edit::remove_card(f.macro, f.c3));
    // Someone with an older Waymark edited the fixture and sent a file without history.
    edit::Document old(f.ws);
    REQUIRE(old.execute(edit::set_card_text(f.macro, f.c1, "Opens the website")));
    REQUIRE(old.execute(edit::set_card_severity(f.macro, f.c2, 1)));
    REQUIRE(old.execute(edit::add_persona(Persona{Id{4, 4}, "Chris", "", "", "", {}, {}, {}, {}, "C", 0}, 0)));
    const io::LoadResult v1 = io::import_json(io::export_json(old.workspace()));
    REQUIRE(v1);
    CHECK(v1.workspace->merge.empty());
    const io::MergeResult m = test::merge_both_ways(a.ws(), *v1.workspace);
    CHECK_FALSE(m.report.had_history);
    CHECK(contains(m.report.summary(), "no merge history"));
    const Workspace& ws = *m.workspace;
    CHECK(card(ws, f.macro, f.c1)->text == "Opens the app");   // the copy with history wins ...
    CHECK(test::find_conflict(m.report, io::ConflictKind::both_changed, f.c1, "text"));  // ... and says so
    CHECK(test::find_conflict(m.report, io::ConflictKind::both_changed, f.c2, "severity"));
    CHECK(find_by_id(ws.personas, Id{4, 4}));                 // new things arrive
    CHECK(card(ws, f.macro, f.c3));                           // and nothing is dropped
    CHECK(test::find_conflict(m.report, io::ConflictKind::kept, f.c3));
    // Merging the same file again changes nothing.
    CHECK(io::export_json(*test::merged(ws, *v1.workspace).workspace) == io::export_json(ws));
    // The v1 sample file merges into the same workspace stamped: nothing to report but its history.
    const io::MergeResult two = test::merge_both_ways(*v1.workspace, *v1.workspace);
    CHECK(two.report.conflicts.empty());
}

TEST_CASE("merge: a union over a limit is refused with a sentence, and nothing changes") {
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA), b(base, 0xB);
    std::vector<edit::Command> add_a, add_b;
    for (std::uint64_t i = 0; i < 60; ++i) {
        add_a.push_back(edit::add_criterion(Criterion{Id{0xA0, i + 1}, "a", "", CriterionGroup::business, 1, 1, 5}));
        add_b.push_back(edit::add_criterion(Criterion{Id{0xB0, i + 1}, "b", "", CriterionGroup::business, 1, 1, 5}));
    }
    a.run(edit::sequence("Add", std::move(add_a)));
    b.run(edit::sequence("Add", std::move(add_b)));
    const Workspace before = a.ws();
    const io::MergeResult m = io::merge(a.ws(), b.ws());
    CHECK_FALSE(m);
    CHECK(contains(m.error, "too large"));
    CHECK(contains(m.error, "criteria"));
    CHECK(contains(m.error, "Nothing was changed"));
    CHECK(a.ws() == before);
}

TEST_CASE("merge: the app's undo step — replace_workspace brings back the content and its history") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a(base, 0xA), b(base, 0xB);
    a.run(edit::set_card_text(f.macro, f.c1, "A"));
    b.run(edit::set_card_text(f.macro, f.c2, "B"));
    const Workspace before = a.ws();
    const io::MergeResult m = test::merged(a.ws(), b.ws());
    a.run(edit::replace_workspace(*m.workspace, "Merge file"));
    CHECK(a.doc.undo_label() == "Merge file");
    CHECK(a.ws() == *m.workspace);
    a.doc.undo();
    CHECK(a.ws() == before);
    CHECK(a.ws().merge == before.merge);
    a.stamp();
    CHECK(a.ws().merge == before.merge);  // nothing changed since that state's stamp
    CHECK_FALSE(a.doc.execute(edit::replace_workspace(blank_workspace("x"), "Merge")).succeeded());
}
