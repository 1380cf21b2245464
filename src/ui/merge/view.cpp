// [SECTION] index: showing a place · the report window · the questions · the report as the mirror's
// form · the test hook's JSON
//
// The Merge report window reads the last merge's report (ui.merge, filled by the shell's merge) and
// emits commands: "Take theirs" / "Take yours" is io::take_other's workspace as one
// edit::replace_workspace (one undo step); "Show" opens the place on the map with it selected.
#include "ui/merge/view.hpp"

#include <algorithm>
#include <charconv>
#include <memory>
#include <string>

#include "edit/commands.hpp"
#include "imgui.h"
#include "platform/platform.hpp"
#include "platform/protocol.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/mirror_form.hpp"
#include "ui/kit/mirror_page.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"

namespace wm::ui {
namespace {

ImVec4 colour(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

const char* kind_word(io::ConflictKind kind) {
    switch (kind) {
        case io::ConflictKind::both_changed: return "Both changed";
        case io::ConflictKind::kept: return "Kept";
        case io::ConflictKind::left_out: return "Left out";
        case io::ConflictKind::adjusted: return "Adjusted";
    }
    return "";
}

const char* kind_key(io::ConflictKind kind) {
    switch (kind) {
        case io::ConflictKind::both_changed: return "both_changed";
        case io::ConflictKind::kept: return "kept";
        case io::ConflictKind::left_out: return "left_out";
        case io::ConflictKind::adjusted: return "adjusted";
    }
    return "";
}

ImU32 kind_colour(io::ConflictKind kind) {
    switch (kind) {
        case io::ConflictKind::both_changed: return color::kWarn;
        case io::ConflictKind::kept: return color::kAccent;
        case io::ConflictKind::left_out: return color::kError;
        case io::ConflictKind::adjusted: return color::kMuted;
    }
    return color::kMuted;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Showing a place: the journey map with the thing selected, or the view that lists it.
// ---------------------------------------------------------------------------------------------
bool can_show(const Workspace& ws, const io::Conflict& c) {
    if (c.entity_kind == "persona") return find_by_id(ws.personas, c.entity) != nullptr;
    if (c.entity_kind == "insight") return find_by_id(ws.insights, c.entity) != nullptr;
    if (c.entity_kind == "opportunity") return find_by_id(ws.opportunities, c.entity) != nullptr;
    return !c.journey.is_nil() && find_by_id(ws.journeys, c.journey) != nullptr;
}

void show_place(const ViewContext& ctx, const io::Conflict& c) {
    UiState& ui = ctx.ui;
    if (c.entity_kind == "persona") {
        ui.personas.selected = c.entity;
        ctx.go("personas");
        return;
    }
    if (c.entity_kind == "insight") {
        ui.insights.selected = c.entity;
        ctx.go("insights");
        return;
    }
    if (c.entity_kind == "opportunity") {
        ui.backlog.selected = c.entity;
        if (ui.backlog.mode == BacklogState::Mode::model) ui.backlog.mode = BacklogState::Mode::list;
        ctx.go("backlog");
        return;
    }
    // A thing on a map: open its journey with it selected (the map keeps a selection made for the
    // journey it is about to show).
    MapState& map = ui.map;
    map.journey = c.journey;
    map.editing = {};
    map.sel = {};
    const Journey* j = find_by_id(ctx.ws.journeys, c.journey);
    using Kind = MapSelection::Kind;
    if (c.entity_kind == "card" && j) {
        if (const Card* card = find_by_id(j->cards, c.entity)) map.sel = MapSelection{Kind::cards, {card->id}, {}, {}, card->lane, card->step};
    } else if (c.entity_kind == "step") {
        map.sel = MapSelection{Kind::step, {}, c.entity, {}, {}, c.entity};
    } else if (c.entity_kind == "stage") {
        map.sel = MapSelection{Kind::stage, {}, c.entity, {}, {}, {}};
    } else if (c.entity_kind == "lane") {
        map.sel = MapSelection{Kind::lane, {}, c.entity, {}, c.entity, {}};
    }
    map.reveal_selection = true;
    ctx.go("journey", c.journey);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The report window
// ---------------------------------------------------------------------------------------------
void draw_counts(const ViewContext& ctx, const io::MergeReport& r) {
    auto count = [&](std::size_t n, const char* word, ImU32 c) {
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextColored(colour(n > 0 ? c : color::kMuted), "%s", with_thousands(static_cast<double>(n)).c_str());
        ImGui::PopFont();
        ImGui::SameLine(0, 4);
        ImGui::TextUnformatted(word);
        ImGui::SameLine(0, 18);
    };
    std::size_t both = 0;
    for (const auto& c : r.conflicts) both += c.kind == io::ConflictKind::both_changed;
    count(r.entities.added, "added", color::kOk);
    count(r.entities.changed, "changed", color::kAccent);
    count(r.entities.removed, "removed", color::kError);
    count(both, both == 1 ? "conflict" : "conflicts", color::kWarn);
    if (r.conflicts.size() > both) count(r.conflicts.size() - both, "other notes", color::kMuted);
    ImGui::NewLine();
}

// "Take theirs" / "Take yours" on conflict i: the value the merge did not keep, as one undo step.
// Returns why not ("" when taken).
std::string take_value(const ViewContext& ctx, MergeState& m, std::size_t i) {
    const io::Conflict& c = m.report.conflicts[i];
    io::TakeResult taken = io::take_other(ctx.ws, c);
    if (!taken.workspace) return taken.error;
    ctx.emit(edit::replace_workspace(std::move(*taken.workspace), c.theirs_kept ? "Take your value" : "Take their value"));
    m.taken.resize(m.report.conflicts.size(), 0);
    m.taken[i] = 1;
    return {};
}

void draw_conflict(const ViewContext& ctx, MergeState& m, std::size_t i) {
    const io::Conflict& c = m.report.conflicts[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextColored(colour(kind_colour(c.kind)), "%s", kind_word(c.kind));
    ImGui::TableSetColumnIndex(1);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(c.sentence.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TableSetColumnIndex(2);
    const std::string n = std::to_string(i + 1);
    if (c.kind == io::ConflictKind::both_changed) {
        if (m.taken[i]) {
            ImGui::TextColored(colour(color::kOk), "Taken");
        } else {
            // The value the merge did not keep: "theirs" when yours was kept, and the other way round.
            const std::string label = std::string(c.theirs_kept ? "Take yours##" : "Take theirs##") + n;
            if (ImGui::SmallButton(label.c_str())) {
                const std::string refused = take_value(ctx, m, i);
                if (!refused.empty()) {
                    ctx.ui.message = refused;
                    ctx.ui.message_is_error = true;
                }
            }
            ImGui::SetItemTooltip("Use %s value instead: %s", c.theirs_kept ? "your" : "their",
                                  (c.theirs_kept ? c.yours : c.theirs).c_str());
        }
        ImGui::SameLine();
    }
    ImGui::BeginDisabled(!can_show(ctx.ws, c));
    if (ImGui::SmallButton(("Show##" + n).c_str())) show_place(ctx, c);
    ImGui::EndDisabled();
    ImGui::SetItemTooltip("Open the place on the map");
    ImGui::PopID();
}

// Out of line (as send_question): draw_merge_report runs every frame, this only while the window is
// open (what the first frame does not run goes to the code's second part: scripts/split-wasm).
[[gnu::noinline]] void draw_window(const ViewContext& ctx, MergeState& m) {
    // As wide as a sentence reads well, as tall as its content (the conflicts scroll past ~8 rows).
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(760.f, vp->WorkSize.x - 40);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, std::max(200.f, vp->WorkSize.y - 80)));
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (m.focus) {
        ImGui::SetNextWindowFocus();
        m.focus = false;
    }
    bool open = true;
    // Changes from the team arrive while one works: the report appears without taking the keyboard.
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize |
                                   (m.live ? ImGuiWindowFlags_NoFocusOnAppearing : 0);
    if (!ImGui::Begin("Merge report###merge report", &open, flags)) {
        ImGui::End();
        m.window_open = open;
        return;
    }
    if (ImGui::IsWindowAppearing()) ctx.redraw(3);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::Text("Merged %s into this workspace", m.source.c_str());
    ImGui::PopFont();
    draw_counts(ctx, m.report);
    if (!m.report.had_history)
        ImGui::TextColored(colour(color::kWarn), "%s",
                           "The other copy had no merge history, so everything in it counted as new or changed; nothing was dropped.");
    ImGui::TextColored(colour(color::kMuted), "%s",
                       m.live ? "Changes from the team are not undo steps; taking the other value is an edit everyone gets."
                              : "The merge is one step: Edit \xE2\x80\xBA Undo takes it back whole.");
    ImGui::Separator();
    if (m.report.conflicts.empty()) {
        ImGui::TextColored(colour(color::kOk), "%s", "No conflicts: everything both copies did is in.");
    } else if (const float row = ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().CellPadding.y * 2 + 2;
               ImGui::BeginTable("merge conflicts", 3,
                                 ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                     ImGuiTableFlags_SizingStretchProp,
                                 ImVec2(0, std::min(ImGui::GetFrameHeight() + row * static_cast<float>(m.report.conflicts.size()),
                                                    ImGui::GetFrameHeight() + row * 8)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        fixed_column("What", 96);
        ImGui::TableSetupColumn("Where and what happened", ImGuiTableColumnFlags_WidthStretch);
        fixed_column("", 150);
        ImGui::TableHeadersRow();
        m.taken.resize(m.report.conflicts.size(), 0);
        ImGuiListClipper clipper;   // a merge of two big copies can list thousands
        clipper.Begin(static_cast<int>(m.report.conflicts.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_conflict(ctx, m, static_cast<std::size_t>(i));
        ImGui::EndTable();
    }
    if (ImGui::Button("Close##merge report")) open = false;
    ImGui::End();
    m.window_open = open;
}

// The counts in words, as the window's first line shows them in colour.
std::string counts_text(const io::MergeReport& r) {
    std::size_t both = 0;
    for (const auto& c : r.conflicts) both += c.kind == io::ConflictKind::both_changed;
    std::string out = with_thousands(static_cast<double>(r.entities.added)) + " added, " + with_thousands(static_cast<double>(r.entities.changed)) +
                      " changed, " + with_thousands(static_cast<double>(r.entities.removed)) + " removed, " +
                      with_thousands(static_cast<double>(both)) + (both == 1 ? " conflict" : " conflicts");
    if (r.conflicts.size() > both) out += ", " + with_thousands(static_cast<double>(r.conflicts.size() - both)) + " other notes";
    return out;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The questions: a dropped file of this workspace, a file of another workspace
// ---------------------------------------------------------------------------------------------
// The page's dialog (platform::ask), for everyone: a screen reader reads it, mouse and keyboard answer it.
[[gnu::noinline]] void send_question(MergeState& m) {
    const bool same = m.ask == MergeState::Ask::dropped;
    MirrorForm f(same ? "Merge or open?" : "Not merged: another workspace", "", "merge", kMergeAskView);
    if (same) {
        f.note("\xE2\x80\x9C" + m.pending_name + "\xE2\x80\x9D is a copy of this workspace.");
        f.note("Merging brings what was done in it into the open document (one undo step); opening it keeps it apart as a new document.");
        f.button("merge", "Merge into this workspace");
    } else {
        std::string who = m.pending_name;   // "the file “…”" at the start of a sentence
        if (!who.empty() && who[0] >= 'a' && who[0] <= 'z') who[0] = static_cast<char>(who[0] - 'a' + 'A');
        f.note(who + " is another workspace (\xE2\x80\x9C" + (m.pending ? m.pending->name : std::string()) +
               "\xE2\x80\x9D), not a copy of this one, so it was not merged.");
        f.note("Only copies of one workspace can be merged. You can open it as a new document; the open document is not changed.");
    }
    f.button("open", "Open as a new document");
    f.button("cancel", "Cancel");
    f.question("cancel");
    platform::ask(std::move(f).done());
}

}  // namespace

void ask_about_file(UiState& ui, MergeState::Ask ask, Workspace ws, std::string name) {
    MergeState& m = ui.merge;
    m.ask = ask;
    m.ask_requested = true;
    m.pending = std::move(ws);
    m.pending_name = std::move(name);
    ui.redraw(3);
}

void draw_merge_report(const ViewContext& ctx) {
    MergeState& m = ctx.ui.merge;
    if (m.window_open) draw_window(ctx, m);
    if (m.ask_requested && m.ask != MergeState::Ask::none) send_question(m);
    m.ask_requested = false;
}

std::string merge_ask_answer(const ViewContext& ctx, std::string_view name) {
    MergeState& m = ctx.ui.merge;
    if (m.ask == MergeState::Ask::none || !m.pending) return protocol::Reply::failed("no file is waiting").str();
    if (name == "merge" && m.ask == MergeState::Ask::dropped) {
        // After the next frame: the document changes between frames, not while it is drawn.
        ctx.later([merge = ctx.merge_in, w = std::make_shared<Workspace>(std::move(*m.pending)),
                   source = "the file \xE2\x80\x9C" + m.pending_name + "\xE2\x80\x9D"] { merge(std::move(*w), source); });
    } else if (name == "open") {
        ctx.later([open = ctx.open_new, w = std::make_shared<Workspace>(std::move(*m.pending))] { open(std::move(*w), "import"); });
    } else if (name != "cancel") {
        return protocol::Reply::failed("not an answer").str();
    }
    m.pending.reset();
    m.ask = MergeState::Ask::none;
    ctx.redraw(3);
    return protocol::Reply::ok().with("close", true).str();
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The report as the mirror's form (File › Merge report… from the page's menubar)
// ---------------------------------------------------------------------------------------------
std::string merge_report_form(const ViewContext& ctx, std::string_view focus) {
    const MergeState& m = ctx.ui.merge;
    MirrorForm f("Merge report", "", "merge", "merge-report");
    if (m.merges == 0) {
        f.note("Nothing has been merged in this tab yet: File \xE2\x80\xBA Merge a file into this workspace\xE2\x80\xA6");
        return std::move(f).done();
    }
    const io::MergeReport& r = m.report;
    f.note("Merged " + m.source + " into this workspace: " + counts_text(r) + ".");
    if (!r.had_history) f.note("The other copy had no merge history, so everything in it counted as new or changed; nothing was dropped.");
    f.note(m.live ? "Changes from the team are not undo steps; taking the other value is an edit everyone gets."
                  : "The merge is one step: Edit \xE2\x80\xBA Undo takes it back whole.");
    if (r.conflicts.empty()) f.note("No conflicts: everything both copies did is in.");
    // A merge of two big copies can list thousands: the first page of them, as the window scrolls.
    constexpr std::size_t kListed = 200;
    const std::size_t listed = std::min(r.conflicts.size(), kListed);
    if (listed < r.conflicts.size())
        f.note("The first " + std::to_string(listed) + " of " + with_thousands(static_cast<double>(r.conflicts.size())) + " are listed here.");
    for (std::size_t i = 0; i < listed; ++i) {
        const io::Conflict& c = r.conflicts[i];
        f.edits(std::to_string(i));
        f.note(std::string(kind_word(c.kind)) + ": " + c.sentence);
        if (c.kind == io::ConflictKind::both_changed) {
            if (i < m.taken.size() && m.taken[i]) f.note("Taken.");
            else f.button("take", std::string(c.theirs_kept ? "Take yours: " : "Take theirs: ") + (c.theirs_kept ? c.yours : c.theirs));
        }
        f.button("show", "Show " + (c.place.empty() ? std::string("it") : c.place), !can_show(ctx.ws, c));
    }
    return std::move(f).done(focus);
}

std::string merge_report_action(const ViewContext& ctx, std::string_view row, std::string_view name) {
    MergeState& m = ctx.ui.merge;
    std::size_t i = 0;
    const auto [end, error] = std::from_chars(row.data(), row.data() + row.size(), i);
    if (error != std::errc() || end != row.data() + row.size() || i >= m.report.conflicts.size())
        return mirror_reply(false, "that conflict is no longer in the report");
    const io::Conflict& c = m.report.conflicts[i];
    if (name == "show") {
        if (!can_show(ctx.ws, c)) return mirror_reply(false, "that place is no longer in the workspace");
        show_place(ctx, c);
        return mirror_close();
    }
    if (name != "take" || c.kind != io::ConflictKind::both_changed) return mirror_reply(false, "there is no such action");
    if (i < m.taken.size() && m.taken[i]) return mirror_reply(false, "that value was taken already");
    const std::string refused = take_value(ctx, m, i);
    if (!refused.empty()) return mirror_reply(false, refused);
    // The form again, "Taken." in place of the button; focus on this conflict's "Show it".
    return merge_report_form(ctx, std::string(row) + "|show");
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The test hook's JSON
// ---------------------------------------------------------------------------------------------
void write_merge_report(json::Writer& w, const io::MergeReport& r) {
    auto n = [](std::size_t v) { return static_cast<double>(v); };
    w.field("added", n(r.entities.added)).field("changed", n(r.entities.changed)).field("removed", n(r.entities.removed));
    w.key("records").begin();
    w.field("added", n(r.records.added)).field("changed", n(r.records.changed)).field("removed", n(r.records.removed));
    w.end();
    w.field("hadHistory", r.had_history).field("summary", r.summary());
    w.key("conflicts").array();
    for (const io::Conflict& c : r.conflicts) {
        w.begin();
        w.field("kind", kind_key(c.kind)).field("entityKind", c.entity_kind).field("entity", c.entity.str());
        w.field("journey", c.journey.is_nil() ? std::string() : c.journey.str()).field("field", c.field);
        w.field("place", c.place).field("yours", c.yours).field("theirs", c.theirs).field("theirsKept", c.theirs_kept);
        w.field("sentence", c.sentence);
        w.end();
    }
    w.end_array();
}

void write_merge_stats(json::Writer& w, const MergeState& m) {
    std::size_t both = 0;
    for (const auto& c : m.report.conflicts) both += c.kind == io::ConflictKind::both_changed;
    auto n = [](std::size_t v) { return static_cast<double>(v); };
    w.key("merge").begin();
    w.field("merges", static_cast<double>(m.merges)).field("source", m.source);
    w.field("added", n(m.report.entities.added)).field("changed", n(m.report.entities.changed));
    w.field("removed", n(m.report.entities.removed)).field("conflicts", n(both)).field("notes", n(m.report.conflicts.size() - both));
    w.field("windowOpen", m.window_open).field("asking", m.ask == MergeState::Ask::none ? "" : m.ask == MergeState::Ask::dropped ? "dropped" : "otherWorkspace");
    w.end();
}

}  // namespace wm::ui
