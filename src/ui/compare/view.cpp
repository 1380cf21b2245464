// The compare view: a current journey (left) and a to-be journey (right) side by side, one row per
// aligned step pair under stage headers, each lane's cards on both sides; what was added, removed or
// changed is tinted green, red or amber and marked +, - or ~ (so it reads without colour too). The
// alignment is framework/compare.hpp; this file lays rows out (cached per document revision, width
// and fonts), draws only the visible ones, and offers the way to either map.
//
// [SECTION] index: colours and sizes · measuring and drawing rows · row cache · header · entry points
#include "ui/compare/view.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "edit/to_be.hpp"
#include "imgui.h"
#include "ui/kit/derived.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/json_text.hpp"
#include "ui/kit/theme.hpp"

namespace wm::ui {
namespace {

// [SECTION] Colours and sizes ----------------------------------------------------------------------

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

ImU32 tint(DiffKind kind, float strength) {
    switch (kind) {
        case DiffKind::added: return color::mix(color::kPaper, color::kOk, strength);
        case DiffKind::removed: return color::mix(color::kPaper, color::kError, strength);
        case DiffKind::changed: return color::mix(color::kPaper, color::kWarn, strength);
        case DiffKind::same: break;
    }
    return color::kPaper;
}

ImU32 edge(DiffKind kind) {
    switch (kind) {
        case DiffKind::added: return color::kOk;
        case DiffKind::removed: return color::kError;
        case DiffKind::changed: return color::kWarn;
        case DiffKind::same: break;
    }
    return color::kLine;
}

const char* mark(DiffKind kind) {
    switch (kind) {
        case DiffKind::added: return "+";
        case DiffKind::removed: return "-";
        case DiffKind::changed: return "~";
        case DiffKind::same: break;
    }
    return "";
}

// Fonts of this frame (their pixel size follows the device pixel ratio) and the spacing of rows.
struct Style {
    ImFont* regular;
    ImFont* bold;
    ImFont* small;
    float regular_size, bold_size, small_size;
    float pad = 8, gap = 4, chip_pad = 4, mark_w = 12, lane_w = 112, gutter = 12;
};

Style make_style(const ViewContext& ctx) {
    const float scale = ImGui::GetIO().FontGlobalScale;
    ImFont* fallback = ImGui::GetFont();
    Style s{ctx.fonts.regular ? ctx.fonts.regular : fallback, ctx.fonts.bold ? ctx.fonts.bold : fallback,
            ctx.fonts.small ? ctx.fonts.small : fallback, 0, 0, 0};
    s.regular_size = s.regular->FontSize * scale;
    s.bold_size = s.bold->FontSize * scale;
    s.small_size = s.small->FontSize * scale;
    return s;
}

// [SECTION] Measuring and drawing rows -------------------------------------------------------------
// Every function below draws when given a draw list and only measures when given nullptr, so the
// row cache and the drawing can never disagree about a height.

float text_block(ImDrawList* dl, ImFont* font, float size, ImVec2 at, float wrap, ImU32 colour, std::string_view text) {
    if (text.empty()) return size;
    const float h = font->CalcTextSizeA(size, FLT_MAX, std::max(wrap, 1.0f), text.data(), text.data() + text.size()).y;
    if (dl) dl->AddText(font, size, at, colour, text.data(), text.data() + text.size(), std::max(wrap, 1.0f));
    return h;
}

// A card or a score: a chip tinted by its kind, with its mark in the margin.
float chip(ImDrawList* dl, const Style& s, ImVec2 at, float width, DiffKind kind, std::string_view text) {
    const float inner = width - 2 * s.chip_pad - s.mark_w;
    const ImVec2 in(at.x + s.chip_pad + s.mark_w, at.y + s.chip_pad);
    const float h = text_block(nullptr, s.regular, s.regular_size, in, inner, color::kInk, text) + 2 * s.chip_pad;
    if (dl) {
        const ImVec2 end(at.x + width, at.y + h);
        dl->AddRectFilled(at, end, kind == DiffKind::same ? color::kPaper : tint(kind, 0.28f), 3);
        dl->AddRect(at, end, edge(kind), 3);
        if (kind != DiffKind::same) dl->AddText(s.bold, s.bold_size, ImVec2(at.x + s.chip_pad, at.y + s.chip_pad), edge(kind), mark(kind));
        text_block(dl, s.regular, s.regular_size, in, inner, color::kInk, text);
    }
    return h;
}

std::string persona_name(const Workspace& ws, Id persona) {
    const Persona* p = find_by_id(ws.personas, persona);
    return p ? p->name : "Everyone";
}

// One side of one lane at one step: its cards and scores stacked. 0 when there is nothing.
float cell_side(ImDrawList* dl, const Style& s, const Workspace& ws, ImVec2 at, float width, const CellDiff& cell, bool to_be) {
    float y = 0;
    for (const auto& card : to_be ? cell.to_be : cell.current)
        y += chip(dl, s, ImVec2(at.x, at.y + y), width, card.kind, card.text.empty() ? "(empty card)" : card.text) + s.gap;
    for (const auto& score : cell.scores) {
        const auto& value = to_be ? score.after : score.before;
        if (!value) continue;
        const std::string text = persona_name(ws, score.persona) + ": " + std::to_string(*value);
        y += chip(dl, s, ImVec2(at.x, at.y + y), width, score.kind, text) + s.gap;
    }
    return y > 0 ? y - s.gap : 0;
}

// The content of one step row across both halves; returns the row's height.
float step_row(ImDrawList* dl, const Style& s, const Workspace& ws, const JourneyDiff& d, const StepDiff& row, ImVec2 at, float width) {
    const float half = (width - s.gutter) / 2;
    const float inner = half - 2 * s.pad;
    const bool has[2] = {!row.current.is_nil(), !row.to_be.is_nil()};
    const bool moment[2] = {row.moment_of_truth != row.moment_changed, row.moment_of_truth};
    auto x_of = [&](int side) { return at.x + static_cast<float>(side) * (half + s.gutter) + s.pad; };
    float y = s.pad;
    float name_h = 0;
    for (int side = 0; side < 2; ++side) {
        const float x = x_of(side);
        float h = 0;
        if (!has[side]) {
            const char* text = side == 0 ? "New in the to-be" : "Removed in the to-be";
            h = text_block(dl, s.small, s.small_size, ImVec2(x, at.y + y), inner, color::kMuted, text);
        } else {
            const std::string& name = side == 0 ? row.current_name : row.to_be_name;
            h = text_block(dl, s.bold, s.bold_size, ImVec2(x, at.y + y), inner, color::kInk, name.empty() ? "(unnamed step)" : name);
            if (moment[side]) h += text_block(dl, s.small, s.small_size, ImVec2(x, at.y + y + h), inner, color::kAccent, "Moment of truth");
            if (side == 1 && row.kind == DiffKind::changed)
                h += 2 + text_block(dl, s.small, s.small_size, ImVec2(x, at.y + y + h + 2), inner, color::kInk, row.what_changed(d));
        }
        name_h = std::max(name_h, h);
    }
    y += name_h + 2 * s.gap;
    for (const auto& cell : row.cells) {
        float cell_h = 0;
        for (int side = 0; side < 2; ++side) {
            if (!has[side]) continue;
            const float x = x_of(side);
            const float label_h = text_block(dl, s.small, s.small_size, ImVec2(x, at.y + y + 2), s.lane_w - 8, color::kMuted,
                                             d.lanes[cell.lane].name.empty() ? "(lane)" : d.lanes[cell.lane].name);
            float cards_h = cell_side(dl, s, ws, ImVec2(x + s.lane_w, at.y + y), inner - s.lane_w, cell, side == 1);
            if (cards_h == 0) cards_h = text_block(dl, s.small, s.small_size, ImVec2(x + s.lane_w, at.y + y + 2), inner, color::kMuted, "\xE2\x80\x94");
            cell_h = std::max({cell_h, label_h + 2, cards_h});
        }
        y += cell_h + s.gap;
    }
    return y + s.pad - s.gap;
}

// A stage header across both halves: the stage's name on each side, and what happened to it.
float stage_header(ImDrawList* dl, const Style& s, const StageDiff& stage, ImVec2 at, float width) {
    const float h = s.bold_size + 12;
    if (!dl) return h;
    const float half = (width - s.gutter) / 2;
    dl->AddRectFilled(at, ImVec2(at.x + width, at.y + h), color::kHeaderBg, 3);
    const char* tag = stage.kind == DiffKind::added ? "new stage" : stage.kind == DiffKind::removed ? "stage removed"
                      : stage.renamed && stage.moved ? "renamed, moved" : stage.renamed ? "renamed" : stage.moved ? "moved" : "";
    for (int side = 0; side < 2; ++side) {
        const float x = at.x + static_cast<float>(side) * (half + s.gutter) + s.pad;
        const std::string& name = side == 0 ? stage.current_name : stage.to_be_name;
        const bool present = side == 0 ? stage.current != kNoIndex : stage.to_be != kNoIndex;
        const char* text = present ? (name.empty() ? "(unnamed stage)" : name.c_str()) : "\xE2\x80\x94";
        dl->AddText(s.bold, s.bold_size, ImVec2(x, at.y + 6), present ? color::kInk : color::kMuted, text);
        if (side == 1 && *tag) {
            const float tw = s.small->CalcTextSizeA(s.small_size, FLT_MAX, 0, tag).x;
            const ImVec2 p(at.x + width - s.pad - tw, at.y + (h - s.small_size) / 2);
            dl->AddText(s.small, s.small_size, p, edge(stage.kind), tag);
        }
    }
    return h;
}

// [SECTION] Row cache ------------------------------------------------------------------------------

const Journey* journey_of(const Workspace& ws, Id id) { return find_by_id(ws.journeys, id); }

// Whether the view lists a step: all of them, or with "Only differences" those that differ.
bool listed(const CompareState& st, const StepDiff& row) { return !(st.only_differences && row.kind == DiffKind::same); }

void refresh(const ViewContext& ctx, CompareState& st, const Journey& current, const Journey& to_be, const Style& s, float width) {
    const JourneyDiff& diff = ctx.derived.compare(current, to_be);
    std::uint64_t key = ctx.revision * 1000003u + static_cast<std::uint64_t>(std::lround(width));
    key = key * 31 + static_cast<std::uint64_t>(std::lround(s.regular_size * 8)) * 2 + (st.only_differences ? 1 : 0);
    key = key * 31 + std::hash<Id>()(current.id) + std::hash<Id>()(to_be.id);
    if (key == st.layout_key) return;
    st.layout_key = key;
    st.rows.clear();
    float y = 0;
    std::size_t stage = kNoIndex;
    for (std::size_t i = 0; i < diff.steps.size(); ++i) {
        const StepDiff& row = diff.steps[i];
        if (!listed(st, row)) continue;
        if (row.stage != stage && row.stage < diff.stages.size()) {
            stage = row.stage;
            const float h = stage_header(nullptr, s, diff.stages[stage], ImVec2(0, 0), width);
            st.rows.push_back({true, stage, y, h});
            y += h + s.gap;
        }
        const float h = step_row(nullptr, s, ctx.ws, diff, row, ImVec2(0, 0), width);
        st.rows.push_back({false, i, y, h});
        y += h + s.gap;
    }
    st.content_height = y;
}

void expose_clipped(const std::string& label, ImVec2 a, ImVec2 b, const ImVec4& clip) {
    const float x0 = std::max(a.x, clip.x), y0 = std::max(a.y, clip.y), x1 = std::min(b.x, clip.z), y1 = std::min(b.y, clip.w);
    if (x1 > x0 && y1 > y0) expose_rect(label, ItemRect{x0, y0, x1 - x0, y1 - y0});
}

// `width`: of the rows, the same as they were laid out with (the scroll bar is always there).
void draw_rows(const ViewContext& ctx, CompareState& st, const JourneyDiff& diff, const Style& s, float width) {
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysVerticalScrollbar;
    ImGui::BeginChild("compare-rows", ImVec2(0, 0), ImGuiChildFlags_None, flags);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec4 clip(dl->GetClipRectMin().x, dl->GetClipRectMin().y, dl->GetClipRectMax().x, dl->GetClipRectMax().y);
    // Only the rows on screen are drawn: the first one ending below the top, until one starts below the bottom.
    auto first = std::lower_bound(st.rows.begin(), st.rows.end(), clip.y - origin.y,
                                  [](const CompareState::Row& r, float top) { return r.y + r.h < top; });
    const float half = (width - s.gutter) / 2;
    for (auto it = first; it != st.rows.end() && origin.y + it->y <= clip.w; ++it) {
        const ImVec2 at(origin.x, origin.y + it->y);
        if (it->header) {
            const StageDiff& stage = diff.stages[it->index];
            stage_header(dl, s, stage, at, width);
            expose_clipped("compare stage " + (stage.to_be_name.empty() ? stage.current_name : stage.to_be_name), at,
                           ImVec2(at.x + width, at.y + it->h), clip);
            continue;
        }
        const StepDiff& row = diff.steps[it->index];
        const bool has[2] = {!row.current.is_nil(), !row.to_be.is_nil()};
        for (int side = 0; side < 2; ++side) {
            const ImVec2 a(at.x + static_cast<float>(side) * (half + s.gutter), at.y);
            const ImVec2 b(a.x + half, at.y + it->h);
            const DiffKind kind = row.kind == DiffKind::changed ? DiffKind::changed : has[side] ? row.kind : DiffKind::same;
            if (has[side]) {
                dl->AddRectFilled(a, b, kind == DiffKind::same ? color::kPaper : tint(kind, 0.12f), 4);
                dl->AddRect(a, b, color::kLine, 4);
                if (kind != DiffKind::same) dl->AddRectFilled(a, ImVec2(a.x + 4, b.y), edge(kind), 4, ImDrawFlags_RoundCornersLeft);
            } else {
                dl->AddRect(a, b, color::kLine, 4);
            }
        }
        step_row(dl, s, ctx.ws, diff, row, at, width);
        expose_clipped("compare row " + (has[1] ? row.to_be_name : row.current_name), at, ImVec2(at.x + width, at.y + it->h), clip);
    }
    ImGui::Dummy(ImVec2(width, std::max(st.content_height, 1.0f)));

    // Pan: drag anywhere on the rows; keys page through them.
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) st.panning = true;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) st.panning = false;
    if (st.panning && io.MouseDelta.y != 0) ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    if (!io.WantTextInput && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
        const float page = ImGui::GetWindowHeight() * 0.9f;
        if (ImGui::IsKeyPressed(ImGuiKey_PageDown)) ImGui::SetScrollY(ImGui::GetScrollY() + page);
        if (ImGui::IsKeyPressed(ImGuiKey_PageUp)) ImGui::SetScrollY(ImGui::GetScrollY() - page);
        if (ImGui::IsKeyPressed(ImGuiKey_Home, false)) ImGui::SetScrollY(0);
        if (ImGui::IsKeyPressed(ImGuiKey_End, false)) ImGui::SetScrollY(ImGui::GetScrollMaxY());
    }
    ImGui::EndChild();
}

