// Stamping: giving every record that changed since the last stamp a new Lamport stamp.
//
// Stamping works by comparing, not by recording: the workspace remembers the records of its last
// stamped state (MergeHistory::cache, in memory only) and stamp() compares the content with them.
// No command needs to know about stamps, and every way the content can change — commands, undo and
// redo, an import, a paste — is covered by the next stamp. The app calls it before it saves (and
// before it exports, shares or merges), with the replica of the stored document:
//
//     io::stamp(doc_workspace, replica);   // then save replica.clock with the document
//
// A replica is one copy of a document: the app gives each stored document its own random id
// (new_replica_id) and keeps it, with the clock, beside the document — not in exported files, so
// that a file opened elsewhere, or a duplicated document, becomes a copy of its own (a fresh id).
#pragma once

#include <cstdint>

#include "model/model.hpp"

namespace wm::io {

struct Replica {
    std::uint64_t id = 0;     // random, never 0
    std::uint64_t clock = 0;  // the highest counter this replica has used or seen
};

// A random replica id (never 0).
std::uint64_t new_replica_id();

// Gives every record changed since the last stamp — fields edited, entities added, moved or
// deleted (a tombstone) — the stamp (max(clock, every counter seen) + 1, replica.id), and updates
// the version vector and replica.clock. The first stamp of a workspace that was never stamped gives
// everything that stamp and order keys from positions. Returns whether anything changed; when
// nothing did, the workspace and the replica are left exactly as they were. Precondition:
// replica.id != 0.
bool stamp(Workspace& ws, Replica& replica);

}  // namespace wm::io
