// The framework view: the whole journey framework as one grid (DESIGN.md §1 jobs 1, 6, 7). The
// header says how much of the lifecycle is mapped and holds the coverage filters; the toolbar zooms,
// fits and folds; the grid below is drawn by framework/canvas.cpp from the pure layout in
// src/layout/framework_layout, and framework/input.cpp turns gestures into commands.
#include "ui/framework/view.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "framework/framework.hpp"
#include "ui/framework/internal.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/derived.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/framework/new_journey.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/tiles.hpp"
#include "ui/kit/widgets.hpp"
#include "imgui.h"

namespace wm::ui {
namespace {

struct FilterInfo {
    layout::Coverage filter;
    const char* label;      // on the button (and, lower-cased, for window.waymark.rect: "filter <label>")
    const char* hint;
};
constexpr FilterInfo kFilters[] = {
    {layout::Coverage::unmapped, "Gaps", "Journeys with steps that no child journey details yet (listed in the tiles, with + child), and lifecycle stages nothing hangs from"},
    {layout::Coverage::no_evidence, "No evidence", "Journeys without an observed or validated insight on any step"},
    {layout::Coverage::no_persona, "No persona", "Journeys that name no persona"},
    {layout::Coverage::no_kpi, "No KPI", "Journeys without a KPI on the journey, a stage or a step"},
    {layout::Coverage::no_to_be, "No to-be", "Current journeys that have no to-be redesign yet"},
};

layout::FrameworkOptions options_of(const FrameworkState& st) { return framework_options(st); }

void draw_header(const ViewContext& ctx, FrameworkState& st) {
    const Workspace& ws = ctx.ws;
    const CoverageFigures& cov = ctx.derived.coverage();
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(ws.name.c_str());
    ImGui::PopFont();
    wrapped_textf(color::kMuted, "%s \xC2\xB7 %zu of %zu lifecycle stages mapped \xC2\xB7 %zu of %zu macro-journey steps mapped",
                  count_of(static_cast<long long>(ws.journeys.size()), "journey").c_str(), cov.lifecycle_mapped, cov.lifecycle_stages,
                  cov.macro_mapped, cov.macro_steps);

    // The filters follow the button on its line, each going to the next line where it would pass the
    // window's edge (a large text size, a narrow window).
    draw_new_journey_button(ctx);
    same_line_if_fits(ImGui::CalcTextSize("Show:").x, 18);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "Show:");
    for (const FilterInfo& info : kFilters) {
        const int count = cov.filter_counts[static_cast<std::size_t>(info.filter)];
        bool& on = st.filters[static_cast<std::size_t>(info.filter)];
        const std::string label = std::string(info.label) + " " + std::to_string(count) + "##filter-" + info.label;
        same_line_if_fits(button_width(label.c_str()));
        // A filter switched on: ink on the warning wash, hovered or not (ui/kit/palette.hpp kTextPairs),
        // outlined in the warning colour (it was white on amber, and white on the hover wash).
        if (on) {
            const ImU32 hovered = color::mix(color::kWarnBg, color::kWarn, kFilterHoverWash);
            ImGui::PushStyleColor(ImGuiCol_Button, color::kWarnBg);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hovered);
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, hovered);
            ImGui::PushStyleColor(ImGuiCol_Border, color::kWarn);
        }
        const bool clicked = ImGui::Button(label.c_str());
        if (on) ImGui::PopStyleColor(4);
        expose_rect(std::string("filter ") + info.label,
                    ItemRect{ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y});
        ImGui::SetItemTooltip("%s", info.hint);
        if (clicked) on = !on;
    }
}

// The zoom is written in a slot of fixed width once the frame's camera is known: the first frame
// fits the grid to the room below the toolbar, and a zoom by wheel or keys moves the camera after the
// toolbar is drawn. Written with the toolbar it showed the last frame's zoom, and the frame after
// changed it, moving the buttons beside it and drawing the whole body of the window again (it shares
// their draw command): on software GL ~45 ms of GPU time in the second frame after start.
struct ZoomSlot {
    ImDrawList* list = nullptr;
    ImVec2 at;
    ImFont* font = nullptr;
    float size = 0;
    void write(float zoom) const {
        if (!list) return;
        char text[16];
        std::snprintf(text, sizeof text, "%d%%", static_cast<int>(std::lround(zoom * 100)));
        list->AddText(font, size, at, ImGui::GetColorU32(ImGuiCol_Text), text);
    }
};

