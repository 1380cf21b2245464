// The merge's promises over random work: from one base, copies edited apart with long random
// sequences of every kind of command (deletes, moves, re-parenting, undo included), each stamped
// after every command as the app does before saving, merge to the same bytes in either order and
// any grouping, to a valid workspace, keeping every edit no conflict touched and reporting every
// conflict; merging again changes nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "merge_fixture.hpp"

using namespace wm;
using test::Copy;

namespace {

// Every command kind at least twice, in a random order, then random ones: `n` commands in all.
// Hostile texts (at and over the limit, invalid UTF-8) when `hostile`.
void random_work(Copy& copy, std::uint64_t seed, int n, bool hostile = false) {
    test::Gen g{std::mt19937_64(seed)};
    g.hostile = hostile;
    std::vector<int> kinds;
    for (int round = 0; round < 2; ++round)
        for (int k = 0; k < test::kCommandKinds; ++k) kinds.push_back(k);
    while (static_cast<int>(kinds.size()) < n) kinds.push_back(-1);
    std::shuffle(kinds.begin(), kinds.end(), g.rng);
    for (const int kind : kinds) {
        g.ws = &copy.doc.workspace();
        (void)copy.doc.execute(test::random_command(g, kind));
        if (g.one_in(15)) copy.doc.undo();
        copy.stamp();
    }
}

io::RecordSet records(const Workspace& ws) {
    io::RecordsResult r = io::records_of(ws);
    REQUIRE_MESSAGE(r.records, r.error);
    return std::move(*r.records);
}

bool knows(const VersionVector& vv, const Stamp& s) {
    if (s.is_null()) return false;
    for (const ReplicaCounter& v : vv)
        if (v.replica == s.replica) return v.counter >= s.counter;
    return false;
}

using ConflictKey = std::tuple<io::ConflictKind, Id, std::string>;

std::set<ConflictKey> reported(const io::MergeReport& report) {
    std::set<ConflictKey> out;
    for (const io::Conflict& c : report.conflicts) out.emplace(c.kind, c.entity, c.field);
    return out;
}

// Every record both copies changed to different values without knowing of each other is reported.
void check_conflicts_reported(const io::RecordSet& a, const io::RecordSet& b, const io::MergeReport& report) {
    const std::set<ConflictKey> got = reported(report);
    std::size_t expected = 0;
    for (const auto& entry : a.entities) {
        const Id key = entry.first;
        const io::EntityRecords& ea = entry.second;
        const auto it = b.entities.find(key);
        if (it == b.entities.end() || (ea.live.empty() && it->second.live.empty())) continue;
        const io::KindSchema& s = io::schema_of(ea.kind);
        // A copy that deleted it speaks through its tombstone.
        const std::vector<io::Record>& la = ea.live.empty() ? ea.tomb : ea.live;
        const std::vector<io::Record>& lb = it->second.live.empty() ? it->second.tomb : it->second.live;
        for (std::size_t slot = 0; slot < la.size() && slot < lb.size(); ++slot) {
            const io::Record& x = la[slot];
            const io::Record& y = lb[slot];
            if (x.value == y.value || knows(b.versions, x.stamp) || knows(a.versions, y.stamp)) continue;
            // The place of emotion and criterion scores in their lists is shown nowhere (merge.cpp).
            if (s.fields[slot] == "@order" && (ea.kind == io::Kind::emotion_score || ea.kind == io::Kind::criterion_score)) continue;
            ++expected;
            CHECK_MESSAGE(got.count({io::ConflictKind::both_changed, key, s.fields[slot]}) == 1,
                          "unreported conflict: ", io::kind_name(ea.kind), " ", key.str(), " ", s.fields[slot]);
        }
    }
    MESSAGE("conflicts expected and reported: ", expected);
}

// Every record a copy changed since the base is in the merged records unless a conflict was about
// it; every entity it deleted is gone unless the report says why it was kept.
void check_edits_kept(const io::RecordSet& base, const io::RecordSet& x, const io::RecordSet& m, const io::MergeReport& report) {
    const std::set<ConflictKey> got = reported(report);
    std::size_t edits = 0, deletes = 0;
    for (const auto& entry : x.entities) {
        const Id key = entry.first;
        const io::EntityRecords& ex = entry.second;
        if (ex.live.empty()) continue;
        const auto was = base.entities.find(key);
        const io::EntityRecords* b = was == base.entities.end() || was->second.live.empty() ? nullptr : &was->second;
        const io::KindSchema& s = io::schema_of(ex.kind);
        const auto merged = m.entities.find(key);
        bool any = false;
        for (std::size_t slot = 0; slot < ex.live.size(); ++slot) {
            if (b && b->live[slot].value == ex.live[slot].value && b->live[slot].stamp == ex.live[slot].stamp) continue;
            any = true;
            ++edits;
            if (got.count({io::ConflictKind::both_changed, key, s.fields[slot]})) continue;
            if (s.fields[slot] == "@order" && (ex.kind == io::Kind::emotion_score || ex.kind == io::Kind::criterion_score)) continue;
            REQUIRE_MESSAGE(merged != m.entities.end(), "lost: ", io::kind_name(ex.kind), " ", key.str());
            if (merged->second.live.empty()) {
                // Deleted: only right when the deleting copy had this very value too (it made the
                // same change, then deleted it knowing it).
                const io::Record& t = merged->second.tomb[slot];
                CHECK_MESSAGE((t.value == ex.live[slot].value && t.stamp >= ex.live[slot].stamp), "an edited ",
                              io::kind_name(ex.kind), " was deleted: ", key.str(), " ", s.fields[slot]);
                continue;
            }
            CHECK_MESSAGE(merged->second.live[slot].value == ex.live[slot].value, "edit lost: ", io::kind_name(ex.kind), " ",
                          key.str(), " ", s.fields[slot], " x stamp ", ex.live[slot].stamp.counter, "@", ex.live[slot].stamp.replica,
                          " merged stamp ", merged->second.live[slot].stamp.counter, "@", merged->second.live[slot].stamp.replica,
                          " base ", (b ? b->live[slot].value : std::string("-")), " tomb ", merged->second.tomb.size());
        }
        (void)any;
    }
    for (const auto& entry : base.entities) {
        const Id key = entry.first;
        const io::EntityRecords& eb = entry.second;
        if (!eb.in_content) continue;
        const auto now = x.entities.find(key);
        if (now != x.entities.end() && now->second.in_content) continue;
        ++deletes;
        const auto merged = m.entities.find(key);
        if (merged != m.entities.end() && merged->second.in_content)
            CHECK_MESSAGE(got.count({io::ConflictKind::kept, key, ""}) == 1, "deleted but back without a word: ",
                          io::kind_name(eb.kind), " ", key.str());
    }
    MESSAGE("edits checked: ", edits, ", deletes checked: ", deletes);
}

}  // namespace

