// The personas for screen readers (issue 19): what the page's DOM mirror shows of the persona view —
// a table, one row per persona (named by the persona), with role, segment, quote, goals, needs,
// pains and jobs to be done.
#pragma once

#include <string>

#include "model/model.hpp"

namespace wm::ui {

std::string personas_mirror(const Workspace& ws);

}  // namespace wm::ui
