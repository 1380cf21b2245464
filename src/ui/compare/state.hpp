// The compare view's UI state (compare/view.cpp): which to-be journey a current journey is compared
// with, the "only differences" filter, and the cached row layout (the comparison itself is derived
// data: ui/kit/derived.hpp). Not in the document: choosing what to look at is not an edit.
#pragma once

#include <cstdint>
#include <vector>

#include "framework/compare.hpp"

namespace wm::ui {

struct CompareState {
    Id to_be;                                  // the chosen to-be journey (nil or stale: the first one)
    bool only_differences = false;
    bool panning = false;                      // a drag on the rows scrolls them

    // Cache of the row layout: rebuilt when the comparison, the width, the fonts or the filter change.
    struct Row {
        bool header = false;                   // a stage header (index into diff.stages), else a step row
        std::size_t index = 0;
        float y = 0, h = 0;                    // content units from the top of the rows
    };
    std::vector<Row> rows;
    float content_height = 0;
    std::uint64_t layout_key = 0;
};

}  // namespace wm::ui
