#include "ui/about/view.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>
#include <vector>

#include "platform/platform.hpp"
#include "ui/kit/mirror_form.hpp"
#include "ui/kit/theme.hpp"

namespace wm::ui {
namespace {

constexpr const char* kPopup = "About Waymark##about";

// What the dialog says, in order: drawn by the popup and written into the mirror's form.
struct AboutLine {
    enum class Kind { text, aside, heading };
    Kind kind;
    std::string text;
};

std::vector<AboutLine> about_lines() {
    using K = AboutLine::Kind;
    std::vector<AboutLine> out{
        {K::text, "Waymark \xE2\x80\x94 one journey framework for the whole organisation."},
        {K::aside, "Runs in this browser, also offline. Documents are kept in this browser's storage and shared as .waymark.json files; "
                   "nothing is sent anywhere."},
        {K::heading, "This browser"}};
    const std::string renderer = platform::renderer();
    const std::string_view software = platform::software_renderer(renderer);
    out.push_back({K::text, "Drawing with: " + (renderer.empty() ? std::string("(the browser does not say)") : renderer)});
    if (!software.empty()) {
        out.push_back({K::text, "Software rendering (" + std::string(software) +
                                    "): there is no graphics card for this browser, so the processor draws every frame."});
        out.push_back({K::aside, "Big maps pan and zoom more slowly here. Turning on hardware acceleration in the browser's settings, or a "
                                 "machine with a graphics card, makes Waymark faster. Virtual desktops without a GPU draw this way."});
    } else if (!renderer.empty()) {
        out.push_back({K::text, "Hardware rendering: a graphics card draws the app."});
    }
    char screen[96];
    std::snprintf(screen, sizeof screen, "Screen: %.0f \xC3\x97 %.0f at a device pixel ratio of %.2g", ImGui::GetIO().DisplaySize.x,
                  ImGui::GetIO().DisplaySize.y, ImGui::GetIO().DisplayFramebufferScale.x);
    out.push_back({K::text, screen});
    return out;
}

}  // namespace

std::string about_form() {
    MirrorForm f("About Waymark", "", "about", "about");
    for (const AboutLine& line : about_lines()) {
        if (line.kind == AboutLine::Kind::heading) f.heading(line.text);
        else f.note(line.text);
    }
    return std::move(f).done();
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
    for (const AboutLine& line : about_lines()) {
        if (line.kind == AboutLine::Kind::heading) {
            ImGui::Spacing();
            ImGui::SeparatorText(line.text.c_str());
        } else if (line.kind == AboutLine::Kind::aside) {
            ImGui::TextColored(muted, "%s", line.text.c_str());
        } else {
            ImGui::TextUnformatted(line.text.c_str());
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button("Close##about") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace wm::ui
