// Drawing the journey map: only what the viewport shows (layout::columns_in / rows_in), so the cost
// follows the screen, not the map. Order: body (lane bands, cells, items, emotion curves, drag
// feedback), then the sticky header band and label column over it, then the corner.
//
// Zoom is semantic below a threshold: under kTextZoom an item's text would be a few pixels high, so
// items are drawn as blocks with grey lines standing for their text (cheap and calm), while headers
// and lane labels keep a readable size (Frame::hscale).
//
// [SECTION] index: helpers · items · emotion lanes · body · headers · labels · draw_map
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "layout/journey_layout.hpp"
#include "model/enum_names.hpp"
#include "platform/platform.hpp"
#include "scoring/prioritise.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/derived.hpp"
#include "ui/kit/draw.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kpi/editor.hpp"
#include "ui/map/internal.hpp"
#include "ui/kit/sparkline.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/tiles.hpp"

namespace wm::ui::map {
namespace {

constexpr float kTextZoom = 0.45f;

ImU32 mix(ImU32 a, ImU32 b, float t) {
    auto ch = [&](int shift) {
        const float x = static_cast<float>((a >> shift) & 0xFF), y = static_cast<float>((b >> shift) & 0xFF);
        return static_cast<ImU32>(std::lround(x + (y - x) * t)) << shift;
    };
    return ch(IM_COL32_R_SHIFT) | ch(IM_COL32_G_SHIFT) | ch(IM_COL32_B_SHIFT) | (0xFFu << IM_COL32_A_SHIFT);
}

void dashed_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float dash) {
    auto line = [&](ImVec2 p, ImVec2 q) {
        const float len = std::hypot(q.x - p.x, q.y - p.y);
        const int n = std::max(1, static_cast<int>(len / (dash * 2)));
        for (int i = 0; i < n; ++i) {
            const float t0 = static_cast<float>(i) / n, t1 = (i + 0.5f) / n;
            dl->AddLine(ImVec2(p.x + (q.x - p.x) * t0, p.y + (q.y - p.y) * t0), ImVec2(p.x + (q.x - p.x) * t1, p.y + (q.y - p.y) * t1), col, 1.2f);
        }
    };
    line(a, ImVec2(b.x, a.y));
    line(ImVec2(b.x, a.y), b);
    line(b, ImVec2(a.x, b.y));
    line(ImVec2(a.x, b.y), a);
}

bool is_selected_card(const MapState& st, Id card) {
    return st.sel.kind == MapSelection::Kind::cards && std::find(st.sel.cards.begin(), st.sel.cards.end(), card) != st.sel.cards.end();
}

bool is_match(const Frame& f, layout::FindMatch::Kind kind, int index, bool* current = nullptr) {
    for (std::size_t i = 0; i < f.matches.size(); ++i)
        if (f.matches[i].kind == kind && f.matches[i].index == index) {
            if (current) *current = static_cast<int>(i) == f.st.find.current;
            return true;
        }
    return false;
}

// A find match behind a header or label: the highlight fill, outlined when it is the current one.
void mark_match(ImDrawList* dl, ImVec2 a, ImVec2 b, bool current) {
    dl->AddRectFilled(a, b, with_alpha(color::kHighlight, 0.85f), 3);
    if (current) dl->AddRect(a, b, color::kWarn, 3, 0, 2.5f);
}

// The lines that structure the map (stage starts, the header's and the label column's edges): between
// a cell line and secondary text, so that they order the grid without outweighing its text.
ImU32 rule_colour() { return color::mix(color::kLine, color::kMuted, 0.45f); }

// [SECTION] Items -------------------------------------------------------------------------------------

// The badge row of a card: severity dots, channel (owned or not), personas, links.
void card_badges(const Frame& f, ImDrawList* dl, const Card& card, const Lane& lane, ImVec2 pos, float max_x, float size) {
    ImFont* small = font_or_default(f.ctx.fonts.small);
    float x = pos.x;
    if ((lane.kind == LaneKind::pain || lane.kind == LaneKind::gain) && card.severity > 0) {
        const ImU32 col = lane.kind == LaneKind::pain ? color::kError : color::kOk;
        const float r = size * 0.28f;
        for (int i = 1; i <= 5; ++i) {
            const ImVec2 c(x + r + (i - 1) * r * 2.6f, pos.y + size * 0.6f);
            if (i <= card.severity) dl->AddCircleFilled(c, r, col);
            else dl->AddCircle(c, r, with_alpha(col, 0.6f), 0, 1.0f);
        }
        x += r * 2.6f * 5 + size * 0.3f;
    }
    if (lane.kind == LaneKind::touchpoint && !card.channel.is_nil()) {
        if (const Channel* ch = find_by_id(f.ctx.ws.channels, card.channel))
            x += pill(dl, small, size, ImVec2(x, pos.y), ch->owned ? color::kAccent : color::kWarn,
                      ch->owned ? ch->name : ch->name + " \xC2\xB7 not owned", max_x);
    }
    for (Id pid : card.personas) {
        const Persona* p = find_by_id(f.ctx.ws.personas, pid);
        // The initials are caption-sized (no text under the minimum): the avatar grows to hold them.
        const float r = size * 0.7f;
        if (!p || x + r * 2 > max_x) continue;
        const ImU32 fill = color::avatar_fill(p->color);
        dl->AddCircleFilled(ImVec2(x + r, pos.y + size * 0.6f), r, fill);
        const float tw = text_width(small, size, p->initials);
        dl->AddText(small, size, ImVec2(std::round(x + r - tw * 0.5f), std::round(pos.y + size * 0.1f)), color::readable_on(fill),
                    p->initials.c_str());
        x += r * 2 + 2;
    }
    if (!card.insights.empty())
        x += pill(dl, small, size, ImVec2(x + 2, pos.y), color::kMuted,
                  std::to_string(card.insights.size()) + (card.insights.size() == 1 ? " insight" : " insights"), max_x);
    if (!card.opportunities.empty())
        pill(dl, small, size, ImVec2(x + 2, pos.y), color::kAccent,
             std::to_string(card.opportunities.size()) + (card.opportunities.size() == 1 ? " opportunity" : " opportunities"), max_x);
}

// The evaluated latest value of a metric (rolled up when it is computed; the whole, else its first
// segment) coloured and marked (✓ ✗) by health, its target, and a sparkline when there is room.
void metric_badges(const Frame& f, ImDrawList* dl, const Metric& m, ImVec2 pos, float max_x, float size) {
    ImFont* small = font_or_default(f.ctx.fonts.small);
    std::string segment;
    const kpi::Reading& r = f.ctx.derived.kpis().headline(m.id, &segment);
    if (!r.latest) {
        pill(dl, small, size, pos, color::kMuted, r.computed ? "no input values yet" : "no values yet", max_x);
        return;
    }
    float x = pos.x + pill(dl, small, size, pos, health_color(r.health), health_mark(r.health) + kpi_value_text(*r.latest, m.unit), max_x);
    if (r.computed) x += pill(dl, small, size, ImVec2(x, pos.y), color::kAccent, "rolled up", max_x);
    if (m.target) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "target %.4g", *m.target);
        x += pill(dl, small, size, ImVec2(x, pos.y), color::kMuted, buf, max_x);
    }
    if (!segment.empty()) x += pill(dl, small, size, ImVec2(x, pos.y), color::kMuted, segment, max_x);
    const float spark_w = size * 4;
    if (x + spark_w <= max_x) draw_sparkline(dl, ImVec2(x, pos.y), ImVec2(x + spark_w, pos.y + size * 1.2f), r, m);
}

