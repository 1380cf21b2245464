#include "model/generate.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <unordered_map>

#include "model/date.hpp"
#include "model/templates.hpp"

namespace wm {

namespace {

// Lanes are taken from this pattern in order (then "Notes n" text lanes), so small specs still get
// the interesting kinds first.
struct LanePattern {
    const char* name;
    LaneKind kind;
    const char* layer;
    std::uint32_t color;
};
constexpr LanePattern kLanePattern[] = {
    {"Customer actions", LaneKind::text, "Experience", 0x6366F1},
    {"Touchpoints", LaneKind::touchpoint, "Experience", 0x6366F1},
    {"Thoughts & feelings", LaneKind::emotion, "Experience", 0x6366F1},
    {"Pains", LaneKind::pain, "Analysis", 0xF43F5E},
    {"Gains", LaneKind::gain, "Analysis", 0xF43F5E},
    {"Opportunities", LaneKind::opportunity, "Analysis", 0xF43F5E},
    {"Insights", LaneKind::insight, "Analysis", 0xF43F5E},
    {"Backstage", LaneKind::text, "Delivery", 0x14B8A6},
    {"KPIs", LaneKind::metric, "Delivery", 0x14B8A6},
    {"Linked journeys", LaneKind::journey_link, "Delivery", 0x14B8A6},
};
constexpr int kPatternSize = static_cast<int>(sizeof kLanePattern / sizeof kLanePattern[0]);
static_assert(static_cast<long long>(GenerateLimits::max_journeys) * GenerateLimits::max_lanes <= GenerateLimits::max_total_cards,
              "one step per journey must always fit the card cap");

bool holds_cards(LaneKind kind) {
    return kind == LaneKind::text || kind == LaneKind::touchpoint || kind == LaneKind::pain || kind == LaneKind::gain;
}

LaneKind lane_kind_at(int index) { return index < kPatternSize ? kLanePattern[index].kind : LaneKind::text; }

int card_lane_count(int lanes) {
    int n = 0;
    for (int i = 0; i < lanes; ++i) n += holds_cards(lane_kind_at(i)) ? 1 : 0;
    return n;
}

constexpr const char* kStageNames[] = {"Discover", "Choose", "Buy", "Set up", "Use", "Get help", "Renew", "Leave"};
constexpr const char* kVerbs[] = {"Compare", "Check", "Choose", "Order", "Confirm", "Activate", "Pay", "Ask about",
                                  "Change", "Cancel", "Review", "Upgrade"};
constexpr const char* kObjects[] = {"plan", "phone", "bill", "coverage", "contract", "SIM", "number", "bundle",
                                    "delivery", "account"};
constexpr const char* kCardWords[] = {"Waits for", "Looks up", "Is unsure about", "Likes", "Asks about",
                                      "Gets an email on", "Calls about", "Reads about"};
constexpr const char* kTopics[] = {"fees", "delivery", "the app", "the store", "coverage", "the price",
                                   "roaming", "the contract"};
template <class T, std::size_t N>
constexpr int count_of(const T (&)[N]) { return static_cast<int>(N); }

// Deterministic across standard libraries: modulo of raw engine output (bias is irrelevant here).
struct Rng {
    std::mt19937_64 engine;
    explicit Rng(std::uint64_t seed) : engine(seed ^ 0x5DEECE66Dull) {}
    int below(int n) { return n <= 0 ? 0 : static_cast<int>(engine() % static_cast<std::uint64_t>(n)); }
};

std::string numbered(const char* a, const char* b, int n) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%s %s %d", a, b, n);
    return buffer;
}

Journey make_journey(int index, int level, const GenerateSpec& spec, IdGenerator& gen, Rng& rng,
                     const Workspace& ws, int& card_counter) {
    Journey j;
    j.id = gen.next();
    j.level = level;
    j.status = static_cast<JourneyStatus>(index % 4);
    j.owner = level == 0 ? "CX lead" : "Journey owner " + std::to_string(1 + index % 7);
    if (level == 0) {
        j.title = "Customer lifecycle";
        j.description = "Generated lifecycle root.";
        j.status = JourneyStatus::live;
    } else {
        j.title = numbered(kVerbs[index % count_of(kVerbs)], kObjects[(index / 3) % count_of(kObjects)], index);
        j.description = "Generated journey at level " + std::to_string(level) + ".";
    }
    if (!ws.personas.empty()) {
        j.personas.push_back(ws.personas[index % ws.personas.size()].id);
        if (index % 3 == 0 && ws.personas.size() > 1) j.personas.push_back(ws.personas[(index + 1) % ws.personas.size()].id);
    }
    j.tags.push_back(level == 0 ? "lifecycle" : "generated");

    // Stages: the lifecycle names for the root; otherwise roughly four steps per stage.
    const int steps = spec.steps_per_journey;
    const int stage_count = level == 0 ? std::min(5, steps) : std::clamp((steps + 3) / 4, 1, 8);
    const std::vector<Stage> lifecycle = level == 0 ? lifecycle_stages(gen) : std::vector<Stage>{};
    for (int s = 0; s < stage_count; ++s) {
        Stage stage;
        if (level == 0) {
            stage = lifecycle[static_cast<std::size_t>(s)];
        } else {
            stage.id = gen.next();
            stage.name = kStageNames[s % count_of(kStageNames)];
        }
        const int first = steps * s / stage_count;
        const int last = steps * (s + 1) / stage_count;
        for (int k = first; k < last; ++k) {
            Step step;
            step.id = gen.next();
            step.name = numbered(kVerbs[(index + k) % count_of(kVerbs)], kObjects[k % count_of(kObjects)], k + 1);
            step.moment_of_truth = rng.below(10) == 0;
            stage.steps.push_back(std::move(step));
        }
        j.stages.push_back(std::move(stage));
    }

    for (int l = 0; l < spec.lanes_per_journey; ++l) {
        Lane lane;
        lane.id = gen.next();
        if (l < kPatternSize) {
            lane.name = kLanePattern[l].name;
            lane.kind = kLanePattern[l].kind;
            lane.layer = kLanePattern[l].layer;
            lane.color = kLanePattern[l].color;
        } else {
            lane.name = "Notes " + std::to_string(l - kPatternSize + 1);
            lane.layer = "Notes";
            lane.color = 0x64748B;
        }
        j.lanes.push_back(std::move(lane));
    }

    j.cards.reserve(static_cast<std::size_t>(steps) * static_cast<std::size_t>(card_lane_count(spec.lanes_per_journey)) *
                    static_cast<std::size_t>(spec.cards_per_cell));
    for (const auto& stage : j.stages)
        for (const auto& step : stage.steps)
            for (const auto& lane : j.lanes) {
                if (lane.kind == LaneKind::emotion) {
                    j.emotions.push_back(EmotionScore{lane.id, step.id, Id{}, rng.below(7) - 3});
                    for (Id persona : j.personas)
                        j.emotions.push_back(EmotionScore{lane.id, step.id, persona, rng.below(7) - 3});
                    continue;
                }
                if (!holds_cards(lane.kind)) continue;
                for (int c = 0; c < spec.cards_per_cell; ++c) {
                    Card card;
                    card.id = gen.next();
                    card.lane = lane.id;
                    card.step = step.id;
                    card.text = numbered(kCardWords[rng.below(count_of(kCardWords))], kTopics[rng.below(count_of(kTopics))],
                                         ++card_counter);
                    if (lane.kind == LaneKind::pain || lane.kind == LaneKind::gain) card.severity = 1 + rng.below(5);
                    if (lane.kind == LaneKind::touchpoint && !ws.channels.empty())
                        card.channel = ws.channels[static_cast<std::size_t>(rng.below(static_cast<int>(ws.channels.size())))].id;
                    if (!j.personas.empty() && rng.below(8) == 0) card.personas.push_back(j.personas.front());
                    j.cards.push_back(std::move(card));
                }
            }
    return j;
}

StepRef random_step(const Workspace& ws, Rng& rng) {
    const Journey& j = ws.journeys[static_cast<std::size_t>(rng.below(static_cast<int>(ws.journeys.size())))];
    const Stage& stage = j.stages[static_cast<std::size_t>(rng.below(static_cast<int>(j.stages.size())))];
    if (stage.steps.empty()) return StepRef{j.id, Id{}};
    return StepRef{j.id, stage.steps[static_cast<std::size_t>(rng.below(static_cast<int>(stage.steps.size())))].id};
}

}  // namespace

