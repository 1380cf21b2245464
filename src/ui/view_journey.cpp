#include "ui/view_journey.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "edit/commands.hpp"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "model/enum_names.hpp"
#include "ui/app.hpp"
#include "ui/journey_header.hpp"
#include "ui/theme.hpp"
#include "ui/view_insights.hpp"
#include "ui/view_opportunity_editor.hpp"

namespace wm::ui {
namespace {

struct CellKey {
    Id lane, step;
    friend bool operator==(const CellKey&, const CellKey&) = default;
};
struct CellKeyHash {
    std::size_t operator()(const CellKey& k) const noexcept { return std::hash<Id>{}(k.lane) * 31 + std::hash<Id>{}(k.step); }
};

// The persona lens (UiState::personas.lens): cards that concern other personas only are faded, so
// the ones for the chosen persona stand out; cards for everyone (no personas) stay as they are.
float lens_alpha(const Card& card, Id lens) {
    if (lens.is_nil() || card.personas.empty()) return 1.0f;
    return std::find(card.personas.begin(), card.personas.end(), lens) != card.personas.end() ? 1.0f : 0.25f;
}

// A pain card answers a right-click with "New opportunity from this pain": the opportunity takes the
// card's text, journey and step, and the card links to it — one undo step.
void pain_card_menu(const ViewContext& ctx, const Journey& j, const Card& card, ImVec2 pos, ImVec2 size) {
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton(("##card " + card.text).c_str(), size, ImGuiButtonFlags_MouseButtonRight);
    if (ImGui::BeginPopupContextItem("card-menu")) {
        if (ImGui::MenuItem("New opportunity from this pain")) {
            Opportunity o = new_opportunity(card.text);
            o.journeys.push_back(j.id);
            o.steps.push_back(StepRef{j.id, card.step});
            o.personas = card.personas;
            o.insights = card.insights;
            std::vector<Id> linked = card.opportunities;
            linked.push_back(o.id);
            create_opportunity(ctx, std::move(o), edit::set_card_opportunities(j.id, card.id, std::move(linked)));
        }
        ImGui::EndPopup();
    }
}

void draw_cell(const ViewContext& ctx, const Journey& j, const Lane& lane, const Step& step,
               const std::vector<const Card*>* cards) {
    const Id lens = find_by_id(ctx.ws.personas, ctx.ui.personas.lens) ? ctx.ui.personas.lens : Id{};
    if (lane.kind == LaneKind::emotion) {
        for (const auto& e : j.emotions) {
            if (e.lane != lane.id || e.step != step.id) continue;
            if (!lens.is_nil() && e.persona != lens) continue;  // the lens shows only that persona's score
            const Persona* persona = find_by_id(ctx.ws.personas, e.persona);
            ImGui::Text("%s%+d", persona ? (persona->initials + " ").c_str() : "", e.score);
        }
        return;
    }
    if (!cards) return;
    for (const Card* card : *cards) {
        ImGui::PushID(card);
        const float alpha = lens_alpha(*card, lens);
        ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * alpha);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        ImGui::PushTextWrapPos(pos.x + width - 8);
        const ImVec2 text_size = ImGui::CalcTextSize(card->text.c_str(), nullptr, false, width - 16);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float h = text_size.y + 12 + (card->severity > 0 ? 16 : 0);
        dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), rgb(lane.color, static_cast<int>(40 * alpha)), 5);
        dl->AddRectFilled(pos, ImVec2(pos.x + 3, pos.y + h), rgb(lane.color, static_cast<int>(255 * alpha)), 5,
                          ImDrawFlags_RoundCornersLeft);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + 8, pos.y + 6));
        ImGui::TextUnformatted(card->text.c_str());
        if (card->severity > 0) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "Severity %d/5", card->severity);
        ImGui::PopTextWrapPos();
        if (lane.kind == LaneKind::pain) pain_card_menu(ctx, j, *card, pos, ImVec2(width, h));
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + 4));
        ImGui::Dummy(ImVec2(0, 0));
        ImGui::PopStyleVar();
        ImGui::PopID();
    }
}

// Insights on the map (view_insights.hpp): an insight lane lists the insights linked to the step,
// and every cell accepts an insight dragged from the palette, linking it to the cell's step.
void insights_in_cell(const ViewContext& ctx, const Journey& j, const Lane& lane, const Step& step, ImVec2 cell_min,
                      float width) {
    if (lane.kind == LaneKind::insight) draw_step_insights(ctx, j.id, step.id);
    const float bottom = std::max(ImGui::GetCursorScreenPos().y, cell_min.y + ImGui::GetFrameHeight());
    accept_insight_drop(ctx, j.id, step.id, cell_min.x, cell_min.y, cell_min.x + width, bottom);
}

}  // namespace

