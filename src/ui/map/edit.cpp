// Editing on the journey map (see map/internal.hpp for the files): the in-place editor and its
// commit, the clipboard (copy, cut, paste of cards and spreadsheet blocks), deleting what is
// selected, and the small lookups map/input.cpp and this file share.
//
// [SECTION] index: shared lookups · in-place editing · clipboard and delete
#include <algorithm>
#include <string>

#include "edit/commands.hpp"
#include "edit/paste.hpp"
#include "io/tsv.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "ui/map/internal.hpp"
#include "ui/kit/draw.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui::map {

// [SECTION] Shared lookups ----------------------------------------------------------------------------

int lane_index(const Journey& j, Id lane) {
    for (std::size_t i = 0; i < j.lanes.size(); ++i)
        if (j.lanes[i].id == lane) return static_cast<int>(i);
    return -1;
}

// Steps in map order (every stage's steps, left to right).
std::vector<const Step*> steps_in_order(const Journey& j) {
    std::vector<const Step*> out;
    for (const auto& stage : j.stages)
        for (const auto& step : stage.steps) out.push_back(&step);
    return out;
}

int step_order(const Journey& j, Id step) {
    int k = 0;
    for (const auto& stage : j.stages)
        for (const auto& s : stage.steps) {
            if (s.id == step) return k;
            ++k;
        }
    return -1;
}

int column_of_step_id(const Frame& f, Id step) {
    for (int c = 0; c < f.lay.column_count(); ++c)
        if (const Step* s = f.step_of_column(c); s && s->id == step) return c;
    return -1;
}

int row_of_lane_id(const Frame& f, Id lane) {
    const int li = lane_index(f.j, lane);
    return li >= 0 ? f.lay.row_of_lane(li) : -1;
}


void say(const Frame& f, std::string text, bool error) {
    UiState& ui = f.ctx.ui;
    // After the queued commands: a successful command clears the message line.
    f.ctx.later([&ui, text = std::move(text), error] {
        ui.message = text;
        ui.message_is_error = error;
    });
}

bool takes_cards(const Lane& lane) { return lane.kind != LaneKind::emotion; }

// The cell cursor, made valid: the first lane row and step column when it points nowhere.
bool cursor(const Frame& f, int& row, int& col) {
    row = row_of_lane_id(f, f.st.sel.lane);
    col = column_of_step_id(f, f.st.sel.step);
    if (row < 0) row = f.lay.next_lane_row(-1, 1);
    if (col < 0)
        for (int c = 0; c < f.lay.column_count() && col < 0; ++c)
            if (f.step_of_column(c)) col = c;
    return row >= 0 && col >= 0 && f.lane_of_row(row) && f.step_of_column(col);
}

void emotion_key(const Frame& f, const Lane& lane, const Step& step, int delta, bool clear) {
    const Id persona = emotion_persona(f);
    const EmotionScore* current = nullptr;
    for (const EmotionScore& e : f.j.emotions)
        if (e.lane == lane.id && e.step == step.id && e.persona == persona) current = &e;
    if (clear) {
        if (current) f.ctx.emit(edit::clear_emotion(f.j.id, lane.id, step.id, persona));
        return;
    }
    const Settings& s = f.ctx.ws.settings;
    const int score = std::clamp((current ? current->score : 0) + (current ? delta : 0), s.emotion_min, s.emotion_max);
    if (!current || score != current->score) f.ctx.emit(edit::set_emotion(f.j.id, lane.id, step.id, persona, score));
}

// [SECTION] In-place editing -------------------------------------------------------------------------

