// Small KPI graphics shared by the KPI editor, the journey map's metric lane and the framework's
// tiles: a sparkline of a reading, and the colour and the mark of its health.
#pragma once

#include <string>

#include "imgui.h"
#include "model/model.hpp"
#include "scoring/kpi.hpp"

namespace wm::ui {

// kOk on target, kError off target, kMuted without a target or without data.
ImU32 health_color(kpi::Health health);
// The same in shape, so health is never told by colour alone (issue 19): "✓ " on target, "✗ " off
// target, "" otherwise (the muted colour and the words "no target" / "no data" say those).
const char* health_mark(kpi::Health health);

// The series as a line scaled into [min, max], the target as a thin horizontal line when it falls in
// the series' range (the range widens to include it), and the last point as a dot coloured by health.
// An empty reading draws a faint baseline, so the place still reads as "no data".
void draw_sparkline(ImDrawList* dl, ImVec2 min, ImVec2 max, const kpi::Reading& reading, const Metric& metric);

// "12.5 %", "850 EUR k", "3" — four significant digits and the unit.
std::string kpi_value_text(double value, const std::string& unit);

}  // namespace wm::ui
