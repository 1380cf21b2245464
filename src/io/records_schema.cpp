// Kinds, their record fields (taken from serialize.hpp by walking a default value of each type),
// synthetic keys, and the value reader shared by compose and the history reader.
#include <array>
#include <mutex>

#include "io/order_keys.hpp"
#include "io/records_archive.hpp"

namespace wm::io {

namespace {

constexpr std::array<std::string_view, kKindCount> kKindNames = {
    "workspace", "journey", "stage", "step", "lane", "card", "emotion_score", "journey_link", "persona", "insight",
    "opportunity", "solution", "criterion_score", "metric", "metric_value", "channel", "maturity_scan", "criterion"};

// Collects field names and child lists in serialize order.
struct SchemaVisitor {
    KindSchema& out;
    template <class U>
    void value(const std::string& prefix, const char* name, U&) { out.fields.push_back(prefix + name); }
    template <class E>
    void list(const std::string& prefix, const char* name, std::vector<E>&) {
        out.lists.push_back(ChildList{prefix + name, detail::KindOf<E>::value});
    }
};

std::array<KindSchema, kKindCount> build_schemas() {
    std::array<KindSchema, kKindCount> all;
    for (std::size_t k = 0; k < kKindCount; ++k) {
        KindSchema& s = all[k];
        s.kind = static_cast<Kind>(k);
        detail::with_kind_type(s.kind, [&](auto tag) {
            typename decltype(tag)::type value{};
            SchemaVisitor visitor{s};
            detail::walk(visitor, value);
        });
        s.value_fields = s.fields.size();
    }
    for (const KindSchema& owner : all)
        for (const ChildList& list : owner.lists) all[static_cast<std::size_t>(list.kind)].parent_kind = owner.kind;
    for (KindSchema& s : all) {
        if (s.parent_kind && *s.parent_kind != Kind::workspace) {
            s.parent_slot = static_cast<int>(s.fields.size());
            s.fields.emplace_back("@parent");
        }
        if (is_ordered(s.kind)) {
            s.order_slot = static_cast<int>(s.fields.size());
            s.fields.emplace_back("@order");
        }
    }
    return all;
}

// Two FNV-1a lanes with different offsets, each finished with splitmix64: 128 bits that spread well.
// Not cryptographic: a hostile file that forges a collision only makes its own load fail (duplicate
// keys are reported), never another document's.
class KeyHash {
public:
    explicit KeyHash(std::string_view kind) { bytes(kind); }
    void bytes(std::string_view s) {
        for (const char c : s) byte(static_cast<unsigned char>(c));
        byte(0xFF);  // separator: ("ab","c") and ("a","bc") differ
    }
    void id(Id v) { number(v.hi); number(v.lo); }
    void number(std::uint64_t v) {
        for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>(v >> (8 * i)));
    }
    Id finish() const {
        Id out{mix(a_), mix(b_ ^ 0x9E3779B97F4A7C15ull)};
        out.hi = (out.hi & ~0xF000ull) | 0x8000ull;                       // version 8: "custom", never a random v4
        out.lo = (out.lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;  // RFC 4122 variant
        return out;
    }

private:
    std::uint64_t a_ = 0xCBF29CE484222325ull;
    std::uint64_t b_ = 0x84222325CBF29CE4ull;
    void byte(unsigned char c) {
        a_ = (a_ ^ c) * 0x100000001B3ull;
        b_ = (b_ ^ c) * 0x100000001B3ull + 0x2545F4914F6CDD1Dull;
    }
    static std::uint64_t mix(std::uint64_t z) {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

}  // namespace

std::string_view kind_name(Kind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }

std::optional<Kind> kind_from_name(std::string_view name) {
    for (std::size_t k = 0; k < kKindCount; ++k)
        if (kKindNames[k] == name) return static_cast<Kind>(k);
    return std::nullopt;
}

bool is_ordered(Kind kind) { return kind != Kind::workspace && kind != Kind::metric_value; }

const KindSchema& schema_of(Kind kind) {
    static const std::array<KindSchema, kKindCount> schemas = build_schemas();  // immutable table
    return schemas[static_cast<std::size_t>(kind)];
}

int KindSchema::slot(std::string_view field) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i] == field) return static_cast<int>(i);
    return -1;
}

