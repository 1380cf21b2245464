// The KPI editor and the shared KPI evaluation (kpi/editor.hpp).
//
// [SECTION] index: anchors and candidates · small helpers · the list · the
// fields · the reading · roll-up · values · the popup · details-panel section and header button ·
// test hook.
#include "ui/kpi/editor.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "edit/commands.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "model/date.hpp"
#include "model/enum_names.hpp"
#include "model/words.hpp"
#include "platform/platform.hpp"
#include "ui/kit/derived.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/sparkline.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/kpi/internal.hpp"

namespace wm::ui {

// [SECTION] Anchors and candidates -------------------------------------------------------------------

std::vector<const Metric*> metrics_at(const Workspace& ws, Id journey, Id stage, Id step) {
    std::vector<const Metric*> out;
    for (const Metric& m : ws.metrics) {
        if (m.journey != journey) continue;
        const bool here = !step.is_nil() ? m.step == step : !stage.is_nil() ? m.stage == stage && m.step.is_nil()
                                                                             : m.stage.is_nil() && m.step.is_nil();
        if (here) out.push_back(&m);
    }
    return out;
}

namespace kpi_detail {   // the editor's pieces; the mirror's form shares some (kpi/internal.hpp)

std::string anchor_label(const Workspace& ws, Id journey, Id stage, Id step) {
    const Journey* j = find_by_id(ws.journeys, journey);
    if (!j) return "(missing journey)";
    std::string label = j->title.empty() ? "(untitled journey)" : j->title;
    const Stage* s = nullptr;
    const Step* st = step.is_nil() ? nullptr : find_step(*j, step, &s);
    if (!s && !stage.is_nil()) s = find_by_id(j->stages, stage);
    if (s) label += " \xE2\x80\xBA " + s->name;
    if (st) label += " \xE2\x80\xBA " + st->name;
    return label;
}

// True when `from` rolls up `target`, directly or through other metrics (choosing it would loop).
bool rolls_up(const Workspace& ws, Id from, Id target) {
    std::vector<Id> pending{from}, seen;
    while (!pending.empty()) {
        const Id id = pending.back();
        pending.pop_back();
        if (id == target) return true;
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
        seen.push_back(id);
        if (const Metric* m = find_by_id(ws.metrics, id))
            for (const Id& input : m->rollup_inputs) pending.push_back(input);
    }
    return false;
}

// The child journeys hanging from a metric's anchor (any child of the journey for a journey-level KPI).
std::vector<Id> children_at(const Workspace& ws, const Metric& target) {
    std::vector<Id> children;
    for (const JourneyLink& link : ws.links) {
        if (link.parent != target.journey) continue;
        const bool at = !target.step.is_nil() ? link.step == target.step : target.stage.is_nil() || link.stage == target.stage;
        if (at && std::find(children.begin(), children.end(), link.child) == children.end()) children.push_back(link.child);
    }
    return children;
}

// What a metric can roll up: the KPIs of the child journeys hanging from its anchor (any child of
// the journey for a journey-level KPI, children at the stage or step otherwise), and for a
// journey-level KPI the KPIs of its own stages and steps, for a stage-level one those of its steps.
// Metrics that already roll up this one (directly or not) are left out: choosing them would loop.
std::vector<Candidate> input_candidates(const Workspace& ws, const Metric& target) {
    std::vector<Candidate> out;
    const Journey* own = find_by_id(ws.journeys, target.journey);
    if (!own) return out;
    const std::vector<Id> children = children_at(ws, target);
    auto usable = [&](const Metric& m) { return m.id != target.id && !rolls_up(ws, m.id, target.id); };
    for (const Journey& j : ws.journeys) {
        if (std::find(children.begin(), children.end(), j.id) == children.end()) continue;
        for (const Metric& m : ws.metrics)
            if (m.journey == j.id && usable(m)) out.push_back(Candidate{&m, &j, true});
    }
    if (target.step.is_nil())
        for (const Metric& m : ws.metrics) {
            if (m.journey != own->id || (m.stage.is_nil() && m.step.is_nil())) continue;  // journey-level
            if (!target.stage.is_nil()) {
                const Stage* s = nullptr;
                if (m.step.is_nil() || !find_step(*own, m.step, &s) || s->id != target.stage) continue;
            }
            if (usable(m)) out.push_back(Candidate{&m, own, false});
        }
    return out;
}

std::string folded(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
    s.erase(0, start);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// [SECTION] Small helpers -----------------------------------------------------------------------------

const char* const kDateHelp = "Dates are written YYYY-MM-DD, such as 2026-03-01.";
const char* const kValueHelp = "The value must be a number, such as 12.5.";
const char* const kRuleTitles[] = {"Entered values", "Sum", "Average", "Weighted average", "Min", "Max"};

void muted(const char* text) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%s", text); }
// A muted sentence, wrapped at the panel's edge (a large text size, a narrow window).
void note(std::string_view text) { wrapped_text(text, color::kMuted); }

void heading(const ViewContext& ctx, const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

std::string number_text(double v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

// A number as people type it: "12.5", "12,5", " 3 ". Nothing for anything else.
std::optional<double> parse_number(std::string text) {
    std::replace(text.begin(), text.end(), ',', '.');
    const std::string t = folded(text);
    if (t.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

void refuse(const ViewContext& ctx, std::string why) {
    ctx.ui.message = std::move(why);
    ctx.ui.message_is_error = true;
}

void replace(const ViewContext& ctx, Metric changed) { ctx.emit(edit::replace_metric(std::move(changed))); }

// Values sorted by date then segment; of two on one date and segment the later in the list stays.
void sort_values(std::vector<MetricValue>& values) {
    std::stable_sort(values.begin(), values.end(), [](const MetricValue& a, const MetricValue& b) {
        return a.date != b.date ? a.date < b.date : a.segment < b.segment;
    });
    std::vector<MetricValue> out;
    for (const MetricValue& v : values) {
        if (!out.empty() && out.back().date == v.date && out.back().segment == v.segment) out.back() = v;
        else out.push_back(v);
    }
    values = std::move(out);
}

Date next_month(Date d) {
    int y = 0, m = 0, day = 0;
    date_to_ymd(d, y, m, day);
    if (++m > 12) m = 1, ++y;
    return date_from_ymd(y, m, std::min(day, 28));
}

// The add-a-value row starts at the month after the latest value, or today.
void reset_new_value(KpiEditorState& st, const Metric* m) {
    st.new_value.clear();
    st.new_date = to_iso(m && !m->values.empty() ? next_month(m->values.back().date) : Date{platform::today_days()});
}

std::string reading_text(const kpi::Reading& r, const Metric& m) {
    return r.latest ? kpi_value_text(*r.latest, m.unit) : std::string("no data");
}
// The reading as it is shown coloured by health: with the health's mark, so the colour is not alone.
std::string marked_reading(const kpi::Reading& r, const Metric& m) { return health_mark(r.health) + reading_text(r, m); }

std::string target_text(const Metric& m) {
    if (!m.target) return "no target";
    return std::string(m.direction == Direction::higher_is_better ? "target: at least " : "target: at most ") +
           kpi_value_text(*m.target, m.unit);
}

// A sparkline in a dummy item of the given size at the cursor.
void sparkline_item(const kpi::Reading& r, const Metric& m, ImVec2 size) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    draw_sparkline(ImGui::GetWindowDrawList(), p, ImVec2(p.x + size.x, p.y + size.y), r, m);
}

// [SECTION] The list of KPIs on the anchor ----------------------------------------------------------------

void draw_list(const ViewContext& ctx, KpiEditorState& st, const std::vector<const Metric*>& here) {
    const kpi::Evaluation& eval = ctx.derived.kpis();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    for (const Metric* m : here) {
        push_id(m->id);
        const kpi::Reading& r = eval.headline(m->id);
        const std::string label = (m->name.empty() ? std::string("(untitled)") : m->name) + "##kpi list";
        const ImVec2 top = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable(label.c_str(), st.selected == m->id, 0, ImVec2(0, line * 2)) && st.selected != m->id) {
            st.selected = m->id;
            reset_new_value(st, m);
        }
        const float right = ImGui::GetItemRectMax().x;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const std::string value = marked_reading(r, *m) + (r.computed ? "  (rolled up)" : "");
        dl->AddText(ImVec2(top.x, top.y + line), health_color(r.health), value.c_str());
        draw_sparkline(dl, ImVec2(right - 70, top.y + line + 1), ImVec2(right - 4, top.y + line * 2 - 2), r, *m);
        ImGui::PopID();
    }
    if (here.empty()) note("No KPIs here yet.");
}

Metric new_kpi(const Workspace& ws, Id journey, Id stage, Id step) {
    Metric m;
    m.id = new_id();
    m.name = "New KPI";
    m.journey = journey;
    m.step = step;
    m.stage = stage;
    if (const Journey* j = find_by_id(ws.journeys, journey); j && !step.is_nil()) {
        const Stage* s = nullptr;
        if (find_step(*j, step, &s)) m.stage = s->id;   // a step's KPI keeps its stage too
    }
    return m;
}

void add_kpi(const ViewContext& ctx, KpiEditorState& st) {
    Metric m = new_kpi(ctx.ws, st.journey, st.stage, st.step);
    st.selected = m.id;
    st.focus_name = m.id;
    reset_new_value(st, nullptr);
    ctx.emit(edit::add_metric(std::move(m)));
}

// [SECTION] The fields -------------------------------------------------------------------------------------

// A text field over one string of the metric; a change is one replace_metric.
void text_member(const ViewContext& ctx, const char* label, const Metric& m, std::string Metric::*member, float width = -1,
                 bool multiline = false, bool required = false) {
    std::string text;
    if (!text_field(label, m.*member, &text, width, multiline) || (required && folded(text).empty())) return;
    Metric c = m;
    c.*member = text;
    replace(ctx, std::move(c));
}

void draw_fields(const ViewContext& ctx, KpiEditorState& st, const Metric& m) {
    std::string text;
    // Two label-and-field pairs a line, or one where the panel is narrow (a large text size).
    const bool two = ImGui::GetContentRegionAvail().x >= 30 * ImGui::GetFontSize();
    if (ImGui::BeginTable(two ? "kpi-fields" : "kpi-fields-narrow", two ? 4 : 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("l1", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("f1", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        if (two) {
            ImGui::TableSetupColumn("l2", ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn("f2", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        }
        auto label = [](const char* t) {
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            muted(t);
            ImGui::TableNextColumn();
        };
        label("Name");
        if (st.focus_name == m.id) {
            ImGui::ActivateItemByID(ImGui::GetID("##KPI name"));
            GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
            ctx.redraw(3);
            st.focus_name = {};
        }
        text_member(ctx, "##KPI name", m, &Metric::name, -1, false, true);
        label("Unit");
        text_member(ctx, "##KPI unit", m, &Metric::unit);
        label("Target");
        if (text_field("##KPI target", m.target ? number_text(*m.target) : std::string(), &text)) {
            Metric c = m;
            const auto v = parse_number(text);
            c.target = v;
            if (v || folded(text).empty()) replace(ctx, std::move(c));
            else refuse(ctx, "The target must be a number, such as 12.5 (or empty for none).");
        }
        label("Owner");
        text_member(ctx, "##KPI owner", m, &Metric::owner);
        label("Weight");
        if (text_field("##KPI weight", number_text(m.weight), &text)) {
            const auto v = parse_number(text);
            Metric c = m;
            c.weight = v.value_or(-1);
            if (c.weight >= 0) replace(ctx, std::move(c));
            else refuse(ctx, "A weight is a number of zero or more.");
        }
        ImGui::SetItemTooltip("How much this KPI counts when a parent KPI takes a weighted average of it");
        label("Better");
        for (int d = 0; d < 2; ++d) {
            const auto dir = static_cast<Direction>(d);
            if (d) same_line_if_fits(checkbox_width("Lower"));   // a radio button is as wide as a checkbox
            if (ImGui::RadioButton(d ? "Lower##direction" : "Higher##direction", m.direction == dir) && m.direction != dir) {
                Metric c = m;
                c.direction = dir;
                replace(ctx, std::move(c));
            }
        }
        ImGui::EndTable();
    }
    muted("Description");
    text_member(ctx, "##KPI description", m, &Metric::description, -1, true);
}

// [SECTION] The reading: latest value against target, sparkline, segments ------------------------------------

void draw_reading(const ViewContext& ctx, const Metric& m) {
    const kpi::Evaluation& eval = ctx.derived.kpis();
    std::string segment;
    const kpi::Reading& r = eval.headline(m.id, &segment);
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(health_color(r.health)), "%s", marked_reading(r, m).c_str());
    ImGui::PopFont();
    std::string detail = m.target ? std::string(kpi::health_name(r.health)) + " \xC2\xB7 " + target_text(m) : target_text(m);
    if (r.latest_date) detail += " \xC2\xB7 " + to_iso(*r.latest_date);
    if (!segment.empty()) detail += " \xC2\xB7 segment " + segment;
    same_line_if_fits(ImGui::CalcTextSize(detail.c_str()).x);   // beside the value, or under it where it does not fit
    note(detail);
    sparkline_item(r, m, ImVec2(ImGui::GetContentRegionAvail().x, 56));

    const auto& segments = eval.segments(m.id);
    const bool only_whole = segments.empty() || (segments.size() == 1 && segments[0].empty());
    if (only_whole) return;
    if (ImGui::BeginTable("kpi-segments", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Segment");
        ImGui::TableSetupColumn("Latest");
        ImGui::TableSetupColumn("Health");
        ImGui::TableSetupColumn("Trend", ImGuiTableColumnFlags_WidthFixed, 90);
        ImGui::TableHeadersRow();
        for (const std::string& s : segments) {
            const kpi::Reading& sr = eval.reading(m.id, s);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.empty() ? "(whole)" : s.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(reading_text(sr, m).c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(health_color(sr.health)), "%s", kpi::health_name(sr.health));
            ImGui::TableNextColumn();
            sparkline_item(sr, m, ImVec2(86, ImGui::GetTextLineHeight()));
        }
        ImGui::EndTable();
    }
}

// [SECTION] Roll-up: the rule and its inputs ------------------------------------------------------------------

void draw_rollup(const ViewContext& ctx, const Metric& m) {
    heading(ctx, "Roll-up");
    for (std::size_t i = 0; i < enum_count<RollUp>(); ++i) {
        const auto rule = static_cast<RollUp>(i);
        const std::string label = std::string(kRuleTitles[i]) + "##rule";
        if (i) same_line_if_fits(checkbox_width(label.c_str()));   // the rules wrap (a radio button is as wide as a checkbox)
        if (ImGui::RadioButton(label.c_str(), m.rollup == rule) && m.rollup != rule) {
            Metric c = m;
            c.rollup = rule;
            replace(ctx, std::move(c));
        }
    }
    const std::vector<Candidate> candidates = input_candidates(ctx.ws, m);
    // One click: the same-named KPIs of the child journeys (a percentage averages, anything else adds up).
    std::vector<Id> same;
    for (const Candidate& c : candidates)
        if (c.child && folded(c.metric->name) == folded(m.name)) same.push_back(c.metric->id);
    const std::string button = "Roll up the children\xE2\x80\x99s " + (m.name.empty() ? std::string("KPI") : m.name);
    ImGui::BeginDisabled(same.empty());
    if (ImGui::Button(button.c_str())) {
        Metric c = m;
        c.rollup_inputs = same;
        if (c.unit.empty()) c.unit = kpi::common_unit(ctx.ws, same);   // the unit is carried up
        if (c.rollup == RollUp::none) c.rollup = folded(c.unit) == "%" ? RollUp::average : RollUp::sum;
        replace(ctx, std::move(c));
    }
    ImGui::EndDisabled();
    if (same.empty()) {
        ImGui::SetItemTooltip("No child journey here has a KPI called \xE2\x80\x9C%s\xE2\x80\x9D", m.name.c_str());
        // Say which children it would roll up, and how to get there, before any of them has the KPI.
        std::string names;
        for (const Id& id : children_at(ctx.ws, m))
            if (const Journey* child = find_by_id(ctx.ws.journeys, id)) names += (names.empty() ? "" : ", ") + child->title;
        const std::string hint = names.empty()
            ? std::string("No child journey hangs here yet: create one from a stage or step of this map (\xE2\x80\x9CNew child journey\xE2\x80\xA6\xE2\x80\x9D).")
            : "Child journeys here: " + names + ". Give one of them a KPI called \xE2\x80\x9C" + m.name +
                  "\xE2\x80\x9D (its KPIs button) and it can be rolled up here.";
        ImGui::PushTextWrapPos(0);
        note(hint);
        ImGui::PopTextWrapPos();
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        expose_rect("kpi rollup hint", ItemRect{a.x, a.y, b.x - a.x, b.y - a.y});
    }

    const kpi::Evaluation& eval = ctx.derived.kpis();
    if (m.rollup == RollUp::none) {
        if (!m.rollup_inputs.empty()) note("Its inputs are kept; choose a rule to roll them up.");
        return;
    }
    // The inputs: every candidate, and chosen inputs that are not candidates any more (so they can go).
    std::vector<const Metric*> rows;
    for (const Candidate& c : candidates) rows.push_back(c.metric);
    for (const Id& id : m.rollup_inputs)
        if (const Metric* input = find_by_id(ctx.ws.metrics, id); input && std::find(rows.begin(), rows.end(), input) == rows.end())
            rows.push_back(input);
    if (rows.empty()) {
        note("Nothing to roll up: no child journey hangs here with KPIs of its own.");
        return;
    }
    note(kpi::is_computed(ctx.ws, m) ? "Computed from the inputs ticked below:" : "Tick the KPIs to roll up:");
    for (const Metric* input : rows) {
        const Journey* j = find_by_id(ctx.ws.journeys, input->journey);
        const std::string where = anchor_label(ctx.ws, input->journey, input->stage, input->step);
        const std::string label = (input->name.empty() ? std::string("(untitled)") : input->name) + " \xC2\xB7 " +
                                  (j ? j->title : std::string("?")) + "##input " + input->id.str();
        bool on = std::find(m.rollup_inputs.begin(), m.rollup_inputs.end(), input->id) != m.rollup_inputs.end();
        if (ImGui::Checkbox(label.c_str(), &on)) {
            Metric c = m;
            if (on) c.rollup_inputs.push_back(input->id);
            else c.rollup_inputs.erase(std::remove(c.rollup_inputs.begin(), c.rollup_inputs.end(), input->id), c.rollup_inputs.end());
            if (c.unit.empty()) c.unit = kpi::common_unit(ctx.ws, c.rollup_inputs);
            replace(ctx, std::move(c));
        }
        ImGui::SetItemTooltip("%s", where.c_str());
        const kpi::Reading& r = eval.headline(input->id);
        ImGui::SameLine();
        std::string value = marked_reading(r, *input);
        if (m.rollup == RollUp::weighted_average) value += " \xC2\xB7 weight " + number_text(input->weight);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(health_color(r.health)), "%s", value.c_str());
    }
}

// [SECTION] Values: the entered table, or the computed series read-only -----------------------------------------

void draw_computed_values(const ViewContext& ctx, const Metric& m) {
    const kpi::Evaluation& eval = ctx.derived.kpis();
    heading(ctx, "Computed values");
    char line[160];
    std::snprintf(line, sizeof line, "%s of %zu input%s, by date and segment; read-only.", kRuleTitles[static_cast<int>(m.rollup)],
                  m.rollup_inputs.size(), m.rollup_inputs.size() == 1 ? "" : "s");
    note(line);
    if (!m.values.empty()) {
        std::snprintf(line, sizeof line, "Its own %zu entered value%s kept but not used while it rolls up.", m.values.size(),
                      m.values.size() == 1 ? " is" : "s are");
        note(line);
    }
    if (!ImGui::BeginTable("kpi-computed", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY,
                           ImVec2(0, 200)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Date");
    ImGui::TableSetupColumn("Value");
    ImGui::TableSetupColumn("Segment");
    ImGui::TableHeadersRow();
    for (const std::string& s : eval.segments(m.id))
        for (const kpi::Point& p : eval.reading(m.id, s).series) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(to_iso(p.date).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(kpi_value_text(p.value, m.unit).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.c_str());
        }
    ImGui::EndTable();
}

void add_value(const ViewContext& ctx, KpiEditorState& st, const Metric& m) {
    const auto date = parse_iso_date(folded(st.new_date));
    if (!date) return refuse(ctx, kDateHelp);
    const auto value = parse_number(st.new_value);
    if (!value) return refuse(ctx, kValueHelp);
    ctx.emit(edit::set_metric_value(m.id, MetricValue{*date, *value, st.new_segment}));
    st.new_value.clear();
    st.new_date = to_iso(next_month(*date));
}

void draw_values(const ViewContext& ctx, KpiEditorState& st, const Metric& m) {
    heading(ctx, "Values");
    const float line = ImGui::GetFrameHeightWithSpacing();
    const float height = std::min(240.0f, line * static_cast<float>(m.values.size() + 1) + 8);
    if (ImGui::BeginTable("kpi-values", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY,
                          ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        // The date's field as wide as a date; the value and the segment share the rest.
        fixed_column("Date", std::ceil(ImGui::CalcTextSize("2026-12-31").x + 2 * ImGui::GetStyle().FramePadding.x));
        ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Segment", ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableSetupColumn("##delete", ImGuiTableColumnFlags_WidthFixed, button_width("x"));
        ImGui::TableHeadersRow();
        std::string text;
        for (std::size_t i = 0; i < m.values.size(); ++i) {
            const MetricValue& v = m.values[i];
            const std::string n = std::to_string(i);
            ImGui::TableNextColumn();
            if (text_field(("##kpi date " + n).c_str(), to_iso(v.date), &text)) {
                if (const auto date = parse_iso_date(folded(text))) {
                    Metric c = m;
                    c.values[i].date = *date;
                    sort_values(c.values);
                    replace(ctx, std::move(c));
                } else {
                    refuse(ctx, kDateHelp);
                }
            }
            ImGui::TableNextColumn();
            if (text_field(("##kpi value " + n).c_str(), number_text(v.value), &text)) {
                if (const auto value = parse_number(text)) ctx.emit(edit::set_metric_value(m.id, MetricValue{v.date, *value, v.segment}));
                else refuse(ctx, kValueHelp);
            }
            ImGui::TableNextColumn();
            if (text_field(("##kpi segment " + n).c_str(), v.segment, &text)) {
                Metric c = m;
                c.values[i].segment = text;
                sort_values(c.values);
                replace(ctx, std::move(c));
            }
            ImGui::TableNextColumn();
            if (ImGui::SmallButton(("x##delete value " + n).c_str())) ctx.emit(edit::remove_metric_value(m.id, v.date, v.segment));
            ImGui::SetItemTooltip("Delete this value");
        }
        ImGui::EndTable();
    }
    // The add row: date, value, segment; Enter in the value field adds and stays there for the next.
    // It wraps where the panel is narrower than the row (a large text size).
    ImGui::SetNextItemWidth(110);
    ImGui::InputTextWithHint("##new date", "YYYY-MM-DD", &st.new_date);
    same_line_if_fits(110);
    ImGui::SetNextItemWidth(110);
    const bool enter = ImGui::InputTextWithHint("##new value", "value", &st.new_value, ImGuiInputTextFlags_EnterReturnsTrue);
    same_line_if_fits(150);
    ImGui::SetNextItemWidth(150);
    input_text("##new segment", &st.new_segment, 0, "segment (empty: whole)");
    same_line_if_fits(button_width("Add value"));
    if (ImGui::Button("Add value") || enter) {
        add_value(ctx, st, m);
        if (enter) {
            ImGui::ActivateItemByID(ImGui::GetID("##new value"));
            GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
            ctx.redraw(3);
        }
    }
    note("Segments such as \xE2\x80\x9CNL / SIM only\xE2\x80\x9D keep separate series; an empty segment is the whole.");
}

// [SECTION] The popup ----------------------------------------------------------------------------------------

void draw_detail(const ViewContext& ctx, KpiEditorState& st, const Metric& m) {
    draw_fields(ctx, st, m);
    ImGui::Separator();
    draw_reading(ctx, m);
    draw_rollup(ctx, m);
    if (kpi::is_computed(ctx.ws, m)) draw_computed_values(ctx, m);
    else draw_values(ctx, st, m);
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::kError));
    if (ImGui::Button("Delete KPI")) {
        ctx.emit(edit::remove_metric(m.id));
        st.selected = {};
    }
    ImGui::PopStyleColor();
}

}  // namespace kpi_detail

using namespace kpi_detail;

void open_kpi_editor(const ViewContext& ctx, Id journey, Id stage, Id step) {
    KpiEditorState& st = ctx.ui.kpi;
    st.request_open = true;
    st.journey = journey;
    st.stage = step.is_nil() ? stage : Id{};
    st.step = step;
    const auto here = metrics_at(ctx.ws, journey, st.stage, step);
    st.selected = here.empty() ? Id{} : here.front()->id;
    reset_new_value(st, here.empty() ? nullptr : here.front());
    st.new_segment.clear();
}

namespace {

// Out of line: the caller runs every frame, this only while the editor is open (what the first frame
// does not run goes to the code's second part: scripts/split-wasm).
[[gnu::noinline]] void draw_open_editor(const ViewContext& ctx, KpiEditorState& st, bool keep) {
    const Journey* j = find_by_id(ctx.ws.journeys, st.journey);
    const bool escape = ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::GetIO().WantTextInput;
    if (!keep || !j || escape) {
        st.open = false;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(("KPIs of " + anchor_label(ctx.ws, st.journey, st.stage, st.step)).c_str());
    ImGui::PopFont();
    const auto here = metrics_at(ctx.ws, st.journey, st.stage, st.step);
    const Metric* selected = find_by_id(ctx.ws.metrics, st.selected);
    if (!selected || std::find(here.begin(), here.end(), selected) == here.end()) selected = here.empty() ? nullptr : here.front();

    const float footer = ImGui::GetFrameHeightWithSpacing() + 4;
    // The list a third of the editor at most (a large text size leaves the details the rest).
    const float list_width = std::min(250.0f, std::floor(ImGui::GetContentRegionAvail().x * 0.34f));
    ImGui::BeginChild("kpi-list", ImVec2(list_width, -footer), ImGuiChildFlags_Border);
    draw_list(ctx, st, here);
    if (ImGui::Button("+ KPI")) add_kpi(ctx, st);
    ImGui::SetItemTooltip("A new KPI on %s", anchor_label(ctx.ws, st.journey, st.stage, st.step).c_str());
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("kpi-detail", ImVec2(0, -footer), ImGuiChildFlags_Border);
    if (selected) {
        push_id(selected->id);
        draw_detail(ctx, st, *selected);
        ImGui::PopID();
    } else {
        note("Add a KPI with \xE2\x80\x9C+ KPI\xE2\x80\x9D: a name, a unit, a target and dated values,");
        note("or roll up the KPIs of the child journeys below.");
    }
    ImGui::EndChild();
    if (ImGui::Button("Close##kpi editor")) {
        st.open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    note("Every change is one undo step (Ctrl+Z).");
    ImGui::EndPopup();
}

}  // namespace

void draw_kpi_editor(const ViewContext& ctx) {
    KpiEditorState& st = ctx.ui.kpi;
    constexpr const char* kPopup = "KPIs###kpi-editor";
    if (st.request_open) {
        st.request_open = false;
        ImGui::OpenPopup(kPopup);
        ctx.redraw(3);
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(std::min(940.0f, vp->WorkSize.x - 40), std::min(680.0f, vp->WorkSize.y - 40)), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    bool keep = true;
    st.open = ImGui::BeginPopupModal(kPopup, &keep);
    if (st.open) draw_open_editor(ctx, st, keep);
}

// [SECTION] Details-panel section and header button ---------------------------------------------------------

void draw_kpi_section(const ViewContext& ctx, Id journey, Id stage, Id step) {
    const auto here = metrics_at(ctx.ws, journey, stage, step);
    const kpi::Evaluation& eval = ctx.derived.kpis();
    ImGui::SeparatorText("KPIs");
    for (const Metric* m : here) {
        const kpi::Reading& r = eval.headline(m->id);
        push_id(m->id);
        sparkline_item(r, *m, ImVec2(60, ImGui::GetTextLineHeight()));
        ImGui::SameLine();
        ImGui::TextUnformatted(m->name.c_str());
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(health_color(r.health)), "%s", marked_reading(r, *m).c_str());
        ImGui::SetItemTooltip("%s \xC2\xB7 %s%s", kpi::health_name(r.health), target_text(*m).c_str(), r.computed ? " \xC2\xB7 rolled up" : "");
        ImGui::PopID();
    }
    if (here.empty()) muted("None yet.");
    const std::string label = here.empty() ? std::string("Add a KPI\xE2\x80\xA6##kpi section")
                                           : "Edit KPIs\xE2\x80\xA6 (" + std::to_string(here.size()) + ")##kpi section";
    if (ImGui::Button(label.c_str())) open_kpi_editor(ctx, journey, stage, step);
}

void draw_kpi_button(const ViewContext& ctx, const Journey& journey) {
    // The count is every KPI of the journey — its own, its stages' and its steps' — as the framework
    // tile and the "No KPI" filter count them; the tooltip says where they sit.
    const auto here = metrics_at(ctx.ws, journey.id, {}, {});
    std::size_t stages = 0, steps = 0;
    for (const Metric& m : ctx.ws.metrics)
        if (m.journey == journey.id) {
            if (!m.step.is_nil()) ++steps;
            else if (!m.stage.is_nil()) ++stages;
        }
    const std::string label = "KPIs (" + std::to_string(here.size() + stages + steps) + ")##journey kpis";
    if (ImGui::Button(label.c_str())) open_kpi_editor(ctx, journey.id);
    ImGui::SetItemTooltip("%zu on the journey, %zu on its stages, %zu on its steps.\nOpens the journey's own KPIs and how they "
                          "roll up its child journeys; a stage's or step's KPIs are in its details (select its header).",
                          here.size(), stages, steps);
    // The first two at a glance: name, latest value coloured by health, sparkline.
    const kpi::Evaluation& eval = ctx.derived.kpis();
    for (std::size_t i = 0; i < here.size() && i < 2; ++i) {
        const Metric& m = *here[i];
        const kpi::Reading& r = eval.headline(m.id);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        constexpr std::size_t kShort = 28;  // long names are cut so the header keeps its one line
        ImGui::TextUnformatted(shortened(m.name, kShort).c_str());
        ImGui::SameLine(0, 4);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(health_color(r.health)), "%s", marked_reading(r, m).c_str());
        ImGui::SetItemTooltip("%s \xC2\xB7 %s%s", kpi::health_name(r.health), target_text(m).c_str(), r.computed ? " \xC2\xB7 rolled up" : "");
        ImGui::SameLine(0, 4);
        const float h = ImGui::GetFrameHeight();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(48, h));
        draw_sparkline(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + 48, p.y + h * 0.8f), r, m);
    }
}

// [SECTION] Test hook ---------------------------------------------------------------------------------------

void write_kpi_stats(json::Writer& w, const Workspace& ws, const kpi::Evaluation& eval) {
    w.field("kpisTotal", static_cast<double>(ws.metrics.size()));
    w.key("kpis").begin();
    constexpr std::size_t kMax = 200;
    for (std::size_t i = 0; i < ws.metrics.size() && i < kMax; ++i) {
        const Metric& m = ws.metrics[i];
        std::string segment;
        const kpi::Reading& r = eval.headline(m.id, &segment);
        const Journey* j = find_by_id(ws.journeys, m.journey);
        w.key(m.id.str()).begin();
        w.field("name", m.name).field("journey", j ? j->title : std::string());
        if (r.latest) w.field("latest", *r.latest);
        w.field("segment", segment).field("health", kpi::health_name(r.health)).field("computed", r.computed);
        w.field("rule", kRuleTitles[static_cast<int>(m.rollup)]).field("inputs", static_cast<double>(m.rollup_inputs.size()));
        w.end();
    }
    w.end();
}

}  // namespace wm::ui
