// The KPI editor as a form for the mirror: see mirror.hpp.
#include "ui/kpi/mirror.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <vector>

#include "edit/commands.hpp"
#include "model/date.hpp"
#include "model/enum_names.hpp"
#include "model/limits.hpp"
#include "scoring/kpi.hpp"
#include "ui/kit/derived.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/mirror_form.hpp"
#include "ui/kit/mirror_page.hpp"
#include "ui/kit/sparkline.hpp"
#include "ui/kpi/editor.hpp"
#include "ui/kpi/internal.hpp"

namespace wm::ui {
namespace {

using namespace kpi_detail;

std::string quoted(const std::string& text) { return "\xE2\x80\x9C" + text + "\xE2\x80\x9D"; }
std::string name_of(const Metric& m) { return m.name.empty() ? std::string("(untitled)") : m.name; }

std::string anchor_row(const KpiAnchor& a) { return "anchor:" + a.journey.str() + "/" + a.stage.str() + "/" + a.step.str(); }

std::optional<KpiAnchor> parse_anchor(std::string_view row) {
    constexpr std::string_view prefix = "anchor:";
    if (row.substr(0, prefix.size()) != prefix) return std::nullopt;
    row.remove_prefix(prefix.size());
    Id parts[3];
    for (Id& part : parts) {
        const auto slash = row.find('/');
        const auto id = Id::parse(row.substr(0, slash));
        if (id) part = *id;   // a nil part is written as the nil id
        row = slash == std::string_view::npos ? std::string_view() : row.substr(slash + 1);
    }
    return KpiAnchor{parts[0], parts[1], parts[2]};
}

// The anchor a KPI is listed at: a step's KPI at the step (it keeps its stage too).
KpiAnchor anchor_of(const Metric& m) { return {m.journey, m.step.is_nil() ? m.stage : Id{}, m.step}; }

// The values as text, one per line: "2026-03-01; 12.5" or "2026-03-01; 12.5; NL / Prepaid".
std::vector<std::string> value_lines(const Metric& m) {
    std::vector<std::string> out;
    for (const MetricValue& v : m.values)
        out.push_back(to_iso(v.date) + "; " + number_text(v.value) + (v.segment.empty() ? "" : "; " + v.segment));
    return out;
}

// Those lines read back; on a line that is not one, why (in words, with the line's number).
std::optional<std::vector<MetricValue>> parse_values(std::string_view text, std::string& why) {
    std::vector<MetricValue> out;
    int n = 0;
    for (const std::string& line : form_lines(text)) {
        ++n;
        const auto first = line.find(';');
        const auto second = first == std::string::npos ? std::string::npos : line.find(';', first + 1);
        const auto date = parse_iso_date(trimmed(std::string_view(line).substr(0, first)));
        const auto value = first == std::string::npos ? std::nullopt
                                                      : parse_number(line.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1));
        if (!date || !value) {
            why = "line " + std::to_string(n) + " (" + quoted(line) + ") is not \xE2\x80\x9C" "date; value\xE2\x80\x9D or \xE2\x80\x9C" "date; value; segment\xE2\x80\x9D. " +
                  (date ? kValueHelp : kDateHelp);
            return std::nullopt;
        }
        out.push_back({*date, *value, second == std::string::npos ? std::string() : trimmed(std::string_view(line).substr(second + 1))});
    }
    sort_values(out);
    return out;
}

// The metric's reading in words: the latest value with its health mark, the health against the
// target, the date, the segment it is from.
std::string reading_words(const ViewContext& ctx, const Metric& m) {
    std::string segment;
    const kpi::Reading& r = ctx.derived.kpis().headline(m.id, &segment);
    std::string out = "Latest: " + marked_reading(r, m);
    if (m.target) out += ", " + std::string(kpi::health_name(r.health)) + ", " + target_text(m);
    else out += ", " + target_text(m);
    if (r.latest_date) out += ", " + to_iso(*r.latest_date);
    if (!segment.empty()) out += ", segment " + segment;
    if (r.computed) out += " (rolled up)";
    return out + ".";
}

void metric_fields(const ViewContext& ctx, MirrorForm& f, const Metric& m) {
    const Workspace& ws = ctx.ws;
    f.edits(m.id.str());
    f.heading("KPI " + quoted(name_of(m)));
    f.note(reading_words(ctx, m));
    f.text("name", "Name", m.name);
    f.text("unit", "Unit", m.unit);
    f.text("target", "Target (a number; empty: none)", m.target ? number_text(*m.target) : std::string());
    f.choice("direction", "Better when it is",
             {{std::string(enum_name(Direction::higher_is_better)), "Higher"}, {std::string(enum_name(Direction::lower_is_better)), "Lower"}},
             enum_name(m.direction));
    f.text("owner", "Owner", m.owner);
    f.text("weight", "Weight in a parent KPI's weighted average", number_text(m.weight));
    f.area("description", "Description", m.description);
    std::vector<FormOption> rules;
    for (std::size_t k = 0; k < enum_count<RollUp>(); ++k) rules.push_back({std::string(enum_name(static_cast<RollUp>(k))), kRuleTitles[k]});
    f.choice("rollup", "Roll-up (entered values, or computed from inputs)", rules, enum_name(m.rollup));
    if (m.rollup != RollUp::none) {
        // Every candidate, and chosen inputs that are not candidates any more (so they can go).
        std::vector<const Metric*> inputs;
        for (const Candidate& c : input_candidates(ws, m)) inputs.push_back(c.metric);
        for (const Id& id : m.rollup_inputs)
            if (const Metric* input = find_by_id(ws.metrics, id); input && std::find(inputs.begin(), inputs.end(), input) == inputs.end())
                inputs.push_back(input);
        std::vector<FormOption> options;
        for (const Metric* input : inputs)
            options.push_back({input->id.str(), name_of(*input) + " \xC2\xB7 " + anchor_label(ws, input->journey, input->stage, input->step) + ": " +
                                                    marked_reading(ctx.derived.kpis().headline(input->id), *input)});
        f.checks("inputs", options.empty() ? "Inputs: none to roll up (no child journey hangs here with KPIs of its own)" : "Inputs it rolls up",
                 options, id_values(m.rollup_inputs));
    }
    if (kpi::is_computed(ws, m)) {
        std::string series;
        for (const std::string& s : ctx.derived.kpis().segments(m.id))
            for (const kpi::Point& p : ctx.derived.kpis().reading(m.id, s).series)
                series += (series.empty() ? "" : "; ") + to_iso(p.date) + " " + kpi_value_text(p.value, m.unit) + (s.empty() ? "" : " (" + s + ")");
        f.note("Computed values, read-only: " + (series.empty() ? std::string("none yet") : series) + ".");
    } else {
        f.lines("values", "Values, one per line: date; value; segment (empty: the whole), such as 2026-03-01; 12.5", value_lines(m));
    }
    f.button("delete", "Delete KPI " + quoted(name_of(m)));
}

// One field of a KPI changed: its command emitted, or why not (in words).
std::string set_field(const ViewContext& ctx, const Metric& m, std::string_view name, std::string_view value) {
    if (value.size() > limits::kMaxTextBytes) return "that text is too long";
    Metric c = m;
    if (name == "name") {
        c.name = trimmed(value);
        if (c.name.empty()) return "a KPI needs a name";
    } else if (name == "unit") c.unit = trimmed(value);
    else if (name == "owner") c.owner = trimmed(value);
    else if (name == "description") c.description = std::string(value);
    else if (name == "target") {
        const auto v = parse_number(std::string(value));
        if (!v && !folded(std::string(value)).empty()) return "the target must be a number, such as 12.5 (or empty for none)";
        c.target = v;
    } else if (name == "weight") {
        const auto v = parse_number(std::string(value));
        if (!v || *v < 0) return "a weight is a number of zero or more";
        c.weight = *v;
    } else if (name == "direction") {
        const auto direction = enum_from_name<Direction>(value);
        if (!direction) return "a KPI is better when it is higher or lower";
        c.direction = *direction;
    } else if (name == "rollup") {
        const auto rule = enum_from_name<RollUp>(value);
        if (!rule) return "there is no such roll-up rule";
        c.rollup = *rule;
    } else if (name == "inputs") {
        auto ids = form_ids(ctx.ws.metrics, value);
        if (!ids) return "one of those KPIs is no longer in the workspace";
        for (const Id& id : *ids) {
            const auto candidates = input_candidates(ctx.ws, m);
            const bool allowed = std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& k) { return k.metric->id == id; }) ||
                                 std::find(m.rollup_inputs.begin(), m.rollup_inputs.end(), id) != m.rollup_inputs.end();
            if (!allowed) return "that KPI cannot be rolled up here";
        }
        c.rollup_inputs = std::move(*ids);
        if (c.unit.empty()) c.unit = kpi::common_unit(ctx.ws, c.rollup_inputs);   // the unit is carried up, as in the popup
    } else if (name == "values") {
        std::string why;
        auto values = parse_values(value, why);
        if (!values) return why;
        c.values = std::move(*values);
    } else return "there is no such field";
    if (!(c == m)) ctx.emit(edit::replace_metric(std::move(c)));
    return {};
}

}  // namespace

