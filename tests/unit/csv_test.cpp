// CSV export: RFC 4180 quoting, formulas neutralised (and restored), the BOM, CRLF records, and the
// backlog's content computed by hand.
#include <doctest/doctest.h>

#include <random>
#include <string_view>

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

TEST_CASE("formulas: every dangerous first character gets a leading apostrophe") {
    CHECK(io::csv_neutralise("=HYPERLINK(\"http://x\",\"y\")") == "'=HYPERLINK(\"http://x\",\"y\")");
    CHECK(io::csv_neutralise("+1") == "'+1");
    CHECK(io::csv_neutralise("-2+3") == "'-2+3");
    CHECK(io::csv_neutralise("@SUM(A1)") == "'@SUM(A1)");
    CHECK(io::csv_neutralise("\tcmd") == "'\tcmd");
    CHECK(io::csv_neutralise("\r=x") == "'\r=x");
    CHECK(io::csv_neutralise("=") == "'=");
    CHECK(io::csv_neutralise("-") == "'-");
    CHECK(io::csv_neutralise("- bullet") == "'- bullet");
    // Through the field writer: neutralised first, then quoted when the result needs it.
    CHECK(io::csv_field("=1+2") == "'=1+2");
    CHECK(io::csv_field("=A1,B1") == "\"'=A1,B1\"");
    CHECK(io::csv_field("\r=x") == "\"'\r=x\"");
    CHECK(io::csv_field("@\"q\"") == "\"'@\"\"q\"\"\"");
    CHECK(io::csv_record({"=x", "-2", "ok"}) == "'=x,-2,ok\r\n");
}

TEST_CASE("formulas: plain numbers and harmless text stay as they are") {
    for (const char* number : {"-2", "-3.5", "0", "42", "-0", "3.25", "-10.75"}) CHECK(io::csv_neutralise(number) == number);
    // Not exactly a number: neutralised.
    for (const char* text : {"-1e5", "-.5", "-2.", "-2,5", "--2", "-2 ", "-2-", "+2"})
        CHECK(io::csv_neutralise(text) == std::string("'") + text);
    for (const char* text : {"", "plain", " =not at the start", "a=b", "Café", "'tis", "''", "'", "'hello", "x-2"})
        CHECK(io::csv_neutralise(text) == text);
}

TEST_CASE("formulas: text that begins with an apostrophe survives the round trip") {
    // Apostrophes, then a dangerous character: one more apostrophe, so that the reader, which
    // removes exactly one, gives the text back.
    CHECK(io::csv_neutralise("'=x") == "''=x");
    CHECK(io::csv_neutralise("''-2") == "'''-2");
    CHECK(io::csv_neutralise("'-2") == "''-2");   // the text '-2, not the number -2
    CHECK(io::csv_restore("''=x") == "'=x");
    CHECK(io::csv_restore("''-2") == "'-2");
    // The reader: one apostrophe off a neutralised cell, nothing else touched.
    CHECK(io::csv_restore("'=x") == "=x");
    CHECK(io::csv_restore("'-2") == "-2");
    CHECK(io::csv_restore("'\tx") == "\tx");
    CHECK(io::csv_restore("'tis") == "'tis");
    CHECK(io::csv_restore("''") == "''");
    CHECK(io::csv_restore("=x") == "=x");   // a formula in someone else's file is read as its text
    CHECK(io::csv_restore("-2") == "-2");
    CHECK(io::csv_restore("") == "");
}

TEST_CASE("formulas: property - csv_restore(csv_neutralise(t)) == t, and nothing written starts a formula") {
    std::mt19937 rng(4181);
    const std::vector<std::string> pieces = {"'", "=", "+", "-", "@", "\t", "\r", "\n", "2", ".", "5", "a", " ", "\"", ","};
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        for (int k = pick(0, 5); k > 0; --k) text += pieces[static_cast<std::size_t>(pick(0, static_cast<int>(pieces.size()) - 1))];
        const std::string written = io::csv_neutralise(text);
        INFO(text);
        REQUIRE(io::csv_restore(written) == text);
        const bool number = written == text && !text.empty() && text.find_first_not_of("-0123456789.") == std::string::npos;
        if (!written.empty() && !number) CHECK(std::string_view("=+-@\t\r").find(written[0]) == std::string_view::npos);
    }
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

    // A title that is a formula is written as text; the numbers beside it stay numbers.
    ws.opportunities[1].title = "=HYPERLINK(\"http://x\",\"y\")";
    ws.journeys[1].title = "-2+3";
    const std::string injected = io::backlog_csv(ws, today);
    CHECK(injected.find("\r\n1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'-2+3,planned,,,15,12,2,0,10.8\r\n") != std::string::npos);
}
