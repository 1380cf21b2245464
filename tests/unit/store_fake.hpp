// The in-memory browser the storage policy's tests run against (store_test.cpp): documents,
// snapshots, a writer lock per document, tabs that hear each other's saves, injectable failures and a
// clock the test moves. It answers like web/storage.js (which the browser tests exercise): later,
// never from inside the request, and one answer at a time when a test needs the order.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "edit/commands.hpp"
#include "io/file_format.hpp"
#include "store/persistence.hpp"

namespace wm::store::testing {

class FakeTab;

// What one browser keeps for Waymark, shared by its tabs.
struct FakeBrowser {
    struct Doc {
        StoredDoc record;
        std::optional<double> head;
        std::vector<double> keys;       // its snapshots, oldest first
    };
    struct Snap {
        std::string doc;
        SnapshotInfo info;
        std::string bytes;
    };
    std::map<std::string, Doc> docs;
    std::map<double, Snap> snaps;
    std::string last;
    double clock = 1000;                          // Backend::now_ms (monotonic)
    static constexpr double kWallAtZero = 1.78e12;  // Date.now() when the clock read 0
    int seq = 0;
    std::map<std::string, FakeTab*> holder;       // writer lock per document
    std::map<std::string, std::deque<FakeTab*>> queued;
    std::vector<FakeTab*> tabs;
    std::optional<StorageError> broken;           // every request fails (blocked storage)
    std::map<std::string, StorageError> failing;  // op → error, while set

    [[nodiscard]] double wall() const { return kWallAtZero + clock; }

    // A document saved by an earlier session: one snapshot per workspace, the last is the head;
    // `damaged` snapshots have a flipped byte (their checksum fails).
    void seed(const std::string& id, const std::vector<Workspace>& versions, std::vector<bool> damaged = {},
              int format = io::kFormatVersion) {
        damaged.resize(versions.size(), false);
        Doc doc;
        doc.record.id = id;
        doc.record.format = format;
        for (std::size_t i = 0; i < versions.size(); ++i) {
            std::string bytes = io::save_snapshot(versions[i]);
            if (damaged[i]) bytes[bytes.size() / 2] ^= 0x5A;
            const double key = wall() * 1000 + seq++;
            snaps[key] = Snap{id, SnapshotInfo{key, wall(), "Edit " + std::to_string(i + 1), static_cast<double>(bytes.size())}, bytes};
            doc.keys.push_back(key);
            doc.head = key;
            doc.record.name = versions[i].name;
            doc.record.modified = wall();
            doc.record.size = static_cast<double>(bytes.size());
            clock += 60'000;
        }
        docs[id] = doc;
    }

    [[nodiscard]] std::vector<SnapshotInfo> history(const std::string& id) const {
        std::vector<SnapshotInfo> out;
        auto it = docs.find(id);
        if (it == docs.end()) return out;
        for (double key : it->second.keys) out.push_back(snaps.at(key).info);
        std::reverse(out.begin(), out.end());
        return out;
    }

    // The head's workspace as stored (what a reload would open).
    [[nodiscard]] Workspace head_workspace(const std::string& id) const {
        io::LoadResult loaded = io::load_snapshot(snaps.at(*docs.at(id).head).bytes);
        REQUIRE(loaded);
        return *loaded.workspace;
    }
};

// One tab's view of that browser: a store::Backend whose answers wait in a queue until the test
// delivers them.
class FakeTab final : public Backend {
public:
    explicit FakeTab(FakeBrowser& browser) : b_(browser) { b_.tabs.push_back(this); }
    ~FakeTab() override {
        close();
        b_.tabs.erase(std::find(b_.tabs.begin(), b_.tabs.end(), this));
    }
    FakeTab(const FakeTab&) = delete;
    FakeTab& operator=(const FakeTab&) = delete;

    std::function<void(const Event&)> events;     // the tab's Persistence::on_event
    std::deque<std::function<void()>> pending;    // answers and events not yet delivered
    std::vector<std::string> ops;                 // every request, in order
    std::vector<Save> saves;                      // every save request
    std::vector<double> wakes;                    // wake_after requests

