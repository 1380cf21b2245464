// Every edit the UI can make, as command factories. Build one, hand it to Document::execute:
//
//     doc.execute(edit::rename_step(journey.id, step.id, buffer));
//
// Everything is located by Id (never by index). Each command re-checks its target when executed and
// refuses with a plain sentence if it is gone or the edit would make the document invalid; removals
// also remove or strip what depends on the removed thing (cards on a removed step, references to a
// removed persona, ...), all inside the same undo step. Labels name the thing, e.g.
// "Rename step “Compare plans”", "Delete lane “Pains”", "Move card".
//
// [SECTION] index: workspace & settings · journeys · stages · steps · lanes · cards · emotions ·
// links · repositories (personas, insights, opportunities, metrics, channels, scans).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "edit/command.hpp"

namespace wm::edit {

// Insert positions: clamped to the list size; kEnd appends.
inline constexpr std::size_t kEnd = static_cast<std::size_t>(-1);

// [SECTION] Workspace & settings -----------------------------------------------------------------
Command set_workspace_name(std::string name);
// Levels are numbered, not identified: inserting or removing one renumbers the journeys below it so
// that every journey keeps its level name. Removing a level that journeys use, or the last level, is
// refused.
Command add_level(std::size_t index, std::string name);
Command rename_level(std::size_t index, std::string name);
Command remove_level(std::size_t index);
// Scores outside the new scale are clamped into it (undoably).
Command set_emotion_scale(int min, int max);
Command set_stale_after_days(int days);
Command set_default_template(std::string template_key);
Command add_criterion(Criterion criterion, std::size_t index = kEnd);
Command edit_criterion(Criterion criterion);           // replaces the criterion with the same id
Command remove_criterion(Id criterion);                 // also drops opportunity scores on it
Command move_criterion(Id criterion, std::size_t index);
Command set_evidence_weight(double weight);
Command replace_scoring_model(ScoringModel model);      // preset switch; drops scores on vanished criteria
// The whole workspace at once, merge metadata included: a merge (io::merge) as one undo step. Undo
// brings back the content and the merge metadata from before, so stamping stays consistent.
// Refused for another workspace (another id).
Command replace_workspace(Workspace workspace, std::string label);

// [SECTION] Journeys ----------------------------------------------------------------------------
// The journey arrives complete (stages, lanes, cards...); its ids must be new.
Command add_journey(Journey journey, std::size_t index = kEnd);
// Also removes its links, the metrics anchored on it, and references to it (counterparts,
// opportunities, insight steps).
Command remove_journey(Id journey);
Command move_journey(Id journey, std::size_t index);
Command set_journey_title(Id journey, std::string title);
Command set_journey_description(Id journey, std::string description);
Command set_journey_level(Id journey, int level);       // refused if a parent/child link would break
Command set_journey_state(Id journey, JourneyState state);
Command set_journey_counterpart(Id journey, Id counterpart);  // nil clears
Command set_journey_owner(Id journey, std::string owner);
Command set_journey_status(Id journey, JourneyStatus status);
Command set_journey_personas(Id journey, std::vector<Id> personas);
Command set_journey_tags(Id journey, std::vector<std::string> tags);

// [SECTION] Stages --------------------------------------------------------------------------------
Command add_stage(Id journey, Stage stage, std::size_t index = kEnd);
Command rename_stage(Id journey, Id stage, std::string name);
Command move_stage(Id journey, Id stage, std::size_t index);  // index = final position
// With its steps, their cards and emotion scores, links anchored at the stage or its steps, and
// references from insights/opportunities; metrics anchored there fall back to the journey.
Command remove_stage(Id journey, Id stage);

// [SECTION] Steps ---------------------------------------------------------------------------------
Command add_step(Id journey, Id stage, Step step, std::size_t index = kEnd);
Command set_step_name(Id journey, Id step, std::string name);
Command set_step_description(Id journey, Id step, std::string description);
Command set_step_moment_of_truth(Id journey, Id step, bool moment_of_truth);
Command move_step(Id journey, Id step, Id to_stage, std::size_t index);  // index = final position
Command remove_step(Id journey, Id step);

// [SECTION] Lanes ---------------------------------------------------------------------------------
Command add_lane(Id journey, Lane lane, std::size_t index = kEnd);
Command set_lane_name(Id journey, Id lane, std::string name);
// Leaving `emotion` drops the lane's scores; becoming `emotion` is refused while the lane has cards.
Command set_lane_kind(Id journey, Id lane, LaneKind kind);
Command set_lane_layer(Id journey, Id lane, std::string layer);
Command set_lane_color(Id journey, Id lane, std::uint32_t color);
Command set_lane_collapsed(Id journey, Id lane, bool collapsed);
Command move_lane(Id journey, Id lane, std::size_t index);
Command remove_lane(Id journey, Id lane);             // with its cards and emotion scores

// [SECTION] Cards ---------------------------------------------------------------------------------
// `before`: the card to insert in front of (order within a cell is list order); nil appends.
Command add_card(Id journey, Card card, Id before = {});
Command add_cards(Id journey, std::vector<Card> cards);  // paste: one step
Command set_card_text(Id journey, Id card, std::string text);
Command set_card_personas(Id journey, Id card, std::vector<Id> personas);
Command set_card_severity(Id journey, Id card, int severity);  // 0 = not rated, 1..5
Command set_card_channel(Id journey, Id card, Id channel);     // nil clears
Command set_card_insights(Id journey, Id card, std::vector<Id> insights);
Command set_card_opportunities(Id journey, Id card, std::vector<Id> opportunities);
Command move_card(Id journey, Id card, Id lane, Id step, Id before = {});
struct CardPlacement {
    Id card;
    Id lane;
    Id step;
};
Command move_cards(Id journey, std::vector<CardPlacement> placements);  // a dragged selection
Command remove_card(Id journey, Id card);
Command remove_cards(Id journey, std::vector<Id> cards);

// [SECTION] Emotions ------------------------------------------------------------------------------
// On an emotion lane, at a step, for a persona (nil: everyone); the score must be on the scale.
Command set_emotion(Id journey, Id lane, Id step, Id persona, int score);
Command clear_emotion(Id journey, Id lane, Id step, Id persona);

// [SECTION] Framework links -----------------------------------------------------------------------
// Checked with wm::check_link / wm::check_reparent (framework/framework.hpp). A child may hang under
// one parent at several anchors, so a single link is named by all four of its fields.
Command add_link(JourneyLink link);
Command remove_link(JourneyLink link);              // exactly this link
Command unlink(Id parent, Id child);                // every link between the two
// Move `child` from under `old_parent` (all its links there) to `new_link`; the new link takes the
// place of the first old one in the list.
Command reparent(Id child, Id old_parent, JourneyLink new_link);

// [SECTION] Repositories --------------------------------------------------------------------------
// add: the id must be new and references must exist; replace: the item with the same id gets the new
// content; remove: also strips references to the id from cards, journeys, insights, opportunities
// and metrics (a removed channel leaves its cards without channel).
Command add_persona(Persona persona, std::size_t index = kEnd);
Command replace_persona(Persona persona);
Command remove_persona(Id persona);
Command move_persona(Id persona, std::size_t index);

Command add_insight(Insight insight, std::size_t index = kEnd);
// Many insights at the end, as one undo step labelled `label` (a CSV import): each is checked as
// add_insight checks it, and one refusal refuses all. Linear in the number of insights (ids are
// checked against a hash set, the list grows once). The insights are moved into the document on
// the first successful apply, not copied (100,000 of them are megabytes of text); a second apply
// of the same command refuses.
Command add_insights(std::vector<Insight> insights, std::string label);
Command replace_insight(Insight insight);
Command remove_insight(Id insight);

Command add_opportunity(Opportunity opportunity, std::size_t index = kEnd);
Command replace_opportunity(Opportunity opportunity);
Command remove_opportunity(Id opportunity);
Command add_solution(Id opportunity, Solution solution, std::size_t index = kEnd);
Command replace_solution(Id opportunity, Solution solution);
Command remove_solution(Id opportunity, Id solution);
// nullopt removes the rating; a value must lie on the criterion's scale.
Command set_opportunity_score(Id opportunity, Id criterion, std::optional<double> value);
Command set_will_not_do(Id opportunity, bool will_not_do, std::string reason);

Command add_metric(Metric metric, std::size_t index = kEnd);
Command replace_metric(Metric metric);
Command remove_metric(Id metric);
// Adds the value, or replaces the one with the same date and segment; keeps values sorted.
Command set_metric_value(Id metric, MetricValue value);
Command remove_metric_value(Id metric, Date date, std::string segment);

Command add_channel(Channel channel, std::size_t index = kEnd);
Command replace_channel(Channel channel);
Command remove_channel(Id channel);

Command add_scan(MaturityScan scan, std::size_t index = kEnd);
Command replace_scan(MaturityScan scan);
Command remove_scan(Id scan);

// [SECTION] Composite -----------------------------------------------------------------------------
// Several commands as one edit and one undo step (a paste that adds cards and sets scores). They run
// in order, each seeing what the previous ones did; if one refuses, the whole sequence refuses with
// its sentence and the changes already made are rolled back, so the document is left untouched.
// `label` names the undo step; "" takes the first label a command sets.
Command sequence(std::string label, std::vector<Command> commands);

}  // namespace wm::edit
