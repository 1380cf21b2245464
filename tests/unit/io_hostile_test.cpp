// Hostile files and snapshots: each must give a clear error naming what and where, and never
// crash, hang or throw.
#include <doctest/doctest.h>

#include "io/file_format.hpp"
#include "io_fixture.hpp"
#include "merge_fixture.hpp"
#include "model/limits.hpp"
#include "model/validate.hpp"

using namespace wm;

namespace {

std::string replace_once(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    return text;
}
bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }
std::string error_of(const io::LoadResult& r) {
    CHECK_FALSE(r);
    CHECK_FALSE(r.error.empty());
    return r.error;
}
std::string rich_json() { return io::export_json(test::rich_workspace()); }

std::uint32_t crc32(std::string_view bytes) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (const char b : bytes) {
        c ^= static_cast<unsigned char>(b);
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}
std::string with_fixed_crc(std::string snap) {
    const std::uint32_t c = crc32(std::string_view(snap).substr(24));
    for (int i = 0; i < 4; ++i) snap[static_cast<std::size_t>(20 + i)] = static_cast<char>((c >> (8 * i)) & 0xFF);
    return snap;
}

}  // namespace

TEST_CASE("pre-scan: brackets, deep objects, NaN, Infinity, invalid UTF-8, size") {
    const std::string brackets(12 * 1024, '[');
    const std::string e1 = error_of(io::import_json(brackets));
    CHECK(contains(e1, "nested deeper than 64"));
    CHECK(contains(e1, "line 1, column 65"));

    std::string deep;
    for (int i = 0; i < 100'000; ++i) deep += "{\"a\":";
    CHECK(contains(error_of(io::import_json(deep)), "nested deeper"));
    std::string closed_deep(70, '[');
    closed_deep += std::string(70, ']');
    CHECK(contains(error_of(io::import_json(closed_deep)), "nested deeper"));

    const std::string json = rich_json();
    const std::string nan = error_of(io::import_json(replace_once(json, "\"value\": 9.8", "\"value\": NaN")));
    CHECK(contains(nan, "NaN and Infinity"));
    CHECK(contains(nan, "line "));
    CHECK(contains(error_of(io::import_json(replace_once(json, "\"value\": 9.8", "\"value\": Infinity"))), "Infinity"));
    CHECK(contains(error_of(io::import_json(replace_once(json, "\"value\": 9.8", "\"value\": -Infinity"))), "Infinity"));
    CHECK(contains(error_of(io::import_json(replace_once(json, "\"value\": 9.8", "\"value\": 1e999"))), "not valid JSON"));

    // Invalid UTF-8 inside a string, outside a string, overlong, surrogate, truncated sequence.
    for (const char* bad : {"\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xE2\x82", "\x80"}) {
        const std::string e = error_of(io::import_json(replace_once(json, "Compares three plans", std::string("Comp") + bad)));
        CHECK(contains(e, "invalid UTF-8"));
        CHECK(contains(e, "line "));
    }
    CHECK(contains(error_of(io::import_json(std::string("\xFE\xFF{}"))), "invalid UTF-8"));

    std::string huge(limits::kMaxFileBytes + 1, ' ');
    CHECK(contains(error_of(io::import_json(huge)), "more than the limit of 128 MB"));
}

TEST_CASE("not JSON, truncated, empty, wrong top level") {
    const std::string json = rich_json();
    for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{40}, json.size() / 2, json.size() - 3}) {
        const std::string e = error_of(io::import_json(std::string_view(json).substr(0, cut)));
        CAPTURE(cut);
        CHECK((contains(e, "not valid JSON") || contains(e, "not a Waymark file")));
    }
    CHECK(contains(error_of(io::import_json("[1,2]")), "not a Waymark file"));
    CHECK(contains(error_of(io::import_json("{} {}")), "not valid JSON"));
    CHECK(contains(error_of(io::import_json("{\"format\":\"waymark\",\"version\":1}")), "types"));
}

