// Framework graph: the only file that includes Boost.Graph.
//
// Two graphs over the same vertex set (vertex index == index of the journey in Workspace::journeys,
// so sorting by vertex index gives workspace order): the child hierarchy and the variant edges. They
// are kept apart so that a current → to-be edge can never make the hierarchy look cyclic, and so the
// hierarchy algorithms need no edge filtering.
#include "framework/framework.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <unordered_map>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>

namespace wm {
namespace {

struct ChildEdge {
    std::uint32_t link = 0;   // index into Impl::links
};
using ChildGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         boost::no_property, ChildEdge>;
using VariantGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using Vertex = std::size_t;   // both graphs use vecS vertices: descriptor == journey index

struct StepInfo {
    Id id;
    std::string name;
};
struct StageInfo {
    Id id;
    std::string name;
    std::vector<StepInfo> steps;
};
struct Node {
    Id id;
    std::string title;
    int level = 0;
    JourneyState state = JourneyState::current;
    Id counterpart;
    std::vector<StageInfo> stages;
};

// Depth-first search that tolerates loops: records the finish order (children first), the DFS
// tree and the back edges (each one closes a loop). Used when topological_sort reports not_a_dag.
struct LoopTolerantDfs : boost::default_dfs_visitor {
    std::vector<Vertex>* finished;
    std::vector<Vertex>* predecessor;
    std::vector<std::pair<Vertex, Vertex>>* back_edges;
    void tree_edge(ChildGraph::edge_descriptor e, const ChildGraph& g) const {
        (*predecessor)[boost::target(e, g)] = boost::source(e, g);
    }
    void back_edge(ChildGraph::edge_descriptor e, const ChildGraph& g) const {
        back_edges->emplace_back(boost::source(e, g), boost::target(e, g));
    }
    void finish_vertex(Vertex v, const ChildGraph&) const { finished->push_back(v); }
};

std::string quoted(const std::string& title) {
    return "\u201C" + (title.empty() ? std::string("Untitled journey") : title) + "\u201D";
}

std::string quoted_name(const std::string& name) {
    return "\u201C" + (name.empty() ? std::string("unnamed") : name) + "\u201D";
}

}  // namespace

struct Framework::Impl {
    std::vector<Node> nodes;
    std::unordered_map<Id, Vertex> index;
    std::vector<JourneyLink> links;            // links whose two journeys exist, workspace order
    std::vector<std::string> level_names;
    ChildGraph child;
    VariantGraph variant;
    std::vector<Id> rollup;
    bool loop = false;
    std::vector<std::pair<Vertex, Vertex>> back_edges;   // filled only when there is a loop
    std::vector<Vertex> dfs_predecessor;

    // `skip_parent`/`skip_child`: leave out every link between these two (used to check a move).
    Impl(const Workspace& ws, Id skip_parent = {}, Id skip_child = {})
        : level_names(ws.settings.level_names),
          child(ws.journeys.size()),
          variant(ws.journeys.size()) {
        nodes.reserve(ws.journeys.size());
        index.reserve(ws.journeys.size() * 2);
        for (const Journey& j : ws.journeys) {
            Node node{j.id, j.title, j.level, j.state, j.counterpart, {}};
            node.stages.reserve(j.stages.size());
            for (const Stage& s : j.stages) {
                StageInfo stage{s.id, s.name, {}};
                stage.steps.reserve(s.steps.size());
                for (const Step& st : s.steps) stage.steps.push_back(StepInfo{st.id, st.name});
                node.stages.push_back(std::move(stage));
            }
            index.emplace(j.id, nodes.size());   // a duplicate id keeps its first journey
            nodes.push_back(std::move(node));
        }
        links.reserve(ws.links.size());
        for (const JourneyLink& l : ws.links) {
            const auto p = index.find(l.parent);
            const auto c = index.find(l.child);
            if (p == index.end() || c == index.end()) continue;      // dangling: check_framework says so
            if (p->second == c->second) continue;                    // self link: no meaning, reported
            if (l.parent == skip_parent && l.child == skip_child) continue;
            boost::add_edge(p->second, c->second, ChildEdge{static_cast<std::uint32_t>(links.size())}, child);
            links.push_back(l);
        }
        for (Vertex v = 0; v < nodes.size(); ++v) {
            const Id cp = nodes[v].counterpart;
            if (cp.is_nil()) continue;
            const auto it = index.find(cp);
            if (it == index.end() || it->second == v) continue;
            boost::add_edge(it->second, v, variant);                 // current -> to-be
        }
        compute_rollup();
    }

