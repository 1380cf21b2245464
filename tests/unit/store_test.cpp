// The storage policy (store/persistence.hpp) against an in-memory browser (store_fake.hpp): its
// decisions — when to save, what to open, what to say, who writes — with the clock in the test's hands.
// [SECTION] index: boot and the first save · autosave · documents that cannot be opened as they are ·
// storage failures · two tabs · the documents list and saved versions · status words · replicas and
// stamping · reading for a merge
#include <doctest/doctest.h>

#include "edit/commands.hpp"
#include "io/file_format.hpp"
#include "model/date.hpp"
#include "model/sample.hpp"
#include "store/persistence.hpp"
#include "store_fake.hpp"

using namespace wm;
using namespace wm::store;
using namespace wm::store::testing;
using Status = Persistence::Status;

// [SECTION] boot and the first save -------------------------------------------------------------------------
TEST_CASE("store: an empty browser stores the sample as a new document and opens it") {
    FakeBrowser browser;
    Tab tab(browser);
    CHECK_FALSE(tab.p.booted());
    CHECK(tab.p.status() == Status::opening);
    tab.boot();
    CHECK(tab.p.booted());
    CHECK(tab.p.status() == Status::saved);
    CHECK(tab.doc.workspace().name == sample_workspace().name);
    const std::string id = tab.p.doc_id();
    REQUIRE(browser.docs.count(id) == 1);
    CHECK(browser.docs[id].record.name == sample_workspace().name);
    CHECK(browser.last == id);
    CHECK(browser.holder[id] == &tab.storage);  // the writer
    CHECK(tab.p.history().size() == 1);
    CHECK(tab.p.history()[0].label == "Created");
    CHECK(tab.p.docs().size() == 1);
    CHECK_FALSE(tab.doc.is_dirty());
}

TEST_CASE("store: the sample stored at boot is saved in the frame after the first, or as the page hides before") {
    for (const bool hidden_first : {false, true}) {
        CAPTURE(hidden_first);
        FakeBrowser browser;
        Tab tab(browser);
        tab.p.boot();
        while (!tab.storage.pending.empty()) tab.storage.deliver_front();   // answers before any frame
        REQUIRE(tab.p.booted());
        CHECK(tab.doc.workspace().name == sample_workspace().name);
        CHECK(tab.storage.count("save") == 0);   // not on the way to the first frame
        CHECK(tab.p.status() == Status::pending);
        if (hidden_first) {
            tab.p.on_event(Flush{});
        } else {
            tab.p.after_frame();                 // the first frame: not in it
            CHECK(tab.storage.count("save") == 0);
            tab.p.after_frame();                 // the next
        }
        CHECK(tab.storage.count("save") == 1);
        tab.settle();
        CHECK(tab.storage.count("save") == 1);   // once
        CHECK(tab.p.status() == Status::saved);
        REQUIRE(tab.p.history().size() == 1);
        CHECK(tab.p.history()[0].label == "Created");
        CHECK(tab.p.docs().size() == 1);
        CHECK(browser.docs[tab.p.doc_id()].record.name == sample_workspace().name);
    }
}

// The browser holds the sample's first save until the code's second part is in (App::code_complete).
TEST_CASE("store: a held first save waits for its release; leaving meanwhile saves the sample only if it was edited") {
    for (const bool edited : {false, true}) {
        CAPTURE(edited);
        FakeBrowser browser;
        Tab tab(browser);
        tab.p.hold_first_save(true);
        tab.p.boot();
        while (!tab.storage.pending.empty()) tab.storage.deliver_front();
        REQUIRE(tab.p.booted());
        for (int frame = 0; frame < 5; ++frame) tab.p.after_frame();
        CHECK(tab.storage.count("save") == 0);
        if (edited) tab.edit("Edited meanwhile");
        tab.p.on_event(Flush{});                 // the page is hidden or closed
        CHECK(tab.storage.count("save") == (edited ? 1 : 0));
        tab.settle();
        if (edited) {
            CHECK(browser.docs[tab.p.doc_id()].record.name == "Edited meanwhile");
            tab.p.hold_first_save(false);        // nothing left to save
            CHECK(tab.storage.count("save") == 1);
            continue;
        }
        CHECK(tab.p.status() == Status::pending);
        tab.p.hold_first_save(false);            // saved at once
        CHECK(tab.storage.count("save") == 1);
        tab.settle();
        CHECK(tab.storage.count("save") == 1);
        CHECK(tab.p.status() == Status::saved);
        REQUIRE(tab.p.history().size() == 1);
        CHECK(tab.p.history()[0].label == "Created");
        CHECK(browser.docs[tab.p.doc_id()].record.name == sample_workspace().name);
    }
}

