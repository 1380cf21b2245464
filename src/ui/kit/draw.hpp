// Small drawing helpers shared by the canvas views (journey map, framework grid): text measured and
// clipped in a box, pills, colours with alpha. Header-only; ImDrawList does the work.
#pragma once

#include <algorithm>
#include <cfloat>
#include <string_view>

#include "imgui.h"
#include "ui/kit/theme.hpp"

namespace wm::ui {

inline ImU32 with_alpha(ImU32 c, float a) {
    const int alpha = static_cast<int>(((c >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(a, 0.0f, 1.0f));
    return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}

inline ImFont* font_or_default(ImFont* f) { return f ? f : ImGui::GetFont(); }
inline float base_size(ImFont* f) { return f->FontSize * ImGui::GetIO().FontGlobalScale; }

inline float text_width(ImFont* font, float size, std::string_view text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

// Text clipped to [min, max], wrapped at the box width (or on one line).
inline void boxed_text(ImDrawList* dl, ImFont* font, float size, ImVec2 min, ImVec2 max, ImU32 col, std::string_view text,
                       bool wrap = true) {
    const ImVec4 clip(min.x, min.y, max.x, max.y);
    dl->AddText(font, size, min, col, text.data(), text.data() + text.size(), wrap ? std::max(1.0f, max.x - min.x) : 0.0f, &clip);
}

// A pill (a chip): small rounded label, coloured text on a wash of the same colour over paper —
// opaque, so the pair is the one the contrast test checks (palette.hpp chip()) whatever the chip
// sits on (a tinted lane, a stage header). Returns the width it took (0 when it did not fit before
// max_x and was not drawn).
inline float pill(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, std::string_view text, float max_x) {
    const float w = text_width(font, size, text) + size * 0.7f;
    if (pos.x + w > max_x) return 0;
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + size * 1.2f), color::chip_fill(col), size * 0.35f);
    dl->AddText(font, size, ImVec2(pos.x + size * 0.35f, pos.y + size * 0.1f), col, text.data(), text.data() + text.size());
    return w + size * 0.35f;
}

}  // namespace wm::ui
