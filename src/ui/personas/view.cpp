// The personas view: who the journeys are for, and what the framework looks like through their eyes.
//
// Every edit replaces the persona with an edited copy (edit::replace_persona), one command per
// finished gesture — a field left, an item added or removed, a colour chosen — so one undo step
// takes back exactly one of them. Deleting goes through edit::remove_persona, which also strips the
// persona from journeys, cards, emotion scores and insights in the same step; the confirmation says
// how much that is.
//
// [SECTION] index: avatar · helpers · the list of persona cards · the editor (fields, lists, avatar,
// delete) · the persona's view (journeys, emotion lines, pains) · the view.
#include "ui/personas/view.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "edit/commands.hpp"
#include "imgui.h"
#include "model/enum_names.hpp"
#include "ui/kit/draw.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui {

// [SECTION] Avatar ---------------------------------------------------------------------------------

namespace {

// Length in bytes of the UTF-8 sequence starting at s[i] (continuation bytes are 10xxxxxx).
std::size_t utf8_length(const std::string& s, std::size_t i) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    return n;
}

// At most `count` characters (not bytes): initials must never cut a character in half.
std::string first_chars(const std::string& s, std::size_t count) {
    std::size_t i = 0;
    for (std::size_t c = 0; c < count && i < s.size(); ++c) i += utf8_length(s, i);
    return s.substr(0, i);
}

}  // namespace

std::string typed_initials(const std::string& text) { return first_chars(text, 3); }

std::string initials_from(const std::string& name) {
    std::string out;
    std::size_t words = 0;
    bool in_word = false;
    std::string last;
    for (std::size_t i = 0; i < name.size();) {
        const std::size_t n = utf8_length(name, i);
        const bool space = n == 1 && (name[i] == ' ' || name[i] == '-' || name[i] == '\t');
        if (!space && !in_word) {
            std::string ch = name.substr(i, n);
            if (n == 1 && ch[0] >= 'a' && ch[0] <= 'z') ch[0] = static_cast<char>(ch[0] - 'a' + 'A');
            if (words == 0) out = ch;
            else last = ch;  // first and last word: "Anaïs de Vries" → "AV", not "ADV"
            ++words;
        }
        in_word = !space;
        i += n;
    }
    return out + last;
}

void draw_avatar(const Persona& p, float d) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(pos.x + d * 0.5f, pos.y + d * 0.5f);
    // The user's colour (held to 7:1 under its initials in the high-contrast theme), with dark text on
    // light colours and white on dark ones.
    const ImU32 fill = color::avatar_fill(p.color);
    dl->AddCircleFilled(c, d * 0.5f, fill);
    const std::string text = p.initials.empty() ? initials_from(p.name) : p.initials;
    ImFont* font = ImGui::GetFont();
    // Never under the caption size (ui/kit/type_scale.hpp), and placed on whole pixels (crisp at DPR 1).
    const float size = std::max(type::line_height(type::kCaptionPx), d * (text.size() > 2 ? 0.36f : 0.44f));
    const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    dl->AddText(font, size, ImVec2(std::round(c.x - ts.x * 0.5f), std::round(c.y - ts.y * 0.5f)), color::readable_on(fill), text.c_str());
    ImGui::Dummy(ImVec2(d, d));
    expose_rect("avatar " + p.name, {pos.x, pos.y, d, d});
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s%s%s", p.name.c_str(), p.role.empty() ? "" : " \xE2\x80\x94 ", p.role.c_str());
}

