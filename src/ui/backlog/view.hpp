#pragma once
#include "ui/kit/context.hpp"
namespace wm::ui {
// The backlog: every opportunity of every journey, ranked by the workspace's scoring model, as a
// filterable list or a customer × business matrix, with the scoring model editor and CSV export.
void draw_backlog_view(const ViewContext& ctx);
}
