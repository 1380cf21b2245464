#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <unordered_map>
#include <string>

#include "framework/framework.hpp"
#include "model/model.hpp"

using namespace wm;

namespace {

// A small telecom framework, ids from a seeded generator so failures reproduce.
//
//   Customer lifecycle (L0)      stages Awareness, Consideration, Purchase, Renew, Leave
//   ├─ Purchase → Buying a phone plan (L1)   Browse{Compare plans, Check coverage}, Checkout{Sign up, Pay}
//   │             ├─ Checkout › Sign up → Sign up (L2)
//   │             └─ Checkout           → Porting a number (L2)
//   └─ Renew    → Moving house (L1)          Plan{Notify provider}
//                 └─ Plan › Notify provider → Sign up (L2)         (second parent)
//   Orphan micro (L2), no parent
//   Buying a phone plan, redesigned (L1, to-be, counterpart Buying a phone plan), no parent
struct Fixture {
    IdGenerator gen{7};
    Workspace ws;
    Id lifecycle, buying, moving, signup, porting, orphan, redesign;
    Id awareness, consideration, purchase, renew, leave;
    Id browse, compare, coverage_step, checkout, signup_step, pay;
    Id plan, notify, form, details;

    Journey journey(Id& id, const char* title, int level) {
        id = gen.next();
        Journey j;
        j.id = id;
        j.title = title;
        j.level = level;
        return j;
    }
    Stage stage(Id& id, const char* name) { return Stage{id = gen.next(), name, {}}; }
    Step step(Id& id, const char* name) { return Step{id = gen.next(), name, "", false}; }

    Fixture() {
        ws.settings = default_settings();
        Journey l0 = journey(lifecycle, "Customer lifecycle", 0);
        l0.stages = {stage(awareness, "Awareness"), stage(consideration, "Consideration"), stage(purchase, "Purchase"),
                     stage(renew, "Renew"), stage(leave, "Leave")};
        Journey m1 = journey(buying, "Buying a phone plan", 1);
        Stage s_browse = stage(browse, "Browse");
        s_browse.steps = {step(compare, "Compare plans"), step(coverage_step, "Check coverage")};
        Stage s_checkout = stage(checkout, "Checkout");
        s_checkout.steps = {step(signup_step, "Sign up"), step(pay, "Pay")};
        m1.stages = {s_browse, s_checkout};
        Journey m2 = journey(moving, "Moving house", 1);
        Stage s_plan = stage(plan, "Plan");
        s_plan.steps = {step(notify, "Notify provider")};
        m2.stages = {s_plan};
        Journey u1 = journey(signup, "Sign up", 2);
        Stage s_form = stage(form, "Form");
        s_form.steps = {step(details, "Enter details")};
        u1.stages = {s_form};
        Journey u2 = journey(porting, "Porting a number", 2);
        Journey u3 = journey(orphan, "Orphan micro", 2);
        Journey t1 = journey(redesign, "Buying a phone plan, redesigned", 1);
        t1.state = JourneyState::to_be;
        t1.counterpart = buying;
        ws.journeys = {l0, m1, m2, u1, u2, u3, t1};
        ws.links = {
            {lifecycle, buying, purchase, {}},
            {lifecycle, moving, renew, {}},
            {buying, signup, checkout, signup_step},
            {moving, signup, plan, notify},
            {buying, porting, checkout, {}},
        };
    }
};

std::vector<Id> ids(std::initializer_list<Id> list) { return list; }

}  // namespace

