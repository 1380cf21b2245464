// The backlog for screen readers (issue 19): what the page's DOM mirror (web/mirror.js) shows of
// it — every opportunity in the order the backlog ranks them (the derived ranking the list and the
// matrix use), with its priority, status and the "why is this #N?" sentences. The shell sends it
// only when it changed (App::update_mirror).
//
//   {"view": "backlog", "title": "Backlog", "table": {"caption": "…",
//    "columns": ["Rank", "Opportunity", "Priority", "Status", "Why"],
//    "rows": [{"id": "<id>", "cells": ["#1", "Plan comparison table", "12.5", "Planned", "…"]}]}}
#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"
#include "ui/kit/derived.hpp"

namespace wm::ui {

std::string backlog_mirror(const Workspace& ws, const std::vector<BacklogRow>& rows);

}  // namespace wm::ui
