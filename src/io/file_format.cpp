// Waymark files and snapshots (file_format.hpp).
//
// [SECTION] File layout (.waymark.json, format version 1)
//   {
//     "format": "waymark",                 // always first: identifies the file
//     "version": 1,                        // the file format version (kFormatVersion)
//     "app": "Waymark",                    // informative only, ignored on import
//     "types": { "workspace": 1, ... },    // every serialized type and its version (serialize.hpp)
//     "workspace": { "id": "…", "name": "…", "settings": {…}, "personas": [...], ... },
//     "merge": { "version": 1, "replicas": {…}, ... }   // only once stamped (history_json.hpp)
//   }
//   Fields appear in the order of the serialize functions; ids are lowercase UUID strings (null when
//   not set), dates "YYYY-MM-DD", enums their names from enum_names.hpp, colours "#rrggbb", optional
//   values null when absent. There is deliberately no export timestamp: export -> import -> export
//   must be byte-identical, and the file's date is the file system's business.
// [SECTION] Snapshot layout (IndexedDB), little-endian
//   0  "WAYMARK\0"   magic
//   8  uint32        format version
//   12 uint64        payload size in bytes
//   20 uint32        CRC-32 (IEEE) of the payload
//   24 payload       cereal PortableBinary of the Workspace (cereal stores each type's version),
//                    then, once stamped, uint64 length + the "merge" section as compact JSON
// [SECTION] The merge section sits beside "workspace", not inside it: it is not content (the
//   schema's types stay as they are, files of unstamped workspaces are unchanged, and an older
//   Waymark that ignores it still opens the file, which then merges as one without history).
//   Imports check it against the content (records_of) and refuse a history that does not fit;
//   export drops a history that no longer fits the content (edited after the last stamp), so every
//   exported file opens again. Snapshots are our own storage: a history there that does not fit is
//   dropped on load rather than losing the save.
// [SECTION] Migrations: a file of version v < kFormatVersion is parsed, then upgraded one version at
//   a time on the JSON document (kMigrations), then read as the current version. Per-type additive
//   changes need no migration (serialize.hpp reads them by type version).
#include "io/file_format.hpp"

#include <array>
#include <cstring>
#include <new>
#include <istream>
#include <ostream>
#include <streambuf>

#include <rapidjson/error/en.h>

#include "framework/framework.hpp"
#include "io/history_json.hpp"
#include "io/json_archive.hpp"
#include "io/prescan.hpp"
#include "io/records.hpp"
#include "model/validate.hpp"