namespace {

// Where the in-place editor goes, on screen.
bool editor_rect(const Frame& f, ImVec2& a, ImVec2& b) {
    const MapEditing& e = f.st.editing;
    const layout::JourneyLayout& L = f.lay;
    switch (e.kind) {
        case MapEditing::Kind::none: return false;
        case MapEditing::Kind::card: {
            const int i = L.item_of(layout::ItemKind::card, e.id);
            if (i < 0) return false;
            const layout::Rect& r = L.items[i].rect;
            a = f.to_screen(r.x, r.y);
            b = f.to_screen(r.right(), std::max(r.bottom(), r.y + 64));
            return true;
        }
        case MapEditing::Kind::new_card: {
            const int row = row_of_lane_id(f, e.lane), col = column_of_step_id(f, e.step);
            if (row < 0 || col < 0) return false;
            const layout::Rect cr = L.cell_rect(row, col);
            const layout::Span items = L.cell_items(row, col);
            const float top = items.empty() ? cr.y + L.metrics.cell_pad : L.items[items.end - 1].rect.bottom() + L.metrics.item_gap;
            a = f.to_screen(cr.x + L.metrics.cell_pad, top);
            b = f.to_screen(cr.right() - L.metrics.cell_pad, top + 64);
            return true;
        }
        case MapEditing::Kind::step: {
            const int c = column_of_step_id(f, e.id);
            if (c < 0) return false;
            a = ImVec2(f.sx(L.columns[c].x) + 2, f.canvas_min.y + f.stage_h + 4);
            b = ImVec2(f.sx(L.columns[c].x + L.columns[c].w) - 2, f.body_min.y - 4);
            return true;
        }
        case MapEditing::Kind::stage: {
            for (const auto& span : L.stages)
                if (f.j.stages[span.stage].id == e.id) {
                    a = ImVec2(std::max(f.sx(span.x), f.body_min.x) + 2, f.canvas_min.y + 2);
                    b = ImVec2(std::max(f.sx(span.x + span.w), a.x + 160) - 2, f.canvas_min.y + f.stage_h - 2);
                    return true;
                }
            return false;
        }
        case MapEditing::Kind::lane:
        case MapEditing::Kind::layer: {
            int row = -1;
            for (int r = 0; r < L.row_count() && row < 0; ++r) {
                const layout::Row& rw = L.rows[r];
                if (e.kind == MapEditing::Kind::lane && rw.kind == layout::RowKind::lane && f.j.lanes[rw.lane].id == e.id) row = r;
                if (e.kind == MapEditing::Kind::layer && rw.kind == layout::RowKind::layer && f.j.lanes[rw.first_lane].layer == e.layer) row = r;
            }
            if (row < 0) return false;
            a = ImVec2(f.canvas_min.x + 4, f.sy(L.rows[row].y) + 2);
            b = ImVec2(f.body_min.x - 4, std::max(f.sy(L.rows[row].y + L.rows[row].h) - 2, a.y + ImGui::GetFrameHeight()));
            return true;
        }
    }
    return false;
}

}  // namespace

void start_edit(MapState& st, MapEditing::Kind kind, Id id, std::string text) {
    st.editing = MapEditing{};
    st.editing.kind = kind;
    st.editing.id = id;
    st.editing.buffer = std::move(text);
    st.editing.focus = true;
}

void start_rename_layer(MapState& st, const std::string& layer) {
    st.editing = MapEditing{};
    st.editing.kind = MapEditing::Kind::layer;
    st.editing.layer = layer;
    st.editing.buffer = layer;
    st.editing.focus = true;
}

// Ends in-place editing with the typed text as one command (nothing when unchanged).
void commit_editing(const Frame& f) {
    MapEditing& e = f.st.editing;
    const std::string text = trimmed(e.buffer);
    const Journey& j = f.j;
    switch (e.kind) {
        case MapEditing::Kind::none: break;
        case MapEditing::Kind::card:
            if (const Card* card = find_by_id(j.cards, e.id)) {
                if (text.empty()) f.ctx.emit(edit::remove_card(j.id, card->id));   // emptied: gone, as in any sticky-note tool
                else if (text != card->text) f.ctx.emit(edit::set_card_text(j.id, card->id, text));
            }
            break;
        case MapEditing::Kind::new_card:
            if (!text.empty()) {
                Card card;
                card.id = new_id();
                card.lane = e.lane;
                card.step = e.step;
                card.text = text;
                select_cards(f.st, j, {card.id});
                f.ctx.emit(edit::add_card(j.id, std::move(card)));
            }
            break;
        case MapEditing::Kind::step:
            if (const Step* s = find_step(j, e.id); s && !text.empty() && text != s->name) f.ctx.emit(edit::set_step_name(j.id, e.id, text));
            break;
        case MapEditing::Kind::stage:
            if (const Stage* s = find_by_id(j.stages, e.id); s && !text.empty() && text != s->name) f.ctx.emit(edit::rename_stage(j.id, e.id, text));
            break;
        case MapEditing::Kind::lane:
            if (const Lane* l = find_by_id(j.lanes, e.id); l && !text.empty() && text != l->name) f.ctx.emit(edit::set_lane_name(j.id, e.id, text));
            break;
        case MapEditing::Kind::layer:
            if (!text.empty() && text != e.layer) {
                std::vector<edit::Command> renames;
                for (const auto& lane : j.lanes)
                    if (lane.layer == e.layer) renames.push_back(edit::set_lane_layer(j.id, lane.id, text));
                f.ctx.emit(edit::sequence("Rename layer \xE2\x80\x9C" + e.layer + "\xE2\x80\x9D", std::move(renames)));
            }
            break;
    }
    e = MapEditing{};
    f.ctx.redraw();
}

