// Around the journey map: the details panel of what is selected (a card's text, personas, severity,
// channel and links; a step, stage, lane or layer), the right-click menus, the "+ Lane" picker and
// the lane templates offered to a map without lanes. Every change is one command.
//
// [SECTION] index: helpers · card details · other details · context menus · lanes and templates · shared with the card's form
#include <algorithm>
#include <string>

#include "edit/commands.hpp"
#include "scoring/prioritise.hpp"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "model/enum_names.hpp"
#include "model/templates.hpp"
#include "ui/kpi/editor.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/long_list.hpp"
#include "ui/map/internal.hpp"
#include "ui/framework/new_journey.hpp"
#include "ui/kit/theme.hpp"
#include "ui/backlog/opportunity_editor.hpp"
#include "ui/personas/view.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui::map {
namespace {

constexpr std::uint32_t kLaneColours[] = {0x6366F1, 0x14B8A6, 0xF59E0B, 0xF43F5E, 0x8B5CF6, 0x0EA5E9, 0x10B981, 0x64748B};

void muted(const char* text) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%s", text); }

const char* kind_title(LaneKind k) {
    switch (k) {
        case LaneKind::text: return "Text";
        case LaneKind::touchpoint: return "Touchpoints";
        case LaneKind::emotion: return "Emotion curve";
        case LaneKind::pain: return "Pains";
        case LaneKind::gain: return "Gains";
        case LaneKind::insight: return "Insights";
        case LaneKind::opportunity: return "Opportunities";
        case LaneKind::metric: return "KPIs";
        case LaneKind::journey_link: return "Linked journeys";
    }
    return "Lane";
}

const char* kind_help(LaneKind k) {
    switch (k) {
        case LaneKind::text: return "Cards with text: actions, thoughts, anything";
        case LaneKind::touchpoint: return "Cards with the channel they happen in (owned or not)";
        case LaneKind::emotion: return "A curve of how each persona feels, step by step";
        case LaneKind::pain: return "Pain points, with a severity from 1 to 5";
        case LaneKind::gain: return "Gains and drivers, with a severity from 1 to 5";
        case LaneKind::insight: return "The insights linked to each step, with their evidence";
        case LaneKind::opportunity: return "The opportunities on each step, with their status";
        case LaneKind::metric: return "The KPIs measured at each step, against target";
        case LaneKind::journey_link: return "The child journeys each step drills into";
    }
    return "";
}

std::uint32_t kind_colour(LaneKind k) {
    switch (k) {
        case LaneKind::pain: return 0xF43F5E;
        case LaneKind::gain: return 0x10B981;
        case LaneKind::emotion: return 0xF59E0B;
        case LaneKind::touchpoint: return 0x14B8A6;
        case LaneKind::insight: return 0x0EA5E9;
        case LaneKind::opportunity: return 0x6366F1;
        case LaneKind::metric: return 0x8B5CF6;
        default: return 0x64748B;
    }
}

Lane new_lane(const Journey& j, LaneKind kind) {
    Lane lane;
    lane.id = new_id();
    lane.kind = kind;
    lane.name = kind_title(kind);
    lane.layer = j.lanes.empty() ? std::string() : j.lanes.back().layer;
    lane.color = kind_colour(kind);
    return lane;
}

void add_lane_and_rename(const ViewContext& ctx, const Journey& j, LaneKind kind, std::size_t index = edit::kEnd) {
    Lane lane = new_lane(j, kind);
    if (index != edit::kEnd && index > 0 && index <= j.lanes.size()) lane.layer = j.lanes[index - 1].layer;
    MapState& st = ctx.ui.map;
    st.sel = MapSelection{MapSelection::Kind::lane, {}, lane.id, {}, st.sel.lane, st.sel.step};
    st.editing = editing_of(MapEditing::Kind::lane, lane.id, lane.name);
    ctx.emit(edit::add_lane(j.id, std::move(lane), index));
}

void new_step(const ViewContext& ctx, const Journey& j, Id stage, std::size_t index) {
    Step step{new_id(), "New step", {}, false};
    MapState& st = ctx.ui.map;
    st.sel = MapSelection{MapSelection::Kind::step, {}, step.id, {}, st.sel.lane, step.id};
    st.editing = editing_of(MapEditing::Kind::step, step.id, step.name);
    ctx.emit(edit::add_step(j.id, stage, std::move(step), index));
}

void new_stage(const ViewContext& ctx, const Journey& j, std::size_t index) {
    Stage stage{new_id(), "New stage", {Step{new_id(), "New step", {}, false}}};
    MapState& st = ctx.ui.map;
    st.sel = MapSelection{MapSelection::Kind::stage, {}, stage.id, {}, st.sel.lane, st.sel.step};
    st.editing = editing_of(MapEditing::Kind::stage, stage.id, stage.name);
    ctx.emit(edit::add_stage(j.id, std::move(stage), index));
}

// The stage holding a step and the step's index in it.
bool locate_step(const Journey& j, Id step, const Stage** stage, std::size_t* index) {
    for (const auto& s : j.stages)
        for (std::size_t i = 0; i < s.steps.size(); ++i)
            if (s.steps[i].id == step) {
                *stage = &s;
                *index = i;
                return true;
            }
    return false;
}

std::size_t index_of_stage(const Journey& j, Id stage) {
    for (std::size_t i = 0; i < j.stages.size(); ++i)
        if (j.stages[i].id == stage) return i;
    return j.stages.size();
}

std::size_t index_of_lane(const Journey& j, Id lane) {
    for (std::size_t i = 0; i < j.lanes.size(); ++i)
        if (j.lanes[i].id == lane) return i;
    return j.lanes.size();
}

// A list of ids edited through checkboxes: one command per tick.
template <class Item, class Emit>
void id_checklist(const std::vector<Item>& items, const std::vector<Id>& chosen, const char* scope, Emit emit) {
    for (const auto& item : items) {
        bool on = std::find(chosen.begin(), chosen.end(), item.id) != chosen.end();
        const std::string label = item.name + "##" + scope + " " + item.id.str();
        if (ImGui::Checkbox(label.c_str(), &on)) {
            std::vector<Id> next;
            for (const auto& other : items)
                if (other.id == item.id ? on : std::find(chosen.begin(), chosen.end(), other.id) != chosen.end()) next.push_back(other.id);
            emit(std::move(next));
        }
    }
}

// [SECTION] Card details ---------------------------------------------------------------------------

void card_links(const ViewContext& ctx, const Journey& j, const Card& c) {
    const Workspace& ws = ctx.ws;
    ImGui::SeparatorText("Insights");
    for (Id id : c.insights) {
        const Insight* i = find_by_id(ws.insights, id);
        if (!i) continue;
        push_id(i->id);
        ImGui::Bullet();
        ImGui::TextWrapped("%s (%s)", i->title.c_str(), std::string(enum_name(i->evidence)).c_str());
        if (ImGui::SmallButton(("Unlink##insight " + i->title).c_str())) {
            std::vector<Id> next = c.insights;
            next.erase(std::remove(next.begin(), next.end(), id), next.end());
            ctx.emit(edit::set_card_insights(j.id, c.id, std::move(next)));
        }
        ImGui::PopID();
    }
    if (ImGui::SmallButton("Link an insight\xE2\x80\xA6")) ImGui::OpenPopup("link-insight");
    if (ImGui::BeginPopup("link-insight")) {
        if (ws.insights.empty()) ImGui::TextUnformatted("No insights yet: add them in the Insights view.");
        std::vector<const Insight*> choices;   // only while the popup is open; drawn in view only
        for (const auto& i : ws.insights)
            if (std::find(c.insights.begin(), c.insights.end(), i.id) == c.insights.end()) choices.push_back(&i);
        long_list("insight-choices", choices.size(), [&](std::size_t k) {
            const Insight& i = *choices[k];
            push_id(i.id);
            if (ImGui::Selectable((i.title + "##link insight").c_str())) {
                std::vector<Id> next = c.insights;
                next.push_back(i.id);
                ctx.emit(edit::set_card_insights(j.id, c.id, std::move(next)));
            }
            ImGui::PopID();
        });
        ImGui::EndPopup();
    }
    ImGui::SeparatorText("Opportunities");
    for (Id id : c.opportunities) {
        const Opportunity* o = find_by_id(ws.opportunities, id);
        if (!o) continue;
        push_id(o->id);
        ImGui::Bullet();
        if (ImGui::SmallButton((o->title + "##open opportunity").c_str())) {
            ctx.ui.backlog.selected = o->id;
            ctx.go("backlog");
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(("Unlink##opportunity " + o->title).c_str())) {
            std::vector<Id> next = c.opportunities;
            next.erase(std::remove(next.begin(), next.end(), id), next.end());
            ctx.emit(edit::set_card_opportunities(j.id, c.id, std::move(next)));
        }
        ImGui::PopID();
    }
    if (ImGui::SmallButton("Link an opportunity\xE2\x80\xA6")) ImGui::OpenPopup("link-opportunity");
    if (ImGui::BeginPopup("link-opportunity")) {
        if (ws.opportunities.empty()) ImGui::TextUnformatted("No opportunities yet.");
        for (const auto& o : ws.opportunities) {
            if (std::find(c.opportunities.begin(), c.opportunities.end(), o.id) != c.opportunities.end()) continue;
            if (ImGui::Selectable((o.title + "##link opportunity").c_str())) {
                std::vector<Id> next = c.opportunities;
                next.push_back(o.id);
                ctx.emit(edit::set_card_opportunities(j.id, c.id, std::move(next)));
            }
        }
        ImGui::EndPopup();
    }
}

void channel_picker(const ViewContext& ctx, const Journey& j, const Card& c) {
    ImGui::SeparatorText("Channel");
    if (ImGui::RadioButton("No channel", c.channel.is_nil()) && !c.channel.is_nil()) ctx.emit(edit::set_card_channel(j.id, c.id, {}));
    for (const auto& ch : ctx.ws.channels) {
        const std::string label = ch.name + (ch.owned ? "" : " (not owned)") + "##channel " + ch.id.str();
        if (ImGui::RadioButton(label.c_str(), c.channel == ch.id) && c.channel != ch.id) ctx.emit(edit::set_card_channel(j.id, c.id, ch.id));
    }
    if (ImGui::SmallButton("New channel\xE2\x80\xA6")) {
        ctx.ui.map.new_channel.clear();
        ctx.ui.map.new_channel_owned = true;
        ImGui::OpenPopup("new-channel");
    }
    if (ImGui::BeginPopup("new-channel")) {
        MapState& st = ctx.ui.map;
        ImGui::SetNextItemWidth(220);
        input_text("##New channel name", &st.new_channel, 0, "e.g. Comparison sites");
        ImGui::Checkbox("We own this channel", &st.new_channel_owned);
        ImGui::SetItemTooltip("Touchpoints the company does not own (review sites, app stores, retailers) are drawn dashed");
        ImGui::BeginDisabled(st.new_channel.empty());
        if (ImGui::Button("Add channel")) {
            Channel ch{new_id(), st.new_channel, st.new_channel_owned};
            const Id id = ch.id;
            ctx.emit(edit::sequence("Add channel \xE2\x80\x9C" + ch.name + "\xE2\x80\x9D",
                                    {edit::add_channel(std::move(ch)), edit::set_card_channel(j.id, c.id, id)}));
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
        ImGui::EndPopup();
    }
}

void card_details(const ViewContext& ctx, const Journey& j, const Card& c) {
    const Lane* lane = find_by_id(j.lanes, c.lane);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Card");
    ImGui::PopFont();
    muted(((lane ? lane->name : std::string("?")) + " \xC2\xB7 " + step_label(j, c.step)).c_str());
    std::string text;
    if (text_field("##Card text", c.text, &text, -1, true)) {
        if (text.empty()) ctx.emit(edit::remove_card(j.id, c.id));
        else ctx.emit(edit::set_card_text(j.id, c.id, text));
    }
    if (lane && (lane->kind == LaneKind::pain || lane->kind == LaneKind::gain)) {
        ImGui::SeparatorText("Severity");
        for (int n = 0; n <= 5; ++n) {
            if (n > 0) ImGui::SameLine(0, 4);
            const std::string label = n == 0 ? std::string("Not rated##severity") : std::to_string(n) + "##severity " + std::to_string(n);
            const bool on = c.severity == n;
            if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_Header));
            if (ImGui::Button(label.c_str()) && !on) ctx.emit(edit::set_card_severity(j.id, c.id, n));
            if (on) ImGui::PopStyleColor();
        }
        muted("Keys 1\xE2\x80\x93" "5 on the map; 0 clears");
    }
    if (lane && lane->kind == LaneKind::touchpoint) channel_picker(ctx, j, c);
    ImGui::SeparatorText("For personas");
    if (ctx.ws.personas.empty()) muted("No personas yet.");
    else muted("None ticked: the card concerns everyone.");
    id_checklist(ctx.ws.personas, c.personas, "card persona",
                 [&](std::vector<Id> next) { ctx.emit(edit::set_card_personas(j.id, c.id, std::move(next))); });
    card_links(ctx, j, c);
    ImGui::Spacing();
    if (ImGui::Button(lane && lane->kind == LaneKind::pain ? "New opportunity from this pain" : "New opportunity from this card"))
        opportunity_from_card(ctx, j, c);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::kError));
    if (ImGui::Button("Delete card")) ctx.emit(edit::remove_card(j.id, c.id));
    ImGui::PopStyleColor();
}