namespace wm::io {

namespace {

using detail::AllTypes;
using detail::TypeList;
using detail::TypeName;
using Versions = std::map<std::string, std::uint32_t, std::less<>>;

constexpr std::string_view kFormatName = "waymark";
constexpr int kOldestVersion = 1;  // the first format; nothing older exists
constexpr char kMagic[8] = {'W', 'A', 'Y', 'M', 'A', 'R', 'K', '\0'};
constexpr std::size_t kSnapshotHeader = 24;

// kMigrations[v - kOldestVersion] upgrades a parsed file from version v to v + 1, or returns why it
// cannot. Empty while only version 1 exists; when version 2 arrives, add migrate_1_to_2 here and
// keep tests/data/v1-sample.waymark.json loading.
using Migration = std::optional<std::string> (*)(rapidjson::Document&);
constexpr std::array<Migration, kFormatVersion - kOldestVersion> kMigrations{};

std::string newer_version_message(long long found) {
    return "this file was written by a newer Waymark (file format version " + std::to_string(found) +
           "); this Waymark reads file format version " + std::to_string(kFormatVersion) +
           " and older. Please update Waymark to open it";
}

// CRC-32 (IEEE 802.3, reflected): catches torn writes and bit rot in stored snapshots. Computed
// eight bytes at a time ("slicing-by-8", eight tables): a byte at a time it was half the time of
// saving a snapshot of 100,000 insights. The tables are made at the first use, not at compile
// time: 8 KB that do not compress would otherwise be downloaded before the page's first frame
// (the data of the browser's code is all in its first part; docs/design.md).
using CrcTables = std::array<std::array<std::uint32_t, 256>, 8>;
CrcTables make_crc_tables() {
    CrcTables t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        t[0][i] = c;
    }
    for (std::size_t k = 1; k < 8; ++k)
        for (std::size_t i = 0; i < 256; ++i) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFF];
    return t;
}
std::uint32_t crc32(std::string_view bytes) {
    static const CrcTables kCrc = make_crc_tables();
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size();
    const auto le32 = [](const unsigned char* q) {
        return static_cast<std::uint32_t>(q[0]) | static_cast<std::uint32_t>(q[1]) << 8 |
               static_cast<std::uint32_t>(q[2]) << 16 | static_cast<std::uint32_t>(q[3]) << 24;
    };
    std::uint32_t c = 0xFFFFFFFFu;
    for (; n >= 8; p += 8, n -= 8) {
        const std::uint32_t a = le32(p) ^ c, b = le32(p + 4);
        c = kCrc[7][a & 0xFF] ^ kCrc[6][(a >> 8) & 0xFF] ^ kCrc[5][(a >> 16) & 0xFF] ^ kCrc[4][a >> 24] ^
            kCrc[3][b & 0xFF] ^ kCrc[2][(b >> 8) & 0xFF] ^ kCrc[1][(b >> 16) & 0xFF] ^ kCrc[0][b >> 24];
    }
    for (; n > 0; ++p, --n) c = kCrc[0][(c ^ *p) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

// cereal writes to and reads from streams. These put the payload straight into the snapshot's
// string, behind its header, and read it where it lies: a string stream would copy 24 MB (a
// snapshot of 100,000 insights) once more each way.
class AppendBuf final : public std::streambuf {
public:
    explicit AppendBuf(std::string& out) : out_(out) {}

protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        out_.append(s, static_cast<std::size_t>(n));
        return n;
    }
    int_type overflow(int_type c) override {
        if (!traits_type::eq_int_type(c, traits_type::eof())) out_.push_back(traits_type::to_char_type(c));
        return traits_type::not_eof(c);
    }

private:
    std::string& out_;
};

class ViewBuf final : public std::streambuf {
public:
    explicit ViewBuf(std::string_view in) {
        char* begin = const_cast<char*>(in.data());   // only ever read: the get area of an input stream
        setg(begin, begin, begin + in.size());
    }

protected:
    // Only what tellg needs: where reading has got to.
    pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode which) override {
        if (off != 0 || dir != std::ios_base::cur || !(which & std::ios_base::in)) return pos_type(off_type(-1));
        return pos_type(gptr() - eback());
    }
};

