// HTML report: escaping, a self-contained document (nothing fetched), balanced markup, one semantic
// table per journey with stage / step / lane headers, and the repositories' sections.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "io/report_html.hpp"
#include "model/date.hpp"
#include "model/sample.hpp"
#include "scoring/maturity.hpp"

using namespace wm;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// Every element the report emits is closed in order (void elements excepted); the style's text is
// skipped. Returns the first problem, or "" when the markup is balanced.
std::string balance_problem(const std::string& html) {
    static const std::set<std::string> kVoid{"meta", "col", "br"};
    std::vector<std::string> open;
    for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
        if (html.compare(at, 2, "<!") == 0) continue;
        const std::size_t end = html.find('>', at);
        if (end == std::string::npos) return "unterminated tag";
        const bool closing = html[at + 1] == '/';
        const std::size_t name_at = at + (closing ? 2 : 1);
        const std::string name = html.substr(name_at, html.find_first_of(" >", name_at) - name_at);
        if (closing) {
            if (open.empty() || open.back() != name) return "</" + name + "> closes " + (open.empty() ? "nothing" : open.back());
            open.pop_back();
        } else if (!kVoid.count(name)) {
            open.push_back(name);
            if (name == "style") at = html.find("</style>", at) - 1;
        }
    }
    return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

}  // namespace

TEST_CASE("html_escape: markup characters become entities, UTF-8 and newlines pass through") {
    CHECK(io::html_escape("<a href=\"x\">Q&A's</a>") == "&lt;a href=&quot;x&quot;&gt;Q&amp;A&#39;s&lt;/a&gt;");
    CHECK(io::html_escape("两行\nCafé") == "两行\nCafé");
    CHECK(io::html_escape("") == "");
}

TEST_CASE("the report: self-contained, balanced, one semantic table per journey, escaped texts") {
    Workspace ws = sample_workspace();
    REQUIRE(ws.journeys.size() > 2);
    ws.name = "Lumen <Mobile> & \"Co\"";
    Journey& j = ws.journeys[1];
    j.title = "Q&A <b>journey</b>";
    REQUIRE(!j.stages.empty());
    REQUIRE(!j.stages[0].steps.empty());
    REQUIRE(!j.lanes.empty());
    Card hostile;
    hostile.id = new_id();
    hostile.lane = j.lanes[0].id;
    hostile.step = j.stages[0].steps[0].id;
    hostile.text = "</td><script>alert(1)</script> 顧客\nline two";
    j.cards.push_back(hostile);

    const std::string html = io::workspace_report_html(ws, date_from_ymd(2026, 11, 23));
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(html.find("<title>Lumen &lt;Mobile&gt; &amp; &quot;Co&quot; \xE2\x80\x94 Waymark report</title>") != std::string::npos);
    CHECK(balance_problem(html) == "");

    // Nothing to fetch: no scripts, no external references of any kind.
    CHECK(count(html, "<script") == 0);
    CHECK(count(html, "http") == 0);
    CHECK(count(html, "src=") == 0);
    CHECK(count(html, "url(") == 0);
    CHECK(count(html, "@import") == 0);
    CHECK(count(html, "<link") == 0);

    // Texts escaped, multi-line text kept as text.
    CHECK(html.find("&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt; 顧客\nline two") != std::string::npos);
    CHECK(html.find("Q&amp;A &lt;b&gt;journey&lt;/b&gt;") != std::string::npos);

    // One map table per journey, each with a caption, a head and headers in every direction.
    CHECK(count(html, "<table class=\"map\">") == ws.journeys.size());
    CHECK(count(html, "<table") == ws.journeys.size() + 4);  // + insights, backlog, KPIs, maturity scans
    CHECK(count(html, "<caption>") == count(html, "<table"));
    CHECK(count(html, "<thead>") == count(html, "<table"));
    std::size_t stages = 0, columns = 0, lanes = 0;
    for (const Journey& x : ws.journeys) {
        stages += x.stages.size();
        for (const Stage& s : x.stages) columns += std::max<std::size_t>(1, s.steps.size());
        lanes += x.lanes.size();
    }
    CHECK(count(html, "<th scope=\"colgroup\"") == stages);
    CHECK(count(html, "<th scope=\"row\">") == lanes + ws.insights.size() + ws.opportunities.size() + ws.metrics.size() + ws.scans.size());
    // Step headers plus each map's "Lane" corner and the insights' (8), backlog's (9), KPIs' (7) and scans' (6) columns.
    CHECK(count(html, "<th scope=\"col\"") == columns + ws.journeys.size() + 8 + 9 + 7 + 6);
    CHECK(html.find("<th scope=\"colgroup\" colspan=\"" + std::to_string(j.stages[0].steps.size()) + "\">" + j.stages[0].name) !=
          std::string::npos);

    // Navigation and repositories.
    CHECK(html.find("<a href=\"#j-" + j.id.str() + "\">") != std::string::npos);
    CHECK(html.find("id=\"j-" + j.id.str() + "\"") != std::string::npos);
    for (const Persona& p : ws.personas) CHECK(html.find("<h3>" + io::html_escape(p.name) + "</h3>") != std::string::npos);
    CHECK(count(html, "<article class=\"persona\">") == ws.personas.size());
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("section.journey { break-before: page;") != std::string::npos);
}

