// Records as data a page can carry, for live co-editing (merge.hpp, [SECTION] Live co-editing):
// records_since writes them, merge_records reads a peer's as hostile input and merges them.
#include <algorithm>
#include <map>
#include <new>

#include <rapidjson/document.h>
#include <rapidjson/writer.h>

#include "io/history_json.hpp"
#include "io/json_archive.hpp"
#include "io/merge_internal.hpp"
#include "io/prescan.hpp"
#include "io/records_archive.hpp"
#include "model/limits.hpp"

namespace wm::io {

namespace {

constexpr std::string_view kRecordsFormat = "waymark-records";
constexpr int kRecordsVersion = 1;

bool covers(const VersionVector& vv, const Stamp& s) {
    if (s.is_null()) return false;
    const auto it = std::lower_bound(vv.begin(), vv.end(), s.replica,
                                     [](const ReplicaCounter& v, std::uint64_t r) { return v.replica < r; });
    return it != vv.end() && it->replica == s.replica && it->counter >= s.counter;
}

using Out = rapidjson::Writer<rapidjson::StringBuffer>;

void string(Out& out, std::string_view s) { out.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void raw(Out& out, const std::string& json) { out.RawValue(json.data(), json.size(), rapidjson::kStringType); }

void write_versions(Out& out, const VersionVector& vv) {
    out.StartObject();
    for (const ReplicaCounter& v : vv) {
        const std::string r = detail::replica_text(v.replica);
        out.Key(r.data(), static_cast<rapidjson::SizeType>(r.size()));
        out.Uint64(v.counter);
    }
    out.EndObject();
}

}  // namespace

std::string records_since(const Workspace& ws, const VersionVector& known) {
    RecordsRef ref = records_ref(ws);
    Decomposed fallback;
    if (!ref.records) fallback = decompose(ws);  // a history that does not fit: the content without it
    const RecordSet& records = ref.records ? *ref.records : fallback.records;
    std::vector<Id> keys;
    keys.reserve(records.entities.size());
    for (const auto& [key, e] : records.entities) keys.push_back(key);
    std::sort(keys.begin(), keys.end());

    rapidjson::StringBuffer buffer;
    Out out(buffer);
    out.StartObject();
    out.Key("format");
    string(out, kRecordsFormat);
    out.Key("version");
    out.Int(kRecordsVersion);
    out.Key("workspace");
    string(out, ws.id.str());
    out.Key("replicas");
    write_versions(out, records.versions);
    out.Key("records");
    out.StartArray();
    for (const Id key : keys) {
        const EntityRecords& e = records.entities.at(key);
        const KindSchema& s = schema_of(e.kind);
        const std::string prefix = key.str() + "/";
        for (std::size_t slot = 0; slot < e.live.size(); ++slot) {
            const Record& r = e.live[slot];
            if (!r.present || covers(known, r.stamp)) continue;
            out.StartObject();
            out.Key("key");
            string(out, prefix + s.fields[slot]);
            out.Key("kind");
            string(out, kind_name(e.kind));
            out.Key("stamp");
            string(out, detail::stamp_text(r.stamp));
            out.Key("value");
            raw(out, r.value);
            out.EndObject();
        }
        // A tombstone travels whole, when its delete is news.
        if (!e.tomb.empty() && !covers(known, e.deleted)) {
            out.StartObject();
            out.Key("key");
            string(out, prefix + "@deleted");
            out.Key("kind");
            string(out, kind_name(e.kind));
            out.Key("stamp");
            string(out, detail::stamp_text(e.deleted));
            out.Key("value");
            out.StartObject();
            for (std::size_t slot = 0; slot < e.tomb.size(); ++slot) {
                if (!e.tomb[slot].present) continue;
                out.Key(s.fields[slot].data(), static_cast<rapidjson::SizeType>(s.fields[slot].size()));
                out.StartArray();
                string(out, detail::stamp_text(e.tomb[slot].stamp));
                raw(out, e.tomb[slot].value);
                out.EndArray();
            }
            out.EndObject();
            out.EndObject();
        }
    }
    out.EndArray();
    out.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string version_vector_json(const Workspace& ws) {
    rapidjson::StringBuffer buffer;
    Out out(buffer);
    write_versions(out, ws.merge.versions);
    return std::string(buffer.GetString(), buffer.GetSize());
}

namespace {

struct Bad {
    std::string what;
};

std::string_view text_of(const rapidjson::Value& v) { return std::string_view(v.GetString(), v.GetStringLength()); }

VersionVector read_versions(const rapidjson::Value& v) {
    if (!v.IsObject()) throw Bad{"replicas: expected an object"};
    if (v.MemberCount() > limits::kMaxReplicas) throw Bad{"replicas: too many"};
    VersionVector out;
    for (const auto& m : v.GetObject()) {
        const auto replica = detail::parse_replica(text_of(m.name));
        if (!replica) throw Bad{"replicas: not a replica id: " + detail::quote_excerpt(text_of(m.name))};
        if (!m.value.IsUint64() || m.value.GetUint64() == 0 || m.value.GetUint64() > limits::kMaxStampCounter)
            throw Bad{"replicas: not a counter for " + detail::quote_excerpt(text_of(m.name))};
        out.push_back(ReplicaCounter{*replica, m.value.GetUint64()});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.replica < b.replica; });
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i - 1].replica == out[i].replica) throw Bad{"replicas: a replica appears twice"};
    return out;
}

rapidjson::Document parse_hostile(std::string_view text) {
    if (text.size() > limits::kMaxFileBytes) throw Bad{"larger than the limit of 128 MB"};
    if (auto problem = prescan_json(text)) throw Bad{*problem};
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag>(
        text.data(), text.size());
    if (doc.HasParseError()) throw Bad{"not valid JSON"};
    return doc;
}

// A peer's records as a (partial) record set, every key, kind, stamp and value checked.
class RecordReader {
public:
    RecordReader(RecordSet& out, Id workspace) : out_(out), workspace_(workspace) {}

