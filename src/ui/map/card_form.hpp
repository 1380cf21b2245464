// A card's details for screen readers and keyboards (issue 19): Alt+Enter on a card the grid's cell
// walk has reached (web/mirror.js) answers with this form (ui/kit/mirror_form.hpp), the details
// panel's fields: its text, its severity (pain and gain lanes), its channel (touchpoint lanes: one of
// the workspace's, or a new one by name), the personas it concerns, the insights and opportunities it
// is linked to (groups of checkboxes), "New opportunity from this card" and "Delete card". Each
// change is the panel's command (set_card_text, set_card_severity, …: one undo step each).
#pragma once

#include <string>
#include <string_view>

#include "ui/kit/context.hpp"

namespace wm::ui {

// `insight_query`: in a repository past kMirrorInsights, the insights searched for (insight_link_fields).
std::string card_mirror_form(const ViewContext& ctx, Id journey, Id card, std::string_view insight_query = {});

// row: "<journey>/<card>"; name: "text", "severity", "channel", "new-channel", "personas",
// "insights", "opportunities" (value: the text, a number, an id, ids one per line), "insight-search"
// (the form made again with the insights matching the value), or the buttons
// "open" (the form), "opportunity" and "delete" (the reply closes the dialog). Returns the JSON reply.
std::string card_mirror_action(const ViewContext& ctx, std::string_view row, std::string_view name, std::string_view value);

}  // namespace wm::ui