namespace {

// [SECTION] Helpers --------------------------------------------------------------------------------

// The colour a new persona gets: the palette's, in turn.
std::uint32_t new_persona_colour(std::size_t personas) { return kAvatarColours[personas % std::size(kAvatarColours)].rgb; }

template <class T>
bool contains(const std::vector<T>& items, const T& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

// How a persona figures in a journey: listed among its personas, tagged on cards, scored on an
// emotion lane. Any of the three means the journey concerns them.
struct Concern {
    const Journey* journey = nullptr;
    bool listed = false;
    int cards = 0;
    int scores = 0;
};

std::vector<Concern> concerns(const Workspace& ws, Id persona) {
    std::vector<Concern> out;
    for (const auto& j : ws.journeys) {
        Concern c{&j, contains(j.personas, persona), 0, 0};
        for (const auto& card : j.cards) c.cards += contains(card.personas, persona) ? 1 : 0;
        for (const auto& e : j.emotions) c.scores += e.persona == persona ? 1 : 0;
        if (c.listed || c.cards > 0 || c.scores > 0) out.push_back(c);
    }
    return out;
}

// [SECTION] The list of persona cards ----------------------------------------------------------------

}  // namespace

Id add_persona(const ViewContext& ctx) {
    Persona p;
    p.id = new_id();
    p.name = "New persona";
    p.initials = initials_from(p.name);
    p.color = new_persona_colour(ctx.ws.personas.size());
    const Id id = p.id;
    ctx.ui.personas.selected = id;
    ctx.emit(edit::add_persona(std::move(p)));
    ctx.redraw();
    return id;
}

Persona renamed(const Persona& p, std::string name) {
    Persona copy = p;
    // Initials that were derived from the old name follow the new one; typed ones stay.
    if (p.initials.empty() || p.initials == initials_from(p.name)) copy.initials = initials_from(name);
    copy.name = std::move(name);
    return copy;
}

namespace {

void draw_list(const ViewContext& ctx, Id selected) {
    const Workspace& ws = ctx.ws;
    if (ImGui::Button("Add persona")) add_persona(ctx);
    ImGui::Spacing();
    if (ws.personas.empty()) ImGui::TextWrapped("No personas yet. Add one to say who the journeys are for.");
    const float d = 40;
    for (const auto& p : ws.personas) {
        push_id(p.id);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        // The whole card is the click target; it is found by the persona's name ("##" + name).
        const std::string label = "##" + p.name;
        if (ImGui::Selectable(label.c_str(), p.id == selected, ImGuiSelectableFlags_AllowOverlap, ImVec2(width, d + 8))) {
            ctx.ui.personas.selected = p.id;
            ctx.redraw();
        }
        const bool hovered = ImGui::IsItemHovered();
        ImGui::SetCursorScreenPos(ImVec2(pos.x + 4, pos.y + 4));
        draw_avatar(p, d);
        // The name and the role · segment line end in "…" at the list's edge rather than being cut
        // through a letter; the whole of both is the card's tooltip then.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float left = pos.x + d + 14, right = pos.x + width - 6;
        const std::string name = p.name.empty() ? "(unnamed)" : p.name;
        const std::string about = p.role + (p.role.empty() || p.segment.empty() ? "" : " \xC2\xB7 ") + p.segment;
        ImGui::PushFont(ctx.fonts.bold);
        const float name_size = ImGui::GetFontSize();
        ImFont* const name_font = ImGui::GetFont();
        ImGui::PopFont();
        const float size = ImGui::GetFontSize();
        one_line(dl, name_font, name_size, ImVec2(left, pos.y + 4), right, ImGui::GetColorU32(ImGuiCol_Text), name);
        one_line(dl, ImGui::GetFont(), size, ImVec2(left, pos.y + 4 + ImGui::GetTextLineHeightWithSpacing()), right, color::kMuted, about);
        if (hovered && (text_width(name_font, name_size, name) > right - left || text_width(ImGui::GetFont(), size, about) > right - left))
            ImGui::SetTooltip("%s\n%s", name.c_str(), about.c_str());
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + d + 12));
        ImGui::Dummy(ImVec2(0, 0));
        ImGui::PopID();
    }
}

// [SECTION] The editor -----------------------------------------------------------------------------

