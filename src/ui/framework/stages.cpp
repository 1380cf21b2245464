// The lifecycle's stages, edited where they are seen: the framework grid's stage headers.
//   - click selects a stage: it is outlined and a details panel beside the grid shows its name, the
//     journeys hanging there, its KPIs and what can be done with it;
//   - double-click (or F2 with a stage selected) renames it in place: type, Enter keeps, Esc cancels;
//   - right-click opens a menu: Rename, Add stage before / after, Move left / right, Delete stage;
//   - "+ Stage" at the end of the header row adds a stage and puts its name in the same field.
// Deleting a stage that journeys hang from or KPIs are anchored at asks first (saying what happens
// to them); every change is one command, so Ctrl+Z undoes it.
//
// A workspace with nothing to show yet (no lifecycle, or a lifecycle and no journey) gets an empty
// state saying how to begin, with buttons that do it (draw_framework_empty_state).
#include <algorithm>
#include <string>

#include "edit/commands.hpp"
#include "imgui_internal.h"
#include "ui/framework/internal.hpp"
#include "ui/framework/new_journey.hpp"
#include "ui/kit/draw.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/kpi/editor.hpp"

namespace wm::ui::fw {
namespace {

constexpr const char* kStageMenu = "fw-stage-menu";
constexpr const char* kDeleteStage = "Delete stage?##framework";

std::string quoted(const std::string& s) { return "\xE2\x80\x9C" + s + "\xE2\x80\x9D"; }

// The journey whose stages are the grid's columns (the rule of layout::layout_framework).
const Journey* lifecycle_of(const ViewContext& ctx) {
    for (const Journey& j : ctx.ws.journeys)
        if (j.level == 0 && !j.stages.empty()) return &j;
    return nullptr;
}

std::size_t stage_index(const Journey& j, Id stage) {
    for (std::size_t i = 0; i < j.stages.size(); ++i)
        if (j.stages[i].id == stage) return i;
    return j.stages.size();
}

void say(const ViewContext& ctx, std::string text, bool error = false) {
    ctx.later([&ui = ctx.ui, text = std::move(text), error] {
        ui.message = text;
        ui.message_is_error = error;
    });
}

void start_rename(FrameworkState& st, const Stage& stage) {
    st.stage_selected = stage.id;
    st.stage_edit = FrameworkState::StageEdit{stage.id, stage.name, true};
}

// The journeys hanging directly from the lifecycle at `stage` (their titles), and the KPIs anchored there.
std::vector<const Journey*> hanging_at(const Workspace& ws, Id lifecycle, Id stage) {
    std::vector<const Journey*> out;
    for (const JourneyLink& l : ws.links)
        if (l.parent == lifecycle && l.stage == stage)
            if (const Journey* j = find_by_id(ws.journeys, l.child); j && std::find(out.begin(), out.end(), j) == out.end()) out.push_back(j);
    return out;
}

// Deleting asks first when something depends on the stage; otherwise it happens at once (Ctrl+Z).
void request_delete(const ViewContext& ctx, FrameworkState& st, const Journey& lifecycle, const Stage& stage) {
    const bool depends = !hanging_at(ctx.ws, lifecycle.id, stage.id).empty() || !metrics_at(ctx.ws, lifecycle.id, stage.id, {}).empty() ||
                         !stage.steps.empty();
    if (depends) {
        st.stage_delete = stage.id;
        st.open_stage_delete = true;
        ctx.redraw();
        return;
    }
    ctx.emit(edit::remove_stage(lifecycle.id, stage.id));
    if (st.stage_selected == stage.id) st.stage_selected = {};
    say(ctx, "Deleted the stage " + quoted(stage.name) + " (Ctrl+Z brings it back).");
}

// The stage header column under the screen x, -1 if none (or the "Not placed" column).
int stage_column_at(const Frame& f, float screen_x) {
    const int c = f.lay.column_at(f.bx(screen_x));
    if (c < 0 || f.lay.columns[static_cast<std::size_t>(c)].stage.is_nil()) return -1;
    return c;
}

// The "+ Stage" cell at the end of the header row (screen); while the end of the row is scrolled
// out of view it stays at the right edge of the band, so it can always be found, as a square "+"
// that covers as little of the last stage's header as it can (at a large text size the whole cell
// hid most of it), growing to the whole cell as the end of the row comes into view.
float add_button_side(const Frame& f) { return 50 * f.hscale; }   // the button's 34 and the cell's padding

void add_cell(const Frame& f, ImVec2& a, ImVec2& b) {
    const float end = f.to_screen(f.lay.width, 0).x, compact = add_button_side(f);
    const float x = std::min(end, f.canvas_max.x - compact);
    a = ImVec2(x, f.canvas_min.y);
    b = ImVec2(x + std::max(std::min(kAddStageWidth * f.cam.zoom, f.canvas_max.x - x), compact), f.body_min.y);
}

bool over_add_cell(const Frame& f, ImVec2 mouse) {
    ImVec2 a, b;
    add_cell(f, a, b);
    return mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y;
}

}  // namespace

void add_lifecycle_stage(const ViewContext& ctx, FrameworkState& st, std::size_t index) {
    Stage stage{new_id(), "New stage", {}};
    start_rename(st, stage);
    if (const Journey* lifecycle = lifecycle_of(ctx)) {
        ctx.emit(edit::add_stage(lifecycle->id, std::move(stage), index));
        return;
    }
    // No lifecycle grid yet: a level-0 journey without stages gets the stage, or a lifecycle is made.
    for (const Journey& j : ctx.ws.journeys)
        if (j.level == 0) {
            ctx.emit(edit::add_stage(j.id, std::move(stage), index));
            return;
        }
    Journey lifecycle = blank_workspace("").journeys.front();
    lifecycle.stages = {std::move(stage)};
    ctx.emit(edit::add_journey(std::move(lifecycle), 0));
}

bool handle_stage_press(Frame& f, ImVec2 mouse, bool right) {
    if (mouse.y >= f.body_min.y || mouse.x < f.body_min.x) return false;
    FrameworkState& st = f.st;
    const Journey* lifecycle = find_by_id(f.ctx.ws.journeys, f.lay.lifecycle);
    if (!lifecycle) return false;
    if (!right && over_add_cell(f, mouse)) {
        add_lifecycle_stage(f.ctx, st, edit::kEnd);
        return true;
    }
    const int c = stage_column_at(f, mouse.x);
    if (c < 0) {
        st.stage_selected = {};
        return true;
    }
    const Stage* stage = find_by_id(lifecycle->stages, f.lay.columns[static_cast<std::size_t>(c)].stage);
    if (!stage) return true;
    st.stage_selected = stage->id;
    if (right) {
        st.stage_menu = stage->id;
        st.open_stage_menu = true;
    } else if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        start_rename(st, *stage);
    }
    f.ctx.redraw();
    return true;
}

