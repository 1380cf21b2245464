// Input on the journey map: one invisible button covers the map and receives every mouse button;
// what a press means is decided by hit-testing the layout (map/internal.hpp target_at). Gestures:
//   press on a card          select it (Ctrl/Shift: add/remove), drag moves the selection
//   press on an empty cell   the cell cursor; drag pans (Shift+drag: selection box)
//   press on an emotion lane place or drag a point of the curve
//   press on a step / stage / lane header: select it; drag reorders
//   double-click             edit in place (a card, a header) or add a card to an empty spot
//   wheel / trackpad         pan; Ctrl+wheel (and pinch) zooms at the pointer; middle-drag pans
//   two fingers (touch)      zoom and pan (the page makes them a middle drag and pinch steps)
// Keys (the map focused, no field typing): arrows move the cell cursor, Enter adds or edits, Tab
// walks a cell's cards, Delete removes, Ctrl+Shift+arrows move the selected step, stage or lane,
// Ctrl+C/X/V, Ctrl+A, 0–5 severity, M moment of truth,
// +/- emotion score, Ctrl+plus/minus/0/1 zoom, Ctrl+F find, Esc clears.
// Every change is a command, applied after the frame; one gesture is one command (one undo step).
// In-place editing, the clipboard and delete are map/edit.cpp.
//
// [SECTION] index: frame helpers · targets · mouse · keyboard · shared entry points
#include <algorithm>
#include <cmath>
#include <string>

#include "edit/commands.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/platform.hpp"
#include "ui/map/internal.hpp"
#include "ui/kit/theme.hpp"
#include "ui/insights/view.hpp"

