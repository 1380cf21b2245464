// The shell's chrome: the menu bar, the banners, the navigation bar with the breadcrumbs, and the
// status bar — drawn by App::draw around the current view.
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
#include "ui/kit/theme.hpp"
#include "ui/palette/palette.hpp"
#include "ui/shell/app.hpp"
#include "ui/shell/navigation.hpp"

namespace wm::ui {

// ---------------------------------------------------------------------------------------------
// Menu bar
// ---------------------------------------------------------------------------------------------
void App::draw_menu_bar() {
    if (!ImGui::BeginMenuBar()) return;
    ImGui::PushFont(fonts_.bold);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kAccent), "Waymark");
    ImGui::PopFont();
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("New blank workspace")) open(blank_workspace("Untitled workspace"), "blank");
        if (ImGui::MenuItem("Open the sample workspace")) open(sample_workspace(), "sample");
        ImGui::Separator();
        if (ImGui::MenuItem("Import .waymark.json\xE2\x80\xA6")) platform::pick_file(".json,.waymark.json,application/json");
        if (ImGui::MenuItem("Export .waymark.json")) export_file();
        ImGui::SetItemTooltip("The whole workspace as a file to keep, share or import elsewhere");
        if (ImGui::MenuItem("Merge a file into this workspace\xE2\x80\xA6", nullptr, false, !persistence_.read_only()))
            platform::pick_file_for(".json,.waymark.json,application/json", "merge");
        ImGui::SetItemTooltip("Bring in what someone did in their copy of this workspace (one undo step; conflicts are listed)");
        if (ImGui::MenuItem("Export picture (PNG, SVG)\xE2\x80\xA6", nullptr, false, !exports_.busy()))
            exports_.open_image_dialog(doc_.workspace(), state_);
        ImGui::SetItemTooltip("The whole journey map or the whole framework as an image for slides and wikis");
        if (ImGui::MenuItem("Export journey as CSV\xE2\x80\xA6", nullptr, false, open_journey(doc_.workspace(), state_) != nullptr))
            exports_.csv(doc_.workspace(), state_);
        ImGui::SetItemTooltip("The open journey map as a lanes \xC3\x97 steps grid, for spreadsheets");
        if (ImGui::MenuItem("Export report (HTML)\xE2\x80\xA6")) exports_.report(doc_.workspace(), state_);
        ImGui::SetItemTooltip("Framework, journey maps as tables, personas, insights and backlog in one file to read or print");
        if (ImGui::MenuItem("Copy share link")) share_.request(export_text());
        ImGui::SetItemTooltip("The whole workspace in a link (small workspaces); nothing is sent to a server");
        if (!live_.running()) {
            if (ImGui::MenuItem("Share with team\xE2\x80\xA6", nullptr, false, !persistence_.read_only())) live_.open_dialog(doc_.workspace());
            ImGui::SetItemTooltip("Edit this workspace together with others through your team's own server (scripts/team-server)");
        } else {
            if (ImGui::MenuItem("Copy team link")) live_.copy_link(state_);
            ImGui::SetItemTooltip("The address that opens this workspace on the team server for someone else");
            if (ImGui::MenuItem("Leave the team session")) live_.leave(state_);
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Save now", "Ctrl+S", false, !persistence_.read_only())) {
            save_asked_ = true;
            persistence_.save_now();
        }
        if (ImGui::MenuItem("Documents\xE2\x80\xA6")) navigate(Place{"documents", {}});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        const std::string undo = doc_.can_undo() ? "Undo " + doc_.undo_label() : "Undo";
        const std::string redo = doc_.can_redo() ? "Redo " + doc_.redo_label() : "Redo";
        if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, doc_.can_undo())) state_.undo_requests += 1;
        if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, doc_.can_redo())) state_.undo_requests -= 1;
        ImGui::Separator();
        draw_clipboard_items();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (const auto& view : views()) {
            if (view.needs_id) continue;
            if (ImGui::MenuItem(view.title, nullptr, state_.place.view == view.key)) navigate(Place{view.key, {}});
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Go to\xE2\x80\xA6", "Ctrl+K")) open_palette(state_);
        if (ImGui::MenuItem("Back##menu", "Alt+Left", false, can_go(doc_.workspace(), state_.back))) go_back();
        if (ImGui::MenuItem("Forward##menu", "Alt+Right", false, can_go(doc_.workspace(), state_.forward))) go_forward();
        ImGui::Separator();
        // Radio-like: the ticked one is in use. Applied after this frame (a style change mid-frame
        // would be undone by the colours pushed around it), remembered in this browser.
        for (const Theme theme : {Theme::light, Theme::dark, Theme::contrast})
            if (ImGui::MenuItem(theme == Theme::light ? "Light theme" : theme == Theme::dark ? "Dark theme" : "High contrast theme", nullptr,
                                current_theme() == theme))
                state_.deferred.push_back([theme] { choose_theme(theme); });
        ImGui::Separator();
        if (ImGui::BeginMenu("Text size")) {
            // The whole UI larger or smaller, crisp at any size; remembered in this browser.
            const int current = static_cast<int>(std::lround(platform::text_scale() * 100));
            for (const int percent : {90, 100, 110, 125, 150, 175, 200}) {
                const std::string label = std::to_string(percent) + " %";
                if (ImGui::MenuItem(label.c_str(), nullptr, current == percent))
                    state_.deferred.push_back([percent] { platform::set_text_scale(static_cast<float>(percent) / 100.0f); });
            }
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Keyboard shortcuts", "?")) open_shortcuts(state_);
        if (ImGui::MenuItem("About Waymark and this browser\xE2\x80\xA6")) open_about(state_);
        ImGui::EndMenu();
    }
    live_.draw_peers();
    ImGui::EndMenuBar();
}

