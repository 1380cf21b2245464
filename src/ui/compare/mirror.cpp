// The compare view for screen readers: see mirror.hpp.
#include "ui/compare/mirror.hpp"

#include "ui/compare/view.hpp"
#include "ui/kit/derived.hpp"
#include "model/words.hpp"
#include "ui/kit/mirror_page.hpp"

namespace wm::ui {
namespace {

std::string quoted(std::string_view text) { return "\xE2\x80\x9C" + std::string(text) + "\xE2\x80\x9D"; }
std::string title_of(const Journey& j) { return j.title.empty() ? "(untitled journey)" : j.title; }

std::string change_text(DiffKind kind) {
    switch (kind) {
        case DiffKind::added: return "Added in the to-be";
        case DiffKind::removed: return "Removed";
        case DiffKind::changed: return "Changed";
        case DiffKind::same: break;
    }
    return "Same";
}

// One side of a step: "Pains: “Queue at the counter” (added); “Slow app” (edited, was “App”). Emotion:
// Anna 2." — lane by lane, only lanes with something on that side.
std::string side_text(const Workspace& ws, const JourneyDiff& d, const StepDiff& row, bool to_be) {
    std::string out;
    for (const CellDiff& cell : row.cells) {
        std::string items;
        for (const CardSide& card : to_be ? cell.to_be : cell.current) {
            if (!items.empty()) items += "; ";
            items += quoted(card.text.empty() ? "(empty card)" : card.text);
            if (card.kind == DiffKind::added) items += " (added)";
            else if (card.kind == DiffKind::removed) items += " (removed)";
            else if (card.kind == DiffKind::changed) items += card.other.empty() ? " (edited)" : " (edited, was " + quoted(card.other) + ")";
        }
        for (const ScoreDiff& score : cell.scores) {
            const auto& value = to_be ? score.after : score.before;
            if (!value) continue;
            if (!items.empty()) items += "; ";
            const Persona* p = find_by_id(ws.personas, score.persona);
            items += (p ? p->name : std::string("Everyone")) + " " + std::to_string(*value);
            if (score.kind == DiffKind::changed) items += " (changed)";
        }
        if (items.empty()) continue;
        if (!out.empty()) out += ". ";
        out += (cell.lane < d.lanes.size() ? d.lanes[cell.lane].name : std::string("Lane")) + ": " + items;
    }
    return out.empty() ? "Nothing" : out;
}

std::string stage_text(const JourneyDiff& d, const StepDiff& row) {
    if (row.stage >= d.stages.size()) return {};
    const StageDiff& s = d.stages[row.stage];
    return s.to_be_name.empty() ? s.current_name : s.to_be_name;
}

}  // namespace

std::string compare_mirror(const Workspace& ws, const UiState& ui, const Derived& derived) {
    const Journey* journey = find_by_id(ws.journeys, ui.place.id);
    if (!journey) {
        MirrorPage page("compare", "Compare");
        page.text("This journey no longer exists in the workspace.");
        page.buttons({{"framework", "Back to the framework"}});
        return std::move(page).done();
    }
    const auto pair = compare_pair(ws, journey->id, ui.compare.to_be);
    if (!pair) {
        MirrorPage page("compare", "Compare: " + title_of(*journey));
        std::vector<MirrorButton> buttons;
        if (journey->state == JourneyState::to_be) {
            page.text(quoted(title_of(*journey)) + " is a to-be journey that redesigns no current journey, so there is nothing to compare it with.");
        } else {
            page.text(quoted(title_of(*journey)) + " has no to-be journey yet. Create one to redesign it: a linked copy you can change and compare.");
            buttons.push_back({"create-to-be", "Create to-be"});
        }
        buttons.push_back({"open-map", "Open the map"});
        page.buttons(buttons);
        return std::move(page).done();
    }
    const Journey& current = *find_by_id(ws.journeys, pair->first);
    const Journey& to_be = *find_by_id(ws.journeys, pair->second);
    const JourneyDiff& d = derived.compare(current, to_be);
    MirrorPage page("compare", "Current vs to-be: " + title_of(current) + " and " + title_of(to_be));
    std::string summary = d.summary() + ".";
    if (d.stages_changed > 0) summary += " " + count_of(static_cast<long long>(d.stages_changed), "stage", "stages") + " added, removed, renamed or moved.";
    std::size_t lanes_added = 0, lanes_removed = 0;
    for (const auto& lane : d.lanes) lanes_added += lane.diff == DiffKind::added, lanes_removed += lane.diff == DiffKind::removed;
    if (lanes_added + lanes_removed > 0)
        summary += " Lanes: " + std::to_string(lanes_added) + " added, " + std::to_string(lanes_removed) + " removed.";
    page.text(summary);
    std::vector<MirrorButton> buttons = {{"open-current", "Open the current map, " + quoted(title_of(current))},
                                         {"open-to-be", "Open the to-be map, " + quoted(title_of(to_be))},
                                         {"only-differences", "Only differences", false, ui.compare.only_differences}};
    for (const Journey& j : ws.journeys)
        if (j.counterpart == current.id && j.id != current.id && j.id != to_be.id)
            buttons.push_back({"compare-with", "Compare with the to-be " + quoted(title_of(j)), false, std::nullopt, j.id.str()});
    page.buttons(buttons);

    std::size_t shown = 0;
    for (const StepDiff& row : d.steps) shown += !(ui.compare.only_differences && row.kind == DiffKind::same);
    std::string caption = "Steps of the current journey and the to-be, aligned: " + std::to_string(shown) + " shown";
    if (ui.compare.only_differences) caption += ", only those that differ";
    if (shown > kMirrorCompareSteps) caption += "; the first " + std::to_string(kMirrorCompareSteps) + " are listed here";
    page.begin_table(caption, {"Step", "Stage", "Change", "Current", "To-be"}, 0);
    std::size_t listed = 0;
    for (const StepDiff& row : d.steps) {
        if (ui.compare.only_differences && row.kind == DiffKind::same) continue;
        if (++listed > kMirrorCompareSteps) break;
        const std::string name = row.to_be_name.empty() ? row.current_name : row.to_be_name;
        std::string change = change_text(row.kind);
        const std::string what = row.what_changed(d);
        if (!what.empty() && row.kind == DiffKind::changed) change += ": " + what;
        page.row((row.to_be.is_nil() ? row.current : row.to_be).str(),
                 {name.empty() ? "(unnamed step)" : name, stage_text(d, row), change,
                  row.current.is_nil() ? "Not in the current journey" : side_text(ws, d, row, false),
                  row.to_be.is_nil() ? "Not in the to-be" : side_text(ws, d, row, true)});
    }
    page.end_table();
    return std::move(page).done();
}

}  // namespace wm::ui
