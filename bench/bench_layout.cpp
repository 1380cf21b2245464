// Journey-map layout timings: layout_journey on a generated 200-step × 30-lane journey with one card
// in every card cell, then the per-frame queries the view makes (culling a viewport, hit-testing the
// pointer, find). Prints figures only; it never asserts timings (machines differ).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string_view>

#include "layout/journey_layout.hpp"
#include "model/generate.hpp"

using namespace wm;
using namespace wm::layout;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

template <class F>
void time_it(const char* label, int repeats, F&& f) {
    const auto start = Clock::now();
    std::size_t sink = 0;
    for (int r = 0; r < repeats; ++r) sink += f(r);
    std::printf("  %-48s %11.6f ms  (x%d, result %zu)\n", label, ms_since(start) / repeats, repeats,
                sink / static_cast<std::size_t>(repeats));
}

// Roughly what the view's font measures: 7 units per byte on average, 18 per line, greedy by width.
float text_height(std::string_view text, float wrap) {
    const float per_line = std::max(1.0f, std::floor(wrap / 7.0f));
    return 18.0f * std::max(1.0f, std::ceil(static_cast<float>(text.size()) / per_line));
}

}  // namespace

int main() {
    GenerateSpec spec;
    spec.journeys = 3;
    spec.levels = 2;
    spec.steps_per_journey = 200;
    spec.lanes_per_journey = 30;
    spec.cards_per_cell = 1;
    const Workspace ws = generate_workspace(spec);
    const Journey& journey = ws.journeys[0];
    const TextHeight measure = text_height;

    const JourneyLayout l = layout_journey(ws, journey, measure);
    std::printf("bench_layout: %d columns, %d rows, %zu cards, %zu items, body %.0f x %.0f units\n", l.column_count(),
                l.row_count(), journey.cards.size(), l.items.size(), static_cast<double>(l.width),
                static_cast<double>(l.height));

    time_it("layout_journey (200 steps x 30 lanes)", 50, [&](int) { return layout_journey(ws, journey, measure).items.size(); });

    // A 1600 x 900 viewport at zoom 1 panned over the body: what one frame culls and draws.
    std::mt19937 rng(3);
    std::vector<Vec2> origins;
    for (int i = 0; i < 1000; ++i)
        origins.push_back(Vec2{static_cast<float>(rng() % static_cast<unsigned>(l.width)),
                               static_cast<float>(rng() % static_cast<unsigned>(l.height))});
    time_it("columns_in + rows_in (one viewport)", 100000, [&](int r) {
        const Vec2 o = origins[static_cast<std::size_t>(r) % origins.size()];
        return static_cast<std::size_t>(l.columns_in(o.x, o.x + 1600).size() + l.rows_in(o.y, o.y + 900).size());
    });
    time_it("visible items of one viewport (cull + cell_items)", 10000, [&](int r) {
        const Vec2 o = origins[static_cast<std::size_t>(r) % origins.size()];
        const Span cs = l.columns_in(o.x, o.x + 1600), rs = l.rows_in(o.y, o.y + 900);
        std::size_t n = 0;
        for (int row = rs.begin; row < rs.end; ++row)
            for (int c = cs.begin; c < cs.end; ++c) n += static_cast<std::size_t>(l.cell_items(row, c).size());
        return n;
    });
    time_it("hit (pointer over the body)", 100000, [&](int r) {
        const Vec2 o = origins[static_cast<std::size_t>(r) % origins.size()];
        return static_cast<std::size_t>(l.hit(o.x, o.y).item + 1);
    });
    time_it("step_slot_at + lane_slot_at (a drag)", 100000, [&](int r) {
        const Vec2 o = origins[static_cast<std::size_t>(r) % origins.size()];
        return static_cast<std::size_t>(l.step_slot_at(o.x).index + l.lane_slot_at(o.y));
    });
    time_it("find_in_map(\"delivery\")", 20, [&](int) { return find_in_map(ws, journey, l, "delivery").size(); });
    return 0;
}
