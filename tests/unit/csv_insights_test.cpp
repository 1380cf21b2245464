// Insights CSV: export content, the RFC 4180 parser, mapping guesses, the export → import round
// trip, and the exact report for a malformed file.
#include <doctest/doctest.h>

#include "io/csv_insights.hpp"
#include "model/date.hpp"
#include "model/limits.hpp"
#include "model/model.hpp"

using namespace wm;
using io::InsightColumn;

namespace {

struct Fixture {
    Workspace ws = blank_workspace("t");
    Id journey, step;
    Fixture() {
        Persona p;
        p.id = new_id();
        p.name = "Dana";
        ws.personas.push_back(p);
        Journey j;
        j.id = journey = new_id();
        j.title = "Buy";
        Stage st;
        st.id = new_id();
        st.name = "Choose";
        Step s;
        s.id = step = new_id();
        s.name = "Compare, plans";
        st.steps.push_back(s);
        j.stages.push_back(st);
        ws.journeys.push_back(j);

        Insight a;
        a.id = new_id();
        a.title = "Prices \"hidden\"";
        a.text = "Two\nlines";
        a.type = InsightType::pain;
        a.source = InsightSource::interview;
        a.source_detail = "12 interviews";
        a.evidence = Evidence::validated;
        a.last_validated = date_from_ymd(2026, 3, 1);
        a.impact = -2;
        a.personas = {p.id};
        a.steps = {{journey, step}};
        a.tags = {"pricing", "web"};
        Insight b;
        b.id = new_id();
        b.title = "Café loyalty";
        b.impact = 1;
        ws.insights = {a, b};
    }
};

}  // namespace

TEST_CASE("insights CSV export: BOM, header, every field, references by name") {
    Fixture f;
    const std::string expected = std::string("\xEF\xBB\xBF") +
        "Title,Text,Type,Source,Source detail,Evidence,Last validated,Impact,Personas,Steps,Tags\r\n"
        "\"Prices \"\"hidden\"\"\",\"Two\nlines\",pain,interview,12 interviews,validated,2026-03-01,-2,Dana,"
        "\"Buy / Compare, plans\",pricing; web\r\n"
        "Café loyalty,,observation,other,,assumed,,1,,,\r\n";
    CHECK(io::insights_csv(f.ws) == expected);
}

TEST_CASE("CSV parser: quotes, embedded newlines, CRLF and LF, BOM, semicolons") {
    auto t = io::parse_csv("\xEF\xBB\xBF" "a;b\r\n\"x;\"\"y\"\"\nz\";2\n3;4");
    CHECK(t.error.empty());
    CHECK(t.delimiter == ';');
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0] == std::vector<std::string>{"a", "b"});
    CHECK(t.rows[1] == std::vector<std::string>{"x;\"y\"\nz", "2"});
    CHECK(t.rows[2] == std::vector<std::string>{"3", "4"});
    CHECK(t.lines == std::vector<int>{1, 2, 4});

    t = io::parse_csv("a,b\n\"open,1\n");
    CHECK(t.rows.empty());
    CHECK(t.error == "Line 2: a quoted field is never closed (a \" is missing).");

    t = io::parse_csv("a,\"\"\n");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0] == std::vector<std::string>{"a", ""});
}

TEST_CASE("column mapping is guessed from header names") {
    const auto m = io::guess_mapping({"Name", "Description", "Evidence status", "Date", "Whatever", "TITLE"});
    CHECK(m == std::vector<InsightColumn>{InsightColumn::title, InsightColumn::text, InsightColumn::evidence,
                                          InsightColumn::last_validated, InsightColumn::ignored, InsightColumn::ignored});
}

TEST_CASE("insights CSV round trip: export then import gives the same insights") {
    Fixture f;
    const auto table = io::parse_csv(io::insights_csv(f.ws));
    const auto result = io::import_insights(table, io::guess_mapping(table.rows.at(0)), f.ws);
    CHECK(result.error.empty());
    CHECK(result.unmapped.empty());
    CHECK(result.bad_rows.empty());
    REQUIRE(result.insights.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        Insight got = result.insights[i];
        CHECK(got.id != f.ws.insights[i].id);   // new ids: the import adds, never overwrites
        got.id = f.ws.insights[i].id;
        CHECK(got == f.ws.insights[i]);
    }
}

