// Geometry of a journey map (see journey_layout.hpp for the contract).
//
// layout_journey is one pass over the lanes: cards are first bucketed per (lane, column) and the
// derived items per column, so that placing a row costs only its own items however many cards the
// journey has. Every query on the result is a binary search over the sorted, contiguous columns and
// rows; nothing here allocates per query except find_in_map.
#include "layout/journey_layout.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace wm::layout {

namespace {

float item_height(const MapMetrics& m, const TextHeight& text_height, std::string_view text, float column_w, bool badges) {
    const float wrap = std::max(0.0f, column_w - 2 * m.cell_pad - 2 * m.item_pad);
    return 2 * m.item_pad + text_height(text, wrap) + (badges ? m.badge_row : 0.0f);
}

// Workspace indices of the derived items of each column (empty for columns no derived item targets).
// Built only for the lane kinds the journey actually has: a workspace may hold thousands of insights.
struct DerivedItems {
    std::vector<std::vector<int>> insights, opportunities, metrics, journeys;
};

// Appends `index` to the column's list unless it is already its last entry: a repository item whose
// step list names the same step twice still shows once (items are visited one at a time, so a
// duplicate can only be the last entry).
void add_once(std::vector<std::vector<int>>& lists, int column, int index) {
    auto& list = lists[static_cast<std::size_t>(column)];
    if (list.empty() || list.back() != index) list.push_back(index);
}

template <class Repo>
std::vector<std::vector<int>> by_step_refs(const std::vector<Repo>& repo, Id journey,
                                           const std::unordered_map<Id, int>& step_column, std::size_t columns) {
    std::vector<std::vector<int>> lists(columns);
    for (std::size_t i = 0; i < repo.size(); ++i)
        for (const StepRef& ref : repo[i].steps) {
            if (ref.journey != journey) continue;
            const auto it = step_column.find(ref.step);
            if (it != step_column.end()) add_once(lists, it->second, static_cast<int>(i));
        }
    return lists;
}

DerivedItems derive_items(const Workspace& ws, const Journey& journey, const std::unordered_map<Id, int>& step_column,
                          const std::unordered_map<Id, int>& stage_first_column, std::size_t columns) {
    bool wants[static_cast<int>(LaneKind::journey_link) + 1] = {};
    for (const Lane& lane : journey.lanes) wants[static_cast<int>(lane.kind)] = true;

    DerivedItems d;
    if (wants[static_cast<int>(LaneKind::insight)]) d.insights = by_step_refs(ws.insights, journey.id, step_column, columns);
    if (wants[static_cast<int>(LaneKind::opportunity)])
        d.opportunities = by_step_refs(ws.opportunities, journey.id, step_column, columns);
    if (wants[static_cast<int>(LaneKind::metric)]) {
        d.metrics.resize(columns);
        for (std::size_t i = 0; i < ws.metrics.size(); ++i) {
            const Metric& metric = ws.metrics[i];
            if (metric.journey != journey.id || metric.step.is_nil()) continue;
            const auto it = step_column.find(metric.step);
            if (it != step_column.end()) add_once(d.metrics, it->second, static_cast<int>(i));
        }
    }
    if (wants[static_cast<int>(LaneKind::journey_link)]) {
        // Links at a step come before links at the whole stage, each in Workspace::links order: the
        // more specific anchor first.
        std::unordered_map<Id, int> journey_index;
        for (std::size_t i = 0; i < ws.journeys.size(); ++i) journey_index.emplace(ws.journeys[i].id, static_cast<int>(i));
        std::vector<std::vector<int>> at_stage(columns);
        d.journeys.resize(columns);
        for (const JourneyLink& link : ws.links) {
            if (link.parent != journey.id) continue;
            const auto child = journey_index.find(link.child);
            if (child == journey_index.end()) continue;
            if (link.step) {
                const auto it = step_column.find(link.step);
                if (it != step_column.end()) d.journeys[static_cast<std::size_t>(it->second)].push_back(child->second);
            } else {
                const auto it = stage_first_column.find(link.stage);
                if (it != stage_first_column.end()) at_stage[static_cast<std::size_t>(it->second)].push_back(child->second);
            }
        }
        for (std::size_t c = 0; c < columns; ++c) d.journeys[c].insert(d.journeys[c].end(), at_stage[c].begin(), at_stage[c].end());
    }
    return d;
}

// First element of a sorted range for which `before` is false, as an index.
template <class T, class Pred>
int first_not(const std::vector<T>& v, Pred before) {
    return static_cast<int>(std::partition_point(v.begin(), v.end(), before) - v.begin());
}

}  // namespace

