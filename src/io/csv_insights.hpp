// Insights as CSV, out and in. Pure C++.
//
// Export: the format of io/csv.hpp (RFC 4180, CRLF, UTF-8 with BOM, formulas neutralised with a
// leading apostrophe), one line per insight, every field. References are written by name so that a spreadsheet is readable: personas by name,
// steps as "Journey title / Step name", several joined by "; " (tags too).
//
// Import is two steps, because spreadsheets from elsewhere never have our column names:
//   1. parse_csv() reads any RFC 4180 text (quotes, embedded newlines, CRLF or LF, a BOM, comma or
//      semicolon — Excel in many European locales writes ";"; every cell through csv_restore, so a
//      neutralised '=x reads as =x), and guess_mapping() proposes which
//      insight field each header column holds;
//   2. the user confirms or changes the mapping, and import_insights() builds the insights.
// Both steps also come as objects that work in slices (CsvReader, InsightPlanner): a file of
// 100,000 rows takes longer than a frame, so the app reads and checks it a few hundred rows at a
// time and shows how far it got. parse_csv and import_insights are those objects run to the end.
// Nothing is silently dropped: columns mapped to nothing are listed, and every row that cannot
// become an insight is listed with its line number and all of its reasons (bad date, unknown type,
// empty title, unknown persona or step, too many fields, ...). Only blank lines are skipped, and
// counted. Sizes are bounded by model/limits.hpp.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/model.hpp"

namespace wm::io {

// [SECTION] Export ------------------------------------------------------------------------------
// Columns: Title, Text, Type, Source, Source detail, Evidence, Last validated, Impact, Personas,
// Steps, Tags. Enumerations by their file names (enum_names.hpp), dates ISO, impact -2..2 (positive
// without a plus: "+1" would be a formula to a spreadsheet, so csv_field would write '+1; the import
// reads "+1" too).
std::string insights_csv(const Workspace& ws);

// [SECTION] Parsing -----------------------------------------------------------------------------
struct CsvTable {
    char delimiter = ',';
    std::vector<std::vector<std::string>> rows;   // rows[0] is the header
    std::vector<int> lines;                       // 1-based line on which each row starts
    std::vector<std::string> row_errors;          // per row: "" or what was wrong with its quoting
    std::string error;                            // the whole text is unreadable (then rows is empty)
};
CsvTable parse_csv(std::string_view text);

// parse_csv in slices. Owns the text; step() reads up to `max_rows` more rows and says whether the
// whole text is read (or an error stopped it). Progress is in lines: rows are only known once
// read, lines are counted up front (a quoted field may span several, so rows <= lines).
class CsvReader {
public:
    explicit CsvReader(std::string text);
    bool step(std::size_t max_rows);
    [[nodiscard]] bool done() const { return done_; }
    [[nodiscard]] std::size_t line() const { return done_ ? lines_ : static_cast<std::size_t>(line_ - 1); }  // lines read
    [[nodiscard]] std::size_t lines() const { return lines_; }                                               // lines in the text
    [[nodiscard]] const CsvTable& table() const { return table_; }
    CsvTable take() { return std::move(table_); }   // once done()

private:
    void fail(std::string error);
    bool read_row();   // one row (false: the text is used up or unreadable)

    std::string text_;
    std::size_t pos_ = 0;
    std::size_t lines_ = 0;
    int line_ = 1;
    bool done_ = false;
    CsvTable table_;
};

// [SECTION] Import ------------------------------------------------------------------------------
enum class InsightColumn { ignored, title, text, type, source, source_detail, evidence, last_validated, impact,
                           personas, steps, tags };
inline constexpr int kInsightColumnCount = 12;
std::string_view column_label(InsightColumn column);        // "Title", ..., "(ignore)"
// Per header cell: the field it names (case-insensitive, with a few common synonyms), else ignored.
// A field is guessed for one column at most.
std::vector<InsightColumn> guess_mapping(const std::vector<std::string>& header);

struct RowProblem {
    int line = 0;             // 1-based line of the row in the file
    std::string reason;       // every reason, joined by "; "
    friend bool operator==(const RowProblem&, const RowProblem&) = default;
};
struct InsightImport {
    std::vector<Insight> insights;           // new ids, ready for edit::add_insight
    std::vector<std::string> unmapped;       // header names of the columns mapped to nothing
    std::vector<RowProblem> bad_rows;        // rows not imported, with why
    int blank_rows = 0;                      // empty lines skipped
    std::string error;                       // the mapping or file cannot be imported at all
};
// `mapping` has one entry per header column (missing entries count as ignored). Persona and step
// names are looked up in `ws`; new insights also count against limits::kMaxInsights.
InsightImport import_insights(const CsvTable& table, const std::vector<InsightColumn>& mapping, const Workspace& ws);

// import_insights in slices. What it needs of the workspace (persona and step names, the number of
// insights) is taken when it is made, so the workspace may change meanwhile — the command that
// adds the insights checks them again. step() checks up to `max_rows` more rows of `table` (the
// same table every time) and says whether all are done.
class InsightPlanner {
public:
    InsightPlanner(const CsvTable& table, std::vector<InsightColumn> mapping, const Workspace& ws);
    bool step(const CsvTable& table, std::size_t max_rows);
    [[nodiscard]] bool done() const { return next_ >= rows_; }
    [[nodiscard]] std::size_t checked() const { return next_ > 0 ? next_ - 1 : 0; }   // data rows checked
    [[nodiscard]] std::size_t total() const { return rows_ > 0 ? rows_ - 1 : 0; }     // data rows in all
    [[nodiscard]] const InsightImport& result() const { return result_; }
    InsightImport take() { return std::move(result_); }

private:
    std::vector<InsightColumn> mapping_;
    std::unordered_map<std::string, Id> personas_;       // lower-cased name -> persona (the last of a name)
    std::unordered_map<std::string, StepRef> steps_;     // lower-cased "Journey / Step" -> step (the first)
    std::size_t existing_ = 0;                           // insights already in the workspace
    std::size_t next_ = 0, rows_ = 0;                    // next row of the table to check, rows in it
    InsightImport result_;
};

}  // namespace wm::io