TEST_CASE("store: the last document reopens; without one, the newest not in the trash") {
    FakeBrowser browser;
    browser.seed("a", {named("Alpha")});
    browser.seed("b", {named("Beta")});
    browser.seed("c", {named("Gamma")});
    SUBCASE("the last one") {
        browser.last = "a";
        Tab tab(browser);
        tab.boot();
        CHECK(tab.p.doc_id() == "a");
        CHECK(tab.doc.workspace().name == "Alpha");
        CHECK(tab.p.status() == Status::saved);
        CHECK(tab.storage.count("save") == 0);  // opening writes nothing
        CHECK(tab.replaced == std::vector<std::string>{"storage"});
    }
    SUBCASE("the newest") {
        browser.docs["c"].record.deleted = true;
        Tab tab(browser);
        tab.boot();
        CHECK(tab.p.doc_id() == "b");
        CHECK(tab.doc.workspace().name == "Beta");
        CHECK(browser.last == "b");
    }
}

// [SECTION] autosave ----------------------------------------------------------------------------------------
TEST_CASE("store: an edit is saved 300 ms after the last one, not per keystroke") {
    FakeBrowser browser;
    browser.seed("a", {named("Alpha")});
    browser.last = "a";
    Tab tab(browser);
    tab.boot();
    const double t0 = browser.clock;

    tab.edit("A");
    CHECK(tab.p.status() == Status::pending);
    CHECK(tab.storage.wakes.back() == doctest::Approx(kAutosaveDelayMs + 1));
    browser.clock = t0 + 100;
    tab.edit("Al");
    browser.clock = t0 + 200;
    tab.edit("Alp");
    browser.clock = t0 + 499;
    tab.p.after_frame();
    CHECK(tab.storage.count("save") == 0);
    CHECK(tab.storage.wakes.back() == doctest::Approx(2));  // wake up at 500 ms
    CHECK(tab.p.status_text() == "Saving\xE2\x80\xA6");

    browser.clock = t0 + 500;
    tab.p.after_frame();
    REQUIRE(tab.storage.count("save") == 1);
    CHECK(tab.p.status() == Status::saving);
    CHECK(tab.storage.saves[0].meta.doc == "a");
    CHECK(tab.storage.saves[0].meta.name == "Alp");
    CHECK(tab.storage.saves[0].meta.label == tab.doc.undo_label());
    CHECK(tab.storage.saves[0].meta.format == io::kFormatVersion);
    tab.p.after_frame();
    CHECK(tab.storage.count("save") == 1);  // one save in flight at a time
    tab.settle();
    CHECK(tab.p.status() == Status::saved);
    CHECK_FALSE(tab.doc.is_dirty());
    CHECK(browser.head_workspace("a").name == "Alp");
    CHECK(tab.p.history().size() == 2);
    // Nothing changed since: later frames save nothing.
    browser.clock += 10'000;
    tab.settle();
    CHECK(tab.storage.count("save") == 1);
}

TEST_CASE("store: Ctrl+S and a flush (page hidden or closed) save at once") {
    FakeBrowser browser;
    browser.seed("a", {named("Alpha")});
    browser.last = "a";
    Tab tab(browser);
    tab.boot();

    tab.edit("Saved by Ctrl+S");
    tab.p.save_now();
    CHECK(tab.storage.count("save") == 1);
    tab.settle();
    CHECK(tab.p.status() == Status::saved);

    tab.edit("Saved as the page hides");
    tab.p.on_event(Flush{});
    CHECK(tab.storage.count("save") == 2);
    CHECK(browser.head_workspace("a").name == "Saved as the page hides");  // issued at once, like storage.js
    tab.settle();
    CHECK_FALSE(tab.doc.is_dirty());

    tab.p.on_event(Flush{});  // nothing to save
    CHECK(tab.storage.count("save") == 2);
}

TEST_CASE("store: a page that flushes again while its save is on the way stores one version") {
    // beforeunload, pagehide and visibilitychange each flush as a tab closes; the save's answer never
    // comes back to a closing page.
    FakeBrowser browser;
    browser.seed("a", {named("Alpha")});
    browser.last = "a";
    Tab tab(browser);
    tab.boot();

    tab.edit("Closed at once");
    tab.p.on_event(Flush{});
    tab.p.on_event(Flush{});
    CHECK(tab.storage.count("save") == 1);
    tab.edit("And edited between the flushes");
    tab.p.on_event(Flush{});
    CHECK(tab.storage.count("save") == 2);
    CHECK(browser.head_workspace("a").name == "And edited between the flushes");
    tab.settle();
    CHECK_FALSE(tab.doc.is_dirty());
    CHECK(browser.history("a").size() == 3);   // the seeded version and the two saves
}

