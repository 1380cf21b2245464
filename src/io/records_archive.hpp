// Internal to src/io: the archives that walk the serialize() functions of serialize.hpp to see a
// model struct as records (records.hpp). One walker classifies every field the same way for all of
// them, so the schema, decompose and compose cannot disagree about which field is which slot:
//   * "id" of a type that has one     -> the entity's key, not a record;
//   * a list of an entity type          -> a child list (its items are entities of their own);
//   * Settings, ScoringModel            -> flattened into the owner with a prefix ("settings.");
//   * anything else (colours included)  -> a record field, in serialize order.
// Include only from src/io/*.cpp.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "io/json_archive.hpp"
#include "io/records.hpp"

namespace wm::io::detail {

template <class T> struct KindOf;
#define WM_RECORD_KIND(T, K) \
    template <> struct KindOf<T> { static constexpr Kind value = Kind::K; };
WM_RECORD_KIND(Workspace, workspace)
WM_RECORD_KIND(Journey, journey)
WM_RECORD_KIND(Stage, stage)
WM_RECORD_KIND(Step, step)
WM_RECORD_KIND(Lane, lane)
WM_RECORD_KIND(Card, card)
WM_RECORD_KIND(EmotionScore, emotion_score)
WM_RECORD_KIND(JourneyLink, journey_link)
WM_RECORD_KIND(Persona, persona)
WM_RECORD_KIND(Insight, insight)
WM_RECORD_KIND(Opportunity, opportunity)
WM_RECORD_KIND(Solution, solution)
WM_RECORD_KIND(CriterionScore, criterion_score)
WM_RECORD_KIND(Metric, metric)
WM_RECORD_KIND(MetricValue, metric_value)
WM_RECORD_KIND(Channel, channel)
WM_RECORD_KIND(MaturityScan, maturity_scan)
WM_RECORD_KIND(Criterion, criterion)
#undef WM_RECORD_KIND

template <class T, class = void> struct IsEntity : std::false_type {};
template <class T> struct IsEntity<T, std::void_t<decltype(KindOf<T>::value)>> : std::true_type {};
template <class T> inline constexpr bool kIsEntity = IsEntity<T>::value;

template <class T> struct IsEntityList : std::false_type {};
template <class E> struct IsEntityList<std::vector<E>> : std::bool_constant<kIsEntity<E>> {};

template <class T> inline constexpr bool kIsFlattened = std::is_same_v<T, Settings> || std::is_same_v<T, ScoringModel>;

template <class T> struct TypeTag { using type = T; };

// Calls f(TypeTag<T>{}) for the struct type of `kind`.
template <class F>
decltype(auto) with_kind_type(Kind kind, F&& f) {
    switch (kind) {
    case Kind::workspace: return f(TypeTag<Workspace>{});
    case Kind::journey: return f(TypeTag<Journey>{});
    case Kind::stage: return f(TypeTag<Stage>{});
    case Kind::step: return f(TypeTag<Step>{});
    case Kind::lane: return f(TypeTag<Lane>{});
    case Kind::card: return f(TypeTag<Card>{});
    case Kind::emotion_score: return f(TypeTag<EmotionScore>{});
    case Kind::journey_link: return f(TypeTag<JourneyLink>{});
    case Kind::persona: return f(TypeTag<Persona>{});
    case Kind::insight: return f(TypeTag<Insight>{});
    case Kind::opportunity: return f(TypeTag<Opportunity>{});
    case Kind::solution: return f(TypeTag<Solution>{});
    case Kind::criterion_score: return f(TypeTag<CriterionScore>{});
    case Kind::metric: return f(TypeTag<Metric>{});
    case Kind::metric_value: return f(TypeTag<MetricValue>{});
    case Kind::channel: return f(TypeTag<Channel>{});
    case Kind::maturity_scan: return f(TypeTag<MaturityScan>{});
    case Kind::criterion: break;
    }
    return f(TypeTag<Criterion>{});
}

// The walker. Visitor receives:
//   value(prefix, name, U& v)            a record field (U a member type; colours as ColorField)
//   list(prefix, name, std::vector<E>&)  a child list
// `prefix` is "" or "settings." / "settings.scoring." for flattened members.
template <class Visitor>
class Walk {
public:
    explicit Walk(Visitor& visitor) : v_(visitor) {}

    template <class... Fs>
    void operator()(Fs&&... fs) { (one(fs), ...); }

    template <class T>
    void entity(T& x) { serialize(*this, x, cereal::detail::Version<T>::version); }

private:
    Visitor& v_;
    std::string prefix_;

