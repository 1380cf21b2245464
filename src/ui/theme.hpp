// Colours and style. One light theme for now; colours are named by role, not by widget.
#pragma once

#include <cstdint>

#include "imgui.h"

namespace wm::ui {

namespace color {
inline constexpr ImU32 kInk = IM_COL32(31, 41, 55, 255);        // primary text
inline constexpr ImU32 kMuted = IM_COL32(107, 114, 128, 255);   // secondary text
inline constexpr ImU32 kLine = IM_COL32(229, 231, 235, 255);    // separators
inline constexpr ImU32 kPaper = IM_COL32(255, 255, 255, 255);   // cards, tiles
inline constexpr ImU32 kCanvas = IM_COL32(246, 247, 249, 255);  // background
inline constexpr ImU32 kAccent = IM_COL32(79, 70, 229, 255);    // selection, links
inline constexpr ImU32 kToBe = IM_COL32(13, 148, 136, 255);     // to-be journeys
inline constexpr ImU32 kWarn = IM_COL32(217, 119, 6, 255);
inline constexpr ImU32 kError = IM_COL32(220, 38, 38, 255);
inline constexpr ImU32 kOk = IM_COL32(22, 163, 74, 255);
}  // namespace color

void apply_theme();
ImU32 rgb(std::uint32_t rgb, int alpha = 255);                  // 0xRRGGBB → ImU32
ImVec4 rgb4(std::uint32_t rgb, float alpha = 1.0f);

}  // namespace wm::ui