TEST_CASE("framework: hierarchy queries in workspace order") {
    Fixture f;
    const Framework fw(f.ws);
    CHECK(fw.size() == 7);
    CHECK(fw.contains(f.signup));
    CHECK_FALSE(fw.contains(f.gen.next()));

    CHECK(fw.children(f.lifecycle) == ids({f.buying, f.moving}));
    CHECK(fw.children(f.buying) == ids({f.signup, f.porting}));
    CHECK(fw.children(f.signup).empty());
    CHECK(fw.parents(f.signup) == ids({f.buying, f.moving}));   // a micro journey reused by two macros
    CHECK(fw.parents(f.lifecycle).empty());
    CHECK(fw.ancestors(f.signup) == ids({f.lifecycle, f.buying, f.moving}));
    CHECK(fw.ancestors(f.porting) == ids({f.lifecycle, f.buying}));
    CHECK(fw.descendants(f.lifecycle) == ids({f.buying, f.moving, f.signup, f.porting}));
    CHECK(fw.descendants(f.moving) == ids({f.signup}));
    CHECK(fw.roots() == ids({f.lifecycle, f.orphan, f.redesign}));
    CHECK(fw.orphans() == ids({f.orphan, f.redesign}));

    const auto links = fw.links_of(f.signup);
    REQUIRE(links.size() == 2);
    CHECK(links[0] == f.ws.links[2]);
    CHECK(links[1] == f.ws.links[3]);
    CHECK(fw.links_from(f.buying) == std::vector<JourneyLink>{f.ws.links[2], f.ws.links[4]});

    // Unknown ids answer with nothing rather than failing.
    const Id stranger = f.gen.next();
    CHECK(fw.children(stranger).empty());
    CHECK(fw.ancestors(stranger).empty());
    CHECK_FALSE(fw.current_of(stranger).has_value());
    CHECK(fw.coverage(stranger).journey.is_nil());
}

TEST_CASE("framework: a child anchored twice under one parent is listed once") {
    Fixture f;
    f.ws.links.push_back({f.buying, f.signup, f.browse, f.compare});
    const Framework fw(f.ws);
    CHECK(fw.children(f.buying) == ids({f.signup, f.porting}));
    CHECK(fw.parents(f.signup) == ids({f.buying, f.moving}));
    CHECK(fw.links_of(f.signup).size() == 3);
}

TEST_CASE("framework: variant edges") {
    Fixture f;
    const Framework fw(f.ws);
    CHECK(fw.to_be_of(f.buying) == ids({f.redesign}));
    CHECK(fw.current_of(f.redesign) == f.buying);
    CHECK_FALSE(fw.current_of(f.buying).has_value());
    CHECK(fw.variants(f.redesign) == ids({f.buying}));
    CHECK(fw.variants(f.buying) == ids({f.redesign}));
    CHECK(fw.variants(f.moving).empty());
    // A variant edge is not part of the hierarchy.
    CHECK(fw.children(f.buying) == ids({f.signup, f.porting}));
    CHECK_FALSE(fw.has_loop());
}

TEST_CASE("framework: roll-up order puts every child before its parents") {
    Fixture f;
    const Framework fw(f.ws);
    const auto order = fw.rollup_order();
    REQUIRE(order.size() == f.ws.journeys.size());
    auto pos = [&](Id id) { return std::find(order.begin(), order.end(), id) - order.begin(); };
    for (const auto& j : f.ws.journeys) CHECK(pos(j.id) < static_cast<long>(order.size()));
    for (const auto& l : f.ws.links) CHECK(pos(l.child) < pos(l.parent));
}

