// [SECTION] index: construction · frame · queued work · messages from the page
// (the chrome around the views is shell/chrome.cpp, the test hook shell/test_hook.cpp)
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
#include "ui/kpi/mirror.hpp"
#include "ui/framework/new_journey.hpp"
#include "ui/palette/palette.hpp"
#include "ui/exports/exports.hpp"
#include "ui/kit/format.hpp"
#include "ui/shell/share.hpp"
#include "ui/kit/theme.hpp"
#include "ui/about/view.hpp"
#include "ui/shortcuts/view.hpp"
#include "ui/compare/view.hpp"
#include "ui/documents/view.hpp"
#include "ui/merge/view.hpp"
#include "ui/map/card_form.hpp"
#include "ui/map/mirror.hpp"
#include "ui/backlog/mirror.hpp"
#include "ui/framework/mirror.hpp"
#include "ui/framework/view.hpp"
#include "ui/compare/mirror.hpp"
#include "ui/documents/mirror.hpp"
#include "ui/insights/mirror.hpp"
#include "ui/maturity/mirror.hpp"
#include "ui/personas/mirror.hpp"
#include "ui/insights/view.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui {

// ---------------------------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------------------------
App::App(store::Backend& storage)
    : persistence_(doc_, storage, [this](Workspace ws, std::string origin, bool keep_view) { replace(std::move(ws), std::move(origin), keep_view); }) {
    init_theme();  // the theme chosen in this browser, else the system's
    persistence_.hold_first_save(true);   // until code_complete()
}

void App::code_complete() {
    code_complete_ = true;
    persistence_.hold_first_save(false);
    state_.redraw(2);   // the mirror described
}

App::~App() = default;

void App::open(Workspace ws, std::string origin) {
    replace(std::move(ws), origin, false);
    persistence_.adopt_new(std::move(origin));
}

namespace {

// Every text of a workspace that the app may draw, noted for the fonts (platform::note_text).
void note_workspace_text(const Workspace& w) {
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

}  // namespace

void App::note_document_text() {
    if (doc_.revision() == noted_revision_) return;
    noted_revision_ = doc_.revision();
    note_workspace_text(doc_.workspace());
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
    note_workspace_text(doc_.workspace());
    noted_revision_ = doc_.revision();
}

const Derived& App::derived() const {
    derived_.sync(doc_.workspace(), doc_.revision(), Date{platform::today_days()});
    return derived_;
}

ImVec4 App::background() const { return ImGui::ColorConvertU32ToFloat4(color::kCanvas); }

bool App::wants_frame() const { return state_.animate_frames > 0 || !state_.queue.empty(); }

void App::cancel_gesture() {
    // What the press selected on the map goes back too (two fingers came down: the first one's
    // press was the start of a zoom, not a choice).
    if (state_.map.drag.kind != MapDrag::Kind::none) state_.map.sel = state_.map.drag.before;
    state_.map.drag = MapDrag{};
    state_.framework.drag = FrameworkState::Drag{};
    ImGui::ClearDragDrop();   // an insight dragged from the palette is dropped nowhere
    ImGui::ClearActiveID();   // nor does the item pressed count the release as its click
}

// ---------------------------------------------------------------------------------------------
// Frame
// ---------------------------------------------------------------------------------------------
void App::begin_frame() {
    items_begin_frame();
    popups_.before_views();
    if (commit_edits_ == 2) {
        // ImGui hands queued input over in order, a few events a frame (a click, then a key, then the
        // text typed after it); once nothing is left queued, this frame applies the last of it.
        if (ImGui::GetCurrentContext()->InputEventsQueue.Size == 0) commit_edits_ = 1;
    } else if (commit_edits_ == 1) {
        // The page is going away: end the active text field as a click elsewhere would. Fields see
        // themselves deactivated in this frame and emit their edit, which end_frame applies before
        // the page asks for the save.
        commit_edits_ = 0;
        ImGui::ClearActiveID();
    }
    boot();  // until storage has answered, the page shows "Opening…"
}

void App::boot() {
    if (boot_requested_) return;
    boot_requested_ = true;
    persistence_.boot();
}

void App::draw() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    // No background: the renderer clears the canvas to the same colour (background()), and on
    // software GL each full-window fill costs several ms a frame.
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground;
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
        const ViewContext ctx = view_context();
        draw_new_journey_popup(ctx);
        draw_palette(ctx);
        draw_kpi_editor(ctx);
        share_.update();
        update_insight_import_page(ctx);
        exports_.draw(ctx);
        draw_about(ctx);
        draw_shortcuts(ctx);
        draw_merge_report(ctx);
        live_.draw_dialog(doc_.workspace(), state_);
    }
    ImGui::End();
    draw_toast();
    popups_.after_views();

    // Shortcuts that belong to the whole app. Text fields keep their own undo while typing.
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_S)) {
        save_asked_ = true;
        persistence_.save_now();
    }
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

