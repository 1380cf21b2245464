// Stable text names of the model's enumerations, used in files, CSV and the UI.
// The names are part of the file format: never rename one, only add.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "model/model.hpp"

namespace wm {

template <class E>
struct EnumNames;  // specialised below: static constexpr std::array<std::string_view, N> names

template <> struct EnumNames<JourneyState> {
    static constexpr std::array<std::string_view, 2> names{"current", "to-be"};
};
template <> struct EnumNames<JourneyStatus> {
    static constexpr std::array<std::string_view, 4> names{"unmapped", "being-researched", "live", "prototype"};
};
template <> struct EnumNames<LaneKind> {
    static constexpr std::array<std::string_view, 9> names{"text",    "touchpoint",  "emotion", "pain",        "gain",
                                                           "insight", "opportunity", "metric",  "journey-link"};
};
template <> struct EnumNames<InsightType> {
    static constexpr std::array<std::string_view, 6> names{"quote", "observation", "need", "pain", "gain", "trend"};
};
template <> struct EnumNames<InsightSource> {
    static constexpr std::array<std::string_view, 5> names{"interview", "survey", "analytics", "support", "other"};
};
template <> struct EnumNames<Evidence> {
    static constexpr std::array<std::string_view, 3> names{"assumed", "observed", "validated"};
};
template <> struct EnumNames<OpportunityStatus> {
    static constexpr std::array<std::string_view, 5> names{"idea", "validated", "planned", "in-progress", "done"};
};
template <> struct EnumNames<CriterionGroup> {
    static constexpr std::array<std::string_view, 3> names{"customer", "business", "effort"};
};
template <> struct EnumNames<Direction> {
    static constexpr std::array<std::string_view, 2> names{"higher-is-better", "lower-is-better"};
};
template <> struct EnumNames<RollUp> {
    static constexpr std::array<std::string_view, 6> names{"none", "sum", "average", "weighted-average", "min", "max"};
};

template <class E>
constexpr std::string_view enum_name(E value) {
    const auto index = static_cast<std::size_t>(value);
    return index < EnumNames<E>::names.size() ? EnumNames<E>::names[index] : std::string_view{};
}

template <class E>
constexpr std::optional<E> enum_from_name(std::string_view text) {
    for (std::size_t i = 0; i < EnumNames<E>::names.size(); ++i)
        if (EnumNames<E>::names[i] == text) return static_cast<E>(i);
    return std::nullopt;
}

template <class E>
constexpr std::size_t enum_count() { return EnumNames<E>::names.size(); }

}  // namespace wm
