// A workspace as records: (entity, field) -> canonical value, each with the stamp of its last change.
// This is what stamping (stamp.hpp), merging (merge.hpp) and live co-editing (records_since,
// merge_records) work on.
//
// Entities are everything with an id (journey, stage, step, lane, card, persona, insight,
// opportunity, solution, metric, channel, scan, criterion; the workspace itself, whose fields are its
// name and settings) and the id-less things, keyed by a synthetic key derived from what identifies
// them (emotion score: journey + lane + step + persona; criterion score: opportunity + criterion;
// metric value: metric + date + segment; journey link: parent + child + stage + step), printed like a
// UUID (version nibble 8, so it never equals a random id). Fields are the members the file format
// writes, taken from the serialize() functions of serialize.hpp by walking them with archives of our
// own (records_archive.hpp): a field added to the format is a record field without further work.
// Nested lists become child entities with two extra fields: "@parent" (the owner's key, so moving a
// step to another stage is a change of one record) and "@order" (a fractional order key,
// order_keys.hpp). Values are the compact JSON the file writer writes for the field, so equal values
// are equal strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/model.hpp"

namespace wm::io {

// [SECTION] Kinds and their fields ---------------------------------------------------------------
enum class Kind : std::uint8_t {
    workspace, journey, stage, step, lane, card, emotion_score, journey_link, persona, insight,
    opportunity, solution, criterion_score, metric, metric_value, channel, maturity_scan, criterion
};
inline constexpr std::size_t kKindCount = 18;

std::string_view kind_name(Kind kind);                     // the type's name in files: "card", ...
std::optional<Kind> kind_from_name(std::string_view name);

struct ChildList {
    std::string name;  // the field in the file: "stages", "settings.scoring.criteria"
    Kind kind;
};

struct KindSchema {
    Kind kind = Kind::workspace;
    std::vector<std::string> fields;  // record fields in file order ("settings.emotion_min"), then
                                      // "@parent" (nested kinds) and "@order" (ordered kinds)
    int parent_slot = -1;
    int order_slot = -1;
    std::size_t value_fields = 0;     // fields before @parent / @order (the struct's own members)
    std::vector<ChildList> lists;
    std::optional<Kind> parent_kind;  // nested kinds: the kind that holds them
    [[nodiscard]] int slot(std::string_view field) const;  // -1 when the kind has no such field
};
const KindSchema& schema_of(Kind kind);

// Ordered kinds keep their place by order keys; metric values are kept sorted by date and segment
// (the model's rule), and the workspace is one.
bool is_ordered(Kind kind);

// The synthetic keys of id-less entities (occurrence > 0 only for duplicates a file may hold).
Id emotion_key(Id journey, const EmotionScore& score, std::uint32_t occurrence = 0);
Id score_key(Id opportunity, const CriterionScore& score, std::uint32_t occurrence = 0);
Id metric_value_key(Id metric, const MetricValue& value, std::uint32_t occurrence = 0);
Id link_key(const JourneyLink& link, std::uint32_t occurrence = 0);

// [SECTION] Records -------------------------------------------------------------------------------
struct Record {
    std::string value;  // canonical compact JSON
    Stamp stamp;
    bool present = false;
};

struct EntityRecords {
    Kind kind = Kind::workspace;
    std::vector<Record> live;   // one per schema slot; empty when nothing of it is alive
    std::vector<Record> tomb;   // one per slot: its tombstone; empty when it was never deleted
    Stamp deleted;              // with a tombstone: the stamp of the (latest) delete itself, which is
                                // news to a peer even when every record it covers is not
    bool in_content = false;    // in the workspace (live but not in content: held back by a merge)
    // Slots whose value in the content differs from the record (a merge adjusted it: shadows).
    std::vector<std::pair<std::uint16_t, std::string>> shown;
    // The struct this came from while the decomposed workspace lives, or null; lets compose copy
    // instead of parse. Only set while live values equal the struct's fields.
    const void* source = nullptr;

