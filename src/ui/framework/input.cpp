// Input on the framework grid. A press on a tile is a click (open the journey) until the pointer
// moves 6 px; then it is a drag that re-parents the journey where it is dropped:
//   - on another journey's tile: "hang it under that journey" — a popup at the drop point asks at
//     which stage or step (each anchor checked by the model; refused ones say why);
//   - on a lifecycle stage column: under the lifecycle at that stage, at once;
//   - on the "Not placed" column: taken out from under its parent.
// While dragging, the model's verdict for the target follows the pointer; after a refused drop the
// sentence stays at the drop point (and on the status line) until the next click.
// Elsewhere: drag on empty canvas or middle-drag pans, the wheel scrolls (Shift: sideways),
// Ctrl+wheel / pinch zooms at the pointer, a tile's chevron folds its children, a level label folds
// its row, an "unmapped step" line starts a child journey there.
#include <algorithm>
#include <cmath>
#include <string>

#include "edit/commands.hpp"
#include "framework/framework.hpp"
#include "platform/platform.hpp"
#include "scoring/kpi.hpp"
#include "ui/framework/internal.hpp"
#include "ui/framework/new_journey.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui::fw {

bool collapsed(const FrameworkState& st, Id journey) {
    return std::find(st.collapsed.begin(), st.collapsed.end(), journey) != st.collapsed.end();
}

void toggle_collapsed(FrameworkState& st, Id journey) {
    auto it = std::find(st.collapsed.begin(), st.collapsed.end(), journey);
    if (it == st.collapsed.end()) st.collapsed.push_back(journey);
    else st.collapsed.erase(it);
}

void toggle_level(FrameworkState& st, int level) {
    auto it = std::find(st.collapsed_levels.begin(), st.collapsed_levels.end(), level);
    if (it == st.collapsed_levels.end()) st.collapsed_levels.push_back(level);
    else st.collapsed_levels.erase(it);
}

Id placed_parent(const Workspace& ws, Id child) {
    for (const JourneyLink& l : ws.links)
        if (l.child == child) return l.parent;
    return {};
}

std::optional<std::string> check_move(const Workspace& ws, Id child, const JourneyLink& link) {
    const Id old = placed_parent(ws, child);
    return old.is_nil() ? check_link(ws, link) : check_reparent(ws, child, old, link);
}

edit::Command move_command(const Workspace& ws, Id child, const JourneyLink& link) {
    const Id old = placed_parent(ws, child);
    return old.is_nil() ? edit::add_link(link) : edit::reparent(child, old, link);
}

