// Structural checks on a whole workspace: what a file or snapshot must satisfy before it replaces
// the open document (src/io runs this on every load; tests and debug builds may run it after edits).
//
// Pure and total: never throws on any Workspace value. Each problem is one sentence prefixed with
// the path of the offending field, e.g. "journeys[3].stages[1]: duplicate id 6f1c…", listed in
// document order; after limits::kMaxProblemsReported problems a final "… and N more" line is added.
//
// Checked: ids (non-nil, unique across the whole workspace), every reference (within its own journey
// where the model says so), enum and value ranges (levels against settings.level_names, severity,
// emotion scores against the emotion scale, impact, scan stages, colours), finite numbers, valid
// UTF-8 and the length / count limits of model/limits.hpp. Framework rules (loops, a child on a
// deeper level than its parent) are wm::check_framework's job (src/framework).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace wm {

std::vector<std::string> validate(const Workspace& ws);

// The limits part of validate(), for what an edit may produce: text lengths and UTF-8, list and total
// counts, value ranges — the same walk and the same numbers, so nothing an edit is allowed to make can
// be refused by the loader later. Without the id index and the reference look-ups (commands keep
// those right), so it costs one pass over the fields and the bytes of the texts. `problem` is the
// first one in plain words ("" when none); `file_bytes` bounds from above the size of the
// .waymark.json the workspace exports to (and of its binary snapshot), which Document::execute keeps
// under limits::kMaxFileBytes.
struct LimitCheck {
    std::string problem;
    std::size_t file_bytes = 0;
};
LimitCheck check_limits(const Workspace& ws);

// True if `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Both facts from one pass over a text: whether it is well-formed UTF-8, and how many bytes it takes
// as a JSON string (quotes and escapes included; an upper bound when invalid).
struct TextScan {
    bool valid = true;
    std::size_t json_bytes = 0;
};
TextScan scan_text(std::string_view text);

}  // namespace wm
