// Framework-grid geometry (src/layout/framework_layout): positions worked out by hand on a small
// three-level framework, grouping under parents, collapse, the "Not placed" column, a loop in a
// broken file, unmapped steps listed, the per-journey facts and the coverage filters.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "layout/framework_layout.hpp"
#include "model/generate.hpp"

using namespace wm;
using namespace wm::layout;

namespace {

FrameworkMetrics test_metrics() {
    FrameworkMetrics m;
    m.column_width = 200;
    m.tile_width = 180;
    m.tile_height = 100;
    m.tile_gap = 10;
    m.group_header = 20;
    m.cell_pad = 10;
    m.row_min = 50;
    m.row_collapsed = 30;
    m.unmapped_line = 18;
    return m;
}

// Lifecycle L: Discover, Buy, Use (nothing under Use). Macro M1 under Discover with stage S {a, b};
// macro M2 under Buy with stage T {c}; micro U3 under M1 at S, U1 at S/a, U2 at S/b (listed in the
// workspace in the order U1, U2, U3); macro X hangs nowhere.
struct Fixture {
    IdGenerator gen{7};
    Workspace ws;
    Id L, discover, buy, use, M1, M2, S, a, b, T, c, U1, U2, U3, X;

    Journey make(Id& id, std::string title, int level) {
        Journey j;
        j.id = id = gen.next();
        j.title = std::move(title);
        j.level = level;
        return j;
    }

    Fixture() {
        ws.settings = default_settings();
        ws.settings.level_names = {"Lifecycle", "Macro", "Micro"};
        Journey l = make(L, "Lifecycle", 0);
        l.stages = {Stage{discover = gen.next(), "Discover", {}}, Stage{buy = gen.next(), "Buy", {}}, Stage{use = gen.next(), "Use", {}}};
        Journey m1 = make(M1, "M1", 1);
        m1.stages = {Stage{S = gen.next(), "S", {Step{a = gen.next(), "a", "", false}, Step{b = gen.next(), "b", "", false}}}};
        Journey m2 = make(M2, "M2", 1);
        m2.stages = {Stage{T = gen.next(), "T", {Step{c = gen.next(), "c", "", false}}}};
        Journey u1 = make(U1, "U1", 2), u2 = make(U2, "U2", 2), u3 = make(U3, "U3", 2);
        Journey x = make(X, "X", 1);
        ws.journeys = {l, m1, m2, u1, u2, u3, x};
        ws.links = {JourneyLink{L, M1, discover, {}}, JourneyLink{L, M2, buy, {}}, JourneyLink{M1, U1, S, a},
                    JourneyLink{M1, U2, S, b}, JourneyLink{M1, U3, S, {}}};
    }
    const FwTile& tile(const FrameworkLayout& lay, Id journey) const {
        const int i = lay.tile_of(journey);
        REQUIRE(i >= 0);
        return lay.tiles[static_cast<std::size_t>(i)];
    }
};

}  // namespace

TEST_CASE("framework grid: columns, rows and tiles by hand") {
    Fixture f;
    const FrameworkLayout lay = layout_framework(f.ws, {}, test_metrics());
    CHECK(lay.lifecycle == f.L);
    REQUIRE(lay.columns.size() == 4);
    CHECK(lay.columns[0].name == "Discover");
    CHECK(lay.columns[2].name == "Use");
    CHECK(lay.columns[3].name == "Not placed");
    CHECK(lay.columns[3].stage.is_nil());
    CHECK(lay.columns[1].x == 200);
    CHECK(lay.columns[0].journeys == 4);   // M1 and its three children
    CHECK(lay.columns[2].journeys == 0);
    CHECK(lay.width == 800);
    REQUIRE(lay.rows.size() == 2);
    CHECK(lay.rows[0].name == "Macro");
    CHECK(lay.rows[1].name == "Micro");
    // Row 0: one tile per column (Discover M1, Buy M2, Not placed X), 10 + 100 + 10 high.
    CHECK(lay.rows[0].h == 120);
    CHECK(lay.rows[0].journeys == 3);
    const FwTile& m1 = f.tile(lay, f.M1);
    CHECK(m1.rect.x == 10);
    CHECK(m1.rect.y == 10);
    CHECK(m1.rect.w == 180);
    CHECK(m1.column == 0);
    CHECK(m1.has_children);
    CHECK(m1.group == -1);   // directly under the lifecycle: no heading
    CHECK(f.tile(lay, f.M2).column == 1);
    CHECK(f.tile(lay, f.X).column == 3);
    CHECK(f.tile(lay, f.X).parent.is_nil());
    // Row 1 at y 120: groups in anchor order under M1 — S (U3), S/a (U1), S/b (U2).
    const FwTile& u3 = f.tile(lay, f.U3);
    const FwTile& u1 = f.tile(lay, f.U1);
    const FwTile& u2 = f.tile(lay, f.U2);
    CHECK(u3.rect.y == 150);
    CHECK(u1.rect.y == 280);
    CHECK(u2.rect.y == 410);
    CHECK(lay.rows[1].y == 120);
    CHECK(lay.rows[1].h == 400);
    CHECK(lay.height == 520);
    REQUIRE(lay.groups.size() == 3);
    CHECK(lay.groups[static_cast<std::size_t>(u3.group)].label == "M1 \xE2\x80\xBA S");
    CHECK(lay.groups[static_cast<std::size_t>(u1.group)].label == "M1 \xE2\x80\xBA a");
    CHECK(lay.groups[static_cast<std::size_t>(u1.group)].rect.y == 260);
    CHECK(lay.groups[static_cast<std::size_t>(u1.group)].bottom == 380);
    CHECK(lay.groups[static_cast<std::size_t>(u2.group)].parent_tile == lay.tile_of(f.M1));
    // Queries.
    CHECK(lay.tile_at(15, 15) == lay.tile_of(f.M1));
    CHECK(lay.tile_at(5, 15) == -1);          // in the cell padding
    CHECK(lay.column_at(399) == 1);
    CHECK(lay.column_at(800) == -1);
    CHECK(lay.row_at(119) == 0);
    CHECK(lay.row_at(120) == 1);
    CHECK(lay.cell(2, 1).y == 120);
    CHECK(lay.cell(2, 1).h == 400);
    CHECK(lay.cell(9, 0).w == 0);
}