// [SECTION] Other details ----------------------------------------------------------------------------

void emotion_details(const ViewContext& ctx, const Journey& j, const Lane& lane, const Step& step) {
    MapState& st = ctx.ui.map;
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(lane.name.c_str());
    ImGui::PopFont();
    muted(step_label(j, step.id).c_str());
    const Settings& s = ctx.ws.settings;
    ImGui::SeparatorText("Scores at this step");
    std::vector<Id> who{Id{}};
    for (const auto& p : ctx.ws.personas) who.push_back(p.id);
    for (Id pid : who) {
        const Persona* p = find_by_id(ctx.ws.personas, pid);
        const EmotionScore* score = nullptr;
        for (const auto& e : j.emotions)
            if (e.lane == lane.id && e.step == step.id && e.persona == pid) score = &e;
        if (!score && p && std::find(j.personas.begin(), j.personas.end(), pid) == j.personas.end()) continue;
        push_id(pid);  // nil: everyone
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(p ? p->name.c_str() : "Everyone");
        ImGui::SameLine(170);
        if (ImGui::SmallButton("-") && score && score->score > s.emotion_min) ctx.emit(edit::set_emotion(j.id, lane.id, step.id, pid, score->score - 1));
        ImGui::SameLine();
        if (score) ImGui::Text("%+d", score->score);
        else ImGui::TextDisabled("none");
        ImGui::SameLine();
        if (ImGui::SmallButton("+")) {
            const int next = score ? std::min(score->score + 1, s.emotion_max) : std::clamp(0, s.emotion_min, s.emotion_max);
            if (!score || next != score->score) ctx.emit(edit::set_emotion(j.id, lane.id, step.id, pid, next));
        }
        if (score) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Clear")) ctx.emit(edit::clear_emotion(j.id, lane.id, step.id, pid));
        }
        ImGui::PopID();
    }
    ImGui::SeparatorText("Clicks on the curve score for");
    if (!find_by_id(ctx.ws.personas, ctx.ui.personas.lens)) {
        if (ImGui::RadioButton("Everyone##score as", st.emotion_persona.is_nil())) st.emotion_persona = {};
        for (const auto& p : ctx.ws.personas)
            if (ImGui::RadioButton((p.name + "##score as").c_str(), st.emotion_persona == p.id)) st.emotion_persona = p.id;
    } else {
        muted("The persona of the lens.");
    }
    muted("Drag a point up or down; +/- on the keyboard.");
}

