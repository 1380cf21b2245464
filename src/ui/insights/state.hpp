// Per-document view state of the insight repository (UiState::insights): selection, search,
// filters, sort, what the table shows, and the CSV import in progress. Not saved and not undoable,
// like a camera.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/csv_insights.hpp"
#include "model/model.hpp"

namespace wm::ui {

// A CSV file being imported. Kept out of the document: a half-read, half-mapped spreadsheet is not
// content. A big file is read, then checked against the mapping, a slice per frame
// (insights/import.cpp); only the final "Import" changes the document, in one command.
struct InsightImportDraft {
    enum class Phase { closed, reading, mapping };
    Phase phase = Phase::closed;
    std::string file_name;
    std::optional<io::CsvReader> reader;        // while reading (a progress dialog with Cancel)
    io::CsvTable table;                         // once read
    std::vector<io::InsightColumn> mapping;     // per header column
    // The rows checked against `mapping`: started again when the mapping or the document changes.
    std::optional<io::InsightPlanner> plan;
    std::vector<io::InsightColumn> planned_mapping;
    std::uint64_t planned_revision = 0;
    int slices = 0;                             // frames that read or checked a part of this file (test hook)
    // Started from the page (the Insights page's "Import insights CSV…" in the DOM mirror): the
    // page's dialog is the import's UI instead of the canvas's (platform::ask), `sent` its last form.
    bool in_page = false;
    std::string sent;
    bool columns_shown = false;                 // the page's form of columns was sent (focus went to the first)
    [[nodiscard]] bool open() const { return phase != Phase::closed; }
};

// What the table shows, as indices into Workspace::insights in display order, with what it was
// computed from: made again only when the document, the day, a filter, the search or the sort
// changes, never per frame (100,000 insights).
struct InsightRows {
    struct Key {
        std::uint64_t revision = 0;
        int today = 0;
        std::string search;
        int type = -1, source = -1, evidence = -1;
        Id persona, journey;
        bool stale_only = false;
        int sort_column = 0;
        bool sort_descending = false;
        friend bool operator==(const Key&, const Key&) = default;
    };
    std::optional<Key> key;
    std::vector<int> shown;
    int stale = 0;                              // stale insights in the whole repository
    // Searchable text of every insight (title, text, source detail, tags), folded for search
    // (case and accents), one after another, each ended by '\0'; made once per revision, when a
    // search needs it. A query is then one scan of this buffer.
    std::optional<std::uint64_t> folded_revision;
    std::string folded;
    std::vector<std::size_t> starts;            // where each insight's text starts in `folded`
    // Every insight in the order of its folded title (stable), for the sort by title; sorted again
    // only when a title changed (checked per revision against the titles it was made from).
    // Titles are kept in one buffer each (offsets of insight k: starts[k] .. starts[k + 1]), not as
    // 100,000 strings: allocating those was most of the time of sorting.
    std::optional<std::uint64_t> titles_revision;
    std::string titles;                         // the titles as they were when sorted
    std::vector<std::size_t> title_starts;
    std::string title_keys;                     // the same, folded for search (what is compared)
    std::vector<std::size_t> key_starts;
    std::vector<int> by_title;
};

// Where each line of the journey view's "Insights to link" buttons starts (the buttons flow in
// lines), measured once per revision, width and font, so that only the lines in view are drawn.
struct InsightPaletteLines {
    std::optional<std::uint64_t> revision;
    float width = 0, font = 0;
    std::vector<int> starts;                    // index of the first insight of each line
};

struct InsightsState {
    Id selected;                  // the insight whose editor is shown (nil: none)
    std::string search;           // matches title, text, source detail and tags; case and accents ignored
    // Filters: -1 / nil = any.
    int type = -1;                // InsightType
    int source = -1;              // InsightSource
    int evidence = -1;            // Evidence
    Id persona;
    Id journey;
    bool stale_only = false;
    int sort_column = 0;          // a column of the table (insights/view.cpp; 0: title, what the table starts with)
    bool sort_descending = false;
    Id link_journey;              // the editor's step picker: journey chosen, step next
    InsightRows rows;
    InsightPaletteLines palette;
    InsightImportDraft import;
};

}  // namespace wm::ui