namespace {

std::string quoted(const std::string& s) { return "\xE2\x80\x9C" + s + "\xE2\x80\x9D"; }

void set_note(Frame& f, std::string text, bool error, ImVec2 screen) {
    f.st.note = FrameworkState::Note{text, error, f.bx(screen.x), f.by(screen.y)};
    const ViewContext& ctx = f.ctx;
    ctx.later([&ui = ctx.ui, text = std::move(text), error] {
        ui.message = text;
        ui.message_is_error = error;
    });
}

// What dropping here would do: fills the drag's probe (target, verdict, text).
void probe(Frame& f, ImVec2 mouse) {
    FrameworkState::Drag& d = f.st.drag;
    const Workspace& ws = f.ctx.ws;
    const Journey* child = find_by_id(ws.journeys, d.journey);
    d.probe_parent = {};
    d.probe_column = -1;
    d.probe_text.clear();
    d.probe_ok = false;
    if (!child || mouse.x < f.body_min.x || mouse.y < f.body_min.y || mouse.x > f.canvas_max.x || mouse.y > f.canvas_max.y) return;
    const float x = f.bx(mouse.x), y = f.by(mouse.y);
    const int tile = f.lay.tile_at(x, y);
    if (tile >= 0 && f.lay.tiles[static_cast<std::size_t>(tile)].journey != child->id) {
        const Journey& parent = f.journey(tile);
        d.probe_parent = parent.id;
        if (parent.stages.empty()) {
            d.probe_text = quoted(parent.title) + " has no stages yet, so nothing can hang from it.";
            return;
        }
        // Loops and levels do not depend on the anchor: check with the first stage.
        if (auto why = check_move(ws, child->id, JourneyLink{parent.id, child->id, parent.stages.front().id, {}})) {
            d.probe_text = *why;
            return;
        }
        d.probe_ok = true;
        d.probe_text = "Hang " + quoted(child->title) + " under " + quoted(parent.title) + "\xE2\x80\xA6";
        return;
    }
    const int column = f.lay.column_at(x);
    if (column < 0 || tile >= 0 || y > f.lay.height) return;
    d.probe_column = column;
    const layout::FwColumn& col = f.lay.columns[static_cast<std::size_t>(column)];
    if (col.stage.is_nil()) {
        const Id old = placed_parent(ws, child->id);
        d.probe_ok = !old.is_nil();
        d.probe_text = d.probe_ok ? "Take " + quoted(child->title) + " out from under " + quoted(find_by_id(ws.journeys, old)->title)
                                  : quoted(child->title) + " is not placed anywhere yet.";
        return;
    }
    const JourneyLink link{f.lay.lifecycle, child->id, col.stage, {}};
    if (auto why = check_move(ws, child->id, link)) {
        d.probe_text = *why;
        return;
    }
    d.probe_ok = true;
    d.probe_text = "Hang " + quoted(child->title) + " under the lifecycle at " + quoted(col.name);
}

void drop(Frame& f, ImVec2 mouse) {
    FrameworkState::Drag& d = f.st.drag;
    const Workspace& ws = f.ctx.ws;
    probe(f, mouse);
    const Journey* child = find_by_id(ws.journeys, d.journey);
    if (!child || (d.probe_parent.is_nil() && d.probe_column < 0)) return;   // dropped nowhere: nothing happens
    if (!d.probe_ok) {
        set_note(f, d.probe_text, true, mouse);
        return;
    }
    if (!d.probe_parent.is_nil()) {
        f.st.anchor = FrameworkState::Anchor{child->id, d.probe_parent, true};
        f.st.note = FrameworkState::Note{"", false, f.bx(mouse.x), f.by(mouse.y)};   // the popup's answer goes here
        return;
    }
    const layout::FwColumn& col = f.lay.columns[static_cast<std::size_t>(d.probe_column)];
    if (col.stage.is_nil()) {
        const Id old = placed_parent(ws, child->id);
        f.ctx.emit(edit::unlink(old, child->id));
        set_note(f, quoted(child->title) + " is no longer placed under " + quoted(find_by_id(ws.journeys, old)->title) + ".", false, mouse);
        return;
    }
    f.ctx.emit(move_command(ws, child->id, JourneyLink{f.lay.lifecycle, child->id, col.stage, {}}));
    set_note(f, quoted(child->title) + " now hangs under the lifecycle at " + quoted(col.name) + ".", false, mouse);
}

}  // namespace

bool resting(const FrameworkState& st) { return st.rest.resting(ImGui::GetTime()); }

