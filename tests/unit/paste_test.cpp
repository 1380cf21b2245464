// Copy and paste on the journey map (src/edit/paste.hpp) and the composite command behind it:
// spreadsheet clipboard text both ways, the paste plan, the one undo step a paste makes, and a copy's
// layout.
#include <doctest/doctest.h>

#include <random>

#include "edit/commands.hpp"
#include "edit/history.hpp"
#include "edit/paste.hpp"
#include "io/tsv.hpp"
#include "io/file_format.hpp"
#include "model/limits.hpp"

using namespace wm;
using namespace wm::edit;
using wm::io::parse_tsv;
using wm::io::to_tsv;

namespace {

// A dessert-ordering journey: three lanes (cards, an emotion curve, pains) over three steps in two
// stages, with one card already on the map.
struct Fixture {
    Workspace ws;
    Id journey, searches, decides, pays, doing, feelings, pains, anna, existing;
};

Fixture make_fixture() {
    ids() = IdGenerator(7);
    Fixture f;
    f.ws = blank_workspace("Paste");
    f.anna = new_id();
    f.ws.personas = {Persona{f.anna, "Anna", "Student", "", "", {}, {}, {}, {}, "A", 0x123456}};
    Journey j;
    j.id = f.journey = new_id();
    j.title = "Ordering dessert";
    j.level = 1;
    f.searches = new_id();
    f.decides = new_id();
    f.pays = new_id();
    j.stages = {Stage{new_id(), "Explore", {Step{f.searches, "Searches", "", false}, Step{f.decides, "Decides", "", false}}},
                Stage{new_id(), "Buy", {Step{f.pays, "Pays", "", false}}}};
    f.doing = new_id();
    f.feelings = new_id();
    f.pains = new_id();
    j.lanes = {Lane{f.doing, "Doing", LaneKind::text, "Basics", 0x111111, false},
               Lane{f.feelings, "Thoughts & feelings", LaneKind::emotion, "Basics", 0x222222, false},
               Lane{f.pains, "Pains", LaneKind::pain, "Basics", 0x333333, false}};
    f.existing = new_id();
    j.cards = {Card{f.existing, f.doing, f.searches, "Existing", {}, 0, {}, {}, {}}};
    f.ws.journeys.push_back(j);
    return f;
}

const Journey& journey_of(const Workspace& ws, Id id) { return *find_by_id(ws.journeys, id); }

// The cards of the plan as (lane, step, text), for compact checks.
struct At {
    Id lane, step;
    std::string text;
    friend bool operator==(const At&, const At&) = default;
};
std::vector<At> placed(const std::vector<Card>& cards) {
    std::vector<At> out;
    for (const auto& c : cards) out.push_back({c.lane, c.step, c.text});
    return out;
}

}  // namespace

TEST_CASE("paste: parse_tsv reads spreadsheet clipboard text") {
    // Excel: CRLF after every row, the last one included.
    CHECK(parse_tsv("a\tb\r\nc\td\r\n") == Grid{{"a", "b"}, {"c", "d"}});
    // LibreOffice / Google Sheets: LF, and no newline at the end.
    CHECK(parse_tsv("a\tb\nc\td") == Grid{{"a", "b"}, {"c", "d"}});
    CHECK(parse_tsv("a\rb\r") == Grid{{"a"}, {"b"}});  // old Mac line ends
    // Quoted cells: tabs, newlines and doubled quotes inside.
    CHECK(parse_tsv("\"x\ty\"\t\"line 1\nline 2\"\t\"say \"\"hi\"\"\"\r\nnext\r\n") ==
          Grid{{"x\ty", "line 1\nline 2", "say \"hi\""}, {"next"}});
    CHECK(parse_tsv("\"a\r\nb\"\tc") == Grid{{"a\r\nb", "c"}});
    CHECK(parse_tsv("\"\"") == Grid{{""}});
    CHECK(parse_tsv("\"\"\"\"") == Grid{{"\""}});
    // Only the one final newline is dropped; an empty row before it stays.
    CHECK(parse_tsv("a\n\n") == Grid{{"a"}, {""}});
    CHECK(parse_tsv("\n") == Grid{{""}});
    CHECK(parse_tsv("a\t") == Grid{{"a", ""}});
    CHECK(parse_tsv("\t\n") == Grid{{"", ""}});
    // Ragged rows are kept as they are.
    CHECK(parse_tsv("a\tb\tc\nd\n\te") == Grid{{"a", "b", "c"}, {"d"}, {"", "e"}});
    // One cell, and nothing.
    CHECK(parse_tsv("Crème brûlée") == Grid{{"Crème brûlée"}});
    CHECK(parse_tsv("日本語 ") == Grid{{"日本語 "}});
    CHECK(parse_tsv("").empty());
    // Plain text that merely starts with a quote is taken literally.
    CHECK(parse_tsv("\"hello\" world\tx") == Grid{{"\"hello\" world", "x"}});
    CHECK(parse_tsv("\"abc\tdef\nghi") == Grid{{"\"abc", "def"}, {"ghi"}});
    CHECK(parse_tsv("\"a\t\"b\t\"c\"") == Grid{{"\"a", "\"b", "c"}});
    CHECK(parse_tsv("say \"hi\"\tok") == Grid{{"say \"hi\"", "ok"}});
    // Bytes are not interpreted.
    CHECK(parse_tsv("\xFF\xFE\tok\n\"\xC3\"") == Grid{{"\xFF\xFE", "ok"}, {"\xC3"}});
}

