// How each model type is serialized: one non-intrusive, versioned `serialize` per type, shared by
// the binary snapshots (cereal PortableBinary) and the JSON files (json_archive.hpp).
//
// Versions: every type carries CEREAL_CLASS_VERSION from the first commit (cereal #813: data saved
// before versioning cannot be read after). All start at 1. To add a field to a type, bump its version
// here and read the field additively:   if (version >= 2) ar(WM_FIELD(x, new_field));
// cereal stores the versions inside a snapshot; a JSON file lists them in its header ("types").
//
// Fields are passed as Field<T> (name, reference, limit) rather than cereal's NameValuePair so that
// both archives can bound what they read: the binary loader checks every count and string length
// against model/limits.hpp *before* allocating (cereal's own std::vector / std::string loaders
// resize to whatever size the stream claims, which lets an 80-byte snapshot ask for exabytes).
//
// Include this header only from src/io/*.cpp: it pulls in cereal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>

#include "model/enum_names.hpp"
#include "model/limits.hpp"
#include "model/model.hpp"

namespace wm::io::detail {

// The name a type has in a JSON file's "types" table (see WM_IO_TYPE below).
template <class T>
struct TypeName;

// Largest element count accepted for a std::vector<T> field (per list; totals are validate()'s job).
template <class T> inline constexpr std::size_t kListLimit = 0;  // 0: a list of T is not expected
template <> inline constexpr std::size_t kListLimit<Id> = limits::kMaxRefs;
template <> inline constexpr std::size_t kListLimit<std::string> = limits::kMaxStrings;
template <> inline constexpr std::size_t kListLimit<Step> = limits::kMaxSteps;
template <> inline constexpr std::size_t kListLimit<Stage> = limits::kMaxStages;
template <> inline constexpr std::size_t kListLimit<Lane> = limits::kMaxLanes;
template <> inline constexpr std::size_t kListLimit<Card> = limits::kMaxCards;
template <> inline constexpr std::size_t kListLimit<EmotionScore> = limits::kMaxEmotionScores;
template <> inline constexpr std::size_t kListLimit<Journey> = limits::kMaxJourneys;
template <> inline constexpr std::size_t kListLimit<JourneyLink> = limits::kMaxLinks;
template <> inline constexpr std::size_t kListLimit<Persona> = limits::kMaxPersonas;
template <> inline constexpr std::size_t kListLimit<StepRef> = limits::kMaxRefs;
template <> inline constexpr std::size_t kListLimit<Insight> = limits::kMaxInsights;
template <> inline constexpr std::size_t kListLimit<CriterionScore> = limits::kMaxCriteria;
template <> inline constexpr std::size_t kListLimit<Solution> = limits::kMaxSolutions;
template <> inline constexpr std::size_t kListLimit<Opportunity> = limits::kMaxOpportunities;
template <> inline constexpr std::size_t kListLimit<MetricValue> = limits::kMaxMetricValues;
template <> inline constexpr std::size_t kListLimit<Metric> = limits::kMaxMetrics;
template <> inline constexpr std::size_t kListLimit<Channel> = limits::kMaxChannels;
template <> inline constexpr std::size_t kListLimit<ScanAnswer> = limits::kMaxScanAnswers;
template <> inline constexpr std::size_t kListLimit<MaturityScan> = limits::kMaxScans;
template <> inline constexpr std::size_t kListLimit<Criterion> = limits::kMaxCriteria;

template <class T>
struct Field {
    const char* name;
    T& value;
};
// A std::uint32_t that is a colour: "#rrggbb" in JSON.
struct ColorField {
    const char* name;
    std::uint32_t& value;
};

template <class T>
Field<T> field(const char* name, T& value) { return {name, value}; }
inline ColorField color_field(const char* name, std::uint32_t& value) { return {name, value}; }

template <class T> struct IsVector : std::false_type {};
template <class T> struct IsVector<std::vector<T>> : std::true_type { using element = T; };
template <class T> struct IsOptional : std::false_type {};
template <class T> struct IsOptional<std::optional<T>> : std::true_type { using element = T; };

// Thrown by the binary loader for values cereal itself cannot judge; file_format.cpp turns it into
// an error message. Never escapes src/io.
struct BinaryError {
    std::string what;
};

// ---------------------------------------------------------------------------------------------
// Binary (cereal PortableBinary): fixed-width little-endian values, counts as uint64, enums as
// uint8 indices (indices are as stable as the names: enum_names.hpp only ever appends).
// ---------------------------------------------------------------------------------------------
template <class T>
void put(cereal::PortableBinaryOutputArchive& ar, const T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
        ar(static_cast<std::uint64_t>(v.size()));
        ar(cereal::binary_data(v.data(), v.size()));
    } else if constexpr (std::is_same_v<T, Id>) {
        ar(v.hi, v.lo);
    } else if constexpr (std::is_same_v<T, Date>) {
        ar(v.days);
    } else if constexpr (std::is_enum_v<T>) {
        ar(static_cast<std::uint8_t>(v));
    } else if constexpr (std::is_arithmetic_v<T>) {
        ar(v);
    } else if constexpr (IsOptional<T>::value) {
        ar(v.has_value());
        if (v) put(ar, *v);
    } else if constexpr (IsVector<T>::value) {
        ar(static_cast<std::uint64_t>(v.size()));
        for (const auto& item : v) put(ar, item);
    } else {
        ar(v);  // a model struct: cereal records its class version, then calls wm::serialize
    }
}

