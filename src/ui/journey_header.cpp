#include "ui/journey_header.hpp"

#include <string>

#include "edit/commands.hpp"
#include "imgui.h"
#include "model/enum_names.hpp"
#include "ui/app.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace wm::ui {

void draw_journey_header(const ViewContext& ctx, const Journey& j) {
    const Workspace& ws = ctx.ws;
    ImGui::PushID("journey-header");
    ImGui::PushFont(ctx.fonts.heading);
    std::string text;
    if (text_field("##Journey title", j.title, &text, 520)) ctx.emit(edit::set_journey_title(j.id, text));
    ImGui::PopFont();

    const std::string level = j.level < static_cast<int>(ws.settings.level_names.size())
                                  ? "L" + std::to_string(j.level) + " " + ws.settings.level_names[j.level]
                                  : "L" + std::to_string(j.level);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%s", level.c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    if (ImGui::BeginCombo("State", std::string(enum_name(j.state)).c_str())) {
        for (std::size_t i = 0; i < enum_count<JourneyState>(); ++i) {
            const auto state = static_cast<JourneyState>(i);
            if (ImGui::Selectable(std::string(enum_name(state)).c_str(), state == j.state) && state != j.state)
                ctx.emit(edit::set_journey_state(j.id, state));
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160);
    if (ImGui::BeginCombo("Status", std::string(enum_name(j.status)).c_str())) {
        for (std::size_t i = 0; i < enum_count<JourneyStatus>(); ++i) {
            const auto status = static_cast<JourneyStatus>(i);
            if (ImGui::Selectable(std::string(enum_name(status)).c_str(), status == j.status) && status != j.status)
                ctx.emit(edit::set_journey_status(j.id, status));
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (!j.personas.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "For:");
        for (Id pid : j.personas) {
            const Persona* p = find_by_id(ws.personas, pid);
            if (!p) continue;
            ImGui::SameLine();
            ImGui::TextColored(rgb4(p->color), "%s", p->name.c_str());
        }
    }
    if (j.state == JourneyState::to_be && !j.counterpart.is_nil()) {
        if (const Journey* current = find_by_id(ws.journeys, j.counterpart)) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kToBe), "To-be version of");
            ImGui::SameLine();
            if (ImGui::SmallButton(current->title.c_str())) ctx.go("journey", current->id);
        }
    }
    if (text_field("##Journey description", j.description, &text, -1, true)) ctx.emit(edit::set_journey_description(j.id, text));
    ImGui::PopID();
}

}  // namespace wm::ui
