// Current vs to-be: the linked copy a redesign starts from, and the comparison of a to-be journey
// with the current journey it redesigns.
//
// The copy (make_to_be_copy) is the current journey with fresh ids for the journey and every part of
// it, card and emotion-score references remapped to the new parts, state to-be, counterpart = the
// current journey. What it keeps and drops is argued in docs/design.md ("Current and to-be"): it
// keeps cards with their links to personas, channels, insights and opportunities (the evidence still
// applies to the redesign), and drops the KPIs (Journey::metrics: a design is not measured yet; the
// current journey's KPIs are what the redesign is judged against). The command that adds it to the
// document is edit::create_to_be (edit/to_be.hpp).
//
// The comparison (compare_journeys) cannot match by id (a copy has new ids), so it aligns by name:
//   1. steps, flattened in stage-then-step order, are aligned by normalised name (lower case, spaces
//      collapsed) with a longest common subsequence that prefers pairs whose stages also share a
//      name (so a duplicate step name pairs with the one in the same stage);
//   2. between two aligned pairs, left-over steps are paired as renamed when their names or card
//      texts are similar enough (character-bigram Dice / card-text overlap ≥ 0.5), and in place
//      (both sides have as many left-overs, in stages of the same name) also when neither step has
//      cards — a step replaced by one with other cards is removed + added, not renamed;
//   3. steps still unpaired whose names are equal are paired as moved (taken out of order);
//   4. stages correspond by name, else by where most of their steps went (a renamed stage); a stage
//      out of order among the corresponding ones is moved;
//   5. lanes correspond by normalised name (duplicates in order); in each cell, cards pair by
//      normalised text, then by similar text (edited), then, when as many are left on both sides,
//      in order (rewritten in place: edited); emotion scores are compared per persona.
// Everything else is added (to-be only) or removed (current only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace wm {

// [SECTION] The to-be copy -------------------------------------------------------------------------

// "<title> (to-be)", or "(to-be 2)", "(to-be 3)"… when that title is taken.
std::string to_be_title(const Workspace& ws, const Journey& current);

// A deep copy of `current` for `ws`, ids from `gen` (the journey's id too: set it after if the caller
// chose one). Status prototype; KPIs not copied (see above).
Journey make_to_be_copy(const Workspace& ws, const Journey& current, IdGenerator& gen);

// [SECTION] The comparison -------------------------------------------------------------------------

inline constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

enum class DiffKind : std::uint8_t { same, changed, added, removed };
std::string_view diff_kind_name(DiffKind kind);  // "same", "changed", "added", "removed"

// How two steps were paired (none: added or removed).
enum class StepMatch : std::uint8_t { none, name, position, similar, moved };

// Trimmed, ASCII letters lower-cased, runs of white space as one space.
std::string normalise_name(std::string_view text);

struct LaneMatch {
    std::string name;                    // the to-be lane's name, else the current one's
    LaneKind kind = LaneKind::text;
    Id current, to_be;                   // nil on the side that lacks the lane
    DiffKind diff = DiffKind::same;      // added, removed, changed (kind differs) or same
};

// One card as shown on one side of a cell. `kind` is same / changed (text or details edited; `other`
// is the text on the other side) / added (to-be side only) / removed (current side only).
struct CardSide {
    Id card;
    std::string text;
    std::string other;
    DiffKind kind = DiffKind::same;
};

struct ScoreDiff {
    Id persona;                          // nil: everyone
    std::optional<int> before, after;
    DiffKind kind = DiffKind::same;
};

// The cards (and, on emotion lanes, scores) of one lane at one aligned step; only lanes where either
// side has something get a cell.
struct CellDiff {
    std::size_t lane = kNoIndex;         // into JourneyDiff::lanes
    std::vector<CardSide> current, to_be;  // each side in its own card order
    std::vector<ScoreDiff> scores;
    bool differs = false;
};

struct JourneyDiff;

struct StepDiff {
    DiffKind kind = DiffKind::same;
    StepMatch match = StepMatch::none;
    Id current, to_be;                   // nil on the side that lacks the step
    std::string current_name, to_be_name;
    std::size_t current_stage = kNoIndex, to_be_stage = kNoIndex;  // stage indices in each journey
    std::size_t stage = kNoIndex;        // into JourneyDiff::stages: the group the row is shown in
    bool renamed = false, moved = false, description_changed = false, moment_changed = false;
    bool moment_of_truth = false;        // on the to-be side (else the current side)
    std::size_t cards_added = 0, cards_removed = 0, cards_changed = 0;
    bool scores_changed = false;
    std::vector<CellDiff> cells;         // in JourneyDiff::lanes order
    // "renamed · moved from “Browse” · 2 cards added · emotion changed" ("" when the same).
    [[nodiscard]] std::string what_changed(const JourneyDiff& diff) const;
};

struct StageDiff {
    DiffKind kind = DiffKind::same;      // changed = renamed or moved
    std::size_t current = kNoIndex, to_be = kNoIndex;
    std::string current_name, to_be_name;
    bool renamed = false, moved = false;
};

struct JourneyDiff {
    Id current, to_be;
    std::vector<LaneMatch> lanes;        // to-be lane order, then the lanes only the current has
    std::vector<StageDiff> stages;       // to-be stage order, removed stages where they were
    std::vector<StepDiff> steps;         // display order: to-be order, removed steps where they were
    std::size_t added = 0, removed = 0, changed = 0, same = 0;  // steps
    std::size_t stages_changed = 0;      // stages added, removed, renamed or moved
    // "3 steps added, 1 removed, 4 changed" or "No differences: 12 steps the same".
    [[nodiscard]] std::string summary() const;
};

JourneyDiff compare_journeys(const Workspace& ws, const Journey& current, const Journey& to_be);

}  // namespace wm
