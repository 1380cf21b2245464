// Charts of the maturity scan view, drawn with ImDrawList: the three areas on the five-stage scale
// (answers as bars, workspace evidence as markers) and progress over time (one line per area).
#pragma once

#include <array>
#include <vector>

#include "imgui.h"
#include "scoring/maturity.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui::chart {

ImU32 stage_color(int stage);            // 1..5 warm to accent; 0 muted
ImU32 area_color(maturity::Area area);

// Reserves its box as an item labelled "Area chart" (hidden label) so that tests can find it.
void draw_area_chart(const ViewContext& ctx, const maturity::ScanResult& result,
                     const std::array<maturity::AreaEvidence, maturity::kAreaCount>& evidence);
// Item label "Progress chart".
void draw_history_chart(const ViewContext& ctx, const std::vector<maturity::HistoryPoint>& points);

}  // namespace wm::ui::chart