GenerateSpec clamp_spec(const GenerateSpec& in) {
    GenerateSpec s = in;
    s.journeys = std::clamp(s.journeys, 1, GenerateLimits::max_journeys);
    s.levels = std::clamp(s.levels, 1, GenerateLimits::max_levels);
    s.steps_per_journey = std::clamp(s.steps_per_journey, 1, GenerateLimits::max_steps);
    s.lanes_per_journey = std::clamp(s.lanes_per_journey, 0, GenerateLimits::max_lanes);
    s.cards_per_cell = std::clamp(s.cards_per_cell, 0, GenerateLimits::max_cards_per_cell);
    if (static_cast<long long>(s.journeys) * s.steps_per_journey > GenerateLimits::max_total_steps)
        s.steps_per_journey = std::max(1, static_cast<int>(GenerateLimits::max_total_steps / s.journeys));
    // Keep at least one card per cell when cards were asked for: fewer steps rather than empty maps.
    // (max_journeys × max_lanes card lanes is below max_total_cards, so one step always fits.)
    const long long lanes = card_lane_count(s.lanes_per_journey);
    if (s.cards_per_cell > 0 && lanes > 0 &&
        static_cast<long long>(s.journeys) * s.steps_per_journey * lanes > GenerateLimits::max_total_cards)
        s.steps_per_journey = std::max(1, static_cast<int>(GenerateLimits::max_total_cards / (s.journeys * lanes)));
    const long long cells = static_cast<long long>(s.journeys) * s.steps_per_journey * lanes;
    if (cells > 0 && cells * s.cards_per_cell > GenerateLimits::max_total_cards)
        s.cards_per_cell = static_cast<int>(GenerateLimits::max_total_cards / cells);
    return s;
}

