#include "model/model.hpp"

namespace wm {

const Step* find_step(const Journey& journey, Id step, const Stage** stage_out) {
    for (const auto& stage : journey.stages)
        for (const auto& s : stage.steps)
            if (s.id == step) {
                if (stage_out) *stage_out = &stage;
                return &s;
            }
    return nullptr;
}

Step* find_step(Journey& journey, Id step) {
    return const_cast<Step*>(find_step(static_cast<const Journey&>(journey), step));
}

ScoringModel default_scoring_model() {
    ScoringModel model;
    model.preset = "waymark";
    auto add = [&](const char* name, const char* description, CriterionGroup group, double weight) {
        model.criteria.push_back(Criterion{new_id(), name, description, group, weight, 1, 5});
    };
    add("Customer pain relieved", "How much this removes a pain or barrier customers feel", CriterionGroup::customer, 2);
    add("Reach", "How many customers in the journey it touches", CriterionGroup::customer, 1);
    add("Revenue impact", "Expected effect on revenue, churn or cross-sell", CriterionGroup::business, 2);
    add("Strategic fit", "How well it serves this year's business goals", CriterionGroup::business, 1);
    add("Effort", "Cost and time to deliver (higher = more work)", CriterionGroup::effort, 1);
    model.evidence_weight = 0.2;
    return model;
}

Settings default_settings() {
    Settings settings;
    settings.level_names = {"Lifecycle", "Macro journeys", "Micro journeys"};
    settings.scoring = default_scoring_model();
    return settings;
}

Workspace blank_workspace(std::string name) {
    Workspace ws;
    ws.id = new_id();
    ws.name = std::move(name);
    ws.settings = default_settings();
    Journey lifecycle;
    lifecycle.id = new_id();
    lifecycle.title = "Customer lifecycle";
    lifecycle.level = 0;
    lifecycle.status = JourneyStatus::live;
    for (const char* stage : {"Awareness", "Consideration", "Purchase", "Renew", "Leave"})
        lifecycle.stages.push_back(Stage{new_id(), stage, {}});
    ws.journeys.push_back(std::move(lifecycle));
    return ws;
}

const char* journey_status_label(JourneyStatus status) {
    switch (status) {
        case JourneyStatus::unmapped: return "Unmapped";
        case JourneyStatus::being_researched: return "Being researched";
        case JourneyStatus::live: return "Live";
        case JourneyStatus::prototype: return "Prototype";
    }
    return "";
}

}  // namespace wm