void draw_toolbar(const ViewContext& ctx, FrameworkState& st, bool& fit, ZoomSlot& zoom) {
    if (ImGui::Button("Fit##framework")) fit = true;
    ImGui::SameLine();
    if (ImGui::Button("100%##framework")) st.cam.zoom = 1;
    ImGui::SameLine();
    if (ImGui::Button("-##framework-zoom")) st.cam = layout::zoom_camera(st.cam, st.cam.zoom / 1.25f, 0, 0);
    ImGui::SameLine();
    if (ImGui::Button("+##framework-zoom")) st.cam = layout::zoom_camera(st.cam, st.cam.zoom * 1.25f, 0, 0);
    ImGui::SameLine();
    zoom.list = ImGui::GetWindowDrawList();
    zoom.at = ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + ImGui::GetStyle().FramePadding.y);
    zoom.font = ImGui::GetFont();
    zoom.size = ImGui::GetFontSize();
    ImGui::Dummy(ImVec2(ImGui::CalcTextSize("250%").x, ImGui::GetFrameHeight()));   // layout::kMaxZoom
    ImGui::SameLine(0, 18);
    if (ImGui::Button("Fold all##framework")) {
        st.collapsed.clear();
        for (const layout::FwTile& t : ctx.derived.framework(options_of(st)).layout.tiles)
            if (t.has_children) st.collapsed.push_back(t.journey);
    }
    ImGui::SetItemTooltip("Fold every journey's children away (the level rows stay)");
    ImGui::SameLine();
    if (ImGui::Button("Unfold all##framework")) {
        st.collapsed.clear();
        st.collapsed_levels.clear();
    }
    // The hint beside the buttons, or under them where the window is too narrow (a large text size).
    const char* hint = "Click a tile to open it \xC2\xB7 drag it onto another journey or stage to move it";
    same_line_if_fits(ImGui::CalcTextSize(hint).x, 18);
    wrapped_text(hint, color::kMuted);
}

}  // namespace

