// KPI readings and roll-ups: what each metric's figures are, after rolling up its inputs, and how
// they stand against the target (DESIGN.md job 7, issue 6 "KPIs").
//
// Semantics (also in docs/design.md "KPIs and roll-ups"):
//   - Series. A metric's values are grouped by segment ("" = the whole; "NL / SIM only" ...). Each
//     segment's series is sorted by date; two values on one date and segment: the later one in the
//     list counts. A metric with only segmented values has no whole series (no figure is invented
//     by adding up percentages); headline() then falls back to its first segment.
//   - Computed metrics. A metric whose rule is not `none` and that lists at least one existing input
//     is computed: its own stored values are ignored (they stay in the file and count again when the
//     rule goes back to `none`). A rule with no inputs, or inputs with rule `none`, changes nothing.
//     Unknown and repeated input ids are left out.
//   - Segments. A computed metric has one series per segment present in any input (inputs' computed
//     segments included); segment s rolls up each input's segment-s series. "" rolls up the wholes.
//   - Alignment by date. The dates of a rolled-up series are every date on which any input has a
//     value in that segment. On each date every input contributes its latest value at or before the
//     date; inputs with no value yet are left out (an input that started later does not count as 0).
//   - Rules over the contributing values v_i: sum Σv; average Σv/n; weighted average Σw_i·v_i/Σw_i,
//     w_i = the input metric's own `weight` (a date whose contributing weights are all 0 gets no
//     value); min; max.
//   - Health: the latest value of the series against the target. higher_is_better: value ≥ target is
//     on target; lower_is_better: value ≤ target. No value: no_data; a value but no target: no_target.
//   - Loops. Commands refuse roll-ups that lead back to the metric (edit/rules.cpp check_metric); a
//     broken file may still hold one. Evaluation never hangs: an input reached again while it is
//     being computed contributes nothing to that path, so figures on a loop depend on the order of
//     evaluation (that is the only case where update() may differ from a fresh Evaluation).
//
// Cost: a full evaluation is linear in values × roll-up fan-in; update() recomputes only the changed
// metric and the metrics that roll it up, transitively (bench/bench_kpi.cpp).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/model.hpp"

namespace wm::kpi {

enum class Health { no_data, no_target, on_target, off_target };

struct Point {
    Date date;
    double value = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

struct Reading {
    std::vector<Point> series;          // the metric's series for one segment by date; computed for roll-ups
    std::optional<double> latest;       // last value of series
    std::optional<Date> latest_date;
    Health health = Health::no_data;    // latest vs target and direction
    bool computed = false;              // true when the metric rolls up its inputs
    friend bool operator==(const Reading&, const Reading&) = default;
};

Health health_of(const Metric& m, std::optional<double> value);
// "on target", "off target", "no target", "no data".
const char* health_name(Health h);
// True when the metric is computed from its inputs (rule set and at least one input exists).
bool is_computed(const Workspace& ws, const Metric& m);

// How a KPI reads on a tile, a stage header or a picture (the canvases and io/export_svg share it).
// "42", "3.5", "1250": whole numbers and large ones without decimals, else one; always a point.
std::string short_number(double v);
// "NPS 42 / 45 %" (name, latest, target, unit), or "NPS — no values".
std::string headline_text(const Metric& m, const Reading& r);
// The same with its health in words, for a tooltip or a screen reader: "NPS 42 / 45 % (off target)".
std::string headline_words(const Metric& m, const Reading& r);
// A sparkline in the box (x0, y0)–(x1, y1): the last 64 points spaced by date (a single one at the
// right), scaled so the target fits too; `dot` is the radius of the latest point's dot. No points:
// the reading has no values (callers draw a flat baseline).
struct SparkPoint {
    float x = 0, y = 0;
};
struct SparkGeometry {
    std::vector<SparkPoint> points;
    std::optional<float> target_y;
    float dot = 0;
};
SparkGeometry sparkline_geometry(const Reading& r, const Metric& m, float x0, float y0, float x1, float y1);
// The rule applied to plain numbers (one date's contributing values with their weights); nullopt when
// nothing contributes or all weights of a weighted average are 0. Exposed for tests and the editor.
std::optional<double> combine(RollUp rule, const std::vector<double>& values, const std::vector<double>& weights);

// The unit a roll-up carries up: the unit its existing inputs share (compared ignoring case and
// surrounding spaces; the first input's spelling), "" when they have none or differ. The KPI editor
// gives it to a roll-up that has no unit of its own, so "Orders (count)" rolls up into a count.
std::string common_unit(const Workspace& ws, const std::vector<Id>& inputs);

class Evaluation {
public:
    Evaluation() = default;
    explicit Evaluation(const Workspace& ws);             // evaluates every metric
    const Reading& reading(Id metric) const;               // the whole (segment ""); unknown id -> a static no_data reading
    const Reading& reading(Id metric, const std::string& segment) const;
    // Segments with a series, sorted; "" (the whole) first when present.
    const std::vector<std::string>& segments(Id metric) const;
    // The whole if it has data, else the first segment with data, else the whole; *segment_out gets its name.
    const Reading& headline(Id metric, std::string* segment_out = nullptr) const;
    // Metrics that list `metric` among their inputs (workspace order).
    const std::vector<Id>& rolled_up_by(Id metric) const;
    void update(const Workspace& ws, Id changed_metric);   // recompute the changed metric and everything that rolls it up
    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    friend bool operator==(const Evaluation&, const Evaluation&);

private:
    struct Entry {
        std::vector<std::string> segments;   // sorted, "" first
        std::vector<Reading> readings;       // parallel to segments
        bool computed = false;
        std::vector<Id> inputs;              // the inputs used (existing, once each), for update()
    };
    void index(const Workspace& ws);
    void evaluate(const Workspace& ws, std::size_t at, std::vector<char>& state);

    std::unordered_map<Id, Entry> entries_;
    std::unordered_map<Id, std::vector<Id>> dependents_;   // input -> metrics rolling it up
    std::unordered_map<Id, std::size_t> position_;         // metric -> index in ws.metrics (last index())
};

}  // namespace wm::kpi
