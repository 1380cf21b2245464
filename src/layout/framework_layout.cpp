#include "layout/framework_layout.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace wm::layout {
namespace {

struct Placement {
    int column = -1;             // -1: not yet computed
    const JourneyLink* link = nullptr;
};

// Index of a stage / step inside a journey, for ordering groups by where they hang.
std::pair<int, int> anchor_position(const Journey* parent, Id stage, Id step) {
    if (!parent) return {0, 0};
    for (std::size_t s = 0; s < parent->stages.size(); ++s) {
        const Stage& st = parent->stages[s];
        if (st.id != stage) continue;
        for (std::size_t i = 0; i < st.steps.size(); ++i)
            if (st.steps[i].id == step) return {static_cast<int>(s), static_cast<int>(i) + 1};
        return {static_cast<int>(s), 0};
    }
    return {1 << 20, 0};
}

std::string anchor_label(const Journey* parent, Id stage, Id step) {
    if (!parent) return {};
    std::string label = parent->title;
    for (const Stage& st : parent->stages) {
        if (st.id != stage) continue;
        const std::string* name = &st.name;
        for (const Step& s : st.steps)
            if (s.id == step) name = &s.name;
        label += " \xE2\x80\xBA " + *name;   // ›
    }
    return label;
}

}  // namespace

int FrameworkLayout::tile_at(float x, float y) const {
    for (std::size_t i = 0; i < tiles.size(); ++i)
        if (tiles[i].rect.contains(x, y)) return static_cast<int>(i);
    return -1;
}

int FrameworkLayout::column_at(float x) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (x >= columns[i].x && x < columns[i].x + columns[i].w) return static_cast<int>(i);
    return -1;
}

int FrameworkLayout::row_at(float y) const {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (y >= rows[i].y && y < rows[i].y + rows[i].h) return static_cast<int>(i);
    return -1;
}

int FrameworkLayout::tile_of(Id journey) const {
    for (std::size_t i = 0; i < tiles.size(); ++i)
        if (tiles[i].journey == journey) return static_cast<int>(i);
    return -1;
}

Rect FrameworkLayout::cell(int column, int row) const {
    if (column < 0 || row < 0 || column >= static_cast<int>(columns.size()) || row >= static_cast<int>(rows.size())) return {};
    return Rect{columns[column].x, rows[row].y, columns[column].w, rows[row].h};
}

