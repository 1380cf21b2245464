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
    if (text.size() != 36) return std::nullopt;
    Id id;
    int nibble = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-') return std::nullopt;
            continue;
        }
        const int v = hex_value(text[i]);
        if (v < 0) return std::nullopt;
        std::uint64_t& word = nibble < 16 ? id.hi : id.lo;
        word = (word << 4) | static_cast<std::uint64_t>(v);
        ++nibble;
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
