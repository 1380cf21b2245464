// Current vs to-be (framework/compare.hpp, edit/to_be.hpp): the linked copy, the command that creates
// it in one undo step, and the comparison on hand-built journeys — an identical copy, steps added,
// removed, renamed and moved, cards and scores changed, stages moved, empty journeys, duplicate names
// and a journey too big for the quadratic alignment.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "edit/commands.hpp"
#include "edit/history.hpp"
#include "edit/to_be.hpp"
#include "framework/compare.hpp"
#include "framework/framework.hpp"
#include "model/model.hpp"
#include "model/sample.hpp"

using namespace wm;

namespace {

// A journey "Buying a plan" with stages Browse{Compare plans, Check coverage} and
// Checkout{Sign up, Pay}, lanes Actions (text), Pains (pain), Feelings (emotion), a card per step on
// Actions, a pain on Check coverage and an emotion score on Pay.
struct Fixture {
    Workspace ws;
    Id journey, actions, pains, feelings, anna;

    Fixture() {
        ids() = IdGenerator(11);
        ws = blank_workspace("Acme");
        anna = new_id();
        ws.personas = {Persona{anna, "Anna", "", "", "", {}, {}, {}, {}, "A", 0x123456}};
        Journey j;
        j.id = journey = new_id();
        j.title = "Buying a plan";
        j.level = 1;
        j.status = JourneyStatus::live;
        j.personas = {anna};
        j.lanes = {Lane{actions = new_id(), "Actions", LaneKind::text, "", 0x111111, false},
                   Lane{pains = new_id(), "Pains", LaneKind::pain, "", 0x222222, false},
                   Lane{feelings = new_id(), "Feelings", LaneKind::emotion, "", 0x333333, false}};
        j.stages = {Stage{new_id(), "Browse", {}}, Stage{new_id(), "Checkout", {}}};
        for (const char* name : {"Compare plans", "Check coverage"}) add_step(j, 0, name);
        for (const char* name : {"Sign up", "Pay"}) add_step(j, 1, name);
        j.cards.push_back(Card{new_id(), pains, step_id(j, "Check coverage"), "No signal at home", {anna}, 4, {}, {}, {}});
        j.emotions.push_back(EmotionScore{feelings, step_id(j, "Pay"), {}, -2});
        ws.journeys.push_back(j);
        link_journeys(ws, JourneyLink{ws.journeys[0].id, journey, ws.journeys[0].stages[2].id, {}});
    }
    // A step with one Actions card "<name> card".
    Step& add_step(Journey& j, std::size_t stage, const std::string& name) {
        j.stages[stage].steps.push_back(Step{new_id(), name, "", false});
        j.cards.push_back(Card{new_id(), actions, j.stages[stage].steps.back().id, name + " card", {}, 0, {}, {}, {}});
        return j.stages[stage].steps.back();
    }
    static Id step_id(const Journey& j, const std::string& name) {
        for (const auto& stage : j.stages)
            for (const auto& step : stage.steps)
                if (step.name == name) return step.id;
        return {};
    }
    const Journey& current() const { return *find_by_id(ws.journeys, journey); }
    Journey copy() const {
        IdGenerator gen(99);
        return make_to_be_copy(ws, current(), gen);
    }
};

Step* step_named(Journey& j, const std::string& name) {
    for (auto& stage : j.stages)
        for (auto& step : stage.steps)
            if (step.name == name) return &step;
    return nullptr;
}

Id lane_named(const Journey& j, const std::string& name) {
    for (const auto& lane : j.lanes)
        if (lane.name == name) return lane.id;
    return {};
}

const StepDiff* row_for(const JourneyDiff& d, const std::string& name) {
    for (const auto& row : d.steps)
        if (row.to_be_name == name || (row.to_be.is_nil() && row.current_name == name)) return &row;
    return nullptr;
}

std::vector<std::string> row_names(const JourneyDiff& d) {
    std::vector<std::string> out;
    for (const auto& row : d.steps) out.push_back(std::string(diff_kind_name(row.kind)) + " " + (row.to_be.is_nil() ? row.current_name : row.to_be_name));
    return out;
}

}  // namespace

