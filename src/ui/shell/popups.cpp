#include "ui/shell/popups.hpp"

#include "imgui_internal.h"

namespace wm::ui {

namespace {

bool is_modal(const ImGuiPopupData& p) { return p.Window && (p.Window->Flags & ImGuiWindowFlags_Modal); }

bool any_modal(const ImGuiContext& g) {
    for (const ImGuiPopupData& p : g.OpenPopupStack)
        if (is_modal(p)) return true;
    return false;
}

}  // namespace

void PopupPattern::before_views() {
    ImGuiContext& g = *GImGui;
    if (g.IO.MouseClicked[ImGuiMouseButton_Left]) closed_by_click_.clear();
    if (g.OpenPopupStack.Size == 0 || any_modal(g)) return;

    // Esc: the top-most popup closes (its opener keeps its state; nothing else sees this Esc).
    const bool typing = g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId;
    if (!typing && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        ImGui::ClosePopupToLevel(g.OpenPopupStack.Size - 1, true);
        ImGui::SetKeyOwner(ImGuiKey_Escape, ImHashStr("popup pattern: Esc"), ImGuiInputFlags_LockThisFrame);
        return;
    }

    // A left click outside every open popup: close them now and give the window under the pointer
    // the focus, so its widgets (and canvases asking IsWindowHovered) see the click this frame.
    if (!g.IO.MouseClicked[ImGuiMouseButton_Left]) return;
    ImGuiWindow* hovered = g.HoveredWindow;
    if (!hovered || (hovered->RootWindow->Flags & ImGuiWindowFlags_Popup)) return;   // inside a popup: its own
    // The menu bar's titles switch and toggle their menus themselves.
    ImGuiWindow* root = hovered->RootWindow;
    if ((root->Flags & ImGuiWindowFlags_MenuBar) && root->MenuBarRect().Contains(g.IO.MousePos)) return;
    for (const ImGuiPopupData& p : g.OpenPopupStack) closed_by_click_.push_back(p.PopupId);
    closed_frame_ = g.FrameCount;
    ImGui::ClosePopupsOverWindow(hovered, false);
    ImGui::FocusWindow(hovered);
}

void PopupPattern::after_views() {
    // The click that closed a popup landed on the button that had opened it (a button acts on the
    // release, a frame or more after the press): closed it stays.
    ImGuiContext& g = *GImGui;
    if (closed_by_click_.empty()) return;
    for (int i = 0; i < g.OpenPopupStack.Size; ++i) {
        const ImGuiPopupData& p = g.OpenPopupStack[i];
        if (p.OpenFrameCount < closed_frame_) continue;
        for (const ImGuiID id : closed_by_click_)
            if (id == p.PopupId) {
                ImGui::ClosePopupToLevel(i, true);
                closed_by_click_.clear();
                return;
            }
    }
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left) && !ImGui::IsMouseReleased(ImGuiMouseButton_Left)) closed_by_click_.clear();
}

}  // namespace wm::ui