// [SECTION] Layout ---------------------------------------------------------------------------------

JourneyLayout layout_journey(const Workspace& ws, const Journey& journey, const TextHeight& text_height,
                             const MapMetrics& m) {
    JourneyLayout out;
    out.metrics = m;
    out.items.reserve(journey.cards.size());

    // Columns, and the lookups that place cards and derived items in them.
    std::unordered_map<Id, int> step_column, stage_first_column;
    float x = 0;
    for (std::size_t s = 0; s < journey.stages.size(); ++s) {
        const Stage& stage = journey.stages[s];
        StageSpan span;
        span.stage = static_cast<int>(s);
        span.first_column = out.column_count();
        span.x = x;
        if (stage.steps.empty()) {
            out.columns.push_back(Column{static_cast<int>(s), -1, x, m.empty_stage_width});
            x += m.empty_stage_width;
        } else {
            stage_first_column.emplace(stage.id, out.column_count());
            for (std::size_t k = 0; k < stage.steps.size(); ++k) {
                step_column.emplace(stage.steps[k].id, out.column_count());
                out.columns.push_back(Column{static_cast<int>(s), static_cast<int>(k), x, m.step_width});
                x += m.step_width;
            }
        }
        span.column_count = out.column_count() - span.first_column;
        span.w = x - span.x;
        out.stages.push_back(span);
    }
    out.width = x;
    const std::size_t columns = out.columns.size();

    // Cards bucketed by (lane, column), keeping list order within a bucket (a counting sort).
    std::unordered_map<Id, int> lane_index;
    for (std::size_t l = 0; l < journey.lanes.size(); ++l) lane_index.emplace(journey.lanes[l].id, static_cast<int>(l));
    std::vector<std::uint32_t> bucket_begin(journey.lanes.size() * columns + 1, 0);
    std::vector<int> bucket_of(journey.cards.size(), -1);
    for (std::size_t k = 0; k < journey.cards.size(); ++k) {
        const auto lane = lane_index.find(journey.cards[k].lane);
        const auto step = step_column.find(journey.cards[k].step);
        if (lane == lane_index.end() || step == step_column.end()) continue;  // dangling: not shown
        bucket_of[k] = lane->second * static_cast<int>(columns) + step->second;
        ++bucket_begin[static_cast<std::size_t>(bucket_of[k]) + 1];
    }
    for (std::size_t b = 1; b < bucket_begin.size(); ++b) bucket_begin[b] += bucket_begin[b - 1];
    std::vector<int> bucketed(bucket_begin.back());
    {
        std::vector<std::uint32_t> fill(bucket_begin.begin(), bucket_begin.end() - 1);
        for (std::size_t k = 0; k < journey.cards.size(); ++k)
            if (bucket_of[k] >= 0) bucketed[fill[static_cast<std::size_t>(bucket_of[k])]++] = static_cast<int>(k);
    }

    const DerivedItems derived = derive_items(ws, journey, step_column, stage_first_column, columns);

    float y = 0;
    auto empty_cells = [&] {
        for (std::size_t c = 0; c < columns; ++c) out.cell_begin.push_back(static_cast<std::uint32_t>(out.items.size()));
    };

    auto add_lane_row = [&](int l) {
        const Lane& lane = journey.lanes[static_cast<std::size_t>(l)];
        Row row;
        row.kind = RowKind::lane;
        row.lane = l;
        row.collapsed = lane.collapsed;
        row.y = y;
        const int r = out.row_count();
        if (lane.collapsed || lane.kind == LaneKind::emotion) {
            row.h = lane.collapsed ? m.lane_collapsed : m.emotion_height;
            empty_cells();
        } else {
            float tallest = 0;
            for (std::size_t c = 0; c < columns; ++c) {
                const Column& col = out.columns[c];
                out.cell_begin.push_back(static_cast<std::uint32_t>(out.items.size()));
                float cursor = m.cell_pad;  // from the top of the row
                bool first = true;
                auto place = [&](ItemKind kind, Id id, int index, std::string_view text, bool badges) {
                    if (!first) cursor += m.item_gap;
                    first = false;
                    const float h = item_height(m, text_height, text, col.w, badges);
                    Item item;
                    item.kind = kind;
                    item.id = id;
                    item.index = index;
                    item.row = r;
                    item.column = static_cast<int>(c);
                    item.rect = Rect{col.x + m.cell_pad, y + cursor, std::max(0.0f, col.w - 2 * m.cell_pad), h};
                    item.badges = badges;
                    out.items.push_back(item);
                    cursor += h;
                };
                if (col.step >= 0) {  // an empty stage's column holds nothing: there is no step to anchor to
                    const std::size_t bucket = static_cast<std::size_t>(l) * columns + c;
                    for (std::uint32_t b = bucket_begin[bucket]; b < bucket_begin[bucket + 1]; ++b) {
                        const Card& card = journey.cards[static_cast<std::size_t>(bucketed[b])];
                        place(ItemKind::card, card.id, bucketed[b], card.text, card_has_badges(card, lane.kind));
                    }
                    switch (lane.kind) {
                    case LaneKind::insight:
                        for (int i : derived.insights[c])
                            place(ItemKind::insight, ws.insights[static_cast<std::size_t>(i)].id, i,
                                  ws.insights[static_cast<std::size_t>(i)].title, true);
                        break;
                    case LaneKind::opportunity:
                        for (int i : derived.opportunities[c])
                            place(ItemKind::opportunity, ws.opportunities[static_cast<std::size_t>(i)].id, i,
                                  ws.opportunities[static_cast<std::size_t>(i)].title, true);
                        break;
                    case LaneKind::metric:
                        for (int i : derived.metrics[c])
                            place(ItemKind::metric, ws.metrics[static_cast<std::size_t>(i)].id, i,
                                  ws.metrics[static_cast<std::size_t>(i)].name, true);
                        break;
                    case LaneKind::journey_link:
                        for (int i : derived.journeys[c])
                            place(ItemKind::journey, ws.journeys[static_cast<std::size_t>(i)].id, i,
                                  ws.journeys[static_cast<std::size_t>(i)].title, true);
                        break;
                    default:
                        break;
                    }
                }
                tallest = std::max(tallest, cursor + m.add_zone + m.cell_pad);
            }
            row.h = std::max(m.lane_min, tallest);
        }
        out.rows.push_back(row);
        y += row.h;
    };

    // Layers: a maximal run of lanes with the same non-empty layer name. Lanes without a layer take
    // no heading, whatever precedes them.
    const std::size_t lanes = journey.lanes.size();
    for (std::size_t i = 0; i < lanes;) {
        const std::string& layer = journey.lanes[i].layer;
        std::size_t end = i + 1;
        if (!layer.empty())
            while (end < lanes && journey.lanes[end].layer == layer) ++end;
        if (!layer.empty()) {
            bool all_collapsed = true;
            for (std::size_t k = i; k < end; ++k) all_collapsed = all_collapsed && journey.lanes[k].collapsed;
            Row head;
            head.kind = RowKind::layer;
            head.first_lane = static_cast<int>(i);
            head.lane_count = static_cast<int>(end - i);
            head.collapsed = all_collapsed;
            head.y = y;
            head.h = m.layer_header;
            out.rows.push_back(head);
            empty_cells();
            y += head.h;
            if (all_collapsed) {
                i = end;
                continue;
            }
        }
        for (std::size_t k = i; k < end; ++k) add_lane_row(static_cast<int>(k));
        i = end;
    }
    out.height = y;
    out.cell_begin.push_back(static_cast<std::uint32_t>(out.items.size()));
    return out;
}

