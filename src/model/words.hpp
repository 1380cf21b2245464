// Counts in words, shared by the UI (kit/format.hpp) and the exports (src/io): "1 journey",
// "2 journeys", "0 cards", "1 opportunity", "3 opportunities".
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

}  // namespace wm