    template <class U>
    void one(Field<U>& f) {
        if constexpr (std::is_same_v<U, Id>) {
            if (std::string_view(f.name) == "id" && prefix_.empty()) return;  // the key
            v_.value(prefix_, f.name, f.value);
        } else if constexpr (IsEntityList<U>::value) {
            v_.list(prefix_, f.name, f.value);
        } else if constexpr (kIsFlattened<U>) {
            const std::size_t saved = prefix_.size();
            prefix_ += f.name;
            prefix_ += '.';
            serialize(*this, f.value, cereal::detail::Version<U>::version);
            prefix_.resize(saved);
        } else {
            v_.value(prefix_, f.name, f.value);
        }
    }
    void one(ColorField& f) { v_.value(prefix_, f.name, f); }
};

template <class Visitor, class T>
void walk(Visitor& visitor, T& x) {
    Walk<Visitor>(visitor).entity(x);
}

// Whether the type has its own "id" (id-less kinds get synthetic keys).
template <class T>
inline constexpr bool kHasId = !std::is_same_v<T, EmotionScore> && !std::is_same_v<T, CriterionScore> &&
                               !std::is_same_v<T, MetricValue> && !std::is_same_v<T, JourneyLink> &&
                               !std::is_same_v<T, Workspace>;

// The canonical compact JSON of one value (what the file writer writes for it, without spaces).
// The writer's text of an id ("\"<uuid>\"", or null), without going through a Writer: ids are most
// of the values a workspace has, so this is decompose's hottest path.
std::string id_json(const Id& id);
// True when the writer would write `text` as it is between quotes (nothing to escape).
bool plain_text(std::string_view text);

class ValueWriter {
public:
    ValueWriter() : writer_(buffer_) {}
    template <class U>
    std::string operator()(const U& v) {
        // Fast paths that give exactly what the writer gives (tests/unit/records_test.cpp checks).
        if constexpr (std::is_same_v<U, Id>) {
            return id_json(v);
        } else if constexpr (std::is_same_v<U, bool>) {
            return v ? "true" : "false";
        } else if constexpr (std::is_same_v<U, int>) {
            return std::to_string(v);
        } else if constexpr (std::is_same_v<U, std::string>) {
            if (plain_text(v)) {
                std::string out;
                out.reserve(v.size() + 2);
                out += '"';
                out += v;
                out += '"';
                return out;
            }
        } else if constexpr (std::is_same_v<U, std::vector<Id>>) {
            std::string out = "[";
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i) out += ',';
                out += id_json(v[i]);
            }
            out += ']';
            return out;
        }
        buffer_.Clear();
        writer_.Reset(buffer_);
        CompactJsonWriter out(writer_);
        if constexpr (std::is_same_v<U, ColorField>) out.value(color_text(v.value));
        else out.value(v);
        return std::string(buffer_.GetString(), buffer_.GetSize());
    }

private:
    rapidjson::StringBuffer buffer_;
    rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

// Every type at the version this build writes: what a JsonReader needs to read one value.
const std::map<std::string, std::uint32_t, std::less<>>& current_versions();

// Reads record values back into a struct's members: parse(slot text) for each record field in
// order. Throws ReadError (with the field's name as its place) on a value of the wrong type.
class ValueReader {
public:
    ValueReader();
    ValueReader(const ValueReader&) = delete;
    ValueReader& operator=(const ValueReader&) = delete;
    // Parses `json` into `out` (any member type, or a ColorField).
    template <class U>
    void read(std::string_view json, U& out);

private:
    char buffer_[4096];                     // small values parse without touching the heap
    rapidjson::MemoryPoolAllocator<> allocator_;
    rapidjson::Document doc_;
    JsonReader reader_;
    const rapidjson::Value& parse(std::string_view json);
};

template <class U>
void ValueReader::read(std::string_view json, U& out) {
    const rapidjson::Value& v = parse(json);
    if constexpr (std::is_same_v<U, ColorField>) {
        if (!v.IsString()) reader_.fail("expected a colour (\"#rrggbb\"), found " + describe(v));
        const auto c = parse_color(std::string_view(v.GetString(), v.GetStringLength()));
        if (!c) reader_.fail("not a colour (#rrggbb): " + quote_excerpt(std::string_view(v.GetString(), v.GetStringLength())));
        out.value = *c;
    } else {
        reader_.value(v, out);
    }
}

}  // namespace wm::io::detail

namespace wm::io::detail {

// The canonical text of a value given for field `slot` of `kind`, or why it is not a value of that
// field: every value that arrives from outside (a file's merge history, records from a peer) goes
// through here, so that equal values are equal strings ("4" for a number field becomes "4.0", as
// the writer writes it) and no value reaches compose that would not read back.
struct CanonicalValue {
    std::string text;
    std::string error;  // empty when `text` is set
};
class Canonicalizer {
public:
    CanonicalValue operator()(Kind kind, std::size_t slot, std::string_view json);

private:
    ValueReader reader_;
    ValueWriter writer_;
};

}  // namespace wm::io::detail
