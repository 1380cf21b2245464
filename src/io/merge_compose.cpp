// The merged workspace: composed from the union of the records, adjusted so every reference
// resolves and every range holds, the framework links the rules accept, then checked like an import.
//
// Adjustments change the content, not the records: a card that links an insight deleted on the
// other side shows no link, while its record keeps the merged value (a shadow in the history). So
// the merged records stay exactly the union of both sides — which is what makes merging
// commutative, idempotent and associative — and the content is a function of them. A later edit of
// the field stamps the content's value as usual.
//
// [SECTION] index: repairs · framework links · finish_merge
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "framework/framework.hpp"
#include "io/merge_internal.hpp"
#include "model/limits.hpp"
#include "model/validate.hpp"

namespace wm::io::detail {

namespace {

// [SECTION] repairs ------------------------------------------------------------------------------------

struct Index {
    std::unordered_map<Id, const Journey*> journeys;
    std::unordered_map<Id, Id> stage_journey, step_journey, step_stage;
    std::unordered_set<Id> personas, insights, opportunities, metrics, channels;

    explicit Index(const Workspace& ws) {
        for (const Journey& j : ws.journeys) {
            journeys.emplace(j.id, &j);
            for (const Stage& s : j.stages) {
                stage_journey.emplace(s.id, j.id);
                for (const Step& st : s.steps) {
                    step_journey.emplace(st.id, j.id);
                    step_stage.emplace(st.id, s.id);
                }
            }
        }
        for (const Persona& p : ws.personas) personas.insert(p.id);
        for (const Insight& i : ws.insights) insights.insert(i.id);
        for (const Opportunity& o : ws.opportunities) opportunities.insert(o.id);
        for (const Metric& m : ws.metrics) metrics.insert(m.id);
        for (const Channel& c : ws.channels) channels.insert(c.id);
    }
    bool step_of(Id journey, Id step) const {
        const auto it = step_journey.find(step);
        return it != step_journey.end() && it->second == journey;
    }
};

void keep_known(std::vector<Id>& ids, const std::unordered_set<Id>& known) {
    std::erase_if(ids, [&](Id id) { return known.count(id) == 0; });
}

void keep_steps(std::vector<StepRef>& refs, const Index& index) {
    std::erase_if(refs, [&](const StepRef& r) { return !index.step_of(r.journey, r.step); });
}

// An entity a repair may have changed: its key, kind and struct (lists do not move any more).
struct Touched {
    Id key;
    Kind kind;
    const void* entity;
};

// Two valid copies can combine into values no single edit could make: a scale whose minimum one side
// raised above the maximum the other lowered, a level the other side removed, a reference to
// something the other side deleted. Each is mended the way the commands would have, deterministically.
// Returns what it may have changed (a superset: only values that differ become shadows).
std::vector<Touched> repair(Workspace& ws) {
    std::vector<Touched> touched;
    Settings& s = ws.settings;
    if (s.emotion_min >= s.emotion_max) {
        if (s.emotion_min < limits::kEmotionBound) s.emotion_max = s.emotion_min + 1;
        else s.emotion_min = s.emotion_max - 1;
        touched.push_back(Touched{ws.id, Kind::workspace, &ws});
    }
    for (Criterion& c : s.scoring.criteria)
        if (c.scale_min >= c.scale_max) {
            if (c.scale_min < 1'000'000) c.scale_max = c.scale_min + 1;
            else c.scale_min = c.scale_max - 1;
            touched.push_back(Touched{c.id, Kind::criterion, &c});
        }
    const Index index(ws);
    const int top_level = static_cast<int>(s.level_names.size()) - 1;
    // Filters a list of ids, noting the owner when something went.
    auto keep = [&](std::vector<Id>& ids, const std::unordered_set<Id>& known) {
        const std::size_t before = ids.size();
        keep_known(ids, known);
        return ids.size() != before;
    };
    for (Journey& j : ws.journeys) {
        bool changed = false;
        if (top_level >= 0 && (j.level < 0 || j.level > top_level)) {
            j.level = std::clamp(j.level, 0, top_level);
            changed = true;
        }
        if (!j.counterpart.is_nil()) {
            const auto cp = index.journeys.find(j.counterpart);
            if (cp == index.journeys.end() || j.counterpart == j.id || cp->second->state == JourneyState::to_be) {
                j.counterpart = {};
                changed = true;
            }
        }
        changed = keep(j.personas, index.personas) || changed;
        changed = keep(j.metrics, index.metrics) || changed;
        if (changed) touched.push_back(Touched{j.id, Kind::journey, &j});
        for (EmotionScore& e : j.emotions)
            if (e.score < s.emotion_min || e.score > s.emotion_max) {
                e.score = std::clamp(e.score, s.emotion_min, s.emotion_max);
                touched.push_back(Touched{emotion_key(j.id, e), Kind::emotion_score, &e});
            }
        for (Card& c : j.cards) {
            bool card_changed = keep(c.personas, index.personas);
            if (!c.channel.is_nil() && index.channels.count(c.channel) == 0) {
                c.channel = {};
                card_changed = true;
            }
            card_changed = keep(c.insights, index.insights) || card_changed;
            card_changed = keep(c.opportunities, index.opportunities) || card_changed;
            if (card_changed) touched.push_back(Touched{c.id, Kind::card, &c});
        }
    }
    for (Insight& i : ws.insights) {
        const std::size_t steps = i.steps.size();
        const bool changed = keep(i.personas, index.personas);
        keep_steps(i.steps, index);
        if (changed || i.steps.size() != steps) touched.push_back(Touched{i.id, Kind::insight, &i});
    }
    for (Opportunity& o : ws.opportunities) {
        const std::size_t sizes = o.journeys.size() + o.steps.size();
        std::erase_if(o.journeys, [&](Id id) { return index.journeys.count(id) == 0; });
        keep_steps(o.steps, index);
        bool changed = o.journeys.size() + o.steps.size() != sizes;
        changed = keep(o.insights, index.insights) || changed;
        changed = keep(o.personas, index.personas) || changed;
        if (changed) touched.push_back(Touched{o.id, Kind::opportunity, &o});
    }
    for (Metric& m : ws.metrics) {
        const Id stage = m.stage, step = m.step;
        const std::size_t inputs = m.rollup_inputs.size();
        if (!m.stage.is_nil()) {
            const auto it = index.stage_journey.find(m.stage);
            if (it == index.stage_journey.end() || it->second != m.journey) m.stage = {};
        }
        if (!m.step.is_nil()) {
            if (!index.step_of(m.journey, m.step)) m.step = {};
            else if (!m.stage.is_nil() && index.step_stage.at(m.step) != m.stage) m.stage = index.step_stage.at(m.step);  // the step moved
        }
        std::erase_if(m.rollup_inputs, [&](Id id) { return id == m.id || index.metrics.count(id) == 0; });
        if (m.stage != stage || m.step != step || m.rollup_inputs.size() != inputs) touched.push_back(Touched{m.id, Kind::metric, &m});
    }
    return touched;
}

// [SECTION] framework links ----------------------------------------------------------------------------

// Links are taken in a fixed order — the oldest first (by the stamp they were made with), then by
// key — and each one the rules refuse given the levels of the merged journeys is left out. A child
// must sit deeper than its parent, so the accepted links can never form a loop: concurrent
// re-parenting that would close one always breaks the level rule for one of its links, and the
// newer of those is the one left out.
void frame(MergeState& state, Workspace& ws) {
    const Index index(ws);
    const int levels = static_cast<int>(ws.settings.level_names.size());
    struct Candidate {
        Stamp made;
        Id key;
        std::size_t at;  // position in ws.links
    };
    std::vector<Candidate> order;
    const int made_slot = schema_of(Kind::journey_link).slot("parent");
    for (std::size_t i = 0; i < ws.links.size(); ++i) {
        const Id key = link_key(ws.links[i]);
        order.push_back(Candidate{state.merged.entities.at(key).live[static_cast<std::size_t>(made_slot)].stamp, key, i});
    }
    std::sort(order.begin(), order.end(), [](const Candidate& a, const Candidate& b) {
        return a.made != b.made ? a.made < b.made : a.key < b.key;
    });
    std::vector<bool> refused(ws.links.size(), false);
    for (const Candidate& c : order) {
        const JourneyLink& l = ws.links[c.at];
        const auto parent = index.journeys.find(l.parent);
        const auto child = index.journeys.find(l.child);
        bool ok = parent != index.journeys.end() && child != index.journeys.end() && l.parent != l.child;
        if (ok) {
            const int pl = parent->second->level, cl = child->second->level;
            ok = pl >= 0 && cl >= 0 && pl < levels && cl < levels && cl > pl;
        }
        if (ok) {
            const auto stage = index.stage_journey.find(l.stage);
            ok = stage != index.stage_journey.end() && stage->second == l.parent;
            if (ok && !l.step.is_nil()) {
                const auto step = index.step_stage.find(l.step);
                ok = step != index.step_stage.end() && step->second == l.stage;
            }
        }
        refused[c.at] = !ok;
    }
    std::vector<JourneyLink> accepted;
    for (std::size_t i = 0; i < ws.links.size(); ++i)
        if (!refused[i]) accepted.push_back(ws.links[i]);
    std::vector<JourneyLink> all = std::move(ws.links);
    ws.links = std::move(accepted);
    for (const Candidate& c : order) {
        if (!refused[c.at]) continue;
        Finding f;
        f.kind = ConflictKind::left_out;
        f.entity = c.key;
        f.reason = check_link(ws, all[c.at]).value_or("the framework rules refuse it in the merged framework.");
        state.findings.push_back(std::move(f));
        state.merged.entities.at(c.key).in_content = false;
    }
}

std::string problems_text(const std::vector<std::string>& problems) {
    std::string out;
    for (std::size_t i = 0; i < problems.size() && i < 3; ++i) out += (i ? " " : "") + problems[i];
    return out;
}

}  // namespace

// [SECTION] finish_merge -------------------------------------------------------------------------------

std::string finish_merge(MergeState& state, Workspace& out) {
    ComposeResult composed = compose(state.merged);
    if (!composed.workspace) return "The records to merge are incomplete (" + composed.error + "). Nothing was changed.";
    Workspace ws = std::move(*composed.workspace);
    const std::vector<Touched> touched = repair(ws);
    frame(state, ws);

    // Where the content now shows other values than the records: the shadows.
    for (auto& [key, e] : state.merged.entities) e.shown.clear();
    for (const Touched& t : touched) {
        const auto it = state.merged.entities.find(t.key);
        if (it == state.merged.entities.end() || it->second.kind != t.kind)
            return "The merged workspace holds a " + std::string(kind_name(t.kind)) + " its records do not. Nothing was changed.";
        EntityRecords& e = it->second;
        std::vector<std::string> values = field_values(t.kind, t.entity);
        for (std::size_t s = 0; s < values.size(); ++s) {
            if (values[s] == e.live[s].value) continue;
            Finding f;
            f.kind = ConflictKind::adjusted;
            f.entity = t.key;
            f.slot = static_cast<int>(s);
            f.yours_json = e.live[s].value;
            f.theirs_json = values[s];
            state.findings.push_back(std::move(f));
            e.shown.emplace_back(static_cast<std::uint16_t>(s), std::move(values[s]));
        }
    }

    ws.merge = compress(state.merged);
    const LimitCheck limits = check_limits(ws);
    if (!limits.problem.empty()) return "The merged workspace would be too large: " + limits.problem + ". Nothing was changed.";
    if (limits.file_bytes > limits::kMaxFileBytes)
        return "The merged workspace would be too large to save (over " + std::to_string(limits::kMaxFileBytes / (1024 * 1024)) +
               " MB). Nothing was changed.";
    std::vector<std::string> problems = validate(ws);
    if (problems.empty()) problems = check_framework(ws);
    if (!problems.empty()) return "The merged workspace would not be valid: " + problems_text(problems) + " Nothing was changed.";
    out = std::move(ws);
    return {};
}

}  // namespace wm::io::detail
