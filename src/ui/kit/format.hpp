// Small text formatters shared by views: local date/time of a timestamp (local_time, from
// model/date.hpp, which the storage policy also uses), sizes in bytes, counts with their noun in
// the right number (count_of, from model/words.hpp, which the exports also use: "1 journey"), a
// typed text without the spaces around it.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "model/date.hpp"
#include "model/words.hpp"

namespace wm::ui {

// 1234567 → "1,234,567".
inline std::string with_thousands(double value) {
    std::string digits = std::to_string(static_cast<long long>(std::llround(value)));
    for (int i = static_cast<int>(digits.size()) - 3; i > (digits[0] == '-' ? 1 : 0); i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

inline std::string size_text(double bytes) {
    char buffer[32];
    if (bytes < 1024) std::snprintf(buffer, sizeof buffer, "%.0f B", bytes);
    else if (bytes < 1024 * 1024) std::snprintf(buffer, sizeof buffer, "%.1f KB", bytes / 1024);
    else std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / (1024 * 1024));
    return buffer;
}

// " Lumen \n" → "Lumen": what a typed name or card keeps.
inline std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

}  // namespace wm::ui