ViewContext App::view_context() {
    ViewContext ctx{doc_.workspace(), state_, fonts_, derived(), &persistence_, doc_.revision(), {}, {}};
    ctx.open_new = [this](Workspace ws, std::string origin) { open(std::move(ws), std::move(origin)); };
    ctx.merge_in = [this](Workspace ws, std::string source) { merge_in(std::move(ws), source); };
    return ctx;
}

void App::draw_view() {
    const ViewInfo* view = find_view(state_.place.view);
    if (!view) {
        ImGui::TextWrapped("There is no \"%s\" view.", state_.place.view.c_str());
        return;
    }
    view->draw(view_context());
}

void App::end_frame() {
    items_end_frame();
    apply_queued();
    live_.after_frame(doc_, state_);
    persistence_.after_frame();
    announce_changes();
    // Checked here, not in it: a function that runs at start goes to the code's first part, and the
    // description waits for the second (code_complete).
    if (mirror_on_ && code_complete_) update_mirror();
    if (state_.animate_frames > 0) --state_.animate_frames;
}

// ---------------------------------------------------------------------------------------------
// ---------------------------------------------------------------------------------------------
// Queued work: commands, undo/redo and navigation requested while drawing.
// ---------------------------------------------------------------------------------------------
void App::apply_queued() {
    // Whatever changes here is drawn by the next frames, not this one: ask for them.
    if (!state_.queue.empty() || state_.undo_requests != 0 || !state_.navigate.empty() || !state_.deferred.empty())
        state_.redraw(2);
    if (persistence_.read_only() && (!state_.queue.empty() || state_.undo_requests != 0)) {
        state_.message = "This document is open for editing in another tab; this tab only shows it.";
        state_.message_is_error = true;
        state_.queue.clear();
        state_.undo_requests = 0;
    }
    std::string feedback;        // the toast of this frame's edit, undo or redo
    bool offer_undo = false;
    for (const auto& command : state_.queue) {
        const std::uint64_t before = doc_.revision();
        const edit::Result result = doc_.execute(command);
        if (!result) {
            state_.message = result.refusal;
            state_.message_is_error = true;
        } else {
            state_.message.clear();
            if (doc_.revision() != before) {   // a no-op records nothing
                to_say_ = "Done: " + doc_.undo_label();
                feedback = doc_.undo_label();
                offer_undo = true;
            }
        }
    }
    state_.queue.clear();
    const bool quiet = undo_from_toast_;
    undo_from_toast_ = false;
    for (; state_.undo_requests != 0; state_.undo_requests += state_.undo_requests > 0 ? -1 : 1) {
        const bool undo = state_.undo_requests > 0;
        if (undo ? !doc_.can_undo() : !doc_.can_redo()) continue;
        to_say_ = (undo ? "Undone: " : "Redone: ") + (undo ? doc_.undo_label() : doc_.redo_label());
        feedback = quiet ? std::string() : to_say_;
        offer_undo = false;
        undo ? doc_.undo() : doc_.redo();
        // After changes from the team, an undo takes back only what is still as I left it.
        if (!doc_.last_outcome().empty()) {
            to_say_ += " \xE2\x80\x94 " + doc_.last_outcome();
            feedback = to_say_;
        }
        state_.message.clear();   // what it said was about the edit before
        message_toasted_.clear();
        toast_.reset();
        state_.framework.note = {};   // and so did the framework's note at a drop
    }
    for (auto& place : state_.navigate) navigate(std::move(place));
    state_.navigate.clear();
    std::vector<std::function<void()>> deferred;
    deferred.swap(state_.deferred);
    for (auto& fn : deferred) fn();
    show_feedback(std::move(feedback), offer_undo);
}

