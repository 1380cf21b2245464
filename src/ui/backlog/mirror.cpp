// The backlog for screen readers: see mirror.hpp.
#include "ui/backlog/mirror.hpp"

#include <cstdio>

#include "ui/backlog/internal.hpp"
#include "ui/kit/mirror_table.hpp"

namespace wm::ui {

std::string backlog_mirror(const Workspace& ws, const std::vector<BacklogRow>& rows) {
    MirrorTable table("backlog", "Backlog", "Every opportunity, the ranked ones first in rank order by the workspace's scoring rules",
                      {"Rank", "Opportunity", "Priority", "Status", "Why"}, 1);
    for (const BacklogRow& row : rows) {
        const Opportunity* o = row.ranked.opportunity;
        if (!o) continue;
        char priority[32];
        std::snprintf(priority, sizeof priority, "%.1f", row.ranked.score.priority);
        std::string why;
        for (const std::string& line : scoring::explain(ws, row.ranked.score, row.ranked.rank)) why += (why.empty() ? "" : " ") + line;
        table.row(o->id.str(), {row.ranked.rank > 0 ? "#" + std::to_string(row.ranked.rank) : std::string("not ranked"), o->title, priority,
                                backlog::status_label(*o), why});
    }
    return std::move(table).done();
}

}  // namespace wm::ui
