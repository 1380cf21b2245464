// A single pass over raw JSON text before any parser sees it.
//
// RapidJSON's DOM is recursive (parsing unless kParseIterativeFlag, and always when a Value is
// destroyed), and the wasm stack is small: 12 KB of "[" is enough to overflow it. So the depth is
// bounded here, in a loop with no recursion, together with the other checks that need no parse:
// the size cap, well-formed UTF-8 and the NaN / Infinity literals that some JSON writers emit.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace wm::io {

// nullopt if the text may be handed to the parser; otherwise the reason, with "line L, column C"
// (1-based; columns count bytes) where that applies.
std::optional<std::string> prescan_json(std::string_view text);

// "line L, column C" of a byte offset into `text`.
std::string position_of(std::string_view text, std::size_t offset);

}  // namespace wm::io
