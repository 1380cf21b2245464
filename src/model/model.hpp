// The Waymark document: one workspace holding the journey framework and its repositories.
//
// Plain value types, no behaviour beyond lookups: the framework graph (src/framework) derives its
// structure from `Workspace::links` and `Journey::counterpart`; every mutation goes through a command
// (src/edit); files and snapshots live in src/io. References are always Ids, never indices, so that
// reordering, merging and importing keep them valid. The all-zero Id means "not set".
//
// Units and conventions: dates are days since 1970-01-01 (model/date.hpp prints them as YYYY-MM-DD);
// colours are 0xRRGGBB; severity 0 means "not rated", 1..5 otherwise; emotion scores live on the
// workspace's emotion scale (Settings::emotion_min..emotion_max).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/id.hpp"
#include "model/merge_history.hpp"

namespace wm {

struct Date {
    std::int32_t days = 0;  // days since 1970-01-01 (proleptic Gregorian)
    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date&, const Date&) = default;
};

// ---------------------------------------------------------------------------------------------
// Enumerations. Each has a stable lowercase name used in files (see enum_names.hpp).
// ---------------------------------------------------------------------------------------------
enum class JourneyState : std::uint8_t { current, to_be };
enum class JourneyStatus : std::uint8_t { unmapped, being_researched, live, prototype };
enum class LaneKind : std::uint8_t { text, touchpoint, emotion, pain, gain, insight, opportunity, metric, journey_link };
enum class InsightType : std::uint8_t { quote, observation, need, pain, gain, trend };
enum class InsightSource : std::uint8_t { interview, survey, analytics, support, other };
enum class Evidence : std::uint8_t { assumed, observed, validated };
enum class OpportunityStatus : std::uint8_t { idea, validated, planned, in_progress, done };
enum class CriterionGroup : std::uint8_t { customer, business, effort };
enum class Direction : std::uint8_t { higher_is_better, lower_is_better };
enum class RollUp : std::uint8_t { none, sum, average, weighted_average, min, max };

// ---------------------------------------------------------------------------------------------
// Journey map
// ---------------------------------------------------------------------------------------------
struct Step {
    Id id;
    std::string name;
    std::string description;
    bool moment_of_truth = false;
    friend bool operator==(const Step&, const Step&) = default;
};

struct Stage {
    Id id;
    std::string name;
    std::vector<Step> steps;
    friend bool operator==(const Stage&, const Stage&) = default;
};

struct Lane {
    Id id;
    std::string name;
    LaneKind kind = LaneKind::text;
    std::string layer;             // layer (group of lanes) name; lanes of one layer are contiguous
    std::uint32_t color = 0x6B7280;
    bool collapsed = false;
    friend bool operator==(const Lane&, const Lane&) = default;
};

struct Card {
    Id id;
    Id lane;
    Id step;
    std::string text;
    std::vector<Id> personas;      // which personas this card concerns (empty: all)
    int severity = 0;              // 0 = not rated, 1..5 (pain/gain lanes)
    Id channel;                    // touchpoint lanes
    std::vector<Id> insights;      // linked insight ids
    std::vector<Id> opportunities; // linked opportunity ids
    friend bool operator==(const Card&, const Card&) = default;
};

// One point of an emotion curve: the score at a step, for a persona (nil persona: everyone).
struct EmotionScore {
    Id lane;
    Id step;
    Id persona;
    int score = 0;
    friend bool operator==(const EmotionScore&, const EmotionScore&) = default;
};

struct Journey {
    Id id;
    std::string title;
    std::string description;
    int level = 0;                          // 0 = lifecycle (L0), 1 = macro, 2 = micro, ...
    JourneyState state = JourneyState::current;
    Id counterpart;                         // for a to-be journey: the current journey it redesigns
    std::string owner;
    JourneyStatus status = JourneyStatus::unmapped;
    std::vector<Id> personas;
    std::vector<std::string> tags;
    std::vector<Stage> stages;
    std::vector<Lane> lanes;
    std::vector<Card> cards;
    std::vector<EmotionScore> emotions;
    std::vector<Id> metrics;                // KPIs attached to this journey (ids into Workspace::metrics)
    friend bool operator==(const Journey&, const Journey&) = default;
};

// Parent-child edge of the framework: the child journey details the parent at a stage (and,
// optionally, one of that stage's steps). A journey may have several parents.
struct JourneyLink {
    Id parent;
    Id child;
    Id stage;                               // a stage of the parent journey
    Id step;                                // optional: a step of that stage
    friend bool operator==(const JourneyLink&, const JourneyLink&) = default;
};

// ---------------------------------------------------------------------------------------------
// Repositories
// ---------------------------------------------------------------------------------------------
struct Persona {
    Id id;
    std::string name;
    std::string role;
    std::string segment;
    std::string quote;
    std::vector<std::string> goals;
    std::vector<std::string> needs;         // needs / drivers
    std::vector<std::string> pains;         // pains / barriers
    std::vector<std::string> jobs;          // jobs to be done
    std::string initials;                   // avatar text (1-3 characters)
    std::uint32_t color = 0x0D9488;         // avatar colour (not the selection's indigo)
    friend bool operator==(const Persona&, const Persona&) = default;
};

// A place in a journey map: a step of a journey.
struct StepRef {
    Id journey;
    Id step;
    friend bool operator==(const StepRef&, const StepRef&) = default;
};