    void compute_rollup() {
        std::vector<Vertex> order;
        order.reserve(nodes.size());
        try {
            boost::topological_sort(child, std::back_inserter(order));   // children come out first
        } catch (const boost::not_a_dag&) {
            // A loop can only come from a broken file; still give every journey a place, and keep
            // the loops for check_framework to describe.
            loop = true;
            order.clear();
            dfs_predecessor.assign(nodes.size(), nodes.size());
            LoopTolerantDfs vis;
            vis.finished = &order;
            vis.predecessor = &dfs_predecessor;
            vis.back_edges = &back_edges;
            boost::depth_first_search(child, boost::visitor(vis));
        }
        rollup.reserve(order.size());
        for (Vertex v : order) rollup.push_back(nodes[v].id);
    }

    [[nodiscard]] const Node* find(Id id) const {
        const auto it = index.find(id);
        return it == index.end() ? nullptr : &nodes[it->second];
    }
    [[nodiscard]] std::optional<Vertex> vertex(Id id) const {
        const auto it = index.find(id);
        if (it == index.end()) return std::nullopt;
        return it->second;
    }

    [[nodiscard]] std::vector<Id> to_ids(std::vector<Vertex> vs) const {
        std::sort(vs.begin(), vs.end());
        vs.erase(std::unique(vs.begin(), vs.end()), vs.end());
        std::vector<Id> out;
        out.reserve(vs.size());
        for (Vertex v : vs) out.push_back(nodes[v].id);
        return out;
    }

    // Every vertex reachable from `start` along child edges (downwards) or against them (upwards).
    [[nodiscard]] std::vector<Vertex> reach(Vertex start, bool down) const {
        std::vector<char> seen(nodes.size(), 0);
        std::vector<Vertex> stack{start}, found;
        seen[start] = 1;
        while (!stack.empty()) {
            const Vertex v = stack.back();
            stack.pop_back();
            auto visit = [&](Vertex w) {
                if (seen[w]) return;
                seen[w] = 1;
                found.push_back(w);
                stack.push_back(w);
            };
            if (down) {
                for (auto [e, end] = boost::out_edges(v, child); e != end; ++e) visit(boost::target(*e, child));
            } else {
                for (auto [e, end] = boost::in_edges(v, child); e != end; ++e) visit(boost::source(*e, child));
            }
        }
        return found;
    }

    // The chain of journeys from `from` down to `to` (both included), or empty if `to` is not below.
    [[nodiscard]] std::vector<Vertex> path_down(Vertex from, Vertex to) const {
        std::vector<Vertex> pred(nodes.size(), nodes.size());
        std::vector<Vertex> queue{from};
        pred[from] = from;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const Vertex v = queue[head];
            if (v == to) break;
            for (auto [e, end] = boost::out_edges(v, child); e != end; ++e) {
                const Vertex w = boost::target(*e, child);
                if (pred[w] != nodes.size()) continue;
                pred[w] = v;
                queue.push_back(w);
            }
        }
        if (pred[to] == nodes.size()) return {};
        std::vector<Vertex> path{to};
        while (path.back() != from) path.push_back(pred[path.back()]);
        std::reverse(path.begin(), path.end());
        return path;
    }

    [[nodiscard]] std::string level_label(int level) const {
        if (level >= 0 && static_cast<std::size_t>(level) < level_names.size() && !level_names[level].empty())
            return level_names[level];
        return "level L" + std::to_string(level);
    }

    [[nodiscard]] bool level_in_range(int level) const {
        return level >= 0 && static_cast<std::size_t>(level) < std::max<std::size_t>(level_names.size(), 1);
    }

    [[nodiscard]] std::string levels_available() const {
        const std::size_t n = std::max<std::size_t>(level_names.size(), 1);
        std::string text = n == 1 ? "only level L0" : "only levels L0\u2013L" + std::to_string(n - 1);
        if (!level_names.empty()) {
            text += " (";
            for (std::size_t i = 0; i < level_names.size(); ++i) text += (i ? ", " : "") + level_names[i];
            text += ")";
        }
        return text;
    }