void step_details(const ViewContext& ctx, const Journey& j, const Step& step) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Step");
    ImGui::PopFont();
    std::string text;
    muted("Name");
    if (text_field("##Step name", step.name, &text) && !text.empty()) ctx.emit(edit::set_step_name(j.id, step.id, text));
    muted("Description");
    if (text_field("##Step description", step.description, &text, -1, true)) ctx.emit(edit::set_step_description(j.id, step.id, text));
    bool mot = step.moment_of_truth;
    if (ImGui::Checkbox("Moment of truth", &mot)) ctx.emit(edit::set_step_moment_of_truth(j.id, step.id, mot));
    ImGui::SetItemTooltip("A step where the relationship is won or lost (key M on the map)");
    if (ImGui::Button("New opportunity on this step")) {
        Opportunity o = new_opportunity("Improve \xE2\x80\x9C" + step.name + "\xE2\x80\x9D");
        o.journeys.push_back(j.id);
        o.steps.push_back(StepRef{j.id, step.id});
        create_opportunity(ctx, std::move(o));
    }
    draw_kpi_section(ctx, j.id, {}, step.id);
    const Stage* stage = nullptr;
    std::size_t index = 0;
    if (locate_step(j, step.id, &stage, &index)) {
        if (ImGui::Button("New child journey here\xE2\x80\xA6")) open_child_journey(ctx, j, stage->id, step.id);
        ImGui::SetItemTooltip("A journey one level down that this step drills into");
        if (ImGui::Button("Add step after")) new_step(ctx, j, stage->id, index + 1);
        ImGui::SameLine();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::kError));
    if (ImGui::Button("Delete step")) ctx.emit(edit::remove_step(j.id, step.id));
    ImGui::PopStyleColor();
}

