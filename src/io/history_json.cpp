// The "merge" section of files and snapshots (history_json.hpp).
#include "io/history_json.hpp"

#include <algorithm>
#include <charconv>

#include <rapidjson/writer.h>

#include "io/json_archive.hpp"
#include "model/limits.hpp"

namespace wm::io::detail {

namespace {
constexpr char kHex[] = "0123456789abcdef";
}

std::string stamp_text(const Stamp& stamp) {
    if (stamp.is_null()) return "0";
    return std::to_string(stamp.counter) + "@" + replica_text(stamp.replica);
}

std::optional<Stamp> parse_stamp(std::string_view text) {
    if (text == "0") return Stamp{};
    const auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || at > 20) return std::nullopt;
    Stamp s;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + at, s.counter);
    if (ec != std::errc() || end != text.data() + at || text[0] == '0') return std::nullopt;  // no leading zeros
    if (s.counter == 0 || s.counter > limits::kMaxStampCounter) return std::nullopt;
    const auto replica = parse_replica(text.substr(at + 1));
    if (!replica) return std::nullopt;
    s.replica = *replica;
    return s;
}

std::string replica_text(std::uint64_t replica) {
    std::string out(16, '0');
    for (int i = 0; i < 16; ++i) out[static_cast<std::size_t>(15 - i)] = kHex[(replica >> (4 * i)) & 0xF];
    return out;
}

std::optional<std::uint64_t> parse_replica(std::string_view text) {
    if (text.size() != 16) return std::nullopt;
    std::uint64_t v = 0;
    for (const char c : text) {
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        if (d < 0) return std::nullopt;
        v = (v << 4) | static_cast<std::uint64_t>(d);
    }
    if (v == 0) return std::nullopt;
    return v;
}

std::string compact_json(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
}

// [SECTION] Writer ------------------------------------------------------------------------------------

