// Shared by the framework view's files (internal to src/ui):
//   framework/view.cpp     the view: header, coverage filters, toolbar, cache, the canvas, the anchor popup
//   framework/canvas.cpp   drawing: cells, group headings, tiles, sticky stage headers and level labels
//   framework/input.cpp    pan / zoom / collapse, opening a tile, dragging a tile onto a new parent
//   framework/stages.cpp   the lifecycle's stages edited from their headers; the empty states
// Geometry comes from src/layout/framework_layout (pure); these files draw it and turn input into commands.
#pragma once

#include <optional>
#include <string>

#include "edit/command.hpp"
#include "imgui.h"
#include "layout/framework_layout.hpp"
#include "ui/kit/derived.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/framework/state.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui::fw {

// Below this zoom a tile shows only its title (semantic zoom).
inline constexpr float kDetailZoom = 0.55f;
// The "+ Stage" cell after the last column of the stage header row (body units).
inline constexpr float kAddStageWidth = 132;

struct Frame {
    const ViewContext& ctx;
    FrameworkState& st;
    const layout::FrameworkLayout& lay;
    const std::vector<std::size_t>& tile_journey;        // per tile: its Workspace::journeys index
    const std::vector<layout::JourneyFacts>& all_facts;  // per Workspace::journeys index
    layout::Camera cam;
    ImVec2 canvas_min, canvas_max;   // the whole grid area on screen
    ImVec2 body_min;                 // screen position of the body viewport's top-left
    float label_w = 0, header_h = 0; // sticky level-label column and stage header band, on screen
    float hscale = 1;                // header text scale
    int levels = 0;                  // configured framework levels
    bool any_filter = false;
    // Set on a frame that paints a tile of the grid's body (ui/kit/tiles): its coordinates are the
    // tile's, `screen` is the view's own frame (expose() and the pointer go through it), `tile` the
    // part of the body (grid units) the tile shows.
    const Frame* screen = nullptr;
    layout::Rect tile;

    [[nodiscard]] float view_w() const { return canvas_max.x - body_min.x; }
    [[nodiscard]] float view_h() const { return canvas_max.y - body_min.y; }
    [[nodiscard]] ImVec2 to_screen(float bx, float by) const {
        return ImVec2(body_min.x + (bx - cam.x) * cam.zoom, body_min.y + (by - cam.y) * cam.zoom);
    }
    [[nodiscard]] float bx(float screen_x) const { return (screen_x - body_min.x) / cam.zoom + cam.x; }
    [[nodiscard]] float by(float screen_y) const { return (screen_y - body_min.y) / cam.zoom + cam.y; }
    // The part of the body drawn (grid units): the viewport, or the tile being painted.
    [[nodiscard]] layout::Rect view() const {
        return screen ? tile : layout::Rect{cam.x, cam.y, view_w() / cam.zoom, view_h() / cam.zoom};
    }
    // A rectangle of this frame's coordinates on the screen.
    [[nodiscard]] ImVec2 on_screen(ImVec2 p) const { return screen ? screen->to_screen(bx(p.x), by(p.y)) : p; }
    [[nodiscard]] const Journey& journey(int tile) const { return ctx.ws.journeys[tile_journey[static_cast<std::size_t>(tile)]]; }
    [[nodiscard]] const layout::JourneyFacts& facts(int tile) const { return all_facts[tile_journey[static_cast<std::size_t>(tile)]]; }
    // True when a coverage filter is on and the tile matches one of those switched on.
    [[nodiscard]] bool flagged(int tile) const;
};

// Parts of a tile that take a click of their own (screen rectangles), for drawing and input alike.
struct TileParts {
    ImVec2 min, max;
    ImVec2 chevron_min, chevron_max;      // collapse / expand children (only when it has children)
    float unmapped_top = 0, unmapped_line = 0;   // the listed unmapped steps, one line each
};
TileParts tile_parts(const Frame& f, int tile);

// [SECTION] framework/canvas.cpp
void draw_framework(Frame& f);
void expose(const Frame& f, const std::string& label, ImVec2 min, ImVec2 max);   // clipped to the canvas
// A level's label in the sticky column ("L1 Macro journeys"), and the column's width on screen:
// room for the longest label at the header's scale, from the layout's width up to 1.6 times it.
std::string level_title(const layout::FwRow& row);
float level_column_width(const Frame& f);

// [SECTION] framework/input.cpp
void handle_framework_input(Frame& f);
// The grid rests under the pointer now (FrameworkState::rest, ImGui's clock): hover feedback is shown only then.
bool resting(const FrameworkState& st);
void draw_anchor_popup(const ViewContext& ctx, FrameworkState& st);
[[nodiscard]] bool collapsed(const FrameworkState& st, Id journey);
// The parent the journey is placed under in the grid (its first link), nil when it hangs nowhere.
[[nodiscard]] Id placed_parent(const Workspace& ws, Id child);
// The model's verdict on hanging `child` under `link` (moving it from its current parent, if any),
// and the command that does it. Dragging a tile and the mirror's Move (framework/mirror.cpp) share them.
[[nodiscard]] std::optional<std::string> check_move(const Workspace& ws, Id child, const JourneyLink& link);
[[nodiscard]] edit::Command move_command(const Workspace& ws, Id child, const JourneyLink& link);

// [SECTION] framework/stages.cpp
// A press (right: the right button) in the stage header band; false when it was not there.
bool handle_stage_press(Frame& f, ImVec2 mouse, bool right);
void handle_stage_keys(const ViewContext& ctx, FrameworkState& st);   // F2, Delete, Esc on a selected stage
void draw_stage_marks(Frame& f, ImDrawList* dl);                      // selection, hover, "+ Stage"
void draw_stage_editor(Frame& f);                                     // the in-place rename field
void draw_stage_popups(const ViewContext& ctx, FrameworkState& st);   // context menu, delete confirmation
bool draw_stage_details(const ViewContext& ctx, FrameworkState& st);  // false: no stage selected
// A "New stage" at `index` of the lifecycle (made if there is none), its name then typed in place.
void add_lifecycle_stage(const ViewContext& ctx, FrameworkState& st, std::size_t index);
// First-run guidance: no lifecycle grid yet (has_grid false), or a lifecycle and no journey.
void draw_framework_empty_state(const ViewContext& ctx, FrameworkState& st, bool has_grid);
void toggle_collapsed(FrameworkState& st, Id journey);
void toggle_level(FrameworkState& st, int level);

}  // namespace wm::ui::fw