bool card_has_badges(const Card& card, LaneKind lane_kind) {
    if ((lane_kind == LaneKind::pain || lane_kind == LaneKind::gain) && card.severity > 0) return true;
    if (lane_kind == LaneKind::touchpoint && card.channel) return true;
    return !card.personas.empty() || !card.insights.empty() || !card.opportunities.empty();
}

namespace {
// item_text without the copy, for find_in_map's pass over every item.
std::string_view item_title(const Workspace& ws, const Journey& journey, const Item& item) {
    // The index is tried first (the common, fresh case); a stale layout falls back to the id, so a
    // reordered list never shows another item's text.
    auto pick = [&](const auto& list) {
        const auto i = static_cast<std::size_t>(item.index);
        if (item.index >= 0 && i < list.size() && list[i].id == item.id) return &list[i];
        return find_by_id(list, item.id);
    };
    switch (item.kind) {
    case ItemKind::card:
        if (const Card* c = pick(journey.cards)) return c->text;
        break;
    case ItemKind::insight:
        if (const Insight* i = pick(ws.insights)) return i->title;
        break;
    case ItemKind::opportunity:
        if (const Opportunity* o = pick(ws.opportunities)) return o->title;
        break;
    case ItemKind::metric:
        if (const Metric* k = pick(ws.metrics)) return k->name;
        break;
    case ItemKind::journey:
        if (const Journey* j = pick(ws.journeys)) return j->title;
        break;
    }
    return {};
}
}  // namespace

