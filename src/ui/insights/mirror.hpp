// The insight repository for screen readers (issue 19): what the page's DOM mirror shows of it — a
// table of the insights the view's table shows, in its order, under its search, filters and sort
// (InsightsState::rows, computed by the view), at most kMirrorInsights of them (the caption says how
// many there are and that the search narrows them).
#pragma once

#include <cstddef>
#include <string>

#include "model/model.hpp"
#include "ui/insights/state.hpp"

namespace wm::ui {

inline constexpr std::size_t kMirrorInsights = 200;

std::string insights_mirror(const Workspace& ws, const InsightsState& st, Date today);

}  // namespace wm::ui
