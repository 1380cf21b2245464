// Internal to src/edit: locators (where a recorded change writes) and small lookups shared by the
// command files.
//
// A locator is a lambda from the workspace to a field or list, capturing Ids for the few, stable
// containers (journeys, stages, steps, lanes) and positions for the big ones (cards, repository
// items): see change.hpp for why positions are safe inside recorded changes.
#pragma once

#include <cassert>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "edit/change.hpp"

namespace wm::edit::loc {

inline Journey& journey(Workspace& ws, Id id) {
    Journey* found = find_by_id(ws.journeys, id);
    assert(found && "a recorded change outlived its journey");
    return *found;
}
inline Stage& stage(Workspace& ws, Id j, Id s) {
    Stage* found = find_by_id(journey(ws, j).stages, s);
    assert(found);
    return *found;
}
inline Step& step(Workspace& ws, Id j, Id s) {
    Step* found = find_step(journey(ws, j), s);
    assert(found);
    return *found;
}
inline Lane& lane(Workspace& ws, Id j, Id l) {
    Lane* found = find_by_id(journey(ws, j).lanes, l);
    assert(found);
    return *found;
}

// Workspace members and settings.
template <class F>
auto ws_field(F Workspace::*member) {
    return [member](Workspace& ws) -> F& { return ws.*member; };
}
template <class F>
auto settings_field(F Settings::*member) {
    return [member](Workspace& ws) -> F& { return ws.settings.*member; };
}
template <class F>
auto scoring_field(F ScoringModel::*member) {
    return [member](Workspace& ws) -> F& { return ws.settings.scoring.*member; };
}
inline auto criteria() {
    return [](Workspace& ws) -> std::vector<Criterion>& { return ws.settings.scoring.criteria; };
}
inline auto level_name(std::size_t index) {
    return [index](Workspace& ws) -> std::string& { return ws.settings.level_names[index]; };
}

// An element of a workspace list by position (journeys, links and repositories).
template <class T>
auto item(std::vector<T> Workspace::*list, std::size_t index) {
    return [list, index](Workspace& ws) -> T& { return (ws.*list)[index]; };
}
template <class T, class F>
auto item_field(std::vector<T> Workspace::*list, std::size_t index, F T::*member) {
    return [list, index, member](Workspace& ws) -> F& { return (ws.*list)[index].*member; };
}

// Journey parts.
template <class F>
auto journey_field(Id j, F Journey::*member) {
    return [j, member](Workspace& ws) -> F& { return journey(ws, j).*member; };
}
inline auto steps_of(Id j, Id s) {
    return [j, s](Workspace& ws) -> std::vector<Step>& { return stage(ws, j, s).steps; };
}
template <class F>
auto stage_field(Id j, Id s, F Stage::*member) {
    return [j, s, member](Workspace& ws) -> F& { return stage(ws, j, s).*member; };
}
template <class F>
auto step_field(Id j, Id s, F Step::*member) {
    return [j, s, member](Workspace& ws) -> F& { return step(ws, j, s).*member; };
}
template <class F>
auto lane_field(Id j, Id l, F Lane::*member) {
    return [j, l, member](Workspace& ws) -> F& { return lane(ws, j, l).*member; };
}
template <class F>
auto card_field(Id j, std::size_t index, F Card::*member) {
    return [j, index, member](Workspace& ws) -> F& { return journey(ws, j).cards[index].*member; };
}
template <class F>
auto emotion_field(Id j, std::size_t index, F EmotionScore::*member) {
    return [j, index, member](Workspace& ws) -> F& { return journey(ws, j).emotions[index].*member; };
}

}  // namespace wm::edit::loc

namespace wm::edit::detail {

// Position of the element with this id, or npos.
template <class T>
std::size_t index_of(const std::vector<T>& list, Id id) {
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].id == id) return i;
    return static_cast<std::size_t>(-1);
}
constexpr std::size_t npos = static_cast<std::size_t>(-1);

inline bool contains(const std::vector<Id>& ids, Id id) {
    for (const Id& x : ids)
        if (x == id) return true;
    return false;
}
inline std::vector<Id> without(const std::vector<Id>& ids, Id id) {
    std::vector<Id> out;
    out.reserve(ids.size());
    for (const Id& x : ids)
        if (x != id) out.push_back(x);
    return out;
}

// “name” for labels and messages, shortened on a UTF-8 boundary so a pasted essay does not become a
// menu item.
std::string quoted(std::string_view name);

// Labels for nameless things fall back to a noun: “(untitled)”.
inline std::string quoted_or(std::string_view name, std::string_view fallback) {
    return name.empty() ? std::string(fallback) : quoted(name);
}

}  // namespace wm::edit::detail