template <class T>
void put_le(std::string& out, T v) {
    for (std::size_t i = 0; i < sizeof(T); ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
template <class T>
T get_le(std::string_view in, std::size_t offset) {
    T v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) v |= static_cast<T>(static_cast<unsigned char>(in[offset + i])) << (8 * i);
    return v;
}

template <class... Ts>
void write_types(rapidjson::PrettyWriter<rapidjson::StringBuffer>& out, TypeList<Ts...>) {
    out.StartObject();
    (..., (out.Key(TypeName<Ts>::name), out.Uint(cereal::detail::Version<Ts>::version)));
    out.EndObject();
}
template <class... Ts>
const Versions& current_versions(Versions& out, TypeList<Ts...>) {
    (..., out.emplace(TypeName<Ts>::name, cereal::detail::Version<Ts>::version));
    return out;
}

// The file's "types" table, each version checked against what this build understands.
Versions read_types(const rapidjson::Value& root) {
    const auto it = root.FindMember("types");
    if (it == root.MemberEnd() || !it->value.IsObject())
        throw detail::ReadError{"types", "missing: the header must list the version of every type"};
    Versions ours;
    current_versions(ours, AllTypes{});
    Versions found;
    for (const auto& m : it->value.GetObject()) {
        const std::string name(m.name.GetString(), m.name.GetStringLength());
        const auto known = ours.find(name);
        if (known == ours.end()) throw detail::ReadError{"types", "unknown type " + detail::quote_excerpt(name)};
        if (!m.value.IsUint() || m.value.GetUint() == 0)
            throw detail::ReadError{"types." + name, "expected a version number (1 or more), found " + detail::describe(m.value)};
        if (m.value.GetUint() > known->second)
            throw detail::ReadError{"types." + name, "version " + std::to_string(m.value.GetUint()) +
                                                         " is newer than this Waymark reads (" +
                                                         std::to_string(known->second) + "). Please update Waymark"};
        if (!found.emplace(name, m.value.GetUint()).second)
            throw detail::ReadError{"types", "type " + detail::quote_excerpt(name) + " is listed twice"};
    }
    return found;
}

// The merge history read with a workspace, checked against its content and put in canonical form,
// with the records of this state remembered for the next stamp. Returns why it does not fit.
std::optional<std::string> attach_history(Workspace& ws, MergeHistory history) {
    ws.merge = std::move(history);
    if (ws.merge.empty()) return std::nullopt;
    RecordsResult records = records_of(ws);
    if (!records.records) {
        ws.merge = MergeHistory{};
        return records.error;
    }
    ws.merge = compress(*records.records);
    ws.merge.cache = make_cache(std::move(*records.records), ws);
    return std::nullopt;
}

// Structural and framework checks: the last gate before a Workspace reaches the caller. The merge
// history is checked after the content it describes.
LoadResult checked(Workspace ws, MergeHistory history = {}, bool strict_history = true) {
    std::vector<std::string> problems = validate(ws);
    if (problems.empty()) problems = check_framework(ws);  // framework rules assume resolved references
    if (problems.empty()) {
        if (auto why = attach_history(ws, std::move(history)); why && strict_history) return {std::nullopt, *why};
        return {std::move(ws), {}};
    }
    std::string error = problems.size() == 1 ? std::string() : std::to_string(problems.size()) + " problems:\n";
    for (std::size_t i = 0; i < problems.size(); ++i) error += (i ? "\n" : "") + problems[i];
    return {std::nullopt, std::move(error)};
}

// A snapshot's merge section; one that cannot be read is dropped (see the [SECTION] above).
MergeHistory history_from_text(std::string_view text) {
    if (prescan_json(text)) return {};
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag>(
        text.data(), text.size());
    if (doc.HasParseError()) return {};
    try {
        return detail::read_history(doc);
    } catch (const detail::ReadError&) {
        return {};
    }
}

LoadResult import_unchecked(std::string_view text) {
    if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.remove_prefix(3);  // BOM
    if (auto problem = prescan_json(text)) return {std::nullopt, std::move(*problem)};

    // Iterative: no recursion even if the pre-scan's depth limit were raised. No NaN flag: RapidJSON
    // rejects NaN/Infinity by default (cereal turns them on). Full precision: doubles round-trip.
    constexpr unsigned kFlags =
        rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag;
    rapidjson::Document doc;
    doc.Parse<kFlags>(text.data(), text.size());
    if (doc.HasParseError())
        return {std::nullopt, position_of(text, doc.GetErrorOffset()) + ": not valid JSON (" +
                                  rapidjson::GetParseError_En(doc.GetParseError()) + ")"};

    if (!doc.IsObject()) return {std::nullopt, "not a Waymark file: expected a JSON object at the top"};
    const rapidjson::Value& root = doc;  // const lookups: one iterator type (clang warns on mixed ==)
    const auto format = root.FindMember("format");
    if (format == root.MemberEnd() || !format->value.IsString() ||
        std::string_view(format->value.GetString(), format->value.GetStringLength()) != kFormatName)
        return {std::nullopt, "not a Waymark file: the header has no \"format\": \"waymark\""};
    const auto version_it = root.FindMember("version");
    if (version_it == root.MemberEnd() || !version_it->value.IsInt64())
        return {std::nullopt, "version: missing or not a whole number"};
    const long long version = version_it->value.GetInt64();
    if (version > kFormatVersion) return {std::nullopt, newer_version_message(version)};
    if (version < kOldestVersion)
        return {std::nullopt, "version: file format version " + std::to_string(version) +
                                  " does not exist; this Waymark reads versions " + std::to_string(kOldestVersion) +
                                  " to " + std::to_string(kFormatVersion)};
    for (long long v = version; v < kFormatVersion; ++v)
        if (auto problem = kMigrations[static_cast<std::size_t>(v - kOldestVersion)](doc))
            return {std::nullopt, "upgrading from version " + std::to_string(v) + ": " + *problem};

    const Versions versions = read_types(root);
    const auto body = root.FindMember("workspace");
    if (body == root.MemberEnd()) return {std::nullopt, "workspace: missing"};
    Workspace ws;
    detail::JsonReader reader(versions);
    reader.value(body->value, ws);
    MergeHistory history;
    if (const auto merge = root.FindMember("merge"); merge != root.MemberEnd()) history = detail::read_history(merge->value);
    return checked(std::move(ws), std::move(history));
}

}  // namespace