void handle_framework_input(Frame& f) {
    ImGuiIO& io = ImGui::GetIO();
    FrameworkState& st = f.st;
    st.tooltip.clear();
    st.tooltip_kpi.clear();
    FrameworkState::Drag& d = st.drag;
    const ImVec2 mouse = io.MousePos;
    const ImVec2 size(f.canvas_max.x - f.canvas_min.x, f.canvas_max.y - f.canvas_min.y);
    ImGui::SetCursorScreenPos(f.canvas_min);
    ImGui::InvisibleButton("##framework-canvas", ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle);
    const bool hovered = ImGui::IsItemHovered();
    const bool in_body = mouse.x >= f.body_min.x && mouse.y >= f.body_min.y;

    // Press.
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        st.note = FrameworkState::Note{};
        st.focus = {};   // the mirror's outline gives way to the pointer
        d = FrameworkState::Drag{};
        if (!in_body && handle_stage_press(f, mouse, false)) {
            // A stage header: select, rename, "+ Stage" (framework/stages.cpp).
        } else if (!in_body) {
            // The level label column folds a row.
            if (mouse.x < f.body_min.x && mouse.y >= f.body_min.y) {
                const int row = f.lay.row_at(f.by(mouse.y));
                if (row >= 0) toggle_level(st, f.lay.rows[static_cast<std::size_t>(row)].level);
            }
        } else {
            const int tile = f.lay.tile_at(f.bx(mouse.x), f.by(mouse.y));
            if (tile >= 0) {
                const layout::FwTile& t = f.lay.tiles[static_cast<std::size_t>(tile)];
                const TileParts p = tile_parts(f, tile);
                const bool on_chevron = t.has_children && mouse.x >= p.chevron_min.x && mouse.x < p.chevron_max.x &&
                                        mouse.y >= p.chevron_min.y && mouse.y < p.chevron_max.y;
                const int line = p.unmapped_line > 0 ? static_cast<int>(std::floor((mouse.y - p.unmapped_top) / p.unmapped_line)) : -1;
                if (on_chevron) {
                    toggle_collapsed(st, t.journey);
                } else if (f.cam.zoom >= kDetailZoom && line >= 0 && line < static_cast<int>(t.unmapped_steps.size())) {
                    const Journey& j = f.journey(tile);
                    for (const Stage& s : j.stages)
                        for (const Step& step : s.steps)
                            if (step.id == t.unmapped_steps[static_cast<std::size_t>(line)]) open_child_journey(f.ctx, j, s.id, step.id);
                } else {
                    d.journey = t.journey;
                    d.pressed = true;
                    d.start_x = mouse.x;
                    d.start_y = mouse.y;
                    d.grab_x = f.bx(mouse.x) - t.rect.x;
                    d.grab_y = f.by(mouse.y) - t.rect.y;
                }
            } else {
                d.panning = true;
            }
        }
    }

    if (hovered && !in_body && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) handle_stage_press(f, mouse, true);

    // Drag or click on a tile.
    if (d.pressed) {
        if (!d.active && std::hypot(mouse.x - d.start_x, mouse.y - d.start_y) > 6) d.active = true;
        if (d.active) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
            probe(f, mouse);
            if (ImGui::IsKeyPressed(ImGuiKey_Escape)) d = FrameworkState::Drag{};
        }
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            if (d.active) drop(f, mouse);
            else f.ctx.go("journey", d.journey);
            d = FrameworkState::Drag{};
        }
    }

    // Pan: drag on empty canvas, or middle-drag anywhere.
    st.rest.dragging = (d.panning && ImGui::IsMouseDown(ImGuiMouseButton_Left)) || (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Middle));
    if (st.rest.dragging) {
        f.cam.x -= io.MouseDelta.x / f.cam.zoom;
        f.cam.y -= io.MouseDelta.y / f.cam.zoom;
        st.rest.moved(ImGui::GetTime());
    }
    if (d.panning && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) d.panning = false;

    // Wheel: scroll; Ctrl zooms at the pointer a step a notch, a pinch by the fingers' scale.
    if (const float notches = (io.KeyCtrl ? io.MouseWheel : 0) + platform::pinch_notches(); hovered && notches != 0) {
        st.zoom_rest.moved(ImGui::GetTime());
        f.cam = layout::zoom_camera(f.cam, f.cam.zoom * layout::wheel_zoom(notches), mouse.x - f.body_min.x, mouse.y - f.body_min.y);
    }
    if (hovered && !io.KeyCtrl && (io.MouseWheel != 0 || io.MouseWheelH != 0)) {
        st.rest.moved(ImGui::GetTime());
        const float step = 60.0f / f.cam.zoom;
        if (io.KeyShift) f.cam.x -= io.MouseWheel * step;
        else {
            f.cam.y -= io.MouseWheel * step;
            f.cam.x -= io.MouseWheelH * step;
        }
    }

    // Hover feedback, once the grid rests under the pointer: a frame is asked for then (one at a
    // time: when it comes and the grid moved since, the next), in case no input comes.
    // After a zoom gesture, a frame paints the grid's tiles at the zoom it came to.
    if (const double ms = st.zoom_rest.wake_after_ms(ImGui::GetTime()); ms >= 0) platform::request_frame_after(ms);
    if (!resting(st)) {
        if (const double ms = st.rest.wake_after_ms(ImGui::GetTime()); ms >= 0) platform::request_frame_after(ms);
    } else if (hovered && !d.active && in_body) {
        const int tile = f.lay.tile_at(f.bx(mouse.x), f.by(mouse.y));
        if (tile >= 0) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            const Journey& j = f.journey(tile);
            const layout::JourneyFacts& facts = f.facts(tile);
            if (!d.pressed && st.note.text.empty()) {   // never over what a drop just said
                st.tooltip = j.title;
                // The KPI the tile shows, by name: a narrow tile shows its value alone.
                const std::vector<Metric>& metrics = f.ctx.ws.metrics;
                const Metric* shown = facts.headline >= 0 && static_cast<std::size_t>(facts.headline) < metrics.size()
                                          ? &metrics[static_cast<std::size_t>(facts.headline)]
                                          : nullptr;
                if (shown) st.tooltip_kpi = kpi::headline_words(*shown, f.ctx.derived.kpis().headline(shown->id));
                ImGui::SetTooltip("%s\n%d of %d steps detailed by a child journey \xC2\xB7 %d KPI%s%s%s\nClick to open, drag to move%s%s",
                                  j.title.c_str(), facts.mapped_steps, facts.steps, facts.metrics, facts.metrics == 1 ? "" : "s",
                                  shown ? "\nOn the tile: " : "", st.tooltip_kpi.c_str(),
                                  j.description.empty() ? "" : "\n\n", j.description.c_str());
            }
        }
    }
}

