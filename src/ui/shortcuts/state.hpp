// The keyboard shortcuts sheet's UI state (shortcuts/view.cpp).
#pragma once

namespace wm::ui {

struct ShortcutsState {
    bool open_requested = false;               // View › Keyboard shortcuts or "?": opens next frame
    bool shown = false;                        // the sheet was on screen in the last frame (test hook)
};

}  // namespace wm::ui