void draw_stage_marks(Frame& f, ImDrawList* dl) {
    const FrameworkState& st = f.st;
    const ImVec2 mouse = ImGui::GetMousePos();
    const bool over_canvas = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && mouse.y < f.body_min.y &&
                             mouse.x >= f.body_min.x && mouse.x < f.canvas_max.x && mouse.y >= f.canvas_min.y && !st.drag.active;
    for (const layout::FwColumn& col : f.lay.columns) {
        if (col.stage.is_nil()) continue;
        const bool selected = col.stage == st.stage_selected;
        const float x0 = f.to_screen(col.x, 0).x, x1 = f.to_screen(col.x + col.w, 0).x;
        const bool hovered = over_canvas && mouse.x >= x0 && mouse.x < x1;
        if (selected) dl->AddRect(ImVec2(x0 + 1, f.canvas_min.y + 1), ImVec2(x1 - 1, f.body_min.y - 1), color::kAccent, 3, 0, 2);
        else if (hovered) dl->AddRect(ImVec2(x0 + 1, f.canvas_min.y + 1), ImVec2(x1 - 1, f.body_min.y - 1), color::kLine, 3, 0, 1.5f);
        if (hovered) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (st.stage_edit.stage.is_nil())
                ImGui::SetTooltip("%s\nClick to select \xC2\xB7 double-click to rename \xC2\xB7 right-click for more", col.name.c_str());
        }
    }
    // "+ Stage" at the end of the row.
    ImVec2 a, b;
    add_cell(f, a, b);
    if (a.x < f.to_screen(f.lay.width, 0).x) {   // pinned over the last columns: on its own background
        dl->AddRectFilled(a, b, color::kHeaderBg);
        dl->AddLine(a, ImVec2(a.x, b.y), color::kLine);
    }
    const float pad = 8 * f.hscale;
    const ImVec2 ba(a.x + pad, a.y + pad), bb(b.x - pad, std::min(b.y - pad, a.y + pad + 34 * f.hscale));
    const bool hovered = over_canvas && mouse.x >= a.x && mouse.x < b.x;
    if (hovered) {
        dl->AddRectFilled(ba, bb, color::kHover, 5);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("Add a lifecycle stage at the end (then type its name)");
    }
    dl->AddRect(ba, bb, hovered ? color::kAccent : color::kLine, 5, 0, 1.5f);
    ImFont* bold = font_or_default(f.ctx.fonts.bold);
    const float size = base_size(bold) * f.hscale;
    const char* text = "+ Stage";
    const float w = text_width(bold, size, text);
    const ImVec2 mid((ba.x + bb.x) * 0.5f, (ba.y + bb.y) * 0.5f);
    if (w + 2 * pad <= bb.x - ba.x) {
        dl->AddText(bold, size, ImVec2(mid.x - w * 0.5f, mid.y - size * 0.5f), color::kAccent, text);
    } else {   // the square: a plus as large as the letters' height
        const float arm = size * 0.4f, thick = 2 * f.hscale;
        dl->AddLine(ImVec2(mid.x - arm, mid.y), ImVec2(mid.x + arm, mid.y), color::kAccent, thick);
        dl->AddLine(ImVec2(mid.x, mid.y - arm), ImVec2(mid.x, mid.y + arm), color::kAccent, thick);
    }
    const float x0 = std::max(ba.x, f.body_min.x), x1 = std::min(bb.x, f.canvas_max.x);   // in the header band
    if (x1 > x0) expose_rect("fw add stage", ItemRect{x0, ba.y, x1 - x0, bb.y - ba.y});
}

