// Merging another copy of the open workspace into it: File › Merge a file into this workspace… (a
// file the page picked for the purpose "merge"), a dropped file once the user says "Merge", File ›
// Documents… (another stored document), and the test hook's mergeJson — all through merge_in.
//
// The order matters (docs/design.md, "Merging copies" and "The merge in the app"): the open document
// is stamped first with its replica, so that every edit made here since the last save is a record
// with a stamp of its own and meets the other copy's records as news; then io::merge, then one
// edit::replace_workspace (one undo step that also takes back the stamps the merge brought). The
// report goes to the merge room's window (ui/merge/view.cpp).
#include <string>

#include "edit/commands.hpp"
#include "ui/kit/json_text.hpp"
#include "ui/merge/view.hpp"
#include "ui/shell/app.hpp"

namespace wm::ui {
namespace {

std::string quoted(const std::string& text) { return "\xE2\x80\x9C" + text + "\xE2\x80\x9D"; }

}  // namespace

io::MergeResult App::merge_in(Workspace theirs, const std::string& source) {
    io::MergeResult result;
    if (persistence_.read_only()) {
        result.error = "This document is open for editing in another tab; merge into it there.";
    } else {
        persistence_.stamp();
        result = io::merge(doc_.workspace(), theirs);
    }
    state_.redraw(3);
    if (!result) {
        if (result.error.empty()) result.error = "The merge did not produce a workspace.";
        state_.message_is_error = true;
        if (result.other_workspace) {
            // Not merged: said in plain words, with the way to still open it one click away.
            state_.message = "Not merged: " + source + " is another workspace (" + quoted(theirs.name) +
                             "), not a copy of this one. You can open it as a new document.";
            ask_about_file(state_, MergeState::Ask::other_workspace, std::move(theirs), source);
        } else {
            state_.message = "Merge failed: " + result.error + " Nothing was changed.";
        }
        return result;
    }
    const edit::Result applied = doc_.execute(edit::replace_workspace(std::move(*result.workspace), "Merge " + source));
    result.workspace.reset();
    if (!applied) {
        result.error = applied.refusal;
        state_.message = "Merge failed: " + applied.refusal;
        state_.message_is_error = true;
        return result;
    }
    MergeState& m = state_.merge;
    ++m.merges;
    m.source = source;
    m.report = result.report;
    m.taken.assign(m.report.conflicts.size(), 0);
    m.window_open = true;
    m.focus = true;
    m.live = false;
    state_.message = "Merged " + source + ": " + result.report.summary();
    state_.message_is_error = false;
    return result;
}

std::string App::merge_text(std::string_view text, const std::string& name) {
    io::LoadResult loaded = io::import_json(text);   // hostile input: checked like any import
    if (!loaded) {
        state_.message = "Merge failed: " + loaded.error + " Nothing was changed.";
        state_.message_is_error = true;
        state_.redraw(3);
        return json::error(loaded.error);
    }
    const io::MergeResult result = merge_in(std::move(*loaded.workspace), name.empty() ? "the file" : "the file " + quoted(name));
    json::Writer w;
    w.begin();
    if (!result.error.empty()) {
        w.field("ok", false).field("error", result.error).field("otherWorkspace", result.other_workspace);
    } else {
        w.field("ok", true).key("report").begin();
        write_merge_report(w, result.report);
        w.end();
    }
    w.end();
    return w.str();
}

}  // namespace wm::ui