// A stage header's KPIs at its right end: the first stage KPI's value coloured and marked by health, how many
// more there are, and a sparkline. Returns where it starts (x1 when nothing was drawn), so the stage
// name stops before it.
float stage_kpi(const Frame& f, ImDrawList* dl, const Stage& stage, float x0, float x1, float top) {
    const Metric* first = nullptr;
    int n = 0;
    for (const Metric& k : f.ctx.ws.metrics)
        if (k.journey == f.j.id && k.stage == stage.id && k.step.is_nil()) {
            if (!first) first = &k;
            ++n;
        }
    if (!first) return x1;
    ImFont* small = font_or_default(f.ctx.fonts.small);
    const float size = base_size(small) * f.hscale;
    const kpi::Reading& r = f.ctx.derived.kpis().headline(first->id);
    std::string text = health_mark(r.health) + first->name + " " + (r.latest ? kpi_value_text(*r.latest, first->unit) : std::string("no data"));
    if (n > 1) text += " +" + std::to_string(n - 1);
    const float spark = size * 3, right = x1 - 6;
    const float left = right - spark - 4 - (text_width(small, size, text) + size * 0.7f);
    if (left < x0 + 90 * f.hscale) return x1;  // the stage name comes first
    const float y = top + (f.stage_h - size * 1.2f) * 0.5f;
    pill(dl, small, size, ImVec2(left, y), health_color(r.health), text, right);
    draw_sparkline(dl, ImVec2(right - spark, y), ImVec2(right, y + size * 1.2f), r, *first);
    return left;
}

void draw_item(const Frame& f, ImDrawList* dl, int index) {
    const layout::Item& item = f.lay.items[index];
    const Lane& lane = f.j.lanes[f.lay.rows[item.row].lane];
    const ImVec2 a = f.to_screen(item.rect.x, item.rect.y);
    const ImVec2 b = f.to_screen(item.rect.right(), item.rect.bottom());
    const float z = f.cam.zoom;
    const Card* card = f.card_of_item(index);
    const float alpha = card && !card_in_lens(*card, f.lens) ? 0.28f : 1.0f;
    const bool selected = card && is_selected_card(f.st, card->id);
    const bool dragging = card && selected && f.st.drag.kind == MapDrag::Kind::cards;
    const float round = 5 * z;

    ImU32 fill = color::kPaper, edge = color::kLine, bar = rgb(lane.color);
    switch (item.kind) {
        case layout::ItemKind::card: break;
        case layout::ItemKind::insight: fill = tint(kItemTints[0], kItemWash, f.dark); break;
        case layout::ItemKind::opportunity: fill = tint(kItemTints[1], kItemWash, f.dark); bar = color::kAccent; break;
        case layout::ItemKind::metric: fill = tint(kItemTints[2], kItemWash, f.dark); break;
        case layout::ItemKind::journey: fill = tint(kItemTints[3], kItemWash, f.dark); break;
    }
    bool current = false;
    const bool match = is_match(f, layout::FindMatch::Kind::item, index, &current);
    if (match) dl->AddRectFilled(ImVec2(a.x - 4, a.y - 4), ImVec2(b.x + 4, b.y + 4), color::kHighlight, round + 3);
    dl->AddRectFilled(a, b, with_alpha(fill, alpha * (dragging ? 0.5f : 1.0f)), round);
    const Channel* channel = card && lane.kind == LaneKind::touchpoint ? find_by_id(f.ctx.ws.channels, card->channel) : nullptr;
    if (channel && !channel->owned) dashed_rect(dl, a, b, with_alpha(color::kWarn, alpha), 4 * z);
    else dl->AddRect(a, b, with_alpha(edge, alpha), round);
    dl->AddRectFilled(a, ImVec2(a.x + std::max(2.0f, 3 * z), b.y), with_alpha(bar, alpha), round, ImDrawFlags_RoundCornersLeft);

    if (match && current) dl->AddRect(ImVec2(a.x - 4, a.y - 4), ImVec2(b.x + 4, b.y + 4), color::kWarn, round + 3, 0, 2.5f);
    if (selected) dl->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(b.x + 1, b.y + 1), color::kAccent, round, 0, 2.0f);

    const std::string text = layout::item_text(f.ctx.ws, f.j, item);
    const float pad = f.lay.metrics.item_pad * z;
    if (z < kTextZoom) {
        // Greeked: lines standing for the text.
        const float h = std::max(1.0f, 3 * z * 2);
        for (float y = a.y + pad; y + h < b.y - pad; y += h * 2.2f)
            dl->AddRectFilled(ImVec2(a.x + pad, y), ImVec2(b.x - pad - (y - a.y) * 0.3f, y + h), with_alpha(color::kMuted, 0.35f * alpha));
    } else {
        ImFont* font = font_or_default(f.ctx.fonts.regular);
        const float size = base_size(font) * z;
        const ImU32 ink = with_alpha(item.kind == layout::ItemKind::journey ? color::kAccent : color::kInk, alpha);
        const bool editing = card && f.st.editing.kind == MapEditing::Kind::card && f.st.editing.id == card->id;
        if (!editing) boxed_text(dl, font, size, ImVec2(a.x + pad, a.y + pad), ImVec2(b.x - pad, b.y - pad), ink, text);
        if (item.badges) {
            const float bsize = base_size(font_or_default(f.ctx.fonts.small)) * type::caption_scale(z);
            const ImVec2 bpos(a.x + pad, b.y - pad - f.lay.metrics.badge_row * z + 2 * z);
            const Workspace& ws = f.ctx.ws;
            switch (item.kind) {
                case layout::ItemKind::card: card_badges(f, dl, *card, lane, bpos, b.x - pad, bsize); break;
                case layout::ItemKind::insight: {
                    const Insight& i = ws.insights[item.index];
                    const ImU32 ec = i.evidence == Evidence::validated ? color::kOk
                                     : i.evidence == Evidence::observed ? color::themed(IM_COL32(14, 165, 233, 255), IM_COL32(56, 189, 248, 255))
                                                                        : color::kMuted;
                    ImFont* small = font_or_default(f.ctx.fonts.small);
                    float w = pill(dl, small, bsize, bpos, ec, std::string(enum_name(i.evidence)), b.x - pad);
                    expose(f, "evidence cell " + i.title, bpos, ImVec2(bpos.x + std::max(w, 1.0f), bpos.y + bsize * 1.2f));
                    if (scoring::insight_is_stale(i, Date{platform::today_days()}, ws.settings.stale_after_days))
                        pill(dl, small, bsize, ImVec2(bpos.x + w, bpos.y), color::kWarn, "stale", b.x - pad);
                    break;
                }
                case layout::ItemKind::opportunity: {
                    const Opportunity& o = ws.opportunities[item.index];
                    pill(dl, font_or_default(f.ctx.fonts.small), bsize, bpos, o.will_not_do ? color::kMuted : color::kAccent,
                         o.will_not_do ? std::string("will not do") : std::string(enum_name(o.status)), b.x - pad);
                    break;
                }
                case layout::ItemKind::metric: metric_badges(f, dl, ws.metrics[item.index], bpos, b.x - pad, bsize); break;
                case layout::ItemKind::journey: {
                    const Journey& child = ws.journeys[item.index];
                    // "To-be" in words too: the pill's colour is not alone in saying it.
                    const std::string meta = std::string(child.state == JourneyState::to_be ? "To-be \xC2\xB7 " : "") + "L" +
                                             std::to_string(child.level) + " \xC2\xB7 " + std::string(enum_name(child.status)) +
                                             " \xC2\xB7 " + count_of(static_cast<long long>(child.cards.size()), "card");
                    pill(dl, font_or_default(f.ctx.fonts.small), bsize, bpos, child.state == JourneyState::to_be ? color::kToBe : color::kMuted,
                         meta, b.x - pad);
                    break;
                }
            }
        }
    }
    const char* prefix = "card ";
    switch (item.kind) {
        case layout::ItemKind::card: break;
        case layout::ItemKind::insight: prefix = "insight "; break;
        case layout::ItemKind::opportunity: prefix = "opportunity "; break;
        case layout::ItemKind::metric: prefix = "metric "; break;
        case layout::ItemKind::journey: prefix = "journey "; break;
    }
    expose(f, prefix + text, a, b);
}