TEST_CASE("store: the history is marked saved only if no edit happened meanwhile") {
    FakeBrowser browser;
    browser.seed("a", {named("Alpha")});
    browser.last = "a";
    Tab tab(browser);
    tab.boot();

    tab.edit("One");
    tab.p.save_now();
    tab.edit("Two");                 // while the save of "One" is on its way
    tab.storage.deliver_front();     // the save's answer
    CHECK(tab.doc.is_dirty());
    CHECK(tab.p.status() == Status::pending);
    browser.clock += kAutosaveDelayMs;
    tab.settle();
    CHECK(tab.storage.count("save") == 2);
    CHECK(tab.storage.saves[1].meta.name == "Two");
    CHECK(tab.p.status() == Status::saved);
    CHECK_FALSE(tab.doc.is_dirty());
}

// [SECTION] documents that cannot be opened as they are -----------------------------------------------------
TEST_CASE("store: a damaged head falls back to the newest good snapshot, with a notice") {
    FakeBrowser browser;
    browser.seed("a", {named("Plans v1"), named("Plans v2"), named("Plans v3")}, {false, false, true});
    browser.last = "a";
    const std::string damage = io::load_snapshot(browser.snaps.at(*browser.docs["a"].head).bytes).error;
    REQUIRE_FALSE(damage.empty());
    const double v2_time = browser.history("a")[1].time;

    Tab tab(browser);
    tab.boot();
    CHECK(tab.doc.workspace().name == "Plans v2");
    CHECK(tab.p.status() == Status::saved);
    CHECK(tab.p.problem().empty());
    CHECK(tab.p.notice() == "The latest save of \xE2\x80\x9CPlans v3\xE2\x80\x9D was damaged (" + damage +
                                "); opened the save from " + local_time(v2_time, true) + " instead.");
    CHECK(local_time(v2_time, true).size() == 19);  // YYYY-MM-DD HH:MM:SS
    // It is the writer: the next edit becomes the new, good head.
    tab.edit("Plans v4");
    tab.p.save_now();
    tab.settle();
    CHECK(browser.head_workspace("a").name == "Plans v4");
    tab.p.clear_notice();
    CHECK(tab.p.notice().empty());
}

TEST_CASE("store: a document none of whose saves is readable is not opened") {
    FakeBrowser browser;
    browser.seed("lost", {named("Lost v1"), named("Lost v2")}, {true, true});
    SUBCASE("at boot: the sample opens instead") {
        browser.last = "lost";
        Tab tab(browser);
        tab.boot();
        CHECK(tab.storage.count("snapshot") == 1);  // the one older snapshot was tried
        CHECK(tab.p.doc_id() != "lost");
        CHECK(tab.doc.workspace().name == sample_workspace().name);
        CHECK(tab.p.status() == Status::saved);
        CHECK(browser.holder.count("lost") == 0);   // its lock was given back
    }
    SUBCASE("from the documents view: the open document stays, the problem is said") {
        browser.seed("a", {named("Alpha")});
        browser.last = "a";
        Tab tab(browser);
        tab.boot();
        tab.p.open_doc("lost");
        tab.settle();
        CHECK(tab.p.doc_id() == "a");
        CHECK(tab.doc.workspace().name == "Alpha");
        CHECK(contains(tab.p.problem(), "\xE2\x80\x9CLost v2\xE2\x80\x9D could not be opened: "));
        CHECK(contains(tab.p.problem(), ". No earlier save of it is readable."));
        CHECK(browser.holder.count("lost") == 0);
        CHECK(browser.holder["a"] == &tab.storage);
    }
}

