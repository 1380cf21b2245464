// The shell's chrome: the banners, the navigation bar with the breadcrumbs, and the status bar —
// drawn by App::draw around the current view (the menu bar: shell/menus.cpp).
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "io/file_format.hpp"
#include "model/sample.hpp"
#include "platform/platform.hpp"
#include "ui/about/view.hpp"
#include "ui/shortcuts/view.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/palette/palette.hpp"
#include "ui/shell/app.hpp"
#include "ui/shell/navigation.hpp"

namespace wm::ui {

std::string App::export_text() {
    persistence_.stamp();   // the file's merge history covers every edit so far
    return io::export_json(doc_.workspace());
}

void App::export_file() {
    const std::string text = export_text();
    const std::string name = doc_.workspace().name.empty() ? "workspace" : doc_.workspace().name;
    platform::download(name + ".waymark.json", "application/json", text);
    state_.message = "Exported the workspace as \xE2\x80\x9C" + name + ".waymark.json\xE2\x80\x9D";   // and the toast says so
    state_.message_is_error = false;
}

// Banners say what happened to the document in plain words, with the way out one click away. The
// words wrap, the banner growing a line for each (at 200 % text a storage failure's sentence ran
// past the window's edge), the button beside them.
void App::draw_banners() {
    auto banner = [&](ImU32 colour, const std::string& text, const char* button, auto&& action) {
        const float pad_x = 10, pad_y = 7;
        const float button_room = button ? button_width(button) + ImGui::GetStyle().ItemSpacing.x : 0;
        const float wrap = std::max(ImGui::GetContentRegionAvail().x - 2 * pad_x - button_room, ImGui::GetFontSize() * 8);
        const float text_height = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y;
        ImGui::PushStyleColor(ImGuiCol_ChildBg, colour);
        ImGui::BeginChild(text.c_str(), ImVec2(0, std::max(ImGui::GetFrameHeightWithSpacing() + 10, text_height + 2 * pad_y)),
                          ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
        ImGui::SetCursorPos(ImVec2(pad_x, pad_y));
        ImGui::PushTextWrapPos(pad_x + wrap);
        ImGui::TextUnformatted(text.c_str());
        expose_item("banner text");
        ImGui::PopTextWrapPos();
        if (button) {
            ImGui::SameLine();
            if (ImGui::SmallButton(button)) action();
        }
        ImGui::EndChild();
        ImGui::PopStyleColor();
    };
    const Persistence::Status status = persistence_.status();
    if (status == Persistence::Status::read_only)
        banner(color::kWarnBg,
               "Read-only: this document is open for editing in another tab. Changes made there appear here as they are saved.",
               nullptr, [] {});
    if (status == Persistence::Status::failed || status == Persistence::Status::unavailable)
        banner(color::kErrorBg, persistence_.problem(), "Export now", [this] { export_file(); });
    if (!persistence_.notice().empty())
        banner(color::kInfoBg, persistence_.notice(), "Dismiss", [this] { persistence_.clear_notice(); });
}

// ---------------------------------------------------------------------------------------------
// Navigation bar: back/forward, the views, breadcrumbs of the open journey.
// ---------------------------------------------------------------------------------------------
void App::draw_nav_bar() {
    ImGui::BeginDisabled(!can_go(doc_.workspace(), state_.back));
    if (ImGui::ArrowButton("Back", ImGuiDir_Left)) go_back();
    ImGui::EndDisabled();
    ImGui::SetItemTooltip("Back (Alt+Left)");
    ImGui::SameLine(0, 2);
    ImGui::BeginDisabled(!can_go(doc_.workspace(), state_.forward));
    if (ImGui::ArrowButton("Forward", ImGuiDir_Right)) go_forward();
    ImGui::EndDisabled();
    ImGui::SetItemTooltip("Forward (Alt+Right)");
    for (const auto& view : views()) {   // on a second line where the window is too narrow (a large text size)
        if (view.needs_id) continue;
        same_line_if_fits(button_width(view.title));
        const bool current = state_.place.view == view.key;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_Header));
        if (ImGui::Button(view.title)) navigate(Place{view.key, {}});
        if (current) ImGui::PopStyleColor();
    }
    if (state_.place.view == "journey")
        draw_breadcrumbs(doc_.workspace(), state_.place.id, [this](Place p) { navigate(std::move(p)); });
    ImGui::Separator();
}