void stage_details(const ViewContext& ctx, const Journey& j, const Stage& stage) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Stage");
    ImGui::PopFont();
    std::string text;
    muted("Name");
    if (text_field("##Stage name", stage.name, &text) && !text.empty()) ctx.emit(edit::rename_stage(j.id, stage.id, text));
    ImGui::TextUnformatted(count_of(static_cast<long long>(stage.steps.size()), "step").c_str());
    if (ImGui::Button("Add step")) new_step(ctx, j, stage.id, edit::kEnd);
    ImGui::SameLine();
    if (ImGui::Button("Add stage after")) new_stage(ctx, j, index_of_stage(j, stage.id) + 1);
    if (ImGui::Button("New child journey for this stage\xE2\x80\xA6")) open_child_journey(ctx, j, stage.id, {});
    draw_kpi_section(ctx, j.id, stage.id, {});
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::kError));
    if (ImGui::Button("Delete stage")) ctx.emit(edit::remove_stage(j.id, stage.id));
    ImGui::PopStyleColor();
    muted("Drag a stage header to move the stage with its steps.");
}

void lane_details(const ViewContext& ctx, const Journey& j, const Lane& lane) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Lane");
    ImGui::PopFont();
    std::string text;
    muted("Name");
    if (text_field("##Lane name", lane.name, &text) && !text.empty()) ctx.emit(edit::set_lane_name(j.id, lane.id, text));
    muted("Layer");
    if (text_field("##Lane layer", lane.layer, &text)) ctx.emit(edit::set_lane_layer(j.id, lane.id, text));
    ImGui::SeparatorText("Kind");
    for (std::size_t k = 0; k < enum_count<LaneKind>(); ++k) {
        const auto kind = static_cast<LaneKind>(k);
        if (ImGui::RadioButton((std::string(kind_title(kind)) + "##lane kind").c_str(), lane.kind == kind) && lane.kind != kind)
            ctx.emit(edit::set_lane_kind(j.id, lane.id, kind));
        ImGui::SetItemTooltip("%s", kind_help(kind));
    }
    ImGui::SeparatorText("Colour");
    for (std::size_t i = 0; i < std::size(kLaneColours); ++i) {
        if (i > 0) ImGui::SameLine(0, 4);
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float d = ImGui::GetFrameHeight();
        if (ImGui::InvisibleButton(("Lane colour " + std::to_string(i + 1)).c_str(), ImVec2(d, d)) && lane.color != kLaneColours[i])
            ctx.emit(edit::set_lane_color(j.id, lane.id, kLaneColours[i]));
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + d, p.y + d), rgb(kLaneColours[i]), 4);
        if (lane.color == kLaneColours[i]) ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + d, p.y + d), color::kInk, 4, 0, 2);
        ImGui::PopID();
    }
    bool collapsed = lane.collapsed;
    if (ImGui::Checkbox("Collapsed", &collapsed)) ctx.emit(edit::set_lane_collapsed(j.id, lane.id, collapsed));
    if (ImGui::Button("Add lane below")) ImGui::OpenPopup("lane-below");
    if (ImGui::BeginPopup("lane-below")) {
        for (std::size_t k = 0; k < enum_count<LaneKind>(); ++k)
            if (ImGui::MenuItem((std::string(kind_title(static_cast<LaneKind>(k))) + "##below").c_str()))
                add_lane_and_rename(ctx, j, static_cast<LaneKind>(k), index_of_lane(j, lane.id) + 1);
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::kError));
    if (ImGui::Button("Delete lane")) ctx.emit(edit::remove_lane(j.id, lane.id));
    ImGui::PopStyleColor();
    muted("Drag a lane's label to move it, into another layer too.");
}

