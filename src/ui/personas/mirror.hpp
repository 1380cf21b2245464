// The personas for screen readers and keyboards (issue 19): what the page's DOM mirror shows of the
// persona view — a page (ui/kit/mirror_page.hpp) with "Add persona" and a table, one row per persona
// (named by the persona), with role, segment, quote, goals, needs, pains and jobs to be done, and
// "Edit …" and "Delete …" per row. "Edit …" (and "Add persona", on the new one) answers with a form
// the page shows as a modal dialog: name, role, segment and quote as text fields, the four lists as
// text areas, one item per line, the avatar's initials, its colour by name (the palette's) and as
// #RRGGBB; each field, when it changes, is one replace_persona, as a field of the canvas's editor is.
#pragma once

#include <string>
#include <string_view>

#include "model/model.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui {

std::string personas_mirror(const Workspace& ws);

// "add" (then its form), "edit" (row: the persona; the form), "set-field" (name: "name", "role",
// "segment", "quote", "goals", "needs", "pains", "jobs", "initials", "color" or "custom-color";
// value: the text, lists one per line, a colour as #RRGGBB), "delete". Returns the JSON reply.
std::string personas_mirror_action(const ViewContext& ctx, std::string_view action, std::string_view row, std::string_view field,
                                   std::string_view value);

}  // namespace wm::ui
