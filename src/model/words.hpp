// Counts in words, shared by the UI (kit/format.hpp) and the exports (src/io): "1 journey",
// "2 journeys", "0 cards", "1 opportunity", "3 opportunities"; and a text shortened to a number of
// characters.
#pragma once

#include <string>
#include <string_view>

namespace wm {

// The count and its noun in the right number. The plural is `one` + "s" unless given
// (`many`: "opportunities", "children").
inline std::string count_of(long long n, std::string_view one, std::string_view many = {}) {
    std::string text = std::to_string(n);
    text += ' ';
    if (n == 1 || n == -1) text += one;
    else if (!many.empty()) text += many;
    else (text += one) += 's';
    return text;
}

// At most `max_chars` characters of `text` (UTF-8), the last of them "…" when the text was longer:
// whole characters, never a cut through one's bytes (which draws as a replacement glyph).
inline std::string shortened(std::string_view text, std::size_t max_chars) {
    const auto is_continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
    std::size_t chars = 0, cut = text.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_continuation(text[i])) continue;
        if (chars == max_chars) return std::string(text.substr(0, max_chars > 0 ? cut : 0)) + (max_chars > 0 ? "\xE2\x80\xA6" : "");
        if (chars + 1 == max_chars) cut = i;   // where the "…" goes if the text is longer
        ++chars;
    }
    return std::string(text);
}

}  // namespace wm