template <class T>
void get(cereal::PortableBinaryInputArchive& ar, T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
        std::uint64_t n = 0;
        ar(n);
        if (n > limits::kMaxTextBytes) throw BinaryError{"a text of " + std::to_string(n) + " bytes is over the limit"};
        v.resize(static_cast<std::size_t>(n));
        ar(cereal::binary_data(v.data(), v.size()));
    } else if constexpr (std::is_same_v<T, Id>) {
        ar(v.hi, v.lo);
    } else if constexpr (std::is_same_v<T, Date>) {
        ar(v.days);
    } else if constexpr (std::is_enum_v<T>) {
        std::uint8_t raw = 0;
        ar(raw);
        if (raw >= enum_count<T>()) throw BinaryError{"unknown enumeration value " + std::to_string(raw)};
        v = static_cast<T>(raw);
    } else if constexpr (std::is_same_v<T, bool>) {
        std::uint8_t raw = 0;  // read as a byte: a bool holding 0x02 is undefined behaviour
        ar(raw);
        if (raw > 1) throw BinaryError{"a flag holds " + std::to_string(raw)};
        v = raw != 0;
    } else if constexpr (std::is_arithmetic_v<T>) {
        ar(v);
    } else if constexpr (IsOptional<T>::value) {
        bool present = false;
        get(ar, present);
        if (present) {
            typename IsOptional<T>::element item{};
            get(ar, item);
            v = std::move(item);
        } else {
            v.reset();
        }
    } else if constexpr (IsVector<T>::value) {
        using E = typename IsVector<T>::element;
        std::uint64_t n = 0;
        ar(n);
        if (n > kListLimit<E>) throw BinaryError{"a list of " + std::to_string(n) + " entries is over the limit"};
        // Grow one element at a time: a lying count runs out of bytes before it runs out of memory.
        v.clear();
        for (std::uint64_t i = 0; i < n; ++i) {
            E item{};
            get(ar, item);
            v.push_back(std::move(item));
        }
    } else {
        ar(v);
    }
}

// cereal finds these by ADL when a serialize function calls ar(field(...)) on a binary archive.
template <class T>
void save(cereal::PortableBinaryOutputArchive& ar, const Field<T>& f) { put(ar, f.value); }
template <class T>
void load(cereal::PortableBinaryInputArchive& ar, Field<T>& f) { get(ar, f.value); }
inline void save(cereal::PortableBinaryOutputArchive& ar, const ColorField& f) { ar(f.value); }
inline void load(cereal::PortableBinaryInputArchive& ar, ColorField& f) { ar(f.value); }

}  // namespace wm::io::detail

