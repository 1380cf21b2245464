// [SECTION] index: construction · frame · menu bar · navigation bar · status bar · queued work ·
// test hook (window.waymark)
#include "ui/shell/app.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "io/file_format.hpp"
#include "layout/journey_layout.hpp"
#include "model/generate.hpp"
#include "model/limits.hpp"
#include "model/sample.hpp"
#include "platform/platform.hpp"
#include "platform/storage_bridge.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/json_text.hpp"
#include "ui/kpi/editor.hpp"
#include "ui/framework/new_journey.hpp"
#include "ui/palette/palette.hpp"
#include "ui/exports/exports.hpp"
#include "ui/kit/format.hpp"
#include "ui/shell/share.hpp"
#include "ui/kit/theme.hpp"
#include "ui/compare/view.hpp"
#include "ui/documents/view.hpp"
#include "ui/insights/view.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui {
namespace {

// A place can be returned to while what it shows exists (the map of a deleted journey is skipped).
bool place_exists(const Workspace& ws, const Place& p) {
    return find_view(p.view) && (p.view != "journey" || find_by_id(ws.journeys, p.id));
}

bool can_go(const Workspace& ws, const std::vector<Place>& places) {
    return std::any_of(places.begin(), places.end(), [&](const Place& p) { return place_exists(ws, p); });
}

// One step along the history: the nearest existing place of `from` becomes current, the current
// one goes onto `to`.
void step_history(const Workspace& ws, Place& current, std::vector<Place>& from, std::vector<Place>& to) {
    while (!from.empty() && !place_exists(ws, from.back())) from.pop_back();
    if (from.empty()) return;
    to.push_back(std::move(current));
    current = std::move(from.back());
    from.pop_back();
}

// Breadcrumbs of an open journey: Framework › lifecycle › … › the journey, each a button but the
// last. The chain follows first parents; a journey with more parents gets a "+N" menu of the others
// beside its first parent.
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
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    if (ImGui::SmallButton("Framework##crumb")) go(Place{"framework", {}});
    for (std::size_t i = 0; i < chain.size(); ++i) {
        ImGui::SameLine();
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

}  // namespace

// ---------------------------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------------------------
App::App(store::Backend& storage)
    : persistence_(doc_, storage, [this](Workspace ws, std::string origin, bool keep_view) { replace(std::move(ws), std::move(origin), keep_view); }) {
    init_theme();  // the theme chosen in this browser, else the system's
}

App::~App() = default;

void App::open(Workspace ws, std::string origin) {
    replace(std::move(ws), origin, false);
    persistence_.adopt_new(std::move(origin));
}

void App::replace(Workspace ws, std::string origin, bool keep_view) {
    doc_.reset(std::move(ws));
    state_.origin = std::move(origin);
    if (!keep_view) {
        state_.place = Place{"framework", {}};
        state_.back.clear();
        state_.forward.clear();
    } else if (state_.place.view == "journey" && !find_by_id(doc_.workspace().journeys, state_.place.id)) {
        state_.place = Place{"framework", {}};
    }
    // Characters the loaded fonts lack (CJK, emoji and other symbols) are fetched before they are
    // drawn; typed and pasted text is noted as it arrives (src/platform).
    const Workspace& w = doc_.workspace();
    platform::note_text(w.name);
    for (const auto& j : w.journeys) {
        platform::note_text(j.title);
        platform::note_text(j.description);
        for (const auto& c : j.cards) platform::note_text(c.text);
        for (const auto& st : j.stages) {
            platform::note_text(st.name);
            for (const auto& step : st.steps) platform::note_text(step.name);
        }
        for (const auto& l : j.lanes) platform::note_text(l.name);
    }
    for (const auto& p : w.personas) {
        for (const std::string* t : {&p.name, &p.role, &p.segment, &p.quote}) platform::note_text(*t);
        for (const auto* list : {&p.goals, &p.needs, &p.pains, &p.jobs})
            for (const auto& t : *list) platform::note_text(t);
    }
    for (const auto& i : w.insights) {
        platform::note_text(i.title);
        platform::note_text(i.text);
    }
    for (const auto& o : w.opportunities) {
        platform::note_text(o.title);
        platform::note_text(o.description);
        for (const auto& s : o.solutions) platform::note_text(s.title);
    }
    for (const auto& m : w.metrics) platform::note_text(m.name);
    for (const auto& c : w.channels) platform::note_text(c.name);
}

ImVec4 App::background() const { return ImGui::ColorConvertU32ToFloat4(color::kCanvas); }

bool App::wants_frame() const { return state_.animate_frames > 0 || !state_.queue.empty(); }

// ---------------------------------------------------------------------------------------------
// Frame
// ---------------------------------------------------------------------------------------------
void App::begin_frame() {
    items_begin_frame();
    if (commit_edits_ == 2) {
        ImGui::GetIO().ConfigInputTrickleEventQueue = true;  // this frame took all pending input
        commit_edits_ = 1;
    } else if (commit_edits_ == 1) {
        // The page is going away: end the active text field as a click elsewhere would. Fields see
        // themselves deactivated in this frame and emit their edit, which end_frame applies before
        // the page asks for the save.
        commit_edits_ = 0;
        ImGui::ClearActiveID();
    }
    if (!boot_requested_) {
        // Storage answers arrive on later frames; until then the page shows "Opening…".
        boot_requested_ = true;
        persistence_.boot();
    }
}

void App::draw() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("Waymark###main", nullptr, flags);
    if (!persistence_.booted()) {
        ImGui::SetCursorPos(ImVec2(vp->WorkSize.x * 0.5f - 80, vp->WorkSize.y * 0.45f));
        ImGui::TextDisabled("Opening your documents\xE2\x80\xA6");
        ImGui::End();
        return;
    }
    draw_menu_bar();
    draw_banners();
    draw_nav_bar();
    const float status_height = ImGui::GetFrameHeight() + 4;
    ImGui::BeginChild("view", ImVec2(0, -status_height), ImGuiChildFlags_None);
    draw_view();
    ImGui::EndChild();
    draw_status_bar();
    {
        // Popups any view may open: "New journey…" (from the framework or a map's step), Ctrl+K and
        // the KPI editor.
        const ViewContext ctx{doc_.workspace(), state_, fonts_, &persistence_, doc_.revision(), {}};
        draw_new_journey_popup(ctx);
        draw_palette(ctx);
        draw_kpi_editor(ctx);
        share_.draw(state_, [this](Workspace ws) { open(std::move(ws), "share"); });
        exports_.draw(ctx);
    }
    ImGui::End();