// One toast for every command: the edit's label with Undo ("Move journey"), or what a view said of
// it ("“Onboarding” now hangs under …"), "Undone: …" / "Redone: …", and each new notice of the status
// line ("Exported …", a refusal). Only the shell makes toasts; views need no code for them.
void App::show_feedback(std::string text, bool undo) {
    const bool said = !state_.message.empty() && state_.message != message_toasted_;
    message_toasted_ = state_.message;
    if (said) text = state_.message;
    if (text.empty()) return;
    toast_ = Toast{std::move(text), undo, said && state_.message_is_error, doc_.revision(), platform::now_ms(), state_.place};
    state_.redraw();
}

// What a screen reader user would otherwise only see: the result of each command ("Done: Move
// card", "Undone: Move stage"), each new status message (a refusal, "Exported the report…"), a save
// the user asked for, and storage trouble. Said once, through the page's polite live region.
void App::announce_changes() {
    if (!state_.message.empty() && state_.message != message_said_) to_say_ = state_.message;
    message_said_ = state_.message;
    const Persistence::Status status = persistence_.status();
    if (status != status_said_) {
        const bool bad = status == Persistence::Status::failed || status == Persistence::Status::unavailable;
        if (bad) to_say_ = "Not saved: " + persistence_.status_text();
        else if (status == Persistence::Status::saved && save_asked_) to_say_ = "Saved";
        if (status == Persistence::Status::saved) save_asked_ = false;
        status_said_ = status;
    }
    if (to_say_.empty()) return;
    said_ = std::move(to_say_);
    to_say_.clear();
    platform::announce(said_);
}

// ---------------------------------------------------------------------------------------------
// Messages from the page (platform/protocol.hpp)
// ---------------------------------------------------------------------------------------------
std::string App::receive(const protocol::PageMessage& message) {
    return std::visit([this](const auto& m) { return on(m); }, message);
}

std::string App::on(const protocol::ShareMade& m) { return share_.finished(m, state_); }
std::string App::on(const protocol::ShareOpened& m) { return share_.received(m, state_); }
std::string App::on(const protocol::ExportProgress& m) {
    exports_.progress(m, state_);
    return protocol::Reply::ok().str();
}
std::string App::on(const protocol::ExportFinished& m) { return exports_.finished(m, state_); }
std::string App::on(const protocol::FileChosen& m) {
    if (m.purpose == "merge") return merge_text(m.text, m.name);   // File › Merge a file into this workspace…
    return receive_chosen_file(state_, m);
}
std::string App::on(const protocol::FileOpened& m) {
    if (!m.dropped) return import_text(m.text);
    // A dropped copy of the open workspace: ask whether to merge it or open it apart.
    io::LoadResult loaded = io::import_json(m.text);
    if (loaded && loaded.workspace->id == doc_.workspace().id && !persistence_.read_only()) {
        ask_about_file(state_, MergeState::Ask::dropped, std::move(*loaded.workspace), m.name.empty() ? "file" : m.name);
        return protocol::Reply::ok().with("asked", true).str();
    }
    return open_imported(std::move(loaded));
}
std::string App::on(const protocol::Leaving&) {
    // The page is being hidden or closed: the page now draws frames until committing() is false (see
    // begin_frame). All queued input is applied first, in the order it came: taken in one frame, a
    // click, the End key and the text typed after it would reach a text field out of order, or the
    // text before the field is active, and be lost.
    commit_edits_ = 2;
    return protocol::Reply::ok().str();
}
std::string App::on(const protocol::StorageEvent& m) {
    if (auto event = platform::read_storage_event(m.json)) persistence_.on_event(*event);
    return protocol::Reply::ok().str();
}

std::string App::on(const protocol::TeamStatus& m) { return live_.status(m, state_); }
std::string App::on(const protocol::TeamRecords& m) {
    return live_.records(m, doc_, state_, [this](Workspace ws) { open(std::move(ws), "team"); });
}

std::string App::on(const protocol::TeamLink& m) {
    if (persistence_.read_only()) return protocol::Reply::failed("this tab is read-only").str();
    return live_.open_link(m, doc_.workspace(), state_);
}

