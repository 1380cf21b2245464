#include "ui/kit/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <string_view>
#include <utility>

#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "model/limits.hpp"
#include "platform/platform.hpp"
#include "ui/kit/draw.hpp"
#include "ui/kit/item_registry.hpp"

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
// Soft wrapping of the multi-line fields (ImGui 1.90's own do not wrap). The field shows the text
// with the space where each line breaks turned into a line break; what it gives back has those
// spaces again. A break replaces one byte with one byte, so the cursor and selection keep their
// place. Between frames, the breaks of the previous text are found again by wrapping it once more;
// an edit moves those after it (common prefix and suffix of the old and new shown text).
struct Wrap {
    const std::string* before;   // the text as the caller holds it (the previous frame's result)
    float width, size;
    ImFont* font;
    std::string after;           // the text with the edit, soft breaks given back as spaces
    bool seen = false;
};

int wrap_field(ImGuiInputTextCallbackData* data) {
    limit_length(data);
    auto* w = static_cast<Wrap*>(data->UserData);
    const std::string prev = wrap_at_spaces(*w->before, w->width, w->font, w->size);
    const std::string_view cur(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    std::size_t p = 0, s = 0;
    const std::size_t shortest = std::min(prev.size(), cur.size());
    while (p < shortest && prev[p] == cur[p]) ++p;
    while (s < shortest - p && prev[prev.size() - 1 - s] == cur[cur.size() - 1 - s]) ++s;
    std::string logical(cur);
    for (std::size_t q = 0; q < prev.size(); ++q) {
        if (prev[q] != '\n' || (*w->before)[q] != ' ') continue;
        if (q < p) logical[q] = ' ';
        else if (q >= prev.size() - s) logical[q + cur.size() - prev.size()] = ' ';
    }
    const std::string shown = wrap_at_spaces(logical, w->width, w->font, w->size);
    for (std::size_t i = 0; i < shown.size(); ++i)
        if (data->Buf[i] != shown[i]) {
            data->Buf[i] = shown[i];
            data->BufDirty = true;
        }
    w->after = std::move(logical);
    w->seen = true;
    return 0;
}
}  // namespace

std::string wrap_at_spaces(std::string_view text, float width, ImFont* font, float size) {
    std::string out(text);
    if (!font || !(width > 0)) return out;
    const float scale = size / font->FontSize;
    float x = 0, after_space = 0;
    std::size_t space = std::string::npos;
    for (std::size_t i = 0; i < text.size();) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, text.data() + i, text.data() + text.size());
        const std::size_t at = i;
        i += static_cast<std::size_t>(std::max(n, 1));
        if (c == '\n') {
            x = 0;
            space = std::string::npos;
            continue;
        }
        x += font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
        if (c == ' ') {
            space = at;           // a space at the end of a line never forces a break
            after_space = x;
            continue;
        }
        if (x > width && space != std::string::npos) {
            out[space] = '\n';
            x -= after_space;
            space = std::string::npos;
        }
    }
    return out;
}

float wrap_width(float frame_width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    return frame_width - style.FramePadding.x * 2 - style.ScrollbarSize - 2;
}

bool input_text(const char* label, std::string* text, ImGuiInputTextFlags flags, const char* hint) {
    flags |= ImGuiInputTextFlags_CallbackEdit;
    return hint ? ImGui::InputTextWithHint(label, hint, text, flags, limit_length)
                : ImGui::InputText(label, text, flags, limit_length);
}

bool input_text_multiline(const char* label, std::string* text, const ImVec2& size, ImGuiInputTextFlags flags) {
    // The frame's width as ImGui computes it: 0 the item width, negative from the right edge.
    const float frame_w = size.x > 0 ? size.x : size.x < 0 ? std::max(4.0f, ImGui::GetContentRegionAvail().x + size.x) : ImGui::CalcItemWidth();
    Wrap w{text, wrap_width(frame_w), ImGui::GetFontSize(), ImGui::GetFont(), {}, false};
    std::string shown = wrap_at_spaces(*text, w.width, w.font, w.size);
    const bool result = ImGui::InputTextMultiline(label, &shown, size, flags | ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_CallbackAlways,
                                                  wrap_field, &w);
    if (w.seen) *text = std::move(w.after);
    return result;
}

void table_sort(int* column, bool* descending) {
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        *column = static_cast<int>(specs->Specs[0].ColumnUserID);
        *descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
}

void same_line_if_fits(float next_width, float gap) {
    const float spacing = gap < 0 ? ImGui::GetStyle().ItemSpacing.x : gap;
    // The window's content edge, or the cell's in a table.
    if (ImGui::GetItemRectMax().x + spacing + next_width <= ImGui::GetContentRegionMaxAbs().x) ImGui::SameLine(0, gap);
}

