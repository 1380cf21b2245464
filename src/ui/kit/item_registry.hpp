// Rectangles of the widgets drawn in the last frame, by label, for window.waymark.rect(label):
// browser tests click the real widget a person would click. Filled through ImGui's test-engine item
// hooks (IMGUI_ENABLE_TEST_ENGINE), which see every labelled item.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "imgui.h"

namespace wm::ui {

struct ItemRect {
    float x, y, w, h;
};

// An ImGui label's two parts: "Save##toolbar" shows "Save" and hides "toolbar"; with "###" (as in
// "Title###id") the hidden part is the item's whole id.
struct LabelParts {
    std::string_view shown, hidden;
    bool whole_id = false;
};
LabelParts label_parts(std::string_view label);

void items_begin_frame();   // the previous frame's rectangles become the "last drawn" set
void items_end_frame();     // this frame's rectangles are complete: they answer item_rect()
std::optional<ItemRect> item_rect(std::string_view label);
// Things drawn without a widget (the journey map's cards, headers, cells) are registered by hand,
// under labels of their own ("card <text>", "step <name>", ...), already clipped to what is visible.
void expose_rect(const std::string& label, ItemRect rect);
// The last item's whole rectangle (not clipped to its window) under its visible label: for items
// ImGui does not report by label (a combo) and for rows that must be seen to fit in the window.
void expose_item(const char* label);

}  // namespace wm::ui
