// The journey framework for screen readers (issue 19): what the page's DOM mirror (web/mirror.js)
// shows of the framework grid — a treegrid built from the grid the canvas draws (the same folding,
// the same placement by first link): each lifecycle stage a top-level row with its journeys' count
// and headline KPI, under it the journeys that hang from it, each journey's children nested under
// it, with its level, status, counts and headline KPI. A journey folded on the canvas is a collapsed
// row. The shell sends it only when it changed (App::update_mirror).
//
//   {"view": "framework", "title": "Journey framework", "tree": {"caption": "…",
//    "columns": ["Journey", "Level", "Status", "Steps detailed", "Insights", "Opportunities", "Headline KPI"],
//    "rows": [{"id": "<stage or journey id>", "kind": "stage" | "journey" | "unplaced",
//              "depth": 1, "expanded": true | false | null, "cells": ["Aware", …]}]},
//    "focus": "<id>"}                     // the row the keyboard is on ("" when none)
#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"
#include "ui/framework/state.hpp"
#include "ui/kit/context.hpp"
#include "ui/kit/derived.hpp"

namespace wm::ui {

std::string framework_mirror(const Workspace& ws, const FrameworkGrid& grid, const Derived& derived, const FrameworkState& st);

// What the mirror's row did: focus reached it (its tile or stage header is outlined and brought on
// screen), it was activated (Enter: a journey opens, as a click on its tile does; a stage shows its
// details), or folded / unfolded (a journey's children, as its chevron does).
enum class RowAction { focus, activate, expand, collapse };
// Returns why not ("" when done). Opening a journey is asked for through `ui.navigate`.
std::string mirror_framework_row(const FrameworkGrid& grid, UiState& ui, Id row, RowAction action);

// Moving a journey from the keyboard (the treegrid's Ctrl+X, then Ctrl+V on where it goes), as
// dragging its tile does. Where it may hang under `parent`: each of its stages (the whole stage) and
// steps, with the model's verdict ("" when allowed, else why not), in the order of the canvas's popup.
struct HangPlace {
    Id stage, step;                  // step nil: the whole stage
    std::string label;               // "Checks coverage" / "Choose (the whole stage)"
    std::string refused;
};
std::vector<HangPlace> hang_places(const Workspace& ws, Id child, Id parent);
// Hangs `child` under `target` — a lifecycle stage (under the lifecycle there), or a journey at
// `stage` / `step` — through the same checks and command as a drop; the keyboard's row becomes the
// moved journey. Returns why not ("" when the command was queued).
std::string mirror_framework_move(const Workspace& ws, const FrameworkGrid& grid, UiState& ui, Id child, Id target, Id stage, Id step);

}  // namespace wm::ui
