// Records (io/records.hpp), order keys and stamping: decompose ∘ compose is the identity, the
// history round-trips through files and snapshots, stamping marks exactly what changed.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "edit/history.hpp"
#include "edit_random.hpp"
#include "io/file_format.hpp"
#include "io/order_keys.hpp"
#include "io/records.hpp"
#include "io/stamp.hpp"
#include "io_fixture.hpp"
#include "model/generate.hpp"
#include "model/sample.hpp"
#include "model/date.hpp"
#include "model/validate.hpp"

using namespace wm;

namespace {

Workspace round_trip(const Workspace& ws) {
    const io::Decomposed d = io::decompose(ws);
    REQUIRE(d.problem.empty());
    io::ComposeResult c = io::compose(d.records);
    REQUIRE_MESSAGE(c.workspace, c.error);
    return std::move(*c.workspace);
}

// The content of a workspace without its merge history (what compose gives back).
Workspace content(Workspace ws) {
    ws.merge = {};
    return ws;
}

const io::EntityRecords& entity(const io::RecordSet& r, Id key) {
    const auto it = r.entities.find(key);
    REQUIRE(it != r.entities.end());
    return it->second;
}

Stamp field_stamp(const Workspace& ws, Id key, std::string_view field) {
    const io::RecordsResult r = io::records_of(ws);
    REQUIRE_MESSAGE(r.records, r.error);
    const io::EntityRecords& e = entity(*r.records, key);
    const int slot = io::schema_of(e.kind).slot(field);
    REQUIRE(slot >= 0);
    return e.live[static_cast<std::size_t>(slot)].stamp;
}

}  // namespace

TEST_CASE("order keys: between any two there is another; defaults compare like positions") {
    CHECK(io::default_order_key(0, 5) == "111");
    CHECK(io::default_order_key(60, 5) == "11z");
    CHECK(io::default_order_key(61, 5) == "121");
    for (std::size_t i = 1; i < 5000; i += 7) CHECK(io::default_order_key(i - 1, 5000) < io::default_order_key(i, 5000));
    std::vector<std::string> keys = {"111", "112"};
    std::mt19937_64 rng(3);
    for (int i = 0; i < 2000; ++i) {
        const std::size_t at = rng() % (keys.size() + 1);
        const std::string low = at == 0 ? "" : keys[at - 1];
        const std::string high = at == keys.size() ? "" : keys[at];
        const std::string k = io::key_between(low, high);
        CHECK(io::valid_order_key(k));
        if (!low.empty()) CHECK(low < k);
        if (!high.empty()) CHECK(k < high);
        keys.insert(keys.begin() + static_cast<std::ptrdiff_t>(at), k);
    }
    CHECK(std::is_sorted(keys.begin(), keys.end()));
    CHECK_FALSE(io::valid_order_key(""));
    CHECK_FALSE(io::valid_order_key("1V0"));
    CHECK_FALSE(io::valid_order_key("a b"));
}

TEST_CASE("assign_order_keys keeps the longest run in order and places the rest between neighbours") {
    const std::vector<Id> ids = {Id{0, 1}, Id{0, 2}, Id{0, 3}, Id{0, 4}};
    // Never reordered, one appended: all defaults, nothing to store.
    std::vector<std::optional<std::string_view>> old = {"111", "112", "113", std::nullopt};
    auto keys = io::assign_order_keys(old, ids);
    CHECK(keys == std::vector<std::string>{"111", "112", "113", "114"});
    // The last moved to the front: it alone gets a new key.
    old = {"114", "111", "112", "113"};
    keys = io::assign_order_keys(old, ids);
    CHECK(keys[1] == "111");
    CHECK(keys[2] == "112");
    CHECK(keys[3] == "113");
    CHECK(keys[0] < "111");
    // Equal keys (two copies inserted at the same place) are ordered by id, and an item placed
    // between them still gets a key that sorts right.
    old = {"2", std::nullopt, "2", "3"};
    keys = io::assign_order_keys(old, ids);
    for (std::size_t i = 1; i < keys.size(); ++i) CHECK(std::tie(keys[i - 1], ids[i - 1]) < std::tie(keys[i], ids[i]));
}