// [SECTION] Emotion lanes ----------------------------------------------------------------------------

struct Line {
    layout::CurveStyle style;
    ImU32 colour;
    std::vector<layout::Vec2> points;    // body coordinates, by column
    std::vector<int> columns;
    // The smoothed curve through every point, dashed, in content units (body × zoom), in runs: the
    // same for every tile (a curve and its dashes run on across tiles), kept across frames
    // (MapState::curves).
    std::shared_ptr<const layout::CurveRuns> runs;
    [[nodiscard]] Id persona() const { return style.persona; }
};

// A curve's colour: a persona's own, except in the high-contrast theme, where every curve is in the
// text colour (a user's colour is not held to 7:1) and their line styles and point shapes tell
// them apart, as they do for anyone who does not see the colours.
ImU32 curve_colour(const layout::CurveStyle& style) {
    return style.ink || current_theme() == Theme::contrast ? color::kInk : rgb(style.rgb);
}

Line line_of(const Frame& f, Id persona) {
    layout::CurveStyle style = layout::emotion_curve_style(f.ctx.ws, persona);
    const ImU32 colour = curve_colour(style);
    return Line{std::move(style), colour, {}, {}, {}};
}

// A point of a curve in its shape (layout::CurveMarker), ringed in the paper colour.
void draw_marker(ImDrawList* dl, layout::CurveMarker marker, ImVec2 p, float rad, ImU32 colour, float ring) {
    const layout::MarkerOutline outline = layout::marker_outline(marker, {p.x, p.y}, rad);
    if (outline.empty()) {
        dl->AddCircleFilled(p, rad, colour);
        if (ring > 0) dl->AddCircle(p, rad, color::kPaper, 0, ring);
        return;
    }
    ImVec2 pts[4];
    const int n = static_cast<int>(outline.size());
    for (int k = 0; k < n; ++k) pts[k] = ImVec2(outline[static_cast<std::size_t>(k)].x, outline[static_cast<std::size_t>(k)].y);
    dl->AddConvexPolyFilled(pts, n, colour);
    if (ring > 0) dl->AddPolyline(pts, n, color::kPaper, ImDrawFlags_Closed, ring);
}

// A curve (points in any units, `z` the zoom its widths follow) cut into its dashes.
std::vector<std::vector<ImVec2>> dash_curve(const std::vector<ImVec2>& pts, const layout::CurveStyle& style, float z) {
    std::vector<layout::Vec2> in;
    in.reserve(pts.size());
    for (const ImVec2& p : pts) in.push_back({p.x, p.y});
    std::vector<std::vector<ImVec2>> out;
    for (const auto& piece : layout::dash_polyline(in, style.dash, std::max(0.6f, z))) {
        if (piece.size() < 2) continue;
        auto& o = out.emplace_back();
        o.reserve(piece.size());
        for (const auto& p : piece) o.emplace_back(p.x, p.y);
    }
    return out;
}

float curve_width(const layout::CurveStyle& style, float z) { return std::max(1.5f, style.width * z); }

// A curve (screen points) in its line style.
void stroke_curve(ImDrawList* dl, const std::vector<ImVec2>& pts, const layout::CurveStyle& style, ImU32 colour, float z) {
    for (const auto& piece : dash_curve(pts, style, z))
        dl->AddPolyline(piece.data(), static_cast<int>(piece.size()), colour, 0, curve_width(style, z));
}

// A line's dashed pieces moved by `offset` (content → this list's units), those the clip can show.
void draw_pieces(ImDrawList* dl, const Line& line, ImVec2 offset, float z) {
    const float width = curve_width(line.style, z);
    const float left = dl->GetClipRectMin().x - offset.x - width, right = dl->GetClipRectMax().x - offset.x + width;
    if (!line.runs) return;
    const layout::CurveRuns& runs = *line.runs;
    std::vector<ImVec2> out;
    for (std::size_t k = 0; k < runs.runs.size(); ++k) {
        if (runs.extents[k].second < left || runs.extents[k].first > right) continue;
        out.clear();
        for (const layout::Vec2& p : runs.runs[k]) out.emplace_back(p.x + offset.x, p.y + offset.y);
        dl->AddPolyline(out.data(), static_cast<int>(out.size()), line.colour, 0, width);
    }
}

// The legend of an emotion lane, at the top right of its visible part: each curve's line style and
// point shape in its colour, and its name ("Everyone" first). Registered as "legend <lane> <name>".
void draw_emotion_legend(const Frame& f, ImDrawList* dl, const Lane& lane, const layout::Row& row) {
    std::vector<layout::CurveStyle> curves = layout::emotion_curves(f.ctx.ws, f.j, lane.id);
    if (!f.lens.is_nil())
        curves.erase(std::remove_if(curves.begin(), curves.end(), [&](const layout::CurveStyle& c) { return c.persona != f.lens; }), curves.end());
    if (curves.empty()) return;
    ImFont* small = font_or_default(f.ctx.fonts.small);
    const float fs = base_size(small) * f.hscale, sample = 24 * f.hscale, gap = 6 * f.hscale, pad = 5 * f.hscale;
    float w = pad;
    for (const auto& c : curves) w += sample + gap + text_width(small, fs, c.name) + 2 * gap;
    const float right = std::min(f.canvas_max.x, f.sx(f.lay.width)) - 6;
    const float top = std::max(f.sy(row.y) + 3, f.body_min.y + 3);
    if (top + fs + 2 * pad > f.sy(row.y + row.h)) return;
    float x = std::max(f.body_min.x + 4, right - w);
    const ImVec2 a(x, top), b(x + w, top + fs + 2 * pad);
    dl->AddRectFilled(a, b, with_alpha(color::kPaper, 0.92f), 4);
    dl->AddRect(a, b, color::kLine, 4);
    x += pad;
    for (const auto& c : curves) {
        const float start = x, cy = top + pad + fs * 0.55f;
        const ImU32 colour = curve_colour(c);
        stroke_curve(dl, {ImVec2(x, cy), ImVec2(x + sample, cy)}, c, colour, f.hscale);
        draw_marker(dl, c.marker, ImVec2(x + sample * 0.5f, cy), fs * 0.32f, colour, 0);
        x += sample + gap;
        dl->AddText(small, fs, ImVec2(std::round(x), std::round(top + pad)), color::kInk, c.name.c_str());
        x += text_width(small, fs, c.name);
        expose(f, "legend " + lane.name + " " + c.name, ImVec2(start, top + pad), ImVec2(x, top + pad + fs));
        x += 2 * gap;
    }
}

}  // namespace

// An emotion row's lines with their curves: made once a frame, whatever number of tiles show the row.
struct EmotionCurves {
    std::vector<Line> lines;
};

