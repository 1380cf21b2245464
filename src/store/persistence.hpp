// Keeping documents: the autosave and fallback policy. Decides when to save (~300 ms after the last
// edit, at once on Ctrl+S and when the page is hidden or closed), what to open (the last document;
// the newest good snapshot when the head is damaged; never a document a newer Waymark saved), what
// to tell the user when storage fails (sentences for QuotaExceededError, blocked storage, …; failed
// saves retry every 5 s), one writer per document across tabs (a read-only follower that follows
// the writer's saves and takes over when the writer closes), and the documents list and history.
//
// Pure: it talks to storage only through store::Backend (store/storage.hpp) — the browser's is
// src/platform/storage_bridge.cpp, the unit tests' an in-memory fake (tests/unit/store_test.cpp).
// Answers arrive later; an answer that belongs to a document no longer open is ignored.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "edit/history.hpp"
#include "io/stamp.hpp"
#include "store/storage.hpp"

namespace wm::store {

inline constexpr double kAutosaveDelayMs = 300;   // after the last edit: within the 500 ms promise
inline constexpr double kRetryDelayMs = 5000;     // after a failed save (quota, storage blocked)

class Persistence {
public:
    enum class Status { opening, saved, pending, saving, failed, read_only, unavailable };

    // `replace` swaps the open workspace (keep_view: the same document, refreshed from storage).
    using ReplaceFn = std::function<void(Workspace ws, std::string origin, bool keep_view)>;
    Persistence(edit::Document& doc, Backend& backend, ReplaceFn replace);

    void boot();                                    // open the last document, or store the sample
    [[nodiscard]] bool booted() const { return booted_; }
    void after_frame();                             // autosave; call after commands are applied
    // The sample stored at boot is first saved in the frame after the first. A platform whose code
    // for saving comes later (the browser's: the code's second part, loaded after the first frame)
    // holds that save until it is in; releasing the hold saves at once. Meanwhile leaving the page
    // saves it only if it was edited (untouched, the next start makes the same sample again).
    void hold_first_save(bool held);
    void adopt_new(std::string origin);             // the open workspace is a new document: store it
    void save_now();                                // Ctrl+S
    // Stamps the open document's changes with its replica (io/stamp.hpp), so its merge history is
    // current: every save does it first; the app also calls it before an export, a share link and a
    // merge. The replica (id and clock) is kept with the stored document (StoredDoc::replica, clock).
    void stamp();
    [[nodiscard]] const io::Replica& replica() const { return replica_; }
    // Reads the newest save of a stored document (not the open one) without opening it or taking
    // its lock, for File › Documents… › Merge; `done` gets the workspace, or "" and why not.
    using ReadFn = std::function<void(std::optional<Workspace> ws, std::string error)>;
    void read_doc(const std::string& id, ReadFn done);
    void on_event(const Event& event);              // from the page: flush, writer, remote save, persist

    // Documents view
    void refresh_list();
    [[nodiscard]] const std::vector<StoredDoc>& docs() const { return docs_; }   // newest first
    void open_doc(const std::string& id);
    void rename(const std::string& id, const std::string& name);   // a document that is not open
    void duplicate(const std::string& id);
    void trash(const std::string& id, bool deleted);               // to the trash, or back from it
    void purge(const std::string& id);                             // for good; never the open one
    void refresh_history();
    [[nodiscard]] const std::vector<SnapshotInfo>& history() const { return history_; }  // newest first
    void restore_snapshot(double key);

    // Status for the status bar, banners and the test hook.
    [[nodiscard]] Status status() const { return status_; }
    [[nodiscard]] std::string status_text() const;
    [[nodiscard]] const std::string& problem() const { return problem_; }   // why not saved, in words
    [[nodiscard]] const std::string& notice() const { return notice_; }     // e.g. fell back to an older save
    void clear_notice() { notice_.clear(); }
    [[nodiscard]] bool read_only() const { return status_ == Status::read_only; }
    [[nodiscard]] const std::string& doc_id() const { return doc_id_; }
    [[nodiscard]] Persisted persisted() const { return persisted_; }

private:
    void save(std::string label);
    std::string change_label() const;
    std::string take_label();   // the first save's label while one is deferred, else change_label()
    void adopt(std::string origin, bool save_after_frame);
    void open_snapshots(const std::string& id, OpenedDoc opened, bool writer);
    void try_snapshots(const std::string& id, std::vector<SnapshotInfo> rest, std::string first_error, bool writer,
                       StoredDoc record);
    void finish_open(const std::string& id, Workspace ws, bool writer, std::string notice, const StoredDoc& record);
    void create_from_sample();
    void release(const std::string& id);
    void fail(const StorageError& error, const std::string& action);
    void take_over(const std::string& id);

    edit::Document& doc_;
    Backend& backend_;
    ReplaceFn replace_;
    bool booted_ = false;
    std::string doc_id_;
    Status status_ = Status::opening;
    std::string problem_;
    std::string notice_;
    Persisted persisted_ = Persisted::unknown;
    std::uint64_t saved_revision_ = 0;      // document revision last stored
    std::uint64_t asked_revision_ = 0;      // document revision of the last save asked for
    std::uint64_t seen_revision_ = 0;       // revision seen at the previous frame
    double last_change_ms_ = 0;
    double retry_at_ms_ = 0;
    int saves_in_flight_ = 0;
    // The sample stored at boot is saved in the frame after the first rather than on the way to it
    // (its label, "Created", until then; frames seen meanwhile).
    std::string deferred_save_;
    int deferred_frames_ = 0;
    bool first_save_held_ = false;
    std::uint64_t first_save_revision_ = 0;   // the document's revision when that save was deferred
    std::vector<StoredDoc> docs_;
    std::vector<SnapshotInfo> history_;
    io::Replica replica_{io::new_replica_id(), 0};   // the open document's (see stamp())
    std::uint64_t generation_ = 0;          // bumps when another document is opened: stale answers are ignored
    // A document whose lock this tab was given while it was not the open one (the writer tab closed
    // while this tab was still opening it, read-only): opened again as its writer once it is open.
    std::string granted_;
};

// Words for the test hook (window.waymark.stats().storage): "opening", "saved", "pending", "saving",
// "failed", "read-only", "unavailable"; "unknown", "persistent", "best-effort", "unsupported".
const char* status_name(Persistence::Status status);
const char* persisted_name(Persisted persisted);

// A replica id as stored with a document (16 lowercase hex digits), and back (0 when not one).
std::string replica_text(std::uint64_t id);
std::uint64_t parse_replica(const std::string& text);
// The replica a stored document stamps with: its own, or a fresh one when it has none (saved before
// merging existed, or a duplicate).
io::Replica replica_of(const StoredDoc& doc);

// Plain words for a storage error: `action` ("Not saved") and what happened, with what to do.
std::string explain(const StorageError& error, const std::string& action);

}  // namespace wm::store
