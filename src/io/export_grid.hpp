// A journey map as a grid of texts (lanes × steps), and that grid as CSV for spreadsheets. Pure C++.
//
// The grid is what the map shows, cell by cell, so that the CSV and the HTML report (report_html.hpp)
// say the same as the canvas. Columns follow the map: every step of every stage in order, and a stage
// without steps keeps one column (with an empty step name). Rows are every lane in order — collapsed
// lanes too (collapsing is a way of looking, not of hiding data). A cell lists, one entry per item:
//   text, touchpoint lanes   card text; a touchpoint's channel after it: "Opens the app (Mobile app)"
//   pain, gain lanes         card text and its severity when rated: "Hidden fees (severity 4/5)"
//   emotion lanes            one score per curve, everyone first then personas in workspace order:
//                            "Everyone: +2", "Anna: -1" (the scale is the workspace's)
//   insight, opportunity,    the lane's own cards, then what the map derives there (layout_journey):
//   metric, journey-link     insight titles, opportunity titles, KPI names, child journey titles
//
// CSV layout (RFC 4180 via io::csv_record: CRLF records, fields quoted when they hold a comma, quote,
// CR or LF; a cell that would start a formula gets a leading apostrophe, see csv.hpp — a cell read
// back, e.g. copied from a spreadsheet onto the map, is restored by io::parse_tsv). The file starts with a UTF-8 byte-order mark so Excel reads accents and CJK correctly
// (see csv.hpp). First record: "Stage", then the stage name of every column — repeated over all of a
// stage's steps, so each column names its stage on its own and sorting or filtering keeps it. Second
// record: "Step", then the step names. Then one record per lane: the lane name, then per column the
// cell's entries joined by a line feed inside the (quoted) field, so a spreadsheet shows a cell's
// cards on separate lines of one cell.
#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"

namespace wm::io {

struct GridColumn {
    int stage = -1;              // index into Journey::stages
    int step = -1;               // index into that stage's steps; -1: the column of an empty stage
    std::string stage_name, step_name;
    bool moment_of_truth = false;
};

struct GridRow {
    int lane = -1;               // index into Journey::lanes
    std::string name, layer;
    LaneKind kind = LaneKind::text;
};

struct JourneyGrid {
    std::vector<GridColumn> columns;
    std::vector<GridRow> rows;
    std::vector<std::vector<std::vector<std::string>>> cells;  // [row][column] → entries, top to bottom
};

JourneyGrid journey_grid(const Workspace& ws, const Journey& journey);

// "+2", "0", "-1": how the map writes an emotion score.
std::string signed_score(int score);

std::string journey_grid_csv(const Workspace& ws, const Journey& journey);

}  // namespace wm::io
