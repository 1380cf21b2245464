// KPI readings and roll-ups (scoring/kpi.hpp): hand-computed figures for every rule, segments,
// alignment by date, health in both directions, loops, and update() against a fresh evaluation.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "edit/commands.hpp"
#include "edit/history.hpp"
#include "model/date.hpp"
#include "model/generate.hpp"
#include "scoring/kpi.hpp"

using namespace wm;

namespace {

Date day(int d) { return date_from_ymd(2026, 1, d); }

// A parent journey with two children; one metric on each child, one on the parent.
struct Fixture {
    Workspace ws = blank_workspace("KPIs");
    Id a, b, parent;
    Fixture() {
        Journey child;
        child.id = new_id();
        child.title = "Child";
        child.level = 1;
        ws.journeys.push_back(child);
        const Id journey = child.id;
        a = add("Visits A", journey, {{day(1), 10, ""}, {day(3), 30, ""}});
        b = add("Visits B", journey, {{day(2), 20, ""}, {day(3), 40, ""}});
        parent = add("Visits", ws.journeys[0].id, {{day(1), 999, ""}});
    }
    Id add(std::string name, Id journey, std::vector<MetricValue> values) {
        Metric m;
        m.id = new_id();
        m.name = std::move(name);
        m.journey = journey;
        m.values = std::move(values);
        ws.metrics.push_back(m);
        return m.id;
    }
    Metric& metric(Id id) { return *find_by_id(ws.metrics, id); }
    void roll(RollUp rule) {
        metric(parent).rollup = rule;
        metric(parent).rollup_inputs = {a, b};
    }
};

std::vector<double> values_of(const kpi::Reading& r) {
    std::vector<double> out;
    for (const auto& p : r.series) out.push_back(p.value);
    return out;
}
std::vector<Date> dates_of(const kpi::Reading& r) {
    std::vector<Date> out;
    for (const auto& p : r.series) out.push_back(p.date);
    return out;
}

}  // namespace

TEST_CASE("kpi: a plain metric reads its own values, sorted, the last of a repeated date winning") {
    Fixture f;
    f.metric(f.a).values = {{day(3), 30, ""}, {day(1), 10, ""}, {day(3), 31, ""}};
    const kpi::Evaluation e(f.ws);
    const kpi::Reading& r = e.reading(f.a);
    CHECK(dates_of(r) == std::vector<Date>{day(1), day(3)});
    CHECK(values_of(r) == std::vector<double>{10, 31});
    CHECK(r.latest == 31);
    CHECK(r.latest_date == day(3));
    CHECK_FALSE(r.computed);
    CHECK(r.health == kpi::Health::no_target);
    // Unknown ids and segments read as no data.
    CHECK(e.reading(new_id()).health == kpi::Health::no_data);
    CHECK_FALSE(e.reading(f.a, "NL").latest);
    CHECK(e.segments(f.a) == std::vector<std::string>{""});
}

TEST_CASE("kpi: every roll-up rule, aligned by date (latest value at or before; not yet started = left out)") {
    // Dates: 1 (A=10), 2 (A=10 carried, B=20), 3 (A=30, B=40).
    struct Case {
        RollUp rule;
        std::vector<double> expected;
    };
    const Case cases[] = {
        {RollUp::sum, {10, 30, 70}},
        {RollUp::average, {10, 15, 35}},
        {RollUp::min, {10, 10, 30}},
        {RollUp::max, {10, 20, 40}},
        // Weights A = 1, B = 3: day 1 only A -> 10; day 2 (10 + 60) / 4 = 17.5; day 3 (30 + 120) / 4 = 37.5.
        {RollUp::weighted_average, {10, 17.5, 37.5}},
    };
    for (const Case& c : cases) {
        Fixture f;
        f.roll(c.rule);
        f.metric(f.b).weight = 3;
        const kpi::Evaluation e(f.ws);
        const kpi::Reading& r = e.reading(f.parent);
        CAPTURE(static_cast<int>(c.rule));
        CHECK(r.computed);
        CHECK(dates_of(r) == std::vector<Date>{day(1), day(2), day(3)});
        CHECK(values_of(r) == c.expected);
        CHECK(r.latest == c.expected.back());
    }
}

