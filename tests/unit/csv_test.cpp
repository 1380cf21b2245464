// CSV export: RFC 4180 quoting, the BOM, CRLF records, and the backlog's content computed by hand.
#include <doctest/doctest.h>

#include "io/csv.hpp"
#include "model/date.hpp"
#include "model/model.hpp"

using namespace wm;

TEST_CASE("RFC 4180 fields: quoted only when needed, quotes doubled") {
    CHECK(io::csv_field("plain") == "plain");
    CHECK(io::csv_field("") == "");
    CHECK(io::csv_field("a,b") == "\"a,b\"");
    CHECK(io::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(io::csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(io::csv_field("cr\r") == "\"cr\r\"");
    CHECK(io::csv_field("Café ünïcode 日本") == "Café ünïcode 日本");   // UTF-8 passes through untouched
    CHECK(io::csv_record({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
}

TEST_CASE("the backlog as CSV: BOM, header, rank order, scores") {
    const Date today = date_from_ymd(2026, 11, 23);
    Workspace ws = blank_workspace("t");
    const auto& crit = ws.settings.scoring.criteria;  // pain ×2, reach, revenue ×2, fit, effort
    Journey j;
    j.id = new_id();
    j.title = "Buying, \"fast\"";
    j.level = 1;
    ws.journeys.push_back(j);

    Opportunity a;
    a.id = new_id();
    a.title = "Café prices";
    a.journeys = {j.id};
    a.status = OpportunityStatus::planned;
    a.scores = {{crit[0].id, 5}, {crit[1].id, 5}, {crit[2].id, 4}, {crit[3].id, 4}, {crit[4].id, 2}};
    Opportunity b = a;
    b.id = new_id();
    b.title = "Sunday delivery";
    b.journeys = {ws.journeys[0].id, j.id};
    b.status = OpportunityStatus::idea;
    b.will_not_do = true;
    b.will_not_do_reason = "Courier says no,\nnot before 2028";
    Opportunity c = a;
    c.id = new_id();
    c.title = "Validated";
    c.journeys = {};
    c.scores[4].value = 3;
    Insight i;
    i.id = new_id();
    i.evidence = Evidence::observed;
    i.last_validated = today;
    ws.insights.push_back(i);
    c.insights = {i.id};
    ws.opportunities = {b, a, c};

    // a: (15 + 12) × 0.8 ÷ 2 = 10.8; c: (15 + 12) × (1 − 0.2 × 0.4 = 0.92) ÷ 3 = 8.28; b: will not do.
    const std::string csv = io::backlog_csv(ws, today);
    const std::string expected = std::string("\xEF\xBB\xBF") +
        "Rank,Title,Journeys,Status,Will not do,Reason,Customer value,Business value,Effort,Evidence,Priority\r\n"
        "1,Café prices,\"Buying, \"\"fast\"\"\",planned,,,15,12,2,0,10.8\r\n"
        "2,Validated,,planned,,,15,12,3,60,8.28\r\n"
        ",Sunday delivery,\"Customer lifecycle; Buying, \"\"fast\"\"\",idea,yes,\"Courier says no,\nnot before 2028\",15,12,2,0,10.8\r\n";
    CHECK(csv == expected);
}