TEST_CASE("wrong types and unknown or missing fields name the path") {
    const std::string json = rich_json();
    const std::string sev = error_of(io::import_json(replace_once(json, "\"severity\": 4", "\"severity\": \"high\"")));
    CHECK(sev == "journeys[0].cards[1].severity: expected a whole number, found the text \"high\"");
    CHECK(error_of(io::import_json(replace_once(json, "\"severity\": 4", "\"severity\": 4.5"))) ==
          "journeys[0].cards[1].severity: expected a whole number, found the number 4.500000");
    CHECK(contains(error_of(io::import_json(replace_once(json, "\"state\": \"to-be\"", "\"state\": \"future\""))),
                   "journeys[2].state: unknown value \"future\" (expected one of: current, to-be)"));
    CHECK(contains(error_of(io::import_json(replace_once(json, "\"color\": \"#abcdef\"", "\"color\": 11259375"))),
                   "journeys[0].lanes[0].color: expected a colour"));
    CHECK(contains(error_of(io::import_json(replace_once(json, "\"last_validated\": \"2026-03-14\"",
                                                         "\"last_validated\": \"2026-02-30\""))),
                   "insights[0].last_validated: not a valid date"));
    CHECK(contains(error_of(io::import_json(replace_once(json, "\"moment_of_truth\": true", "\"moment_of_truth\": 1"))),
                   "journeys[0].stages[0].steps[0].moment_of_truth: expected true or false"));
    CHECK(contains(error_of(io::import_json(replace_once(json, "\"tags\": [", "\"tags\": {\"a\": 1}, \"x\": ["))),
                   "expected a list, found an object"));
    CHECK(contains(error_of(io::import_json(replace_once(json, "\"moment_of_truth\": true", "\"moment_of_truth\": true, \"extra\": 1"))),
                   "journeys[0].stages[0].steps[0]: unknown field \"extra\""));
    CHECK(contains(error_of(io::import_json(replace_once(json, "\"moment_of_truth\": true", "\"moment_of_truth\": true, \"name\": \"x\""))),
                   "journeys[0].stages[0].steps[0]: field appears twice: \"name\""));
    CHECK(contains(error_of(io::import_json(replace_once(json, "\"owned\": false", "\"x\": false"))),
                   "channels[1]: missing field \"owned\""));
    const std::string bad_id = error_of(io::import_json(replace_once(json, "\"channel\": null", "\"channel\": \"shop\"")));
    CHECK(bad_id == "journeys[0].cards[0].channel: not a valid id: \"shop\"");
}

TEST_CASE("ids and references are checked with paths") {
    Workspace ws = test::rich_workspace();
    const Id step0 = ws.journeys[0].stages[0].steps[0].id;
    ws.journeys[0].stages[1].id = ws.journeys[0].stages[0].id;
    const std::string dup = error_of(io::import_json(io::export_json(ws)));
    CHECK(contains(dup, "journeys[0].stages[1]: duplicate id " + ws.journeys[0].stages[0].id.str()));

    ws = test::rich_workspace();
    ws.journeys[0].cards[0].step = ws.journeys[1].stages[0].steps[0].id;  // a step of another journey
    ws.journeys[0].cards[1].personas.push_back(IdGenerator(99).next());
    ws.links[0].stage = Id{};
    ws.metrics[0].rollup_inputs = {ws.metrics[0].id};
    ws.opportunities[0].scores[0].criterion = step0;
    const std::string many = error_of(io::import_json(io::export_json(ws)));
    CHECK(contains(many, "problems:\n"));
    CHECK(contains(many, "journeys[0].cards[0]: step refers to unknown step of this journey"));
    CHECK(contains(many, "journeys[0].cards[1]: personas[0] refers to unknown persona"));
    CHECK(contains(many, "links[0]: stage 00000000-0000-0000-0000-000000000000 is not a stage of the parent journey"));
    CHECK(contains(many, "metrics[0]: rollup_inputs[0] is the metric itself"));
    CHECK(contains(many, "opportunities[0].scores[0]: criterion refers to unknown criterion"));

    ws = test::rich_workspace();
    ws.journeys[1].level = 7;
    ws.journeys[0].cards[1].severity = 6;
    ws.journeys[0].emotions[0].score = 5;  // the scale is -2..4
    ws.insights[0].impact = 3;
    ws.personas[0].color = 0x1000000;
    const auto problems = validate(ws);
    auto has = [&](std::string_view s) {
        for (const auto& p : problems) if (contains(p, s)) return true;
        return false;
    };
    CHECK(has("journeys[1]: level 7 is not one of the 3 configured levels"));
    CHECK(has("journeys[0].cards[1]: severity is 6, outside 0..5"));
    CHECK(has("journeys[0].emotions[0]: score is 5, outside -2..4"));
    CHECK(has("insights[0]: impact is 3, outside -2..2"));
    CHECK(has("personas[0]: color is not an #rrggbb colour"));
    CHECK(contains(error_of(io::load_snapshot(io::save_snapshot(ws))), "severity is 6"));
}

