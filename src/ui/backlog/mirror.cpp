// The backlog for screen readers: see mirror.hpp.
#include "ui/backlog/mirror.hpp"

#include <cstdio>

#include "ui/backlog/internal.hpp"
#include "ui/kit/json_text.hpp"

namespace wm::ui {

std::string backlog_mirror(const Workspace& ws, const std::vector<BacklogRow>& rows) {
    std::string out = "{\"view\":\"backlog\",\"title\":\"Backlog\",\"table\":{\"caption\":";
    json::append_string(out, "Every opportunity, the ranked ones first in rank order by the workspace's scoring rules");
    out += ",\"columns\":[\"Rank\",\"Opportunity\",\"Priority\",\"Status\",\"Why\"],\"rows\":[";
    bool first = true;
    for (const BacklogRow& row : rows) {
        const Opportunity* o = row.ranked.opportunity;
        if (!o) continue;
        if (!first) out.push_back(',');
        first = false;
        char priority[32];
        std::snprintf(priority, sizeof priority, "%.1f", row.ranked.score.priority);
        std::string why;
        for (const std::string& line : scoring::explain(ws, row.ranked.score, row.ranked.rank)) why += (why.empty() ? "" : " ") + line;
        out += "{\"id\":";
        json::append_string(out, o->id.str());
        out += ",\"cells\":[";
        json::append_string(out, row.ranked.rank > 0 ? "#" + std::to_string(row.ranked.rank) : std::string("not ranked"));
        for (const std::string& cell : {o->title, std::string(priority), std::string(backlog::status_label(*o)), why}) {
            out.push_back(',');
            json::append_string(out, cell);
        }
        out += "]}";
    }
    out += "]}}";
    return out;
}

}  // namespace wm::ui