TEST_CASE("framework: coverage per stage and step") {
    Fixture f;
    const Framework fw(f.ws);
    const JourneyCoverage c = fw.coverage(f.buying);
    CHECK(c.journey == f.buying);
    REQUIRE(c.stages.size() == 2);
    CHECK(c.stages[0].stage == f.browse);
    CHECK(c.stages[0].step.is_nil());
    CHECK_FALSE(c.stages[0].mapped());
    CHECK(c.stages[1].stage == f.checkout);
    CHECK(c.stages[1].children == ids({f.signup, f.porting}));
    REQUIRE(c.steps.size() == 4);
    CHECK(c.steps[0].step == f.compare);
    CHECK_FALSE(c.steps[0].mapped());
    CHECK(c.steps[2].step == f.signup_step);
    CHECK(c.steps[2].stage == f.checkout);
    CHECK(c.steps[2].children == ids({f.signup}));
    CHECK_FALSE(c.steps[3].mapped());   // Porting is anchored at the Checkout stage, not at Pay
    CHECK(c.mapped_stages() == 1);
    CHECK(c.mapped_steps() == 1);

    const JourneyCoverage l0 = fw.coverage(f.lifecycle);
    REQUIRE(l0.stages.size() == 5);
    CHECK(l0.steps.empty());
    CHECK(l0.mapped_stages() == 2);

    const CoverageSummary s = fw.coverage_summary();
    REQUIRE(s.lifecycle_stages.size() == 5);
    CHECK(s.lifecycle_stages_mapped == 2);
    CHECK(s.lifecycle_stages[2].stage == f.purchase);
    CHECK(s.lifecycle_stages[2].children == ids({f.buying}));
    CHECK(s.lifecycle_stages[3].children == ids({f.moving}));
    CHECK_FALSE(s.lifecycle_stages[0].mapped());
    // Steps of every level-1 journey: Buying (4), Moving (1), the redesign (none).
    REQUIRE(s.macro_steps.size() == 5);
    CHECK(s.macro_steps_mapped == 2);
    CHECK(s.macro_steps[4].journey == f.moving);
    CHECK(s.macro_steps[4].children == ids({f.signup}));
}

TEST_CASE("check_link: accepted links") {
    Fixture f;
    CHECK_FALSE(check_link(f.ws, {f.moving, f.orphan, f.plan, {}}).has_value());
    CHECK_FALSE(check_link(f.ws, {f.moving, f.orphan, f.plan, f.notify}).has_value());
    CHECK_FALSE(check_link(f.ws, {f.lifecycle, f.orphan, f.leave, {}}).has_value());   // levels may be skipped
    CHECK_FALSE(check_link(f.ws, {f.buying, f.signup, f.browse, {}}).has_value());     // another anchor, same parent
    CHECK_FALSE(Framework(f.ws).check_link({f.lifecycle, f.redesign, f.purchase, {}}).has_value());
}

TEST_CASE("check_link: loops are refused naming the journeys") {
    Fixture f;
    CHECK(check_link(f.ws, {f.signup, f.buying, f.form, {}}) ==
          "\u201CBuying a phone plan\u201D cannot be placed under \u201CSign up\u201D: \u201CSign up\u201D is already "
          "inside \u201CBuying a phone plan\u201D, which would make a loop.");
    CHECK(check_link(f.ws, {f.signup, f.lifecycle, f.form, {}}) ==
          "\u201CCustomer lifecycle\u201D cannot be placed under \u201CSign up\u201D: \u201CSign up\u201D is already "
          "inside \u201CCustomer lifecycle\u201D (via \u201CBuying a phone plan\u201D), which would make a loop.");
    CHECK(check_link(f.ws, {f.signup, f.signup, f.form, {}}) == "\u201CSign up\u201D cannot be placed under itself.");
}

TEST_CASE("check_link: a child must be deeper than its parent") {
    Fixture f;
    CHECK(check_link(f.ws, {f.buying, f.moving, f.browse, {}}) ==
          "\u201CMoving house\u201D cannot be placed under \u201CBuying a phone plan\u201D: a child must sit on a deeper "
          "level than its parent (Macro journeys is not deeper than Macro journeys).");
    CHECK(check_link(f.ws, {f.orphan, f.moving, {}, {}}).has_value());
    Journey& orphan = *find_by_id(f.ws.journeys, f.orphan);
    orphan.stages = {Stage{f.gen.next(), "Only", {}}};
    CHECK(check_link(f.ws, {f.orphan, f.moving, orphan.stages[0].id, {}}) ==
          "\u201CMoving house\u201D cannot be placed under \u201COrphan micro\u201D: a child must sit on a deeper "
          "level than its parent (Macro journeys is not deeper than Micro journeys).");
}

