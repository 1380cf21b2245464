// A journey map as SVG (see export_svg.hpp for the contract). Drawn as src/ui/map/canvas.cpp draws the
// map at zoom 1 in the light theme, all of it, minus what only makes sense on screen (selection, find
// marks, drag feedback, the persona lens, hints to click). The layout's body coordinates are offset
// by the label column (x) and by the title block and header band (y); headers share the body's x,
// labels its y.
//
// [SECTION] index: map · items · emotion lanes · body · headers · labels · journey_svg
#include <algorithm>
#include <cstdio>

#include "io/export_svg.hpp"
#include "io/export_svg_internal.hpp"
#include "model/date.hpp"
#include "model/enum_names.hpp"
#include "scoring/prioritise.hpp"
#include "model/words.hpp"

namespace wm::io {
namespace {

using namespace svg;

// [SECTION] Map: what every part needs.
struct Map {
    const Workspace& ws;
    const Journey& j;
    const layout::JourneyLayout& L;
    Writer& w;
    const kpi::Evaluation& kpis;
    Date today;
    float top = 0;               // of the header band (below the title block)
    float ox = 0, oy = 0;        // the body's origin in the document

    [[nodiscard]] float x(float bx) const { return ox + bx; }
    [[nodiscard]] float y(float by) const { return oy + by; }
    [[nodiscard]] const Step* step_of_column(int c) const {
        const layout::Column& col = L.columns[static_cast<std::size_t>(c)];
        if (col.stage < 0 || col.step < 0 || static_cast<std::size_t>(col.stage) >= j.stages.size()) return nullptr;
        const Stage& stage = j.stages[static_cast<std::size_t>(col.stage)];
        return static_cast<std::size_t>(col.step) < stage.steps.size() ? &stage.steps[static_cast<std::size_t>(col.step)] : nullptr;
    }
    // The workspace entry an item shows, by index when it is still that one, else by id (as item_text).
    template <class T>
    [[nodiscard]] const T* target(const std::vector<T>& list, const layout::Item& item) const {
        const auto i = static_cast<std::size_t>(item.index);
        if (item.index >= 0 && i < list.size() && list[i].id == item.id) return &list[i];
        return find_by_id(list, item.id);
    }
};

// [SECTION] Items -------------------------------------------------------------------------------------

// Severity dots, the channel (owned or not), persona avatars, counts of linked insights and opportunities.
void card_badges(const Map& m, const Card& card, const Lane& lane, float x, float y, float max_x) {
    Writer& w = m.w;
    const float size = w.small();
    if ((lane.kind == LaneKind::pain || lane.kind == LaneKind::gain) && card.severity > 0) {
        const std::uint32_t col = lane.kind == LaneKind::pain ? kError : kOk;
        const float r = size * 0.28f;
        for (int i = 1; i <= 5; ++i) {
            const float cx = x + r + static_cast<float>(i - 1) * r * 2.6f, cy = y + size * 0.6f;
            if (i <= card.severity) w.circle(cx, cy, r, {col});
            else w.ring(cx, cy, r, {col, 0.6f}, 1);
        }
        x += r * 2.6f * 5 + size * 0.3f;
    }
    if (lane.kind == LaneKind::touchpoint && !card.channel.is_nil())
        if (const Channel* ch = find_by_id(m.ws.channels, card.channel))
            x += w.pill(x, y, size, ch->owned ? kAccent : kWarn, ch->owned ? ch->name : ch->name + " \xC2\xB7 not owned", max_x);
    for (Id pid : card.personas) {
        const Persona* p = find_by_id(m.ws.personas, pid);
        if (!p || x + size * 1.3f > max_x) continue;
        const float r = size * 0.62f;
        w.circle(x + r, y + size * 0.6f, r, {p->color & 0xFFFFFF});
        w.text(x + r, y + size * 0.6f - size * 0.38f, p->initials, size * 0.75f, false, {kWhite}, Anchor::middle);
        x += r * 2 + 2;
    }
    if (!card.insights.empty())
        x += w.pill(x + 2, y, size, kMuted, std::to_string(card.insights.size()) + (card.insights.size() == 1 ? " insight" : " insights"), max_x);
    if (!card.opportunities.empty())
        w.pill(x + 2, y, size, kAccent,
               std::to_string(card.opportunities.size()) + (card.opportunities.size() == 1 ? " opportunity" : " opportunities"), max_x);
}

// The evaluated latest value coloured by health, "rolled up", the target, the segment, a sparkline.
void metric_badges(const Map& m, const Metric& k, float x, float y, float max_x) {
    Writer& w = m.w;
    const float size = w.small();
    std::string segment;
    const kpi::Reading& r = m.kpis.headline(k.id, &segment);
    if (!r.latest) {
        w.pill(x, y, size, kMuted, r.computed ? "no input values yet" : "no values yet", max_x);
        return;
    }
    x += w.pill(x, y, size, health_color(r.health), kpi_value_text(*r.latest, k.unit), max_x);
    if (r.computed) x += w.pill(x, y, size, kAccent, "rolled up", max_x);
    if (k.target) x += w.pill(x, y, size, kMuted, "target " + kpi_value_text(*k.target, ""), max_x);
    if (!segment.empty()) x += w.pill(x, y, size, kMuted, segment, max_x);
    const float spark_w = size * 4;
    if (x + spark_w <= max_x) w.sparkline(x, y, x + spark_w, y + size * 1.2f, r, k);
}

void item_badges(const Map& m, const layout::Item& item, const Lane& lane, const Card* card, float x, float y, float max_x) {
    Writer& w = m.w;
    const float size = w.small();
    switch (item.kind) {
        case layout::ItemKind::card:
            if (card) card_badges(m, *card, lane, x, y, max_x);
            break;
        case layout::ItemKind::insight:
            if (const Insight* i = m.target(m.ws.insights, item)) {
                const std::uint32_t ec = i->evidence == Evidence::validated ? kOk : i->evidence == Evidence::observed ? kObserved : kMuted;
                const float pw = w.pill(x, y, size, ec, enum_name(i->evidence), max_x);
                if (scoring::insight_is_stale(*i, m.today, m.ws.settings.stale_after_days)) w.pill(x + pw, y, size, kWarn, "stale", max_x);
            }
            break;
        case layout::ItemKind::opportunity:
            if (const Opportunity* o = m.target(m.ws.opportunities, item))
                w.pill(x, y, size, o->will_not_do ? kMuted : kAccent, o->will_not_do ? std::string("will not do") : std::string(enum_name(o->status)),
                       max_x);
            break;
        case layout::ItemKind::metric:
            if (const Metric* k = m.target(m.ws.metrics, item)) metric_badges(m, *k, x, y, max_x);
            break;
        case layout::ItemKind::journey:
            if (const Journey* child = m.target(m.ws.journeys, item)) {
                const std::string meta = "L" + std::to_string(child->level) + std::string(kDot) + std::string(enum_name(child->status)) +
                                         std::string(kDot) + count_of(static_cast<long long>(child->cards.size()), "card");
                w.pill(x, y, size, child->state == JourneyState::to_be ? kToBe : kMuted, meta, max_x);
            }
            break;
    }
}

void draw_item(const Map& m, const layout::Item& item) {
    Writer& w = m.w;
    const layout::MapMetrics& mm = m.L.metrics;
    const Lane& lane = m.j.lanes[static_cast<std::size_t>(m.L.rows[static_cast<std::size_t>(item.row)].lane)];
    const float x = m.x(item.rect.x), y = m.y(item.rect.y), iw = item.rect.w, ih = item.rect.h;
    const Card* card = item.kind == layout::ItemKind::card ? m.target(m.j.cards, item) : nullptr;

    std::uint32_t fill = kPaper, bar = lane.color & 0xFFFFFF;
    switch (item.kind) {
        case layout::ItemKind::card: break;
        case layout::ItemKind::insight: fill = tint(0x0EA5E9, 0.10f); break;
        case layout::ItemKind::opportunity: fill = tint(0x4F46E5, 0.10f), bar = kAccent; break;
        case layout::ItemKind::metric: fill = tint(0x8B5CF6, 0.10f); break;
        case layout::ItemKind::journey: fill = tint(0x64748B, 0.10f); break;
    }
    w.rect(x, y, iw, ih, {fill}, 5);
    const Channel* channel = card && lane.kind == LaneKind::touchpoint ? find_by_id(m.ws.channels, card->channel) : nullptr;
    if (channel && !channel->owned) w.frame(x, y, iw, ih, {kWarn}, 1.2f, 0, 4);   // a touchpoint the company does not own
    else w.frame(x, y, iw, ih, {kLine}, 1, 5);
    w.rect(x, y, std::min(3.0f, iw), ih, {bar}, 1.5f);

    // The text, wrapped as the layout measured it (svg_text_height), kept inside the box regardless.
    const float pad = mm.item_pad;
    const float text_h = ih - 2 * pad - (item.badges ? mm.badge_row : 0.0f);
    const std::vector<std::string> lines = w.box(layout::item_text(m.ws, m.j, item), iw - 2 * pad, text_h, w.body(), false);
    w.text(x + pad, y + pad, lines, w.body(), false, {item.kind == layout::ItemKind::journey ? kAccent : kInk});
    if (item.badges) item_badges(m, item, lane, card, x + pad, y + ih - pad - mm.badge_row + 2, x + iw - pad);
}

// [SECTION] Emotion lanes ----------------------------------------------------------------------------

struct Curve {
    layout::CurveStyle style;
    std::uint32_t colour = 0;
    std::vector<layout::Vec2> points;   // document coordinates, by column
    std::vector<int> scores;
};

// An SVG stroke-dasharray for a curve's line style ("" when solid).
std::string dasharray(layout::CurveDash dash) {
    const layout::DashLengths d = layout::dash_lengths(dash);
    return d.on > 0 ? num(d.on) + " " + num(d.off) : std::string();
}

// A curve's point in its shape (layout::CurveMarker), ringed in the paper colour when `ring` > 0.
void point(Writer& w, layout::CurveMarker marker, layout::Vec2 p, float rad, std::uint32_t colour, float ring) {
    const layout::MarkerOutline shape = layout::marker_outline(marker, p, rad);
    std::vector<layout::Vec2> outline(shape.begin(), shape.end());
    if (outline.empty()) {
        w.circle(p.x, p.y, rad, {colour});
        if (ring > 0) w.ring(p.x, p.y, rad, {kPaper}, ring);
        return;
    }
    w.polygon(outline, {colour});
    if (ring > 0) {
        outline.push_back(outline.front());
        w.polyline(outline, {kPaper}, ring);
    }
}

// Guides (one per score, stronger at neutral), then one smooth curve per persona through its scores,
// each point in its shape with its score beside it.
void draw_emotion_row(const Map& m, int r) {
    Writer& w = m.w;
    const layout::Row& row = m.L.rows[static_cast<std::size_t>(r)];
    const Lane& lane = m.j.lanes[static_cast<std::size_t>(row.lane)];
    const layout::MapMetrics& mm = m.L.metrics;
    const int lo = m.ws.settings.emotion_min, hi = m.ws.settings.emotion_max;
    if (m.L.columns.empty()) return;
    const float x0 = m.x(0), x1 = m.x(m.L.width);
    for (int s = lo; s <= hi; ++s) {
        const float gy = m.y(layout::emotion_y(row, s, lo, hi, mm));
        w.line(x0, gy, x1, gy, {kLine, s == 0 ? 1.0f : 0.55f}, s == 0 ? 1.5f : 1.0f);
    }
    std::vector<Curve> curves;
    for (int c = 0; c < m.L.column_count(); ++c) {
        const Step* step = m.step_of_column(c);
        if (!step) continue;
        const layout::Column& col = m.L.columns[static_cast<std::size_t>(c)];
        for (const EmotionScore& e : m.j.emotions) {
            if (e.lane != lane.id || e.step != step->id) continue;
            auto it = std::find_if(curves.begin(), curves.end(), [&](const Curve& k) { return k.style.persona == e.persona; });
            if (it == curves.end()) {
                layout::CurveStyle style = layout::emotion_curve_style(m.ws, e.persona);
                const std::uint32_t colour = style.ink ? kInk : style.rgb;
                curves.push_back(Curve{std::move(style), colour, {}, {}});
                it = curves.end() - 1;
            }
            it->points.push_back({m.x(col.x + col.w * 0.5f), m.y(layout::emotion_y(row, e.score, lo, hi, mm))});
            it->scores.push_back(std::clamp(e.score, std::min(lo, hi), std::max(lo, hi)));
        }
    }
    const float small = w.small();
    for (const Curve& k : curves) {
        w.polyline(layout::smooth_curve(k.points, 10), {k.colour}, k.style.width, dasharray(k.style.dash));
        for (std::size_t i = 0; i < k.points.size(); ++i) {
            const layout::Vec2 p = k.points[i];
            const float rad = k.style.ink ? 6.5f : 5.5f;
            point(w, k.style.marker, p, rad, k.colour, 1.5f);
            w.text(p.x + rad + 2, p.y - rad - small * 0.8f, layout::emotion_score_text(k.scores[i]), small, false, {k.colour});
        }
    }
    // The legend at the row's top right, as on the map: each curve's line style, point shape, colour and name.
    const std::vector<layout::CurveStyle> legend = layout::emotion_curves(m.ws, m.j, lane.id);
    if (legend.empty()) return;
    const float sample = 24, gap = 6, pad = 5;
    float width = pad;
    for (const auto& c : legend) width += sample + gap + w.measure(c.name, small, false) + 2 * gap;
    float x = std::max(x0 + 4, x1 - 6 - width);
    const float top = m.y(row.y) + 3;
    w.rect(x, top, width, small + 2 * pad, {kPaper, 0.92f}, 4);
    w.frame(x, top, width, small + 2 * pad, {kLine}, 1, 4);
    x += pad;
    for (const auto& c : legend) {
        const float cy = top + pad + small * 0.55f;
        w.polyline({{x, cy}, {x + sample, cy}}, {c.ink ? kInk : c.rgb}, c.width, dasharray(c.dash));
        point(w, c.marker, {x + sample * 0.5f, cy}, small * 0.32f, c.ink ? kInk : c.rgb, 0);
        x += sample + gap;
        w.text(x, top + pad, c.name, small, false, {kInk});
        x += w.measure(c.name, small, false) + 2 * gap;
    }
}

// [SECTION] Body ---------------------------------------------------------------------------------------

void draw_body(const Map& m) {
    Writer& w = m.w;
    const layout::JourneyLayout& L = m.L;
    for (int r = 0; r < L.row_count(); ++r) {
        const layout::Row& row = L.rows[static_cast<std::size_t>(r)];
        const float y0 = m.y(row.y);
        if (row.kind == layout::RowKind::layer) {
            w.rect(m.ox, y0, L.width, row.h, {tint(m.j.lanes[static_cast<std::size_t>(row.first_lane)].color & 0xFFFFFF, 0.22f)});
            continue;
        }
        const Lane& lane = m.j.lanes[static_cast<std::size_t>(row.lane)];
        w.rect(m.ox, y0, L.width, row.h, {tint(lane.color & 0xFFFFFF, r % 2 ? 0.05f : 0.08f)});
        w.line(m.ox, y0 + row.h, m.x(L.width), y0 + row.h, {kLine});
        if (row.collapsed) continue;
        if (lane.kind == LaneKind::emotion) {
            draw_emotion_row(m, r);
            continue;
        }
        for (int c = 0; c < L.column_count(); ++c) {
            const layout::Span items = L.cell_items(r, c);
            for (int i = items.begin; i < items.end; ++i) draw_item(m, L.items[static_cast<std::size_t>(i)]);
        }
    }
    // Column lines: stage boundaries stronger than step boundaries.
    for (int c = 0; c < L.column_count(); ++c) {
        const layout::Column& col = L.columns[static_cast<std::size_t>(c)];
        const bool stage_start = c == 0 || L.columns[static_cast<std::size_t>(c) - 1].stage != col.stage;
        w.line(m.x(col.x), m.oy, m.x(col.x), m.y(L.height), {stage_start ? kMuted : kLine}, stage_start ? 1.5f : 1.0f);
    }
}

// [SECTION] Headers --------------------------------------------------------------------------------

// The first KPI on the stage itself, at the right end of its header: value coloured by health, how
// many more there are, a sparkline. Returns where it starts (x1 when it does not fit or there is none).
float stage_kpi(const Map& m, const Stage& stage, float x0, float x1) {
    const Metric* first = nullptr;
    int n = 0;
    for (const Metric& k : m.ws.metrics)
        if (k.journey == m.j.id && k.stage == stage.id && k.step.is_nil()) {
            if (!first) first = &k;
            ++n;
        }
    if (!first) return x1;
    Writer& w = m.w;
    const float size = w.small();
    const kpi::Reading& r = m.kpis.headline(first->id);
    std::string text = first->name + " " + (r.latest ? kpi_value_text(*r.latest, first->unit) : std::string("no data"));
    if (n > 1) text += " +" + std::to_string(n - 1);
    const float spark = size * 3, right = x1 - 6;
    const float left = right - spark - 4 - (w.measure(text, size, false) + size * 0.7f);
    if (left < x0 + 90) return x1;   // the stage name comes first
    const float y = m.top + (m.L.metrics.stage_header - size * 1.2f) * 0.5f;
    w.pill(left, y, size, health_color(r.health), text, right);
    w.sparkline(right - spark, y, right, y + size * 1.2f, r, *first);
    return left;
}

void draw_headers(const Map& m) {
    Writer& w = m.w;
    const layout::JourneyLayout& L = m.L;
    const float top = m.top, mid = top + L.metrics.stage_header, bottom = m.oy;
    const float body = w.body(), small = w.small();
    w.rect(m.ox, top, L.width, bottom - top, {kCanvas});
    for (const layout::StageSpan& span : L.stages) {
        const float x0 = m.x(span.x), x1 = m.x(span.x + span.w);
        const Stage& stage = m.j.stages[static_cast<std::size_t>(span.stage)];
        w.rect(x0, top, span.w, mid - top, {tint(kAccent, 0.16f)});
        const float tx = x0 + 8, name_end = stage_kpi(m, stage, x0, x1) - 4;
        w.text(tx, top + (L.metrics.stage_header - body) * 0.5f, w.fit(stage.name, name_end - tx, body, true), body, true, {kInk});
    }
    for (int c = 0; c < L.column_count(); ++c) {
        const layout::Column& col = L.columns[static_cast<std::size_t>(c)];
        const float x0 = m.x(col.x), x1 = m.x(col.x + col.w);
        w.rect(x0, mid, col.w, bottom - mid, {kPaper});
        w.line(x0, mid, x0, bottom, {kLine});
        w.line(x0, bottom - 1, x1, bottom - 1, {kMuted});
        const Step* step = m.step_of_column(c);
        if (!step) {
            w.text(x0 + 8, mid + 6, w.box("No steps", x1 - 4 - (x0 + 8), bottom - mid - 6, body, false), body, false, {kMuted});
            continue;
        }
        float tx = x0 + 8;
        if (step->moment_of_truth) {
            const float r = 5;
            w.circle(tx + r, mid + 8 + r, r, {kWarn});
            tx += r * 2 + 5;
        }
        const bool mot_line = step->moment_of_truth && x1 - x0 > 120;
        const float name_bottom = mot_line ? bottom - small - 5 : bottom - 4;
        w.text(tx, mid + 6, w.box(step->name, x1 - 6 - tx, name_bottom - (mid + 6), body * 0.95f, true), body * 0.95f, true, {kInk});
        if (mot_line) w.text(x0 + 8, bottom - small - 5, "Moment of truth", small, false, {kWarn});
    }
    // Stage boundaries over the step row, as the body's.
    for (const layout::StageSpan& span : L.stages) w.line(m.x(span.x), top, m.x(span.x), bottom, {kMuted}, 1.5f);
}

// [SECTION] Labels ----------------------------------------------------------------------------------

void draw_labels(const Map& m) {
    Writer& w = m.w;
    const layout::JourneyLayout& L = m.L;
    const float x1 = m.ox, body = w.body(), small = w.small();
    w.rect(0, m.oy, x1, L.height, {kPaper});
    for (const layout::Row& row : L.rows) {
        const float y0 = m.y(row.y), y1 = y0 + row.h;
        if (row.kind == layout::RowKind::layer) {
            const Lane& first = m.j.lanes[static_cast<std::size_t>(row.first_lane)];
            w.rect(0, y0, x1, row.h, {tint(first.color & 0xFFFFFF, 0.28f)});
            w.disclosure(10, (y0 + y1) * 0.5f, 4.5f, row.collapsed, {kInk});
            std::string text = first.layer;
            if (row.collapsed) text += " (" + std::to_string(row.lane_count) + (row.lane_count == 1 ? " lane)" : " lanes)");
            w.text(20, (y0 + y1) * 0.5f - body * 0.5f, w.fit(text, x1 - 4 - 20, body, true), body, true, {kInk});
            continue;
        }
        const Lane& lane = m.j.lanes[static_cast<std::size_t>(row.lane)];
        w.rect(0, y0 + 3, 4, row.h - 6, {lane.color & 0xFFFFFF}, 2);
        w.line(0, y1, x1, y1, {kLine});
        const float ty = y0 + std::min(6.0f, (row.h - body) * 0.5f);
        const bool kind_line = !row.collapsed && row.h > body * 2.6f;
        if (row.collapsed) {
            w.text(12, ty, w.fit(lane.name, x1 - 6 - 12, body, false), body, false, {kInk});
        } else {
            const float name_bottom = kind_line ? y1 - small - 6 : y1;
            w.text(12, ty, w.box(lane.name, x1 - 6 - 12, name_bottom - ty, body, false), body, false, {kInk});
        }
        if (kind_line) {
            std::string kind(enum_name(lane.kind));
            if (lane.kind == LaneKind::emotion)
                kind += std::string(kDot) + layout::emotion_score_text(m.ws.settings.emotion_min) + " to " +
                        layout::emotion_score_text(m.ws.settings.emotion_max);
            w.text(12, y1 - small - 6, w.fit(kind, x1 - 6 - 12, small, false), small, false, {kMuted});
        }
    }
    w.line(x1 - 1, m.oy, x1 - 1, m.y(L.height), {kMuted});
    // The corner: what the axes are.
    const float stage_h = L.metrics.stage_header;
    w.rect(0, m.top, x1, m.oy - m.top, {kPaper});
    w.text(10, m.top + (stage_h - small) * 0.5f, "Stages", small, false, {kMuted});
    w.text(10, m.top + stage_h + 6, "Steps", small, false, {kMuted});
    w.text(10, m.oy - small - 6, "Lanes", small, false, {kMuted});
    w.line(0, m.oy - 1, x1, m.oy - 1, {kMuted});
    w.line(x1 - 1, m.top, x1 - 1, m.oy, {kMuted});
}

// [SECTION] journey_svg -----------------------------------------------------------------------------

TitleBlock journey_title(const Workspace& ws, const Journey& j, Date today) {
    TitleBlock b;
    b.title = j.title.empty() ? std::string("Untitled journey") : j.title;
    std::string meta = level_name(ws, j.level);
    meta += std::string(kDot) + (j.state == JourneyState::to_be ? "To-be" : "Current");
    if (j.state == JourneyState::to_be)
        if (const Journey* current = find_by_id(ws.journeys, j.counterpart)) meta += " (redesigns \xE2\x80\x9C" + current->title + "\xE2\x80\x9D)";
    meta += std::string(kDot) + journey_status_label(j.status);
    if (!j.owner.empty()) meta += std::string(kDot) + "Owner: " + j.owner;
    std::string personas;
    for (Id id : j.personas)
        if (const Persona* p = find_by_id(ws.personas, id)) personas += (personas.empty() ? "" : ", ") + p->name;
    if (!personas.empty()) meta += std::string(kDot) + "Personas: " + personas;
    b.lines.push_back(std::move(meta));
    b.footer = (ws.name.empty() ? std::string() : ws.name + std::string(kDot)) + "Exported " + to_iso(today) + " from Waymark";
    return b;
}

std::string journey_desc(const Journey& j, Date today) {
    std::size_t steps = 0;
    for (const Stage& s : j.stages) steps += s.steps.size();
    auto count = [](std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
    std::string d = "Journey map: " + count(j.stages.size(), "stage", "stages") + ", " + count(steps, "step", "steps") + ", " +
                    count(j.lanes.size(), "lane", "lanes") + ", " + count(j.cards.size(), "card", "cards") + ".";
    if (!j.description.empty()) d += " " + j.description;
    return d + " Exported " + to_iso(today) + " from Waymark.";
}

}  // namespace

SvgDocument journey_svg(const Workspace& ws, const Journey& journey, const layout::JourneyLayout& layout, const SvgStyle& style,
                        Date today) {
    Writer w(style);
    const kpi::Evaluation kpis(ws);
    const float width = layout.metrics.label_width + layout.width;
    const TitleBlock block = journey_title(ws, journey, today);
    const float top = title_block_height(w, block, width);
    const Map m{ws, journey, layout, w, kpis, today, top, layout.metrics.label_width, top + layout.header_height()};
    draw_title_block(w, block, width);
    draw_body(m);
    draw_headers(m);
    draw_labels(m);
    return finish(w, block.title, journey_desc(journey, today), width, m.oy + layout.height);
}

}  // namespace wm::io
