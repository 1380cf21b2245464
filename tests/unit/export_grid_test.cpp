// Journey grid and its CSV: one hand-built journey with one of every case, its exact CSV, and the
// sample workspace's grids matching the map's own layout.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "io/csv.hpp"
#include "io/export_grid.hpp"
#include "layout/journey_layout.hpp"
#include "model/sample.hpp"

using namespace wm;

namespace {

struct Fixture {
    Workspace ws = blank_workspace("t");
    Journey j;
    Id anna, call, fees, look, empty_stage, feel, touch, notes, pains, insight_lane, channel;

    Fixture() {
        Persona p;
        p.id = anna = new_id();
        p.name = "Anna";
        ws.personas.push_back(p);
        channel = new_id();
        ws.channels.push_back(Channel{channel, "Call centre", true});

        j.id = new_id();
        j.title = "Buying a phone plan";
        j.level = 1;
        Stage s1{new_id(), "Explore, compare", {Step{look = new_id(), "Look", "", false}, Step{call = new_id(), "Call \"sales\"", "", true}}};
        Stage s2{empty_stage = new_id(), "Buy", {}};
        j.stages = {s1, s2};
        j.lanes = {Lane{notes = new_id(), "Doing", LaneKind::text, "Customer", 0, false},
                   Lane{touch = new_id(), "Touchpoints", LaneKind::touchpoint, "Customer", 0, true},  // collapsed: still exported
                   Lane{feel = new_id(), "Feeling", LaneKind::emotion, "", 0, false},
                   Lane{pains = new_id(), "Pains", LaneKind::pain, "", 0, false},
                   Lane{insight_lane = new_id(), "Research", LaneKind::insight, "", 0, false}};
        auto card = [&](Id lane, Id step, std::string text) {
            Card c;
            c.id = new_id();
            c.lane = lane;
            c.step = step;
            c.text = std::move(text);
            j.cards.push_back(c);
            return &j.cards.back();
        };
        card(notes, look, "Reads reviews, late at night");
        card(notes, look, "Asks a friend");
        card(notes, call, "两行\nsecond line");
        card(touch, call, "Phones")->channel = channel;
        card(pains, call, "Hidden fees")->severity = 4;
        card(pains, look, "Unrated");
        j.emotions = {EmotionScore{feel, look, anna, -1}, EmotionScore{feel, look, Id{}, 2}, EmotionScore{feel, call, Id{}, 0}};
        ws.journeys.push_back(j);

        Insight in;
        in.id = new_id();
        in.title = "Price confusion";
        in.steps = {StepRef{j.id, call}};
        ws.insights.push_back(in);
    }
};

}  // namespace

TEST_CASE("journey grid: columns, every lane as a row, the cells' entries") {
    Fixture f;
    const io::JourneyGrid g = io::journey_grid(f.ws, f.ws.journeys.back());
    REQUIRE(g.columns.size() == 3);
    CHECK(g.columns[0].stage_name == "Explore, compare");
    CHECK(g.columns[1].step_name == "Call \"sales\"");
    CHECK(g.columns[1].moment_of_truth);
    CHECK(g.columns[2].step == -1);
    CHECK(g.columns[2].step_name.empty());
    REQUIRE(g.rows.size() == 5);
    CHECK(g.rows[1].name == "Touchpoints");
    CHECK(g.rows[0].layer == "Customer");
    CHECK(g.cells[0][0] == std::vector<std::string>{"Reads reviews, late at night", "Asks a friend"});
    CHECK(g.cells[1][1] == std::vector<std::string>{"Phones (Call centre)"});
    CHECK(g.cells[2][0] == std::vector<std::string>{"Everyone: +2", "Anna: -1"});
    CHECK(g.cells[2][1] == std::vector<std::string>{"Everyone: 0"});
    CHECK(g.cells[2][2].empty());
    CHECK(g.cells[3][1] == std::vector<std::string>{"Hidden fees (severity 4/5)"});
    CHECK(g.cells[3][0] == std::vector<std::string>{"Unrated"});
    CHECK(g.cells[4][1] == std::vector<std::string>{"Price confusion"});
    CHECK(g.cells[4][0].empty());
}

TEST_CASE("journey grid CSV: exact text, RFC 4180 quoting, BOM, CRLF") {
    Fixture f;
    const std::string csv = io::journey_grid_csv(f.ws, f.ws.journeys.back());
    const std::string expected = std::string(io::kUtf8Bom) +
                                 "Stage,\"Explore, compare\",\"Explore, compare\",Buy\r\n"
                                 "Step,Look,\"Call \"\"sales\"\"\",\r\n"
                                 "Doing,\"Reads reviews, late at night\nAsks a friend\",\"两行\nsecond line\",\r\n"
                                 "Touchpoints,,Phones (Call centre),\r\n"
                                 "Feeling,\"Everyone: +2\nAnna: -1\",Everyone: 0,\r\n"
                                 "Pains,Unrated,Hidden fees (severity 4/5),\r\n"
                                 "Research,,Price confusion,\r\n";
    CHECK(csv == expected);
}

TEST_CASE("journey grid CSV: formulas in names and cards are written as text, numbers stay numbers") {
    Fixture f;
    Journey& j = f.ws.journeys.back();
    j.stages[1].name = "@stage";
    j.lanes[0].name = "=lane";
    j.cards[0].text = "=HYPERLINK(\"http://x\",\"y\")";   // first entry of its cell: the cell is neutralised
    j.cards[1].text = "-2";
    j.cards[2].text = "-3.5";
    j.cards[3].text = "+1";
    const std::string csv = io::journey_grid_csv(f.ws, j);
    CHECK(csv.find("\r\nStep,Look,\"Call \"\"sales\"\"\",\r\n") != std::string::npos);
    CHECK(csv.find("Stage,\"Explore, compare\",\"Explore, compare\",'@stage\r\n") != std::string::npos);
    CHECK(csv.find("\r\n'=lane,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\n-2\",-3.5,\r\n") != std::string::npos);
    CHECK(csv.find("\r\nTouchpoints,,'+1 (Call centre),\r\n") != std::string::npos);
    CHECK(csv.find("\r\nFeeling,\"Everyone: +2\nAnna: -1\",Everyone: 0,\r\n") != std::string::npos);
}

TEST_CASE("journey grid of a journey without stages or lanes: just the two header records") {
    Workspace ws = blank_workspace("t");
    Journey j;
    j.id = new_id();
    ws.journeys.push_back(j);
    CHECK(io::journey_grid_csv(ws, j) == std::string(io::kUtf8Bom) + "Stage\r\nStep\r\n");
}

TEST_CASE("sample journeys: the grid lists exactly the items the map lays out") {
    const Workspace ws = sample_workspace();
    int compared = 0;
    for (const Journey& j : ws.journeys) {
        const io::JourneyGrid g = io::journey_grid(ws, j);
        const layout::JourneyLayout lay = layout::layout_journey(ws, j, [](std::string_view, float) { return 18.0f; });
        REQUIRE(g.columns.size() == lay.columns.size());
        CHECK(g.rows.size() == j.lanes.size());
        if (std::any_of(j.lanes.begin(), j.lanes.end(), [](const Lane& l) { return l.collapsed; })) continue;
        std::size_t entries = 0;
        for (std::size_t r = 0; r < g.rows.size(); ++r)
            for (const auto& cell : g.cells[r])
                if (g.rows[r].kind != LaneKind::emotion) entries += cell.size();
        CHECK_MESSAGE(entries == lay.items.size(), j.title);
        compared += !lay.items.empty();
    }
    CHECK(compared > 3);
}
