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

// True if `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view text);

}  // namespace wm
