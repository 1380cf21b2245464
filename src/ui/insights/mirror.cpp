// The insight repository for screen readers: see mirror.hpp.
#include "ui/insights/mirror.hpp"

#include <algorithm>
#include <charconv>

#include "edit/commands.hpp"
#include "model/enum_names.hpp"
#include "model/limits.hpp"
#include "scoring/prioritise.hpp"
#include "ui/insights/view.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/json_text.hpp"
#include "ui/kit/mirror_page.hpp"

namespace wm::ui {
namespace {

void text_field(json::Writer& w, const Insight& i, std::string_view name, std::string_view kind, std::string_view label, std::string_view value) {
    w.begin().field("row", i.id.str()).field("action", "set-field").field("name", name).field("kind", kind).field("label", label)
        .field("value", value).end();
}

template <class E>
void enum_field(json::Writer& w, const Insight& i, std::string_view name, std::string_view label, E value) {
    w.begin().field("row", i.id.str()).field("action", "set-field").field("name", name).field("label", label).key("options").array();
    for (std::size_t k = 0; k < enum_count<E>(); ++k) {
        const std::string_view n = enum_name(static_cast<E>(k));
        w.begin().field("value", n).field("label", n).end();
    }
    w.end_array().field("value", enum_name(value)).end();
}

std::string form(const Insight& i) {
    json::Writer w;
    w.begin().field("ok", true).field("title", "Insight \xE2\x80\x9C" + i.title + "\xE2\x80\x9D").key("fields").array();
    text_field(w, i, "title", "text", "Title", i.title);
    text_field(w, i, "text", "area", "Text", i.text);
    enum_field(w, i, "type", "Type", i.type);
    enum_field(w, i, "source", "Source", i.source);
    text_field(w, i, "source_detail", "text", "Source detail", i.source_detail);
    enum_field(w, i, "evidence", "Evidence", i.evidence);
    text_field(w, i, "last_validated", "text", "Last validated (YYYY-MM-DD, empty: never)", i.last_validated ? to_iso(*i.last_validated) : std::string());
    w.begin().field("row", i.id.str()).field("action", "set-field").field("name", "impact").field("label", "Impact").key("options").array();
    for (int v = -limits::kMaxImpact; v <= limits::kMaxImpact; ++v) w.begin().field("value", std::to_string(v)).field("label", impact_label(v)).end();
    w.end_array().field("value", std::to_string(i.impact)).end();
    w.end_array().end();
    return w.str();
}

template <class E>
bool set_enum(E& member, std::string_view value) {
    const auto e = enum_from_name<E>(value);
    if (e) member = *e;
    return e.has_value();
}

}  // namespace

std::string insights_mirror(const Workspace& ws, const InsightsState& st, Date today) {
    const std::size_t shown = st.rows.shown.size(), listed = std::min(shown, kMirrorInsights);
    std::string caption = shown == ws.insights.size() ? std::to_string(shown) + " insights"
                                                       : std::to_string(shown) + " of " + std::to_string(ws.insights.size()) + " insights match the search and filters";
    if (listed < shown) caption += "; the first " + std::to_string(listed) + " are listed here, search to narrow them";
    MirrorPage page("insights", "Insights");
    page.buttons({{"add", "New insight"}});
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
    if (action == "add") {
        Insight fresh;   // as add_insight makes it: the form shows it before the command is applied
        fresh.id = add_insight(ctx);
        fresh.title = "New insight";
        return form(fresh);
    }
    const auto id = Id::parse(row);
    const Insight* i = id ? find_by_id(ctx.ws.insights, *id) : nullptr;
    if (!i) return mirror_reply(false, "that insight is no longer in the workspace");
    if (action == "edit") return form(*i);
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
    } else return mirror_reply(false, "there is no such field");
    if (!(changed == *i)) ctx.emit(edit::replace_insight(std::move(changed)));
    return mirror_reply(true);
}

}  // namespace wm::ui