TEST_CASE("check_link: levels beyond the configured number") {
    Fixture f;
    find_by_id(f.ws.journeys, f.orphan)->level = 3;
    CHECK(check_link(f.ws, {f.buying, f.orphan, f.browse, {}}) ==
          "\u201COrphan micro\u201D cannot be placed under \u201CBuying a phone plan\u201D: \u201COrphan micro\u201D is on "
          "level L3, but this workspace has only levels L0\u2013L2 (Lifecycle, Macro journeys, Micro journeys).");
    f.ws.settings.level_names.push_back("Nano journeys");
    CHECK_FALSE(check_link(f.ws, {f.buying, f.orphan, f.browse, {}}).has_value());
}

TEST_CASE("check_link: dangling anchors and unknown journeys") {
    Fixture f;
    const std::string head = "\u201COrphan micro\u201D cannot be placed under \u201CMoving house\u201D: ";
    CHECK(check_link(f.ws, {f.moving, f.orphan, {}, {}}) ==
          head + "no stage of \u201CMoving house\u201D was chosen to anchor it to.");
    CHECK(check_link(f.ws, {f.moving, f.orphan, f.browse, {}}) ==
          head + "the stage \u201CBrowse\u201D belongs to \u201CBuying a phone plan\u201D, not to \u201CMoving house\u201D.");
    CHECK(check_link(f.ws, {f.moving, f.orphan, f.gen.next(), {}}) ==
          head + "the chosen stage does not exist in \u201CMoving house\u201D (it may have been deleted).");
    CHECK(check_link(f.ws, {f.moving, f.orphan, f.plan, f.pay}) ==
          head + "the chosen step does not exist in the stage \u201CPlan\u201D of \u201CMoving house\u201D (it may have "
                 "been deleted).");
    CHECK(check_link(f.ws, {f.buying, f.orphan, f.browse, f.pay}) ==
          "\u201COrphan micro\u201D cannot be placed under \u201CBuying a phone plan\u201D: the step \u201CPay\u201D is in "
          "the stage \u201CCheckout\u201D, not in \u201CBrowse\u201D.");

    const Id ghost = f.gen.next();
    CHECK(check_link(f.ws, {ghost, f.orphan, f.plan, {}}) ==
          "\u201COrphan micro\u201D cannot be placed under a journey that does not exist (it may have been deleted).");
    CHECK(check_link(f.ws, {f.moving, ghost, f.plan, {}}) ==
          "The journey to place under \u201CMoving house\u201D does not exist (it may have been deleted).");
    CHECK(check_link(f.ws, {ghost, Id{}, f.plan, {}}).has_value());
}

TEST_CASE("check_link: an existing link is refused") {
    Fixture f;
    CHECK(check_link(f.ws, f.ws.links[2]) ==
          "\u201CSign up\u201D is already placed under \u201CBuying a phone plan\u201D at \u201CCheckout\u201D \u203A "
          "\u201CSign up\u201D.");
    CHECK(check_link(f.ws, f.ws.links[0]) ==
          "\u201CBuying a phone plan\u201D is already placed under \u201CCustomer lifecycle\u201D at \u201CPurchase\u201D.");
}

