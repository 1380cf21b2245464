// Copies of one workspace edited apart, as the app makes them: stamped by their own replica after
// every edit (the app stamps before saving). Shared by merge_test.cpp and merge_property_test.cpp.
#pragma once

#include <string>
#include <vector>

#include "edit/history.hpp"
#include "edit_random.hpp"
#include "framework/framework.hpp"
#include "io/file_format.hpp"
#include "io/merge.hpp"
#include "io/records.hpp"
#include "io/stamp.hpp"
#include "model/validate.hpp"

namespace wm::test {

// One stored copy of a document: its content and history, and its replica.
struct Copy {
    edit::Document doc;
    io::Replica replica;

    Copy(const Workspace& ws, std::uint64_t replica_id) : doc(ws), replica{replica_id, 0} {
        // A fresh copy knows what the workspace's history says it has seen.
        for (const ReplicaCounter& v : ws.merge.versions) replica.clock = std::max(replica.clock, v.counter);
        stamp();
    }
    void stamp() {
        doc.stamp_with([&](Workspace& ws) { io::stamp(ws, replica); });
    }
    // Runs a command (which must succeed) and stamps, as the app's autosave would.
    void run(const edit::Command& command) {
        const edit::Result r = doc.execute(command);
        REQUIRE_MESSAGE(r.succeeded(), r.refusal);
        stamp();
    }
    [[nodiscard]] const Workspace& ws() const { return doc.workspace(); }
};

// The fixture's workspace stamped once by a first replica: the base every copy starts from.
inline Workspace stamped_base(std::uint64_t seed = 1) {
    Workspace ws = make_fixture(seed).ws;
    io::Replica r{0xBA5E, 0};
    io::stamp(ws, r);
    return ws;
}

inline io::MergeResult merged(const Workspace& a, const Workspace& b) {
    io::MergeResult m = io::merge(a, b);
    REQUIRE_MESSAGE(m, m.error);
    return m;
}

// Both orders give the same bytes; the result is valid; returns merge(a, b).
inline io::MergeResult merge_both_ways(const Workspace& a, const Workspace& b) {
    io::MergeResult ab = merged(a, b);
    const io::MergeResult ba = merged(b, a);
    CHECK(io::export_json(*ab.workspace) == io::export_json(*ba.workspace));
    const std::vector<std::string> problems = validate(*ab.workspace);
    CHECK_MESSAGE(problems.empty(), (problems.empty() ? "" : problems[0]));
    const std::vector<std::string> framework = check_framework(*ab.workspace);
    CHECK_MESSAGE(framework.empty(), (framework.empty() ? "" : framework[0]));
    return ab;
}

inline const io::Conflict* find_conflict(const io::MergeReport& report, io::ConflictKind kind, Id entity,
                                         const std::string& field = {}) {
    for (const io::Conflict& c : report.conflicts)
        if (c.kind == kind && c.entity == entity && (field.empty() || c.field == field)) return &c;
    return nullptr;
}

inline std::string conflicts_text(const io::MergeReport& report) {
    std::string out;
    for (const io::Conflict& c : report.conflicts) out += c.sentence + "\n";
    return out;
}

}  // namespace wm::test
