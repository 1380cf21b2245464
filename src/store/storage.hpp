// What the storage policy (store/persistence.hpp) asks of the place documents are kept, and what it
// hears back: one struct per request, one per answer, one per event, and the abstract Backend that
// carries them. Plain data, no JSON: the browser's backend (src/platform/storage_bridge.cpp) turns
// these into the messages of web/storage.js, the unit tests answer them from memory
// (tests/unit/store_test.cpp).
//
// Every request is answered later, exactly once, through its callback — never from inside the call
// (the policy may issue a request while handling an answer). An answer is a value or an error;
// errors carry the browser's DOMException name ("QuotaExceededError", "SecurityError", …), which the
// policy turns into sentences.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace wm::store {

// ---- what is stored -------------------------------------------------------------------------------

// One stored document (web/storage.js: a record of the `docs` store). `id` is the storage id, a UUID
// of its own, not the workspace id: importing the same file twice gives two documents.
struct StoredDoc {
    std::string id;
    std::string name;
    double modified = 0;   // ms since 1970
    double size = 0;       // bytes of the newest snapshot
    int journeys = 0;
    int cards = 0;
    bool deleted = false;  // in the trash (recoverable)
    int format = 0;        // file format version of the Waymark that saved it last
    // The document's replica (io/stamp.hpp): its id as 16 hex digits ("" when it never had one, e.g.
    // saved before merging existed or duplicated) and the highest counter it has used or seen. Kept
    // with the document, never in files: every copy (imported, duplicated) stamps as a replica of its own.
    std::string replica;
    double clock = 0;
};

// One saved version of a document, without its bytes.
struct SnapshotInfo {
    double key = 0;        // the snapshot's key in storage (time-based, so newer saves have larger keys)
    double time = 0;       // ms since 1970
    std::string label;     // the undo label of the edit the save follows ("Move card", "Renamed", …)
    double size = 0;       // bytes
};

// ---- requests (policy → storage) ----------------------------------------------------------------

struct ListDocs {};                     // every document record
struct GetLast {};                      // the document open last in this browser
struct SetLast { std::string doc; };
// Opens a document: its record, its snapshots, the head snapshot's bytes, and — unless read_only —
// whether this tab got its writer lock (if not, it is queued and hears WriterChanged later).
struct OpenDoc {
    std::string doc;
    bool read_only = false;             // only read it (duplicate): never take or queue for the lock
};
struct Acquire { std::string doc; };    // take the writer lock of a new document
struct Release { std::string doc; };    // give the writer lock back (or leave its queue)
struct GetSnapshot { double key = 0; };
struct SaveMeta {
    std::string doc;                    // storage id
    std::string name;                   // the workspace name, shown in the documents list
    int journeys = 0;
    int cards = 0;
    std::string label;                  // the snapshot's label
    int format = 0;                     // io::kFormatVersion of this Waymark
    std::string replica;                // the document's replica id (16 hex digits), see StoredDoc
    double clock = 0;                   // and its clock, after the stamp this save follows
};
// One transaction: the snapshot is added and becomes the document's head; the oldest beyond 50 go.
struct Save {
    SaveMeta meta;
    std::string bytes;                  // io::save_snapshot
};
struct GetHistory { std::string doc; };
struct DocChanges { std::optional<bool> deleted; };  // fields of the record to change; unset: kept
struct Update { std::string doc; DocChanges changes; };
struct Purge { std::string doc; };      // the document and all its snapshots, for good

// ---- answers (storage → policy) -----------------------------------------------------------------

struct StorageError {
    std::string name;                   // DOMException name: QuotaExceededError, SecurityError, …
    std::string message;
};

struct Done {};                         // an answer with nothing in it
struct DocList { std::vector<StoredDoc> docs; };
struct LastDoc { std::string doc; };    // "" when none was set
struct OpenedDoc {
    StoredDoc doc;
    bool writer = false;                // this tab holds the writer lock
    std::vector<SnapshotInfo> snapshots;    // newest first
    std::optional<double> head;         // key of the head snapshot, if it has one
    std::string bytes;                  // the head snapshot ("" when it has none)
};
struct Acquired { bool writer = false; };
struct Snapshot {
    SnapshotInfo info;
    std::string bytes;
};
struct Saved { double key = 0, time = 0; };
struct History { std::vector<SnapshotInfo> snapshots; };  // newest first
struct Updated { StoredDoc doc; };

// A value, or why there is none.
template <class T>
struct Reply {
    T value{};
    std::optional<StorageError> error;
    explicit operator bool() const { return !error; }
};
template <class T>
using Answer = std::function<void(Reply<T>)>;

// ---- events (storage → policy, unasked) ---------------------------------------------------------

struct Flush {};                        // the page is being hidden or closed: save what is open now
struct WriterChanged {                  // this tab got (or lost) the writer lock of `doc`
    std::string doc;
    bool writer = false;
};
struct RemoteSave {                     // another tab saved `doc`; `key` is its new head snapshot
    std::string doc;
    double key = 0;
};
enum class Persisted { unknown, persistent, best_effort, unsupported };  // navigator.storage.persist()
struct PersistState { Persisted state = Persisted::unknown; };
using Event = std::variant<Flush, WriterChanged, RemoteSave, PersistState>;

// ---- the backend -------------------------------------------------------------------------------

class Backend {
public:
    virtual ~Backend() = default;

    virtual void list(const ListDocs&, Answer<DocList> done) = 0;
    virtual void get_last(const GetLast&, Answer<LastDoc> done) = 0;
    virtual void set_last(const SetLast&, Answer<Done> done) = 0;
    virtual void open(const OpenDoc&, Answer<OpenedDoc> done) = 0;
    virtual void acquire(const Acquire&, Answer<Acquired> done) = 0;
    virtual void release(const Release&, Answer<Done> done) = 0;
    virtual void snapshot(const GetSnapshot&, Answer<Snapshot> done) = 0;
    virtual void save(const Save&, Answer<Saved> done) = 0;
    virtual void history(const GetHistory&, Answer<History> done) = 0;
    virtual void update(const Update&, Answer<Updated> done) = 0;
    virtual void purge(const Purge&, Answer<Done> done) = 0;

    virtual double now_ms() = 0;             // a monotonic clock (not a date)
    virtual void wake_after(double ms) = 0;  // run a frame (and so Persistence::after_frame) in `ms`
};

}  // namespace wm::store
