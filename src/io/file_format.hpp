// Waymark files (.waymark.json) and IndexedDB snapshots.
//
// Both are hostile input: a file comes from anywhere, and a snapshot may be torn or from a newer
// build. Every load path pre-checks the raw bytes, parses, migrates older versions, then runs
// wm::validate (model/validate.hpp) before handing back a Workspace; nothing here throws, and a
// failed load never touches the caller's document (the caller only replaces its document when the
// LoadResult holds one). Errors are plain sentences with a path, e.g.
//   "journeys[3].stages[1]: duplicate id 6f1c…" or "line 12, column 7: nesting deeper than 64".
// The layout of both formats is described in src/io/file_format.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/model.hpp"

namespace wm::io {

// The version written into every file and snapshot header. Files with a smaller version go through
// the migrations in file_format.cpp; a larger one is refused with a message naming both versions.
inline constexpr int kFormatVersion = 1;

// Deterministic, pretty-printed UTF-8 JSON: export -> import -> export is byte-identical.
std::string export_json(const Workspace&);

struct LoadResult {
    std::optional<Workspace> workspace;
    std::string error;  // empty on success; otherwise one human-readable message naming what and where
    explicit operator bool() const { return workspace.has_value(); }
};

// Never throws. Size cap, nesting depth, UTF-8 and NaN/Infinity are checked before any parser runs.
LoadResult import_json(std::string_view text);

// Binary snapshot: magic "WAYMARK\0", format version, payload size, checksum, cereal portable binary.
std::string save_snapshot(const Workspace&);

// Never throws: checks magic, version, size and checksum, then deserializes and validates.
LoadResult load_snapshot(std::string_view bytes);

}  // namespace wm::io
