#include "edit/rules.hpp"
#include "edit/rescale.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_set>

namespace wm::edit::detail {

// [SECTION] Labels ---------------------------------------------------------------------------------

std::string quoted(std::string_view name) {
    constexpr std::size_t kMax = 40;
    std::string text(name.substr(0, std::min(name.size(), kMax)));
    if (name.size() > kMax) {
        // Do not cut a multi-byte character in half: drop continuation bytes, then the lead byte.
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
        if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0x80)) text.pop_back();
        text += "…";
    }
    return "“" + text + "”";
}

// [SECTION] Checks ---------------------------------------------------------------------------------

namespace {

template <class T>
bool has(const std::vector<T>& list, Id id) {
    return find_by_id(list, id) != nullptr;
}

bool step_exists(const Workspace& ws, const StepRef& ref) {
    const Journey* journey = find_by_id(ws.journeys, ref.journey);
    return journey && find_step(*journey, ref.step);
}

template <class T>
std::string check_ids_exist(const std::vector<T>& list, const std::vector<Id>& ids, const char* what) {
    for (const Id& id : ids)
        if (!has(list, id)) return std::string("It refers to a ") + what + " that does not exist.";
    return {};
}

}  // namespace

std::string check_persona_ids(const Workspace& ws, const std::vector<Id>& personas) {
    return check_ids_exist(ws.personas, personas, "persona");
}

std::string check_step_refs(const Workspace& ws, const std::vector<StepRef>& steps) {
    for (const auto& ref : steps)
        if (!step_exists(ws, ref)) return "It refers to a step that does not exist.";
    return {};
}

std::string check_card(const Workspace& ws, const Journey& journey, const Card& card) {
    if (card.id.is_nil()) return "A card needs an id.";
    const Lane* lane = find_by_id(journey.lanes, card.lane);
    if (!lane) return "That lane is not part of " + quoted_or(journey.title, "this journey") + ".";
    if (lane->kind == LaneKind::emotion)
        return "The lane " + quoted(lane->name) + " holds an emotion curve; cards go in other lanes.";
    if (!find_step(journey, card.step)) return "That step is not part of " + quoted_or(journey.title, "this journey") + ".";
    if (card.severity < 0 || card.severity > 5) return "Severity goes from 1 to 5 (0 = not rated).";
    if (!card.channel.is_nil() && !has(ws.channels, card.channel)) return "That channel does not exist.";
    if (auto why = check_persona_ids(ws, card.personas); !why.empty()) return why;
    if (auto why = check_ids_exist(ws.insights, card.insights, "insight"); !why.empty()) return why;
    return check_ids_exist(ws.opportunities, card.opportunities, "opportunity");
}

std::string check_emotion(const Workspace& ws, const Journey& journey, const EmotionScore& score) {
    const Lane* lane = find_by_id(journey.lanes, score.lane);
    if (!lane || lane->kind != LaneKind::emotion) return "Emotion scores go on an emotion lane of the journey.";
    if (!find_step(journey, score.step)) return "That step is not part of the journey.";
    if (!score.persona.is_nil() && !has(ws.personas, score.persona)) return "That persona does not exist.";
    if (score.score < ws.settings.emotion_min || score.score > ws.settings.emotion_max)
        return "Scores go from " + std::to_string(ws.settings.emotion_min) + " to " +
               std::to_string(ws.settings.emotion_max) + ".";
    return {};
}

std::string check_new_journey(const Workspace& ws, const Journey& journey) {
    if (journey.id.is_nil()) return "A journey needs an id.";
    if (has(ws.journeys, journey.id)) return "That journey is already in the workspace.";
    if (journey.level < 0 || journey.level >= static_cast<int>(ws.settings.level_names.size()))
        return "The workspace has no level " + std::to_string(journey.level) + ".";
    if (!journey.counterpart.is_nil() && !has(ws.journeys, journey.counterpart))
        return "Its current-state counterpart does not exist.";
    if (auto why = check_persona_ids(ws, journey.personas); !why.empty()) return why;
    if (auto why = check_ids_exist(ws.metrics, journey.metrics, "metric"); !why.empty()) return why;
    // Ids inside the journey must be unique among its own parts (they are located by id).
    std::unordered_set<Id> seen;
    auto fresh = [&](Id id) { return !id.is_nil() && seen.insert(id).second; };
    for (const auto& stage : journey.stages) {
        if (!fresh(stage.id)) return "Two stages or steps of the journey share an id.";
        for (const auto& step : stage.steps)
            if (!fresh(step.id)) return "Two stages or steps of the journey share an id.";
    }
    for (const auto& lane : journey.lanes)
        if (!fresh(lane.id)) return "Two lanes of the journey share an id.";
    for (const auto& card : journey.cards) {
        if (!fresh(card.id)) return "Two cards of the journey share an id.";
        if (auto why = check_card(ws, journey, card); !why.empty()) return why;
    }
    for (std::size_t i = 0; i < journey.emotions.size(); ++i) {
        const auto& e = journey.emotions[i];
        if (auto why = check_emotion(ws, journey, e); !why.empty()) return why;
        for (std::size_t k = 0; k < i; ++k) {
            const auto& o = journey.emotions[k];
            if (o.lane == e.lane && o.step == e.step && o.persona == e.persona)
                return "Two emotion scores are for the same lane, step and persona.";
        }
    }
    return {};
}