    // Shortcuts that belong to the whole app. Text fields keep their own undo while typing.
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_S)) persistence_.save_now();
    if (!io.WantTextInput) {
        if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Z)) state_.undo_requests += 1;
        if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z) ||
            ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Y))
            state_.undo_requests -= 1;
        if (ImGui::IsKeyChordPressed(ImGuiMod_Alt | ImGuiKey_LeftArrow)) go_back();
        if (ImGui::IsKeyChordPressed(ImGuiMod_Alt | ImGuiKey_RightArrow)) go_forward();
    }
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_K)) open_palette(state_);
    if (take_text_clipped()) {
        state_.message = "A text can hold at most " + with_thousands(static_cast<double>(limits::kMaxTextBytes)) +
                         " bytes (about as many letters); the rest was not kept.";
        state_.message_is_error = true;
    }
    // The mouse's back and forward buttons (ImGui's extra buttons 3 and 4).
    if (ImGui::IsMouseClicked(3)) go_back();
    if (ImGui::IsMouseClicked(4)) go_forward();
}

void App::draw_view() {
    const ViewInfo* view = find_view(state_.place.view);
    if (!view) {
        ImGui::TextWrapped("There is no \"%s\" view.", state_.place.view.c_str());
        return;
    }
    ViewContext ctx{doc_.workspace(), state_, fonts_, &persistence_, doc_.revision(), {}};
    ctx.open_new = [this](Workspace ws, std::string origin) { open(std::move(ws), std::move(origin)); };
    view->draw(ctx);
}

