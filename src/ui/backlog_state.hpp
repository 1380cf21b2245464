// Per-document view state of the backlog view (UiState::backlog): what is selected, filtered and
// sorted. Not saved with the document and not undoable — like a camera, not like content.
#pragma once

#include <string>

#include "model/model.hpp"

namespace wm::ui {

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
};

}  // namespace wm::ui
