// UI state, kept apart from the document (STYLE.md "Three kinds of state"):
//   - per-document view state: which view and journey are open, navigation history
//   - transient: the command queue of this frame, the message line
// Views receive a ViewContext: a const workspace to read and a queue to emit commands into.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "edit/command.hpp"
#include "model/model.hpp"
#include "ui/about/state.hpp"
#include "ui/backlog/state.hpp"
#include "ui/compare/state.hpp"
#include "ui/framework/state.hpp"
#include "ui/insights/state.hpp"
#include "ui/kpi/state.hpp"
#include "ui/map/state.hpp"
#include "ui/maturity/state.hpp"
#include "ui/merge/state.hpp"
#include "ui/palette/state.hpp"
#include "ui/personas/state.hpp"
#include "ui/shortcuts/state.hpp"

namespace wm::store {
class Persistence;
}

namespace wm::ui {

struct Fonts;

struct Place {
    std::string view;   // "framework", "journey", ...
    Id id;              // the journey (or other entity) the view shows; nil for whole-workspace views
    friend bool operator==(const Place&, const Place&) = default;
};

struct UiState {
    Place place{"framework", {}};
    std::vector<Place> back, forward;          // navigation history (Alt+Left / Alt+Right)
    std::vector<edit::Command> queue;          // commands emitted while drawing, applied after the pass
    std::vector<Place> navigate;               // navigation requested while drawing
    int undo_requests = 0;                     // +1 undo, -1 redo, applied after the pass
    std::string message;                       // the status line: last refusal or notice
    bool message_is_error = false;
    std::string origin;                        // where the open document came from
    int animate_frames = 0;                    // frames still wanted (App::wants_frame); see redraw
    // Asks for `frames` more frames: what changed mid-frame (view state, a popup opening, a command
    // applied after the pass) is drawn by the next ones. The one way to ask; nothing is drawn while
    // nobody asks (zero frames when idle).
    void redraw(int frames = 2) { animate_frames = std::max(animate_frames, frames); }
    BacklogState backlog;                      // the backlog view's selection, filters and sort
    MaturityDraft maturity;                    // the scan being answered (maturity/view.cpp)
    InsightsState insights;                    // the insight repository's filters and CSV import
    PersonaState personas;                     // the selected persona and the persona lens on maps
    NewJourneyDraft new_journey;               // the "New journey…" popup
    MapState map;                              // the journey map: cameras, selection, editing (map/state.hpp)
    KpiEditorState kpi;                        // the KPI editor popup (kpi/editor.cpp)
    PaletteState palette;                      // the Ctrl+K palette (palette/palette.cpp)
    CompareState compare;                      // the compare view: which to-be, filter, caches (compare/state.hpp)
    FrameworkState framework;                  // the framework grid: camera, collapse, filters, drag (framework/state.hpp)
    AboutState about;                          // View › About (about/view.cpp)
    ShortcutsState shortcuts;                  // View › Keyboard shortcuts, "?" (shortcuts/view.cpp)
    MergeState merge;                          // the last merge's report window, a dropped file's question (merge/state.hpp)
    std::vector<std::function<void()>> deferred;  // non-document work (open, storage) run after the pass
};

using store::Persistence;   // the storage policy (src/store): documents, autosave, history

class Derived;

struct ViewContext {
    const Workspace& ws;
    UiState& ui;
    const Fonts& fonts;
    const Derived& derived;                    // layouts, rankings, KPI figures of this revision (kit/derived.hpp)
    void emit(edit::Command command) const { ui.queue.push_back(std::move(command)); }
    void go(std::string view, Id id = {}) const { ui.navigate.push_back(Place{std::move(view), id}); }
    void later(std::function<void()> fn) const { ui.deferred.push_back(std::move(fn)); }
    void redraw(int frames = 2) const { ui.redraw(frames); }
    Persistence* storage = nullptr;                                   // documents and their history
    std::uint64_t revision = 0;                                       // Document::revision(): caches compare it
    std::function<void(Workspace, std::string)> open_new;             // open as a new stored document
    // Merge another copy of this workspace into the open document (one undo step, the report window
    // opens); the text names it: "the file “a.waymark.json”", "the document “Lumen”".
    std::function<void(Workspace, std::string)> merge_in;
};

// The views registry: each capability registers the views it delivers. A view that is not in the
// registry does not exist yet — the shell and the test hook say so instead of showing a placeholder.
struct ViewInfo {
    const char* key;                           // stable key used by waymark.show(view, id)
    const char* title;                         // navigation label
    bool needs_id;                             // opened on one entity (a journey)
    void (*draw)(const ViewContext&);
};
const std::vector<ViewInfo>& views();
const ViewInfo* find_view(std::string_view key);

}  // namespace wm::ui