std::string check_persona(const Workspace&, const Persona& persona) {
    if (persona.initials.size() > 12) return "Initials are at most three characters.";
    return {};
}

std::string check_insight(const Workspace& ws, const Insight& insight) {
    if (insight.impact < -2 || insight.impact > 2) return "Impact goes from -2 to +2.";
    if (auto why = check_persona_ids(ws, insight.personas); !why.empty()) return why;
    return check_step_refs(ws, insight.steps);
}

std::string check_opportunity(const Workspace& ws, const Opportunity& opportunity) {
    if (auto why = check_ids_exist(ws.journeys, opportunity.journeys, "journey"); !why.empty()) return why;
    if (auto why = check_step_refs(ws, opportunity.steps); !why.empty()) return why;
    if (auto why = check_ids_exist(ws.insights, opportunity.insights, "insight"); !why.empty()) return why;
    if (auto why = check_persona_ids(ws, opportunity.personas); !why.empty()) return why;
    std::unordered_set<Id> seen;
    for (const auto& score : opportunity.scores) {
        const Criterion* criterion = find_by_id(ws.settings.scoring.criteria, score.criterion);
        if (!criterion) return "It is scored on a criterion the scoring model does not have.";
        if (!seen.insert(score.criterion).second) return "It is scored twice on " + quoted(criterion->name) + ".";
        if (!std::isfinite(score.value) || score.value < criterion->scale_min || score.value > criterion->scale_max)
            return quoted(criterion->name) + " is scored from " + std::to_string(criterion->scale_min) + " to " +
                   std::to_string(criterion->scale_max) + ".";
    }
    seen.clear();
    for (const auto& solution : opportunity.solutions)
        if (solution.id.is_nil() || !seen.insert(solution.id).second) return "Each solution needs its own id.";
    return {};
}

std::string check_metric(const Workspace& ws, const Metric& metric) {
    const Journey* journey = find_by_id(ws.journeys, metric.journey);
    if (!journey) return "A KPI belongs to a journey that exists.";
    if (!metric.stage.is_nil() && !find_by_id(journey->stages, metric.stage))
        return "That stage is not part of " + quoted_or(journey->title, "the journey") + ".";
    if (!metric.step.is_nil()) {
        const Stage* stage = nullptr;
        if (!find_step(*journey, metric.step, &stage)) return "That step is not part of " + quoted_or(journey->title, "the journey") + ".";
        if (!metric.stage.is_nil() && stage->id != metric.stage) return "That step is not in the chosen stage.";
    }
    if (!std::isfinite(metric.weight) || metric.weight < 0) return "A weight is a number of zero or more.";
    if (metric.target && !std::isfinite(*metric.target)) return "The target must be a number.";
    for (std::size_t i = 0; i < metric.values.size(); ++i) {
        const MetricValue& value = metric.values[i];
        if (!std::isfinite(value.value)) return "Every value must be a number.";
        // The model's order (validate checks it too): one value per date and segment, in date order.
        if (i > 0 && !(std::tie(metric.values[i - 1].date, metric.values[i - 1].segment) < std::tie(value.date, value.segment)))
            return "A KPI holds one value per date and segment, in date order.";
    }
    // Roll-up inputs must exist and must not lead back to this metric.
    std::vector<Id> pending;
    for (const Id& input : metric.rollup_inputs) {
        if (input == metric.id) return "A KPI cannot roll up into itself.";
        if (!has(ws.metrics, input)) return "It rolls up a KPI that does not exist.";
        pending.push_back(input);
    }
    std::unordered_set<Id> seen;
    while (!pending.empty()) {
        const Id next = pending.back();
        pending.pop_back();
        if (next == metric.id) return "That roll-up would go round in a circle.";
        if (!seen.insert(next).second) continue;
        if (const Metric* m = find_by_id(ws.metrics, next))
            for (const Id& input : m->rollup_inputs) pending.push_back(input);
    }
    return {};
}