namespace {

template <class Out>
void string(Out& out, std::string_view s) {
    out.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
template <class Out>
void key(Out& out, std::string_view s) {
    out.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
template <class Out>
void raw(Out& out, const std::string& json) {
    // Values are single JSON values in compact form; their first character tells the type, which
    // PrettyWriter only uses for its indentation bookkeeping.
    const rapidjson::Type type = json.empty() ? rapidjson::kNullType
                                 : json[0] == '{' ? rapidjson::kObjectType
                                 : json[0] == '[' ? rapidjson::kArrayType
                                 : json[0] == '"' ? rapidjson::kStringType
                                                  : rapidjson::kNumberType;
    out.RawValue(json.data(), json.size(), type);
}

template <class Out>
void stamps_object(Out& out, const std::vector<StampEntry>& stamps) {
    out.StartObject();
    for (const StampEntry& s : stamps) {
        key(out, s.key);
        string(out, stamp_text(s.stamp));
    }
    out.EndObject();
}

template <class Out>
void detached_list(Out& out, const std::vector<DetachedEntity>& list) {
    out.StartArray();
    for (const DetachedEntity& d : list) {
        out.StartObject();
        key(out, "key");
        string(out, d.key.str());
        key(out, "kind");
        string(out, d.kind);
        key(out, "stamps");
        stamps_object(out, d.stamps);
        key(out, "values");
        out.StartObject();
        for (const TextEntry& v : d.values) {
            key(out, v.key);
            raw(out, v.text);
        }
        out.EndObject();
        out.EndObject();
    }
    out.EndArray();
}

}  // namespace

template <class Out>
void write_history(Out& out, const MergeHistory& h) {
    out.StartObject();
    key(out, "version");
    out.Int(kHistoryVersion);
    key(out, "replicas");
    out.StartObject();
    for (const ReplicaCounter& v : h.versions) {
        key(out, replica_text(v.replica));
        out.Uint64(v.counter);
    }
    out.EndObject();
    key(out, "base");
    if (h.base.is_null()) out.Null();
    else string(out, stamp_text(h.base));
    key(out, "stamps");
    stamps_object(out, h.stamps);
    key(out, "order");
    out.StartObject();
    for (const TextEntry& o : h.order) {
        key(out, o.key);
        string(out, o.text);
    }
    out.EndObject();
    key(out, "shadows");
    out.StartObject();
    for (const TextEntry& s : h.shadows) {
        key(out, s.key);
        raw(out, s.text);
    }
    out.EndObject();
    key(out, "held_back");
    detached_list(out, h.held_back);
    key(out, "tombstones");
    detached_list(out, h.tombstones);
    out.EndObject();
}

template void write_history(rapidjson::PrettyWriter<rapidjson::StringBuffer>&, const MergeHistory&);
template void write_history(rapidjson::Writer<rapidjson::StringBuffer>&, const MergeHistory&);

// [SECTION] Reader ------------------------------------------------------------------------------------

namespace {

[[noreturn]] void fail(const std::string& where, const std::string& what) { throw ReadError{where, what}; }

std::string_view text_of(const rapidjson::Value& v) { return std::string_view(v.GetString(), v.GetStringLength()); }

// The members of an object that must hold exactly `names`, each once.
std::vector<const rapidjson::Value*> fields(const rapidjson::Value& v, const std::string& where,
                                            std::initializer_list<std::string_view> names) {
    if (!v.IsObject()) fail(where, "expected an object, found " + describe(v));
    std::vector<const rapidjson::Value*> out(names.size(), nullptr);
    for (const auto& m : v.GetObject()) {
        const std::string_view k = text_of(m.name);
        const auto at = std::find(names.begin(), names.end(), k);
        if (at == names.end()) fail(where, "unknown field " + quote_excerpt(k));
        auto& slot = out[static_cast<std::size_t>(at - names.begin())];
        if (slot) fail(where, "field appears twice: " + quote_excerpt(k));
        slot = &m.value;
    }
    std::size_t i = 0;
    for (const std::string_view name : names) {
        if (!out[i]) fail(where, "missing field \"" + std::string(name) + "\"");
        ++i;
    }
    return out;
}

// An object's members sorted by key, duplicates refused, at most `limit` of them.
std::vector<std::pair<std::string_view, const rapidjson::Value*>> members(const rapidjson::Value& v, const std::string& where,
                                                                         std::size_t limit) {
    if (!v.IsObject()) fail(where, "expected an object, found " + describe(v));
    if (v.MemberCount() > limit) fail(where, std::to_string(v.MemberCount()) + " entries, more than the limit of " + std::to_string(limit));
    std::vector<std::pair<std::string_view, const rapidjson::Value*>> out;
    out.reserve(v.MemberCount());
    for (const auto& m : v.GetObject()) out.emplace_back(text_of(m.name), &m.value);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i - 1].first == out[i].first) fail(where, "the key " + quote_excerpt(out[i].first) + " appears twice");
    return out;
}

Stamp stamp_of(const rapidjson::Value& v, const std::string& where) {
    if (!v.IsString()) fail(where, "expected a stamp (\"<counter>@<replica>\"), found " + describe(v));
    const auto s = parse_stamp(text_of(v));
    if (!s) fail(where, "not a stamp (\"<counter>@<16 hex digits>\", counter 1.." + std::to_string(limits::kMaxStampCounter) +
                            ", or \"0\"): " + quote_excerpt(text_of(v)));
    return *s;
}

std::vector<StampEntry> stamps_of(const rapidjson::Value& v, const std::string& where, std::size_t limit) {
    std::vector<StampEntry> out;
    for (const auto& [k, value] : members(v, where, limit))
        out.push_back(StampEntry{std::string(k), stamp_of(*value, where + " \"" + std::string(k) + "\"")});
    return out;
}

std::vector<DetachedEntity> detached_of(const rapidjson::Value& v, const std::string& where, std::size_t& budget) {
    if (!v.IsArray()) fail(where, "expected a list, found " + describe(v));
    if (v.Size() > budget) fail(where, std::to_string(v.Size()) + " entries, more than the limit of " + std::to_string(limits::kMaxDetached) + " in all");
    budget -= v.Size();
    std::vector<DetachedEntity> out;
    out.reserve(v.Size());
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
        const std::string at = where + "[" + std::to_string(i) + "]";
        const auto f = fields(v[i], at, {"key", "kind", "stamps", "values"});
        DetachedEntity d;
        if (!f[0]->IsString()) fail(at + ".key", "expected an id, found " + describe(*f[0]));
        const auto key = Id::parse(text_of(*f[0]));
        if (!key || key->is_nil()) fail(at + ".key", "not a valid id: " + quote_excerpt(text_of(*f[0])));
        d.key = *key;
        if (!f[1]->IsString() || f[1]->GetStringLength() > 40) fail(at + ".kind", "expected the name of a kind, found " + describe(*f[1]));
        d.kind = std::string(text_of(*f[1]));
        d.stamps = stamps_of(*f[2], at + ".stamps", 64);
        for (const auto& [k, value] : members(*f[3], at + ".values", 64))
            d.values.push_back(TextEntry{std::string(k), compact_json(*value)});
        out.push_back(std::move(d));
    }
    std::sort(out.begin(), out.end(), [](const DetachedEntity& a, const DetachedEntity& b) { return a.key < b.key; });
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i - 1].key == out[i].key) fail(where, "the id " + out[i].key.str() + " appears twice");
    return out;
}

}  // namespace

