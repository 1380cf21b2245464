// The journey grid and its CSV (see export_grid.hpp for the contract). The cells come from
// layout_journey, the same pass that places items on the canvas, so derived items (insights,
// opportunities, KPIs, child journeys) appear in exactly the cells and order the map uses.
#include "io/export_grid.hpp"

#include "io/csv.hpp"
#include "layout/journey_layout.hpp"

namespace wm::io {
namespace {

std::string card_entry(const Workspace& ws, const Card& card, LaneKind kind) {
    std::string text = card.text;
    if ((kind == LaneKind::pain || kind == LaneKind::gain) && card.severity > 0)
        text += " (severity " + std::to_string(card.severity) + "/5)";
    if (kind == LaneKind::touchpoint && card.channel)
        if (const Channel* channel = find_by_id(ws.channels, card.channel)) text += " (" + channel->name + ")";
    return text;
}

// Everyone's curve first, then the personas' in workspace order; a score for a deleted persona is
// not shown (the map draws no curve for it either).
std::vector<std::string> emotion_entries(const Workspace& ws, const Journey& journey, Id lane, Id step) {
    std::vector<std::string> out;
    for (const EmotionScore& e : journey.emotions)
        if (e.lane == lane && e.step == step && e.persona.is_nil()) out.push_back(std::string("Everyone: ") + signed_score(e.score));
    for (const Persona& p : ws.personas)
        for (const EmotionScore& e : journey.emotions)
            if (e.lane == lane && e.step == step && e.persona == p.id) out.push_back(p.name + ": " + signed_score(e.score));
    return out;
}

}  // namespace

std::string signed_score(int score) {
    std::string text = score > 0 ? "+" : "";
    return text += std::to_string(score);
}

JourneyGrid journey_grid(const Workspace& ws, const Journey& journey) {
    // Every lane expanded, so that each gets a row with its items.
    Journey open = journey;
    for (Lane& lane : open.lanes) lane.collapsed = false;
    const layout::JourneyLayout lay = layout::layout_journey(ws, open, [](std::string_view, float) { return 0.0f; });

    JourneyGrid grid;
    for (const layout::Column& c : lay.columns) {
        const Stage& stage = journey.stages[static_cast<std::size_t>(c.stage)];
        GridColumn col;
        col.stage = c.stage;
        col.step = c.step;
        col.stage_name = stage.name;
        if (c.step >= 0) {
            const Step& step = stage.steps[static_cast<std::size_t>(c.step)];
            col.step_name = step.name;
            col.moment_of_truth = step.moment_of_truth;
        }
        grid.columns.push_back(std::move(col));
    }
    for (int r = 0; r < lay.row_count(); ++r) {
        const layout::Row& row = lay.rows[static_cast<std::size_t>(r)];
        if (row.kind != layout::RowKind::lane) continue;
        const Lane& lane = journey.lanes[static_cast<std::size_t>(row.lane)];
        grid.rows.push_back(GridRow{row.lane, lane.name, lane.layer, lane.kind});
        auto& cells = grid.cells.emplace_back(grid.columns.size());
        for (int c = 0; c < lay.column_count(); ++c) {
            const GridColumn& col = grid.columns[static_cast<std::size_t>(c)];
            auto& entries = cells[static_cast<std::size_t>(c)];
            if (lane.kind == LaneKind::emotion) {
                if (col.step >= 0)
                    entries = emotion_entries(ws, journey, lane.id,
                                              journey.stages[static_cast<std::size_t>(col.stage)].steps[static_cast<std::size_t>(col.step)].id);
                continue;
            }
            const layout::Span items = lay.cell_items(r, c);
            for (int i = items.begin; i < items.end; ++i) {
                const layout::Item& item = lay.items[static_cast<std::size_t>(i)];
                if (item.kind == layout::ItemKind::card)
                    entries.push_back(card_entry(ws, journey.cards[static_cast<std::size_t>(item.index)], lane.kind));
                else
                    entries.push_back(layout::item_text(ws, journey, item));
            }
        }
    }
    return grid;
}

std::string journey_grid_csv(const Workspace& ws, const Journey& journey) {
    const JourneyGrid grid = journey_grid(ws, journey);
    std::vector<std::string> stages{"Stage"}, steps{"Step"};
    for (const GridColumn& c : grid.columns) {
        stages.push_back(c.stage_name);
        steps.push_back(c.step_name);
    }
    std::string out(kUtf8Bom);
    out += csv_record(stages);
    out += csv_record(steps);
    for (std::size_t r = 0; r < grid.rows.size(); ++r) {
        std::vector<std::string> fields{grid.rows[r].name};
        for (const auto& entries : grid.cells[r]) {
            std::string cell;
            for (std::size_t k = 0; k < entries.size(); ++k) {
                if (k) cell += '\n';
                cell += entries[k];
            }
            fields.push_back(std::move(cell));
        }
        out += csv_record(fields);
    }
    return out;
}

}  // namespace wm::io
