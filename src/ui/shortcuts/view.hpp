#pragma once
#include "ui/kit/context.hpp"
namespace wm::ui {
// The keyboard shortcuts sheet: every key the app answers to, by where it works. Opened from
// View › Keyboard shortcuts and with "?" anywhere outside a text field.
void open_shortcuts(UiState& ui);
void draw_shortcuts(const ViewContext& ctx);
}  // namespace wm::ui
