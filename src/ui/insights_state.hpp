// Per-document view state of the insight repository (UiState::insights): selection, search,
// filters, sort, and the CSV import in progress. Not saved and not undoable, like a camera.
#pragma once

#include <string>
#include <vector>

#include "io/csv_insights.hpp"
#include "model/model.hpp"

namespace wm::ui {

// A CSV file being imported: parsed once when it arrives, then mapped and previewed until the user
// imports or cancels. Kept out of the document: a half-mapped spreadsheet is not content.
struct InsightImportDraft {
    bool open = false;
    std::string file_name;
    io::CsvTable table;
    std::vector<io::InsightColumn> mapping;   // per header column
};

struct InsightsState {
    Id selected;                  // the insight whose editor is shown (nil: none)
    std::string search;           // matches title, text, source detail and tags, case-insensitively
    // Filters: -1 / nil = any.
    int type = -1;                // InsightType
    int source = -1;              // InsightSource
    int evidence = -1;            // Evidence
    Id persona;
    Id journey;
    bool stale_only = false;
    int sort_column = 0;          // 0 = workspace order
    bool sort_descending = false;
    Id link_journey;              // the editor's step picker: journey chosen, step next
    InsightImportDraft import;
};

}  // namespace wm::ui