void draw_text_fields(const ViewContext& ctx, const Persona& p) {
    std::string text;
    const float w = std::min(420.0f, ImGui::GetContentRegionAvail().x - 90);
    if (text_field("Name", p.name, &text, w)) ctx.emit(edit::replace_persona(renamed(p, text)));
    const std::pair<const char*, std::string Persona::*> fields[] = {
        {"Role", &Persona::role}, {"Segment", &Persona::segment}};
    for (const auto& [label, member] : fields) {
        if (text_field(label, p.*member, &text, w)) {
            Persona copy = p;
            copy.*member = text;
            ctx.emit(edit::replace_persona(std::move(copy)));
        }
    }
    if (text_field("Quote", p.quote, &text, w, true)) {
        Persona copy = p;
        copy.quote = text;
        ctx.emit(edit::replace_persona(std::move(copy)));
    }
}

// One list field (goals, needs, ...): each item editable in place (emptying it removes it), a remove
// button per item, and a field that appends what is typed into it.
void draw_list_field(const ViewContext& ctx, const Persona& p, std::vector<std::string> Persona::*member,
                     const char* title, const char* noun) {
    ImGui::SeparatorText(title);
    ImGui::PushID(title);
    const std::vector<std::string>& items = p.*member;
    const float w = std::min(420.0f, ImGui::GetContentRegionAvail().x - 90);
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const std::string field = "##" + std::string(noun) + " " + std::to_string(i + 1);
        if (text_field(field.c_str(), items[i], &text, w)) {
            Persona copy = p;
            if (text.empty()) (copy.*member).erase((copy.*member).begin() + static_cast<std::ptrdiff_t>(i));
            else (copy.*member)[i] = text;
            ctx.emit(edit::replace_persona(std::move(copy)));
        }
        ImGui::SameLine();
        const std::string remove = "Remove##" + std::string(noun) + " " + std::to_string(i + 1);
        if (ImGui::SmallButton(remove.c_str())) {
            Persona copy = p;
            (copy.*member).erase((copy.*member).begin() + static_cast<std::ptrdiff_t>(i));
            ctx.emit(edit::replace_persona(std::move(copy)));
        }
        ImGui::PopID();
    }
    const std::string add = "##New " + std::string(noun);
    if (text_field(add.c_str(), std::string(), &text, w) && !text.empty()) {
        Persona copy = p;
        (copy.*member).push_back(text);
        ctx.emit(edit::replace_persona(std::move(copy)));
    }
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "add a %s", noun);
    ImGui::PopID();
}

