// The HTML report (see report_html.hpp for the contract).
// [SECTION] index: style · helpers · framework · journeys · personas · insights · backlog · KPIs ·
// maturity · document
#include "io/report_html.hpp"

#include <cstdio>
#include <set>

#include "io/export_grid.hpp"
#include "model/date.hpp"
#include "model/enum_names.hpp"
#include "scoring/kpi.hpp"
#include "scoring/maturity.hpp"
#include "scoring/prioritise.hpp"
#include "model/words.hpp"

namespace wm::io {
namespace {

// [SECTION] Style ----------------------------------------------------------------------------------
// System fonts only (nothing to fetch). Screen: a readable column, wide tables scroll sideways.
// Print: journeys on new pages, repeated table heads, no row split across pages.
constexpr const char* kStyle = R"(
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f3f4f6; --accent: #4338ca; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 28px; margin: 0 0 4px; } h2 { font-size: 22px; margin: 32px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 18px; margin: 24px 0 6px; } h4 { font-size: 15px; margin: 12px 0 4px; }
a { color: var(--accent); }
.meta, caption { color: var(--muted); }
caption { text-align: left; padding: 4px 0; caption-side: top; }
.text, li, td, th { white-space: pre-line; }
.scroll { overflow-x: auto; } .scroll:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
nav li { margin: 2px 0; } nav a, td a { display: inline-block; min-height: 24px; line-height: 24px; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
thead th, tbody th[scope=rowgroup] { background: var(--head); }
.map td, .map th { min-width: 150px; } .map th[scope=row] { min-width: 120px; }
.map ul, .framework ul { margin: 0; padding-left: 18px; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.persona { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 12px; margin: 12px 0; }
blockquote { margin: 8px 0; padding-left: 12px; border-left: 3px solid var(--line); font-style: italic; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { break-after: page; page-break-after: always; }
  section.journey { break-before: page; page-break-before: always; }
  .scroll { overflow: visible; }
  .map { font-size: 8pt; } .map td, .map th { min-width: 0; padding: 3px 4px; }
  thead { display: table-header-group; }
  tr, .persona, li { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
)";

// [SECTION] Helpers --------------------------------------------------------------------------------
std::string esc(std::string_view s) { return html_escape(s); }

// A wide table scrolls sideways in its own box; a keyboard user must be able to reach that box to
// scroll it (focusable), and a screen reader announces it as a named region.
std::string scroll_region(std::string_view name) {
    return "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" + esc(name) + "\">";
}
std::string anchor(const Journey& j) { return "j-" + j.id.str(); }

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// <ul> of escaped entries; nothing for none.
std::string list(const std::vector<std::string>& entries) {
    if (entries.empty()) return {};
    std::string out = "<ul>";
    for (const std::string& e : entries) out += "<li>" + esc(e) + "</li>";
    return out + "</ul>";
}

std::string level_name(const Workspace& ws, int level) {
    const auto& names = ws.settings.level_names;
    if (level >= 0 && static_cast<std::size_t>(level) < names.size()) return names[static_cast<std::size_t>(level)];
    return "Level " + std::to_string(level);
}

std::string persona_names(const Workspace& ws, const std::vector<Id>& ids) {
    std::string out;
    for (Id id : ids)
        if (const Persona* p = find_by_id(ws.personas, id)) out += (out.empty() ? "" : ", ") + p->name;
    return out;
}

std::string step_place(const Workspace& ws, const StepRef& ref) {
    const Journey* j = find_by_id(ws.journeys, ref.journey);
    if (!j) return {};
    const Step* step = find_step(*j, ref.step);
    return j->title + (step ? ": " + step->name : std::string());
}

// Level-0 journeys first, then the others, each group in workspace order.
std::vector<const Journey*> journey_order(const Workspace& ws) {
    std::vector<const Journey*> out;
    for (const Journey& j : ws.journeys)
        if (j.level == 0) out.push_back(&j);
    for (const Journey& j : ws.journeys)
        if (j.level != 0) out.push_back(&j);
    return out;
}

// [SECTION] Framework ------------------------------------------------------------------------------
struct FrameworkWriter {
    const Workspace& ws;
    std::set<Id> shown;
    std::string out;

    void journey_item(const Journey& j, const std::string& suffix) {
        out += "<li><a href=\"#" + anchor(j) + "\">" + esc(j.title) + "</a> <span class=\"meta\">(" +
               esc(level_name(ws, j.level)) + (j.state == JourneyState::to_be ? ", to-be" : "") + ")" + esc(suffix) + "</span>";
        if (shown.insert(j.id).second) {
            stages(j);
        } else {
            out += " <span class=\"meta\">\xE2\x80\x94 its stages are listed above</span>";
        }
        out += "</li>";
    }

    // The stages of `j` that have journeys linked under them.
    void stages(const Journey& j) {
        const std::size_t mark = out.size();
        bool any = false;
        out += "<ul>";
        for (const Stage& stage : j.stages) {
            std::vector<const JourneyLink*> links;
            for (const JourneyLink& link : ws.links)
                if (link.parent == j.id && link.stage == stage.id && find_by_id(ws.journeys, link.child)) links.push_back(&link);
            if (links.empty() && j.level != 0) continue;
            any = true;
            out += "<li>" + esc(stage.name);
            if (!links.empty()) {
                out += "<ul>";
                for (const JourneyLink* link : links) {
                    const Step* step = link->step ? find_step(j, link->step) : nullptr;
                    journey_item(*find_by_id(ws.journeys, link->child), step ? ", at step " + step->name : std::string());
                }
                out += "</ul>";
            }
            out += "</li>";
        }
        out += "</ul>";
        if (!any) out.resize(mark);  // nothing linked under any stage: no list
    }
};

std::string framework_section(const Workspace& ws) {
    FrameworkWriter w{ws, {}, {}};
    w.out += "<section id=\"framework\" class=\"framework\" aria-labelledby=\"framework-h\"><h2 id=\"framework-h\">Framework</h2>";
    w.out += "<p>Levels: ";
    for (std::size_t l = 0; l < ws.settings.level_names.size(); ++l) {
        int count = 0;
        for (const Journey& j : ws.journeys) count += j.level == static_cast<int>(l);
        w.out += (l ? " \xC2\xB7 " : "") + esc(ws.settings.level_names[l]) + " (" + std::to_string(count) +
                 (count == 1 ? " journey)" : " journeys)");
    }
    w.out += "</p><ul>";
    for (const Journey& j : ws.journeys)
        if (j.level == 0) w.journey_item(j, "");
    w.out += "</ul>";
    std::vector<const Journey*> loose;
    for (const Journey& j : ws.journeys)
        if (!w.shown.count(j.id)) loose.push_back(&j);
    if (!loose.empty()) {
        w.out += "<h3>Not linked into the framework</h3><ul>";
        for (const Journey* j : loose) w.journey_item(*j, "");
        w.out += "</ul>";
    }
    return w.out + "</section>";
}

// [SECTION] Journeys -------------------------------------------------------------------------------
std::string map_table(const Workspace& ws, const Journey& j) {
    const JourneyGrid grid = journey_grid(ws, j);
    std::string out = scroll_region("Journey map of " + j.title) + "<table class=\"map\"><caption>" + esc(j.title) + " \xE2\x80\x94 journey map: " +
                      count_of(static_cast<long long>(j.stages.size()), "stage") + ", " +
                      count_of(static_cast<long long>(grid.columns.size()), "column") + ", " +
                      count_of(static_cast<long long>(grid.rows.size()), "lane") + "</caption>";
    // Stage spans: consecutive columns of one stage.
    struct Span { std::size_t first, count; };
    std::vector<Span> spans;
    for (std::size_t c = 0; c < grid.columns.size(); ++c) {
        if (spans.empty() || grid.columns[c].stage != grid.columns[spans.back().first].stage) spans.push_back({c, 0});
        ++spans.back().count;
    }
    out += "<colgroup><col></colgroup>";
    for (const Span& s : spans) out += "<colgroup span=\"" + std::to_string(s.count) + "\"></colgroup>";
    out += "<thead><tr><th scope=\"col\" rowspan=\"2\">Lane</th>";
    for (const Span& s : spans)
        out += "<th scope=\"colgroup\" colspan=\"" + std::to_string(s.count) + "\">" + esc(grid.columns[s.first].stage_name) + "</th>";
    out += "</tr><tr>";
    for (const GridColumn& c : grid.columns) {
        out += "<th scope=\"col\">";
        if (c.step < 0) out += "<span class=\"meta\">(no steps yet)</span>";
        else out += esc(c.step_name) + (c.moment_of_truth ? " <span class=\"meta\">(moment of truth)</span>" : "");
        out += "</th>";
    }
    out += "</tr></thead>";
    const std::string width = std::to_string(grid.columns.size() + 1);
    for (std::size_t r = 0; r < grid.rows.size(); ++r) {
        const GridRow& row = grid.rows[r];
        const bool starts_group = r == 0 || row.layer.empty() || row.layer != grid.rows[r - 1].layer;
        if (starts_group) {
            if (r) out += "</tbody>";
            out += "<tbody>";
            if (!row.layer.empty()) out += "<tr><th scope=\"rowgroup\" colspan=\"" + width + "\">" + esc(row.layer) + "</th></tr>";
        }
        out += "<tr><th scope=\"row\">" + esc(row.name) + "</th>";
        for (const auto& entries : grid.cells[r]) out += "<td>" + list(entries) + "</td>";
        out += "</tr>";
    }
    if (!grid.rows.empty()) out += "</tbody>";
    return out + "</table></div>";
}

std::string journey_section(const Workspace& ws, const Journey& j) {
    std::string out = "<section class=\"journey\" id=\"" + anchor(j) + "\" aria-labelledby=\"" + anchor(j) + "-h\"><h3 id=\"" +
                      anchor(j) + "-h\">" + esc(j.title) + "</h3>";
    std::string meta = level_name(ws, j.level) + " \xC2\xB7 " + (j.state == JourneyState::to_be ? "to-be" : "current") +
                       " \xC2\xB7 status: " + std::string(enum_name(j.status));
    if (!j.owner.empty()) meta += " \xC2\xB7 owner: " + j.owner;
    out += "<p class=\"meta\">" + esc(meta);
    if (j.state == JourneyState::to_be)
        if (const Journey* cur = find_by_id(ws.journeys, j.counterpart))
            out += " \xC2\xB7 redesigns <a href=\"#" + anchor(*cur) + "\">" + esc(cur->title) + "</a>";
    out += "</p>";
    if (!j.description.empty()) out += "<p class=\"text\">" + esc(j.description) + "</p>";
    const std::string personas = persona_names(ws, j.personas);
    if (!personas.empty()) out += "<p>Personas: " + esc(personas) + "</p>";
    return out + map_table(ws, j) + "</section>";
}

// [SECTION] Personas -------------------------------------------------------------------------------
std::string personas_section(const Workspace& ws) {
    std::string out = "<section id=\"personas\" aria-labelledby=\"personas-h\"><h2 id=\"personas-h\">Personas</h2>";
    if (ws.personas.empty()) out += "<p>No personas yet.</p>";
    for (const Persona& p : ws.personas) {
        out += "<article class=\"persona\"><h3>" + esc(p.name) + "</h3>";
        std::string who = p.role;
        if (!p.segment.empty()) who += (who.empty() ? "" : " \xC2\xB7 ") + p.segment;
        if (!who.empty()) out += "<p class=\"meta\">" + esc(who) + "</p>";
        if (!p.quote.empty()) out += "<blockquote>" + esc(p.quote) + "</blockquote>";
        auto part = [&](const char* title, const std::vector<std::string>& items) {
            if (!items.empty()) out += std::string("<h4>") + title + "</h4>" + list(items);
        };
        part("Goals", p.goals);
        part("Needs and drivers", p.needs);
        part("Pains and barriers", p.pains);
        part("Jobs to be done", p.jobs);
        out += "</article>";
    }
    return out + "</section>";
}

// [SECTION] Insights -------------------------------------------------------------------------------
std::string insights_section(const Workspace& ws, Date today) {
    std::string out = "<section id=\"insights\" aria-labelledby=\"insights-h\"><h2 id=\"insights-h\">Insights</h2>";
    if (ws.insights.empty()) return out + "<p>No insights yet.</p></section>";
    out += scroll_region("Insights") + "<table><caption>" + std::to_string(ws.insights.size()) +
           " insights with their evidence</caption><thead><tr><th scope=\"col\">Insight</th><th scope=\"col\">What it says</th>"
           "<th scope=\"col\">Type</th><th scope=\"col\">Evidence</th><th scope=\"col\">Source</th>"
           "<th scope=\"col\">Last validated</th><th scope=\"col\">Seen at</th><th scope=\"col\">Personas</th></tr></thead><tbody>";
    for (const Insight& i : ws.insights) {
        std::string evidence(enum_name(i.evidence));
        if (i.evidence != Evidence::assumed && scoring::insight_is_stale(i, today, ws.settings.stale_after_days))
            evidence += " (stale)";
        std::string source(enum_name(i.source));
        if (!i.source_detail.empty()) source += ": " + i.source_detail;
        std::vector<std::string> places;
        for (const StepRef& ref : i.steps)
            if (std::string place = step_place(ws, ref); !place.empty()) places.push_back(std::move(place));
        out += "<tr><th scope=\"row\">" + esc(i.title) + "</th><td>" + esc(i.text) + "</td><td>" + esc(enum_name(i.type)) +
               "</td><td>" + esc(evidence) + "</td><td>" + esc(source) + "</td><td>" +
               (i.last_validated ? to_iso(*i.last_validated) : std::string()) + "</td><td>" + list(places) + "</td><td>" +
               esc(persona_names(ws, i.personas)) + "</td></tr>";
    }
    return out + "</tbody></table></div></section>";
}

// [SECTION] Backlog --------------------------------------------------------------------------------
std::string backlog_section(const Workspace& ws, Date today) {
    std::string out = "<section id=\"backlog\" aria-labelledby=\"backlog-h\"><h2 id=\"backlog-h\">Backlog</h2>";
    const auto ranked = scoring::rank(ws, today);
    if (ranked.empty()) return out + "<p>No opportunities yet.</p></section>";
    const std::string& preset = ws.settings.scoring.preset;
    out += "<p>Ranked by priority = (customer value + business value) \xC3\x97 evidence factor \xC3\xB7 effort, scoring model: " +
           esc(preset.empty() ? "custom" : preset) + ". Done and will-not-do opportunities are listed after the ranked ones.</p>";
    out += scroll_region("Backlog") + "<table><caption>" + std::to_string(ranked.size()) +
           " opportunities in rank order</caption><thead><tr><th scope=\"col\">Rank</th><th scope=\"col\">Opportunity</th>"
           "<th scope=\"col\">Journeys</th><th scope=\"col\">Status</th><th scope=\"col\">Customer value</th>"
           "<th scope=\"col\">Business value</th><th scope=\"col\">Effort</th><th scope=\"col\">Evidence</th>"
           "<th scope=\"col\">Priority</th></tr></thead><tbody>";
    for (const auto& r : ranked) {
        const Opportunity& o = *r.opportunity;
        std::vector<std::string> journeys;
        for (Id id : scoring::journeys(o))
            if (const Journey* j = find_by_id(ws.journeys, id)) journeys.push_back(j->title);
        std::string status(enum_name(o.status));
        if (o.will_not_do) status = "will not do" + (o.will_not_do_reason.empty() ? std::string() : ": " + o.will_not_do_reason);
        out += "<tr><td class=\"num\">" + (r.rank > 0 ? std::to_string(r.rank) : std::string("\xE2\x80\x94")) +
               "</td><th scope=\"row\">" + esc(o.title) + "</th><td>" + list(journeys) + "</td><td>" + esc(status) +
               "</td><td class=\"num\">" + number(r.score.customer) + "</td><td class=\"num\">" + number(r.score.business) +
               "</td><td class=\"num\">" + number(r.score.effort) + "</td><td class=\"num\">" +
               std::to_string(static_cast<int>(r.score.evidence * 100 + 0.5)) + " %</td><td class=\"num\">" +
               number(r.score.priority) + "</td></tr>";
    }
    return out + "</tbody></table></div></section>";
}

// [SECTION] KPIs -----------------------------------------------------------------------------------
// Every KPI where it is anchored (journey, journey › stage, journey › step), its latest value with
// the unit and date, the target, how it stands, and what it rolls up.
std::string kpis_section(const Workspace& ws) {
    std::string out = "<section id=\"kpis\" aria-labelledby=\"kpis-h\"><h2 id=\"kpis-h\">KPIs</h2>";
    if (ws.metrics.empty()) return out + "<p>No KPIs yet.</p></section>";
    const kpi::Evaluation eval(ws);
    out += scroll_region("KPIs") + "<table><caption>" + std::to_string(ws.metrics.size()) + (ws.metrics.size() == 1 ? " KPI" : " KPIs") +
           " by where they are measured</caption><thead><tr><th scope=\"col\">KPI</th><th scope=\"col\">Where</th>"
           "<th scope=\"col\">Latest</th><th scope=\"col\">Date</th><th scope=\"col\">Target</th><th scope=\"col\">Health</th>"
           "<th scope=\"col\">Rolled up from</th></tr></thead><tbody>";
    for (const Journey* j : journey_order(ws))
        for (const Metric& m : ws.metrics) {
            if (m.journey != j->id) continue;
            std::string where = j->title;
            for (const Stage& st : j->stages) {
                const Step* step = nullptr;
                for (const Step& x : st.steps)
                    if (x.id == m.step) step = &x;
                if (st.id == m.stage || step) where += " \xE2\x80\xBA " + st.name;
                if (step) where += " \xE2\x80\xBA " + step->name;
            }
            std::string segment;
            const kpi::Reading& r = eval.headline(m.id, &segment);
            const std::string unit = m.unit.empty() ? std::string() : (m.unit == "%" ? " %" : " " + m.unit);
            std::string latest = r.latest ? kpi::short_number(*r.latest) + unit : std::string("no values");
            if (r.latest && !segment.empty()) latest += " (" + segment + ")";
            std::string target = m.target ? std::string(m.direction == Direction::higher_is_better ? "at least " : "at most ") +
                                                kpi::short_number(*m.target) + unit
                                          : std::string("\xE2\x80\x94");
            std::vector<std::string> inputs;
            if (r.computed)
                for (Id id : m.rollup_inputs)
                    if (const Metric* in = find_by_id(ws.metrics, id))
                        if (const Journey* ij = find_by_id(ws.journeys, in->journey)) inputs.push_back(in->name + " (" + ij->title + ")");
            out += "<tr><th scope=\"row\">" + esc(m.name) + "</th><td>" + esc(where) + "</td><td class=\"num\">" + esc(latest) + "</td><td>" +
                   (r.latest_date ? to_iso(*r.latest_date) : std::string()) + "</td><td>" + esc(target) + "</td><td>" +
                   kpi::health_name(r.health) + "</td><td>" + list(inputs) + "</td></tr>";
        }
    return out + "</tbody></table></div></section>";
}

// [SECTION] Maturity -------------------------------------------------------------------------------
// Each maturity scan by date: the score and stage of each area, the overall stage, answered questions.
std::string maturity_section(const Workspace& ws) {
    std::string out = "<section id=\"maturity\" aria-labelledby=\"maturity-h\"><h2 id=\"maturity-h\">Maturity scans</h2>";
    if (ws.scans.empty()) return out + "<p>No maturity scan yet.</p></section>";
    out += scroll_region("Maturity scans") + "<table><caption>" + std::to_string(ws.scans.size()) +
           (ws.scans.size() == 1 ? " maturity scan" : " maturity scans") + " (scores 1\xE2\x80\x93" "5 per area)</caption><thead><tr><th scope=\"col\">Date</th>";
    for (maturity::Area a : maturity::kAreas) out += "<th scope=\"col\">" + esc(maturity::area_name(a)) + "</th>";
    out += "<th scope=\"col\">Overall stage</th><th scope=\"col\">Answered</th></tr></thead><tbody>";
    for (const MaturityScan& scan : ws.scans) {
        const maturity::ScanResult r = maturity::compute(scan);
        out += "<tr><th scope=\"row\">" + to_iso(scan.date) + "</th>";
        for (maturity::Area a : maturity::kAreas) {
            const maturity::AreaResult& ar = r.area(a);
            out += "<td>" + (ar.answered ? number(ar.score) + " \xE2\x80\x94 " + esc(maturity::stage_name(ar.stage)) : std::string("not answered")) + "</td>";
        }
        out += "<td>" + esc(maturity::stage_name(r.stage)) + "</td><td class=\"num\">" + std::to_string(r.answered) + " of " +
               std::to_string(r.questions) + "</td></tr>";
    }
    return out + "</tbody></table></div></section>";
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

// [SECTION] Document -------------------------------------------------------------------------------
std::string workspace_report_html(const Workspace& ws, Date today) {
    const std::string name = ws.name.empty() ? std::string("Untitled workspace") : ws.name;
    const auto journeys = journey_order(ws);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                      "<meta name=\"generator\" content=\"Waymark\"><title>" +
                      esc(name) + " \xE2\x80\x94 Waymark report</title><style>" + kStyle + "</style></head><body>";
    out += "<header><h1>" + esc(name) + "</h1><p class=\"meta\">Customer journey report from Waymark, " + to_iso(today) + ": " +
           count_of(static_cast<long long>(ws.journeys.size()), "journey") + ", " +
           count_of(static_cast<long long>(ws.personas.size()), "persona") + ", " +
           count_of(static_cast<long long>(ws.insights.size()), "insight") + ", " +
           count_of(static_cast<long long>(ws.opportunities.size()), "opportunity", "opportunities") + ".</p></header>";
    out += "<nav aria-labelledby=\"toc-h\"><h2 id=\"toc-h\">Contents</h2><ol><li><a href=\"#framework\">Framework</a></li>"
           "<li><a href=\"#journeys\">Journeys</a><ol>";
    for (const Journey* j : journeys) out += "<li><a href=\"#" + anchor(*j) + "\">" + esc(j->title) + "</a></li>";
    out += "</ol></li><li><a href=\"#personas\">Personas</a></li><li><a href=\"#insights\">Insights</a></li>"
           "<li><a href=\"#backlog\">Backlog</a></li><li><a href=\"#kpis\">KPIs</a></li>"
           "<li><a href=\"#maturity\">Maturity scans</a></li></ol></nav><main>";
    out += framework_section(ws);
    out += "<section id=\"journeys\" aria-labelledby=\"journeys-h\"><h2 id=\"journeys-h\">Journeys</h2>";
    if (journeys.empty()) out += "<p>No journeys yet.</p>";
    for (const Journey* j : journeys) out += journey_section(ws, *j);
    out += "</section>";
    out += personas_section(ws);
    out += insights_section(ws, today);
    out += backlog_section(ws, today);
    out += kpis_section(ws);
    out += maturity_section(ws);
    return out + "</main></body></html>\n";
}

}  // namespace wm::io