TEST_CASE("store: a document saved by a newer Waymark is refused and never overwritten") {
    FakeBrowser browser;
    browser.seed("future", {named("Future")}, {}, io::kFormatVersion + 1);
    browser.last = "future";
    const FakeBrowser::Doc before = browser.docs["future"];
    const std::string refused =
        "\xE2\x80\x9C" "Future\xE2\x80\x9D was saved by a newer version of Waymark. Reload the page to get the new version.";

    Tab tab(browser);
    tab.boot();
    CHECK(tab.p.doc_id() != "future");                     // the sample opened as a new document
    CHECK(tab.doc.workspace().name == sample_workspace().name);
    CHECK(browser.holder.count("future") == 0);            // its lock was given back

    tab.edit("Edited");
    tab.p.on_event(Flush{});
    tab.p.open_doc("future");                              // from the documents view: refused again
    tab.settle();
    CHECK(tab.p.problem() == refused);
    CHECK(tab.p.doc_id() != "future");
    CHECK(tab.doc.workspace().name == "Edited");
    CHECK(browser.holder.count("future") == 0);
    for (const Save& s : tab.storage.saves) CHECK(s.meta.doc != "future");
    CHECK(browser.docs["future"].keys == before.keys);
    CHECK(browser.docs["future"].record.format == io::kFormatVersion + 1);
}

// [SECTION] storage failures --------------------------------------------------------------------------------
TEST_CASE("store: storage full — failed, said in words, retried after 5 s, cleared when a save succeeds") {
    FakeBrowser browser;
    browser.seed("a", {named("Alpha")});
    browser.last = "a";
    Tab tab(browser);
    tab.boot();
    browser.failing["save"] = StorageError{"QuotaExceededError", "The quota has been exceeded."};

    tab.edit("Too much");
    browser.clock += kAutosaveDelayMs;
    tab.settle();
    REQUIRE(tab.storage.count("save") == 1);
    CHECK(tab.p.status() == Status::failed);
    const std::string full =
        "Not saved: this browser's storage for Waymark is full. Export the document to keep it; saving resumes when space is freed.";
    CHECK(tab.p.problem() == full);
    CHECK(tab.p.status_text() == "Not saved \xE2\x80\x94 " + full);
    CHECK(tab.storage.wakes.back() == doctest::Approx(kRetryDelayMs + 1));
    CHECK(tab.doc.is_dirty());                          // nothing is lost: the document stays open and dirty

    const double failed_at = browser.clock;
    browser.clock = failed_at + 1000;
    tab.edit("Too much, still");                        // an edit does not hurry the retry
    browser.clock = failed_at + 4999;
    tab.settle();
    CHECK(tab.storage.count("save") == 1);
    CHECK(tab.p.status() == Status::failed);

    browser.clock = failed_at + kRetryDelayMs;          // retried, fails again
    tab.settle();
    CHECK(tab.storage.count("save") == 2);
    CHECK(tab.p.status() == Status::failed);

    browser.failing.clear();                            // space was freed
    browser.clock += kRetryDelayMs;
    tab.settle();
    CHECK(tab.storage.count("save") == 3);
    CHECK(tab.p.status() == Status::saved);
    CHECK(tab.p.problem().empty());
    CHECK_FALSE(tab.doc.is_dirty());
    CHECK(browser.head_workspace("a").name == "Too much, still");
}

TEST_CASE("store: storage errors in words") {
    CHECK(explain({"SecurityError", "x"}, "Not saved") ==
          "Not saved: this browser does not let Waymark store documents here (private window or blocked storage?). Your work stays open in this tab; export it to keep it.");
    CHECK(explain({"VersionError", "Saved by a newer Waymark."}, "Not saved") == "Not saved: Saved by a newer Waymark.");
    CHECK(explain({"NotFoundError", "That document no longer exists."}, "The document could not be moved") ==
          "The document could not be moved: That document no longer exists.");
    CHECK(explain({"AbortError", "The save was cancelled."}, "Not saved") ==
          "Not saved: the browser refused to store it (The save was cancelled.). Export the document to keep it.");
    CHECK(explain({"AbortError", ""}, "Not saved") == "Not saved: the browser refused to store it (AbortError). Export the document to keep it.");
}

TEST_CASE("store: storage unavailable at boot — work in memory and say so") {
    FakeBrowser browser;
    browser.broken = StorageError{"SecurityError", "The operation is insecure."};
    Tab tab(browser);
    tab.boot();
    CHECK(tab.p.booted());
    CHECK(tab.p.status() == Status::unavailable);
    CHECK(tab.p.problem() ==
          "Documents cannot be saved: this browser does not let Waymark store documents here (private window or blocked storage?). Your work stays open in this tab; export it to keep it.");
    CHECK(tab.storage.ops == std::vector<std::string>{"getLast"});
    CHECK(tab.doc.workspace().name == sample_workspace().name);   // the sample, to work on in memory
    tab.edit("Typed anyway");
    CHECK(tab.p.status() == Status::unavailable);

    tab.doc.reset(named("Imported"));
    tab.p.adopt_new("import");      // an imported file is kept in memory too
    tab.edit("Typed anyway");
    tab.p.save_now();
    tab.p.on_event(Flush{});
    browser.clock += 60'000;
    tab.settle();
    CHECK(tab.storage.count("save") == 0);
    CHECK(tab.p.status() == Status::unavailable);
    CHECK(tab.doc.workspace().name == "Typed anyway");
}

