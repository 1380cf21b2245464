// Per-document view state of the backlog view (UiState::backlog): what is selected, filtered and
// sorted. Not saved with the document and not undoable — like a camera, not like content.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace wm::ui {

// The rows the list shows, made again when the ranked backlog (derived data: ui/kit/derived.hpp,
// new with each revision and day), a filter or the sort changes — not every frame (backlog/view.cpp).
struct BacklogRows {
    struct Key {
        std::uint64_t revision = 0;
        int today = 0;
        friend bool operator==(const Key&, const Key&) = default;
    };
    struct ShownKey {
        Key ranked;
        int level = -1;
        Id journey, stage, persona;
        int status = -1;
        int sort_column = 0;
        bool sort_descending = false;
        bool grouped = false;
        friend bool operator==(const ShownKey&, const ShownKey&) = default;
    };
    std::optional<ShownKey> shown_key;
    std::vector<int> shown;          // indices into Derived::backlog() passing the filters, sorted
    // The list's lines: a row (`row` >= 0, an index into Derived::backlog()) or a group heading (`row` < 0:
    // `journey` is the group's journey, nil for "not on a journey"; `count` its rows).
    struct Line {
        int row = -1;
        Id journey;
        int count = 0;
    };
    std::vector<Line> lines;
};

struct BacklogState {
    enum class Mode { list, matrix, model };
    Mode mode = Mode::list;
    Id selected;                 // the opportunity whose details are shown (nil: none)
    Id why_for;                  // whose "Why is this #n?" the details panel shows, and the tallest
    float why_height = 0;        // it has been (kept, so nothing below it jumps as scores change)
    Id details_shown;            // the one the details panel showed last (a new one starts at the top)
    // Filters: -1 / nil = any.
    int level = -1;
    Id journey;
    Id stage;                    // a lifecycle (level-0) stage
    Id persona;
    int status = -1;             // OpportunityStatus, or 5 = "will not do"
    bool grouped = false;        // grouped by journey, else one flat list
    // Sort: column key and direction; "rank" ascending is the backlog's own order.
    int sort_column = 0;
    bool sort_descending = false;
    std::string preset_choice = "waymark";   // the preset picked in the model editor, before confirming
    BacklogRows rows;
};

}  // namespace wm::ui