TEST_CASE("framework grid: collapse hides descendants and counts them; a folded level is thin") {
    Fixture f;
    FrameworkOptions options;
    options.collapsed = {f.M1};
    FrameworkLayout lay = layout_framework(f.ws, options, test_metrics());
    CHECK(lay.tile_of(f.U1) == -1);
    CHECK(lay.tile_of(f.U3) == -1);
    CHECK(f.tile(lay, f.M1).hidden == 3);
    CHECK(lay.rows[1].h == 50);              // nothing left: the least row height
    CHECK(lay.rows[1].journeys == 3);        // still counted
    CHECK(lay.columns[0].journeys == 4);

    options = {};
    options.collapsed_levels = {2};
    lay = layout_framework(f.ws, options, test_metrics());
    CHECK(lay.rows[1].collapsed);
    CHECK(lay.rows[1].h == 30);
    CHECK(lay.tiles.size() == 3);
    CHECK(lay.height == 150);
}

TEST_CASE("framework grid: unmapped steps are listed in the tiles that can have children") {
    Fixture f;
    FrameworkOptions options;
    options.list_unmapped_steps = true;
    const FrameworkLayout lay = layout_framework(f.ws, options, test_metrics());
    CHECK(f.tile(lay, f.M1).unmapped_steps.empty());     // a and b both detailed
    REQUIRE(f.tile(lay, f.M2).unmapped_steps.size() == 1);
    CHECK(f.tile(lay, f.M2).unmapped_steps[0] == f.c);
    CHECK(f.tile(lay, f.M2).rect.h == 118);
    CHECK(f.tile(lay, f.U1).unmapped_steps.empty());     // the last level: nothing below it
    CHECK(lay.rows[0].h == 138);
}

TEST_CASE("framework grid: no lifecycle, a loop in a broken file, deeper journeys than levels") {
    Fixture f;
    Workspace none = f.ws;
    none.journeys.erase(none.journeys.begin());
    CHECK(layout_framework(none, {}, test_metrics()).lifecycle.is_nil());
    CHECK(layout_framework(none, {}, test_metrics()).tiles.empty());

    Workspace loop = f.ws;   // U1 ↔ U2 point at each other first
    loop.links.insert(loop.links.begin(), JourneyLink{f.U1, f.U2, {}, {}});
    loop.links.insert(loop.links.begin(), JourneyLink{f.U2, f.U1, {}, {}});
    const FrameworkLayout lay = layout_framework(loop, {}, test_metrics());
    CHECK(f.tile(lay, f.U1).column == 3);    // not placed, and nothing hangs
    CHECK(f.tile(lay, f.U2).column == 3);

    Workspace deep = f.ws;
    deep.journeys[3].level = 4;              // beyond the configured three levels: its own row
    const FrameworkLayout d = layout_framework(deep, {}, test_metrics());
    CHECK(d.rows.size() == 4);
    CHECK(d.rows[3].name.empty());
    CHECK(f.tile(d, f.U1).row == 3);
}

