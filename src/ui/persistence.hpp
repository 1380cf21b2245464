// Keeping documents: autosave to IndexedDB, opening (with fallback to the newest good snapshot),
// the documents list and a document's history, one writer per document across tabs, and storage
// failures reported in plain words. The storage itself is web/storage.js, reached through
// platform::storage(); this class decides when to save, what to open and what to tell the user.
//
// Every stored document has a storage id (a UUID of its own, not the workspace id: importing the
// same file twice gives two documents). The open document is saved ~300 ms after the last edit, on
// Ctrl+S, and when the page is hidden or closed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "edit/history.hpp"

namespace wm::ui {

struct StoredDoc {
    std::string id;
    std::string name;
    double modified = 0;   // ms since 1970
    double size = 0;       // bytes of the newest snapshot
    int journeys = 0;
    int cards = 0;
    bool deleted = false;  // in the trash (recoverable)
};

struct SnapshotInfo {
    double key = 0;
    double time = 0;
    std::string label;
    double size = 0;
};

class Persistence {
public:
    enum class Status { opening, saved, pending, saving, failed, read_only, unavailable };

    // `replace` swaps the open workspace (keep_view: the same document, refreshed from storage).
    using ReplaceFn = std::function<void(Workspace ws, std::string origin, bool keep_view)>;
    Persistence(edit::Document& doc, ReplaceFn replace);

    void boot();                                    // open the last document, or store the sample
    [[nodiscard]] bool booted() const { return booted_; }
    void after_frame();                             // autosave; call after commands are applied
    void adopt_new(std::string origin);             // the open workspace is a new document: store it
    void save_now();
    void on_event(std::string_view json);           // events from the page: flush, writer, remoteSave, persist

    // Documents view
    void refresh_list();
    [[nodiscard]] const std::vector<StoredDoc>& docs() const { return docs_; }
    void open_doc(const std::string& id);
    void rename(const std::string& id, const std::string& name);
    void duplicate(const std::string& id);
    void trash(const std::string& id, bool deleted);
    void purge(const std::string& id);
    void refresh_history();
    [[nodiscard]] const std::vector<SnapshotInfo>& history() const { return history_; }
    void restore_snapshot(double key);

    // Status for the status bar, banners and the test hook.
    [[nodiscard]] Status status() const { return status_; }
    [[nodiscard]] std::string status_text() const;
    [[nodiscard]] const std::string& problem() const { return problem_; }   // why not saved, in words
    [[nodiscard]] const std::string& notice() const { return notice_; }     // e.g. fell back to an older save
    void clear_notice() { notice_.clear(); }
    [[nodiscard]] bool read_only() const { return status_ == Status::read_only; }
    [[nodiscard]] const std::string& doc_id() const { return doc_id_; }
    [[nodiscard]] const std::string& persisted() const { return persisted_; }
    [[nodiscard]] std::string stats_json() const;

private:
    void save(std::string label);
    void open_snapshots(const std::string& id, std::string json_meta, std::string head_bytes, bool writer);
    void try_snapshots(const std::string& id, std::vector<SnapshotInfo> rest, std::string first_error, bool writer,
                       std::string name);
    void finish_open(const std::string& id, Workspace ws, bool writer, std::string notice);
    void create_from_sample();
    void fail(std::string_view json_error, std::string_view action);

    edit::Document& doc_;
    ReplaceFn replace_;
    bool booted_ = false;
    std::string doc_id_;
    Status status_ = Status::opening;
    std::string problem_;
    std::string notice_;
    std::string persisted_ = "unknown";
    std::uint64_t saved_revision_ = 0;      // document revision last stored
    std::uint64_t seen_revision_ = 0;       // revision seen at the previous frame
    double last_change_ms_ = 0;
    double retry_at_ms_ = 0;
    int saves_in_flight_ = 0;
    std::vector<StoredDoc> docs_;
    std::vector<SnapshotInfo> history_;
    std::uint64_t generation_ = 0;          // bumps when another document is opened: stale answers are ignored
};

}  // namespace wm::ui
