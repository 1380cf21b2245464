// CSV export of the backlog, and what every CSV Waymark writes or reads is built on: RFC 4180 field
// quoting and the neutralising of formulas. Pure C++.
//
// Format: RFC 4180 — fields separated by commas, records ended by CRLF, a field quoted with double
// quotes when it holds a comma, a quote, CR or LF (quotes inside doubled), every other field bare.
// The text is UTF-8 and starts with a byte-order mark (EF BB BF): without it Excel on Windows reads
// a CSV file in the system's legacy code page and shows "CafÃ©" for "Café"; LibreOffice, Google
// Sheets and Numbers skip the mark. Numbers use a dot as decimal separator, whatever the locale.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace wm::io {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// [SECTION] Formulas (OWASP "CSV injection") ---------------------------------------------------
// Excel, LibreOffice and Google Sheets run a cell that starts with = + - @ (Excel also TAB and CR) as
// a formula: a card titled =HYPERLINK("http://x","y") would arrive as a live link, and worse formulas
// fetch data or start programs. Spreadsheets document a leading apostrophe as "this cell is text",
// so every cell Waymark writes to a CSV file or a clipboard range passes through csv_neutralise, and
// every cell read back from one through csv_restore:
//   * a cell whose first character after any leading apostrophes is = + - @ TAB or CR gets one more
//     apostrophe in front:  =SUM(A1) → '=SUM(A1),  -2+3 → '-2+3,  +1 → '+1,  '=x → ''=x;
//   * except a cell that is exactly a number — an optional minus, digits, optionally a point and
//     digits (-2, -3.5, 0, 42) — which stays as it is, so spreadsheets still sort and sum it
//     (Waymark writes positive numbers without a plus);
//   * csv_restore removes one apostrophe from a cell made of one or more apostrophes followed by one
//     of those characters, and leaves every other cell alone.
// So csv_restore(csv_neutralise(t)) == t for every text t. Text that begins with an apostrophe
// followed by anything else ('tis) is written and read unchanged; text that begins with apostrophes
// and then a dangerous character ('=x) is the one case that gains an apostrophe, so that reading it
// back cannot mistake it for a neutralised =x.
std::string csv_neutralise(std::string_view cell);
std::string csv_restore(std::string_view cell);

// [SECTION] Records -------------------------------------------------------------------------------
std::string csv_field(std::string_view text);                       // neutralised, quoted only when needed
std::string csv_record(const std::vector<std::string>& fields);     // fields joined, ended by CRLF

// The backlog in rank order (scoring::rank): one header line, then one line per opportunity.
// [SECTION] The backlog -------------------------------------------------------------------------
// Columns: Rank (empty when not ranked), Title, Journeys (titles joined by "; "), Status,
// Will not do ("yes"/""), Reason, Customer value, Business value, Effort, Evidence (0..100 %),
// Priority. Values have at most two decimals. BOM first.
std::string backlog_csv(const Workspace& ws, Date today);

}  // namespace wm::io
