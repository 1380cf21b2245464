#include "ui/shortcuts/view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/kit/item_registry.hpp"
#include "ui/kit/mirror_form.hpp"
#include "ui/kit/theme.hpp"

namespace wm::ui {
namespace {

constexpr const char* kPopup = "Keyboard shortcuts##shortcuts";

struct Shortcut {
    const char* keys;
    const char* what;
};
struct Area {
    const char* name;
    std::initializer_list<Shortcut> keys;
};

// Kept next to the code that answers them: shell/app.cpp (everywhere), map/input.cpp (the map),
// maturity/view.cpp, compare/view.cpp, palette/palette.cpp.
const Area kAreas[] = {
    {"Everywhere",
     {{"Ctrl+K", "Go to anything: a view, journey, persona, insight or opportunity by name"},
      {"Ctrl+Z", "Undo"},
      {"Ctrl+Shift+Z, Ctrl+Y", "Redo"},
      {"Ctrl+S", "Save now"},
      {"Alt+Left, Alt+Right", "Back, forward"},
      {"?", "This sheet"},
      {"Escape", "Close a dialog, cancel an edit or a drag"},
      {"F6", "To the screen-reader view of the open view (a journey map as a grid: arrows, Enter adds a card, F2 walks the cell's cards, Enter edits one and Alt+Enter opens its details and links; the framework as a tree: arrows, Enter opens; Escape comes back)"},
      {"F6 again", "From there to the menus as a menu bar (arrows, Enter runs an entry); once more, back to the canvas"}}},
    {"Journey map",
     {{"Arrow keys", "Move the cell cursor"},
      {"Enter", "New card in the cell; on a selection, edit it"},
      {"F2", "Rename the selected card, step, stage, lane or layer"},
      {"Tab, Shift+Tab", "Walk the cards of the cell"},
      {"Delete, Backspace", "Delete the selection"},
      {"Ctrl+A", "Select every card"},
      {"Ctrl+C, Ctrl+X, Ctrl+V", "Copy, cut, paste cards (also rows from a spreadsheet)"},
      {"Ctrl+Shift+Arrow keys", "Move the selected step or stage sideways, the lane up or down"},
      {"0 \xE2\x80\x93 5", "Severity of the selected pain or gain (0 clears it)"},
      {"M", "Mark the selected step as a moment of truth, or not"},
      {"+, - (or Shift+Up, Shift+Down)", "Emotion score of the cursor cell"},
      {"Ctrl+F", "Find in the map"},
      {"Ctrl+=, Ctrl+-", "Zoom in, out"},
      {"Ctrl+0, Ctrl+1", "Fit the map, 100 %"}}},
    {"Framework",
     {{"F2", "Rename the selected lifecycle stage (double-click its header does too)"},
      {"Delete", "Delete the selected lifecycle stage (asks first when journeys hang there)"},
      {"Escape", "Clear the stage selection"},
      {"F6, then Up, Down", "Walk the stages and journeys as a tree; the tile is outlined (Right, Left unfold and fold; Enter opens)"},
      {"Ctrl+X, then Ctrl+V", "In that tree: move a journey under a lifecycle stage or another journey (asks at which stage or step)"}}},
    {"Maturity scan",
     {{"1 \xE2\x80\x93 5", "Answer the question"},
      {"Up, Down, Enter", "Choose an answer with the cursor"},
      {"Left, Right", "Previous, next question"}}},
    {"Go to (Ctrl+K)", {{"Up, Down, Enter", "Choose a result and open it"}}},
    {"Compare", {{"Page Up, Page Down, Home, End", "Scroll the comparison"}}},
};

}  // namespace

std::string shortcuts_form() {
    MirrorForm f("Keyboard shortcuts", "", "shortcuts", "shortcuts");
    for (const Area& area : kAreas) {
        f.heading(area.name);
        for (const Shortcut& s : area.keys) f.note(std::string(s.keys) + ": " + s.what);
    }
    return std::move(f).done();
}

void open_shortcuts(UiState& ui) {
    ui.shortcuts.open_requested = true;
    ui.redraw();
}

void draw_shortcuts(const ViewContext& ctx) {
    UiState& ui = ctx.ui;
    // "?" anywhere but in a text field (the character, whatever key makes it on this keyboard).
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        for (const ImWchar c : io.InputQueueCharacters)
            if (c == '?') open_shortcuts(ui);
    if (ui.shortcuts.open_requested) {
        ui.shortcuts.open_requested = false;
        ImGui::OpenPopup(kPopup);
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ui.shortcuts.shown = ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    if (!ui.shortcuts.shown) return;
    if (ImGui::IsWindowAppearing()) ui.redraw(3);
    const ImVec4 muted = ImGui::ColorConvertU32ToFloat4(color::kMuted);
    // The list scrolls; the Close button below it stays in view.
    // 42 letters wide, or the window's width where that is less (a large text size): the keys take
    // a third of it at most and both columns wrap.
    const float em = ImGui::GetFontSize();
    const float width = std::min(em * 42, vp->WorkSize.x - 4 * ImGui::GetStyle().WindowPadding.x);
    ImGui::BeginChild("##shortcut list", ImVec2(width, std::min(em * 40, vp->Size.y * 0.7f)));
    for (const Area& area : kAreas) {
        ImGui::SeparatorText(area.name);
        if (ImGui::BeginTable(area.name, 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("Keys", ImGuiTableColumnFlags_WidthFixed, std::floor(std::min(em * 14, width / 3)));
            ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch);
            for (const Shortcut& s : area.keys) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0);
                ImGui::TextUnformatted(s.keys);
                ImGui::TableNextColumn();
                ImGui::TextColored(muted, "%s", s.what);
                ImGui::PopTextWrapPos();
            }
            ImGui::EndTable();
        }
    }
    ImGui::EndChild();
    expose_item("shortcut list");   // the test hook's rect(): inside the window at every text size
    ImGui::Spacing();
    if (ImGui::Button("Close##shortcuts") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace wm::ui
