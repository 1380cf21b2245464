// The Ctrl+K palette's state (UiState::palette): open or not, what is typed, which result the
// arrows are on, and the results of the last ranking (kept for drawing and for the test hook).
// Transient: not saved, not undoable.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "layout/search.hpp"

namespace wm::ui {

struct PaletteState {
    bool open = false;                         // drawn this frame
    bool request_open = false;                 // Ctrl+K or the menu: open (and focus) on the next draw
    std::string query;
    int highlighted = 0;                       // index into hits
    // The ranking of `ranked_query` over `entries` (rebuilt when the document or the query changes).
    std::vector<layout::SearchEntry> entries;
    std::vector<layout::SearchHit> hits;
    std::string ranked_query;
    std::uint64_t ranked_revision = ~std::uint64_t{0};
};

}  // namespace wm::ui
