#include "io/csv.hpp"

#include <cmath>
#include <cstdio>

#include "model/enum_names.hpp"
#include "scoring/prioritise.hpp"

namespace wm::io {
namespace {

// "%.2f" then trailing zeros trimmed: 4 → "4", 2.5 → "2.5", 1/3 → "0.33". snprintf with %f uses
// the C locale's dot unless someone called setlocale, which Waymark never does.
std::string decimal(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", std::round(v * 100) / 100);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

bool starts_formula(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// -?digits(.digits)?: what a spreadsheet reads as a plain number on its own.
bool is_plain_number(std::string_view s) {
    if (!s.empty() && s.front() == '-') s.remove_prefix(1);
    std::size_t i = 0;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == 0) return false;
    if (i == s.size()) return true;
    if (s[i] != '.' || ++i == s.size()) return false;
    while (i < s.size() && is_digit(s[i])) ++i;
    return i == s.size();
}

// The first character after the leading apostrophes starts a formula.
bool formula_after_apostrophes(std::string_view s) {
    const std::size_t first = s.find_first_not_of('\'');
    return first != std::string_view::npos && starts_formula(s[first]);
}

}  // namespace

std::string csv_neutralise(std::string_view cell) {
    std::string out;
    if (formula_after_apostrophes(cell) && !is_plain_number(cell)) out += '\'';
    out += cell;
    return out;
}

std::string csv_restore(std::string_view cell) {
    if (cell.empty() || cell.front() != '\'' || !formula_after_apostrophes(cell)) return std::string(cell);
    return std::string(cell.substr(1));
}

std::string csv_field(std::string_view raw) {
    const std::string text = csv_neutralise(raw);
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_record(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    out += "\r\n";
    return out;
}

std::string backlog_csv(const Workspace& ws, Date today) {
    std::string out(kUtf8Bom);
    out += csv_record({"Rank", "Title", "Journeys", "Status", "Will not do", "Reason", "Customer value",
                       "Business value", "Effort", "Evidence", "Priority"});
    for (const auto& r : scoring::rank(ws, today)) {
        const Opportunity& o = *r.opportunity;
        std::string journeys;
        for (Id id : scoring::journeys(o))
            if (const Journey* j = find_by_id(ws.journeys, id)) {
                if (!journeys.empty()) journeys += "; ";
                journeys += j->title;
            }
        out += csv_record({r.rank > 0 ? std::to_string(r.rank) : std::string(), o.title, journeys,
                           std::string(enum_name(o.status)), o.will_not_do ? "yes" : "", o.will_not_do ? o.will_not_do_reason : "",
                           decimal(r.score.customer), decimal(r.score.business), decimal(r.score.effort),
                           decimal(r.score.evidence * 100), decimal(r.score.priority)});
    }
    return out;
}

}  // namespace wm::io
