// Hard limits on a workspace. A file or snapshot beyond them is refused (src/io), and validate()
// reports them, so that a hostile or broken file cannot exhaust the browser tab's memory or make the
// UI unusably slow. The numbers are far above any real journey framework (the largest seed
// workspaces hold a few thousand cards) yet small enough that a file at the limits still loads in
// wasm32's 2-4 GB address space.
//
// (*) Whatever the app lets a user build must export to a file it can import again. Every edit is
// checked against these limits (check_limits, model/validate.hpp, run by edit::Document::execute),
// including an upper bound of the exported file's size, which must stay under kMaxFileBytes: a card
// costs ~500 bytes of pretty-printed JSON (bench/bench_io.cpp: 100k cards = 51 MB) and the bound
// counts ~750, so at extreme sizes the file cap, not kMaxCards, is what stops an edit. A RapidJSON
// DOM of a file at the cap needs roughly 3x its size in memory.
#pragma once

#include <cstddef>
#include <cstdint>

namespace wm::limits {

// Files and snapshots.
inline constexpr std::size_t kMaxFileBytes = 128u * 1024 * 1024;  // import and snapshot size cap (*)
inline constexpr int kMaxNestingDepth = 64;  // JSON [ / { depth; a v1 file needs 8 (RapidJSON recurses)

// Text: one cap for every string field (a long interview quote fits; a novel does not).
inline constexpr std::size_t kMaxTextBytes = 100'000;

// Whole-workspace totals.
inline constexpr std::size_t kMaxJourneys = 10'000;
inline constexpr std::size_t kMaxCards = 200'000;           // across all journeys (*)
inline constexpr std::size_t kMaxEmotionScores = 200'000;   // across all journeys
inline constexpr std::size_t kMaxLinks = 100'000;
inline constexpr std::size_t kMaxPersonas = 10'000;
inline constexpr std::size_t kMaxInsights = 100'000;
inline constexpr std::size_t kMaxOpportunities = 100'000;
inline constexpr std::size_t kMaxMetrics = 100'000;
inline constexpr std::size_t kMaxMetricValues = 1'000'000;  // across all metrics
inline constexpr std::size_t kMaxChannels = 10'000;
inline constexpr std::size_t kMaxScans = 10'000;

// Merge history (model/merge_history.hpp): what a file may carry besides its content.
inline constexpr std::size_t kMaxReplicas = 100'000;           // copies named in one version vector
inline constexpr std::size_t kMaxDetached = 1'000'000;         // tombstones + held-back entities
inline constexpr std::uint64_t kMaxStampCounter = 1ull << 48;  // a Lamport counter grows by one per save

// Per-owner lists.
inline constexpr std::size_t kMaxStages = 1'000;          // per journey
inline constexpr std::size_t kMaxSteps = 1'000;           // per stage
inline constexpr std::size_t kMaxLanes = 1'000;           // per journey
inline constexpr std::size_t kMaxRefs = 10'000;           // ids in one reference list (card personas, ...)
inline constexpr std::size_t kMaxStrings = 1'000;         // tags, goals, needs, pains, jobs, level names
inline constexpr std::size_t kMaxSolutions = 1'000;       // per opportunity
inline constexpr std::size_t kMaxCriteria = 100;          // scoring criteria; also scores per opportunity
inline constexpr std::size_t kMaxScanAnswers = 10'000;    // per scan

// Value ranges.
inline constexpr int kMaxSeverity = 5;                    // 0 = not rated
inline constexpr int kEmotionBound = 100;                 // |emotion_min|, |emotion_max| at most this
inline constexpr int kMaxImpact = 2;                      // insight impact -2..+2
inline constexpr int kMaxScanStage = 5;                   // maturity scan answers 0..5
inline constexpr std::size_t kMaxProblemsReported = 50;   // validate() stops listing after this many

}  // namespace wm::limits