// [SECTION] Header ---------------------------------------------------------------------------------

void legend_chip(const Style& s, DiffKind kind, const char* text) {
    const float w = s.regular->CalcTextSizeA(s.regular_size, FLT_MAX, 0, text).x + 2 * s.chip_pad + s.mark_w + 4;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    chip(ImGui::GetWindowDrawList(), s, at, w, kind, text);
    ImGui::Dummy(ImVec2(w, s.regular_size + 2 * s.chip_pad));
}

// The other to-be journeys of a current journey with several: pick which one is compared.
void draw_to_be_picker(const ViewContext& ctx, const Journey& current, const Journey& shown) {
    std::vector<const Journey*> to_bes;
    for (const auto& j : ctx.ws.journeys)
        if (j.counterpart == current.id && j.id != current.id) to_bes.push_back(&j);
    if (to_bes.size() < 2) return;
    ImGui::SameLine();
    if (ImGui::Button("Other to-be\xE2\x80\xA6")) ImGui::OpenPopup("pick-to-be");
    ImGui::SetItemTooltip("%zu to-be journeys redesign this journey: choose which one to compare", to_bes.size());
    if (ImGui::BeginPopup("pick-to-be")) {
        for (const Journey* j : to_bes) {
            const std::string label = (j->title.empty() ? std::string("(untitled journey)") : j->title) + "##pick to-be";
            if (ImGui::Selectable(label.c_str(), j == &shown) && j != &shown) compare_action(ctx, "compare-with", j->id.str());
        }
        ImGui::EndPopup();
    }
}

