// The About window's UI state (about/view.cpp).
#pragma once

namespace wm::ui {

struct AboutState {
    bool open_requested = false;               // View › About… was chosen; the popup opens next frame
    bool shown = false;                        // the popup was on screen in the last frame (test hook)
};

}  // namespace wm::ui
