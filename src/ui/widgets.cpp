#include "ui/widgets.hpp"

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace wm::ui {
namespace {
// The one transient buffer: only one text field can be active at a time.
struct ActiveField {
    ImGuiID id = 0;
    std::string buffer;
};
ActiveField active;
}  // namespace

bool text_field(const char* label, const std::string& value, std::string* committed, float width, bool multiline) {
    const ImGuiID id = ImGui::GetID(label);
    const bool editing = active.id == id;
    std::string shown = editing ? active.buffer : value;
    ImGui::SetNextItemWidth(width);
    if (multiline)
        ImGui::InputTextMultiline(label, &shown, ImVec2(width, ImGui::GetTextLineHeight() * 4));
    else
        ImGui::InputText(label, &shown);
    if (ImGui::IsItemActivated()) {
        active.id = id;
        active.buffer = value;
    }
    if (ImGui::IsItemActive()) active.buffer = shown;
    if (ImGui::IsItemDeactivated() && active.id == id) {
        active.id = 0;
        if (ImGui::IsItemDeactivatedAfterEdit() && shown != value) {
            *committed = shown;
            return true;
        }
    }
    return false;
}

}  // namespace wm::ui
