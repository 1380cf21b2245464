// Journeys, stages, steps and lanes (commands.hpp documents the behaviour).
#include <algorithm>
#include <unordered_set>

#include "edit/commands.hpp"
#include "edit/rules.hpp"

namespace wm::edit {

using detail::quoted;
using detail::quoted_or;

namespace {

const char* const kNoJourney = "That journey no longer exists.";
const char* const kNoStage = "That stage no longer exists.";
const char* const kNoStep = "That step no longer exists.";
const char* const kNoLane = "That lane no longer exists.";

Result refuse(std::string why) { return Result::refuse(std::move(why)); }

std::string title_of(const Journey& journey) { return quoted_or(journey.title, "“(untitled journey)”"); }

// True when `id` is free among the stage and step ids of the journey (both are located by id).
bool stage_or_step_id_free(const Journey& journey, Id id) {
    if (id.is_nil()) return false;
    for (const auto& stage : journey.stages) {
        if (stage.id == id) return false;
        for (const auto& step : stage.steps)
            if (step.id == id) return false;
    }
    return true;
}

// A field of a journey: find it, check the new value, label, assign.
template <class F, class Check>
Command set_journey_member(Id j, F Journey::*member, F value, const char* verb, Check check) {
    return Command(
        [=](Transaction& tx) -> Result {
            const Journey* journey = find_by_id(tx.ws().journeys, j);
            if (!journey) return refuse(kNoJourney);
            if (std::string why = check(tx.ws(), *journey, value); !why.empty()) return refuse(why);
            tx.set_label(std::string(verb) + " " + title_of(*journey));
            tx.set(loc::journey_field(j, member), value);
            return Result::ok();
        });
}

auto no_check() {
    return [](const Workspace&, const Journey&, const auto&) { return std::string(); };
}

}  // namespace

// [SECTION] Journeys ----------------------------------------------------------------------------------

Command add_journey(Journey journey, std::size_t index) {
    return Command([journey = std::move(journey), index](Transaction& tx) -> Result {
        if (std::string why = detail::check_new_journey(tx.ws(), journey); !why.empty()) return refuse(why);
        tx.set_label("Add journey " + title_of(journey));
        tx.insert(loc::ws_field(&Workspace::journeys), std::min(index, tx.ws().journeys.size()), journey);
        return Result::ok();
    });
}

Command remove_journey(Id j) {
    return Command([j](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        tx.set_label("Delete journey " + title_of(*journey));
        detail::strip_journey(tx, j);
        tx.erase(loc::ws_field(&Workspace::journeys), detail::index_of(tx.ws().journeys, j));
        return Result::ok();
    });
}

Command move_journey(Id j, std::size_t index) {
    return Command([j, index](Transaction& tx) -> Result {
        const auto& journeys = tx.ws().journeys;
        const std::size_t from = detail::index_of(journeys, j);
        if (from == detail::npos) return refuse(kNoJourney);
        const std::size_t to = std::min(index, journeys.size() - 1);
        tx.set_label("Move journey " + title_of(journeys[from]));
        if (from != to) tx.move(loc::ws_field(&Workspace::journeys), from, loc::ws_field(&Workspace::journeys), to);
        return Result::ok();
    });
}

Command set_journey_title(Id j, std::string title) {
    return set_journey_member(j, &Journey::title, std::move(title), "Rename journey", no_check());
}
Command set_journey_description(Id j, std::string description) {
    return set_journey_member(j, &Journey::description, std::move(description),
                              "Edit description of", no_check());
}
Command set_journey_level(Id j, int level) {
    return set_journey_member(j, &Journey::level, level, "Change level of",
                              [j](const Workspace& ws, const Journey&, int value) { return detail::check_level(ws, j, value); });
}
Command set_journey_state(Id j, JourneyState state) {
    return set_journey_member(j, &Journey::state, state, "Change state of", no_check());
}
Command set_journey_counterpart(Id j, Id counterpart) {
    return set_journey_member(j, &Journey::counterpart, counterpart, "Change counterpart of",
                              [j](const Workspace& ws, const Journey&, Id value) -> std::string {
                                  if (value.is_nil()) return {};
                                  if (value == j) return "A journey cannot be its own counterpart.";
                                  if (!find_by_id(ws.journeys, value)) return "That counterpart journey does not exist.";
                                  return {};
                              });
}
Command set_journey_owner(Id j, std::string owner) {
    return set_journey_member(j, &Journey::owner, std::move(owner), "Change owner of", no_check());
}
Command set_journey_status(Id j, JourneyStatus status) {
    return set_journey_member(j, &Journey::status, status, "Change status of", no_check());
}
Command set_journey_personas(Id j, std::vector<Id> personas) {
    return set_journey_member(j, &Journey::personas, std::move(personas), "Change personas of",
                              [](const Workspace& ws, const Journey&, const std::vector<Id>& value) {
                                  return detail::check_persona_ids(ws, value);
                              });
}
Command set_journey_tags(Id j, std::vector<std::string> tags) {
    return set_journey_member(j, &Journey::tags, std::move(tags), "Change tags of", no_check());
}

// [SECTION] Stages ------------------------------------------------------------------------------------

Command add_stage(Id j, Stage stage, std::size_t index) {
    return Command([j, stage = std::move(stage), index](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        std::unordered_set<Id> fresh;
        bool ok = stage_or_step_id_free(*journey, stage.id) && fresh.insert(stage.id).second;
        for (const auto& step : stage.steps) ok = ok && stage_or_step_id_free(*journey, step.id) && fresh.insert(step.id).second;
        if (!ok) return refuse("The new stage and its steps need ids of their own.");
        tx.set_label("Add stage " + quoted_or(stage.name, "“(untitled)”"));
        tx.insert(loc::journey_field(j, &Journey::stages), std::min(index, journey->stages.size()), stage);
        return Result::ok();
    });
}

Command rename_stage(Id j, Id s, std::string name) {
    return Command(
        [j, s, name = std::move(name)](Transaction& tx) -> Result {
            const Journey* journey = find_by_id(tx.ws().journeys, j);
            if (!journey) return refuse(kNoJourney);
            const Stage* stage = find_by_id(journey->stages, s);
            if (!stage) return refuse(kNoStage);
            tx.set_label("Rename stage " + quoted_or(stage->name, "“(untitled)”"));
            tx.set(loc::stage_field(j, s, &Stage::name), name);
            return Result::ok();
        });
}

Command move_stage(Id j, Id s, std::size_t index) {
    return Command([j, s, index](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        const std::size_t from = detail::index_of(journey->stages, s);
        if (from == detail::npos) return refuse(kNoStage);
        const std::size_t to = std::min(index, journey->stages.size() - 1);
        tx.set_label("Move stage " + quoted_or(journey->stages[from].name, "“(untitled)”"));
        if (from != to) tx.move(loc::journey_field(j, &Journey::stages), from, loc::journey_field(j, &Journey::stages), to);
        return Result::ok();
    });
}

Command remove_stage(Id j, Id s) {
    return Command([j, s](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        const Stage* stage = find_by_id(journey->stages, s);
        if (!stage) return refuse(kNoStage);
        tx.set_label("Delete stage " + quoted_or(stage->name, "“(untitled)”"));
        std::vector<Id> steps;
        for (const auto& step : stage->steps) steps.push_back(step.id);
        detail::drop_steps(tx, j, steps);
        detail::drop_stage_anchors(tx, j, s);
        tx.erase(loc::journey_field(j, &Journey::stages), detail::index_of(journey->stages, s));
        return Result::ok();
    });
}

// [SECTION] Steps -------------------------------------------------------------------------------------

Command add_step(Id j, Id s, Step step, std::size_t index) {
    return Command([j, s, step = std::move(step), index](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        const Stage* stage = find_by_id(journey->stages, s);
        if (!stage) return refuse(kNoStage);
        if (!stage_or_step_id_free(*journey, step.id)) return refuse("The new step needs an id of its own.");
        tx.set_label("Add step " + quoted_or(step.name, "“(untitled)”"));
        tx.insert(loc::steps_of(j, s), std::min(index, stage->steps.size()), step);
        return Result::ok();
    });
}

namespace {

template <class F>
Command set_step_member(Id j, Id s, F Step::*member, F value, const char* verb) {
    return Command(
        [=](Transaction& tx) -> Result {
            const Journey* journey = find_by_id(tx.ws().journeys, j);
            if (!journey) return refuse(kNoJourney);
            const Step* step = find_step(*journey, s);
            if (!step) return refuse(kNoStep);
            tx.set_label(std::string(verb) + " " + quoted_or(step->name, "“(untitled)”"));
            tx.set(loc::step_field(j, s, member), value);
            return Result::ok();
        });
}

}  // namespace

Command set_step_name(Id j, Id s, std::string name) {
    return set_step_member(j, s, &Step::name, std::move(name), "Rename step");
}
Command set_step_description(Id j, Id s, std::string description) {
    return set_step_member(j, s, &Step::description, std::move(description), "Edit description of step");
}
Command set_step_moment_of_truth(Id j, Id s, bool moment_of_truth) {
    return set_step_member(j, s, &Step::moment_of_truth, moment_of_truth,
                           moment_of_truth ? "Mark moment of truth" : "Unmark moment of truth");
}

Command move_step(Id j, Id s, Id to_stage, std::size_t index) {
    return Command([j, s, to_stage, index](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        const Stage* from_stage = nullptr;
        const Step* step = find_step(*journey, s, &from_stage);
        if (!step) return refuse(kNoStep);
        const Stage* target = find_by_id(journey->stages, to_stage);
        if (!target) return refuse(kNoStage);
        const Id from_id = from_stage->id;
        const std::size_t from = detail::index_of(from_stage->steps, s);
        const std::size_t room = target->steps.size() - (from_id == to_stage ? 1 : 0);
        const std::size_t to = std::min(index, room);
        tx.set_label("Move step " + quoted_or(step->name, "“(untitled)”"));
        if (from_id == to_stage && from == to) return Result::ok();
        tx.move(loc::steps_of(j, from_id), from, loc::steps_of(j, to_stage), to);
        if (from_id == to_stage) return Result::ok();
        // Anchors that name the step's stage follow it, so links and KPIs stay consistent.
        const auto& links = tx.ws().links;
        for (std::size_t i = 0; i < links.size(); ++i)
            if (links[i].parent == j && links[i].step == s)
                tx.set(loc::item_field(&Workspace::links, i, &JourneyLink::stage), to_stage);
        const auto& metrics = tx.ws().metrics;
        for (std::size_t i = 0; i < metrics.size(); ++i)
            if (metrics[i].journey == j && metrics[i].step == s && !metrics[i].stage.is_nil())
                tx.set(loc::item_field(&Workspace::metrics, i, &Metric::stage), to_stage);
        return Result::ok();
    });
}

Command remove_step(Id j, Id s) {
    return Command([j, s](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        const Stage* stage = nullptr;
        const Step* step = find_step(*journey, s, &stage);
        if (!step) return refuse(kNoStep);
        tx.set_label("Delete step " + quoted_or(step->name, "“(untitled)”"));
        const Id stage_id = stage->id;
        const std::size_t index = detail::index_of(stage->steps, s);
        detail::drop_steps(tx, j, {s});
        tx.erase(loc::steps_of(j, stage_id), index);
        return Result::ok();
    });
}

// [SECTION] Lanes -------------------------------------------------------------------------------------

Command add_lane(Id j, Lane lane, std::size_t index) {
    return Command([j, lane = std::move(lane), index](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        if (lane.id.is_nil() || find_by_id(journey->lanes, lane.id)) return refuse("The new lane needs an id of its own.");
        tx.set_label("Add lane " + quoted_or(lane.name, "“(untitled)”"));
        tx.insert(loc::journey_field(j, &Journey::lanes), std::min(index, journey->lanes.size()), lane);
        return Result::ok();
    });
}

namespace {

template <class F>
Command set_lane_member(Id j, Id l, F Lane::*member, F value, const char* verb) {
    return Command(
        [=](Transaction& tx) -> Result {
            const Journey* journey = find_by_id(tx.ws().journeys, j);
            if (!journey) return refuse(kNoJourney);
            const Lane* lane = find_by_id(journey->lanes, l);
            if (!lane) return refuse(kNoLane);
            tx.set_label(std::string(verb) + " " + quoted_or(lane->name, "“(untitled)”"));
            tx.set(loc::lane_field(j, l, member), value);
            return Result::ok();
        });
}

}  // namespace

Command set_lane_name(Id j, Id l, std::string name) {
    return set_lane_member(j, l, &Lane::name, std::move(name), "Rename lane");
}
Command set_lane_layer(Id j, Id l, std::string layer) {
    return set_lane_member(j, l, &Lane::layer, std::move(layer), "Change layer of lane");
}
Command set_lane_color(Id j, Id l, std::uint32_t color) {
    return set_lane_member(j, l, &Lane::color, color & 0xFFFFFFu, "Change colour of lane");
}
Command set_lane_collapsed(Id j, Id l, bool collapsed) {
    return set_lane_member(j, l, &Lane::collapsed, collapsed, collapsed ? "Collapse lane" : "Expand lane");
}

Command set_lane_kind(Id j, Id l, LaneKind kind) {
    return Command([j, l, kind](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        const Lane* lane = find_by_id(journey->lanes, l);
        if (!lane) return refuse(kNoLane);
        if (lane->kind == kind) return Result::ok();
        if (kind == LaneKind::emotion)
            for (const auto& card : journey->cards)
                if (card.lane == l)
                    return refuse("The lane " + quoted(lane->name) + " has cards; move or delete them before making it an emotion lane.");
        tx.set_label("Change kind of lane " + quoted_or(lane->name, "“(untitled)”"));
        if (lane->kind == LaneKind::emotion)
            tx.erase_if(loc::journey_field(j, &Journey::emotions), [l](const EmotionScore& e) { return e.lane == l; });
        tx.set(loc::lane_field(j, l, &Lane::kind), kind);
        return Result::ok();
    });
}

Command move_lane(Id j, Id l, std::size_t index) {
    return Command([j, l, index](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        const std::size_t from = detail::index_of(journey->lanes, l);
        if (from == detail::npos) return refuse(kNoLane);
        const std::size_t to = std::min(index, journey->lanes.size() - 1);
        tx.set_label("Move lane " + quoted_or(journey->lanes[from].name, "“(untitled)”"));
        if (from != to) tx.move(loc::journey_field(j, &Journey::lanes), from, loc::journey_field(j, &Journey::lanes), to);
        return Result::ok();
    });
}

Command remove_lane(Id j, Id l) {
    return Command([j, l](Transaction& tx) -> Result {
        const Journey* journey = find_by_id(tx.ws().journeys, j);
        if (!journey) return refuse(kNoJourney);
        const Lane* lane = find_by_id(journey->lanes, l);
        if (!lane) return refuse(kNoLane);
        tx.set_label("Delete lane " + quoted_or(lane->name, "“(untitled)”"));
        tx.erase_if(loc::journey_field(j, &Journey::cards), [l](const Card& c) { return c.lane == l; });
        tx.erase_if(loc::journey_field(j, &Journey::emotions), [l](const EmotionScore& e) { return e.lane == l; });
        tx.erase(loc::journey_field(j, &Journey::lanes), detail::index_of(journey->lanes, l));
        return Result::ok();
    });
}

}  // namespace wm::edit