void App::end_frame() {
    items_end_frame();
    apply_queued();
    persistence_.after_frame();
    if (state_.animate_frames > 0) --state_.animate_frames;
}

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
        if (ImGui::MenuItem("Export picture (PNG, SVG)\xE2\x80\xA6", nullptr, false, !exports_.busy()))
            exports_.open_image_dialog(doc_.workspace(), state_);
        ImGui::SetItemTooltip("The whole journey map or the whole framework as an image for slides and wikis");
        if (ImGui::MenuItem("Export journey as CSV\xE2\x80\xA6", nullptr, false, open_journey(doc_.workspace(), state_) != nullptr))
            exports_.csv(doc_.workspace(), state_);
        ImGui::SetItemTooltip("The open journey map as a lanes \xC3\x97 steps grid, for spreadsheets");
        if (ImGui::MenuItem("Export report (HTML)\xE2\x80\xA6")) exports_.report(doc_.workspace(), state_);
        ImGui::SetItemTooltip("Framework, journey maps as tables, personas, insights and backlog in one file to read or print");
        if (ImGui::MenuItem("Copy share link")) share_.request(io::export_json(doc_.workspace()));
        ImGui::SetItemTooltip("The whole workspace in a link (small workspaces); nothing is sent to a server");
        ImGui::Separator();
        if (ImGui::MenuItem("Save now", "Ctrl+S", false, !persistence_.read_only())) persistence_.save_now();
        if (ImGui::MenuItem("Documents\xE2\x80\xA6")) navigate(Place{"documents", {}});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        const std::string undo = doc_.can_undo() ? "Undo " + doc_.undo_label() : "Undo";
        const std::string redo = doc_.can_redo() ? "Redo " + doc_.redo_label() : "Redo";
        if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, doc_.can_undo())) state_.undo_requests += 1;
        if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, doc_.can_redo())) state_.undo_requests -= 1;
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
        for (const Theme theme : {Theme::light, Theme::dark})
            if (ImGui::MenuItem(theme == Theme::light ? "Light theme" : "Dark theme", nullptr, current_theme() == theme))
                state_.deferred.push_back([theme] { choose_theme(theme); });
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void App::export_file() {
    const std::string text = io::export_json(doc_.workspace());
    const std::string name = doc_.workspace().name.empty() ? "workspace" : doc_.workspace().name;
    platform::download(name + ".waymark.json", "application/json", text);
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
// Status bar
// ---------------------------------------------------------------------------------------------
void App::draw_status_bar() {
    ImGui::Separator();
    const Workspace& ws = doc_.workspace();
    std::size_t cards = 0;
    for (const auto& j : ws.journeys) cards += j.cards.size();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%s \xC2\xB7 %zu journeys \xC2\xB7 %zu cards",
                       ws.name.c_str(), ws.journeys.size(), cards);
    ImGui::SameLine();
    const Persistence::Status status = persistence_.status();
    const bool bad = status == Persistence::Status::failed || status == Persistence::Status::unavailable;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(bad ? color::kError : status == Persistence::Status::read_only ? color::kWarn : color::kMuted),
                       "\xC2\xB7 %s", status == Persistence::Status::saved ? "Saved" : status == Persistence::Status::read_only ? "Read-only"
                                        : bad ? "Not saved" : persistence_.status_text().c_str());
    if (!state_.message.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(state_.message_is_error ? color::kError : color::kOk), "\xC2\xB7 %s",
                           state_.message.c_str());
    }
}