    void read(const rapidjson::Value& list) {
        if (!list.IsArray()) throw Bad{"records: expected a list"};
        for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
            where_ = "records[" + std::to_string(i) + "]";
            one(list[i]);
        }
    }

private:
    RecordSet& out_;
    Id workspace_;
    std::string where_;
    detail::Canonicalizer canonical_;

    [[noreturn]] void fail(const std::string& what) const { throw Bad{where_ + ": " + what}; }

    Stamp stamp(const rapidjson::Value& v) const {
        if (!v.IsString()) fail("expected a stamp");
        const auto s = detail::parse_stamp(text_of(v));
        if (!s) fail("not a stamp: " + detail::quote_excerpt(text_of(v)));
        if (!s->is_null() && !covers(out_.versions, *s)) fail("a stamp the sender's version vector does not cover");
        return *s;
    }

    Record value(Kind kind, std::size_t slot, const rapidjson::Value& v, Stamp st) {
        const detail::CanonicalValue c = canonical_(kind, slot, detail::compact_json(v));
        if (!c.error.empty()) fail(std::string(schema_of(kind).fields[slot]) + ": " + c.error);
        return Record{c.text, st, true};
    }

    void one(const rapidjson::Value& r) {
        if (!r.IsObject() || r.MemberCount() != 4 || !r.HasMember("key") || !r.HasMember("kind") || !r.HasMember("stamp") ||
            !r.HasMember("value"))
            fail("expected an object with key, kind, stamp and value");
        if (!r["key"].IsString() || !r["kind"].IsString()) fail("key and kind must be texts");
        const std::string_view key = text_of(r["key"]);
        const auto entity = key.size() > 37 && key[36] == '/' ? Id::parse(key.substr(0, 36)) : std::nullopt;
        if (!entity || entity->is_nil()) fail("not a record key (\"<id>/<field>\"): " + detail::quote_excerpt(key));
        const std::string_view field = key.substr(37);
        const auto kind = kind_from_name(text_of(r["kind"]));
        if (!kind) fail("unknown kind " + detail::quote_excerpt(text_of(r["kind"])));
        if ((*kind == Kind::workspace) != (*entity == workspace_)) fail("the workspace's records must name the workspace");
        const KindSchema& s = schema_of(*kind);
        EntityRecords& e = out_.entities[*entity];
        if (!e.live.empty() || !e.tomb.empty()) {
            if (e.kind != *kind) fail("the same key with two kinds");
        }
        e.kind = *kind;
        const Stamp st = stamp(r["stamp"]);
        if (field == "@deleted") {
            if (*kind == Kind::workspace) fail("the workspace cannot be deleted");
            if (!e.tomb.empty()) fail("two tombstones for one entity");
            const rapidjson::Value& v = r["value"];
            if (!v.IsObject() || v.MemberCount() != s.fields.size()) fail("a tombstone holds every field of its kind");
            e.tomb.assign(s.fields.size(), Record{});
            e.deleted = st;
            for (const auto& m : v.GetObject()) {
                const int slot = s.slot(text_of(m.name));
                if (slot < 0 || e.tomb[static_cast<std::size_t>(slot)].present) fail("tombstone: unknown or repeated field");
                if (!m.value.IsArray() || m.value.Size() != 2) fail("tombstone: each field is [stamp, value]");
                e.tomb[static_cast<std::size_t>(slot)] = value(*kind, static_cast<std::size_t>(slot), m.value[1], stamp(m.value[0]));
            }
            return;
        }
        const int slot = s.slot(field);
        if (slot < 0) fail("a " + std::string(kind_name(*kind)) + " has no field " + detail::quote_excerpt(field));
        if (e.live.empty()) e.live.assign(s.fields.size(), Record{});
        Record& rec = e.live[static_cast<std::size_t>(slot)];
        if (rec.present) fail("the record " + detail::quote_excerpt(key) + " appears twice");
        rec = value(*kind, static_cast<std::size_t>(slot), r["value"], st);
    }
};