// Edit › Cut, Copy, Paste, Delete, Select all: what the keys do on the journey map (its cards, or
// the step, stage or lane selected), done by the map on its next frame. Elsewhere nothing is
// selectable this way, and the items are shown disabled.
void App::draw_clipboard_items() {
    using C = MapState::EditCommand;
    const Journey* journey = open_journey(doc_.workspace(), state_);
    const bool on_map = journey && state_.map.journey == journey->id;
    const MapSelection& sel = state_.map.sel;
    const bool cards = on_map && sel.kind == MapSelection::Kind::cards && !sel.cards.empty();
    const bool removable = cards || (on_map && (sel.kind == MapSelection::Kind::step || sel.kind == MapSelection::Kind::stage ||
                                                sel.kind == MapSelection::Kind::lane));
    const char* clip = ImGui::GetClipboardText();
    const bool writable = !persistence_.read_only();
    auto item = [this](const char* label, const char* keys, bool enabled, C command) {
        if (ImGui::MenuItem(label, keys, false, enabled)) {
            state_.map.from_menu = command;
            state_.redraw();
        }
    };
    item("Cut##edit", "Ctrl+X", cards && writable, C::cut);
    item("Copy##edit", "Ctrl+C", cards, C::copy);
    item("Paste##edit", "Ctrl+V", on_map && writable && clip && *clip, C::paste);
    item("Delete##edit", "Del", removable && writable, C::remove);
    item("Select all##edit", "Ctrl+A", on_map && !journey->cards.empty(), C::select_all);
    if (!on_map) ImGui::SetItemTooltip("Cut, copy, paste and select work on the cards of a journey map");
}

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

// Banners say what happened to the document in plain words, with the way out one click away.
void App::draw_banners() {
    auto banner = [&](ImU32 colour, const std::string& text, const char* button, auto&& action) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, colour);
        ImGui::BeginChild(text.c_str(), ImVec2(0, ImGui::GetFrameHeightWithSpacing() + 10), ImGuiChildFlags_None,
                          ImGuiWindowFlags_NoScrollbar);
        ImGui::SetCursorPos(ImVec2(10, 7));
        ImGui::TextUnformatted(text.c_str());
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
    for (const auto& view : views()) {
        if (view.needs_id) continue;
        ImGui::SameLine();
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
