// One set of limits for files and edits (model/validate.hpp check_limits, edit::Document::execute):
// the file-size bound is a true upper bound of what export and snapshot write, and an edit the
// loader would refuse is refused by the document. The property test over every command that takes a
// text or a count is in limits_property_test.cpp.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "edit/commands.hpp"
#include "edit/history.hpp"
#include "io/file_format.hpp"
#include "edit_random.hpp"
#include "io_fixture.hpp"
#include "model/generate.hpp"
#include "model/limits.hpp"
#include "model/sample.hpp"
#include "model/validate.hpp"

using namespace wm;

namespace {

// The bound holds for `ws`, and is not wildly loose (it decides when a big workspace stops growing).
void check_bound(const Workspace& ws, const char* what, double max_ratio) {
    const LimitCheck check = check_limits(ws);
    CHECK_MESSAGE(check.problem.empty(), what, ": ", check.problem);
    const std::size_t json = io::export_json(ws).size();
    const std::size_t snapshot = io::save_snapshot(ws).size();
    INFO(what, ": bound ", check.file_bytes, ", export ", json, ", snapshot ", snapshot);
    CHECK(check.file_bytes >= json);
    CHECK(check.file_bytes >= snapshot);
    CHECK(static_cast<double>(check.file_bytes) <= max_ratio * static_cast<double>(json));
}

}  // namespace

TEST_CASE("limits: the file-size bound is above every export and snapshot") {
    check_bound(sample_workspace(), "sample", 1.5);
    check_bound(test::rich_workspace(), "every field set", 1.5);
    check_bound(blank_workspace("Empty"), "blank", 2.0);
    GenerateSpec spec;
    spec.journeys = 200;
    spec.levels = 4;
    check_bound(generate_workspace(spec), "generated", 1.5);

    // Texts that escape to the most bytes: control characters, quotes, backslashes; and non-ASCII,
    // which is written as it is.
    Workspace ws = test::rich_workspace();
    std::string nasty;
    for (int c = 1; c < 0x20; ++c) nasty += static_cast<char>(c);
    nasty += "\"\\\"\\ 😀 é 中";
    ws.name = nasty;
    for (auto& j : ws.journeys)
        for (auto& c : j.cards) c.text = nasty + nasty;
    for (auto& in : ws.insights) in.text = nasty;
    check_bound(ws, "escapes", 1.5);
}

TEST_CASE("limits: check_limits finds what validate finds about sizes, in words") {
    Workspace ws = test::rich_workspace();
    REQUIRE(check_limits(ws).problem.empty());
    ws.journeys[0].description = std::string(limits::kMaxTextBytes + 1, 'x');
    CHECK(check_limits(ws).problem == "A text of 100,001 bytes is longer than the 100,000 bytes a text can hold");
    CHECK(!validate(ws).empty());
    ws.journeys[0].description = "ok \xF0\x9F\x98";  // a cut-off emoji
    CHECK(check_limits(ws).problem == "A text is not valid UTF-8");
    ws.journeys[0].description.clear();
    ws.journeys[0].tags.assign(limits::kMaxStrings + 1, "t");
    CHECK(check_limits(ws).problem == "There would be 1,001 tags, more than the limit of 1,000");
}

