// Merging two copies of one workspace (issue 15), and the record exchange live co-editing will ride
// on (issue 16). The design, its rules and its limits are in docs/design.md, "Merging copies".
//
// A merge takes the records of both copies (records.hpp) and keeps, per record, the one with the
// newer stamp; version vectors take the pointwise maximum. So the result is a pure function of the
// two record sets: merge(A, B) and merge(B, A) export the same bytes, merging a copy twice changes
// nothing the second time, and three copies merge to the same result in any grouping. Deleted
// entities stay deleted unless the other side edited them without having seen the delete (kept, and
// reported), or something the other side added needs them (kept, and reported). The framework rules
// and every reference hold afterwards: links the merged framework refuses are left out (held back in
// the history, reported with the framework's own sentence), references to deleted things are
// removed. Nothing here changes either input; the app replaces its document with the result (as one
// undo step: edit::replace_workspace) after stamping its own copy first (stamp.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace wm::io {

enum class ConflictKind : std::uint8_t {
    both_changed,  // both sides changed one field to different values, neither knowing the other's change
    kept,          // deleted on one side but edited (or needed by something added) on the other: kept
    left_out,      // a framework link the merged framework refuses: left out, kept in the history
    adjusted,      // a value changed so the workspace stays valid (a reference to something deleted)
};

struct Conflict {
    ConflictKind kind = ConflictKind::both_changed;
    Id entity;                  // the entity's key (its id, or the synthetic key of an id-less one)
    std::string entity_kind;    // "card", "journey_link", ... (records.hpp kind names)
    Id journey;                 // the journey it lives in (map things; nil for repository things)
    std::string field;          // "text", "@parent" (moved), "@order" (reordered); "" for kept / left out
    std::string yours, theirs;  // both values as display text ("" where a side had none)
    bool theirs_kept = false;   // which value the merge kept
    std::string place;          // the thing in words: "Card “Waits…” in Buying a phone plan › Browse"
    std::string sentence;       // the whole conflict in words, for the report
    // The values as JSON (take_other applies the one not kept).
    std::string yours_json, theirs_json;
};

struct MergeCounts {
    std::size_t added = 0;
    std::size_t changed = 0;
    std::size_t removed = 0;
    friend bool operator==(const MergeCounts&, const MergeCounts&) = default;
};

struct MergeReport {
    MergeCounts entities;          // what the merge did to "ours": entities added, changed, removed
    MergeCounts records;           // the same counted in fields
    bool had_history = true;       // false: the other copy carried no merge history (see merge())
    std::vector<Conflict> conflicts;
    // "3 added, 5 changed, 1 removed; 2 conflicts." and a line when the file had no history.
    [[nodiscard]] std::string summary() const;
};

struct MergeResult {
    std::optional<Workspace> workspace;
    MergeReport report;
    std::string error;            // why nothing was merged (empty on success)
    bool other_workspace = false; // the error is "this is another workspace": offer to open it as a new document
    explicit operator bool() const { return workspace.has_value(); }
};

// Merges `theirs` into `ours`: two states of the same workspace (the same workspace id; another id
// is refused with other_workspace set). A copy without merge history (an old file, or one never
// stamped) counts as entirely new or changed: every value that differs is a conflict, which the copy
// with history wins (two copies without history: the larger value, so still the same on every
// machine), nothing either side holds is dropped, and the report says the file had no history. The
// result is checked like an import (validate, check_framework, limits) and refused with a sentence
// when it would break them. Never throws.
MergeResult merge(const Workspace& ours, const Workspace& theirs);

// Applies the value the merge did not keep, for "take theirs" / "take yours" in the report: the
// current workspace with that one field changed (then stamp it like any edit). Only for
// both_changed conflicts; an entity that no longer exists, or a value the workspace can no longer
// take (it names something deleted since), is refused with a sentence.
struct TakeResult {
    std::optional<Workspace> workspace;
    std::string error;
};
TakeResult take_other(const Workspace& current, const Conflict& conflict);

// [SECTION] Live co-editing (issue 16) -----------------------------------------------------------
// The record set as data a page can carry. Each record is one JSON object with a short stable key,
// so the page can keep one Y.Map entry per record:
//   { "format": "waymark-records", "version": 1, "workspace": "<uuid>",
//     "replicas": { "<16 hex>": 12 },                   // the sender's version vector
//     "records": [
//       { "key": "<uuid>/text", "kind": "card", "stamp": "7@<16 hex>", "value": "Waits 3 days" },
//       { "key": "<uuid>/@deleted", "kind": "card", "stamp": "9@…",   // a tombstone, always whole:
//         "value": { "text": ["7@…", "Waits 3 days"], "lane": [...], ... } } ] }
// records_since gives every record whose stamp `known` does not cover (a tombstone whose deletion
// it does not cover), in key order; with an empty `known`, the whole record set.
std::string records_since(const Workspace& ws, const VersionVector& known);
// The version vector of a workspace as JSON ({"<16 hex>": counter}), and back (nullopt if invalid):
// what a peer sends to say what it knows.
std::string version_vector_json(const Workspace& ws);
std::optional<VersionVector> parse_version_vector(std::string_view json);
// Merges records from a peer into `ours`, exactly as merge() would with the peer's whole copy: what
// the records do not mention is "no news" (deletes are explicit tombstones, so absence never means
// deleted). The text is hostile input: bounded, parsed and checked like an import, and nothing
// changes unless the merged workspace is valid.
MergeResult merge_records(const Workspace& ours, std::string_view records_json);
// A workspace made only from a peer's records, for joining a shared workspace this copy does not
// hold: merge_records into an empty workspace with the records' id (`workspace`), so the records
// are checked the same way and the result is valid or refused. Only a whole record set
// (records_since with nothing known) makes a whole workspace.
MergeResult workspace_from_records(Id workspace, std::string_view records_json);

// What a live session reads from the room (the sync engine's shared map, docs/design.md "Live
// co-editing"): entries are records as records_since writes them, one JSON object each, given as
// one JSON list, and each writer's version vector as {"replicas": {…}, "writer": "<16 hex>"} (it may
// know stamps that no record carries any more: all superseded); several writers may hold the same
// record key, so the newest stamp of each key is kept. `room` (the room's version vector as this
// copy knows it: every stamp ever read from or written to the room) grows by every stamp read,
// tombstones' included. The result is a records document for merge_records whose version vector is
// `room`, with "writers": {"<16 hex>": {…}} — what each writer had seen — so that merge_records
// reports two changes of one field made without knowing each other (a writer's record is judged by
// its writer's vector, not by the room's, which knows everything). Entries are hostile input: on an
// error `room` is unchanged and `error` says why.
struct RoomRecords {
    std::string records_json;
    std::size_t records = 0;
    std::string error;
};
RoomRecords room_records(Id workspace, std::string_view entries_json, VersionVector& room);
// Whether `have` covers every counter of `other`.
bool knows_all(const VersionVector& have, const VersionVector& other);
// The pointwise maximum of two version vectors (into `into`).
void join_versions(VersionVector& into, const VersionVector& other);

}  // namespace wm::io
