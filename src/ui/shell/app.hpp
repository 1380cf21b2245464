// The application: the open document and the data derived from it, the shell around the views (menu
// bar, navigation, status bar: shell/chrome.cpp), the messages from the page and the test hook.
// Platform code calls begin_frame/draw/end_frame between ImGui::NewFrame and rendering; views read a
// const workspace and queue commands, which the app applies after the UI pass (never mutate what is
// being iterated).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edit/history.hpp"
#include "io/file_format.hpp"
#include "io/merge.hpp"
#include "imgui.h"
#include "store/persistence.hpp"
#include "ui/kit/derived.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/exports/exports.hpp"
#include "platform/protocol.hpp"
#include "ui/shell/live.hpp"
#include "ui/shell/popups.hpp"
#include "ui/shell/share.hpp"
#include "ui/shell/test_hook.hpp"
#include "ui/kit/context.hpp"
#include "ui/map/mirror.hpp"
#include "ui/shell/menus.hpp"

namespace wm::ui {

class App {
public:
    explicit App(store::Backend& storage);   // where documents are kept (the page's: platform/storage_bridge.hpp)
    ~App();

    void set_fonts(const Fonts& fonts) { fonts_ = fonts; }
    // The code's second part is in (the platform says so: web/app.js loads it after the first frame).
    // The work held for it starts: the sample's first save, and the description of the view and the
    // menus for the screen-reader mirror (the menus' entries are made only for it or an open menu).
    // So none of that code has to come before the first frame (docs/design.md, "the code in two parts").
    void code_complete();
    // Asks storage for the document to open (once). The platform calls it as the app starts, so the
    // answers can arrive before the first frame; begin_frame calls it too.
    void boot();
    void begin_frame();
    void draw();
    void end_frame();                        // applies queued commands and navigation
    [[nodiscard]] bool wants_frame() const;  // an animation or a deferred action is pending
    // The browser took the pointer away mid-gesture (a touch the system claimed): a card, header or
    // tile being dragged goes nowhere, and the release that follows is not a drop or a click.
    void cancel_gesture();
    // Before each frame: the text of a document changed since (merged in, edited by the team, an
    // undo) is noted, so that the fonts its characters need are loaded before it is drawn.
    void note_document_text();
    [[nodiscard]] bool committing() const { return commit_edits_ != 0; }   // leaving: input and the open field not yet applied
    [[nodiscard]] ImVec4 background() const;

    // A message from the page (platform/protocol.hpp); returns the reply the page may use.
    std::string receive(const protocol::PageMessage& message);
    // The test hook (window.waymark): shell/test_hook.cpp.
    TestHook& test_hook() { return test_hook_; }

    // Open a workspace as a new stored document (import, new, sample, generate).
    void open(Workspace ws, std::string origin);
    [[nodiscard]] bool is_ready() const { return persistence_.booted(); }
    Persistence& persistence() { return persistence_; }

private:
    void draw_menu_bar();
    std::vector<Menu> menus();     // File, Edit, View (shell/menus.cpp)
    std::string mirror_menus_;     // the menus as last described to the page's mirror
    void draw_nav_bar();
    void draw_status_bar();
    void draw_view();
    ViewContext view_context();   // what a view is drawn with (and its mirror's buttons run with)
    void draw_banners();
    void draw_toast();
    void show_feedback(std::string text, bool undo);
    void export_file();
    std::string export_text();               // stamped first: File › Export, share links, the test hook
    // Merging another copy into the open document (shell/merge.cpp): File › Merge a file…, a
    // dropped file, File › Documents…, the test hook's mergeJson.
    // Returns the merge's report, or its error (the workspace itself went into the document).
    io::MergeResult merge_in(Workspace theirs, const std::string& source);
    std::string merge_text(std::string_view text, const std::string& name);   // name "": a text without a file name
    std::string open_imported(io::LoadResult loaded);
    void replace(Workspace ws, std::string origin, bool keep_view);
    void apply_queued();
    void announce_changes();
    void navigate(Place place);
    void go_back();
    void go_forward();
    std::string import_text(std::string_view text);

    // The data derived from the document, brought up to the current revision and day first.
    const Derived& derived() const;

    std::string on(const protocol::ShareMade& m);
    std::string on(const protocol::ShareOpened& m);
    std::string on(const protocol::ExportProgress& m);
    std::string on(const protocol::ExportFinished& m);
    std::string on(const protocol::FileChosen& m);
    std::string on(const protocol::FileOpened& m);
    std::string on(const protocol::Leaving& m);
    std::string on(const protocol::StorageEvent& m);
    std::string on(const protocol::TeamStatus& m);
    std::string on(const protocol::TeamRecords& m);
    std::string on(const protocol::TeamLink& m);
    std::string on(const protocol::MirrorCell& m);
    std::string on(const protocol::MirrorRow& m);
    std::string on(const protocol::MirrorScan& m);
    std::string on(const protocol::MirrorMenu& m);
    // The page's DOM mirror of the open view (each view's mirror.hpp: map, framework, backlog,
    // insights, personas), sent when the document, the view or that view's state changed.
    void update_mirror();
    std::string mirror_key_;
    bool mirror_on_ = true;   // off only for the benchmark's comparison (the test hook's mirror(false))
    bool code_complete_ = false;   // see code_complete(): the mirror is described from then on
    // The map the page's mirror holds (nothing: another view), and what it was described from (the
    // document's revision, the journey, the day): edits send only the rows that changed, and a move
    // of the selection describes nothing again.
    std::optional<JourneyMirror> mirror_map_;
    std::string mirror_map_key_;

    friend class TestHook;   // reads the document, the UI state and the derived data

    edit::Document doc_;
    mutable Derived derived_;   // kit/derived.hpp; derived() syncs it
    Persistence persistence_;
    bool boot_requested_ = false;
    int commit_edits_ = 0;  // the page is leaving: 2 = apply all queued input, 1 = end the active text field
    std::uint64_t noted_revision_ = 0;   // the document's revision whose text was last noted
    // What the screen reader was last told (the page's polite live region; see announce_changes).
    std::string said_, to_say_, message_said_;
    Persistence::Status status_said_ = Persistence::Status::saved;
    bool save_asked_ = false;   // Save now was chosen: its "Saved" is announced
    // The toast: what the last command, undo, redo or notice did, for a few seconds at the bottom
    // right, with Undo while the edit it names is the last one (shell/chrome.cpp draw_toast).
    struct Toast {
        std::string text;
        bool undo = false;          // offers Undo
        bool error = false;         // a refusal or a failure
        std::uint64_t revision = 0; // the document's revision it speaks of
        double since_ms = 0;        // shown (or last hovered) at
        Place place;                // where it was shown: it does not follow to another view
    };
    std::optional<Toast> toast_;
    std::string message_toasted_;   // the status message the toast last showed
    bool undo_from_toast_ = false;  // the toast's Undo: undone without a toast of its own
    UiState state_;
    Fonts fonts_;
    ShareLinks share_;
    Exports exports_;
    LiveSession live_;   // live co-editing with a team (shell/live.hpp)
    PopupPattern popups_;   // Esc closes, the closing click lands (shell/popups.hpp)
    TestHook test_hook_{*this};
};

}  // namespace wm::ui