TEST_CASE("make_to_be_copy: a deep copy with fresh ids, remapped references, linked back to the current journey") {
    Fixture f;
    const Journey& cur = f.current();
    const Journey copy = f.copy();
    CHECK(copy.title == "Buying a plan (to-be)");
    CHECK(copy.state == JourneyState::to_be);
    CHECK(copy.counterpart == cur.id);
    CHECK(copy.status == JourneyStatus::prototype);
    CHECK(copy.level == cur.level);
    CHECK(copy.personas == cur.personas);
    CHECK(copy.metrics.empty());
    std::unordered_set<Id> old_ids{cur.id};
    for (const auto& s : cur.stages) {
        old_ids.insert(s.id);
        for (const auto& st : s.steps) old_ids.insert(st.id);
    }
    for (const auto& l : cur.lanes) old_ids.insert(l.id);
    for (const auto& c : cur.cards) old_ids.insert(c.id);
    CHECK_FALSE(old_ids.count(copy.id));
    for (const auto& s : copy.stages) {
        CHECK_FALSE(old_ids.count(s.id));
        for (const auto& st : s.steps) CHECK_FALSE(old_ids.count(st.id));
    }
    REQUIRE(copy.cards.size() == cur.cards.size());
    for (std::size_t i = 0; i < copy.cards.size(); ++i) {
        CHECK_FALSE(old_ids.count(copy.cards[i].id));
        CHECK(copy.cards[i].text == cur.cards[i].text);
        CHECK(copy.cards[i].personas == cur.cards[i].personas);
        const Lane* lane = find_by_id(copy.lanes, copy.cards[i].lane);
        REQUIRE(lane);
        CHECK(lane->name == find_by_id(cur.lanes, cur.cards[i].lane)->name);
        const Step* step = find_step(copy, copy.cards[i].step);
        REQUIRE(step);
        CHECK(step->name == find_step(cur, cur.cards[i].step)->name);
    }
    REQUIRE(copy.emotions.size() == 1);
    CHECK(find_by_id(copy.lanes, copy.emotions[0].lane));
    CHECK(find_step(copy, copy.emotions[0].step)->name == "Pay");
}

TEST_CASE("create_to_be: one undo step that adds the copy after the current journey, linked where it hangs") {
    Fixture f;
    edit::Document doc(f.ws);
    const Id to_be = new_id();
    REQUIRE(doc.execute(edit::create_to_be(f.journey, to_be)));
    CHECK(doc.undo_label() == "Create to-be of “Buying a plan”");
    const Workspace& ws = doc.workspace();
    REQUIRE(ws.journeys.size() == 3);
    CHECK(ws.journeys[2].id == to_be);
    CHECK(ws.journeys[2].counterpart == f.journey);
    const Framework fw(ws);
    CHECK(fw.to_be_of(f.journey) == std::vector<Id>{to_be});
    CHECK(fw.parents(to_be) == std::vector<Id>{ws.journeys[0].id});
    CHECK(fw.links_of(to_be)[0].stage == ws.journeys[0].stages[2].id);
    CHECK(compare_journeys(ws, ws.journeys[1], ws.journeys[2]).same == 4);

    // A second to-be gets its own title; a to-be cannot be the source.
    REQUIRE(doc.execute(edit::create_to_be(f.journey, new_id())));
    CHECK(doc.workspace().journeys[2].title == "Buying a plan (to-be 2)");
    const auto refused = doc.execute(edit::create_to_be(to_be, new_id()));
    CHECK(refused.refusal == "“Buying a plan (to-be)” is already a to-be journey: create the to-be from the current journey it redesigns.");
    CHECK_FALSE(doc.execute(edit::create_to_be(new_id(), new_id())));
    CHECK_FALSE(doc.execute(edit::create_to_be(f.journey, to_be)));

    doc.undo();
    doc.undo();
    CHECK(doc.workspace() == f.ws);
}

TEST_CASE("compare: an identical copy is the same everywhere") {
    Fixture f;
    const Journey copy = f.copy();
    const JourneyDiff d = compare_journeys(f.ws, f.current(), copy);
    CHECK(d.same == 4);
    CHECK(d.added + d.removed + d.changed == 0);
    CHECK(d.stages_changed == 0);
    CHECK(d.summary() == "No differences: 4 steps the same");
    CHECK(row_names(d) == std::vector<std::string>{"same Compare plans", "same Check coverage", "same Sign up", "same Pay"});
    for (const auto& row : d.steps) {
        CHECK(row.match == StepMatch::name);
        CHECK(row.what_changed(d).empty());
    }
    REQUIRE(d.lanes.size() == 3);
    for (const auto& lane : d.lanes) CHECK(lane.diff == DiffKind::same);
    const StepDiff* pay = row_for(d, "Pay");
    REQUIRE(pay->cells.size() == 2);  // Actions card and Feelings score
    CHECK(pay->cells[1].scores.size() == 1);
    CHECK(pay->cells[1].scores[0].kind == DiffKind::same);
}

