// What a workspace remembers so that two copies of it can be merged (src/io/merge.hpp) and kept in
// step live (issue 16): who changed which field since when, where list items sit, and what was
// deleted. Plain data in the shape it is written to files (the "merge" section of a .waymark.json,
// src/io/history_json.cpp); the algorithms that fill and read it live in src/io (records, stamp,
// merge), because they walk the serialize() functions of src/io/serialize.hpp.
//
// A workspace decomposes into records: (entity, field) -> value. Every record carries a Stamp, a
// Lamport counter with the replica (one copy of the document) that made it. Storage is sparse:
//   * `base` is the stamp of every entity that has no entry of its own in `stamps`;
//   * an entity's own entry ("<uuid>") is the stamp of every field of it that has no entry
//     ("<uuid>/<field>") — so a workspace stamped once carries almost nothing;
//   * `order` holds the fractional order keys of a list only when they are not the keys its
//     positions give by default (src/io/order_keys.hpp).
// Deleted entities live on as `tombstones` (last values and stamps), entities a merge had to leave
// out of the framework as `held_back`, and values a merge had to adjust in the content (a reference
// to something deleted on the other side) keep their merged value in `shadows`. Together they make
// the merged state a pure function of the records of both sides (see docs/design.md, "Merging copies").
//
// The replica ids themselves are not secrets and not identities: a random 64-bit number per stored
// copy of a document, kept by the app with it (not in exported files' content, only in these stamps).
#pragma once

#include <compare>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/id.hpp"

namespace wm {

// A Lamport stamp. Newer = larger counter, then larger replica. The null stamp (0, 0) marks a record
// without history: one that came from a copy that was never stamped (an old file).
struct Stamp {
    std::uint64_t counter = 0;
    std::uint64_t replica = 0;
    [[nodiscard]] bool is_null() const { return counter == 0 && replica == 0; }
    friend bool operator==(const Stamp&, const Stamp&) = default;
    friend auto operator<=>(const Stamp&, const Stamp&) = default;
};

// One entry of a version vector: the highest counter of `replica` this copy has seen.
struct ReplicaCounter {
    std::uint64_t replica = 0;
    std::uint64_t counter = 0;
    friend bool operator==(const ReplicaCounter&, const ReplicaCounter&) = default;
};
using VersionVector = std::vector<ReplicaCounter>;  // sorted by replica, counters >= 1

struct StampEntry {
    std::string key;  // "<uuid>" (the entity) or "<uuid>/<field>"; in a DetachedEntity "" or "<field>"
    Stamp stamp;
    friend bool operator==(const StampEntry&, const StampEntry&) = default;
};

struct TextEntry {
    std::string key;
    std::string text;  // order: space-separated keys; shadows and values: canonical compact JSON
    friend bool operator==(const TextEntry&, const TextEntry&) = default;
};

// An entity that is not in the workspace's content but still in its records: deleted (a tombstone:
// the values and stamps it had when it was deleted) or held back by a merge.
struct DetachedEntity {
    Id key;
    std::string kind;                 // the type's name in files: "card", "journey_link", ...
    std::vector<StampEntry> stamps;   // "" = every field without an entry; sorted by key
    std::vector<TextEntry> values;    // field -> canonical JSON, every field of the kind; sorted by key
    friend bool operator==(const DetachedEntity&, const DetachedEntity&) = default;
};

// The records of the last stamped state, kept in memory only (src/io/records.hpp defines it): what
// io::stamp compares the content with, and where a tombstone takes its last values from. Every copy
// of a Workspace shares it (it is immutable); it never takes part in comparisons.
struct StampCache;
struct StampCacheRef {
    std::shared_ptr<const StampCache> ptr;
    friend bool operator==(const StampCacheRef&, const StampCacheRef&) { return true; }
};

struct MergeHistory {
    VersionVector versions;                   // empty: never stamped
    Stamp base;
    std::vector<StampEntry> stamps;           // sorted by key
    std::vector<TextEntry> order;             // "<parent uuid>/<list>" -> keys in list order; sorted
    std::vector<TextEntry> shadows;           // "<uuid>/<field>" -> merged value; sorted
    std::vector<DetachedEntity> held_back;    // sorted by key
    std::vector<DetachedEntity> tombstones;   // sorted by key
    StampCacheRef cache;

    // Nothing to write: the workspace was never stamped nor merged (files then carry no "merge").
    [[nodiscard]] bool empty() const {
        return versions.empty() && base.is_null() && stamps.empty() && order.empty() && shadows.empty() &&
               held_back.empty() && tombstones.empty();
    }
    friend bool operator==(const MergeHistory&, const MergeHistory&) = default;
};

}  // namespace wm
