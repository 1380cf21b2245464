// [SECTION] index: helpers · boot and open (with fallback) · autosave · page events ·
// documents list and history · status
#include "store/persistence.hpp"

#include <algorithm>
#include <cstdio>
#include <type_traits>
#include <utility>

#include "io/file_format.hpp"
#include "model/date.hpp"
#include "model/id.hpp"
#include "model/sample.hpp"

namespace wm::store {
namespace {

std::string when(double ms) { return local_time(ms, true); }

std::string quoted(const std::string& name) { return "\xE2\x80\x9C" + name + "\xE2\x80\x9D"; }

SaveMeta meta_for(const std::string& id, const Workspace& ws, const std::string& label, const io::Replica& replica) {
    std::size_t cards = 0;
    for (const auto& j : ws.journeys) cards += j.cards.size();
    return SaveMeta{id, ws.name, static_cast<int>(ws.journeys.size()), static_cast<int>(cards), label, io::kFormatVersion,
                    replica_text(replica.id), static_cast<double>(replica.clock)};
}

template <class T>
Answer<T> ignore() {
    return [](Reply<T>) {};
}

}  // namespace

std::string replica_text(std::uint64_t id) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(id));
    return buffer;
}

std::uint64_t parse_replica(const std::string& text) {
    if (text.size() != 16) return 0;
    std::uint64_t id = 0;
    for (const char c : text) {
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0) return 0;
        id = id << 4 | static_cast<std::uint64_t>(digit);
    }
    return id;
}

io::Replica replica_of(const StoredDoc& doc) {
    const std::uint64_t id = parse_replica(doc.replica);
    if (id == 0) return io::Replica{io::new_replica_id(), 0};
    // A clock is a counter below 2^48 (the merge history refuses larger ones): what storage answered
    // beyond it, or negative, is no clock (stamping then starts from the counters the history holds).
    const double clock = doc.clock >= 0 && doc.clock < 281474976710656.0 ? doc.clock : 0;
    return io::Replica{id, static_cast<std::uint64_t>(clock)};
}

std::string explain(const StorageError& error, const std::string& action) {
    const std::string& name = error.name;
    const std::string& message = error.message;
    if (name == "QuotaExceededError")
        return action + ": this browser's storage for Waymark is full. Export the document to keep it; saving resumes when space is freed.";
    if (name == "VersionError") return action + ": " + message;
    if (name == "NotSupportedError" || name == "SecurityError" || name == "InvalidStateError" || name == "UnknownError")
        return action + ": this browser does not let Waymark store documents here (private window or blocked storage?). Your work stays open in this tab; export it to keep it.";
    if (name == "NotFoundError") return action + ": " + message;
    return action + ": the browser refused to store it (" + (message.empty() ? name : message) + "). Export the document to keep it.";
}

Persistence::Persistence(edit::Document& doc, Backend& backend, ReplaceFn replace)
    : doc_(doc), backend_(backend), replace_(std::move(replace)) {}

void Persistence::release(const std::string& id) { backend_.release(Release{id}, ignore<Done>()); }

void Persistence::fail(const StorageError& error, const std::string& action) { problem_ = explain(error, action); }

// ---------------------------------------------------------------------------------------------
// [SECTION] Boot and open
// ---------------------------------------------------------------------------------------------
void Persistence::boot() {
    backend_.get_last(GetLast{}, [this](Reply<LastDoc> last) {
        if (!last) {
            // Storage is unusable (private mode, blocked): work in memory on the sample, say so. (The
            // document the app starts with is an empty workspace that no edit can be applied to.)
            status_ = Status::unavailable;
            problem_ = explain(*last.error, "Documents cannot be saved");
            replace_(sample_workspace(), "sample", false);
            booted_ = true;
            return;
        }
        if (!last.value.doc.empty()) {
            open_doc(last.value.doc);
            return;
        }
        backend_.list(ListDocs{}, [this](Reply<DocList> list) {
            std::string newest;
            double newest_time = -1;
            for (const StoredDoc& doc : list.value.docs)   // empty when the list failed
                if (!doc.deleted && doc.modified > newest_time) {
                    newest = doc.id;
                    newest_time = doc.modified;
                }
            if (newest.empty()) create_from_sample();
            else open_doc(newest);
        });
    });
}

void Persistence::create_from_sample() {
    replace_(sample_workspace(), "sample", false);
    adopt("sample", true);
    booted_ = true;
}

