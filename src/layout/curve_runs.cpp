#include "layout/curve_runs.hpp"

#include <algorithm>

namespace wm::layout {

CurveRuns make_curve_runs(const std::vector<Vec2>& points, float zoom, CurveDash dash) {
    std::vector<Vec2> content = smooth_curve(points, 10);
    for (Vec2& p : content) p = {p.x * zoom, p.y * zoom};
    CurveRuns out;
    for (const std::vector<Vec2>& piece : dash_polyline(content, dash, std::max(0.6f, zoom))) {
        if (piece.size() < 2) continue;
        for (std::size_t from = 0; from + 1 < piece.size(); from += kCurveRunSegments) {
            const auto begin = piece.begin() + static_cast<std::ptrdiff_t>(from);
            const auto end = piece.begin() + static_cast<std::ptrdiff_t>(std::min(piece.size(), from + kCurveRunSegments + 1));
            out.runs.emplace_back(begin, end);
            const auto [lo, hi] = std::minmax_element(begin, end, [](const Vec2& a, const Vec2& b) { return a.x < b.x; });
            out.extents.emplace_back(lo->x, hi->x);
        }
    }
    return out;
}

std::shared_ptr<const CurveRuns> CurveCache::get(const std::vector<Vec2>& points, float zoom, CurveDash dash) {
    ++clock_;
    const auto same = [&](const Entry& e) {
        return e.zoom == zoom && e.dash == dash && e.points.size() == points.size() &&
               std::equal(e.points.begin(), e.points.end(), points.begin(), [](const Vec2& a, const Vec2& b) { return a.x == b.x && a.y == b.y; });
    };
    if (const auto it = std::find_if(entries_.begin(), entries_.end(), same); it != entries_.end()) {
        it->used = clock_;
        return it->runs;
    }
    auto runs = std::make_shared<const CurveRuns>(make_curve_runs(points, zoom, dash));
    ++made_;
    if (entries_.size() >= kCapacity)
        entries_.erase(std::min_element(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; }));
    entries_.push_back(Entry{points, zoom, dash, runs, clock_});
    return runs;
}

}  // namespace wm::layout
