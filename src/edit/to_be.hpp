// Creating a to-be journey from a current one, as one command (the copy itself is
// wm::make_to_be_copy, framework/compare.hpp).
#pragma once

#include "edit/command.hpp"

namespace wm::edit {

// Adds a to-be copy of the current journey `current` with the id `to_be` (chosen by the caller, so it
// can open the copy), right after it in the workspace, and links the copy under each parent of the
// current journey at the same anchor wherever wm::check_link allows it, so that the framework grid
// shows it beside the current one. One undo step; the current journey's children stay under it.
// Refused when the journey is gone, is itself a to-be journey, or `to_be` is nil or taken.
Command create_to_be(Id current, Id to_be);

}  // namespace wm::edit
