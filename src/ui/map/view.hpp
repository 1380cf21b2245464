#pragma once
#include "ui/kit/context.hpp"
namespace wm::ui {
// One journey as a swimlane grid: stages and steps across (sticky), lanes down grouped by layer.
void draw_journey_view(const ViewContext& ctx);
}
