#pragma once
#include "ui/kit/context.hpp"
namespace wm::ui {
// The backlog: every opportunity of every journey, ranked by the workspace's scoring model, as a
// filterable list or a customer × business matrix, with the scoring model editor and CSV export.
void draw_backlog_view(const ViewContext& ctx);
// "Export backlog CSV" (the view's button and the mirror's): downloads every opportunity as CSV and
// says so in the status line.
void export_backlog_csv(const ViewContext& ctx);
}
