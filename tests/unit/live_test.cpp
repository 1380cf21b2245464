// Live co-editing (issue 16): the pure pieces a live session uses — reading the room's entries
// (io::room_records), joining a workspace this copy does not hold (io::workspace_from_records),
// and applying the team's changes without an undo step (Document::apply_remote) — and the wire model
// of docs/design.md "Live co-editing" run end to end against a room modelled as the sync engine's map.
#include <doctest/doctest.h>

#include <map>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "io/history_json.hpp"
#include "merge_fixture.hpp"

using namespace wm;
using test::Copy;

namespace {

// The engine's shared map: one entry per (writer, record key), as the page keeps it.
using Room = std::map<std::string, std::string>;

// One client of the room: its copy and what it knows of the room.
struct Client {
    Copy copy;
    VersionVector room;

    // Writes every record the room lacks, and the version vector when the room lacks some of it
    // (what the page does after each command).
    std::vector<std::string> publish(Room& r) {
        const std::string json = io::records_since(copy.ws(), room);
        const bool news = !io::knows_all(room, copy.ws().merge.versions);
        io::join_versions(room, copy.ws().merge.versions);
        rapidjson::Document d;
        d.Parse(json.data(), json.size());
        std::vector<std::string> written;
        if (news) {
            rapidjson::StringBuffer b;
            rapidjson::Writer<rapidjson::StringBuffer> w(b);
            w.StartObject();
            w.Key("replicas");
            d["replicas"].Accept(w);
            w.Key("writer");
            w.String(io::detail::replica_text(copy.replica.id).c_str());
            w.EndObject();
            const std::string key = io::detail::replica_text(copy.replica.id) + "/@replicas";
            r[key] = b.GetString();
            written.push_back(key);
        }
        for (const auto& rec : d["records"].GetArray()) {
            rapidjson::StringBuffer b;
            rapidjson::Writer<rapidjson::StringBuffer> w(b);
            rec.Accept(w);
            const std::string key = io::detail::replica_text(copy.replica.id) + "/" + rec["key"].GetString();
            r[key] = b.GetString();
            written.push_back(key);
        }
        return written;
    }
    io::MergeReport last;   // what the last merge reported

    // Reads entries (what the page passes on when the map changes), merges them, answers.
    void receive(Room& r, const std::vector<std::string>& keys) {
        std::string entries = "[";
        for (const auto& k : keys) entries += (entries.size() > 1 ? "," : "") + r.at(k);
        entries += "]";
        const io::RoomRecords news = io::room_records(copy.ws().id, entries, room);
        REQUIRE_MESSAGE(news.error.empty(), news.error);
        if (news.records > 0 || !io::knows_all(copy.ws().merge.versions, room)) {
            const io::MergeResult m = io::merge_records(copy.ws(), news.records_json);
            REQUIRE_MESSAGE(m, m.error);
            last = m.report;
            copy.doc.apply_remote(*m.workspace);
        }
        publish(r);
    }
    void receive_all(Room& r) {
        std::vector<std::string> keys;
        for (const auto& [k, v] : r) keys.push_back(k);
        receive(r, keys);
    }
};

}  // namespace

TEST_CASE("live: the team's changes apply without an undo step, and the history they would break is dropped") {
    test::Fixture f = test::make_fixture();
    edit::Document doc(f.ws);
    REQUIRE(doc.execute(edit::set_card_text(f.macro, f.c1, "Mine")).succeeded());
    CHECK(doc.can_undo());
    Workspace theirs = doc.workspace();
    theirs.name = "Renamed by a colleague";
    const auto revision = doc.revision();
    doc.apply_remote(theirs);
    CHECK(doc.workspace().name == "Renamed by a colleague");
    CHECK_FALSE(doc.can_undo());
    CHECK_FALSE(doc.can_redo());
    CHECK(doc.is_dirty());
    CHECK(doc.revision() != revision);
    doc.mark_saved();
    CHECK_FALSE(doc.is_dirty());
}

