// "New journey…": a popup that creates a journey with a title, a level, its place in the framework
// and the lanes of a template (DESIGN.md §4), as one undo step, and opens it. Opened from the
// framework's button, or from a step or stage of a journey map ("New child journey here…") with
// the parent, the anchor and the level chosen already.
#pragma once

#include <optional>
#include <string>
#include <string_view>

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

// The same popup as the mirror's form (Edit › New journey… from the page's menubar): title, level,
// where it hangs (the places follow the level), lanes, "Open it" (a child from a map), and Create
// journey (dimmed while there is no title). The form edits the popup's draft (ui.new_journey); each
// field answers with the form again, Create with the journey made (one undo step) and the dialog
// closed. new_journey_draft_for_menu starts the draft: a child of `journey` at `stage` (and `step`)
// when a stage is given, else a new journey as the framework's button starts one; false, with why,
// when that journey is on the last level.
bool new_journey_draft_for_menu(const ViewContext& ctx, Id journey, Id stage, Id step, std::string* why);
std::string new_journey_form(const ViewContext& ctx, std::string_view focus = {});
std::string new_journey_action(const ViewContext& ctx, std::string_view name, std::string_view value);

}  // namespace wm::ui
