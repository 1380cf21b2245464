#include "ui/kit/widgets.hpp"

#include <utility>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "model/limits.hpp"

namespace wm::ui {
namespace {
// The one transient buffer: only one text field can be active at a time.
struct ActiveField {
    ImGuiID id = 0;
    std::string buffer;
};
ActiveField active;
bool clipped = false;  // a field cut what was typed or pasted at the limit, since the app last asked

int limit_length(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit || data->BufTextLen <= static_cast<int>(limits::kMaxTextBytes))
        return 0;
    int cut = static_cast<int>(limits::kMaxTextBytes);
    while (cut > 0 && (static_cast<unsigned char>(data->Buf[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    data->DeleteChars(cut, data->BufTextLen - cut);
    clipped = true;
    return 0;
}
}  // namespace

bool input_text(const char* label, std::string* text, ImGuiInputTextFlags flags, const char* hint) {
    flags |= ImGuiInputTextFlags_CallbackEdit;
    return hint ? ImGui::InputTextWithHint(label, hint, text, flags, limit_length)
                : ImGui::InputText(label, text, flags, limit_length);
}

bool input_text_multiline(const char* label, std::string* text, const ImVec2& size, ImGuiInputTextFlags flags) {
    return ImGui::InputTextMultiline(label, text, size, flags | ImGuiInputTextFlags_CallbackEdit, limit_length);
}

void table_sort(int* column, bool* descending) {
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        *column = static_cast<int>(specs->Specs[0].ColumnUserID);
        *descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
}

bool take_text_clipped() { return std::exchange(clipped, false); }



bool text_field(const char* label, const std::string& value, std::string* committed, float width, bool multiline) {
    const ImGuiID id = ImGui::GetID(label);
    const bool editing = active.id == id;
    std::string shown = editing ? active.buffer : value;
    ImGui::SetNextItemWidth(width);
    if (multiline)
        input_text_multiline(label, &shown, ImVec2(width, ImGui::GetTextLineHeight() * 4));
    else
        input_text(label, &shown);
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