    [[nodiscard]] const std::string& shown_value(std::size_t slot) const;  // what the content shows
    [[nodiscard]] Id parent() const;               // the @parent value (nil for top-level kinds)
    [[nodiscard]] std::string_view order() const;  // the @order key ("" for unordered kinds)
};

// An ordered list as the decomposed content holds it.
struct ListRecords {
    Id parent;
    Kind kind;
    std::vector<Id> items;
};

struct RecordSet {
    Id workspace;                  // the workspace entity's key (its id)
    VersionVector versions;        // what the copy has seen
    std::unordered_map<Id, EntityRecords> entities;
    std::vector<ListRecords> lists;  // decompose/records_of only: the content's ordered lists
};

// The content alone: values, null stamps, default order keys. Never fails on a valid workspace; on
// an invalid one (duplicate ids) `problem` says so.
struct Decomposed {
    RecordSet records;
    std::string problem;
};
Decomposed decompose(const Workspace& ws);

// The content with its merge history (model/merge_history.hpp) applied: the full record set. Checks
// that the history fits the content (the loader refuses hostile files with these sentences): known
// entities and fields, stamps the version vector covers, order keys of the right count and in list
// order, canonical values, tombstones only of deleted (or rightly kept) entities.
struct RecordsResult {
    std::optional<RecordSet> records;
    std::string error;
};
RecordsResult records_of(const Workspace& ws);

// The values of one entity's own fields (its value slots, without @parent / @order), exactly as
// decompose gives them; `entity` points to the struct of `kind`.
std::vector<std::string> field_values(Kind kind, const void* entity);

// The workspace that the records' content entities make: children under their @parent, ordered lists
// sorted by (order key, key), metric values by date and segment. The merge history stays empty (see
// compress). Fails (error) when a content entity's parent is not in the content.
struct ComposeResult {
    std::optional<Workspace> workspace;
    std::string error;
};
ComposeResult compose(const RecordSet& records);

// The sparse, canonical form of the records' stamps, order keys, shadows, held-back entities and
// tombstones: a pure function of the record set, so equal records give byte-identical files.
MergeHistory compress(const RecordSet& records);

// The id in a JSON value "\"<uuid>\"" (nil for anything else, null included).
Id id_of_json(std::string_view json);

// [SECTION] The records of the last stamped state (MergeHistory::cache) ---------------------------
// A 128-bit hash of a workspace's content (every serialized field; not the merge history), taken
// without allocating: about a millisecond where decomposing takes tens (records_fingerprint.cpp).
struct Fingerprint {
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    friend bool operator==(const Fingerprint&, const Fingerprint&) = default;
};
Fingerprint fingerprint(const Workspace& ws);

// The records to remember for `content`: what the next stamp compares with.
StampCacheRef make_cache(RecordSet records, const Workspace& content);
// The cache, whatever the content is now (stamp compares with it).
const RecordSet* cached_records(const Workspace& ws);
// The cache when it still describes the content (nothing changed since the last stamp, load or
// merge): then it is exactly records_of(ws), without decomposing. Null otherwise.
const RecordSet* current_records(const Workspace& ws);
// records_of, borrowed from the cache when it is current.
struct RecordsRef {
    const RecordSet* records = nullptr;  // null: `error` says why
    std::optional<RecordSet> owned;
    std::string error;
};
RecordsRef records_ref(const Workspace& ws);

// [SECTION] Which entities live --------------------------------------------------------------------
// An entity lives when it has live records and no tombstone, or some record newer than what its
// tombstone covered (someone edited it without having seen the delete): `own`. A dead entity that a
// living one needs — its @parent, or what it must refer to (a card's lane and step, an emotion
// score's lane, step and persona, a criterion score's criterion, a metric's journey) — lives on as
// `kept`. Journey links keep nothing alive: a link to a deleted journey is left out instead.
enum class Life : std::uint8_t { dead, own, kept };
struct Liveness {
    std::unordered_map<Id, Life> life;           // every entity of the record set
    std::unordered_map<Id, Id> kept_for;         // a kept entity -> the living one that needed it first
    std::vector<std::pair<Id, Id>> missing;      // (entity, target) where the target has no records at all
};
Liveness liveness(const RecordSet& records);
// The keys an entity must have alive (its @parent and required references), nil ones left out.
std::vector<Id> required_targets(const EntityRecords& e);

}  // namespace wm::io

// The cache type model/merge_history.hpp forward-declares.
namespace wm {
struct StampCache {
    io::RecordSet records;
    io::Fingerprint content;  // of the content the records describe
};
}  // namespace wm
