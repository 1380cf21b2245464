// Spreadsheet clipboard text. Spreadsheets (Excel, LibreOffice, Google Sheets) put a copied range on
// the clipboard as text: cells separated by TAB, rows by a newline, a cell holding a tab, newline or
// quote wrapped in double quotes with inner quotes doubled. That is what parse_tsv reads and to_tsv
// writes, so a range copied from a spreadsheet pastes onto the map (edit::plan_paste) and cards
// copied from the map paste into a spreadsheet. Pasted into a spreadsheet, a cell is typed in as if
// by hand, so a card "=HYPERLINK(...)" would become a formula: to_tsv neutralises cells and
// parse_tsv restores them with the CSV rule (csv_neutralise / csv_restore in io/csv.hpp: a leading
// apostrophe).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wm::io {

// Rows of cells, top to bottom; rows may differ in length (the same type as edit::Grid).
using Grid = std::vector<std::vector<std::string>>;

// Clipboard text to cells. Rows end at LF, CRLF or a lone CR; one newline at the very end does not
// start another row (Excel ends every row with one). A cell that starts with a double quote is quoted
// when its closing quote is followed by a tab, a newline or the end: it may then hold tabs and
// newlines, and "" inside stands for one quote. A cell that starts with a quote but is not closed that
// way is taken literally (plain text that merely begins with a quote). Each cell then goes through
// csv_restore ('=x is =x). Bytes are not otherwise interpreted: invalid UTF-8 passes through. Empty text gives an empty grid; text without tab or newline one cell.
Grid parse_tsv(std::string_view text);

// Cells to clipboard text: TAB between cells, "\n" between rows, no newline at the end. Each cell goes
// through csv_neutralise (=x is written '=x); cells holding a tab, CR, LF or quote are then
// quoted (quotes doubled); a row that is one empty cell is written as ""
// so that it still reads back as a row. parse_tsv(to_tsv(g)) == g whenever no row of g is empty.
std::string to_tsv(const Grid& grid);

}  // namespace wm::io