TEST_CASE("paste: to_tsv quotes only the cells that need it") {
    CHECK(to_tsv({}) == "");
    CHECK(to_tsv({{"a", "b"}, {"c"}}) == "a\tb\nc");
    CHECK(to_tsv({{"x\ty", "l1\nl2", "say \"hi\"", "cr\r", "plain café"}}) ==
          "\"x\ty\"\t\"l1\nl2\"\t\"say \"\"hi\"\"\"\t\"cr\r\"\tplain café");
    CHECK(to_tsv({{"a", ""}, {"", "b"}}) == "a\t\n\tb");
    // A row of one empty cell is written as "" so that it is not lost as the final newline.
    CHECK(to_tsv({{"a"}, {""}}) == "a\n\"\"");
    CHECK(to_tsv({{""}}) == "\"\"");
}

TEST_CASE("paste: a copied range neutralises formulas for spreadsheets, and a paste restores them") {
    CHECK(to_tsv({{"=HYPERLINK(\"http://x\",\"y\")", "-2", "+1"}, {"@SUM(A1)", "'=x", "'tis"}}) ==
          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\t-2\t'+1\n'@SUM(A1)\t''=x\t'tis");
    CHECK(parse_tsv("'=1+2\t-2\t''-2\t'ok") == Grid{{"=1+2", "-2", "'-2", "'ok"}});
    CHECK(parse_tsv("\"'\tx\"") == Grid{{"\tx"}});
    // Cells pasted from our own CSV opened in a spreadsheet: the card holds the original text.
    Fixture f = make_fixture();
    const PastePlan plan = plan_paste(f.ws, journey_of(f.ws, f.journey), 0, 1, parse_tsv("'=SUM(A1)\t'-2+3"), Id{});
    CHECK(placed(plan.cards) == std::vector<At>{{f.doing, f.decides, "=SUM(A1)"}, {f.doing, f.pays, "-2+3"}});
}

TEST_CASE("paste: property - parse_tsv(to_tsv(grid)) gives the grid back") {
    std::mt19937 rng(2026);
    const std::vector<std::string> pieces = {"",  "a",  "Crème", "日本語", "\t", "\n", "\r", "\r\n", "\"",
                                             " ", "\"\"", "\xFF", "x y",   "\t\"", ",",
                                             "'", "=", "-", "+", "@", "-2", "'="};
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    for (int round = 0; round < 3000; ++round) {
        Grid grid(static_cast<std::size_t>(pick(1, 5)));
        for (auto& row : grid) {
            row.resize(static_cast<std::size_t>(pick(1, 5)));
            for (auto& cell : row)
                for (int k = pick(0, 4); k > 0; --k) cell += pieces[static_cast<std::size_t>(pick(0, static_cast<int>(pieces.size()) - 1))];
        }
        const std::string text = to_tsv(grid);
        INFO(text);
        REQUIRE(parse_tsv(text) == grid);
        // What a spreadsheet does to it: CRLF between rows and one at the end.
        std::string excel;
        for (std::size_t r = 0; r < grid.size(); ++r) excel += to_tsv(Grid{grid[r]}) + "\r\n";
        REQUIRE(parse_tsv(excel) == grid);
    }
}

TEST_CASE("paste: plan_paste puts each cell on its lane and step") {
    Fixture f = make_fixture();
    const Journey& j = journey_of(f.ws, f.journey);

    SUBCASE("cards and scores from the top-left corner, whitespace trimmed, newlines kept") {
        const Grid grid = {{"  Browses menu ", "Picks\r\nthe tart", "Pays\t"},
                           {"1", "+2", " -3 "},
                           {"Too\nsweet", "   ", "Card declined"}};
        const PastePlan plan = plan_paste(f.ws, j, 0, 0, grid, {});
        CHECK(placed(plan.cards) == std::vector<At>{{f.doing, f.searches, "Browses menu"},
                                                    {f.doing, f.decides, "Picks\nthe tart"},
                                                    {f.doing, f.pays, "Pays"},
                                                    {f.pains, f.searches, "Too\nsweet"},
                                                    {f.pains, f.pays, "Card declined"}});
        CHECK(plan.emotions == std::vector<EmotionScore>{{f.feelings, f.searches, {}, 1},
                                                         {f.feelings, f.decides, {}, 2},
                                                         {f.feelings, f.pays, {}, -3}});
        for (const auto& card : plan.cards) {
            CHECK_FALSE(card.id.is_nil());
            CHECK(card.id != f.existing);
            CHECK(card.personas.empty());
        }
        CHECK(plan.cards[0].id != plan.cards[1].id);
        CHECK(plan.skipped == 0);
        CHECK(plan.notes.empty());
        CHECK(plan.rows == 3);
        CHECK(plan.columns == 3);
    }

    SUBCASE("unicode text is kept byte for byte") {
        const PastePlan plan = plan_paste(f.ws, j, 2, 1, Grid{{"Crème brûlée", "日本語"}}, {});
        CHECK(placed(plan.cards) == std::vector<At>{{f.pains, f.decides, "Crème brûlée"}, {f.pains, f.pays, "日本語"}});
        CHECK(plan.rows == 1);
        CHECK(plan.columns == 2);
    }

    SUBCASE("scores are whole numbers on the scale, for the persona; others are noted") {
        const Grid grid = {{"abc", "2.0", "4"}};
        const PastePlan plan = plan_paste(f.ws, j, 1, 0, grid, f.anna);
        CHECK(plan.cards.empty());
        CHECK(plan.emotions == std::vector<EmotionScore>{{f.feelings, f.decides, f.anna, 2}});
        CHECK(plan.skipped == 2);
        CHECK(plan.notes == std::vector<std::string>{"“abc” is not a score from -3 to 3 (Thoughts & feelings, step “Searches”)",
                                                     "“4” is not a score from -3 to 3 (Thoughts & feelings, step “Pays”)"});
        CHECK(plan.rows == 1);
        CHECK(plan.columns == 2);

        // Accepted and refused spellings.
        auto score_of = [&](const std::string& cell) -> std::optional<int> {
            const PastePlan p = plan_paste(f.ws, j, 1, 0, Grid{{cell}}, {});
            if (p.emotions.empty()) return std::nullopt;
            return p.emotions[0].score;
        };
        CHECK(score_of("3") == 3);
        CHECK(score_of("-3") == -3);
        CHECK(score_of("+1") == 1);
        CHECK(score_of("0") == 0);
        CHECK(score_of("-0") == 0);
        CHECK(score_of("2.00") == 2);
        CHECK(score_of("-1,0") == -1);
        CHECK(score_of("\xE2\x88\x92" "2") == -2);  // U+2212 MINUS SIGN
        CHECK(score_of("2.5") == std::nullopt);
        CHECK(score_of("2.") == std::nullopt);
        CHECK(score_of("1e0") == std::nullopt);
        CHECK(score_of("--1") == std::nullopt);
        CHECK(score_of("+") == std::nullopt);
        CHECK(score_of("-4") == std::nullopt);
        CHECK(score_of("99999999999999999999") == std::nullopt);

        // The workspace's own scale counts.
        f.ws.settings.emotion_min = -5;
        f.ws.settings.emotion_max = 5;
        CHECK(score_of("-5") == -5);
    }

    SUBCASE("cells beyond the last lane or step are counted in one note; empty ones are not") {
        const Grid grid = {{"a", "b", "c"}, {"d"}, {"e", "", " "}};
        const PastePlan plan = plan_paste(f.ws, j, 2, 1, grid, {});
        CHECK(placed(plan.cards) == std::vector<At>{{f.pains, f.decides, "a"}, {f.pains, f.pays, "b"}});
        CHECK(plan.skipped == 3);
        CHECK(plan.notes == std::vector<std::string>{"3 cells fell outside the map and were not pasted"});
        CHECK(plan.rows == 1);
        CHECK(plan.columns == 2);

        const PastePlan far = plan_paste(f.ws, j, 99, static_cast<std::size_t>(-1), Grid{{"x"}}, {});
        CHECK(far.empty());
        CHECK(far.skipped == 1);
        CHECK(far.notes == std::vector<std::string>{"1 cell fell outside the map and was not pasted"});
        CHECK(far.rows == 0);
        CHECK(far.columns == 0);
    }

    SUBCASE("nothing but blanks") {
        const PastePlan plan = plan_paste(f.ws, j, 0, 0, Grid{{"", "  "}, {"\n"}, {}}, {});
        CHECK(plan.empty());
        CHECK(plan.skipped == 0);
        CHECK(plan.notes.empty());
        CHECK(plan_paste(f.ws, j, 0, 0, Grid{}, {}).empty());
    }

    SUBCASE("over-long text is cut on a character boundary") {
        std::string long_text = "x";
        while (long_text.size() <= limits::kMaxTextBytes) long_text += "é";  // the limit falls inside an é
        const PastePlan plan = plan_paste(f.ws, j, 0, 0, Grid{{long_text}}, {});
        REQUIRE(plan.cards.size() == 1);
        CHECK(plan.cards[0].text.size() == limits::kMaxTextBytes - 1);
        CHECK(long_text.compare(0, plan.cards[0].text.size(), plan.cards[0].text) == 0);
        CHECK(plan.skipped == 0);
        CHECK(plan.notes == std::vector<std::string>{"The text for Doing, step “Searches” was too long and was cut to 100000 bytes"});
    }

    SUBCASE("per-cell notes stop after ten") {
        Grid many;
        for (int k = 0; k < 5; ++k) many.push_back({"x", "y", "z"});
        // A journey of five emotion lanes takes the whole 5 × 3 block of bad scores.
        Journey tall = j;
        tall.lanes = {j.lanes[1], j.lanes[1], j.lanes[1], j.lanes[1], j.lanes[1]};
        for (std::size_t i = 0; i < tall.lanes.size(); ++i) tall.lanes[i].id = new_id();
        const PastePlan plan = plan_paste(f.ws, tall, 0, 0, many, {});
        CHECK(plan.skipped == 15);
        REQUIRE(plan.notes.size() == 11);
        CHECK(plan.notes.back() == "and 5 more cells like these");
    }

    SUBCASE("a persona that is gone gets no scores") {
        const PastePlan plan = plan_paste(f.ws, j, 0, 0, Grid{{"card"}, {"1", "2"}}, new_id());
        CHECK(plan.cards.size() == 1);
        CHECK(plan.emotions.empty());
        CHECK(plan.skipped == 2);
        CHECK(plan.notes == std::vector<std::string>{"The persona to score for no longer exists: 2 scores were not pasted"});
    }

    SUBCASE("the workspace card limit is respected") {
        // Fill the workspace up to two cards below the limit (the existing card counts too).
        Journey filler;
        filler.id = new_id();
        filler.cards.resize(limits::kMaxCards - 3);
        f.ws.journeys.push_back(filler);
        const Journey& target = journey_of(f.ws, f.journey);
        const PastePlan plan = plan_paste(f.ws, target, 0, 0, Grid{{"a", "b", "c"}, {"1"}}, {});
        CHECK(placed(plan.cards) == std::vector<At>{{f.doing, f.searches, "a"}, {f.doing, f.decides, "b"}});
        CHECK(plan.emotions.size() == 1);
        CHECK(plan.skipped == 1);
        CHECK(plan.notes == std::vector<std::string>{"The workspace can hold at most 200000 cards: 1 card was not pasted"});
        CHECK(plan.rows == 2);
        CHECK(plan.columns == 2);

        // The command checks again when it runs: the workspace may have filled up meanwhile.
        Document doc(f.ws);
        const PastePlan too_many = plan_paste(f.ws, target, 0, 0, Grid{{"a", "b"}}, {});
        REQUIRE(doc.execute(add_card(f.journey, Card{new_id(), f.pains, f.pays, "one more", {}, 0, {}, {}, {}})));
        const Result result = doc.execute(paste_command(f.journey, too_many));
        CHECK(result.refusal == "The workspace can hold at most 200000 cards; this paste would go beyond that.");
    }
}

TEST_CASE("paste: paste_command is one undo step with a label that counts") {
    const Fixture f = make_fixture();
    Document doc(f.ws);
    const Journey& j = journey_of(doc.workspace(), f.journey);
    const std::string before = io::export_json(doc.workspace());

    PastePlan plan = plan_paste(doc.workspace(), j, 0, 1, Grid{{"Picks the tart", "Pays"}, {"2"}}, f.anna);
    const std::vector<Card> cards = plan.cards;
    REQUIRE(doc.execute(paste_command(f.journey, std::move(plan))));
    CHECK(doc.size() == 1);
    CHECK(doc.undo_label() == "Paste 2 cards and 1 score");
    auto check_pasted = [&] {
        const Journey& now = journey_of(doc.workspace(), f.journey);
        REQUIRE(now.cards.size() == 3);
        CHECK(now.cards[0].id == f.existing);
        CHECK(now.cards[1] == cards[0]);
        CHECK(now.cards[2] == cards[1]);
        CHECK(now.emotions == std::vector<EmotionScore>{{f.feelings, f.decides, f.anna, 2}});
    };
    check_pasted();
    const std::string after = io::export_json(doc.workspace());

    REQUIRE(doc.undo());
    CHECK(io::export_json(doc.workspace()) == before);
    CHECK_FALSE(doc.can_undo());
    REQUIRE(doc.redo());
    check_pasted();
    CHECK(io::export_json(doc.workspace()) == after);

    // A score pasted over an existing one replaces it, undoably.
    REQUIRE(doc.execute(paste_command(f.journey, plan_paste(doc.workspace(), j, 1, 1, Grid{{"-1", "3"}}, f.anna))));
    CHECK(doc.undo_label() == "Paste 2 scores");
    CHECK(journey_of(doc.workspace(), f.journey).emotions ==
          std::vector<EmotionScore>{{f.feelings, f.decides, f.anna, -1}, {f.feelings, f.pays, f.anna, 3}});
    REQUIRE(doc.undo());
    CHECK(io::export_json(doc.workspace()) == after);

    REQUIRE(doc.execute(paste_command(f.journey, plan_paste(doc.workspace(), j, 2, 0, Grid{{"日本語"}}, {}))));
    CHECK(doc.undo_label() == "Paste 1 card");
    CHECK(journey_of(doc.workspace(), f.journey).cards.back().text == "日本語");
    CHECK(doc.size() == 2);
}

TEST_CASE("paste: paste_command refuses plainly and changes nothing") {
    const Fixture f = make_fixture();
    Document doc(f.ws);
    const Journey& j = journey_of(doc.workspace(), f.journey);
    const std::string before = io::export_json(doc.workspace());

    Result r = doc.execute(paste_command(f.journey, plan_paste(doc.workspace(), j, 0, 0, Grid{{" "}}, {})));
    CHECK(r.refusal == "Nothing to paste: the copied cells are empty.");
    r = doc.execute(paste_command(f.journey, plan_paste(doc.workspace(), j, 5, 0, Grid{{"x"}}, {})));
    CHECK(r.refusal == "Nothing to paste: 1 cell fell outside the map and was not pasted.");
    r = doc.execute(paste_command(f.journey, plan_paste(doc.workspace(), j, 1, 0, Grid{{"meh"}}, {})));
    CHECK(r.refusal == "Nothing to paste: “meh” is not a score from -3 to 3 (Thoughts & feelings, step “Searches”).");

    // A step the plan aimed at was removed before the paste ran: the second score is refused after
    // the card and the first score were recorded, and everything is rolled back.
    PastePlan plan = plan_paste(doc.workspace(), j, 0, 0, Grid{{"a"}, {"1", "2"}}, {});
    Document doc2(f.ws);
    REQUIRE(doc2.execute(remove_step(f.journey, f.decides)));
    const std::string before2 = io::export_json(doc2.workspace());
    r = doc2.execute(paste_command(f.journey, std::move(plan)));
    CHECK(r.refusal == "That step is not part of the journey.");
    CHECK(io::export_json(doc2.workspace()) == before2);
    CHECK(doc2.size() == 1);

    r = doc.execute(paste_command(new_id(), plan_paste(doc.workspace(), j, 0, 0, Grid{{"x"}}, {})));
    CHECK(r.refusal == "That journey no longer exists.");
    CHECK(io::export_json(doc.workspace()) == before);
    CHECK(doc.size() == 0);
}

TEST_CASE("paste: sequence is one undo step; a refusal midway leaves the document byte-identical") {
    const Fixture f = make_fixture();
    Document doc(f.ws);
    const std::string before = io::export_json(doc.workspace());
    const std::uint64_t revision = doc.revision();
    const Card card{new_id(), f.doing, f.pays, "Pays", {}, 0, {}, {}, {}};

    // Two commands record changes, the third refuses: its sentence is the sequence's.
    const Result refused = doc.execute(sequence("Three things", {add_card(f.journey, card), set_journey_title(f.journey, "Renamed"),
                                                                 set_emotion(f.journey, f.feelings, f.pays, {}, 9)}));
    CHECK(refused.refusal == "Scores go from -3 to 3.");
    CHECK(io::export_json(doc.workspace()) == before);
    CHECK(doc.workspace() == f.ws);
    CHECK(doc.size() == 0);
    CHECK(doc.revision() == revision);
    CHECK_FALSE(doc.is_dirty());

    // The same inside a nested sequence.
    const Result nested = doc.execute(sequence("Outer", {add_card(f.journey, card), sequence("Inner", {remove_card(f.journey, f.existing),
                                                                                                        remove_card(f.journey, new_id())})}));
    CHECK(nested.refusal == "That card no longer exists.");
    CHECK(io::export_json(doc.workspace()) == before);
    CHECK(doc.size() == 0);

    // Success: one step, named by the label given...
    REQUIRE(doc.execute(sequence("Three things", {add_card(f.journey, card), set_journey_title(f.journey, "Renamed"),
                                                  set_emotion(f.journey, f.feelings, f.pays, {}, 2)})));
    CHECK(doc.size() == 1);
    CHECK(doc.undo_label() == "Three things");
    const Journey& j = journey_of(doc.workspace(), f.journey);
    CHECK(j.title == "Renamed");
    CHECK(j.cards.back() == card);
    CHECK(j.emotions.size() == 1);
    REQUIRE(doc.undo());
    CHECK(io::export_json(doc.workspace()) == before);

    // ... or by the first command that names itself; a command with nothing to do names nothing.
    REQUIRE(doc.execute(sequence("", {add_cards(f.journey, {}), set_journey_title(f.journey, "Renamed"), add_card(f.journey, card)})));
    CHECK(doc.undo_label() == "Rename journey “Ordering dessert”");
    CHECK(doc.size() == 1);

    // An empty sequence changes nothing and records nothing.
    REQUIRE(doc.execute(sequence("Nothing", {})));
    CHECK(doc.size() == 1);
}

TEST_CASE("paste: cards_to_grid lays the selection out as on the map") {
    Fixture f = make_fixture();
    Journey& j = f.ws.journeys.back();
    const Id a = new_id(), b = new_id(), c = new_id(), e = new_id();
    j.cards.push_back(Card{a, f.doing, f.decides, "A", {}, 0, {}, {}, {}});
    j.cards.push_back(Card{b, f.pains, f.pays, "B", {}, 0, {}, {}, {}});
    j.cards.push_back(Card{c, f.pains, f.pays, "C\nsecond line", {}, 0, {}, {}, {}});
    j.cards.push_back(Card{e, f.pains, f.pays, "", {}, 0, {}, {}, {}});

    std::size_t lane = 99, step = 99;
    // Selection order does not matter: cards in one cell keep their map order.
    const Grid grid = cards_to_grid(j, {c, new_id(), b, a}, &lane, &step);
    CHECK(grid == Grid{{"A", ""}, {"", ""}, {"", "B\nC\nsecond line"}});
    CHECK(lane == 0);
    CHECK(step == 1);

    CHECK(cards_to_grid(j, {b}) == Grid{{"B"}});
    CHECK(cards_to_grid(j, {b, e}) == Grid{{"B\n"}});
    CHECK(cards_to_grid(j, {e}) == Grid{{""}});
    CHECK(cards_to_grid(j, {f.existing, b}, &lane, &step) == Grid{{"Existing", "", ""}, {"", "", ""}, {"", "", "B"}});
    CHECK(lane == 0);
    CHECK(step == 0);
    CHECK(cards_to_grid(j, {new_id()}, &lane, &step).empty());
    CHECK(lane == 0);
    CHECK(step == 0);

    // Copy, through the clipboard, and paste one step to the left: the same texts, moved over.
    const Grid copied = parse_tsv(to_tsv(grid));
    CHECK(copied == grid);
    const PastePlan plan = plan_paste(f.ws, j, 0, 0, copied, {});
    CHECK(placed(plan.cards) == std::vector<At>{{f.doing, f.searches, "A"}, {f.pains, f.decides, "B\nC\nsecond line"}});
    CHECK(plan.rows == 3);
    CHECK(plan.columns == 2);
}
