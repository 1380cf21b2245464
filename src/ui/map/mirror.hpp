// The journey map for screen readers (issue 19): what the page's hidden DOM mirror (web/mirror.js)
// shows of the map open on the canvas, built from the model and the map's layout — the same rows,
// columns and items the canvas draws — not from ImGui's widgets. The shell sends it only when the
// document, the view or the selection changed (App::update_mirror): no work while idle.
//
//   {"view": "journey", "journey": "<id>", "title": "Buying a phone plan",
//    "columns": [{"step": "<id>", "stage": "Choose", "name": "Picks a plan"}],   // step "" for an empty stage
//    "rows": [{"lane": "<id>", "name": "Pains", "layer": "Analysis", "kind": "pain", "collapsed": false,
//              "cells": [[{"id": "<id>", "kind": "card", "text": "…"}], …]}],   // one list per column
//    "cursor": {"lane": "<id>", "step": "<id>"}, "selected": ["<card id>", …]}
// Emotion lanes list each curve's score at the step in words ("Zoë Bakker: −2 (of −3 to +3)").
#pragma once

#include <string>

#include "layout/journey_layout.hpp"
#include "model/model.hpp"
#include "ui/map/state.hpp"

namespace wm::ui {

std::string journey_mirror(const Workspace& ws, const Journey& journey, const layout::JourneyLayout& lay, const MapState& map);

// The mirror's focus reached a cell: it becomes the map's cell cursor (selected and brought on
// screen, as a click on its empty part would), and `activate` (Enter or Space there) does what Enter
// on the canvas does — a new card in a lane that takes cards, typed in the page's real text field.
// Returns why not ("" when done).
std::string mirror_cell(const Workspace& ws, MapState& st, Id journey, Id lane, Id step, bool activate);

}  // namespace wm::ui