MergeResult refused(std::string why) {
    MergeResult r;
    r.error = "These records cannot be merged: " + std::move(why) + ". Nothing was changed.";
    return r;
}

}  // namespace

std::optional<VersionVector> parse_version_vector(std::string_view json) {
    try {
        const rapidjson::Document doc = parse_hostile(json);
        return read_versions(doc);
    } catch (const Bad&) {
        return std::nullopt;
    }
}

MergeResult merge_records(const Workspace& ours, std::string_view records_json) {
    try {
        const rapidjson::Document doc = parse_hostile(records_json);
        if (!doc.IsObject()) return refused("expected a JSON object");
        const auto member = [&](const char* name) -> const rapidjson::Value& {
            const auto it = doc.FindMember(name);
            if (it == doc.MemberEnd()) throw Bad{std::string("missing \"") + name + "\""};
            return it->value;
        };
        if (!member("format").IsString() || text_of(member("format")) != kRecordsFormat) return refused("not Waymark records");
        if (!member("version").IsInt() || member("version").GetInt() < 1) return refused("version: not a version");
        if (member("version").GetInt() > kRecordsVersion) return refused("they come from a newer Waymark; please update Waymark");
        const rapidjson::Value& id = member("workspace");
        const auto workspace = id.IsString() ? Id::parse(text_of(id)) : std::nullopt;
        if (!workspace) return refused("workspace: not an id");
        if (*workspace != ours.id) {
            MergeResult r = refused("they belong to another workspace");
            r.other_workspace = true;
            return r;
        }
        RecordSet theirs;
        theirs.workspace = ours.id;
        theirs.versions = read_versions(member("replicas"));
        // A live room's writers and what each had seen (room_records); each within the room's vector.
        std::vector<std::pair<std::uint64_t, VersionVector>> writers;
        if (const auto it = doc.FindMember("writers"); it != doc.MemberEnd()) {
            if (!it->value.IsObject() || it->value.MemberCount() > limits::kMaxReplicas) throw Bad{"writers: expected an object"};
            for (const auto& m : it->value.GetObject()) {
                const auto writer = detail::parse_replica(text_of(m.name));
                if (!writer) throw Bad{"writers: not a replica id: " + detail::quote_excerpt(text_of(m.name))};
                VersionVector vv = read_versions(m.value);
                if (!knows_all(theirs.versions, vv)) throw Bad{"writers: a writer knows more than the records say"};
                writers.emplace_back(*writer, std::move(vv));
            }
            std::sort(writers.begin(), writers.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (std::size_t i = 1; i < writers.size(); ++i)
                if (writers[i - 1].first == writers[i].first) throw Bad{"writers: a writer appears twice"};
        }
        RecordReader(theirs, ours.id).read(member("records"));
        if (theirs.entities.size() > 4 * limits::kMaxCards + limits::kMaxDetached) return refused("too many records");

        const RecordsRef o = records_ref(ours);
        if (!o.records) return refused("this workspace's merge history does not fit its content (" + o.error + ")");
        detail::MergeSide side{&theirs, !theirs.versions.empty(), true};
        if (!writers.empty()) side.writers = &writers;
        return detail::merge_sides(detail::MergeSide{o.records, !ours.merge.versions.empty(), false}, side);
    } catch (const Bad& b) {
        return refused(b.what);
    } catch (const detail::ReadError& e) {
        return refused(e.where + ": " + e.what);
    } catch (const std::bad_alloc&) {
        return refused("not enough memory");
    }
}

MergeResult workspace_from_records(Id workspace, std::string_view records_json) {
    Workspace empty;
    empty.id = workspace;
    MergeResult r = merge_records(empty, records_json);
    // Nothing of the empty workspace is worth reporting: every value it "had" was a default.
    r.report.conflicts.clear();
    r.report.had_history = true;
    return r;
}

bool knows_all(const VersionVector& have, const VersionVector& other) {
    for (const ReplicaCounter& v : other) {
        const auto it = std::lower_bound(have.begin(), have.end(), v.replica,
                                         [](const ReplicaCounter& a, std::uint64_t r) { return a.replica < r; });
        if (it == have.end() || it->replica != v.replica || it->counter < v.counter) return false;
    }
    return true;
}

void join_versions(VersionVector& into, const VersionVector& other) {
    for (const ReplicaCounter& v : other) {
        const auto it = std::lower_bound(into.begin(), into.end(), v.replica,
                                         [](const ReplicaCounter& a, std::uint64_t r) { return a.replica < r; });
        if (it != into.end() && it->replica == v.replica) it->counter = std::max(it->counter, v.counter);
        else into.insert(it, v);
    }
}

RoomRecords room_records(Id workspace, std::string_view entries_json, VersionVector& room) {
    RoomRecords out;
    try {
        const rapidjson::Document doc = parse_hostile(entries_json);
        if (!doc.IsArray()) throw Bad{"expected a list of records"};
        VersionVector seen;
        const auto see = [&](const rapidjson::Value& v) {
            if (!v.IsString()) throw Bad{"expected a stamp"};
            const auto st = detail::parse_stamp(text_of(v));
            if (!st) throw Bad{"not a stamp: " + detail::quote_excerpt(text_of(v))};
            join_versions(seen, VersionVector{ReplicaCounter{st->replica, st->counter}});
            return *st;
        };
        // key → (stamp, index of the entry): the newest entry of each key.
        std::map<std::string_view, std::pair<Stamp, rapidjson::SizeType>> newest;
        std::map<std::uint64_t, VersionVector> writers;
        for (rapidjson::SizeType i = 0; i < doc.Size(); ++i) {
            const rapidjson::Value& r = doc[i];
            if (r.IsObject() && r.HasMember("replicas") && (r.MemberCount() == 1 || (r.MemberCount() == 2 && r.HasMember("writer")))) {
                // A writer's version vector: stamps it has seen whose records may all be superseded,
                // and (with the writer's id) what it knew when it made its records.
                VersionVector vv = read_versions(r["replicas"]);
                join_versions(seen, vv);
                if (r.MemberCount() == 2) {
                    const auto writer = r["writer"].IsString() ? detail::parse_replica(text_of(r["writer"])) : std::nullopt;
                    if (!writer) throw Bad{"records[" + std::to_string(i) + "]: writer: not a replica id"};
                    join_versions(writers[*writer], vv);
                }
                continue;
            }
            if (!r.IsObject() || !r.HasMember("key") || !r["key"].IsString() || !r.HasMember("stamp") || !r.HasMember("value"))
                throw Bad{"records[" + std::to_string(i) + "]: expected an object with key, kind, stamp and value"};
            const Stamp st = see(r["stamp"]);
            const std::string_view key = text_of(r["key"]);
            if (key.size() > 9 && key.substr(key.size() - 9) == "/@deleted" && r["value"].IsObject())
                for (const auto& m : r["value"].GetObject())
                    if (m.value.IsArray() && m.value.Size() == 2) see(m.value[0]);
            auto [it, added] = newest.try_emplace(key, st, i);
            if (!added && it->second.first < st) it->second = {st, i};
        }
        VersionVector versions = room;
        join_versions(versions, seen);
        rapidjson::StringBuffer buffer;
        Out w(buffer);
        w.StartObject();
        w.Key("format");
        string(w, kRecordsFormat);
        w.Key("version");
        w.Int(kRecordsVersion);
        w.Key("workspace");
        string(w, workspace.str());
        w.Key("replicas");
        write_versions(w, versions);
        if (!writers.empty()) {
            w.Key("writers");
            w.StartObject();
            for (const auto& [writer, vv] : writers) {
                const std::string id = detail::replica_text(writer);
                w.Key(id.data(), static_cast<rapidjson::SizeType>(id.size()));
                write_versions(w, vv);
            }
            w.EndObject();
        }
        w.Key("records");
        w.StartArray();
        for (const auto& [key, entry] : newest) doc[entry.second].Accept(w);
        w.EndArray();
        w.EndObject();
        out.records_json.assign(buffer.GetString(), buffer.GetSize());
        out.records = newest.size();
        room = std::move(versions);
    } catch (const Bad& b) {
        out.error = "The team's records cannot be read: " + b.what + ".";
    } catch (const std::bad_alloc&) {
        out.error = "The team's records cannot be read: not enough memory.";
    }
    return out;
}

}  // namespace wm::io
