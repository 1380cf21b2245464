// The framework grid as SVG (see export_svg.hpp for the contract). Drawn as src/ui/framework/canvas.cpp
// draws it at zoom 1 with no coverage filter on, in the light theme, minus what only makes sense on
// screen (hover, drag and drop, the "+ child" action of unmapped steps). The layout's body
// coordinates are offset by the level-label column (x) and by the title block and stage header (y).
//
// [SECTION] index: grid · KPI line · tiles · body · headers · framework_svg
#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <optional>
#include <unordered_map>

#include "model/words.hpp"
#include "io/export_svg.hpp"
#include "io/export_svg_internal.hpp"
#include "model/date.hpp"

namespace wm::io {
namespace {

using namespace svg;

// [SECTION] Grid: what every part needs.
struct Grid {
    const Workspace& ws;
    const layout::FrameworkLayout& L;
    const std::vector<layout::JourneyFacts>& facts;
    const kpi::Evaluation& kpis;
    Writer& w;
    float top = 0;               // of the stage header band (below the title block)
    float ox = 0, oy = 0;        // the body's origin in the document
    std::unordered_map<Id, std::size_t> index;   // journey id → Workspace::journeys index

    [[nodiscard]] float x(float bx) const { return ox + bx; }
    [[nodiscard]] float y(float by) const { return oy + by; }
    [[nodiscard]] const Journey* journey(Id id) const {
        const auto it = index.find(id);
        return it == index.end() ? nullptr : &ws.journeys[it->second];
    }
    [[nodiscard]] layout::JourneyFacts facts_of(Id id) const {
        const auto it = index.find(id);
        return it != index.end() && it->second < facts.size() ? facts[it->second] : layout::JourneyFacts{};
    }
};


// [SECTION] KPI line: "NPS 42 / 45 %" after a health dot, a sparkline at the right end.
void kpi_line(Writer& w, float x, float y, float max_x, const Metric& m, const kpi::Reading& r) {
    const float size = w.small();
    const float spark_w = std::min(64.0f * size / 13.0f, (max_x - x) * 0.35f);
    w.circle(x + size * 0.35f, y + size * 0.6f, size * 0.3f, {health_color(r.health)});
    const std::string text = kpi::headline_text(m, r);
    const float text_max = max_x - spark_w - size * 0.5f;
    w.text(x + size, y, w.fit(text, text_max - (x + size), size, false), size, false, {kInk});
    if (r.series.size() >= 2) w.sparkline(max_x - spark_w, y, max_x, y + size * 1.2f, r, m);
}

// [SECTION] Tiles --------------------------------------------------------------------------------------

void draw_tile(const Grid& g, const layout::FwTile& t) {
    const Journey* jp = g.journey(t.journey);
    if (!jp) return;
    const Journey& j = *jp;
    const layout::JourneyFacts facts = g.facts_of(t.journey);
    Writer& w = g.w;
    const layout::FrameworkMetrics& fm = g.L.metrics;
    const float x = g.x(t.rect.x), y = g.y(t.rect.y), tw = t.rect.w, th = t.rect.h;
    const float bsize = w.body(), ssize = w.small();
    w.rect(x, y, tw, th, {kPaper}, 6);
    w.frame(x, y, tw, th, {kLine}, 1, 6);
    w.rect(x, y, std::min(4.0f, tw), th, {j.state == JourneyState::to_be ? kToBe : kAccent}, 2);
    const float x0 = x + 12, right = x + tw - 8 - (t.has_children ? 22.0f : 0.0f);
    w.text(x0, y + 7, w.fit(j.title, right - x0, bsize, true), bsize, true, {kInk});

    // State · status · owner, and how many descendants a folded tile hides.
    float meta_right = x + tw - 8;
    if (t.hidden > 0) {
        const std::string hidden = std::to_string(t.hidden) + " hidden";
        const float px = x + tw - 8 - w.measure(hidden, ssize, false) - ssize;
        if (w.pill(px, y + 29, ssize, kAccent, hidden, x + tw) > 0) meta_right = px - 4;
    }
    std::string meta = j.state == JourneyState::to_be ? "To-be" : "Current";
    meta += std::string(kDot) + journey_status_label(j.status);
    if (!j.owner.empty()) meta += std::string(kDot) + j.owner;
    w.text(x0, y + 29, w.fit(meta, meta_right - x0, ssize, false), ssize, false, {kMuted});

    // Avatars (four, then "+n"), counts on the right.
    float ax = x0;
    const float ay = y + 48, r = 9;
    int shown = 0;
    for (Id pid : j.personas) {
        const Persona* persona = find_by_id(g.ws.personas, pid);
        if (!persona) continue;
        if (shown == 4) {
            w.text(ax, ay + r - ssize * 0.6f, "+" + std::to_string(j.personas.size() - 4), ssize, false, {kMuted});
            break;
        }
        const std::uint32_t col = persona->color & 0xFFFFFF;
        w.circle(ax + r, ay + r, r, {col});
        w.text(ax + r, ay + r - ssize * 0.42f, persona->initials, ssize * 0.8f, false, {readable_on(col)}, Anchor::middle);
        ax += r * 2 + 3;
        ++shown;
    }
    if (j.personas.empty()) w.text(ax, ay + r - ssize * 0.6f, "No persona", ssize, false, {kMuted});
    std::string counts = std::to_string(facts.insights) + (facts.insights == 1 ? " insight" : " insights");
    counts += std::string(kDot) + std::to_string(facts.opportunities) + (facts.opportunities == 1 ? " opp." : " opps.");
    w.text(x + tw - 8, ay + r - ssize * 0.6f, counts, ssize, false, {kMuted}, Anchor::end);

    // The journey's headline KPI.
    if (const Metric* m = facts.headline >= 0 && static_cast<std::size_t>(facts.headline) < g.ws.metrics.size() ? &g.ws.metrics[static_cast<std::size_t>(facts.headline)] : nullptr)
        kpi_line(w, x0, y + 76, x + tw - 8, *m, g.kpis.headline(m->id));
    else w.text(x0, y + 76, "No KPI", ssize, false, {kMuted});

    // Children: a chevron, pointing right when the tile hides them.
    if (t.has_children) w.disclosure(x + tw - 15, y + 14, 5, t.hidden > 0, {kMuted});

    // Unmapped steps (FrameworkOptions::list_unmapped_steps): one line each under the tile's body.
    for (std::size_t i = 0; i < t.unmapped_steps.size(); ++i) {
        const Step* s = find_step(j, t.unmapped_steps[i]);
        if (!s) continue;
        const float ly = y + fm.tile_height + fm.unmapped_line * static_cast<float>(i);
        w.ring(x0 + 4, ly + fm.unmapped_line * 0.5f, 3.5f, {kWarn}, 1.5f);
        w.text(x0 + 12, ly + 1, w.fit(s->name, x + tw - 8 - (x0 + 12), ssize, false), ssize, false, {kInk});
    }
}

// [SECTION] Body ---------------------------------------------------------------------------------------

void draw_body(const Grid& g) {
    Writer& w = g.w;
    const layout::FrameworkLayout& L = g.L;
    const float small = w.small(), pad = L.metrics.cell_pad;
    for (std::size_t r = 0; r < L.rows.size(); ++r) {
        const layout::FwRow& row = L.rows[r];
        const float y0 = g.y(row.y), y1 = y0 + row.h;
        w.rect(g.ox, y0, L.width, row.h, {r % 2 ? kPanel : kCanvas});
        w.line(g.ox, y1, g.x(L.width), y1, {kLine});
        for (std::size_t c = 1; c < L.columns.size(); ++c) w.line(g.x(L.columns[c].x), y0, g.x(L.columns[c].x), y1, {kLine});
    }
    // Lifecycle stages nothing hangs from.
    for (const layout::FwColumn& col : L.columns)
        if (!col.stage.is_nil() && col.journeys == 0 && !L.rows.empty())
            w.text(g.x(col.x + pad), g.y(L.rows[0].y + pad), w.fit("Not mapped", col.w - 2 * pad, small, false), small, false, {kMuted});
    // Folded levels say what they hold.
    for (const layout::FwRow& row : L.rows) {
        if (!row.collapsed || row.journeys == 0) continue;
        const std::string text = std::to_string(row.journeys) + (row.journeys == 1 ? " journey folded" : " journeys folded");
        w.text(g.x(pad), g.y(row.y + row.h / 2) - small * 0.6f, text, small, false, {kMuted});
    }
    // Group headings "Parent › step", with a bracket down the group's tiles.
    for (const layout::FwGroup& group : L.groups) {
        const layout::Rect& r = group.rect;
        w.line(g.x(r.x - 5), g.y(r.y + r.h * 0.5f), g.x(r.x - 5), g.y(group.bottom), {kAccent, 0.45f}, 2);
        w.text(g.x(r.x) + 2, g.y(r.y) + 3, w.fit(group.label, r.w - 2, small, false), small, false, {kMuted});
    }
    for (const layout::FwTile& t : L.tiles) draw_tile(g, t);
}

// [SECTION] Headers --------------------------------------------------------------------------------

void draw_headers(const Grid& g) {
    Writer& w = g.w;
    const layout::FrameworkLayout& L = g.L;
    const float bsize = w.body(), ssize = w.small(), pad = 8;
    const float top = g.top, bottom = g.oy;

    // Stage header band: name, how many journeys hang from the stage, the stage's KPI.
    w.rect(g.ox, top, L.width, bottom - top, {kHeaderBg});
    for (const layout::FwColumn& col : L.columns) {
        const float x0 = g.x(col.x), x1 = g.x(col.x + col.w);
        w.line(x0, top, x0, bottom, {kLine});
        w.text(x0 + pad, top + pad * 0.8f, w.fit(col.name, col.w - 2 * pad, bsize, true), bsize, true, {col.stage.is_nil() ? kMuted : kInk});
        const bool unmapped = !col.stage.is_nil() && col.journeys == 0;
        const std::string sub = unmapped ? "Not mapped" : std::to_string(col.journeys) + (col.journeys == 1 ? " journey" : " journeys");
        w.text(x0 + pad, top + pad + bsize * 1.35f, w.fit(sub, col.w - 2 * pad, ssize, false), ssize, false, {kMuted});
        if (!col.stage.is_nil())
            if (const Metric* m = layout::headline_metric(g.ws, L.lifecycle, col.stage); m && m->stage == col.stage)
                kpi_line(w, x0 + pad, bottom - pad - ssize * 1.3f, x1 - pad, *m, g.kpis.headline(m->id));
    }
    w.line(g.ox, bottom - 1, g.x(L.width), bottom - 1, {kLine});

    // Level label column.
    w.rect(0, g.oy, g.ox, L.height, {kHeaderBg});
    for (const layout::FwRow& row : L.rows) {
        const float y0 = g.y(row.y), y1 = y0 + row.h;
        w.line(0, y1, g.ox, y1, {kLine});
        const float ty = y0 + pad * 0.6f, s = 4.5f, tx = pad + 3 * s;
        w.disclosure(pad + s, ty + bsize * 0.6f, s, row.collapsed, {kMuted});
        const std::string title = "L" + std::to_string(row.level) + (row.name.empty() ? "" : " " + row.name);
        w.text(tx, ty, w.fit(title, g.ox - pad - tx, bsize, true), bsize, true, {kInk});
        const std::string sub = std::to_string(row.journeys) + (row.journeys == 1 ? " journey" : " journeys");
        w.text(tx, ty + bsize * 1.35f, w.fit(sub, g.ox - pad - tx, ssize, false), ssize, false, {kMuted});
    }
    w.line(g.ox - 1, g.oy, g.ox - 1, g.y(L.height), {kLine});

    // Corner.
    w.rect(0, top, g.ox, bottom - top, {kHeaderBg});
    w.text(8, top + 8, w.fit("Levels / lifecycle stages", g.ox - 16, ssize, false), ssize, false, {kMuted});
}

}  // namespace

// [SECTION] framework_svg -----------------------------------------------------------------------------

SvgDocument framework_svg(const Workspace& ws, const layout::FrameworkLayout& layout, const std::vector<layout::JourneyFacts>& facts,
                          const kpi::Evaluation* kpis, const SvgStyle& style, Date today) {
    assert(facts.size() == ws.journeys.size() && "facts is layout::journey_facts(ws)");
    Writer w(style);
    std::optional<kpi::Evaluation> own;
    if (!kpis) kpis = &own.emplace(ws);

    const std::size_t levels = std::max(ws.settings.level_names.size(), layout.rows.size() + (layout.lifecycle.is_nil() ? 0 : 1));
    const std::size_t journeys = ws.journeys.size();
    std::string counts = std::to_string(journeys) + (journeys == 1 ? " journey" : " journeys") + std::string(kDot) + std::to_string(levels) +
                         (levels == 1 ? " level" : " levels");
    if (layout.lifecycle.is_nil()) counts += std::string(kDot) + "no lifecycle journey with stages to place them under";
    TitleBlock block;
    block.title = "Journey framework";
    block.lines = {ws.name.empty() ? std::string("Untitled workspace") : ws.name, counts};
    block.footer = "Exported " + to_iso(today) + " from Waymark";

    const float width = layout.metrics.label_width + layout.width;
    const float top = title_block_height(w, block, width);
    Grid g{ws, layout, facts, *kpis, w, top, layout.metrics.label_width, top + layout.metrics.stage_header, {}};
    for (std::size_t i = 0; i < ws.journeys.size(); ++i) g.index.emplace(ws.journeys[i].id, i);
    draw_title_block(w, block, width);
    draw_body(g);
    draw_headers(g);

    const std::string desc = "Journey framework of " + block.lines[0] + ": " + counts + ", " + 
                             count_of(static_cast<long long>(layout.columns.size()), "column") + ", " +
                             count_of(static_cast<long long>(layout.tiles.size()), "journey") + " shown. Exported " + to_iso(today) + " from Waymark.";
    return finish(w, "Journey framework \xE2\x80\x94 " + block.lines[0], desc, width, g.oy + layout.height);
}

}  // namespace wm::io