void draw_column_titles(const Style& s, const Journey& current, const Journey& to_be, float width) {
    const float half = (width - s.gutter) / 2;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = s.bold_size + 10;
    for (int side = 0; side < 2; ++side) {
        const ImVec2 a(at.x + static_cast<float>(side) * (half + s.gutter), at.y);
        const ImU32 accent = side == 0 ? color::kAccent : color::kToBe;
        dl->AddRectFilled(a, ImVec2(a.x + half, a.y + h), color::mix(color::kPaper, accent, 0.14f), 4);
        dl->AddRectFilled(a, ImVec2(a.x + half, a.y + 3), accent, 4, ImDrawFlags_RoundCornersTop);
        const std::string text = std::string(side == 0 ? "Current: " : "To-be: ") + (side == 0 ? current.title : to_be.title);
        dl->PushClipRect(a, ImVec2(a.x + half - s.pad, a.y + h), true);
        dl->AddText(s.bold, s.bold_size, ImVec2(a.x + s.pad, a.y + 5), color::kInk, text.c_str());
        dl->PopClipRect();
    }
    ImGui::Dummy(ImVec2(width, h + 4));
}

void draw_pair(const ViewContext& ctx, const Journey& current, const Journey& to_be) {
    CompareState& st = ctx.ui.compare;
    const Style s = make_style(ctx);
    const float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    refresh(ctx, st, current, to_be, s, width);
    const JourneyDiff& d = ctx.derived.compare(current, to_be);

    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted("Current vs to-be");
    ImGui::PopFont();
    if (ImGui::Button("Open current map")) compare_action(ctx, "open-current", "");
    ImGui::SameLine();
    if (ImGui::Button("Open to-be map")) compare_action(ctx, "open-to-be", "");
    draw_to_be_picker(ctx, current, to_be);
    ImGui::SameLine(0, 16);
    bool only = st.only_differences;
    if (ImGui::Checkbox("Only differences", &only)) compare_action(ctx, "only-differences", "");

    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(d.summary().c_str());
    ImGui::PopFont();
    if (d.stages_changed > 0) {
        ImGui::SameLine();
        ImGui::TextColored(v4(color::kMuted), "\xC2\xB7 %zu %s added, removed, renamed or moved", d.stages_changed,
                           d.stages_changed == 1 ? "stage" : "stages");
    }
    std::size_t lanes_added = 0, lanes_removed = 0;
    for (const auto& lane : d.lanes) lanes_added += lane.diff == DiffKind::added, lanes_removed += lane.diff == DiffKind::removed;
    if (lanes_added + lanes_removed > 0) {
        ImGui::SameLine();
        ImGui::TextColored(v4(color::kMuted), "\xC2\xB7 lanes: %zu added, %zu removed", lanes_added, lanes_removed);
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(v4(color::kMuted), "Legend:");
    const std::pair<DiffKind, const char*> legend[] = {
        {DiffKind::added, "Added in the to-be"}, {DiffKind::removed, "Removed"}, {DiffKind::changed, "Changed"}, {DiffKind::same, "Same"}};
    for (const auto& [kind, text] : legend) {
        ImGui::SameLine(0, 8);
        legend_chip(s, kind, text);
    }
    ImGui::Spacing();
    draw_column_titles(s, current, to_be, width);
    if (st.rows.empty()) {
        ImGui::TextColored(v4(color::kMuted), "%s", st.only_differences && !d.steps.empty() ? "No differences to show." : "Neither journey has steps yet.");
        return;
    }
    draw_rows(ctx, st, d, s, width);
}

}  // namespace

