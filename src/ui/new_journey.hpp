// "New journey…": a popup that creates a journey with a title, a level, its place in the framework
// and the lanes of a template (DESIGN.md §4), as one undo step, and opens it.
#pragma once

#include "ui/ui_state.hpp"

namespace wm::ui {

// The button and its popup; the framework view shows it.
void draw_new_journey_button(const ViewContext& ctx);

}  // namespace wm::ui
