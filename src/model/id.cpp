#include "model/id.hpp"

#include <array>

namespace wm {

namespace {
constexpr char kHex[] = "0123456789abcdef";

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}
}  // namespace

std::string Id::str() const {
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) out.push_back('-');
        const std::uint64_t word = i < 16 ? hi : lo;
        const int shift = 60 - 4 * (i % 16);
        out.push_back(kHex[(word >> shift) & 0xF]);
    }
    return out;
}

std::optional<Id> Id::parse(std::string_view text) {
    if (text.size() != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-') return std::nullopt;
    // Merging parses ids by the hundred thousand: straight-line, one check per digit.
    static constexpr std::size_t kDigits[32] = {0,  1,  2,  3,  4,  5,  6,  7,  9,  10, 11, 12, 14, 15, 16, 17,
                                                19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35};
    Id id;
    for (int n = 0; n < 32; ++n) {
        const int v = hex_value(text[kDigits[n]]);
        if (v < 0) return std::nullopt;
        std::uint64_t& word = n < 16 ? id.hi : id.lo;
        word = (word << 4) | static_cast<std::uint64_t>(v);
    }
    return id;
}

IdGenerator::IdGenerator() {
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd()};
    rng_.seed(seq);
}

Id IdGenerator::next() {
    Id id{rng_(), rng_()};
    id.hi = (id.hi & ~0xF000ull) | 0x4000ull;                   // version 4
    id.lo = (id.lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;  // RFC 4122 variant
    return id;
}

IdGenerator& ids() {
    static IdGenerator generator;  // process-wide source; tests reseed via ids() = IdGenerator(seed)
    return generator;
}

}  // namespace wm
