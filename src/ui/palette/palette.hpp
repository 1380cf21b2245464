// The Ctrl+K palette ("Go to…"): a centred popup with a search field that jumps to any journey,
// persona, opportunity, insight or view by name. Matching and ranking are pure (layout/search.hpp);
// this file draws the results grouped by kind, moves the highlight with the arrows and jumps on
// Enter or a click: a journey opens its map, a persona the personas view with it selected, an
// opportunity the backlog with its details, an insight the repository with its editor.
#pragma once

#include "ui/kit/context.hpp"

namespace wm::ui {

// Opens (or re-opens, emptied) the palette on the next frame.
void open_palette(UiState& ui);

// The app draws it every frame; it does nothing while closed.
void draw_palette(const ViewContext& ctx);

}  // namespace wm::ui
