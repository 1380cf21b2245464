// The opportunity editor of the backlog's details panel, and creating opportunities from a step, a
// pain card or an insight (backlog/opportunity_editor.hpp).
//
// [SECTION] index: helpers · creating · title, description, owner · links · solutions.
#include "ui/backlog/opportunity_editor.hpp"

#include <algorithm>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "edit/change.hpp"
#include "edit/commands.hpp"
#include "imgui.h"
#include "ui/kit/fonts.hpp"
#include "ui/kit/long_list.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui {
namespace {

// [SECTION] Helpers --------------------------------------------------------------------------------

const char* const kStatuses[] = {"Idea", "Validated", "Planned", "In progress", "Done"};

void replace(const ViewContext& ctx, Opportunity changed) { ctx.emit(edit::replace_opportunity(std::move(changed))); }

template <class T>
bool contains(const std::vector<T>& items, const T& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

template <class T>
void erase(std::vector<T>& items, const T& item) {
    items.erase(std::remove(items.begin(), items.end(), item), items.end());
}

std::string step_title(const Workspace& ws, const StepRef& ref) {
    const Journey* j = find_by_id(ws.journeys, ref.journey);
    const Step* s = j ? find_step(*j, ref.step) : nullptr;
    return j && s ? j->title + " / " + s->name : std::string("(missing step)");
}

void section(const ViewContext& ctx, const char* heading) {
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(heading);
    ImGui::PopFont();
}

// One linked item: a remove button ("Remove##<kind> <name>", found as "Remove <kind> <name>") and its name.
bool linked_item(const char* kind, const std::string& name) {
    const std::string label = "Remove##" + std::string(kind) + " " + name;
    const bool clicked = ImGui::SmallButton(label.c_str());
    ImGui::SameLine();
    ImGui::TextWrapped("%s", name.c_str());
    return clicked;
}

// The "add" button of a link list and its popup; the caller fills the popup with selectables.
bool add_popup(const char* kind) {
    const std::string button = std::string("Add ") + kind + "\xE2\x80\xA6##add " + kind;
    const std::string popup = std::string("add-") + kind;
    if (ImGui::SmallButton(button.c_str())) ImGui::OpenPopup(popup.c_str());
    return ImGui::BeginPopup(popup.c_str());
}

// A selectable in an "add" popup: "<name>##add <kind>", found as "<name>" or "<name> add <kind>".
bool add_choice(const char* kind, const std::string& name) {
    const std::string label = name + "##add " + kind;
    return ImGui::Selectable(label.c_str());
}

// Two commands as one: one undo step, labelled by the first.
edit::Command both(edit::Command first, edit::Command second) {
    return edit::Command([first = std::move(first), second = std::move(second)](edit::Transaction& tx) {
        edit::Result r = first.apply(tx);
        if (!r) return r;
        const std::string label = tx.label();
        r = second.apply(tx);
        tx.set_label(label);
        return r;
    });
}

}  // namespace

// [SECTION] Creating --------------------------------------------------------------------------------

Opportunity new_opportunity(std::string title) {
    Opportunity o;
    o.id = new_id();
    o.title = std::move(title);
    return o;
}

void create_opportunity(const ViewContext& ctx, Opportunity o, std::optional<edit::Command> also) {
    const Id id = o.id;
    edit::Command add = edit::add_opportunity(std::move(o));
    ctx.emit(also ? both(std::move(add), std::move(*also)) : std::move(add));
    BacklogState& st = ctx.ui.backlog;
    st.selected = id;
    if (st.mode == BacklogState::Mode::model) st.mode = BacklogState::Mode::list;
    if (ctx.ui.place.view != "backlog") ctx.go("backlog");
}

// [SECTION] Title, description, owner -----------------------------------------------------------------

void draw_opportunity_fields(const ViewContext& ctx, const Opportunity& o) {
    std::string text;
    ImGui::TextDisabled("Title");
    ImGui::PushFont(ctx.fonts.bold);
    const bool title = text_field("##Opportunity title", o.title, &text);
    ImGui::PopFont();
    if (title) {
        Opportunity changed = o;
        changed.title = text;
        replace(ctx, std::move(changed));
    }
    ImGui::TextDisabled("Description");
    if (text_field("##Opportunity description", o.description, &text, -1, true)) {
        Opportunity changed = o;
        changed.description = text;
        replace(ctx, std::move(changed));
    }
    ImGui::TextDisabled("Owner");
    ImGui::SameLine();
    if (text_field("##Opportunity owner", o.owner, &text)) {
        Opportunity changed = o;
        changed.owner = text;
        replace(ctx, std::move(changed));
    }
}

// [SECTION] Links ------------------------------------------------------------------------------------

void draw_opportunity_links(const ViewContext& ctx, const Opportunity& o) {
    const Workspace& ws = ctx.ws;
    ImGui::PushID("opportunity-links");

    // A list of ids on the opportunity: each linked one with its remove button, then "Add …" with a
    // popup of what is not linked yet (drawn in view only: a repository may hold 100,000 insights).
    const auto id_links = [&](const char* noun, std::vector<Id> Opportunity::*member, const auto& items, auto name_of) {
        const std::vector<Id>& linked = o.*member;
        for (Id id : linked) {
            const auto* item = find_by_id(items, id);
            if (!item) continue;
            push_id(id);
            if (linked_item(noun, name_of(*item))) {
                Opportunity changed = o;
                erase(changed.*member, id);
                replace(ctx, std::move(changed));
            }
            ImGui::PopID();
        }
        if (!add_popup(noun)) return;
        std::vector<const typename std::decay_t<decltype(items)>::value_type*> choices;   // only while the popup is open
        for (const auto& item : items)
            if (!contains(linked, item.id)) choices.push_back(&item);
        long_list((std::string(noun) + "-choices").c_str(), choices.size(), [&](std::size_t k) {
            const auto* item = choices[k];
            push_id(item->id);
            if (add_choice(noun, name_of(*item))) {
                Opportunity changed = o;
                (changed.*member).push_back(item->id);
                replace(ctx, std::move(changed));
            }
            ImGui::PopID();
        });
        ImGui::EndPopup();
    };

    section(ctx, "Journeys");
    id_links("journey", &Opportunity::journeys, ws.journeys, [](const Journey& j) { return j.title; });

    section(ctx, "Steps");
    for (const StepRef& ref : o.steps) {
        push_id(ref.step);
        if (linked_item("step", step_title(ws, ref))) {
            Opportunity changed = o;
            erase(changed.steps, ref);
            replace(ctx, std::move(changed));
        }
        ImGui::PopID();
    }
    // Journey first (a submenu), then one of its steps.
    if (add_popup("step")) {
        for (const auto& j : ws.journeys) {
            push_id(j.id);
            if (ImGui::BeginMenu((j.title + "##step journey").c_str())) {
                for (const auto& stage : j.stages)
                    for (const auto& s : stage.steps) {
                        const StepRef ref{j.id, s.id};
                        if (contains(o.steps, ref)) continue;
                        push_id(s.id);
                        if (add_choice("step", stage.name + " / " + s.name)) {
                            Opportunity changed = o;
                            changed.steps.push_back(ref);
                            replace(ctx, std::move(changed));
                        }
                        ImGui::PopID();
                    }
                ImGui::EndMenu();
            }
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }

    section(ctx, "Insights");
    id_links("insight", &Opportunity::insights, ws.insights, [](const Insight& i) { return i.title; });

    section(ctx, "Personas");
    id_links("persona", &Opportunity::personas, ws.personas, [](const Persona& p) { return p.name; });

    // [SECTION] Solutions ------------------------------------------------------------------------------
    section(ctx, "Solutions");
    if (o.solutions.empty()) ImGui::TextDisabled("None yet.");
    for (std::size_t k = 0; k < o.solutions.size(); ++k) {
        const Solution& s = o.solutions[k];
        const std::string n = std::to_string(k + 1);
        push_id(s.id);
        std::string text;
        if (text_field(("##Solution title " + n).c_str(), s.title, &text)) {
            Solution changed = s;
            changed.title = text;
            ctx.emit(edit::replace_solution(o.id, std::move(changed)));
        }
        if (text_field(("##Solution description " + n).c_str(), s.description, &text, -1, true, "What the solution does")) {
            Solution changed = s;
            changed.description = text;
            ctx.emit(edit::replace_solution(o.id, std::move(changed)));
        }
        const std::string status = std::string(kStatuses[static_cast<int>(s.status)]) + "##Solution status " + n;
        if (ImGui::SmallButton(status.c_str())) ImGui::OpenPopup("solution-status");
        if (ImGui::BeginPopup("solution-status")) {
            for (int v = 0; v < IM_ARRAYSIZE(kStatuses); ++v)
                if (ImGui::Selectable((std::string(kStatuses[v]) + "##solution status " + n).c_str(), static_cast<int>(s.status) == v) &&
                    static_cast<int>(s.status) != v) {
                    Solution changed = s;
                    changed.status = static_cast<OpportunityStatus>(v);
                    ctx.emit(edit::replace_solution(o.id, std::move(changed)));
                }
            ImGui::EndPopup();
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(("Remove##solution " + n).c_str())) ctx.emit(edit::remove_solution(o.id, s.id));
        ImGui::Separator();
        ImGui::PopID();
    }
    if (ImGui::SmallButton("Add solution")) {
        Solution s;
        s.id = new_id();
        s.title = "New solution";
        ctx.emit(edit::add_solution(o.id, std::move(s)));
    }
    ImGui::PopID();
}

}  // namespace wm::ui