void draw_journey_view(const ViewContext& ctx) {
    const Journey* journey = find_by_id(ctx.ws.journeys, ctx.ui.place.id);
    if (!journey) {
        ImGui::TextWrapped("This journey no longer exists in the workspace.");
        if (ImGui::Button("Back to the framework")) ctx.go("framework");
        return;
    }
    const Journey& j = *journey;
    draw_journey_header(ctx, j);
    draw_insight_palette(ctx);   // drag sources for linking insights to steps

    std::vector<const Step*> steps;
    for (const auto& stage : j.stages)
        for (const auto& step : stage.steps) steps.push_back(&step);
    if (steps.empty() || j.lanes.empty()) {
        ImGui::TextWrapped("This journey has no %s yet.", steps.empty() ? "steps" : "lanes");
        return;
    }

    std::unordered_map<CellKey, std::vector<const Card*>, CellKeyHash> cells;
    cells.reserve(j.cards.size());
    for (const auto& card : j.cards) cells[CellKey{card.lane, card.step}].push_back(&card);

    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("journey-grid", static_cast<int>(steps.size()) + 1, flags)) return;
    ImGui::TableSetupScrollFreeze(1, 2);
    ImGui::TableSetupColumn("Lane", ImGuiTableColumnFlags_WidthFixed, 170);
    for (const Step* step : steps) ImGui::TableSetupColumn(step->name.c_str(), ImGuiTableColumnFlags_WidthFixed, 190);

    // Row 1: stage names spanning their steps (drawn per column; the first step of a stage names it).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetColumnIndex(0);
    ImGui::TextDisabled("Stage");
    int column = 1;
    for (const auto& stage : j.stages) {
        for (std::size_t i = 0; i < stage.steps.size(); ++i, ++column) {
            if (!ImGui::TableSetColumnIndex(column)) continue;
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, IM_COL32(224, 231, 255, 255));
            if (i == 0) {
                ImGui::PushFont(ctx.fonts.bold);
                ImGui::TextUnformatted(stage.name.c_str());
                ImGui::PopFont();
            }
        }
    }
    // Row 2: step names; moments of truth are marked.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetColumnIndex(0);
    ImGui::TextDisabled("Step");
    for (std::size_t s = 0; s < steps.size(); ++s) {
        if (!ImGui::TableSetColumnIndex(static_cast<int>(s) + 1)) continue;
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, IM_COL32(238, 240, 244, 255));
        if (steps[s]->moment_of_truth) {
            // Moments of truth carry a drawn marker and say what it means on hover.
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetTextLineHeight();
            ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + h * 0.3f, p.y + h * 0.5f), h * 0.28f, color::kWarn);
            ImGui::Dummy(ImVec2(h * 0.6f, h));
            ImGui::SetItemTooltip("Moment of truth");
            ImGui::SameLine();
        }
        ImGui::TextWrapped("%s", steps[s]->name.c_str());
        // An opportunity on this step: one command, then the backlog shows it selected.
        if (ImGui::SmallButton(("+ Opportunity##" + steps[s]->name).c_str())) {
            Opportunity o = new_opportunity("Improve \xE2\x80\x9C" + steps[s]->name + "\xE2\x80\x9D");
            o.journeys.push_back(j.id);
            o.steps.push_back(StepRef{j.id, steps[s]->id});
            create_opportunity(ctx, std::move(o));
        }
    }

    std::string layer;
    for (const auto& lane : j.lanes) {
        if (lane.layer != layer) {
            layer = lane.layer;
            if (!layer.empty()) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(243, 244, 246, 255));
                ImGui::PushFont(ctx.fonts.bold);
                ImGui::TextUnformatted(layer.c_str());
                ImGui::PopFont();
            }
        }
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(&lane);
        {
            // Lane colour swatch, drawn (the UI font has no geometric-shape glyphs).
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetTextLineHeight();
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.25f), ImVec2(p.x + h * 0.5f, p.y + h * 0.75f),
                                                      rgb(lane.color), 2);
            ImGui::Dummy(ImVec2(h * 0.5f, h));
        }
        ImGui::SameLine();
        ImGui::TextWrapped("%s", lane.name.c_str());
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%s", std::string(enum_name(lane.kind)).c_str());
        for (std::size_t s = 0; s < steps.size(); ++s) {
            if (!ImGui::TableSetColumnIndex(static_cast<int>(s) + 1)) continue;
            auto it = cells.find(CellKey{lane.id, steps[s]->id});
            const ImVec2 cell_min = ImGui::GetCursorScreenPos();
            const float cell_width = ImGui::GetContentRegionAvail().x;
            draw_cell(ctx, j, lane, *steps[s], it == cells.end() ? nullptr : &it->second);
            insights_in_cell(ctx, j, lane, *steps[s], cell_min, cell_width);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace wm::ui