// A new stage, step or lane may be off screen: bring what is about to be edited into view.
void reveal_editing(Frame& f) {
    const MapEditing& e = f.st.editing;
    const layout::JourneyLayout& L = f.lay;
    layout::Rect r{f.cam.x, f.cam.y, 1, 1};
    switch (e.kind) {
        case MapEditing::Kind::card: {
            const int i = L.item_of(layout::ItemKind::card, e.id);
            if (i >= 0) r = L.items[i].rect;
            break;
        }
        case MapEditing::Kind::new_card: {
            const int row = row_of_lane_id(f, e.lane), col = column_of_step_id(f, e.step);
            if (row >= 0 && col >= 0) r = L.cell_rect(row, col);
            break;
        }
        case MapEditing::Kind::step: {
            const int c = column_of_step_id(f, e.id);
            if (c >= 0) r = layout::Rect{L.columns[c].x, f.cam.y, L.columns[c].w, 1};
            break;
        }
        case MapEditing::Kind::stage:
            for (const auto& span : L.stages)
                if (f.j.stages[span.stage].id == e.id) r = layout::Rect{span.x, f.cam.y, std::min(span.w, f.view_w() / f.cam.zoom * 0.8f), 1};
            break;
        case MapEditing::Kind::lane: {
            const int row = row_of_lane_id(f, e.id);
            if (row >= 0) r = layout::Rect{f.cam.x, L.rows[row].y, 1, L.rows[row].h};
            break;
        }
        default: return;
    }
    f.cam = layout::clamp_camera(layout::reveal(f.cam, r, f.view_w(), f.view_h()), L, f.view_w(), f.view_h());
}

// Under a card's editor: what the keys do.
void draw_editor_hint(const Frame& f, ImVec2 a, ImVec2 b) {
    static constexpr const char* kHint = "Enter to save \xC2\xB7 Shift+Enter new line \xC2\xB7 Esc cancel";
    ImFont* small = font_or_default(f.ctx.fonts.small);
    const float fs = base_size(small) * f.hscale, pad = 4;
    const float w = text_width(small, fs, kHint) + pad * 2;
    ImVec2 at(a.x, b.y + 2);
    if (at.y + fs + pad * 2 > f.canvas_max.y) at.y = a.y - fs - pad * 2 - 2;   // no room below: above the field
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + w, at.y + fs + pad * 2), color::kPaper, 4);
    dl->AddRect(at, ImVec2(at.x + w, at.y + fs + pad * 2), color::kLine, 4);
    dl->AddText(small, fs, ImVec2(at.x + pad, at.y + pad), color::kInk, kHint);
    expose_rect("edit hint", ItemRect{at.x, at.y, w, fs + pad * 2});
}

