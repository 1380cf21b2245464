// Internal to src/edit: the checks commands make before editing, and the clean-up a removal does
// so that nothing is left pointing at what was removed. Checks return "" when the thing is fine,
// else the refusal sentence; clean-ups record every change through the transaction.
#pragma once

#include <string>
#include <vector>

#include "edit/locate.hpp"

namespace wm::edit::detail {

// [SECTION] Checks
std::string check_persona_ids(const Workspace& ws, const std::vector<Id>& personas);
std::string check_step_refs(const Workspace& ws, const std::vector<StepRef>& steps);
std::string check_card(const Workspace& ws, const Journey& journey, const Card& card);
std::string check_emotion(const Workspace& ws, const Journey& journey, const EmotionScore& score);
std::string check_new_journey(const Workspace& ws, const Journey& journey);
std::string check_persona(const Workspace& ws, const Persona& persona);
std::string check_insight(const Workspace& ws, const Insight& insight);
std::string check_opportunity(const Workspace& ws, const Opportunity& opportunity);
std::string check_metric(const Workspace& ws, const Metric& metric);
std::string check_channel(const Workspace& ws, const Channel& channel);
std::string check_scan(const Workspace& ws, const MaturityScan& scan);
std::string check_criterion(const Criterion& criterion);
// "" when `level` is a valid level of the workspace and every link of `journey` keeps its child
// deeper than its parent.
std::string check_level(const Workspace& ws, Id journey, int level);

// [SECTION] Clean-ups after removals
// Cards and emotion scores on these steps, links anchored at them, insight/opportunity references to
// them; metrics anchored on a removed step keep their stage anchor.
void drop_steps(Transaction& tx, Id journey, const std::vector<Id>& steps);
// Links anchored at the stage; metrics anchored on it fall back to the journey.
void drop_stage_anchors(Transaction& tx, Id journey, Id stage);
void strip_persona(Transaction& tx, Id persona);
void strip_insight(Transaction& tx, Id insight);
void strip_opportunity(Transaction& tx, Id opportunity);
void strip_channel(Transaction& tx, Id channel);
void strip_metric(Transaction& tx, Id metric);
// Opportunity scores follow the scoring model: scores on criteria it no longer has are dropped, the
// others clamped into their criterion's scale.
void conform_scores(Transaction& tx);
// After the scoring model changed from `before`: ratings rescaled onto changed scales, dropped on
// vanished criteria (edit/rescale.hpp), then conformed.
void rescale_scores(Transaction& tx, const ScoringModel& before);
// Everything outside the journey that points at it: links, counterparts, opportunities, insight
// steps, and the metrics anchored on it (which are removed).
void strip_journey(Transaction& tx, Id journey);

}  // namespace wm::edit::detail