TEST_CASE("live: a whole record set makes the workspace again, for someone joining") {
    const Workspace base = test::stamped_base();
    const std::string all = io::records_since(base, {});
    const io::MergeResult joined = io::workspace_from_records(base.id, all);
    REQUIRE_MESSAGE(joined, joined.error);
    CHECK(io::export_json(*joined.workspace) == io::export_json(base));
    CHECK(joined.report.conflicts.empty());
    // Another workspace's records are still refused.
    CHECK_FALSE(io::workspace_from_records(Id{1, 1}, all));
}

TEST_CASE("live: room entries — the newest of each key wins, hostile entries are refused and change nothing") {
    const Workspace base = test::stamped_base();
    VersionVector room;
    const io::RoomRecords none = io::room_records(base.id, "[]", room);
    CHECK(none.error.empty());
    CHECK(none.records == 0);
    const std::string key = base.id.str() + "/name";
    const std::string older = R"({"key":")" + key + R"(","kind":"workspace","stamp":"2@000000000000000a","value":"Old"})";
    const std::string newer = R"({"key":")" + key + R"(","kind":"workspace","stamp":"3@000000000000000a","value":"New"})";
    const io::RoomRecords two = io::room_records(base.id, "[" + newer + "," + older + "]", room);
    REQUIRE(two.error.empty());
    CHECK(two.records == 1);
    CHECK(two.records_json.find("\"New\"") != std::string::npos);
    CHECK(two.records_json.find("\"Old\"") == std::string::npos);
    CHECK(room == VersionVector{ReplicaCounter{0xA, 3}});
    const io::MergeResult m = io::merge_records(base, two.records_json);
    REQUIRE_MESSAGE(m, m.error);
    CHECK(m.workspace->name == "New");
    for (const char* bad : {"{}", "[1]", R"([{"key":"x","stamp":"nope","value":1}])", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"}) {
        const io::RoomRecords r = io::room_records(base.id, bad, room);
        CHECK_FALSE(r.error.empty());
        CHECK(room == VersionVector{ReplicaCounter{0xA, 3}});
    }
}

TEST_CASE("live: two clients through the room — concurrent edits, a delete, an offline stretch — converge") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Room room;
    Client a{Copy{base, 0xA}, {}};
    Client b{Copy{base, 0xB}, {}};
    // A shares the workspace; B joins and reads everything.
    a.publish(room);
    b.receive_all(room);
    CHECK(io::export_json(a.copy.ws()) == io::export_json(b.copy.ws()));

    // Live: A renames a card, B sees it.
    a.copy.run(edit::set_card_text(f.macro, f.c1, "Opens the app"));
    const auto keys = a.publish(room);
    CHECK(keys.size() == 2);   // the card's text and A's version vector
    CHECK(keys.back().find("/@replicas") == std::string::npos);
    b.receive(room, keys);
    CHECK(io::export_json(a.copy.ws()) == io::export_json(b.copy.ws()));

    // Offline: both edit the same card and B deletes another; then each reads the other's entries.
    a.copy.run(edit::set_card_text(f.macro, f.c2, "A's words"));
    b.copy.run(edit::set_card_text(f.macro, f.c2, "B's words"));
    b.copy.run(edit::remove_card(f.macro, f.c3));
    const auto from_a = a.publish(room);
    const auto from_b = b.publish(room);
    a.receive(room, from_b);
    b.receive(room, from_a);
    // Whatever either wrote back while reading is read by the other too.
    a.receive_all(room);
    b.receive_all(room);
    CHECK(io::export_json(a.copy.ws()) == io::export_json(b.copy.ws()));
    CHECK(validate(a.copy.ws()).empty());
    // A latecomer with nothing builds the same workspace from the room alone.
    std::string entries = "[";
    for (const auto& [k, v] : room) entries += (entries.size() > 1 ? "," : "") + v;
    entries += "]";
    VersionVector known;
    const io::RoomRecords all = io::room_records(base.id, entries + "]", known);
    CHECK_FALSE(all.error.empty());
    const io::RoomRecords whole = io::room_records(base.id, entries, known);
    REQUIRE(whole.error.empty());
    const io::MergeResult late = io::workspace_from_records(base.id, whole.records_json);
    REQUIRE_MESSAGE(late, late.error);
    CHECK(io::export_json(*late.workspace) == io::export_json(a.copy.ws()));
}

