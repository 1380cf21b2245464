// Small widgets shared by the views.
#pragma once

#include <string>

#include "ui/ui_state.hpp"

namespace wm::ui {

// A text field over a document value. While the field is active it edits a transient buffer (the
// document is not touched per keystroke); when editing ends with a change, returns true and sets
// *committed — the caller emits one command, so one edit is one undo step.
bool text_field(const char* label, const std::string& value, std::string* committed, float width = -1,
                bool multiline = false);

}  // namespace wm::ui