MergeHistory read_history(const rapidjson::Value& v) {
    const std::string where = "merge";
    const auto f = fields(v, where, {"version", "replicas", "base", "stamps", "order", "shadows", "held_back", "tombstones"});
    if (!f[0]->IsInt()) fail("merge.version", "expected a whole number, found " + describe(*f[0]));
    if (f[0]->GetInt() > kHistoryVersion)
        fail("merge.version", "version " + std::to_string(f[0]->GetInt()) + " is newer than this Waymark reads (" +
                                  std::to_string(kHistoryVersion) + "). Please update Waymark");
    if (f[0]->GetInt() < 1) fail("merge.version", "version " + std::to_string(f[0]->GetInt()) + " does not exist");
    MergeHistory h;
    for (const auto& [k, value] : members(*f[1], "merge.replicas", limits::kMaxReplicas)) {
        const auto replica = parse_replica(k);
        if (!replica) fail("merge.replicas", "not a replica id (16 lowercase hex digits, not all zero): " + quote_excerpt(k));
        if (!value->IsUint64() || value->GetUint64() == 0 || value->GetUint64() > limits::kMaxStampCounter)
            fail("merge.replicas." + std::string(k), "expected a counter from 1 to " + std::to_string(limits::kMaxStampCounter) +
                                                         ", found " + describe(*value));
        h.versions.push_back(ReplicaCounter{*replica, value->GetUint64()});
    }
    std::sort(h.versions.begin(), h.versions.end(), [](const auto& a, const auto& b) { return a.replica < b.replica; });
    if (!f[2]->IsNull()) h.base = stamp_of(*f[2], "merge.base");
    // Stamps, order keys and shadows name entities of the content: their number is bounded by the
    // entities' fields, which the workspace's own limits bound; the cap here only guards memory
    // before records_of checks each one.
    constexpr std::size_t kMaxEntries = 20'000'000;
    h.stamps = stamps_of(*f[3], "merge.stamps", kMaxEntries);
    for (const auto& [k, value] : members(*f[4], "merge.order", kMaxEntries)) {
        if (!value->IsString()) fail("merge.order \"" + std::string(k) + "\"", "expected order keys, found " + describe(*value));
        h.order.push_back(TextEntry{std::string(k), std::string(text_of(*value))});
    }
    for (const auto& [k, value] : members(*f[5], "merge.shadows", kMaxEntries))
        h.shadows.push_back(TextEntry{std::string(k), compact_json(*value)});
    std::size_t budget = limits::kMaxDetached;
    h.held_back = detached_of(*f[6], "merge.held_back", budget);
    h.tombstones = detached_of(*f[7], "merge.tombstones", budget);
    return h;
}

}  // namespace wm::io::detail
