// The browser's store::Backend. Each request of store/storage.hpp becomes one message to web/app.js's
// storage(op, arg, bytes); the page answers with (ok, JSON, bytes), and sends events as the app call
// "storageEvent". The messages are listed once, in web/app.js's storage section; this file writes
// and reads exactly those fields. A reply that is not a JSON object becomes an error.
#include "platform/storage_bridge.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <utility>
#include <vector>

#include "platform/platform.hpp"

namespace wm::platform {
namespace {

using Value = rapidjson::Value;

// ---- reading ----------------------------------------------------------------------------------

std::string str(const Value& v, const char* key) {
    return v.IsObject() && v.HasMember(key) && v[key].IsString() ? v[key].GetString() : std::string();
}
double num(const Value& v, const char* key) {
    return v.IsObject() && v.HasMember(key) && v[key].IsNumber() ? v[key].GetDouble() : 0.0;
}
bool flag(const Value& v, const char* key) {
    return v.IsObject() && v.HasMember(key) && v[key].IsBool() && v[key].GetBool();
}
const Value* member(const Value& v, const char* key) {
    return v.IsObject() && v.HasMember(key) ? &v[key] : nullptr;
}

store::StoredDoc read_doc(const Value& v) {
    store::StoredDoc doc;
    doc.id = str(v, "id");
    doc.name = str(v, "name");
    doc.modified = num(v, "modified");
    doc.size = num(v, "size");
    doc.journeys = static_cast<int>(num(v, "journeys"));
    doc.cards = static_cast<int>(num(v, "cards"));
    doc.deleted = flag(v, "deleted");
    doc.format = static_cast<int>(num(v, "format"));
    doc.replica = str(v, "replica");
    doc.clock = num(v, "clock");
    return doc;
}

store::SnapshotInfo read_info(const Value& v) {
    return store::SnapshotInfo{num(v, "key"), num(v, "time"), str(v, "label"), num(v, "size")};
}

std::vector<store::SnapshotInfo> read_infos(const Value* list) {
    std::vector<store::SnapshotInfo> out;
    if (list && list->IsArray())
        for (const auto& s : list->GetArray()) out.push_back(read_info(s));
    return out;
}

// ---- writing ----------------------------------------------------------------------------------

class Json {
public:
    Json() : out_(buffer_) { out_.StartObject(); }
    Json& field(const char* key, const std::string& value) {
        out_.Key(key);
        out_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
        return *this;
    }
    Json& field(const char* key, int value) {
        out_.Key(key);
        out_.Int(value);
        return *this;
    }
    Json& field(const char* key, double value) {
        out_.Key(key);
        out_.Double(value);
        return *this;
    }
    Json& field(const char* key, bool value) {
        out_.Key(key);
        out_.Bool(value);
        return *this;
    }
    Json& begin(const char* key) {
        out_.Key(key);
        out_.StartObject();
        return *this;
    }
    Json& end() {
        out_.EndObject();
        return *this;
    }
    std::string str() {
        out_.EndObject();
        return std::string(buffer_.GetString(), buffer_.GetSize());
    }

private:
    rapidjson::StringBuffer buffer_;
    rapidjson::Writer<rapidjson::StringBuffer> out_;
};

std::string doc_arg(const std::string& id) { return Json().field("doc", id).str(); }

// Sends one request; `read` turns a successful answer into T. An answer that is not a JSON object
// is an error like any other (the page always sends one).
template <class T, class Read>
void send(std::string_view op, const std::string& arg, std::string_view bytes, store::Answer<T> done, Read read) {
    storage(op, arg, bytes, [done = std::move(done), read](StorageReply reply) {
        store::Reply<T> out;
        rapidjson::Document d;
        d.Parse(reply.json.c_str());
        if (!reply.ok) out.error = store::StorageError{d.HasParseError() ? "" : str(d, "name"), d.HasParseError() ? "" : str(d, "message")};
        else if (d.HasParseError() || !d.IsObject()) out.error = store::StorageError{"UnknownError", "The storage answered something unreadable."};
        else out.value = read(d, reply.bytes);
        done(std::move(out));
    });
}

class WebStorage final : public store::Backend {
public:
    void list(const store::ListDocs&, store::Answer<store::DocList> done) override {
        send("list", "{}", {}, std::move(done), [](const Value& d, std::string&) {
            store::DocList out;
            if (const Value* docs = member(d, "docs"); docs && docs->IsArray())
                for (const auto& doc : docs->GetArray()) out.docs.push_back(read_doc(doc));
            return out;
        });
    }
    void get_last(const store::GetLast&, store::Answer<store::LastDoc> done) override {
        send("getLast", "{}", {}, std::move(done), [](const Value& d, std::string&) { return store::LastDoc{str(d, "doc")}; });
    }
    void set_last(const store::SetLast& r, store::Answer<store::Done> done) override {
        send("setLast", doc_arg(r.doc), {}, std::move(done), [](const Value&, std::string&) { return store::Done{}; });
    }
    void open(const store::OpenDoc& r, store::Answer<store::OpenedDoc> done) override {
        Json arg;
        arg.field("doc", r.doc);
        if (r.read_only) arg.field("readOnly", true);
        send("open", arg.str(), {}, std::move(done), [](const Value& d, std::string& bytes) {
            store::OpenedDoc out;
            if (const Value* doc = member(d, "doc")) out.doc = read_doc(*doc);
            out.writer = flag(d, "writer");
            out.snapshots = read_infos(member(d, "snapshots"));
            if (const Value* key = member(d, "key"); key && key->IsNumber()) out.head = key->GetDouble();
            out.bytes = std::move(bytes);
            return out;
        });
    }
    void acquire(const store::Acquire& r, store::Answer<store::Acquired> done) override {
        send("acquire", doc_arg(r.doc), {}, std::move(done), [](const Value& d, std::string&) { return store::Acquired{flag(d, "writer")}; });
    }
    void release(const store::Release& r, store::Answer<store::Done> done) override {
        send("release", doc_arg(r.doc), {}, std::move(done), [](const Value&, std::string&) { return store::Done{}; });
    }
    void snapshot(const store::GetSnapshot& r, store::Answer<store::Snapshot> done) override {
        send("snapshot", Json().field("key", r.key).str(), {}, std::move(done), [](const Value& d, std::string& bytes) {
            return store::Snapshot{store::SnapshotInfo{num(d, "key"), num(d, "time"), str(d, "label"), static_cast<double>(bytes.size())},
                                   std::move(bytes)};
        });
    }
    void save(const store::Save& r, store::Answer<store::Saved> done) override {
        const store::SaveMeta& m = r.meta;
        Json arg;
        arg.field("doc", m.doc).field("name", m.name).field("journeys", m.journeys).field("cards", m.cards);
        arg.field("label", m.label).field("format", m.format).field("replica", m.replica).field("clock", m.clock);
        send("save", arg.str(), r.bytes, std::move(done),
             [](const Value& d, std::string&) { return store::Saved{num(d, "key"), num(d, "time")}; });
    }
    void history(const store::GetHistory& r, store::Answer<store::History> done) override {
        send("history", doc_arg(r.doc), {}, std::move(done),
             [](const Value& d, std::string&) { return store::History{read_infos(member(d, "snapshots"))}; });
    }
    void update(const store::Update& r, store::Answer<store::Updated> done) override {
        Json arg;
        arg.field("doc", r.doc).begin("changes");
        if (r.changes.deleted) arg.field("deleted", *r.changes.deleted);
        arg.end();
        send("update", arg.str(), {}, std::move(done), [](const Value& d, std::string&) {
            const Value* doc = member(d, "doc");
            return store::Updated{doc ? read_doc(*doc) : store::StoredDoc{}};
        });
    }
    void purge(const store::Purge& r, store::Answer<store::Done> done) override {
        send("purge", doc_arg(r.doc), {}, std::move(done), [](const Value&, std::string&) { return store::Done{}; });
    }

    double now_ms() override { return platform::now_ms(); }
    void wake_after(double ms) override { request_frame_after(ms); }
};

}  // namespace

store::Backend& web_storage() {
    static WebStorage storage;
    return storage;
}

std::optional<store::Event> read_storage_event(std::string_view json) {
    rapidjson::Document d;
    d.Parse(json.data(), json.size());
    if (d.HasParseError() || !d.IsObject()) return std::nullopt;
    const std::string type = str(d, "type");
    if (type == "flush") return store::Flush{};
    if (type == "writer") return store::WriterChanged{str(d, "doc"), flag(d, "writer")};
    if (type == "remoteSave") return store::RemoteSave{str(d, "doc"), num(d, "key")};
    if (type == "persist") {
        const std::string state = str(d, "state");
        using store::Persisted;
        return store::PersistState{state == "persistent"    ? Persisted::persistent
                                   : state == "best-effort" ? Persisted::best_effort
                                   : state == "unsupported" ? Persisted::unsupported
                                                            : Persisted::unknown};
    }
    return std::nullopt;
}

}  // namespace wm::platform