namespace {

// The row's curves run through every step, so that a curve and its dashes are the same whichever
// part is drawn (a tile, or the screen); only the points in view are marked.
const EmotionCurves& emotion_curves(const Frame& f, int r) {
    auto& cache = f.on_screen().emotion_curves;
    for (const auto& [row_index, made] : cache)
        if (row_index == r) return *made;
    const layout::Row& row = f.lay.rows[r];
    const Lane& lane = f.j.lanes[row.lane];
    const layout::MapMetrics& m = f.lay.metrics;
    const int lo = f.ctx.ws.settings.emotion_min, hi = f.ctx.ws.settings.emotion_max;
    auto made = std::make_shared<EmotionCurves>();
    std::vector<Line>& lines = made->lines;
    std::unordered_map<Id, int> column_of_step;
    for (int c = 0; c < f.lay.column_count(); ++c)
        if (const Step* step = f.step_of_column(c)) column_of_step.emplace(step->id, c);
    for (const EmotionScore& e : f.j.emotions) {
        if (e.lane != lane.id || (!f.lens.is_nil() && e.persona != f.lens)) continue;
        const auto at = column_of_step.find(e.step);
        if (at == column_of_step.end()) continue;
        const int c = at->second;
        auto it = std::find_if(lines.begin(), lines.end(), [&](const Line& l) { return l.persona() == e.persona; });
        if (it == lines.end()) {
            lines.push_back(line_of(f, e.persona));
            it = lines.end() - 1;
        }
        int score = e.score;
        const MapDrag& d = f.st.drag;
        if (d.kind == MapDrag::Kind::emotion && d.lane == lane.id && d.step == e.step && d.persona == e.persona) score = d.score;
        const layout::Column& col = f.lay.columns[c];
        it->points.push_back({col.x + col.w * 0.5f, layout::emotion_y(row, score, lo, hi, m)});
        it->columns.push_back(c);
    }
    for (Line& line : lines) {   // by column (the scores are kept in no particular order)
        std::vector<std::size_t> order(line.columns.size());
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return line.columns[a] < line.columns[b]; });
        std::vector<layout::Vec2> points;
        std::vector<int> columns;
        for (const std::size_t k : order) {
            points.push_back(line.points[k]);
            columns.push_back(line.columns[k]);
        }
        line.points = std::move(points);
        line.columns = std::move(columns);
    }
    // A point being placed where there was none yet.
    const MapDrag& d = f.st.drag;
    if (d.kind == MapDrag::Kind::emotion && d.lane == lane.id) {
        auto it = std::find_if(lines.begin(), lines.end(), [&](const Line& l) { return l.persona() == d.persona; });
        const int col = [&] {
            for (int c = 0; c < f.lay.column_count(); ++c)
                if (const Step* s = f.step_of_column(c); s && s->id == d.step) return c;
            return -1;
        }();
        if (col >= 0 && (it == lines.end() || std::find(it->columns.begin(), it->columns.end(), col) == it->columns.end())) {
            if (it == lines.end()) {
                lines.push_back(line_of(f, d.persona));
                it = lines.end() - 1;
            }
            const layout::Column& c = f.lay.columns[col];
            const layout::Vec2 p{c.x + c.w * 0.5f, layout::emotion_y(row, d.score, lo, hi, m)};
            auto pos = std::lower_bound(it->columns.begin(), it->columns.end(), col);
            const auto k = pos - it->columns.begin();
            it->columns.insert(pos, col);
            it->points.insert(it->points.begin() + k, p);
        }
    }
    // Everyone's curve is drawn last, on top of the personas' (and named by the tooltip where points meet).
    std::stable_partition(lines.begin(), lines.end(), [](const Line& l) { return !l.persona().is_nil(); });
    // Smoothed and dashed in runs (a solid curve is one piece through the whole row: in runs of two
    // columns a tile or the screen draws only those it shows), or as kept from an earlier frame.
    for (Line& line : lines) line.runs = f.st.curves.get(line.points, f.cam.zoom, line.style.dash);
    cache.emplace_back(r, made);
    return *made;
}

void draw_emotion_row(const Frame& f, ImDrawList* dl, int r, layout::Span cols) {
    const layout::Row& row = f.lay.rows[r];
    const Lane& lane = f.j.lanes[row.lane];
    const layout::MapMetrics& m = f.lay.metrics;
    const int lo = f.ctx.ws.settings.emotion_min, hi = f.ctx.ws.settings.emotion_max;
    const float z = f.cam.zoom;
    const float x0 = f.sx(f.lay.columns[cols.begin].x), x1 = f.sx(f.lay.columns[cols.end - 1].x + f.lay.columns[cols.end - 1].w);
    ImFont* small = font_or_default(f.ctx.fonts.small);
    // Guides: one faint line per score, a stronger one at neutral.
    for (int s = lo; s <= hi; ++s) {
        const float y = f.sy(layout::emotion_y(row, s, lo, hi, m));
        dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), with_alpha(color::kLine, s == 0 ? 1.0f : 0.55f), s == 0 ? 1.5f : 1.0f);
    }
    // One line per persona (nil: everyone); the lens keeps only its persona's line.
    const std::vector<Line>& lines = emotion_curves(f, r).lines;
    const Frame& sf = f.on_screen();
    const ImVec2 real = ImGui::GetIO().MousePos, mouse = f.mouse();
    const bool pointer_here = real.x >= sf.body_min.x && real.y >= sf.body_min.y && real.x < sf.canvas_max.x && real.y < sf.canvas_max.y &&
                              ImGui::IsWindowHovered() && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) &&
                              f.st.rest.resting(ImGui::GetTime());
    float& nearest = sf.hover_d2;
    for (const Line& line : lines) {
        draw_pieces(dl, line, f.to_screen(0, 0), z);
        for (std::size_t k = 0; k < line.points.size(); ++k) {
            if (line.columns[k] < cols.begin - 1 || line.columns[k] > cols.end) continue;
            const ImVec2 p = f.to_screen(line.points[k].x, line.points[k].y);
            const float rad = std::max(3.0f, (line.style.ink ? 6.5f : 5.5f) * z);
            draw_marker(dl, line.style.marker, p, rad, line.colour, 1.5f);
            const int score = layout::emotion_score_at(row, line.points[k].y, lo, hi, m);
            const std::string text = layout::emotion_score_text(score);
            const Step* step = f.step_of_column(line.columns[k]);
            const std::string who = step ? lane.name + " " + step->name + (line.persona().is_nil() ? std::string() : " " + line.style.name)
                                         : std::string();
            if (z >= 0.6f) {
                // Never below the caption's own size: a shrunken glyph loses its one-pixel minus.
                const float fs = base_size(small) * type::label_scale(z);
                const ImVec2 at(std::round(p.x + rad + 2), std::round(p.y - rad - fs * 0.8f));
                dl->AddText(small, fs, at, line.colour, text.c_str());
                if (step) expose(f, "emotion label " + who, at, ImVec2(at.x + text_width(small, fs, text), at.y + fs));
            }
            if (!step) continue;
            expose(f, "emotion " + who, ImVec2(p.x - rad, p.y - rad), ImVec2(p.x + rad, p.y + rad));
            // Hovering a point names it: "Anna · Pay · −2" (drawn over everything by draw_map).
            const float dx = mouse.x - p.x, dy = mouse.y - p.y, reach = rad + 4, d2 = dx * dx + dy * dy;
            if (pointer_here && d2 <= reach * reach && d2 <= nearest) {   // the nearest; of equal ones, the one drawn on top
                nearest = d2;
                f.st.hover_tip = line.style.name + " \xC2\xB7 " + step->name + " \xC2\xB7 " + text;
            }
        }
    }
    if (lines.empty() && z >= kTextZoom) {
        // The hint in every fourth column from the first, three columns wide: where it goes depends
        // on the map alone, so the tiles that each draw a part of the row agree (placed at the first
        // column each was asked to draw, every tile drew its own copy, cut at the tiles' edges).
        const int n = static_cast<int>(f.lay.columns.size());
        for (int k = cols.begin / 4 * 4; k < cols.end; k += 4) {
            const layout::Column& c = f.lay.columns[k];
            const layout::Column& last = f.lay.columns[std::min(k + 2, n - 1)];
            one_line(dl, small, base_size(small) * type::label_scale(z), f.to_screen(c.x + m.cell_pad, row.y + m.cell_pad),
                     f.sx(last.x + last.w), color::kMuted, "Click to score how the customer feels at each step");
        }
    }
}