namespace wm::ui::map {

// [SECTION] Frame helpers -------------------------------------------------------------------------

const Step* Frame::step_of_column(int column) const {
    if (column < 0 || column >= lay.column_count()) return nullptr;
    const layout::Column& c = lay.columns[column];
    if (c.stage < 0 || c.step < 0) return nullptr;
    return &j.stages[c.stage].steps[c.step];
}

const Lane* Frame::lane_of_row(int row) const {
    if (row < 0 || row >= lay.row_count() || lay.rows[row].kind != layout::RowKind::lane) return nullptr;
    return &j.lanes[lay.rows[row].lane];
}

const Card* Frame::card_of_item(int item) const {
    if (item < 0 || item >= static_cast<int>(lay.items.size()) || lay.items[item].kind != layout::ItemKind::card) return nullptr;
    return &j.cards[lay.items[item].index];
}

Target target_at(const Frame& f, ImVec2 p) {
    Target t;
    if (p.x < f.canvas_min.x || p.y < f.canvas_min.y || p.x >= f.canvas_max.x || p.y >= f.canvas_max.y) return t;
    const float bx = f.bx(p.x), by = f.by(p.y);
    if (p.x < f.body_min.x && p.y < f.body_min.y) {
        t.zone = Target::Zone::corner;
    } else if (p.y < f.body_min.y) {
        t.column = f.lay.column_at(bx);
        t.stage = f.lay.stage_at(bx);
        const bool stage_row = p.y < f.canvas_min.y + f.stage_h || (t.column >= 0 && f.lay.columns[t.column].step < 0);
        t.zone = t.stage < 0 ? Target::Zone::none : stage_row ? Target::Zone::stage : Target::Zone::step;
    } else if (p.x < f.body_min.x) {
        t.row = f.lay.row_at(by);
        if (t.row >= 0) t.zone = f.lay.rows[t.row].kind == layout::RowKind::layer ? Target::Zone::layer : Target::Zone::label;
    } else {
        const layout::Hit h = f.lay.hit(bx, by);
        t.row = h.row;
        t.column = h.column;
        t.item = h.item;
        if (h.row >= 0) t.zone = f.lay.rows[h.row].kind == layout::RowKind::layer ? Target::Zone::layer : Target::Zone::body;
    }
    return t;
}

namespace {

constexpr float kDragThreshold = 4;

void reveal_cell(Frame& f, int row, int column) {
    if (row < 0 || column < 0) return;
    f.cam = layout::reveal(f.cam, f.lay.cell_rect(row, column), f.view_w(), f.view_h());
}

// [SECTION] Mouse ------------------------------------------------------------------------------------

void emotion_press(Frame& f, const Target& t, ImVec2 mouse) {
    const Lane* lane = f.lane_of_row(t.row);
    const Step* step = f.step_of_column(t.column);
    if (!lane || !step) return;
    const layout::Row& row = f.lay.rows[t.row];
    const int lo = f.ctx.ws.settings.emotion_min, hi = f.ctx.ws.settings.emotion_max;
    MapDrag& d = f.st.drag;
    d = MapDrag{};
    d.kind = MapDrag::Kind::emotion;
    d.lane = lane->id;
    d.step = step->id;
    d.persona = emotion_persona(f);
    d.score = layout::emotion_score_at(row, f.by(mouse.y), lo, hi, f.lay.metrics);
    // Grabbing an existing point drags that persona's point.
    float best = 12;
    for (const EmotionScore& e : f.j.emotions) {
        if (e.lane != lane->id || e.step != step->id || (!f.lens.is_nil() && e.persona != f.lens)) continue;
        const float dist = std::fabs(f.sy(layout::emotion_y(row, e.score, lo, hi, f.lay.metrics)) - mouse.y);
        if (dist < best) {
            best = dist;
            d.persona = e.persona;
        }
    }
    f.st.sel.kind = MapSelection::Kind::cell;
    f.st.sel.cards.clear();
    f.st.sel.lane = lane->id;
    f.st.sel.step = step->id;
}

void press(Frame& f, const Target& t, ImVec2 mouse, const ImGuiIO& io) {
    MapState& st = f.st;
    MapSelection& sel = st.sel;
    st.drag = MapDrag{};
    st.drag.before = sel;
    st.drag.kind = MapDrag::Kind::pending;
    st.drag.on_move = MapDrag::Kind::pan;
    st.drag.press_x = mouse.x;
    st.drag.press_y = mouse.y;
    st.drag.grab_x = f.bx(mouse.x);
    st.drag.grab_y = f.by(mouse.y);
    const bool additive = io.KeyCtrl || io.KeyShift;
    switch (t.zone) {
        case Target::Zone::body: {
            const Lane* lane = f.lane_of_row(t.row);
            const Step* step = f.step_of_column(t.column);
            if (lane && lane->kind == LaneKind::emotion && step && !f.lay.rows[t.row].collapsed) {
                emotion_press(f, t, mouse);
                return;
            }
            if (const Card* card = f.card_of_item(t.item)) {
                const bool selected = sel.kind == MapSelection::Kind::cards &&
                                      std::find(sel.cards.begin(), sel.cards.end(), card->id) != sel.cards.end();
                if (additive) {
                    if (sel.kind != MapSelection::Kind::cards) sel.cards.clear();
                    sel.kind = MapSelection::Kind::cards;
                    if (selected) sel.cards.erase(std::find(sel.cards.begin(), sel.cards.end(), card->id));
                    else sel.cards.push_back(card->id);
                    if (sel.cards.empty()) sel.kind = MapSelection::Kind::cell;
                } else if (!selected) {
                    select_cards(st, f.j, {card->id});
                }
                sel.lane = card->lane;
                sel.step = card->step;
                st.drag.id = card->id;
                st.drag.on_move = sel.kind == MapSelection::Kind::cards ? MapDrag::Kind::cards : MapDrag::Kind::none;
                return;
            }
            if (!additive || sel.kind != MapSelection::Kind::cards) {
                sel.kind = MapSelection::Kind::cell;
                sel.cards.clear();
            }
            if (lane && step) {
                sel.lane = lane->id;
                sel.step = step->id;
            }
            if (t.item >= 0) st.drag.id = f.lay.items[t.item].id;   // a derived item: opened on click
            st.drag.on_move = io.KeyShift ? MapDrag::Kind::select_box : MapDrag::Kind::pan;
            return;
        }
        case Target::Zone::step:
            if (ImVec2 a, b; child_marker(f, t.column, a, b) && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y) {
                st.drag = MapDrag{};
                f.ctx.go("journey", child_marker(f, t.column, a, b)->id);   // the marker drills down
                return;
            }
            if (const Step* step = f.step_of_column(t.column)) {
                sel = MapSelection{MapSelection::Kind::step, {}, step->id, {}, sel.lane, sel.step};
                st.drag.id = step->id;
                st.drag.on_move = MapDrag::Kind::step;
            }
            return;
        case Target::Zone::stage: {
            const Stage& stage = f.j.stages[f.lay.stages[t.stage].stage];
            sel = MapSelection{MapSelection::Kind::stage, {}, stage.id, {}, sel.lane, sel.step};
            st.drag.id = stage.id;
            st.drag.on_move = MapDrag::Kind::stage;
            return;
        }
        case Target::Zone::label:
            if (const Lane* lane = f.lane_of_row(t.row)) {
                sel = MapSelection{MapSelection::Kind::lane, {}, lane->id, {}, sel.lane, sel.step};
                st.drag.id = lane->id;
                st.drag.on_move = MapDrag::Kind::lane;
            }
            return;
        case Target::Zone::layer: {
            const Lane& first = f.j.lanes[f.lay.rows[t.row].first_lane];
            sel = MapSelection{MapSelection::Kind::layer, {}, {}, first.layer, sel.lane, sel.step};
            st.drag.on_move = MapDrag::Kind::pan;
            return;
        }
        default: return;
    }
}

// A click (released without moving) on a layer toggles it; on a child journey opens it.
void click(Frame& f, const Target& t, const ImGuiIO& io) {
    MapState& st = f.st;
    if (t.zone == Target::Zone::layer) {
        const layout::Row& row = f.lay.rows[t.row];
        std::vector<edit::Command> set;
        for (int i = row.first_lane; i < row.first_lane + row.lane_count; ++i)
            set.push_back(edit::set_lane_collapsed(f.j.id, f.j.lanes[i].id, !row.collapsed));
        const std::string& layer = f.j.lanes[row.first_lane].layer;
        f.ctx.emit(edit::sequence((row.collapsed ? "Expand layer \xE2\x80\x9C" : "Collapse layer \xE2\x80\x9C") + layer + "\xE2\x80\x9D", std::move(set)));
        return;
    }
    if (t.zone == Target::Zone::body && t.item >= 0) {
        const layout::Item& item = f.lay.items[t.item];
        if (item.kind == layout::ItemKind::journey) f.ctx.go("journey", item.id);
        if (item.kind == layout::ItemKind::card && !io.KeyCtrl && !io.KeyShift) select_cards(st, f.j, {item.id});
    }
}

void double_click(Frame& f, const Target& t) {
    MapState& st = f.st;
    st.drag = MapDrag{};
    switch (t.zone) {
        case Target::Zone::body: {
            const Lane* lane = f.lane_of_row(t.row);
            const Step* step = f.step_of_column(t.column);
            if (!lane || !step || f.lay.rows[t.row].collapsed) return;
            if (const Card* card = f.card_of_item(t.item)) {
                select_cards(st, f.j, {card->id});
                start_edit(st, MapEditing::Kind::card, card->id, card->text);
                return;
            }
            if (t.item >= 0) {
                const layout::Item& item = f.lay.items[t.item];
                if (item.kind == layout::ItemKind::insight) {
                    f.ctx.ui.insights.selected = item.id;
                    f.ctx.go("insights");
                } else if (item.kind == layout::ItemKind::opportunity) {
                    f.ctx.ui.backlog.selected = item.id;
                    f.ctx.go("backlog");
                }
                return;
            }
            if (takes_cards(*lane)) start_new_card(st, lane->id, step->id);
            return;
        }
        case Target::Zone::step:
            if (const Step* step = f.step_of_column(t.column)) start_edit(st, MapEditing::Kind::step, step->id, step->name);
            return;
        case Target::Zone::stage: {
            const Stage& stage = f.j.stages[f.lay.stages[t.stage].stage];
            start_edit(st, MapEditing::Kind::stage, stage.id, stage.name);
            return;
        }
        case Target::Zone::label:
            if (const Lane* lane = f.lane_of_row(t.row)) start_edit(st, MapEditing::Kind::lane, lane->id, lane->name);
            return;
        case Target::Zone::layer:
            start_rename_layer(st, f.j.lanes[f.lay.rows[t.row].first_lane].layer);
            return;
        default: return;
    }
}

// The cards of the selection moved so that the dragged one lands in cell (row, column); the others
// keep their offsets in lanes and steps.
void drop_cards(Frame& f, const Target& t, float body_y, Id dragged) {
    const MapState& st = f.st;
    const Lane* lane = f.lane_of_row(t.row);
    const Step* step = f.step_of_column(t.column);
    const Card* anchor = find_by_id(f.j.cards, dragged);
    if (!lane || !step || !anchor) return;
    if (!takes_cards(*lane)) {
        say(f, "Cards cannot go on an emotion lane: drag the points of its curve instead.", true);
        return;
    }
    const Journey& j = f.j;
    if (st.sel.cards.size() <= 1) {
        // Insert before the card under the drop point, not counting the dragged card itself.
        std::vector<Id> cell;
        const layout::Span items = f.lay.cell_items(t.row, t.column);
        for (int i = items.begin; i < items.end; ++i)
            if (f.lay.items[i].kind == layout::ItemKind::card) cell.push_back(f.lay.items[i].id);
        const std::vector<Id> original = cell;
        int pos = f.lay.drop_position(t.row, t.column, body_y);
        const auto self = std::find(cell.begin(), cell.end(), anchor->id);
        const bool same_cell = self != cell.end();
        if (same_cell) {
            if (self - cell.begin() < pos) --pos;
            cell.erase(self);
        }
        const Id before = pos < static_cast<int>(cell.size()) ? cell[pos] : Id{};
        if (same_cell) {
            // Same cell: only the order can change; dropping it where it was changes nothing.
            std::vector<Id> reordered = cell;
            reordered.insert(reordered.begin() + pos, anchor->id);
            if (reordered == original) return;
        }
        f.ctx.emit(edit::move_card(j.id, anchor->id, lane->id, step->id, before));
        return;
    }
    const int dl = lane_index(j, lane->id) - lane_index(j, anchor->lane);
    const int ds = step_order(j, step->id) - step_order(j, anchor->step);
    const std::vector<const Step*> steps = steps_in_order(j);
    std::vector<edit::CardPlacement> placements;
    for (Id id : st.sel.cards) {
        const Card* c = find_by_id(j.cards, id);
        if (!c) continue;
        const int li = std::clamp(lane_index(j, c->lane) + dl, 0, static_cast<int>(j.lanes.size()) - 1);
        const int si = std::clamp(step_order(j, c->step) + ds, 0, static_cast<int>(steps.size()) - 1);
        if (!takes_cards(j.lanes[li])) {
            say(f, "Some of these cards would land on an emotion lane: nothing was moved.", true);
            return;
        }
        placements.push_back(edit::CardPlacement{c->id, j.lanes[li].id, steps[si]->id});
    }
    if (dl != 0 || ds != 0) f.ctx.emit(edit::move_cards(j.id, std::move(placements)));
}

void release(Frame& f, ImVec2 mouse, const ImGuiIO& io) {
    MapState& st = f.st;
    MapDrag d = st.drag;
    st.drag = MapDrag{};
    const Journey& j = f.j;
    const Target t = target_at(f, mouse);
    switch (d.kind) {
        case MapDrag::Kind::pending: {
            const Target at = target_at(f, ImVec2(d.press_x, d.press_y));
            click(f, at, io);
            break;
        }
        case MapDrag::Kind::cards:
            if (t.zone == Target::Zone::body && t.row >= 0 && t.column >= 0) drop_cards(f, t, f.by(mouse.y), d.id);
            break;
        case MapDrag::Kind::emotion: {
            bool same = false;
            for (const EmotionScore& e : j.emotions)
                if (e.lane == d.lane && e.step == d.step && e.persona == d.persona) same = e.score == d.score;
            if (!same) f.ctx.emit(edit::set_emotion(j.id, d.lane, d.step, d.persona, d.score));
            break;
        }
        case MapDrag::Kind::step: {
            const layout::StepSlot slot = f.lay.step_slot_at(f.bx(mouse.x));
            const Stage* from = nullptr;
            int index = -1;
            for (const auto& stage : j.stages)
                for (std::size_t i = 0; i < stage.steps.size(); ++i)
                    if (stage.steps[i].id == d.id) {
                        from = &stage;
                        index = static_cast<int>(i);
                    }
            if (slot.stage < 0 || !from) break;
            const Stage& to = j.stages[slot.stage];
            int final_index = slot.index;
            if (to.id == from->id && index < slot.index) --final_index;
            if (to.id == from->id && final_index == index) break;
            f.ctx.emit(edit::move_step(j.id, d.id, to.id, static_cast<std::size_t>(std::max(0, final_index))));
            break;
        }
        case MapDrag::Kind::stage: {
            const int slot = f.lay.stage_slot_at(f.bx(mouse.x));
            int index = -1;
            for (std::size_t i = 0; i < j.stages.size(); ++i)
                if (j.stages[i].id == d.id) index = static_cast<int>(i);
            int final_index = index < slot ? slot - 1 : slot;
            if (index >= 0 && final_index != index) f.ctx.emit(edit::move_stage(j.id, d.id, static_cast<std::size_t>(final_index)));
            break;
        }
        case MapDrag::Kind::lane: {
            // The lane joins the layer of the row it is dropped on.
            const float by = f.by(mouse.y);
            const int slot = f.lay.lane_slot_at(by);
            const int index = lane_index(j, d.id);
            if (index < 0) break;
            const int row = f.lay.row_at(std::clamp(by, 0.0f, std::max(0.0f, f.lay.height - 1)));
            std::string layer = j.lanes[index].layer;
            if (row >= 0) {
                const layout::Row& r = f.lay.rows[row];
                layer = j.lanes[r.kind == layout::RowKind::layer ? r.first_lane : r.lane].layer;
            }
            const int final_index = index < slot ? slot - 1 : slot;
            std::vector<edit::Command> steps;
            if (final_index != index) steps.push_back(edit::move_lane(j.id, d.id, static_cast<std::size_t>(final_index)));
            if (layer != j.lanes[index].layer) steps.push_back(edit::set_lane_layer(j.id, d.id, layer));
            if (!steps.empty()) f.ctx.emit(edit::sequence("Move lane \xE2\x80\x9C" + j.lanes[index].name + "\xE2\x80\x9D", std::move(steps)));
            break;
        }
        case MapDrag::Kind::select_box: {
            const float x0 = f.bx(std::min(d.press_x, mouse.x)), x1 = f.bx(std::max(d.press_x, mouse.x));
            const float y0 = f.by(std::min(d.press_y, mouse.y)), y1 = f.by(std::max(d.press_y, mouse.y));
            const layout::Rect box{x0, y0, x1 - x0, y1 - y0};
            std::vector<Id> picked = st.sel.kind == MapSelection::Kind::cards ? st.sel.cards : std::vector<Id>{};
            for (const auto& item : f.lay.items)
                if (item.kind == layout::ItemKind::card && item.rect.overlaps(box) &&
                    std::find(picked.begin(), picked.end(), item.id) == picked.end())
                    picked.push_back(item.id);
            if (!picked.empty()) select_cards(st, j, std::move(picked));
            break;
        }
        default: break;
    }
    f.ctx.redraw();
}

void wheel(Frame& f, ImVec2 mouse, const ImGuiIO& io) {
    float wy = io.MouseWheel, wx = io.MouseWheelH;
    // A notch of the wheel with Ctrl zooms one step, a pinch by the fingers' scale.
    const float notches = (io.KeyCtrl ? wy : 0) + platform::pinch_notches();
    const bool pan = !io.KeyCtrl && (wx != 0 || wy != 0);
    if (notches == 0 && !pan) return;
    if (notches != 0) {
        f.st.zoom_rest.moved(ImGui::GetTime());
        f.cam = layout::zoom_camera(f.cam, f.cam.zoom * layout::wheel_zoom(notches), mouse.x - f.body_min.x, mouse.y - f.body_min.y);
    }
    if (pan) {
        if (io.KeyShift && wx == 0) std::swap(wx, wy);
        f.st.rest.moved(ImGui::GetTime());
        f.cam.x -= wx * 100 / f.cam.zoom;
        f.cam.y -= wy * 100 / f.cam.zoom;
    }
    f.ctx.redraw();
}

// [SECTION] Keyboard ------------------------------------------------------------------------------------

bool chord(ImGuiKeyChord c) { return ImGui::IsKeyChordPressed(c); }
bool key(ImGuiKey k) { return ImGui::IsKeyPressed(k) && !ImGui::GetIO().KeyCtrl && !ImGui::GetIO().KeyAlt; }

void move_cursor(Frame& f, int drow, int dcol) {
    int row, col;
    if (!cursor(f, row, col)) return;
    if (drow != 0) row = f.lay.next_lane_row(row, drow);
    for (int c = col + dcol; dcol != 0 && c >= 0 && c < f.lay.column_count(); c += dcol)
        if (f.step_of_column(c)) {
            col = c;
            break;
        }
    MapSelection& sel = f.st.sel;
    sel.kind = MapSelection::Kind::cell;
    sel.cards.clear();
    sel.lane = f.lane_of_row(row)->id;
    sel.step = f.step_of_column(col)->id;
    reveal_cell(f, row, col);
}

// Ctrl+Shift+arrows move the selected step or stage sideways and the selected lane up or down, as
// dragging does: a step leaving the end of its stage goes into the next one, a lane reaching
// another layer first joins it (layers stay contiguous).
void move_selected_header(const Frame& f) {
    const MapSelection& sel = f.st.sel;
    const Journey& j = f.j;
    const int dx = ImGui::IsKeyPressed(ImGuiKey_LeftArrow) ? -1 : ImGui::IsKeyPressed(ImGuiKey_RightArrow) ? 1 : 0;
    const int dy = ImGui::IsKeyPressed(ImGuiKey_UpArrow) ? -1 : ImGui::IsKeyPressed(ImGuiKey_DownArrow) ? 1 : 0;
    if (dx != 0 && sel.kind == MapSelection::Kind::step) {
        for (std::size_t si = 0; si < j.stages.size(); ++si)
            for (std::size_t i = 0; i < j.stages[si].steps.size(); ++i) {
                if (j.stages[si].steps[i].id != sel.id) continue;
                const int to = static_cast<int>(i) + dx;
                if (to >= 0 && to < static_cast<int>(j.stages[si].steps.size()))
                    f.ctx.emit(edit::move_step(j.id, sel.id, j.stages[si].id, static_cast<std::size_t>(to)));
                else if (dx < 0 && si > 0)
                    f.ctx.emit(edit::move_step(j.id, sel.id, j.stages[si - 1].id, j.stages[si - 1].steps.size()));
                else if (dx > 0 && si + 1 < j.stages.size())
                    f.ctx.emit(edit::move_step(j.id, sel.id, j.stages[si + 1].id, 0));
                return;
            }
    }
    if (dx != 0 && sel.kind == MapSelection::Kind::stage) {
        for (std::size_t si = 0; si < j.stages.size(); ++si) {
            if (j.stages[si].id != sel.id) continue;
            const int to = static_cast<int>(si) + dx;
            if (to >= 0 && to < static_cast<int>(j.stages.size())) f.ctx.emit(edit::move_stage(j.id, sel.id, static_cast<std::size_t>(to)));
            return;
        }
    }
    if (dy != 0 && sel.kind == MapSelection::Kind::lane) {
        const int index = lane_index(j, sel.id);
        const int to = index + dy;
        if (index < 0 || to < 0 || to >= static_cast<int>(j.lanes.size())) return;
        if (j.lanes[to].layer != j.lanes[index].layer) f.ctx.emit(edit::set_lane_layer(j.id, sel.id, j.lanes[to].layer));
        else f.ctx.emit(edit::move_lane(j.id, sel.id, static_cast<std::size_t>(to)));
    }
}

// The clipboard and selection commands, from their keys or from the Edit menu.
void run_edit_command(Frame& f, MapState::EditCommand command) {
    using C = MapState::EditCommand;
    switch (command) {
        case C::none: break;
        case C::select_all: {
            std::vector<Id> all;
            for (const auto& c : f.j.cards) all.push_back(c.id);
            if (!all.empty()) select_cards(f.st, f.j, std::move(all));
            break;
        }
        case C::copy: copy_selection(f, false); break;
        case C::cut: copy_selection(f, true); break;
        case C::paste: {
            const char* text = ImGui::GetClipboardText();
            if (text && *text) paste_at_cursor(f, text);
            break;
        }
        case C::remove: delete_selection(f); break;
    }
}

void handle_keys(Frame& f) {
    MapState& st = f.st;
    MapSelection& sel = st.sel;
    const Journey& j = f.j;
    const ImGuiIO& io = ImGui::GetIO();
    if (chord(ImGuiMod_Ctrl | ImGuiKey_Equal) || chord(ImGuiMod_Ctrl | ImGuiKey_KeypadAdd) ||
        chord(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Equal))
        f.cam = layout::zoom_camera(f.cam, f.cam.zoom * 1.25f, f.view_w() * 0.5f, f.view_h() * 0.5f);
    if (chord(ImGuiMod_Ctrl | ImGuiKey_Minus) || chord(ImGuiMod_Ctrl | ImGuiKey_KeypadSubtract))
        f.cam = layout::zoom_camera(f.cam, f.cam.zoom / 1.25f, f.view_w() * 0.5f, f.view_h() * 0.5f);
    if (chord(ImGuiMod_Ctrl | ImGuiKey_0)) f.cam = layout::fit_camera(f.lay, f.view_w(), f.view_h());
    if (chord(ImGuiMod_Ctrl | ImGuiKey_1)) f.cam = layout::zoom_camera(f.cam, 1, f.view_w() * 0.5f, f.view_h() * 0.5f);
    if (chord(ImGuiMod_Ctrl | ImGuiKey_A)) run_edit_command(f, MapState::EditCommand::select_all);
    if (chord(ImGuiMod_Ctrl | ImGuiKey_C)) run_edit_command(f, MapState::EditCommand::copy);
    if (chord(ImGuiMod_Ctrl | ImGuiKey_X)) run_edit_command(f, MapState::EditCommand::cut);
    if (chord(ImGuiMod_Ctrl | ImGuiKey_V)) run_edit_command(f, MapState::EditCommand::paste);
    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        if (st.drag.kind != MapDrag::Kind::none) st.drag = MapDrag{};
        else sel = MapSelection{MapSelection::Kind::none, {}, {}, {}, sel.lane, sel.step};
    }
    if (key(ImGuiKey_LeftArrow) && !io.KeyShift) move_cursor(f, 0, -1);
    if (key(ImGuiKey_RightArrow) && !io.KeyShift) move_cursor(f, 0, 1);
    if (key(ImGuiKey_UpArrow) && !io.KeyShift) move_cursor(f, -1, 0);
    if (key(ImGuiKey_DownArrow) && !io.KeyShift) move_cursor(f, 1, 0);
    if (key(ImGuiKey_Delete) || key(ImGuiKey_Backspace)) run_edit_command(f, MapState::EditCommand::remove);
    if (io.KeyCtrl && io.KeyShift) move_selected_header(f);

