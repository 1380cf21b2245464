// Undo after changes from the team (live co-editing, issue 16): one of my edits held as records, so
// that it can be taken back — or put again — on a workspace that others have changed since.
//
// The history's own changes address lists by position (edit/change.hpp) and are only valid on the
// content they made; a change from the team invalidates them. So when one arrives, each of my
// history entries becomes a RecordEdit: the values its records had before and after it (the
// contents of two stamped states, compared). Undo then writes the "before" values as a new edit of
// mine, stamped after everything this copy has seen, and merges it like records from a peer:
//   - a field goes back only where the content still shows my value; where someone changed it since,
//     theirs stays (counted in `left`), so undo never takes back someone else's edit;
//   - a thing I added is deleted only while nobody changed it; something someone else added inside
//     it since keeps it (a merge's "kept", reported);
//   - a thing I deleted comes back with the values it had, under its parent and its references
//     (a parent someone else deleted since is kept for it, as a merge would; reported);
//   - the merged workspace is checked like any merge (framework rules, references, limits).
// Redo is the same with the roles of the two states swapped. docs/design.md, "Undo with a team".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/records.hpp"

namespace wm::io {

struct RecordEdit {
    struct Entity {
        Id key;
        Kind kind = Kind::workspace;
        std::vector<std::string> before, after;  // every slot's shown value; empty: not in the content
    };
    std::vector<Entity> entities;  // only those that changed, by key
    [[nodiscard]] bool empty() const { return entities.empty(); }
};

// What changed in the content between two record sets (of two stamped states of one workspace).
RecordEdit record_edit(const RecordSet& before, const RecordSet& after);

struct TakeBack {
    std::optional<Workspace> workspace;  // the result (stamped: its history carries the new records); none when nothing changed or on error
    std::size_t applied = 0;             // records written
    std::size_t left = 0;                // records left as they are: changed by someone else since
    std::vector<std::string> notes;      // what the merge kept or left out, in words
    std::string error;                   // why nothing could be changed
};

// Takes `edit` back (undo) or puts it again (redo) on `current`, stamping the records it writes
// with `replica` after every counter `current` has seen. `current` must be stamped (its records
// cached or readable from its history). Never throws.
TakeBack take_back(const Workspace& current, const RecordEdit& edit, bool undo, std::uint64_t replica);

}  // namespace wm::io
