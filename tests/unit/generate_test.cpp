// The synthetic workspace generator (model/generate.hpp): it honours the spec, clamps absurd specs,
// is deterministic per seed and always yields a valid framework.
#include <doctest/doctest.h>

#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "framework/framework.hpp"
#include "model/generate.hpp"
#include "model/validate.hpp"

using namespace wm;

std::vector<std::string> reference_problems(const Workspace& ws);  // defined in sample_test.cpp

namespace {
std::size_t card_count(const Workspace& ws) {
    std::size_t n = 0;
    for (const auto& j : ws.journeys) n += j.cards.size();
    return n;
}
std::size_t step_count(const Journey& j) {
    std::size_t n = 0;
    for (const auto& s : j.stages) n += s.steps.size();
    return n;
}
}  // namespace

TEST_CASE("the generator honours the spec and yields a valid workspace") {
    GenerateSpec spec;
    spec.journeys = 25;
    spec.levels = 4;
    spec.steps_per_journey = 7;
    spec.lanes_per_journey = 9;
    spec.cards_per_cell = 2;
    spec.seed = 99;
    const Workspace ws = generate_workspace(spec);

    REQUIRE(ws.journeys.size() == 25);
    CHECK(ws.settings.level_names.size() == 4);
    std::set<int> levels;
    int roots = 0;
    for (const auto& j : ws.journeys) {
        levels.insert(j.level);
        CHECK(step_count(j) == 7);
        CHECK(j.lanes.size() == 9);
        std::set<LaneKind> kinds;
        for (const auto& l : j.lanes) kinds.insert(l.kind);
        CHECK(kinds.size() >= 7);  // text, touchpoint, emotion, pain, gain, opportunity, insight, ...
        CHECK_FALSE(j.emotions.empty());
        if (j.level == 0) ++roots;
    }
    CHECK(roots == 1);
    CHECK(ws.journeys[0].level == 0);
    REQUIRE(ws.journeys[0].stages.size() == 5);
    CHECK(ws.journeys[0].stages[0].name == "Awareness");
    CHECK(levels == std::set<int>{0, 1, 2, 3});
    CHECK(ws.links.size() == 24);  // every non-root journey hangs under one parent

    // Card lanes of the first nine: Customer actions, Touchpoints, Pains, Gains, Backstage.
    CHECK(card_count(ws) == 25u * 7u * 5u * 2u);
    CHECK(generated_card_count(spec) == 25 * 7 * 5 * 2);

    CHECK(ws.personas.size() == 3);
    CHECK_FALSE(ws.insights.empty());
    CHECK_FALSE(ws.opportunities.empty());
    CHECK_FALSE(ws.metrics.empty());
    for (const auto& o : ws.opportunities) CHECK(o.scores.size() == ws.settings.scoring.criteria.size());

    const auto problems = reference_problems(ws);
    for (const auto& p : problems) MESSAGE(p);
    CHECK(problems.empty());
    const auto framework = check_framework(ws);
    for (const auto& p : framework) MESSAGE(p);
    CHECK(framework.empty());
    const auto invalid = validate(ws);
    for (const auto& p : invalid) MESSAGE(p);
    CHECK(invalid.empty());
    Framework fw(ws);
    CHECK_FALSE(fw.has_loop());
    CHECK(fw.orphans().empty());
    CHECK(fw.roots().size() == 1);
}

TEST_CASE("the generator is deterministic per seed") {
    GenerateSpec spec;
    spec.seed = 5;
    CHECK(generate_workspace(spec) == generate_workspace(spec));
    GenerateSpec other = spec;
    other.seed = 6;
    CHECK_FALSE(generate_workspace(spec) == generate_workspace(other));
}

TEST_CASE("the generator handles edge specs and clamps absurd ones") {
    SUBCASE("a single level: only roots, no links") {
        GenerateSpec spec;
        spec.levels = 1;
        spec.journeys = 4;
        const Workspace ws = generate_workspace(spec);
        CHECK(ws.links.empty());
        CHECK(ws.settings.level_names.size() == 1);
        CHECK(reference_problems(ws).empty());
        CHECK(check_framework(ws).empty());
        CHECK(validate(ws).empty());
    }
    SUBCASE("tiny and empty specs") {
        GenerateSpec spec;
        spec.journeys = 0;
        spec.levels = 0;
        spec.steps_per_journey = 0;
        spec.lanes_per_journey = 0;
        spec.cards_per_cell = -3;
        const Workspace ws = generate_workspace(spec);
        CHECK(ws.journeys.size() == 1);
        CHECK(step_count(ws.journeys[0]) == 1);
        CHECK(card_count(ws) == 0);
        CHECK(reference_problems(ws).empty());
        CHECK(check_framework(ws).empty());
        CHECK(validate(ws).empty());
    }
    SUBCASE("absurd specs are clamped within the limits") {
        GenerateSpec spec;
        spec.journeys = 1'000'000;
        spec.levels = 1000;
        spec.steps_per_journey = 1'000'000;
        spec.lanes_per_journey = 1000;
        spec.cards_per_cell = 1000;
        const GenerateSpec c = clamp_spec(spec);
        CHECK(c.journeys == GenerateLimits::max_journeys);
        CHECK(c.levels == GenerateLimits::max_levels);
        CHECK(c.lanes_per_journey == GenerateLimits::max_lanes);
        CHECK(static_cast<long long>(c.journeys) * c.steps_per_journey <= GenerateLimits::max_total_steps);
        CHECK(generated_card_count(spec) <= GenerateLimits::max_total_cards);
    }
    SUBCASE("many levels with few journeys still links every journey") {
        GenerateSpec spec;
        spec.levels = 8;
        spec.journeys = 30;
        const Workspace ws = generate_workspace(spec);
        CHECK(ws.settings.level_names.size() == 8);
        CHECK(ws.links.size() == 29);
        CHECK(reference_problems(ws).empty());
        CHECK(check_framework(ws).empty());
        CHECK(validate(ws).empty());
    }
}

TEST_CASE("a spec at the limits still gives a workspace that validates (and so re-imports)") {
    GenerateSpec spec;
    spec.journeys = 400;
    spec.steps_per_journey = 1000;
    spec.lanes_per_journey = 40;
    spec.cards_per_cell = 50;
    const Workspace ws = generate_workspace(spec);
    std::size_t emotions = 0;
    for (const auto& j : ws.journeys) emotions += j.emotions.size();
    CHECK(card_count(ws) <= limits::kMaxCards);
    CHECK(card_count(ws) > limits::kMaxCards / 2);
    CHECK(emotions <= limits::kMaxEmotionScores);
    const auto invalid = validate(ws);
    for (const auto& p : invalid) MESSAGE(p);
    CHECK(invalid.empty());
}

TEST_CASE("the generator makes 100k cards quickly") {
    GenerateSpec spec;
    spec.journeys = 100;
    spec.steps_per_journey = 50;
    spec.lanes_per_journey = 10;  // five card lanes
    spec.cards_per_cell = 4;
    const auto start = std::chrono::steady_clock::now();
    const Workspace ws = generate_workspace(spec);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    CHECK(card_count(ws) == 100'000);
    MESSAGE("100k cards generated in " << ms << " ms");
    CHECK(ms < 5000);  // generous: sanitizer and debug builds are slow; release takes ~0.15 s
}
