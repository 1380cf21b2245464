#include "io/csv_insights.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "io/csv.hpp"
#include "model/date.hpp"
#include "model/enum_names.hpp"
#include "model/limits.hpp"

namespace wm::io {
namespace {

constexpr std::size_t kMaxColumns = 1'000;   // a spreadsheet wider than this is not an insight list

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Splits "a; b;c" on ';' into trimmed, non-empty parts.
std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> out;
    while (true) {
        const auto cut = s.find(';');
        const std::string_view part = trim(s.substr(0, cut));
        if (!part.empty()) out.emplace_back(part);
        if (cut == std::string_view::npos) break;
        s.remove_prefix(cut + 1);
    }
    return out;
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += "; ";
        out += p;
    }
    return out;
}

std::string quoted(std::string_view s) { return "\xE2\x80\x9C" + std::string(s) + "\xE2\x80\x9D"; }

template <class E>
std::string expected_names() {
    std::string out;
    for (auto name : EnumNames<E>::names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

// An enumeration value by its file name, case-insensitively ("In-Progress" is fine); empty keeps
// the default. Returns false (and says why) for anything else.
template <class E>
bool parse_enum(std::string_view cell, const char* what, E* out, std::vector<std::string>& reasons) {
    cell = trim(cell);
    if (cell.empty()) return true;
    if (auto v = enum_from_name<E>(lower(cell))) {
        *out = *v;
        return true;
    }
    reasons.push_back("unknown " + std::string(what) + " " + quoted(cell) + " (expected " + expected_names<E>() + ")");
    return false;
}

std::string step_label(const Journey& j, const Step& s) { return j.title + " / " + s.name; }

constexpr std::array<std::string_view, kInsightColumnCount> kLabels{
    "(ignore)", "Title", "Text", "Type", "Source", "Source detail", "Evidence", "Last validated", "Impact",
    "Personas", "Steps", "Tags"};

}  // namespace

// [SECTION] Export ------------------------------------------------------------------------------

std::string insights_csv(const Workspace& ws) {
    std::string out(kUtf8Bom);
    out += csv_record({"Title", "Text", "Type", "Source", "Source detail", "Evidence", "Last validated", "Impact",
                       "Personas", "Steps", "Tags"});
    for (const Insight& i : ws.insights) {
        std::vector<std::string> personas, steps;
        for (Id id : i.personas)
            if (const Persona* p = find_by_id(ws.personas, id)) personas.push_back(p->name);
        for (const StepRef& ref : i.steps)
            if (const Journey* j = find_by_id(ws.journeys, ref.journey))
                if (const Step* s = find_step(*j, ref.step)) steps.push_back(step_label(*j, *s));
        out += csv_record({i.title, i.text, std::string(enum_name(i.type)), std::string(enum_name(i.source)),
                           i.source_detail, std::string(enum_name(i.evidence)),
                           i.last_validated ? to_iso(*i.last_validated) : std::string(),
                           std::to_string(i.impact), join(personas),
                           join(steps), join(i.tags)});
    }
    return out;
}

// [SECTION] Parsing -----------------------------------------------------------------------------

CsvReader::CsvReader(std::string text) : text_(std::move(text)) {
    if (text_.size() > limits::kMaxFileBytes) {
        fail("The file is larger than " + std::to_string(limits::kMaxFileBytes / (1024 * 1024)) + " MB.");
        return;
    }
    if (std::string_view(text_).substr(0, kUtf8Bom.size()) == kUtf8Bom) pos_ = kUtf8Bom.size();
    const std::string_view text_view = std::string_view(text_).substr(pos_);

    // Delimiter: whichever of ',' and ';' the first line holds more of, outside quotes.
    int commas = 0, semicolons = 0;
    bool in_quotes = false;
    for (char c : text_view) {
        if (c == '"') in_quotes = !in_quotes;
        else if (!in_quotes && (c == '\n' || c == '\r')) break;
        else if (!in_quotes && c == ',') ++commas;
        else if (!in_quotes && c == ';') ++semicolons;
    }
    table_.delimiter = semicolons > commas ? ';' : ',';

    // Lines, for progress: line ends as the reader counts them (LF, CRLF, a lone CR), plus a last
    // line without one.
    for (std::size_t i = 0; i < text_view.size(); ++i)
        if (text_view[i] == '\n' || (text_view[i] == '\r' && (i + 1 == text_view.size() || text_view[i + 1] != '\n'))) ++lines_;
    if (!text_view.empty() && text_view.back() != '\n' && text_view.back() != '\r') ++lines_;
}

void CsvReader::fail(std::string error) {
    table_.error = std::move(error);
    table_.rows.clear();
    table_.lines.clear();
    table_.row_errors.clear();
    done_ = true;
}

bool CsvReader::step(std::size_t max_rows) {
    for (std::size_t n = 0; n < max_rows && !done_; ++n)
        if (!read_row()) done_ = true;
    return done_;
}

bool CsvReader::read_row() {
    const std::string_view text = text_;
    std::size_t& i = pos_;
    if (i >= text.size()) return false;
    if (table_.rows.size() > limits::kMaxInsights) {
        fail("The file has more than " + std::to_string(limits::kMaxInsights) + " rows.");
        return false;
    }
    const char delimiter = table_.delimiter;
    std::vector<std::string> row;
    row.reserve(table_.rows.empty() ? 8 : table_.rows[0].size());
    std::string field, row_error;
    const int row_line = line_;
    bool field_quoted = false;   // the current field began with a quote
    // Text is taken in runs up to the next character that means something, not a character at a
    // time; a field keeps at most one byte past the text limit (enough to report it as too long).
    const auto keep = [&field](std::string_view run) {
        if (field.size() <= limits::kMaxTextBytes) field.append(run.substr(0, limits::kMaxTextBytes + 1 - field.size()));
    };
    // Every field is read back through csv_restore: '=x written by a CSV export is =x again.
    const auto end_field = [&] {
        row.push_back(csv_restore(field));
        field.clear();
    };
    const auto end_row = [&] {
        end_field();
        table_.rows.push_back(std::move(row));
        table_.lines.push_back(row_line);
        table_.row_errors.push_back(std::move(row_error));
        return true;
    };
    while (i < text.size()) {
        const char c = text[i];
        if (field.empty() && !field_quoted && c == '"') {
            // A quoted field: runs to the next lone quote; "" is a quote; newlines belong to the field.
            field_quoted = true;
            const int start_line = line_;
            ++i;
            bool closed = false;
            while (i < text.size()) {
                std::size_t run = i;
                while (run < text.size() && text[run] != '"' && text[run] != '\n') ++run;
                keep(text.substr(i, run - i));
                i = run;
                if (i >= text.size()) break;
                if (text[i] == '\n') {
                    ++line_;
                    keep("\n");
                    ++i;
                    continue;
                }
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                ++i;
                closed = true;
                break;
            }
            if (!closed) {
                fail("Line " + std::to_string(start_line) + ": a quoted field is never closed (a \" is missing).");
                return false;
            }
            // Anything but a delimiter or line end after the closing quote is malformed; keep it
            // (the user sees the text) and flag the row.
            if (i < text.size() && text[i] != delimiter && text[i] != '\r' && text[i] != '\n' && row_error.empty())
                row_error = "text after a closing quote in field " + std::to_string(row.size() + 1);
            continue;
        }
        if (c == delimiter) {
            if (row.size() >= kMaxColumns) {
                fail("Line " + std::to_string(row_line) + ": more than " + std::to_string(kMaxColumns) + " columns.");
                return false;
            }
            end_field();
            field_quoted = false;
            ++i;
            continue;
        }
        if (c == '\r' || c == '\n') {
            i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
            ++line_;
            return end_row();
        }
        if (c == '"') {
            if (row_error.empty()) row_error = "a quote inside an unquoted field " + std::to_string(row.size() + 1);
            keep("\"");
            ++i;
            continue;
        }
        std::size_t run = i;
        while (run < text.size() && text[run] != delimiter && text[run] != '\r' && text[run] != '\n' && text[run] != '"') ++run;
        keep(text.substr(i, run - i));
        i = run;
    }
    // The last line, without a line end.
    if (!field.empty() || field_quoted || !row.empty()) end_row();
    return false;
}

CsvTable parse_csv(std::string_view text) {
    CsvReader reader{std::string(text)};
    while (!reader.step(4096)) {
    }
    return reader.take();
}

// [SECTION] Import ------------------------------------------------------------------------------

std::string_view column_label(InsightColumn column) {
    const auto index = static_cast<std::size_t>(column);
    return index < kLabels.size() ? kLabels[index] : std::string_view{};
}

std::vector<InsightColumn> guess_mapping(const std::vector<std::string>& header) {
    struct Synonym {
        std::string_view name;
        InsightColumn column;
    };
    static constexpr Synonym kSynonyms[] = {
        {"name", InsightColumn::title},          {"insight", InsightColumn::title},
        {"description", InsightColumn::text},    {"details", InsightColumn::text},
        {"body", InsightColumn::text},           {"kind", InsightColumn::type},
        {"category", InsightColumn::type},       {"source details", InsightColumn::source_detail},
        {"evidence status", InsightColumn::evidence}, {"status", InsightColumn::evidence},
        {"validated", InsightColumn::last_validated}, {"last validated on", InsightColumn::last_validated},
        {"date", InsightColumn::last_validated}, {"persona", InsightColumn::personas},
        {"step", InsightColumn::steps},          {"journey steps", InsightColumn::steps},
        {"tag", InsightColumn::tags},            {"labels", InsightColumn::tags},
    };
    std::vector<InsightColumn> out(header.size(), InsightColumn::ignored);
    std::vector<bool> taken(kInsightColumnCount, false);
    for (std::size_t c = 0; c < header.size(); ++c) {
        const std::string name = lower(trim(header[c]));
        InsightColumn guess = InsightColumn::ignored;
        for (int k = 1; k < kInsightColumnCount; ++k)
            if (name == lower(kLabels[static_cast<std::size_t>(k)])) guess = static_cast<InsightColumn>(k);
        if (guess == InsightColumn::ignored)
            for (const auto& s : kSynonyms)
                if (name == s.name) guess = s.column;
        if (guess != InsightColumn::ignored && !taken[static_cast<std::size_t>(guess)]) {
            taken[static_cast<std::size_t>(guess)] = true;
            out[c] = guess;
        }
    }
    return out;
}

InsightPlanner::InsightPlanner(const CsvTable& table, std::vector<InsightColumn> mapping, const Workspace& ws)
    : mapping_(std::move(mapping)), existing_(ws.insights.size()) {
    InsightImport& r = result_;
    if (!table.error.empty()) {
        r.error = table.error;
        return;
    }
    if (table.rows.empty()) {
        r.error = "The file is empty.";
        return;
    }
    const auto& header = table.rows[0];
    const auto column = [&](std::size_t c) { return c < mapping_.size() ? mapping_[c] : InsightColumn::ignored; };
    std::vector<int> uses(kInsightColumnCount, 0);
    for (std::size_t c = 0; c < header.size(); ++c) {
        ++uses[static_cast<std::size_t>(column(c))];
        if (column(c) == InsightColumn::ignored)
            r.unmapped.push_back(header[c].empty() ? "column " + std::to_string(c + 1) : header[c]);
    }
    for (int k = 1; k < kInsightColumnCount; ++k)
        if (uses[static_cast<std::size_t>(k)] > 1) {
            r.error = "Two columns are mapped to " + std::string(kLabels[static_cast<std::size_t>(k)]) + ".";
            return;
        }
    if (uses[static_cast<std::size_t>(InsightColumn::title)] == 0) {
        r.error = "No column is mapped to Title.";
        return;
    }
    // Names are looked up in tables made once, not by walking every persona and step per cell: a
    // file of 100,000 rows naming steps would otherwise compare millions of labels. Same choices as
    // a walk would make: the last persona of a name, the first step of a label.
    if (uses[static_cast<std::size_t>(InsightColumn::personas)] > 0)
        for (const auto& p : ws.personas) personas_[lower(p.name)] = p.id;
    if (uses[static_cast<std::size_t>(InsightColumn::steps)] > 0)
        for (const auto& j : ws.journeys)
            for (const auto& st : j.stages)
                for (const auto& s : st.steps) steps_.emplace(lower(step_label(j, s)), StepRef{j.id, s.id});
    next_ = 1;
    rows_ = table.rows.size();
    r.insights.reserve(rows_ - 1);
}

bool InsightPlanner::step(const CsvTable& table, std::size_t max_rows) {
    if (done()) return true;   // also when the mapping or the file could not be imported at all
    InsightImport& r = result_;
    const auto& header = table.rows[0];
    const auto column = [&](std::size_t c) { return c < mapping_.size() ? mapping_[c] : InsightColumn::ignored; };
    for (std::size_t end = std::min(rows_, next_ + max_rows); next_ < end; ++next_) {
        const std::size_t row = next_;
        const auto& cells = table.rows[row];
        const bool blank = std::all_of(cells.begin(), cells.end(), [](const std::string& s) { return trim(s).empty(); });
        if (blank && table.row_errors[row].empty()) {
            ++r.blank_rows;
            continue;
        }
        std::vector<std::string> reasons;
        if (!table.row_errors[row].empty()) reasons.push_back(table.row_errors[row]);
        if (cells.size() > header.size())
            reasons.push_back("row too long: " + std::to_string(cells.size()) + " fields, the header has " +
                              std::to_string(header.size()));
        Insight in;
        in.id = new_id();
        for (std::size_t c = 0; c < cells.size() && c < header.size(); ++c) {
            const std::string& cell = cells[c];
            if (cell.size() > limits::kMaxTextBytes) {
                reasons.push_back(std::string(column_label(column(c))) + " longer than " +
                                  std::to_string(limits::kMaxTextBytes) + " bytes");
                continue;
            }
            switch (column(c)) {
                case InsightColumn::ignored: break;
                case InsightColumn::title: in.title = std::string(trim(cell)); break;
                case InsightColumn::text: in.text = cell; break;
                case InsightColumn::type: parse_enum(cell, "type", &in.type, reasons); break;
                case InsightColumn::source: parse_enum(cell, "source", &in.source, reasons); break;
                case InsightColumn::source_detail: in.source_detail = cell; break;
                case InsightColumn::evidence: parse_enum(cell, "evidence", &in.evidence, reasons); break;
                case InsightColumn::last_validated: {
                    const std::string_view v = trim(cell);
                    if (v.empty()) break;
                    if (auto d = parse_iso_date(v)) in.last_validated = *d;
                    else reasons.push_back("bad date " + quoted(v) + " (expected YYYY-MM-DD)");
                    break;
                }
                case InsightColumn::impact: {
                    std::string_view v = trim(cell);
                    if (v.empty()) break;
                    if (v.front() == '+') v.remove_prefix(1);
                    const bool negative = !v.empty() && v.front() == '-';
                    if (negative) v.remove_prefix(1);
                    if (v.size() == 1 && v[0] >= '0' && v[0] - '0' <= limits::kMaxImpact)
                        in.impact = negative ? -(v[0] - '0') : v[0] - '0';
                    else reasons.push_back("bad impact " + quoted(trim(cell)) + " (expected -2 to +2)");
                    break;
                }
                case InsightColumn::personas:
                    for (const auto& name : split_list(cell)) {
                        if (const auto found = personas_.find(lower(name)); found != personas_.end()) {
                            if (std::find(in.personas.begin(), in.personas.end(), found->second) == in.personas.end())
                                in.personas.push_back(found->second);
                        } else {
                            reasons.push_back("unknown persona " + quoted(name));
                        }
                    }
                    break;
                case InsightColumn::steps:
                    for (const auto& name : split_list(cell)) {
                        if (const auto found = steps_.find(lower(name)); found != steps_.end()) {
                            if (std::find(in.steps.begin(), in.steps.end(), found->second) == in.steps.end())
                                in.steps.push_back(found->second);
                        } else {
                            reasons.push_back("unknown step " + quoted(name) + " (expected \"Journey / Step\")");
                        }
                    }
                    break;
                case InsightColumn::tags:
                    in.tags = split_list(cell);
                    if (in.tags.size() > limits::kMaxStrings) reasons.push_back("too many tags");
                    break;
            }
        }
        if (in.title.empty()) reasons.insert(reasons.begin(), "empty title");
        if (reasons.empty() && existing_ + r.insights.size() >= limits::kMaxInsights)
            reasons.push_back("the workspace already holds " + std::to_string(limits::kMaxInsights) + " insights");
        if (!reasons.empty()) {
            std::string all;
            for (const auto& reason : reasons) all += (all.empty() ? "" : "; ") + reason;
            r.bad_rows.push_back({table.lines[row], std::move(all)});
            continue;
        }
        r.insights.push_back(std::move(in));
    }
    return done();
}

InsightImport import_insights(const CsvTable& table, const std::vector<InsightColumn>& mapping, const Workspace& ws) {
    InsightPlanner planner(table, mapping, ws);
    planner.step(table, table.rows.size());
    return planner.take();
}

}  // namespace wm::io