TEST_CASE("journey facts and the coverage filters") {
    Fixture f;
    Persona p;
    p.id = f.gen.next();
    f.ws.personas.push_back(p);
    f.ws.journeys[1].personas = {p.id};
    Insight seen;
    seen.id = f.gen.next();
    seen.evidence = Evidence::validated;
    seen.steps = {StepRef{f.M1, f.a}, StepRef{f.M1, f.b}};   // one insight, counted once
    Insight guess;
    guess.id = f.gen.next();
    guess.steps = {StepRef{f.M2, f.c}};
    f.ws.insights = {seen, guess};
    Opportunity op;
    op.id = f.gen.next();
    op.journeys = {f.M1};
    op.steps = {StepRef{f.M1, f.a}, StepRef{f.M2, f.c}};
    f.ws.opportunities = {op};
    Metric m;
    m.id = f.gen.next();
    m.journey = f.M2;
    f.ws.metrics = {m};
    Journey to_be = f.ws.journeys[2];
    to_be.id = f.gen.next();
    to_be.state = JourneyState::to_be;
    to_be.counterpart = f.M2;
    f.ws.journeys.push_back(to_be);

    const std::vector<JourneyFacts> facts = journey_facts(f.ws);
    REQUIRE(facts.size() == f.ws.journeys.size());
    CHECK(facts[1].insights == 1);
    CHECK(facts[1].evidenced == 1);
    CHECK(facts[2].insights == 1);
    CHECK(facts[2].evidenced == 0);
    CHECK(facts[1].opportunities == 1);
    CHECK(facts[2].opportunities == 1);
    CHECK(facts[2].metrics == 1);
    CHECK(facts[1].steps == 2);
    CHECK(facts[1].mapped_steps == 2);
    CHECK(facts[2].mapped_steps == 0);
    CHECK(facts[2].has_to_be);
    CHECK_FALSE(facts[1].has_to_be);
    CHECK(facts[2].headline == 0);
    CHECK(facts[1].headline == -1);

    // The headline is the journey's own KPI even when a step's KPI comes first in the list.
    Metric at_step;
    at_step.id = f.gen.next();
    at_step.journey = f.M1;
    at_step.stage = f.ws.journeys[1].stages[0].id;
    at_step.step = f.a;
    Metric own;
    own.id = f.gen.next();
    own.journey = f.M1;
    Workspace more = f.ws;
    more.metrics = {at_step, own};
    const std::vector<JourneyFacts> more_facts = journey_facts(more);
    CHECK(more_facts[1].headline == 1);
    CHECK(more_facts[1].headline_is_own);
    CHECK(headline_metric(more, f.M1, {}) == &more.metrics[1]);
    more.metrics = {at_step};
    CHECK(journey_facts(more)[1].headline == 0);
    CHECK_FALSE(journey_facts(more)[1].headline_is_own);
    CHECK(headline_metric(more, f.M1, {}) == &more.metrics[0]);
    CHECK(headline_metric(more, f.M1, at_step.stage) == &more.metrics[0]);
    CHECK(headline_metric(more, f.M2, {}) == nullptr);

    const int levels = 3;
    const auto& js = f.ws.journeys;
    CHECK_FALSE(matches(Coverage::unmapped, js[1], facts[1], levels));
    CHECK(matches(Coverage::unmapped, js[2], facts[2], levels));
    CHECK_FALSE(matches(Coverage::unmapped, js[3], facts[3], levels));   // the last level
    CHECK_FALSE(matches(Coverage::no_evidence, js[1], facts[1], levels));
    CHECK(matches(Coverage::no_evidence, js[2], facts[2], levels));     // only an assumption
    CHECK_FALSE(matches(Coverage::no_persona, js[1], facts[1], levels));
    CHECK(matches(Coverage::no_persona, js[2], facts[2], levels));
    CHECK(matches(Coverage::no_kpi, js[1], facts[1], levels));
    CHECK_FALSE(matches(Coverage::no_kpi, js[2], facts[2], levels));
    CHECK(matches(Coverage::no_to_be, js[1], facts[1], levels));
    CHECK_FALSE(matches(Coverage::no_to_be, js[2], facts[2], levels));
    CHECK_FALSE(matches(Coverage::no_to_be, js.back(), facts.back(), levels));   // a to-be itself
}

TEST_CASE("framework grid: a generated framework of 1,000 journeys places every journey once") {
    GenerateSpec spec;
    spec.journeys = 1000;
    spec.levels = 4;
    const Workspace ws = generate_workspace(spec);
    const FrameworkLayout lay = layout_framework(ws, {}, {});
    REQUIRE_FALSE(lay.lifecycle.is_nil());
    CHECK(lay.tiles.size() == ws.journeys.size() - 1);
    std::size_t counted = 0;
    for (const FwRow& r : lay.rows) counted += static_cast<std::size_t>(r.journeys);
    CHECK(counted == lay.tiles.size());
    for (const FwTile& t : lay.tiles) {
        const Rect cell = lay.cell(t.column, t.row);
        CHECK(t.rect.x >= cell.x);
        CHECK(t.rect.bottom() <= cell.bottom());
    }
    for (std::size_t i = 1; i < lay.tiles.size(); ++i) {   // no two tiles overlap within a cell
        const FwTile& p = lay.tiles[i - 1];
        const FwTile& q = lay.tiles[i];
        if (p.column == q.column && p.row == q.row) CHECK(q.rect.y >= p.rect.bottom());
    }
}
