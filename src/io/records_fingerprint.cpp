// A workspace's content fingerprint, and borrowing the cached records while it still matches.
//
// Why: decomposing a workspace into records costs tens of milliseconds for 10,000 cards (a string
// per field). The cache already holds the records of the last stamped (or loaded, or merged) state;
// if the content has not changed since, they *are* the workspace's records. A 128-bit hash of the
// content — every serialized field, walked like the file writer walks it, without allocating —
// tells in about a millisecond whether it has. So stamping an unchanged document, exporting it, and
// merging freshly stamped or imported copies skip the decomposition.
#include <cstring>

#include "io/records_archive.hpp"

namespace wm::io {

namespace {

// Two 64-bit lanes, fed 8 bytes at a time.
class Hasher {
public:
    void word(std::uint64_t w) {
        a_ = (a_ ^ w) * 0x9E3779B97F4A7C15ull;
        a_ ^= a_ >> 29;
        b_ = (b_ + w) * 0xC2B2AE3D27D4EB4Full;
        b_ ^= b_ >> 31;
    }
    void bytes(std::string_view s) {
        word(s.size());
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            word(w);
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, s.data() + i, s.size() - i);
        word(tail);
    }
    [[nodiscard]] Fingerprint finish() const { return Fingerprint{a_ ^ (b_ >> 7), b_ ^ (a_ << 9)}; }

private:
    std::uint64_t a_ = 0x243F6A8885A308D3ull;
    std::uint64_t b_ = 0x13198A2E03707344ull;
};

struct HashVisitor {
    Hasher& h;

    template <class U>
    void value(const std::string&, const char*, U& v) { hash(v); }
    template <class E>
    void list(const std::string&, const char*, std::vector<E>& items) {
        h.word(0xB10C0000u + items.size());
        for (E& item : items) {
            if constexpr (detail::kHasId<E>) hash(item.id);
            detail::walk(*this, item);
        }
    }

    template <class U>
    void hash(const U& v) {
        if constexpr (std::is_same_v<U, std::string>) {
            h.bytes(v);
        } else if constexpr (std::is_same_v<U, Id>) {
            h.word(v.hi);
            h.word(v.lo);
        } else if constexpr (std::is_same_v<U, Date>) {
            h.word(static_cast<std::uint64_t>(static_cast<std::int64_t>(v.days)));
        } else if constexpr (std::is_same_v<U, detail::ColorField>) {
            h.word(v.value);
        } else if constexpr (std::is_enum_v<U>) {
            h.word(static_cast<std::uint64_t>(v));
        } else if constexpr (std::is_same_v<U, double>) {
            std::uint64_t bits;
            std::memcpy(&bits, &v, 8);
            h.word(bits);
        } else if constexpr (std::is_arithmetic_v<U>) {
            h.word(static_cast<std::uint64_t>(v));
        } else if constexpr (detail::IsOptional<U>::value) {
            h.word(v.has_value());
            if (v) hash(*v);
        } else if constexpr (detail::IsVector<U>::value) {
            h.word(v.size());
            for (const auto& item : v) hash(item);
        } else {
            // A small struct held by value (StepRef, ScanAnswer): its fields in serialize order.
            detail::walk(*this, const_cast<U&>(v));
        }
    }
};

}  // namespace

Fingerprint fingerprint(const Workspace& ws) {
    Hasher h;
    HashVisitor visitor{h};
    visitor.hash(ws.id);
    detail::walk(visitor, const_cast<Workspace&>(ws));  // serialize() only reads
    return h.finish();
}

StampCacheRef make_cache(RecordSet records, const Workspace& content) {
    auto cache = std::make_shared<StampCache>();
    cache->records = std::move(records);
    cache->records.lists.clear();  // positions belong to the content of the moment; stamp redoes them
    cache->content = fingerprint(content);
    return StampCacheRef{std::move(cache)};
}

const RecordSet* current_records(const Workspace& ws) {
    const StampCache* cache = ws.merge.cache.ptr.get();
    return cache && cache->content == fingerprint(ws) ? &cache->records : nullptr;
}

RecordsRef records_ref(const Workspace& ws) {
    RecordsRef out;
    if ((out.records = current_records(ws))) return out;
    RecordsResult r = records_of(ws);
    if (!r.records) {
        out.error = std::move(r.error);
        return out;
    }
    out.owned = std::move(r.records);
    out.records = &*out.owned;
    return out;
}

}  // namespace wm::io
