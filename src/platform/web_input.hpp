// DOM KeyboardEvent.code → ImGuiKey. `code` names the physical key, independent of layout, which is
// what shortcuts want; typed text arrives separately as characters (wm_text) from the text bridge.
#pragma once

#include "imgui.h"

namespace wm::platform {
ImGuiKey key_from_dom_code(const char* code);
}
