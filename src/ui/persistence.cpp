// [SECTION] index: helpers · boot and open (with fallback) · autosave · page events ·
// documents list and history · status
#include "ui/persistence.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>

#include "io/file_format.hpp"
#include "model/sample.hpp"
#include "platform/platform.hpp"
#include "ui/kit/format.hpp"
#include "ui/kit/json_text.hpp"

namespace wm::ui {
namespace {

constexpr double kAutosaveDelayMs = 300;   // after the last edit: within the 500 ms promise
constexpr double kRetryDelayMs = 5000;     // after a failed save (quota, storage blocked)

std::string str(const rapidjson::Value& v, const char* key) {
    return v.IsObject() && v.HasMember(key) && v[key].IsString() ? v[key].GetString() : std::string();
}
double num(const rapidjson::Value& v, const char* key) {
    return v.IsObject() && v.HasMember(key) && v[key].IsNumber() ? v[key].GetDouble() : 0.0;
}
bool flag(const rapidjson::Value& v, const char* key) {
    return v.IsObject() && v.HasMember(key) && v[key].IsBool() && v[key].GetBool();
}

std::string when(double ms) { return local_time(ms, true); }

// Plain words for a storage error from the page ({name, message}).
std::string explain(std::string_view json_error, std::string_view action) {
    rapidjson::Document d;
    d.Parse(json_error.data(), json_error.size());
    const std::string name = d.HasParseError() ? "" : str(d, "name");
    const std::string message = d.HasParseError() ? "" : str(d, "message");
    std::string out(action);
    if (name == "QuotaExceededError")
        return out + ": this browser's storage for Waymark is full. Export the document to keep it; saving resumes when space is freed.";
    if (name == "VersionError") return out + ": " + message;
    if (name == "NotSupportedError" || name == "SecurityError" || name == "InvalidStateError" || name == "UnknownError")
        return out + ": this browser does not let Waymark store documents here (private window or blocked storage?). Your work stays open in this tab; export it to keep it.";
    if (name == "NotFoundError") return out + ": " + message;
    return out + ": the browser refused to store it (" + (message.empty() ? name : message) + "). Export the document to keep it.";
}

std::string meta_json(const std::string& id, const Workspace& ws, const std::string& label) {
    std::size_t cards = 0;
    for (const auto& j : ws.journeys) cards += j.cards.size();
    json::Writer w;
    w.begin().field("doc", id).field("name", ws.name).field("journeys", static_cast<double>(ws.journeys.size()));
    w.field("cards", static_cast<double>(cards)).field("label", label).field("format", static_cast<double>(io::kFormatVersion)).end();
    return w.str();
}

std::string doc_arg(const std::string& id) {
    json::Writer w;
    w.begin().field("doc", id).end();
    return w.str();
}

std::vector<SnapshotInfo> parse_snapshots(const rapidjson::Value& list) {
    std::vector<SnapshotInfo> out;
    if (!list.IsArray()) return out;
    for (const auto& s : list.GetArray()) out.push_back(SnapshotInfo{num(s, "key"), num(s, "time"), str(s, "label"), num(s, "size")});
    return out;
}

}  // namespace

Persistence::Persistence(edit::Document& doc, ReplaceFn replace) : doc_(doc), replace_(std::move(replace)) {}

// ---------------------------------------------------------------------------------------------
// [SECTION] Boot and open
// ---------------------------------------------------------------------------------------------
void Persistence::boot() {
    platform::storage("getLast", "{}", {}, [this](const platform::StorageReply& r) {
        rapidjson::Document d;
        d.Parse(r.json.c_str());
        const std::string last = r.ok && !d.HasParseError() ? str(d, "doc") : std::string();
        if (!r.ok) {
            // Storage is unusable (private mode, blocked): work in memory, say so.
            status_ = Status::unavailable;
            problem_ = explain(r.json, "Documents cannot be saved");
            booted_ = true;
            return;
        }
        if (!last.empty()) {
            open_doc(last);
            return;
        }
        platform::storage("list", "{}", {}, [this](const platform::StorageReply& list) {
            rapidjson::Document l;
            l.Parse(list.json.c_str());
            std::string newest;
            double newest_time = -1;
            if (list.ok && !l.HasParseError() && l.HasMember("docs") && l["docs"].IsArray())
                for (const auto& doc : l["docs"].GetArray())
                    if (!flag(doc, "deleted") && num(doc, "modified") > newest_time) {
                        newest = str(doc, "id");
                        newest_time = num(doc, "modified");
                    }
            if (newest.empty()) create_from_sample();
            else open_doc(newest);
        });
    });
}

void Persistence::create_from_sample() {
    replace_(sample_workspace(), "sample", false);
    adopt_new("sample");
    booted_ = true;
}

void Persistence::adopt_new(std::string origin) {
    if (!doc_id_.empty()) platform::storage("release", doc_arg(doc_id_), {}, [](const platform::StorageReply&) {});
    ++generation_;
    doc_id_ = new_id().str();
    history_.clear();
    if (status_ == Status::unavailable) return;
    status_ = Status::pending;
    problem_.clear();
    // A brand-new document has no other writer: take its lock, then store it at once.
    platform::storage("acquire", doc_arg(doc_id_), {}, [](const platform::StorageReply&) {});
    platform::storage("setLast", doc_arg(doc_id_), {}, [](const platform::StorageReply&) {});
    const char* label = origin == "import" ? "Imported" : origin == "generated" ? "Generated" : "Created";
    save(label);
    refresh_list();
}

void Persistence::open_doc(const std::string& id) {
    if (id == doc_id_ && booted_ && status_ != Status::read_only) return;
    // Keep what is open before leaving it.
    if (!doc_id_.empty() && doc_.revision() != saved_revision_ && status_ != Status::read_only &&
        status_ != Status::unavailable)
        save(doc_.undo_label());
    const std::uint64_t generation = ++generation_;
    platform::storage("open", doc_arg(id), {}, [this, id, generation](const platform::StorageReply& r) {
        if (generation != generation_) return;
        if (!r.ok) {
            fail(r.json, "The document could not be opened");
            if (!booted_) create_from_sample();
            return;
        }
        rapidjson::Document d;
        d.Parse(r.json.c_str());
        open_snapshots(id, r.json, r.bytes, flag(d, "writer"));
    });
}

void Persistence::open_snapshots(const std::string& id, std::string json_meta, std::string head_bytes, bool writer) {
    rapidjson::Document d;
    d.Parse(json_meta.c_str());
    const std::string name = d.HasMember("doc") ? str(d["doc"], "name") : std::string();
    std::vector<SnapshotInfo> snapshots = d.HasMember("snapshots") ? parse_snapshots(d["snapshots"]) : std::vector<SnapshotInfo>{};
    const double head = num(d, "key");
    if (d.HasMember("doc") && num(d["doc"], "format") > io::kFormatVersion) {
        // Never open (and so never overwrite) what a newer Waymark saved.
        problem_ = "\xE2\x80\x9C" + name + "\xE2\x80\x9D was saved by a newer version of Waymark. Reload the page to get the new version.";
        platform::storage("release", doc_arg(id), {}, [](const platform::StorageReply&) {});
        if (!booted_) create_from_sample();
        return;
    }
    io::LoadResult loaded = io::load_snapshot(head_bytes);
    if (loaded) {
        finish_open(id, std::move(*loaded.workspace), writer, {});
        return;
    }
    // The head is damaged: try older snapshots, newest first.
    std::vector<SnapshotInfo> rest;
    for (const auto& s : snapshots)
        if (s.key != head) rest.push_back(s);
    try_snapshots(id, std::move(rest), head_bytes.empty() ? "it has no saved version" : loaded.error, writer, name);
}

void Persistence::try_snapshots(const std::string& id, std::vector<SnapshotInfo> rest, std::string first_error, bool writer,
                                std::string name) {
    if (rest.empty()) {
        problem_ = "\xE2\x80\x9C" + name + "\xE2\x80\x9D could not be opened: " + first_error + ". No earlier save of it is readable.";
        if (!booted_) create_from_sample();
        return;
    }
    const SnapshotInfo next = rest.front();
    rest.erase(rest.begin());
    json::Writer w;
    w.begin().field("key", next.key).end();
    const std::uint64_t generation = generation_;
    platform::storage("snapshot", w.str(), {}, [=, this](const platform::StorageReply& r) mutable {
        if (generation != generation_) return;
        io::LoadResult loaded = r.ok ? io::load_snapshot(r.bytes) : io::LoadResult{};
        if (!loaded) {
            try_snapshots(id, std::move(rest), first_error, writer, name);
            return;
        }
        finish_open(id, std::move(*loaded.workspace), writer,
                    "The latest save of \xE2\x80\x9C" + name + "\xE2\x80\x9D was damaged (" + first_error +
                        "); opened the save from " + when(next.time) + " instead.");
    });
}

void Persistence::finish_open(const std::string& id, Workspace ws, bool writer, std::string notice) {
    const bool same = id == doc_id_;
    if (!doc_id_.empty() && !same) platform::storage("release", doc_arg(doc_id_), {}, [](const platform::StorageReply&) {});
    doc_id_ = id;
    replace_(std::move(ws), "storage", same);
    saved_revision_ = seen_revision_ = doc_.revision();
    doc_.mark_saved();
    status_ = writer ? Status::saved : Status::read_only;
    problem_.clear();
    notice_ = std::move(notice);
    booted_ = true;
    if (writer) platform::storage("setLast", doc_arg(id), {}, [](const platform::StorageReply&) {});
    refresh_history();
}

void Persistence::fail(std::string_view json_error, std::string_view action) {
    problem_ = explain(json_error, action);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Autosave
// ---------------------------------------------------------------------------------------------
void Persistence::after_frame() {
    if (!booted_ || doc_id_.empty() || status_ == Status::read_only || status_ == Status::unavailable) return;
    const double now = platform::now_ms();
    if (doc_.revision() != seen_revision_) {
        seen_revision_ = doc_.revision();
        last_change_ms_ = now;
    }
    if (doc_.revision() == saved_revision_) return;
    if (status_ == Status::saved) status_ = Status::pending;
    if (saves_in_flight_ > 0) return;  // the answer wakes us up again
    const double due = std::max(last_change_ms_ + kAutosaveDelayMs, status_ == Status::failed ? retry_at_ms_ : 0.0);
    if (now >= due) save(doc_.undo_label());
    else platform::request_frame_after(due - now + 1);
}

void Persistence::save_now() {
    if (status_ == Status::read_only || status_ == Status::unavailable || doc_id_.empty()) return;
    save(doc_.undo_label());
}

void Persistence::save(std::string label) {
    const std::uint64_t revision = doc_.revision();
    const std::string bytes = io::save_snapshot(doc_.workspace());
    const std::string id = doc_id_;
    ++saves_in_flight_;
    if (status_ != Status::failed) status_ = Status::saving;
    const std::uint64_t generation = generation_;
    platform::storage("save", meta_json(id, doc_.workspace(), label), bytes,
                      [this, revision, generation](const platform::StorageReply& r) {
                          --saves_in_flight_;
                          if (generation != generation_) return;
                          if (!r.ok) {
                              status_ = Status::failed;
                              problem_ = explain(r.json, "Not saved");
                              retry_at_ms_ = platform::now_ms() + kRetryDelayMs;
                              platform::request_frame_after(kRetryDelayMs + 1);
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
void Persistence::on_event(std::string_view json) {
    rapidjson::Document d;
    d.Parse(json.data(), json.size());
    if (d.HasParseError()) return;
    const std::string type = str(d, "type");
    if (type == "flush") {
        if (booted_ && doc_.revision() != saved_revision_ && status_ != Status::read_only && status_ != Status::unavailable)
            save(doc_.undo_label());
    } else if (type == "persist") {
        persisted_ = str(d, "state");
    } else if (type == "writer" && str(d, "doc") == doc_id_ && flag(d, "writer")) {
        // The writer tab went away: this tab takes over, from the newest save.
        const std::string id = doc_id_;
        const std::uint64_t generation = ++generation_;
        platform::storage("open", doc_arg(id), {}, [this, id, generation](const platform::StorageReply& r) {
            if (generation != generation_ || !r.ok) return;
            open_snapshots(id, r.json, r.bytes, true);
        });
    } else if (type == "remoteSave" && str(d, "doc") == doc_id_ && status_ == Status::read_only) {
        // Follow the writer tab live.
        json::Writer w;
        w.begin().field("key", num(d, "key")).end();
        const std::string id = doc_id_;
        const std::uint64_t generation = generation_;
        platform::storage("snapshot", w.str(), {}, [this, id, generation](const platform::StorageReply& r) {
            if (generation != generation_ || !r.ok) return;
            io::LoadResult loaded = io::load_snapshot(r.bytes);
            if (loaded) finish_open(id, std::move(*loaded.workspace), false, {});
        });
    } else if (type == "remoteSave") {
        refresh_list();
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Documents list and history
// ---------------------------------------------------------------------------------------------
void Persistence::refresh_list() {
    platform::storage("list", "{}", {}, [this](const platform::StorageReply& r) {
        if (!r.ok) return;
        rapidjson::Document d;
        d.Parse(r.json.c_str());
        if (d.HasParseError() || !d.HasMember("docs") || !d["docs"].IsArray()) return;
        docs_.clear();
        for (const auto& doc : d["docs"].GetArray())
            docs_.push_back(StoredDoc{str(doc, "id"), str(doc, "name"), num(doc, "modified"), num(doc, "size"),
                                      static_cast<int>(num(doc, "journeys")), static_cast<int>(num(doc, "cards")), flag(doc, "deleted")});
        std::sort(docs_.begin(), docs_.end(), [](const StoredDoc& a, const StoredDoc& b) { return a.modified > b.modified; });
    });
}

// Renames a document that is not open: its name lives in the workspace, so this writes a new save
// of it with the new name (under its lock, so a tab editing it is never overwritten).
void Persistence::rename(const std::string& id, const std::string& name) {
    platform::storage("open", doc_arg(id), {}, [this, id, name](const platform::StorageReply& r) {
        rapidjson::Document d;
        d.Parse(r.json.c_str());
        if (!r.ok || !flag(d, "writer")) {
            problem_ = r.ok ? "That document is open in another tab; rename it there." : explain(r.json, "The document could not be renamed");
            return;
        }
        io::LoadResult loaded = io::load_snapshot(r.bytes);
        if (!loaded) {
            problem_ = "The document could not be renamed: " + loaded.error;
            platform::storage("release", doc_arg(id), {}, [](const platform::StorageReply&) {});
            return;
        }
        loaded.workspace->name = name;
        platform::storage("save", meta_json(id, *loaded.workspace, "Renamed"), io::save_snapshot(*loaded.workspace),
                          [this, id](const platform::StorageReply& saved) {
                              if (!saved.ok) fail(saved.json, "The document could not be renamed");
                              platform::storage("release", doc_arg(id), {}, [](const platform::StorageReply&) {});
                              refresh_list();
                          });
    });
}

void Persistence::trash(const std::string& id, bool deleted) {
    json::Writer w;
    w.begin().field("doc", id).key("changes").begin().field("deleted", deleted).end().end();
    platform::storage("update", w.str(), {}, [this](const platform::StorageReply& r) {
        if (!r.ok) fail(r.json, "The document could not be moved");
        refresh_list();
    });
}

void Persistence::purge(const std::string& id) {
    if (id == doc_id_) return;  // the open document is never destroyed
    platform::storage("purge", doc_arg(id), {}, [this](const platform::StorageReply& r) {
        if (!r.ok) fail(r.json, "The document could not be deleted");
        refresh_list();
    });
}

void Persistence::duplicate(const std::string& id) {
    // Read its newest good snapshot and store it as a new document (with a new workspace id).
    platform::storage("open", [&] {
        json::Writer w;
        w.begin().field("doc", id).field("readOnly", true).end();
        return w.str();
    }(), {}, [this](const platform::StorageReply& r) {
        if (!r.ok) {
            fail(r.json, "The document could not be duplicated");
            return;
        }
        io::LoadResult loaded = io::load_snapshot(r.bytes);
        if (!loaded) {
            problem_ = "The document could not be duplicated: " + loaded.error;
            return;
        }
        Workspace copy = std::move(*loaded.workspace);
        copy.id = new_id();
        copy.name += " (copy)";
        const std::string copy_id = new_id().str();
        platform::storage("save", meta_json(copy_id, copy, "Duplicated"), io::save_snapshot(copy),
                          [this](const platform::StorageReply& saved) {
                              if (!saved.ok) fail(saved.json, "The copy could not be saved");
                              refresh_list();
                          });
    });
}

void Persistence::refresh_history() {
    if (doc_id_.empty()) return;
    const std::string id = doc_id_;
    platform::storage("history", doc_arg(id), {}, [this, id](const platform::StorageReply& r) {
        if (!r.ok || id != doc_id_) return;
        rapidjson::Document d;
        d.Parse(r.json.c_str());
        if (!d.HasParseError() && d.HasMember("snapshots")) history_ = parse_snapshots(d["snapshots"]);
    });
}

void Persistence::restore_snapshot(double key) {
    if (status_ == Status::read_only) return;
    json::Writer w;
    w.begin().field("key", key).end();
    const std::string id = doc_id_;
    const std::uint64_t generation = generation_;
    platform::storage("snapshot", w.str(), {}, [this, id, generation](const platform::StorageReply& r) {
        if (generation != generation_) return;
        io::LoadResult loaded = r.ok ? io::load_snapshot(r.bytes) : io::LoadResult{};
        if (!loaded) {
            problem_ = "That saved version could not be restored: " + (r.ok ? loaded.error : explain(r.json, "storage"));
            return;
        }
        rapidjson::Document d;
        d.Parse(r.json.c_str());
        const std::string label = "Restored the version of " + when(num(d, "time"));
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

std::string Persistence::stats_json() const {
    static const char* const kNames[] = {"opening", "saved", "pending", "saving", "failed", "read-only", "unavailable"};
    json::Writer w;
    w.begin().field("doc", doc_id_).field("status", kNames[static_cast<int>(status_)]);
    w.field("writer", status_ != Status::read_only).field("persisted", persisted_);
    w.field("problem", problem_).field("notice", notice_).field("snapshots", static_cast<double>(history_.size())).end();
    return w.str();
}

}  // namespace wm::ui