TEST_CASE("every kind's record fields come from serialize.hpp, with @parent and @order where they belong") {
    const io::KindSchema& card = io::schema_of(io::Kind::card);
    CHECK(card.fields == std::vector<std::string>{"lane", "step", "text", "personas", "severity", "channel", "insights",
                                                  "opportunities", "@parent", "@order"});
    const io::KindSchema& ws = io::schema_of(io::Kind::workspace);
    CHECK(ws.fields.front() == "name");
    CHECK(ws.slot("settings.scoring.evidence_weight") >= 0);
    CHECK(ws.slot("@order") < 0);
    CHECK(ws.lists.back().name == "scans");
    const io::KindSchema& value = io::schema_of(io::Kind::metric_value);
    CHECK(value.slot("@parent") >= 0);
    CHECK(value.slot("@order") < 0);  // kept sorted by date and segment instead
    CHECK(io::schema_of(io::Kind::journey).slot("@parent") < 0);  // top-level: the workspace holds it
    CHECK(io::schema_of(io::Kind::step).parent_kind == io::Kind::stage);
}

TEST_CASE("decompose then compose gives the workspace back") {
    for (const Workspace& ws : {test::rich_workspace(), sample_workspace(), test::make_fixture().ws,
                                generate_workspace(GenerateSpec{30, 4, 6, 5, 1, 9})}) {
        CHECK(round_trip(ws) == ws);
    }
}

TEST_CASE("decompose then compose is the identity after random edits of every kind") {
    test::Fixture f = test::make_fixture(21);
    edit::Document doc(f.ws);
    test::Gen g{std::mt19937_64(77)};
    for (int i = 0; i < 400; ++i) {
        g.ws = &doc.workspace();
        (void)doc.execute(test::random_command(g));
        if (g.one_in(3)) doc.undo();
        if (i % 20 == 0) {
            INFO("after command ", i);
            CHECK(round_trip(doc.workspace()) == doc.workspace());
        }
    }
}

TEST_CASE("the first stamp covers everything with one stamp and stores almost nothing") {
    Workspace ws = sample_workspace();
    io::Replica r{0xABCDEF0123456789ull, 0};
    CHECK(io::stamp(ws, r));
    CHECK(r.clock == 1);
    CHECK(ws.merge.versions == VersionVector{{r.id, 1}});
    CHECK(ws.merge.base == Stamp{1, r.id});
    CHECK(ws.merge.stamps.empty());
    CHECK(ws.merge.order.empty());
    CHECK(ws.merge.tombstones.empty());
    CHECK(content(ws) == sample_workspace());
    // Stamping again with nothing changed changes nothing.
    const MergeHistory before = ws.merge;
    CHECK_FALSE(io::stamp(ws, r));
    CHECK(ws.merge == before);
    CHECK(r.clock == 1);
}

TEST_CASE("stamping marks exactly the changed fields, moves and deletes") {
    test::Fixture f = test::make_fixture(5);
    edit::Document doc(f.ws);
    Workspace ws = doc.workspace();
    io::Replica r{7, 0};
    REQUIRE(io::stamp(ws, r));
    const Stamp first{1, 7};
    doc.reset(ws);
    REQUIRE(doc.execute(edit::set_card_text(f.macro, f.c1, "Opens the app")));
    REQUIRE(doc.execute(edit::move_step(f.macro, f.st_pay, f.s_compare, 0)));
    REQUIRE(doc.execute(edit::remove_card(f.macro, f.c3)));
    ws = doc.workspace();
    REQUIRE(io::stamp(ws, r));
    const Stamp second{2, 7};
    CHECK(field_stamp(ws, f.c1, "text") == second);
    CHECK(field_stamp(ws, f.c1, "lane") == first);
    CHECK(field_stamp(ws, f.c2, "text") == first);
    CHECK(field_stamp(ws, f.st_pay, "@parent") == second);
    CHECK(field_stamp(ws, f.st_pay, "@order") == second);
    CHECK(field_stamp(ws, f.st_browse, "@order") == first);  // kept its key: only the moved step changed
    REQUIRE(ws.merge.tombstones.size() == 1);
    CHECK(ws.merge.tombstones[0].key == f.c3);
    CHECK(ws.merge.tombstones[0].kind == "card");
    // Undoing the delete brings the card back with new stamps: it lives again.
    doc.reset(ws);
    REQUIRE(doc.execute(edit::add_card(f.macro, Card{f.c3, f.l_actions, f.st_pay, "Pays", {}, 0, f.shop, {}, {}})));
    ws = doc.workspace();
    REQUIRE(io::stamp(ws, r));
    CHECK(field_stamp(ws, f.c3, "text") == Stamp{3, 7});
    const io::RecordsResult rr = io::records_of(ws);
    REQUIRE(rr.records);
    CHECK(io::liveness(*rr.records).life.at(f.c3) == io::Life::own);
}