// [SECTION] two tabs ----------------------------------------------------------------------------------------
TEST_CASE("store: a second tab is a read-only follower, and takes over when the writer goes away") {
    FakeBrowser browser;
    browser.seed("a", {named("Shared")});
    browser.last = "a";
    Tab writer(browser);
    writer.boot();
    Tab reader(browser);
    reader.boot();
    REQUIRE(writer.p.status() == Status::saved);
    REQUIRE(reader.p.doc_id() == "a");
    CHECK(reader.p.status() == Status::read_only);
    CHECK(reader.p.read_only());
    CHECK(reader.p.status_text() == "Read-only \xE2\x80\x94 open for editing in another tab");

    // It never saves: not after a change, not on Ctrl+S, not when hidden.
    REQUIRE(reader.doc.execute(edit::set_workspace_name("Not mine")));
    browser.clock += 10'000;
    reader.settle();
    reader.p.save_now();
    reader.p.on_event(Flush{});
    reader.settle();
    CHECK(reader.storage.count("save") == 0);
    reader.doc.undo();

    // It follows the writer's saves.
    writer.edit("Shared, edited");
    writer.p.save_now();
    writer.settle();
    reader.settle();
    CHECK(reader.doc.workspace().name == "Shared, edited");
    CHECK(reader.p.status() == Status::read_only);
    CHECK(reader.replaced.back() == "storage (same view)");

    // A save of another document only refreshes the list.
    const std::size_t lists = reader.storage.count("list");
    reader.p.on_event(RemoteSave{"elsewhere", 1});
    reader.settle();
    CHECK(reader.storage.count("list") == lists + 1);
    CHECK(reader.storage.count("snapshot") == 1);

    // The writer saves once more and closes; the reader opens the newest save as the writer.
    writer.edit("Shared, last words");
    writer.p.on_event(Flush{});
    writer.storage.close();
    reader.settle();
    CHECK(reader.p.status() == Status::saved);
    CHECK_FALSE(reader.p.read_only());
    CHECK(reader.doc.workspace().name == "Shared, last words");
    CHECK(browser.holder["a"] == &reader.storage);
    reader.edit("Mine now");
    reader.p.save_now();
    reader.settle();
    CHECK(browser.head_workspace("a").name == "Mine now");
}

TEST_CASE("store: the writer tab closes while this tab is still opening the document: it takes over from the last save") {
    // A tab opened as another closes (a reload, or the app reopened at once): this tab reads the
    // document read-only, the closing tab saves its last edit, and the lock comes to this tab before
    // the open's answer does. The tab then opens the newest save as the writer; it does not stay a
    // read-only follower of a tab that is gone, showing what it read before that save.
    FakeBrowser browser;
    browser.seed("a", {named("Shared")});
    browser.last = "a";
    Tab writer(browser);
    writer.boot();
    Tab next(browser);
    next.p.boot();
    while (next.storage.count("open") == 0) {
        REQUIRE_FALSE(next.storage.pending.empty());
        next.storage.deliver_front();
        next.p.after_frame();
    }
    writer.edit("Shared, last words");
    writer.p.on_event(Flush{});
    writer.storage.close();
    // Waiting: the open's answer (read-only, "Shared"), the closing tab's "saved" (followed while
    // read-only, it must not undo the take-over), then the lock, which comes first here.
    REQUIRE(next.storage.pending.size() == 3);
    next.storage.deliver_back();
    CHECK(next.p.doc_id().empty());
    next.settle();
    CHECK(next.p.status() == Status::saved);
    CHECK(next.doc.workspace().name == "Shared, last words");
    CHECK(browser.holder["a"] == &next.storage);
    next.edit("Mine now");
    next.p.save_now();
    next.settle();
    CHECK(browser.head_workspace("a").name == "Mine now");
}

TEST_CASE("store: a lock granted for a document that is not open changes nothing") {
    FakeBrowser browser;
    browser.seed("a", {named("Alpha")});
    browser.last = "a";
    Tab tab(browser);
    tab.boot();
    tab.p.on_event(WriterChanged{"other", true});
    tab.p.on_event(WriterChanged{"a", false});
    tab.settle();
    CHECK(tab.storage.count("open") == 1);
    CHECK(tab.p.status() == Status::saved);
}