    [[nodiscard]] std::string level_problem(const Node& j) const {
        return quoted(j.title) + " is on level L" + std::to_string(j.level) + ", but this workspace has " +
               levels_available();
    }

    // Why the anchor of a link (stage, step) is not a place of `parent`; nullopt if it is.
    [[nodiscard]] std::optional<std::string> anchor_problem(const Node& parent, const JourneyLink& l) const {
        if (l.stage.is_nil()) return "no stage of " + quoted(parent.title) + " was chosen to anchor it to";
        const StageInfo* stage = nullptr;
        for (const StageInfo& s : parent.stages)
            if (s.id == l.stage) stage = &s;
        if (!stage) {
            for (const Node& other : nodes)
                for (const StageInfo& s : other.stages)
                    if (s.id == l.stage)
                        return "the stage " + quoted_name(s.name) + " belongs to " + quoted(other.title) +
                               ", not to " + quoted(parent.title);
            return "the chosen stage does not exist in " + quoted(parent.title) + " (it may have been deleted)";
        }
        if (l.step.is_nil()) return std::nullopt;
        for (const StepInfo& st : stage->steps)
            if (st.id == l.step) return std::nullopt;
        for (const StageInfo& s : parent.stages)
            for (const StepInfo& st : s.steps)
                if (st.id == l.step)
                    return "the step " + quoted_name(st.name) + " is in the stage " + quoted_name(s.name) +
                           ", not in " + quoted_name(stage->name);
        return "the chosen step does not exist in the stage " + quoted_name(stage->name) + " of " +
               quoted(parent.title) + " (it may have been deleted)";
    }

    [[nodiscard]] std::string anchor_label(const Node& parent, const JourneyLink& l) const {
        for (const StageInfo& s : parent.stages) {
            if (s.id != l.stage) continue;
            std::string text = quoted_name(s.name);
            for (const StepInfo& st : s.steps)
                if (st.id == l.step) text += " \u203A " + quoted_name(st.name);
            return text;
        }
        return "the same place";
    }

    [[nodiscard]] std::string depth_problem(const Node& parent, const Node& c) const {
        return "a child must sit on a deeper level than its parent (" + level_label(c.level) +
               " is not deeper than " + level_label(parent.level) + ")";
    }

    [[nodiscard]] std::optional<std::string> check(const JourneyLink& l) const {
        const Node* parent = find(l.parent);
        const Node* c = find(l.child);
        if (!parent && !c) return std::string("Neither journey of this link exists (they may have been deleted).");
        if (!c) return "The journey to place under " + quoted(parent->title) + " does not exist (it may have been deleted).";
        if (!parent) return quoted(c->title) + " cannot be placed under a journey that does not exist (it may have been deleted).";
        const std::string head = quoted(c->title) + " cannot be placed under " + quoted(parent->title);
        if (parent == c) return quoted(c->title) + " cannot be placed under itself.";
        if (!level_in_range(c->level)) return head + ": " + level_problem(*c) + ".";
        if (!level_in_range(parent->level)) return head + ": " + level_problem(*parent) + ".";
        if (auto why = anchor_problem(*parent, l)) return head + ": " + *why + ".";
        for (const JourneyLink& existing : links)
            if (existing == l)
                return quoted(c->title) + " is already placed under " + quoted(parent->title) + " at " +
                       anchor_label(*parent, l) + ".";
        const Vertex pv = index.at(l.parent), cv = index.at(l.child);
        const std::vector<Vertex> path = path_down(cv, pv);
        if (!path.empty()) {
            std::string why = head + ": " + quoted(parent->title) + " is already inside " + quoted(c->title);
            if (path.size() > 2) {
                why += " (via ";
                for (std::size_t i = 1; i + 1 < path.size(); ++i)
                    why += (i > 1 ? ", " : "") + quoted(nodes[path[i]].title);
                why += ")";
            }
            return why + ", which would make a loop.";
        }
        if (c->level <= parent->level) return head + ": " + depth_problem(*parent, *c) + ".";
        return std::nullopt;
    }