// [SECTION] Entry points ---------------------------------------------------------------------------

std::optional<std::pair<Id, Id>> compare_pair(const Workspace& ws, Id journey, Id chosen) {
    const Journey* j = journey_of(ws, journey);
    if (!j) return std::nullopt;
    if (j->state == JourneyState::to_be) {
        if (!j->counterpart.is_nil() && j->counterpart != j->id && journey_of(ws, j->counterpart))
            return std::make_pair(j->counterpart, j->id);
        return std::nullopt;
    }
    std::optional<std::pair<Id, Id>> first;
    for (const auto& other : ws.journeys) {
        if (other.counterpart != j->id || other.id == j->id) continue;
        if (other.id == chosen) return std::make_pair(j->id, other.id);
        if (!first) first = std::make_pair(j->id, other.id);
    }
    return first;
}

void create_to_be_and_open(const ViewContext& ctx, Id current) {
    const Id id = new_id();
    ctx.emit(edit::create_to_be(current, id));
    ctx.go("journey", id);
}

void draw_to_be_buttons(const ViewContext& ctx, const Journey& j) {
    if (j.state == JourneyState::current) {
        if (ImGui::Button("Create to-be")) create_to_be_and_open(ctx, j.id);
        ImGui::SetItemTooltip("A linked copy of this journey to redesign, compared with it step by step");
        if (compare_pair(ctx.ws, j.id, {})) {
            ImGui::SameLine();
            if (ImGui::Button("Compare with to-be")) ctx.go("compare", j.id);
        }
    } else if (compare_pair(ctx.ws, j.id, {})) {
        if (ImGui::Button("Compare with current")) ctx.go("compare", j.id);
    } else {
        ImGui::TextColored(v4(color::kMuted), "To-be, redesigning no current journey");
    }
}

