// Copy and paste on the journey map, without the UI: the plan of what a paste would put where, the
// one undoable command that does it, and the grid a copy puts on the clipboard (the clipboard text
// itself is io::parse_tsv / io::to_tsv, io/tsv.hpp).
//
//     const edit::Grid grid = io::parse_tsv(clipboard_text);
//     edit::PastePlan plan = edit::plan_paste(ws, journey, lane_index, step_index, grid, persona);
//     // show plan.notes to the user, then
//     doc.execute(edit::paste_command(journey.id, std::move(plan)));
//
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "edit/command.hpp"

namespace wm::edit {

// Rows of cells, top to bottom; rows may differ in length.
using Grid = std::vector<std::vector<std::string>>;

// What a paste would do, worked out before anything changes so that the view can say what will be
// skipped. `notes` are plain sentences without a final full stop.
struct PastePlan {
    std::vector<Card> cards;            // new cards, with new ids
    std::vector<EmotionScore> emotions; // scores to set (replacing a score already at that point)
    int skipped = 0;                    // non-empty cells that will not be pasted
    std::vector<std::string> notes;     // why cells were skipped or shortened
    int rows = 0, columns = 0;          // extent of the pasted cells, from the top-left cell
    [[nodiscard]] bool empty() const { return cards.empty() && emotions.empty(); }
};

// Lays `grid` onto `journey` with its top-left cell at lane `first_lane` (Journey::lanes order) and
// step `first_step` (all steps of all stages, left to right). Cells empty after trimming whitespace
// are left out silently. Cells on an emotion lane must be whole numbers on the workspace's emotion
// scale ("2", "+2", "-1", "2.0"); they become scores for `persona` (nil: everyone). Cells on any other
// lane become cards holding the trimmed text, with CRLF and CR turned into LF and text beyond
// limits::kMaxTextBytes cut on a UTF-8 boundary. Cells beyond the last lane or step, bad scores, and
// cards or scores beyond the workspace limits are skipped and explained in `notes`. rows/columns span
// from the top-left cell to the furthest cell that is pasted (0 × 0 when nothing is).
PastePlan plan_paste(const Workspace& ws, const Journey& journey, std::size_t first_lane, std::size_t first_step,
                     const Grid& grid, Id persona);

// One undo step adding the plan's cards and setting its scores, labelled "Paste 6 cards",
// "Paste 4 cards and 3 scores" or "Paste 2 scores". Refuses with "Nothing to paste: ..." when the
// plan is empty, and, like any command, when the journey, a lane or a step has gone by the time it
// runs or the cards would exceed limits::kMaxCards.
Command paste_command(Id journey, PastePlan plan);

// The selected cards as a grid laid out as they sit on the map: rows are the lanes from the topmost
// to the bottommost selected card, columns the steps from the leftmost to the rightmost (every row
// has that many cells). Several selected cards in one cell share the cell, their texts joined by
// "\n" in map order. Ids not found on the journey are ignored. The top-left cell's lane and step
// indices (as plan_paste takes them) go to the out parameters; with no card found the grid is empty
// and they are set to 0.
Grid cards_to_grid(const Journey& journey, const std::vector<Id>& cards, std::size_t* first_lane = nullptr,
                   std::size_t* first_step = nullptr);

}  // namespace wm::edit