TEST_CASE("kpi: weighted average with zero weights, rules without inputs, unknown and repeated inputs") {
    Fixture f;
    f.roll(RollUp::weighted_average);
    f.metric(f.a).weight = 0;
    f.metric(f.b).weight = 0;
    CHECK_FALSE(kpi::Evaluation(f.ws).reading(f.parent).latest);  // all weights 0: no figure
    CHECK(kpi::combine(RollUp::weighted_average, {1, 2}, {0, 0}) == std::nullopt);
    CHECK(kpi::combine(RollUp::weighted_average, {1, 4}, {2, 1}) == 2.0);
    CHECK(kpi::combine(RollUp::sum, {}, {}) == std::nullopt);

    Fixture g;
    g.metric(g.parent).rollup = RollUp::sum;  // a rule but no inputs: its own values count
    CHECK(kpi::Evaluation(g.ws).reading(g.parent).latest == 999);
    CHECK_FALSE(kpi::Evaluation(g.ws).reading(g.parent).computed);
    g.metric(g.parent).rollup = RollUp::none;  // inputs but no rule: likewise
    g.metric(g.parent).rollup_inputs = {g.a, g.b};
    CHECK(kpi::Evaluation(g.ws).reading(g.parent).latest == 999);
    g.metric(g.parent).rollup = RollUp::sum;
    g.metric(g.parent).rollup_inputs = {g.a, new_id(), g.a, g.b};  // unknown left out, repeats once
    CHECK(kpi::Evaluation(g.ws).reading(g.parent).latest == 70);
    CHECK(kpi::is_computed(g.ws, g.metric(g.parent)));
    g.metric(g.parent).rollup_inputs = {new_id()};
    CHECK_FALSE(kpi::is_computed(g.ws, g.metric(g.parent)));
    CHECK(kpi::Evaluation(g.ws).reading(g.parent).latest == 999);
}

TEST_CASE("kpi: segments roll up separately; the whole rolls up the wholes") {
    Fixture f;
    f.metric(f.a).values = {{day(1), 1, ""}, {day(1), 5, "NL"}, {day(1), 7, "SE"}};
    f.metric(f.b).values = {{day(1), 2, ""}, {day(1), 6, "NL"}, {day(2), 9, "NL"}};
    f.roll(RollUp::sum);
    const kpi::Evaluation e(f.ws);
    CHECK(e.segments(f.parent) == std::vector<std::string>{"", "NL", "SE"});
    CHECK(values_of(e.reading(f.parent)) == std::vector<double>{3});
    CHECK(values_of(e.reading(f.parent, "NL")) == std::vector<double>{11, 14});  // 5+6, then 5+9
    CHECK(values_of(e.reading(f.parent, "SE")) == std::vector<double>{7});
    CHECK(e.reading(f.parent, "NL").computed);
    CHECK(e.segments(f.a) == std::vector<std::string>{"", "NL", "SE"});

    // Only segments: no whole is invented; headline() falls back to the first segment.
    f.metric(f.a).values = {{day(1), 5, "NL"}, {day(2), 8, "SE"}};
    const kpi::Evaluation only(f.ws);
    CHECK_FALSE(only.reading(f.a).latest);
    std::string segment;
    CHECK(only.headline(f.a, &segment).latest == 5);
    CHECK(segment == "NL");
    CHECK(only.headline(f.b, &segment).latest == 2);
    CHECK(segment.empty());
}

TEST_CASE("kpi: health against the target in both directions") {
    Metric m;
    CHECK(kpi::health_of(m, std::nullopt) == kpi::Health::no_data);
    CHECK(kpi::health_of(m, 5.0) == kpi::Health::no_target);
    m.target = 10;
    m.direction = Direction::higher_is_better;
    CHECK(kpi::health_of(m, 10.0) == kpi::Health::on_target);
    CHECK(kpi::health_of(m, 12.0) == kpi::Health::on_target);
    CHECK(kpi::health_of(m, 9.9) == kpi::Health::off_target);
    m.direction = Direction::lower_is_better;
    CHECK(kpi::health_of(m, 10.0) == kpi::Health::on_target);
    CHECK(kpi::health_of(m, 9.0) == kpi::Health::on_target);
    CHECK(kpi::health_of(m, 10.1) == kpi::Health::off_target);
    CHECK(kpi::health_of(m, std::nullopt) == kpi::Health::no_data);

    Fixture f;
    f.roll(RollUp::sum);
    f.metric(f.parent).target = 60;
    CHECK(kpi::Evaluation(f.ws).reading(f.parent).health == kpi::Health::on_target);  // 70 >= 60
    f.metric(f.parent).direction = Direction::lower_is_better;
    CHECK(kpi::Evaluation(f.ws).reading(f.parent).health == kpi::Health::off_target);
    CHECK(std::string(kpi::health_name(kpi::Health::off_target)) == "off target");
}