// Registers a model type: its cereal class version and its name in a JSON file's "types" table.
#define WM_IO_TYPE(T, NAME, VERSION)                                  \
    CEREAL_CLASS_VERSION(T, VERSION)                                  \
    template <>                                                       \
    struct wm::io::detail::TypeName<T> {                              \
        static constexpr const char* name = NAME;                     \
    };

WM_IO_TYPE(wm::Step, "step", 1)
WM_IO_TYPE(wm::Stage, "stage", 1)
WM_IO_TYPE(wm::Lane, "lane", 1)
WM_IO_TYPE(wm::Card, "card", 1)
WM_IO_TYPE(wm::EmotionScore, "emotion_score", 1)
WM_IO_TYPE(wm::Journey, "journey", 1)
WM_IO_TYPE(wm::JourneyLink, "journey_link", 1)
WM_IO_TYPE(wm::Persona, "persona", 1)
WM_IO_TYPE(wm::StepRef, "step_ref", 1)
WM_IO_TYPE(wm::Insight, "insight", 1)
WM_IO_TYPE(wm::CriterionScore, "criterion_score", 1)
WM_IO_TYPE(wm::Solution, "solution", 1)
WM_IO_TYPE(wm::Opportunity, "opportunity", 1)
WM_IO_TYPE(wm::MetricValue, "metric_value", 1)
WM_IO_TYPE(wm::Metric, "metric", 1)
WM_IO_TYPE(wm::Channel, "channel", 1)
WM_IO_TYPE(wm::ScanAnswer, "scan_answer", 1)
WM_IO_TYPE(wm::MaturityScan, "maturity_scan", 1)
WM_IO_TYPE(wm::Criterion, "criterion", 1)
WM_IO_TYPE(wm::ScoringModel, "scoring_model", 1)
WM_IO_TYPE(wm::Settings, "settings", 1)
WM_IO_TYPE(wm::Workspace, "workspace", 1)

namespace wm::io::detail {
// Every registered type, in the order the JSON header lists them.
template <class... Ts> struct TypeList {};
using AllTypes = TypeList<Workspace, Settings, ScoringModel, Criterion, Journey, Stage, Step, Lane, Card,
                          EmotionScore, JourneyLink, Persona, StepRef, Insight, Opportunity, CriterionScore,
                          Solution, Metric, MetricValue, Channel, MaturityScan, ScanAnswer>;
}  // namespace wm::io::detail

// Field order here is the order in files. `version` is the type's version in the data being read
// (the current one when writing).
#define WM_FIELD(obj, member) ::wm::io::detail::field(#member, obj.member)
#define WM_COLOR(obj, member) ::wm::io::detail::color_field(#member, obj.member)