TEST_CASE("compare: steps added, removed and renamed") {
    Fixture f;
    Journey copy = f.copy();
    // Added at the end of Browse, Sign up removed, Pay renamed in place (its cards kept).
    copy.stages[0].steps.push_back(Step{new_id(), "Ask a friend", "", false});
    const Id sign_up = Fixture::step_id(copy, "Sign up");
    copy.stages[1].steps.erase(copy.stages[1].steps.begin());
    copy.cards.erase(std::remove_if(copy.cards.begin(), copy.cards.end(), [&](const Card& c) { return c.step == sign_up; }), copy.cards.end());
    step_named(copy, "Pay")->name = "Pay in the app";
    const JourneyDiff d = compare_journeys(f.ws, f.current(), copy);
    CHECK(row_names(d) == std::vector<std::string>{"same Compare plans", "same Check coverage", "added Ask a friend", "removed Sign up",
                                                   "changed Pay in the app"});
    CHECK(d.summary() == "1 step added, 1 removed, 1 changed");
    const StepDiff* pay = row_for(d, "Pay in the app");
    CHECK(pay->renamed);
    CHECK(pay->current_name == "Pay");
    CHECK(pay->match == StepMatch::position);  // the gap is {Sign up, Pay} vs {Ask a friend, Pay in the app}
    CHECK(pay->what_changed(d) == "renamed from “Pay”");
    const StepDiff* gone = row_for(d, "Sign up");
    REQUIRE(gone->cells.size() == 1);
    CHECK(gone->cells[0].current[0].kind == DiffKind::removed);
    CHECK(gone->stage < d.stages.size());
    CHECK(d.stages[gone->stage].to_be_name == "Checkout");
}

TEST_CASE("compare: a step renamed beyond recognition in place pairs by position; one beside an added step by its cards") {
    Fixture f;
    Journey copy = f.copy();
    step_named(copy, "Compare plans")->name = "Quiz";
    JourneyDiff d = compare_journeys(f.ws, f.current(), copy);
    CHECK(row_names(d).front() == "changed Quiz");
    CHECK(d.steps.front().match == StepMatch::position);
    // Renamed, and a new step before it: the gap sizes differ, the card texts still match.
    step_named(copy, "Quiz")->name = "Answers a quiz";
    copy.stages[0].steps.insert(copy.stages[0].steps.begin(), Step{new_id(), "Lands", "", false});
    d = compare_journeys(f.ws, f.current(), copy);
    CHECK(row_names(d) == std::vector<std::string>{"added Lands", "changed Answers a quiz", "same Check coverage", "same Sign up", "same Pay"});
    CHECK(d.steps[1].match == StepMatch::similar);
}