TEST_CASE("merge property: random work on three copies merges commutatively, idempotently, associatively, keeping every edit") {
    // 400 seeds (and 30 with hostile texts) passed while this was written; the suite runs a few.
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        CAPTURE(seed);
        const bool hostile = seed == 6;
        const Workspace base = test::stamped_base(seed);
        Copy a(base, 0xA0 + seed), b(base, 0xB0 + seed), c(base, 0xC0 + seed);
        random_work(a, seed * 101, 230, hostile);
        random_work(b, seed * 103, 230, hostile);
        random_work(c, seed * 107, 200, hostile);

        const io::MergeResult ab = test::merge_both_ways(a.ws(), b.ws());
        const io::RecordSet ra = records(a.ws()), rb = records(b.ws()), rm = records(*ab.workspace);
        const io::RecordSet r0 = records(base);
        check_conflicts_reported(ra, rb, ab.report);
        check_edits_kept(r0, ra, rm, ab.report);
        check_edits_kept(r0, rb, rm, ab.report);
        MESSAGE("report: ", ab.report.summary(), " (", ab.report.conflicts.size(), " entries)");

        // Idempotent: merging either copy or the result again changes nothing.
        const std::string m = io::export_json(*ab.workspace);
        INFO("merging again");
        CHECK(io::export_json(*test::merged(*ab.workspace, a.ws()).workspace) == m);
        CHECK(io::export_json(*test::merged(*ab.workspace, b.ws()).workspace) == m);
        CHECK(io::export_json(*test::merged(*ab.workspace, *ab.workspace).workspace) == m);
        // Through a file and back, unchanged.
        const io::LoadResult file = io::import_json(m);
        REQUIRE_MESSAGE(file, file.error);
        CHECK(io::export_json(*file.workspace) == m);

        // Associative over three copies.
        INFO("three copies");
        const io::MergeResult ab_c = test::merge_both_ways(*ab.workspace, c.ws());
        const io::MergeResult bc = test::merged(b.ws(), c.ws());
        const io::MergeResult a_bc = test::merged(a.ws(), *bc.workspace);
        const io::MergeResult ac = test::merged(a.ws(), c.ws());
        const io::MergeResult ac_b = test::merged(*ac.workspace, b.ws());
        const std::string three = io::export_json(*ab_c.workspace);
        CHECK(io::export_json(*a_bc.workspace) == three);
        CHECK(io::export_json(*ac_b.workspace) == three);

        // Work goes on after a merge: the merged copy is edited, stamped and merged back.
        INFO("after more work");
        Copy d(*ab.workspace, 0xA0 + seed);
        random_work(d, seed * 109, 80);
        const io::MergeResult back = test::merge_both_ways(d.ws(), c.ws());
        check_edits_kept(records(*ab.workspace), records(d.ws()), records(*back.workspace), back.report);
    }
}

TEST_CASE("merge property: records_since / merge_records give what merge gives") {
    const Workspace base = test::stamped_base(13);
    Copy a(base, 0xA), b(base, 0xB);
    random_work(a, 201, 150);
    random_work(b, 202, 150);
    const io::MergeResult whole = test::merged(a.ws(), b.ws());
    // b sends what a has not seen; a merges it.
    const io::MergeResult part = io::merge_records(a.ws(), io::records_since(b.ws(), a.ws().merge.versions));
    REQUIRE_MESSAGE(part, part.error);
    CHECK(io::export_json(*part.workspace) == io::export_json(*whole.workspace));
    CHECK(reported(part.report) == reported(whole.report));
    // Everything, to a copy that knows nothing.
    const io::MergeResult all = io::merge_records(a.ws(), io::records_since(b.ws(), {}));
    REQUIRE_MESSAGE(all, all.error);
    CHECK(io::export_json(*all.workspace) == io::export_json(*whole.workspace));
    // Nothing new: no change.
    const io::MergeResult none = io::merge_records(*whole.workspace, io::records_since(b.ws(), whole.workspace->merge.versions));
    REQUIRE_MESSAGE(none, none.error);
    CHECK(io::export_json(*none.workspace) == io::export_json(*whole.workspace));
    const auto vv = io::parse_version_vector(io::version_vector_json(*whole.workspace));
    REQUIRE(vv);
    CHECK(*vv == whole.workspace->merge.versions);
}
