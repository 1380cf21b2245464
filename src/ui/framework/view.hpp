#pragma once
#include "ui/kit/context.hpp"
namespace wm::ui {
// The framework grid: lifecycle stages across, levels down, each journey a tile in the column of the
// lifecycle stage it ultimately hangs from.
void draw_framework_view(const ViewContext& ctx);
}
