// Lane templates offered when a journey is created (DESIGN.md §4), and the default stages of a new
// journey.
//
// A template is a recipe, not data stored in the workspace: each call returns fresh lanes with new
// ids, so two journeys made from one template never share an id. The keys are stable (they are
// stored in Settings::default_template and in files); names and descriptions are for the UI.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "model/id.hpp"
#include "model/model.hpp"

namespace wm {

enum class LaneTemplate : std::uint8_t { basics, five_layers, three_layers, service_blueprint };

struct LaneTemplateInfo {
    LaneTemplate id;
    std::string_view key;          // stable: "basics", "five-layers", "three-layers", "service-blueprint"
    std::string_view name;         // display name
    std::string_view description;  // one line for the template picker
};

inline constexpr std::array<LaneTemplateInfo, 4> kLaneTemplates{{
    {LaneTemplate::basics, "basics", "Basics",
     "Customer actions, touchpoints, feelings, pains, gains and opportunities: a good first map."},
    {LaneTemplate::five_layers, "five-layers", "Five layers",
     "Customer needs, marketing objectives, contact strategy, performance and enablers."},
    {LaneTemplate::three_layers, "three-layers", "Three layers",
     "Business imperatives and customer needs, the experience narrative, data and technology."},
    {LaneTemplate::service_blueprint, "service-blueprint", "Service blueprint",
     "Customer actions above the line of visibility; frontstage, backstage and support below it."},
}};

const LaneTemplateInfo& template_info(LaneTemplate t);
std::optional<LaneTemplate> template_from_key(std::string_view key);

// Fresh lanes for a template, ids drawn from `gen` (deterministic callers such as the sample
// workspace pass their own generator) or from the process-wide wm::ids().
std::vector<Lane> make_template_lanes(LaneTemplate t, IdGenerator& gen);
std::vector<Lane> make_template_lanes(LaneTemplate t);

// Stages and steps a new (non-lifecycle) journey starts with: Before / During / After with two
// generic steps each, so the map has cells to type into straight away.
std::vector<Stage> default_stages(IdGenerator& gen);
std::vector<Stage> default_stages();

// The lifecycle stages of a new L0 journey: Awareness, Consideration, Purchase, Renew, Leave.
std::vector<Stage> lifecycle_stages(IdGenerator& gen);

}  // namespace wm
