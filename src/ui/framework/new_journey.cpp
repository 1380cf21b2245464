#include "ui/framework/new_journey.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "edit/commands.hpp"
#include "layout/search.hpp"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "model/templates.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui {
namespace {

std::string quote(const std::string& s) { return "\xE2\x80\x9C" + s + "\xE2\x80\x9D"; }

int default_template_index(const Workspace& ws) {
    if (auto t = template_from_key(ws.settings.default_template)) return static_cast<int>(*t);
    return 0;
}

// "Parent › Stage › Step" of the anchor; empty when it no longer exists.
std::string anchor_label(const Workspace& ws, Id parent, Id stage, Id step) {
    const Journey* p = find_by_id(ws.journeys, parent);
    const Stage* s = p ? find_by_id(p->stages, stage) : nullptr;
    if (!s) return {};
    std::string label = p->title + " \xE2\x80\xBA " + s->name;
    if (!step.is_nil()) {
        const Step* st = find_by_id(s->steps, step);
        if (!st) return {};
        label += " \xE2\x80\xBA " + st->name;
    }
    return label;
}

// A child shows in its parent's journey-link lane. A parent whose map has lanes but none of that
// kind gets one with the child, so the new journey is where the user just clicked.
std::optional<edit::Command> link_lane_for(const Journey& parent) {
    if (parent.lanes.empty()) return std::nullopt;
    for (const Lane& l : parent.lanes)
        if (l.kind == LaneKind::journey_link) return std::nullopt;
    for (Lane& lane : make_template_lanes(LaneTemplate::basics))
        if (lane.kind == LaneKind::journey_link) return edit::add_lane(parent.id, std::move(lane));
    return std::nullopt;
}

void create(const ViewContext& ctx, const NewJourneyDraft& d) {
    Journey j;
    j.id = new_id();
    j.title = d.title;
    j.level = d.level;
    j.stages = default_stages();
    if (d.template_index >= 0) j.lanes = make_template_lanes(kLaneTemplates[static_cast<std::size_t>(d.template_index)].id);
    const Id id = j.id;
    std::vector<edit::Command> steps;
    steps.push_back(edit::add_journey(std::move(j)));
    if (!d.parent.is_nil()) {
        steps.push_back(edit::add_link(JourneyLink{d.parent, id, d.stage, d.step}));
        if (const Journey* parent = find_by_id(ctx.ws.journeys, d.parent); parent && !d.step.is_nil())
            if (auto lane = link_lane_for(*parent)) steps.push_back(std::move(*lane));
    }
    ctx.emit(edit::sequence("New journey " + quote(d.title), std::move(steps)));
    if (d.open_after) {
        ctx.go("journey", id);
    } else {
        const std::string where = anchor_label(ctx.ws, d.parent, d.stage, d.step);
        const std::string text = "Created " + quote(d.title) + (where.empty() ? std::string() : " under " + where);
        UiState& ui = ctx.ui;
        ctx.later([&ui, text] {
            if (ui.message_is_error && !ui.message.empty()) return;  // the command was refused: keep saying why
            ui.message = text;
            ui.message_is_error = false;
        });
    }
}

}  // namespace

void draw_new_journey_button(const ViewContext& ctx) {
    if (ImGui::Button("New journey\xE2\x80\xA6")) open_new_journey(ctx);
}

void open_new_journey(const ViewContext& ctx) {
    NewJourneyDraft& d = ctx.ui.new_journey;
    d = NewJourneyDraft{};
    d.level = ctx.ws.settings.level_names.size() > 1 ? 1 : 0;
    d.template_index = default_template_index(ctx.ws);
    d.request_open = true;
    ctx.redraw(2);
}

std::optional<NewJourneyDraft> child_journey_draft(const Workspace& ws, const Journey& parent, Id stage, Id step,
                                                   std::string* why) {
    const int levels = static_cast<int>(ws.settings.level_names.size());
    if (parent.level + 1 >= levels) {
        if (why)
            *why = quote(parent.title) + " is on " + layout::level_label(ws, parent.level) + ", the last level of this framework (" +
                   std::to_string(levels) + (levels == 1 ? " level" : " levels") + "): there is no level below it for a child journey.";
        return std::nullopt;
    }
    NewJourneyDraft d;
    d.level = parent.level + 1;
    d.parent = parent.id;
    d.stage = stage;
    d.step = step;
    d.template_index = default_template_index(ws);
    d.from_map = true;
    return d;
}

void open_child_journey(const ViewContext& ctx, const Journey& parent, Id stage, Id step) {
    std::string why;
    auto d = child_journey_draft(ctx.ws, parent, stage, step, &why);
    if (!d) {
        UiState& ui = ctx.ui;
        ctx.later([&ui, why] {
            ui.message = why;
            ui.message_is_error = true;
        });
        return;
    }
    d->request_open = true;
    ctx.ui.new_journey = std::move(*d);
    ctx.redraw(2);
}

void draw_new_journey_popup(const ViewContext& ctx) {
    NewJourneyDraft& d = ctx.ui.new_journey;
    const Workspace& ws = ctx.ws;
    if (d.request_open) {
        d.request_open = false;
        ImGui::OpenPopup("new-journey");
    }
    if (!ImGui::BeginPopup("new-journey")) return;
    if (d.from_map) {
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted("New child journey");
        ImGui::PopFont();
    }
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "Title");
    if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
        ctx.redraw(3);  // focus lands on a later frame
    }
    ImGui::SetNextItemWidth(360);
    input_text("##New journey title", &d.title, 0, "e.g. Buying a phone in a store");

    ImGui::SeparatorText("Level");
    const int levels = static_cast<int>(ws.settings.level_names.size());
    for (int lv = 1; lv < levels; ++lv) {
        const std::string label = layout::level_label(ws, lv) + "##new journey level";
        if (ImGui::RadioButton(label.c_str(), d.level == lv) && d.level != lv) {
            d.level = lv;
            d.parent = {};
            d.stage = {};
            d.step = {};
        }
    }
    // Where it hangs: a stage of a journey one level up (the lifecycle for macro journeys), or the
    // step of the map it was asked for from.
    ImGui::SeparatorText("Under");
    if (ImGui::RadioButton("Not placed yet##new journey", d.parent.is_nil())) {
        d.parent = {};
        d.stage = {};
        d.step = {};
    }
    if (!d.step.is_nil()) {
        const std::string where = anchor_label(ws, d.parent, d.stage, d.step);
        if (!where.empty()) ImGui::RadioButton((where + "##under step").c_str(), true);
    }
    for (const auto& p : ws.journeys) {
        if (p.level != d.level - 1) continue;
        for (const auto& s : p.stages) {
            const std::string label = p.title + " \xE2\x80\xBA " + s.name + "##under " + s.id.str();
            if (ImGui::RadioButton(label.c_str(), d.parent == p.id && d.stage == s.id && d.step.is_nil())) {
                d.parent = p.id;
                d.stage = s.id;
                d.step = {};
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
    if (d.from_map) {
        ImGui::Checkbox("Open it##new journey", &d.open_after);
        ImGui::SetItemTooltip("Off: stay on this map; the new journey shows in its Linked journeys lane");
    }
    ImGui::BeginDisabled(d.title.empty());
    if (ImGui::Button("Create journey") || (!d.title.empty() && ImGui::IsKeyPressed(ImGuiKey_Enter))) {
        create(ctx, d);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel##new journey")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace wm::ui
