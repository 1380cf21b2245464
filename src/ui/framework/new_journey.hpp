// "New journey…": a popup that creates a journey with a title, a level, its place in the framework
// and the lanes of a template (DESIGN.md §4), as one undo step, and opens it. Opened from the
// framework's button, or from a step or stage of a journey map ("New child journey here…") with
// the parent, the anchor and the level chosen already.
#pragma once

#include <optional>
#include <string>

#include "ui/kit/context.hpp"

namespace wm::ui {

// The button; a click opens the popup (drawn by draw_new_journey_popup) with nothing chosen yet.
void draw_new_journey_button(const ViewContext& ctx);
void open_new_journey(const ViewContext& ctx);   // what the button does (the framework's empty state too)

// The popup itself: the app draws it every frame, so any view can open it.
void draw_new_journey_popup(const ViewContext& ctx);

// A draft for a child of `parent` anchored at `stage` (and `step`, when not nil): one level below
// the parent, the workspace's default lanes. Nothing, with the reason in `why`, when the parent is
// on the last level of the framework.
std::optional<NewJourneyDraft> child_journey_draft(const Workspace& ws, const Journey& parent, Id stage, Id step,
                                                   std::string* why);

// Opens the popup on the next frame with `draft` filled in. With a parent that cannot have
// children, the refusal goes to the status line instead.
void open_child_journey(const ViewContext& ctx, const Journey& parent, Id stage, Id step);

}  // namespace wm::ui