TEST_CASE("link, unlink and reparent edit the workspace only when allowed") {
    Fixture f;
    CHECK_FALSE(link_journeys(f.ws, {f.moving, f.orphan, f.plan, {}}).has_value());
    CHECK(f.ws.links.size() == 6);
    CHECK(Framework(f.ws).orphans() == ids({f.redesign}));
    CHECK(link_journeys(f.ws, {f.signup, f.buying, f.form, {}}).has_value());
    CHECK(f.ws.links.size() == 6);

    CHECK(unlink_journeys(f.ws, {f.moving, f.orphan, f.plan, {}}));
    CHECK_FALSE(unlink_journeys(f.ws, {f.moving, f.orphan, f.plan, {}}));
    CHECK(f.ws.links.size() == 5);
    f.ws.links.push_back({f.moving, f.orphan, f.plan, {}});
    f.ws.links.push_back({f.moving, f.orphan, f.plan, f.notify});
    CHECK(unlink_journeys(f.ws, f.moving, f.orphan));
    CHECK_FALSE(unlink_journeys(f.ws, f.moving, f.orphan));
    CHECK(f.ws.links.size() == 5);

    // Move Sign up from Moving house to Buying a phone plan › Browse: it keeps one link there.
    CHECK_FALSE(check_reparent(f.ws, f.signup, f.moving, {f.buying, f.signup, f.browse, {}}).has_value());
    CHECK_FALSE(reparent_journey(f.ws, f.signup, f.moving, {f.buying, f.signup, f.browse, {}}).has_value());
    const Framework fw(f.ws);
    CHECK(fw.parents(f.signup) == ids({f.buying}));
    CHECK(fw.links_of(f.signup).size() == 2);
    CHECK(fw.links_of(f.signup)[1] == JourneyLink{f.buying, f.signup, f.browse, {}});   // took the old link's place

    // Moving within the same parent: the old links no longer count as duplicates.
    CHECK_FALSE(check_reparent(f.ws, f.porting, f.buying, {f.buying, f.porting, f.checkout, {}}).has_value());
    CHECK_FALSE(reparent_journey(f.ws, f.porting, f.buying, {f.buying, f.porting, f.checkout, f.pay}).has_value());
    CHECK(Framework(f.ws).links_of(f.porting) == std::vector<JourneyLink>{{f.buying, f.porting, f.checkout, f.pay}});

    // Refusals.
    CHECK(check_reparent(f.ws, f.signup, f.moving, {f.lifecycle, f.signup, f.leave, {}}) ==
          "\u201CSign up\u201D is not placed under \u201CMoving house\u201D, so it cannot be moved from there.");
    CHECK(check_reparent(f.ws, f.buying, f.lifecycle, {f.signup, f.buying, f.form, {}}) ==
          "\u201CBuying a phone plan\u201D cannot be placed under \u201CSign up\u201D: \u201CSign up\u201D is already "
          "inside \u201CBuying a phone plan\u201D, which would make a loop.");
    CHECK(check_reparent(f.ws, f.signup, f.buying, {f.buying, f.porting, f.browse, {}}).has_value());
    const auto before = f.ws.links;
    CHECK(reparent_journey(f.ws, f.buying, f.lifecycle, {f.moving, f.buying, f.plan, {}}).has_value());   // same level
    CHECK(f.ws.links == before);
}

TEST_CASE("check_framework: a sound workspace has nothing to report") {
    Fixture f;
    CHECK(check_framework(f.ws).empty());
    CHECK(check_framework(blank_workspace("Empty")).empty());
}

