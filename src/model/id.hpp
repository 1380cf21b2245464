// Stable 128-bit identifiers for every entity.
//
// Why not indices: documents are merged, imported and reordered; a reference must survive all of it.
// An Id prints as a lowercase RFC 4122 UUID string ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx") and the
// all-zero Id means "none" (an optional reference that is not set).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace wm {

struct Id {
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;

    [[nodiscard]] bool is_nil() const { return hi == 0 && lo == 0; }
    explicit operator bool() const { return !is_nil(); }
    friend bool operator==(const Id&, const Id&) = default;
    friend bool operator<(const Id& a, const Id& b) { return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo; }

    [[nodiscard]] std::string str() const;                      // canonical UUID text
    static std::optional<Id> parse(std::string_view text);      // accepts the canonical form only
};

// Source of new Ids. One per document session; tests seed it for reproducible runs.
class IdGenerator {
public:
    IdGenerator();                                               // seeded from std::random_device
    explicit IdGenerator(std::uint64_t seed) : rng_(seed) {}
    Id next();                                                   // random version-4 UUID
private:
    std::mt19937_64 rng_;
};

// Process-wide generator used by the model helpers; reseed in tests for determinism.
IdGenerator& ids();
inline Id new_id() { return ids().next(); }

}  // namespace wm

template <>
struct std::hash<wm::Id> {
    std::size_t operator()(const wm::Id& id) const noexcept {
        return static_cast<std::size_t>(id.hi ^ (id.lo * 0x9E3779B97F4A7C15ull));
    }
};