namespace wm {

template <class Ar> void serialize(Ar& ar, Step& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, name), WM_FIELD(x, description), WM_FIELD(x, moment_of_truth));
}
template <class Ar> void serialize(Ar& ar, Stage& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, name), WM_FIELD(x, steps));
}
template <class Ar> void serialize(Ar& ar, Lane& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, name), WM_FIELD(x, kind), WM_FIELD(x, layer), WM_COLOR(x, color),
       WM_FIELD(x, collapsed));
}
template <class Ar> void serialize(Ar& ar, Card& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, lane), WM_FIELD(x, step), WM_FIELD(x, text), WM_FIELD(x, personas),
       WM_FIELD(x, severity), WM_FIELD(x, channel), WM_FIELD(x, insights), WM_FIELD(x, opportunities));
}
template <class Ar> void serialize(Ar& ar, EmotionScore& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, lane), WM_FIELD(x, step), WM_FIELD(x, persona), WM_FIELD(x, score));
}
template <class Ar> void serialize(Ar& ar, Journey& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, title), WM_FIELD(x, description), WM_FIELD(x, level), WM_FIELD(x, state),
       WM_FIELD(x, counterpart), WM_FIELD(x, owner), WM_FIELD(x, status), WM_FIELD(x, personas), WM_FIELD(x, tags),
       WM_FIELD(x, metrics), WM_FIELD(x, stages), WM_FIELD(x, lanes), WM_FIELD(x, cards), WM_FIELD(x, emotions));
}
template <class Ar> void serialize(Ar& ar, JourneyLink& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, parent), WM_FIELD(x, child), WM_FIELD(x, stage), WM_FIELD(x, step));
}
template <class Ar> void serialize(Ar& ar, Persona& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, name), WM_FIELD(x, role), WM_FIELD(x, segment), WM_FIELD(x, quote),
       WM_FIELD(x, goals), WM_FIELD(x, needs), WM_FIELD(x, pains), WM_FIELD(x, jobs), WM_FIELD(x, initials),
       WM_COLOR(x, color));
}
template <class Ar> void serialize(Ar& ar, StepRef& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, journey), WM_FIELD(x, step));
}
template <class Ar> void serialize(Ar& ar, Insight& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, title), WM_FIELD(x, text), WM_FIELD(x, type), WM_FIELD(x, source),
       WM_FIELD(x, source_detail), WM_FIELD(x, evidence), WM_FIELD(x, last_validated), WM_FIELD(x, impact),
       WM_FIELD(x, personas), WM_FIELD(x, steps), WM_FIELD(x, tags));
}
template <class Ar> void serialize(Ar& ar, CriterionScore& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, criterion), WM_FIELD(x, value));
}
template <class Ar> void serialize(Ar& ar, Solution& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, title), WM_FIELD(x, description), WM_FIELD(x, status));
}
template <class Ar> void serialize(Ar& ar, Opportunity& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, title), WM_FIELD(x, description), WM_FIELD(x, owner), WM_FIELD(x, status),
       WM_FIELD(x, will_not_do), WM_FIELD(x, will_not_do_reason), WM_FIELD(x, journeys), WM_FIELD(x, steps),
       WM_FIELD(x, insights), WM_FIELD(x, personas), WM_FIELD(x, scores), WM_FIELD(x, solutions));
}
template <class Ar> void serialize(Ar& ar, MetricValue& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, date), WM_FIELD(x, value), WM_FIELD(x, segment));
}
template <class Ar> void serialize(Ar& ar, Metric& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, name), WM_FIELD(x, unit), WM_FIELD(x, description), WM_FIELD(x, owner),
       WM_FIELD(x, direction), WM_FIELD(x, target), WM_FIELD(x, journey), WM_FIELD(x, stage), WM_FIELD(x, step),
       WM_FIELD(x, rollup), WM_FIELD(x, rollup_inputs), WM_FIELD(x, weight), WM_FIELD(x, values));
}
template <class Ar> void serialize(Ar& ar, Channel& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, name), WM_FIELD(x, owned));
}
template <class Ar> void serialize(Ar& ar, ScanAnswer& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, question), WM_FIELD(x, stage));
}
template <class Ar> void serialize(Ar& ar, MaturityScan& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, date), WM_FIELD(x, note), WM_FIELD(x, answers));
}
template <class Ar> void serialize(Ar& ar, Criterion& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, name), WM_FIELD(x, description), WM_FIELD(x, group), WM_FIELD(x, weight),
       WM_FIELD(x, scale_min), WM_FIELD(x, scale_max));
}
template <class Ar> void serialize(Ar& ar, ScoringModel& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, preset), WM_FIELD(x, evidence_weight), WM_FIELD(x, criteria));
}
template <class Ar> void serialize(Ar& ar, Settings& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, level_names), WM_FIELD(x, emotion_min), WM_FIELD(x, emotion_max), WM_FIELD(x, stale_after_days),
       WM_FIELD(x, default_template), WM_FIELD(x, scoring));
}
template <class Ar> void serialize(Ar& ar, Workspace& x, std::uint32_t const /*version*/) {
    ar(WM_FIELD(x, id), WM_FIELD(x, name), WM_FIELD(x, settings), WM_FIELD(x, personas), WM_FIELD(x, channels),
       WM_FIELD(x, journeys), WM_FIELD(x, links), WM_FIELD(x, insights), WM_FIELD(x, opportunities),
       WM_FIELD(x, metrics), WM_FIELD(x, scans));
}

}  // namespace wm