    // One sentence per loop: for every back edge u -> v of the tolerant DFS, v ... u is a loop.
    [[nodiscard]] std::vector<std::string> loop_problems() const {
        std::vector<std::string> out;
        for (const auto& [u, v] : back_edges) {
            std::vector<Vertex> cycle{u};
            while (cycle.back() != v && dfs_predecessor[cycle.back()] < nodes.size())
                cycle.push_back(dfs_predecessor[cycle.back()]);
            std::reverse(cycle.begin(), cycle.end());   // v ... u, each the parent of the next
            std::string chain;
            for (Vertex w : cycle) chain += quoted(nodes[w].title) + " \u203A ";
            chain += quoted(nodes[v].title);
            out.push_back("These journeys are placed inside each other in a loop: " + chain +
                          ". Remove one of these links.");
        }
        return out;
    }
};

// ---------------------------------------------------------------------------------------------
// Coverage
// ---------------------------------------------------------------------------------------------
std::size_t JourneyCoverage::mapped_stages() const {
    return static_cast<std::size_t>(std::count_if(stages.begin(), stages.end(), [](const CoverageSlot& s) { return s.mapped(); }));
}
std::size_t JourneyCoverage::mapped_steps() const {
    return static_cast<std::size_t>(std::count_if(steps.begin(), steps.end(), [](const CoverageSlot& s) { return s.mapped(); }));
}

