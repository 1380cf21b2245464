#pragma once
#include "ui/kit/context.hpp"
namespace wm::ui {
// The framework grid: lifecycle stages across, levels down, each journey a tile in the column of the
// lifecycle stage it ultimately hangs from.
void draw_framework_view(const ViewContext& ctx);
// The grid's options as the view's folding and filters set them (for Derived::framework).
layout::FrameworkOptions framework_options(const FrameworkState& st);
}