std::string check_channel(const Workspace&, const Channel&) { return {}; }

std::string check_scan(const Workspace&, const MaturityScan& scan) {
    for (const auto& answer : scan.answers)
        if (answer.stage < 0 || answer.stage > 5) return "Answers go from stage 1 to 5 (0 = not answered).";
    return {};
}

std::string check_criterion(const Criterion& criterion) {
    if (criterion.id.is_nil()) return "A criterion needs an id.";
    if (!std::isfinite(criterion.weight) || criterion.weight < 0) return "A weight is a number of zero or more.";
    if (criterion.scale_min >= criterion.scale_max) return "The scale's lowest value must be below its highest.";
    return {};
}

std::string check_level(const Workspace& ws, Id journey, int level) {
    if (level < 0 || level >= static_cast<int>(ws.settings.level_names.size()))
        return "The workspace has no level " + std::to_string(level) + ".";
    for (const auto& link : ws.links) {
        if (link.child == journey) {
            const Journey* parent = find_by_id(ws.journeys, link.parent);
            if (parent && parent->level >= level)
                return "It details " + quoted_or(parent->title, "a journey") + " (level " + std::to_string(parent->level) +
                       "), so its level must be deeper.";
        }
        if (link.parent == journey) {
            const Journey* child = find_by_id(ws.journeys, link.child);
            if (child && child->level <= level)
                return "It is detailed by " + quoted_or(child->title, "a journey") + " (level " + std::to_string(child->level) +
                       "), so its level must stay above that.";
        }
    }
    return {};
}

// [SECTION] Clean-ups ------------------------------------------------------------------------------

namespace {

// Remove the ids from the Id list `member` of every element of a workspace list.
template <class T>
void strip_ids(Transaction& tx, std::vector<T> Workspace::*list, std::vector<Id> T::*member, Id id) {
    const auto& items = tx.ws().*list;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (contains(items[i].*member, id)) tx.set(loc::item_field(list, i, member), without(items[i].*member, id));
}

template <class T, class Pred>
void strip_step_refs(Transaction& tx, std::vector<T> Workspace::*list, Pred gone) {
    const auto& items = tx.ws().*list;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& steps = items[i].steps;
        bool any = false;
        for (const auto& ref : steps) any = any || gone(ref);
        if (!any) continue;
        std::vector<StepRef> kept;
        for (const auto& ref : steps)
            if (!gone(ref)) kept.push_back(ref);
        tx.set(loc::item_field(list, i, &T::steps), std::move(kept));
    }
}

void strip_card_ids(Transaction& tx, std::vector<Id> Card::*member, Id id) {
    for (const auto& journey : tx.ws().journeys)
        for (std::size_t i = 0; i < journey.cards.size(); ++i)
            if (contains(journey.cards[i].*member, id))
                tx.set(loc::card_field(journey.id, i, member), without(journey.cards[i].*member, id));
}

}  // namespace

void drop_steps(Transaction& tx, Id journey, const std::vector<Id>& steps) {
    if (steps.empty()) return;
    auto gone_step = [&](Id step) { return contains(steps, step); };
    tx.erase_if(loc::journey_field(journey, &Journey::cards), [&](const Card& c) { return gone_step(c.step); });
    tx.erase_if(loc::journey_field(journey, &Journey::emotions), [&](const EmotionScore& e) { return gone_step(e.step); });
    tx.erase_if(loc::ws_field(&Workspace::links),
                [&](const JourneyLink& l) { return l.parent == journey && !l.step.is_nil() && gone_step(l.step); });
    auto gone_ref = [&](const StepRef& ref) { return ref.journey == journey && gone_step(ref.step); };
    strip_step_refs(tx, &Workspace::insights, gone_ref);
    strip_step_refs(tx, &Workspace::opportunities, gone_ref);
    const auto& metrics = tx.ws().metrics;
    for (std::size_t i = 0; i < metrics.size(); ++i)
        if (metrics[i].journey == journey && !metrics[i].step.is_nil() && gone_step(metrics[i].step))
            tx.set(loc::item_field(&Workspace::metrics, i, &Metric::step), Id{});
}

