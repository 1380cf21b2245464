// Synthetic workspaces for tests, the JS test hook `waymark.generate(spec)` and benchmarks.
//
// The result is always valid: every reference resolves, ids are unique, the child hierarchy is a
// tree-shaped DAG whose children sit exactly one level below their parent, and the level names
// match `levels`. It is deterministic for a given spec (seed included) on every platform: only raw
// mt19937_64 output is used, never std:: distributions, whose algorithms differ between libstdc++
// and libc++.
#pragma once

#include <cstdint>

#include "model/limits.hpp"
#include "model/model.hpp"

namespace wm {

struct GenerateSpec {
    int journeys = 10;           // including the L0 lifecycle root
    int levels = 3;              // framework levels (level names are generated to match)
    int steps_per_journey = 8;
    int lanes_per_journey = 6;
    int cards_per_cell = 1;      // in every text / pain / gain / touchpoint lane cell
    std::uint64_t seed = 1;
};

// Sane maxima: absurd specs (from a fuzzer or a typo in the console) are clamped, not refused, so
// the hook never runs out of memory.
struct GenerateLimits {
    static constexpr int max_journeys = 5000;
    static constexpr int max_levels = 8;
    static constexpr int max_steps = 200;
    static constexpr int max_lanes = 40;
    static constexpr int max_cards_per_cell = 50;
    // Up to three emotion scores per step (everyone + two personas), within the file limits.
    static constexpr long long max_total_steps = static_cast<long long>(limits::kMaxEmotionScores) / 3;
    static constexpr long long max_total_cards = static_cast<long long>(limits::kMaxCards);
};

// The spec after clamping: journeys 1..max, levels 1..max, steps 1..max, lanes 0..max,
// cards_per_cell 0..max; then steps_per_journey is lowered until journeys × steps is within
// max_total_steps (which bounds emotion scores) and one card per card cell fits max_total_cards, and
// finally cards_per_cell until the card total is within max_total_cards. Both follow model/limits.hpp, so a generated workspace can always be exported and
// imported again.
GenerateSpec clamp_spec(const GenerateSpec& spec);

// Number of cards generate_workspace(spec) produces (after clamping).
long long generated_card_count(const GenerateSpec& spec);

Workspace generate_workspace(const GenerateSpec& spec);

}  // namespace wm
