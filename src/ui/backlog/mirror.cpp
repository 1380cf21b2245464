// The backlog for screen readers: see mirror.hpp.
#include "ui/backlog/mirror.hpp"

#include <charconv>
#include <cstdio>

#include "edit/commands.hpp"
#include "ui/backlog/internal.hpp"
#include "ui/kit/json_text.hpp"
#include "ui/kit/mirror_page.hpp"

namespace wm::ui {
std::string backlog_mirror(const Workspace& ws, const std::vector<BacklogRow>& rows) {
    MirrorPage page("backlog", "Backlog");
    page.begin_table("Every opportunity, the ranked ones first in rank order by the workspace's scoring rules",
                     {"Rank", "Opportunity", "Priority", "Status", "Why", "Scores"}, 1, MirrorPage::Controls::actions);
    for (const BacklogRow& row : rows) {
        const Opportunity* o = row.ranked.opportunity;
        if (!o) continue;
        char priority[32];
        std::snprintf(priority, sizeof priority, "%.1f", row.ranked.score.priority);
        std::string why;
        for (const std::string& line : scoring::explain(ws, row.ranked.score, row.ranked.rank)) why += (why.empty() ? "" : " ") + line;
        page.row(o->id.str(), {row.ranked.rank > 0 ? "#" + std::to_string(row.ranked.rank) : std::string("not ranked"), o->title, priority,
                               backlog::status_label(*o), why},
                 {{"score", "Score \xE2\x80\x9C" + o->title + "\xE2\x80\x9D\xE2\x80\xA6"}});
    }
    page.end_table();
    return std::move(page).done();
}

std::string backlog_mirror_action(const ViewContext& ctx, std::string_view action, std::string_view row, std::string_view criterion,
                                  std::string_view value) {
    const auto id = Id::parse(row);
    const Opportunity* o = id ? find_by_id(ctx.ws.opportunities, *id) : nullptr;
    if (!o) return mirror_reply(false, "that opportunity is no longer in the backlog");
    const auto& criteria = ctx.ws.settings.scoring.criteria;
    if (action == "score") {
        json::Writer w;
        w.begin().field("ok", true).field("title", "Scores of \xE2\x80\x9C" + o->title + "\xE2\x80\x9D").key("fields").array();
        for (CriterionGroup group : {CriterionGroup::customer, CriterionGroup::business, CriterionGroup::effort})
            for (const Criterion& c : criteria) {
                if (c.group != group) continue;
                std::string current;
                for (const CriterionScore& s : o->scores)
                    if (s.criterion == c.id) current = std::to_string(static_cast<int>(s.value));
                std::string label = c.name + " (" + scoring::group_name(c.group) + ", " + std::to_string(c.scale_min) + " to " +
                                    std::to_string(c.scale_max) + ")";
                if (!c.description.empty()) label += ": " + c.description;
                w.begin().field("row", o->id.str()).field("action", "set-score").field("name", c.id.str()).field("label", label);
                w.key("options").array();
                w.begin().field("value", "").field("label", "Not rated").end();
                for (int v = c.scale_min; v <= c.scale_max; ++v) w.begin().field("value", std::to_string(v)).field("label", std::to_string(v)).end();
                w.end_array().field("value", current).end();
            }
        w.end_array().end();
        return w.str();
    }
    if (action != "set-score") return mirror_reply(false, "there is no such action");
    const auto cid = Id::parse(criterion);
    const Criterion* c = nullptr;
    for (const Criterion& k : criteria)
        if (cid && k.id == *cid) c = &k;
    if (!c) return mirror_reply(false, "that scoring criterion is no longer in the workspace");
    std::optional<double> score;
    if (!value.empty()) {
        int v = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), v);
        if (error != std::errc() || end != value.data() + value.size() || v < c->scale_min || v > c->scale_max)
            return mirror_reply(false, "a score is a whole number from " + std::to_string(c->scale_min) + " to " + std::to_string(c->scale_max));
        score = static_cast<double>(v);
    }
    ctx.emit(edit::set_opportunity_score(o->id, c->id, score));
    return mirror_reply(true);
}

}  // namespace wm::ui
