// CSV export of the backlog (and the RFC 4180 field quoting it is built on). Pure C++.
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

std::string csv_field(std::string_view text);                       // quoted only when needed
std::string csv_record(const std::vector<std::string>& fields);     // fields joined, ended by CRLF

// The backlog in rank order (scoring::rank): one header line, then one line per opportunity.
// Columns: Rank (empty when not ranked), Title, Journeys (titles joined by "; "), Status,
// Will not do ("yes"/""), Reason, Customer value, Business value, Effort, Evidence (0..100 %),
// Priority. Values have at most two decimals. BOM first.
std::string backlog_csv(const Workspace& ws, Date today);

}  // namespace wm::io
