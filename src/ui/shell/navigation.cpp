#include "ui/shell/navigation.hpp"

#include <algorithm>
#include <string>

#include "imgui.h"
#include "ui/kit/widgets.hpp"

namespace wm::ui {

bool place_exists(const Workspace& ws, const Place& p) {
    return find_view(p.view) && (p.view != "journey" || find_by_id(ws.journeys, p.id));
}

bool can_go(const Workspace& ws, const std::vector<Place>& places) {
    return std::any_of(places.begin(), places.end(), [&](const Place& p) { return place_exists(ws, p); });
}

void step_history(const Workspace& ws, Place& current, std::vector<Place>& from, std::vector<Place>& to) {
    while (!from.empty() && !place_exists(ws, from.back())) from.pop_back();
    if (from.empty()) return;
    to.push_back(std::move(current));
    current = std::move(from.back());
    from.pop_back();
}

void draw_breadcrumbs(const Workspace& ws, Id journey, const std::function<void(Place)>& go) {
    auto parents_of = [&](Id child) {
        std::vector<Id> out;
        for (const auto& link : ws.links)
            if (link.child == child && std::find(out.begin(), out.end(), link.parent) == out.end() && find_by_id(ws.journeys, link.parent))
                out.push_back(link.parent);
        return out;
    };
    std::vector<const Journey*> chain;
    Id at = journey;
    for (std::size_t guard = 0; guard <= ws.journeys.size() && !at.is_nil(); ++guard) {
        const Journey* j = find_by_id(ws.journeys, at);
        if (!j || std::find(chain.begin(), chain.end(), j) != chain.end()) break;
        chain.insert(chain.begin(), j);
        const std::vector<Id> parents = parents_of(at);
        at = parents.empty() ? Id{} : parents.front();
    }
    // The trail wraps, crumb by crumb, where the window is too narrow for it (a large text size).
    const ImGuiStyle& style = ImGui::GetStyle();
    const auto crumb_width = [&](const char* separator, const std::string& title) {
        return ImGui::CalcTextSize(separator).x + style.ItemSpacing.x + ImGui::CalcTextSize(title.c_str()).x + 2 * style.FramePadding.x;
    };
    same_line_if_fits(crumb_width("|", "Framework"));
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    if (ImGui::SmallButton("Framework##crumb")) go(Place{"framework", {}});
    for (std::size_t i = 0; i < chain.size(); ++i) {
        same_line_if_fits(crumb_width("\xE2\x80\xBA", chain[i]->title));
        ImGui::TextDisabled("\xE2\x80\xBA");
        ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        if (i + 1 < chain.size()) {
            if (ImGui::SmallButton(chain[i]->title.c_str())) go(Place{"journey", chain[i]->id});
            const std::vector<Id> parents = parents_of(chain[i + 1]->id);
            if (parents.size() > 1) {
                ImGui::SameLine(0, 2);
                const std::string more = "+" + std::to_string(parents.size() - 1) + "##other parents";
                if (ImGui::SmallButton(more.c_str())) ImGui::OpenPopup("other-parents");
                ImGui::SetItemTooltip("%s also hangs under other journeys", chain[i + 1]->title.c_str());
                if (ImGui::BeginPopup("other-parents")) {
                    ImGui::TextDisabled("Also under");
                    for (std::size_t k = 1; k < parents.size(); ++k)
                        if (const Journey* other = find_by_id(ws.journeys, parents[k]))
                            if (ImGui::MenuItem((other->title + "##other parent").c_str())) go(Place{"journey", other->id});
                    ImGui::EndPopup();
                }
            }
        } else {
            ImGui::TextUnformatted(chain[i]->title.c_str());
        }
        ImGui::PopID();
    }
}

}  // namespace wm::ui