// [SECTION] the documents list and saved versions -----------------------------------------------------------
TEST_CASE("store: documents — rename, duplicate, trash, restore from the trash, delete for good") {
    FakeBrowser browser;
    browser.seed("open", {named("Open one")});
    browser.seed("y", {named("Other")});
    browser.last = "open";
    Tab tab(browser);
    tab.boot();
    tab.p.refresh_list();
    tab.settle();
    CHECK(tab.p.docs().size() == 2);
    CHECK(tab.p.docs()[0].id == "y");   // newest first

    SUBCASE("rename a document that is not open: a new save of it, under its lock") {
        tab.p.rename("y", "Yonder");
        tab.settle();
        CHECK(browser.head_workspace("y").name == "Yonder");
        CHECK(browser.history("y").front().label == "Renamed");
        CHECK(browser.docs["y"].record.name == "Yonder");
        CHECK(browser.holder.count("y") == 0);   // given back
        CHECK(tab.p.doc_id() == "open");
        CHECK(tab.doc.workspace().name == "Open one");
        CHECK(tab.p.problem().empty());
    }
    SUBCASE("rename a document another tab is editing: refused") {
        Tab other(browser);
        other.p.open_doc("y");
        other.settle();
        REQUIRE(browser.holder["y"] == &other.storage);
        tab.p.rename("y", "Yonder");
        tab.settle();
        CHECK(tab.p.problem() == "That document is open in another tab; rename it there.");
        CHECK(tab.storage.count("save") == 0);
        CHECK(browser.docs["y"].record.name == "Other");
        // This tab left the queue for its lock: when the other tab closes, nobody holds it.
        CHECK(browser.queued["y"].empty());
        other.storage.close();
        CHECK(browser.holder.count("y") == 0);
    }
    SUBCASE("duplicate: a new document with a new workspace id") {
        tab.p.duplicate("y");
        tab.settle();
        REQUIRE(browser.docs.size() == 3);
        std::string copy;
        for (const auto& [id, doc] : browser.docs)
            if (id != "open" && id != "y") copy = id;
        CHECK(browser.docs[copy].record.name == "Other (copy)");
        CHECK(browser.history(copy).front().label == "Duplicated");
        CHECK(browser.head_workspace(copy).id != browser.head_workspace("y").id);
        CHECK(browser.holder.count("y") == 0);   // read only: never locked
        CHECK(tab.p.docs().size() == 3);
        CHECK(tab.p.doc_id() == "open");
    }
    SUBCASE("trash, restore, delete for good") {
        tab.p.trash("y", true);
        tab.settle();
        CHECK(browser.docs["y"].record.deleted);
        auto listed = [&](const std::string& id) {
            for (const StoredDoc& d : tab.p.docs())
                if (d.id == id) return std::optional<StoredDoc>(d);
            return std::optional<StoredDoc>();
        };
        CHECK(listed("y")->deleted);
        tab.p.trash("y", false);
        tab.settle();
        CHECK_FALSE(listed("y")->deleted);
        tab.p.trash("y", true);
        tab.p.purge("y");
        tab.settle();
        CHECK(browser.docs.count("y") == 0);
        CHECK_FALSE(listed("y"));
        tab.p.purge("open");               // the open document is never destroyed
        tab.settle();
        CHECK(browser.docs.count("open") == 1);
        tab.p.trash("gone", true);         // already gone: said in words
        tab.settle();
        CHECK(tab.p.problem() == "The document could not be moved: That document no longer exists.");
    }
    SUBCASE("open another document: what is open is saved first, then the other one opens as the writer") {
        tab.edit("Open one, edited");
        tab.p.open_doc("y");
        tab.settle();
        CHECK(browser.head_workspace("open").name == "Open one, edited");
        CHECK(tab.p.doc_id() == "y");
        CHECK(tab.doc.workspace().name == "Other");
        CHECK(browser.holder.count("open") == 0);
        CHECK(browser.holder["y"] == &tab.storage);
        CHECK(browser.last == "y");
        CHECK(tab.replaced.back() == "storage");
    }
}

TEST_CASE("store: restoring a saved version adds it as the newest save") {
    FakeBrowser browser;
    browser.seed("a", {named("Draft 1"), named("Draft 2")});
    browser.last = "a";
    Tab tab(browser);
    tab.boot();
    REQUIRE(tab.p.history().size() == 2);
    const SnapshotInfo older = tab.p.history()[1];
    tab.p.restore_snapshot(older.key);
    tab.settle();
    const std::string label = "Restored the version of " + local_time(older.time, true);
    CHECK(tab.doc.workspace().name == "Draft 1");
    CHECK(tab.p.notice() == label + ".");
    CHECK(tab.p.history().size() == 3);
    CHECK(tab.p.history().front().label == label);
    CHECK(browser.head_workspace("a").name == "Draft 1");
    CHECK(tab.p.status() == Status::saved);
    CHECK(tab.replaced.back() == "storage (same view)");
}