std::string export_json(const Workspace& ws) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> out(buffer);
    out.SetIndent(' ', 2);
    out.StartObject();
    out.Key("format");
    out.String(kFormatName.data(), static_cast<rapidjson::SizeType>(kFormatName.size()));
    out.Key("version");
    out.Int(kFormatVersion);
    out.Key("app");
    out.String("Waymark");
    out.Key("types");
    write_types(out, AllTypes{});
    out.Key("workspace");
    detail::JsonWriter writer(out);
    writer.value(ws);
    if (!ws.merge.empty() && records_ref(ws).records) {
        out.Key("merge");
        detail::write_history(out, ws.merge);
    }
    out.EndObject();
    std::string text(buffer.GetString(), buffer.GetSize());
    text += '\n';
    return text;
}

LoadResult import_json(std::string_view text) {
    // Every failure becomes a message; nothing escapes (the caller keeps its open document).
    try {
        return import_unchecked(text);
    } catch (const detail::ReadError& e) {
        return {std::nullopt, e.where + ": " + e.what};
    } catch (const std::bad_alloc&) {
        return {std::nullopt, "not enough memory to open this file"};
    } catch (const std::exception& e) {
        return {std::nullopt, std::string("the file could not be read: ") + e.what()};
    } catch (...) {
        return {std::nullopt, "the file could not be read"};
    }
}

std::string save_snapshot(const Workspace& ws) {
    std::string out(kMagic, sizeof kMagic);
    put_le<std::uint32_t>(out, static_cast<std::uint32_t>(kFormatVersion));
    out.resize(kSnapshotHeader);   // size and checksum are filled in once the payload is there
    {
        AppendBuf buf(out);
        std::ostream stream(&buf);
        cereal::PortableBinaryOutputArchive ar(stream);
        ar(ws);
    }
    if (!ws.merge.empty()) {   // the merge history follows the workspace: its length, then its JSON text
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
        detail::write_history(writer, ws.merge);
        put_le<std::uint64_t>(out, buffer.GetSize());
        out.append(buffer.GetString(), buffer.GetSize());
    }
    const std::string_view payload = std::string_view(out).substr(kSnapshotHeader);
    std::string fields;
    put_le<std::uint64_t>(fields, payload.size());
    put_le<std::uint32_t>(fields, crc32(payload));
    out.replace(12, fields.size(), fields);
    return out;
}

LoadResult load_snapshot(std::string_view bytes) {
    try {
        if (bytes.size() < kSnapshotHeader || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
            return {std::nullopt, "not a Waymark snapshot (wrong magic bytes)"};
        const auto version = get_le<std::uint32_t>(bytes, 8);
        if (version > static_cast<std::uint32_t>(kFormatVersion))
            return {std::nullopt, "snapshot: " + newer_version_message(version)};
        if (version < static_cast<std::uint32_t>(kOldestVersion))
            return {std::nullopt, "snapshot: format version " + std::to_string(version) + " does not exist"};
        const auto size = get_le<std::uint64_t>(bytes, 12);
        if (bytes.size() > limits::kMaxFileBytes)
            return {std::nullopt, "snapshot: larger than the limit of " + std::to_string(limits::kMaxFileBytes / (1024 * 1024)) + " MB"};
        if (size != bytes.size() - kSnapshotHeader)
            return {std::nullopt, "snapshot is damaged: it should hold " + std::to_string(size) + " bytes of data but holds " +
                                      std::to_string(bytes.size() - kSnapshotHeader)};
        const std::string_view payload = bytes.substr(kSnapshotHeader);
        if (crc32(payload) != get_le<std::uint32_t>(bytes, 20))
            return {std::nullopt, "snapshot is damaged: checksum mismatch"};

        ViewBuf buf(payload);
        std::istream in(&buf);
        Workspace ws;
        {
            cereal::PortableBinaryInputArchive ar(in);
            ar(ws);
        }
        MergeHistory history;
        if (in.peek() != std::char_traits<char>::eof()) {
            const auto used = static_cast<std::size_t>(in.tellg());
            if (payload.size() - used < 8) return {std::nullopt, "snapshot is damaged: data after the workspace"};
            const auto length = get_le<std::uint64_t>(payload, used);
            if (length != payload.size() - used - 8) return {std::nullopt, "snapshot is damaged: data after the workspace"};
            history = history_from_text(payload.substr(used + 8));
        }
        return checked(std::move(ws), std::move(history), false);
    } catch (const detail::BinaryError& e) {
        return {std::nullopt, "snapshot is damaged: " + e.what};
    } catch (const std::bad_alloc&) {
        return {std::nullopt, "not enough memory to load this snapshot"};
    } catch (const std::exception& e) {
        return {std::nullopt, std::string("snapshot is damaged: ") + e.what()};
    } catch (...) {
        return {std::nullopt, "snapshot is damaged"};
    }
}

}  // namespace wm::io
