// Spreadsheet clipboard text (tsv.hpp documents the behaviour).
#include "io/tsv.hpp"

#include <algorithm>

#include "io/csv.hpp"

namespace wm::io {

namespace {

bool ends_cell(char c) { return c == '\t' || c == '\n' || c == '\r'; }

// Reads the cell starting at `i` (possibly the end: an empty last cell) into `cell` and leaves `i`
// on the tab or newline after it, or at the end. `no_quote_from` remembers where a search for a
// closing quote last ran off the end of the text, so that many unclosed quoted cells cost one scan,
// not one scan each.
void read_cell(std::string_view text, std::size_t& i, std::string& cell, std::size_t& no_quote_from) {
    const std::size_t n = text.size();
    if (i < n && text[i] == '"' && i + 1 < no_quote_from) {
        std::string quoted_text;
        std::size_t j = i + 1;
        while (true) {
            const std::size_t q = text.find('"', j);
            if (q == std::string_view::npos) {
                no_quote_from = std::min(no_quote_from, j);
                break;
            }
            quoted_text.append(text.substr(j, q - j));
            if (q + 1 < n && text[q + 1] == '"') {  // "" stands for one quote
                quoted_text += '"';
                j = q + 2;
                continue;
            }
            if (q + 1 == n || ends_cell(text[q + 1])) {
                cell = std::move(quoted_text);
                i = q + 1;
                return;
            }
            break;  // a quote in mid-cell: the cell was not quoted after all
        }
    }
    // Unquoted, or a quote that does not close the cell: the text up to the next tab or newline.
    std::size_t end = i;
    while (end < n && !ends_cell(text[end])) ++end;
    cell.assign(text.substr(i, end - i));
    i = end;
}

bool needs_quotes(const std::string& cell) { return cell.find_first_of("\t\r\n\"") != std::string::npos; }

}  // namespace

Grid parse_tsv(std::string_view text) {
    Grid grid;
    if (text.empty()) return grid;
    std::vector<std::string> row;
    std::size_t no_quote_from = std::string_view::npos;
    std::size_t i = 0;
    while (true) {
        std::string cell;
        read_cell(text, i, cell, no_quote_from);
        row.push_back(io::csv_restore(cell));
        if (i == text.size()) break;
        if (text[i] == '\t') {
            ++i;  // a tab at the very end leaves one more, empty, cell: read on
            continue;
        }
        // A newline: CRLF counts as one.
        i += (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
        grid.push_back(std::move(row));
        row.clear();
        if (i == text.size()) return grid;  // the final newline ends the last row, it does not start one
    }
    grid.push_back(std::move(row));
    return grid;
}

std::string to_tsv(const Grid& grid) {
    std::string out;
    for (std::size_t r = 0; r < grid.size(); ++r) {
        if (r > 0) out += '\n';
        const auto& row = grid[r];
        // Written bare, a lone empty cell would be an empty line; as the last row it would vanish
        // into the "final newline" rule.
        if (row.size() == 1 && row[0].empty()) {
            out += "\"\"";
            continue;
        }
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c > 0) out += '\t';
            const std::string cell = io::csv_neutralise(row[c]);
            if (!needs_quotes(cell)) {
                out += cell;
                continue;
            }
            out += '"';
            for (char ch : cell) {
                if (ch == '"') out += '"';
                out += ch;
            }
            out += '"';
        }
    }
    return out;
}

}  // namespace wm::io