TEST_CASE("compare: cards added, removed and edited per lane; scores and moment of truth") {
    Fixture f;
    Journey copy = f.copy();
    const Id coverage = Fixture::step_id(copy, "Check coverage");
    const Id pains = lane_named(copy, "Pains");
    for (auto& c : copy.cards)
        if (c.text == "No signal at home") c.text = "No signal at home at all";   // edited
        else if (c.text == "Sign up card") c.severity = 3;                       // details edited
    copy.cards.erase(std::remove_if(copy.cards.begin(), copy.cards.end(), [](const Card& c) { return c.text == "Compare plans card"; }),
                     copy.cards.end());
    copy.cards.push_back(Card{new_id(), pains, coverage, "Map is confusing", {}, 2, {}, {}, {}});
    copy.emotions[0].score = 2;
    step_named(copy, "Sign up")->moment_of_truth = true;
    const JourneyDiff d = compare_journeys(f.ws, f.current(), copy);
    CHECK(d.changed == 4);
    CHECK(d.summary() == "0 steps added, 0 removed, 4 changed");
    const StepDiff* compare = row_for(d, "Compare plans");
    CHECK(compare->cards_removed == 1);
    CHECK(compare->what_changed(d) == "1 card removed");
    REQUIRE(compare->cells.size() == 1);
    CHECK(compare->cells[0].current.size() == 1);
    CHECK(compare->cells[0].to_be.empty());

    const StepDiff* cov = row_for(d, "Check coverage");
    REQUIRE(cov->cells.size() == 2);
    const CellDiff& pain_cell = cov->cells[1];
    CHECK(d.lanes[pain_cell.lane].name == "Pains");
    REQUIRE(pain_cell.to_be.size() == 2);
    CHECK(pain_cell.current[0].kind == DiffKind::changed);
    CHECK(pain_cell.current[0].other == "No signal at home at all");
    CHECK(pain_cell.to_be[0].kind == DiffKind::changed);
    CHECK(pain_cell.to_be[1].kind == DiffKind::added);
    CHECK(cov->what_changed(d) == "1 card added · 1 card edited");

    const StepDiff* sign = row_for(d, "Sign up");
    CHECK(sign->cards_changed == 1);
    CHECK(sign->moment_changed);
    CHECK(sign->what_changed(d) == "now a moment of truth · 1 card edited");

    const StepDiff* pay = row_for(d, "Pay");
    CHECK(pay->scores_changed);
    CHECK(pay->cells[1].scores[0].before == -2);
    CHECK(pay->cells[1].scores[0].after == 2);
    CHECK(pay->what_changed(d) == "emotion changed");
}

TEST_CASE("compare: a card rewritten in its cell is edited (before → after), not removed and added") {
    Fixture f;
    Journey copy = f.copy();
    for (auto& c : copy.cards)
        if (c.text == "No signal at home") c.text = "Coverage map disagrees with the shop";   // nothing in common
    const JourneyDiff d = compare_journeys(f.ws, f.current(), copy);
    const StepDiff* cov = row_for(d, "Check coverage");
    CHECK(cov->cards_changed == 1);
    CHECK(cov->cards_added == 0);
    CHECK(cov->cards_removed == 0);
    CHECK(cov->what_changed(d) == "1 card edited");
    const CellDiff& pain_cell = cov->cells[1];
    REQUIRE(pain_cell.current.size() == 1);
    CHECK(pain_cell.current[0].kind == DiffKind::changed);
    CHECK(pain_cell.current[0].other == "Coverage map disagrees with the shop");
    REQUIRE(pain_cell.to_be.size() == 1);
    CHECK(pain_cell.to_be[0].other == "No signal at home");

    // One left on one side and two on the other: no guess, one removed and two added.
    Journey two = f.copy();
    const Id coverage = Fixture::step_id(two, "Check coverage"), pains = lane_named(two, "Pains");
    for (auto& c : two.cards)
        if (c.text == "No signal at home") c.text = "Coverage map disagrees with the shop";
    two.cards.push_back(Card{new_id(), pains, coverage, "Queue at the till", {}, 2, {}, {}, {}});
    const StepDiff* both = row_for(compare_journeys(f.ws, f.current(), two), "Check coverage");
    CHECK(both->cards_removed == 1);
    CHECK(both->cards_added == 2);
}

TEST_CASE("compare: a lane removed from the to-be takes its cards; lanes match by name, not position") {
    Fixture f;
    Journey copy = f.copy();
    std::reverse(copy.lanes.begin(), copy.lanes.end());
    const Id pains = lane_named(copy, "Pains");
    copy.lanes.erase(std::find_if(copy.lanes.begin(), copy.lanes.end(), [&](const Lane& l) { return l.id == pains; }));
    copy.cards.erase(std::remove_if(copy.cards.begin(), copy.cards.end(), [&](const Card& c) { return c.lane == pains; }), copy.cards.end());
    copy.lanes.push_back(Lane{new_id(), "Backstage", LaneKind::text, "", 0, false});
    const JourneyDiff d = compare_journeys(f.ws, f.current(), copy);
    REQUIRE(d.lanes.size() == 4);
    CHECK(d.lanes[0].name == "Feelings");
    CHECK(d.lanes[0].diff == DiffKind::same);
    CHECK(d.lanes[2].diff == DiffKind::added);
    CHECK(d.lanes[3].name == "Pains");
    CHECK(d.lanes[3].diff == DiffKind::removed);
    CHECK(d.changed == 1);
    CHECK(row_for(d, "Check coverage")->cards_removed == 1);
}

