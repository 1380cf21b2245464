// Fractional order keys (order_keys.hpp). key_between is the midpoint construction of "fractional
// indexing" (as in Figma's and Rocicorp's writings): compare digit by digit, take the middle digit
// where there is room, else descend one digit.
#include "io/order_keys.hpp"

#include <algorithm>
#include <tuple>

namespace wm::io {

namespace {

constexpr std::string_view kDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int kBase = 62;

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    if (c >= 'a' && c <= 'z') return c - 'a' + 36;
    return -1;
}

std::string midpoint(std::string_view low, std::string_view high) {
    if (!high.empty()) {
        // Shared leading digits (low read as padded with '0'): keep them, look further.
        std::size_t n = 0;
        while (n < high.size() && (n < low.size() ? low[n] : '0') == high[n]) ++n;
        if (n > 0) {
            const std::string_view rest_low = n < low.size() ? low.substr(n) : std::string_view();
            return std::string(high.substr(0, n)) + midpoint(rest_low, high.substr(n));
        }
    }
    const int lo = low.empty() ? 0 : digit_value(low[0]);
    const int hi = high.empty() ? kBase : digit_value(high[0]);
    if (hi - lo > 1) return std::string(1, kDigits[static_cast<std::size_t>((lo + hi) / 2)]);  // > lo >= 0: not '0'
    // Adjacent digits. A longer `high` is above its own first digit, which is above `low`.
    if (high.size() > 1) return std::string(high.substr(0, 1));
    return std::string(1, kDigits[static_cast<std::size_t>(lo)]) +
           midpoint(low.empty() ? std::string_view() : low.substr(1), std::string_view());
}

// `count` keys strictly between low and high, ascending, by bisection (so they grow by about one
// digit per doubling of `count`, not per key).
void spread(std::string_view low, std::string_view high, std::size_t count, std::string* out) {
    if (count == 0) return;
    std::string mid = key_between(low, high);
    const std::size_t left = (count - 1) / 2;
    spread(low, mid, left, out);
    spread(mid, high, count - 1 - left, out + left + 1);
    out[left] = std::move(mid);
}

}  // namespace

std::string default_order_key(std::size_t position, std::size_t list_size) {
    constexpr std::string_view kDefaultDigits = kDigits.substr(1);  // no '0': room below every key
    const std::size_t width = list_size <= 61u * 61u * 61u ? 3 : 4;
    std::string key(width, '1');
    for (std::size_t i = width; i-- > 0 && position > 0;) {
        key[i] = kDefaultDigits[position % 61];
        position /= 61;
    }
    return key;
}

std::string key_between(std::string_view low, std::string_view high) { return midpoint(low, high); }

bool valid_order_key(std::string_view key) {
    if (key.empty() || key.size() > kMaxOrderKeyLength || key.back() == '0') return false;
    return std::all_of(key.begin(), key.end(), [](char c) { return digit_value(c) >= 0; });
}

std::vector<std::string> assign_order_keys(const std::vector<std::optional<std::string_view>>& old_keys,
                                           const std::vector<Id>& ids) {
    const std::size_t n = old_keys.size();
    auto less = [&](std::size_t a, std::size_t b) {
        return std::tie(*old_keys[a], ids[a]) < std::tie(*old_keys[b], ids[b]);
    };
    // Fast path: nothing new and nothing moved.
    bool in_order = true;
    for (std::size_t i = 0; i < n && in_order; ++i)
        in_order = old_keys[i].has_value() && (i == 0 || less(i - 1, i));
    std::vector<std::string> out(n);
    if (in_order) {
        for (std::size_t i = 0; i < n; ++i) out[i] = std::string(*old_keys[i]);
        return out;
    }

    // Longest run still in order (longest increasing subsequence, O(n log n)).
    std::vector<std::size_t> tails;                     // tails[k]: item ending the best run of length k+1
    std::vector<std::size_t> before(n, static_cast<std::size_t>(-1));
    for (std::size_t i = 0; i < n; ++i) {
        if (!old_keys[i]) continue;
        const auto at = std::lower_bound(tails.begin(), tails.end(), i, less);
        if (at != tails.begin()) before[i] = *(at - 1);
        if (at == tails.end()) tails.push_back(i);
        else *at = i;
    }
    std::vector<bool> kept(n, false);
    for (std::size_t i = tails.empty() ? static_cast<std::size_t>(-1) : tails.back(); i != static_cast<std::size_t>(-1); i = before[i])
        kept[i] = true;

    // Kept keys that are exactly their positions' defaults: the whole list takes the defaults.
    bool defaults = true;
    for (std::size_t i = 0; i < n && defaults; ++i)
        if (kept[i]) defaults = *old_keys[i] == default_order_key(i, n);
    if (defaults) {
        for (std::size_t i = 0; i < n; ++i) out[i] = default_order_key(i, n);
        return out;
    }

    std::string_view low;  // the key of the last placed item ("" = the start)
    bool too_long = false;
    for (std::size_t i = 0; i < n;) {
        if (kept[i] && (low.empty() || *old_keys[i] > low)) {
            out[i] = std::string(*old_keys[i]);
            low = out[i];
            ++i;
            continue;
        }
        // A run of items to place, up to the next kept item whose key leaves room after `low` (a kept
        // item with the same key as `low` joins the run: ties are ordered by id, with no key between).
        std::size_t j = i;
        while (j < n && !(kept[j] && (low.empty() || *old_keys[j] > low))) ++j;
        const std::string_view high = j < n ? *old_keys[j] : std::string_view();
        spread(low, high, j - i, out.data() + i);
        for (std::size_t k = i; k < j; ++k) too_long = too_long || out[k].size() > kOrderKeyRekeyLength;
        low = out[j - 1];
        i = j;
    }
    if (too_long)
        for (std::size_t i = 0; i < n; ++i) out[i] = default_order_key(i, n);
    return out;
}

}  // namespace wm::io
