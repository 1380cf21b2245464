// Journey-map geometry (src/layout): positions of columns, rows and items worked out by hand on a
// small map with one of every case, the queries on it (culling, hit-testing, drops, slots), the
// emotion curve, the camera, find, and a large generated map laid out consistently.
//
// [SECTION] index: the small map (fixtures) · geometry by hand · queries (culling, hit-testing, drops)
// · emotion curves · camera and find · a large generated map
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "layout/journey_layout.hpp"
#include "model/generate.hpp"

using namespace wm;

// [SECTION] the small map (fixtures) ------------------------------------------------------------
using namespace wm::layout;

namespace {

// Numbers chosen so that every sum in the fixture is distinct: one line of text is 18, an item is
// 12 + 18·lines (+12 with badges), a cell is 5 + items (4 apart) + 12 + 5, a lane at least 50.
MapMetrics test_metrics() {
    MapMetrics m;
    m.step_width = 120;
    m.empty_stage_width = 60;
    m.layer_header = 20;
    m.lane_min = 50;
    m.lane_collapsed = 10;
    m.emotion_height = 80;
    m.cell_pad = 5;
    m.item_gap = 4;
    m.item_pad = 6;
    m.badge_row = 12;
    m.add_zone = 12;
    return m;
}

// 18 units per line of 20 bytes (at least one line); remembers the wrap widths it was asked for.
struct LineModel {
    std::vector<float>* wraps = nullptr;
    float operator()(std::string_view text, float wrap) const {
        if (wraps) wraps->push_back(wrap);
        return 18.0f * static_cast<float>(std::max<std::size_t>(1, (text.size() + 19) / 20));
    }
};

// Stages: Discover{A "Compare plans", B "Café corner"}, "After café" (no steps), Buy{C "Pay"}.
// Columns: A [0,120) B [120,240) empty [240,300) C [300,420).
// Rows (y, h):  0 Actions (0,104)            1 layer Experience (104,20)   2 Touchpoints (124,64)
//               3 Feelings, emotion (188,80)  4 layer Analysis (268,20)     5 Pains, collapsed (288,10)
//               6 Ideas from the café (298,50) 7 layer Backstage, collapsed (348,20)
//               8 Insights (368,144)           9 Opportunities (512,64)    10 KPIs (576,64)
//              11 Linked journeys (640,110)    height 750
struct Fixture {
    IdGenerator gen{42};
    Workspace ws;
    Id j, other, j1, j2, j3, j4, j5, s0, s1, s2, a, b, c, web, anna, i0, i1, i2, o0, o1, m0, m1, m2;
    std::vector<Id> lane;   // by index
    std::vector<Id> card;   // by index into Journey::cards

