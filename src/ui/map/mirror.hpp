// The journey map for screen readers (issue 19): what the page's hidden DOM mirror (web/mirror.js)
// shows of the map open on the canvas, built from the model and the map's layout — the same rows,
// columns and items the canvas draws — not from ImGui's widgets. The shell sends it only when the
// document, the view or the selection changed (App::update_mirror): no work while idle.
//
//   {"view": "journey", "journey": "<id>", "title": "Buying a phone plan",
//    "columns": [{"step": "<id>", "stage": "Choose", "name": "Picks a plan"}],   // step "" for an empty stage
//    "rows": [{"lane": "<id>", "name": "Pains", "layer": "Analysis", "kind": "pain", "collapsed": false,
//              "cells": [[{"id": "<id>", "kind": "card", "text": "…"}], …]}],   // one list per column
//    "cursor": {"lane": "<id>", "step": "<id>"}, "selected": ["<card id>", …],
//    "selectedCells": [["<lane id>", "<step id>"], …], "editing": false}
// Emotion lanes list each curve's score at the step in words ("Zoë Bakker: −2 (of −3 to +3)").
// When the page holds the same map (same journey, title, columns and number of rows), only the rows
// that changed are sent, as "delta": true, "changed": [[<row index>, <row>], …] instead of
// "columns" and "rows" (a move of the selection sends none): a 200 × 30 map is not parsed and
// compared again by the page on each edit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/journey_layout.hpp"
#include "model/model.hpp"
#include "ui/map/state.hpp"

namespace wm::ui {

// A map's description in parts, so that what changed can be told from what the page holds.
struct JourneyMirror {
    std::string head;                 // "view", "journey" and "title" members
    std::string columns;              // the "columns" array
    std::vector<std::string> rows;    // each lane's row object
};
JourneyMirror describe_journey(const Workspace& ws, const Journey& journey, const layout::JourneyLayout& lay);
// The map's selection and editing members (",\"cursor\":…"), from its view state.
std::string journey_selection(const Journey& journey, const MapState& map, bool editing);
// The message: the whole map, or only its changed rows when `before` (what the page holds) allows.
std::string journey_mirror(const JourneyMirror& now, const JourneyMirror* before, std::string_view selection);

// The mirror's focus reached a cell: it becomes the map's cell cursor (selected and brought on
// screen, as a click on its empty part would), and `activate` (Enter or Space there) does what Enter
// on the canvas does — a new card in a lane that takes cards, typed in the page's real text field.
// With `card` (one of the cell's cards, reached inside the cell: F2 in web/mirror.js) that card is
// selected, as a click on it would, and `activate` edits its text (Enter or F2 on a selected card).
// Returns why not ("" when done).
std::string mirror_cell(const Workspace& ws, MapState& st, Id journey, Id lane, Id step, bool activate, Id card = {});

}  // namespace wm::ui