TEST_CASE("check_framework: reports every violation, loops included") {
    Fixture f;
    const Id ghost = f.gen.next();
    f.ws.links.push_back({f.signup, f.buying, f.form, {}});        // loop Buying › Sign up › Buying (and wrong level)
    f.ws.links.push_back({f.porting, f.porting, {}, {}});          // self
    f.ws.links.push_back({ghost, f.orphan, f.plan, {}});           // dangling parent
    f.ws.links.push_back(f.ws.links[0]);                           // duplicate
    f.ws.links.push_back({f.moving, f.orphan, f.browse, {}});      // stage of another journey
    find_by_id(f.ws.journeys, f.orphan)->level = 7;
    find_by_id(f.ws.journeys, f.porting)->counterpart = ghost;

    const Framework fw(f.ws);
    CHECK(fw.has_loop());
    const auto order = fw.rollup_order();
    CHECK(order.size() == f.ws.journeys.size());
    CHECK(std::set<Id>(order.begin(), order.end()).size() == order.size());
    CHECK(fw.ancestors(f.buying) == ids({f.lifecycle, f.moving, f.signup}));   // never itself, even in a loop

    const auto problems = check_framework(f.ws);
    auto has = [&](const std::string& text) {
        return std::find(problems.begin(), problems.end(), text) != problems.end();
    };
    CHECK(problems.size() == 8);
    CHECK(has("\u201COrphan micro\u201D is on level L7, but this workspace has only levels L0\u2013L2 (Lifecycle, Macro "
              "journeys, Micro journeys)."));
    CHECK(has("\u201CBuying a phone plan\u201D is placed under \u201CSign up\u201D, but a child must sit on a deeper level "
              "than its parent (Macro journeys is not deeper than Micro journeys)."));
    CHECK(has("\u201CPorting a number\u201D is placed under itself."));
    CHECK(has("\u201COrphan micro\u201D is placed under a journey that does not exist."));
    CHECK(has("\u201CBuying a phone plan\u201D is placed under \u201CCustomer lifecycle\u201D at \u201CPurchase\u201D more "
              "than once."));
    CHECK(has("\u201COrphan micro\u201D is placed under \u201CMoving house\u201D, but the stage \u201CBrowse\u201D belongs "
              "to \u201CBuying a phone plan\u201D, not to \u201CMoving house\u201D."));
    CHECK(has("These journeys are placed inside each other in a loop: \u201CBuying a phone plan\u201D \u203A \u201CSign "
              "up\u201D \u203A \u201CBuying a phone plan\u201D. Remove one of these links."));
    CHECK(has("\u201CPorting a number\u201D redesigns a current journey that does not exist (it may have been deleted)."));
}

// ---------------------------------------------------------------------------------------------
// Properties on random frameworks
// ---------------------------------------------------------------------------------------------
namespace {

// `n` journeys on 4 levels, each with two stages of two steps, and random links that respect levels.
Workspace random_framework(std::mt19937_64& rng, IdGenerator& gen, int n, int links) {
    Workspace ws;
    ws.settings = default_settings();
    ws.settings.level_names.push_back("Nano journeys");
    std::uniform_int_distribution<int> level(0, 3);
    for (int i = 0; i < n; ++i) {
        Journey j;
        j.id = gen.next();
        j.title = "J" + std::to_string(i);
        j.level = i == 0 ? 0 : level(rng);
        for (int s = 0; s < 2; ++s) {
            Stage stage{gen.next(), "S" + std::to_string(s), {}};
            for (int t = 0; t < 2; ++t) stage.steps.push_back(Step{gen.next(), "T" + std::to_string(t), "", false});
            j.stages.push_back(stage);
        }
        ws.journeys.push_back(j);
    }
    std::uniform_int_distribution<int> pick(0, n - 1), two(0, 1), three(0, 2);
    for (int tries = 0; tries < links * 20 && static_cast<int>(ws.links.size()) < links; ++tries) {
        const Journey& p = ws.journeys[pick(rng)];
        const Journey& c = ws.journeys[pick(rng)];
        const Stage& stage = p.stages[two(rng)];
        const int step = three(rng);
        JourneyLink link{p.id, c.id, stage.id, step == 2 ? Id{} : stage.steps[step].id};
        const bool ok = !check_link(ws, link).has_value();
        CHECK(ok == (c.level > p.level && std::find(ws.links.begin(), ws.links.end(), link) == ws.links.end()));
        if (ok) ws.links.push_back(link);
    }
    return ws;
}

}  // namespace

