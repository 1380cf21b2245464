// The insight repository for screen readers: see mirror.hpp.
#include "ui/insights/mirror.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "edit/commands.hpp"
#include "model/enum_names.hpp"
#include "layout/search.hpp"
#include "model/limits.hpp"
#include "platform/platform.hpp"
#include "scoring/prioritise.hpp"
#include "ui/insights/view.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/mirror_form.hpp"
#include "ui/kit/mirror_page.hpp"

namespace wm::ui {
namespace {

template <class E>
std::vector<FormOption> enum_options() {
    std::vector<FormOption> out;
    for (std::size_t k = 0; k < enum_count<E>(); ++k) {
        const std::string name(enum_name(static_cast<E>(k)));
        out.push_back({name, name});
    }
    return out;
}

std::string form(const Workspace& ws, const Insight& i) {
    MirrorForm f("Insight \xE2\x80\x9C" + i.title + "\xE2\x80\x9D", i.id.str(), "set-field");
    f.text("title", "Title", i.title);
    f.area("text", "Text", i.text);
    f.choice("type", "Type", enum_options<InsightType>(), enum_name(i.type));
    f.choice("source", "Source", enum_options<InsightSource>(), enum_name(i.source));
    f.text("source_detail", "Source detail", i.source_detail);
    f.choice("evidence", "Evidence", enum_options<Evidence>(), enum_name(i.evidence));
    f.text("last_validated", "Last validated (YYYY-MM-DD, empty: never)", i.last_validated ? to_iso(*i.last_validated) : std::string());
    std::vector<FormOption> impacts;
    for (int v = -limits::kMaxImpact; v <= limits::kMaxImpact; ++v) impacts.push_back({std::to_string(v), std::string(impact_label(v))});
    f.choice("impact", "Impact", impacts, std::to_string(i.impact));
    f.lines("tags", "Tags, one per line", i.tags);
    f.checks("personas", "Personas it concerns", id_options(ws.personas, [](const Persona& p) { return p.name; }), id_values(i.personas));
    f.checks("steps", "Linked steps", step_options(ws), step_option_values(i.steps));
    return std::move(f).done();
}

template <class E>
bool set_enum(E& member, std::string_view value) {
    const auto e = enum_from_name<E>(value);
    if (e) member = *e;
    return e.has_value();
}

}  // namespace

void insight_link_fields(MirrorForm& f, const Workspace& ws, const std::vector<Id>& linked, std::string_view query, bool evidence) {
    auto label = [&](const Insight& i) { return evidence ? i.title + " (" + std::string(enum_name(i.evidence)) + ")" : i.title; };
    std::vector<FormOption> options;
    if (ws.insights.size() <= kMirrorInsights) {
        for (const Insight& i : ws.insights) options.push_back({i.id.str(), label(i)});
        f.checks("insights", "Insights", options, id_values(linked));
        return;
    }
    f.text("insight-search", "Find insights to link (words, then Enter)", query);
    for (const Id& id : linked)
        if (const Insight* i = find_by_id(ws.insights, id)) options.push_back({id.str(), label(*i)});
    const std::string words = layout::fold_for_search(trimmed(query));   // as the repository's search folds (case, accents)
    std::size_t matching = 0;
    if (!words.empty()) {
        std::vector<std::string> wanted;
        for (std::size_t at = 0; at < words.size();) {
            const std::size_t end = std::min(words.find(' ', at), words.size());
            if (end > at) wanted.push_back(words.substr(at, end - at));
            at = end + 1;
        }
        for (const Insight& i : ws.insights) {
            if (std::find(linked.begin(), linked.end(), i.id) != linked.end()) continue;
            const std::string title = layout::fold_for_search(i.title), text = layout::fold_for_search(i.text);
            const bool all = std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
                return title.find(w) != std::string::npos || text.find(w) != std::string::npos;
            });
            if (!all) continue;
            if (++matching <= kInsightMatches) options.push_back({i.id.str(), label(i)});
        }
    }
    std::string heading = "Insights: the linked ones";
    if (words.empty()) heading += "; find others above";
    else if (matching == 0) heading += "; none other holds \xE2\x80\x9C" + std::string(trimmed(query)) + "\xE2\x80\x9D";
    else if (matching <= kInsightMatches) heading += " and " + std::to_string(matching) + " matching \xE2\x80\x9C" + std::string(trimmed(query)) + "\xE2\x80\x9D";
    else heading += " and the first " + std::to_string(kInsightMatches) + " of " + with_thousands(static_cast<double>(matching)) +
                    " matching \xE2\x80\x9C" + std::string(trimmed(query)) + "\xE2\x80\x9D (more words narrow them)";
    f.checks("insights", heading, options, id_values(linked));
}

