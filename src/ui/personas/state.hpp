// Per-document view state of the personas view and the persona lens (UiState::personas). Not saved
// with the document and not undoable: which persona is selected, or through whose eyes the maps are
// read, is how one looks at the workspace, not part of it.
#pragma once

#include <cstdint>

#include "model/model.hpp"

namespace wm::ui {

struct PersonaState {
    Id selected;                 // the persona in the editor (nil: the first one)
    Id lens;                     // the persona lens on journey maps (nil: everyone)
    std::uint32_t picking = 0;   // the colour in the open custom-colour picker, applied on "Apply"
};

}  // namespace wm::ui
