// The sample workspace: the first thing every user sees, and the embedded default document.
//
// "Lumen Mobile", a fictional mobile operator in the Netherlands and Sweden: the L0 lifecycle with
// its business KPIs, macro journeys under each lifecycle stage, micro journeys drilled down from
// their steps, three personas, an insight repository with evidence, a scored opportunity backlog,
// a to-be redesign of "Buying a phone plan" and two maturity scans.
//
// Deterministic: ids come from a generator seeded inside, so two calls return equal workspaces and
// the committed assets/sample.waymark.json never drifts (tests/unit/sample_test.cpp checks both).
// The content lives in sample_*.cpp, one file per part; sample.cpp holds the index.
#pragma once

#include "model/model.hpp"

namespace wm {

Workspace sample_workspace();

}  // namespace wm