TEST_CASE("store: answers about a document no longer open are ignored") {
    FakeBrowser browser;
    browser.seed("x", {named("Ex")});
    browser.seed("y", {named("Why")});
    browser.seed("z", {named("Zed")});
    browser.last = "x";
    Tab tab(browser);
    tab.boot();

    SUBCASE("two opens in a row: the first answer arrives last") {
        tab.p.open_doc("y");
        tab.p.open_doc("z");
        REQUIRE(tab.storage.pending.size() == 2);
        tab.storage.deliver_back();   // z
        tab.storage.deliver_back();   // y, late
        tab.settle();
        CHECK(tab.p.doc_id() == "z");
        CHECK(tab.doc.workspace().name == "Zed");
        CHECK(browser.last == "z");
    }
    SUBCASE("a save of the previous document answers after the next one opened") {
        tab.edit("Ex, edited");
        tab.p.open_doc("y");          // saves x first, then asks for y
        REQUIRE(tab.storage.pending.size() == 2);
        tab.storage.deliver_back();   // y opens
        tab.settle();
        CHECK(tab.p.doc_id() == "y");
        CHECK(tab.p.status() == Status::saved);
        CHECK(browser.head_workspace("x").name == "Ex, edited");
    }
    SUBCASE("a failed save of the previous document does not mark the next one failed") {
        browser.failing["save"] = StorageError{"QuotaExceededError", ""};
        tab.edit("Ex, edited");
        tab.p.open_doc("y");
        tab.settle();
        CHECK(tab.p.doc_id() == "y");
        CHECK(tab.p.status() == Status::saved);
        CHECK(tab.p.problem().empty());
    }
    SUBCASE("a damaged document's older snapshot arrives after another one opened") {
        browser.seed("d", {named("Dee 1"), named("Dee 2")}, {false, true});
        tab.p.open_doc("d");
        tab.storage.deliver_front();  // open d: its head is damaged, an older snapshot is asked for
        REQUIRE(tab.storage.count("snapshot") == 1);
        tab.p.open_doc("z");
        tab.settle();
        CHECK(tab.p.doc_id() == "z");
        CHECK(tab.doc.workspace().name == "Zed");
        CHECK(tab.p.notice().empty());
    }
}

// [SECTION] status words ------------------------------------------------------------------------------------
TEST_CASE("store: status and persistence words for the test hook") {
    CHECK(std::string(status_name(Status::read_only)) == "read-only");
    CHECK(std::string(status_name(Status::unavailable)) == "unavailable");
    CHECK(std::string(persisted_name(Persisted::best_effort)) == "best-effort");
    FakeBrowser browser;
    Tab tab(browser);
    CHECK(tab.p.persisted() == Persisted::unknown);
    tab.p.on_event(PersistState{Persisted::persistent});
    CHECK(tab.p.persisted() == Persisted::persistent);
}

// [SECTION] replicas and stamping (merging copies, io/stamp.hpp) --------------------------------------------
TEST_CASE("store: replica ids as stored with a document") {
    CHECK(replica_text(0x0123456789abcdefULL) == "0123456789abcdef");
    CHECK(parse_replica("0123456789abcdef") == 0x0123456789abcdefULL);
    CHECK(parse_replica(replica_text(1)) == 1);
    CHECK(parse_replica("") == 0);
    CHECK(parse_replica("0123456789ABCDEF") == 0);   // what the app writes is lowercase
    CHECK(parse_replica("0123456789abcde") == 0);
    CHECK(parse_replica("0123456789abcdefa") == 0);
    CHECK(parse_replica("0123456789abcdeg") == 0);
    StoredDoc doc;
    doc.replica = "00000000000000ff";
    doc.clock = 42;
    CHECK(replica_of(doc).id == 0xff);
    CHECK(replica_of(doc).clock == 42);
    doc.clock = -3;   // storage answered nonsense: no clock, the history's counters count
    CHECK(replica_of(doc).clock == 0);
    doc.replica = "";  // saved before merging existed: a fresh replica
    CHECK(replica_of(doc).id != 0);
    CHECK(replica_of(doc).id != replica_of(doc).id);
}

