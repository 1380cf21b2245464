// Workspace name, settings, and the repositories (personas, insights, opportunities, metrics,
// channels, maturity scans). commands.hpp documents the behaviour.
#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "edit/commands.hpp"
#include "edit/rescale.hpp"
#include "edit/rules.hpp"
#include "model/date.hpp"
#include "model/limits.hpp"

namespace wm::edit {

using detail::quoted;
using detail::quoted_or;

namespace {

Result refuse(std::string why) { return Result::refuse(std::move(why)); }

std::string level_label(const Workspace& ws, std::size_t index) {
    return quoted_or(ws.settings.level_names[index], "“level " + std::to_string(index) + "”");
}

}  // namespace

// [SECTION] Workspace & settings ----------------------------------------------------------------------

Command set_workspace_name(std::string name) {
    return Command(
        [name = std::move(name)](Transaction& tx) -> Result {
            tx.set_label("Rename workspace " + quoted_or(tx.ws().name, "“(untitled)”"));
            tx.set(loc::ws_field(&Workspace::name), name);
            return Result::ok();
        });
}

Command add_level(std::size_t index, std::string name) {
    return Command([index, name = std::move(name)](Transaction& tx) -> Result {
        const std::size_t at = std::min(index, tx.ws().settings.level_names.size());
        tx.set_label("Add level " + quoted_or(name, "“(untitled)”"));
        tx.insert(loc::settings_field(&Settings::level_names), at, name);
        // Journeys at or below the new level move one down so each keeps its level name.
        for (const auto& journey : tx.ws().journeys)
            if (journey.level >= static_cast<int>(at)) tx.set(loc::journey_field(journey.id, &Journey::level), journey.level + 1);
        return Result::ok();
    });
}

Command rename_level(std::size_t index, std::string name) {
    return Command(
        [index, name = std::move(name)](Transaction& tx) -> Result {
            if (index >= tx.ws().settings.level_names.size()) return refuse("That level no longer exists.");
            tx.set_label("Rename level " + level_label(tx.ws(), index));
            tx.set(loc::level_name(index), name);
            return Result::ok();
        });
}

Command remove_level(std::size_t index) {
    return Command([index](Transaction& tx) -> Result {
        const auto& ws = tx.ws();
        if (index >= ws.settings.level_names.size()) return refuse("That level no longer exists.");
        if (ws.settings.level_names.size() == 1) return refuse("A workspace needs at least one level.");
        std::size_t used = 0;
        for (const auto& journey : ws.journeys) used += journey.level == static_cast<int>(index);
        if (used > 0)
            return refuse("The level " + level_label(ws, index) + " still holds " + std::to_string(used) +
                          (used == 1 ? " journey." : " journeys."));
        tx.set_label("Delete level " + level_label(ws, index));
        tx.erase(loc::settings_field(&Settings::level_names), index);
        for (const auto& journey : tx.ws().journeys)
            if (journey.level > static_cast<int>(index)) tx.set(loc::journey_field(journey.id, &Journey::level), journey.level - 1);
        return Result::ok();
    });
}

Command set_emotion_scale(int min, int max) {
    return Command([min, max](Transaction& tx) -> Result {
        if (min >= max) return refuse("The lowest emotion score must be below the highest.");
        if (min < -100 || max > 100) return refuse("Emotion scores go from -100 to 100 at most.");
        tx.set_label("Change emotion scale");
        tx.set(loc::settings_field(&Settings::emotion_min), min);
        tx.set(loc::settings_field(&Settings::emotion_max), max);
        for (const auto& journey : tx.ws().journeys)
            for (std::size_t i = 0; i < journey.emotions.size(); ++i) {
                const int score = journey.emotions[i].score;
                if (score < min || score > max)
                    tx.set(loc::emotion_field(journey.id, i, &EmotionScore::score), std::clamp(score, min, max));
            }
        return Result::ok();
    });
}

Command set_stale_after_days(int days) {
    return Command(
        [days](Transaction& tx) -> Result {
            if (days < 1 || days > 36500) return refuse("Evidence goes stale after 1 to 36500 days.");
            tx.set_label("Change staleness period");
            tx.set(loc::settings_field(&Settings::stale_after_days), days);
            return Result::ok();
        });
}

Command set_default_template(std::string template_key) {
    return Command([template_key = std::move(template_key)](Transaction& tx) -> Result {
        if (template_key.empty()) return refuse("Choose a lane template.");
        tx.set_label("Change default lane template");
        tx.set(loc::settings_field(&Settings::default_template), template_key);
        return Result::ok();
    });
}

Command add_criterion(Criterion criterion, std::size_t index) {
    return Command([criterion = std::move(criterion), index](Transaction& tx) -> Result {
        const auto& criteria = tx.ws().settings.scoring.criteria;
        if (std::string why = detail::check_criterion(criterion); !why.empty()) return refuse(why);
        if (find_by_id(criteria, criterion.id)) return refuse("That criterion is already in the scoring model.");
        tx.set_label("Add criterion " + quoted_or(criterion.name, "“(untitled)”"));
        tx.insert(loc::criteria(), std::min(index, criteria.size()), criterion);
        tx.set(loc::scoring_field(&ScoringModel::preset), std::string("custom"));
        return Result::ok();
    });
}

Command edit_criterion(Criterion criterion) {
    return Command(
        [criterion = std::move(criterion)](Transaction& tx) -> Result {
            const auto& criteria = tx.ws().settings.scoring.criteria;
            const std::size_t index = detail::index_of(criteria, criterion.id);
            if (index == detail::npos) return refuse("That criterion no longer exists.");
            if (std::string why = detail::check_criterion(criterion); !why.empty()) return refuse(why);
            tx.set_label("Edit criterion " + quoted_or(criteria[index].name, "“(untitled)”"));
            const ScoringModel before = tx.ws().settings.scoring;
            tx.set([index](Workspace& ws) -> Criterion& { return ws.settings.scoring.criteria[index]; }, criterion);
            tx.set(loc::scoring_field(&ScoringModel::preset), std::string("custom"));
            detail::rescale_scores(tx, before);  // another scale moves the ratings onto it (edit/rescale.hpp)
            return Result::ok();
        });
}

Command remove_criterion(Id id) {
    return Command([id](Transaction& tx) -> Result {
        const auto& criteria = tx.ws().settings.scoring.criteria;
        const std::size_t index = detail::index_of(criteria, id);
        if (index == detail::npos) return refuse("That criterion no longer exists.");
        tx.set_label("Delete criterion " + quoted_or(criteria[index].name, "“(untitled)”"));
        tx.erase(loc::criteria(), index);
        tx.set(loc::scoring_field(&ScoringModel::preset), std::string("custom"));
        detail::conform_scores(tx);
        return Result::ok();
    });
}

Command move_criterion(Id id, std::size_t index) {
    return Command([id, index](Transaction& tx) -> Result {
        const auto& criteria = tx.ws().settings.scoring.criteria;
        const std::size_t from = detail::index_of(criteria, id);
        if (from == detail::npos) return refuse("That criterion no longer exists.");
        const std::size_t to = std::min(index, criteria.size() - 1);
        tx.set_label("Move criterion " + quoted_or(criteria[from].name, "“(untitled)”"));
        if (from != to) tx.move(loc::criteria(), from, loc::criteria(), to);
        return Result::ok();
    });
}

Command set_evidence_weight(double weight) {
    return Command(
        [weight](Transaction& tx) -> Result {
            if (!std::isfinite(weight) || weight < 0 || weight > 1) return refuse("The evidence weight goes from 0 to 1.");
            tx.set_label("Change evidence weight");
            tx.set(loc::scoring_field(&ScoringModel::evidence_weight), weight);
            return Result::ok();
        });
}

Command replace_workspace(Workspace workspace, std::string label) {
    return Command([workspace = std::move(workspace), label = std::move(label)](Transaction& tx) -> Result {
        if (workspace.id != tx.ws().id) return refuse("That is another workspace.");
        tx.set_label(label);
        tx.set([](Workspace& ws) -> Workspace& { return ws; }, workspace);
        return Result::ok();
    });
}

Command replace_scoring_model(ScoringModel model) {
    return Command([model = std::move(model)](Transaction& tx) -> Result {
        std::unordered_set<Id> seen;
        for (const auto& criterion : model.criteria) {
            if (std::string why = detail::check_criterion(criterion); !why.empty()) return refuse(why);
            if (!seen.insert(criterion.id).second) return refuse("Two criteria share an id.");
        }
        if (!std::isfinite(model.evidence_weight) || model.evidence_weight < 0 || model.evidence_weight > 1)
            return refuse("The evidence weight goes from 0 to 1.");
        tx.set_label("Use scoring model " + quoted_or(model.preset, "“custom”"));
        const ScoringModel before = tx.ws().settings.scoring;
        tx.set(loc::settings_field(&Settings::scoring), model);
        detail::rescale_scores(tx, before);   // kept criteria with another scale: ratings rescaled
        return Result::ok();
    });
}

// [SECTION] Repositories: one generic add / replace / remove / move --------------------------------------

namespace {

// What differs between repositories: where the list lives, what it is called, how an item is
// checked, and what must forget a removed item.
template <class T>
struct Repo;

template <>
struct Repo<Persona> {
    static constexpr auto list = &Workspace::personas;
    static constexpr const char* noun = "persona";
    static std::string name(const Persona& p) { return p.name; }
    static std::string check(const Workspace& ws, const Persona& p) { return detail::check_persona(ws, p); }
    static void forget(Transaction& tx, Id id) { detail::strip_persona(tx, id); }
};
template <>
struct Repo<Insight> {
    static constexpr auto list = &Workspace::insights;
    static constexpr const char* noun = "insight";
    static std::string name(const Insight& i) { return i.title; }
    static std::string check(const Workspace& ws, const Insight& i) { return detail::check_insight(ws, i); }
    static void forget(Transaction& tx, Id id) { detail::strip_insight(tx, id); }
};
template <>
struct Repo<Opportunity> {
    static constexpr auto list = &Workspace::opportunities;
    static constexpr const char* noun = "opportunity";
    static std::string name(const Opportunity& o) { return o.title; }
    static std::string check(const Workspace& ws, const Opportunity& o) { return detail::check_opportunity(ws, o); }
    static void forget(Transaction& tx, Id id) { detail::strip_opportunity(tx, id); }
};
template <>
struct Repo<Metric> {
    static constexpr auto list = &Workspace::metrics;
    static constexpr const char* noun = "KPI";
    static std::string name(const Metric& m) { return m.name; }
    static std::string check(const Workspace& ws, const Metric& m) { return detail::check_metric(ws, m); }
    static void forget(Transaction& tx, Id id) { detail::strip_metric(tx, id); }
};
template <>
struct Repo<Channel> {
    static constexpr auto list = &Workspace::channels;
    static constexpr const char* noun = "channel";
    static std::string name(const Channel& c) { return c.name; }
    static std::string check(const Workspace& ws, const Channel& c) { return detail::check_channel(ws, c); }
    static void forget(Transaction& tx, Id id) { detail::strip_channel(tx, id); }
};
template <>
struct Repo<MaturityScan> {
    static constexpr auto list = &Workspace::scans;
    static constexpr const char* noun = "maturity scan";
    static std::string name(const MaturityScan& s) { return "of " + to_iso(s.date); }
    static std::string check(const Workspace& ws, const MaturityScan& s) { return detail::check_scan(ws, s); }
    static void forget(Transaction&, Id) {}
};

template <class T>
std::string label_of(const T& item) {
    const std::string name = Repo<T>::name(item);
    return std::string(Repo<T>::noun) + " " + quoted_or(name, "“(untitled)”");
}

template <class T>
Command add_item(T item, std::size_t index) {
    return Command([item = std::move(item), index](Transaction& tx) -> Result {
        const auto& list = tx.ws().*Repo<T>::list;
        if (item.id.is_nil() || find_by_id(list, item.id))
            return refuse(std::string("The new ") + Repo<T>::noun + " needs an id of its own.");
        if (std::string why = Repo<T>::check(tx.ws(), item); !why.empty()) return refuse(why);
        tx.set_label("Add " + label_of(item));
        tx.insert(loc::ws_field(Repo<T>::list), std::min(index, list.size()), item);
        return Result::ok();
    });
}

template <class T>
Command replace_item(T item) {
    return Command(
        [item = std::move(item)](Transaction& tx) -> Result {
            const auto& list = tx.ws().*Repo<T>::list;
            const std::size_t index = detail::index_of(list, item.id);
            if (index == detail::npos) return refuse(std::string("That ") + Repo<T>::noun + " no longer exists.");
            if (std::string why = Repo<T>::check(tx.ws(), item); !why.empty()) return refuse(why);
            tx.set_label("Edit " + label_of(list[index]));
            tx.set(loc::item(Repo<T>::list, index), item);
            return Result::ok();
        });
}

template <class T>
Command remove_item(Id id) {
    return Command([id](Transaction& tx) -> Result {
        const auto& list = tx.ws().*Repo<T>::list;
        if (detail::index_of(list, id) == detail::npos) return refuse(std::string("That ") + Repo<T>::noun + " no longer exists.");
        tx.set_label("Delete " + label_of(list[detail::index_of(list, id)]));
        Repo<T>::forget(tx, id);
        tx.erase(loc::ws_field(Repo<T>::list), detail::index_of(list, id));
        return Result::ok();
    });
}

template <class T>
Command move_item(Id id, std::size_t index) {
    return Command([id, index](Transaction& tx) -> Result {
        const auto& list = tx.ws().*Repo<T>::list;
        const std::size_t from = detail::index_of(list, id);
        if (from == detail::npos) return refuse(std::string("That ") + Repo<T>::noun + " no longer exists.");
        const std::size_t to = std::min(index, list.size() - 1);
        tx.set_label("Move " + label_of(list[from]));
        if (from != to) tx.move(loc::ws_field(Repo<T>::list), from, loc::ws_field(Repo<T>::list), to);
        return Result::ok();
    });
}

}  // namespace

Command add_persona(Persona persona, std::size_t index) { return add_item(std::move(persona), index); }
Command replace_persona(Persona persona) { return replace_item(std::move(persona)); }
Command remove_persona(Id persona) { return remove_item<Persona>(persona); }
Command move_persona(Id persona, std::size_t index) { return move_item<Persona>(persona, index); }

Command add_insight(Insight insight, std::size_t index) { return add_item(std::move(insight), index); }
Command replace_insight(Insight insight) { return replace_item(std::move(insight)); }

Command add_insights(std::vector<Insight> insights, std::string label) {
    return Command([insights = std::move(insights), label = std::move(label), applied = false](Transaction& tx) mutable -> Result {
        if (applied) return refuse("These insights were added already.");
        if (insights.empty()) return Result::ok();
        const auto& list = tx.ws().insights;
        if (list.size() + insights.size() > limits::kMaxInsights)
            return refuse("A workspace holds at most " + std::to_string(limits::kMaxInsights) + " insights; it has " +
                          std::to_string(list.size()) + " and " + std::to_string(insights.size()) + " would be added.");
        // Ids: sorted once and searched, rather than a hash set of 100,000 nodes (the allocations
        // were most of the time of a big import).
        std::vector<Id> fresh;
        fresh.reserve(insights.size());
        for (const auto& i : insights) {
            if (i.id.is_nil()) return refuse("Each new insight needs an id of its own (" + label_of(i) + " has none).");
            if (std::string why = detail::check_insight(tx.ws(), i); !why.empty()) return refuse(label_of(i) + ": " + why);
            fresh.push_back(i.id);
        }
        std::sort(fresh.begin(), fresh.end());
        if (std::adjacent_find(fresh.begin(), fresh.end()) != fresh.end())
            return refuse("Each new insight needs an id of its own (two of them share one).");
        for (const auto& i : list)
            if (std::binary_search(fresh.begin(), fresh.end(), i.id))
                return refuse("Each new insight needs an id of its own (" + label_of(i) + " already has one of them).");
        std::vector<std::size_t> at(insights.size());
        for (std::size_t k = 0; k < at.size(); ++k) at[k] = list.size() + k;
        tx.set_label(label);
        tx.insert_many(loc::ws_field(&Workspace::insights), std::move(at), std::move(insights));
        insights.clear();
        applied = true;
        return Result::ok();
    });
}
Command remove_insight(Id insight) { return remove_item<Insight>(insight); }

Command add_opportunity(Opportunity opportunity, std::size_t index) { return add_item(std::move(opportunity), index); }
Command replace_opportunity(Opportunity opportunity) { return replace_item(std::move(opportunity)); }
Command remove_opportunity(Id opportunity) { return remove_item<Opportunity>(opportunity); }

Command add_metric(Metric metric, std::size_t index) { return add_item(std::move(metric), index); }
Command replace_metric(Metric metric) { return replace_item(std::move(metric)); }
Command remove_metric(Id metric) { return remove_item<Metric>(metric); }

Command add_channel(Channel channel, std::size_t index) { return add_item(std::move(channel), index); }
Command replace_channel(Channel channel) { return replace_item(std::move(channel)); }
Command remove_channel(Id channel) { return remove_item<Channel>(channel); }

Command add_scan(MaturityScan scan, std::size_t index) { return add_item(std::move(scan), index); }
Command replace_scan(MaturityScan scan) { return replace_item(std::move(scan)); }
Command remove_scan(Id scan) { return remove_item<MaturityScan>(scan); }

// [SECTION] Opportunity details -------------------------------------------------------------------------

namespace {

const char* const kNoOpportunity = "That opportunity no longer exists.";

auto solutions_of(std::size_t opportunity) {
    return loc::item_field(&Workspace::opportunities, opportunity, &Opportunity::solutions);
}

}  // namespace

Command add_solution(Id opportunity, Solution solution, std::size_t index) {
    return Command([opportunity, solution = std::move(solution), index](Transaction& tx) -> Result {
        const std::size_t o = detail::index_of(tx.ws().opportunities, opportunity);
        if (o == detail::npos) return refuse(kNoOpportunity);
        const auto& solutions = tx.ws().opportunities[o].solutions;
        if (solution.id.is_nil() || find_by_id(solutions, solution.id)) return refuse("The new solution needs an id of its own.");
        tx.set_label("Add solution " + quoted_or(solution.title, "“(untitled)”"));
        tx.insert(solutions_of(o), std::min(index, solutions.size()), solution);
        return Result::ok();
    });
}

Command replace_solution(Id opportunity, Solution solution) {
    return Command(
        [opportunity, solution = std::move(solution)](Transaction& tx) -> Result {
            const std::size_t o = detail::index_of(tx.ws().opportunities, opportunity);
            if (o == detail::npos) return refuse(kNoOpportunity);
            const std::size_t s = detail::index_of(tx.ws().opportunities[o].solutions, solution.id);
            if (s == detail::npos) return refuse("That solution no longer exists.");
            tx.set_label("Edit solution " + quoted_or(tx.ws().opportunities[o].solutions[s].title, "“(untitled)”"));
            tx.set([o, s](Workspace& ws) -> Solution& { return ws.opportunities[o].solutions[s]; }, solution);
            return Result::ok();
        });
}

Command remove_solution(Id opportunity, Id solution) {
    return Command([opportunity, solution](Transaction& tx) -> Result {
        const std::size_t o = detail::index_of(tx.ws().opportunities, opportunity);
        if (o == detail::npos) return refuse(kNoOpportunity);
        const std::size_t s = detail::index_of(tx.ws().opportunities[o].solutions, solution);
        if (s == detail::npos) return refuse("That solution no longer exists.");
        tx.set_label("Delete solution " + quoted_or(tx.ws().opportunities[o].solutions[s].title, "“(untitled)”"));
        tx.erase(solutions_of(o), s);
        return Result::ok();
    });
}

Command set_opportunity_score(Id opportunity, Id criterion, std::optional<double> value) {
    return Command(
        [opportunity, criterion, value](Transaction& tx) -> Result {
            const std::size_t o = detail::index_of(tx.ws().opportunities, opportunity);
            if (o == detail::npos) return refuse(kNoOpportunity);
            const Criterion* c = find_by_id(tx.ws().settings.scoring.criteria, criterion);
            if (!c) return refuse("That criterion no longer exists.");
            if (value && (!std::isfinite(*value) || *value < c->scale_min || *value > c->scale_max))
                return refuse(quoted(c->name) + " is scored from " + std::to_string(c->scale_min) + " to " +
                              std::to_string(c->scale_max) + ".");
            const Opportunity& opp = tx.ws().opportunities[o];
            std::vector<CriterionScore> scores;
            bool placed = false;
            for (const auto& s : opp.scores) {
                if (s.criterion != criterion) {
                    scores.push_back(s);
                } else if (value) {
                    scores.push_back(CriterionScore{criterion, *value});
                    placed = true;
                }
            }
            if (value && !placed) scores.push_back(CriterionScore{criterion, *value});
            tx.set_label("Score " + quoted_or(opp.title, "“(untitled)”") + " on " + quoted_or(c->name, "“(untitled)”"));
            tx.set(loc::item_field(&Workspace::opportunities, o, &Opportunity::scores), std::move(scores));
            return Result::ok();
        });
}

Command set_will_not_do(Id opportunity, bool will_not_do, std::string reason) {
    return Command([opportunity, will_not_do, reason = std::move(reason)](Transaction& tx) -> Result {
        const std::size_t o = detail::index_of(tx.ws().opportunities, opportunity);
        if (o == detail::npos) return refuse(kNoOpportunity);
        const std::string title = quoted_or(tx.ws().opportunities[o].title, "“(untitled)”");
        tx.set_label(will_not_do ? "Will not do " + title : "Reconsider " + title);
        tx.set(loc::item_field(&Workspace::opportunities, o, &Opportunity::will_not_do), will_not_do);
        tx.set(loc::item_field(&Workspace::opportunities, o, &Opportunity::will_not_do_reason), reason);
        return Result::ok();
    });
}

// [SECTION] Metric values ----------------------------------------------------------------------------------

Command set_metric_value(Id metric, MetricValue value) {
    return Command(
        [metric, value = std::move(value)](Transaction& tx) -> Result {
            const std::size_t m = detail::index_of(tx.ws().metrics, metric);
            if (m == detail::npos) return refuse("That KPI no longer exists.");
            if (!std::isfinite(value.value)) return refuse("A value must be a number.");
            const auto& values = tx.ws().metrics[m].values;
            tx.set_label("Set " + quoted_or(tx.ws().metrics[m].name, "“(untitled)”") + " on " + to_iso(value.date));
            // Sorted by date, then segment: find the first value not before the new one.
            std::size_t at = 0;
            while (at < values.size() &&
                   (values[at].date < value.date || (values[at].date == value.date && values[at].segment < value.segment)))
                ++at;
            auto list = loc::item_field(&Workspace::metrics, m, &Metric::values);
            if (at < values.size() && values[at].date == value.date && values[at].segment == value.segment)
                tx.set([m, at](Workspace& ws) -> double& { return ws.metrics[m].values[at].value; }, value.value);
            else
                tx.insert(list, at, value);
            return Result::ok();
        });
}

Command remove_metric_value(Id metric, Date date, std::string segment) {
    return Command([metric, date, segment = std::move(segment)](Transaction& tx) -> Result {
        const std::size_t m = detail::index_of(tx.ws().metrics, metric);
        if (m == detail::npos) return refuse("That KPI no longer exists.");
        const auto& values = tx.ws().metrics[m].values;
        for (std::size_t i = 0; i < values.size(); ++i)
            if (values[i].date == date && values[i].segment == segment) {
                tx.set_label("Delete value of " + quoted_or(tx.ws().metrics[m].name, "“(untitled)”") + " on " + to_iso(date));
                tx.erase(loc::item_field(&Workspace::metrics, m, &Metric::values), i);
                return Result::ok();
            }
        return refuse("That value no longer exists.");
    });
}

}  // namespace wm::edit
