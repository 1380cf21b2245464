// Finding things by name (the Ctrl+K palette, src/ui/palette/palette.cpp), as pure code: what can be found
// (journeys with their level, personas, opportunities, insights; the UI adds its views), how a typed
// query matches a name, and the order results are offered in.
//
// Matching folds case and accents (fold_for_search: "ZOE" and "zoe" find "Zoë", "cafe" finds
// "Café"), then prefers, in this order: the whole name, a prefix, a word start, anywhere in the
// name, every word of the query somewhere in the name, and last the query's characters in order
// with gaps ("bph" finds "Buying a phone"). The entry's detail (a journey's level name, a persona's
// role) is searched too, ranked below any match in the name.
//
// Results come grouped by kind; groups are ordered by their best match, so the first result is
// always the best one (Enter takes it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace wm::layout {

enum class SearchKind : std::uint8_t { view, journey, persona, opportunity, insight };

struct SearchEntry {
    SearchKind kind = SearchKind::journey;
    Id id;                       // the entity (nil for views)
    std::string view;            // views: the view key ("backlog")
    std::string title;           // what is shown and matched
    std::string detail;          // shown beside it, matched with less weight ("L1 Macro journeys")
    // Folded once by fold_entries (rank_entries folds entries that are not, for each query).
    bool folded = false;
    std::string folded_title = {}, folded_full = {};   // title; title + " " + detail
};

struct SearchHit {
    int entry = -1;              // index into the entries searched
    int score = 0;               // > 0; higher is better
};

// Lowercases (as fold_case in journey_layout.hpp) and takes the accents off Latin letters
// (Latin-1 and Latin Extended-A; æ → ae, œ → oe, ß → ss); combining accents are dropped.
std::string fold_for_search(std::string_view utf8);
// The same, appended to `out` (folding many texts into one buffer allocates once).
void fold_for_search_append(std::string& out, std::string_view utf8);

// How well a folded query matches a folded text: 0 = not at all; an empty query matches everything
// with score 1.
int match_score(std::string_view folded_text, std::string_view folded_query);

// Everything in the workspace that can be found by name: journeys (detail: "L<n> <level name>",
// and "to-be" when it is one), personas (role), opportunities (status), insights.
std::vector<SearchEntry> searchable_entries(const Workspace& ws);

// Folds every entry's title and detail for matching, so that ranking a query over 100,000 entries
// (a big insight repository) does not fold them all again for each key typed.
void fold_entries(std::vector<SearchEntry>& entries);

// The entries matching `query`, best group first, at most `per_kind` of each kind. With an empty
// query every entry matches, in the entries' own order.
std::vector<SearchHit> rank_entries(const std::vector<SearchEntry>& entries, std::string_view query, std::size_t per_kind);

const char* search_kind_label(SearchKind kind);  // "Journeys", "Personas", ... (group headings)

// "L1 Macro journeys": a level as the workspace names it ("L7" past the named levels).
std::string level_label(const Workspace& ws, int level);

}  // namespace wm::layout