Id emotion_key(Id journey, const EmotionScore& score, std::uint32_t occurrence) {
    KeyHash h("emotion_score");
    h.id(journey);
    h.id(score.lane);
    h.id(score.step);
    h.id(score.persona);
    h.number(occurrence);
    return h.finish();
}

Id score_key(Id opportunity, const CriterionScore& score, std::uint32_t occurrence) {
    KeyHash h("criterion_score");
    h.id(opportunity);
    h.id(score.criterion);
    h.number(occurrence);
    return h.finish();
}

Id metric_value_key(Id metric, const MetricValue& value, std::uint32_t occurrence) {
    KeyHash h("metric_value");
    h.id(metric);
    h.number(static_cast<std::uint64_t>(static_cast<std::int64_t>(value.date.days)));
    h.bytes(value.segment);
    h.number(occurrence);
    return h.finish();
}

Id link_key(const JourneyLink& link, std::uint32_t occurrence) {
    KeyHash h("journey_link");
    h.id(link.parent);
    h.id(link.child);
    h.id(link.stage);
    h.id(link.step);
    h.number(occurrence);
    return h.finish();
}

namespace detail {

std::string id_json(const Id& id) {
    if (id.is_nil()) return "null";
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(38, '"');
    std::size_t at = 1;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) out[at++] = '-';
        const std::uint64_t word = i < 16 ? id.hi : id.lo;
        out[at++] = kHex[(word >> (60 - 4 * (i % 16))) & 0xF];
    }
    return out;
}

bool plain_text(std::string_view text) {
    for (const char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\') return false;
    return true;
}

const std::map<std::string, std::uint32_t, std::less<>>& current_versions() {
    static const std::map<std::string, std::uint32_t, std::less<>> versions = [] {
        std::map<std::string, std::uint32_t, std::less<>> out;
        [&]<class... Ts>(TypeList<Ts...>) { (..., out.emplace(TypeName<Ts>::name, cereal::detail::Version<Ts>::version)); }(AllTypes{});
        return out;
    }();
    return versions;
}

ValueReader::ValueReader() : allocator_(buffer_, sizeof buffer_), doc_(&allocator_), reader_(current_versions()) {}

const rapidjson::Value& ValueReader::parse(std::string_view json) {
    constexpr unsigned kFlags =
        rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag;
    allocator_.Clear();
    doc_.Parse<kFlags>(json.data(), json.size());
    if (doc_.HasParseError()) reader_.fail("not a valid JSON value");
    return doc_;
}

}  // namespace detail

}  // namespace wm::io

namespace wm::io::detail {

namespace {
// Reads the value of one slot into a default struct and writes it back.
struct SlotVisitor {
    std::size_t target;
    std::string_view json;
    ValueReader& reader;
    ValueWriter& writer;
    CanonicalValue& out;
    std::size_t slot = 0;
    template <class U>
    void value(const std::string&, const char*, U& v) {
        if (slot++ != target) return;
        reader.read(json, v);
        out.text = writer(v);
    }
    template <class E>
    void list(const std::string&, const char*, std::vector<E>&) {}
};
}  // namespace

CanonicalValue Canonicalizer::operator()(Kind kind, std::size_t slot, std::string_view json) {
    const KindSchema& s = schema_of(kind);
    CanonicalValue out;
    if (slot >= s.fields.size()) {
        out.error = "no such field";
        return out;
    }
    const bool is_parent = static_cast<int>(slot) == s.parent_slot;
    if (is_parent || static_cast<int>(slot) == s.order_slot) {
        // Both are JSON strings: a UUID, or an order key.
        std::string text;
        try {
            reader_.read(json, text);
        } catch (const ReadError& e) {
            out.error = e.what;
            return out;
        }
        if (is_parent) {
            const auto id = Id::parse(text);
            if (!id || id->is_nil()) out.error = "not an id: " + quote_excerpt(text);
        } else if (!valid_order_key(text)) {
            out.error = "not an order key: " + quote_excerpt(text);
        }
        if (out.error.empty()) out.text = writer_(text);
        return out;
    }
    try {
        with_kind_type(kind, [&](auto tag) {
            typename decltype(tag)::type x{};
            SlotVisitor visitor{slot, json, reader_, writer_, out};
            walk(visitor, x);
        });
    } catch (const ReadError& e) {
        out.text.clear();
        out.error = e.what;
    }
    return out;
}

}  // namespace wm::io::detail