void flow_group_begin(const char* id) {
    same_line_if_fits(ImGui::GetStateStorage()->GetFloat(ImGui::GetID(id), 0.0f));
    ImGui::BeginGroup();
}

void flow_group_end(const char* id) {
    ImGui::EndGroup();
    const float width = ImGui::GetItemRectSize().x;
    float* stored = ImGui::GetStateStorage()->GetFloatRef(ImGui::GetID(id), 0.0f);
    if (std::fabs(*stored - width) > 0.5f) {
        *stored = width;
        platform::request_frame();   // placed by a width it did not have: place it again
    }
}

float panel_height() { return std::max(ImGui::GetContentRegionAvail().y, std::floor(ImGui::GetWindowHeight() * 0.6f)); }

float button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x; }

float checkbox_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

float fixed_column_width(const char* label, float min_width, bool sortable) {
    // ImGui's TableHeader: the label starts at the column's content and ends before the arrow's room
    // (the font's 0.65 plus the frame padding) at the cell's edge, which is the content's width plus
    // a cell padding or more to the right: a column this wide holds the whole label.
    const float arrow = sortable ? ImTrunc(ImGui::GetFontSize() * 0.65f + ImGui::GetStyle().FramePadding.x) : 0.0f;
    return std::max(min_width, std::ceil(ImGui::CalcTextSize(label, nullptr, true).x + arrow));
}

void fixed_column(const char* label, float min_width, ImGuiTableColumnFlags flags, ImGuiID user_id) {
    ImGuiTable* table = ImGui::GetCurrentTable();
    const bool sortable = table && (table->Flags & ImGuiTableFlags_Sortable) && !(flags & ImGuiTableColumnFlags_NoSort);
    const float width = fixed_column_width(label, min_width, sortable);
    ImGui::TableSetupColumn(label, flags | ImGuiTableColumnFlags_WidthFixed, width, user_id);
    // The width given at setup counts only the first time a table is drawn. ImGui scales a table's
    // widths with the font when the text size changes, but glyphs rasterised at another size are not
    // exactly as wide: keep the column as wide as its header now needs (also after a resize by hand).
    // (Where the user cannot resize it, ImGui gives it the width asked for each frame.)
    if (table && !table->IsLayoutLocked) {
        ImGuiTableColumn& column = table->Columns[table->DeclColumnsCount - 1];
        if (column.WidthRequest >= 0 && column.WidthRequest < width) column.WidthRequest = width;
    }
}

bool begin_table(const char* id, std::initializer_list<TableColumn> columns, ImGuiTableFlags flags) {
    // The columns' least widths, as ImGui adds them up (each column's padding on both sides and the
    // spacing between them: imgui_tables.cpp, TableUpdateLayout), and a vertical scrollbar's room.
    const ImGuiStyle& style = ImGui::GetStyle();
    float least = 2 * style.CellPadding.x + style.ScrollbarSize;
    for (const TableColumn& c : columns) {
        const bool sortable = (flags & ImGuiTableFlags_Sortable) && !(c.flags & ImGuiTableColumnFlags_NoSort);
        least += fixed_column_width(c.label, c.width, sortable) + 2 * style.CellPadding.x + 1;
    }
    float inner_width = 0;
    if ((flags & ImGuiTableFlags_ScrollY) && least > ImGui::GetContentRegionAvail().x) {
        flags |= ImGuiTableFlags_ScrollX;   // the stretched columns share inner_width, not the window's
        inner_width = std::ceil(least);
    }
    if (!ImGui::BeginTable(id, static_cast<int>(columns.size()), flags, ImVec2(0, 0), inner_width)) return false;
    ImGuiID user_id = 0;
    for (const TableColumn& c : columns) {
        if (c.stretch > 0)
            ImGui::TableSetupColumn(c.label, c.flags | ImGuiTableColumnFlags_WidthStretch, c.stretch, user_id);
        else
            fixed_column(c.label, c.width, c.flags, user_id);
        ++user_id;
    }
    return true;
}