TEST_CASE("framework rules are checked on import") {
    Workspace ws = test::rich_workspace();
    ws.links.push_back(JourneyLink{ws.journeys[1].id, ws.journeys[0].id, ws.journeys[1].stages[0].id, Id{}});
    CHECK_FALSE(io::import_json(io::export_json(ws)));
}

TEST_CASE("over-long strings and huge counts are refused before they are stored") {
    const std::string json = rich_json();
    const std::string long_text(limits::kMaxTextBytes + 1, 'x');
    const std::string e = error_of(io::import_json(replace_once(json, "Compares three plans", long_text)));
    CHECK(contains(e, "journeys[0].cards[0].text: text of 100001 bytes, more than the limit of 100000"));

    std::string tags = "\"tags\": [";
    for (std::size_t i = 0; i <= limits::kMaxStrings; ++i) tags += i ? ",\"t\"" : "\"t\"";
    const std::string e2 = error_of(io::import_json(replace_once(json, "\"tags\": [", tags + ",")));
    CHECK(contains(e2, "journeys[0].tags: 1003 entries, more than the limit of 1000"));

    Workspace ws = test::rich_workspace();
    ws.journeys[0].cards.resize(limits::kMaxCards / 2 + 1, ws.journeys[0].cards[0]);
    ws.journeys[1].cards.resize(limits::kMaxCards / 2 + 1, ws.journeys[0].cards[0]);
    const auto problems = validate(ws);
    REQUIRE_FALSE(problems.empty());
    CHECK(problems.size() <= limits::kMaxProblemsReported + 1);  // duplicates are many; the list stays short
    CHECK(contains(problems.back(), "more problems"));
}

TEST_CASE("snapshots: wrong magic, checksum, truncation, lying counts") {
    const std::string snap = io::save_snapshot(test::rich_workspace());
    std::string bad_magic = snap;
    bad_magic[0] = 'X';
    CHECK(contains(error_of(io::load_snapshot(bad_magic)), "wrong magic"));
    CHECK(contains(error_of(io::load_snapshot("")), "wrong magic"));
    std::string flipped = snap;
    flipped[snap.size() / 2] = static_cast<char>(flipped[snap.size() / 2] ^ 0x10);
    CHECK(contains(error_of(io::load_snapshot(flipped)), "checksum mismatch"));
    for (std::size_t cut : {std::size_t{10}, std::size_t{24}, std::size_t{60}, snap.size() - 1})
        CHECK(contains(error_of(io::load_snapshot(std::string_view(snap).substr(0, cut))), "snapshot"));

    // Payload: endianness byte, Workspace class version (u32), id (2 x u64), name length (u64).
    std::string lying = snap;
    lying[24 + 1 + 4 + 16 + 7] = 0x40;  // name length ~ 4.6e18
    CHECK(contains(error_of(io::load_snapshot(with_fixed_crc(lying))), "over the limit"));

    // Truncated payload with a consistent size and checksum: cereal runs out of bytes.
    std::string short_payload = snap.substr(0, snap.size() - 10);
    const std::uint64_t n = short_payload.size() - 24;
    for (int i = 0; i < 8; ++i) short_payload[static_cast<std::size_t>(12 + i)] = static_cast<char>((n >> (8 * i)) & 0xFF);
    CHECK(contains(error_of(io::load_snapshot(with_fixed_crc(short_payload))), "snapshot is damaged"));

    // Random corruption with a valid checksum never crashes.
    std::uint32_t seed = 12345;
    for (int round = 0; round < 2000; ++round) {
        std::string s = snap;
        for (int k = 0; k < 3; ++k) {
            seed = seed * 1664525u + 1013904223u;
            const std::size_t at = 24 + seed % (s.size() - 24);
            s[at] = static_cast<char>(seed >> 24);
        }
        const auto r = io::load_snapshot(with_fixed_crc(s));
        CHECK((r || !r.error.empty()));
    }
}

TEST_CASE("random mutations of a file never crash or throw") {
    const std::string json = rich_json();
    std::uint32_t seed = 777;
    for (int round = 0; round < 3000; ++round) {
        std::string s = json;
        for (int k = 0; k < 2; ++k) {
            seed = seed * 1664525u + 1013904223u;
            s[seed % s.size()] = "{}[]\",:0a-\\ \xC3"[(seed >> 20) % 14];
        }
        const auto r = io::import_json(s);
        CHECK((r || !r.error.empty()));
    }
}

