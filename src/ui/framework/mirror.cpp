// The journey framework for screen readers: see mirror.hpp.
#include "ui/framework/mirror.hpp"

#include <algorithm>
#include <cstddef>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "scoring/kpi.hpp"
#include "ui/framework/internal.hpp"
#include "ui/kit/json_text.hpp"

namespace wm::ui {
namespace {

std::string level_name(const Workspace& ws, int level) {
    const std::string name = level >= 0 && static_cast<std::size_t>(level) < ws.settings.level_names.size()
                                 ? ws.settings.level_names[static_cast<std::size_t>(level)]
                                 : std::string();
    return "L" + std::to_string(level) + (name.empty() ? std::string() : " " + name);
}

// "NPS 42 / 45 % (on target)", or "" when there is no KPI to show.
std::string headline(const Metric* m, const kpi::Evaluation& kpis) {
    if (!m) return {};
    return kpi::headline_words(*m, kpis.headline(m->id));
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

class Writer {
public:
    explicit Writer(std::string& out) : out_(out) {}
    // One row; expanded: -1 none (a leaf), 0 collapsed, 1 expanded.
    void row(std::string_view id, std::string_view kind, int depth, int expanded, std::initializer_list<std::string> cells) {
        if (out_.back() != '[') out_.push_back(',');
        out_ += "{\"id\":";
        json::append_string(out_, id);
        out_ += ",\"kind\":";
        json::append_string(out_, kind);
        out_ += ",\"depth\":" + std::to_string(depth) + ",\"expanded\":" + (expanded < 0 ? "null" : expanded ? "true" : "false") + ",\"cells\":[";
        bool first = true;
        for (const std::string& c : cells) {
            if (!first) out_.push_back(',');
            first = false;
            json::append_string(out_, c);
        }
        out_ += "]}";
    }

private:
    std::string& out_;
};

struct Tree {
    const Workspace& ws;
    const FrameworkGrid& grid;
    const Derived& derived;
    Writer& w;
    std::unordered_map<Id, std::vector<std::size_t>> children;   // per parent: its tiles, in the grid's order
    std::unordered_set<std::size_t> written;                     // tiles

    Tree(const Workspace& ws_, const FrameworkGrid& grid_, const Derived& derived_, Writer& w_) : ws(ws_), grid(grid_), derived(derived_), w(w_) {
        for (std::size_t t = 0; t < grid.layout.tiles.size(); ++t) children[grid.layout.tiles[t].parent].push_back(t);
    }

    void journey(std::size_t tile, int depth) {
        if (!written.insert(tile).second) return;
        const layout::FwTile& t = grid.layout.tiles[tile];
        const std::size_t index = grid.tile_journey[tile];
        const Journey& j = ws.journeys[index];
        const layout::JourneyFacts& f = derived.journey_facts()[index];
        const Metric* m = f.headline >= 0 && static_cast<std::size_t>(f.headline) < ws.metrics.size() ? &ws.metrics[static_cast<std::size_t>(f.headline)] : nullptr;
        std::string status = journey_status_label(j.status);
        if (j.state == JourneyState::to_be) status += ", to-be";
        if (t.hidden > 0) status += ", " + plural(t.hidden, "journey", "journeys") + " folded away";
        w.row(j.id.str(), "journey", depth, t.has_children ? (t.hidden > 0 ? 0 : 1) : -1,
              {j.title, level_name(ws, j.level), status, std::to_string(f.mapped_steps) + " of " + plural(f.steps, "step", "steps"),
               std::to_string(f.insights) + " (" + std::to_string(f.evidenced) + " with evidence)", std::to_string(f.opportunities), headline(m, derived.kpis())});
        if (t.hidden > 0) return;
        const auto kids = children.find(j.id);
        if (kids != children.end())
            for (const std::size_t c : kids->second)
                if (grid.layout.tiles[c].column == t.column) journey(c, depth + 1);
    }
};

}  // namespace

std::string framework_mirror(const Workspace& ws, const FrameworkGrid& grid, const Derived& derived, const FrameworkState& st) {
    const layout::FrameworkLayout& lay = grid.layout;
    std::string out = "{\"view\":\"framework\",\"title\":\"Journey framework\",\"tree\":{\"caption\":";
    json::append_string(out, "The lifecycle's stages, each with the journeys that hang from it and their children, as the framework grid places them");
    out += ",\"columns\":[\"Journey\",\"Level\",\"Status\",\"Steps detailed\",\"Insights\",\"Opportunities\",\"Headline KPI\"],\"rows\":[";
    Writer w(out);
    Tree tree(ws, grid, derived, w);
    std::unordered_set<Id> drawn;
    for (const layout::FwTile& t : lay.tiles) drawn.insert(t.journey);
    for (std::size_t c = 0; c < lay.columns.size(); ++c) {
        const layout::FwColumn& col = lay.columns[c];
        const bool unplaced = col.stage.is_nil();
        if (unplaced && col.journeys == 0) continue;
        const Metric* m = unplaced ? nullptr : layout::headline_metric(ws, lay.lifecycle, col.stage);
        if (m && m->stage != col.stage) m = nullptr;
        w.row(unplaced ? "unplaced" : col.stage.str(), unplaced ? "unplaced" : "stage", 1, col.journeys > 0 ? 1 : -1,
              {col.name, unplaced ? "Hangs from no lifecycle stage" : "Lifecycle stage", col.journeys == 0 ? "Not mapped" : plural(col.journeys, "journey", "journeys"),
               "", "", "", headline(m, derived.kpis())});
        // The journeys that hang from the stage itself, then any whose parent is not drawn (a folded
        // level), so that nothing placed in the column is missing.
        for (std::size_t t = 0; t < lay.tiles.size(); ++t) {
            const layout::FwTile& tile = lay.tiles[t];
            if (static_cast<std::size_t>(tile.column) == c && (tile.parent == lay.lifecycle || tile.parent.is_nil())) tree.journey(t, 2);
        }
        for (std::size_t t = 0; t < lay.tiles.size(); ++t)
            if (static_cast<std::size_t>(lay.tiles[t].column) == c && !drawn.count(lay.tiles[t].parent)) tree.journey(t, 2);
    }
    out += "]},\"focus\":";
    json::append_string(out, st.focus.is_nil() ? std::string() : st.focus.str());
    out.push_back('}');
    return out;
}

std::string mirror_framework_row(const FrameworkGrid& grid, UiState& ui, Id row, RowAction action) {
    FrameworkState& st = ui.framework;
    const layout::FrameworkLayout& lay = grid.layout;
    const int tile = lay.tile_of(row);
    const bool stage = tile < 0 && std::any_of(lay.columns.begin(), lay.columns.end(), [&](const layout::FwColumn& c) { return !c.stage.is_nil() && c.stage == row; });
    if (tile < 0 && !stage) return "not in the framework grid";
    st.focus = row;
    st.reveal_focus = true;
    switch (action) {
        case RowAction::focus: break;
        case RowAction::activate:
            if (stage) st.stage_selected = row;
            else ui.navigate.push_back(Place{"journey", row});
            break;
        case RowAction::expand:
        case RowAction::collapse: {
            if (stage || !lay.tiles[static_cast<std::size_t>(tile)].has_children) return "it has no child journeys";
            auto it = std::find(st.collapsed.begin(), st.collapsed.end(), row);
            if (action == RowAction::collapse && it == st.collapsed.end()) st.collapsed.push_back(row);
            if (action == RowAction::expand && it != st.collapsed.end()) st.collapsed.erase(it);
            break;
        }
    }
    return {};
}

std::vector<HangPlace> hang_places(const Workspace& ws, Id child, Id parent) {
    std::vector<HangPlace> out;
    const Journey* p = find_by_id(ws.journeys, parent);
    if (!p || !find_by_id(ws.journeys, child)) return out;
    auto add = [&](const Stage& stage, const Step* step) {
        const auto why = fw::check_move(ws, child, JourneyLink{parent, child, stage.id, step ? step->id : Id{}});
        out.push_back(HangPlace{stage.id, step ? step->id : Id{}, step ? step->name : stage.name + " (the whole stage)", why.value_or(std::string())});
    };
    for (const Stage& stage : p->stages) {
        add(stage, nullptr);
        for (const Step& step : stage.steps) add(stage, &step);
    }
    return out;
}

std::string mirror_framework_move(const Workspace& ws, const FrameworkGrid& grid, UiState& ui, Id child, Id target, Id stage, Id step) {
    const Journey* moved = find_by_id(ws.journeys, child);
    if (!moved) return "no such journey";
    const layout::FrameworkLayout& lay = grid.layout;
    JourneyLink link{target, child, stage, step};
    if (std::any_of(lay.columns.begin(), lay.columns.end(), [&](const layout::FwColumn& c) { return !c.stage.is_nil() && c.stage == target; }))
        link = JourneyLink{lay.lifecycle, child, target, {}};   // a lifecycle stage: under the lifecycle there
    else if (!find_by_id(ws.journeys, target))
        return "not a place in the framework";
    else if (stage.is_nil())
        return "choose a stage or step of that journey";
    if (const auto why = fw::check_move(ws, child, link)) return *why;
    ui.queue.push_back(fw::move_command(ws, child, link));
    ui.framework.focus = child;
    ui.framework.reveal_focus = true;
    return {};
}

}  // namespace wm::ui
