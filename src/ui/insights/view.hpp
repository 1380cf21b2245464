#pragma once
#include <string_view>

#include "platform/protocol.hpp"
#include "ui/kit/json_text.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui {

// The insight repository: every insight of the workspace as a searchable, filterable, sortable table,
// an editor for the selected one (evidence, validation date, links to steps), CSV export and import.
void draw_insights_view(const ViewContext& ctx);

// "New insight" (the view's button and the mirror's): an insight titled "New insight", selected.
// Returns its id.
Id add_insight(const ViewContext& ctx);
// An impact (-2..+2) as the editor names it: "-2 hurts a lot" … "+2 delights".
std::string_view impact_label(int impact);

// Payload type of an insight being dragged (the payload is its Id): rows of the repository are drag
// sources, journey cells drop targets (map/view.cpp).
inline constexpr const char* kInsightPayload = "WM_INSIGHT";

// In the journey view: a compact, draggable list of the insights (drag one onto a cell to link it to
// that step), and, per cell of an insight lane, the insights linked to the step.
void draw_insight_palette(const ViewContext& ctx);
void draw_step_insights(const ViewContext& ctx, Id journey, Id step);
// Makes the screen rectangle [min, max] a drop target that links a dropped insight to the step.
void accept_insight_drop(const ViewContext& ctx, Id journey, Id step, float min_x, float min_y, float max_x, float max_y);

// The page delivers a file the user picked for a purpose (platform::pick_file_for). Returns the
// reply: {ok} or {ok:false, error}.
std::string receive_chosen_file(UiState& ui, const protocol::FileChosen& file);

// insights/import.cpp: a CSV import (UiState::insights.import): reading the file in slices under
// a progress dialog, then the mapping and preview step.
void open_insight_import(UiState& ui, std::string name, std::string_view text, bool in_page = false);
void draw_insight_import(const ViewContext& ctx);
// An import started from the page (purpose "insights-csv-page"): each frame, whatever the view, a
// slice of its reading or checking, and its form sent to the page's dialog when it changed (view
// kImportView: the progress, a choice per column, the report, "Import N insights", Cancel).
void update_insight_import_page(const ViewContext& ctx);
inline constexpr std::string_view kImportView = "insights-import";
// The dialog's answers: "col-<n>" (the column's field, its index as text), "import", "cancel".
std::string insight_import_answer(const ViewContext& ctx, std::string_view name, std::string_view value);
// The test hook's "importing" ({running, phase, done, total, slices, file}) and "insightsView" ({shown,
// stale} as last drawn) members of stats().
void write_insights_stats(json::Writer& w, const UiState& ui);

}  // namespace wm::ui