void draw_avatar_editor(const ViewContext& ctx, const Persona& p) {
    ImGui::SeparatorText("Avatar");
    draw_avatar(p, 56);
    ImGui::SameLine();
    ImGui::BeginGroup();
    std::string text;
    if (text_field("Initials", p.initials, &text, 80)) {
        Persona copy = p;
        copy.initials = typed_initials(text);
        ctx.emit(edit::replace_persona(std::move(copy)));
    }
    int n = 0;
    for (const AvatarColour& swatch : kAvatarColours) {
        const std::uint32_t c = swatch.rgb;
        if (n++ > 0) ImGui::SameLine();
        const std::string label = "Colour " + std::to_string(n);
        // A drawn swatch over an invisible button (ColorButton reports no label to the test hook).
        if (ImGui::InvisibleButton(label.c_str(), ImVec2(22, 22)) && c != p.color) {
            Persona copy = p;
            copy.color = c;
            ctx.emit(edit::replace_persona(std::move(copy)));
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", swatch.name);
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRectFilled(a, b, rgb(c), 4);
        if (c == p.color)
            ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), color::kInk, 4, 0, 2);
    }
    ImGui::SameLine();
    if (ImGui::Button("Custom colour\xE2\x80\xA6")) {
        ctx.ui.personas.picking = p.color;
        ImGui::OpenPopup("custom-colour");
    }
    // The picker edits a transient colour; "Apply" makes it one command, however long the drag.
    if (ImGui::BeginPopup("custom-colour")) {
        const std::uint32_t c = ctx.ui.personas.picking;
        float rgbf[3] = {((c >> 16) & 0xFF) / 255.0f, ((c >> 8) & 0xFF) / 255.0f, (c & 0xFF) / 255.0f};
        if (ImGui::ColorPicker3("##picker", rgbf, ImGuiColorEditFlags_NoSidePreview | ImGuiColorEditFlags_DisplayHex)) {
            auto byte = [](float f) { return static_cast<std::uint32_t>(std::clamp(f, 0.0f, 1.0f) * 255.0f + 0.5f); };
            ctx.ui.personas.picking = (byte(rgbf[0]) << 16) | (byte(rgbf[1]) << 8) | byte(rgbf[2]);
        }
        if (ImGui::Button("Apply")) {
            Persona copy = p;
            copy.color = ctx.ui.personas.picking;
            if (copy.color != p.color) ctx.emit(edit::replace_persona(std::move(copy)));
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::EndGroup();
}

void draw_delete(const ViewContext& ctx, const Persona& p) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::kError));
    if (ImGui::Button("Delete persona")) ImGui::OpenPopup("Delete persona?");
    ImGui::PopStyleColor();
    // A fixed width with an auto-fitted height: wrapped text in an auto-resizing window collapses.
    ImGui::SetNextWindowSize(ImVec2(440, 0));
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Delete persona?", nullptr, ImGuiWindowFlags_NoResize)) {
        int journeys = 0, cards = 0, scores = 0, insights = 0;
        for (const auto& c : concerns(ctx.ws, p.id)) {
            journeys += c.listed ? 1 : 0;
            cards += c.cards;
            scores += c.scores;
        }
        for (const auto& i : ctx.ws.insights) insights += contains(i.personas, p.id) ? 1 : 0;
        ImGui::Text("Delete \xE2\x80\x9C%s\xE2\x80\x9D?", p.name.c_str());
        std::string what;
        auto count = [&](int n, const char* one, const char* many) {
            if (n == 0) return;
            what += (what.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
        };
        count(journeys, "journey", "journeys");
        count(cards, "card", "cards");
        count(insights, "insight", "insights");
        count(scores, "emotion score", "emotion scores");
        if (what.empty()) ImGui::TextWrapped("Nothing else refers to them. Undo brings them back.");
        else ImGui::TextWrapped("This also takes them off what refers to them (%s). Undo brings everything back.", what.c_str());
        if (ImGui::Button("Delete##confirm")) {
            ctx.emit(edit::remove_persona(p.id));
            ctx.ui.personas.selected = {};
            if (ctx.ui.personas.lens == p.id) ctx.ui.personas.lens = {};
            ImGui::CloseCurrentPopup();
            ctx.redraw();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel##confirm")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// [SECTION] The persona's view ------------------------------------------------------------------------

// The persona's emotion line over a journey's steps, on the workspace scale; one line per emotion
// lane that scores them. Unscored steps leave gaps in neither axis: the line joins the scored ones.
void draw_emotion_line(const ViewContext& ctx, const Journey& j, Id persona) {
    std::vector<const Step*> steps;
    for (const auto& stage : j.stages)
        for (const auto& step : stage.steps) steps.push_back(&step);
    if (steps.empty()) return;
    const int lo = ctx.ws.settings.emotion_min, hi = std::max(ctx.ws.settings.emotion_max, lo + 1);
    const float w = std::min(560.0f, ImGui::GetContentRegionAvail().x - 40), h = 72, pad = 8;  // 40: scale labels
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + w, o.y + h), color::kPaper, 4);
    dl->AddRect(o, ImVec2(o.x + w, o.y + h), color::kLine, 4);
    auto x_of = [&](std::size_t i) {
        return o.x + pad + (steps.size() == 1 ? (w - 2 * pad) * 0.5f : (w - 2 * pad) * i / (steps.size() - 1));
    };
    auto y_of = [&](int score) { return o.y + h - pad - (h - 2 * pad) * (score - lo) / static_cast<float>(hi - lo); };
    if (lo < 0 && hi > 0) dl->AddLine(ImVec2(o.x + 2, y_of(0)), ImVec2(o.x + w - 2, y_of(0)), color::kLine);
    const Persona* p = find_by_id(ctx.ws.personas, persona);
    const ImU32 line_color = p ? rgb(p->color) : color::kAccent;
    for (const auto& lane : j.lanes) {
        if (lane.kind != LaneKind::emotion) continue;
        std::vector<ImVec2> points;
        for (std::size_t i = 0; i < steps.size(); ++i)
            for (const auto& e : j.emotions)
                if (e.lane == lane.id && e.step == steps[i]->id && e.persona == persona)
                    points.push_back(ImVec2(x_of(i), y_of(e.score)));
        if (points.size() > 1) dl->AddPolyline(points.data(), static_cast<int>(points.size()), line_color, 0, 2.0f);
        for (const auto& pt : points) dl->AddCircleFilled(pt, 3.5f, line_color);
    }
    ImGui::Dummy(ImVec2(w, h));
    // Which step is under the mouse, with its score: the chart has no room for step names.
    if (ImGui::IsItemHovered()) {
        const float mx = ImGui::GetIO().MousePos.x;
        std::size_t best = 0;
        for (std::size_t i = 1; i < steps.size(); ++i)
            if (std::abs(x_of(i) - mx) < std::abs(x_of(best) - mx)) best = i;
        std::string tip = steps[best]->name;
        for (const auto& e : j.emotions)
            if (e.step == steps[best]->id && e.persona == persona) tip += "  " + std::string(e.score > 0 ? "+" : "") + std::to_string(e.score);
        ImGui::SetTooltip("%s", tip.c_str());
    }
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%+d", hi);
    ImGui::Dummy(ImVec2(0, h - 2 * ImGui::GetTextLineHeightWithSpacing()));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%+d", lo);
    ImGui::EndGroup();
}