namespace {

// Out of line: the caller runs every frame, this only while a stage's name is edited in place (what
// the first frame does not run goes to the code's second part: scripts/split-wasm).
[[gnu::noinline]] void draw_open_editor(Frame& f, FrameworkState::StageEdit& e) {
    const int c = [&] {
        for (std::size_t i = 0; i < f.lay.columns.size(); ++i)
            if (f.lay.columns[i].stage == e.stage) return static_cast<int>(i);
        return -1;
    }();
    if (c < 0) {
        // A stage added this frame exists once its command has been applied: wait a few frames.
        if (++e.waited > 4) e = FrameworkState::StageEdit{};
        else f.ctx.redraw();
        return;
    }
    const layout::FwColumn& col = f.lay.columns[static_cast<std::size_t>(c)];
    // Bring the column on screen (a stage added at the end may lie beyond the view).
    if (e.focus) {
        if (col.x < f.cam.x) f.cam.x = col.x;
        else if (col.x + col.w > f.cam.x + f.view_w() / f.cam.zoom) f.cam.x = col.x + col.w - f.view_w() / f.cam.zoom + kAddStageWidth;
    }
    const float pad = 6 * f.hscale;
    const ImVec2 a(f.to_screen(col.x, 0).x + pad, f.canvas_min.y + pad * 0.6f);
    const float w = col.w * f.cam.zoom - 2 * pad;
    const bool focusing = e.focus;
    if (focusing) {
        ImGui::ActivateItemByID(ImGui::GetID("##fw-stage-edit"));
        GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
        f.ctx.redraw(3);
    }
    ImGui::SetCursorScreenPos(a);
    ImGui::SetWindowFontScale(std::clamp(f.hscale, 1.0f, 2.0f));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, color::kPaper);
    ImGui::PushStyleColor(ImGuiCol_Border, color::kAccent);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2);
    ImGui::SetNextItemWidth(w);
    const bool enter = input_text("##fw-stage-edit", &e.buffer, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    const bool active = ImGui::IsItemActive();
    const bool deactivated = ImGui::IsItemDeactivated();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    ImGui::SetWindowFontScale(1);
    if (focusing && (active || ++e.focus_tries > 6)) e.focus = false;
    if (active && ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        e = FrameworkState::StageEdit{};
        f.ctx.redraw();
        return;
    }
    if (!enter && !(deactivated && !focusing)) return;
    std::string name = e.buffer;
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    if (!name.empty() && name != col.name) f.ctx.emit(edit::rename_stage(f.lay.lifecycle, e.stage, name));
    e = FrameworkState::StageEdit{};
    f.ctx.redraw();
}

}  // namespace

void draw_stage_editor(Frame& f) {
    FrameworkState::StageEdit& e = f.st.stage_edit;
    if (!e.stage.is_nil()) draw_open_editor(f, e);
}

