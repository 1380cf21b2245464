#pragma once
#include <string>
#include "ui/kit/context.hpp"
namespace wm::ui {
// View › About Waymark and this browser…: what Waymark is, where documents are kept, and what draws
// it — a software renderer (no graphics card: SwiftShader, WARP, llvmpipe) is named in plain words,
// so a user (or support) can tell why panning a big map is slow on this machine.
void open_about(UiState& ui);
void draw_about(const ViewContext& ctx);
// The same words as the mirror's form (from the page's menubar): read-only, headings and sentences.
std::string about_form();
}  // namespace wm::ui
