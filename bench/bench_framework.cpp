// Framework graph timings: a 1,000-journey, 4-level framework, each query timed. Prints figures only;
// it never asserts timings (machines differ), so it is safe to run anywhere.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "framework/framework.hpp"
#include "model/model.hpp"

using namespace wm;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// 1 lifecycle, 49 macro, 250 micro, 700 nano journeys; each with 5 stages of 4 steps. Every journey
// below L0 gets one parent on the level above, and a quarter of them a second parent (reuse).
Workspace build_workspace(int journeys) {
    IdGenerator gen(1);
    std::mt19937_64 rng(1);
    Workspace ws;
    ws.settings = default_settings();
    ws.settings.level_names.push_back("Nano journeys");
    const int per_level[4] = {1, journeys * 49 / 1000, journeys / 4, 0};
    std::vector<std::vector<std::size_t>> by_level(4);
    for (int i = 0; i < journeys; ++i) {
        int level = 3;
        if (i < per_level[0]) level = 0;
        else if (i < per_level[0] + per_level[1]) level = 1;
        else if (i < per_level[0] + per_level[1] + per_level[2]) level = 2;
        Journey j;
        j.id = gen.next();
        j.title = "Journey " + std::to_string(i);
        j.level = level;
        for (int s = 0; s < 5; ++s) {
            Stage stage{gen.next(), "Stage " + std::to_string(s), {}};
            for (int t = 0; t < 4; ++t) stage.steps.push_back(Step{gen.next(), "Step " + std::to_string(t), "", false});
            j.stages.push_back(std::move(stage));
        }
        if (level == 1 && i % 5 == 0) {   // some to-be redesigns of earlier macro journeys
            j.state = JourneyState::to_be;
            j.counterpart = ws.journeys[static_cast<std::size_t>(i - 1)].id;
        }
        by_level[static_cast<std::size_t>(level)].push_back(ws.journeys.size());
        ws.journeys.push_back(std::move(j));
    }
    std::uniform_int_distribution<int> stage_pick(0, 4), step_pick(0, 4);
    auto link_under = [&](std::size_t child, int level) {
        const auto& candidates = by_level[static_cast<std::size_t>(level - 1)];
        std::uniform_int_distribution<std::size_t> pick(0, candidates.size() - 1);
        const Journey& p = ws.journeys[candidates[pick(rng)]];
        const Stage& stage = p.stages[static_cast<std::size_t>(stage_pick(rng))];
        const int step = step_pick(rng);
        JourneyLink link{p.id, ws.journeys[child].id, stage.id, step == 4 ? Id{} : stage.steps[static_cast<std::size_t>(step)].id};
        if (std::find(ws.links.begin(), ws.links.end(), link) == ws.links.end()) ws.links.push_back(link);
    };
    for (int level = 1; level < 4; ++level)
        for (std::size_t child : by_level[static_cast<std::size_t>(level)]) {
            link_under(child, level);
            if (child % 4 == 0) link_under(child, level);
        }
    return ws;
}

template <class F>
void time_it(const char* label, int repeats, F&& f) {
    const auto start = Clock::now();
    std::size_t sink = 0;
    for (int r = 0; r < repeats; ++r) sink += f();
    std::printf("  %-44s %9.4f ms  (x%d, result size %zu)\n", label, ms_since(start) / repeats, repeats,
                sink / static_cast<std::size_t>(repeats));
}

}  // namespace

int main() {
    const int n = 1000;
    const Workspace ws = build_workspace(n);
    std::printf("bench_framework: %zu journeys, %zu links, %zu levels\n", ws.journeys.size(), ws.links.size(),
                ws.settings.level_names.size());

    time_it("build Framework from Workspace", 20, [&] { return Framework(ws).size(); });
    const Framework fw(ws);
    const Id root = ws.journeys.front().id;
    const Id macro = ws.journeys[10].id;
    const Id leaf = ws.journeys.back().id;

    time_it("children(L0)", 1000, [&] { return fw.children(root).size(); });
    time_it("parents(leaf)", 1000, [&] { return fw.parents(leaf).size(); });
    time_it("ancestors(leaf)", 1000, [&] { return fw.ancestors(leaf).size(); });
    time_it("descendants(L0) (whole framework)", 100, [&] { return fw.descendants(root).size(); });
    time_it("descendants(macro)", 1000, [&] { return fw.descendants(macro).size(); });
    time_it("rollup_order()", 1000, [&] { return fw.rollup_order().size(); });
    time_it("orphans()", 1000, [&] { return fw.orphans().size(); });
    time_it("links_of(leaf)", 1000, [&] { return fw.links_of(leaf).size(); });
    time_it("to_be_of / variants(macro)", 1000, [&] { return fw.to_be_of(macro).size() + fw.variants(macro).size(); });
    time_it("coverage(macro)", 1000, [&] { return fw.coverage(macro).steps.size(); });
    time_it("coverage_summary()", 100, [&] { return fw.coverage_summary().macro_steps.size(); });

    const Journey& m = ws.journeys[10];
    const JourneyLink ok{m.id, ws.journeys[900].id, m.stages[0].id, {}};
    const JourneyLink loop{ws.journeys.back().id, root, ws.journeys.back().stages[0].id, {}};
    time_it("Framework::check_link (snapshot, no rebuild)", 1000, [&] { return fw.check_link(ok).has_value() ? 1 : 0; });
    time_it("check_link(ws, ...) (builds a snapshot)", 20, [&] { return check_link(ws, ok).has_value() ? 1 : 0; });
    time_it("check_link(ws, loop)", 20, [&] { return check_link(ws, loop).has_value() ? 1 : 0; });
    time_it("check_framework(ws)", 20, [&] { return check_framework(ws).size(); });
    return 0;
}