void draw_in_place_editor(Frame& f) {
    MapEditing& e = f.st.editing;
    ImVec2 a, b;
    if (e.kind == MapEditing::Kind::none) return;
    if (!editor_rect(f, a, b)) {
        // A stage, step or lane made this frame exists once its command has been applied: wait a
        // few frames for it before giving up (it may also have been undone or deleted meanwhile).
        if (++e.waited > 3) e = MapEditing{};
        else f.ctx.redraw();
        return;
    }
    if (e.focus) reveal_editing(f);
    const bool multiline = e.kind == MapEditing::Kind::card || e.kind == MapEditing::Kind::new_card;
    ImGui::SetCursorScreenPos(a);
    // Focus lands on a later frame, and a request can be lost when the window under it changes
    // (the details panel appears): ask again until the field is active.
    const bool focusing = e.focus;
    if (focusing) {
        // Activation by id, as keyboard navigation does (SetKeyboardFocusHere's tabbing request can
        // miss when focus sits in another window, e.g. after the toolbar's "+ Stage").
        ImGui::ActivateItemByID(ImGui::GetID("##map-edit"));
        GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
        f.ctx.redraw(3);
    }
    const float scale = std::clamp(multiline ? f.cam.zoom : f.hscale, type::kReadableZoom, 2.0f);
    ImGui::SetWindowFontScale(scale);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, color::kPaper);
    ImGui::PushStyleColor(ImGuiCol_Border, color::kAccent);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2);
    bool enter;
    if (multiline) {
        // The field wraps, and grows with its text (to half the map's height, then it scrolls), so
        // the start of a long text stays in view. Enter keeps the card; Shift+Enter or Ctrl+Enter
        // starts a new line; Esc cancels.
        const std::string shown = wrap_at_spaces(e.buffer, wrap_width(b.x - a.x), ImGui::GetFont(), ImGui::GetFontSize());
        const float lines = static_cast<float>(std::count(shown.begin(), shown.end(), '\n') + 2);
        const float need = lines * ImGui::GetTextLineHeight() + ImGui::GetStyle().FramePadding.y * 2;
        b.y = std::max(b.y, a.y + std::min(need, std::max(64.0f, f.view_h() * 0.5f)));
        ImGuiIO& io = ImGui::GetIO();
        const bool shift_enter = io.KeyShift && !io.KeyCtrl && (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter));
        if (shift_enter) io.KeyCtrl = true;   // ImGui's Ctrl+Enter new line, for Shift+Enter too
        enter = input_text_multiline("##map-edit", &e.buffer, ImVec2(b.x - a.x, b.y - a.y),
                                     ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CtrlEnterForNewLine);
        if (shift_enter) io.KeyCtrl = false;
        draw_editor_hint(f, a, b);
    } else {
        ImGui::SetNextItemWidth(b.x - a.x);
        enter = input_text("##map-edit", &e.buffer, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    }
    const bool active = ImGui::IsItemActive();
    // A card's text opens with the caret at its end, as a spreadsheet's F2 does: activated by id, the
    // field put it at the start, and words typed after a double-click went before the card's text.
    if (focusing && active && multiline)
        if (ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetID("##map-edit"))) {
            state->Stb.cursor = state->Stb.select_start = state->Stb.select_end = state->CurLenW;
            state->CursorFollow = true;
        }
    if (focusing && (active || ++e.focus_tries > 6)) e.focus = false;
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    ImGui::SetWindowFontScale(1);
    if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        e = MapEditing{};
        f.ctx.redraw();
        return;
    }
    if (enter || (ImGui::IsItemDeactivated() && !focusing)) commit_editing(f);
}

// [SECTION] Clipboard and delete ----------------------------------------------------------------------

void copy_selection(const Frame& f, bool cut) {
    const MapState& st = f.st;
    if (st.sel.kind != MapSelection::Kind::cards || st.sel.cards.empty()) return;
    std::size_t lane = 0, step = 0;
    const edit::Grid grid = edit::cards_to_grid(f.j, st.sel.cards, &lane, &step);
    const std::string text = io::to_tsv(grid);
    ImGui::SetClipboardText(text.c_str());
    f.st.copied_text = text;
    f.st.copied_cards.clear();
    for (Id id : st.sel.cards)
        if (const Card* c = find_by_id(f.j.cards, id)) f.st.copied_cards.push_back(*c);
    f.st.copied_lane = lane;
    f.st.copied_step = step;
    const std::size_t n = f.st.copied_cards.size();
    if (cut) f.ctx.emit(edit::remove_cards(f.j.id, st.sel.cards));
    say(f, (cut ? "Cut " : "Copied ") + std::to_string(n) + (n == 1 ? " card" : " cards"), false);
}