TEST_CASE("insights CSV: formulas are written as text and imported as the original text") {
    Fixture f;
    f.ws.insights[0].title = "=HYPERLINK(\"http://x\",\"y\")";
    f.ws.insights[0].text = "+1";
    f.ws.insights[0].source_detail = "@SUM(A1)";
    f.ws.insights[0].tags = {"-2+3", "'=kept"};
    f.ws.insights[1].title = "'tis the season";
    f.ws.insights[1].text = "\tindented";
    f.ws.insights[1].source_detail = "'-2";
    f.ws.insights[1].impact = -2;
    const std::string csv = io::insights_csv(f.ws);
    CHECK(csv.find("\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,pain,interview,'@SUM(A1),validated,2026-03-01,-2,") !=
          std::string::npos);
    CHECK(csv.find(",'-2+3; '=kept\r\n") != std::string::npos);   // the cell starts with "-": one apostrophe for the cell
    CHECK(csv.find("\r\n'tis the season,'\tindented,observation,other,''-2,assumed,,-2,,,\r\n") != std::string::npos);

    const auto table = io::parse_csv(csv);
    const auto result = io::import_insights(table, io::guess_mapping(table.rows.at(0)), f.ws);
    CHECK(result.bad_rows.empty());
    REQUIRE(result.insights.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        Insight got = result.insights[i];
        got.id = f.ws.insights[i].id;
        CHECK(got == f.ws.insights[i]);
    }
}

TEST_CASE("a malformed insights CSV: every bad row listed with its line and reasons") {
    Fixture f;
    const std::string text =
        "Title,Type,Evidence,Last validated,Impact,Personas,Steps,Notes\n"
        "Unquoted comma,Need,observed,2026-01-02,+2,dana,Buy / Compare, plans\n"  // the comma splits the step
        ",quote,,,,,,,extra\n"                                                     // empty title, 9 fields
        "\n"                                                                    // blank: skipped, counted
        "Bad date,trend,validated,03/01/2026,0,,,\n"
        "Wrong enums,rumour,proven,,7,Zoe,Buy / Nope,\n"
        "Stray \"quote\",gain,,,,,,kept\n"
        "\"Fine\",gain,assumed,,-1,Dana,\"Buy / Compare, plans\",ignored text\n";
    const auto table = io::parse_csv(text);
    REQUIRE(table.error.empty());
    const auto result = io::import_insights(table, io::guess_mapping(table.rows[0]), f.ws);
    CHECK(result.error.empty());
    CHECK(result.unmapped == std::vector<std::string>{"Notes"});
    CHECK(result.blank_rows == 1);
    const std::vector<io::RowProblem> expected{
        {2, "unknown step \xE2\x80\x9C" "Buy / Compare\xE2\x80\x9D (expected \"Journey / Step\")"},
        {3, "empty title; row too long: 9 fields, the header has 8"},
        {5, "bad date \xE2\x80\x9C" "03/01/2026\xE2\x80\x9D (expected YYYY-MM-DD)"},
        {6, "unknown type \xE2\x80\x9Crumour\xE2\x80\x9D (expected quote, observation, need, pain, gain, trend); "
            "unknown evidence \xE2\x80\x9Cproven\xE2\x80\x9D (expected assumed, observed, validated); "
            "bad impact \xE2\x80\x9C" "7\xE2\x80\x9D (expected -2 to +2); unknown persona \xE2\x80\x9CZoe\xE2\x80\x9D; "
            "unknown step \xE2\x80\x9C" "Buy / Nope\xE2\x80\x9D (expected \"Journey / Step\")"},
        {7, "a quote inside an unquoted field 1"},
    };
    CHECK(result.bad_rows == expected);
    REQUIRE(result.insights.size() == 1);
    const Insight& in = result.insights[0];
    CHECK(in.title == "Fine");
    CHECK(in.type == InsightType::gain);
    CHECK(in.impact == -1);
    CHECK(in.personas == std::vector<Id>{f.ws.personas[0].id});
    CHECK(in.steps == std::vector<StepRef>{{f.journey, f.step}});
}