TEST_CASE("kpi: roll-ups chain over levels, and a loop in a broken file does not hang") {
    Fixture f;
    f.roll(RollUp::sum);
    const Id top = f.add("Top", f.ws.journeys[0].id, {});
    f.metric(top).rollup = RollUp::max;
    f.metric(top).rollup_inputs = {f.parent, f.a};
    const kpi::Evaluation e(f.ws);
    CHECK(values_of(e.reading(top)) == std::vector<double>{10, 30, 70});
    CHECK(e.rolled_up_by(f.a) == std::vector<Id>{f.parent, top});

    f.metric(f.a).rollup = RollUp::sum;  // a -> top -> parent -> a
    f.metric(f.a).rollup_inputs = {top};
    const kpi::Evaluation loop(f.ws);
    CHECK(loop.size() == f.ws.metrics.size());
    f.metric(f.parent).rollup_inputs = {f.parent};  // self-input is left out
    CHECK(kpi::Evaluation(f.ws).size() == f.ws.metrics.size());
}

TEST_CASE("kpi: commands refuse a roll-up into itself or round in a circle") {
    Fixture f;
    edit::Document doc(f.ws);
    Metric parent = f.metric(f.parent);
    parent.rollup = RollUp::sum;
    parent.rollup_inputs = {f.a, f.b};
    REQUIRE(doc.execute(edit::replace_metric(parent)));
    Metric self = parent;
    self.rollup_inputs.push_back(self.id);
    CHECK(doc.execute(edit::replace_metric(self)).refusal == "A KPI cannot roll up into itself.");
    Metric child = f.metric(f.a);
    child.rollup = RollUp::sum;
    child.rollup_inputs = {f.parent};
    CHECK(doc.execute(edit::replace_metric(child)).refusal == "That roll-up would go round in a circle.");
    CHECK(kpi::Evaluation(doc.workspace()).reading(f.parent).latest == 70);
}

TEST_CASE("kpi: the generated framework rolls up over its levels") {
    GenerateSpec spec;
    spec.journeys = 40;
    spec.levels = 4;
    spec.steps_per_journey = 4;
    spec.lanes_per_journey = 2;
    const Workspace ws = generate_workspace(spec);
    const kpi::Evaluation e(ws);
    int computed = 0;
    for (const Metric& m : ws.metrics) {
        const kpi::Reading& r = e.reading(m.id);
        if (!r.computed) continue;
        ++computed;
        // Every generated input has a value on each of the same 12 dates, so the latest is the rule
        // applied to the inputs' latest values.
        std::vector<double> values, weights;
        for (Id input : m.rollup_inputs) {
            values.push_back(*e.reading(input).latest);
            weights.push_back(find_by_id(ws.metrics, input)->weight);
        }
        REQUIRE(r.latest);
        CHECK(*r.latest == doctest::Approx(*kpi::combine(m.rollup, values, weights)));
        CHECK(r.series.size() == 12);
    }
    CHECK(computed > 3);
}