void layer_details(const ViewContext& ctx, const Journey& j, const std::string& layer) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Layer");
    ImGui::PopFont();
    std::string text;
    muted("Name");
    if (text_field("##Layer name", layer, &text) && !text.empty() && text != layer) {
        std::vector<edit::Command> renames;
        for (const auto& l : j.lanes)
            if (l.layer == layer) renames.push_back(edit::set_lane_layer(j.id, l.id, text));
        ctx.emit(edit::sequence("Rename layer \xE2\x80\x9C" + layer + "\xE2\x80\x9D", std::move(renames)));
        ctx.ui.map.sel.layer = text;
    }
    int n = 0;
    bool all = true;
    for (const auto& l : j.lanes)
        if (l.layer == layer) {
            ++n;
            all = all && l.collapsed;
        }
    ImGui::TextUnformatted(count_of(n, "lane").c_str());
    if (ImGui::Button(all ? "Expand layer" : "Collapse layer")) {
        std::vector<edit::Command> set;
        for (const auto& l : j.lanes)
            if (l.layer == layer) set.push_back(edit::set_lane_collapsed(j.id, l.id, !all));
        ctx.emit(edit::sequence(std::string(all ? "Expand" : "Collapse") + " layer \xE2\x80\x9C" + layer + "\xE2\x80\x9D", std::move(set)));
    }
}

}  // namespace

std::string step_label(const Journey& j, Id step) {
    for (const auto& s : j.stages)
        for (const auto& st : s.steps)
            if (st.id == step) return s.name + " \xE2\x80\xBA " + st.name;
    return "?";
}

void draw_details_panel(const ViewContext& ctx, const Journey& j, MapState& st) {
    const MapSelection& sel = st.sel;
    ImGui::PushID("map-details");
    switch (sel.kind) {
        case MapSelection::Kind::cards:
            if (sel.cards.size() == 1) {
                if (const Card* c = find_by_id(j.cards, sel.cards[0])) card_details(ctx, j, *c);
            } else {
                ImGui::PushFont(ctx.fonts.bold);
                ImGui::Text("%zu cards selected", sel.cards.size());
                ImGui::PopFont();
                muted("Drag one to move them all; Ctrl+C copies them as a block.");
                if (ImGui::Button("Delete these cards")) {
                    ctx.emit(edit::remove_cards(j.id, sel.cards));
                    st.sel.kind = MapSelection::Kind::cell;
                    st.sel.cards.clear();
                }
            }
            break;
        case MapSelection::Kind::cell: {
            const Lane* lane = find_by_id(j.lanes, sel.lane);
            const Step* step = find_step(j, sel.step);
            if (!lane || !step) break;
            if (lane->kind == LaneKind::emotion) {
                emotion_details(ctx, j, *lane, *step);
                break;
            }
            ImGui::PushFont(ctx.fonts.bold);
            ImGui::TextUnformatted(lane->name.c_str());
            ImGui::PopFont();
            muted(step_label(j, step->id).c_str());
            muted(kind_help(lane->kind));
            if (ImGui::Button("Add card here")) start_new_card(st, lane->id, step->id);
            muted("Or double-click the cell, or press Enter.");
            break;
        }
        case MapSelection::Kind::step:
            if (const Step* s = find_step(j, sel.id)) step_details(ctx, j, *s);
            break;
        case MapSelection::Kind::stage:
            if (const Stage* s = find_by_id(j.stages, sel.id)) stage_details(ctx, j, *s);
            break;
        case MapSelection::Kind::lane:
            if (const Lane* l = find_by_id(j.lanes, sel.id)) lane_details(ctx, j, *l);
            break;
        case MapSelection::Kind::layer: layer_details(ctx, j, sel.layer); break;
        case MapSelection::Kind::none: break;
    }
    ImGui::PopID();
}

