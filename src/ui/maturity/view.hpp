#pragma once
#include "ui/kit/context.hpp"
namespace wm::ui {
// The maturity scan: the questionnaire (resumable, keyboard and mouse), the result of a scan with
// what to do next, the evidence from the workspace beside it, and the history of scans.
void draw_maturity_view(const ViewContext& ctx);
}
