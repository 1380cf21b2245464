// One pattern for every popup that is not a dialog — the menu bar's menus, popovers ("Edit
// personas", a card's "…"), context menus — applied once for the whole app rather than per view:
//   - Esc closes the top-most one (a text field being typed in takes the first Esc itself);
//   - the click that closes one is not lost: ImGui's own rule keeps everything under an open popup
//     from being hovered, so a click on a tab, tile or card only closed the popup and did nothing
//     else. Here the popups are closed before the views draw, so the click lands where it was aimed.
//     A click on the very button that opened the popup still just closes it (no re-open).
// Modal dialogs keep their own Cancel/Esc and block the page behind them.
#pragma once

#include <vector>

#include "imgui.h"

namespace wm::ui {

class PopupPattern {
public:
    void before_views();   // after ImGui::NewFrame, before anything is drawn
    void after_views();    // after everything is drawn, before ImGui::Render

private:
    std::vector<ImGuiID> closed_by_click_;   // closed by the click being made (a re-open by it is undone)
    int closed_frame_ = 0;                   // the frame of that click
};

}  // namespace wm::ui