    const Card* one = sel.kind == MapSelection::Kind::cards && sel.cards.size() == 1 ? find_by_id(j.cards, sel.cards[0]) : nullptr;
    const bool enter = key(ImGuiKey_Enter) || key(ImGuiKey_KeypadEnter);
    if (enter || key(ImGuiKey_F2)) {
        if (one) start_edit(st, MapEditing::Kind::card, one->id, one->text);
        else if (sel.kind == MapSelection::Kind::step) { if (const Step* s = find_step(j, sel.id)) start_edit(st, MapEditing::Kind::step, s->id, s->name); }
        else if (sel.kind == MapSelection::Kind::stage) { if (const Stage* s = find_by_id(j.stages, sel.id)) start_edit(st, MapEditing::Kind::stage, s->id, s->name); }
        else if (sel.kind == MapSelection::Kind::lane) { if (const Lane* l = find_by_id(j.lanes, sel.id)) start_edit(st, MapEditing::Kind::lane, l->id, l->name); }
        else if (sel.kind == MapSelection::Kind::layer) start_rename_layer(st, sel.layer);
        else if (enter) {
            int row, col;
            if (cursor(f, row, col) && takes_cards(*f.lane_of_row(row)) && !f.lay.rows[row].collapsed) {
                start_new_card(st, f.lane_of_row(row)->id, f.step_of_column(col)->id);
                reveal_cell(f, row, col);
            }
        }
    }
    if (key(ImGuiKey_Tab)) {
        // Walk the cards of the cursor cell (Shift+Tab backwards).
        int row, col;
        if (cursor(f, row, col)) {
            std::vector<Id> cell;
            const layout::Span items = f.lay.cell_items(row, col);
            for (int i = items.begin; i < items.end; ++i)
                if (f.lay.items[i].kind == layout::ItemKind::card) cell.push_back(f.lay.items[i].id);
            if (!cell.empty()) {
                int k = -1;
                if (one)
                    for (std::size_t i = 0; i < cell.size(); ++i)
                        if (cell[i] == one->id) k = static_cast<int>(i);
                const int n = static_cast<int>(cell.size());
                k = k < 0 ? (io.KeyShift ? n - 1 : 0) : (k + (io.KeyShift ? n - 1 : 1)) % n;
                select_cards(st, j, {cell[k]});
            }
        }
    }
    // Severity on pain/gain cards: 1–5, 0 clears.
    if (one) {
        const Lane* lane = find_by_id(j.lanes, one->lane);
        if (lane && (lane->kind == LaneKind::pain || lane->kind == LaneKind::gain))
            for (int n = 0; n <= 5; ++n)
                if (key(static_cast<ImGuiKey>(ImGuiKey_0 + n)) && one->severity != n) f.ctx.emit(edit::set_card_severity(j.id, one->id, n));
    }
    if (sel.kind == MapSelection::Kind::step && key(ImGuiKey_M))
        if (const Step* s = find_step(j, sel.id)) f.ctx.emit(edit::set_step_moment_of_truth(j.id, s->id, !s->moment_of_truth));
    // Emotion lanes: +/- (or Shift+Up/Down) change the score of the cursor cell.
    if (sel.kind == MapSelection::Kind::cell) {
        int row, col;
        const Lane* lane = cursor(f, row, col) ? f.lane_of_row(row) : nullptr;
        if (lane && lane->kind == LaneKind::emotion) {
            const Step& step = *f.step_of_column(col);
            if (key(ImGuiKey_Equal) || key(ImGuiKey_KeypadAdd) || (io.KeyShift && ImGui::IsKeyPressed(ImGuiKey_UpArrow))) emotion_key(f, *lane, step, +1, false);
            if (key(ImGuiKey_Minus) || key(ImGuiKey_KeypadSubtract) || (io.KeyShift && ImGui::IsKeyPressed(ImGuiKey_DownArrow))) emotion_key(f, *lane, step, -1, false);
        }
    }
}

}  // namespace