TEST_CASE("limits: an edit the loader would refuse is refused, and the document is untouched") {
    using namespace wm::edit;
    Workspace ws = sample_workspace();
    const Journey& journey = ws.journeys[1];
    const Id jid = journey.id;
    const Card card = journey.cards.front();
    Document doc(ws);
    const std::string before = io::export_json(doc.workspace());

    // 300 KB typed or pasted into a card (the reported loss: the save was later judged damaged).
    const Result long_text = doc.execute(set_card_text(jid, card.id, std::string(300'000, 'a')));
    CHECK(long_text.refusal == "A text of 300,000 bytes is longer than the 100,000 bytes a text can hold; nothing was changed.");
    CHECK(io::export_json(doc.workspace()) == before);
    CHECK(!doc.can_undo());

    // A lone surrogate from a broken clipboard arrives as invalid UTF-8.
    CHECK(!doc.execute(set_journey_title(jid, "Buy \xED\xA0\x80 now")));
    CHECK(io::export_json(doc.workspace()) == before);

    // At the limit exactly is fine, and the file opens again.
    REQUIRE(doc.execute(set_card_text(jid, card.id, std::string(limits::kMaxTextBytes, 'a'))));
    const io::LoadResult again = io::import_json(io::export_json(doc.workspace()));
    CHECK(again.error == "");
    const io::LoadResult snap = io::load_snapshot(io::save_snapshot(doc.workspace()));
    CHECK(snap.error == "");
}

TEST_CASE("limits: near the file cap, growth is refused but shrinking is not") {
    using namespace wm::edit;
    // Texts at their limit fill the file bound quickly: 1,400 cards of 100 KB are ~140 MB of JSON.
    Workspace ws = blank_workspace("Big");
    Journey j;
    j.id = new_id();
    j.title = "Huge";
    j.level = 1;
    j.stages = {Stage{new_id(), "Stage", {Step{new_id(), "Step", "", false}}}};
    j.lanes = {Lane{new_id(), "Notes", LaneKind::text, "", 0x445566, false}};
    const std::string big(limits::kMaxTextBytes - 10, 'x');
    const std::size_t fit = limits::kMaxFileBytes / (big.size() + 1000) - 2;
    for (std::size_t i = 0; i < fit; ++i)
        j.cards.push_back(Card{new_id(), j.lanes[0].id, j.stages[0].steps[0].id, big, {}, 0, {}, {}, {}});
    const Id jid = j.id, lane = j.lanes[0].id, step = j.stages[0].steps[0].id;
    const Id first = j.cards[0].id;
    ws.journeys.push_back(std::move(j));
    Document doc(ws);
    REQUIRE(check_limits(doc.workspace()).file_bytes <= limits::kMaxFileBytes);

    Result grow;
    int added = 0;
    for (; added < 100; ++added) {
        grow = doc.execute(add_card(jid, Card{new_id(), lane, step, big, {}, 0, {}, {}, {}}));
        if (!grow) break;
    }
    CHECK(added < 100);
    CHECK(grow.refusal == "This would make the workspace larger than a Waymark file can hold (128 MB); nothing was changed.");
    CHECK(check_limits(doc.workspace()).file_bytes <= limits::kMaxFileBytes);
    // Shrinking is always allowed.
    CHECK(doc.execute(set_card_text(jid, first, "short")));
    CHECK(doc.execute(remove_card(jid, first)));
}

// [SECTION] Property: nothing an edit may make is refused by the loader ---------------------------
namespace {

// The fixture with lists one short of their limits, so that random adds cross them.
Workspace near_the_limits(test::Fixture& f) {
    Workspace ws = f.ws;
    Journey& j = *find_by_id(ws.journeys, f.macro);
    while (j.stages.size() < limits::kMaxStages - 1) j.stages.push_back(Stage{new_id(), "s", {}});
    while (j.stages[0].steps.size() < limits::kMaxSteps - 1) j.stages[0].steps.push_back(Step{new_id(), "t", "", false});
    while (j.lanes.size() < limits::kMaxLanes - 1) j.lanes.push_back(Lane{new_id(), "l", LaneKind::text, "", 0, false});
    j.tags.assign(limits::kMaxStrings - 1, "tag");
    return ws;
}

}  // namespace

TEST_CASE("limits: property - every accepted edit saves and exports to what the loader opens again") {
    using namespace wm::edit;
    constexpr int kSequences = 300;
    std::size_t executed = 0, refused_for_limits = 0;
    for (int seq = 0; seq < kSequences; ++seq) {
        test::Fixture f = test::make_fixture(5000 + static_cast<std::uint64_t>(seq));
        const bool near = seq % 10 == 0;
        Document doc(near ? near_the_limits(f) : f.ws, 100000);
        test::Gen g{std::mt19937_64(static_cast<std::uint64_t>(seq) * 7919), &doc.workspace()};
        g.hostile = true;
        const int length = 1 + static_cast<int>(g.below(near ? 15 : 30));
        for (int step = 0; step < length; ++step) {
            const std::uint64_t revision = doc.revision();
            const Result result = doc.execute(test::random_command(g));
            ++executed;
            if (!result && result.refusal.find("nothing was changed") != std::string::npos) ++refused_for_limits;
            if (g.one_in(12)) doc.undo();
            if (doc.revision() == revision && !near) continue;
            // Whatever the document holds now must open again: as a snapshot (what autosave writes) and
            // as a file (what export writes) — the loader's every check, not just the limits.
            const std::vector<std::string> problems = validate(doc.workspace());
            INFO("sequence ", seq, " step ", step, ": ", doc.undo_label());
            REQUIRE_MESSAGE(problems.empty(), problems.front());
            if (!near || step + 1 == length) {
                const io::LoadResult snap = io::load_snapshot(io::save_snapshot(doc.workspace()));
                REQUIRE_MESSAGE(static_cast<bool>(snap), snap.error);
                const io::LoadResult file = io::import_json(io::export_json(doc.workspace()));
                REQUIRE_MESSAGE(static_cast<bool>(file), file.error);
            }
        }
    }
    MESSAGE("executed " << executed << " random commands, " << refused_for_limits << " refused by the limits");
    CHECK(refused_for_limits > executed / 40);
}
