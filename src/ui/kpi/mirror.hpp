// The KPI editor for screen readers and keyboards (issue 19): Edit › KPIs… in the page's menubar
// answers with this form (ui/kit/mirror_form.hpp), shown as a modal dialog, instead of the canvas's
// popup. It holds every KPI anchored at one place — a journey, one of its stages, or a step — each
// under its heading: its reading in words (the latest value with its health mark, health, target,
// date), its fields (name, unit, target, direction, owner, weight, description), its roll-up rule
// and the inputs it rolls up, its dated values as text, one per line ("2026-03-01; 12.5; NL /
// Prepaid"), and "Delete KPI …"; then "Add a KPI". Each field, when it changes, is one command, as
// in the popup (kpi/editor.cpp); adding or deleting a KPI answers with the form made again.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "ui/kit/context.hpp"

namespace wm::ui {

// The anchor the menu entry opens on: on a journey map the selected step or stage, else the map's
// journey; in the framework the journey the mirror's focus is on. Nothing (journey nil) elsewhere.
struct KpiAnchor {
    Id journey, stage, step;
};
KpiAnchor kpi_anchor(const Workspace& ws, const UiState& ui);

std::string kpi_mirror_form(const ViewContext& ctx, const KpiAnchor& anchor, std::string_view focus = {});

// A field or button of that form. row: "anchor:<journey>/<stage>/<step>" (its "add") or a KPI's id;
// name: the field ("name", "unit", "target", "direction", "owner", "weight", "description",
// "rollup", "inputs", "values") or button ("add", "delete"). `apply` applies the queued commands
// (so the form made again after "add" or "delete" shows the change). Returns the JSON reply.
std::string kpi_mirror_action(const ViewContext& ctx, std::string_view row, std::string_view name, std::string_view value,
                              const std::function<void()>& apply);

}  // namespace wm::ui
