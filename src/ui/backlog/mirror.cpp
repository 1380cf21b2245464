// The backlog for screen readers: see mirror.hpp.
#include "ui/backlog/mirror.hpp"

#include <charconv>
#include <cstdio>
#include <functional>
#include <iterator>
#include <optional>

#include "edit/commands.hpp"
#include "model/enum_names.hpp"
#include "model/limits.hpp"
#include "ui/backlog/internal.hpp"
#include "ui/backlog/opportunity_editor.hpp"
#include "ui/backlog/view.hpp"
#include "ui/insights/mirror.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/mirror_form.hpp"
#include "ui/kit/mirror_page.hpp"

namespace wm::ui {
namespace {

const char* const kStatusLabels[] = {"Idea", "Validated", "Planned", "In progress", "Done"};

std::string quoted(const std::string& text) { return "\xE2\x80\x9C" + text + "\xE2\x80\x9D"; }

// The details the canvas's details panel edits: title, description, owner, status, the explicit "no"
// with its reason, and what the opportunity is linked to (the short lists first: a keyboard walks
// every checkbox of a group before the next).
std::string details_form(const Workspace& ws, const Opportunity& o, std::string_view focus = {}, std::string_view insight_query = {}) {
    MirrorForm f("Opportunity " + quoted(o.title), o.id.str(), "set-field");
    f.text("title", "Title", o.title);
    f.area("description", "Description", o.description);
    f.text("owner", "Owner", o.owner);
    std::vector<FormOption> statuses;
    for (std::size_t k = 0; k < std::size(kStatusLabels); ++k)
        statuses.push_back({std::string(enum_name(static_cast<OpportunityStatus>(k))), kStatusLabels[k]});
    f.choice("status", "Status", statuses, enum_name(o.status));
    f.check("will_not_do", "Will not do", o.will_not_do);
    f.area("will_not_do_reason", "Why it will not be done", o.will_not_do_reason);
    f.checks("journeys", "Journeys", id_options(ws.journeys, [](const Journey& j) { return j.title; }), id_values(o.journeys));
    f.checks("personas", "Personas", id_options(ws.personas, [](const Persona& p) { return p.name; }), id_values(o.personas));
    // A repository may hold 100,000 insights: past a page's worth, the linked ones and a search.
    insight_link_fields(f, ws, o.insights, insight_query, false);
    f.checks("steps", "Steps", step_options(ws), step_option_values(o.steps));
    // The solutions: each its title, description, status and Remove; then Add solution.
    for (const Solution& s : o.solutions) {
        f.edits(o.id.str() + "/" + s.id.str(), "solution");
        f.heading("Solution " + quoted(s.title));
        f.text("title", "Title", s.title);
        f.area("description", "Description", s.description);
        f.choice("status", "Status", statuses, enum_name(s.status));
        f.button("remove", "Remove solution " + quoted(s.title));
    }
    f.edits(o.id.str(), "set-field");
    f.button("add-solution", "Add solution");
    return std::move(f).done(focus);
}

std::string scores_form(const Workspace& ws, const Opportunity& o) {
    MirrorForm f("Scores of " + quoted(o.title), o.id.str(), "set-score");
    for (CriterionGroup group : {CriterionGroup::customer, CriterionGroup::business, CriterionGroup::effort})
        for (const Criterion& c : ws.settings.scoring.criteria) {
            if (c.group != group) continue;
            std::string current;
            for (const CriterionScore& s : o.scores)
                if (s.criterion == c.id) current = std::to_string(static_cast<int>(s.value));
            std::string label = c.name + " (" + scoring::group_name(c.group) + ", " + std::to_string(c.scale_min) + " to " +
                                std::to_string(c.scale_max) + ")";
            if (!c.description.empty()) label += ": " + c.description;
            std::vector<FormOption> options{{"", "Not rated"}};
            for (int v = c.scale_min; v <= c.scale_max; ++v) options.push_back({std::to_string(v), std::to_string(v)});
            f.choice(c.id.str(), label, options, current);
        }
    return std::move(f).done();
}

std::string set_score(const ViewContext& ctx, const Opportunity& o, std::string_view criterion, std::string_view value) {
    const auto cid = Id::parse(criterion);
    const Criterion* c = nullptr;
    for (const Criterion& k : ctx.ws.settings.scoring.criteria)
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
    ctx.emit(edit::set_opportunity_score(o.id, c->id, score));
    return mirror_reply(true);
}

// A solution's field or its Remove (row: "<opportunity>/<solution>"): the command, then the details
// form again (its heading follows a new title; without the removed one, focus on Add solution).
std::string solution_action(const ViewContext& ctx, std::string_view row, std::string_view field, std::string_view value,
                            const std::function<void()>& apply) {
    const auto slash = row.find('/');
    const auto oid = Id::parse(row.substr(0, slash));
    const auto sid = slash == std::string_view::npos ? std::nullopt : Id::parse(row.substr(slash + 1));
    const Opportunity* o = oid ? find_by_id(ctx.ws.opportunities, *oid) : nullptr;
    const Solution* s = o && sid ? find_by_id(o->solutions, *sid) : nullptr;
    if (!s) return mirror_reply(false, "that solution is no longer in the backlog");
    if (value.size() > limits::kMaxTextBytes) return mirror_reply(false, "that text is too long");
    const Id id = o->id;
    std::string focus;
    if (field == "remove") {
        ctx.emit(edit::remove_solution(o->id, s->id));
        focus = id.str() + "|add-solution";
    } else {
        Solution changed = *s;
        if (field == "title") {
            changed.title = trimmed(value);
            if (changed.title.empty()) return mirror_reply(false, "a solution needs a title");
        } else if (field == "description") {
            changed.description = std::string(value);
        } else if (field == "status") {
            const auto status = enum_from_name<OpportunityStatus>(value);
            if (!status) return mirror_reply(false, "there is no such status");
            changed.status = *status;
        } else {
            return mirror_reply(false, "there is no such field");
        }
        if (changed == *s) return mirror_reply(true);
        ctx.emit(edit::replace_solution(o->id, std::move(changed)));
    }
    apply();
    const Opportunity* now = find_by_id(ctx.ws.opportunities, id);
    return now ? details_form(ctx.ws, *now, focus) : mirror_reply(true);
}

std::string set_field(const ViewContext& ctx, const Opportunity& o, std::string_view field, std::string_view value) {
    if (value.size() > limits::kMaxTextBytes) return mirror_reply(false, "that text is too long");
    const Workspace& ws = ctx.ws;
    if (field == "will_not_do") {
        const bool on = value == "true";
        if (on != o.will_not_do) ctx.emit(edit::set_will_not_do(o.id, on, o.will_not_do_reason));
        return mirror_reply(true);
    }
    if (field == "will_not_do_reason" && o.will_not_do) {
        if (value != o.will_not_do_reason) ctx.emit(edit::set_will_not_do(o.id, true, std::string(value)));
        return mirror_reply(true);
    }
    if (field == "insight-search") return details_form(ws, o, o.id.str() + "|insight-search", value);   // the matches to tick
    Opportunity changed = o;
    if (field == "title") {
        changed.title = trimmed(value);
        if (changed.title.empty()) return mirror_reply(false, "an opportunity needs a title");
    } else if (field == "description") changed.description = std::string(value);
    else if (field == "owner") changed.owner = trimmed(value);
    else if (field == "will_not_do_reason") changed.will_not_do_reason = std::string(value);
    else if (field == "status") {
        const auto status = enum_from_name<OpportunityStatus>(value);
        if (!status) return mirror_reply(false, "there is no such status");
        changed.status = *status;
    } else if (field == "journeys" || field == "insights" || field == "personas") {
        const auto ids = field == "journeys"   ? form_ids(ws.journeys, value)
                         : field == "insights" ? form_ids(ws.insights, value)
                                               : form_ids(ws.personas, value);
        if (!ids) return mirror_reply(false, "one of those is no longer in the workspace");
        (field == "journeys" ? changed.journeys : field == "insights" ? changed.insights : changed.personas) = *ids;
    } else if (field == "steps") {
        auto steps = form_steps(ws, value);
        if (!steps) return mirror_reply(false, "that step is no longer in the workspace");
        changed.steps = std::move(*steps);
    } else return mirror_reply(false, "there is no such field");
    if (!(changed == o)) ctx.emit(edit::replace_opportunity(std::move(changed)));
    return mirror_reply(true);
}

}  // namespace

std::string backlog_mirror(const Workspace& ws, const std::vector<BacklogRow>& rows) {
    MirrorPage page("backlog", "Backlog");
    page.buttons({{"new", "New opportunity"}, {"export-csv", "Export backlog CSV"}});
    page.begin_table("Every opportunity, the ranked ones first in rank order by the workspace's scoring rules",
                     {"Rank", "Opportunity", "Priority", "Status", "Why", "Actions"}, 1, MirrorPage::Controls::actions);
    for (const BacklogRow& row : rows) {
        const Opportunity* o = row.ranked.opportunity;
        if (!o) continue;
        char priority[32];
        std::snprintf(priority, sizeof priority, "%.1f", row.ranked.score.priority);
        std::string why;
        for (const std::string& line : scoring::explain(ws, row.ranked.score, row.ranked.rank)) why += (why.empty() ? "" : " ") + line;
        page.row(o->id.str(), {row.ranked.rank > 0 ? "#" + std::to_string(row.ranked.rank) : std::string("not ranked"), o->title, priority,
                               backlog::status_label(*o), why},
                 {{"score", "Score " + quoted(o->title) + "\xE2\x80\xA6"},
                  {"edit", "Edit " + quoted(o->title) + "\xE2\x80\xA6"},
                  {"delete", "Delete " + quoted(o->title)}});
    }
    page.end_table();
    return std::move(page).done();
}

std::string backlog_mirror_action(const ViewContext& ctx, std::string_view action, std::string_view row, std::string_view field,
                                  std::string_view value, const std::function<void()>& apply) {
    if (action == "solution") return solution_action(ctx, row, field, value, apply);
    if (action == "new") {
        Opportunity fresh = new_opportunity("Untitled opportunity");
        create_opportunity(ctx, fresh);
        return details_form(ctx.ws, fresh);
    }
    if (action == "export-csv") {
        export_backlog_csv(ctx);
        return mirror_reply(true);
    }
    const auto id = Id::parse(row);
    const Opportunity* o = id ? find_by_id(ctx.ws.opportunities, *id) : nullptr;
    if (!o) return mirror_reply(false, "that opportunity is no longer in the backlog");
    if (action == "score") return scores_form(ctx.ws, *o);
    if (action == "edit") return details_form(ctx.ws, *o);
    if (action == "delete") {
        ctx.emit(edit::remove_opportunity(o->id));   // Undo brings it back with every link
        if (ctx.ui.backlog.selected == o->id) ctx.ui.backlog.selected = {};
        return mirror_reply(true);
    }
    if (action == "set-score") return set_score(ctx, *o, field, value);
    if (action == "set-field" && field == "add-solution") {
        Solution s;   // as the canvas's "Add solution" makes it
        s.id = new_id();
        s.title = "New solution";
        const std::string focus = o->id.str() + "/" + s.id.str() + "|title";
        const Id oid = o->id;
        ctx.emit(edit::add_solution(oid, std::move(s)));
        apply();
        const Opportunity* now = find_by_id(ctx.ws.opportunities, oid);
        return now ? details_form(ctx.ws, *now, focus) : mirror_reply(true);
    }
    if (action == "set-field") return set_field(ctx, *o, field, value);
    return mirror_reply(false, "there is no such action");
}

}  // namespace wm::ui