struct Insight {
    Id id;
    std::string title;
    std::string text;
    InsightType type = InsightType::observation;
    InsightSource source = InsightSource::other;
    std::string source_detail;              // e.g. "12 interviews, March 2026"
    Evidence evidence = Evidence::assumed;
    std::optional<Date> last_validated;
    int impact = 0;                         // experience impact, -2 (hurts) .. +2 (delights)
    std::vector<Id> personas;
    std::vector<StepRef> steps;
    std::vector<std::string> tags;
    friend bool operator==(const Insight&, const Insight&) = default;
};

struct CriterionScore {
    Id criterion;
    double value = 0;
    friend bool operator==(const CriterionScore&, const CriterionScore&) = default;
};

struct Solution {
    Id id;
    std::string title;
    std::string description;
    OpportunityStatus status = OpportunityStatus::idea;
    friend bool operator==(const Solution&, const Solution&) = default;
};

struct Opportunity {
    Id id;
    std::string title;
    std::string description;
    std::string owner;
    OpportunityStatus status = OpportunityStatus::idea;
    bool will_not_do = false;
    std::string will_not_do_reason;
    std::vector<Id> journeys;
    std::vector<StepRef> steps;
    std::vector<Id> insights;
    std::vector<Id> personas;
    std::vector<CriterionScore> scores;     // one per scoring criterion that has been rated
    std::vector<Solution> solutions;
    friend bool operator==(const Opportunity&, const Opportunity&) = default;
};

struct MetricValue {
    Date date;
    double value = 0;
    std::string segment;                    // "" = all; else e.g. "NL / Prepaid"
    friend bool operator==(const MetricValue&, const MetricValue&) = default;
};

// A KPI attached to a journey, or to one of its stages or steps.
struct Metric {
    Id id;
    std::string name;
    std::string unit;                       // "%", "EUR", "count", ...
    std::string description;
    std::string owner;
    Direction direction = Direction::higher_is_better;
    std::optional<double> target;
    Id journey;                             // anchor: journey (required) ...
    Id stage;                               // ... optionally narrowed to a stage
    Id step;                                // ... or a step
    RollUp rollup = RollUp::none;           // how this metric is computed from its inputs
    std::vector<Id> rollup_inputs;          // child metrics rolled up into this one
    double weight = 1;                      // this metric's weight when a parent uses weighted_average
    std::vector<MetricValue> values;        // dated values, sorted by date then segment
    friend bool operator==(const Metric&, const Metric&) = default;
};

struct Channel {
    Id id;
    std::string name;
    bool owned = true;                      // the seeds stress touchpoints the company does not own
    friend bool operator==(const Channel&, const Channel&) = default;
};

struct ScanAnswer {
    std::string question;                   // stable question key from the questionnaire asset
    int stage = 0;                          // 1..5 on the maturity scale, 0 = not answered
    friend bool operator==(const ScanAnswer&, const ScanAnswer&) = default;
};

struct MaturityScan {
    Id id;
    Date date;
    std::vector<ScanAnswer> answers;
    std::string note;
    friend bool operator==(const MaturityScan&, const MaturityScan&) = default;
};

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------
struct Criterion {
    Id id;
    std::string name;
    std::string description;
    CriterionGroup group = CriterionGroup::customer;
    double weight = 1;
    int scale_min = 1;
    int scale_max = 5;
    friend bool operator==(const Criterion&, const Criterion&) = default;
};

struct ScoringModel {
    std::string preset;                     // "waymark", "rice", "ice", "wsjf" or "custom"
    std::vector<Criterion> criteria;
    double evidence_weight = 0.2;           // 0..1: how much linked evidence strength counts
    friend bool operator==(const ScoringModel&, const ScoringModel&) = default;
};

struct Settings {
    std::vector<std::string> level_names;   // index = level; size = number of levels (>= 1)
    int emotion_min = -3;
    int emotion_max = 3;
    int stale_after_days = 180;             // insights not validated within this are stale
    std::string default_template = "basics";
    ScoringModel scoring;
    friend bool operator==(const Settings&, const Settings&) = default;
};

struct Workspace {
    Id id;
    std::string name;
    Settings settings;
    std::vector<Journey> journeys;
    std::vector<JourneyLink> links;
    std::vector<Persona> personas;
    std::vector<Insight> insights;
    std::vector<Opportunity> opportunities;
    std::vector<Metric> metrics;
    std::vector<Channel> channels;
    std::vector<MaturityScan> scans;
    // Merge metadata (model/merge_history.hpp): not content, never touched by commands; io::stamp
    // rewrites it before a save, merges fill it. Written to files outside the "workspace" object.
    MergeHistory merge;
    friend bool operator==(const Workspace&, const Workspace&) = default;
};

// ---------------------------------------------------------------------------------------------
// Lookups (linear; collections are small except cards, which views index themselves).
// ---------------------------------------------------------------------------------------------
template <class T>
T* find_by_id(std::vector<T>& items, Id id) {
    for (auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}
template <class T>
const T* find_by_id(const std::vector<T>& items, Id id) {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

const Step* find_step(const Journey& journey, Id step, const Stage** stage_out = nullptr);
Step* find_step(Journey& journey, Id step);

// How a status reads in the app and its exports: "Unmapped", "Being researched", "Live", "Prototype".
const char* journey_status_label(JourneyStatus status);

// Defaults a new workspace starts from: three levels (Lifecycle, Macro journeys, Micro journeys),
// emotion scale -3..3, the default scoring model (customer value, business value, effort).
Settings default_settings();
ScoringModel default_scoring_model();

// A blank workspace with default settings and an L0 lifecycle journey whose stages are Awareness,
// Consideration, Purchase, Renew, Leave.
Workspace blank_workspace(std::string name);

}  // namespace wm
