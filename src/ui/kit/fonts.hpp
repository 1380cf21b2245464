// The app's fonts, built by the platform (src/platform) at the device pixel ratio and handed to the
// app; views draw with them through ViewContext::fonts.
#pragma once

#include "imgui.h"
#include "ui/kit/type_scale.hpp"

namespace wm::ui {

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* small = nullptr;
};

}  // namespace wm::ui