void drop_stage_anchors(Transaction& tx, Id journey, Id stage) {
    tx.erase_if(loc::ws_field(&Workspace::links),
                [&](const JourneyLink& l) { return l.parent == journey && l.stage == stage; });
    const auto& metrics = tx.ws().metrics;
    for (std::size_t i = 0; i < metrics.size(); ++i)
        if (metrics[i].journey == journey && metrics[i].stage == stage) {
            tx.set(loc::item_field(&Workspace::metrics, i, &Metric::stage), Id{});
            tx.set(loc::item_field(&Workspace::metrics, i, &Metric::step), Id{});
        }
}

void strip_persona(Transaction& tx, Id persona) {
    for (const auto& journey : tx.ws().journeys) {
        if (contains(journey.personas, persona))
            tx.set(loc::journey_field(journey.id, &Journey::personas), without(journey.personas, persona));
        tx.erase_if(loc::journey_field(journey.id, &Journey::emotions),
                    [&](const EmotionScore& e) { return e.persona == persona; });
    }
    strip_card_ids(tx, &Card::personas, persona);
    strip_ids(tx, &Workspace::insights, &Insight::personas, persona);
    strip_ids(tx, &Workspace::opportunities, &Opportunity::personas, persona);
}

void strip_insight(Transaction& tx, Id insight) {
    strip_card_ids(tx, &Card::insights, insight);
    strip_ids(tx, &Workspace::opportunities, &Opportunity::insights, insight);
}

void strip_opportunity(Transaction& tx, Id opportunity) { strip_card_ids(tx, &Card::opportunities, opportunity); }

void strip_channel(Transaction& tx, Id channel) {
    for (const auto& journey : tx.ws().journeys)
        for (std::size_t i = 0; i < journey.cards.size(); ++i)
            if (journey.cards[i].channel == channel) tx.set(loc::card_field(journey.id, i, &Card::channel), Id{});
}

void strip_metric(Transaction& tx, Id metric) {
    for (const auto& journey : tx.ws().journeys)
        if (contains(journey.metrics, metric))
            tx.set(loc::journey_field(journey.id, &Journey::metrics), without(journey.metrics, metric));
    strip_ids(tx, &Workspace::metrics, &Metric::rollup_inputs, metric);
}

void conform_scores(Transaction& tx) {
    const auto& criteria = tx.ws().settings.scoring.criteria;
    const auto& opportunities = tx.ws().opportunities;
    for (std::size_t i = 0; i < opportunities.size(); ++i) {
        const auto& scores = opportunities[i].scores;
        std::vector<CriterionScore> kept;
        kept.reserve(scores.size());
        for (const auto& s : scores)
            if (const Criterion* c = find_by_id(criteria, s.criterion))
                kept.push_back(CriterionScore{s.criterion, std::clamp(s.value, double(c->scale_min), double(c->scale_max))});
        if (kept != scores) tx.set(loc::item_field(&Workspace::opportunities, i, &Opportunity::scores), std::move(kept));
    }
}

void rescale_scores(Transaction& tx, const ScoringModel& before) {
    const ScoringModel& now = tx.ws().settings.scoring;
    const auto& opportunities = tx.ws().opportunities;
    for (std::size_t i = 0; i < opportunities.size(); ++i) {
        std::vector<CriterionScore> next = scores_under(before, now, opportunities[i].scores);
        if (next != opportunities[i].scores) tx.set(loc::item_field(&Workspace::opportunities, i, &Opportunity::scores), std::move(next));
    }
    conform_scores(tx);
}

void strip_journey(Transaction& tx, Id journey) {
    tx.erase_if(loc::ws_field(&Workspace::links),
                [&](const JourneyLink& l) { return l.parent == journey || l.child == journey; });
    for (const auto& other : tx.ws().journeys)
        if (other.counterpart == journey) tx.set(loc::journey_field(other.id, &Journey::counterpart), Id{});
    strip_ids(tx, &Workspace::opportunities, &Opportunity::journeys, journey);
    auto on_journey = [&](const StepRef& ref) { return ref.journey == journey; };
    strip_step_refs(tx, &Workspace::insights, on_journey);
    strip_step_refs(tx, &Workspace::opportunities, on_journey);
    // KPIs anchored on the journey go with it; others stop rolling them up.
    std::vector<Id> anchored;
    for (const auto& metric : tx.ws().metrics)
        if (metric.journey == journey) anchored.push_back(metric.id);
    for (const Id& id : anchored) strip_metric(tx, id);
    tx.erase_if(loc::ws_field(&Workspace::metrics), [&](const Metric& m) { return m.journey == journey; });
}

}  // namespace wm::edit::detail
