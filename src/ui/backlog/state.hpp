// Per-document view state of the backlog view (UiState::backlog): what is selected, filtered and
// sorted. Not saved with the document and not undoable — like a camera, not like content.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "scoring/prioritise.hpp"

namespace wm::ui {

// One opportunity as the backlog shows it: its rank and score plus where it sits.
struct BacklogRow {
    scoring::Ranked ranked;
    std::vector<Id> journeys;
    std::vector<int> levels;
    std::vector<Id> stages;      // lifecycle stages
};

// The ranked backlog, made again when the document or the day changes, and the rows the list
// shows, made again when a filter or the sort changes too — not every frame (backlog/view.cpp).
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
    std::optional<Key> key;
    std::vector<BacklogRow> all;     // every opportunity, ranked ones first (scoring::rank)
    int ranked = 0;                  // how many of them are ranked
    std::optional<ShownKey> shown_key;
    std::vector<int> shown;          // indices into `all` passing the filters, sorted
    // The list's lines: a row (`row` >= 0, an index into `all`) or a group heading (`row` < 0:
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