TEST_CASE("the report ranks the backlog and shows insight evidence") {
    Workspace ws = blank_workspace("t");
    const auto& crit = ws.settings.scoring.criteria;
    Insight in;
    in.id = new_id();
    in.title = "People hate surprises";
    in.evidence = Evidence::validated;
    in.source = InsightSource::interview;
    in.source_detail = "12 interviews";
    in.last_validated = date_from_ymd(2026, 1, 2);
    ws.insights.push_back(in);
    Opportunity low, high;
    low.id = new_id();
    low.title = "Low priority";
    high.id = new_id();
    high.title = "High priority";
    high.insights = {in.id};
    for (const Criterion& c : crit) high.scores.push_back({c.id, c.group == CriterionGroup::effort ? 1.0 : 5.0});
    ws.opportunities = {low, high};

    const std::string html = io::workspace_report_html(ws, date_from_ymd(2026, 11, 23));
    CHECK(balance_problem(html) == "");
    const std::size_t first = html.find("<th scope=\"row\">High priority</th>");
    const std::size_t second = html.find("<th scope=\"row\">Low priority</th>");
    REQUIRE(first != std::string::npos);
    REQUIRE(second != std::string::npos);
    CHECK(first < second);
    // Last validated more than 180 days before today: stale.
    CHECK(html.find("<td>validated (stale)</td><td>interview: 12 interviews</td><td>2026-01-02</td>") != std::string::npos);
    CHECK(html.find("No personas yet.") != std::string::npos);
    // The blank workspace's lifecycle lists its stages in the framework.
    CHECK(html.find("<li>Awareness</li>") != std::string::npos);
}

TEST_CASE("the report lists the KPIs where they are measured, and the maturity scans by date") {
    Workspace ws = blank_workspace("t");
    Journey& lifecycle = ws.journeys.front();
    const Stage& purchase = lifecycle.stages[2];
    Metric nps;
    nps.id = new_id();
    nps.name = "Conversion";
    nps.unit = "%";
    nps.target = 45;
    nps.journey = lifecycle.id;
    nps.stage = purchase.id;
    nps.values = {MetricValue{date_from_ymd(2026, 1, 1), 38, ""}, MetricValue{date_from_ymd(2026, 2, 1), 42, ""}};
    Step& connect = lifecycle.stages[2].steps.emplace_back(Step{new_id(), "Gets connected", {}, false});
    Metric activation;
    activation.id = new_id();
    activation.name = "Activation";
    activation.journey = lifecycle.id;
    activation.stage = purchase.id;
    activation.step = connect.id;
    Metric orders;
    orders.id = new_id();
    orders.name = "Orders";
    orders.unit = "count";
    orders.journey = lifecycle.id;
    ws.metrics = {nps, activation, orders};
    MaturityScan scan;
    scan.id = new_id();
    scan.date = date_from_ymd(2026, 3, 4);
    for (const maturity::Question& q : maturity::questionnaire())
        if (q.area == maturity::Area::insight) scan.answers.push_back(ScanAnswer{q.key, 3});
    ws.scans = {scan};

    const std::string html = io::workspace_report_html(ws, date_from_ymd(2026, 11, 23));
    CHECK(balance_problem(html) == "");
    CHECK(html.find("<a href=\"#kpis\">KPIs</a>") != std::string::npos);
    CHECK(html.find("<caption>3 KPIs by where they are measured</caption>") != std::string::npos);
    CHECK(html.find("<th scope=\"row\">Activation</th><td>Customer lifecycle \xE2\x80\xBA Purchase \xE2\x80\xBA Gets connected</td>") !=
          std::string::npos);
    CHECK(html.find("<th scope=\"row\">Conversion</th><td>Customer lifecycle \xE2\x80\xBA Purchase</td><td class=\"num\">42 %</td>"
                    "<td>2026-02-01</td><td>at least 45 %</td><td>off target</td>") != std::string::npos);
    CHECK(html.find("<th scope=\"row\">Orders</th><td>Customer lifecycle</td><td class=\"num\">no values</td>") != std::string::npos);
    CHECK(html.find("<h2 id=\"maturity-h\">Maturity scans</h2>") != std::string::npos);
    CHECK(html.find("<th scope=\"row\">2026-03-04</th><td>3.0 \xE2\x80\x94 ") != std::string::npos);
    CHECK(html.find("not answered") != std::string::npos);   // the other areas of that scan
}
