// Undo across the team's changes (issue 16; docs/design.md "Undo with a team"): when a change from
// the team arrives, the history is rebuilt as records (live::TeamRebaser, io::take_back), and undo
// and redo then take back or put again only my edits, on whatever the team made of the workspace.
#include <doctest/doctest.h>

#include <algorithm>

#include "live/team_undo.hpp"
#include "merge_fixture.hpp"

using namespace wm;
using test::Copy;

namespace {

// Everything `from` has goes to `to`, as the live session applies it: merged, then applied with the
// rebaser of `to`'s writer, then stamped.
io::MergeReport send(const Copy& from, Copy& to) {
    const io::MergeResult m = io::merge_records(to.ws(), io::records_since(from.ws(), {}));
    REQUIRE_MESSAGE(m, m.error);
    live::TeamRebaser rebaser(to.replica.id);
    to.doc.apply_remote(*m.workspace, &rebaser);
    to.stamp();
    return m.report;
}

// An undo or redo as the app makes it: then stamped, as the live session does after each frame.
void undo(Copy& c) {
    REQUIRE(c.doc.undo());
    c.stamp();
}
void redo(Copy& c) {
    REQUIRE(c.doc.redo());
    c.stamp();
}

const Card* card(const Workspace& ws, Id journey, Id id) {
    const Journey* j = find_by_id(ws.journeys, journey);
    return j ? find_by_id(j->cards, id) : nullptr;
}

std::vector<Id> card_order(const Workspace& ws, Id journey) {
    std::vector<Id> out;
    for (const Card& c : find_by_id(ws.journeys, journey)->cards) out.push_back(c.id);
    return out;
}

void converge(Copy& a, Copy& b) {
    send(a, b);
    send(b, a);
    CHECK(io::export_json(a.ws()) == io::export_json(b.ws()));
    CHECK(validate(a.ws()).empty());
}

}  // namespace

TEST_CASE("team undo: my edit is undone after a change from the team, theirs stays; redo puts mine again") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a{base, 0xA};
    Copy b{base, 0xB};
    a.run(edit::set_card_text(f.macro, f.c1, "Mine"));
    b.run(edit::set_workspace_name("Renamed by Ben"));
    send(b, a);
    REQUIRE(a.ws().name == "Renamed by Ben");
    REQUIRE(a.doc.can_undo());
    CHECK(a.doc.undo_label() == "Edit card");
    undo(a);
    CHECK(card(a.ws(), f.macro, f.c1)->text == "Opens the site");
    CHECK(a.ws().name == "Renamed by Ben");
    CHECK(a.doc.last_outcome().empty());
    redo(a);
    CHECK(card(a.ws(), f.macro, f.c1)->text == "Mine");
    undo(a);
    // The undo is an edit of mine like any other: it reaches the others and the copies converge.
    converge(a, b);
    CHECK(card(b.ws(), f.macro, f.c1)->text == "Opens the site");
    CHECK(b.ws().name == "Renamed by Ben");
}

TEST_CASE("team undo: a field someone changed since stays theirs, and the undo says so") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a{base, 0xA};
    Copy b{base, 0xB};
    a.run(edit::set_card_text(f.macro, f.c1, "Mine"));
    a.run(edit::set_card_severity(f.macro, f.c2, 2));
    send(a, b);
    b.run(edit::set_card_text(f.macro, f.c1, "Ben's, after mine"));
    send(b, a);
    undo(a);   // the severity: nobody touched it
    CHECK(card(a.ws(), f.macro, f.c2)->severity == 4);
    CHECK(a.doc.last_outcome().empty());
    undo(a);   // the text: Ben changed it after me
    CHECK(card(a.ws(), f.macro, f.c1)->text == "Ben's, after mine");
    CHECK(a.doc.last_outcome() == "1 change stays as someone else made it since.");
    converge(a, b);
    CHECK(card(b.ws(), f.macro, f.c2)->severity == 4);
}

TEST_CASE("team undo: a card I added goes, a card I deleted comes back in its place, a move goes back") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a{base, 0xA};
    Copy b{base, 0xB};
    const std::vector<Id> order = card_order(base, f.macro);
    const Id added = Id{0x1234, 0x5678};
    a.run(edit::add_card(f.macro, Card{added, f.l_pains, f.st_pay, "New pain", {}, 0, {}, {}, {}}));
    a.run(edit::remove_card(f.macro, f.c2));
    a.run(edit::move_card(f.macro, f.c3, f.l_actions, f.st_browse, f.c1));
    b.run(edit::rename_stage(f.macro, f.s_buy, "Purchase"));
    send(b, a);
    REQUIRE(a.doc.position() == 3);

    undo(a);   // the move
    CHECK(card(a.ws(), f.macro, f.c3)->step == f.st_pay);
    undo(a);   // the delete
    REQUIRE(card(a.ws(), f.macro, f.c2) != nullptr);
    CHECK(card(a.ws(), f.macro, f.c2)->text == "Too many options");
    CHECK(card(a.ws(), f.macro, f.c2)->personas == std::vector<Id>{f.anna, f.ben});
    undo(a);   // the add
    CHECK(card(a.ws(), f.macro, added) == nullptr);
    CHECK(card_order(a.ws(), f.macro) == order);
    CHECK_FALSE(a.doc.can_undo());
    CHECK(find_by_id(a.ws().journeys, f.macro)->stages[1].name == "Purchase");
    converge(a, b);

    // And all three again.
    redo(a);
    redo(a);
    redo(a);
    CHECK(card(a.ws(), f.macro, added)->text == "New pain");
    CHECK(card(a.ws(), f.macro, f.c2) == nullptr);
    CHECK(card(a.ws(), f.macro, f.c3)->step == f.st_browse);
    CHECK(card_order(a.ws(), f.macro).front() == f.c3);
    converge(a, b);
}

