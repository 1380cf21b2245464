#include "ui/kit/item_registry.hpp"

#include <string>
#include <unordered_map>

#include "imgui_internal.h"

namespace wm::ui {
namespace {

struct Registry {
    std::unordered_map<ImGuiID, ImRect> boxes;             // this frame: id → box (ItemAdd)
    std::unordered_map<std::string, ItemRect> current;     // this frame: label → box (ItemInfo)
    std::unordered_map<std::string, ItemRect> last;        // the frame before
    bool complete = false;                                 // `current` holds a finished frame
};
Registry registry;  // one ImGui context per page

// A label's test-hook name is its shown text; a field labelled "##Journey title" shows none and is
// found by the hidden part instead.
std::string visible_label(const char* label) {
    const LabelParts parts = label_parts(label);
    return std::string(parts.shown.empty() ? parts.hidden : parts.shown);
}

}  // namespace

LabelParts label_parts(std::string_view label) {
    const auto hash = label.find("##");
    if (hash == std::string_view::npos) return {label, {}, false};
    std::string_view hidden = label.substr(hash + 2);
    const bool whole_id = !hidden.empty() && hidden[0] == '#';
    if (whole_id) hidden.remove_prefix(1);
    return {label.substr(0, hash), hidden, whole_id};
}

void items_begin_frame() {
    registry.last.swap(registry.current);
    registry.current.clear();
    registry.boxes.clear();
    registry.complete = false;
}

void items_end_frame() { registry.complete = true; }

// Between frames (where the page's test hook asks) the answer is the frame just drawn: asking the
// one before would report a tile a click has just folded away. Asked during a frame, the last
// complete frame answers.
std::optional<ItemRect> item_rect(std::string_view label) {
    const auto& drawn = registry.complete ? registry.current : registry.last;
    if (auto it = drawn.find(std::string(label)); it != drawn.end()) return it->second;
    return std::nullopt;
}

void expose_rect(const std::string& label, ItemRect rect) {
    if (rect.w > 0 && rect.h > 0) registry.current[label] = rect;
}

void expose_item(const char* label) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    expose_rect(visible_label(label), {min.x, min.y, max.x - min.x, max.y - min.y});
}

}  // namespace wm::ui

// ImGui calls these for every item while g.TestEngineHookItems is set.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    wm::ui::registry.boxes[id] = bb;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    if (!label || !*label) return;
    // A window's first frame lays it out unseen (auto-fit): its items are not on screen yet.
    if (const ImGuiWindow* w = ctx->CurrentWindow; w && (w->HiddenFramesCanSkipItems > 0 || w->HiddenFramesCannotSkipItems > 0))
        return;
    auto it = wm::ui::registry.boxes.find(id);
    ImRect bb = it != wm::ui::registry.boxes.end() ? it->second : ctx->LastItemData.Rect;
    // Clip to the window so that a test never clicks a part of an item that is scrolled away.
    if (ctx->CurrentWindow) bb.ClipWithFull(ctx->CurrentWindow->ClipRect);
    if (bb.GetWidth() <= 0 || bb.GetHeight() <= 0) return;
    std::string key = wm::ui::visible_label(label);
    if (key.empty()) return;
    const wm::ui::ItemRect rect{bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight()};
    wm::ui::registry.current[key] = rect;
    // "Open##Lumen Mobile" shows "Open" but is also found as "Open Lumen Mobile": short buttons in
    // lists stay addressable one by one.
    if (const auto parts = wm::ui::label_parts(label); !parts.shown.empty() && !parts.hidden.empty() && !parts.whole_id)
        wm::ui::registry.current[key + " " + std::string(parts.hidden)] = rect;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