// [SECTION] Context menus --------------------------------------------------------------------------

void open_context_menu(Frame& f, const Target& t) {
    MapMenu& m = f.st.menu;
    m = MapMenu{};
    switch (t.zone) {
        case Target::Zone::body: {
            const Lane* lane = f.lane_of_row(t.row);
            const Step* step = f.step_of_column(t.column);
            if (!lane || !step) return;
            m.lane = lane->id;
            m.step = step->id;
            if (const Card* c = f.card_of_item(t.item)) {
                m.kind = MapMenu::Kind::card;
                m.id = c->id;
                const auto& cards = f.st.sel.cards;
                if (f.st.sel.kind != MapSelection::Kind::cards || std::find(cards.begin(), cards.end(), c->id) == cards.end())
                    select_cards(f.st, f.j, {c->id});
            } else {
                m.kind = MapMenu::Kind::cell;
                f.st.sel = MapSelection{MapSelection::Kind::cell, {}, {}, {}, lane->id, step->id};
            }
            break;
        }
        case Target::Zone::step:
            if (const Step* s = f.step_of_column(t.column)) {
                m.kind = MapMenu::Kind::step;
                m.id = s->id;
                f.st.sel = MapSelection{MapSelection::Kind::step, {}, s->id, {}, f.st.sel.lane, f.st.sel.step};
            }
            break;
        case Target::Zone::stage:
            m.kind = MapMenu::Kind::stage;
            m.id = f.j.stages[f.lay.stages[t.stage].stage].id;
            f.st.sel = MapSelection{MapSelection::Kind::stage, {}, m.id, {}, f.st.sel.lane, f.st.sel.step};
            break;
        case Target::Zone::label:
            if (const Lane* l = f.lane_of_row(t.row)) {
                m.kind = MapMenu::Kind::lane;
                m.id = l->id;
                f.st.sel = MapSelection{MapSelection::Kind::lane, {}, l->id, {}, f.st.sel.lane, f.st.sel.step};
            }
            break;
        case Target::Zone::layer:
            m.kind = MapMenu::Kind::layer;
            m.layer = f.j.lanes[f.lay.rows[t.row].first_lane].layer;
            f.st.sel = MapSelection{MapSelection::Kind::layer, {}, {}, m.layer, f.st.sel.lane, f.st.sel.step};
            break;
        default: return;
    }
    if (m.kind != MapMenu::Kind::none) ImGui::OpenPopup("map-menu");
}

