// The journey view: the header (title, state, personas, lens), a toolbar (zoom, find, add), the map
// and, beside it, the details of what is selected. The map itself is map/canvas.cpp (drawing),
// map/input.cpp (gestures, keys, clipboard) and map/panels.cpp (details, menus); its geometry is
// src/layout. This file computes the frame they share (its layout is derived data: ui/kit/derived.hpp).
#include "ui/map/view.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "edit/commands.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "model/templates.hpp"
#include "ui/kit/derived.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/map/header.hpp"
#include "ui/map/internal.hpp"
#include "ui/kit/tiles.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/kit/theme.hpp"
#include "ui/insights/view.hpp"

namespace wm::ui {
namespace {

using map::Frame;

// Where the selection is on the map, for revealing it: the card's item, the step's column, the
// stage, the lane's row (nothing for other selections or what the layout does not show).
std::optional<layout::FindMatch> selection_place(const Journey& j, const layout::JourneyLayout& L, const MapSelection& sel) {
    using K = layout::FindMatch::Kind;
    auto index_of = [](const auto& list, Id id) {
        for (std::size_t i = 0; i < list.size(); ++i)
            if (list[i].id == id) return static_cast<int>(i);
        return -1;
    };
    switch (sel.kind) {
        case MapSelection::Kind::cards:
            for (std::size_t i = 0; i < L.items.size(); ++i)
                if (L.items[i].kind == layout::ItemKind::card && !sel.cards.empty() && L.items[i].id == sel.cards.front())
                    return layout::FindMatch{K::item, static_cast<int>(i)};
            return std::nullopt;
        case MapSelection::Kind::step:
            for (std::size_t c = 0; c < L.columns.size(); ++c) {
                const layout::Column& col = L.columns[c];
                if (col.step >= 0 && j.stages[col.stage].steps[col.step].id == sel.id) return layout::FindMatch{K::step, static_cast<int>(c)};
            }
            return std::nullopt;
        case MapSelection::Kind::stage:
            for (std::size_t s = 0; s < L.stages.size(); ++s)
                if (j.stages[L.stages[s].stage].id == sel.id) return layout::FindMatch{K::stage, static_cast<int>(s)};
            return std::nullopt;
        case MapSelection::Kind::lane: {
            const int lane = index_of(j.lanes, sel.id);
            for (std::size_t r = 0; r < L.rows.size(); ++r)
                if (L.rows[r].kind == layout::RowKind::lane && L.rows[r].lane == lane) return layout::FindMatch{K::lane, static_cast<int>(r)};
            return std::nullopt;
        }
        case MapSelection::Kind::cell: {   // its first item, else its column (the mirror's focus, say)
            for (std::size_t c = 0; c < L.columns.size(); ++c) {
                const layout::Column& col = L.columns[c];
                if (col.step < 0 || j.stages[col.stage].steps[col.step].id != sel.step) continue;
                const int lane = index_of(j.lanes, sel.lane);
                const int row = lane >= 0 ? L.row_of_lane(lane) : -1;
                const layout::Span items = row >= 0 ? L.cell_items(row, static_cast<int>(c)) : layout::Span{};
                if (!items.empty()) return layout::FindMatch{K::item, items.begin};
                return layout::FindMatch{K::step, static_cast<int>(c)};
            }
            return std::nullopt;
        }
        default: return std::nullopt;
    }
}

// A new journey (or another document) starts with nothing selected or being edited.
void forget_journey_state(MapState& st, Id journey) {
    if (st.journey == journey) return;
    st.journey = journey;
    st.sel = {};
    st.editing = {};
    st.drag = {};
    st.find.current = 0;
}

void draw_toolbar(const ViewContext& ctx, const Journey& j, MapState& st, layout::Camera& cam, bool& fit,
                  bool& reveal, const layout::JourneyLayout& lay, std::vector<layout::FindMatch>& matches) {
    ImGui::PushID("map-toolbar");
    if (ImGui::Button("Fit")) fit = true;
    ImGui::SetItemTooltip("Fit the whole map on screen (Ctrl+0)");
    ImGui::SameLine(0, 4);
    if (ImGui::Button("-##zoom out")) cam.zoom = std::max(layout::kMinZoom, cam.zoom / 1.25f);
    ImGui::SetItemTooltip("Zoom out (Ctrl+minus, Ctrl+wheel)");
    ImGui::SameLine(0, 4);
    const std::string pct = std::to_string(static_cast<int>(std::lround(cam.zoom * 100))) + "%##zoom reset";
    if (ImGui::Button(pct.c_str(), ImVec2(56, 0))) cam.zoom = 1;
    {   // its label changes with the zoom: tests find it by what it does
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        expose_rect("Zoom 100%", ItemRect{a.x, a.y, b.x - a.x, b.y - a.y});
    }
    ImGui::SetItemTooltip("Zoom 100%% (Ctrl+1)");
    ImGui::SameLine(0, 4);
    if (ImGui::Button("+##zoom in")) cam.zoom = std::min(layout::kMaxZoom, cam.zoom * 1.25f);
    ImGui::SetItemTooltip("Zoom in (Ctrl+plus, Ctrl+wheel)");

    ImGui::SameLine(0, 16);
    if (ImGui::Button("+ Stage")) {
        Stage stage{new_id(), "New stage", {Step{new_id(), "New step", {}, false}}};
        st.sel = {};
        st.sel.kind = MapSelection::Kind::stage;
        st.sel.id = stage.id;
        st.editing = editing_of(MapEditing::Kind::stage, stage.id, stage.name);
        ctx.emit(edit::add_stage(j.id, std::move(stage)));
    }
    ImGui::SetItemTooltip("Add a stage at the end (drag a stage header to move it)");
    ImGui::SameLine(0, 4);
    if (ImGui::Button("+ Lane")) ImGui::OpenPopup("add-lane");
    map::draw_add_lane_popup(ctx, j);

    ImGui::SameLine(0, 16);
    if (!st.find.open) {
        if (ImGui::Button("Find")) {
            st.find.open = true;
            st.find.focus = true;
        }
        ImGui::SetItemTooltip("Find on this map (Ctrl+F)");
    } else {
        if (st.find.focus) {
            // Activation by id: SetKeyboardFocusHere's tabbing request misses when the keys were
            // pressed with the map (another window) focused.
            ImGui::ActivateItemByID(ImGui::GetID("##Find in map"));
            GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
            st.find.focus = false;
            ctx.redraw(3);
        }
        ImGui::SetNextItemWidth(220);
        const bool enter = ImGui::InputTextWithHint("##Find in map", "Find cards, steps, lanes", &st.find.query,
                                                    ImGuiInputTextFlags_EnterReturnsTrue);
        if (ImGui::IsItemEdited()) {
            st.find.current = 0;
            reveal = true;
        }
        // Esc ends the field's editing in the same frame: ask whether it was active then.
        const bool escape = (ImGui::IsItemActive() || ImGui::IsItemDeactivated()) && ImGui::IsKeyPressed(ImGuiKey_Escape);
        matches = layout::find_in_map(ctx.ws, j, lay, st.find.query);   // once per frame: the map highlights these
        const int n = static_cast<int>(matches.size());
        if (enter && n > 0) {
            st.find.current = (st.find.current + (ImGui::GetIO().KeyShift ? n - 1 : 1)) % n;
            st.find.focus = true;   // keep typing / pressing Enter
            reveal = true;
        }
        ImGui::SameLine(0, 6);
        ImGui::AlignTextToFramePadding();
        if (st.find.query.empty()) ImGui::TextDisabled("Enter: next");
        else if (n == 0) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kError), "No match");
        else ImGui::Text("%d of %d", std::min(st.find.current, n - 1) + 1, n);
        ImGui::SameLine(0, 6);
        if (ImGui::SmallButton("Close##find") || escape) {
            st.find.open = false;
            st.find.query.clear();
        }
    }
    ImGui::SameLine(0, 16);
    ImGui::Checkbox("Details", &st.details);
    ImGui::PopID();
}

}  // namespace

