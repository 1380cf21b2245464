#include "ui/framework/new_journey.hpp"

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include "edit/commands.hpp"
#include "layout/search.hpp"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "model/templates.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/mirror_form.hpp"
#include "ui/kit/mirror_page.hpp"
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

namespace {

// Out of line: the caller runs every frame, this only while the popup is open (what the first frame
// does not run goes to the code's second part: scripts/split-wasm).
[[gnu::noinline]] void draw_open_popup(const ViewContext& ctx, NewJourneyDraft& d, const Workspace& ws) {
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

}  // namespace

void draw_new_journey_popup(const ViewContext& ctx) {
    NewJourneyDraft& d = ctx.ui.new_journey;
    const Workspace& ws = ctx.ws;
    if (d.request_open) {
        d.request_open = false;
        ImGui::OpenPopup("new-journey");
    }
    if (ImGui::BeginPopup("new-journey")) draw_open_popup(ctx, d, ws);
}

// [SECTION] The same popup as the mirror's form (Edit › New journey… from the page's menubar) ----------

bool new_journey_draft_for_menu(const ViewContext& ctx, Id journey, Id stage, Id step, std::string* why) {
    const Journey* parent = find_by_id(ctx.ws.journeys, journey);
    if (parent && !stage.is_nil()) {
        auto d = child_journey_draft(ctx.ws, *parent, stage, step, why);
        if (!d) return false;
        ctx.ui.new_journey = std::move(*d);
        return true;
    }
    open_new_journey(ctx);
    ctx.ui.new_journey.request_open = false;   // the page's dialog, not the canvas's popup
    return true;
}

namespace {

std::string place_value(Id parent, Id stage, Id step) { return parent.str() + "/" + stage.str() + "/" + step.str(); }

}  // namespace

std::string new_journey_form(const ViewContext& ctx, std::string_view focus) {
    const NewJourneyDraft& d = ctx.ui.new_journey;
    const Workspace& ws = ctx.ws;
    MirrorForm f(d.from_map ? "New child journey" : "New journey", "draft", "set", "new-journey");
    f.text("title", "Title", d.title);
    std::vector<FormOption> levels;
    for (int lv = 1; lv < static_cast<int>(ws.settings.level_names.size()); ++lv) levels.push_back({std::to_string(lv), layout::level_label(ws, lv)});
    f.choice("level", "Level", levels, std::to_string(d.level));
    // Where it hangs, as the popup offers it: not placed, the step it was asked for from, or a stage
    // of a journey one level up.
    std::vector<FormOption> places{{place_value({}, {}, {}), "Not placed yet"}};
    if (!d.step.is_nil()) {
        const std::string where = anchor_label(ws, d.parent, d.stage, d.step);
        if (!where.empty()) places.push_back({place_value(d.parent, d.stage, d.step), where});
    }
    for (const auto& p : ws.journeys) {
        if (p.level != d.level - 1) continue;
        for (const auto& s : p.stages) places.push_back({place_value(p.id, s.id, {}), p.title + " \xE2\x80\xBA " + s.name});
    }
    f.choice("under", "Under", places, place_value(d.parent, d.stage, d.step));
    std::vector<FormOption> lanes;
    for (std::size_t t = 0; t < kLaneTemplates.size(); ++t)
        lanes.push_back({std::to_string(t), std::string(kLaneTemplates[t].name) + ": " + std::string(kLaneTemplates[t].description)});
    lanes.push_back({"-1", "No lanes yet"});
    f.choice("lanes", "Lanes", lanes, std::to_string(d.template_index));
    if (d.from_map) f.check("open", "Open it once created (else stay on this map)", d.open_after);
    f.button("create", "Create journey", d.title.empty());
    return std::move(f).done(focus);
}

std::string new_journey_action(const ViewContext& ctx, std::string_view name, std::string_view value) {
    NewJourneyDraft& d = ctx.ui.new_journey;
    const Workspace& ws = ctx.ws;
    if (name == "title") {
        d.title = trimmed(value);
    } else if (name == "level") {
        int lv = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), lv);
        if (error != std::errc() || end != value.data() + value.size() || lv < 1 || lv >= static_cast<int>(ws.settings.level_names.size()))
            return mirror_reply(false, "there is no such level");
        if (lv != d.level) d.level = lv, d.parent = {}, d.stage = {}, d.step = {};
    } else if (name == "under") {
        Id parts[3];
        std::string_view rest = value;
        for (Id& part : parts) {
            const auto slash = rest.find('/');
            const auto id = Id::parse(rest.substr(0, slash));
            if (!id) return mirror_reply(false, "there is no such place");
            part = *id;
            rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        }
        const Journey* p = find_by_id(ws.journeys, parts[0]);
        if (!parts[0].is_nil() && (!p || anchor_label(ws, parts[0], parts[1], parts[2]).empty()))
            return mirror_reply(false, "that place is no longer in the framework");
        d.parent = parts[0], d.stage = parts[1], d.step = parts[2];
    } else if (name == "lanes") {
        int t = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), t);
        if (error != std::errc() || end != value.data() + value.size() || t < -1 || t >= static_cast<int>(kLaneTemplates.size()))
            return mirror_reply(false, "there is no such lane template");
        d.template_index = t;
    } else if (name == "open") {
        d.open_after = value == "true";
    } else if (name == "create") {
        if (d.title.empty()) return mirror_reply(false, "a journey needs a title");
        create(ctx, d);   // one undo step; the new map opens (or the status line says where it went)
        return mirror_close();
    } else {
        return mirror_reply(false, "there is no such field");
    }
    // The form again: the places follow the level, Create follows the title.
    return new_journey_form(ctx);
}

}  // namespace wm::ui
