// The insight repository for screen readers and keyboards (issue 19): what the page's DOM mirror
// shows of it — a page (ui/kit/mirror_page.hpp) with "New insight" and a table of the insights the
// view's table shows, in its order, under its search, filters and sort (InsightsState::rows, computed
// by the view), at most kMirrorInsights of them (the caption says how many there are and that the
// search narrows them), each row with "Edit …" and "Delete …". "Edit …" (and "New insight", on the
// new one) answers with a form the page shows as a modal dialog — title, text, type, source, source
// detail, evidence, last validated, impact, tags (one per line), and the personas it concerns and the
// steps it was seen at as groups of checkboxes — each field, when it changes, one replace_insight, as
// a field of the canvas's editor is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "ui/insights/state.hpp"
#include "ui/kit/context.hpp"
#include "ui/kit/mirror_form.hpp"

namespace wm::ui {

inline constexpr std::size_t kMirrorInsights = 200;

// An item's linked insights in its form (an opportunity's, a card's details): in a repository of at
// most kMirrorInsights, every insight as a checkbox; past that (a repository may hold 100,000), a
// text field "insight-search" (the item's action answers it with the form made again for that
// query), then the linked ones and the first kInsightMatches others whose title or text holds
// every word of `query` (case-insensitive). The "insights" group's value is the ticked ones, so
// ticking a match links it and the untouched matches stay unlinked. `evidence`: labels say it.
inline constexpr std::size_t kInsightMatches = 50;
void insight_link_fields(MirrorForm& f, const Workspace& ws, const std::vector<Id>& linked, std::string_view query, bool evidence);

std::string insights_mirror(const Workspace& ws, const InsightsState& st, Date today);

// "add" (then its form), "edit" (row: the insight; the form), "set-field" (name: "title", "text",
// "type", "source", "source_detail", "evidence", "last_validated" (YYYY-MM-DD or ""), "impact",
// "tags", "personas" (ids), "steps" ("<journey>/<step>"), lists one per line), "delete". Returns the
// JSON reply.
std::string insights_mirror_action(const ViewContext& ctx, std::string_view action, std::string_view row, std::string_view field,
                                   std::string_view value);

}  // namespace wm::ui
