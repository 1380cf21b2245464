// Small drawing helpers shared by the canvas views (journey map, framework grid): text measured and
// clipped in a box, pills, colours with alpha. Header-only; ImDrawList does the work.
#pragma once

#include <algorithm>
#include <cfloat>
#include <string>
#include <string_view>

#include "imgui.h"
#include "imgui_internal.h"   // ImTextCharFromUtf8
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

// Text clipped to [min, max], wrapped at the box width.
inline void boxed_text(ImDrawList* dl, ImFont* font, float size, ImVec2 min, ImVec2 max, ImU32 col, std::string_view text) {
    const ImVec4 clip(min.x, min.y, max.x, max.y);
    dl->AddText(font, size, min, col, text.data(), text.data() + text.size(), std::max(1.0f, max.x - min.x), &clip);
}

// Text wrapped at the box's width in whole lines, as many as its height holds (one at least, never
// wider than the box): a text that needs more ends its last line with "…" rather than running on
// under whatever sits below the box, or being cut through the middle of a line or of a word.
// Returns the bottom of the last line drawn.
inline float boxed_lines(ImDrawList* dl, ImFont* font, float size, ImVec2 min, ImVec2 max, ImU32 col, std::string_view text) {
    const float width = std::max(1.0f, max.x - min.x), scale = size / font->FontSize;
    const int fit = std::max(1, static_cast<int>((max.y - min.y) / size));
    const ImVec4 clip(min.x, min.y, max.x, std::max(max.y, min.y + size));   // a box lower than a line still shows one
    const char* s = text.data();
    const char* const end = s + text.size();
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    float y = min.y;
    for (int line = 0; s < end && line < fit; ++line) {
        const char* brk = font->CalcWordWrapPositionA(scale, s, end, width);
        if (brk == s) brk = s + 1;   // a letter wider than the box: one per line, as ImGui wraps
        while (brk < end && (static_cast<unsigned char>(*brk) & 0xC0) == 0x80) ++brk;   // a whole UTF-8 sequence
        const char* next = brk;
        while (next < end && blank(*next)) ++next;
        if (line == fit - 1 && next < end) {
            // The last line that fits, with more to come: as many letters of the rest as leave room
            // for "…" (cut in a word if need be, as CSS's text-overflow does).
            const float room = width - text_width(font, size, "\xE2\x80\xA6");
            float w = 0;
            const char* cut = s;
            for (const char* p = s; p < end;) {
                unsigned int c = 0;
                const int n = ImTextCharFromUtf8(&c, p, end);
                if (n <= 0 || c == '\n') break;
                w += font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
                if (w > room) break;
                p += n;
                cut = p;
            }
            std::string shown(s, cut);
            while (!shown.empty() && blank(shown.back())) shown.pop_back();
            shown += "\xE2\x80\xA6";
            dl->AddText(font, size, ImVec2(min.x, y), col, shown.data(), shown.data() + shown.size(), 0, &clip);
        } else {
            const char* stop = brk;
            while (stop > s && blank(stop[-1])) --stop;
            dl->AddText(font, size, ImVec2(min.x, y), col, s, stop, 0, &clip);
        }
        y += size;
        s = next;
    }
    return y;
}

// One line from `min` to `max_x`: whole when it fits, else cut between letters and ended with "…".
inline void one_line(ImDrawList* dl, ImFont* font, float size, ImVec2 min, float max_x, ImU32 col, std::string_view text) {
    boxed_lines(dl, font, size, min, ImVec2(max_x, min.y + size), col, text);
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
