#include <doctest/doctest.h>

#include "model/date.hpp"
#include "model/enum_names.hpp"
#include "model/model.hpp"

using namespace wm;

TEST_CASE("ids print as canonical UUIDs and parse back") {
    IdGenerator gen(42);
    for (int i = 0; i < 100; ++i) {
        const Id id = gen.next();
        const std::string text = id.str();
        REQUIRE(text.size() == 36);
        CHECK(text[14] == '4');
        CHECK((text[19] == '8' || text[19] == '9' || text[19] == 'a' || text[19] == 'b'));
        const auto back = Id::parse(text);
        REQUIRE(back.has_value());
        CHECK(*back == id);
    }
    CHECK(Id{}.str() == "00000000-0000-0000-0000-000000000000");
    CHECK_FALSE(Id::parse("not-a-uuid").has_value());
    CHECK_FALSE(Id::parse("0123456789abcdef0123456789abcdef0123").has_value());
    CHECK_FALSE(Id::parse("00000000-0000-0000-0000-00000000000G").has_value());
    CHECK_FALSE(Id::parse("00000000-0000-0000-0000-00000000000A").has_value());  // upper case is not canonical
}

TEST_CASE("dates round-trip through ISO text and reject impossible days") {
    CHECK(to_iso(Date{0}) == "1970-01-01");
    CHECK(date_from_ymd(2024, 2, 29).days == 19782);
    CHECK(to_iso(date_from_ymd(2026, 11, 23)) == "2026-11-23");
    for (int d = -1000; d < 40000; d += 37) CHECK(parse_iso_date(to_iso(Date{d}))->days == d);
    CHECK_FALSE(parse_iso_date("2023-02-29").has_value());
    CHECK(parse_iso_date("2024-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2024-13-01").has_value());
    CHECK_FALSE(parse_iso_date("2024-1-01").has_value());
    CHECK_FALSE(parse_iso_date("2024-01-01T00").has_value());
}

TEST_CASE("enum names are stable and round-trip") {
    CHECK(enum_name(LaneKind::journey_link) == "journey-link");
    CHECK(enum_from_name<JourneyState>("to-be") == JourneyState::to_be);
    CHECK_FALSE(enum_from_name<Evidence>("proven").has_value());
    for (std::size_t i = 0; i < enum_count<RollUp>(); ++i)
        CHECK(enum_from_name<RollUp>(enum_name(static_cast<RollUp>(i))) == static_cast<RollUp>(i));
}

TEST_CASE("a blank workspace starts with the lifecycle") {
    const Workspace ws = blank_workspace("Acme");
    CHECK(ws.name == "Acme");
    CHECK_FALSE(ws.id.is_nil());
    REQUIRE(ws.journeys.size() == 1);
    CHECK(ws.journeys[0].level == 0);
    REQUIRE(ws.journeys[0].stages.size() == 5);
    CHECK(ws.journeys[0].stages[0].name == "Awareness");
    CHECK(ws.journeys[0].stages[4].name == "Leave");
    CHECK(ws.settings.level_names.size() == 3);
    CHECK(ws.settings.scoring.criteria.size() == 5);
}