std::string insights_mirror(const Workspace& ws, const InsightsState& st, Date today) {
    const std::size_t shown = st.rows.shown.size(), listed = std::min(shown, kMirrorInsights);
    std::string caption = shown == ws.insights.size() ? std::to_string(shown) + " insights"
                                                       : std::to_string(shown) + " of " + std::to_string(ws.insights.size()) + " insights match the search and filters";
    if (listed < shown) caption += "; the first " + std::to_string(listed) + " are listed here, search to narrow them";
    MirrorPage page("insights", "Insights");
    page.buttons({{"add", "New insight"}, {"import-csv", "Import insights CSV\xE2\x80\xA6"}});
    page.begin_table(caption, {"Insight", "Type", "Evidence", "Source", "Impact", "Linked steps", "Text", "Actions"}, 0,
                     MirrorPage::Controls::actions);
    for (std::size_t n = 0; n < listed; ++n) {
        const int k = st.rows.shown[n];
        if (k < 0 || static_cast<std::size_t>(k) >= ws.insights.size()) continue;
        const Insight& i = ws.insights[static_cast<std::size_t>(k)];
        std::string evidence(enum_name(i.evidence));
        if (scoring::insight_is_stale(i, today, ws.settings.stale_after_days)) evidence += ", stale: validate it again";
        std::string source(enum_name(i.source));
        if (!i.source_detail.empty()) source += ": " + i.source_detail;
        const std::string impact = i.impact > 0 ? "+" + std::to_string(i.impact) : i.impact < 0 ? "\xE2\x88\x92" + std::to_string(-i.impact) : "0";
        page.row(i.id.str(), {i.title, enum_name(i.type), evidence, source, impact, std::to_string(i.steps.size()), i.text},
                 {{"edit", "Edit \xE2\x80\x9C" + i.title + "\xE2\x80\x9D\xE2\x80\xA6"}, {"delete", "Delete \xE2\x80\x9C" + i.title + "\xE2\x80\x9D"}});
    }
    page.end_table();
    return std::move(page).done();
}

std::string insights_mirror_action(const ViewContext& ctx, std::string_view action, std::string_view row, std::string_view field,
                                   std::string_view value) {
    if (action == "import-csv") {   // the file picker; the import is then the page's dialog (insights/import.cpp)
        platform::pick_file_for(".csv,text/csv,text/plain", "insights-csv-page");
        return mirror_reply(true);
    }
    if (action == "add") {
        Insight fresh;   // as add_insight makes it: the form shows it before the command is applied
        fresh.id = add_insight(ctx);
        fresh.title = "New insight";
        return form(ctx.ws, fresh);
    }
    const auto id = Id::parse(row);
    const Insight* i = id ? find_by_id(ctx.ws.insights, *id) : nullptr;
    if (!i) return mirror_reply(false, "that insight is no longer in the workspace");
    if (action == "edit") return form(ctx.ws, *i);
    if (action == "delete") {
        ctx.emit(edit::remove_insight(i->id));
        if (ctx.ui.insights.selected == i->id) ctx.ui.insights.selected = {};
        return mirror_reply(true);
    }
    if (action != "set-field") return mirror_reply(false, "there is no such action");
    if (value.size() > limits::kMaxTextBytes) return mirror_reply(false, "that text is too long");
    Insight changed = *i;
    if (field == "title") changed.title = trimmed(value);
    else if (field == "text") changed.text = std::string(value);
    else if (field == "source_detail") changed.source_detail = trimmed(value);
    else if (field == "type") { if (!set_enum(changed.type, value)) return mirror_reply(false, "there is no such type"); }
    else if (field == "source") { if (!set_enum(changed.source, value)) return mirror_reply(false, "there is no such source"); }
    else if (field == "evidence") { if (!set_enum(changed.evidence, value)) return mirror_reply(false, "there is no such evidence level"); }
    else if (field == "last_validated") {
        const std::string text = trimmed(value);
        if (text.empty()) changed.last_validated.reset();
        else if (const auto d = parse_iso_date(text)) changed.last_validated = *d;
        else return mirror_reply(false, "\xE2\x80\x9C" + text + "\xE2\x80\x9D is not a date (YYYY-MM-DD)");
    } else if (field == "impact") {
        int v = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), v);
        if (error != std::errc() || end != value.data() + value.size() || v < -limits::kMaxImpact || v > limits::kMaxImpact)
            return mirror_reply(false, "an impact is from -2 to +2");
        changed.impact = v;
    } else if (field == "tags") {
        changed.tags = form_lines(value);
        if (changed.tags.size() > limits::kMaxStrings) return mirror_reply(false, "an insight has at most 1,000 tags");
    } else if (field == "personas") {
        auto ids = form_ids(ctx.ws.personas, value);
        if (!ids) return mirror_reply(false, "that persona is no longer in the workspace");
        changed.personas = std::move(*ids);
    } else if (field == "steps") {
        auto steps = form_steps(ctx.ws, value);
        if (!steps) return mirror_reply(false, "that step is no longer in the workspace");
        changed.steps = std::move(*steps);
    } else return mirror_reply(false, "there is no such field");
    if (!(changed == *i)) ctx.emit(edit::replace_insight(std::move(changed)));
    return mirror_reply(true);
}

}  // namespace wm::ui
