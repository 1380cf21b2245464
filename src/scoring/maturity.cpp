// Stage computation, workspace indicators, disagreements and history of the maturity scan
// (maturity.hpp explains the model; maturity_text.cpp holds the words).
#include "scoring/maturity.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "framework/framework.hpp"

namespace wm::maturity {

const Question* find_question(const std::string& key) {
    for (const auto& q : questionnaire())
        if (key == q.key) return &q;
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Self-assessment
// ---------------------------------------------------------------------------------------------
ScanResult compute(const std::vector<ScanAnswer>& answers) {
    // Last answer per key wins, so a scan edited by appending stays meaningful.
    std::unordered_map<std::string, int> by_key;
    for (const auto& a : answers)
        if (a.stage >= 1 && a.stage <= kStageCount && find_question(a.question)) by_key[a.question] = a.stage;

    ScanResult r;
    for (Area area : kAreas) r.areas[static_cast<std::size_t>(area)].area = area;
    for (const auto& q : questionnaire()) {
        AreaResult& ar = r.areas[static_cast<std::size_t>(q.area)];
        ++ar.questions;
        ++r.questions;
        auto it = by_key.find(q.key);
        if (it == by_key.end()) continue;
        ++ar.answered;
        ++r.answered;
        ar.sum += it->second;
    }
    int answered_areas = 0, weakest = kStageCount;
    double score_sum = 0;
    for (AreaResult& ar : r.areas) {
        if (ar.answered == 0) continue;
        ar.score = double(ar.sum) / double(ar.answered);
        // Integer division floors: a stage is reached when the answers average at least that stage.
        ar.stage = ar.sum / ar.answered;
        ++answered_areas;
        score_sum += ar.score;
        weakest = std::min(weakest, ar.stage);
    }
    if (answered_areas > 0) r.score = score_sum / answered_areas;
    r.stage = answered_areas == kAreaCount ? weakest : 0;
    return r;
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------
namespace {

std::string step_name(const Workspace& ws, Id journey, Id step) {
    const Journey* j = find_by_id(ws.journeys, journey);
    if (!j) return {};
    const Step* s = find_step(*j, step);
    return j->title + " \xE2\x80\xBA " + (s ? s->name : std::string("?"));
}

std::string stage_name_of(const Workspace& ws, Id journey, Id stage) {
    const Journey* j = find_by_id(ws.journeys, journey);
    if (!j) return {};
    const Stage* s = find_by_id(j->stages, stage);
    return j->title + " \xE2\x80\xBA " + (s ? s->name : std::string("?"));
}

Indicator make(const char* key, Area area, const char* title, const char* explanation) {
    Indicator i;
    i.key = key;
    i.area = area;
    i.title = title;
    i.explanation = explanation;
    return i;
}

// The journey a person would open to fix an opportunity or an insight: the first one it names.
Id first_journey(const std::vector<Id>& journeys, const std::vector<StepRef>& steps) {
    if (!journeys.empty()) return journeys.front();
    if (!steps.empty()) return steps.front().journey;
    return {};
}

}  // namespace

std::vector<Indicator> indicators(const Workspace& ws, Date today) {
    std::vector<Indicator> out;
    const Framework framework(ws);
    const CoverageSummary coverage = framework.coverage_summary();

    Indicator lifecycle = make("coverage.lifecycle", Area::framework, "Lifecycle stages with a journey",
                               "Stages of the customer lifecycle (level 0) that at least one journey details.");
    for (const auto& slot : coverage.lifecycle_stages) {
        ++lifecycle.total;
        if (slot.mapped()) ++lifecycle.have;
        else lifecycle.missing.push_back(Missing{slot.stage, stage_name_of(ws, slot.journey, slot.stage), slot.journey});
    }
    out.push_back(std::move(lifecycle));

    Indicator macro = make("coverage.macro-steps", Area::framework, "Macro-journey steps with a micro journey",
                           "Steps of macro (level 1) journeys that a micro journey details.");
    for (const auto& slot : coverage.macro_steps) {
        ++macro.total;
        if (slot.mapped()) ++macro.have;
        else macro.missing.push_back(Missing{slot.step, step_name(ws, slot.journey, slot.step), slot.journey});
    }
    out.push_back(std::move(macro));

    Indicator personas = make("journeys.personas", Area::insight, "Journeys with a persona",
                              "Journeys below the lifecycle that say which persona(s) they are for.");
    for (const auto& j : ws.journeys) {
        if (j.level < 1) continue;
        ++personas.total;
        if (!j.personas.empty()) ++personas.have;
        else personas.missing.push_back(Missing{j.id, j.title, j.id});
    }
    out.push_back(std::move(personas));

    Indicator fresh = make("insights.fresh", Area::insight, "Insights validated and fresh",
                           "Insights whose evidence is validated, last validated within the workspace's staleness limit.");
    for (const auto& in : ws.insights) {
        ++fresh.total;
        const bool ok = in.evidence == Evidence::validated && in.last_validated &&
                        today.days - in.last_validated->days <= ws.settings.stale_after_days;
        if (ok) ++fresh.have;
        else fresh.missing.push_back(Missing{in.id, in.title, first_journey({}, in.steps)});
    }
    out.push_back(std::move(fresh));

    Indicator scored = make("opportunities.scored", Area::prioritisation, "Opportunities scored by the common rules",
                            "Opportunities rated on every criterion of the scoring model, or decided \"will not do\".");
    for (const auto& o : ws.opportunities) {
        ++scored.total;
        bool all = true;
        for (const auto& c : ws.settings.scoring.criteria) {
            const bool rated = std::any_of(o.scores.begin(), o.scores.end(),
                                           [&](const CriterionScore& s) { return s.criterion == c.id; });
            all = all && rated;
        }
        if (all || o.will_not_do) ++scored.have;
        else scored.missing.push_back(Missing{o.id, o.title, first_journey(o.journeys, o.steps)});
    }
    out.push_back(std::move(scored));

    Indicator kpis = make("kpis.tracked", Area::prioritisation, "KPIs with a target and a recent value",
                          "KPIs that have a target and a value dated within the last 92 days.");
    for (const auto& m : ws.metrics) {
        ++kpis.total;
        const bool recent = std::any_of(m.values.begin(), m.values.end(),
                                        [&](const MetricValue& v) { return today.days - v.date.days <= kRecentKpiDays; });
        if (m.target && recent) ++kpis.have;
        else kpis.missing.push_back(Missing{m.id, m.name, m.journey});
    }
    out.push_back(std::move(kpis));

    Indicator to_be = make("journeys.to-be", Area::framework, "Journeys with a to-be version",
                           "Current journeys below the lifecycle that a to-be journey redesigns.");
    std::unordered_set<Id> redesigned;
    for (const auto& j : ws.journeys)
        if (j.state == JourneyState::to_be && !j.counterpart.is_nil()) redesigned.insert(j.counterpart);
    for (const auto& j : ws.journeys) {
        if (j.level < 1 || j.state != JourneyState::current) continue;
        ++to_be.total;
        if (redesigned.count(j.id)) ++to_be.have;
        else to_be.missing.push_back(Missing{j.id, j.title, j.id});
    }
    out.push_back(std::move(to_be));
    return out;
}

int evidence_stage(double ratio) {
    const double clamped = std::clamp(ratio, 0.0, 1.0);
    return 1 + static_cast<int>(std::floor(clamped * 4 + 0.5));
}

std::array<AreaEvidence, kAreaCount> evidence_by_area(const std::vector<Indicator>& list) {
    std::array<AreaEvidence, kAreaCount> out;
    for (Area area : kAreas) {
        AreaEvidence& e = out[static_cast<std::size_t>(area)];
        e.area = area;
        int n = 0;
        double sum = 0;
        for (const auto& i : list)
            if (i.area == area) {
                ++n;
                sum += i.ratio();
            }
        if (n == 0) continue;
        e.ratio = sum / n;
        e.stage = evidence_stage(e.ratio);
    }
    return out;
}

std::vector<Disagreement> disagreements(const ScanResult& result, const std::vector<Indicator>& list) {
    std::vector<Disagreement> out;
    const auto evidence = evidence_by_area(list);
    for (Area area : kAreas) {
        const AreaResult& ar = result.area(area);
        const AreaEvidence& ev = evidence[static_cast<std::size_t>(area)];
        if (ar.stage == 0 || ev.stage == 0 || std::abs(ar.stage - ev.stage) < 2) continue;
        // The weakest indicator is where the gap shows most; it is what the sentence points at.
        const Indicator* weakest = nullptr;
        for (const auto& i : list)
            if (i.area == area && (!weakest || i.ratio() < weakest->ratio())) weakest = &i;
        const Indicator* strongest = nullptr;
        for (const auto& i : list)
            if (i.area == area && (!strongest || i.ratio() > strongest->ratio())) strongest = &i;
        Disagreement d{area, ar.stage, ev.stage, {}};
        const std::string answers = "The answers place " + std::string(area_name(area)) + " at stage " +
                                    std::to_string(ar.stage) + ", the workspace looks like stage " + std::to_string(ev.stage);
        if (ar.stage > ev.stage) {
            d.sentence = answers + ": it does not show yet. Weakest sign: " + weakest->title + ", " +
                         std::to_string(weakest->have) + " of " + std::to_string(weakest->total) + ".";
        } else {
            d.sentence = answers + ": the work shows more than the answers claim. Strongest sign: " + strongest->title +
                         ", " + std::to_string(strongest->have) + " of " + std::to_string(strongest->total) + ".";
        }
        out.push_back(std::move(d));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------
std::vector<HistoryPoint> history(const Workspace& ws) {
    std::vector<HistoryPoint> out;
    out.reserve(ws.scans.size());
    for (const auto& s : ws.scans) out.push_back(HistoryPoint{s.id, s.date, compute(s)});
    std::stable_sort(out.begin(), out.end(), [](const HistoryPoint& a, const HistoryPoint& b) { return a.date < b.date; });
    return out;
}

}  // namespace wm::maturity