void App::navigate(Place place) {
    if (place.view == "documents") {
        persistence_.refresh_list();
        persistence_.refresh_history();
    }
    if (place == state_.place) return;
    state_.back.push_back(state_.place);
    state_.forward.clear();
    state_.place = std::move(place);
}

void App::go_back() { step_history(doc_.workspace(), state_.place, state_.back, state_.forward); }

void App::go_forward() { step_history(doc_.workspace(), state_.place, state_.forward, state_.back); }

// ---------------------------------------------------------------------------------------------
// The toast (App::show_feedback): over the right end of the status bar, never over the view's
// content; it goes after a few seconds (not while the pointer is on it), on Dismiss, on Undo, when
// another view opens, and loses its Undo once the edit it names is no longer the last change.
// ---------------------------------------------------------------------------------------------
void App::draw_toast() {
    constexpr double kShownMs = 8000;
    if (!toast_) return;
    Toast& t = *toast_;
    if (t.undo && (t.revision != doc_.revision() || !doc_.can_undo())) t.undo = false;
    const double now = platform::now_ms();
    if (now - t.since_ms >= kShownMs || !(t.place == state_.place)) {
        toast_.reset();
        return;
    }
    if (ImGui::GetTopMostPopupModal()) return;   // a dialog is in front: its Undo could not be clicked
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 8, vp->WorkPos.y + vp->WorkSize.y - 1), ImGuiCond_Always, ImVec2(1, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::max(240.0f, vp->WorkSize.x * 0.6f), FLT_MAX));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, t.error ? color::kErrorBg : color::kInfoBg);
    ImGui::PushStyleColor(ImGuiCol_Border, t.error ? color::kError : color::kAccent);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 3));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 4.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
    bool close = false;
    if (ImGui::Begin("##toast", nullptr, flags)) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(t.text.c_str());
        if (t.undo) {
            ImGui::SameLine(0, 14);
            if (ImGui::Button("Undo##toast")) {
                state_.undo_requests += 1;
                undo_from_toast_ = true;
                close = true;
            }
        }
        ImGui::SameLine(0, 8);
        if (ImGui::Button("Dismiss##toast")) close = true;
        if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) t.since_ms = now;
    }
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
    if (close) {
        toast_.reset();
        state_.redraw();
    } else {
        platform::request_frame_after(kShownMs - (now - t.since_ms) + 20);
    }
}

// ---------------------------------------------------------------------------------------------
// Status bar
// ---------------------------------------------------------------------------------------------
void App::draw_status_bar() {
    ImGui::Separator();
    const Workspace& ws = doc_.workspace();
    std::size_t cards = 0;
    for (const auto& j : ws.journeys) cards += j.cards.size();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%s \xC2\xB7 %s \xC2\xB7 %s",
                       ws.name.c_str(), count_of(static_cast<long long>(ws.journeys.size()), "journey").c_str(),
                       count_of(static_cast<long long>(cards), "card").c_str());
    ImGui::SameLine();
    const Persistence::Status status = persistence_.status();
    const bool bad = status == Persistence::Status::failed || status == Persistence::Status::unavailable;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(bad ? color::kError : status == Persistence::Status::read_only ? color::kWarn : color::kMuted),
                       "\xC2\xB7 %s", status == Persistence::Status::saved ? "Saved" : status == Persistence::Status::read_only ? "Read-only"
                                        : bad ? "Not saved" : persistence_.status_text().c_str());
    if (const std::string team = live_.status_text(); !team.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(live_.status_is_problem() ? color::kWarn : color::kOk), "\xC2\xB7 %s", team.c_str());
    }
    if (!state_.message.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(state_.message_is_error ? color::kError : color::kOk), "\xC2\xB7 %s",
                           state_.message.c_str());
    }
}

}  // namespace wm::ui
