// Builders shared by the sample_*.cpp files (not a public API). They keep the content files close
// to prose: a journey is a list of stages and steps, then one row of cell texts per lane, in step
// order. Everything draws ids from the one seeded generator in SampleContext, in a fixed order.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "model/templates.hpp"

namespace wm::sample {

// "Today" for the sample: insight staleness and metric series are written relative to it.
inline constexpr int kTodayYear = 2026, kTodayMonth = 11, kTodayDay = 23;

struct SampleContext {
    IdGenerator gen;
    Workspace ws;
    Id zoe, henrik, maggie;

    explicit SampleContext(std::uint64_t seed) : gen(seed) {}

    // Lookups by name: the content refers to things by their visible names, never by position.
    // A name that does not exist is a bug in the content: they throw std::logic_error, which
    // tests/unit/sample_test.cpp would report.
    [[nodiscard]] Id channel(std::string_view name) const;
    [[nodiscard]] Id journey(std::string_view title) const;
    [[nodiscard]] StepRef step(std::string_view journey_title, int index) const;   // index in stage-then-step order
    [[nodiscard]] Id criterion(std::string_view name) const;
    [[nodiscard]] Id insight(std::string_view title) const;
    [[nodiscard]] Id opportunity(std::string_view title) const;
    Journey& journey_ref(std::string_view title);
};

struct StepDef {
    const char* name;
    const char* description = "";
    bool moment_of_truth = false;
};
struct Rated {        // a pain or gain card: text and severity (empty text = empty cell)
    const char* text;
    int severity;
};
struct Touch {        // a touchpoint card: text and channel name
    const char* text;
    const char* channel;
};

class JourneyBuilder {
public:
    JourneyBuilder(SampleContext& ctx, std::string title, int level, LaneTemplate lanes);
    JourneyBuilder(SampleContext& ctx, std::string title, int level, std::vector<Lane> lanes);

    Journey& journey() { return j_; }
    JourneyBuilder& describe(std::string description, std::string owner, JourneyStatus status);
    JourneyBuilder& personas(std::initializer_list<Id> ids);
    JourneyBuilder& tags(std::initializer_list<const char*> tags);
    JourneyBuilder& stage(const char* name, std::initializer_list<StepDef> steps);

    // One text per step, in step order; "" leaves the cell empty. The lane is found by name.
    JourneyBuilder& row(std::string_view lane, std::initializer_list<const char*> texts);
    JourneyBuilder& rated(std::string_view lane, std::initializer_list<Rated> cards);
    JourneyBuilder& touch(std::string_view lane, std::initializer_list<Touch> cards);
    // Emotion scores per step for one persona on the (first) emotion lane.
    JourneyBuilder& feel(Id persona, std::initializer_list<int> scores);

    [[nodiscard]] Id step(int index) const;
    [[nodiscard]] Id lane(std::string_view name) const;
    Id finish();                                  // appends the journey to the workspace

private:
    SampleContext& ctx_;
    Journey j_;
    std::vector<Id> steps_;
};

// Framework link: child under the parent's step (the step's stage is filled in).
void link(SampleContext& ctx, std::string_view parent, int step_index, std::string_view child);

// Attach insights / opportunities (by title) to the first card of a cell.
void attach(SampleContext& ctx, std::string_view journey, std::string_view lane, int step_index,
            std::initializer_list<const char*> insights, std::initializer_list<const char*> opportunities);

// Twelve monthly values, 2025-11-01 .. 2026-10-01: start + month * trend + wiggle[month] * amplitude,
// rounded to two decimals so files stay short and stable.
std::vector<MetricValue> monthly(double start, double trend, double amplitude, std::string_view segment = "");

struct MetricDef {
    const char* name;
    const char* unit;
    const char* description;
    const char* owner;
    Direction direction;
    double target;
};
// Adds the metric to the workspace and to the journey's KPI list; anchor at a step (index >= 0),
// at a stage (stage name given), or at the journey.
Metric& add_metric(SampleContext& ctx, std::string_view journey, const MetricDef& def, int step_index = -1,
                   std::string_view stage = {});

// The parts, in the order sample_workspace() runs them (see sample.cpp).
void add_people_and_channels(SampleContext& ctx);        // sample_lifecycle.cpp
void add_lifecycle(SampleContext& ctx);                  // sample_lifecycle.cpp
void add_consideration_and_purchase(SampleContext& ctx); // sample_macro_buy.cpp
void add_onboarding_renew_leave(SampleContext& ctx);     // sample_macro_keep.cpp
void add_micro_journeys(SampleContext& ctx);             // sample_micro.cpp
void add_metrics(SampleContext& ctx);                    // sample_metrics.cpp
void add_insights(SampleContext& ctx);                   // sample_repository.cpp
void add_opportunities(SampleContext& ctx);              // sample_repository.cpp
void add_scans(SampleContext& ctx);                      // sample_repository.cpp

}  // namespace wm::sample