void draw_compare_view(const ViewContext& ctx) {
    const Journey* journey = journey_of(ctx.ws, ctx.ui.place.id);
    if (!journey) {
        ImGui::TextWrapped("This journey no longer exists in the workspace.");
        if (ImGui::Button("Back to the framework")) compare_action(ctx, "framework", "");
        return;
    }
    const auto pair = compare_pair(ctx.ws, journey->id, ctx.ui.compare.to_be);
    if (!pair) {
        const std::string title = journey->title.empty() ? "(untitled journey)" : journey->title;
        if (journey->state == JourneyState::to_be) {
            ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D is a to-be journey that redesigns no current journey, so there is nothing to compare it with.",
                               title.c_str());
        } else {
            ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D has no to-be journey yet. Create one to redesign it: a linked copy you can change and compare.",
                               title.c_str());
            if (ImGui::Button("Create to-be##compare")) compare_action(ctx, "create-to-be", "");
            ImGui::SameLine();
        }
        if (ImGui::Button("Open map##compare")) compare_action(ctx, "open-map", "");
        return;
    }
    ctx.ui.compare.to_be = pair->second;  // opened from either side, the pair is remembered
    draw_pair(ctx, *journey_of(ctx.ws, pair->first), *journey_of(ctx.ws, pair->second));
}