void Persistence::adopt_new(std::string origin) { adopt(std::move(origin), false); }

void Persistence::adopt(std::string origin, bool save_after_frame) {
    if (!doc_id_.empty()) release(doc_id_);
    ++generation_;
    doc_id_ = new_id().str();
    replica_ = io::Replica{io::new_replica_id(), 0};   // a new document is a copy of its own
    history_.clear();
    if (status_ == Status::unavailable) return;
    status_ = Status::pending;
    problem_.clear();
    // A brand-new document has no other writer: take its lock, then store it at once.
    backend_.acquire(Acquire{doc_id_}, ignore<Acquired>());
    backend_.set_last(SetLast{doc_id_}, ignore<Done>());
    const char* label = origin == "import" ? "Imported" : origin == "generated" ? "Generated" : "Created";
    deferred_save_.clear();
    if (save_after_frame) {
        deferred_save_ = label;   // after_frame saves it; the save's answer lists the documents
        deferred_frames_ = 0;
        first_save_revision_ = doc_.revision();
        return;
    }
    save(label);
    refresh_list();
}

void Persistence::open_doc(const std::string& id) {
    if (id == doc_id_ && booted_ && status_ != Status::read_only) return;
    // Keep what is open before leaving it.
    if (!doc_id_.empty() && (doc_.revision() != saved_revision_ || !deferred_save_.empty()) &&
        status_ != Status::read_only && status_ != Status::unavailable)
        save(take_label());
    const std::uint64_t generation = ++generation_;
    backend_.open(OpenDoc{id, false}, [this, id, generation](Reply<OpenedDoc> r) {
        if (generation != generation_) return;
        if (!r) {
            fail(*r.error, "The document could not be opened");
            if (!booted_) create_from_sample();
            return;
        }
        const bool writer = r.value.writer;
        open_snapshots(id, std::move(r.value), writer);
    });
}

void Persistence::open_snapshots(const std::string& id, OpenedDoc opened, bool writer) {
    const std::string name = opened.doc.name;
    if (opened.doc.format > io::kFormatVersion) {
        // Never open (and so never overwrite) what a newer Waymark saved.
        problem_ = quoted(name) + " was saved by a newer version of Waymark. Reload the page to get the new version.";
        release(id);
        if (!booted_) create_from_sample();
        return;
    }
    io::LoadResult loaded = io::load_snapshot(opened.bytes);
    if (loaded) {
        finish_open(id, std::move(*loaded.workspace), writer, {}, opened.doc);
        return;
    }
    // The head is damaged: try older snapshots, newest first.
    std::vector<SnapshotInfo> rest;
    for (const auto& s : opened.snapshots)
        if (!opened.head || s.key != *opened.head) rest.push_back(s);
    std::stable_sort(rest.begin(), rest.end(), [](const SnapshotInfo& a, const SnapshotInfo& b) { return a.key > b.key; });
    try_snapshots(id, std::move(rest), opened.bytes.empty() ? "it has no saved version" : loaded.error, writer, opened.doc);
}

void Persistence::try_snapshots(const std::string& id, std::vector<SnapshotInfo> rest, std::string first_error, bool writer,
                                StoredDoc record) {
    const std::string& name = record.name;
    if (rest.empty()) {
        problem_ = quoted(name) + " could not be opened: " + first_error + ". No earlier save of it is readable.";
        if (id != doc_id_) release(id);  // its lock (or place in the queue for it), taken by the open
        if (!booted_) create_from_sample();
        return;
    }
    const SnapshotInfo next = rest.front();
    rest.erase(rest.begin());
    const std::uint64_t generation = generation_;
    backend_.snapshot(GetSnapshot{next.key}, [=, this](Reply<Snapshot> r) mutable {
        if (generation != generation_) return;
        io::LoadResult loaded = r ? io::load_snapshot(r.value.bytes) : io::LoadResult{};
        if (!loaded) {
            try_snapshots(id, std::move(rest), first_error, writer, record);
            return;
        }
        finish_open(id, std::move(*loaded.workspace), writer,
                    "The latest save of " + quoted(name) + " was damaged (" + first_error + "); opened the save from " +
                        when(next.time) + " instead.",
                    record);
    });
}

