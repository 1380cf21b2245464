// KPIs in the UI: the KPI editor popup for an anchor (a journey, one of its stages, or a step), the
// small "KPIs" sections the journey map's details panel and header show, and the test hook's KPI
// figures. The evaluation every view shares is derived data (ViewContext::derived.kpis()).
//
// Every change the editor makes is one command (replace_metric, add_metric, set_metric_value, ...),
// so each edit is one undo step. Semantics of the figures: scoring/kpi.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scoring/kpi.hpp"
#include "ui/kit/json_text.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui {

// Metrics anchored exactly here: at the journey itself (stage and step nil), at a stage (step
// nil), or at a step. Workspace order.
std::vector<const Metric*> metrics_at(const Workspace& ws, Id journey, Id stage, Id step);

// Opens the editor on the next frame for the anchor (stage/step nil for the journey itself).
void open_kpi_editor(const ViewContext& ctx, Id journey, Id stage = {}, Id step = {});

// The editor popup; the app draws it every frame, so any view can open it.
void draw_kpi_editor(const ViewContext& ctx);

// "KPIs" section for a details panel: the anchor's KPIs with latest value, health and sparkline,
// and an "Edit KPIs…" button.
void draw_kpi_section(const ViewContext& ctx, Id journey, Id stage, Id step);

// The journey header's button: "KPIs (n)", opening the editor on the journey.
void draw_kpi_button(const ViewContext& ctx, const Journey& journey);

// stats().kpis: {"<metric id>": {name, journey, latest, segment, health, computed, inputs}} for the
// first 200 metrics (kpisTotal counts them all). `latest` is the headline value (absent: no data).
void write_kpi_stats(json::Writer& w, const Workspace& ws, const kpi::Evaluation& eval);

}  // namespace wm::ui