void draw_stage_popups(const ViewContext& ctx, FrameworkState& st) {
    const Journey* lifecycle = lifecycle_of(ctx);
    if (st.open_stage_menu) {
        ImGui::OpenPopup(kStageMenu);
        st.open_stage_menu = false;
    }
    if (ImGui::BeginPopup(kStageMenu)) {
        const Stage* s = lifecycle ? find_by_id(lifecycle->stages, st.stage_menu) : nullptr;
        if (!s) {
            ImGui::CloseCurrentPopup();
        } else {
            const std::size_t i = stage_index(*lifecycle, s->id);
            ImGui::TextDisabled("Lifecycle stage %s", quoted(s->name).c_str());
            if (ImGui::MenuItem("Rename stage##fw menu", "F2")) start_rename(st, *s);
            if (ImGui::MenuItem("Add stage before##fw menu")) add_lifecycle_stage(ctx, st, i);
            if (ImGui::MenuItem("Add stage after##fw menu")) add_lifecycle_stage(ctx, st, i + 1);
            if (ImGui::MenuItem("Move left##fw menu", nullptr, false, i > 0)) ctx.emit(edit::move_stage(lifecycle->id, s->id, i - 1));
            if (ImGui::MenuItem("Move right##fw menu", nullptr, false, i + 1 < lifecycle->stages.size()))
                ctx.emit(edit::move_stage(lifecycle->id, s->id, i + 1));
            if (ImGui::MenuItem("New journey at this stage\xE2\x80\xA6##fw menu")) open_child_journey(ctx, *lifecycle, s->id, {});
            ImGui::Separator();
            if (ImGui::MenuItem("Delete stage\xE2\x80\xA6##fw menu", "Del")) request_delete(ctx, st, *lifecycle, *s);
        }
        ImGui::EndPopup();
    }

    if (st.open_stage_delete) {
        ImGui::OpenPopup(kDeleteStage);
        st.open_stage_delete = false;
    }
    if (ImGui::BeginPopupModal(kDeleteStage, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        const Stage* s = lifecycle ? find_by_id(lifecycle->stages, st.stage_delete) : nullptr;
        if (!s) {
            ImGui::CloseCurrentPopup();
        } else {
            const auto journeys = hanging_at(ctx.ws, lifecycle->id, s->id);
            const auto kpis = metrics_at(ctx.ws, lifecycle->id, s->id, {});
            ImGui::TextUnformatted(("Delete the lifecycle stage " + quoted(s->name) + "?").c_str());
            ImGui::Spacing();
            if (!journeys.empty())
                ImGui::BulletText("%zu %s hang%s from it: %s then shown under \xE2\x80\x9CNot placed\xE2\x80\x9D.", journeys.size(),
                                  journeys.size() == 1 ? "journey" : "journeys", journeys.size() == 1 ? "s" : "",
                                  journeys.size() == 1 ? "it is" : "they are");
            if (!kpis.empty())
                ImGui::BulletText("%zu %s anchored at it move%s to the lifecycle journey itself.", kpis.size(), kpis.size() == 1 ? "KPI" : "KPIs",
                                  kpis.size() == 1 ? "s" : "");
            if (!s->steps.empty())
                ImGui::BulletText("Its %zu %s go%s with it.", s->steps.size(), s->steps.size() == 1 ? "step" : "steps", s->steps.size() == 1 ? "es" : "");
            ImGui::TextDisabled("Ctrl+Z (Edit \xE2\x80\xBA Undo) brings it all back.");
            ImGui::Spacing();
            if (ImGui::Button("Delete stage##fw confirm")) {
                ctx.emit(edit::remove_stage(lifecycle->id, s->id));
                if (st.stage_selected == s->id) st.stage_selected = {};
                say(ctx, "Deleted the stage " + quoted(s->name) + " (Ctrl+Z brings it back).");
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Cancel##fw confirm") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

bool draw_stage_details(const ViewContext& ctx, FrameworkState& st) {
    const Journey* lifecycle = lifecycle_of(ctx);
    const Stage* s = lifecycle ? find_by_id(lifecycle->stages, st.stage_selected) : nullptr;
    if (!s) return false;
    const std::size_t i = stage_index(*lifecycle, s->id);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Lifecycle stage");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%zu of %zu", i + 1, lifecycle->stages.size());
    std::string text;
    ImGui::TextUnformatted("Name");
    if (text_field("##Lifecycle stage name", s->name, &text) && !text.empty() && text != s->name)
        ctx.emit(edit::rename_stage(lifecycle->id, s->id, text));
    ImGui::Spacing();
    const auto journeys = hanging_at(ctx.ws, lifecycle->id, s->id);
    if (journeys.empty()) ImGui::TextDisabled("No journey hangs here yet.");
    else ImGui::Text("%zu %s here:", journeys.size(), journeys.size() == 1 ? "journey hangs" : "journeys hang");
    for (const Journey* j : journeys) {
        push_id(j->id);
        if (ImGui::Selectable((j->title + "##fw stage journey").c_str())) ctx.go("journey", j->id);
        ImGui::SetItemTooltip("Open %s", j->title.c_str());
        ImGui::PopID();
    }
    if (ImGui::Button("New journey at this stage\xE2\x80\xA6")) open_child_journey(ctx, *lifecycle, s->id, {});
    ImGui::Spacing();
    draw_kpi_section(ctx, lifecycle->id, s->id, {});
    ImGui::Spacing();
    ImGui::Separator();
    if (ImGui::Button("Add a stage before##fw details")) add_lifecycle_stage(ctx, st, i);
    ImGui::SameLine();
    if (ImGui::Button("Add a stage after##fw details")) add_lifecycle_stage(ctx, st, i + 1);
    ImGui::BeginDisabled(i == 0);
    if (ImGui::Button("Move stage left##fw details")) ctx.emit(edit::move_stage(lifecycle->id, s->id, i - 1));
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(i + 1 >= lifecycle->stages.size());
    if (ImGui::Button("Move stage right##fw details")) ctx.emit(edit::move_stage(lifecycle->id, s->id, i + 1));
    ImGui::EndDisabled();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::kError));
    if (ImGui::Button("Delete this stage\xE2\x80\xA6##fw details")) request_delete(ctx, st, *lifecycle, *s);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (ImGui::Button("Close##fw details")) st.stage_selected = {};
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("Double-click a stage header to rename it, right-click it for more.");
    ImGui::PopTextWrapPos();
    return true;
}

void handle_stage_keys(const ViewContext& ctx, FrameworkState& st) {
    if (st.stage_selected.is_nil() || !st.stage_edit.stage.is_nil() || ImGui::GetIO().WantTextInput) return;
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) return;
    const Journey* lifecycle = lifecycle_of(ctx);
    const Stage* s = lifecycle ? find_by_id(lifecycle->stages, st.stage_selected) : nullptr;
    if (!s) return;
    if (ImGui::IsKeyPressed(ImGuiKey_F2, false)) start_rename(st, *s);
    else if (ImGui::IsKeyPressed(ImGuiKey_Delete, false)) request_delete(ctx, st, *lifecycle, *s);
    else if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) st.stage_selected = {};
}