    Fixture() {
        ws.settings = default_settings();
        web = gen.next();
        anna = gen.next();
        ws.channels.push_back(Channel{web, "Website", true});
        Journey jr;
        jr.id = j = gen.next();
        jr.title = "Buying a plan";
        jr.level = 1;
        jr.stages = {Stage{s0 = gen.next(), "Discover", {Step{a = gen.next(), "Compare plans", "", false},
                                                         Step{b = gen.next(), "Café corner", "", false}}},
                     Stage{s1 = gen.next(), "After café", {}},
                     Stage{s2 = gen.next(), "Buy", {Step{c = gen.next(), "Pay", "", false}}}};
        struct L { const char* name; LaneKind kind; const char* layer; bool collapsed; };
        const L lanes[] = {{"Actions", LaneKind::text, "", false},
                           {"Touchpoints", LaneKind::touchpoint, "Experience", false},
                           {"Feelings", LaneKind::emotion, "Experience", false},
                           {"Pains", LaneKind::pain, "Analysis", true},
                           {"Ideas from the café", LaneKind::text, "Analysis", false},
                           {"Systems", LaneKind::text, "Backstage", true},
                           {"Staff", LaneKind::text, "Backstage", true},
                           {"Insights", LaneKind::insight, "", false},
                           {"Opportunities", LaneKind::opportunity, "", false},
                           {"KPIs", LaneKind::metric, "", false},
                           {"Linked journeys", LaneKind::journey_link, "", false}};
        for (const L& l : lanes) {
            lane.push_back(gen.next());
            jr.lanes.push_back(Lane{lane.back(), l.name, l.kind, l.layer, 0x123456, l.collapsed});
        }
        auto add = [&](int l, Id step, std::string text) -> Card& {
            card.push_back(gen.next());
            Card k;
            k.id = card.back();
            k.lane = l >= 0 ? lane[static_cast<std::size_t>(l)] : gen.next();
            k.step = step;
            k.text = std::move(text);
            jr.cards.push_back(k);
            return jr.cards.back();
        };
        add(0, a, "Call the shop");                      // k0: 30 high
        add(1, a, "Visits the web shop").channel = web;  // k1: channel on a touchpoint lane: 42
        add(0, a, std::string(25, 'x'));                 // k2: two lines, 48
        add(0, b, "Café crème");                         // k3
        add(2, a, "On an emotion lane");                 // k4: emotion lanes hold no items
        add(3, a, "In a collapsed lane").severity = 3;   // k5
        add(5, c, "In a collapsed layer");               // k6
        add(0, gen.next(), "Unknown step");              // k7
        add(-1, a, "Unknown lane");                      // k8
        add(7, a, "Note");                               // k9: a card in an insight lane comes first
        add(0, c, "For Anna").personas = {anna};         // k10: personas: badges on any lane

        other = gen.next();
        j1 = gen.next(), j2 = gen.next(), j3 = gen.next(), j4 = gen.next(), j5 = gen.next();
        ws.journeys.push_back(jr);
        const std::pair<Id, const char*> children[] = {{other, "Other journey"}, {j1, "Sign up"}, {j2, "Port number"},
                                                        {j3, "Pay online"}, {j4, "Elsewhere"}, {j5, "Under an empty stage"}};
        for (const auto& [id, title] : children) {
            Journey x;
            x.id = id;
            x.title = title;
            x.level = 2;
            ws.journeys.push_back(x);
        }
        Insight in0, in1, in2;
        in0.id = i0 = gen.next(), in0.title = "Price feels high";
        in0.steps = {{j, c}, {j, a}, {j, c}};        // C twice: shown once there
        in1.id = i1 = gen.next(), in1.title = "Not this map";
        in1.steps = {{other, a}};                     // the step id is ours but the journey is not
        in2.id = i2 = gen.next(), in2.title = "CAFÉ noise";
        in2.steps = {{j, a}};
        ws.insights = {in0, in1, in2};
        Opportunity op0, op1;
        op0.id = o0 = gen.next(), op0.title = "Simpler plans", op0.steps = {{j, b}};
        op1.id = o1 = gen.next(), op1.title = "Elsewhere", op1.steps = {{other, b}};
        ws.opportunities = {op0, op1};
        Metric k0, k1, k2;
        k0.id = m0 = gen.next(), k0.name = "Conversion", k0.journey = j, k0.step = c;
        k1.id = m1 = gen.next(), k1.name = "Stage metric", k1.journey = j, k1.stage = s0;
        k2.id = m2 = gen.next(), k2.name = "Other metric", k2.journey = other, k2.step = c;
        ws.metrics = {k0, k1, k2};
        ws.links = {JourneyLink{j, j2, s0, {}},         // stage-anchored: the stage's first step, after step links
                    JourneyLink{j, j1, s0, a},
                    JourneyLink{j, j3, s2, {}},
                    JourneyLink{other, j4, s0, a},      // another parent
                    JourneyLink{j, j5, s1, {}},         // an empty stage has no step to show it in
                    JourneyLink{j, gen.next(), s0, b}}; // the child is gone
    }
    const Journey& journey() const { return ws.journeys.front(); }
    JourneyLayout layout(std::vector<float>* wraps = nullptr) const {
        return layout_journey(ws, journey(), LineModel{wraps}, test_metrics());
    }
};

void check_rect(const Rect& r, float x, float y, float w, float h) {
    CHECK(r.x == x);
    CHECK(r.y == y);
    CHECK(r.w == w);
    CHECK(r.h == h);
}

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

std::string utf8(char32_t c) {
    std::string s;
    if (c < 0x80) s += static_cast<char>(c);
    else if (c < 0x800) s += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    else if (c < 0x10000)
        s += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    else
        s += {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
              static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    return s;
}

}  // namespace

// [SECTION] geometry by hand --------------------------------------------------------------------------
TEST_CASE("layout: columns, stage spans and rows by hand") {
    const Fixture f;
    std::vector<float> wraps;
    const JourneyLayout l = f.layout(&wraps);

    REQUIRE(l.column_count() == 4);
    const int col_stage[] = {0, 0, 1, 2}, col_step[] = {0, 1, -1, 0};
    const float col_x[] = {0, 120, 240, 300}, col_w[] = {120, 120, 60, 120};
    for (int i = 0; i < 4; ++i) {
        CAPTURE(i);
        CHECK(l.columns[i].stage == col_stage[i]);
        CHECK(l.columns[i].step == col_step[i]);
        CHECK(l.columns[i].x == col_x[i]);
        CHECK(l.columns[i].w == col_w[i]);
    }
    CHECK(l.width == 420);
    REQUIRE(l.stages.size() == 3);
    const float spans[][4] = {{0, 2, 0, 240}, {2, 1, 240, 60}, {3, 1, 300, 120}};  // first column, count, x, w
    for (int i = 0; i < 3; ++i) {
        CAPTURE(i);
        CHECK(l.stages[i].stage == i);
        CHECK(l.stages[i].first_column == static_cast<int>(spans[i][0]));
        CHECK(l.stages[i].column_count == static_cast<int>(spans[i][1]));
        CHECK(l.stages[i].x == spans[i][2]);
        CHECK(l.stages[i].w == spans[i][3]);
    }

    REQUIRE(l.row_count() == 12);
    struct R { RowKind kind; int lane, first, count; bool collapsed; float y, h; };
    const R want[] = {{RowKind::lane, 0, -1, 0, false, 0, 104},    {RowKind::layer, -1, 1, 2, false, 104, 20},
                      {RowKind::lane, 1, -1, 0, false, 124, 64},   {RowKind::lane, 2, -1, 0, false, 188, 80},
                      {RowKind::layer, -1, 3, 2, false, 268, 20},  {RowKind::lane, 3, -1, 0, true, 288, 10},
                      {RowKind::lane, 4, -1, 0, false, 298, 50},   {RowKind::layer, -1, 5, 2, true, 348, 20},
                      {RowKind::lane, 7, -1, 0, false, 368, 144},  {RowKind::lane, 8, -1, 0, false, 512, 64},
                      {RowKind::lane, 9, -1, 0, false, 576, 64},   {RowKind::lane, 10, -1, 0, false, 640, 110}};
    for (int i = 0; i < 12; ++i) {
        CAPTURE(i);
        const Row& r = l.rows[i];
        CHECK(r.kind == want[i].kind);
        CHECK(r.lane == want[i].lane);
        CHECK(r.first_lane == want[i].first);
        CHECK(r.lane_count == want[i].count);
        CHECK(r.collapsed == want[i].collapsed);
        CHECK(r.y == want[i].y);
        CHECK(r.h == want[i].h);
    }
    CHECK(l.height == 750);
    CHECK(l.header_height() == test_metrics().stage_header + test_metrics().step_header);

    // Text wraps inside the item: 120 - 2·5 - 2·6.
    REQUIRE_FALSE(wraps.empty());
    for (float w : wraps) CHECK(w == 98);
}

TEST_CASE("layout: items per cell, in order, cards first then derived items") {
    const Fixture f;
    const JourneyLayout l = f.layout();
    REQUIRE(l.cell_begin.size() == 12u * 4u + 1u);
    REQUIRE(l.items.size() == 14);
    CHECK(l.cell_begin.back() == 14);

    struct I { ItemKind kind; Id id; int index, row, column; bool badges; float x, y, h; };
    const I want[] = {
        {ItemKind::card, f.card[0], 0, 0, 0, false, 5, 5, 30},
        {ItemKind::card, f.card[2], 2, 0, 0, false, 5, 39, 48},
        {ItemKind::card, f.card[3], 3, 0, 1, false, 125, 5, 30},
        {ItemKind::card, f.card[10], 10, 0, 3, true, 305, 5, 42},
        {ItemKind::card, f.card[1], 1, 2, 0, true, 5, 129, 42},
        {ItemKind::card, f.card[9], 9, 8, 0, false, 5, 373, 30},
        {ItemKind::insight, f.i0, 0, 8, 0, true, 5, 407, 42},
        {ItemKind::insight, f.i2, 2, 8, 0, true, 5, 453, 42},
        {ItemKind::insight, f.i0, 0, 8, 3, true, 305, 373, 42},
        {ItemKind::opportunity, f.o0, 0, 9, 1, true, 125, 517, 42},
        {ItemKind::metric, f.m0, 0, 10, 3, true, 305, 581, 42},
        {ItemKind::journey, f.j1, 2, 11, 0, true, 5, 645, 42},   // at the step
        {ItemKind::journey, f.j2, 3, 11, 0, true, 5, 691, 42},   // at the stage: its first step, after
        {ItemKind::journey, f.j3, 4, 11, 3, true, 305, 645, 42},
    };
    for (int i = 0; i < 14; ++i) {
        CAPTURE(i);
        const Item& it = l.items[i];
        CHECK(it.kind == want[i].kind);
        CHECK(it.id == want[i].id);
        CHECK(it.index == want[i].index);
        CHECK(it.row == want[i].row);
        CHECK(it.column == want[i].column);
        CHECK(it.badges == want[i].badges);
        check_rect(it.rect, want[i].x, want[i].y, 110, want[i].h);
        const Span cell = l.cell_items(it.row, it.column);
        CHECK(cell.begin <= i);
        CHECK(i < cell.end);
    }
    CHECK(l.cell_items(0, 0).size() == 2);
    CHECK(l.cell_items(8, 0).size() == 3);
    CHECK(l.cell_items(0, 2).empty());   // an empty stage's column
    CHECK(l.cell_items(3, 0).empty());   // emotion
    CHECK(l.cell_items(5, 0).empty());   // collapsed lane
    CHECK(l.cell_items(1, 0).empty());   // layer row
    CHECK(l.cell_items(12, 0).empty());  // out of range
    CHECK(l.cell_items(0, -1).empty());
    for (std::size_t k = 1; k < l.cell_begin.size(); ++k) CHECK(l.cell_begin[k - 1] <= l.cell_begin[k]);

    CHECK(l.item_of(ItemKind::insight, f.i0) == 6);
    CHECK(l.item_of(ItemKind::card, f.i0) == -1);
    CHECK(l.item_of(ItemKind::journey, f.j2) == 12);
    CHECK(l.item_of(ItemKind::journey, f.j5) == -1);
    CHECK(l.item_of(ItemKind::card, f.card[6]) == -1);

    CHECK(item_text(f.ws, f.journey(), l.items[0]) == "Call the shop");
    CHECK(item_text(f.ws, f.journey(), l.items[6]) == "Price feels high");
    CHECK(item_text(f.ws, f.journey(), l.items[9]) == "Simpler plans");
    CHECK(item_text(f.ws, f.journey(), l.items[10]) == "Conversion");
    CHECK(item_text(f.ws, f.journey(), l.items[11]) == "Sign up");
    Item stale = l.items[2];
    stale.index = 99;  // the list changed since: found by id
    CHECK(item_text(f.ws, f.journey(), stale) == "Café crème");
    stale.id = Id{1, 2};
    CHECK(item_text(f.ws, f.journey(), stale).empty());
}

TEST_CASE("layout: badges") {
    Card plain;
    CHECK_FALSE(card_has_badges(plain, LaneKind::text));
    Card rated = plain;
    rated.severity = 2;
    CHECK(card_has_badges(rated, LaneKind::pain));
    CHECK(card_has_badges(rated, LaneKind::gain));
    CHECK_FALSE(card_has_badges(rated, LaneKind::text));
    Card channel = plain;
    channel.channel = Id{3, 4};
    CHECK(card_has_badges(channel, LaneKind::touchpoint));
    CHECK_FALSE(card_has_badges(channel, LaneKind::pain));
    Card linked = plain;
    linked.insights = {Id{5, 6}};
    CHECK(card_has_badges(linked, LaneKind::text));
    linked.insights.clear();
    linked.opportunities = {Id{5, 6}};
    CHECK(card_has_badges(linked, LaneKind::emotion));
    linked.opportunities.clear();
    linked.personas = {Id{5, 6}};
    CHECK(card_has_badges(linked, LaneKind::metric));
}

TEST_CASE("layout: empty journeys") {
    const Workspace ws;
    Journey none;
    const JourneyLayout e = layout_journey(ws, none, LineModel{}, test_metrics());
    CHECK(e.columns.empty());
    CHECK(e.rows.empty());
    CHECK(e.stages.empty());
    CHECK(e.items.empty());
    CHECK(e.cell_begin == std::vector<std::uint32_t>{0});
    CHECK(e.width == 0);
    CHECK(e.height == 0);
    CHECK(e.columns_in(-100, 100).empty());
    CHECK(e.rows_in(-100, 100).empty());
    CHECK(e.column_at(0) == -1);
    CHECK(e.row_at(0) == -1);
    CHECK(e.stage_at(0) == -1);
    CHECK(e.hit(0, 0).row == -1);
    CHECK(e.hit(0, 0).column == -1);
    CHECK(e.cell_items(0, 0).empty());
    CHECK(e.step_slot_at(10).stage == -1);
    CHECK(e.stage_slot_at(10) == 0);
    CHECK(e.lane_slot_at(10) == 0);
    CHECK(e.next_lane_row(0, 1) == 0);
    CHECK(e.row_of_lane(0) == -1);
    CHECK(e.column_of_step(0, 0) == -1);
    CHECK(e.drop_position(0, 0, 5) == 0);
    CHECK(fit_camera(e, 800, 600) == Camera{0, 0, 1});
    CHECK(clamp_camera(Camera{50, 50, 1}, e, 800, 600) == Camera{0, 0, 1});
    CHECK(find_in_map(ws, none, e, "a").empty());

    // Stages but no lanes (a new lifecycle): the header still has its columns, the body no rows.
    Workspace blank = blank_workspace("Blank");
    const JourneyLayout stages_only = layout_journey(blank, blank.journeys[0], LineModel{}, test_metrics());
    CHECK(stages_only.column_count() == 5);
    CHECK(stages_only.width == 300);
    CHECK(stages_only.rows.empty());
    CHECK(stages_only.height == 0);
    CHECK(stages_only.cell_begin == std::vector<std::uint32_t>{0});
    CHECK(stages_only.step_slot_at(70).stage == 1);
    CHECK(stages_only.step_slot_at(70).index == 0);
    CHECK(stages_only.stage_slot_at(100) == 2);

    // Lanes but no stages: rows at their least height, no cells.
    Journey lanes_only;
    lanes_only.lanes = {Lane{Id{1, 1}, "A", LaneKind::text, "", 0, false}, Lane{Id{1, 2}, "B", LaneKind::text, "", 0, false}};
    lanes_only.cards = {Card{Id{2, 1}, Id{1, 1}, Id{3, 3}, "Orphan", {}, 0, {}, {}, {}}};
    const JourneyLayout rows_only = layout_journey(ws, lanes_only, LineModel{}, test_metrics());
    CHECK(rows_only.columns.empty());
    CHECK(rows_only.row_count() == 2);
    CHECK(rows_only.height == 100);
    CHECK(rows_only.items.empty());
    CHECK(rows_only.cell_begin == std::vector<std::uint32_t>{0});
    CHECK(rows_only.lane_slot_at(80) == 2);
}

TEST_CASE("layout: a map ending in a collapsed layer") {
    Workspace ws;
    Journey j;
    j.stages = {Stage{Id{9, 1}, "S", {Step{Id{9, 2}, "T", "", false}}}};
    j.lanes = {Lane{Id{1, 1}, "Open", LaneKind::text, "", 0, false}, Lane{Id{1, 2}, "X", LaneKind::text, "Shut", 0, true},
               Lane{Id{1, 3}, "Y", LaneKind::emotion, "Shut", 0, true}};
    const JourneyLayout l = layout_journey(ws, j, LineModel{}, test_metrics());
    REQUIRE(l.row_count() == 2);
    CHECK(l.rows[1].kind == RowKind::layer);
    CHECK(l.rows[1].collapsed);
    CHECK(l.height == 70);
    CHECK(l.lane_slot_at(55) == 1);
    CHECK(l.lane_slot_at(65) == 3);
    CHECK(l.lane_slot_at(70) == 3);
    CHECK(l.row_of_lane(1) == -1);
    CHECK(l.row_of_lane(2) == -1);
    CHECK(l.next_lane_row(0, 1) == 0);
    CHECK(l.next_lane_row(1, -1) == 0);

    // One layer lane expanded: the heading is open and the collapsed lane is a thin row.
    j.lanes[2].collapsed = false;
    const JourneyLayout open = layout_journey(ws, j, LineModel{}, test_metrics());
    REQUIRE(open.row_count() == 4);
    CHECK_FALSE(open.rows[1].collapsed);
    CHECK(open.rows[2].h == 10);
    CHECK(open.rows[3].h == 80);
    CHECK(open.row_of_lane(1) == 2);
    CHECK(open.row_of_lane(2) == 3);
}

// [SECTION] queries (culling, hit-testing, drops) -----------------------------------------------------
TEST_CASE("layout: culling is half-open") {
    const JourneyLayout l = Fixture().layout();
    auto cols = [&](float a, float b) { const Span s = l.columns_in(a, b); return std::pair{s.begin, s.end}; };
    CHECK(cols(0, 120) == std::pair{0, 1});
    CHECK(cols(0, 120.01f) == std::pair{0, 2});
    CHECK(cols(119.99f, 120) == std::pair{0, 1});
    CHECK(cols(120, 240) == std::pair{1, 2});
    CHECK(cols(239, 301) == std::pair{1, 4});
    CHECK(cols(-1e6f, 1e6f) == std::pair{0, 4});
    CHECK(l.columns_in(-100, 0).empty());
    CHECK(l.columns_in(420, 500).empty());
    CHECK(l.columns_in(50, 50).empty());
    CHECK(l.columns_in(60, 10).empty());

    auto rows = [&](float a, float b) { const Span s = l.rows_in(a, b); return std::pair{s.begin, s.end}; };
    CHECK(rows(0, 104) == std::pair{0, 1});
    CHECK(rows(104, 124) == std::pair{1, 2});
    CHECK(rows(100, 300) == std::pair{0, 7});
    CHECK(rows(749, 800) == std::pair{11, 12});
    CHECK(l.rows_in(750, 800).empty());
    CHECK(l.rows_in(-5, 0).empty());
}

TEST_CASE("layout: points to columns, rows, stages, cells and items") {
    const Fixture f;
    const JourneyLayout l = f.layout();
    const std::pair<float, int> column_at[] = {{0, 0}, {119.99f, 0}, {120, 1}, {299, 2}, {419.9f, 3}, {420, -1}, {-0.01f, -1}};
    for (const auto& want : column_at) CHECK(l.column_at(want.first) == want.second);
    CHECK(l.column_at(std::nanf("")) == -1);
    const std::pair<float, int> row_at[] = {{0, 0}, {104, 1}, {367.9f, 7}, {749.9f, 11}, {750, -1}, {-1, -1}};
    for (const auto& want : row_at) CHECK(l.row_at(want.first) == want.second);
    const std::pair<float, int> stage_at[] = {{239.9f, 0}, {240, 1}, {300, 2}, {420, -1}, {-1, -1}};
    for (const auto& want : stage_at) CHECK(l.stage_at(want.first) == want.second);
    check_rect(l.cell_rect(6, 3), 300, 298, 120, 50);
    check_rect(l.cell_rect(12, 0), 0, 0, 0, 0);

    auto hit = [&](float x, float y) { const Hit h = l.hit(x, y); return std::vector<int>{h.row, h.column, h.item}; };
    CHECK(hit(10, 10) == std::vector<int>{0, 0, 0});
    CHECK(hit(10, 35) == std::vector<int>{0, 0, -1});   // k0's bottom edge belongs to the gap
    CHECK(hit(10, 39) == std::vector<int>{0, 0, 1});
    CHECK(hit(10, 100) == std::vector<int>{0, 0, -1});  // the add zone
    CHECK(hit(2, 10) == std::vector<int>{0, 0, -1});    // the cell's padding
    CHECK(hit(115, 10) == std::vector<int>{0, 0, -1});  // the item's right edge
    CHECK(hit(10, 110) == std::vector<int>{1, 0, -1});  // a layer heading
    CHECK(hit(250, 10) == std::vector<int>{0, 2, -1});  // an empty stage's column
    CHECK(hit(310, 650) == std::vector<int>{11, 3, 13});
    CHECK(hit(419.5f, 749.5f) == std::vector<int>{11, 3, -1});
    const std::pair<float, float> outside[] = {{-1, 10}, {10, -1}, {420, 10}, {10, 750}};
    for (const auto& [x, y] : outside) CHECK(hit(x, y) == std::vector<int>{-1, -1, -1});

    // Lanes 5 and 6 are in a collapsed layer.
    const int lane_row[][2] = {{0, 0}, {1, 2}, {2, 3}, {3, 5}, {4, 6}, {5, -1}, {6, -1}, {7, 8}, {10, 11}, {11, -1}, {-1, -1}};
    for (const auto& want : lane_row) CHECK(l.row_of_lane(want[0]) == want[1]);
    // Step -1 is an empty stage's own column.
    const int step_column[][3] = {{0, 0, 0}, {0, 1, 1}, {0, 2, -1}, {0, -1, -1}, {1, -1, 2}, {1, 0, -1}, {2, 0, 3}, {3, 0, -1}};
    for (const auto& want : step_column) CHECK(l.column_of_step(want[0], want[1]) == want[2]);
}

TEST_CASE("layout: drops and drag slots") {
    const JourneyLayout l = Fixture().layout();
    // Cell (0,0): cards centred at 20 and 63.
    CHECK(l.drop_position(0, 0, 0) == 0);
    CHECK(l.drop_position(0, 0, 19.9f) == 0);
    CHECK(l.drop_position(0, 0, 20) == 1);
    CHECK(l.drop_position(0, 0, 62) == 1);
    CHECK(l.drop_position(0, 0, 64) == 2);
    CHECK(l.drop_position(0, 0, 1000) == 2);
    // Cell (8,0): one card (centre 388) then two insights, which never count.
    CHECK(l.drop_position(8, 0, 370) == 0);
    CHECK(l.drop_position(8, 0, 400) == 1);
    CHECK(l.drop_position(8, 0, 1000) == 1);
    CHECK(l.drop_position(11, 0, 0) == 0);
    CHECK(l.drop_position(6, 3, 300) == 0);
    CHECK(l.drop_position(99, 0, 0) == 0);

    // x, then the stage and index a step dragged there takes. Column midpoints: 60, 180, (empty), 360.
    const float steps[][3] = {{10, 0, 0},  {59, 0, 0},  {60, 0, 1},  {130, 0, 1}, {180, 0, 2}, {239, 0, 2}, {240, 1, 0},
                              {299, 1, 0}, {300, 2, 0}, {359, 2, 0}, {360, 2, 1}, {-50, 0, 0}, {5000, 2, 1}};
    for (const auto& want : steps) {
        CAPTURE(want[0]);
        CHECK(l.step_slot_at(want[0]).stage == static_cast<int>(want[1]));
        CHECK(l.step_slot_at(want[0]).index == static_cast<int>(want[2]));
    }
    // Stage midpoints: 120, 270, 360.
    const std::pair<float, int> stage_slots[] = {{0, 0},   {119, 0}, {120, 1}, {250, 1}, {270, 2},
                                                 {300, 2}, {360, 3}, {-5, 0},  {420, 3}, {1e5f, 3}};
    for (const auto& want : stage_slots) {
        CAPTURE(want.first);
        CHECK(l.stage_slot_at(want.first) == want.second);
    }

    const std::pair<float, int> lanes[] = {
        {-1, 0},   {0, 0},    {51, 0},   {52, 1},   {110, 1},  {120, 1},  {130, 1},  {160, 2},  {200, 2},
        {230, 3},  {270, 3},  {290, 3},  {295, 4},  {300, 4},  {340, 5},  {350, 5},  {360, 7},  {370, 7},
        {700, 11}, {750, 11}, {1e4f, 11}};
    for (const auto& want : lanes) {  // no structured binding: CAPTURE's lambda cannot see one in clang 14
        CAPTURE(want.first);
        CHECK(l.lane_slot_at(want.first) == want.second);
    }

    // row, direction, next lane row (from row 1, a heading, too).
    const int next[][3] = {{0, 1, 2}, {2, -1, 0}, {0, -1, 0}, {3, 1, 5}, {6, 1, 8}, {8, -1, 6}, {11, 1, 11}, {1, 1, 2}};
    for (const auto& want : next) CHECK(l.next_lane_row(want[0], want[1]) == want[2]);
}

// [SECTION] emotion curves ----------------------------------------------------------------------------
TEST_CASE("layout: emotion scores and the curve") {
    const MapMetrics m = test_metrics();
    Row row;
    row.y = 100;
    row.h = 80;  // plot area 105..175
    CHECK(emotion_y(row, 3, -3, 3, m) == 105);
    CHECK(emotion_y(row, -3, -3, 3, m) == 175);
    CHECK(emotion_y(row, 0, -3, 3, m) == 140);
    CHECK(emotion_y(row, 9, -3, 3, m) == 105);  // off the scale: at its edge
    CHECK(emotion_y(row, 2, 2, 2, m) == 140);    // a one-point scale sits in the middle
    for (int s = -3; s <= 3; ++s) CHECK(emotion_score_at(row, emotion_y(row, s, -3, 3, m), -3, 3, m) == s);
    for (int s = 1; s <= 10; ++s) CHECK(emotion_score_at(row, emotion_y(row, s, 1, 10, m), 1, 10, m) == s);
    CHECK(emotion_score_at(row, 0, -3, 3, m) == 3);
    CHECK(emotion_score_at(row, 500, -3, 3, m) == -3);
    CHECK(emotion_score_at(row, 130, -3, 3, m) == 1);  // 130 is 0.64 of the way up: 0.86 rounds to 1
    CHECK(emotion_score_at(row, 140, 2, 2, m) == 2);

    // Through every point; the flat middle stays flat; exactly `segments` pieces per interval.
    const std::vector<Vec2> pts = {{0, 0}, {10, 10}, {20, 10}, {30, 0}};
    const std::vector<Vec2> curve = smooth_curve(pts, 8);
    REQUIRE(curve.size() == 25);
    for (int k = 0; k < 4; ++k) {
        CHECK(curve[static_cast<std::size_t>(k * 8)].x == pts[static_cast<std::size_t>(k)].x);
        CHECK(curve[static_cast<std::size_t>(k * 8)].y == pts[static_cast<std::size_t>(k)].y);
    }
    for (int s = 8; s <= 16; ++s) CHECK(curve[static_cast<std::size_t>(s)].y == 10);
    CHECK(smooth_curve({}, 8).empty());
    CHECK(smooth_curve({{3, 4}}, 8).size() == 1);
    CHECK(smooth_curve(pts, 0).size() == 4);     // at least one piece per interval
    CHECK(smooth_curve({{5, 1}, {5, 3}}, 4).size() == 5);  // equal x: no division by zero
}

TEST_CASE("layout: emotion curves tell themselves apart (legend order, colours, line styles, score text)") {
    Workspace ws;
    Persona anna, ben, cleo;
    anna.id = Id{9, 1}, anna.name = "Anna", anna.color = 0x0D9488;
    ben.id = Id{9, 2}, ben.name = "Ben", ben.color = 0xDB2777;
    cleo.id = Id{9, 3}, cleo.name = "Cleo", cleo.color = 0xD97706;
    ws.personas = {anna, ben, cleo};
    Journey j;
    const Id lane{7, 1}, other{7, 2}, step{8, 1};
    j.emotions = {EmotionScore{lane, step, cleo.id, -2}, EmotionScore{lane, step, Id{}, 1}, EmotionScore{lane, step, anna.id, 2},
                  EmotionScore{other, step, ben.id, 0}, EmotionScore{lane, step, Id{9, 99}, 3}};
    const std::vector<CurveStyle> curves = emotion_curves(ws, j, lane);
    REQUIRE(curves.size() == 3);   // Everyone, Anna, Cleo: Ben scores another lane, the unknown persona is left out
    CHECK(curves[0].name == "Everyone");
    CHECK(curves[0].persona.is_nil());
    CHECK(curves[0].ink);
    CHECK(curves[0].dash == CurveDash::solid);
    CHECK(curves[1].name == "Anna");
    CHECK(curves[1].rgb == 0x0D9488);
    CHECK(!curves[1].ink);
    CHECK(curves[2].name == "Cleo");
    CHECK(curves[2].dash == CurveDash::dotted);
    CHECK(curves[0].width > curves[1].width);   // Everyone is the thicker line
    CHECK(emotion_curve_style(ws, ben.id).dash == CurveDash::dashed);
    CHECK(emotion_curves(ws, j, Id{7, 5}).empty());
    CHECK(Persona{}.color != 0x4F46E5);   // a new persona is not drawn in the selection's indigo

    // Dashes: pieces of the on length with gaps between, along the whole line.
    const std::vector<Vec2> line = {{0, 0}, {33, 0}, {33, 30}};
    CHECK(dash_polyline(line, CurveDash::solid, 1).size() == 1);
    const auto dashes = dash_polyline(line, CurveDash::dashed, 1);   // 9 on, 6 off over 63 units
    REQUIRE(dashes.size() == 5);
    CHECK(dashes[0].front().x == 0);
    CHECK(dashes[0].back().x == doctest::Approx(9));
    CHECK(dashes[1].front().x == doctest::Approx(15));
    CHECK(dashes[1].back().x == doctest::Approx(24));
    REQUIRE(dashes[2].size() == 3);   // 30..39 turns the corner
    CHECK(dashes[2][1].x == 33);
    CHECK(dashes[2][1].y == 0);
    CHECK(dashes[2].back().y == doctest::Approx(6));
    CHECK(dashes[4].back().y == doctest::Approx(30));   // the last, shorter dash ends the line
    CHECK(dash_polyline(line, CurveDash::dotted, 1).size() > dashes.size());
    CHECK(dash_polyline({{1, 1}}, CurveDash::dashed, 1).size() == 1);

    // Point shapes: Everyone round; twelve personas before a (line style, shape) pair repeats, so curves
    // differ without colour (the high-contrast theme draws them all in the text colour).
    CHECK(curves[0].marker == CurveMarker::circle);
    CHECK(curves[1].marker == CurveMarker::square);
    CHECK(emotion_curve_style(ws, ben.id).marker == CurveMarker::diamond);
    CHECK(curves[2].marker == CurveMarker::triangle);
    Workspace many;
    for (int i = 0; i < 13; ++i) {
        Persona p;
        p.id = Id{10, static_cast<std::uint64_t>(i + 1)};
        many.personas.push_back(p);
    }
    std::set<std::pair<int, int>> seen;
    for (int i = 0; i < 12; ++i) {
        const CurveStyle c = emotion_curve_style(many, many.personas[static_cast<std::size_t>(i)].id);
        seen.emplace(static_cast<int>(c.dash), static_cast<int>(c.marker));
    }
    CHECK(seen.size() == 12);
    const CurveStyle first = emotion_curve_style(many, many.personas[0].id), thirteenth = emotion_curve_style(many, many.personas[12].id);
    CHECK((first.dash == thirteenth.dash && first.marker == thirteenth.marker));
    // Outlines around the point: a circle has none; the others are closed polygons centred on it.
    CHECK(marker_outline(CurveMarker::circle, {10, 10}, 5).empty());
    for (const CurveMarker m : {CurveMarker::square, CurveMarker::diamond, CurveMarker::triangle}) {
        const MarkerOutline o = marker_outline(m, {10, 20}, 5);
        REQUIRE(o.size() >= 3);
        float area = 0, cx = 0, cy = 0;
        for (std::size_t k = 0; k < o.size(); ++k) {
            const Vec2 a = o[k], b = o[(k + 1) % o.size()];
            const float cross = a.x * b.y - b.x * a.y;
            area += cross / 2;
            cx += (a.x + b.x) * cross;
            cy += (a.y + b.y) * cross;
        }
        CHECK(std::fabs(area) == doctest::Approx(3.14159f * 25).epsilon(0.25));   // about the circle's area
        CHECK(cx / (6 * area) == doctest::Approx(10).epsilon(0.01));
        CHECK(cy / (6 * area) == doctest::Approx(20).epsilon(0.01));
    }

    CHECK(emotion_score_text(-2) == "\xE2\x88\x92" "2");   // U+2212 MINUS SIGN
    CHECK(emotion_score_text(3) == "+3");
    CHECK(emotion_score_text(0) == "0");
}

TEST_CASE("layout: the smooth curve never overshoots (random curves)") {
    std::mt19937 rng(2024);
    auto below = [&](unsigned n) { return static_cast<int>(rng() % n); };
    for (int trial = 0; trial < 400; ++trial) {
        std::vector<Vec2> pts;
        float x = static_cast<float>(below(100));
        const int n = 2 + below(14);
        for (int i = 0; i < n; ++i) {
            pts.push_back(Vec2{x, static_cast<float>(below(7) - 3) * (trial % 2 ? 1.0f : 17.5f)});
            x += 1 + static_cast<float>(below(300)) / 10.0f;
        }
        const int segments = 1 + below(12);
        const std::vector<Vec2> c = smooth_curve(pts, segments);
        REQUIRE(c.size() == 1 + (pts.size() - 1) * static_cast<std::size_t>(segments));
        for (std::size_t k = 0; k + 1 < pts.size(); ++k) {
            const Vec2 p0 = pts[k], p1 = pts[k + 1];
            const float lo = std::min(p0.y, p1.y), hi = std::max(p0.y, p1.y);
            const std::size_t base = k * static_cast<std::size_t>(segments);
            CHECK(c[base].x == p0.x);
            CHECK(c[base].y == p0.y);
            CHECK(c[base + static_cast<std::size_t>(segments)].y == p1.y);
            for (int s = 0; s <= segments; ++s) {
                const Vec2 q = c[base + static_cast<std::size_t>(s)];
                if (q.y < lo || q.y > hi) FAIL("overshoot in trial " << trial << " interval " << k << ": " << q.y);
                if (q.x < p0.x || q.x > p1.x) FAIL("x outside the interval in trial " << trial);
                if (s > 0) {  // monotone between the two scores
                    const float prev = c[base + static_cast<std::size_t>(s) - 1].y;
                    if (p1.y >= p0.y ? q.y < prev : q.y > prev) FAIL("not monotone in trial " << trial << " interval " << k);
                }
            }
        }
    }
}

// [SECTION] camera and find ---------------------------------------------------------------------------
TEST_CASE("layout: camera") {
    const JourneyLayout l = Fixture().layout();  // 420 x 750

    // Zooming keeps the body point under the cursor where it is.
    const Camera c0{100, 50, 1};
    const Camera z = zoom_camera(c0, 2, 200, 100);
    CHECK(z == Camera{200, 100, 2});
    CHECK(z.x + 200 / z.zoom == doctest::Approx(c0.x + 200 / c0.zoom));
    const Camera z2 = zoom_camera(Camera{33, 71, 0.7f}, 1.9f, 123, 45);
    CHECK(z2.x + 123 / z2.zoom == doctest::Approx(33 + 123 / 0.7f));
    CHECK(z2.y + 45 / z2.zoom == doctest::Approx(71 + 45 / 0.7f));
    CHECK(zoom_camera(c0, 10, 0, 0).zoom == kMaxZoom);
    CHECK(zoom_camera(c0, 0.01f, 0, 0).zoom == kMinZoom);
    CHECK(zoom_camera(c0, std::nanf(""), 0, 0) == c0);

    // The body's origin moves 30 px right and 12 down at zoom 1.5: the point that was at screen
    // (origin + (p - cam) * zoom) is there still.
    const Camera at{40, 20, 1.5f};
    const Camera moved = follow_origin(at, 30, 12);
    CHECK(moved.zoom == at.zoom);
    CHECK(30 + (100 - moved.x) * moved.zoom == doctest::Approx((100 - at.x) * at.zoom));
    CHECK(12 + (70 - moved.y) * moved.zoom == doctest::Approx((70 - at.y) * at.zoom));
    CHECK(follow_origin(at, 0, 0) == at);

    // A wheel notch zooms by one step, two notches by its square; a pinch's scale, turned into
    // notches, zooms by that scale (in and out), and a scale that is no scale zooms by nothing.
    CHECK(wheel_zoom(0) == 1);
    CHECK(wheel_zoom(1) == doctest::Approx(kZoomPerNotch));
    CHECK(wheel_zoom(2) == doctest::Approx(kZoomPerNotch * kZoomPerNotch));
    CHECK(wheel_zoom(-1) * wheel_zoom(1) == doctest::Approx(1));
    CHECK(wheel_zoom(notches_for_scale(2)) == doctest::Approx(2));
    CHECK(wheel_zoom(notches_for_scale(0.5f)) == doctest::Approx(0.5f));
    CHECK(notches_for_scale(kZoomPerNotch) == doctest::Approx(1));
    CHECK(notches_for_scale(1) == 0);
    CHECK(notches_for_scale(0) == 0);
    CHECK(notches_for_scale(-2) == 0);
    CHECK(notches_for_scale(std::nanf("")) == 0);
    CHECK(notches_for_scale(INFINITY) == 0);

    // Clamping: 200 x 300 view at zoom 1 pans over [0, 220] x [0, 450]; at zoom 2 over [0, 320] x [0, 600].
    CHECK(clamp_camera(Camera{-5, -5, 1}, l, 200, 300) == Camera{0, 0, 1});
    CHECK(clamp_camera(Camera{1000, 1000, 1}, l, 200, 300) == Camera{220, 450, 1});
    CHECK(clamp_camera(Camera{1000, 1000, 2}, l, 200, 300) == Camera{320, 600, 2});
    CHECK(clamp_camera(Camera{100, 100, 1}, l, 200, 300) == Camera{100, 100, 1});
    CHECK(clamp_camera(Camera{100, 100, 1}, l, 1000, 1000) == Camera{0, 0, 1});  // smaller than the view

    CHECK(fit_camera(l, 210, 375) == Camera{0, 0, 0.5f});
    CHECK(fit_camera(l, 1000, 1000) == Camera{0, 0, 1});
    CHECK(fit_camera(l, 42, 75) == Camera{0, 0, kMinZoom});

    // Reveal: the least pan, margin included.
    const Camera home{0, 0, 1};
    CHECK(reveal(home, Rect{300, 10, 50, 20}, 200, 100, 24) == Camera{174, 0, 1});  // the margin does not reach above the body
    CHECK(reveal(Camera{174, 0, 1}, Rect{300, 10, 50, 20}, 200, 100, 24) == Camera{174, 0, 1});
    CHECK(reveal(Camera{500, 500, 1}, Rect{300, 300, 50, 20}, 200, 100, 24) == Camera{276, 276, 1});
    CHECK(reveal(home, Rect{50, 200, 40, 40}, 200, 100, 10) == Camera{0, 150, 1});
    CHECK(reveal(home, Rect{50, 200, 400, 40}, 200, 100, 10) == Camera{40, 150, 1});  // too wide: its start
    CHECK(reveal(Camera{0, 0, 2}, Rect{150, 0, 20, 20}, 200, 100, 0) == Camera{70, 0, 2});  // 100 body units wide
}

TEST_CASE("layout: fold_case") {
    CHECK(fold_case("Hello WORLD 123") == "hello world 123");
    CHECK(fold_case("ÀÉÎÕÜÞ") == "àéîõüþ");
    CHECK(fold_case("× ß ÿ é") == "× ß ÿ é");
    CHECK(fold_case("ĀĂĄĆČĎĒĞĲĶ") == "āăąćčďēğĳķ");
    CHECK(fold_case("ĹĻĽĿŁŃŅŇ") == "ĺļľŀłńņň");
    CHECK(fold_case("ŊŌŐŒŔŘŚŠŢŤŦŨŪŮŰŲŴŶ") == "ŋōőœŕřśšţťŧũūůűųŵŷ");
    CHECK(fold_case("ŸŹŻŽ") == "ÿźżž");
    CHECK(fold_case("ĸŉſıāĺ") == "ĸŉſıāĺ");
    CHECK(fold_case("İ") == "i");
    CHECK(fold_case("ΑΒΓΔΣΩ") == "αβγδσω");
    CHECK(fold_case("АБВЖЯ") == "абвжя");
    CHECK(fold_case("ЁЄІЇЎ") == "ёєіїў");
    CHECK(fold_case("€ 日本 😀") == "€ 日本 😀");
    CHECK(fold_case("") == "");

    // Invalid UTF-8 passes through byte for byte.
    for (const char* bad : {"\xff\xfe", "\xc3", "a\xc3", "\xc3\x28", "\xc0\x81", "\x80\x81", "\xe2\x82", "\xed\xa0\x80"})
        CHECK(fold_case(bad) == bad);
    CHECK(fold_case("A\xc9") == "a\xc9");
    CHECK(fold_case(std::string("\xff\xc3\x89X")) == std::string("\xff\xc3\xa9x"));
    CHECK(fold_case(std::string("\xe2\xc3\x89")) == std::string("\xe2\xc3\xa9"));

    // Random text: valid stays valid, and folding twice changes nothing more.
    std::mt19937 rng(7);
    const char32_t ranges[][2] = {{0x20, 0x7E}, {0xA0, 0x17F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x800, 0xD7FF}, {0x10000, 0x1F64F}};
    for (int t = 0; t < 300; ++t) {
        std::string s, junk;
        for (int k = 0; k < 20; ++k) {
            const auto& r = ranges[rng() % 6];
            s += utf8(r[0] + static_cast<char32_t>(rng() % (r[1] - r[0] + 1)));
            junk += static_cast<char>(rng() % 256);
        }
        const std::string f = fold_case(s);
        CHECK(valid_utf8(f));
        CHECK(fold_case(f) == f);
        (void)fold_case(junk);  // must not crash
    }
}

TEST_CASE("layout: find in reading order, case-folded") {
    const Fixture f;
    const JourneyLayout l = f.layout();
    using K = FindMatch::Kind;
    auto found = [&](std::string_view q) {
        std::vector<std::pair<K, int>> out;
        for (const FindMatch& m : find_in_map(f.ws, f.journey(), l, q)) out.emplace_back(m.kind, m.index);
        return out;
    };
    const std::vector<std::pair<K, int>> cafe = {{K::stage, 1}, {K::step, 1}, {K::lane, 6}, {K::item, 2}, {K::item, 7}};
    CHECK(found("café") == cafe);
    CHECK(found("CAFÉ") == cafe);
    CHECK(found("Café") == cafe);
    CHECK(found("cafe").empty());  // accents are letters of their own, not folded away
    CHECK(found("").empty());
    CHECK(found("pay") == std::vector<std::pair<K, int>>{{K::step, 3}, {K::item, 13}});
    CHECK(found("SIGN UP") == std::vector<std::pair<K, int>>{{K::item, 11}});
    CHECK(found("in a collapsed").empty());  // hidden cards are not on the map
    CHECK(found("Systems").empty());         // nor are lanes of a collapsed layer

    // Other scripts.
    Workspace ws;
    Journey j;
    j.stages = {Stage{Id{9, 1}, "Этап", {Step{Id{9, 2}, "Шаг", "", false}}}};
    j.lanes = {Lane{Id{1, 1}, "Заметки", LaneKind::text, "", 0, false}};
    for (const char* text : {"ПРИВЕТ мир", "Καλημέρα", "Ёлка", "ÉTÉ"})
        j.cards.push_back(Card{Id{2, j.cards.size() + 1}, Id{1, 1}, Id{9, 2}, text, {}, 0, {}, {}, {}});
    const JourneyLayout jl = layout_journey(ws, j, LineModel{}, test_metrics());
    auto items = [&](std::string_view q) {
        std::vector<int> out;
        for (const FindMatch& m : find_in_map(ws, j, jl, q))
            if (m.kind == K::item) out.push_back(m.index);
        return out;
    };
    CHECK(items("привет") == std::vector<int>{0});
    CHECK(items("МИР") == std::vector<int>{0});
    CHECK(items("ΚΑΛΗΜ") == std::vector<int>{1});
    CHECK(items("ёлка") == std::vector<int>{2});
    CHECK(items("été") == std::vector<int>{3});
    CHECK(find_in_map(ws, j, jl, "ШАГ").size() == 1);
    CHECK(find_in_map(ws, j, jl, "этап").front().kind == K::stage);
}

// [SECTION] a large generated map ---------------------------------------------------------------------
TEST_CASE("layout: a large generated journey lays out consistently") {
    GenerateSpec spec;
    spec.journeys = 3;
    spec.levels = 2;
    spec.steps_per_journey = 200;
    spec.lanes_per_journey = 30;
    spec.cards_per_cell = 1;
    spec.seed = 5;
    const Workspace ws = generate_workspace(spec);
    const Journey& j = ws.journeys[0];
    const JourneyLayout l = layout_journey(ws, j, LineModel{}, MapMetrics{});

    REQUIRE(l.column_count() == 200);
    REQUIRE(l.row_count() > 30);  // 30 lanes and their layer headings
    const std::size_t cells = static_cast<std::size_t>(l.row_count()) * 200;
    REQUIRE(l.cell_begin.size() == cells + 1);
    CHECK(l.cell_begin.front() == 0);
    CHECK(l.cell_begin.back() == l.items.size());
    bool monotone = true;
    for (std::size_t k = 1; k < l.cell_begin.size(); ++k) monotone = monotone && l.cell_begin[k - 1] <= l.cell_begin[k];
    CHECK(monotone);

    float x = 0, y = 0;
    for (const Column& c : l.columns) {
        CHECK(c.x == x);
        x += c.w;
    }
    for (const Row& r : l.rows) {
        CHECK(r.y == y);
        y += r.h;
    }
    CHECK(l.width == x);
    CHECK(l.height == y);

    // Every card exactly once, in its lane's row and its step's column; items inside their cell,
    // stacked downwards without overlapping.
    std::vector<int> seen(j.cards.size(), 0);
    int derived = 0;
    bool placed_right = true, stacked = true, inside = true;
    for (int r = 0; r < l.row_count(); ++r)
        for (int c = 0; c < l.column_count(); ++c) {
            const Span s = l.cell_items(r, c);
            const Rect cell = l.cell_rect(r, c);
            for (int i = s.begin; i < s.end; ++i) {
                const Item& it = l.items[static_cast<std::size_t>(i)];
                placed_right = placed_right && it.row == r && it.column == c;
                inside = inside && it.rect.x >= cell.x && it.rect.right() <= cell.right() && it.rect.y >= cell.y &&
                         it.rect.bottom() <= cell.bottom();
                if (i > s.begin) stacked = stacked && it.rect.y >= l.items[static_cast<std::size_t>(i) - 1].rect.bottom();
                if (it.kind != ItemKind::card) {
                    ++derived;
                    continue;
                }
                const Card& card = j.cards[static_cast<std::size_t>(it.index)];
                ++seen[static_cast<std::size_t>(it.index)];
                const Row& row = l.rows[static_cast<std::size_t>(r)];
                const Column& col = l.columns[static_cast<std::size_t>(c)];
                placed_right = placed_right && it.id == card.id && j.lanes[static_cast<std::size_t>(row.lane)].id == card.lane &&
                               j.stages[static_cast<std::size_t>(col.stage)].steps[static_cast<std::size_t>(col.step)].id == card.step;
            }
        }
    CHECK(placed_right);
    CHECK(stacked);
    CHECK(inside);
    CHECK(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
    CHECK(j.cards.size() == 200u * 25u);  // 25 of the 30 lanes hold cards
    CHECK(derived > 0);                   // the root's insights, opportunities and child journeys

    // Culling and hit-testing agree with a linear scan.
    std::mt19937 rng(11);
    for (int t = 0; t < 200; ++t) {
        const float x0 = static_cast<float>(rng() % 50000) - 1000, x1 = x0 + 1 + static_cast<float>(rng() % 3000);
        const float y0 = static_cast<float>(rng() % 6000) - 300, y1 = y0 + 1 + static_cast<float>(rng() % 1500);
        const Span cs = l.columns_in(x0, x1), rs = l.rows_in(y0, y1);
        int cb = -1, ce = -1, rb = -1, re = -1;
        for (int c = 0; c < l.column_count(); ++c)
            if (Rect{l.columns[c].x, 0, l.columns[c].w, 1}.overlaps(Rect{x0, 0, x1 - x0, 1})) {
                if (cb < 0) cb = c;
                ce = c + 1;
            }
        for (int r = 0; r < l.row_count(); ++r)
            if (Rect{0, l.rows[r].y, 1, l.rows[r].h}.overlaps(Rect{0, y0, 1, y1 - y0})) {
                if (rb < 0) rb = r;
                re = r + 1;
            }
        CHECK(cs.empty() == (cb < 0));
        if (cb >= 0) CHECK((cs.begin == cb && cs.end == ce));
        CHECK(rs.empty() == (rb < 0));
        if (rb >= 0) CHECK((rs.begin == rb && rs.end == re));
        const Item& it = l.items[rng() % l.items.size()];
        const Hit h = l.hit(it.rect.x + it.rect.w / 2, it.rect.y + it.rect.h / 2);
        CHECK(h.row == it.row);
        CHECK(h.column == it.column);
        CHECK(h.item == static_cast<int>(&it - l.items.data()));
    }
}