TEST_CASE("insights CSV import refuses a mapping without title or with a field twice") {
    Fixture f;
    const auto table = io::parse_csv("A,B\nx,y\n");
    CHECK(io::import_insights(table, {InsightColumn::text, InsightColumn::ignored}, f.ws).error ==
          "No column is mapped to Title.");
    CHECK(io::import_insights(table, {InsightColumn::title, InsightColumn::title}, f.ws).error ==
          "Two columns are mapped to Title.");
    CHECK(io::import_insights(io::parse_csv(""), {}, f.ws).error == "The file is empty.");
}

TEST_CASE("insights CSV read and checked in slices gives what one pass gives, with progress in lines") {
    Fixture f;
    const std::string text =
        "\xEF\xBB\xBFTitle;Text;Personas;Steps\r\n"
        "A;\"two\nlines\";Dana;Buy / Compare, plans\r\n"
        "B;\"a \"\"quote\"\"\";nobody;\r\n"
        "\r\n"
        "C;plain;;Buy / nowhere\r"
        "D;last line without its end";
    const io::CsvTable whole = io::parse_csv(text);
    io::CsvReader reader{std::string(text)};
    CHECK(reader.lines() == 7);   // 7 line ends: CRLF, the LF inside quotes, lone CR; and the last line
    CHECK(reader.line() == 0);
    std::vector<std::size_t> progress;
    while (!reader.step(1)) progress.push_back(reader.line());
    CHECK(progress == std::vector<std::size_t>{1, 3, 4, 5, 6});
    CHECK(reader.line() == reader.lines());
    const io::CsvTable sliced = reader.take();
    CHECK(sliced.error == whole.error);
    CHECK(sliced.delimiter == ';');
    CHECK(sliced.rows == whole.rows);
    CHECK(sliced.lines == whole.lines);
    CHECK(sliced.lines == std::vector<int>{1, 2, 4, 5, 6, 7});
    CHECK(sliced.row_errors == whole.row_errors);

    const auto mapping = io::guess_mapping(whole.rows[0]);
    const io::InsightImport once = io::import_insights(whole, mapping, f.ws);
    io::InsightPlanner planner(whole, mapping, f.ws);
    CHECK(planner.total() == 5);
    std::vector<std::size_t> checked;
    while (!planner.step(whole, 2)) checked.push_back(planner.checked());
    CHECK(checked == std::vector<std::size_t>{2, 4});
    CHECK(planner.checked() == 5);
    const io::InsightImport sliced_import = planner.take();
    CHECK(sliced_import.bad_rows == once.bad_rows);
    CHECK(sliced_import.blank_rows == once.blank_rows);
    CHECK(sliced_import.unmapped == once.unmapped);
    REQUIRE(sliced_import.insights.size() == once.insights.size());
    REQUIRE(once.insights.size() == 2);
    CHECK(sliced_import.insights[0].personas == std::vector<Id>{f.ws.personas[0].id});
    CHECK(sliced_import.insights[0].steps == std::vector<StepRef>{{f.journey, f.step}});
    CHECK(once.bad_rows == std::vector<io::RowProblem>{{4, "unknown persona \xE2\x80\x9Cnobody\xE2\x80\x9D"},
                                                       {6, "unknown step \xE2\x80\x9C" "Buy / nowhere\xE2\x80\x9D (expected \"Journey / Step\")"}});

    // A file that cannot be read stops at once, with its error and nothing in it.
    io::CsvReader broken{std::string("a,b\n\"never closed\n")};
    CHECK(broken.step(100));
    CHECK(broken.table().error == "Line 2: a quoted field is never closed (a \" is missing).");
    CHECK(broken.table().rows.empty());
    // A mapping that cannot be imported is done before the first row.
    io::InsightPlanner refused(whole, {InsightColumn::text}, f.ws);
    CHECK(refused.done());
    CHECK(refused.result().error == "No column is mapped to Title.");
}

TEST_CASE("a text field keeps one byte past the limit, so that it is reported as too long") {
    Fixture f;
    const std::string long_text(limits::kMaxTextBytes + 10, 'x');
    const auto table = io::parse_csv("Title,Text\nok," + long_text + "\nquoted,\"" + long_text + "\"\n");
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[1][1].size() == limits::kMaxTextBytes + 1);
    CHECK(table.rows[2][1].size() == limits::kMaxTextBytes + 1);
    const auto result = io::import_insights(table, io::guess_mapping(table.rows[0]), f.ws);
    CHECK(result.bad_rows.size() == 2);
}