std::string compare_action(const ViewContext& ctx, std::string_view action, std::string_view row) {
    if (action == "framework") {
        ctx.go("framework");
        return {};
    }
    const Journey* journey = journey_of(ctx.ws, ctx.ui.place.id);
    if (!journey) return "this journey no longer exists";
    if (action == "open-map") {
        ctx.go("journey", journey->id);
        return {};
    }
    if (action == "create-to-be") {
        if (journey->state != JourneyState::current) return "a to-be journey is made from a current journey";
        create_to_be_and_open(ctx, journey->id);
        return {};
    }
    const auto pair = compare_pair(ctx.ws, journey->id, ctx.ui.compare.to_be);
    if (!pair) return "this journey has nothing to compare with";
    if (action == "open-current" || action == "open-to-be") {
        ctx.go("journey", action == "open-current" ? pair->first : pair->second);
        return {};
    }
    if (action == "only-differences") {
        ctx.ui.compare.only_differences = !ctx.ui.compare.only_differences;
        ctx.redraw(2);  // the rows were laid out before this
        return {};
    }
    if (action == "compare-with") {
        const auto id = Id::parse(row);
        const Journey* other = id ? journey_of(ctx.ws, *id) : nullptr;
        if (!other || other->counterpart != pair->first || other->id == pair->first) return "that journey does not redesign this one";
        ctx.ui.compare.to_be = other->id;
        ctx.go("compare", other->id);  // the view may be open on the other to-be journey itself
        return {};
    }
    return "there is no such action";
}

void write_compare_stats(json::Writer& w, const Workspace& ws, const UiState& ui, const Derived& derived) {
    if (ui.place.view != "compare") return;
    w.key("compare").begin();
    const auto pair = compare_pair(ws, ui.place.id, ui.compare.to_be);
    const JourneyDiff none;
    const JourneyDiff& d = pair ? derived.compare(*journey_of(ws, pair->first), *journey_of(ws, pair->second)) : none;
    w.field("current", pair ? pair->first.str() : std::string()).field("toBe", pair ? pair->second.str() : std::string());
    w.field("added", static_cast<double>(d.added)).field("removed", static_cast<double>(d.removed));
    w.field("changed", static_cast<double>(d.changed)).field("same", static_cast<double>(d.same));
    w.field("stagesChanged", static_cast<double>(d.stages_changed)).field("summary", d.summary());
    std::size_t cards[3] = {0, 0, 0};   // added, removed, edited
    for (const StepDiff& row : d.steps) cards[0] += row.cards_added, cards[1] += row.cards_removed, cards[2] += row.cards_changed;
    w.field("cardsAdded", static_cast<double>(cards[0])).field("cardsRemoved", static_cast<double>(cards[1]));
    w.field("cardsChanged", static_cast<double>(cards[2]));
    // From the diff, as `refresh` lays the rows out: the laid-out rows are empty until the view's first
    // frame after it opens, and a test reading this in between read "no steps".
    const auto shown = std::count_if(d.steps.begin(), d.steps.end(), [&](const StepDiff& row) { return listed(ui.compare, row); });
    w.field("onlyDifferences", ui.compare.only_differences).field("shownSteps", static_cast<double>(shown));
    w.end();
}

}  // namespace wm::ui