long long generated_card_count(const GenerateSpec& in) {
    const GenerateSpec s = clamp_spec(in);
    return static_cast<long long>(s.journeys) * s.steps_per_journey * card_lane_count(s.lanes_per_journey) * s.cards_per_cell;
}

Workspace generate_workspace(const GenerateSpec& in) {
    const GenerateSpec spec = clamp_spec(in);
    IdGenerator gen(spec.seed);
    Rng rng(spec.seed);

    Workspace ws;
    ws.id = gen.next();
    ws.name = "Generated workspace (seed " + std::to_string(spec.seed) + ")";
    ws.settings = default_settings();
    for (auto& criterion : ws.settings.scoring.criteria) criterion.id = gen.next();  // not the global generator
    const char* kLevelNames[] = {"Lifecycle", "Macro journeys", "Micro journeys"};
    ws.settings.level_names.clear();
    for (int l = 0; l < spec.levels; ++l)
        ws.settings.level_names.push_back(l < 3 ? std::string(kLevelNames[l]) : "Level " + std::to_string(l));

    const char* kPersonas[][3] = {{"Zoë", "Value seeker", "ZO"}, {"Henrik", "Family account holder", "HE"},
                                  {"Maggie", "First smartphone", "MA"}};
    const std::uint32_t kPersonaColors[] = {0x6366F1, 0x0D9488, 0xD97706};
    for (int p = 0; p < 3; ++p) {
        Persona persona;
        persona.id = gen.next();
        persona.name = kPersonas[p][0];
        persona.role = kPersonas[p][1];
        persona.initials = kPersonas[p][2];
        persona.color = kPersonaColors[p];
        ws.personas.push_back(std::move(persona));
    }
    const char* kChannels[] = {"Website", "App", "Store", "Call centre", "Comparison sites", "Social media", "App stores", "Email"};
    for (int c = 0; c < 8; ++c) ws.channels.push_back(Channel{gen.next(), kChannels[c], c < 4 || c == 7});

    // Journeys: the root, then levels round-robin so every level's parents exist before its children.
    ws.journeys.reserve(static_cast<std::size_t>(spec.journeys));
    std::vector<std::vector<std::size_t>> by_level(static_cast<std::size_t>(spec.levels));
    int card_counter = 0;
    for (int i = 0; i < spec.journeys; ++i) {
        const int level = i == 0 || spec.levels == 1 ? 0 : 1 + (i - 1) % (spec.levels - 1);
        ws.journeys.push_back(make_journey(i, level, spec, gen, rng, ws, card_counter));
        if (level > 0) {
            const auto& candidates = by_level[static_cast<std::size_t>(level - 1)];
            const Journey& parent = ws.journeys[candidates[static_cast<std::size_t>(rng.below(static_cast<int>(candidates.size())))]];
            const Stage& stage = parent.stages[static_cast<std::size_t>(rng.below(static_cast<int>(parent.stages.size())))];
            JourneyLink link{parent.id, ws.journeys.back().id, stage.id, Id{}};
            if (!stage.steps.empty() && rng.below(4) != 0)
                link.step = stage.steps[static_cast<std::size_t>(rng.below(static_cast<int>(stage.steps.size())))].id;
            ws.links.push_back(link);
        }
        by_level[static_cast<std::size_t>(level)].push_back(ws.journeys.size() - 1);
    }

    // Repositories: a few per journey, capped so huge specs stay card-dominated.
    const int insight_count = std::min(spec.journeys * 2, 2000);
    for (int i = 0; i < insight_count; ++i) {
        Insight insight;
        insight.id = gen.next();
        insight.title = numbered("Insight about", kTopics[i % count_of(kTopics)], i + 1);
        insight.text = "Generated insight text.";
        insight.type = static_cast<InsightType>(rng.below(6));
        insight.source = static_cast<InsightSource>(rng.below(5));
        insight.evidence = static_cast<Evidence>(rng.below(3));
        // Validation dates spread over 2025-01 .. 2026-11, so some are stale against 2026-11-23.
        if (insight.evidence != Evidence::assumed)
            insight.last_validated = Date{date_from_ymd(2025, 1, 1).days + rng.below(690)};
        insight.impact = rng.below(5) - 2;
        insight.personas.push_back(ws.personas[static_cast<std::size_t>(i % 3)].id);
        insight.steps.push_back(random_step(ws, rng));
        if (insight.steps.back().step.is_nil()) insight.steps.clear();
        ws.insights.push_back(std::move(insight));
    }
    const int opportunity_count = std::min(spec.journeys, 1000);
    for (int i = 0; i < opportunity_count; ++i) {
        Opportunity opp;
        opp.id = gen.next();
        opp.title = numbered("Improve", kTopics[i % count_of(kTopics)], i + 1);
        opp.status = static_cast<OpportunityStatus>(rng.below(5));
        opp.will_not_do = i % 17 == 16;
        if (opp.will_not_do) opp.will_not_do_reason = "Out of scope this year.";
        const StepRef where = random_step(ws, rng);
        opp.journeys.push_back(where.journey);
        if (!where.step.is_nil()) opp.steps.push_back(where);
        if (!ws.insights.empty()) opp.insights.push_back(ws.insights[static_cast<std::size_t>(rng.below(insight_count))].id);
        for (const auto& criterion : ws.settings.scoring.criteria)
            opp.scores.push_back(CriterionScore{criterion.id, static_cast<double>(criterion.scale_min + rng.below(criterion.scale_max - criterion.scale_min + 1))});
        if (i % 3 == 0) opp.solutions.push_back(Solution{gen.next(), "Generated solution", "", OpportunityStatus::idea});
        ws.opportunities.push_back(std::move(opp));
    }
    const int metric_count = std::min(spec.journeys, 1000);
    for (int i = 0; i < metric_count; ++i) {
        Metric metric;
        metric.id = gen.next();
        metric.name = i == 0 ? "Revenue" : numbered("Conversion", "rate", i);
        metric.unit = i == 0 ? "EUR m" : "%";
        metric.target = i == 0 ? 50.0 : 40.0;
        metric.journey = ws.journeys[static_cast<std::size_t>(i)].id;
        for (int m = 0; m < 12; ++m) {
            const int month = 11 + m;  // 2025-11 .. 2026-10
            metric.values.push_back(MetricValue{date_from_ymd(2025 + (month - 1) / 12, (month - 1) % 12 + 1, 1),
                                                static_cast<double>(30 + rng.below(20)), ""});
        }
        ws.journeys[static_cast<std::size_t>(i)].metrics.push_back(metric.id);
        ws.metrics.push_back(std::move(metric));
    }
    // Roll-ups (no random draws, so everything else stays as it was): below the lifecycle, a parent
    // journey's metric is computed from its children's — a weighted average on macro journeys
    // (children weigh 1..3), a plain average deeper down. The lifecycle's revenue stays entered.
    {
        std::unordered_map<Id, int> journey_index;
        for (int i = 0; i < spec.journeys; ++i) journey_index.emplace(ws.journeys[static_cast<std::size_t>(i)].id, i);
        for (const JourneyLink& link : ws.links) {
            const int p = journey_index.at(link.parent), c = journey_index.at(link.child);
            if (p >= metric_count || c >= metric_count || ws.journeys[static_cast<std::size_t>(p)].level == 0) continue;
            Metric& parent = ws.metrics[static_cast<std::size_t>(p)];
            parent.rollup = ws.journeys[static_cast<std::size_t>(p)].level == 1 ? RollUp::weighted_average : RollUp::average;
            parent.rollup_inputs.push_back(ws.metrics[static_cast<std::size_t>(c)].id);
            ws.metrics[static_cast<std::size_t>(c)].weight = 1 + c % 3;
        }
    }
    // Link a sprinkling of pain cards to insights, as real maps do.
    if (!ws.insights.empty())
        for (auto& j : ws.journeys)
            for (auto& card : j.cards)
                if (card.severity > 0 && rng.below(10) == 0)
                    card.insights.push_back(ws.insights[static_cast<std::size_t>(rng.below(insight_count))].id);

    MaturityScan scan;
    scan.id = gen.next();
    scan.date = date_from_ymd(2026, 6, 1);
    scan.answers.push_back(ScanAnswer{"insight.interviews", 3});
    ws.scans.push_back(std::move(scan));
    return ws;
}

}  // namespace wm