void table_headers_row() {
    ImGui::TableHeadersRow();
    ImGuiTable* table = ImGui::GetCurrentTable();
    if (!table || table->HostSkipItems) return;
    const float top = table->RowPosY1, bottom = table->RowPosY1 + ImGui::TableGetHeaderRowHeight();
    const ImRect& view = table->InnerClipRect;   // what is in view of the table
    for (int n = 0; n < table->ColumnsCount; ++n) {
        const ImGuiTableColumn& column = table->Columns[n];
        const char* name = ImGui::TableGetColumnName(n);
        if (!name || !*name) continue;
        const float left = std::max(column.MinX, view.Min.x), right = std::min(column.MaxX, view.Max.x);
        if (column.IsEnabled && right > left) expose_rect(std::string("header ") + name, {left, top, right - left, bottom - top});
    }
}

void cell_text(std::string_view text, ImU32 colour) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float room = std::max(0.0f, ImGui::GetContentRegionAvail().x);   // in a table: to the cell's edge
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize(), width = text_width(font, size, text);
    one_line(ImGui::GetWindowDrawList(), font, size, at, at.x + room, colour ? colour : ImGui::GetColorU32(ImGuiCol_Text), text);
    ImGui::Dummy(ImVec2(std::min(width, room), ImGui::GetTextLineHeight()));
    if (width > room && ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", static_cast<int>(text.size()), text.data());
}

void wrapped_text(std::string_view text, ImU32 colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
    ImGui::PopStyleColor();
}

void wrapped_textf(ImU32 colour, const char* fmt, ...) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    va_list args;
    va_start(args, fmt);
    ImGui::TextWrappedV(fmt, args);
    va_end(args);
    ImGui::PopStyleColor();
}

bool row_selectable(const std::string& text, const char* id, bool selected, std::string_view more) {
    ImVec2 at = ImGui::GetCursorScreenPos();
    at.y += ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;   // where Selectable puts its label
    const float room = std::max(0.0f, ImGui::GetContentRegionAvail().x);
    const std::string label = text + "##" + id;
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));   // the label is drawn below, with "…" if need be
    const bool clicked = ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap);
    ImGui::PopStyleColor();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    one_line(ImGui::GetWindowDrawList(), font, size, at, at.x + room, ImGui::GetColorU32(ImGuiCol_Text), text);
    const bool cut = text_width(font, size, text) > room;
    if ((cut || !more.empty()) && ImGui::IsItemHovered()) {
        std::string tip = cut ? text : std::string();
        if (!more.empty()) tip += (tip.empty() ? "" : "\n\n") + std::string(more);
        ImGui::SetTooltip("%s", tip.c_str());
    }
    return clicked;
}

std::vector<std::string> cut_table_headers() {
    ImGuiContext& g = *ImGui::GetCurrentContext();   // ImPool's lookups are not const
    std::vector<std::string> cut;
    for (int n = 0; n < g.Tables.GetMapSize(); ++n) {
        const ImGuiTable* table = g.Tables.TryGetMapData(n);
        if (!table || table->LastFrameActive != g.FrameCount) continue;
        for (int c = 0; c < table->ColumnsCount; ++c) {
            const ImGuiTableColumn& column = table->Columns[c];
            // What the header row needed against the cell it had (TableHeader, TableGetCellBgRect).
            if (column.IsEnabled && column.IsVisibleX &&
                column.ContentMaxXHeadersIdeal > std::min(column.MaxX, table->WorkRect.Max.x) + 0.5f)
                cut.emplace_back(ImGui::TableGetColumnName(table, c));
        }
    }
    return cut;
}

bool take_text_clipped() { return std::exchange(clipped, false); }



bool text_field(const char* label, const std::string& value, std::string* committed, float width, bool multiline, const char* hint) {
    const ImGuiID id = ImGui::GetID(label);
    const bool editing = active.id == id;
    std::string shown = editing ? active.buffer : value;
    ImGui::SetNextItemWidth(width);
    if (multiline) {
        input_text_multiline(label, &shown, ImVec2(width, ImGui::GetTextLineHeight() * 4));
        if (hint && shown.empty() && !ImGui::IsItemActive()) {
            const ImVec2 at(ImGui::GetItemRectMin().x + ImGui::GetStyle().FramePadding.x, ImGui::GetItemRectMin().y + ImGui::GetStyle().FramePadding.y);
            const float wrap = ImGui::GetItemRectSize().x - 2 * ImGui::GetStyle().FramePadding.x;
            ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_TextDisabled), hint, nullptr, wrap);
            // The test hook finds it as "hint <the field's name>" (its hidden name, after "##").
            const LabelParts name = label_parts(label);
            const ImVec2 size = ImGui::CalcTextSize(hint, nullptr, false, wrap);
            expose_rect("hint " + std::string(name.hidden.empty() ? name.shown : name.hidden), ItemRect{at.x, at.y, size.x, size.y});
        }
    } else {
        input_text(label, &shown, 0, hint);
    }
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
