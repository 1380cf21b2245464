#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "ui/kit/context.hpp"

namespace wm::ui {

namespace json {
class Writer;
}

// Current vs to-be side by side (view "compare", opened on either journey of a pair): steps aligned
// (framework/compare.hpp), what was added, removed or changed highlighted, stage headers, a summary,
// a legend and an "only differences" filter.
void draw_compare_view(const ViewContext& ctx);

// The pair {current, to-be} the compare view opened on `journey` shows: a to-be journey with its
// counterpart, or a current journey with the to-be journey `chosen` (when it redesigns it), else its
// first one in workspace order. nullopt when there is none.
std::optional<std::pair<Id, Id>> compare_pair(const Workspace& ws, Id journey, Id chosen);

// The journey header's buttons: "Create to-be" on a current journey, "Compare with to-be" when one
// redesigns it, "Compare with current" on a to-be journey that has its current one.
void draw_to_be_buttons(const ViewContext& ctx, const Journey& journey);

// What a button of the compare view does, from the canvas or the screen-reader mirror
// (compare/mirror.hpp): "open-current", "open-to-be", "only-differences" (toggles it),
// "compare-with" (row: a to-be journey's id), "create-to-be", "open-map", "framework". "" when done,
// else why not, in words.
std::string compare_action(const ViewContext& ctx, std::string_view action, std::string_view row);

// Creates the to-be copy of `current` (edit::create_to_be, one undo step) and opens its map.
void create_to_be_and_open(const ViewContext& ctx, Id current);

// For the test hook's stats(): "compare": {current, toBe, added, removed, changed, same, ...} while
// the compare view is open.
void write_compare_stats(json::Writer& w, const Workspace& ws, const UiState& ui, const Derived& derived);

}  // namespace wm::ui