// ---------------------------------------------------------------------------------------------
// Queued work: commands, undo/redo and navigation requested while drawing.
// ---------------------------------------------------------------------------------------------
void App::apply_queued() {
    // Whatever changes here is drawn by the next frames, not this one: ask for them.
    if (!state_.queue.empty() || state_.undo_requests != 0 || !state_.navigate.empty() || !state_.deferred.empty())
        state_.animate_frames = std::max(state_.animate_frames, 2);
    if (persistence_.read_only() && (!state_.queue.empty() || state_.undo_requests != 0)) {
        state_.message = "This document is open for editing in another tab; this tab only shows it.";
        state_.message_is_error = true;
        state_.queue.clear();
        state_.undo_requests = 0;
    }
    for (const auto& command : state_.queue) {
        const edit::Result result = doc_.execute(command);
        if (!result) {
            state_.message = result.refusal;
            state_.message_is_error = true;
        } else {
            state_.message.clear();
        }
    }
    state_.queue.clear();
    for (; state_.undo_requests > 0; --state_.undo_requests) doc_.undo();
    for (; state_.undo_requests < 0; ++state_.undo_requests) doc_.redo();
    for (auto& place : state_.navigate) navigate(std::move(place));
    state_.navigate.clear();
    std::vector<std::function<void()>> deferred;
    deferred.swap(state_.deferred);
    for (auto& fn : deferred) fn();
}

// ---------------------------------------------------------------------------------------------
// Test hook (window.waymark) and page commands
// ---------------------------------------------------------------------------------------------
std::string App::call(std::string_view name, std::string_view arg) {
    if (name == "stats") return hook_stats();
    if (name == "exportJson") return io::export_json(doc_.workspace());
    if (name == "importJson") return import_text(arg);
    if (name == "fileChosen") return receive_chosen_file(state_, arg);
    if (name == "generate") return hook_generate(arg);
    if (name == "show") return hook_show(arg);
    if (name == "rect") return hook_rect(arg);
    if (name == "benchSnapshot") return hook_bench_snapshot();
    if (name == "shareLink") {  // the page answers later with shareDone (waymark.shareLink() waits for it)
        share_.request(io::export_json(doc_.workspace()));
        return R"({"ok":true})";
    }
    if (name == "shareDone") return share_.finished(arg, state_);
    if (name == "shareReceived") return share_.received(arg, state_);
    if (name == "exportProgress") return exports_.progress(arg, state_);
    if (name == "exportDone") return exports_.finished(arg, state_);
    if (name == "commitEdits") {  // the page is being hidden or closed: see begin_frame
        // ImGui normally spreads a burst of keys over frames ("trickling") so that no press is lost;
        // the page is leaving, so the next frame applies all that is queued at once.
        ImGui::GetIO().ConfigInputTrickleEventQueue = false;
        commit_edits_ = 2;
        return R"({"ok":true})";
    }
    if (name == "storageEvent") {
        if (auto event = platform::read_storage_event(arg)) persistence_.on_event(*event);
        return R"({"ok":true})";
    }
    return json::error("unknown call " + std::string(name));
}

std::string App::import_text(std::string_view text) {
    io::LoadResult result = io::import_json(text);
    if (!result) {
        state_.message = "Import failed: " + result.error;
        state_.message_is_error = true;
        return json::error(result.error);
    }
    open(std::move(*result.workspace), "import");
    state_.message = "Imported \xE2\x80\x9C" + doc_.workspace().name + "\xE2\x80\x9D";
    state_.message_is_error = false;
    return R"({"ok":true})";
}

