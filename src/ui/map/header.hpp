#pragma once
#include "ui/kit/context.hpp"
namespace wm::ui {
// Title block of a journey: editable title and description, level, state, status, personas.
void draw_journey_header(const ViewContext& ctx, const Journey& journey);
}
