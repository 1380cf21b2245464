// Shared by the backlog view's files (backlog/view.cpp: toolbar, list, details; backlog/matrix.cpp;
// backlog/scoring_model.cpp: the scoring model editor; backlog/mirror.cpp: the backlog for screen
// readers). Not for other views.
#pragma once

#include <vector>

#include "imgui.h"
#include "scoring/prioritise.hpp"
#include "ui/kit/context.hpp"
#include "ui/kit/derived.hpp"

namespace wm::ui::backlog {

// One opportunity as the backlog shows it (ui/kit/derived.hpp), computed once per revision and day
// so filters, list and matrix agree.
using Row = BacklogRow;

Date today();
ImU32 status_color(const Opportunity& o);             // will-not-do overrides status
const char* status_label(const Opportunity& o);       // "In progress", "Will not do", ...

// Numeric widgets that commit once per gesture: while dragging or typing (Ctrl+click) they show a
// transient value; when the gesture ends with a change they return true with *out set, and the
// caller emits one command — one drag is one undo step.
bool slider_int_commit(const char* label, int value, int lo, int hi, int* out, float width);
bool drag_double_commit(const char* label, double value, double lo, double hi, double* out, float width);
bool drag_int_commit(const char* label, int value, int lo, int hi, int* out, float width);

void draw_matrix(const ViewContext& ctx, const std::vector<const Row*>& rows);
void draw_scoring_model(const ViewContext& ctx);

}  // namespace wm::ui::backlog
