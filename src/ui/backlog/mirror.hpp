// The backlog for screen readers and keyboards (issue 19): what the page's DOM mirror (web/mirror.js)
// shows of it — every opportunity in the order the backlog ranks them (the derived ranking the list
// and the matrix use), with its priority, status and the "why is this #N?" sentences, as a page
// (ui/kit/mirror_page.hpp) with "New opportunity" and "Export backlog CSV", whose rows each have
// "Score …", "Edit …" and "Delete …". "Score …" answers with a form (ui/kit/mirror_form.hpp: one
// choice per scoring criterion, in the canvas's order: customer, business, effort), each choice one
// set_opportunity_score as a slider's is; "Edit …" (and "New opportunity", on the new one) with the
// details panel's fields: title, description, owner, status, will-not-do and why, and the links to
// journeys, personas, insights and steps as groups of checkboxes, and the solutions (title,
// description, status, Remove; Add solution), each change one command.
// The shell sends the page only when it changed (App::update_mirror).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "ui/kit/context.hpp"
#include "ui/kit/derived.hpp"

namespace wm::ui {

std::string backlog_mirror(const Workspace& ws, const std::vector<BacklogRow>& rows);

// "new", "export-csv" (on the page); "score", "edit", "delete" (row: the opportunity); "set-score"
// (field: a criterion's id; value: "" or a number on its scale); "set-field" (field: "title",
// "description", "owner", "status", "will_not_do" ("true"/"false"), "will_not_do_reason",
// "journeys", "personas", "insights" or "steps"; value: the text, ticked ids one per line; or the
// button "add-solution"); "solution" (row: "<opportunity>/<solution>"; field: "title",
// "description", "status" or the button "remove"). `apply` applies the queued commands, so a form
// made again after a solution's change shows it. Returns the JSON reply.
std::string backlog_mirror_action(const ViewContext& ctx, std::string_view action, std::string_view row, std::string_view field,
                                  std::string_view value, const std::function<void()>& apply);

}  // namespace wm::ui
