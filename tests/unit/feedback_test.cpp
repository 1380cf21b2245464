// Feedback in words (issue 18): counts with their noun in the right number, the last change the
// document went through (the toast's "Undone: …" and the name of a saved version), and saved versions
// that always have a name.
#include <doctest/doctest.h>

#include "edit/commands.hpp"
#include "edit/history.hpp"
#include "model/sample.hpp"
#include "model/validate.hpp"
#include "model/words.hpp"
#include "store/persistence.hpp"
#include "store_fake.hpp"

using namespace wm;
using namespace wm::store;
using namespace wm::store::testing;

TEST_CASE("count_of: one journey, two journeys, no cards, irregular plurals") {
    CHECK(count_of(1, "journey") == "1 journey");
    CHECK(count_of(2, "journey") == "2 journeys");
    CHECK(count_of(0, "card") == "0 cards");
    CHECK(count_of(1, "opportunity", "opportunities") == "1 opportunity");
    CHECK(count_of(17, "opportunity", "opportunities") == "17 opportunities");
    CHECK(count_of(100000, "insight") == "100000 insights");
}

TEST_CASE("shortened: whole characters, the last one \"…\" when the text was longer") {
    CHECK(shortened("Online conversion", 40) == "Online conversion");
    CHECK(shortened("abc", 3) == "abc");
    CHECK(shortened("abcdef", 3) == "ab\xE2\x80\xA6");
    CHECK(shortened("abcdef", 1) == "\xE2\x80\xA6");
    CHECK(shortened("abcdef", 0).empty());
    CHECK(shortened("", 5).empty());
    // "Zoë" and "配送日" are 3 characters in 4 and 9 bytes, an emoji 1 in 4: never cut inside one.
    CHECK(shortened("Zo\xC3\xAB!", 3) == "Zo\xE2\x80\xA6");
    CHECK(shortened("Zo\xC3\xAB", 3) == "Zo\xC3\xAB");
    CHECK(shortened("\xE9\x85\x8D\xE9\x80\x81\xE6\x97\xA5", 2) == "\xE9\x85\x8D\xE2\x80\xA6");
    CHECK(is_valid_utf8(shortened("aa\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 3)));
}

TEST_CASE("Document::last_change names the edit, its undo and its redo") {
    edit::Document doc(sample_workspace());
    CHECK(doc.last_change().empty());
    REQUIRE(doc.execute(edit::set_workspace_name("Alp")));
    const std::string label = doc.undo_label();
    REQUIRE_FALSE(label.empty());
    CHECK(doc.last_change() == label);
    doc.undo();
    CHECK(doc.last_change() == "Undone: " + label);
    doc.redo();
    CHECK(doc.last_change() == "Redone: " + label);
    doc.apply_remote(doc.workspace());
    CHECK(doc.last_change() == "Changes from the team");
    doc.reset(sample_workspace());
    CHECK(doc.last_change().empty());
}

TEST_CASE("store: a version saved after undoing every edit is named by that undo, never left blank") {
    FakeBrowser browser;
    Tab tab(browser);
    tab.boot();
    tab.edit("Alp");
    const std::string label = tab.doc.undo_label();
    tab.p.save_now();
    tab.settle();
    tab.doc.undo();   // nothing left to undo: undo_label() is ""
    REQUIRE_FALSE(tab.doc.can_undo());
    tab.p.save_now();
    tab.settle();
    REQUIRE(tab.storage.count("save") >= 2);
    CHECK(tab.storage.saves.back().meta.label == "Undone: " + label);
    for (const auto& s : tab.p.history()) CHECK_FALSE(s.label.empty());
}