TEST_CASE("framework: properties on random DAGs") {
    std::mt19937_64 rng(2024);
    IdGenerator gen(99);
    for (int round = 0; round < 25; ++round) {
        const Workspace ws = random_framework(rng, gen, 40, 80);
        const Framework fw(ws);
        CHECK_FALSE(fw.has_loop());
        CHECK(check_framework(ws).empty());

        // Roll-up order: a permutation of the journeys with every child before each of its parents.
        const auto order = fw.rollup_order();
        REQUIRE(order.size() == ws.journeys.size());
        std::unordered_map<Id, std::size_t> pos;
        for (std::size_t i = 0; i < order.size(); ++i) pos[order[i]] = i;
        CHECK(pos.size() == ws.journeys.size());
        for (const auto& l : ws.links) CHECK(pos.at(l.child) < pos.at(l.parent));

        for (const auto& j : ws.journeys) {
            // Descendants and ancestors mirror each other; nobody is their own relative in a DAG.
            for (Id d : fw.descendants(j.id)) {
                const auto anc = fw.ancestors(d);
                CHECK(std::find(anc.begin(), anc.end(), j.id) != anc.end());
                CHECK(d != j.id);
            }
            // Placing a journey under one of its descendants is a loop and must be refused.
            for (Id d : fw.descendants(j.id)) {
                const Journey* dj = find_by_id(ws.journeys, d);
                const auto why = check_link(ws, {d, j.id, dj->stages[0].id, {}});
                REQUIRE(why.has_value());
                CHECK(why->find("which would make a loop") != std::string::npos);
            }
            // Orphans: exactly the parentless journeys below L0.
            const bool orphan = j.level >= 1 && fw.parents(j.id).empty();
            const auto orphans = fw.orphans();
            CHECK(orphan == (std::find(orphans.begin(), orphans.end(), j.id) != orphans.end()));
        }
    }
}

TEST_CASE("framework: roll-up order on random DAGs that ignore levels, and loops found in any graph") {
    std::mt19937_64 rng(77);
    IdGenerator gen(5);
    for (int round = 0; round < 30; ++round) {
        const int n = 30;
        Workspace ws;
        ws.settings = default_settings();
        for (int i = 0; i < n; ++i) {
            Journey j;
            j.id = gen.next();
            j.title = "J" + std::to_string(i);
            j.stages = {Stage{gen.next(), "S", {}}};
            ws.journeys.push_back(j);
        }
        // A hidden topological order: edges only go from earlier to later in `rank`, so no loop.
        std::vector<int> rank(n);
        for (int i = 0; i < n; ++i) rank[i] = i;
        std::shuffle(rank.begin(), rank.end(), rng);
        std::uniform_int_distribution<int> pick(0, n - 1);
        for (int e = 0; e < 60; ++e) {
            int a = pick(rng), b = pick(rng);
            if (a == b) continue;
            if (rank[a] > rank[b]) std::swap(a, b);
            ws.links.push_back({ws.journeys[a].id, ws.journeys[b].id, ws.journeys[a].stages[0].id, {}});
        }
        const Framework fw(ws);
        CHECK_FALSE(fw.has_loop());
        const auto order = fw.rollup_order();
        REQUIRE(order.size() == static_cast<std::size_t>(n));
        std::unordered_map<Id, std::size_t> pos;
        for (std::size_t i = 0; i < order.size(); ++i) pos[order[i]] = i;
        CHECK(pos.size() == order.size());
        for (const auto& l : ws.links) CHECK(pos.at(l.child) < pos.at(l.parent));

        // Close a loop with one backwards link: the framework notices and names it.
        const auto& l = ws.links.front();
        ws.links.push_back({l.child, l.parent, find_by_id(ws.journeys, l.child)->stages[0].id, {}});
        const Framework broken(ws);
        CHECK(broken.has_loop());
        CHECK(broken.rollup_order().size() == static_cast<std::size_t>(n));
        const auto problems = check_framework(ws);
        CHECK(std::any_of(problems.begin(), problems.end(), [](const std::string& p) {
            return p.rfind("These journeys are placed inside each other in a loop", 0) == 0;
        }));
    }
}