// [SECTION] The DOM mirror for screen readers ---------------------------------------------------
void App::update_mirror() {
    const MapState& map = state_.map;
    std::string key = std::to_string(doc_.revision()) + "|" + state_.place.view + "|" + state_.place.id.str() + "|" +
                      std::to_string(static_cast<int>(map.sel.kind)) + map.sel.lane.str() + map.sel.step.str() + map.sel.id.str() + "|" +
                      std::to_string(map.sel.cards.size()) + (map.sel.cards.empty() ? std::string() : map.sel.cards.front().str()) + "|" +
                      std::to_string(static_cast<int>(map.editing.kind)) + "|" + to_iso(derived().today());
    // View state that changes what a view's mirror shows, folded into one number (FNV-1a).
    std::uint64_t h = 1469598103934665603ull;
    const auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ull; };
    if (state_.place.view == "framework") {   // the folds, the keyboard's row, the unmapped-steps filter
        const FrameworkState& fw = state_.framework;
        for (const Id& id : fw.collapsed) mix(std::hash<Id>{}(id));
        for (const int level : fw.collapsed_levels) mix(static_cast<std::uint64_t>(level) + 1);
        mix(std::hash<Id>{}(fw.focus));
        mix(fw.filters[static_cast<std::size_t>(layout::Coverage::unmapped)]);
    }
    if (state_.place.view == "insights") {   // the table's rows (search, filters, sort) as the view last computed them
        const std::vector<int>& shown = state_.insights.rows.shown;
        mix(shown.size());
        for (std::size_t n = 0; n < std::min(shown.size(), kMirrorInsights); ++n) mix(static_cast<std::uint64_t>(shown[n]));
    }
    if (state_.place.view == "compare") {   // the to-be journey chosen, the "only differences" filter
        mix(std::hash<Id>{}(state_.compare.to_be));
        mix(state_.compare.only_differences);
    }
    if (state_.place.view == "documents") {   // the stored documents and saved versions, as the page last listed them
        for (const store::StoredDoc& d : persistence_.docs()) {
            mix(std::hash<std::string>{}(d.id));
            mix(std::hash<std::string>{}(d.name));
            mix(std::hash<double>{}(d.modified) + (d.deleted ? 1 : 0));
        }
        for (const store::SnapshotInfo& v : persistence_.history()) mix(std::hash<double>{}(v.key));
        mix(static_cast<std::uint64_t>(persistence_.persisted()) * 2 + (persistence_.read_only() ? 1 : 0));
    }
    key += "|" + std::to_string(h);
    if (state_.place.view == "maturity") {
        const MaturityDraft& d = state_.maturity;
        key += "|" + d.shown_scan.str() + (d.open ? "o" : "c");
        for (const int a : d.answers) key.push_back(static_cast<char>('0' + a));
    }
    if (key == mirror_key_) return;
    mirror_key_ = std::move(key);
    const Journey* j = state_.place.view == "journey" ? find_by_id(doc_.workspace().journeys, state_.place.id) : nullptr;
    if (j) {
        const std::string selection = journey_selection(*j, map, map.editing.kind != MapEditing::Kind::none);
        std::string described = std::to_string(doc_.revision()) + "|" + j->id.str() + "|" + to_iso(derived().today());
        if (mirror_map_ && described == mirror_map_key_ && platform::mirror(journey_mirror(*mirror_map_, &*mirror_map_, selection))) return;
        JourneyMirror now = describe_journey(doc_.workspace(), *j, derived().journey_layout(*j, fonts_));
        if (!platform::mirror(journey_mirror(now, mirror_map_ ? &*mirror_map_ : nullptr, selection)))
            platform::mirror(journey_mirror(now, nullptr, selection));   // the page did not hold that map
        mirror_map_ = std::move(now);
        mirror_map_key_ = std::move(described);
        return;
    }
    mirror_map_.reset();
    if (state_.place.view == "backlog") {
        platform::mirror(backlog_mirror(doc_.workspace(), derived().backlog()));
        return;
    }
    if (state_.place.view == "insights") {
        platform::mirror(insights_mirror(doc_.workspace(), state_.insights, derived().today()));
        return;
    }
    if (state_.place.view == "maturity") {
        platform::mirror(maturity_mirror(doc_.workspace(), state_.maturity, derived().maturity_indicators()));
        return;
    }
    if (state_.place.view == "personas") {
        platform::mirror(personas_mirror(doc_.workspace()));
        return;
    }
    if (state_.place.view == "documents") {
        platform::mirror(documents_mirror(doc_.workspace(), persistence_));
        return;
    }
    if (state_.place.view == "compare") {
        platform::mirror(compare_mirror(doc_.workspace(), state_, derived()));
        return;
    }
    if (state_.place.view == "framework") {
        platform::mirror(framework_mirror(doc_.workspace(), derived().framework(framework_options(state_.framework)), derived(), state_.framework));
        return;
    }
    const ViewInfo* view = find_view(state_.place.view);
    json::Writer w;
    w.begin().field("view", state_.place.view).field("title", view ? view->title : "").end();
    platform::mirror(w.str());
}