FrameworkLayout layout_framework(const Workspace& ws, const FrameworkOptions& options, const FrameworkMetrics& metrics) {
    FrameworkLayout out;
    out.metrics = metrics;
    const Journey* lifecycle = nullptr;
    for (const Journey& j : ws.journeys)
        if (j.level == 0 && !j.stages.empty()) {
            lifecycle = &j;
            break;
        }
    if (!lifecycle) return out;
    out.lifecycle = lifecycle->id;

    const std::size_t n = ws.journeys.size();
    std::unordered_map<Id, std::size_t> index;
    index.reserve(n);
    for (std::size_t i = 0; i < n; ++i) index.emplace(ws.journeys[i].id, i);
    std::vector<Placement> place(n);
    for (const JourneyLink& link : ws.links) {
        auto c = index.find(link.child);
        if (c != index.end() && !place[c->second].link && index.count(link.parent)) place[c->second].link = &link;
    }
    std::unordered_map<Id, int> stage_column;
    for (std::size_t s = 0; s < lifecycle->stages.size(); ++s) stage_column.emplace(lifecycle->stages[s].id, static_cast<int>(s));
    const int unplaced_column = static_cast<int>(lifecycle->stages.size());

    // The column: the lifecycle stage reached by following first links upwards (memoised; a loop,
    // which only a broken file can hold, ends up not placed).
    auto column_of = [&](std::size_t start) {
        std::vector<std::size_t> chain;
        std::size_t at = start;
        int column = unplaced_column;
        for (std::size_t guard = 0; guard <= n; ++guard) {
            if (place[at].column >= 0) {
                column = place[at].column;
                break;
            }
            chain.push_back(at);
            const JourneyLink* link = place[at].link;
            if (!link) break;
            if (link->parent == lifecycle->id) {
                auto sc = stage_column.find(link->stage);
                if (sc != stage_column.end()) column = sc->second;
                break;
            }
            at = index.at(link->parent);
        }
        for (std::size_t c : chain) place[c].column = column;
        return column;
    };
    bool any_unplaced = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (&ws.journeys[i] == lifecycle) continue;
        if (column_of(i) == unplaced_column) any_unplaced = true;
    }

    // Columns.
    float x = 0;
    for (const Stage& st : lifecycle->stages) {
        out.columns.push_back(FwColumn{st.id, st.name, x, metrics.column_width});
        x += metrics.column_width;
    }
    if (any_unplaced) {
        out.columns.push_back(FwColumn{Id{}, "Not placed", x, metrics.column_width});
        x += metrics.column_width;
    }
    out.width = x;

    // Rows: levels 1 .. the deepest configured or used.
    int deepest = std::max<int>(1, static_cast<int>(ws.settings.level_names.size()) - 1);
    for (const Journey& j : ws.journeys) deepest = std::max(deepest, j.level);
    const int levels_total = static_cast<int>(ws.settings.level_names.size());
    auto row_of = [&](const Journey& j) { return std::clamp(j.level, 1, deepest) - 1; };

    // Hidden by a collapsed ancestor: counted on the topmost collapsed ancestor that is itself shown.
    std::unordered_set<Id> collapsed(options.collapsed.begin(), options.collapsed.end());
    std::vector<char> hidden(n, 0);
    std::unordered_map<Id, int> hidden_under;
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t at = i;
        Id top;
        for (std::size_t guard = 0; guard <= n; ++guard) {
            const JourneyLink* link = place[at].link;
            if (!link || link->parent == lifecycle->id) break;
            if (collapsed.count(link->parent)) top = link->parent;
            at = index.at(link->parent);
        }
        if (!top.is_nil()) {
            hidden[i] = 1;
            ++hidden_under[top];
        }
    }
    // Which journeys have children (their tiles get a collapse chevron); where steps are anchored.
    std::unordered_set<Id> parents;
    std::unordered_set<Id> anchored_steps;
    for (const JourneyLink& link : ws.links) {
        parents.insert(link.parent);
        if (!link.step.is_nil()) anchored_steps.insert(link.step);
    }
    std::unordered_set<int> folded(options.collapsed_levels.begin(), options.collapsed_levels.end());

    // Tiles, row by row so that a group can be ordered by its parent's tile in the row above.
    std::unordered_map<Id, int> order;   // journey → sequence of its tile
    int sequence = 0;
    float y = 0;
    for (int r = 0; r < deepest; ++r) {
        FwRow row;
        row.level = r + 1;
        row.name = row.level < levels_total ? ws.settings.level_names[static_cast<std::size_t>(row.level)] : std::string();
        row.y = y;
        row.collapsed = folded.count(row.level) > 0;
        float row_content = 0;
        for (int c = 0; c < static_cast<int>(out.columns.size()); ++c) {
            // The journeys of this cell, grouped by anchor.
            struct Entry {
                std::size_t journey;
                int group_order, stage_pos, step_pos;
                Id parent, stage, step;
            };
            std::vector<Entry> entries;
            for (std::size_t i = 0; i < n; ++i) {
                const Journey& j = ws.journeys[i];
                if (&j == lifecycle || place[i].column != c || row_of(j) != r) continue;
                ++row.journeys;
                ++out.columns[static_cast<std::size_t>(c)].journeys;
                if (hidden[i] || row.collapsed) continue;
                Entry e{i, -1, 0, 0, {}, {}, {}};
                if (const JourneyLink* link = place[i].link) {
                    e.parent = link->parent;
                    e.stage = link->stage;
                    e.step = link->step;
                    auto o = order.find(link->parent);
                    e.group_order = link->parent == lifecycle->id ? (r == 0 ? -2 : -1) : (o != order.end() ? o->second : 1 << 30);
                    const auto pos = anchor_position(&ws.journeys[index.at(link->parent)], link->stage, link->step);
                    e.stage_pos = pos.first;
                    e.step_pos = pos.second;
                } else {
                    e.group_order = -2;   // not placed, or an extra level-0 journey: no heading
                }
                entries.push_back(e);
            }
            std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
                return std::tie(a.group_order, a.stage_pos, a.step_pos) < std::tie(b.group_order, b.stage_pos, b.step_pos);
            });
            const FwColumn& col = out.columns[static_cast<std::size_t>(c)];
            float cy = y + metrics.cell_pad;
            const float tx = col.x + (col.w - metrics.tile_width) * 0.5f;
            int current_group = -1;
            for (std::size_t k = 0; k < entries.size(); ++k) {
                const Entry& e = entries[k];
                const bool headed = e.group_order != -2;
                if (headed && (current_group < 0 || out.groups[static_cast<std::size_t>(current_group)].parent != e.parent ||
                               out.groups[static_cast<std::size_t>(current_group)].stage != e.stage ||
                               out.groups[static_cast<std::size_t>(current_group)].step != e.step)) {
                    FwGroup g;
                    g.parent = e.parent;
                    g.stage = e.stage;
                    g.step = e.step;
                    g.column = c;
                    g.row = r;
                    g.rect = Rect{tx, cy, metrics.tile_width, metrics.group_header};
                    g.bottom = g.rect.bottom();
                    g.label = anchor_label(&ws.journeys[index.at(e.parent)], e.stage, e.step);
                    auto pt = order.find(e.parent);   // a tile's sequence is its index
                    g.parent_tile = pt != order.end() ? pt->second : -1;
                    out.groups.push_back(std::move(g));
                    current_group = static_cast<int>(out.groups.size()) - 1;
                    cy += metrics.group_header;
                } else if (!headed) {
                    current_group = -1;
                }
                const Journey& j = ws.journeys[e.journey];
                FwTile t;
                t.journey = j.id;
                t.column = c;
                t.row = r;
                t.parent = e.parent;
                t.group = headed ? current_group : -1;
                t.has_children = parents.count(j.id) > 0;
                auto h = hidden_under.find(j.id);
                t.hidden = h != hidden_under.end() ? h->second : 0;
                float height = metrics.tile_height;
                if (options.list_unmapped_steps && j.level + 1 < levels_total) {
                    for (const Stage& st : j.stages)
                        for (const Step& s : st.steps)
                            if (!anchored_steps.count(s.id)) t.unmapped_steps.push_back(s.id);
                    height += metrics.unmapped_line * static_cast<float>(t.unmapped_steps.size());
                }
                t.rect = Rect{tx, cy, metrics.tile_width, height};
                if (t.group >= 0) out.groups[static_cast<std::size_t>(t.group)].bottom = t.rect.bottom();
                cy += height + metrics.tile_gap;
                order[j.id] = sequence++;
                out.tiles.push_back(std::move(t));
            }
            row_content = std::max(row_content, cy - y + metrics.cell_pad - (entries.empty() ? 0 : metrics.tile_gap));
        }
        row.h = row.collapsed ? metrics.row_collapsed : std::max(metrics.row_min, row_content);
        y += row.h;
        out.rows.push_back(std::move(row));
    }
    out.height = y;
    return out;
}

