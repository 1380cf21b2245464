// The merge room: the Merge report window (counts, each conflict in words with "Take theirs/yours"
// and "Show"), the question a dropped file of this workspace asks (merge or open as a new document:
// a page dialog, platform::ask),
// and the word that a file of another workspace was not merged. The test hook's mergeJson report and
// stats().merge are written here too, from the same report.
#pragma once

#include <string>
#include <string_view>

#include "io/merge.hpp"
#include "ui/kit/context.hpp"
#include "ui/kit/json_text.hpp"

namespace wm::ui {

// The report window and the questions; drawn by the shell every frame (nothing when closed).
void draw_merge_report(const ViewContext& ctx);

// Asks the question about a file (waiting in ui.merge.pending) on the next frame: the page's dialog
// (platform::ask) of view kMergeAskView.
void ask_about_file(UiState& ui, MergeState::Ask ask, Workspace ws, std::string name);
inline constexpr std::string_view kMergeAskView = "merge-ask";
// Its answer: "merge" (a dropped copy only), "open" (as a new document) or "cancel". Returns the reply.
std::string merge_ask_answer(const ViewContext& ctx, std::string_view name);

// The last merge's report as the mirror's form (File › Merge report… from the page's menubar): the
// counts in words, each conflict's sentence with "Take theirs/yours: <value>" (one undo step, as the
// window's button) and "Show <its place>" (opened there; the dialog closes). The first 200 conflicts.
std::string merge_report_form(const ViewContext& ctx, std::string_view focus = {});
// row: the conflict's index; name: "take" or "show". Returns the JSON reply.
std::string merge_report_action(const ViewContext& ctx, std::string_view row, std::string_view name);

// {added, changed, removed, records: {added, changed, removed}, hadHistory, summary,
//  conflicts: [{kind, entityKind, entity, journey, field, place, yours, theirs, theirsKept, sentence}]}
void write_merge_report(json::Writer& w, const io::MergeReport& report);
// stats().merge: {merges, source, added, changed, removed, conflicts, notes, windowOpen, asking}
void write_merge_stats(json::Writer& w, const MergeState& merge);

}  // namespace wm::ui