void draw_context_menus(Frame& f) {
    if (!ImGui::BeginPopup("map-menu")) return;
    const ViewContext& ctx = f.ctx;
    const Journey& j = f.j;
    MapState& st = f.st;
    const MapMenu m = st.menu;
    auto start = [&](MapEditing::Kind kind, Id id, const std::string& text) {
        st.editing = editing_of(kind, id, text);
    };
    switch (m.kind) {
        case MapMenu::Kind::card: {
            const Card* c = find_by_id(j.cards, m.id);
            const Lane* lane = find_by_id(j.lanes, m.lane);
            if (!c || !lane) break;
            if (ImGui::MenuItem("Edit text##menu", "Enter")) start(MapEditing::Kind::card, c->id, c->text);
            if (ImGui::MenuItem("Copy##menu", "Ctrl+C")) copy_selection(f, false);
            if (ImGui::MenuItem("Cut##menu", "Ctrl+X")) copy_selection(f, true);
            if (lane->kind == LaneKind::pain || lane->kind == LaneKind::gain) {
                if (ImGui::BeginMenu("Severity")) {
                    for (int n = 0; n <= 5; ++n)
                        if (ImGui::MenuItem(n == 0 ? "Not rated" : std::to_string(n).c_str(), nullptr, c->severity == n) && c->severity != n)
                            ctx.emit(edit::set_card_severity(j.id, c->id, n));
                    ImGui::EndMenu();
                }
            }
            if (ImGui::MenuItem(lane->kind == LaneKind::pain ? "New opportunity from this pain##menu" : "New opportunity from this card##menu"))
                opportunity_from_card(ctx, j, *c);
            ImGui::Separator();
            if (ImGui::MenuItem(st.sel.cards.size() > 1 ? "Delete selected cards##menu" : "Delete card##menu", "Del")) delete_selection(f);
            break;
        }
        case MapMenu::Kind::cell: {
            const Lane* lane = find_by_id(j.lanes, m.lane);
            if (!lane) break;
            if (lane->kind != LaneKind::emotion && ImGui::MenuItem("Add card here##menu", "Enter")) start_new_card(st, m.lane, m.step);
            const char* clip = ImGui::GetClipboardText();
            if (ImGui::MenuItem("Paste##menu", "Ctrl+V", false, clip && *clip)) paste_at_cursor(f, clip);
            break;
        }
        case MapMenu::Kind::step: {
            const Stage* stage = nullptr;
            std::size_t index = 0;
            const Step* s = find_step(j, m.id);
            if (!s || !locate_step(j, m.id, &stage, &index)) break;
            if (ImGui::MenuItem("Rename step##menu", "F2")) start(MapEditing::Kind::step, s->id, s->name);
            if (ImGui::MenuItem("Add step before##menu")) new_step(ctx, j, stage->id, index);
            if (ImGui::MenuItem("Add step after##menu")) new_step(ctx, j, stage->id, index + 1);
            if (ImGui::MenuItem("Moment of truth##menu", "M", s->moment_of_truth))
                ctx.emit(edit::set_step_moment_of_truth(j.id, s->id, !s->moment_of_truth));
            if (ImGui::MenuItem("New opportunity here##menu")) {
                Opportunity o = new_opportunity("Improve \xE2\x80\x9C" + s->name + "\xE2\x80\x9D");
                o.journeys.push_back(j.id);
                o.steps.push_back(StepRef{j.id, s->id});
                create_opportunity(ctx, std::move(o));
            }
            if (ImGui::MenuItem("New child journey here\xE2\x80\xA6##menu")) open_child_journey(ctx, j, stage->id, s->id);
            ImGui::Separator();
            if (ImGui::MenuItem("Delete step##menu", "Del")) ctx.emit(edit::remove_step(j.id, s->id));
            break;
        }
        case MapMenu::Kind::stage: {
            const Stage* s = find_by_id(j.stages, m.id);
            if (!s) break;
            if (ImGui::MenuItem("Rename stage##menu", "F2")) start(MapEditing::Kind::stage, s->id, s->name);
            if (ImGui::MenuItem("Add step##menu")) new_step(ctx, j, s->id, edit::kEnd);
            if (ImGui::MenuItem("Add stage before##menu")) new_stage(ctx, j, index_of_stage(j, s->id));
            if (ImGui::MenuItem("Add stage after##menu")) new_stage(ctx, j, index_of_stage(j, s->id) + 1);
            if (ImGui::MenuItem("New child journey for this stage\xE2\x80\xA6##menu")) open_child_journey(ctx, j, s->id, {});
            ImGui::Separator();
            if (ImGui::MenuItem("Delete stage##menu", "Del")) ctx.emit(edit::remove_stage(j.id, s->id));
            break;
        }
        case MapMenu::Kind::lane: {
            const Lane* l = find_by_id(j.lanes, m.id);
            if (!l) break;
            if (ImGui::MenuItem("Rename lane##menu", "F2")) start(MapEditing::Kind::lane, l->id, l->name);
            if (ImGui::BeginMenu("Add lane below")) {
                for (std::size_t k = 0; k < enum_count<LaneKind>(); ++k)
                    if (ImGui::MenuItem(kind_title(static_cast<LaneKind>(k))))
                        add_lane_and_rename(ctx, j, static_cast<LaneKind>(k), index_of_lane(j, l->id) + 1);
                ImGui::EndMenu();
            }
            if (ImGui::BeginMenu("Kind")) {
                for (std::size_t k = 0; k < enum_count<LaneKind>(); ++k) {
                    const auto kind = static_cast<LaneKind>(k);
                    if (ImGui::MenuItem(kind_title(kind), nullptr, l->kind == kind) && l->kind != kind) ctx.emit(edit::set_lane_kind(j.id, l->id, kind));
                }
                ImGui::EndMenu();
            }
            if (ImGui::MenuItem(l->collapsed ? "Expand lane##menu" : "Collapse lane##menu")) ctx.emit(edit::set_lane_collapsed(j.id, l->id, !l->collapsed));
            ImGui::Separator();
            if (ImGui::MenuItem("Delete lane##menu", "Del")) ctx.emit(edit::remove_lane(j.id, l->id));
            break;
        }
        case MapMenu::Kind::layer: {
            if (ImGui::MenuItem("Rename layer##menu", "F2")) {
                st.editing = MapEditing{};
                st.editing.kind = MapEditing::Kind::layer;
                st.editing.layer = m.layer;
                st.editing.buffer = m.layer;
                st.editing.focus = true;
            }
            bool all = true;
            for (const auto& l : j.lanes)
                if (l.layer == m.layer) all = all && l.collapsed;
            if (ImGui::MenuItem(all ? "Expand layer##menu" : "Collapse layer##menu")) {
                std::vector<edit::Command> set;
                for (const auto& l : j.lanes)
                    if (l.layer == m.layer) set.push_back(edit::set_lane_collapsed(j.id, l.id, !all));
                ctx.emit(edit::sequence(std::string(all ? "Expand" : "Collapse") + " layer \xE2\x80\x9C" + m.layer + "\xE2\x80\x9D", std::move(set)));
            }
            break;
        }
        case MapMenu::Kind::none: break;
    }
    ImGui::EndPopup();
}