void draw_framework_empty_state(const ViewContext& ctx, FrameworkState& st, bool has_grid) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kInfoBg);
    ImGui::BeginChild("fw empty", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(has_grid ? "Your framework is ready for its first journey" : "Start with your customer lifecycle");
    ImGui::PopFont();
    if (has_grid) {
        ImGui::TextWrapped("1. The row across the top is your customer lifecycle: the stages a customer goes through. Double-click a stage "
                           "to rename it, right-click it to add, move or delete stages, or use the \xE2\x80\x9C+\xE2\x80\x9D at the end of the row (\xE2\x80\x9C+ Stage\xE2\x80\x9D where there is room).");
        ImGui::TextWrapped("2. Then map your first journey: it hangs under a lifecycle stage, and its own stages and steps are mapped on its map.");
    } else {
        ImGui::TextWrapped("The framework's columns are the stages of your customer lifecycle \xE2\x80\x94 from first hearing of you to "
                           "leaving. Add them first; every journey then hangs under one of them.");
    }
    ImGui::Spacing();
    if (!has_grid) {
        if (ImGui::Button("Add the usual five stages")) {
            // The stages of a blank workspace's lifecycle (model.cpp blank_workspace), with new ids.
            Journey lifecycle = blank_workspace("").journeys.front();
            const Journey* l0 = nullptr;
            for (const Journey& j : ctx.ws.journeys)
                if (j.level == 0 && !l0) l0 = &j;
            if (l0) {
                std::vector<edit::Command> adds;
                for (Stage& s : lifecycle.stages) adds.push_back(edit::add_stage(l0->id, std::move(s)));
                ctx.emit(edit::sequence("Add lifecycle stages", std::move(adds)));
            } else {
                ctx.emit(edit::add_journey(std::move(lifecycle), 0));
            }
        }
        ImGui::SetItemTooltip("Awareness, Consideration, Purchase, Renew, Leave \xE2\x80\x94 rename them afterwards");
        ImGui::SameLine();
    }
    if (ImGui::Button("Add a stage##fw empty")) add_lifecycle_stage(ctx, st, edit::kEnd);
    ImGui::SetItemTooltip("A lifecycle stage at the end of the row; type its name, Enter keeps it");
    if (has_grid) {
        ImGui::SameLine();
        if (ImGui::Button("Map your first journey\xE2\x80\xA6")) open_new_journey(ctx);
        ImGui::SetItemTooltip("A journey one level below the lifecycle; choose its stage and lanes in the dialog");
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    expose_rect("fw empty", ItemRect{a.x, a.y, b.x - a.x, b.y - a.y});
}

}  // namespace wm::ui::fw