TEST_CASE("a stamped workspace's history round-trips through files and snapshots") {
    test::Fixture f = test::make_fixture(8);
    edit::Document doc(f.ws);
    io::Replica r{0x1234, 0};
    test::Gen g{std::mt19937_64(5)};
    Workspace ws = doc.workspace();
    io::stamp(ws, r);
    for (int i = 0; i < 150; ++i) {
        doc.reset(ws);
        g.ws = &doc.workspace();
        (void)doc.execute(test::random_command(g));
        ws = doc.workspace();
        io::stamp(ws, r);
        if (i % 10 != 0) continue;
        INFO("step ", i);
        const std::string text = io::export_json(ws);
        CHECK(text.find("\"merge\": {") != std::string::npos);
        const io::LoadResult loaded = io::import_json(text);
        REQUIRE_MESSAGE(loaded, loaded.error);
        CHECK(*loaded.workspace == ws);
        CHECK(io::export_json(*loaded.workspace) == text);
        const io::LoadResult snap = io::load_snapshot(io::save_snapshot(ws));
        REQUIRE_MESSAGE(snap, snap.error);
        CHECK(*snap.workspace == ws);
        CHECK(round_trip(ws) == content(ws));
    }
}

TEST_CASE("the file-size bound edits are held to covers the merge section too") {
    test::Fixture f = test::make_fixture(31);
    edit::Document doc(f.ws);
    io::Replica r{0x77, 0};
    test::Gen g{std::mt19937_64(31)};
    for (int i = 0; i < 200; ++i) {
        g.ws = &doc.workspace();
        (void)doc.execute(test::random_command(g));
        doc.stamp_with([&](Workspace& ws) { io::stamp(ws, r); });
    }
    const Workspace& ws = doc.workspace();
    REQUIRE_FALSE(ws.merge.tombstones.empty());
    const LimitCheck check = check_limits(ws);
    CHECK(check.file_bytes >= io::export_json(ws).size());
    CHECK(check.file_bytes >= io::save_snapshot(ws).size());
}

TEST_CASE("metric values keep the model's order, so every copy sorts them the same way") {
    test::Fixture f = test::make_fixture();
    Workspace ws = f.ws;
    ws.metrics[0].values = {MetricValue{date_from_ymd(2026, 2, 1), 1, ""}, MetricValue{date_from_ymd(2026, 1, 1), 2, ""}};
    const auto problems = validate(ws);
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].find("metrics[0].values[1]: not after the value before it") == 0);
    ws.metrics[0].values = {MetricValue{date_from_ymd(2026, 1, 1), 1, "NL"}, MetricValue{date_from_ymd(2026, 1, 1), 2, "NL"}};
    CHECK_FALSE(validate(ws).empty());
    edit::Document doc(f.ws);
    Metric m = f.ws.metrics[0];
    m.values = {MetricValue{date_from_ymd(2026, 3, 1), 1, ""}, MetricValue{date_from_ymd(2026, 2, 1), 2, ""}};
    const edit::Result r = doc.execute(edit::replace_metric(m));
    CHECK_FALSE(r.succeeded());
    CHECK(r.refusal == "A KPI holds one value per date and segment, in date order.");
}

TEST_CASE("a freshly stamped sample carries almost nothing more: its share link stays small") {
    const std::string plain = io::export_json(sample_workspace());
    Workspace ws = sample_workspace();
    io::Replica r{io::new_replica_id(), 0};
    REQUIRE(io::stamp(ws, r));
    const std::string stamped = io::export_json(ws);
    CHECK(stamped.size() > plain.size());
    CHECK(stamped.size() - plain.size() < 400);  // the version vector and the base stamp
    CHECK(stamped.compare(0, plain.size() - 3, plain, 0, plain.size() - 3) == 0);  // the same up to the closing brace
}
