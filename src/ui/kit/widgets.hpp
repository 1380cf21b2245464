// Small widgets shared by the views.
#pragma once

#include <string>
#include <string_view>

#include "imgui.h"
#include "model/id.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui {

// A text field over a document value. While the field is active it edits a transient buffer (the
// document is not touched per keystroke); when editing ends with a change, returns true and sets
// *committed — the caller emits one command, so one edit is one undo step.
bool text_field(const char* label, const std::string& value, std::string* committed, float width = -1,
                bool multiline = false);

// Every field where document text is typed goes through these (text_field too). Like HTML's
// maxlength, input stops at the limit a text can hold (limits::kMaxTextBytes), cut at a character
// boundary, so a long paste never becomes an edit the document must refuse; take_text_clipped()
// tells the app once that it happened, so it can say so.
bool input_text(const char* label, std::string* text, ImGuiInputTextFlags flags = 0, const char* hint = nullptr);
// Multi-line fields wrap at spaces to their width (the text itself keeps its spaces: see widgets.cpp).
bool input_text_multiline(const char* label, std::string* text, const ImVec2& size, ImGuiInputTextFlags flags = 0);
// The text as such a field shows it: the space where a line would pass `width` made a line break.
std::string wrap_at_spaces(std::string_view text, float width, ImFont* font, float size);
// The width the text of a multi-line field `frame_width` wide wraps at.
float wrap_width(float frame_width);
bool take_text_clipped();

// After TableHeadersRow: the column (its user id) and direction the user sorted the table by, if any.
void table_sort(int* column, bool* descending);

// ImGui ids from the model's ids (STYLE.md "IDs"): the widgets of an entity keep their state — a
// half-typed field, an open popup — when the list holding it is reordered, grows or is undone,
// which an element's address or index does not survive.
inline void push_id(Id id) {
    const char* bytes = reinterpret_cast<const char*>(&id);
    ImGui::PushID(bytes, bytes + sizeof id);
}

}  // namespace wm::ui
