// Fractional order keys: where an item sits in an ordered list, in a form two copies can merge.
//
// A key is a short string over the 62 digits 0-9 A-Z a-z (ASCII order = digit order), read as a
// fraction 0.d1d2d3... in base 62; lists are sorted by (key, id). Between any two keys there is
// another (key_between), so an item moved or inserted on one copy gets a key between its new
// neighbours and every other item keeps its key: a merge then places each item by its key, whatever
// the other copy did to the rest of the list. Keys never end in '0' (the smallest digit), which is
// what guarantees room below every key.
//
// Default keys: a list that was never reordered since it was first stamped has the keys its
// positions give (default_order_key), which files do not store. They use the digits 1-9 A-Z a-z at a
// fixed width of 3 (61^3 = 226,981 positions, more than any list limits.hpp allows; longer lists,
// which only a hostile file could hold, get width 4), so they compare like the positions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/id.hpp"

namespace wm::io {

inline constexpr std::size_t kMaxOrderKeyLength = 64;  // longer keys are refused in files
// Stamping re-keys a whole list rather than make a key longer than this (a long run of insertions
// at one place grows keys by about one digit per six insertions).
inline constexpr std::size_t kOrderKeyRekeyLength = 40;

std::string default_order_key(std::size_t position, std::size_t list_size);

// A key strictly between `low` and `high` ("" for `low`: the start; "" for `high`: the end).
// Precondition: low < high as strings when both are given, both valid.
std::string key_between(std::string_view low, std::string_view high);

// Digits 0-9 A-Z a-z only, 1..kMaxOrderKeyLength long, not ending in '0'.
bool valid_order_key(std::string_view key);

// The keys a list gets when it is stamped. `old_keys[i]` is the key item i had at the last stamp (in
// this list), or nullopt for an item that is new here or came from another list; `ids` break ties.
// Keeps the keys of the longest run of items still in order and gives every other item a key
// between its neighbours; uses the default keys when the kept ones are exactly the defaults of their
// positions (so appending to a list that was never reordered stores nothing). Pure and
// deterministic.
std::vector<std::string> assign_order_keys(const std::vector<std::optional<std::string_view>>& old_keys,
                                           const std::vector<Id>& ids);

}  // namespace wm::io
