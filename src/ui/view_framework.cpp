#include "ui/view_framework.hpp"

#include <string>
#include <unordered_map>

#include "framework/framework.hpp"
#include "model/enum_names.hpp"
#include "ui/app.hpp"
#include "ui/new_journey.hpp"
#include "ui/theme.hpp"
#include "imgui.h"

namespace wm::ui {
namespace {

// The lifecycle stage a journey ultimately belongs to: follow the first parent link upwards until a
// level-0 parent is reached. Nil when the journey is not placed under the lifecycle.
Id lifecycle_stage_of(const Workspace& ws, const std::unordered_map<Id, const JourneyLink*>& first_link,
                      const std::unordered_map<Id, int>& level, Id journey) {
    for (std::size_t guard = 0; guard <= ws.journeys.size(); ++guard) {
        auto it = first_link.find(journey);
        if (it == first_link.end()) return {};
        const JourneyLink& link = *it->second;
        auto lv = level.find(link.parent);
        if (lv != level.end() && lv->second == 0) return link.stage;
        journey = link.parent;
    }
    return {};  // a loop: the importer refuses these, so this is only a guard
}

void journey_tile(const ViewContext& ctx, const Journey& j, float width) {
    ImGui::PushID(&j);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float height = 52;
    const std::string label = j.title + "##tile";
    if (ImGui::InvisibleButton(label.c_str(), ImVec2(width, height))) ctx.go("journey", j.id);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 edge = j.state == JourneyState::to_be ? color::kToBe : color::kAccent;
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), hovered ? color::kHover : color::kPaper, 6);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + height), color::kLine, 6);
    dl->AddRectFilled(pos, ImVec2(pos.x + 4, pos.y + height), edge, 6, ImDrawFlags_RoundCornersLeft);
    ImGui::PushClipRect(pos, ImVec2(pos.x + width - 6, pos.y + height), true);
    ImFont* bold = ctx.fonts.bold ? ctx.fonts.bold : ImGui::GetFont();
    dl->AddText(bold, bold->FontSize * ImGui::GetIO().FontGlobalScale, ImVec2(pos.x + 12, pos.y + 7), color::kInk, j.title.c_str());
    std::string meta(enum_name(j.state));
    meta += " \xC2\xB7 ";
    meta += enum_name(j.status);
    meta += " \xC2\xB7 " + std::to_string(j.cards.size()) + " cards";
    ImFont* small = ctx.fonts.small ? ctx.fonts.small : ImGui::GetFont();
    dl->AddText(small, small->FontSize * ImGui::GetIO().FontGlobalScale, ImVec2(pos.x + 12, pos.y + 29), color::kMuted, meta.c_str());
    ImGui::PopClipRect();
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (!j.description.empty()) ImGui::SetItemTooltip("%s", j.description.c_str());
    }
    ImGui::PopID();
}

}  // namespace

void draw_framework_view(const ViewContext& ctx) {
    const Workspace& ws = ctx.ws;
    const Journey* lifecycle = nullptr;
    for (const auto& j : ws.journeys)
        if (j.level == 0) {
            lifecycle = &j;
            break;
        }

    std::unordered_map<Id, const JourneyLink*> first_link;
    std::unordered_map<Id, int> level;
    for (const auto& link : ws.links) first_link.emplace(link.child, &link);
    for (const auto& j : ws.journeys) level[j.id] = j.level;

    const Framework framework(ws);
    const CoverageSummary coverage = framework.coverage_summary();

    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(ws.name.c_str());
    ImGui::PopFont();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted),
                       "%zu journeys \xC2\xB7 %zu of %zu lifecycle stages mapped \xC2\xB7 %zu of %zu macro-journey steps mapped",
                       ws.journeys.size(), coverage.lifecycle_stages_mapped, coverage.lifecycle_stages.size(),
                       coverage.macro_steps_mapped, coverage.macro_steps.size());
    draw_new_journey_button(ctx);
    ImGui::Spacing();

    if (!lifecycle || lifecycle->stages.empty()) {
        ImGui::TextWrapped("This workspace has no lifecycle (level 0) journey with stages, so there is no framework grid to show.");
        return;
    }

    const int columns = static_cast<int>(lifecycle->stages.size());
    const int levels = static_cast<int>(ws.settings.level_names.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoPadOuterX;
    // Which column each journey lands in, computed once for this frame.
    std::unordered_map<Id, Id> column_of;
    for (const auto& j : ws.journeys)
        if (j.level > 0) column_of[j.id] = lifecycle_stage_of(ws, first_link, level, j.id);

    // Journeys that hang nowhere are listed, not hidden: they are work to place.
    std::vector<const Journey*> unplaced;
    for (const auto& j : ws.journeys)
        if (j.level > 0 && column_of[j.id].is_nil()) unplaced.push_back(&j);
    if (!unplaced.empty()) {
        const std::string header = "Not placed under the lifecycle (" + std::to_string(unplaced.size()) + ")";
        if (ImGui::CollapsingHeader(header.c_str()))
            for (const Journey* j : unplaced) journey_tile(ctx, *j, 260);
    }

    if (!ImGui::BeginTable("framework-grid", columns + 1, flags, ImVec2(0, 0))) return;
    const float col_width = 220;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Level", ImGuiTableColumnFlags_WidthFixed, 130);
    for (const auto& stage : lifecycle->stages) ImGui::TableSetupColumn(stage.name.c_str(), ImGuiTableColumnFlags_WidthFixed, col_width);
    ImGui::TableHeadersRow();

    for (int lv = 1; lv < std::max(levels, 2); ++lv) {
        ImGui::TableNextRow(ImGuiTableRowFlags_None, 60);
        ImGui::TableSetColumnIndex(0);
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextWrapped("L%d %s", lv, lv < levels ? ws.settings.level_names[lv].c_str() : "");
        ImGui::PopFont();
        for (int c = 0; c < columns; ++c) {
            if (!ImGui::TableSetColumnIndex(c + 1)) continue;
            const Id stage = lifecycle->stages[c].id;
            int shown = 0;
            for (const auto& j : ws.journeys) {
                if (j.level != lv || column_of[j.id] != stage) continue;
                journey_tile(ctx, j, col_width - 12);
                ++shown;
            }
            if (shown == 0) ImGui::TextDisabled("Not mapped");
        }
    }
    ImGui::EndTable();

}

}  // namespace wm::ui
