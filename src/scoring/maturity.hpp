// The maturity scan: where a team stands on the way to journey mastery (DESIGN.md job 8).
//
// Two views of the same question, kept side by side:
//   - the self-assessment: a questionnaire of five questions per mastery area, each answer placing
//     the team on the five-stage scale (seeds 001/002), turned into a stage per area and overall;
//   - the evidence: indicators computed from the workspace itself (coverage, personas, validated
//     insights, scored opportunities, KPIs, to-be journeys), each with the list of what is missing.
// Where the two differ by two stages or more, disagreements() says so: a team that answers
// "company-wide framework" with three journeys mapped should hear it, and so should a modest one.
//
// Pure C++ (no UI): the questionnaire is C++ data so that question keys are checked at compile time
// against the sample and tests; the stored MaturityScan keeps only keys and stages, so rewording a
// question never invalidates old scans.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace wm::maturity {

enum class Area : std::uint8_t { insight, framework, prioritisation };
inline constexpr int kAreaCount = 3;
inline constexpr int kStageCount = 5;
inline constexpr std::array<Area, kAreaCount> kAreas = {Area::insight, Area::framework, Area::prioritisation};

struct Question {
    const char* key;                          // stable, stored in ScanAnswer::question
    Area area;
    const char* text;
    std::array<const char*, kStageCount> options;  // options[i] places the team at stage i + 1
};

// Every question, grouped by area (insight, framework, prioritisation), five per area.
const std::vector<Question>& questionnaire();
const Question* find_question(const std::string& key);

const char* area_name(Area area);             // "Deep customer insight", ...
const char* area_key(Area area);              // "insight", "framework", "prioritisation"
const char* stage_name(int stage);            // 1..5 → "Intuition-driven" .. "Journey mastery"; else "Not assessed"
const char* stage_summary(int stage);         // one sentence describing the stage

// ---------------------------------------------------------------------------------------------
// The self-assessment
// ---------------------------------------------------------------------------------------------
struct AreaResult {
    Area area = Area::insight;
    int questions = 0;                        // questions of this area in the questionnaire
    int answered = 0;
    int sum = 0;                              // sum of the answered stages
    double score = 0;                         // mean of the answered stages (0 when none)
    int stage = 0;                            // floor of the mean: 1..5, 0 when nothing answered
};

struct ScanResult {
    std::array<AreaResult, kAreaCount> areas;
    int answered = 0;
    int questions = 0;
    double score = 0;                         // mean of the area scores of the answered areas
    // The weakest area's stage: mastery needs all three (seed 001: insight and a framework without
    // prioritisation lack strategy, and so on). 0 until every area has at least one answer.
    int stage = 0;
    [[nodiscard]] const AreaResult& area(Area a) const { return areas[static_cast<std::size_t>(a)]; }
    [[nodiscard]] bool complete() const { return answered == questions; }
};

// Answers with unknown keys (an older questionnaire) and stages outside 1..5 are ignored; a key
// answered twice counts once (the last answer).
ScanResult compute(const std::vector<ScanAnswer>& answers);
inline ScanResult compute(const MaturityScan& scan) { return compute(scan.answers); }

// What to do next in `area` for a team at `stage` (0 is treated as 1): concrete steps in our words,
// leading towards the next stage; at stage 5, how to keep it.
std::vector<std::string> next_steps(Area area, int stage);

// ---------------------------------------------------------------------------------------------
// The evidence: indicators computed from the workspace
// ---------------------------------------------------------------------------------------------
struct Missing {
    Id id;                                    // the thing that is missing something (journey, step, insight, ...)
    std::string name;                         // how to show it ("Buying a phone plan › Pay")
    Id journey;                               // the journey to open to fix it (nil: none)
};

struct Indicator {
    std::string key;                          // "coverage.lifecycle", ... (stable, used by tests and the UI)
    Area area = Area::insight;
    std::string title;                        // "Lifecycle stages with a journey"
    std::string explanation;                  // what counts, in one sentence
    std::size_t have = 0;
    std::size_t total = 0;
    std::vector<Missing> missing;             // total - have entries, in workspace order
    [[nodiscard]] double ratio() const { return total == 0 ? 0.0 : double(have) / double(total); }
};

inline constexpr int kRecentKpiDays = 92;     // a KPI value is recent within about a quarter

// In this order: coverage.lifecycle, coverage.macro-steps, journeys.personas, insights.fresh,
// opportunities.scored, kpis.tracked, journeys.to-be. `today` decides freshness (insights within
// Settings::stale_after_days, KPI values within kRecentKpiDays); dates after today count as fresh.
std::vector<Indicator> indicators(const Workspace& ws, Date today);

// Ratio 0..1 → stage 1..5 in equal bands centred on 0, .25, .5, .75, 1.
int evidence_stage(double ratio);

struct AreaEvidence {
    Area area = Area::insight;
    double ratio = 0;                         // mean ratio of the area's indicators
    int stage = 0;                            // evidence_stage(ratio); 0 when the area has no indicator
};
std::array<AreaEvidence, kAreaCount> evidence_by_area(const std::vector<Indicator>& indicators);

struct Disagreement {
    Area area = Area::insight;
    int answered = 0;                         // stage from the answers
    int evidence = 0;                         // stage the workspace suggests
    std::string sentence;                     // names the weakest indicator of the area
};
// Areas where answers and evidence are two stages or more apart (areas without answers are skipped).
std::vector<Disagreement> disagreements(const ScanResult& result, const std::vector<Indicator>& indicators);

// ---------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------
struct HistoryPoint {
    Id scan;
    Date date;
    ScanResult result;
};
// Every scan of the workspace, oldest first (ties keep workspace order).
std::vector<HistoryPoint> history(const Workspace& ws);

}  // namespace wm::maturity