// [SECTION] The merge history beside the workspace (io/history_json.hpp): every entry is checked
// against the content, so a hostile history is refused like a hostile workspace.
namespace {

// A stamped copy with a changed field, a moved lane and a tombstone, as a file.
std::string stamped_json() {
    test::Fixture f = test::make_fixture();
    test::Copy a(test::stamped_base(), 0xA);
    a.run(edit::remove_card(f.macro, f.c3));
    a.run(edit::set_card_text(f.macro, f.c1, "Opens the app"));
    a.run(edit::move_lane(f.macro, f.l_emotion, 0));
    return io::export_json(a.ws());
}

std::string merge_error(const std::string& text) {
    const std::string e = error_of(io::import_json(text));
    CHECK_MESSAGE(contains(e, "merge"), e);
    return e;
}

// Replaces the first occurrence of `from` inside the merge section.
std::string in_merge(const std::string& text, std::string_view from, std::string_view to) {
    const std::size_t start = text.find("\"merge\"");
    REQUIRE(start != std::string::npos);
    return text.substr(0, start) + replace_once(text.substr(start), from, to);
}

}  // namespace

TEST_CASE("a file's merge history loads, and a history that does not fit is refused with where and why") {
    const std::string json = stamped_json();
    const io::LoadResult good = io::import_json(json);
    REQUIRE_MESSAGE(good, good.error);
    CHECK(io::export_json(*good.workspace) == json);
    test::Fixture f = test::make_fixture();
    const std::string c1 = f.c1.str(), c3 = f.c3.str(), macro = f.macro.str();

    // Versions, counters, replica ids.
    CHECK(contains(merge_error(in_merge(json, "\"version\": 1,\n    \"replicas\"", "\"version\": 2,\n    \"replicas\"")), "newer than this Waymark reads"));
    CHECK(contains(merge_error(in_merge(json, "\"000000000000000a\": 4", "\"000000000000000a\": 281474976710657")), "counter"));
    CHECK(contains(merge_error(in_merge(json, "\"000000000000000a\": 4", "\"000000000000000a\": -4")), "counter"));
    CHECK(contains(merge_error(in_merge(json, "\"000000000000000a\": 4", "\"00000000000000ZZ\": 4")), "not a replica id"));
    CHECK(contains(merge_error(in_merge(json, "\"000000000000000a\": 4", "\"000000000000000a\": 4, \"000000000000000a\": 9")), "appears twice"));
    // Stamps the version vector does not cover, or that are not stamps at all.
    CHECK(contains(merge_error(in_merge(json, "\"3@000000000000000a\"", "\"5@000000000000000a\"")), "cannot have made or seen"));
    CHECK(contains(merge_error(in_merge(json, "\"3@000000000000000a\"", "\"3@000000000000000b\"")), "cannot have made or seen"));
    CHECK(contains(merge_error(in_merge(json, "\"3@000000000000000a\"", "\"three\"")), "not a stamp"));
    CHECK(contains(merge_error(in_merge(json, "\"3@000000000000000a\"", "\"03@000000000000000a\"")), "not a stamp"));
    // Stamps of things and fields that do not exist; duplicate keys.
    CHECK(contains(merge_error(in_merge(json, c1 + "/text", c1 + "/colour")), "no such field"));
    CHECK(contains(merge_error(in_merge(json, c1 + "/text", Id{5, 5}.str() + "/text")), "no such entity"));
    CHECK(contains(merge_error(in_merge(json, "\"" + c1 + "/text\": \"3@000000000000000a\"",
                                            "\"" + c1 + "/text\": \"3@000000000000000a\", \"" + c1 + "/text\": \"2@000000000000000a\"")),
                   "appears twice"));
    // Order keys: the count, the alphabet, the order of the list.
    CHECK(contains(merge_error(in_merge(json, "\"1 111 112\"", "\"1 111\"")), "2 keys for a list of 3"));
    CHECK(contains(merge_error(in_merge(json, "\"1 111 112\"", "\"1 1_1 112\"")), "not an order key"));
    CHECK(contains(merge_error(in_merge(json, "\"1 111 112\"", "\"1 112 111\"")), "not in the order of the list"));
    CHECK(contains(merge_error(in_merge(json, "\"1 111 112\"", "\"10 111 112\"")), "not an order key"));
    CHECK(contains(merge_error(in_merge(json, macro + "/lanes", macro + "/cardz")), "no such ordered list"));
    // Tombstones: of something in the workspace, without a delete stamp, with values of the wrong
    // type or missing, of an unknown kind.
    const std::string live_tomb = in_merge(in_merge(json, "\"key\": \"" + c3 + "\"", "\"key\": \"" + c1 + "\""),
                                           "\"\": \"1@000000000000ba5e\"", "\"\": \"4@000000000000000a\"");
    CHECK(contains(merge_error(live_tomb), "tombstone is newer"));
    // (With the card's own newer edit the same tombstone is right: it was edited after the delete.)
    CHECK(io::import_json(in_merge(json, "\"key\": \"" + c3 + "\"", "\"key\": \"" + c1 + "\"")));
    CHECK(contains(merge_error(in_merge(json, ",\n          \"@deleted\": \"2@000000000000000a\"", "")), "@deleted"));
    CHECK(contains(merge_error(in_merge(json, "\"severity\": 0,", "\"severity\": \"high\",")), "severity"));
    CHECK(contains(merge_error(in_merge(json, "\"severity\": 0,", "")), "needs a value for each"));
    CHECK(contains(merge_error(in_merge(json, "\"kind\": \"card\"", "\"kind\": \"gadget\"")), "unknown kind"));
    CHECK(contains(merge_error(in_merge(json, "\"text\": \"Pays\"", "\"text\": \"Pays\", \"text\": \"Pays\"")), "appears twice"));
    // A held-back entity that is in the workspace.
    std::string held = in_merge(json, "\"held_back\": []", "\"held_back\": [{\"key\": \"" + c1 +
                                                              "\", \"kind\": \"card\", \"stamps\": {\"\": \"1@000000000000ba5e\"}, \"values\": {}}]");
    CHECK(contains(merge_error(held), "held_back"));
    // Missing and unknown fields of the section itself.
    CHECK(contains(merge_error(in_merge(json, "\"shadows\": {},", "")), "missing field \"shadows\""));
    CHECK(contains(merge_error(in_merge(json, "\"shadows\": {},", "\"shadows\": {}, \"extra\": 1,")), "unknown field"));
    CHECK(contains(merge_error(in_merge(json, "\"shadows\": {}", "\"shadows\": {\"" + c1 + "/severity\": \"x\"}")), "severity"));
}