KpiAnchor kpi_anchor(const Workspace& ws, const UiState& ui) {
    if (ui.place.view == "framework") {
        const Journey* j = find_by_id(ws.journeys, ui.framework.focus);
        return j ? KpiAnchor{j->id, {}, {}} : KpiAnchor{};
    }
    if (ui.place.view != "journey") return {};
    const Journey* j = find_by_id(ws.journeys, ui.place.id);
    if (!j) return {};
    const MapSelection& sel = ui.map.sel;
    if (ui.map.journey == j->id && sel.kind == MapSelection::Kind::step && find_step(*j, sel.id)) return {j->id, {}, sel.id};
    if (ui.map.journey == j->id && sel.kind == MapSelection::Kind::stage && find_by_id(j->stages, sel.id)) return {j->id, sel.id, {}};
    return {j->id, {}, {}};
}

std::string kpi_mirror_form(const ViewContext& ctx, const KpiAnchor& a, std::string_view focus) {
    MirrorForm f("KPIs of " + anchor_label(ctx.ws, a.journey, a.stage, a.step), anchor_row(a), "kpi", "kpis");
    const auto here = metrics_at(ctx.ws, a.journey, a.stage, a.step);
    f.note(here.empty() ? std::string("No KPIs here yet. Add one: a name, a unit, a target and dated values, or roll up the KPIs of the child journeys.")
                        : count_of(static_cast<long long>(here.size()), "KPI") + " here. Every change is one undo step (Ctrl+Z).");
    for (const Metric* m : here) metric_fields(ctx, f, *m);
    f.edits(anchor_row(a));
    f.button("add", "Add a KPI");
    return std::move(f).done(focus);
}