// ---------------------------------------------------------------------------------------------
// Framework
// ---------------------------------------------------------------------------------------------
Framework::Framework(const Workspace& ws) : impl_(std::make_unique<Impl>(ws)) {}
Framework::Framework(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Framework::~Framework() = default;
Framework::Framework(Framework&&) noexcept = default;
Framework& Framework::operator=(Framework&&) noexcept = default;

std::size_t Framework::size() const { return impl_->nodes.size(); }
bool Framework::contains(Id journey) const { return impl_->index.count(journey) != 0; }

std::vector<Id> Framework::children(Id journey) const {
    const auto v = impl_->vertex(journey);
    if (!v) return {};
    std::vector<Vertex> out;
    for (auto [e, end] = boost::out_edges(*v, impl_->child); e != end; ++e) out.push_back(boost::target(*e, impl_->child));
    return impl_->to_ids(std::move(out));
}

std::vector<Id> Framework::parents(Id journey) const {
    const auto v = impl_->vertex(journey);
    if (!v) return {};
    std::vector<Vertex> out;
    for (auto [e, end] = boost::in_edges(*v, impl_->child); e != end; ++e) out.push_back(boost::source(*e, impl_->child));
    return impl_->to_ids(std::move(out));
}

std::vector<Id> Framework::ancestors(Id journey) const {
    const auto v = impl_->vertex(journey);
    if (!v) return {};
    std::vector<Vertex> found = impl_->reach(*v, false);
    found.erase(std::remove(found.begin(), found.end(), *v), found.end());   // only inside a loop
    return impl_->to_ids(std::move(found));
}

std::vector<Id> Framework::descendants(Id journey) const {
    const auto v = impl_->vertex(journey);
    if (!v) return {};
    std::vector<Vertex> found = impl_->reach(*v, true);
    found.erase(std::remove(found.begin(), found.end(), *v), found.end());
    return impl_->to_ids(std::move(found));
}

std::vector<Id> Framework::roots() const {
    std::vector<Id> out;
    for (Vertex v = 0; v < impl_->nodes.size(); ++v)
        if (boost::in_degree(v, impl_->child) == 0) out.push_back(impl_->nodes[v].id);
    return out;
}

std::vector<Id> Framework::orphans() const {
    std::vector<Id> out;
    for (Vertex v = 0; v < impl_->nodes.size(); ++v)
        if (impl_->nodes[v].level >= 1 && boost::in_degree(v, impl_->child) == 0) out.push_back(impl_->nodes[v].id);
    return out;
}

std::vector<Id> Framework::rollup_order() const { return impl_->rollup; }
bool Framework::has_loop() const { return impl_->loop; }

std::vector<JourneyLink> Framework::links_of(Id child) const {
    std::vector<JourneyLink> out;
    for (const JourneyLink& l : impl_->links)
        if (l.child == child) out.push_back(l);
    return out;
}

std::vector<JourneyLink> Framework::links_from(Id parent) const {
    std::vector<JourneyLink> out;
    for (const JourneyLink& l : impl_->links)
        if (l.parent == parent) out.push_back(l);
    return out;
}

std::vector<Id> Framework::to_be_of(Id current) const {
    const auto v = impl_->vertex(current);
    if (!v) return {};
    std::vector<Vertex> out;
    for (auto [e, end] = boost::out_edges(*v, impl_->variant); e != end; ++e) out.push_back(boost::target(*e, impl_->variant));
    return impl_->to_ids(std::move(out));
}

std::optional<Id> Framework::current_of(Id to_be) const {
    const auto v = impl_->vertex(to_be);
    if (!v) return std::nullopt;
    for (auto [e, end] = boost::in_edges(*v, impl_->variant); e != end; ++e)
        return impl_->nodes[boost::source(*e, impl_->variant)].id;   // at most one: one counterpart field
    return std::nullopt;
}

std::vector<Id> Framework::variants(Id journey) const {
    const auto v = impl_->vertex(journey);
    if (!v) return {};
    std::vector<Vertex> out;
    for (auto [e, end] = boost::out_edges(*v, impl_->variant); e != end; ++e) out.push_back(boost::target(*e, impl_->variant));
    for (auto [e, end] = boost::in_edges(*v, impl_->variant); e != end; ++e) out.push_back(boost::source(*e, impl_->variant));
    return impl_->to_ids(std::move(out));
}

JourneyCoverage Framework::coverage(Id journey) const {
    JourneyCoverage out;
    const auto v = impl_->vertex(journey);
    if (!v) return out;
    const Node& node = impl_->nodes[*v];
    out.journey = node.id;
    // The out-edges once, then a pass per stage: stages and children per journey are few.
    struct Anchor { Id stage, step; Vertex child; };
    std::vector<Anchor> anchors;
    for (auto [e, end] = boost::out_edges(*v, impl_->child); e != end; ++e) {
        const JourneyLink& l = impl_->links[impl_->child[*e].link];
        anchors.push_back(Anchor{l.stage, l.step, boost::target(*e, impl_->child)});
    }
    for (const StageInfo& stage : node.stages) {
        std::vector<Vertex> at_stage;
        for (const Anchor& a : anchors)
            if (a.stage == stage.id) at_stage.push_back(a.child);
        out.stages.push_back(CoverageSlot{node.id, stage.id, Id{}, impl_->to_ids(std::move(at_stage))});
        for (const StepInfo& step : stage.steps) {
            std::vector<Vertex> at_step;
            for (const Anchor& a : anchors)
                if (a.stage == stage.id && a.step == step.id) at_step.push_back(a.child);
            out.steps.push_back(CoverageSlot{node.id, stage.id, step.id, impl_->to_ids(std::move(at_step))});
        }
    }
    return out;
}

CoverageSummary Framework::coverage_summary() const {
    CoverageSummary out;
    for (const Node& node : impl_->nodes) {
        if (node.level != 0 && node.level != 1) continue;
        JourneyCoverage c = coverage(node.id);
        std::vector<CoverageSlot>& into = node.level == 0 ? out.lifecycle_stages : out.macro_steps;
        std::vector<CoverageSlot>& from = node.level == 0 ? c.stages : c.steps;
        for (CoverageSlot& slot : from) into.push_back(std::move(slot));
    }
    for (const CoverageSlot& s : out.lifecycle_stages) out.lifecycle_stages_mapped += s.mapped();
    for (const CoverageSlot& s : out.macro_steps) out.macro_steps_mapped += s.mapped();
    return out;
}

std::optional<std::string> Framework::check_link(const JourneyLink& link) const { return impl_->check(link); }

// ---------------------------------------------------------------------------------------------
// Free checks and edits
// ---------------------------------------------------------------------------------------------
std::optional<std::string> check_link(const Workspace& ws, const JourneyLink& link) {
    return Framework::Impl(ws).check(link);
}

std::optional<std::string> check_reparent(const Workspace& ws, Id child, Id old_parent, const JourneyLink& new_link) {
    const Journey* c = find_by_id(ws.journeys, child);
    const Journey* old = find_by_id(ws.journeys, old_parent);
    if (!c) return std::string("The journey to move does not exist (it may have been deleted).");
    if (new_link.child != child)
        return quoted(c->title) + " cannot be moved: the new place given is for a different journey.";
    const bool linked = std::any_of(ws.links.begin(), ws.links.end(), [&](const JourneyLink& l) {
        return l.parent == old_parent && l.child == child;
    });
    if (!old || !linked)
        return quoted(c->title) + " is not placed under " + (old ? quoted(old->title) : std::string("that journey")) +
               ", so it cannot be moved from there.";
    return Framework::Impl(ws, old_parent, child).check(new_link);
}

std::vector<std::string> check_framework(const Workspace& ws) {
    std::vector<std::string> out;
    const Framework::Impl impl(ws);
    for (const Node& j : impl.nodes)
        if (!impl.level_in_range(j.level)) out.push_back(impl.level_problem(j) + ".");
    std::vector<JourneyLink> seen;
    for (const JourneyLink& l : ws.links) {
        const Node* parent = impl.find(l.parent);
        const Node* c = impl.find(l.child);
        if (!parent && !c) {
            out.push_back("A link joins two journeys that do not exist.");
            continue;
        }
        if (!c) {
            out.push_back(quoted(parent->title) + " has a child journey that does not exist.");
            continue;
        }
        if (!parent) {
            out.push_back(quoted(c->title) + " is placed under a journey that does not exist.");
            continue;
        }
        if (parent == c) {
            out.push_back(quoted(c->title) + " is placed under itself.");
            continue;
        }
        const std::string head = quoted(c->title) + " is placed under " + quoted(parent->title) + ", but ";
        if (auto why = impl.anchor_problem(*parent, l)) out.push_back(head + *why + ".");
        if (impl.level_in_range(c->level) && impl.level_in_range(parent->level) && c->level <= parent->level)
            out.push_back(head + impl.depth_problem(*parent, *c) + ".");
        if (std::find(seen.begin(), seen.end(), l) != seen.end())
            out.push_back(quoted(c->title) + " is placed under " + quoted(parent->title) + " at " +
                          impl.anchor_label(*parent, l) + " more than once.");
        else
            seen.push_back(l);
    }
    for (std::string& loop : impl.loop_problems()) out.push_back(std::move(loop));
    for (const Node& j : impl.nodes) {
        if (j.counterpart.is_nil()) continue;
        const Node* cp = impl.find(j.counterpart);
        if (!cp)
            out.push_back(quoted(j.title) + " redesigns a current journey that does not exist (it may have been deleted).");
        else if (cp == &j)
            out.push_back(quoted(j.title) + " is marked as the redesign of itself.");
        else if (cp->state == JourneyState::to_be)
            out.push_back(quoted(j.title) + " redesigns " + quoted(cp->title) +
                          ", which is itself a to-be journey; a redesign must point to a current journey.");
    }
    return out;
}

std::optional<std::string> link_journeys(Workspace& ws, const JourneyLink& link) {
    if (auto why = check_link(ws, link)) return why;
    ws.links.push_back(link);
    return std::nullopt;
}

bool unlink_journeys(Workspace& ws, const JourneyLink& link) {
    const auto before = ws.links.size();
    ws.links.erase(std::remove(ws.links.begin(), ws.links.end(), link), ws.links.end());
    return ws.links.size() != before;
}

bool unlink_journeys(Workspace& ws, Id parent, Id child) {
    const auto before = ws.links.size();
    ws.links.erase(std::remove_if(ws.links.begin(), ws.links.end(),
                                  [&](const JourneyLink& l) { return l.parent == parent && l.child == child; }),
                   ws.links.end());
    return ws.links.size() != before;
}

std::optional<std::string> reparent_journey(Workspace& ws, Id child, Id old_parent, const JourneyLink& new_link) {
    if (auto why = check_reparent(ws, child, old_parent, new_link)) return why;
    // The new link takes the place of the first old one, so the child's links keep their order.
    auto first = std::find_if(ws.links.begin(), ws.links.end(), [&](const JourneyLink& l) {
        return l.parent == old_parent && l.child == child;
    });
    *first = new_link;
    ws.links.erase(std::remove_if(std::next(first), ws.links.end(), [&](const JourneyLink& l) {
                       return l.parent == old_parent && l.child == child;
                   }),
                   ws.links.end());
    return std::nullopt;
}

}  // namespace wm
