#include "ui/map/header.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "edit/commands.hpp"
#include "imgui.h"
#include "model/enum_names.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kpi/editor.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/theme.hpp"
#include "ui/compare/view.hpp"
#include "ui/personas/view.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui {
namespace {

// Who the journey is for: their avatars, and a popup of checkboxes to change it (one command per
// tick, in the workspace's persona order so the list reads the same everywhere).
void draw_journey_personas(const ViewContext& ctx, const Journey& j) {
    const Workspace& ws = ctx.ws;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "For:");
    const float d = ImGui::GetFrameHeight();
    for (Id pid : j.personas) {
        const Persona* p = find_by_id(ws.personas, pid);
        if (!p) continue;
        ImGui::SameLine(0, 4);
        draw_avatar(*p, d);
    }
    ImGui::SameLine();
    if (ImGui::Button("Edit personas")) ImGui::OpenPopup("journey-personas");
    if (ImGui::BeginPopup("journey-personas")) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "Who is this journey for?");
        if (ws.personas.empty()) ImGui::TextUnformatted("No personas yet: add them in the Personas view.");
        for (const auto& p : ws.personas) {
            bool on = std::find(j.personas.begin(), j.personas.end(), p.id) != j.personas.end();
            const std::string label = p.name + "##journey persona " + p.id.str();
            if (ImGui::Checkbox(label.c_str(), &on)) {
                std::vector<Id> chosen;
                for (const auto& q : ws.personas)
                    if (q.id == p.id ? on : std::find(j.personas.begin(), j.personas.end(), q.id) != j.personas.end())
                        chosen.push_back(q.id);
                ctx.emit(edit::set_journey_personas(j.id, std::move(chosen)));
            }
        }
        ImGui::EndPopup();
    }
}

// The persona lens (UiState::personas.lens): read every map through one persona's eyes, or everyone's.
void draw_persona_lens(const ViewContext& ctx) {
    const Persona* lens = find_by_id(ctx.ws.personas, ctx.ui.personas.lens);
    // A button and a popup rather than a combo: a combo reports no label to the test hook.
    if (ImGui::Button("Lens")) ImGui::OpenPopup("persona-lens");
    ImGui::SameLine(0, 6);
    if (lens) {
        draw_avatar(*lens, ImGui::GetFrameHeight());
        ImGui::SameLine(0, 6);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(lens->name.c_str());
    } else {
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "Everyone");
    }
    if (ImGui::BeginPopup("persona-lens")) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "Read the map as");
        if (ImGui::Selectable("Everyone##lens", !lens)) ctx.ui.personas.lens = {};
        for (const auto& p : ctx.ws.personas) {
            const std::string label = p.name + "##lens";
            if (ImGui::Selectable(label.c_str(), lens == &p)) ctx.ui.personas.lens = p.id;
        }
        ImGui::EndPopup();
    }
}

// A form label on the left of the field `width` wide that follows it: the label is registered as
// "label <text>", the field (a combo, "##<text>") as "<text>".
void field_label(const char* text, float width) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    expose_rect(std::string("label ") + text, ItemRect{a.x, a.y, b.x - a.x, b.y - a.y});
    ImGui::SameLine(0, 6);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    expose_rect(text, ItemRect{at.x, at.y, width, ImGui::GetFrameHeight()});
}

}  // namespace

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
    // The row wraps where the window is too narrow for it (a large text size), group by group.
    ImGui::AlignTextToFramePadding();   // on the fields' baseline
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%s", level.c_str());
    flow_group_begin("state group");
    field_label("State", 110);   // the label before its field, as in a form
    ImGui::SetNextItemWidth(110);
    if (ImGui::BeginCombo("##State", std::string(enum_name(j.state)).c_str())) {
        for (std::size_t i = 0; i < enum_count<JourneyState>(); ++i) {
            const auto state = static_cast<JourneyState>(i);
            if (ImGui::Selectable(std::string(enum_name(state)).c_str(), state == j.state) && state != j.state)
                ctx.emit(edit::set_journey_state(j.id, state));
        }
        ImGui::EndCombo();
    }
    flow_group_end("state group");
    flow_group_begin("status group");
    field_label("Status", 160);   // the label before its field, as in a form
    ImGui::SetNextItemWidth(160);
    if (ImGui::BeginCombo("##Status", std::string(enum_name(j.status)).c_str())) {
        for (std::size_t i = 0; i < enum_count<JourneyStatus>(); ++i) {
            const auto status = static_cast<JourneyStatus>(i);
            if (ImGui::Selectable(std::string(enum_name(status)).c_str(), status == j.status) && status != j.status)
                ctx.emit(edit::set_journey_status(j.id, status));
        }
        ImGui::EndCombo();
    }
    flow_group_end("status group");
    flow_group_begin("personas group");
    draw_journey_personas(ctx, j);
    flow_group_end("personas group");
    flow_group_begin("lens group");
    draw_persona_lens(ctx);
    flow_group_end("lens group");
    flow_group_begin("to-be group");
    draw_to_be_buttons(ctx, j);
    flow_group_end("to-be group");
    flow_group_begin("kpi group");
    draw_kpi_button(ctx, j);
    flow_group_end("kpi group");
    if (j.state == JourneyState::to_be && !j.counterpart.is_nil()) {
        if (const Journey* current = find_by_id(ws.journeys, j.counterpart)) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kToBe), "To-be version of");
            ImGui::SameLine();
            if (ImGui::SmallButton(current->title.c_str())) ctx.go("journey", current->id);
        }
    }
    if (text_field("##Journey description", j.description, &text, -1, true,
                   "Describe the journey: what the customer sets out to do, where it starts and ends, how it is measured")) ctx.emit(edit::set_journey_description(j.id, text));
    ImGui::PopID();
}

}  // namespace wm::ui
