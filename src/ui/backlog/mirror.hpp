// The backlog for screen readers and keyboards (issue 19): what the page's DOM mirror (web/mirror.js)
// shows of it — every opportunity in the order the backlog ranks them (the derived ranking the list
// and the matrix use), with its priority, status and the "why is this #N?" sentences, as a page
// (ui/kit/mirror_page.hpp) whose rows each have "Score …": its reply is a form (one choice per
// scoring criterion, in the canvas's order: customer, business, effort) that the page shows in a
// modal dialog; each choice made there is one set_opportunity_score, as a slider's is on the canvas.
// The shell sends the page only when it changed (App::update_mirror).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "ui/kit/context.hpp"
#include "ui/kit/derived.hpp"

namespace wm::ui {

std::string backlog_mirror(const Workspace& ws, const std::vector<BacklogRow>& rows);

// A row's button (action "score": the reply is the form, {"ok": true, "title": …, "fields": [{"row",
// "action": "set-score", "name": <criterion id>, "label": "Reach (customer, 1 to 5): …", "options":
// [{"value": "", "label": "Not rated"}, {"value": "1", "label": "1"}, …], "value": "3"}]}) or a choice
// in that form ("set-score", criterion = its id, value = "" or a number on the criterion's scale).
// Returns the JSON reply.
std::string backlog_mirror_action(const ViewContext& ctx, std::string_view action, std::string_view row, std::string_view criterion,
                                  std::string_view value);

}  // namespace wm::ui