TEST_CASE("compare: a stage moved keeps its steps the same; a step moved to another stage says where from") {
    Fixture f;
    Journey copy = f.copy();
    std::swap(copy.stages[0], copy.stages[1]);  // Checkout first
    JourneyDiff d = compare_journeys(f.ws, f.current(), copy);
    CHECK(d.same == 4);
    CHECK(d.stages_changed == 1);
    REQUIRE(d.stages.size() == 2);
    CHECK(d.stages[0].to_be_name == "Checkout");
    CHECK(d.stages[0].moved != d.stages[1].moved);  // one of the two went past the other
    CHECK(row_names(d) == std::vector<std::string>{"same Sign up", "same Pay", "same Compare plans", "same Check coverage"});

    copy = f.copy();
    Step moved = copy.stages[0].steps[1];  // Check coverage → end of Checkout
    copy.stages[0].steps.erase(copy.stages[0].steps.begin() + 1);
    copy.stages[1].steps.push_back(moved);
    d = compare_journeys(f.ws, f.current(), copy);
    CHECK(d.changed == 1);
    const StepDiff* row = row_for(d, "Check coverage");
    CHECK(row->moved);
    CHECK(row->what_changed(d) == "moved from “Browse”");
    CHECK(d.stages[row->stage].to_be_name == "Checkout");

    // A stage renamed: its steps follow it and are not "moved".
    copy = f.copy();
    copy.stages[1].name = "Buy";
    d = compare_journeys(f.ws, f.current(), copy);
    CHECK(d.same == 4);
    CHECK(d.stages[1].renamed);
    CHECK(d.stages[1].current_name == "Checkout");
}

TEST_CASE("compare: a stage removed shows its steps as removed where they were; a stage added") {
    Fixture f;
    Journey copy = f.copy();
    const Id browse_steps[] = {copy.stages[0].steps[0].id, copy.stages[0].steps[1].id};
    copy.stages.erase(copy.stages.begin());
    copy.cards.erase(std::remove_if(copy.cards.begin(), copy.cards.end(),
                                    [&](const Card& c) { return c.step == browse_steps[0] || c.step == browse_steps[1]; }),
                     copy.cards.end());
    copy.stages.push_back(Stage{new_id(), "Use", {Step{new_id(), "Activate", "", false}}});
    const JourneyDiff d = compare_journeys(f.ws, f.current(), copy);
    CHECK(row_names(d) == std::vector<std::string>{"removed Compare plans", "removed Check coverage", "same Sign up", "same Pay", "added Activate"});
    REQUIRE(d.stages.size() == 3);
    CHECK(d.stages[0].kind == DiffKind::removed);
    CHECK(d.stages[0].current_name == "Browse");
    CHECK(d.stages[2].kind == DiffKind::added);
    CHECK(d.steps[0].stage == 0);
    CHECK(d.steps[4].stage == 2);
    CHECK(d.stages_changed == 2);
}

TEST_CASE("compare: empty journeys, and one side empty") {
    Fixture f;
    Journey empty_a, empty_b;
    JourneyDiff d = compare_journeys(f.ws, empty_a, empty_b);
    CHECK(d.steps.empty());
    CHECK(d.summary() == "No steps on either side");
    d = compare_journeys(f.ws, f.current(), empty_b);
    CHECK(d.removed == 4);
    CHECK(d.summary() == "0 steps added, 4 removed, 0 changed");
    d = compare_journeys(f.ws, empty_a, f.current());
    CHECK(d.added == 4);
    CHECK(d.stages.size() == 2);
}

TEST_CASE("compare: duplicate names pair with the one in the same stage, in order") {
    Fixture f;
    Journey& cur = f.ws.journeys[1];
    f.add_step(cur, 0, "Pay");  // Browse{Compare plans, Check coverage, Pay}, Checkout{Sign up, Pay}
    Journey copy = f.copy();
    // Delete the Browse "Pay": the Checkout "Pay" must still pair with its own.
    copy.stages[0].steps.pop_back();
    JourneyDiff d = compare_journeys(f.ws, cur, copy);
    CHECK(d.removed == 1);
    CHECK(d.same == 4);
    CHECK(row_names(d) == std::vector<std::string>{"same Compare plans", "same Check coverage", "removed Pay", "same Sign up", "same Pay"});
    CHECK(d.steps[2].current_stage == 0);
    // Two steps of one name in one stage: order decides.
    copy = f.copy();
    copy.stages[1].steps.push_back(Step{new_id(), "Pay", "", false});
    d = compare_journeys(f.ws, cur, copy);
    CHECK(d.added == 1);
    CHECK(d.steps.back().kind == DiffKind::added);
    CHECK(d.steps.back().to_be_name == "Pay");
}