// [SECTION] Lanes and templates -------------------------------------------------------------------------

edit::Command add_template_lanes(const Journey& j, int template_index) {
    const LaneTemplateInfo& info = kLaneTemplates[static_cast<std::size_t>(template_index)];
    std::vector<edit::Command> adds;
    for (Lane& lane : make_template_lanes(info.id)) adds.push_back(edit::add_lane(j.id, std::move(lane)));
    return edit::sequence("Add lanes: " + std::string(info.name), std::move(adds));
}

void draw_add_lane_popup(const ViewContext& ctx, const Journey& j) {
    if (!ImGui::BeginPopup("add-lane")) return;
    muted("Add one lane");
    for (std::size_t k = 0; k < enum_count<LaneKind>(); ++k) {
        const auto kind = static_cast<LaneKind>(k);
        if (ImGui::MenuItem((std::string(kind_title(kind)) + " lane").c_str())) add_lane_and_rename(ctx, j, kind);
        ImGui::SetItemTooltip("%s", kind_help(kind));
    }
    ImGui::Separator();
    muted("Add the lanes of a template");
    for (std::size_t t = 0; t < kLaneTemplates.size(); ++t) {
        const std::string label = std::string(kLaneTemplates[t].name) + "##add template";
        if (ImGui::MenuItem(label.c_str())) ctx.emit(add_template_lanes(j, static_cast<int>(t)));
        ImGui::SetItemTooltip("%s", std::string(kLaneTemplates[t].description).c_str());
    }
    ImGui::EndPopup();
}

void draw_template_choice(const ViewContext& ctx, const Journey& j) {
    ImGui::Spacing();
    if (j.stages.empty()) {
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted("This journey has no stages yet.");
        ImGui::PopFont();
        if (ImGui::Button("Add Before / During / After")) {
            std::vector<edit::Command> adds;
            for (Stage& s : default_stages()) adds.push_back(edit::add_stage(j.id, std::move(s)));
            ctx.emit(edit::sequence("Add stages", std::move(adds)));
        }
        ImGui::SameLine();
        muted("or \xE2\x80\x9C+ Stage\xE2\x80\x9D above to name your own.");
        ImGui::Spacing();
    }
    if (!j.lanes.empty()) return;
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted("Choose the lanes of this map");
    ImGui::PopFont();
    muted("A template gives the map its layers and lanes; you can add, rename, move and delete lanes afterwards.");
    ImGui::Spacing();
    const float w = 250, h = 96;
    for (std::size_t t = 0; t < kLaneTemplates.size(); ++t) {
        if (t > 0) ImGui::SameLine(0, 12);
        const LaneTemplateInfo& info = kLaneTemplates[t];
        ImGui::PushID(static_cast<int>(t));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton(("Template " + std::string(info.name)).c_str(), ImVec2(w, h))) ctx.emit(add_template_lanes(j, static_cast<int>(t)));
        const bool hovered = ImGui::IsItemHovered();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), hovered ? tint(0x4F46E5, 0.12f, false) : color::kPaper, 8);
        dl->AddRect(p, ImVec2(p.x + w, p.y + h), hovered ? color::kAccent : color::kLine, 8, 0, hovered ? 2.0f : 1.0f);
        ImFont* bold = ctx.fonts.bold ? ctx.fonts.bold : ImGui::GetFont();
        const float bs = bold->FontSize * ImGui::GetIO().FontGlobalScale;
        dl->AddText(bold, bs, ImVec2(p.x + 12, p.y + 10), color::kInk, info.name.data(), info.name.data() + info.name.size());
        const ImVec4 clip(p.x + 12, p.y + 30, p.x + w - 10, p.y + h - 6);
        ImFont* font = ImGui::GetFont();
        dl->AddText(font, font->FontSize * ImGui::GetIO().FontGlobalScale, ImVec2(p.x + 12, p.y + 34), color::kMuted, info.description.data(),
                    info.description.data() + info.description.size(), w - 24, &clip);
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ImGui::Button("Start with one text lane")) {
        Lane lane = new_lane(j, LaneKind::text);
        lane.name = "Customer actions";
        ctx.emit(edit::add_lane(j.id, std::move(lane)));
    }
}

// [SECTION] Shared with the card's form (map/card_form.cpp) -----------------------------------------

void opportunity_from_card(const ViewContext& ctx, const Journey& j, const Card& card) {
    Opportunity o = new_opportunity(card.text);
    o.journeys.push_back(j.id);
    o.steps.push_back(StepRef{j.id, card.step});
    o.personas = card.personas;
    o.insights = card.insights;
    // A pain's severity says how much relieving it is worth (scoring::pain_relief_rating).
    if (auto rating = scoring::pain_relief_rating(ctx.ws.settings.scoring, card.severity)) o.scores.push_back(*rating);
    std::vector<Id> linked = card.opportunities;
    linked.push_back(o.id);
    create_opportunity(ctx, std::move(o), edit::set_card_opportunities(j.id, card.id, std::move(linked)));
}

}  // namespace wm::ui::map