void paste_at_cursor(const Frame& f, const std::string& text) {
    int row, col;
    if (!cursor(f, row, col)) return;
    const Journey& j = f.j;
    const int lane0 = f.lay.rows[row].lane;
    const int step0 = step_order(j, f.step_of_column(col)->id);
    if (text == f.st.copied_text && !f.st.copied_cards.empty()) {
        // Our own copy: the cards come back whole (severity, personas, channel, links), with new ids,
        // in the same arrangement, starting at the cursor.
        const std::vector<const Step*> steps = steps_in_order(j);
        std::vector<Card> cards;
        std::vector<Id> ids;
        int outside = 0;
        for (const Card& c : f.st.copied_cards) {
            const int li = lane_index(j, c.lane), si = step_order(j, c.step);
            const int tl = lane0 + (li >= 0 ? li - static_cast<int>(f.st.copied_lane) : 0);
            const int ts = step0 + (si >= 0 ? si - static_cast<int>(f.st.copied_step) : 0);
            if (tl < 0 || tl >= static_cast<int>(j.lanes.size()) || ts < 0 || ts >= static_cast<int>(steps.size()) ||
                !takes_cards(j.lanes[tl])) {
                ++outside;
                continue;
            }
            Card copy = c;
            copy.id = new_id();
            copy.lane = j.lanes[tl].id;
            copy.step = steps[ts]->id;
            ids.push_back(copy.id);
            cards.push_back(std::move(copy));
        }
        if (!cards.empty()) {
            f.ctx.emit(edit::add_cards(j.id, std::move(cards)));
            select_cards(f.st, j, std::move(ids));
        }
        if (outside) say(f, std::to_string(outside) + (outside == 1 ? " card" : " cards") + " fell outside the map or on an emotion lane and were not pasted", true);
        return;
    }
    edit::PastePlan plan = edit::plan_paste(f.ctx.ws, j, static_cast<std::size_t>(lane0), static_cast<std::size_t>(step0),
                                            io::parse_tsv(text), emotion_persona(f));
    std::string notes;
    for (const auto& n : plan.notes) notes += (notes.empty() ? "" : "; ") + n;
    std::vector<Id> ids;
    for (const auto& c : plan.cards) ids.push_back(c.id);
    const bool any = !plan.cards.empty() || !plan.emotions.empty();
    if (any) {
        f.ctx.emit(edit::paste_command(j.id, std::move(plan)));
        if (!ids.empty()) select_cards(f.st, j, std::move(ids));
    }
    if (!notes.empty()) say(f, notes, true);
    else if (!any) say(f, "Nothing to paste here.", true);
}

void delete_selection(const Frame& f) {
    const MapSelection& sel = f.st.sel;
    const Journey& j = f.j;
    switch (sel.kind) {
        case MapSelection::Kind::cards:
            f.ctx.emit(edit::remove_cards(j.id, sel.cards));
            f.st.sel.kind = MapSelection::Kind::cell;
            f.st.sel.cards.clear();
            break;
        case MapSelection::Kind::step:
            if (find_step(j, sel.id)) f.ctx.emit(edit::remove_step(j.id, sel.id));
            f.st.sel.kind = MapSelection::Kind::none;
            break;
        case MapSelection::Kind::stage:
            if (find_by_id(j.stages, sel.id)) f.ctx.emit(edit::remove_stage(j.id, sel.id));
            f.st.sel.kind = MapSelection::Kind::none;
            break;
        case MapSelection::Kind::lane:
            if (find_by_id(j.lanes, sel.id)) f.ctx.emit(edit::remove_lane(j.id, sel.id));
            f.st.sel.kind = MapSelection::Kind::none;
            break;
        case MapSelection::Kind::cell: {
            const Lane* lane = find_by_id(j.lanes, sel.lane);
            const Step* step = find_step(j, sel.step);
            if (lane && step && lane->kind == LaneKind::emotion) emotion_key(f, *lane, *step, 0, true);
            break;
        }
        default: break;
    }
}

}  // namespace wm::ui::map
