#include "ui/new_journey.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "edit/commands.hpp"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "model/templates.hpp"
#include "ui/theme.hpp"

namespace wm::ui {

void draw_new_journey_button(const ViewContext& ctx) {
    NewJourneyDraft& d = ctx.ui.new_journey;
    const Workspace& ws = ctx.ws;
    if (ImGui::Button("New journey\xE2\x80\xA6")) {
        d = NewJourneyDraft{};
        d.level = ws.settings.level_names.size() > 1 ? 1 : 0;
        if (auto t = template_from_key(ws.settings.default_template)) d.template_index = static_cast<int>(*t);
        ImGui::OpenPopup("new-journey");
    }
    if (!ImGui::BeginPopup("new-journey")) return;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "Title");
    if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
        ctx.ui.animate_frames = std::max(ctx.ui.animate_frames, 3);  // focus lands on a later frame
    }
    ImGui::SetNextItemWidth(360);
    ImGui::InputTextWithHint("##New journey title", "e.g. Buying a phone in a store", &d.title);

    ImGui::SeparatorText("Level");
    const int levels = static_cast<int>(ws.settings.level_names.size());
    for (int lv = 1; lv < levels; ++lv) {
        const std::string label = "L" + std::to_string(lv) + " " + ws.settings.level_names[lv] + "##new journey level";
        if (ImGui::RadioButton(label.c_str(), d.level == lv)) {
            d.level = lv;
            d.parent = {};
            d.stage = {};
        }
    }
    // Where it hangs: a stage of a journey one level up (the lifecycle for macro journeys).
    ImGui::SeparatorText("Under");
    if (ImGui::RadioButton("Not placed yet##new journey", d.parent.is_nil())) {
        d.parent = {};
        d.stage = {};
    }
    for (const auto& p : ws.journeys) {
        if (p.level != d.level - 1) continue;
        for (const auto& s : p.stages) {
            const std::string label = p.title + " \xE2\x80\xBA " + s.name + "##under " + s.id.str();
            if (ImGui::RadioButton(label.c_str(), d.parent == p.id && d.stage == s.id)) {
                d.parent = p.id;
                d.stage = s.id;
            }
        }
    }
    ImGui::SeparatorText("Lanes");
    for (std::size_t t = 0; t < kLaneTemplates.size(); ++t) {
        const std::string label = std::string(kLaneTemplates[t].name) + "##new journey template";
        if (ImGui::RadioButton(label.c_str(), d.template_index == static_cast<int>(t))) d.template_index = static_cast<int>(t);
        ImGui::SetItemTooltip("%s", std::string(kLaneTemplates[t].description).c_str());
    }
    if (ImGui::RadioButton("No lanes yet##new journey template", d.template_index < 0)) d.template_index = -1;
    ImGui::Spacing();
    ImGui::BeginDisabled(d.title.empty());
    if (ImGui::Button("Create journey") || (!d.title.empty() && ImGui::IsKeyPressed(ImGuiKey_Enter))) {
        Journey j;
        j.id = new_id();
        j.title = d.title;
        j.level = d.level;
        j.stages = default_stages();
        if (d.template_index >= 0) j.lanes = make_template_lanes(kLaneTemplates[static_cast<std::size_t>(d.template_index)].id);
        const Id id = j.id;
        std::vector<edit::Command> steps;
        steps.push_back(edit::add_journey(std::move(j)));
        if (!d.parent.is_nil()) steps.push_back(edit::add_link(JourneyLink{d.parent, id, d.stage, {}}));
        ctx.emit(edit::sequence("New journey \xE2\x80\x9C" + d.title + "\xE2\x80\x9D", std::move(steps)));
        ctx.go("journey", id);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel##new journey")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace wm::ui
