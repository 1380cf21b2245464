// The framework view's UI state (framework/view.cpp, framework/canvas.cpp): camera, what is
// collapsed, the coverage filters, a tile being dragged, the refusal shown where it was dropped. None
// of it is in the document: collapsing or filtering is not an edit. The grid's layout and the facts
// it shows are derived data (ui/kit/derived.hpp).
#pragma once

#include <memory>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "layout/framework_layout.hpp"
#include "model/model.hpp"
#include "ui/kit/pan_rest.hpp"

namespace wm::ui {

class TiledSurface;

// The "New journey…" popup being filled in (framework/new_journey.cpp).
struct NewJourneyDraft {
    std::string title;
    int level = 1;
    Id parent, stage;                          // where it hangs (nil: not placed yet)
    Id step;                                   // optional: the step of that stage it hangs from
    int template_index = 0;                    // into kLaneTemplates; -1: no lanes
    bool request_open = false;                 // open the popup on the next draw (framework/new_journey.cpp)
    bool from_map = false;                     // asked for from a map's step or stage ("New child journey")
    bool open_after = true;                    // open the new journey once created
};

struct FrameworkState {
    layout::Camera cam;
    bool cam_set = false;                       // false: fit on first show
    std::vector<Id> collapsed;                  // journeys whose descendants are folded away
    std::vector<int> collapsed_levels;
    std::array<bool, layout::kCoverageCount> filters{};   // coverage filters switched on

    // A tile pressed and perhaps being dragged onto a new parent.
    struct Drag {
        Id journey;
        bool pressed = false, active = false;   // active: moved far enough to be a drag
        float start_x = 0, start_y = 0;          // screen
        float grab_x = 0, grab_y = 0;            // pointer offset inside the tile, body units
        bool panning = false;                    // the press was on empty canvas: it pans
        Id probe_parent;                         // the drop target last checked, and what the check said
        int probe_column = -1;
        std::string probe_text;
        bool probe_ok = false;
    } drag;
    // What the last drop said, at the drop point (body units), until the next click.
    struct Note {
        std::string text;
        bool error = false;
        float x = 0, y = 0;
    } note;
    // Dropped on a journey: which of its stages or steps to hang from.
    struct Anchor {
        Id child, parent;
        bool open = false;                       // the popup is to be opened this frame
    } anchor;

    // Whether the grid rests under the pointer or moves (ui/kit/pan_rest): while it moves no card
    // shows that it is hovered and no tooltip chases the pointer, as each highlight would paint a
    // cached tile again.
    PanRest rest;
    PanRest zoom_rest;                           // a zoom gesture (Ctrl+wheel, pinch) under way: tiles shown scaled (ui/kit/tiles)
    std::string tooltip;                         // the hover tooltip's journey this frame (stats())
    std::string tooltip_kpi;                     // the KPI its tile shows, as the tooltip names it

    int visible_tiles = 0;                       // drawn on screen last frame (stats())
    std::shared_ptr<TiledSurface> body_tiles;    // the grid body's cached tiles (ui/kit/tiles; made on first draw)

    // The row the page's DOM mirror has focus on (ui/framework/mirror.hpp): a journey's tile or a
    // lifecycle stage's header, outlined on the canvas and brought on screen once (reveal_focus).
    Id focus;
    bool reveal_focus = false;

    // The lifecycle's stage headers (framework/stages.cpp): the selected one (its details panel),
    // the one being renamed in place, the one a context menu or a delete confirmation is about.
    Id stage_selected;
    struct StageEdit {
        Id stage;                                // nil: nothing being renamed
        std::string buffer;
        bool focus = false;                      // activate the field (until it is active)
        int waited = 0, focus_tries = 0;         // frames waited for a stage just added / for focus
    } stage_edit;
    Id stage_menu;                               // the stage the context menu is open on
    bool open_stage_menu = false;                // open it this frame
    Id stage_delete;                             // asked "Delete stage?" about
    bool open_stage_delete = false;
};

}  // namespace wm::ui
