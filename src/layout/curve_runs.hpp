// An emotion curve as the journey map draws it, made once and kept across frames. A frame of the map
// draws each emotion lane's curves through every step of the row (so that a curve and its dashes
// run on across tiles), and smoothing and dashing them again every frame was ~1.1 ms of a pan
// frame's ~3 ms of C++ with an emotion lane in view (a CPU profile; docs/design.md, "Known gaps").
//
// The cache is keyed by everything a curve is made from — its points, the zoom and its dash —
// compared exactly, not by a revision number or a document id: whatever changes a point (an edit,
// an undo, a teammate's change, a score being dragged, a lens, another layout) makes another key,
// so a kept curve can never be stale; it can only be unused, and the least recently used go.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "layout/journey_layout.hpp"

namespace wm::layout {

// Segments of the smoothed curve per run: two columns (smooth_curve makes 10 a column).
inline constexpr std::size_t kCurveRunSegments = 20;

// A curve through `points` (body units, by column) smoothed (smooth_curve, 10 segments between two
// points), in content units (body × `zoom`), cut into its dashes (dash_polyline, lengths scaled by
// max(0.6, zoom)) and each dash into runs of kCurveRunSegments segments sharing their end points,
// so that a tile or the screen draws only the runs it shows; with each run's left and right.
struct CurveRuns {
    std::vector<std::vector<Vec2>> runs;
    std::vector<std::pair<float, float>> extents;   // each run's smallest and largest x
};
CurveRuns make_curve_runs(const std::vector<Vec2>& points, float zoom, CurveDash dash);

class CurveCache {
public:
    // The runs of that curve: kept ones if the same points, zoom and dash were asked for before.
    std::shared_ptr<const CurveRuns> get(const std::vector<Vec2>& points, float zoom, CurveDash dash);
    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    [[nodiscard]] std::size_t made() const { return made_; }   // how many were made (tests)

    static constexpr std::size_t kCapacity = 32;   // curves kept: a map's emotion lanes × their personas

private:
    struct Entry {
        std::vector<Vec2> points;
        float zoom = 0;
        CurveDash dash = CurveDash::solid;
        std::shared_ptr<const CurveRuns> runs;
        std::uint64_t used = 0;
    };
    std::vector<Entry> entries_;
    std::uint64_t clock_ = 0;
    std::size_t made_ = 0;
};

}  // namespace wm::layout