void draw_journey_view(const ViewContext& ctx) {
    const Journey* journey = find_by_id(ctx.ws.journeys, ctx.ui.place.id);
    if (!journey) {
        ImGui::TextWrapped("This journey no longer exists in the workspace.");
        if (ImGui::Button("Back to the framework")) ctx.go("framework");
        return;
    }
    const Journey& j = *journey;
    MapState& st = ctx.ui.map;
    forget_journey_state(st, j.id);
    draw_journey_header(ctx, j);
    draw_insight_palette(ctx);   // drag sources for linking insights to steps

    const layout::JourneyLayout& lay = ctx.derived.journey_layout(j, ctx.fonts);
    auto cam_it = st.cameras.find(j.id);
    layout::Camera cam = cam_it != st.cameras.end() ? cam_it->second : layout::Camera{};
    const bool first_show = cam_it == st.cameras.end();
    bool fit = false;
    bool reveal = false;
    std::vector<layout::FindMatch> matches;
    draw_toolbar(ctx, j, st, cam, fit, reveal, lay, matches);

    if (j.stages.empty()) {
        map::draw_template_choice(ctx, j);
        return;
    }
    // No lanes yet: their choice comes first, the stages show (and are edited) below it.
    if (j.lanes.empty()) map::draw_template_choice(ctx, j);

    const bool show_details = st.details && st.sel.kind != MapSelection::Kind::none;
    const float details_w = show_details ? std::min(360.0f, ImGui::GetContentRegionAvail().x * 0.35f) : 0;
    // Where the header leaves the map less than 60 % of the view's height, the view scrolls down to
    // it (a wheel over the header scrolls the view; over the map it pans the map).
    const ImVec2 avail(ImGui::GetContentRegionAvail().x, panel_height());
    ImGui::BeginChild("map", ImVec2(avail.x - details_w - (show_details ? 8 : 0), avail.y), ImGuiChildFlags_Border,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMove);
    {
        const ImVec2 wmin = ImGui::GetWindowPos();
        const ImVec2 wsize = ImGui::GetWindowSize();
        const Id lens = find_by_id(ctx.ws.personas, ctx.ui.personas.lens) ? ctx.ui.personas.lens : Id{};
        Frame f{.ctx = ctx, .j = j, .lay = lay, .st = st, .cam = cam, .canvas_min = ImVec2(wmin.x + 1, wmin.y + 1),
                .canvas_max = ImVec2(wmin.x + wsize.x - 1, wmin.y + wsize.y - 1)};
        f.lens = lens;
        // Headers and labels scale with the map but never below their own size (so hscale is 1 at
        // every zoom a map opens at, and the fit below does not depend on it).
        const auto size_headers = [&f, &lay](float zoom) {
            f.hscale = type::label_scale(zoom);
            f.label_w = lay.metrics.label_width * f.hscale;
            f.stage_h = lay.metrics.stage_header * f.hscale;
            f.header_h = lay.header_height() * f.hscale;
            f.body_min = ImVec2(f.canvas_min.x + f.label_w, f.canvas_min.y + f.header_h);
        };
        size_headers(cam.zoom);
        const ImU32 canvas = color::kCanvas;
        f.dark = ((canvas >> IM_COL32_R_SHIFT & 0xFF) + (canvas >> IM_COL32_G_SHIFT & 0xFF) + (canvas >> IM_COL32_B_SHIFT & 0xFF)) < 3 * 128;
        if (fit) f.cam = layout::fit_camera(lay, f.view_w(), f.view_h());
        // A map opens at the top-left, whole if it fits at a readable zoom, else at the readable zoom
        // (ui/kit/type_scale.hpp: card text then stays at or above the minimum size).
        if (first_show) f.cam = layout::Camera{0, 0, type::default_zoom(layout::fit_camera(lay, f.view_w(), f.view_h()).zoom)};
        if (st.reveal_selection) {
            st.reveal_selection = false;
            if (auto place = selection_place(j, lay, st.sel)) map::reveal_match(f, *place);
        }
        if (st.find.open && !st.find.query.empty()) {
            f.matches = std::move(matches);
            if (!f.matches.empty()) {
                st.find.current = std::min(st.find.current, static_cast<int>(f.matches.size()) - 1);
                // Follow the current match when it changed (Enter) or the query was typed.
                if (reveal) map::reveal_match(f, f.matches[st.find.current]);
            }
        }
        const float zoom_before = f.cam.zoom;
        map::handle_map_input(f);
        if (f.cam.zoom != zoom_before) {
            // The headers grew or shrank with the zoom: the map stays under the pointer all the same.
            const ImVec2 was = f.body_min;
            size_headers(f.cam.zoom);
            f.cam = layout::follow_origin(f.cam, f.body_min.x - was.x, f.body_min.y - was.y);
        }
        f.cam = layout::clamp_camera(f.cam, lay, f.view_w(), f.view_h());
        // Drawn with the body's origin on a whole pixel (ui/kit/tiles); input keeps the exact camera.
        const layout::Camera exact = f.cam;
        const ImVec2 on_pixels = camera_on_pixels(ImVec2(f.cam.x, f.cam.y), f.cam.zoom, f.body_min);
        f.cam.x = on_pixels.x;
        f.cam.y = on_pixels.y;
        const layout::Camera drawn = f.cam;
        map::draw_map(f);
        map::draw_in_place_editor(f);
        map::draw_context_menus(f);
        if (f.cam == drawn) f.cam = exact;
        cam = f.cam;
    }
    ImGui::EndChild();
    st.cameras[j.id] = cam;
    if (show_details) {
        ImGui::SameLine(0, 8);
        ImGui::BeginChild("map-details", ImVec2(details_w, avail.y), ImGuiChildFlags_Border);
        map::draw_details_panel(ctx, j, st);
        ImGui::EndChild();
    }
}

}  // namespace wm::ui
