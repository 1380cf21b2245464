#pragma once
#include <string>
#include "ui/kit/context.hpp"
namespace wm::ui {
// The keyboard shortcuts sheet: every key the app answers to, by where it works. Opened from
// View › Keyboard shortcuts and with "?" anywhere outside a text field.
void open_shortcuts(UiState& ui);
void draw_shortcuts(const ViewContext& ctx);
// The same sheet as the mirror's form (from the page's menubar, or "?" in the page): each area a
// heading, each key a sentence ("Ctrl+K: Go to anything …").
std::string shortcuts_form();
}  // namespace wm::ui