std::string App::hook_stats() const {
    const Workspace& ws = doc_.workspace();
    std::size_t stages = 0, steps = 0, lanes = 0, cards = 0;
    std::vector<std::size_t> by_level;
    for (const auto& j : ws.journeys) {
        stages += j.stages.size();
        for (const auto& s : j.stages) steps += s.steps.size();
        lanes += j.lanes.size();
        cards += j.cards.size();
        if (j.level >= 0) {
            if (by_level.size() <= static_cast<std::size_t>(j.level)) by_level.resize(j.level + 1);
            ++by_level[j.level];
        }
    }
    json::Writer w;
    w.begin();
    w.key("document").begin();
    w.field("id", ws.id.str()).field("name", ws.name).field("origin", state_.origin);
    w.field("revision", static_cast<double>(doc_.revision())).field("dirty", doc_.is_dirty());
    w.field("canUndo", doc_.can_undo()).field("canRedo", doc_.can_redo());
    w.field("undoLabel", doc_.undo_label()).field("redoLabel", doc_.redo_label());
    w.end();
    w.field("view", state_.place.view).field("viewId", state_.place.id.is_nil() ? std::string() : state_.place.id.str());
    w.field("journeys", static_cast<double>(ws.journeys.size()));
    w.key("journeysByLevel").begin();
    for (std::size_t i = 0; i < by_level.size(); ++i) w.field(std::to_string(i), static_cast<double>(by_level[i]));
    w.end();
    w.field("stages", static_cast<double>(stages)).field("steps", static_cast<double>(steps));
    w.field("lanes", static_cast<double>(lanes)).field("cards", static_cast<double>(cards));
    w.field("personas", static_cast<double>(ws.personas.size())).field("insights", static_cast<double>(ws.insights.size()));
    w.field("opportunities", static_cast<double>(ws.opportunities.size()));
    w.field("metrics", static_cast<double>(ws.metrics.size()));
    w.field("message", state_.message);
    {
        // The journey map's view state (tests check what a gesture selected, zoomed or found).
        const MapState& m = state_.map;
        const char* kinds[] = {"none", "cards", "cell", "step", "stage", "lane", "layer"};
        int found = 0;
        if (const Journey* j = find_by_id(ws.journeys, m.journey); j && m.find.open && m.layout_journey == j->id)
            found = static_cast<int>(layout::find_in_map(ws, *j, m.layout, m.find.query).size());
        auto cam = m.cameras.find(m.journey);
        w.key("map").begin();
        w.field("journey", m.journey.is_nil() ? std::string() : m.journey.str());
        w.field("zoom", cam != m.cameras.end() ? static_cast<double>(cam->second.zoom) : 1.0);
        w.field("selection", kinds[static_cast<int>(m.sel.kind)]);
        w.field("selectedCards", static_cast<double>(m.sel.kind == MapSelection::Kind::cards ? m.sel.cards.size() : 0));
        w.field("editing", m.editing.kind != MapEditing::Kind::none);
        w.field("findOpen", m.find.open).field("findMatches", static_cast<double>(found));
        w.end();
    }
    {
        // The Ctrl+K palette and the navigation history (palette/palette.cpp, draw_nav_bar).
        const PaletteState& p = state_.palette;
        w.key("palette").begin();
        w.field("open", p.open).field("query", p.query).field("results", static_cast<double>(p.open ? p.hits.size() : 0));
        w.field("first", p.open && !p.hits.empty() ? p.entries[static_cast<std::size_t>(p.hits.front().entry)].title : std::string());
        w.field("highlighted", static_cast<double>(p.highlighted));
        w.end();
        auto id_or_empty = [](Id id) { return id.is_nil() ? std::string() : id.str(); };
        w.key("selected").begin();
        w.field("persona", id_or_empty(state_.personas.selected)).field("opportunity", id_or_empty(state_.backlog.selected));
        w.field("insight", id_or_empty(state_.insights.selected));
        w.end();
        w.key("history").begin();
        w.field("canBack", can_go(ws, state_.back)).field("canForward", can_go(ws, state_.forward));
        w.field("back", static_cast<double>(state_.back.size())).field("forward", static_cast<double>(state_.forward.size()));
        w.end();
    }
    {
        // The framework grid's view state (tests check folds, filters and what a drop said).
        const FrameworkState& f = state_.framework;
        static const char* const kFilterNames[] = {"gaps", "noEvidence", "noPersona", "noKpi", "noToBe"};
        w.key("framework").begin();
        w.field("zoom", static_cast<double>(f.cam.zoom));
        w.field("tiles", static_cast<double>(f.layout.tiles.size())).field("visible", static_cast<double>(f.visible_tiles));
        w.field("collapsed", static_cast<double>(f.collapsed.size())).field("foldedLevels", static_cast<double>(f.collapsed_levels.size()));
        std::string filters;   // the switched-on coverage filters, comma-separated
        for (std::size_t i = 0; i < f.filters.size(); ++i)
            if (f.filters[i]) filters += (filters.empty() ? "" : ",") + std::string(kFilterNames[i]);
        w.field("filters", filters);
        w.field("dragging", f.drag.active).field("note", f.note.text).field("noteIsError", f.note.error);
        w.end();
    }
    write_compare_stats(w, ws, state_);
    write_kpi_stats(w, ws, doc_.revision());
    share_.write_stats(w);
    exports_.write_stats(w);
    write_insights_stats(w, state_);
    w.field("theme", theme_name(current_theme()));
    write_storage_stats(w, persistence_);
    w.end();
    return w.str();
}

