// Emotion curves made once and kept across frames (src/layout/curve_runs): what a curve is made into,
// and that the cache gives a kept curve only for exactly the same points, zoom and dash.
#include <doctest/doctest.h>

#include "layout/curve_runs.hpp"

using namespace wm::layout;

namespace {
std::vector<Vec2> scores(int steps, float shift = 0) {   // a row's points, one a column of 120 units
    std::vector<Vec2> out;
    for (int i = 0; i < steps; ++i) out.push_back({60.0f + 120.0f * static_cast<float>(i), 40.0f + static_cast<float>((i * 7) % 5) * 12.0f + shift});
    return out;
}
}  // namespace

TEST_CASE("a solid curve is the smoothed curve at the zoom, cut into runs of two columns sharing their ends") {
    const std::vector<Vec2> points = scores(9);
    const CurveRuns made = make_curve_runs(points, 0.5f, CurveDash::solid);
    const std::vector<Vec2> smooth = smooth_curve(points, 10);
    REQUIRE(made.runs.size() == (smooth.size() - 1 + kCurveRunSegments - 1) / kCurveRunSegments);
    REQUIRE(made.extents.size() == made.runs.size());
    std::size_t segments = 0;
    for (std::size_t k = 0; k < made.runs.size(); ++k) {
        const auto& run = made.runs[k];
        CHECK(run.size() >= 2);
        CHECK(run.size() <= kCurveRunSegments + 1);
        segments += run.size() - 1;
        if (k > 0) CHECK((run.front().x == made.runs[k - 1].back().x && run.front().y == made.runs[k - 1].back().y));   // no gap
        float lo = run.front().x, hi = run.front().x;
        for (const Vec2& p : run) lo = std::min(lo, p.x), hi = std::max(hi, p.x);
        CHECK(made.extents[k].first == lo);
        CHECK(made.extents[k].second == hi);
    }
    CHECK(segments == smooth.size() - 1);
    CHECK(made.runs.front().front().x == doctest::Approx(points.front().x * 0.5f));   // content units: body × zoom
    CHECK(made.runs.back().back().y == doctest::Approx(points.back().y * 0.5f));
}

TEST_CASE("a dashed or dotted curve is its dashes, each in runs; fewer than two points make no run") {
    const std::vector<Vec2> points = scores(6);
    const CurveRuns solid = make_curve_runs(points, 1, CurveDash::solid), dashed = make_curve_runs(points, 1, CurveDash::dashed);
    const CurveRuns dotted = make_curve_runs(points, 1, CurveDash::dotted);
    CHECK(dashed.runs.size() > solid.runs.size());
    CHECK(dotted.runs.size() > solid.runs.size());
    for (const auto& run : dashed.runs) CHECK(run.size() >= 2);
    CHECK(make_curve_runs({}, 1, CurveDash::solid).runs.empty());
    CHECK(make_curve_runs({{10, 10}}, 1, CurveDash::dashed).runs.empty());
}

TEST_CASE("the cache gives the kept curve for the same points, zoom and dash, and makes another for any change") {
    CurveCache cache;
    const std::vector<Vec2> points = scores(30);
    const auto first = cache.get(points, 0.85f, CurveDash::solid);
    CHECK(cache.made() == 1);
    CHECK(cache.get(points, 0.85f, CurveDash::solid) == first);   // a pan: the same curve, not made again
    CHECK(cache.made() == 1);

    std::vector<Vec2> moved = points;
    moved[17].y += 0.001f;   // one score a hair off (a drag in progress): another curve
    const auto other = cache.get(moved, 0.85f, CurveDash::solid);
    CHECK(other != first);
    CHECK(cache.made() == 2);
    std::vector<Vec2> longer = points;
    longer.push_back({60.0f + 120.0f * 30, 50});   // a score at one more step
    CHECK(cache.get(longer, 0.85f, CurveDash::solid) != first);
    CHECK(cache.get(points, 0.86f, CurveDash::solid) != first);   // another zoom
    CHECK(cache.get(points, 0.85f, CurveDash::dashed) != first);  // another persona's style
    CHECK(cache.made() == 5);
    CHECK(cache.get(points, 0.85f, CurveDash::solid) == first);
    CHECK(cache.made() == 5);
    // What it gives is what make_curve_runs makes.
    const CurveRuns direct = make_curve_runs(moved, 0.85f, CurveDash::solid);
    REQUIRE(other->runs.size() == direct.runs.size());
    for (std::size_t k = 0; k < direct.runs.size(); ++k) {
        REQUIRE(other->runs[k].size() == direct.runs[k].size());
        for (std::size_t i = 0; i < direct.runs[k].size(); ++i) CHECK((other->runs[k][i].x == direct.runs[k][i].x && other->runs[k][i].y == direct.runs[k][i].y));
    }
}

TEST_CASE("the cache keeps at most kCapacity curves and drops the least recently used") {
    CurveCache cache;
    const auto keep = cache.get(scores(10, 0), 1, CurveDash::solid);
    for (int i = 1; i <= static_cast<int>(CurveCache::kCapacity); ++i) {
        cache.get(scores(10, static_cast<float>(i)), 1, CurveDash::solid);
        CHECK(cache.get(scores(10, 0), 1, CurveDash::solid) == keep);   // used every frame: kept
    }
    CHECK(cache.size() == CurveCache::kCapacity);
    const std::size_t made = cache.made();
    cache.get(scores(10, 1), 1, CurveDash::solid);   // the least recently used was dropped: made again
    CHECK(cache.made() == made + 1);
    CHECK(cache.get(scores(10, 0), 1, CurveDash::solid) == keep);
    CHECK(cache.size() == CurveCache::kCapacity);
}