std::string item_text(const Workspace& ws, const Journey& journey, const Item& item) {
    return std::string(item_title(ws, journey, item));
}

// [SECTION] Queries --------------------------------------------------------------------------------

Span JourneyLayout::columns_in(float x0, float x1) const {
    if (!(x0 < x1)) return {};
    const int b = first_not(columns, [x0](const Column& c) { return c.x + c.w <= x0; });
    const int e = first_not(columns, [x1](const Column& c) { return c.x < x1; });
    return Span{b, std::max(b, e)};
}

Span JourneyLayout::rows_in(float y0, float y1) const {
    if (!(y0 < y1)) return {};
    const int b = first_not(rows, [y0](const Row& r) { return r.y + r.h <= y0; });
    const int e = first_not(rows, [y1](const Row& r) { return r.y < y1; });
    return Span{b, std::max(b, e)};
}

Span JourneyLayout::cell_items(int row, int column) const {
    if (row < 0 || row >= row_count() || column < 0 || column >= column_count()) return {};
    const std::size_t cell = static_cast<std::size_t>(row) * columns.size() + static_cast<std::size_t>(column);
    return Span{static_cast<int>(cell_begin[cell]), static_cast<int>(cell_begin[cell + 1])};
}

int JourneyLayout::column_at(float x) const {
    if (columns.empty() || !(x >= 0 && x < columns.back().x + columns.back().w)) return -1;
    return first_not(columns, [x](const Column& c) { return c.x <= x; }) - 1;
}

int JourneyLayout::row_at(float y) const {
    if (rows.empty() || !(y >= 0 && y < rows.back().y + rows.back().h)) return -1;
    return first_not(rows, [y](const Row& r) { return r.y <= y; }) - 1;
}

int JourneyLayout::stage_at(float x) const {
    const int c = column_at(x);
    return c < 0 ? -1 : columns[static_cast<std::size_t>(c)].stage;
}

Hit JourneyLayout::hit(float x, float y) const {
    Hit h;
    const int r = row_at(y), c = column_at(x);
    if (r < 0 || c < 0) return h;
    h.row = r;
    h.column = c;
    const Span span = cell_items(r, c);
    for (int i = span.begin; i < span.end; ++i)
        if (items[static_cast<std::size_t>(i)].rect.contains(x, y)) {
            h.item = i;
            break;
        }
    return h;
}

Rect JourneyLayout::cell_rect(int row, int column) const {
    if (row < 0 || row >= row_count() || column < 0 || column >= column_count()) return {};
    const Column& c = columns[static_cast<std::size_t>(column)];
    const Row& r = rows[static_cast<std::size_t>(row)];
    return Rect{c.x, r.y, c.w, r.h};
}

int JourneyLayout::column_of_step(int stage, int step) const {
    if (stage < 0 || stage >= static_cast<int>(stages.size())) return -1;
    const StageSpan& span = stages[static_cast<std::size_t>(stage)];
    // step -1 names an empty stage's own column, mirroring Column::step.
    const int c = span.first_column + std::max(step, 0);
    if (step < -1 || c >= span.first_column + span.column_count) return -1;
    return columns[static_cast<std::size_t>(c)].step == step ? c : -1;
}

int JourneyLayout::row_of_lane(int lane) const {
    // Rows are in lane order; a layer row sorts just before its first lane's row.
    const int i = first_not(rows, [lane](const Row& r) { return (r.kind == RowKind::lane ? r.lane : r.first_lane) < lane; });
    for (int k = i; k < row_count() && k < i + 2; ++k) {
        const Row& r = rows[static_cast<std::size_t>(k)];
        if (r.kind == RowKind::lane) return r.lane == lane ? k : -1;
        if (r.first_lane != lane) return -1;
    }
    return -1;
}

int JourneyLayout::item_of(ItemKind kind, Id id) const {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].kind == kind && items[i].id == id) return static_cast<int>(i);
    return -1;
}