// The writer tab went away: this tab takes over, from the newest save.
void Persistence::take_over(const std::string& id) {
    const std::uint64_t generation = ++generation_;
    backend_.open(OpenDoc{id, false}, [this, id, generation](Reply<OpenedDoc> r) {
        if (generation != generation_ || !r) return;
        open_snapshots(id, std::move(r.value), true);
    });
}

void Persistence::finish_open(const std::string& id, Workspace ws, bool writer, std::string notice, const StoredDoc& record) {
    const bool same = id == doc_id_;
    // The writer stamps as the document's replica; a read-only follower (which never saves) as a
    // replica of its own, so an export it makes can never reuse the writer's counters.
    if (writer) replica_ = replica_of(record);
    else if (!same || status_ != Status::read_only) replica_ = io::Replica{io::new_replica_id(), 0};
    if (!doc_id_.empty() && !same) release(doc_id_);
    doc_id_ = id;
    replace_(std::move(ws), "storage", same);
    saved_revision_ = seen_revision_ = doc_.revision();
    doc_.mark_saved();
    status_ = writer ? Status::saved : Status::read_only;
    problem_.clear();
    notice_ = std::move(notice);
    booted_ = true;
    if (writer) backend_.set_last(SetLast{id}, ignore<Done>());
    refresh_history();
    if (granted_ == id) {
        granted_.clear();
        if (!writer) take_over(id);
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Autosave
// ---------------------------------------------------------------------------------------------
void Persistence::after_frame() {
    if (!booted_ || doc_id_.empty() || status_ == Status::read_only || status_ == Status::unavailable) return;
    if (!deferred_save_.empty()) {
        if (first_save_held_) return;
        // After the first frame, so not in it: the frame after.
        if (deferred_frames_++ == 0) backend_.wake_after(1);
        else save(take_label());
        return;
    }
    const double now = backend_.now_ms();
    if (doc_.revision() != seen_revision_) {
        seen_revision_ = doc_.revision();
        last_change_ms_ = now;
    }
    if (doc_.revision() == saved_revision_) return;
    if (status_ == Status::saved) status_ = Status::pending;
    if (saves_in_flight_ > 0) return;  // the answer wakes us up again
    const double due = std::max(last_change_ms_ + kAutosaveDelayMs, status_ == Status::failed ? retry_at_ms_ : 0.0);
    if (now >= due) save(change_label());
    else backend_.wake_after(due - now + 1);
}

void Persistence::hold_first_save(bool held) {
    first_save_held_ = held;
    if (!held && booted_ && !deferred_save_.empty() && !doc_id_.empty() && status_ != Status::read_only &&
        status_ != Status::unavailable)
        save(take_label());
}

void Persistence::save_now() {
    if (status_ == Status::read_only || status_ == Status::unavailable || doc_id_.empty()) return;
    save(take_label());
}

void Persistence::stamp() {
    doc_.stamp_with([this](Workspace& ws) { io::stamp(ws, replica_); });
}

// A saved version is named by the change it follows: "Move card", "Undone: Move card", "Changes
// from the team"; never left without a name.
std::string Persistence::change_label() const {
    if (!doc_.last_change().empty()) return doc_.last_change();
    if (doc_.can_undo()) return doc_.undo_label();
    return "Saved";
}

std::string Persistence::take_label() {
    if (deferred_save_.empty()) return change_label();
    return std::exchange(deferred_save_, {});
}

void Persistence::save(std::string label) {
    const std::uint64_t revision = doc_.revision();
    stamp();   // the stored merge history is current, and the clock saved is the one it used
    Save request{meta_for(doc_id_, doc_.workspace(), label, replica_), io::save_snapshot(doc_.workspace())};
    ++saves_in_flight_;
    asked_revision_ = revision;
    if (status_ != Status::failed) status_ = Status::saving;
    const std::uint64_t generation = generation_;
    backend_.save(request, [this, revision, generation](Reply<Saved> r) {
        --saves_in_flight_;
        if (generation != generation_) return;
        if (!r) {
            status_ = Status::failed;
            problem_ = explain(*r.error, "Not saved");
            retry_at_ms_ = backend_.now_ms() + kRetryDelayMs;
            backend_.wake_after(kRetryDelayMs + 1);
            return;
        }
        problem_.clear();
        saved_revision_ = std::max(saved_revision_, revision);
        if (doc_.revision() == revision) doc_.mark_saved();
        status_ = doc_.revision() == saved_revision_ ? Status::saved : Status::pending;
        refresh_history();
        refresh_list();
    });
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Page events
// ---------------------------------------------------------------------------------------------
void Persistence::on_event(const Event& event) {
    if (std::holds_alternative<Flush>(event)) {
        // A page that leaves flushes more than once (beforeunload, pagehide, visibilitychange): a save
        // of this revision already on its way is not asked for again (it would be a second version).
        const bool unsaved = doc_.revision() != saved_revision_ && !(saves_in_flight_ > 0 && asked_revision_ == doc_.revision());
        // A held first save is left to the next start unless the document was edited meanwhile.
        const bool untouched = first_save_held_ && !deferred_save_.empty() && doc_.revision() == first_save_revision_;
        if (booted_ && (unsaved || !deferred_save_.empty()) && !untouched && status_ != Status::read_only &&
            status_ != Status::unavailable)
            save(take_label());
    } else if (const auto* persist = std::get_if<PersistState>(&event)) {
        persisted_ = persist->state;
    } else if (const auto* writer = std::get_if<WriterChanged>(&event)) {
        if (!writer->writer) return;
        // The lock can come while this tab is still opening the document, read-only (the writer tab
        // closed meanwhile, its last save perhaps after what this tab read): kept for finish_open.
        if (writer->doc != doc_id_) granted_ = writer->doc;
        else take_over(doc_id_);
    } else if (const auto* saved = std::get_if<RemoteSave>(&event)) {
        if (saved->doc != doc_id_ || status_ != Status::read_only) {
            refresh_list();
            return;
        }
        // Follow the writer tab live.
        const std::string id = doc_id_;
        const std::uint64_t generation = generation_;
        backend_.snapshot(GetSnapshot{saved->key}, [this, id, generation](Reply<Snapshot> r) {
            // Not if this tab has become the writer meanwhile (take_over, asked before this answer).
            if (generation != generation_ || !r || status_ != Status::read_only) return;
            io::LoadResult loaded = io::load_snapshot(r.value.bytes);
            if (loaded) finish_open(id, std::move(*loaded.workspace), false, {}, StoredDoc{});
        });
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Documents list and history
// ---------------------------------------------------------------------------------------------
void Persistence::refresh_list() {
    backend_.list(ListDocs{}, [this](Reply<DocList> r) {
        if (!r) return;
        docs_ = std::move(r.value.docs);
        std::sort(docs_.begin(), docs_.end(), [](const StoredDoc& a, const StoredDoc& b) { return a.modified > b.modified; });
    });
}

// Renames a document that is not open: its name lives in the workspace, so this writes a new save
// of it with the new name (under its lock, so a tab editing it is never overwritten).
void Persistence::rename(const std::string& id, const std::string& name) {
    backend_.open(OpenDoc{id, false}, [this, id, name](Reply<OpenedDoc> r) {
        if (!r || !r.value.writer) {
            problem_ = r ? "That document is open in another tab; rename it there." : explain(*r.error, "The document could not be renamed");
            // Leave the queue for its lock: otherwise, when that tab closes, this one would take the
            // lock of a document it does not show, and the next tab to open it would be read-only.
            if (r) release(id);
            return;
        }
        io::LoadResult loaded = io::load_snapshot(r.value.bytes);
        if (!loaded) {
            problem_ = "The document could not be renamed: " + loaded.error;
            release(id);
            return;
        }
        loaded.workspace->name = name;
        io::Replica replica = replica_of(r.value.doc);
        io::stamp(*loaded.workspace, replica);
        backend_.save(Save{meta_for(id, *loaded.workspace, "Renamed", replica), io::save_snapshot(*loaded.workspace)},
                      [this, id](Reply<Saved> saved) {
                          if (!saved) fail(*saved.error, "The document could not be renamed");
                          release(id);
                          refresh_list();
                      });
    });
}

void Persistence::trash(const std::string& id, bool deleted) {
    DocChanges changes;
    changes.deleted = deleted;
    backend_.update(Update{id, changes}, [this](Reply<Updated> r) {
        if (!r) fail(*r.error, "The document could not be moved");
        refresh_list();
    });
}

void Persistence::purge(const std::string& id) {
    if (id == doc_id_) return;  // the open document is never destroyed
    backend_.purge(Purge{id}, [this](Reply<Done> r) {
        if (!r) fail(*r.error, "The document could not be deleted");
        refresh_list();
    });
}

void Persistence::duplicate(const std::string& id) {
    // Read its newest snapshot and store it as a new document (with a new workspace id).
    backend_.open(OpenDoc{id, true}, [this](Reply<OpenedDoc> r) {
        if (!r) {
            fail(*r.error, "The document could not be duplicated");
            return;
        }
        io::LoadResult loaded = io::load_snapshot(r.value.bytes);
        if (!loaded) {
            problem_ = "The document could not be duplicated: " + loaded.error;
            return;
        }
        Workspace copy = std::move(*loaded.workspace);
        copy.id = new_id();
        copy.name += " (copy)";
        const std::string copy_id = new_id().str();
        // Another workspace (a new id), so the original's merge history means nothing to it; and a
        // copy of its own: a fresh replica, stored with it (never the original's). Its first save
        // after opening stamps it.
        copy.merge = MergeHistory{};
        const io::Replica replica{io::new_replica_id(), 0};
        backend_.save(Save{meta_for(copy_id, copy, "Duplicated", replica), io::save_snapshot(copy)}, [this](Reply<Saved> saved) {
            if (!saved) fail(*saved.error, "The copy could not be saved");
            refresh_list();
        });
    });
}

void Persistence::read_doc(const std::string& id, ReadFn done) {
    backend_.open(OpenDoc{id, true}, [done = std::move(done)](Reply<OpenedDoc> r) {
        if (!r) {
            done(std::nullopt, explain(*r.error, "The document could not be read"));
            return;
        }
        if (r.value.doc.format > io::kFormatVersion) {
            done(std::nullopt, quoted(r.value.doc.name) + " was saved by a newer version of Waymark. Reload the page to get the new version.");
            return;
        }
        io::LoadResult loaded = io::load_snapshot(r.value.bytes);
        if (!loaded) {
            done(std::nullopt, quoted(r.value.doc.name) + " could not be read: " + loaded.error);
            return;
        }
        done(std::move(loaded.workspace), {});
    });
}

void Persistence::refresh_history() {
    if (doc_id_.empty()) return;
    const std::string id = doc_id_;
    backend_.history(GetHistory{id}, [this, id](Reply<History> r) {
        if (!r || id != doc_id_) return;
        history_ = std::move(r.value.snapshots);
    });
}

void Persistence::restore_snapshot(double key) {
    if (status_ == Status::read_only) return;
    const std::string id = doc_id_;
    const std::uint64_t generation = generation_;
    backend_.snapshot(GetSnapshot{key}, [this, id, generation](Reply<Snapshot> r) {
        if (generation != generation_) return;
        io::LoadResult loaded = r ? io::load_snapshot(r.value.bytes) : io::LoadResult{};
        if (!loaded) {
            problem_ = "That saved version could not be restored: " + (r ? loaded.error : explain(*r.error, "storage"));
            return;
        }
        const std::string label = "Restored the version of " + when(r.value.info.time);
        // Restoring is an edit of the open document: its merge history stays the current one, so
        // the next stamp records what the restore changed as new edits (an old history would make
        // the restored content look older than what other copies already merged).
        loaded.workspace->merge = doc_.workspace().merge;
        // Restoring adds a snapshot: nothing is destroyed, the restore itself can be restored away.
        replace_(std::move(*loaded.workspace), "storage", true);
        seen_revision_ = doc_.revision();
        save(label);
        notice_ = label + ".";
    });
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Status
// ---------------------------------------------------------------------------------------------
std::string Persistence::status_text() const {
    switch (status_) {
        case Status::opening: return "Opening\xE2\x80\xA6";
        case Status::saved: return "Saved";
        case Status::pending:
        case Status::saving: return "Saving\xE2\x80\xA6";
        case Status::failed: return "Not saved \xE2\x80\x94 " + problem_;
        case Status::read_only: return "Read-only \xE2\x80\x94 open for editing in another tab";
        case Status::unavailable: return "Not saved \xE2\x80\x94 " + problem_;
    }
    return {};
}

const char* status_name(Persistence::Status status) {
    static const char* const kNames[] = {"opening", "saved", "pending", "saving", "failed", "read-only", "unavailable"};
    return kNames[static_cast<int>(status)];
}

const char* persisted_name(Persisted persisted) {
    static const char* const kNames[] = {"unknown", "persistent", "best-effort", "unsupported"};
    return kNames[static_cast<int>(persisted)];
}

}  // namespace wm::store