void draw_persona_lens_view(const ViewContext& ctx, const Persona& p) {
    const Workspace& ws = ctx.ws;
    const std::string title = (p.name.empty() ? std::string("This persona") : p.name) + "\xE2\x80\x99s view";
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();

    ImGui::SeparatorText("Journeys that concern them");
    const auto list = concerns(ws, p.id);
    if (list.empty()) ImGui::TextWrapped("No journey lists them, tags a card with them or scores their emotions yet.");
    for (const auto& c : list) {
        const Journey& j = *c.journey;
        push_id(j.id);
        // Opening a journey from here reads it through this persona's eyes: the lens is set.
        const std::string label = j.title + "##journey of persona";
        if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(ImGui::CalcTextSize(j.title.c_str()).x, 0))) {
            ctx.ui.personas.lens = p.id;
            ctx.go("journey", j.id);
        }
        ImGui::SameLine();
        std::string why = c.listed ? "listed" : "";
        auto add = [&](int n, const char* noun) {
            if (n == 0) return;
            why += (why.empty() ? "" : " \xC2\xB7 ") + std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
        };
        add(c.cards, "card");
        add(c.scores, "emotion score");
        const std::string level = j.level < static_cast<int>(ws.settings.level_names.size()) ? ws.settings.level_names[j.level] : "";
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%s \xC2\xB7 %s", level.c_str(), why.c_str());
        if (c.scores > 0) draw_emotion_line(ctx, j, p.id);
        ImGui::PopID();
    }

    ImGui::SeparatorText("Their pains");
    int shown = 0;
    for (const auto& j : ws.journeys) {
        for (const auto& card : j.cards) {
            const Lane* lane = find_by_id(j.lanes, card.lane);
            if (!lane || lane->kind != LaneKind::pain || !contains(card.personas, p.id)) continue;
            const Step* step = find_step(j, card.step);
            ++shown;
            ImGui::Bullet();
            ImGui::TextWrapped("%s", card.text.c_str());
            ImGui::Indent();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%s \xE2\x80\xBA %s%s", j.title.c_str(),
                               step ? step->name.c_str() : "",
                               card.severity > 0 ? ("  \xC2\xB7  severity " + std::to_string(card.severity) + "/5").c_str() : "");
            ImGui::Unindent();
        }
    }
    // An imported repository can give one persona thousands of pain insights: the first ones are
    // listed, the rest counted (the Insights view filters them by persona and type).
    constexpr int kShownInsights = 100;
    int insights = 0;
    for (const auto& i : ws.insights) {
        if (i.type != InsightType::pain || !contains(i.personas, p.id)) continue;
        ++shown;
        if (++insights > kShownInsights) continue;
        ImGui::Bullet();
        ImGui::TextWrapped("%s", i.title.c_str());
        ImGui::Indent();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "insight \xC2\xB7 %s",
                           std::string(enum_name(i.evidence)).c_str());
        ImGui::Unindent();
    }
    if (insights > kShownInsights)
        wrapped_textf(ImGui::GetColorU32(ImGuiCol_TextDisabled), "\xE2\x80\xA6 and %d more pain insights (Insights view: filter by this persona)",
                      insights - kShownInsights);
    if (shown == 0) ImGui::TextWrapped("No pain cards are tagged with them and no pain insights concern them yet.");
}

}  // namespace

