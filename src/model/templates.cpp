#include "model/templates.hpp"

namespace wm {

namespace {

// One colour per layer, chosen to stay readable behind dark text and distinct from each other.
constexpr std::uint32_t kIndigo = 0x6366F1;
constexpr std::uint32_t kTeal = 0x14B8A6;
constexpr std::uint32_t kAmber = 0xF59E0B;
constexpr std::uint32_t kRose = 0xF43F5E;
constexpr std::uint32_t kViolet = 0x8B5CF6;
constexpr std::uint32_t kSky = 0x0EA5E9;
constexpr std::uint32_t kEmerald = 0x10B981;
constexpr std::uint32_t kSlate = 0x64748B;

struct LaneSpec {
    const char* name;
    LaneKind kind;
};

void add_layer(std::vector<Lane>& out, IdGenerator& gen, const char* layer, std::uint32_t color,
               std::initializer_list<LaneSpec> lanes) {
    for (const auto& spec : lanes) {
        Lane lane;
        lane.id = gen.next();
        lane.name = spec.name;
        lane.kind = spec.kind;
        lane.layer = layer;
        lane.color = color;
        out.push_back(std::move(lane));
    }
}

}  // namespace

const LaneTemplateInfo& template_info(LaneTemplate t) {
    for (const auto& info : kLaneTemplates)
        if (info.id == t) return info;
    return kLaneTemplates[0];
}

std::optional<LaneTemplate> template_from_key(std::string_view key) {
    for (const auto& info : kLaneTemplates)
        if (info.key == key) return info.id;
    return std::nullopt;
}

std::vector<Lane> make_template_lanes(LaneTemplate t, IdGenerator& gen) {
    std::vector<Lane> lanes;
    using K = LaneKind;
    switch (t) {
    case LaneTemplate::basics:
        // The six lanes of §4, plus the evidence lane (insights) and the drill-down lane
        // (journey-link) because a map is rarely useful without either.
        add_layer(lanes, gen, "Experience", kIndigo,
                  {{"Customer actions", K::text}, {"Touchpoints", K::touchpoint}, {"Thoughts & feelings", K::emotion}});
        add_layer(lanes, gen, "Analysis", kRose,
                  {{"Pains", K::pain}, {"Gains", K::gain}, {"Insights", K::insight}, {"Opportunities", K::opportunity}});
        add_layer(lanes, gen, "Framework", kSlate, {{"Linked journeys", K::journey_link}});
        break;
    case LaneTemplate::five_layers:
        // Seed 004: "this should all be evidence-based", hence the Evidence lane under needs.
        add_layer(lanes, gen, "Customer needs", kIndigo,
                  {{"Drivers", K::gain}, {"Barriers", K::pain}, {"Value proposition", K::text}, {"Evidence", K::insight}});
        add_layer(lanes, gen, "Marketing objectives", kAmber, {{"Marketing objectives", K::text}});
        add_layer(lanes, gen, "Contact strategy", kTeal,
                  {{"Contact rules", K::text}, {"Channels", K::touchpoint}, {"Offers & content", K::text},
                   {"Business case", K::text}});
        add_layer(lanes, gen, "Performance", kViolet, {{"KPIs & targets", K::metric}, {"Test & learn", K::text}});
        add_layer(lanes, gen, "Enablers", kSlate,
                  {{"Data", K::text}, {"People", K::text}, {"Process", K::text}, {"Technology", K::text}});
        break;
    case LaneTemplate::three_layers:
        // Seed 003: business goals and KPIs side by side with what customers need and feel.
        add_layer(lanes, gen, "Business imperatives & customer needs", kIndigo,
                  {{"Business goals", K::text}, {"KPIs", K::metric}, {"Customer needs", K::gain},
                   {"Thoughts & feelings", K::emotion}});
        add_layer(lanes, gen, "Experience narrative", kTeal,
                  {{"Channels", K::touchpoint}, {"Messages", K::text}, {"Cadence", K::text},
                   {"Inbound/outbound interactions", K::text}, {"Data collection", K::text}});
        add_layer(lanes, gen, "Data & technology", kSlate, {{"Customer data", K::text}, {"Technology", K::text}});
        break;
    case LaneTemplate::service_blueprint:
        add_layer(lanes, gen, "Blueprint", kSky,
                  {{"Customer actions", K::text}, {"Frontstage", K::touchpoint}, {"Backstage", K::text},
                   {"Support processes", K::text}, {"Evidence", K::text}});
        add_layer(lanes, gen, "Experience", kEmerald, {{"Thoughts & feelings", K::emotion}, {"Pains", K::pain}});
        break;
    }
    return lanes;
}

std::vector<Lane> make_template_lanes(LaneTemplate t) { return make_template_lanes(t, ids()); }

std::vector<Stage> default_stages(IdGenerator& gen) {
    std::vector<Stage> stages;
    auto stage = [&](const char* name, const char* a, const char* b) {
        Stage s{gen.next(), name, {}};
        s.steps.push_back(Step{gen.next(), a, {}, false});
        s.steps.push_back(Step{gen.next(), b, {}, false});
        stages.push_back(std::move(s));
    };
    stage("Before", "Notices a need", "Looks at options");
    stage("During", "Decides", "Gets it done");
    stage("After", "Uses the result", "Gets help if needed");
    return stages;
}

std::vector<Stage> default_stages() { return default_stages(ids()); }

std::vector<Stage> lifecycle_stages(IdGenerator& gen) {
    std::vector<Stage> stages;
    for (const char* name : {"Awareness", "Consideration", "Purchase", "Renew", "Leave"})
        stages.push_back(Stage{gen.next(), name, {}});
    return stages;
}

}  // namespace wm