// [SECTION] Body ---------------------------------------------------------------------------------------

void draw_body(const Frame& f, ImDrawList* dl, layout::Span cols, layout::Span rows) {
    const layout::JourneyLayout& L = f.lay;
    const float z = f.cam.zoom;
    const float right = std::min(f.canvas_max.x, f.sx(L.width));
    for (int r = rows.begin; r < rows.end; ++r) {
        const layout::Row& row = L.rows[r];
        const float y0 = f.sy(row.y), y1 = f.sy(row.y + row.h);
        if (row.kind == layout::RowKind::layer) {
            const Lane& first = f.j.lanes[row.first_lane];
            dl->AddRectFilled(ImVec2(f.body_min.x, y0), ImVec2(right, y1), tint(first.color, kLayerWash, f.dark));
            continue;
        }
        const Lane& lane = f.j.lanes[row.lane];
        dl->AddRectFilled(ImVec2(f.body_min.x, y0), ImVec2(right, y1), tint(lane.color, r % 2 ? kLaneWash * 0.6f : kLaneWash, f.dark));
        dl->AddLine(ImVec2(f.body_min.x, y1), ImVec2(right, y1), color::kLine);
        if (row.collapsed) continue;
        if (lane.kind == LaneKind::emotion) {
            draw_emotion_row(f, dl, r, cols);
            for (int c = cols.begin; c < cols.end; ++c)
                if (const Step* s = f.step_of_column(c)) {
                    const layout::Rect cr = L.cell_rect(r, c);
                    expose(f, "cell " + lane.name + " " + s->name, f.to_screen(cr.x, cr.y), f.to_screen(cr.right(), cr.bottom()));
                }
            continue;
        }
        for (int c = cols.begin; c < cols.end; ++c) {
            const layout::Span items = L.cell_items(r, c);
            for (int i = items.begin; i < items.end; ++i) draw_item(f, dl, i);
            if (const Step* s = f.step_of_column(c)) {
                const layout::Rect cr = L.cell_rect(r, c);
                expose(f, "cell " + lane.name + " " + s->name, f.to_screen(cr.x, cr.y), f.to_screen(cr.right(), cr.bottom()));
                if (lane.kind == LaneKind::insight) {
                    // The strip under the items where an insight can be dropped (tests find it by name).
                    const float top = items.empty() ? cr.y + L.metrics.cell_pad : L.items[items.end - 1].rect.bottom() + L.metrics.item_gap;
                    expose(f, "link here " + s->name, f.to_screen(cr.x + L.metrics.cell_pad, top),
                           f.to_screen(cr.right() - L.metrics.cell_pad, std::max(top + 4, cr.bottom() - L.metrics.cell_pad)));
                }
            }
        }
    }
    // Column lines: stage boundaries stronger than step boundaries.
    const float bottom = std::min(f.canvas_max.y, f.sy(L.height));
    for (int c = cols.begin; c < cols.end; ++c) {
        const layout::Column& col = L.columns[c];
        const bool stage_start = c == 0 || L.columns[c - 1].stage != col.stage;
        dl->AddLine(ImVec2(f.sx(col.x), f.body_min.y), ImVec2(f.sx(col.x), bottom), stage_start ? rule_colour() : color::kLine,
                    stage_start ? 1.5f : 1.0f);
    }
    // The cell cursor.
    const MapSelection& sel = f.st.sel;
    if (!sel.lane.is_nil() && !sel.step.is_nil() && (sel.kind == MapSelection::Kind::cell || sel.kind == MapSelection::Kind::cards)) {
        int lane_index = -1;
        for (std::size_t i = 0; i < f.j.lanes.size(); ++i)
            if (f.j.lanes[i].id == sel.lane) lane_index = static_cast<int>(i);
        const int r = lane_index >= 0 ? L.row_of_lane(lane_index) : -1;
        int c = -1;
        for (int k = 0; k < L.column_count() && c < 0; ++k)
            if (const Step* s = f.step_of_column(k); s && s->id == sel.step) c = k;
        if (r >= 0 && c >= 0) {
            const layout::Rect cr = L.cell_rect(r, c);
            dl->AddRect(f.to_screen(cr.x + 1, cr.y + 1), f.to_screen(cr.right() - 1, cr.bottom() - 1), color::kAccent, 4 * z, 0,
                        sel.kind == MapSelection::Kind::cell ? 2.0f : 1.0f);
        }
    }
    (void)z;
}

// In a team session: what each other person on this journey has selected, outlined in their colour
// with their name on a tag (cards, or a whole step column, stage or lane row). Cards are found among
// the visible cells' items only, each looked up once (a big selection on a big map stays cheap).
void draw_peer_selections(const Frame& f, ImDrawList* dl, layout::Span cols, layout::Span rows) {
    const layout::JourneyLayout& L = f.lay;
    std::unordered_map<Id, std::vector<std::size_t>> owners;   // id → the peers who selected it
    for (std::size_t p = 0; p < f.st.peers.size(); ++p)
        if (f.st.peers[p].journey == f.j.id)
            for (Id id : f.st.peers[p].ids) owners[id].push_back(p);
    if (owners.empty()) return;
    ImFont* small = font_or_default(f.ctx.fonts.small);
    const float fs = base_size(small) * f.hscale, pad = 3;
    std::vector<char> tagged(f.st.peers.size(), 0);
    const auto outline = [&](std::size_t p, const layout::Rect& r) {
        const MapState::PeerSelection& peer = f.st.peers[p];
        const ImVec2 a = f.to_screen(r.x - 3, r.y - 3), b = f.to_screen(r.right() + 3, r.bottom() + 3);
        dl->AddRect(a, b, peer.colour, 5 * f.cam.zoom, 0, 2.5f);
        if (tagged[p]) return;
        // The name once per person, on the first thing of theirs on screen.
        tagged[p] = 1;
        const std::string name = peer.name.empty() ? std::string("Someone") : peer.name;
        const float w = text_width(small, fs, name.c_str()) + pad * 2, h = fs + pad * 2;
        const ImVec2 at(std::max(a.x, f.body_min.x), std::max(a.y - h, f.body_min.y));
        dl->AddRectFilled(at, ImVec2(at.x + w, at.y + h), peer.colour, 3);
        dl->AddText(small, fs, ImVec2(at.x + pad, at.y + pad), IM_COL32_WHITE, name.c_str());
        expose(f, "peer selection " + peer.name, a, b);
    };
    const auto each_owner = [&](Id id, const layout::Rect& r) {
        if (const auto it = owners.find(id); it != owners.end())
            for (std::size_t p : it->second) outline(p, r);
    };
    for (int r = rows.begin; r < rows.end; ++r)
        for (int c = cols.begin; c < cols.end; ++c) {
            const layout::Span items = L.cell_items(r, c);
            for (int i = items.begin; i < items.end; ++i)
                if (L.items[i].kind == layout::ItemKind::card) each_owner(L.items[i].id, L.items[i].rect);
        }
    for (int c = cols.begin; c < cols.end; ++c)
        if (const Step* s = f.step_of_column(c)) each_owner(s->id, layout::Rect{L.columns[c].x, 0, L.columns[c].w, L.height});
    for (int r = rows.begin; r < rows.end; ++r)
        if (L.rows[r].kind == layout::RowKind::lane)
            each_owner(f.j.lanes[L.rows[r].lane].id, layout::Rect{0, L.rows[r].y, L.width, L.rows[r].h});
    for (const auto& span : L.stages) each_owner(f.j.stages[span.stage].id, layout::Rect{span.x, 0, span.w, L.height});
}

