// The workspace as one self-contained HTML report, to read in a browser, hand to a screen reader, or
// print to PDF. Pure C++.
//
// Self-contained: one HTML5 document with its style inline; no scripts, fonts, images or links to
// anything outside the file (links only to its own #anchors), so opening it makes no request.
// Structure (headings in order, landmarks): a header with the workspace name and the date, a table
// of contents (nav), then in main: the framework (per level-0 journey, its stages with the journeys
// linked under each, nested lists, each journey once — later mentions say where it is shown; journeys
// linked nowhere listed after), one section per journey (level-0 first, then in workspace order)
// holding its details and its map as a table, the personas, the insights (a table with evidence and
// where they were seen), the backlog in rank order (scoring::rank), the KPIs (where each is measured,
// latest value with unit and date, target, health, what it rolls up) and the maturity scans (date,
// score and stage per area, overall stage).
// A journey map table: <caption> names it; the head has one <th scope="colgroup" colspan> per stage
// (with matching <colgroup span>) and one <th scope="col"> per step; each lane is a row headed by
// <th scope="row">; lanes of a layer form a <tbody> headed by <th scope="rowgroup">. Cells hold the
// entries of io::journey_grid as a list. All text is HTML-escaped; newlines in texts are kept by CSS
// (white-space: pre-line), not by markup.
// Print: every journey starts on a new page, table headers repeat on each page, rows, personas and
// backlog rows are not split across pages, and the wide map tables shrink their type.
#pragma once

#include <string>
#include <string_view>

#include "model/model.hpp"

namespace wm::io {

std::string html_escape(std::string_view text);   // & < > " ' as entities; everything else as is (UTF-8)

std::string workspace_report_html(const Workspace& ws, Date today);

}  // namespace wm::io
