#include "scoring/prioritise.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "model/model.hpp"

namespace wm::scoring {
namespace {

std::string number(double v) {
    // Scores are mostly whole numbers; show one decimal only when there is one.
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string percent(double fraction) { return number(std::round(fraction * 100)) + " %"; }

double mid_scale(const Criterion& c) { return (c.scale_min + c.scale_max) / 2.0; }

const CriterionScore* find_score(const Opportunity& o, Id criterion) {
    for (const auto& s : o.scores)
        if (s.criterion == criterion) return &s;
    return nullptr;
}

}  // namespace

// [SECTION] Evidence ------------------------------------------------------------------------------

bool insight_is_stale(const Insight& insight, Date today, int stale_after_days) {
    if (insight.evidence == Evidence::assumed) return false;
    if (!insight.last_validated) return true;
    return today.days - insight.last_validated->days > stale_after_days;
}

double insight_strength(const Insight& insight, Date today, int stale_after_days) {
    const bool stale = insight_is_stale(insight, today, stale_after_days);
    switch (insight.evidence) {
        case Evidence::validated: return stale ? 0.6 : 1.0;
        case Evidence::observed: return stale ? 0.2 : 0.6;
        case Evidence::assumed: return 0.2;
    }
    return 0;
}

double evidence_strength(const Workspace& ws, const Opportunity& opportunity, Date today) {
    double best = 0;
    for (Id id : opportunity.insights)
        if (const Insight* insight = find_by_id(ws.insights, id))
            best = std::max(best, insight_strength(*insight, today, ws.settings.stale_after_days));
    return best;
}

// [SECTION] Scores --------------------------------------------------------------------------------

const char* group_name(CriterionGroup group) {
    switch (group) {
        case CriterionGroup::customer: return "customer value";
        case CriterionGroup::business: return "business value";
        case CriterionGroup::effort: return "effort";
    }
    return "";
}

namespace {

// The score with the evidence strength already known (rank() finds all of them in one pass).
Score score_with_evidence(const Workspace& ws, const Opportunity& opportunity, double evidence) {
    const ScoringModel& model = ws.settings.scoring;
    Score s;
    s.opportunity = opportunity.id;
    double lo[3] = {0, 0, 0}, hi[3] = {0, 0, 0}, sum[3] = {0, 0, 0};
    bool has_effort = false;
    for (const auto& c : model.criteria) {
        Contribution part;
        part.criterion = c.id;
        part.name = c.name;
        part.group = c.group;
        part.weight = c.weight;
        const CriterionScore* given = find_score(opportunity, c.id);
        part.rated = given != nullptr;
        part.value = given ? given->value : mid_scale(c);
        part.points = c.weight * part.value;
        part.words = c.name + " " + number(part.value) + (part.rated ? "" : " (not rated: middle of the scale)") +
                     " \xC3\x97 weight " + number(c.weight) + " = " + number(part.points) + (part.points == 1 ? " point of " : " points of ") +
                     group_name(c.group);
        if (!part.rated) ++s.unrated;
        const int g = static_cast<int>(c.group);
        sum[g] += part.points;
        lo[g] += c.weight * c.scale_min;
        hi[g] += c.weight * c.scale_max;
        if (c.group == CriterionGroup::effort) has_effort = true;
        s.contributions.push_back(std::move(part));
    }
    s.customer = sum[0];
    s.business = sum[1];
    s.effort = has_effort ? std::max(sum[2], 1.0) : 1.0;
    auto pct = [&](int g) { return hi[g] > lo[g] ? 100.0 * (sum[g] - lo[g]) / (hi[g] - lo[g]) : 0.0; };
    s.customer_pct = pct(0);
    s.business_pct = pct(1);
    s.effort_pct = pct(2);
    s.evidence = evidence;
    const double ew = std::clamp(model.evidence_weight, 0.0, 1.0);
    s.evidence_factor = 1.0 - ew * (1.0 - s.evidence);
    s.priority = (s.customer + s.business) * s.evidence_factor / s.effort;
    return s;
}

}  // namespace

Score score(const Workspace& ws, const Opportunity& opportunity, Date today) {
    return score_with_evidence(ws, opportunity, evidence_strength(ws, opportunity, today));
}

std::vector<std::string> explain(const Workspace& ws, const Score& s, int rank) {
    std::vector<std::string> lines;
    const Opportunity* o = find_by_id(ws.opportunities, s.opportunity);
    if (rank > 0) {
        // Appended piece by piece: g++ 12 warns falsely (-Wrestrict, GCC bug 105329) on "#" + string.
        std::string line = "#";
        line += std::to_string(rank);
        line += " of the open opportunities, with priority " + number(s.priority) + ".";
        lines.push_back(std::move(line));
    } else if (o && o->will_not_do) {
        lines.push_back("Not ranked: decided \"will not do\". Its priority would be " + number(s.priority) + ".");
    } else {
        lines.push_back("Not ranked: done. Its priority would be " + number(s.priority) + ".");
    }
    lines.push_back("Priority = (customer value " + number(s.customer) + " + business value " + number(s.business) +
                    ") \xC3\x97 evidence factor " + percent(s.evidence_factor) + " \xC3\xB7 effort " + number(s.effort) +
                    " = " + number(s.priority));
    for (const auto& part : s.contributions) lines.push_back(part.words);
    const double ew = std::clamp(ws.settings.scoring.evidence_weight, 0.0, 1.0);
    if (o && o->insights.empty())
        lines.push_back("No linked insight: evidence 0, so the score keeps " + percent(s.evidence_factor) +
                        " (evidence weight " + percent(ew) + ").");
    else
        lines.push_back("Evidence " + percent(s.evidence) + " (the strongest linked insight; validated 100 %, observed 60 %, "
                        "assumed 20 %, stale one step lower) keeps " + percent(s.evidence_factor) + " of the value.");
    if (s.unrated > 0)
        lines.push_back(std::to_string(s.unrated) + (s.unrated == 1 ? " criterion is" : " criteria are") +
                        " not rated and counted at the middle of the scale.");
    return lines;
}

// [SECTION] Ranking -------------------------------------------------------------------------------

bool is_ranked(const Opportunity& o) { return !o.will_not_do && o.status != OpportunityStatus::done; }

std::vector<Ranked> rank(const Workspace& ws, Date today) {
    // The strength of every linked insight, found in one pass over the insights: looking each link
    // up in the list would cost links x insights (a repository may hold 100,000).
    std::unordered_map<Id, double> strength;
    for (const auto& o : ws.opportunities)
        for (Id id : o.insights) strength.emplace(id, 0.0);
    if (!strength.empty())
        for (const auto& insight : ws.insights)
            if (auto it = strength.find(insight.id); it != strength.end())
                it->second = std::max(it->second, insight_strength(insight, today, ws.settings.stale_after_days));
    std::vector<Ranked> out;
    out.reserve(ws.opportunities.size());
    for (const auto& o : ws.opportunities) {
        double evidence = 0;   // the strongest linked insight, as evidence_strength() says
        for (Id id : o.insights)
            if (auto it = strength.find(id); it != strength.end()) evidence = std::max(evidence, it->second);
        out.push_back(Ranked{&o, score_with_evidence(ws, o, evidence), 0});
    }
    std::sort(out.begin(), out.end(), [](const Ranked& a, const Ranked& b) {
        const bool ra = is_ranked(*a.opportunity), rb = is_ranked(*b.opportunity);
        if (ra != rb) return ra;
        if (a.score.priority != b.score.priority) return a.score.priority > b.score.priority;
        if (a.score.customer != b.score.customer) return a.score.customer > b.score.customer;
        if (a.opportunity->title != b.opportunity->title) return a.opportunity->title < b.opportunity->title;
        return a.opportunity->id < b.opportunity->id;
    });
    int next = 1;
    for (auto& r : out)
        if (is_ranked(*r.opportunity)) r.rank = next++;
    return out;
}

// [SECTION] Where an opportunity sits --------------------------------------------------------------

std::vector<Id> journeys(const Opportunity& o) {
    std::vector<Id> out;
    auto add = [&](Id id) {
        if (!id.is_nil() && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    };
    for (Id j : o.journeys) add(j);
    for (const auto& s : o.steps) add(s.journey);
    return out;
}

std::vector<int> levels(const Workspace& ws, const Opportunity& o) {
    std::vector<int> out;
    for (Id id : journeys(o))
        if (const Journey* j = find_by_id(ws.journeys, id))
            if (std::find(out.begin(), out.end(), j->level) == out.end()) out.push_back(j->level);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Id> lifecycle_stages(const Workspace& ws, const Opportunity& o) {
    std::unordered_set<Id> found;
    // Steps on a lifecycle journey name their stage directly.
    for (const auto& ref : o.steps)
        if (const Journey* j = find_by_id(ws.journeys, ref.journey); j && j->level == 0) {
            const Stage* stage = nullptr;
            if (find_step(*j, ref.step, &stage) && stage) found.insert(stage->id);
        }
    // Other journeys: walk every parent link upwards (a journey may have several parents); the link
    // whose parent is a lifecycle journey names the stage. `seen` guards against loops in a broken file.
    std::vector<Id> todo;
    for (Id id : journeys(o))
        if (const Journey* j = find_by_id(ws.journeys, id); j && j->level > 0) todo.push_back(id);
    std::unordered_set<Id> seen(todo.begin(), todo.end());
    while (!todo.empty()) {
        const Id child = todo.back();
        todo.pop_back();
        for (const auto& link : ws.links) {
            if (link.child != child) continue;
            const Journey* parent = find_by_id(ws.journeys, link.parent);
            if (!parent) continue;
            if (parent->level == 0)
                found.insert(link.stage);
            else if (seen.insert(link.parent).second)
                todo.push_back(link.parent);
        }
    }
    std::vector<Id> out;
    for (const auto& j : ws.journeys)
        if (j.level == 0)
            for (const auto& stage : j.stages)
                if (found.count(stage.id)) out.push_back(stage.id);
    return out;
}

// [SECTION] Presets --------------------------------------------------------------------------------

const std::vector<Preset>& presets() {
    static const std::vector<Preset> kPresets = {
        {"waymark", "Waymark (customer, business, effort)", "Customer pain and reach, revenue and fit, against effort; evidence counts 20 %."},
        {"rice", "RICE", "Reach and impact against effort; confidence comes from the evidence of linked insights."},
        {"ice", "ICE", "Impact and ease; confidence comes from the evidence of linked insights."},
        {"wsjf", "WSJF", "(Value + time criticality + risk reduction) \xC3\xB7 job size, on Fibonacci-like 1..20 scales."},
    };
    return kPresets;
}

ScoringModel preset_model(std::string_view key) {
    if (key == "rice" || key == "ice" || key == "wsjf") {
        ScoringModel m;
        m.preset = std::string(key);
        auto add = [&](const char* name, const char* description, CriterionGroup group, double weight, int lo, int hi) {
            m.criteria.push_back(Criterion{new_id(), name, description, group, weight, lo, hi});
        };
        if (key == "rice") {
            add("Reach", "How many customers it touches per quarter (1 = a handful, 10 = everyone)", CriterionGroup::customer, 1, 1, 10);
            add("Impact", "Effect on the goal per customer (1 = minimal, 5 = massive)", CriterionGroup::business, 2, 1, 5);
            add("Effort", "Person-weeks of work (1..10)", CriterionGroup::effort, 1, 1, 10);
            m.evidence_weight = 0.5;
        } else if (key == "ice") {
            add("Impact", "How much it improves the experience (1..10)", CriterionGroup::customer, 1, 1, 10);
            add("Ease", "How easy it is to do (10 = trivial)", CriterionGroup::business, 1, 1, 10);
            m.evidence_weight = 0.5;
        } else {
            add("User-business value", "Value to customers and the business", CriterionGroup::customer, 1, 1, 20);
            add("Time criticality", "How much the value decays if we wait", CriterionGroup::business, 1, 1, 20);
            add("Risk reduction / opportunity enablement", "Risk it removes or options it opens", CriterionGroup::business, 1, 1, 20);
            add("Job size", "Relative size of the work", CriterionGroup::effort, 1, 1, 20);
            m.evidence_weight = 0;
        }
        return m;
    }
    return default_scoring_model();
}

namespace {
std::string lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}
}  // namespace

ScoringModel adopt_preset(const ScoringModel& current, std::string_view key) {
    ScoringModel next = preset_model(key);
    for (auto& c : next.criteria)
        for (const auto& old : current.criteria)
            if (lower(old.name) == lower(c.name)) {
                c.id = old.id;
                break;
            }
    return next;
}

std::optional<CriterionScore> pain_relief_rating(const ScoringModel& model, int severity) {
    if (severity < 1 || severity > 5) return std::nullopt;
    for (const Criterion& c : model.criteria) {
        if (lower(c.name) != lower(std::string(kPainRelieved))) continue;
        const double lo = c.scale_min, hi = c.scale_max;
        return CriterionScore{c.id, std::clamp(std::round(lo + (severity - 1) / 4.0 * (hi - lo)), lo, hi)};
    }
    return std::nullopt;
}

}  // namespace wm::scoring