void draw_framework_view(const ViewContext& ctx) {
    FrameworkState& st = ctx.ui.framework;
    draw_header(ctx, st);
    if (ctx.derived.framework(options_of(st)).layout.lifecycle.is_nil()) {
        ImGui::Spacing();
        fw::draw_framework_empty_state(ctx, st, false);
        return;
    }
    // Only lifecycles so far: say how to go on (framework/stages.cpp).
    if (std::none_of(ctx.ws.journeys.begin(), ctx.ws.journeys.end(), [](const Journey& j) { return j.level > 0; }))
        fw::draw_framework_empty_state(ctx, st, true);
    bool fit = false;
    ZoomSlot zoom;
    draw_toolbar(ctx, st, fit, zoom);
    const FrameworkGrid& grid = ctx.derived.framework(options_of(st));   // the toolbar may have folded or unfolded
    const layout::FrameworkLayout& lay = grid.layout;

    // A selected lifecycle stage shows its details beside the grid.
    fw::handle_stage_keys(ctx, st);
    const bool details = !st.stage_selected.is_nil() && [&] {
        for (const layout::FwColumn& c : lay.columns)
            if (c.stage == st.stage_selected) return true;
        return false;
    }();
    const ImVec2 full = ImGui::GetContentRegionAvail();
    const float details_w = details ? std::min(340.0f, full.x * 0.35f) : 0;
    // Where the toolbar leaves the grid less than 60 % of the view's height, the view scrolls down to it.
    const ImVec2 avail(full.x - details_w - (details ? 8 : 0), panel_height());
    ImGui::BeginChild("framework-grid", avail, ImGuiChildFlags_Border,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMove);
    const ImVec2 wmin = ImGui::GetWindowPos(), wsize = ImGui::GetWindowSize();
    fw::Frame f{.ctx = ctx, .st = st, .lay = lay, .tile_journey = grid.tile_journey, .all_facts = ctx.derived.journey_facts(), .cam = st.cam, .canvas_min = ImVec2(wmin.x + 1, wmin.y + 1),
                .canvas_max = ImVec2(wmin.x + wsize.x - 1, wmin.y + wsize.y - 1)};
    const auto size_headers = [&f, &lay](float zoom) {
        f.hscale = std::min(type::label_scale(zoom), 1.2f);  // headers never shrink below their size
        f.label_w = fw::level_column_width(f);
        f.header_h = lay.metrics.stage_header * f.hscale;
        f.body_min = ImVec2(f.canvas_min.x + f.label_w, f.canvas_min.y + f.header_h);
    };
    size_headers(f.cam.zoom);
    f.levels = static_cast<int>(ctx.ws.settings.level_names.size());
    f.any_filter = std::any_of(st.filters.begin(), st.filters.end(), [](bool b) { return b; });
    const float width = lay.width + fw::kAddStageWidth;   // the "+ Stage" cell ends the header row
    if (fit) f.cam = layout::fit_camera(width, lay.height, f.view_w(), f.view_h());
    if (!st.cam_set) {
        // Whole if it fits at a readable zoom, else at the readable zoom (ui/kit/type_scale.hpp).
        f.cam = layout::Camera{0, 0, type::default_zoom(layout::fit_camera(width, lay.height, f.view_w(), f.view_h()).zoom)};
        st.cam_set = true;
    }
    const float zoom_before = f.cam.zoom;
    fw::handle_framework_input(f);
    if (f.cam.zoom != zoom_before) {
        // The headers grew or shrank with the zoom: the grid stays under the pointer all the same.
        const ImVec2 was = f.body_min;
        size_headers(f.cam.zoom);
        f.cam = layout::follow_origin(f.cam, f.body_min.x - was.x, f.body_min.y - was.y);
    }
    if (st.reveal_focus) {
        // The mirror's focus moved: its tile (or stage column) comes on screen, panned as little as can be.
        st.reveal_focus = false;
        const int tile = lay.tile_of(st.focus);
        layout::Rect r{};
        bool found = tile >= 0, column = false;
        if (found) r = lay.tiles[static_cast<std::size_t>(tile)].rect;
        for (const layout::FwColumn& c : lay.columns)
            if (!found && !c.stage.is_nil() && c.stage == st.focus) r = layout::Rect{c.x, 0, c.w, 0}, found = column = true;
        if (found) {
            const float vw = f.view_w() / f.cam.zoom, vh = f.view_h() / f.cam.zoom, m = 16 / f.cam.zoom;
            if (r.x < f.cam.x + m || r.w > vw) f.cam.x = r.x - m;
            else if (r.x + r.w > f.cam.x + vw - m) f.cam.x = r.x + r.w - vw + m;
            if (column) {
                // A stage's header is always on screen: only sideways.
            } else if (r.y < f.cam.y + m || r.h > vh) f.cam.y = r.y - m;
            else if (r.y + r.h > f.cam.y + vh - m) f.cam.y = r.y + r.h - vh + m;
        }
    }
    f.cam = layout::clamp_camera(f.cam, width, lay.height, f.view_w(), f.view_h());
    // Drawn with the body's origin on a whole pixel (ui/kit/tiles); input keeps the exact camera.
    const layout::Camera exact = f.cam;
    const ImVec2 on_pixels = camera_on_pixels(ImVec2(f.cam.x, f.cam.y), f.cam.zoom, f.body_min);
    f.cam.x = on_pixels.x;
    f.cam.y = on_pixels.y;
    const layout::Camera drawn = f.cam;
    fw::draw_framework(f);
    zoom.write(drawn.zoom);
    fw::draw_stage_editor(f);
    if (f.cam == drawn) f.cam = exact;
    f.cam = layout::clamp_camera(f.cam, width, lay.height, f.view_w(), f.view_h());
    st.cam = f.cam;
    fw::draw_anchor_popup(ctx, st);
    fw::draw_stage_popups(ctx, st);
    ImGui::EndChild();
    if (details) {
        ImGui::SameLine(0, 8);
        ImGui::BeginChild("framework-stage", ImVec2(details_w, avail.y), ImGuiChildFlags_Border);
        fw::draw_stage_details(ctx, st);
        ImGui::EndChild();
    }
}

layout::FrameworkOptions framework_options(const FrameworkState& st) {
    layout::FrameworkOptions options;
    options.collapsed = st.collapsed;
    options.collapsed_levels = st.collapsed_levels;
    options.list_unmapped_steps = st.filters[static_cast<std::size_t>(layout::Coverage::unmapped)];
    return options;
}

}  // namespace wm::ui