TEST_CASE("store: every save is stamped with the document's replica, kept with it across sessions") {
    FakeBrowser browser;
    std::string id;
    std::uint64_t replica = 0;
    double clock = 0;
    {
        Tab tab(browser);
        tab.boot();
        id = tab.p.doc_id();
        const StoredDoc& record = browser.docs[id].record;
        replica = parse_replica(record.replica);
        REQUIRE(replica != 0);
        CHECK(replica == tab.p.replica().id);
        CHECK(record.clock >= 1);
        // The stored snapshot carries its merge history: stamped before it was written.
        CHECK_FALSE(browser.head_workspace(id).merge.empty());
        tab.edit("Renamed once");
        browser.clock += 400;
        tab.settle();
        CHECK(browser.head_workspace(id).name == "Renamed once");
        CHECK(browser.docs[id].record.clock > 1);
        CHECK(browser.docs[id].record.replica == replica_text(replica));
        clock = browser.docs[id].record.clock;
        tab.storage.close();
    }
    {
        // The next session stamps as the same replica, on from the stored clock.
        browser.last = id;
        Tab tab(browser);
        tab.boot();
        CHECK(tab.p.doc_id() == id);
        CHECK(tab.p.replica().id == replica);
        CHECK(tab.p.replica().clock == static_cast<std::uint64_t>(clock));
        tab.edit("Renamed twice");
        browser.clock += 400;
        tab.settle();
        CHECK(browser.docs[id].record.clock > clock);
        CHECK(browser.docs[id].record.replica == replica_text(replica));
        // A new document (import, blank, sample) is a copy of its own.
        tab.doc.reset(named("Imported"));
        tab.p.adopt_new("import");
        tab.settle();
        CHECK(tab.p.doc_id() != id);
        CHECK(tab.p.replica().id != replica);
        CHECK(browser.docs[tab.p.doc_id()].record.replica == replica_text(tab.p.replica().id));
        // A duplicate too: its own replica, stored with it.
        tab.p.duplicate(id);
        tab.settle();
        for (const auto& [other, doc] : browser.docs) {
            if (other == id || other == tab.p.doc_id()) continue;
            CHECK(parse_replica(doc.record.replica) != 0);
            CHECK(doc.record.replica != replica_text(replica));
            CHECK(doc.record.replica != replica_text(tab.p.replica().id));
        }
    }
}

TEST_CASE("store: a read-only follower stamps as a replica of its own") {
    FakeBrowser browser;
    Tab writer(browser);
    writer.boot();
    Tab follower(browser);
    follower.p.open_doc(writer.p.doc_id());
    follower.settle();
    REQUIRE(follower.p.read_only());
    CHECK(follower.p.replica().id != writer.p.replica().id);
}

TEST_CASE("store: restoring an old version keeps the current merge history, so the restore stamps as new edits") {
    FakeBrowser browser;
    Tab tab(browser);
    tab.boot();
    const std::string id = tab.p.doc_id();
    tab.edit("Second name");
    browser.clock += 400;
    tab.settle();
    const double old_key = browser.history(id).back().key;   // the first save
    const Workspace before = browser.head_workspace(id);
    tab.p.restore_snapshot(old_key);
    tab.settle();
    const Workspace restored = browser.head_workspace(id);
    CHECK(restored.name == sample_workspace().name);
    // The restored name carries a newer stamp than the rename it undid: the version vector grew.
    REQUIRE_FALSE(restored.merge.versions.empty());
    REQUIRE_FALSE(before.merge.versions.empty());
    CHECK(restored.merge.versions.front().counter > before.merge.versions.front().counter);
}

// [SECTION] reading for a merge -----------------------------------------------------------------------------
TEST_CASE("store: reading another stored document for a merge neither opens nor locks it") {
    FakeBrowser browser;
    browser.seed("other", {named("Other")});
    browser.seed("open", {named("Open one")});
    browser.last = "open";
    Tab tab(browser);
    tab.boot();
    std::optional<Workspace> got;
    std::string error;
    tab.p.read_doc("other", [&](std::optional<Workspace> ws, std::string why) {
        got = std::move(ws);
        error = std::move(why);
    });
    tab.settle();
    REQUIRE(got);
    CHECK(got->name == "Other");
    CHECK(error.empty());
    CHECK(tab.p.doc_id() == "open");
    CHECK(browser.holder.count("other") == 0);
    tab.p.read_doc("gone", [&](std::optional<Workspace> ws, std::string why) {
        got = std::move(ws);
        error = std::move(why);
    });
    tab.settle();
    CHECK_FALSE(got);
    CHECK(contains(error, "could not be read"));
}