TEST_CASE("team undo: a step I added stays when someone put a card on it since, and the undo says why") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a{base, 0xA};
    Copy b{base, 0xB};
    const Id step = Id{0xAB, 0xCD};
    a.run(edit::add_step(f.macro, f.s_buy, Step{step, "Confirm", "", false}));
    send(a, b);
    b.run(edit::add_card(f.macro, Card{Id{0xEF, 0x01}, f.l_actions, step, "Ben's card on it", {}, 0, {}, {}, {}}));
    send(b, a);
    undo(a);
    const Journey* j = find_by_id(a.ws().journeys, f.macro);
    CHECK(std::any_of(j->stages[1].steps.begin(), j->stages[1].steps.end(), [&](const Step& s) { return s.id == step; }));
    CHECK(card(a.ws(), f.macro, Id{0xEF, 0x01}) != nullptr);
    CHECK_MESSAGE(a.doc.last_outcome().find("stays") != std::string::npos, a.doc.last_outcome());
    converge(a, b);
}

TEST_CASE("team undo: redo steps survive a change from the team; undoing past it forgets positional steps above") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a{base, 0xA};
    Copy b{base, 0xB};
    a.run(edit::set_card_text(f.macro, f.c1, "One"));
    a.run(edit::set_card_text(f.macro, f.c2, "Two"));
    undo(a);   // "Two" can be redone
    b.run(edit::set_workspace_name("Ben's"));
    send(b, a);
    REQUIRE(a.doc.can_redo());
    redo(a);
    CHECK(card(a.ws(), f.macro, f.c2)->text == "Two");
    // New positional edits sit above the rebased ones.
    a.run(edit::set_card_text(f.macro, f.c3, "Three"));
    undo(a);   // positional: exactly as before
    CHECK(card(a.ws(), f.macro, f.c3)->text == "Pays");
    undo(a);   // rebased "Two": the positional "Three" above it cannot be redone after it
    CHECK(card(a.ws(), f.macro, f.c2)->text == "Too many options");
    CHECK(a.doc.size() == 2);
    redo(a);
    CHECK(card(a.ws(), f.macro, f.c2)->text == "Two");
    CHECK_FALSE(a.doc.can_redo());
    undo(a);
    undo(a);
    CHECK(card(a.ws(), f.macro, f.c1)->text == "Opens the site");
    CHECK(a.ws().name == "Ben's");
}

TEST_CASE("team undo: without a rebaser the history is forgotten; beyond the bound the oldest entries go") {
    test::Fixture f = test::make_fixture();
    const Workspace base = test::stamped_base();
    Copy a{base, 0xA};
    Copy b{base, 0xB};
    for (std::size_t i = 0; i < edit::Document::kMaxRebased + 5; ++i) a.run(edit::set_card_text(f.macro, f.c1, "v" + std::to_string(i)));
    b.run(edit::set_workspace_name("Ben's"));
    send(b, a);
    CHECK(a.doc.position() == edit::Document::kMaxRebased);
    while (a.doc.can_undo()) undo(a);
    CHECK(card(a.ws(), f.macro, f.c1)->text == "v4");   // the 5 oldest were forgotten
    CHECK(a.ws().name == "Ben's");
}

TEST_CASE("team undo: random edits of every kind, rebased, undo back to the start and redo to the end, exactly") {
    const Workspace base = test::stamped_base();
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        CAPTURE(seed);
        Copy a{base, 0xA};
        const Copy b{base, 0xB};
        test::Gen g{std::mt19937_64(seed)};
        for (int i = 0; i < 40; ++i) {
            g.ws = &a.doc.workspace();
            (void)a.doc.execute(test::random_command(g, (static_cast<int>(seed) * 40 + i) % test::kCommandKinds));
            a.stamp();
        }
        Workspace done = a.ws();
        send(b, a);   // nothing new from Ben, but the history is rebuilt all the same
        const std::size_t steps = a.doc.position();
        CHECK(steps >= 20);
        while (a.doc.can_undo()) {
            undo(a);
            CHECK_MESSAGE(a.doc.last_outcome().empty(), a.doc.last_outcome());
            CHECK(validate(a.ws()).empty());
            CHECK(check_framework(a.ws()).empty());
        }
        Workspace start = a.ws();
        Workspace expected = base;
        start.merge = expected.merge = {};
        CHECK(io::export_json(start) == io::export_json(expected));
        for (std::size_t i = 0; i < steps; ++i) redo(a);
        Workspace end = a.ws();
        end.merge = done.merge = {};
        CHECK(io::export_json(end) == io::export_json(done));
    }
}