TEST_CASE("an old Waymark's view: the merge section is beside the workspace, so the content reads without it") {
    const std::string json = stamped_json();
    // Everything before "merge" is the v1 layout; dropping the section leaves a valid v1 file.
    const std::size_t at = json.find(",\n  \"merge\"");
    REQUIRE(at != std::string::npos);
    const io::LoadResult plain = io::import_json(json.substr(0, at) + "\n}\n");
    REQUIRE_MESSAGE(plain, plain.error);
    CHECK(plain.workspace->merge.empty());
}

TEST_CASE("a snapshot whose merge section cannot be read keeps its content (the save is not lost)") {
    test::Fixture f = test::make_fixture();
    test::Copy a(test::stamped_base(), 0xA);
    a.run(edit::remove_card(f.macro, f.c3));
    std::string snap = io::save_snapshot(a.ws());
    const io::LoadResult good = io::load_snapshot(snap);
    REQUIRE_MESSAGE(good, good.error);
    CHECK(*good.workspace == a.ws());
    const std::size_t at = snap.find("\"tombstones\"");
    REQUIRE(at != std::string::npos);
    snap[at + 1] = 'X';
    const io::LoadResult damaged = io::load_snapshot(with_fixed_crc(snap));
    REQUIRE_MESSAGE(damaged, damaged.error);
    CHECK(damaged.workspace->merge.empty());
    Workspace content = a.ws();
    content.merge = {};
    CHECK(*damaged.workspace == content);
}

TEST_CASE("random mutations of a file's merge section never crash or throw") {
    const std::string json = stamped_json();
    const std::size_t from = json.find("\"merge\"");
    std::uint32_t seed = 4242;
    for (int round = 0; round < 3000; ++round) {
        std::string s = json;
        for (int k = 0; k < 2; ++k) {
            seed = seed * 1664525u + 1013904223u;
            s[from + seed % (s.size() - from)] = "{}[]\",:0a1@-/\\ \xC3"[(seed >> 20) % 16];
        }
        const auto r = io::import_json(s);
        CHECK((r || !r.error.empty()));
    }
}