TEST_CASE("kpi: property - update() after random edits equals a fresh evaluation") {
    GenerateSpec spec;
    spec.journeys = 60;
    spec.levels = 4;
    spec.steps_per_journey = 4;
    spec.lanes_per_journey = 1;
    spec.seed = 7;
    edit::Document doc(generate_workspace(spec));
    kpi::Evaluation live(doc.workspace());
    std::mt19937_64 rng(42);
    auto below = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    const char* segments[] = {"", "", "NL", "SE"};
    Id last_changed;  // the metric the newest undo step changed
    for (int round = 0; round < 300; ++round) {
        const Workspace& ws = doc.workspace();
        Metric m = ws.metrics[below(ws.metrics.size())];
        edit::Command command = edit::replace_metric(m);
        switch (below(7)) {
            case 0: command = edit::set_metric_value(m.id, MetricValue{Date{day(1).days + static_cast<int>(below(400))},
                                                                       static_cast<double>(below(100)), segments[below(4)]}); break;
            case 1:
                if (!m.values.empty()) {
                    const MetricValue& v = m.values[below(m.values.size())];
                    command = edit::remove_metric_value(m.id, v.date, v.segment);
                }
                break;
            case 2: m.rollup = static_cast<RollUp>(below(6)); command = edit::replace_metric(m); break;
            case 3: m.rollup_inputs.push_back(ws.metrics[below(ws.metrics.size())].id); command = edit::replace_metric(m); break;
            case 4: m.weight = static_cast<double>(below(4)); command = edit::replace_metric(m); break;
            case 5: m.target = static_cast<double>(below(60)); m.direction = static_cast<Direction>(below(2));
                    command = edit::replace_metric(m); break;
            case 6:
                if (below(4) == 0) {
                    command = edit::remove_metric(m.id);
                } else {
                    Metric added;
                    added.id = new_id();
                    added.name = "Added";
                    added.journey = m.journey;
                    added.rollup = RollUp::sum;
                    added.rollup_inputs = {m.id};
                    command = edit::add_metric(added);
                    m = added;
                }
                break;
        }
        const std::vector<Metric> before = doc.workspace().metrics;
        if (!doc.execute(command)) continue;  // refused (e.g. a loop): nothing changed
        if (before != doc.workspace().metrics) last_changed = m.id;
        live.update(doc.workspace(), m.id);
        const kpi::Evaluation fresh(doc.workspace());
        REQUIRE(live == fresh);
        if (round % 50 == 49 && !last_changed.is_nil()) {  // and after undo, too
            doc.undo();
            live.update(doc.workspace(), last_changed);
            last_changed = Id{};
            REQUIRE(live == kpi::Evaluation(doc.workspace()));
        }
    }
}

TEST_CASE("kpi text and sparkline: how a KPI reads on tiles, headers and pictures") {
    CHECK(kpi::short_number(42) == "42");
    CHECK(kpi::short_number(3.46) == "3.5");
    CHECK(kpi::short_number(1250.4) == "1250");
    CHECK(kpi::short_number(-0.01) == "0");
    CHECK(kpi::short_number(7.98) == "8");

    Metric m;
    m.name = "NPS";
    kpi::Reading r;
    CHECK(kpi::headline_text(m, r) == "NPS \xE2\x80\x94 no values");
    r.latest = 42;
    CHECK(kpi::headline_text(m, r) == "NPS 42");
    m.target = 45;
    m.unit = "%";
    CHECK(kpi::headline_text(m, r) == "NPS 42 / 45 %");
    r.health = kpi::Health::off_target;
    CHECK(kpi::headline_words(m, r) == "NPS 42 / 45 % (off target)");

    // No values: nothing to draw. Values: spaced by date, scaled with the target inside the box.
    CHECK(kpi::sparkline_geometry(r, m, 0, 0, 100, 20).points.empty());
    r.series = {{Date{0}, 40}, {Date{10}, 44}, {Date{30}, 42}};
    const kpi::SparkGeometry g = kpi::sparkline_geometry(r, m, 0, 0, 100, 20);
    REQUIRE(g.points.size() == 3);
    CHECK(g.dot == doctest::Approx(2.4f));
    CHECK(g.points[0].x == doctest::Approx(g.dot));
    CHECK(g.points[2].x == doctest::Approx(100 - g.dot));
    CHECK(g.points[1].x == doctest::Approx(g.dot + (100 - 2 * g.dot) / 3));
    CHECK(g.points[0].y == doctest::Approx(20 - g.dot));   // the lowest value at the bottom
    REQUIRE(g.target_y.has_value());
    CHECK(*g.target_y == doctest::Approx(g.dot));           // the target (highest) at the top
    // One value sits at the right; a box too small draws nothing.
    r.series = {{Date{5}, 1}};
    CHECK(kpi::sparkline_geometry(r, m, 0, 0, 100, 20).points[0].x == doctest::Approx(100 - 2.4f));
    CHECK(kpi::sparkline_geometry(r, m, 0, 0, 3, 20).points.empty());
    // Only the last 64 points.
    r.series.clear();
    for (int i = 0; i < 100; ++i) r.series.push_back({Date{i}, double(i)});
    CHECK(kpi::sparkline_geometry(r, m, 0, 0, 100, 20).points.size() == 64);
}
