// The insight repository for screen readers: see mirror.hpp.
#include "ui/insights/mirror.hpp"

#include <algorithm>

#include "model/enum_names.hpp"
#include "scoring/prioritise.hpp"
#include "ui/kit/mirror_table.hpp"

namespace wm::ui {

std::string insights_mirror(const Workspace& ws, const InsightsState& st, Date today) {
    const std::size_t shown = st.rows.shown.size(), listed = std::min(shown, kMirrorInsights);
    std::string caption = shown == ws.insights.size() ? std::to_string(shown) + " insights"
                                                       : std::to_string(shown) + " of " + std::to_string(ws.insights.size()) + " insights match the search and filters";
    if (listed < shown) caption += "; the first " + std::to_string(listed) + " are listed here, search to narrow them";
    MirrorTable table("insights", "Insights", caption, {"Insight", "Type", "Evidence", "Source", "Impact", "Linked steps", "Text"}, 0);
    for (std::size_t n = 0; n < listed; ++n) {
        const int k = st.rows.shown[n];
        if (k < 0 || static_cast<std::size_t>(k) >= ws.insights.size()) continue;
        const Insight& i = ws.insights[static_cast<std::size_t>(k)];
        std::string evidence(enum_name(i.evidence));
        if (scoring::insight_is_stale(i, today, ws.settings.stale_after_days)) evidence += ", stale: validate it again";
        std::string source(enum_name(i.source));
        if (!i.source_detail.empty()) source += ": " + i.source_detail;
        const std::string impact = i.impact > 0 ? "+" + std::to_string(i.impact) : i.impact < 0 ? "\xE2\x88\x92" + std::to_string(-i.impact) : "0";
        table.row(i.id.str(), {i.title, enum_name(i.type), evidence, source, impact, std::to_string(i.steps.size()), i.text});
    }
    return std::move(table).done();
}

}  // namespace wm::ui
