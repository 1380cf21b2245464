// Small widgets shared by the views.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "model/id.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui {

// A text field over a document value. While the field is active it edits a transient buffer (the
// document is not touched per keystroke); when editing ends with a change, returns true and sets
// *committed — the caller emits one command, so one edit is one undo step. `hint` is shown, muted,
// in an empty field that is not being typed into (a multi-line one too, which ImGui's hint is not).
bool text_field(const char* label, const std::string& value, std::string* committed, float width = -1,
                bool multiline = false, const char* hint = nullptr);

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
// Between the items of a row that wraps like text (a row of filters): the next item, `next_width`
// wide, goes on the same line if it still fits there, else it starts the next line, rather than
// running off the window's edge at a large text size or in a narrow window. `gap`: the room between
// the two (< 0: the style's item spacing). In a table cell, "the line" ends at the cell's edge.
void same_line_if_fits(float next_width, float gap = -1.0f);
// A group of items in a row of groups that wraps like text (a toolbar): the group goes on the line
// of the one before if it fits there, as wide as it was drawn the last time (the first time, and
// whenever its width changes, the app draws one frame more to place it).
void flow_group_begin(const char* id);
void flow_group_end(const char* id);
// The height of a view's main panel below its header (a map, a table, a chart): what is left of
// the window, or 60 % of the window's height where that is less (a large text size, a short window),
// the window then scrolling down to the panel as a page does.
float panel_height();
// The width of ImGui::Checkbox(label): its box, the spacing and the label.
float checkbox_width(const char* label);
// The width of ImGui::Button(label) (and of SmallButton, which has the same side padding).
float button_width(const char* label);

// A fixed-width table column at least `min_width` wide and wide enough for its header and the room
// ImGui keeps beside it for the sort arrow, so that the header is never cut ("Custo…") at any
// text size.
void fixed_column(const char* label, float min_width, ImGuiTableColumnFlags flags = 0, ImGuiID user_id = 0);
// The width fixed_column gives such a column, in a table that is sortable or not.
float fixed_column_width(const char* label, float min_width, bool sortable);
// A column of begin_table: fixed (`stretch` 0), at least `width` wide and as wide as its header, or
// stretched by the weight `stretch` and then (in a table that scrolls) never narrower than `width`
// nor than its header.
struct TableColumn {
    const char* label;
    float width;
    float stretch = 0;
    ImGuiTableColumnFlags flags = 0;
};
// ImGui::TableHeadersRow, each header's cell also as "header <label>" for the test hook's rect() (ImGui
// does not report a header by label; "Framework" is also a button), as much of it as is in view where
// the table scrolls sideways.
void table_headers_row();
// ImGui::BeginTable with these columns set up (each one's user id is its place in the list). A table
// that scrolls (ImGuiTableFlags_ScrollY) where the window is narrower than its columns' least
// widths — a large text size — scrolls sideways too, rather than squeeze its stretched columns to a
// few letters. End it with ImGui::EndTable when this returns true.
bool begin_table(const char* id, std::initializer_list<TableColumn> columns, ImGuiTableFlags flags);
// Text in a table cell: whole when it fits, else cut between letters and ended with "…" at the
// cell's edge (never through a letter), the whole text its tooltip. `colour` 0: the text colour.
void cell_text(std::string_view text, ImU32 colour = 0);
// A sentence in `colour` (color::kMuted for explanations and hints), wrapped at the edge of the window
// or cell, so that it stays whole at a large text size or in a narrow panel.
void wrapped_text(std::string_view text, ImU32 colour);
void wrapped_textf(ImU32 colour, const char* fmt, ...) IM_FMTARGS(2);
// A table row's selectable, spanning the row, labelled by its text so that people and tests find
// the row by what it says ("<text>##<id>"); the text, as in cell_text, ends in "…" where the column
// is narrower. Its tooltip is the whole text where it was cut, followed by `more` (a description).
bool row_selectable(const std::string& text, const char* id, bool selected, std::string_view more = {});
// The headers ImGui had to cut (drew with "…") in the tables of the last frame (the test hook's
// stats().headersCut).
std::vector<std::string> cut_table_headers();

// ImGui ids from the model's ids (STYLE.md "IDs"): the widgets of an entity keep their state — a
// half-typed field, an open popup — when the list holding it is reordered, grows or is undone,
// which an element's address or index does not survive.
inline void push_id(Id id) {
    const char* bytes = reinterpret_cast<const char*>(&id);
    ImGui::PushID(bytes, bytes + sizeof id);
}

}  // namespace wm::ui
