// Internal to src/io: the "merge" section of a file (model/merge_history.hpp as JSON), and the text
// forms of stamps and replica ids shared with the records of live co-editing (records_json.cpp).
//
//   "merge": {
//     "version": 1,
//     "replicas": { "0f3a9c2b4d5e6f70": 12 },         // version vector: replica -> highest counter
//     "base": "1@0f3a9c2b4d5e6f70",                     // or null
//     "stamps": { "<uuid>": "5@…", "<uuid>/text": "7@…" },
//     "order": { "<uuid>/cards": "111 112 11V 113" },
//     "shadows": { "<uuid>/insights": [] },
//     "held_back": [ { "key": "<uuid>", "kind": "journey_link", "stamps": { "": "5@…" }, "values": { … } } ],
//     "tombstones": [ … the same shape … ]
//   }
// A stamp is "<counter>@<replica as 16 hex digits>", or "0" for a record without history. Keys of
// every object are sorted when written; a reader refuses duplicates. Values are JSON values, exactly
// as the field is written in the workspace.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "model/merge_history.hpp"

namespace wm::io::detail {

inline constexpr int kHistoryVersion = 1;

std::string stamp_text(const Stamp& stamp);
std::optional<Stamp> parse_stamp(std::string_view text);  // counters 1..kMaxStampCounter, replica != 0
std::string replica_text(std::uint64_t replica);          // 16 lowercase hex digits
std::optional<std::uint64_t> parse_replica(std::string_view text);

template <class Out>
void write_history(Out& out, const MergeHistory& history);
extern template void write_history(rapidjson::PrettyWriter<rapidjson::StringBuffer>&, const MergeHistory&);
extern template void write_history(rapidjson::Writer<rapidjson::StringBuffer>&, const MergeHistory&);

// Throws ReadError (json_archive.hpp) with a path under "merge". Values are kept as compact JSON;
// records_of checks them against their fields and compress makes them canonical.
MergeHistory read_history(const rapidjson::Value& value);

// A parsed value written back as compact JSON.
std::string compact_json(const rapidjson::Value& value);

}  // namespace wm::io::detail
