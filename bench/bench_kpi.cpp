// KPI roll-up timings on the generated 1,000-journey, 4-level framework, whose macro and micro
// journeys' metrics roll up their children's (model/generate.cpp). Aim (issue 6): recompute after
// one edit ≤ 5 ms. Prints figures only; never asserts timings.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "edit/commands.hpp"
#include "edit/history.hpp"
#include "model/date.hpp"
#include "model/generate.hpp"
#include "scoring/kpi.hpp"

using namespace wm;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main() {
    GenerateSpec spec;
    spec.journeys = 1000;
    spec.levels = 4;
    edit::Document doc(generate_workspace(spec));
    const Workspace& ws = doc.workspace();
    std::size_t computed = 0, inputs = 0, values = 0;
    for (const Metric& m : ws.metrics) {
        computed += kpi::is_computed(ws, m) ? 1 : 0;
        inputs += m.rollup_inputs.size();
        values += m.values.size();
    }
    std::printf("bench_kpi: %zu journeys, %zu metrics (%zu computed, %zu roll-up inputs, %zu values)\n",
                ws.journeys.size(), ws.metrics.size(), computed, inputs, values);

    const int full_runs = 50;
    auto start = Clock::now();
    std::size_t sink = 0;
    for (int r = 0; r < full_runs; ++r) sink += kpi::Evaluation(ws).size();
    std::printf("  %-52s %9.4f ms  (x%d)\n", "full evaluation", ms_since(start) / full_runs, full_runs);

    // One edit at the bottom of the deepest chain: a value of a level-3 journey's metric, which its
    // level-2 and level-1 ancestors roll up. Timed: the update() alone, and with a fresh evaluation
    // for comparison.
    kpi::Evaluation live(ws);
    Id leaf;
    for (std::size_t i = 0; i < ws.metrics.size(); ++i)
        if (ws.journeys[i].level == 3 && !live.rolled_up_by(ws.metrics[i].id).empty()) leaf = ws.metrics[i].id;
    const int edits = 200;
    double update_ms = 0, worst = 0;
    for (int r = 0; r < edits; ++r) {
        doc.execute(edit::set_metric_value(leaf, MetricValue{date_from_ymd(2026, 10, 1), 30.0 + r % 17, ""}));
        const auto t = Clock::now();
        live.update(doc.workspace(), leaf);
        const double ms = ms_since(t);
        update_ms += ms;
        if (ms > worst) worst = ms;
    }
    std::printf("  %-52s %9.4f ms  (x%d, worst %.4f ms)\n", "update() after one value edit (leaf of a 3-level chain)",
                update_ms / edits, edits, worst);
    // An edit of a roll-up's inputs (the index of metrics is rebuilt): drop the leaf, put it back.
    const Id middle = live.rolled_up_by(leaf).front();
    double inputs_ms = 0;
    for (int r = 0; r < edits; ++r) {
        Metric m = *find_by_id(doc.workspace().metrics, middle);
        if (r % 2 == 0) m.rollup_inputs.erase(std::find(m.rollup_inputs.begin(), m.rollup_inputs.end(), leaf));
        else m.rollup_inputs.push_back(leaf);
        doc.execute(edit::replace_metric(m));
        const auto t = Clock::now();
        live.update(doc.workspace(), middle);
        inputs_ms += ms_since(t);
    }
    std::printf("  %-52s %9.4f ms  (x%d)\n", "update() after an edit of a roll-up's inputs", inputs_ms / edits, edits);
    const Id top = live.rolled_up_by(middle).front();
    std::printf("  top of the chain: latest %.3f (%s)\n", *live.reading(top).latest, kpi::health_name(live.reading(top).health));
    std::printf("  update() equals a fresh evaluation: %s (%zu readings)\n",
                live == kpi::Evaluation(doc.workspace()) ? "yes" : "NO", sink / full_runs);
    return 0;
}
