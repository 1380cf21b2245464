// Records for live co-editing (io::records_since / io::merge_records): their shape, and hostile
// records refused with nothing changed.
#include <doctest/doctest.h>

#include "merge_fixture.hpp"

using namespace wm;
using test::Copy;

namespace {

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::string replace_once(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    return text;
}

struct Pair {
    test::Fixture f = test::make_fixture();
    Copy a{test::stamped_base(), 0xA};
    Copy b{test::stamped_base(), 0xB};
    Pair() {
        b.run(edit::set_card_text(f.macro, f.c1, "Opens the app"));
        b.run(edit::remove_card(f.macro, f.c3));
    }
    [[nodiscard]] std::string news() const { return io::records_since(b.ws(), a.ws().merge.versions); }
};

std::string refused(const Workspace& ours, const std::string& records) {
    const Workspace before = ours;
    const io::MergeResult m = io::merge_records(ours, records);
    CHECK_FALSE(m);
    CHECK(contains(m.error, "Nothing was changed"));
    CHECK(ours == before);
    return m.error;
}

}  // namespace

TEST_CASE("records: one entry per record, keyed <uuid>/<field>, tombstones whole, only what the peer lacks") {
    Pair p;
    const std::string news = p.news();
    CHECK(news.rfind("{\"format\":\"waymark-records\",\"version\":1,\"workspace\":\"" + p.a.ws().id.str() + "\"", 0) == 0);
    CHECK(contains(news, "\"replicas\":{\"000000000000000b\":3,\"000000000000ba5e\":1}"));
    CHECK(contains(news, "{\"key\":\"" + p.f.c1.str() + "/text\",\"kind\":\"card\",\"stamp\":\"2@000000000000000b\",\"value\":\"Opens the app\"}"));
    CHECK(contains(news, "{\"key\":\"" + p.f.c3.str() + "/@deleted\",\"kind\":\"card\",\"stamp\":\"3@000000000000000b\",\"value\":{"));
    CHECK(contains(news, "\"text\":[\"1@000000000000ba5e\",\"Pays\"]"));
    CHECK_FALSE(contains(news, p.f.c2.str()));  // nothing new about it
    // Everything, for a peer that knows nothing: every record of every entity.
    const std::string all = io::records_since(p.b.ws(), {});
    CHECK(contains(all, p.f.c2.str() + "/severity"));
    CHECK(contains(all, p.b.ws().id.str() + "/settings.level_names"));
    // Applied, the news make the same workspace a whole-copy merge makes.
    const io::MergeResult live = io::merge_records(p.a.ws(), news);
    REQUIRE_MESSAGE(live, live.error);
    CHECK(io::export_json(*live.workspace) == io::export_json(*test::merged(p.a.ws(), p.b.ws()).workspace));
}

TEST_CASE("hostile records are refused, naming what is wrong, and nothing changes") {
    Pair p;
    const Workspace& ours = p.a.ws();
    const std::string news = p.news();
    const std::string c1 = p.f.c1.str();
    CHECK(contains(refused(ours, ""), "not valid JSON"));
    CHECK(contains(refused(ours, std::string(10'000, '[')), "nested deeper"));
    CHECK(contains(refused(ours, "[1]"), "expected a JSON object"));
    CHECK(contains(refused(ours, replace_once(news, "waymark-records", "waymark")), "not Waymark records"));
    CHECK(contains(refused(ours, replace_once(news, "\"version\":1", "\"version\":2")), "newer Waymark"));
    const io::MergeResult other = io::merge_records(ours, replace_once(news, ours.id.str(), Id{1, 1}.str()));
    CHECK_FALSE(other);
    CHECK(other.other_workspace);
    // Stamps: not stamps, or beyond what the sender says it has seen.
    CHECK(contains(refused(ours, replace_once(news, "\"2@000000000000000b\"", "\"x\"")), "not a stamp"));
    CHECK(contains(refused(ours, replace_once(news, "\"2@000000000000000b\"", "\"9@000000000000000b\"")), "does not cover"));
    CHECK(contains(refused(ours, replace_once(news, "\"000000000000000b\":3", "\"000000000000000b\":0")), "not a counter"));
    // Keys, kinds, fields and values.
    CHECK(contains(refused(ours, replace_once(news, c1 + "/text", "card/text")), "not a record key"));
    CHECK(contains(refused(ours, replace_once(news, c1 + "/text", c1 + "/colour")), "no field"));
    CHECK(contains(refused(ours, replace_once(news, "\"kind\":\"card\",\"stamp\":\"2@000000000000000b\"", "\"kind\":\"gadget\",\"stamp\":\"2@000000000000000b\"")),
                   "unknown kind"));
    CHECK(contains(refused(ours, replace_once(news, "\"value\":\"Opens the app\"", "\"value\":42")), "expected a string"));
    CHECK(contains(refused(ours, replace_once(news, "\"value\":\"Opens the app\"", "\"value\":\"" + std::string(100'001, 'x') + "\"")),
                   "more than the limit"));
    CHECK(contains(refused(ours, replace_once(news, "\"value\":\"Opens the app\"", "\"value\":\"bad \xC3\"")), "invalid UTF-8"));
    // A record twice; a partial tombstone; a new entity missing fields; the workspace deleted.
    const std::string record = "{\"key\":\"" + c1 + "/text\",\"kind\":\"card\",\"stamp\":\"2@000000000000000b\",\"value\":\"Opens the app\"}";
    CHECK(contains(refused(ours, replace_once(news, record, record + "," + record)), "appears twice"));
    CHECK(contains(refused(ours, replace_once(news, "\"text\":[\"1@000000000000ba5e\",\"Pays\"],", "")), "every field"));
    const std::string stranger = "{\"key\":\"" + Id{7, 7}.str() + "/text\",\"kind\":\"card\",\"stamp\":\"2@000000000000000b\",\"value\":\"?\"}";
    CHECK(contains(refused(ours, replace_once(news, record, record + "," + stranger)), "incomplete"));
    const std::string gone = "{\"key\":\"" + ours.id.str() + "/@deleted\",\"kind\":\"workspace\",\"stamp\":\"2@000000000000000b\",\"value\":{}}";
    CHECK(contains(refused(ours, replace_once(news, record, record + "," + gone)), "cannot be deleted"));
    // A card whose lane is in neither copy: refused, not half-applied.
    std::string orphan = io::records_since(p.b.ws(), {});
    // (A larger id, so that it wins the tie with the same stamp: a lane no copy has.)
    orphan = replace_once(orphan, "\"value\":\"" + p.f.l_actions.str() + "\"", "\"value\":\"" + Id{~0ull, ~0ull}.str() + "\"");
    CHECK(contains(refused(ours, orphan), "which neither copy has"));
}

TEST_CASE("random mutations of records never crash, and a merge that succeeds is valid") {
    Pair p;
    const std::string news = p.news();
    std::uint32_t seed = 99;
    for (int round = 0; round < 2000; ++round) {
        std::string s = news;
        for (int k = 0; k < 2; ++k) {
            seed = seed * 1664525u + 1013904223u;
            s[seed % s.size()] = "{}[]\",:0a1@-/\\ \xC3"[(seed >> 20) % 16];
        }
        const io::MergeResult m = io::merge_records(p.a.ws(), s);
        if (m) CHECK(validate(*m.workspace).empty());
        else CHECK_FALSE(m.error.empty());
    }
}