std::string App::hook_show(std::string_view arg) {
    rapidjson::Document d;
    d.Parse(arg.data(), arg.size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("view") || !d["view"].IsString())
        return json::error("show needs {view, id}");
    const std::string view = d["view"].GetString();
    const ViewInfo* info = find_view(view);
    static const char* const kPlanned[] = {"framework", "journey", "backlog", "insights", "personas", "maturity", "documents", "compare"};
    if (!info) {
        for (const char* planned : kPlanned)
            if (view == planned) return json::error("not available yet");
        return json::error("there is no view called " + view);
    }
    Id id;
    if (d.HasMember("id") && d["id"].IsString() && d["id"].GetStringLength() > 0) {
        auto parsed = Id::parse(d["id"].GetString());
        if (!parsed) return json::error("not an id: " + std::string(d["id"].GetString()));
        id = *parsed;
    }
    if (info->needs_id) {
        if (id.is_nil() || !find_by_id(doc_.workspace().journeys, id)) return json::error("no journey with that id");
    }
    navigate(Place{view, id});
    return R"({"ok":true})";
}

// Times a binary snapshot save and load of the open document (bench/web_bench.mjs prints it).
std::string App::hook_bench_snapshot() const {
    const double t0 = platform::now_ms();
    const std::string bytes = io::save_snapshot(doc_.workspace());
    const double t1 = platform::now_ms();
    const io::LoadResult loaded = io::load_snapshot(bytes);
    const double t2 = platform::now_ms();
    json::Writer w;
    w.begin().field("ok", static_cast<bool>(loaded)).field("bytes", static_cast<double>(bytes.size()));
    w.field("saveMs", t1 - t0).field("loadMs", t2 - t1).field("error", loaded.error).end();
    return w.str();
}

std::string App::hook_rect(std::string_view label) const {
    auto rect = item_rect(label);
    if (!rect) return json::error("no widget labelled \xE2\x80\x9C" + std::string(label) + "\xE2\x80\x9D was drawn in the last frame");
    json::Writer w;
    w.begin().field("x", rect->x).field("y", rect->y).field("w", rect->w).field("h", rect->h).end();
    return w.str();
}

std::string App::hook_generate(std::string_view spec_text) {
    rapidjson::Document d;
    d.Parse(spec_text.data(), spec_text.size());
    if (d.HasParseError() || !d.IsObject()) return json::error("generate needs a JSON object");
    GenerateSpec spec;
    auto read = [&](const char* key, int& out) {
        if (d.HasMember(key) && d[key].IsNumber()) out = static_cast<int>(d[key].GetDouble());
    };
    read("journeys", spec.journeys);
    read("levels", spec.levels);
    read("stepsPerJourney", spec.steps_per_journey);
    read("lanesPerJourney", spec.lanes_per_journey);
    read("cardsPerCell", spec.cards_per_cell);
    if (d.HasMember("seed") && d["seed"].IsNumber()) spec.seed = static_cast<std::uint64_t>(d["seed"].GetDouble());
    open(generate_workspace(spec), "generated");
    return R"({"ok":true})";
}

}  // namespace wm::ui
