// Prioritisation: one set of rules (the workspace's ScoringModel) scores every opportunity of every
// journey, so the backlog is one list across the framework. Pure C++; the backlog view, the CSV
// export and the tests all call these functions, so what the user sees is what the file says.
//
// The math (docs/design.md "Scoring" says the same in prose):
//   points(c)       = weight(c) × score(c)        — an unrated criterion counts as the middle of its
//                                                   scale, and the breakdown says so
//   customer value  C = Σ points over customer criteria
//   business value  B = Σ points over business criteria
//   effort          E = Σ points over effort criteria (no effort criteria: E = 1; E < 1 counts as 1,
//                       so a score stays finite and "free" work cannot divide by zero)
//   evidence        S = strength of the strongest linked insight, 0..1 (see evidence_strength)
//   evidence factor F = 1 − evidence_weight × (1 − S)   — unbacked work loses up to evidence_weight
//   priority        P = (C + B) × F ÷ E
// Addition, not multiplication, so every criterion's contribution can be said in points ("why is
// this #3?") and a zero on one criterion does not wipe out the others. Presets map onto it (presets
// below): WSJF exactly, RICE and ICE with confidence taken from the evidence of linked insights.
//
// Ranking: open opportunities (idea, validated, planned, in progress, and not "will not do") are
// ranked 1..n by P, ties broken by customer value, then title, then id, so the order is total and
// stable. Done and will-not-do opportunities are not ranked (rank 0) and are listed after the ranked
// ones, in the same order among themselves: they stay visible — a "no" is a decision people need to
// find — but never push open work down.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace wm::scoring {

// [SECTION] Evidence ------------------------------------------------------------------------------
// Strength of one insight: validated 1.0, observed 0.6, assumed 0.2. A validated or observed insight
// that is stale — never dated, or last validated more than `stale_after_days` before `today` —
// counts one level lower (validated → 0.6, observed → 0.2): old research still says something, but
// less. Assumed insights are hypotheses and have nothing to go stale.
// With evidence_weight 0.5 (the RICE and ICE presets) the factor F becomes 100 % / 80 % / 60 %,
// close to RICE's own confidence steps (100 % high, 80 % medium, 50 % low).
double insight_strength(const Insight& insight, Date today, int stale_after_days);
bool insight_is_stale(const Insight& insight, Date today, int stale_after_days);

// Strength of an opportunity's evidence: the strongest linked insight, 0 when none is linked. The
// maximum, not the mean, so linking one more (weaker) insight never lowers a priority — people
// should not be punished for recording their assumptions.
double evidence_strength(const Workspace& ws, const Opportunity& opportunity, Date today);

// [SECTION] Scores --------------------------------------------------------------------------------
struct Contribution {
    Id criterion;
    std::string name;
    CriterionGroup group = CriterionGroup::customer;
    double weight = 1;
    double value = 0;        // the score used (the middle of the scale when not rated)
    bool rated = false;
    double points = 0;       // weight × value
    std::string words;       // "Reach 4 × weight 1 = 4 points (customer value)"
};

struct Score {
    Id opportunity;
    double customer = 0;     // C
    double business = 0;     // B
    double effort = 1;       // E as used (at least 1)
    double evidence = 0;     // S, 0..1
    double evidence_factor = 1;
    double priority = 0;     // P
    // C and B as 0..100 % of what the model allows (all criteria at the bottom of their scale = 0,
    // all at the top = 100): the matrix axes, comparable across models.
    double customer_pct = 0;
    double business_pct = 0;
    double effort_pct = 0;
    int unrated = 0;         // criteria not rated (counted at mid-scale)
    std::vector<Contribution> contributions;  // in the model's criterion order
};

Score score(const Workspace& ws, const Opportunity& opportunity, Date today);

// "Why is this #3?": the score explained in sentences, one per line: the formula with this
// opportunity's numbers, then each criterion's contribution, the evidence, and the rank rule.
std::vector<std::string> explain(const Workspace& ws, const Score& score, int rank);

// [SECTION] Ranking -------------------------------------------------------------------------------
struct Ranked {
    const Opportunity* opportunity = nullptr;
    Score score;
    int rank = 0;            // 1..n for open opportunities, 0 for done / will-not-do
};

bool is_ranked(const Opportunity& opportunity);   // open and not will-not-do

// Every opportunity of the workspace: ranked ones first by rank, then the unranked ones.
std::vector<Ranked> rank(const Workspace& ws, Date today);

// [SECTION] Where an opportunity sits --------------------------------------------------------------
// The lifecycle (level-0) stages an opportunity belongs to, through its journeys and steps: a step
// or journey on a level-0 journey gives that stage directly; any other journey gives the stages its
// parent links lead to, walking up the framework (all parents, not just the first). Workspace order
// of the level-0 stages, no duplicates.
std::vector<Id> lifecycle_stages(const Workspace& ws, const Opportunity& opportunity);
// The levels of the journeys an opportunity hangs on (its journeys and its steps' journeys), sorted.
std::vector<int> levels(const Workspace& ws, const Opportunity& opportunity);
// Its journeys (Opportunity::journeys plus the journeys of its steps), no duplicates.
std::vector<Id> journeys(const Opportunity& opportunity);

// [SECTION] Presets --------------------------------------------------------------------------------
// Factories with fresh criterion ids. How each maps onto the groups (C + B) × F ÷ E:
//   waymark  the default model (model.cpp): pain relieved ×2 + reach (customer), revenue ×2 +
//            strategic fit (business), effort; evidence weight 0.2.
//   rice     Reach 1..10 (customer), Impact 1..5 ×2 (business: impact on the goal), Effort 1..10
//            person-weeks (effort); Confidence is the evidence of linked insights (weight 0.5). RICE
//            multiplies reach and impact; Waymark adds their points, so two opportunities with the
//            same impact rank exactly as in RICE, and otherwise the order can differ.
//   ice      Impact 1..10 (customer), Ease 1..10 (business: an easy win is worth more), no effort
//            criteria (ease already is the inverse of effort); Confidence = evidence (weight 0.5).
//   wsjf     User-business value (customer), Time criticality and Risk reduction / opportunity
//            enablement (business), Job size (effort), all 1..20 (Fibonacci steps), weight 1,
//            evidence weight 0: P = (BV + TC + RR/OE) ÷ job size, exactly WSJF.
struct Preset {
    const char* key;         // ScoringModel::preset
    const char* title;
    const char* summary;     // one line for the picker
};
const std::vector<Preset>& presets();
ScoringModel preset_model(std::string_view key);   // unknown keys give the waymark model
// The preset as it replaces `current`: a criterion whose name (ignoring case) matches one of the
// current model keeps that criterion's id, so its scores survive the switch (clamped into the new
// scale by edit::replace_scoring_model); the rest start unrated. "Reach" and "Effort" carry over
// between the waymark and RICE presets this way.
ScoringModel adopt_preset(const ScoringModel& current, std::string_view key);

const char* group_name(CriterionGroup group);      // "customer value", "business value", "effort"

// [SECTION] From a pain --------------------------------------------------------------------------------
// An opportunity made from a pain card starts rated on how much pain it would relieve: the card's
// severity (1..5) at the same place on the model's "Customer pain relieved" criterion (matched by
// name, ignoring case), to a whole point — a severity 4 is a 4 on 1–5, an 8 on 1–10. nullopt when
// the card's severity is not rated (0) or the model has no such criterion.
inline constexpr std::string_view kPainRelieved = "Customer pain relieved";
std::optional<CriterionScore> pain_relief_rating(const ScoringModel& model, int severity);

}  // namespace wm::scoring