// Feedback of a gesture in progress: the cell a card drag would drop into, the slot of a step, stage
// or lane drag, the selection box.
void draw_drag_feedback(const Frame& f, ImDrawList* dl) {
    const MapDrag& d = f.st.drag;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const layout::JourneyLayout& L = f.lay;
    switch (d.kind) {
        case MapDrag::Kind::cards: {
            const Target t = target_at(f, mouse);
            if (t.zone == Target::Zone::body && t.row >= 0 && t.column >= 0) {
                const layout::Rect cr = L.cell_rect(t.row, t.column);
                const Lane* lane = f.lane_of_row(t.row);
                const bool ok = lane && lane->kind != LaneKind::emotion && f.step_of_column(t.column);
                dl->AddRect(f.to_screen(cr.x + 1, cr.y + 1), f.to_screen(cr.right() - 1, cr.bottom() - 1), ok ? color::kAccent : color::kError,
                            4, 0, 2.5f);
                if (ok) {
                    const int pos = L.drop_position(t.row, t.column, f.by(mouse.y));
                    const layout::Span items = L.cell_items(t.row, t.column);
                    int seen = 0;
                    float y = cr.y + L.metrics.cell_pad * 0.5f;
                    for (int i = items.begin; i < items.end; ++i) {
                        if (L.items[i].kind != layout::ItemKind::card) continue;
                        if (seen == pos) break;
                        y = L.items[i].rect.bottom() + L.metrics.item_gap * 0.5f;
                        ++seen;
                    }
                    dl->AddLine(f.to_screen(cr.x + L.metrics.cell_pad, y), f.to_screen(cr.right() - L.metrics.cell_pad, y), color::kAccent, 3);
                }
            }
            // The dragged cards follow the pointer, offset as they were picked up.
            ImFont* font = font_or_default(f.ctx.fonts.regular);
            float oy = 0;
            for (Id id : f.st.sel.cards) {
                const int i = L.item_of(layout::ItemKind::card, id);
                if (i < 0) continue;
                const layout::Rect& r = L.items[i].rect;
                const float w = r.w * f.cam.zoom, h = std::min(r.h * f.cam.zoom, 80.0f);
                const ImVec2 a(mouse.x + 12, mouse.y + 8 + oy), b(a.x + w, a.y + h);
                dl->AddRectFilled(ImVec2(a.x + 3, a.y + 3), ImVec2(b.x + 3, b.y + 3), IM_COL32(0, 0, 0, 40), 6);
                dl->AddRectFilled(a, b, color::kPaper, 6);
                dl->AddRect(a, b, color::kAccent, 6, 0, 1.5f);
                if (const Card* c = f.card_of_item(i))
                    boxed_text(dl, font, base_size(font) * std::max(f.cam.zoom, 0.7f), ImVec2(a.x + 8, a.y + 6), ImVec2(b.x - 6, b.y - 4), color::kInk, c->text);
                oy += 10;
                if (oy > 40) break;
            }
            break;
        }
        case MapDrag::Kind::step: {
            const layout::StepSlot slot = L.step_slot_at(f.bx(mouse.x));
            if (slot.stage < 0) break;
            const layout::StageSpan& span = L.stages[slot.stage];
            float x = span.x;
            for (int c = span.first_column; c < span.first_column + span.column_count; ++c)
                if (L.columns[c].step >= 0 && L.columns[c].step < slot.index) x = L.columns[c].x + L.columns[c].w;
            dl->AddLine(ImVec2(f.sx(x), f.canvas_min.y), ImVec2(f.sx(x), f.canvas_max.y), color::kAccent, 3);
            break;
        }
        case MapDrag::Kind::stage: {
            const int slot = L.stage_slot_at(f.bx(mouse.x));
            const float x = slot < static_cast<int>(L.stages.size()) ? L.stages[slot].x : L.width;
            dl->AddLine(ImVec2(f.sx(x), f.canvas_min.y), ImVec2(f.sx(x), f.canvas_max.y), color::kAccent, 4);
            break;
        }
        case MapDrag::Kind::lane: {
            const int slot = L.lane_slot_at(f.by(mouse.y));
            float y = L.height;
            for (const auto& row : L.rows)
                if (row.kind == layout::RowKind::lane && row.lane == slot) { y = row.y; break; }
            dl->AddLine(ImVec2(f.canvas_min.x, f.sy(y)), ImVec2(f.canvas_max.x, f.sy(y)), color::kAccent, 3);
            break;
        }
        case MapDrag::Kind::select_box: {
            const ImVec2 a(std::min(d.press_x, mouse.x), std::min(d.press_y, mouse.y));
            const ImVec2 b(std::max(d.press_x, mouse.x), std::max(d.press_y, mouse.y));
            dl->AddRectFilled(a, b, with_alpha(color::kAccent, 0.12f));
            dl->AddRect(a, b, color::kAccent);
            break;
        }
        default: break;
    }
}

// [SECTION] Headers --------------------------------------------------------------------------------