int JourneyLayout::drop_position(int row, int column, float y) const {
    const Span span = cell_items(row, column);
    int position = 0;
    for (int i = span.begin; i < span.end; ++i) {
        const Item& item = items[static_cast<std::size_t>(i)];
        if (item.kind != ItemKind::card) continue;  // derived items are not in Journey::cards
        if (item.rect.y + item.rect.h / 2 > y) return position;
        ++position;
    }
    return position;
}

StepSlot JourneyLayout::step_slot_at(float x) const {
    if (columns.empty()) return {};
    int c = column_at(x);
    if (c < 0) c = x >= width ? column_count() - 1 : 0;  // beyond either end: the end column
    const Column& col = columns[static_cast<std::size_t>(c)];
    if (col.step < 0) return StepSlot{col.stage, 0};
    return StepSlot{col.stage, col.step + (x >= col.x + col.w / 2 ? 1 : 0)};
}

int JourneyLayout::stage_slot_at(float x) const {
    if (stages.empty()) return 0;
    if (!(x >= 0)) return 0;
    if (x >= width) return static_cast<int>(stages.size());
    const int s = std::max(stage_at(x), 0);
    const StageSpan& span = stages[static_cast<std::size_t>(s)];
    return std::min(s + (x >= span.x + span.w / 2 ? 1 : 0), static_cast<int>(stages.size()));
}

int JourneyLayout::lane_slot_at(float y) const {
    if (rows.empty() || !(y >= 0)) return 0;
    const Row& last = rows.back();
    if (y >= height) return last.kind == RowKind::lane ? last.lane + 1 : last.first_lane + last.lane_count;
    const Row& r = rows[static_cast<std::size_t>(std::max(row_at(y), 0))];
    const bool lower = y >= r.y + r.h / 2;
    if (r.kind == RowKind::lane) return r.lane + (lower ? 1 : 0);
    if (r.collapsed) return r.first_lane + (lower ? r.lane_count : 0);
    return r.first_lane;  // an open layer's heading: before its first lane
}

int JourneyLayout::next_lane_row(int row, int dir) const {
    if (dir == 0) return row;
    const int step = dir > 0 ? 1 : -1;
    for (int r = row + step; r >= 0 && r < row_count(); r += step)
        if (rows[static_cast<std::size_t>(r)].kind == RowKind::lane) return r;
    return row;
}

// [SECTION] Emotion lanes ----------------------------------------------------------------------------

float emotion_y(const Row& row, int score, int min, int max, const MapMetrics& m) {
    const float top = row.y + m.cell_pad, bottom = row.y + row.h - m.cell_pad;
    if (max <= min) return (top + bottom) / 2;
    const float t = static_cast<float>(std::clamp(score, min, max) - min) / static_cast<float>(max - min);
    return bottom - t * (bottom - top);
}

int emotion_score_at(const Row& row, float y, int min, int max, const MapMetrics& m) {
    if (max <= min) return min;
    const float top = row.y + m.cell_pad, bottom = row.y + row.h - m.cell_pad;
    if (!(bottom > top)) return min + (max - min) / 2;  // no plot area to read a score from
    const float t = (bottom - y) / (bottom - top);
    const long v = std::lround(static_cast<float>(min) + t * static_cast<float>(max - min));
    return static_cast<int>(std::clamp(v, static_cast<long>(min), static_cast<long>(max)));
}

