// Per-document view state of the journey map (UiState::map): the camera of each journey, what is
// selected, the text being edited in place, the gesture in progress, the find bar. None of it is saved with the document or undoable (STYLE.md "Three kinds of state"): where
// one looks and what one has selected is not part of the workspace.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "layout/curve_runs.hpp"
#include "layout/journey_layout.hpp"
#include "model/model.hpp"
#include "ui/kit/pan_rest.hpp"

namespace wm::ui {

class TiledSurface;

// What a click chose. Cards can be many (Ctrl/Shift+click, Ctrl+A); a header is one thing.
struct MapSelection {
    enum class Kind : std::uint8_t { none, cards, cell, step, stage, lane, layer };
    Kind kind = Kind::none;
    std::vector<Id> cards;       // kind == cards
    Id id;                       // step, stage or lane (kind == step/stage/lane)
    std::string layer;           // kind == layer
    // The cell cursor (keyboard moves, Enter adds, paste target). Kept while cards are selected: it
    // follows the last clicked card.
    Id lane, step;
};

// Text being edited in place over the map.
struct MapEditing {
    enum class Kind : std::uint8_t { none, card, new_card, step, stage, lane, layer };
    Kind kind = Kind::none;
    Id id;                       // card, step, stage or lane
    Id lane, step;               // new_card: the cell
    std::string layer;           // layer: the old name
    std::string buffer;
    bool focus = false;          // give the field keyboard focus on its first frame
    bool cancelled = false;
    int focus_tries = 0;         // frames the field has been asked to take focus
    int waited = 0;              // frames the target has not been laid out yet (just created)
};

// Starts editing `id`'s name or text in place, the field focused.
inline MapEditing editing_of(MapEditing::Kind kind, Id id, std::string text) {
    MapEditing e;
    e.kind = kind;
    e.id = id;
    e.buffer = std::move(text);
    e.focus = true;
    return e;
}

// A mouse gesture. `pending` turns into one of the drags once the pointer moves past the threshold;
// released before, it was a click.
struct MapDrag {
    enum class Kind : std::uint8_t { none, pending, pan, cards, step, stage, lane, emotion, select_box };
    Kind kind = Kind::none;
    Kind on_move = Kind::none;   // pending: what moving turns it into
    float press_x = 0, press_y = 0;    // screen
    float grab_x = 0, grab_y = 0;      // pan: the body point under the pointer at the press, kept under it
    Id id;                             // the card (anchor of a card drag), step, stage or lane
    Id lane, step, persona;            // emotion: the point being dragged
    int score = 0;                     // emotion: the score under the pointer
    MapSelection before;               // the selection before the press: a cancelled gesture puts it back
};

// What a right-click opened the context menu on (map/panels.cpp draws it).
struct MapMenu {
    enum class Kind : std::uint8_t { none, card, cell, step, stage, lane, layer };
    Kind kind = Kind::none;
    Id id;                       // card, step, stage or lane
    Id lane, step;               // the cell (card and cell menus)
    std::string layer;
};

struct MapFind {
    bool open = false;
    bool focus = false;
    std::string query;
    int current = 0;             // index into the matches
};

struct MapState {
    std::unordered_map<Id, layout::Camera> cameras;   // per journey; absent: fit on first show
    Id journey;                  // the journey selection/editing/drag belong to
    MapSelection sel;
    MapEditing editing;
    MapDrag drag;
    MapFind find;
    MapMenu menu;
    bool details = true;         // the details panel is shown when something is selected
    bool reveal_selection = false;   // bring the selection on screen once (a selection made elsewhere: the merge report's "Show")
    std::string new_channel;     // the "New channel" popup's name field
    bool new_channel_owned = true;
    Id emotion_persona;          // whose emotion points new clicks set (nil: everyone); the lens wins
    std::shared_ptr<TiledSurface> body_tiles;   // the body's cached tiles (ui/kit/tiles; made on first draw)
    std::string hover_tip;       // the tooltip of the emotion point under the pointer this frame ("Anna · Pay · −2")
    PanRest rest;                // hover tooltips wait while the map is panned under the pointer (ui/kit/pan_rest)
    PanRest zoom_rest;           // a zoom gesture (Ctrl+wheel, pinch) under way: the body's tiles are shown scaled (ui/kit/tiles)
    layout::CurveCache curves;   // emotion curves smoothed and dashed, kept across frames (keyed by their points, zoom, dash)
    // The last copy: the system clipboard gets the cards as tab-separated text (for spreadsheets);
    // pasting that same text back restores the cards with their severity, personas, channel.
    std::string copied_text;
    std::vector<Card> copied_cards;
    std::size_t copied_lane = 0, copied_step = 0;  // top-left of the copied block
    // Edit › Cut, Copy, Paste, Delete, Select all: chosen in the shell's menu, done by the map on its
    // next frame exactly as the keys do (map/input.cpp run_edit_command).
    enum class EditCommand : std::uint8_t { none, cut, copy, paste, remove, select_all };
    EditCommand from_menu = EditCommand::none;
    // In a team session: what the others have selected, outlined in their colour on this map when
    // they are on the same journey (set by the live session from presence; ui/shell/live.cpp).
    struct PeerSelection {
        std::string name;
        std::uint32_t colour = 0;    // ImU32
        Id journey;
        std::vector<Id> ids;         // cards, or the one step, stage or lane
    };
    std::vector<PeerSelection> peers;
};

}  // namespace wm::ui