void draw_headers(const Frame& f, ImDrawList* dl, layout::Span cols) {
    const layout::JourneyLayout& L = f.lay;
    const float top = f.canvas_min.y, mid = f.canvas_min.y + f.stage_h, bottom = f.body_min.y;
    dl->PushClipRect(ImVec2(f.body_min.x, top), ImVec2(f.canvas_max.x, bottom), true);
    // No background: past the last stage the canvas colour shows, which the renderer clears to.
    ImFont* bold = font_or_default(f.ctx.fonts.bold);
    ImFont* regular = font_or_default(f.ctx.fonts.regular);
    const float hs = f.hscale;
    const MapSelection& sel = f.st.sel;
    // Stages: the name stays in view while the stage is partly scrolled away (sticky within its span).
    for (std::size_t s = 0; s < L.stages.size(); ++s) {
        const layout::StageSpan& span = L.stages[s];
        const float x0 = f.sx(span.x), x1 = f.sx(span.x + span.w);
        if (x1 < f.body_min.x || x0 > f.canvas_max.x) continue;
        const Stage& stage = f.j.stages[span.stage];
        const bool selected = sel.kind == MapSelection::Kind::stage && sel.id == stage.id;
        dl->AddRectFilled(ImVec2(x0, top), ImVec2(x1, mid), tint(palette(current_theme(), Role::accent), selected ? kStageSelectedWash : kStageWash, f.dark));
        dl->AddLine(ImVec2(x0, top), ImVec2(x0, bottom), rule_colour(), 1.5f);
        bool current = false;
        if (is_match(f, layout::FindMatch::Kind::stage, static_cast<int>(s), &current))
            mark_match(dl, ImVec2(x0 + 1, top + 1), ImVec2(x1 - 1, mid - 1), current);
        const float tx = std::clamp(f.body_min.x + 8 * hs, x0 + 8 * hs, std::max(x0 + 8 * hs, x1 - 60 * hs));
        const bool editing = f.st.editing.kind == MapEditing::Kind::stage && f.st.editing.id == stage.id;
        const float name_end = stage_kpi(f, dl, stage, x0, x1, top) - 4;
        if (!editing)
            one_line(dl, bold, base_size(bold) * hs, ImVec2(tx, top + (f.stage_h - base_size(bold) * hs) * 0.5f), name_end, color::kInk,
                     stage.name);
        expose(f, "stage " + stage.name, ImVec2(x0, top), ImVec2(x1, mid));
    }
    for (int c = cols.begin; c < cols.end; ++c) {
        const layout::Column& col = L.columns[c];
        const float x0 = f.sx(col.x), x1 = f.sx(col.x + col.w);
        const Step* step = f.step_of_column(c);
        dl->AddRectFilled(ImVec2(x0, mid), ImVec2(x1, bottom), color::kPaper);
        dl->AddLine(ImVec2(x0, mid), ImVec2(x0, bottom), color::kLine);
        dl->AddLine(ImVec2(x0, bottom - 1), ImVec2(x1, bottom - 1), rule_colour());
        if (!step) {
            boxed_text(dl, regular, base_size(regular) * hs, ImVec2(x0 + 8, mid + 6), ImVec2(x1 - 4, bottom), color::kMuted,
                       "No steps: right-click to add one");
            continue;
        }
        const bool selected = sel.kind == MapSelection::Kind::step && sel.id == step->id;
        if (selected) dl->AddRectFilled(ImVec2(x0 + 1, mid), ImVec2(x1, bottom - 1), tint(0x4F46E5, 0.18f, f.dark));
        bool current = false;
        if (is_match(f, layout::FindMatch::Kind::step, c, &current))
            mark_match(dl, ImVec2(x0 + 1, mid + 1), ImVec2(x1 - 1, bottom - 2), current);
        float tx = x0 + 8 * hs;
        if (step->moment_of_truth) {
            const float r = 5 * hs;
            dl->AddCircleFilled(ImVec2(tx + r, mid + 7 * hs + r), r, color::kWarn);
            tx += r * 2 + 5 * hs;
        }
        const bool editing = f.st.editing.kind == MapEditing::Kind::step && f.st.editing.id == step->id;
        float name_end = x1 - 6;
        ImVec2 ma, mb;
        if (const Journey* child = child_marker(f, c, ma, mb)) {
            // A step that drills into a child journey: a small "opens below" box with an arrow.
            const ImVec2 mouse = ImGui::GetIO().MousePos;
            const bool hovered = mouse.x >= ma.x && mouse.x < mb.x && mouse.y >= ma.y && mouse.y < mb.y && ImGui::IsWindowHovered() &&
                                 !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) && f.st.rest.resting(ImGui::GetTime());
            dl->AddRectFilled(ma, mb, hovered ? tint(0x4F46E5, 0.25f, f.dark) : color::kPaper, 3);
            dl->AddRect(ma, mb, color::kAccent, 3, 0, 1.5f);
            const float s = mb.x - ma.x, cx = ma.x + s * 0.5f;
            dl->AddLine(ImVec2(cx, ma.y + s * 0.22f), ImVec2(cx, mb.y - s * 0.3f), color::kAccent, 1.8f);
            dl->AddTriangleFilled(ImVec2(cx - s * 0.24f, mb.y - s * 0.42f), ImVec2(cx + s * 0.24f, mb.y - s * 0.42f), ImVec2(cx, mb.y - s * 0.16f),
                                  color::kAccent);
            expose(f, "child " + step->name, ma, mb);
            if (hovered) f.st.hover_tip = "Opens " + child->title;
            name_end = ma.x - 4;
        }
        // The name in whole lines above "Moment of truth" (a long name zoomed out ends in "…").
        ImFont* small = font_or_default(f.ctx.fonts.small);
        const bool mot_label = step->moment_of_truth && x1 - x0 > 120;
        const float mot_y = bottom - base_size(small) * hs - 2;   // two lines of name fit above it at any zoom
        if (!editing) {
            const ImVec2 at(tx, mid + 4 * hs);
            const float end_y = boxed_lines(dl, bold, base_size(bold) * hs * 0.95f, at, ImVec2(name_end, mot_label ? mot_y : bottom - 1), color::kInk,
                                            step->name);
            expose(f, "step name " + step->name, at, ImVec2(name_end, end_y));
        }
        if (mot_label) {
            dl->AddText(small, base_size(small) * hs, ImVec2(x0 + 8 * hs, mot_y), color::kWarn, "Moment of truth");
            expose(f, "moment of truth " + step->name, ImVec2(x0 + 8 * hs, mot_y), ImVec2(x1, mot_y + base_size(small) * hs));
        }
        expose(f, "step " + step->name, ImVec2(x0, mid), ImVec2(x1, bottom));
    }
    dl->PopClipRect();
}

// [SECTION] Labels ----------------------------------------------------------------------------------

void draw_labels(const Frame& f, ImDrawList* dl, layout::Span rows) {
    const layout::JourneyLayout& L = f.lay;
    const float x0 = f.canvas_min.x, x1 = f.body_min.x;
    dl->PushClipRect(ImVec2(x0, f.body_min.y), ImVec2(x1, f.canvas_max.y), true);
    dl->AddRectFilled(ImVec2(x0, f.body_min.y), ImVec2(x1, f.canvas_max.y), color::kPaper);
    ImFont* bold = font_or_default(f.ctx.fonts.bold);
    ImFont* regular = font_or_default(f.ctx.fonts.regular);
    ImFont* small = font_or_default(f.ctx.fonts.small);
    const float hs = f.hscale;
    const MapSelection& sel = f.st.sel;
    for (int r = rows.begin; r < rows.end; ++r) {
        const layout::Row& row = L.rows[r];
        const float y0 = f.sy(row.y), y1 = f.sy(row.y + row.h);
        if (row.kind == layout::RowKind::layer) {
            const Lane& first = f.j.lanes[row.first_lane];
            const bool selected = sel.kind == MapSelection::Kind::layer && sel.layer == first.layer;
            dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), tint(first.color, selected ? kLayerSelectedWash : kLayerWash, f.dark));
            // Disclosure triangle: right when collapsed, down when open.
            const float s = 4.5f * hs, cx = x0 + 10 * hs, cy = (y0 + y1) * 0.5f;
            if (row.collapsed) dl->AddTriangleFilled(ImVec2(cx - s * 0.6f, cy - s), ImVec2(cx - s * 0.6f, cy + s), ImVec2(cx + s * 0.8f, cy), color::kInk);
            else dl->AddTriangleFilled(ImVec2(cx - s, cy - s * 0.6f), ImVec2(cx + s, cy - s * 0.6f), ImVec2(cx, cy + s * 0.8f), color::kInk);
            const bool editing = f.st.editing.kind == MapEditing::Kind::layer && f.st.editing.layer == first.layer;
            std::string text = first.layer;
            if (row.collapsed) text += " (" + std::to_string(row.lane_count) + (row.lane_count == 1 ? " lane)" : " lanes)");
            if (!editing)
                one_line(dl, bold, base_size(bold) * hs, ImVec2(x0 + 20 * hs, (y0 + y1) * 0.5f - base_size(bold) * hs * 0.5f), x1 - 4,
                         color::kInk, text);
            expose(f, "layer " + first.layer, ImVec2(x0, y0), ImVec2(x1, y1));
            continue;
        }
        const Lane& lane = f.j.lanes[row.lane];
        const bool selected = sel.kind == MapSelection::Kind::lane && sel.id == lane.id;
        if (selected) dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), tint(0x4F46E5, 0.18f, f.dark));
        dl->AddRectFilled(ImVec2(x0, y0 + 3), ImVec2(x0 + 4 * hs, y1 - 3), rgb(lane.color), 2);
        dl->AddLine(ImVec2(x0, y1), ImVec2(x1, y1), color::kLine);
        bool current = false;
        if (is_match(f, layout::FindMatch::Kind::lane, r, &current))
            mark_match(dl, ImVec2(x0 + 1, y0 + 1), ImVec2(x1 - 1, y1 - 1), current);
        const bool editing = f.st.editing.kind == MapEditing::Kind::lane && f.st.editing.id == lane.id;
        const float fs = base_size(regular) * hs;
        const bool kind_line = !row.collapsed && y1 - y0 > fs * 2.6f;
        const float kind_y = y1 - base_size(small) * hs - 6;
        if (!editing) {
            const ImVec2 at(x0 + 12 * hs, y0 + std::min(6 * hs, (y1 - y0 - fs) * 0.5f));
            if (row.collapsed) one_line(dl, regular, fs, at, x1 - 6, color::kInk, lane.name);
            else boxed_lines(dl, regular, fs, at, ImVec2(x1 - 6, kind_line ? kind_y : y1), color::kInk, lane.name);   // above its kind
        }
        if (kind_line) {
            std::string kind(enum_name(lane.kind));
            if (lane.kind == LaneKind::emotion)
                kind += " \xC2\xB7 " + layout::emotion_score_text(f.ctx.ws.settings.emotion_min) + " to " +
                        layout::emotion_score_text(f.ctx.ws.settings.emotion_max);
            dl->AddText(small, base_size(small) * hs, ImVec2(x0 + 12 * hs, kind_y), color::kMuted, kind.c_str());
        }
        expose(f, "lane " + lane.name, ImVec2(x0, y0), ImVec2(x1, y1));
    }
    dl->AddLine(ImVec2(x1 - 1, f.body_min.y), ImVec2(x1 - 1, f.canvas_max.y), rule_colour());
    dl->PopClipRect();
}

}  // namespace