void draw_anchor_popup(const ViewContext& ctx, FrameworkState& st) {
    if (st.anchor.open) {
        ImGui::OpenPopup("Hang under##framework");
        st.anchor.open = false;
    }
    if (!ImGui::BeginPopup("Hang under##framework")) return;
    const Workspace& ws = ctx.ws;
    const Journey* child = find_by_id(ws.journeys, st.anchor.child);
    const Journey* parent = find_by_id(ws.journeys, st.anchor.parent);
    if (!child || !parent) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextUnformatted(("Hang " + quoted(child->title) + " under " + quoted(parent->title) + " at:").c_str());
    ImGui::Separator();
    auto option = [&](const Stage& stage, const Step* step) {
        const JourneyLink link{parent->id, child->id, stage.id, step ? step->id : Id{}};
        const auto why = check_move(ws, child->id, link);
        const std::string label = (step ? step->name : stage.name + " (the whole stage)") + "##under";
        push_id(step ? step->id : stage.id);
        if (step) ImGui::Indent();
        ImGui::BeginDisabled(why.has_value());
        if (ImGui::Selectable(label.c_str())) {
            ctx.emit(move_command(ws, child->id, link));
            const std::string text = quoted(child->title) + " now hangs under " + quoted(parent->title) + " at " +
                                     quoted(step ? step->name : stage.name) + ".";
            st.note.text = text;
            st.note.error = false;
            ctx.later([&ui = ctx.ui, text] {
                ui.message = text;
                ui.message_is_error = false;
            });
        }
        ImGui::EndDisabled();
        if (why) ImGui::SetItemTooltip("%s", why->c_str());
        if (step) ImGui::Unindent();
        ImGui::PopID();
    };
    for (const Stage& stage : parent->stages) {
        option(stage, nullptr);
        for (const Step& step : stage.steps) option(stage, &step);
    }
    ImGui::Separator();
    if (ImGui::Selectable("Cancel##under")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace wm::ui::fw