TEST_CASE("compare: names match ignoring case and spacing; the exact change still counts as a rename") {
    Fixture f;
    Journey copy = f.copy();
    step_named(copy, "Sign up")->name = "  sign   UP ";
    const JourneyDiff d = compare_journeys(f.ws, f.current(), copy);
    CHECK(d.changed == 1);
    CHECK(row_for(d, "  sign   UP ")->match == StepMatch::name);
    CHECK(normalise_name("  Sign \t up ") == "sign up");
}

TEST_CASE("compare: a step replaced in place by one with other cards is removed and added; a blank one renamed") {
    Fixture f;
    Journey copy = f.copy();
    Step* pay = step_named(copy, "Pay");
    pay->name = "Gets a receipt";
    for (auto& c : copy.cards)
        if (c.step == pay->id) c.text = "Receipt by email";
    JourneyDiff d = compare_journeys(f.ws, f.current(), copy);
    CHECK(row_names(d) == std::vector<std::string>{"same Compare plans", "same Check coverage", "same Sign up", "removed Pay", "added Gets a receipt"});
    copy.cards.erase(std::remove_if(copy.cards.begin(), copy.cards.end(), [&](const Card& c) { return c.step == pay->id; }), copy.cards.end());
    Journey cur = f.current();
    cur.emotions.clear();
    cur.cards.erase(std::remove_if(cur.cards.begin(), cur.cards.end(), [&](const Card& c) { return c.text == "Pay card"; }), cur.cards.end());
    d = compare_journeys(f.ws, cur, copy);
    CHECK(row_names(d).back() == "changed Gets a receipt");
    CHECK(d.steps.back().match == StepMatch::position);
}

TEST_CASE("compare: the sample's redesign of Buying a phone plan") {
    const Workspace ws = sample_workspace();
    const Journey* cur = nullptr;
    const Journey* redesign = nullptr;
    for (const auto& j : ws.journeys) {
        if (j.title == "Buying a phone plan") cur = &j;
        if (j.title == "Buying a phone plan (to-be)") redesign = &j;
    }
    REQUIRE(cur);
    REQUIRE(redesign);
    CHECK(redesign->counterpart == cur->id);
    const JourneyDiff d = compare_journeys(ws, *cur, *redesign);
    CHECK(d.added == 2);
    CHECK(d.removed == 2);
    CHECK(row_for(d, "Gets a plan recommendation")->kind == DiffKind::added);
    CHECK(row_for(d, "Chooses a delivery slot")->kind == DiffKind::added);
    CHECK(row_for(d, "Waits for delivery")->kind == DiffKind::removed);
    CHECK(row_for(d, "Visits a store")->description_changed);
    CHECK(d.changed + d.same + d.removed == 9);  // every current step once
}

TEST_CASE("compare: a journey too big for the quadratic alignment is aligned greedily and stays right") {
    Fixture f;
    Journey big;
    big.id = new_id();
    big.stages = {Stage{new_id(), "All", {}}};
    for (int i = 0; i < 1500; ++i) big.stages[0].steps.push_back(Step{new_id(), "Step " + std::to_string(i), "", false});
    f.ws.journeys.push_back(big);
    IdGenerator gen(5);
    Journey copy = make_to_be_copy(f.ws, big, gen);
    auto& steps = copy.stages[0].steps;
    steps.front().name = "First";                      // differences at both ends defeat prefix/suffix trimming
    steps.back().name = "Last";
    steps.erase(steps.begin() + 700);                  // and one in the middle
    steps.insert(steps.begin() + 300, Step{new_id(), "New", "", false});
    const JourneyDiff d = compare_journeys(f.ws, big, copy);
    CHECK(d.added == 1);
    CHECK(d.removed == 1);
    CHECK(d.changed == 2);
    CHECK(d.same == 1497);
    CHECK(d.steps.front().match == StepMatch::position);
    CHECK(d.steps.size() == 1501);
}