// [SECTION] The view ---------------------------------------------------------------------------------

void draw_personas_view(const ViewContext& ctx) {
    const Workspace& ws = ctx.ws;
    const Persona* selected = find_by_id(ws.personas, ctx.ui.personas.selected);
    if (!selected && !ws.personas.empty()) selected = &ws.personas.front();
    const Id selected_id = selected ? selected->id : ctx.ui.personas.selected;

    const float list_width = std::clamp(ImGui::GetContentRegionAvail().x * 0.22f, 200.0f, 280.0f);
    ImGui::BeginChild("personas-list", ImVec2(list_width, 0), ImGuiChildFlags_Border);
    draw_list(ctx, selected_id);
    ImGui::EndChild();
    ImGui::SameLine();
    if (!selected) {
        ImGui::BeginChild("persona-editor", ImVec2(0, 0), ImGuiChildFlags_Border);
        ImGui::TextWrapped(ws.personas.empty() ? "Add a persona to edit it here." : "Select a persona.");
        ImGui::EndChild();
        return;
    }
    // The editor and the persona's view side by side: editing a persona and seeing what the
    // framework holds for them belong together, and neither should scroll the other away. Where
    // the two do not fit side by side (a large text size, a narrow window), the view goes under
    // the editor rather than being squeezed to a strip.
    const Persona& p = *selected;
    push_id(p.id);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float kEditorMin = 460, kViewMin = 320;
    const bool side_by_side = avail.x >= kEditorMin + kViewMin;
    const ImVec2 editor_size = side_by_side ? ImVec2(std::max(kEditorMin, avail.x * 0.48f), 0) : ImVec2(0, std::floor(avail.y * 0.6f));
    ImGui::BeginGroup();
    ImGui::BeginChild("persona-editor", editor_size, ImGuiChildFlags_Border);
    draw_text_fields(ctx, p);
    draw_avatar_editor(ctx, p);
    draw_list_field(ctx, p, &Persona::goals, "Goals", "goal");
    draw_list_field(ctx, p, &Persona::needs, "Needs / drivers", "need");
    draw_list_field(ctx, p, &Persona::pains, "Pains / barriers", "pain");
    draw_list_field(ctx, p, &Persona::jobs, "Jobs to be done", "job");
    ImGui::Spacing();
    draw_delete(ctx, p);
    ImGui::EndChild();
    if (side_by_side) ImGui::SameLine();
    ImGui::BeginChild("persona-view", ImVec2(0, 0), ImGuiChildFlags_Border);
    draw_persona_lens_view(ctx, p);
    ImGui::EndChild();
    const ImVec2 view_min = ImGui::GetItemRectMin(), view_max = ImGui::GetItemRectMax();
    expose_rect("persona view", {view_min.x, view_min.y, view_max.x - view_min.x, view_max.y - view_min.y});
    ImGui::EndGroup();
    ImGui::PopID();
}

}  // namespace wm::ui
