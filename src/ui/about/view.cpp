#include "ui/about/view.hpp"

#include <imgui.h>

#include <string>

#include "platform/platform.hpp"
#include "ui/kit/theme.hpp"

namespace wm::ui {
namespace {
constexpr const char* kPopup = "About Waymark##about";
}

void open_about(UiState& ui) {
    ui.about.open_requested = true;
    ui.redraw();
}

void draw_about(const ViewContext& ctx) {
    UiState& ui = ctx.ui;
    if (ui.about.open_requested) {
        ui.about.open_requested = false;
        ImGui::OpenPopup(kPopup);
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ui.about.shown = ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    if (!ui.about.shown) return;
    if (ImGui::IsWindowAppearing()) ui.redraw(3);
    const ImVec4 muted = ImGui::ColorConvertU32ToFloat4(color::kMuted);
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
    ImGui::TextUnformatted("Waymark \xE2\x80\x94 one journey framework for the whole organisation.");
    ImGui::TextColored(muted, "Runs in this browser, also offline. Documents are kept in this browser's storage "
                              "and shared as .waymark.json files; nothing is sent anywhere.");
    ImGui::Spacing();
    ImGui::SeparatorText("This browser");
    const std::string renderer = platform::renderer();
    const std::string_view software = platform::software_renderer(renderer);
    ImGui::Text("Drawing with: %s", renderer.empty() ? "(the browser does not say)" : renderer.c_str());
    if (!software.empty()) {
        ImGui::Text("Software rendering (%.*s): there is no graphics card for this browser, so the processor draws every "
                    "frame.",
                    static_cast<int>(software.size()), software.data());
        ImGui::TextColored(muted, "Big maps pan and zoom more slowly here. Turning on hardware acceleration in the "
                                  "browser's settings, or a machine with a graphics card, makes Waymark faster. Virtual "
                                  "desktops without a GPU draw this way.");
    } else if (!renderer.empty()) {
        ImGui::TextUnformatted("Hardware rendering: a graphics card draws the app.");
    }
    ImGui::Text("Screen: %.0f \xC3\x97 %.0f at a device pixel ratio of %.2g", ImGui::GetIO().DisplaySize.x,
                ImGui::GetIO().DisplaySize.y, ImGui::GetIO().DisplayFramebufferScale.x);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button("Close##about") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace wm::ui