TEST_CASE("live: two copies of one unstamped workspace, stamped apart, converge to the byte — version vectors too") {
    // Both open the same sample, each browser stamps it with its own replica; one shares it, the
    // other joins. Whichever replica's equal records win, the joiner's vector holds a stamp no record
    // carries any more: it reaches the room as that writer's version vector, so both copies agree.
    for (const auto [first, second] : {std::pair<std::uint64_t, std::uint64_t>{0xB0, 0xA0}, {0xA0, 0xB0}}) {
        const Workspace sample = test::make_fixture().ws;
        Room room;
        Client a{Copy{sample, first}, {}};
        Client b{Copy{sample, second}, {}};
        a.publish(room);
        b.receive_all(room);
        a.receive_all(room);
        CHECK(io::export_json(a.copy.ws()) == io::export_json(b.copy.ws()));
        CHECK(a.copy.ws().merge.versions.size() == 2);
    }
    // A writer's vector entry is hostile input like any other.
    VersionVector known;
    CHECK_FALSE(io::room_records(test::make_fixture().ws.id, R"([{"replicas":{"nope":1}}])", known).error.empty());
    CHECK(known.empty());
    CHECK(io::room_records(test::make_fixture().ws.id, R"([{"replicas":{"00000000000000c0":4}}])", known).records == 0);
    CHECK(known == VersionVector{ReplicaCounter{0xC0, 4}});
}

TEST_CASE("live: two changes of one field made without knowing each other are reported on both sides; known ones are not") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Room room;
    Client a{Copy{base, 0xA}, {}};
    Client b{Copy{base, 0xB}, {}};
    a.publish(room);
    b.receive_all(room);
    // One after the other (B has seen A's): no conflict.
    a.copy.run(edit::set_card_text(f.macro, f.c1, "A first"));
    b.receive(room, a.publish(room));
    b.copy.run(edit::set_card_text(f.macro, f.c1, "B after A"));
    a.receive(room, b.publish(room));
    CHECK(a.last.conflicts.empty());
    CHECK(a.copy.ws().journeys[1].cards[0].text == "B after A");
    // At once (offline, or in the same instant): both hear of it, with both values, and converge.
    a.copy.run(edit::set_card_text(f.macro, f.c2, "A's words"));
    b.copy.run(edit::set_card_text(f.macro, f.c2, "B's words"));
    const auto from_a = a.publish(room);
    const auto from_b = b.publish(room);
    a.receive(room, from_b);
    b.receive(room, from_a);
    for (const Client* c : {&a, &b}) {
        const io::Conflict* both = test::find_conflict(c->last, io::ConflictKind::both_changed, f.c2, "text");
        REQUIRE_MESSAGE(both != nullptr, test::conflicts_text(c->last));
        CHECK(c->last.conflicts.size() == 1);
    }
    CHECK(test::find_conflict(a.last, io::ConflictKind::both_changed, f.c2)->theirs == "\u201CB's words\u201D");
    a.receive_all(room);
    b.receive_all(room);
    CHECK(io::export_json(a.copy.ws()) == io::export_json(b.copy.ws()));
    // A writer that claims to know more than the records say is refused.
    const std::string bad = R"({"format":"waymark-records","version":1,"workspace":")" + base.id.str() +
                            R"(","replicas":{},"writers":{"000000000000000a":{"000000000000000a":3}},"records":[]})";
    CHECK_FALSE(io::merge_records(base, bad));
}