std::vector<Vec2> smooth_curve(const std::vector<Vec2>& points, int segments) {
    const std::size_t n = points.size();
    if (n < 2) return points;
    segments = std::max(segments, 1);

    // Secant slopes, then Fritsch–Carlson tangents: zero at local extrema and on flat intervals, the
    // mean of the secants elsewhere, scaled into the circle of radius 3 where they would overshoot.
    std::vector<double> delta(n - 1), tangent(n);
    for (std::size_t k = 0; k + 1 < n; ++k) {
        const double dx = static_cast<double>(points[k + 1].x) - points[k].x;
        delta[k] = dx != 0 ? (static_cast<double>(points[k + 1].y) - points[k].y) / dx : 0.0;
    }
    tangent[0] = delta[0];
    tangent[n - 1] = delta[n - 2];
    for (std::size_t k = 1; k + 1 < n; ++k)
        tangent[k] = delta[k - 1] * delta[k] <= 0 ? 0.0 : (delta[k - 1] + delta[k]) / 2;
    for (std::size_t k = 0; k + 1 < n; ++k) {
        if (delta[k] == 0) {
            tangent[k] = tangent[k + 1] = 0;
            continue;
        }
        const double a = tangent[k] / delta[k], b = tangent[k + 1] / delta[k];
        const double r2 = a * a + b * b;
        if (r2 > 9) {
            const double tau = 3 / std::sqrt(r2);
            tangent[k] = tau * a * delta[k];
            tangent[k + 1] = tau * b * delta[k];
        }
    }

    std::vector<Vec2> out;
    out.reserve(1 + (n - 1) * static_cast<std::size_t>(segments));
    out.push_back(points[0]);
    for (std::size_t k = 0; k + 1 < n; ++k) {
        const Vec2 p0 = points[k], p1 = points[k + 1];
        const double dx = static_cast<double>(p1.x) - p0.x;
        const float lo = std::min(p0.y, p1.y), hi = std::max(p0.y, p1.y);
        for (int s = 1; s < segments; ++s) {
            const double t = static_cast<double>(s) / segments, t2 = t * t, t3 = t2 * t;
            const double y = (2 * t3 - 3 * t2 + 1) * p0.y + (t3 - 2 * t2 + t) * dx * tangent[k] + (-2 * t3 + 3 * t2) * p1.y +
                             (t3 - t2) * dx * tangent[k + 1];
            // The clamp only absorbs rounding: a monotone Hermite piece stays within its end values.
            out.push_back(Vec2{static_cast<float>(p0.x + t * dx), std::clamp(static_cast<float>(y), lo, hi)});
        }
        out.push_back(p1);  // exactly the input point, not a rounded evaluation of it
    }
    return out;
}

CurveStyle emotion_curve_style(const Workspace& ws, Id persona) {
    CurveStyle style;
    style.persona = persona;
    for (std::size_t i = 0; i < ws.personas.size(); ++i)
        if (ws.personas[i].id == persona && !persona.is_nil()) {
            style.name = ws.personas[i].name;
            style.rgb = ws.personas[i].color & 0xFFFFFF;
            style.dash = static_cast<CurveDash>(i % 3);
            style.marker = static_cast<CurveMarker>((i + 1) % 4);
            return style;
        }
    style.name = "Everyone";
    style.ink = true;
    style.width = 3.5f;
    return style;
}

std::vector<CurveStyle> emotion_curves(const Workspace& ws, const Journey& journey, Id lane) {
    std::vector<CurveStyle> out;
    bool everyone = false;
    for (const EmotionScore& e : journey.emotions)
        everyone = everyone || (e.lane == lane && e.persona.is_nil());
    if (everyone) out.push_back(emotion_curve_style(ws, Id{}));
    for (const Persona& p : ws.personas)
        if (std::any_of(journey.emotions.begin(), journey.emotions.end(),
                        [&](const EmotionScore& e) { return e.lane == lane && e.persona == p.id; }))
            out.push_back(emotion_curve_style(ws, p.id));
    return out;
}

MarkerOutline marker_outline(CurveMarker marker, Vec2 c, float r) {
    MarkerOutline o;
    switch (marker) {
        case CurveMarker::circle: break;
        case CurveMarker::square: {
            const float h = r * 0.89f;   // area of a circle of r
            o.points = {Vec2{c.x - h, c.y - h}, Vec2{c.x + h, c.y - h}, Vec2{c.x + h, c.y + h}, Vec2{c.x - h, c.y + h}};
            o.count = 4;
            break;
        }
        case CurveMarker::diamond: {
            const float h = r * 1.25f;
            o.points = {Vec2{c.x, c.y - h}, Vec2{c.x + h, c.y}, Vec2{c.x, c.y + h}, Vec2{c.x - h, c.y}};
            o.count = 4;
            break;
        }
        case CurveMarker::triangle: {   // pointing up, its centroid on the point
            const float h = r * 1.55f;
            o.points = {Vec2{c.x, c.y - h}, Vec2{c.x + h * 0.866f, c.y + h * 0.5f}, Vec2{c.x - h * 0.866f, c.y + h * 0.5f}, Vec2{}};
            o.count = 3;
            break;
        }
    }
    return o;
}

DashLengths dash_lengths(CurveDash dash) {
    switch (dash) {
        case CurveDash::solid: break;
        case CurveDash::dashed: return {9.0f, 6.0f};
        case CurveDash::dotted: return {2.5f, 5.0f};
    }
    return {};
}

