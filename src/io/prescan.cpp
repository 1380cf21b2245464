// prescan_json: see prescan.hpp. A small state machine over bytes: outside strings it counts
// brackets and looks at bare words; inside strings it skips escapes. It does not validate JSON
// grammar (RapidJSON does that next); it only guarantees that what reaches RapidJSON is bounded.
#include "io/prescan.hpp"

#include "model/limits.hpp"
#include "model/validate.hpp"

namespace wm::io {

std::string position_of(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') { ++line; column = 1; }
        else ++column;
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

namespace {

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '+' || c == '-';
}

// Length of the well-formed UTF-8 sequence at text[i], 0 if it is not one.
std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                          : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len <= 1) return len;
    if (text.size() - i < len) return 0;
    return is_valid_utf8(text.substr(i, len)) ? len : 0;
}

}  // namespace

std::optional<std::string> prescan_json(std::string_view text) {
    if (text.size() > limits::kMaxFileBytes)
        return "the file is " + std::to_string(text.size() / (1024 * 1024)) + " MB, more than the limit of " +
               std::to_string(limits::kMaxFileBytes / (1024 * 1024)) + " MB";
    int depth = 0;
    bool in_string = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            const std::size_t len = utf8_length(text, i);
            if (len == 0) return position_of(text, i) + ": invalid UTF-8 (the file must be UTF-8 text)";
            i += len;
            continue;
        }
        if (in_string) {
            if (c == '\\') i += 2;  // the escaped byte is ASCII in valid JSON; RapidJSON checks the rest
            else { if (c == '"') in_string = false; ++i; }
            continue;
        }
        switch (c) {
        case '"': in_string = true; ++i; continue;
        case '[':
        case '{':
            if (++depth > limits::kMaxNestingDepth)
                return position_of(text, i) + ": nested deeper than " + std::to_string(limits::kMaxNestingDepth) +
                       " levels";
            ++i;
            continue;
        case ']':
        case '}': --depth; ++i; continue;
        default: break;
        }
        if (is_word_char(c)) {
            std::size_t end = i;
            while (end < text.size() && is_word_char(text[end])) ++end;
            std::string_view word = text.substr(i, end - i);
            if (!word.empty() && (word[0] == '-' || word[0] == '+')) word.remove_prefix(1);
            if (word.size() >= 3) {
                std::string lower(word.substr(0, 3));
                for (auto& ch : lower) ch = static_cast<char>(ch | 0x20);
                if (lower == "nan" || lower == "inf")
                    return position_of(text, i) + ": NaN and Infinity are not valid numbers in a Waymark file";
            }
            i = end;
            continue;
        }
        ++i;
    }
    return std::nullopt;
}

}  // namespace wm::io
