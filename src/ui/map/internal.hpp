// Shared by the journey map's files (internal to src/ui):
//   map/view.cpp   the view: header, toolbar, find bar, the map and the details panel side by side
//   map/canvas.cpp     drawing: cells, items, emotion curves, sticky headers and labels (culled)
//   map/input.cpp      mouse gestures and keyboard
//   map/edit.cpp       in-place editing, clipboard, delete, and lookups the two share
//   map/panels.cpp     details panel, context menus, the lane / template pickers
//   map/mirror.cpp     the map for screen readers: the page's DOM mirror (mirror.hpp)
// Geometry comes from src/layout (pure); these files only draw it and turn input into commands.
#pragma once

#include <string>
#include <memory>
#include <utility>
#include <vector>

#include "edit/command.hpp"
#include "imgui.h"
#include "layout/journey_layout.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/map/state.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui::map {

// Everything one frame of the map needs, computed once in map/view.cpp.
struct Frame {
    const ViewContext& ctx;
    const Journey& j;
    const layout::JourneyLayout& lay;
    MapState& st;
    layout::Camera cam;
    ImVec2 canvas_min, canvas_max;    // the whole map area on screen
    ImVec2 body_min;                  // screen position of the body viewport's top-left
    float label_w = 0;                // sticky lane-label column width on screen
    float header_h = 0;               // sticky header band height on screen
    float stage_h = 0;                // of which the stage row
    float hscale = 1;                 // scale of header and label text (never below readable)
    Id lens;                          // the persona lens (nil: everyone)
    std::vector<layout::FindMatch> matches;
    bool dark = false;
    // Set on a frame that paints a tile of the body (ui/kit/tiles): its coordinates are the tile's,
    // `screen` is the map's own frame. expose() and the pointer go through it.
    const Frame* screen = nullptr;
    mutable float hover_d2 = 1e30f;   // the nearest emotion point to the pointer so far this frame (squared)
    // Each emotion row's curves, made once a frame (canvas.cpp) and drawn by every tile that shows them.
    mutable std::vector<std::pair<int, std::shared_ptr<const struct EmotionCurves>>> emotion_curves;

    [[nodiscard]] float view_w() const { return canvas_max.x - body_min.x; }
    [[nodiscard]] float view_h() const { return canvas_max.y - body_min.y; }
    // Body (map units) ↔ screen.
    [[nodiscard]] ImVec2 to_screen(float bx, float by) const {
        return ImVec2(body_min.x + (bx - cam.x) * cam.zoom, body_min.y + (by - cam.y) * cam.zoom);
    }
    [[nodiscard]] float sx(float bx) const { return body_min.x + (bx - cam.x) * cam.zoom; }
    [[nodiscard]] float sy(float by) const { return body_min.y + (by - cam.y) * cam.zoom; }
    [[nodiscard]] float bx(float screen_x) const { return (screen_x - body_min.x) / cam.zoom + cam.x; }
    [[nodiscard]] float by(float screen_y) const { return (screen_y - body_min.y) / cam.zoom + cam.y; }
    // The pointer in this frame's coordinates (a tile's, when painting one).
    [[nodiscard]] ImVec2 mouse() const;
    [[nodiscard]] const Frame& on_screen() const { return screen ? *screen : *this; }
    [[nodiscard]] const Step* step_of_column(int column) const;
    [[nodiscard]] const Lane* lane_of_row(int row) const;
    [[nodiscard]] const Card* card_of_item(int item) const;
};

// What the pointer is over, anywhere on the map.
struct Target {
    enum class Zone : std::uint8_t { none, corner, stage, step, label, layer, body } zone = Zone::none;
    int stage = -1;                   // stage zone: index into stages
    int column = -1, row = -1;        // step zone: column; label/layer/body: row (body: column too)
    int item = -1;                    // body: the item under the pointer
};
Target target_at(const Frame& f, ImVec2 screen);

// [SECTION] map/canvas.cpp
void draw_map(Frame& f);
// Registers a rectangle for window.waymark.rect(label), clipped to the map (tests click it).
void expose(const Frame& f, const std::string& label, ImVec2 min, ImVec2 max);
ImU32 tint(std::uint32_t rgb, float amount, bool dark);   // a lane colour washed towards the paper
// The marker on a step header whose step has a child journey (a click on it opens that journey):
// the child and the marker's screen rectangle, or nullptr when the step has none.
const Journey* child_marker(const Frame& f, int column, ImVec2& min, ImVec2& max);
bool card_in_lens(const Card& card, Id lens);

// [SECTION] map/input.cpp
void handle_map_input(Frame& f);
void start_new_card(MapState& st, Id lane, Id step);
void select_cards(MapState& st, const Journey& j, std::vector<Id> cards);
void reveal_match(Frame& f, const layout::FindMatch& m);
[[nodiscard]] Id emotion_persona(const Frame& f);

// [SECTION] map/edit.cpp
void draw_in_place_editor(Frame& f);
void start_edit(MapState& st, MapEditing::Kind kind, Id id, std::string text);
void start_rename_layer(MapState& st, const std::string& layer);
void commit_editing(const Frame& f);       // the typed text as one command; editing ends
void copy_selection(const Frame& f, bool cut);
void paste_at_cursor(const Frame& f, const std::string& text);
void delete_selection(const Frame& f);
// Lookups by id in map order; -1 when absent or not shown.
[[nodiscard]] int lane_index(const Journey& j, Id lane);
[[nodiscard]] std::vector<const Step*> steps_in_order(const Journey& j);
[[nodiscard]] int step_order(const Journey& j, Id step);
[[nodiscard]] int column_of_step_id(const Frame& f, Id step);
[[nodiscard]] int row_of_lane_id(const Frame& f, Id lane);
[[nodiscard]] bool takes_cards(const Lane& lane);
// The cell cursor made valid (the first lane row and step column when it points nowhere).
[[nodiscard]] bool cursor(const Frame& f, int& row, int& col);
void emotion_key(const Frame& f, const Lane& lane, const Step& step, int delta, bool clear);
void say(const Frame& f, std::string text, bool error);  // the message line, after the queued commands

// [SECTION] map/panels.cpp
void draw_details_panel(const ViewContext& ctx, const Journey& j, MapState& st);
void draw_context_menus(Frame& f);
void open_context_menu(Frame& f, const Target& t);
void draw_add_lane_popup(const ViewContext& ctx, const Journey& j);
void draw_template_choice(const ViewContext& ctx, const Journey& j);   // empty map: pick lanes
edit::Command add_template_lanes(const Journey& j, int template_index);
std::string step_label(const Journey& j, Id step);    // "Stage › Step" for messages
// "New opportunity from this card/pain": linked to the card's step, personas and insights, a pain's
// severity as its pain-relief score; the card links it; the backlog opens on it.
void opportunity_from_card(const ViewContext& ctx, const Journey& j, const Card& card);

}  // namespace wm::ui::map