std::vector<std::vector<Vec2>> dash_polyline(const std::vector<Vec2>& points, CurveDash dash, float scale) {
    if (dash == CurveDash::solid || points.size() < 2) return {points};
    const float on = dash_lengths(dash).on * scale, off = dash_lengths(dash).off * scale;
    if (!(on > 0) || !(off > 0)) return {points};
    std::vector<std::vector<Vec2>> out;
    bool drawing = true;
    float left = on;                 // length left in the current dash or gap
    std::vector<Vec2> piece{points[0]};
    for (std::size_t i = 1; i < points.size(); ++i) {
        Vec2 a = points[i - 1];
        const Vec2 b = points[i];
        float len = std::hypot(b.x - a.x, b.y - a.y);
        while (len > left) {
            const float t = left / len;
            const Vec2 cut{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
            if (drawing) {
                piece.push_back(cut);
                out.push_back(std::move(piece));
                piece.clear();
            } else {
                piece = {cut};
            }
            drawing = !drawing;
            len -= left;
            a = cut;
            left = drawing ? on : off;
        }
        left -= len;
        if (drawing) piece.push_back(b);
    }
    if (drawing && piece.size() >= 2) out.push_back(std::move(piece));
    return out;
}

std::string emotion_score_text(int score) {
    if (score < 0) return "\xE2\x88\x92" + std::to_string(-static_cast<long>(score));
    return score > 0 ? "+" + std::to_string(score) : std::string("0");
}

// [SECTION] Camera -------------------------------------------------------------------------------------

Camera clamp_camera(Camera cam, const JourneyLayout& layout, float view_w, float view_h) {
    return clamp_camera(cam, layout.width, layout.height, view_w, view_h);
}

Camera clamp_camera(Camera cam, float body_w, float body_h, float view_w, float view_h) {
    const float zoom = cam.zoom > 0 ? cam.zoom : 1.0f;  // a broken zoom must not divide by zero
    const float max_x = std::max(0.0f, body_w - view_w / zoom);
    const float max_y = std::max(0.0f, body_h - view_h / zoom);
    cam.x = std::isnan(cam.x) ? 0.0f : std::clamp(cam.x, 0.0f, max_x);
    cam.y = std::isnan(cam.y) ? 0.0f : std::clamp(cam.y, 0.0f, max_y);
    return cam;
}

Camera zoom_camera(Camera cam, float zoom, float sx, float sy) {
    if (std::isnan(zoom)) return cam;
    const float old_zoom = cam.zoom > 0 ? cam.zoom : 1.0f;
    const float new_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    const float bx = cam.x + sx / old_zoom, by = cam.y + sy / old_zoom;  // body point under (sx, sy)
    return Camera{bx - sx / new_zoom, by - sy / new_zoom, new_zoom};
}

Camera follow_origin(Camera cam, float dx, float dy) {
    const float zoom = cam.zoom > 0 ? cam.zoom : 1.0f;
    return Camera{cam.x + dx / zoom, cam.y + dy / zoom, cam.zoom};
}

float wheel_zoom(float notches) { return std::pow(kZoomPerNotch, notches); }

float notches_for_scale(float scale) {
    return scale > 0 && std::isfinite(scale) ? std::log(scale) / std::log(kZoomPerNotch) : 0.0f;
}

Camera fit_camera(const JourneyLayout& layout, float view_w, float view_h) {
    return fit_camera(layout.width, layout.height, view_w, view_h);
}

Camera fit_camera(float body_w, float body_h, float view_w, float view_h) {
    float zoom = 1;
    if (body_w > 0) zoom = std::min(zoom, view_w / body_w);
    if (body_h > 0) zoom = std::min(zoom, view_h / body_h);
    if (std::isnan(zoom)) zoom = 1;
    return Camera{0, 0, std::clamp(zoom, kMinZoom, kMaxZoom)};
}

namespace {
// The least change of `origin` so that [lo, hi) lies within [origin, origin + extent); when it cannot
// fit, its start is shown.
float reveal_axis(float origin, float lo, float hi, float extent) {
    if (hi - lo > extent || lo < origin) return lo;
    if (hi > origin + extent) return hi - extent;
    return origin;
}
}  // namespace

Camera reveal(Camera cam, const Rect& r, float view_w, float view_h, float margin) {
    const float zoom = cam.zoom > 0 ? cam.zoom : 1.0f;
    // The margin stops at the body's top-left edge: nothing is there to show, and panning past it
    // would only be undone by clamp_camera. (The far edges are clamp_camera's, which knows the size.)
    cam.x = reveal_axis(cam.x, std::max(r.x - margin, std::min(r.x, 0.0f)), r.right() + margin, view_w / zoom);
    cam.y = reveal_axis(cam.y, std::max(r.y - margin, std::min(r.y, 0.0f)), r.bottom() + margin, view_h / zoom);
    return cam;
}

// [SECTION] Find ------------------------------------------------------------------------------------

namespace {

char32_t fold_code_point(char32_t c) {
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
    if (c >= 0x100 && c <= 0x17F) {
        // Latin Extended-A pairs capitals with the next code point, switching parity at U+0139 and
        // U+014A and again at U+0179; ĸ (U+0138), ŉ (U+0149) and ſ (U+017F) have no capital pair.
        if (c == 0x130) return U'i';  // İ
        if (c == 0x178) return 0xFF;  // Ÿ → ÿ lives in Latin-1
        if ((c <= 0x137 || (c >= 0x14A && c <= 0x177)) && c % 2 == 0) return c + 1;
        if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) && c % 2 == 1) return c + 1;
        return c;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;  // Greek capitals (U+03A2 is unassigned)
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;                // Ѐ..Џ, including Ё and Ukrainian Є І Ї
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;                // А..Я
    return c;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else {  // every folded letter is below U+0800
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

// Every letter folded here is ASCII or a two-byte sequence. In valid UTF-8 a byte C2..DF is always
// the lead of a two-byte sequence and never part of a longer one, so decoding only those (and copying
// every other byte as it is) keeps valid text valid and passes invalid bytes through.
void fold_into(std::string& out, std::string_view utf8) {
    out.clear();
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        if (b >= 'A' && b <= 'Z') {
            out.push_back(static_cast<char>(b + 0x20));
        } else if (b >= 0xC2 && b <= 0xDF && i + 1 < utf8.size() && (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) {
            const char32_t c = (static_cast<char32_t>(b & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F);
            append_utf8(out, fold_code_point(c));
            ++i;
        } else {
            out.push_back(static_cast<char>(b));
        }
    }
}

// `scratch` is reused across calls so that searching thousands of items does not allocate for each.
bool contains_folded(std::string_view text, const std::string& folded_query, std::string& scratch) {
    fold_into(scratch, text);
    return scratch.find(folded_query) != std::string::npos;
}

}  // namespace

std::string fold_case(std::string_view utf8) {
    std::string out;
    fold_into(out, utf8);
    return out;
}

std::vector<FindMatch> find_in_map(const Workspace& ws, const Journey& journey, const JourneyLayout& layout,
                                   std::string_view query) {
    std::vector<FindMatch> found;
    const std::string q = fold_case(query);
    if (q.empty()) return found;
    std::string scratch;
    // Indices are checked against the journey: the layout may be a frame older than the document.
    for (std::size_t s = 0; s < layout.stages.size(); ++s) {
        const int stage = layout.stages[s].stage;
        if (stage >= 0 && static_cast<std::size_t>(stage) < journey.stages.size() &&
            contains_folded(journey.stages[static_cast<std::size_t>(stage)].name, q, scratch))
            found.push_back(FindMatch{FindMatch::Kind::stage, static_cast<int>(s)});
    }
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
        const Column& col = layout.columns[c];
        if (col.step < 0 || col.stage < 0 || static_cast<std::size_t>(col.stage) >= journey.stages.size()) continue;
        const auto& steps = journey.stages[static_cast<std::size_t>(col.stage)].steps;
        if (static_cast<std::size_t>(col.step) < steps.size() && contains_folded(steps[static_cast<std::size_t>(col.step)].name, q, scratch))
            found.push_back(FindMatch{FindMatch::Kind::step, static_cast<int>(c)});
    }
    for (std::size_t r = 0; r < layout.rows.size(); ++r) {
        const Row& row = layout.rows[r];
        if (row.kind == RowKind::lane && row.lane >= 0 && static_cast<std::size_t>(row.lane) < journey.lanes.size() &&
            contains_folded(journey.lanes[static_cast<std::size_t>(row.lane)].name, q, scratch))
            found.push_back(FindMatch{FindMatch::Kind::lane, static_cast<int>(r)});
    }
    // Items are stored row by row, left to right, top to bottom within a cell: reading order already.
    for (std::size_t i = 0; i < layout.items.size(); ++i)
        if (contains_folded(item_title(ws, journey, layout.items[i]), q, scratch))
            found.push_back(FindMatch{FindMatch::Kind::item, static_cast<int>(i)});
    return found;
}

}  // namespace wm::layout