    // The tab closes: the browser gives its locks to the next tab in line.
    void close() {
        pending.clear();
        for (auto& [doc, queue] : b_.queued) queue.erase(std::remove(queue.begin(), queue.end(), this), queue.end());
        std::vector<std::string> held;
        for (const auto& [doc, tab] : b_.holder)
            if (tab == this) held.push_back(doc);
        for (const auto& doc : held) unlock(doc);
    }

    void deliver_front() {
        auto next = std::move(pending.front());
        pending.pop_front();
        next();
    }
    void deliver_back() {
        auto next = std::move(pending.back());
        pending.pop_back();
        next();
    }

    [[nodiscard]] std::size_t count(const std::string& op) const { return static_cast<std::size_t>(std::count(ops.begin(), ops.end(), op)); }

    void list(const ListDocs&, Answer<DocList> done) override {
        answer<DocList>("list", std::move(done), [&](DocList& out) {
            for (const auto& [id, doc] : b_.docs) out.docs.push_back(doc.record);
            return std::optional<StorageError>{};
        });
    }
    void get_last(const GetLast&, Answer<LastDoc> done) override {
        answer<LastDoc>("getLast", std::move(done), [&](LastDoc& out) {
            out.doc = b_.last;
            return std::optional<StorageError>{};
        });
    }
    void set_last(const SetLast& r, Answer<Done> done) override {
        answer<Done>("setLast", std::move(done), [&](Done&) {
            b_.last = r.doc;
            return std::optional<StorageError>{};
        });
    }
    void open(const OpenDoc& r, Answer<OpenedDoc> done) override {
        answer<OpenedDoc>("open", std::move(done), [&](OpenedDoc& out) -> std::optional<StorageError> {
            auto it = b_.docs.find(r.doc);
            if (it == b_.docs.end()) return StorageError{"NotFoundError", "That document is not in this browser's storage."};
            out.doc = it->second.record;
            out.writer = r.read_only ? false : lock(r.doc);
            out.snapshots = b_.history(r.doc);
            out.head = it->second.head;
            if (out.head) out.bytes = b_.snaps.at(*out.head).bytes;
            return std::nullopt;
        });
    }
    void acquire(const Acquire& r, Answer<Acquired> done) override {
        answer<Acquired>("acquire", std::move(done), [&](Acquired& out) {
            out.writer = lock(r.doc);
            return std::optional<StorageError>{};
        });
    }
    void release(const Release& r, Answer<Done> done) override {
        answer<Done>("release", std::move(done), [&](Done&) {
            auto& queue = b_.queued[r.doc];
            queue.erase(std::remove(queue.begin(), queue.end(), this), queue.end());
            if (b_.holder.count(r.doc) && b_.holder[r.doc] == this) unlock(r.doc);
            return std::optional<StorageError>{};
        });
    }
    void snapshot(const GetSnapshot& r, Answer<Snapshot> done) override {
        answer<Snapshot>("snapshot", std::move(done), [&](Snapshot& out) -> std::optional<StorageError> {
            auto it = b_.snaps.find(r.key);
            if (it == b_.snaps.end()) return StorageError{"NotFoundError", "That snapshot no longer exists."};
            out.info = it->second.info;
            out.bytes = it->second.bytes;
            return std::nullopt;
        });
    }
    void save(const Save& r, Answer<Saved> done) override {
        saves.push_back(r);
        answer<Saved>("save", std::move(done), [&](Saved& out) -> std::optional<StorageError> {
            const SaveMeta& m = r.meta;
            FakeBrowser::Doc& doc = b_.docs[m.doc];
            if (doc.record.format > m.format)
                return StorageError{"VersionError", "This document was saved by a newer Waymark; this one will not overwrite it."};
            const double key = b_.wall() * 1000 + (b_.seq++ % 1000);
            const double size = static_cast<double>(r.bytes.size());
            b_.snaps[key] = FakeBrowser::Snap{m.doc, SnapshotInfo{key, b_.wall(), m.label, size}, r.bytes};
            doc.keys.push_back(key);
            while (doc.keys.size() > 50) {
                b_.snaps.erase(doc.keys.front());
                doc.keys.erase(doc.keys.begin());
            }
            doc.head = key;
            const bool deleted = doc.record.deleted;
            doc.record = StoredDoc{m.doc, m.name, b_.wall(), size, m.journeys, m.cards, deleted, m.format, m.replica, m.clock};
            out = Saved{key, b_.wall()};
            for (FakeTab* other : b_.tabs)   // BroadcastChannel: the other tabs hear of it
                if (other != this) other->pending.push_back([other, id = m.doc, key] { other->events(RemoteSave{id, key}); });
            return std::nullopt;
        });
    }
    void history(const GetHistory& r, Answer<History> done) override {
        answer<History>("history", std::move(done), [&](History& out) {
            out.snapshots = b_.history(r.doc);
            return std::optional<StorageError>{};
        });
    }
    void update(const Update& r, Answer<Updated> done) override {
        answer<Updated>("update", std::move(done), [&](Updated& out) -> std::optional<StorageError> {
            auto it = b_.docs.find(r.doc);
            if (it == b_.docs.end()) return StorageError{"NotFoundError", "That document no longer exists."};
            if (r.changes.deleted) it->second.record.deleted = *r.changes.deleted;
            out.doc = it->second.record;
            return std::nullopt;
        });
    }
    void purge(const Purge& r, Answer<Done> done) override {
        answer<Done>("purge", std::move(done), [&](Done&) {
            if (auto it = b_.docs.find(r.doc); it != b_.docs.end()) {
                for (double key : it->second.keys) b_.snaps.erase(key);
                b_.docs.erase(it);
            }
            return std::optional<StorageError>{};
        });
    }
    double now_ms() override { return b_.clock; }
    void wake_after(double ms) override {
        wakes.push_back(ms);
        if (ms <= 1) frame_soon = true;   // the next frame, at once: Tab::settle runs it
    }
    bool take_frame_soon() { return std::exchange(frame_soon, false); }
    bool frame_soon = false;

private:
    // Runs the request now (like storage.js, whose requests are issued at once) and queues its answer;
    // a failing op changes nothing.
    template <class T, class Work>
    void answer(const std::string& op, Answer<T> done, Work work) {
        ops.push_back(op);
        Reply<T> reply;
        if (b_.broken) reply.error = b_.broken;
        else if (auto f = b_.failing.find(op); f != b_.failing.end()) reply.error = f->second;
        else reply.error = work(reply.value);
        if (reply.error) reply.value = T{};
        pending.push_back([done = std::move(done), reply = std::move(reply)]() mutable { done(std::move(reply)); });
    }