std::string App::on(const protocol::MirrorCell& m) {
    const auto journey = Id::parse(m.journey), lane = Id::parse(m.lane), step = Id::parse(m.step);
    if (!journey || !lane || !step || state_.place.view != "journey" || state_.place.id != *journey)
        return protocol::Reply::failed("not the open map").str();
    const auto card = m.card.empty() ? std::optional<Id>(Id{}) : Id::parse(m.card);
    if (!card) return protocol::Reply::failed("no such card").str();
    const std::string refused = mirror_cell(doc_.workspace(), state_.map, *journey, *lane, *step, m.activate && !persistence_.read_only(), *card);
    state_.redraw(2);
    return refused.empty() ? protocol::Reply::ok().str() : protocol::Reply::failed(refused).str();
}

std::string App::on(const protocol::MirrorRow& m) {
    // The dialogs the menubar's entries answer with as forms (ui/shell/menus.hpp), whatever the view.
    if (m.view == "export-picture") return exports_.mirror_action(view_context(), m.child, m.text);
    // The questions the app asks on its own (platform::ask): a shared workspace to open, a file dropped.
    if (m.view == ShareLinks::kAskView || m.view == ShareLinks::kManualView)
        return share_.answer(m.view, m.child, state_, [this](Workspace ws) { open(std::move(ws), "share"); });
    if (m.view == Exports::kProgressView) return exports_.progress_answer(m.child);
    if (m.view == kImportView) {   // an insights CSV import started from the page
        if (m.child == "import" && persistence_.read_only()) return protocol::Reply::failed("this tab is read-only").str();
        return insight_import_answer(view_context(), m.child, m.text);
    }
    if (m.view == kMergeAskView) {
        if (m.child == "merge" && persistence_.read_only()) return protocol::Reply::failed("this tab is read-only").str();
        state_.redraw(3);
        return merge_ask_answer(view_context(), m.child);
    }
    if (m.view == "new-journey") {
        if (m.child == "create" && persistence_.read_only()) return protocol::Reply::failed("this tab is read-only").str();
        state_.redraw(2);
        return new_journey_action(view_context(), m.child, m.text);
    }
    if (m.view == "team") {
        state_.redraw(2);
        return live_.dialog_action(doc_.workspace(), state_, m.child, m.text);
    }
    if (m.view == "merge-report") {
        if (m.child == "take" && persistence_.read_only()) return protocol::Reply::failed("this tab is read-only").str();
        state_.redraw(2);
        return merge_report_action(view_context(), m.id, m.child);
    }
    if (m.view == "kpis") {
        if (persistence_.read_only()) return protocol::Reply::failed("this tab is read-only").str();
        apply_queued();   // one field after another, none lost (as for the forms below)
        state_.redraw(2);
        return kpi_mirror_action(view_context(), m.id, m.child, m.text, [this] { apply_queued(); });
    }
    if (m.view == "card") {   // a card's details, from the map's grid (Alt+Enter on a card)
        if (m.child != "open" && persistence_.read_only()) return protocol::Reply::failed("this tab is read-only").str();
        apply_queued();
        state_.redraw(2);
        return card_mirror_action(view_context(), m.id, m.child, m.text);
    }
    if (m.view != state_.place.view) return protocol::Reply::failed("not the open view").str();
    if (m.view == "documents" || m.view == "compare") {   // a page's button or field (ui/kit/mirror_page.hpp)
        const ViewContext ctx = view_context();
        const std::string refused = m.view == "documents" ? documents_action(ctx, persistence_, m.action, m.id, m.text)
                                                          : compare_action(ctx, m.action, m.id);
        state_.redraw(2);
        return refused.empty() ? protocol::Reply::ok().str() : protocol::Reply::failed(refused).str();
    }
    if (m.view == "personas" || m.view == "insights" || m.view == "backlog") {
        // "Add …"/"New …", "Edit …" and "Score …" (their forms), a field of that form, "Delete …".
        const bool reads = m.action == "edit" || m.action == "score" || m.action == "export-csv";
        if (!reads && persistence_.read_only()) return protocol::Reply::failed("this tab is read-only").str();
        // A form's fields can change faster than frames come (Tab, Tab): each edit is a copy of the
        // item with one field changed, so the ones still queued are applied first, or the next copy
        // would be made from the item without them and undo them.
        apply_queued();
        state_.redraw(2);
        const ViewContext ctx = view_context();
        if (m.view == "personas") return personas_mirror_action(ctx, m.action, m.id, m.child, m.text);
        if (m.view == "insights") return insights_mirror_action(ctx, m.action, m.id, m.child, m.text);
        return backlog_mirror_action(ctx, m.action, m.id, m.child, m.text, [this] { apply_queued(); });
    }
    if (m.view != "framework") return protocol::Reply::failed("not the open view").str();
    const auto id = Id::parse(m.id);
    if (!id) return protocol::Reply::failed("no such row").str();
    const Workspace& ws = doc_.workspace();
    if (m.action == "places" || m.action == "move") {
        const auto child = Id::parse(m.child);
        const Journey* moved = child ? find_by_id(ws.journeys, *child) : nullptr;
        if (!moved) return protocol::Reply::failed("no such journey").str();
        if (m.action == "places") {
            // Where it may hang under that journey: the page asks in a dialog (web/mirror.js).
            const Journey* parent = find_by_id(ws.journeys, *id);
            if (!parent) return protocol::Reply::failed("not a journey").str();
            json::Writer w;
            w.begin().field("ok", true).field("title", "Hang \xE2\x80\x9C" + moved->title + "\xE2\x80\x9D under \xE2\x80\x9C" + parent->title + "\xE2\x80\x9D at:");
            w.key("places").array();
            for (const HangPlace& p : hang_places(ws, *child, *id))
                w.begin().field("stage", p.stage.str()).field("step", p.step.is_nil() ? std::string() : p.step.str()).field("label", p.label).field("refused", p.refused).end();
            w.end_array().end();
            return w.str();
        }
        if (persistence_.read_only()) return protocol::Reply::failed("this tab is read-only").str();
        const auto stage = Id::parse(m.stage), step = Id::parse(m.step);
        const std::string refused = mirror_framework_move(ws, derived().framework(framework_options(state_.framework)), state_, *child, *id,
                                                          stage.value_or(Id{}), step.value_or(Id{}));
        state_.redraw(2);
        if (!refused.empty()) {
            state_.message = refused;   // said by the live region, as a refused drop's note is
            state_.message_is_error = true;
        }
        return refused.empty() ? protocol::Reply::ok().str() : protocol::Reply::failed(refused).str();
    }
    RowAction action = RowAction::focus;
    if (m.action == "activate") action = RowAction::activate;
    else if (m.action == "expand") action = RowAction::expand;
    else if (m.action == "collapse") action = RowAction::collapse;
    else if (m.action != "focus") return protocol::Reply::failed("unknown action").str();
    const std::string refused = mirror_framework_row(derived().framework(framework_options(state_.framework)), state_, *id, action);
    state_.redraw(2);
    return refused.empty() ? protocol::Reply::ok().str() : protocol::Reply::failed(refused).str();
}

std::string App::on(const protocol::MirrorScan& m) {
    if (state_.place.view != "maturity") return protocol::Reply::failed("not the open view").str();
    state_.redraw(2);
    if (!m.save) {
        const std::string refused = mirror_answer(state_.maturity, m.question, m.stage);
        return refused.empty() ? protocol::Reply::ok().str() : protocol::Reply::failed(refused).str();
    }
    if (persistence_.read_only()) return protocol::Reply::failed("this tab is read-only").str();
    auto command = save_scan(state_.maturity, Date{platform::today_days()});
    if (!command) return protocol::Reply::failed("answer every question first").str();
    state_.queue.push_back(std::move(*command));
    return protocol::Reply::ok().str();
}

std::string App::import_text(std::string_view text) { return open_imported(io::import_json(text)); }

std::string App::open_imported(io::LoadResult result) {
    if (!result) {
        state_.message = "Import failed: " + result.error;
        state_.message_is_error = true;
        return protocol::Reply::failed(result.error).str();
    }
    open(std::move(*result.workspace), "import");
    state_.message = "Imported \xE2\x80\x9C" + doc_.workspace().name + "\xE2\x80\x9D";
    state_.message_is_error = false;
    return protocol::Reply::ok().str();
}

}  // namespace wm::ui