// [SECTION] Shared entry points ---------------------------------------------------------------------------

Id emotion_persona(const Frame& f) {
    if (!f.lens.is_nil()) return f.lens;
    return find_by_id(f.ctx.ws.personas, f.st.emotion_persona) ? f.st.emotion_persona : Id{};
}

void start_new_card(MapState& st, Id lane, Id step) {
    st.editing = MapEditing{};
    st.editing.kind = MapEditing::Kind::new_card;
    st.editing.lane = lane;
    st.editing.step = step;
    st.editing.focus = true;
    st.sel.kind = MapSelection::Kind::cell;
    st.sel.cards.clear();
    st.sel.lane = lane;
    st.sel.step = step;
}

void select_cards(MapState& st, const Journey& j, std::vector<Id> cards) {
    st.sel.kind = cards.empty() ? MapSelection::Kind::cell : MapSelection::Kind::cards;
    st.sel.cards = std::move(cards);
    if (!st.sel.cards.empty())
        if (const Card* c = find_by_id(j.cards, st.sel.cards.back())) {
            st.sel.lane = c->lane;
            st.sel.step = c->step;
        }
}

void reveal_match(Frame& f, const layout::FindMatch& m) {
    const layout::JourneyLayout& L = f.lay;
    switch (m.kind) {
        case layout::FindMatch::Kind::item: f.cam = layout::reveal(f.cam, L.items[m.index].rect, f.view_w(), f.view_h()); break;
        case layout::FindMatch::Kind::step: {
            const layout::Column& c = L.columns[m.index];
            f.cam = layout::reveal(f.cam, layout::Rect{c.x, f.cam.y, c.w, 1}, f.view_w(), f.view_h(), 24);
            break;
        }
        case layout::FindMatch::Kind::stage: {
            const layout::StageSpan& s = L.stages[m.index];
            f.cam = layout::reveal(f.cam, layout::Rect{s.x, f.cam.y, std::min(s.w, f.view_w() / f.cam.zoom), 1}, f.view_w(), f.view_h(), 24);
            break;
        }
        case layout::FindMatch::Kind::lane: {
            const layout::Row& r = L.rows[m.index];
            f.cam = layout::reveal(f.cam, layout::Rect{f.cam.x, r.y, 1, r.h}, f.view_w(), f.view_h(), 24);
            break;
        }
    }
    f.ctx.redraw();
}

