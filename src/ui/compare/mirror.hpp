// The compare view for screen readers and keyboards (issue 19): what the page's DOM mirror shows of
// it, as a page (ui/kit/mirror_page.hpp) — the summary in words, buttons to open either map, to show
// only the differences and to pick another to-be journey, and a table of the aligned steps in the
// canvas's order (under its filter): each step's stage, what changed in words ("Added in the to-be",
// "renamed from …"), and each side's cards lane by lane, marked added, removed or edited, so nothing
// rests on the canvas's green, red and amber. Buttons run compare_action, as the canvas's do.
#pragma once

#include <cstddef>
#include <string>

#include "model/model.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui {

inline constexpr std::size_t kMirrorCompareSteps = 400;

std::string compare_mirror(const Workspace& ws, const UiState& ui, const Derived& derived);

}  // namespace wm::ui