ImU32 tint(std::uint32_t c, float amount, bool dark) {
    (void)dark;  // the paper colour already follows the theme
    return mix(color::kPaper, rgb(c), amount);
}

const Journey* child_marker(const Frame& f, int column, ImVec2& min, ImVec2& max) {
    const Step* step = f.step_of_column(column);
    if (!step || column < 0 || column >= f.lay.column_count()) return nullptr;
    const Journey* child = nullptr;
    for (const JourneyLink& link : f.ctx.ws.links)
        if (link.parent == f.j.id && link.step == step->id)
            if ((child = find_by_id(f.ctx.ws.journeys, link.child))) break;
    if (!child) return nullptr;
    const layout::Column& col = f.lay.columns[column];
    const float size = 18 * f.hscale, x1 = f.sx(col.x + col.w) - 6 * f.hscale, top = f.canvas_min.y + f.stage_h + 6 * f.hscale;
    min = ImVec2(x1 - size, top);
    max = ImVec2(x1, top + size);
    return child;
}

bool card_in_lens(const Card& card, Id lens) {
    return lens.is_nil() || card.personas.empty() || std::find(card.personas.begin(), card.personas.end(), lens) != card.personas.end();
}

ImVec2 Frame::mouse() const {
    const ImVec2 m = ImGui::GetIO().MousePos;
    return screen ? to_screen(screen->bx(m.x), screen->by(m.y)) : m;
}

void expose(const Frame& f, const std::string& label, ImVec2 min, ImVec2 max) {
    if (f.screen) {   // a tile's coordinates → the screen's, and only what the body shows (not under the headers)
        const Frame& s = *f.screen;
        const ImVec2 a = s.to_screen(f.bx(min.x), f.by(min.y)), b = s.to_screen(f.bx(max.x), f.by(max.y));
        expose(s, label, ImVec2(std::max(a.x, s.body_min.x), std::max(a.y, s.body_min.y)), b);
        return;
    }
    const float x0 = std::max(min.x, f.canvas_min.x), y0 = std::max(min.y, f.canvas_min.y);
    const float x1 = std::min(max.x, f.canvas_max.x), y1 = std::min(max.y, f.canvas_max.y);
    if (x1 > x0 && y1 > y0) expose_rect(label, ItemRect{x0, y0, x1 - x0, y1 - y0});
}

void draw_map(Frame& f) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const layout::JourneyLayout& L = f.lay;
    f.st.hover_tip.clear();
    const layout::Span cols = L.columns_in(f.cam.x, f.cam.x + f.view_w() / f.cam.zoom);
    const layout::Span rows = L.rows_in(f.cam.y, f.cam.y + f.view_h() / f.cam.zoom);
    dl->PushClipRect(f.canvas_min, f.canvas_max, true);
    // The body from cached tiles (ui/kit/tiles: a pan re-composites them), each painted by draw_body
    // in the tile's own coordinates; directly when there are no tiles.
    const float z = f.cam.zoom;
    const auto paint = [&](ImDrawList& list, ImVec2 origin, ImRect tile, float at) {
        const layout::Span c = L.columns_in(tile.Min.x / at, tile.Max.x / at), r = L.rows_in(tile.Min.y / at, tile.Max.y / at);
        if (!c.empty() && !r.empty()) draw_body(tile_frame(f, origin, tile, at), &list, c, r);
    };
    const bool tiled = draw_tiled_body(f.st.body_tiles, dl, f.body_min, f.canvas_max, f.to_screen(0, 0), z,
                                       !f.st.zoom_rest.resting(ImGui::GetTime()), color::kCanvas, paint);
    dl->PushClipRect(f.body_min, f.canvas_max, true);
    if (!tiled && !cols.empty() && !rows.empty()) draw_body(f, dl, cols, rows);
    // Over the body, where the viewport puts them: each emotion lane's legend at its visible top right.
    for (int r = rows.begin; r < rows.end; ++r)
        if (const layout::Row& row = L.rows[r]; row.kind != layout::RowKind::layer && !row.collapsed &&
                                                f.j.lanes[row.lane].kind == LaneKind::emotion)
            draw_emotion_legend(f, dl, f.j.lanes[row.lane], row);
    if (!cols.empty() && !rows.empty()) draw_peer_selections(f, dl, cols, rows);
    dl->PopClipRect();
    if (!cols.empty()) draw_headers(f, dl, cols);
    draw_labels(f, dl, rows);
    // The corner: what the axes are.
    dl->AddRectFilled(f.canvas_min, f.body_min, color::kPaper);
    ImFont* small = font_or_default(f.ctx.fonts.small);
    const float fs = base_size(small) * f.hscale;
    dl->AddText(small, fs, ImVec2(f.canvas_min.x + 10, f.canvas_min.y + (f.stage_h - fs) * 0.5f), color::kMuted, "Stages");
    dl->AddText(small, fs, ImVec2(f.canvas_min.x + 10, f.canvas_min.y + f.stage_h + 6), color::kMuted, "Steps");
    dl->AddText(small, fs, ImVec2(f.canvas_min.x + 10, f.body_min.y - fs - 6), color::kMuted, "Lanes");
    dl->AddLine(ImVec2(f.canvas_min.x, f.body_min.y - 1), ImVec2(f.body_min.x, f.body_min.y - 1), rule_colour());
    dl->AddLine(ImVec2(f.body_min.x - 1, f.canvas_min.y), ImVec2(f.body_min.x - 1, f.body_min.y), rule_colour());
    draw_drag_feedback(f, dl);
    dl->PopClipRect();
    if (!f.st.hover_tip.empty()) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(f.st.hover_tip.c_str());
        const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        ImGui::EndTooltip();
        expose_rect("map tooltip", ItemRect{at.x, at.y, size.x, size.y});
    }
}

}  // namespace wm::ui::map