std::string kpi_mirror_action(const ViewContext& ctx, std::string_view row, std::string_view name, std::string_view value,
                              const std::function<void()>& apply) {
    if (const auto anchor = parse_anchor(row)) {
        if (name != "add") return mirror_reply(false, "there is no such action");
        if (!find_by_id(ctx.ws.journeys, anchor->journey)) return mirror_reply(false, "that journey is no longer in the workspace");
        Metric m = new_kpi(ctx.ws, anchor->journey, anchor->stage, anchor->step);   // as the popup's "+ KPI"
        const Id id = m.id;
        ctx.emit(edit::add_metric(std::move(m)));
        apply();
        return kpi_mirror_form(ctx, *anchor, id.str() + "|name");
    }
    const auto id = Id::parse(row);
    const Metric* m = id ? find_by_id(ctx.ws.metrics, *id) : nullptr;
    if (!m) return mirror_reply(false, "that KPI is no longer in the workspace");
    if (name == "delete") {
        const KpiAnchor anchor = anchor_of(*m);
        ctx.emit(edit::remove_metric(m->id));
        apply();
        return kpi_mirror_form(ctx, anchor, anchor_row(anchor) + "|add");
    }
    // The form made again (patched in place by the page): the KPI's heading, its reading in words
    // and its Delete button follow the change.
    const KpiAnchor anchor = anchor_of(*m);
    const std::string refused = set_field(ctx, *m, name, value);
    if (!refused.empty()) return mirror_reply(false, refused);
    apply();
    return kpi_mirror_form(ctx, anchor);
}

}  // namespace wm::ui