void handle_map_input(Frame& f) {
    const ImGuiIO& io = ImGui::GetIO();
    MapState& st = f.st;
    ImGui::SetCursorScreenPos(f.canvas_min);
    ImGui::SetNextItemAllowOverlap();
    const ImVec2 size(std::max(1.0f, f.canvas_max.x - f.canvas_min.x), std::max(1.0f, f.canvas_max.y - f.canvas_min.y));
    ImGui::InvisibleButton("##map-canvas", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight | ImGuiButtonFlags_MouseButtonMiddle);
    // Hovered even on the very frame the pointer arrived (a tap, or a click right after a move): an
    // overlappable item otherwise needs a frame of hover first. Only another item hovered on the
    // previous frame over the map (the in-place editor) takes the pointer away.
    const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenOverlappedByItem) &&
                         GImGui->HoveredIdPreviousFrame != ImGui::GetID("##map-edit");
    // An insight dragged from the palette is the active item: the map must still see the pointer.
    // (IsItemHovered is false then: an overlappable item is only hovered when it was the hovered id.)
    const bool hovered_dragging = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
                                  ImGui::IsMouseHoveringRect(f.canvas_min, f.canvas_max);
    const ImVec2 mouse = io.MousePos;
    const Target t = target_at(f, mouse);

    if (ImGui::IsItemActivated() || (hovered && (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || ImGui::IsMouseClicked(ImGuiMouseButton_Right)))) {
        if (st.editing.kind != MapEditing::Kind::none) commit_editing(f);
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        double_click(f, t);
    } else if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        press(f, t, mouse, io);
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Middle)) {
        st.drag = MapDrag{};
        st.drag.kind = MapDrag::Kind::pan;
        st.drag.press_x = mouse.x;
        st.drag.press_y = mouse.y;
        st.drag.grab_x = f.bx(mouse.x);
        st.drag.grab_y = f.by(mouse.y);
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) open_context_menu(f, t);

    // Drags in progress.
    MapDrag& d = st.drag;
    const bool held = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Middle);
    if (d.kind == MapDrag::Kind::pending && held && std::hypot(mouse.x - d.press_x, mouse.y - d.press_y) > kDragThreshold) {
        d.kind = d.on_move;
        if (d.kind == MapDrag::Kind::none) d = MapDrag{};
    }
    if (d.kind == MapDrag::Kind::pan) {
        // What was grabbed stays under the pointer, also while two fingers zoom about it.
        f.cam.x = d.grab_x - (mouse.x - f.body_min.x) / f.cam.zoom;
        f.cam.y = d.grab_y - (mouse.y - f.body_min.y) / f.cam.zoom;
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
        st.rest.moved(ImGui::GetTime());
    }
    if (d.kind == MapDrag::Kind::emotion) {
        const int row = row_of_lane_id(f, d.lane);
        if (row >= 0)
            d.score = layout::emotion_score_at(f.lay.rows[row], f.by(mouse.y), f.ctx.ws.settings.emotion_min,
                                               f.ctx.ws.settings.emotion_max, f.lay.metrics);
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    }
    if (d.kind == MapDrag::Kind::cards || d.kind == MapDrag::Kind::step || d.kind == MapDrag::Kind::stage || d.kind == MapDrag::Kind::lane) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        // Near an edge the map scrolls under the pointer, so a drag can reach any cell.
        const float edge = 28;
        float vx = 0, vy = 0;
        if (mouse.x < f.body_min.x + edge && d.kind != MapDrag::Kind::lane) vx = -1;
        if (mouse.x > f.canvas_max.x - edge) vx = 1;
        if (mouse.y < f.body_min.y + edge && d.kind != MapDrag::Kind::step && d.kind != MapDrag::Kind::stage) vy = -1;
        if (mouse.y > f.canvas_max.y - edge) vy = 1;
        if (vx != 0 || vy != 0) {
            layout::Camera moved = f.cam;
            moved.x += vx * 12 / f.cam.zoom;
            moved.y += vy * 12 / f.cam.zoom;
            moved = layout::clamp_camera(moved, f.lay, f.view_w(), f.view_h());
            if (!(moved == f.cam)) {   // only while there is somewhere to scroll: idle means no frames
                f.cam = moved;
                f.ctx.redraw(2);
                platform::request_frame_after(16);
            }
        }
    }
    if (d.kind != MapDrag::Kind::none && !held) release(f, mouse, io);
    if (d.kind == MapDrag::Kind::none && hovered && t.zone == Target::Zone::body && t.item >= 0 &&
        f.lay.items[t.item].kind == layout::ItemKind::journey)
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    if (hovered) wheel(f, mouse, io);
    // Tooltips wait while the map moves under the pointer (a pan held, or a wheel step a moment
    // ago); a frame is asked for when it rests, in case no input comes.
    st.rest.dragging = d.kind == MapDrag::Kind::pan;
    if (const double ms = st.rest.wake_after_ms(ImGui::GetTime()); ms >= 0) platform::request_frame_after(ms);
    // After a zoom gesture, a frame paints the body's tiles at the zoom it came to.
    if (const double ms = st.zoom_rest.wake_after_ms(ImGui::GetTime()); ms >= 0) platform::request_frame_after(ms);

    // Insights dragged from the palette link to the cell's step when dropped on it.
    if (const ImGuiPayload* p = ImGui::GetDragDropPayload(); p && hovered_dragging && t.zone == Target::Zone::body) {
        if (const Step* step = f.step_of_column(t.column)) {
            const layout::Rect cr = f.lay.cell_rect(t.row, t.column);
            const ImVec2 a = f.to_screen(cr.x, cr.y), b = f.to_screen(cr.right(), cr.bottom());
            accept_insight_drop(f.ctx, f.j.id, step->id, a.x, a.y, b.x, b.y);
        }
    }

    const bool typing = io.WantTextInput || st.editing.kind != MapEditing::Kind::none;
    if (!typing && ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_F)) {
        st.find.open = true;
        st.find.focus = true;
    }
    if (!typing && ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        handle_keys(f);
    if (st.from_menu != MapState::EditCommand::none) {
        if (st.journey == f.j.id && !typing) run_edit_command(f, st.from_menu);
        st.from_menu = MapState::EditCommand::none;
    }
}

}  // namespace wm::ui::map