const Metric* headline_metric(const Workspace& ws, Id journey, Id stage) {
    const Metric* any = nullptr;
    for (const Metric& m : ws.metrics) {
        if (m.journey != journey) continue;
        if (m.stage == stage && (stage.is_nil() ? m.step.is_nil() : true)) return &m;
        if (!any && stage.is_nil()) any = &m;
    }
    return any;
}

std::vector<JourneyFacts> journey_facts(const Workspace& ws) {
    const std::size_t n = ws.journeys.size();
    std::vector<JourneyFacts> facts(n);
    std::unordered_map<Id, std::size_t> index;
    index.reserve(n);
    for (std::size_t i = 0; i < n; ++i) index.emplace(ws.journeys[i].id, i);
    auto at = [&](Id journey) -> JourneyFacts* {
        auto it = index.find(journey);
        return it == index.end() ? nullptr : &facts[it->second];
    };
    for (const Insight& in : ws.insights) {
        std::unordered_set<Id> seen;
        for (const StepRef& ref : in.steps)
            if (seen.insert(ref.journey).second)
                if (JourneyFacts* f = at(ref.journey)) {
                    ++f->insights;
                    if (in.evidence != Evidence::assumed) ++f->evidenced;
                }
    }
    for (const Opportunity& op : ws.opportunities) {
        std::unordered_set<Id> seen(op.journeys.begin(), op.journeys.end());
        for (const StepRef& ref : op.steps) seen.insert(ref.journey);
        for (Id journey : seen)
            if (JourneyFacts* f = at(journey)) ++f->opportunities;
    }
    for (std::size_t k = 0; k < ws.metrics.size(); ++k) {
        const Metric& m = ws.metrics[k];
        JourneyFacts* f = at(m.journey);
        if (!f) continue;
        ++f->metrics;
        // The headline: the first KPI of the journey itself, else its first KPI anywhere on it.
        const bool own = m.stage.is_nil() && m.step.is_nil();
        if (f->headline < 0 || (own && !f->headline_is_own)) f->headline = static_cast<int>(k), f->headline_is_own = own;
    }
    std::unordered_set<Id> anchored_steps;
    for (const JourneyLink& link : ws.links)
        if (!link.step.is_nil()) anchored_steps.insert(link.step);
    for (std::size_t i = 0; i < n; ++i) {
        const Journey& j = ws.journeys[i];
        for (const Stage& st : j.stages)
            for (const Step& s : st.steps) {
                ++facts[i].steps;
                if (anchored_steps.count(s.id)) ++facts[i].mapped_steps;
            }
        if (j.state == JourneyState::to_be) {
            facts[i].has_to_be = true;
            if (JourneyFacts* f = at(j.counterpart)) f->has_to_be = true;
        }
    }
    return facts;
}

bool matches(Coverage filter, const Journey& j, const JourneyFacts& facts, int levels) {
    switch (filter) {
        case Coverage::unmapped: return j.level + 1 < levels && facts.mapped_steps < facts.steps;
        case Coverage::no_evidence: return facts.no_evidence();
        case Coverage::no_persona: return j.personas.empty();
        case Coverage::no_kpi: return facts.metrics == 0;
        case Coverage::no_to_be: return j.state == JourneyState::current && !facts.has_to_be;
    }
    return false;
}

}  // namespace wm::layout
