// The journey map for screen readers: see mirror.hpp.
#include "ui/map/mirror.hpp"

#include <algorithm>
#include <unordered_set>

#include "ui/kit/json_text.hpp"
#include "ui/map/internal.hpp"

namespace wm::ui {
namespace {

const char* lane_kind_name(LaneKind k) {
    switch (k) {
        case LaneKind::text: return "text";
        case LaneKind::touchpoint: return "touchpoint";
        case LaneKind::emotion: return "emotion";
        case LaneKind::pain: return "pain";
        case LaneKind::gain: return "gain";
        case LaneKind::insight: return "insight";
        case LaneKind::opportunity: return "opportunity";
        case LaneKind::metric: return "metric";
        case LaneKind::journey_link: return "linked journeys";
    }
    return "text";
}

const char* item_kind_name(layout::ItemKind k) {
    switch (k) {
        case layout::ItemKind::card: return "card";
        case layout::ItemKind::insight: return "insight";
        case layout::ItemKind::opportunity: return "opportunity";
        case layout::ItemKind::metric: return "metric";
        case layout::ItemKind::journey: return "journey";
    }
    return "card";
}

// "+2", "−2" (a real minus sign, as the map draws it), "0".
std::string signed_score(int s) {
    if (s > 0) return "+" + std::to_string(s);
    if (s < 0) return "\xE2\x88\x92" + std::to_string(-s);
    return "0";
}

void item(std::string& out, std::string_view id, std::string_view kind, std::string_view text) {
    if (out.back() != '[') out.push_back(',');
    out += "{\"id\":";
    json::append_string(out, id);
    out += ",\"kind\":";
    json::append_string(out, kind);
    out += ",\"text\":";
    json::append_string(out, text);
    out.push_back('}');
}

}  // namespace

JourneyMirror describe_journey(const Workspace& ws, const Journey& j, const layout::JourneyLayout& lay) {
    JourneyMirror m;
    m.head = "\"view\":\"journey\",\"journey\":";
    json::append_string(m.head, j.id.str());
    m.head += ",\"title\":";
    json::append_string(m.head, j.title);

    std::string& out = m.columns;
    out = "[";
    for (const layout::Column& c : lay.columns) {
        const Stage& stage = j.stages[static_cast<std::size_t>(c.stage)];
        const Step* step = c.step >= 0 ? &stage.steps[static_cast<std::size_t>(c.step)] : nullptr;
        if (out.back() != '[') out.push_back(',');
        out += "{\"step\":";
        json::append_string(out, step ? step->id.str() : std::string());
        out += ",\"stage\":";
        json::append_string(out, stage.name);
        out += ",\"name\":";
        json::append_string(out, step ? step->name : std::string("(no steps yet)"));
        out.push_back('}');
    }
    out.push_back(']');
    for (int r = 0; r < lay.row_count(); ++r) {
        const layout::Row& row = lay.rows[static_cast<std::size_t>(r)];
        if (row.kind != layout::RowKind::lane) continue;
        const Lane& lane = j.lanes[static_cast<std::size_t>(row.lane)];
        std::string& line = m.rows.emplace_back("{\"lane\":");
        json::append_string(line, lane.id.str());
        line += ",\"name\":";
        json::append_string(line, lane.name);
        line += ",\"layer\":";
        json::append_string(line, lane.layer);
        line += ",\"kind\":";
        json::append_string(line, lane_kind_name(lane.kind));
        line += row.collapsed ? ",\"collapsed\":true" : ",\"collapsed\":false";
        line += ",\"cells\":[";
        for (int c = 0; c < lay.column_count(); ++c) {
            line += c == 0 ? "[" : ",[";
            if (row.collapsed) {
                line.push_back(']');
                continue;
            }
            const layout::Column& col = lay.columns[static_cast<std::size_t>(c)];
            if (lane.kind == LaneKind::emotion) {
                if (col.step < 0) {
                    line.push_back(']');
                    continue;
                }
                const Id step = j.stages[static_cast<std::size_t>(col.stage)].steps[static_cast<std::size_t>(col.step)].id;
                for (const EmotionScore& e : j.emotions) {
                    if (e.lane != lane.id || e.step != step) continue;
                    const Persona* p = e.persona.is_nil() ? nullptr : find_by_id(ws.personas, e.persona);
                    const std::string who = e.persona.is_nil() ? std::string("Everyone") : p ? p->name : std::string("A persona");
                    item(line, "", "score",
                         who + ": " + signed_score(e.score) + " (of " + signed_score(ws.settings.emotion_min) + " to " +
                             signed_score(ws.settings.emotion_max) + ")");
                }
            } else {
                const layout::Span items = lay.cell_items(r, c);
                for (int i = items.begin; i < items.end; ++i) {
                    const layout::Item& it = lay.items[static_cast<std::size_t>(i)];
                    item(line, it.id.str(), item_kind_name(it.kind), layout::item_text(ws, j, it));
                }
            }
            line.push_back(']');
        }
        line += "]}";
    }
    return m;
}

std::string journey_selection(const Journey& j, const MapState& map, bool editing) {
    std::string out = ",\"cursor\":{\"lane\":";
    const bool here = map.journey == j.id;
    json::append_string(out, here && !map.sel.lane.is_nil() ? map.sel.lane.str() : std::string());
    out += ",\"step\":";
    json::append_string(out, here && !map.sel.step.is_nil() ? map.sel.step.str() : std::string());
    out += "},\"selected\":[";
    std::string cells = ",\"selectedCells\":[";
    if (here && map.sel.kind == MapSelection::Kind::cards) {
        std::unordered_set<Id> chosen;
        for (std::size_t i = 0; i < std::min<std::size_t>(map.sel.cards.size(), 500); ++i) {
            if (i) out.push_back(',');
            json::append_string(out, map.sel.cards[i].str());
            chosen.insert(map.sel.cards[i]);
        }
        std::unordered_set<std::string> seen;   // each cell once
        for (const Card& c : j.cards) {
            if (!chosen.count(c.id)) continue;
            std::string cell = "[";
            json::append_string(cell, c.lane.str());
            cell.push_back(',');
            json::append_string(cell, c.step.str());
            cell.push_back(']');
            if (!seen.insert(cell).second) continue;
            if (cells.back() != '[') cells.push_back(',');
            cells += cell;
        }
    }
    out += "]" + cells + "]";
    out += editing ? ",\"editing\":true" : ",\"editing\":false";
    return out;
}

std::string journey_mirror(const JourneyMirror& now, const JourneyMirror* before, std::string_view selection) {
    std::string out = "{" + now.head;
    if (before && before->head == now.head && before->columns == now.columns && before->rows.size() == now.rows.size()) {
        out += ",\"delta\":true,\"changed\":[";
        for (std::size_t r = 0; r < now.rows.size(); ++r) {
            if (now.rows[r] == before->rows[r]) continue;
            if (out.back() != '[') out.push_back(',');
            out += "[" + std::to_string(r) + "," + now.rows[r] + "]";
        }
        out.push_back(']');
    } else {
        out += ",\"columns\":" + now.columns + ",\"rows\":[";
        for (std::size_t r = 0; r < now.rows.size(); ++r) {
            if (r) out.push_back(',');
            out += now.rows[r];
        }
        out.push_back(']');
    }
    out += selection;
    out.push_back('}');
    return out;
}

std::string mirror_cell(const Workspace& ws, MapState& st, Id journey, Id lane_id, Id step_id, bool activate, Id card_id) {
    const Journey* j = find_by_id(ws.journeys, journey);
    const Lane* lane = j ? find_by_id(j->lanes, lane_id) : nullptr;
    bool has_step = false;
    if (j)
        for (const Stage& s : j->stages)
            has_step = has_step || std::any_of(s.steps.begin(), s.steps.end(), [&](const Step& x) { return x.id == step_id; });
    if (!lane || !has_step) return "no such cell";
    if (st.editing.kind != MapEditing::Kind::none) return "a text is being edited";
    st.journey = journey;
    if (!card_id.is_nil()) {
        const Card* card = find_by_id(j->cards, card_id);
        if (!card || card->lane != lane_id || card->step != step_id) return "no such card in that cell";
        map::select_cards(st, *j, {card->id});
        if (activate) map::start_edit(st, MapEditing::Kind::card, card->id, card->text);
        st.reveal_selection = true;
        return "";
    }
    if (activate && map::takes_cards(*lane)) {
        map::start_new_card(st, lane_id, step_id);
    } else {
        st.sel = MapSelection{};
        st.sel.kind = MapSelection::Kind::cell;
        st.sel.lane = lane_id;
        st.sel.step = step_id;
    }
    st.reveal_selection = true;
    return activate && !map::takes_cards(*lane) ? "this lane shows items from elsewhere; it takes no cards" : "";
}

}  // namespace wm::ui
