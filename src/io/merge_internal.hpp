// Internal to src/io: the steps of a merge (merge.cpp drives them).
//   merge.cpp          the union of two record sets, liveness, conflicts; merge() and merge_records()
//   merge_compose.cpp  the merged workspace: compose, repairs, the framework, checks, history
//   merge_report.cpp   conflicts in words, counts, take_other
//   records_json.cpp   records_since, and reading a peer's records
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "io/merge.hpp"
#include "io/records.hpp"

namespace wm::io::detail {

// One side of a merge.
struct MergeSide {
    const RecordSet* records = nullptr;
    bool history = true;   // the copy had merge history (a version vector)
    bool partial = false;  // records from a peer: what they leave out is no news
    // Records from a live room: what each writer had seen (its own version vector), by replica id.
    // A record stamped by a listed writer was made knowing only that: a value of ours it does not
    // cover was changed concurrently (a conflict), even when the room's vector covers it.
    const std::vector<std::pair<std::uint64_t, VersionVector>>* writers = nullptr;   // sorted by id
};

// A conflict found while merging, before it is put in words.
struct Finding {
    ConflictKind kind = ConflictKind::both_changed;
    Id entity;
    int slot = -1;            // the field (both_changed, adjusted)
    std::string yours_json;   // both_changed: the two values; adjusted: the merged value and the shown one
    std::string theirs_json;
    bool theirs_kept = false;
    bool yours_deleted = false;  // kept: which side had deleted it
    Id needed_by;             // kept: the living entity that needs it (nil: edited after the delete)
    bool no_history = false;  // kept: the other copy has no history, so its delete cannot be known
    std::string reason;       // left_out: the framework's sentence
};

struct MergeState {
    RecordSet merged;                 // the union: records, then which entities are in the content
    std::vector<Finding> findings;
    const RecordSet* ours = nullptr;  // for counts and "yours"
};

// merge_compose.cpp: from the union (entities alive and in content marked) to the checked
// workspace with its history; adds left_out and adjusted findings. Returns the error sentence or "".
std::string finish_merge(MergeState& state, Workspace& out);

// merge_report.cpp
MergeReport make_report(const MergeState& state, const Workspace& result, bool theirs_had_history);

// The union of both sides and everything that follows (merge.cpp).
MergeResult merge_sides(const MergeSide& ours, const MergeSide& theirs);

}  // namespace wm::io::detail
