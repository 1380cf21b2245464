// The merge room's UI state (merge/view.cpp): the last merge's report as the window shows it, and a
// question waiting for the user (a dropped file of this workspace: merge or open? a file of another
// workspace: open it as a new document?). The merge itself is the shell's (App::merge_in): this is
// only what to show. Not in the document: a report is not an edit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/merge.hpp"
#include "model/model.hpp"

namespace wm::ui {

struct MergeState {
    int merges = 0;                      // merges done in this tab (stats().merge.merges)
    std::string source;                  // what was merged in words: "the file “a.waymark.json”"
    io::MergeReport report;              // the last merge's
    std::vector<char> taken;             // per conflict: its other value was taken
    bool window_open = false;            // the Merge report window
    bool focus = false;                  // bring it to the front on its next frame
    bool live = false;                   // the report is of changes from the team (not an undo step)

    // A question before anything is merged or opened.
    enum class Ask : std::uint8_t { none, dropped, other_workspace };
    Ask ask = Ask::none;
    bool ask_requested = false;          // send the question (a page dialog) on the next frame
    std::optional<Workspace> pending;    // the file the question is about (checked like an import)
    std::string pending_name;            // dropped: its file name; another workspace: "the file “…”"
};

}  // namespace wm::ui