    // navigator.locks: true if this tab holds the document's lock now; otherwise it waits in line.
    bool lock(const std::string& doc) {
        auto it = b_.holder.find(doc);
        if (it == b_.holder.end() || it->second == this) {
            b_.holder[doc] = this;
            return true;
        }
        auto& queue = b_.queued[doc];
        if (std::find(queue.begin(), queue.end(), this) == queue.end()) queue.push_back(this);
        return false;
    }
    void unlock(const std::string& doc) {
        b_.holder.erase(doc);
        auto& queue = b_.queued[doc];
        if (queue.empty()) return;
        FakeTab* next = queue.front();
        queue.pop_front();
        b_.holder[doc] = next;
        next->pending.push_back([next, doc] { next->events(WriterChanged{doc, true}); });
    }

    FakeBrowser& b_;
};

// A tab of the app: its document, the policy, and the storage it talks to.
struct Tab {
    explicit Tab(FakeBrowser& browser)
        : storage(browser), p(doc, storage, [this](Workspace ws, std::string origin, bool keep_view) {
              doc.reset(std::move(ws));
              replaced.push_back(origin + (keep_view ? " (same view)" : ""));
          }) {
        storage.events = [this](const Event& e) { p.on_event(e); };
    }

    // Delivers every answer (and what they lead to), running a frame after each as the app does.
    void settle() {
        p.after_frame();
        while (!storage.pending.empty() || storage.take_frame_soon()) {
            while (!storage.pending.empty()) storage.deliver_front();
            p.after_frame();
        }
    }
    void boot() {
        p.boot();
        settle();
    }
    void edit(const std::string& name) {
        REQUIRE(doc.execute(edit::set_workspace_name(name)));
        p.after_frame();
    }

    FakeTab storage;
    edit::Document doc;
    std::vector<std::string> replaced;
    Persistence p;
};

inline Workspace named(const std::string& name) { return blank_workspace(name); }

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace wm::store::testing
