// Lists that may be very long (a repository of 100,000 insights) inside popups and panels.
#pragma once

#include <algorithm>
#include <cstddef>

#include "imgui.h"

namespace wm::ui {

// Draws `count` items with `draw(index)`: as they come when there are few (up to kPlainItems), else
// in a scrolling box of `visible_lines` lines that draws only the items in view. Every item must be
// one line of the same height (a Selectable, a SmallButton).
inline constexpr std::size_t kPlainItems = 100;

template <class Draw>
void long_list(const char* id, std::size_t count, Draw draw, float width_em = 24, int visible_lines = 12) {
    if (count <= kPlainItems) {
        for (std::size_t i = 0; i < count; ++i) draw(i);
        return;
    }
    const float line = ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild(id, ImVec2(ImGui::GetFontSize() * width_em, line * static_cast<float>(visible_lines)), ImGuiChildFlags_None);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(count), line);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw(static_cast<std::size_t>(i));
    ImGui::EndChild();
}

}  // namespace wm::ui
