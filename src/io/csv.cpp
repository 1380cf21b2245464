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

}  // namespace

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
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
