// Navigation inside the app: places (a view and an id), the back/forward history that skips places
// that no longer exist, and the breadcrumbs of an open journey. The browser's history is not used
// (docs/design.md "Navigation").
#pragma once

#include <functional>
#include <vector>

#include "model/model.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui {

// A place can be returned to while what it shows exists (the map of a deleted journey is skipped).
bool place_exists(const Workspace& ws, const Place& p);
bool can_go(const Workspace& ws, const std::vector<Place>& places);
// One step along the history: the nearest existing place of `from` becomes current, the current
// one goes onto `to`.
void step_history(const Workspace& ws, Place& current, std::vector<Place>& from, std::vector<Place>& to);
// Breadcrumbs of an open journey: Framework › lifecycle › … › the journey, each a button but the
// last. The chain follows first parents; a journey with more parents gets a "+N" menu of the others
// beside its first parent.
void draw_breadcrumbs(const Workspace& ws, Id journey, const std::function<void(Place)>& go);

}  // namespace wm::ui
