// Geometry of the framework grid (pure: no ImGui). The lifecycle's (level-0) stages run across as
// columns, the framework's levels run down as rows, and every journey is a tile in the column of
// the lifecycle stage it ultimately hangs from and the row of its level. Inside a cell, children are
// grouped under the parent and anchor they hang from (a group heading "Parent › step"), groups in the
// order of their parents in the row above, so nesting stays visible; a collapsed journey hides its
// descendants, a collapsed level hides its row.
//
// Placement follows a journey's *first* link (Workspace::links order), the same one the breadcrumbs
// follow; a journey with several parents is drawn once. Journeys that reach no lifecycle stage go to
// a last "Not placed" column, so nothing is hidden.
//
// Coordinates are body units, like the journey map: the stage header band and the level label column
// are sticky and sized by the view; (0, 0) is the top-left of the first cell.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "layout/journey_layout.hpp"   // Rect, Camera
#include "model/model.hpp"

namespace wm::layout {

struct FrameworkMetrics {
    float label_width = 150;     // sticky level-label column
    float stage_header = 78;     // sticky stage header band (name, coverage, KPI sparkline)
    float column_width = 248;    // one lifecycle stage column
    float tile_width = 224;
    float tile_height = 104;
    float tile_compact = 40;     // a tile of a collapsed level's summary, or semantic zoom
    float tile_gap = 10;
    float group_header = 22;     // "Parent › step" above a group of children
    float cell_pad = 12;
    float row_min = 72;          // least height of an expanded level row
    float row_collapsed = 30;
    float unmapped_line = 18;    // one "unmapped step" line listed in a tile (coverage filter)
};

struct FwColumn {
    Id stage;                    // the lifecycle stage; nil for the "Not placed" column
    std::string name;
    float x = 0, w = 0;
    int journeys = 0;            // journeys placed in the column, shown or folded away
};

struct FwRow {
    int level = 1;
    std::string name;            // from the workspace settings ("" beyond them)
    float y = 0, h = 0;
    bool collapsed = false;
    int journeys = 0;            // tiles in the row, shown or not
};

struct FwTile {
    Id journey;
    int column = 0, row = 0;
    Rect rect;
    Id parent;                   // the first link's parent (nil when not placed)
    int group = -1;              // index into groups (level >= 2, or not under the lifecycle directly)
    int hidden = 0;              // descendants hidden because this tile is collapsed
    bool has_children = false;
    std::vector<Id> unmapped_steps;   // listed in the tile when FrameworkOptions::list_unmapped_steps
};

struct FwGroup {
    Id parent, stage, step;      // the anchor the group's journeys hang from
    int column = 0, row = 0;
    Rect rect;                   // the heading
    float bottom = 0;            // of the group's last tile
    std::string label;           // "Parent title › Step name"
    int parent_tile = -1;        // the parent's tile, if drawn (an edge runs from it to the heading)
};

struct FrameworkLayout {
    Id lifecycle;                // nil: no lifecycle journey with stages (no grid)
    std::vector<FwColumn> columns;
    std::vector<FwRow> rows;
    std::vector<FwTile> tiles;   // row by row; within a row column by column, top to bottom
    std::vector<FwGroup> groups;
    float width = 0, height = 0;
    FrameworkMetrics metrics;

    [[nodiscard]] int tile_at(float x, float y) const;          // -1 if none
    [[nodiscard]] int column_at(float x) const;                  // -1 outside
    [[nodiscard]] int row_at(float y) const;                     // -1 outside
    [[nodiscard]] int tile_of(Id journey) const;                 // -1 if not drawn
    [[nodiscard]] Rect cell(int column, int row) const;
};

struct FrameworkOptions {
    std::vector<Id> collapsed;           // journeys whose descendants are hidden
    std::vector<int> collapsed_levels;   // levels whose row is folded
    bool list_unmapped_steps = false;    // tiles list their steps that have no child journey
};

FrameworkLayout layout_framework(const Workspace& ws, const FrameworkOptions& options,
                                 const FrameworkMetrics& metrics = {});

// Per journey, what the tiles and the coverage filters show (index = Workspace::journeys order).
struct JourneyFacts {
    int insights = 0;             // insights linked to its steps
    int evidenced = 0;            // of which observed or validated
    int opportunities = 0;        // opportunities naming the journey or one of its steps
    int metrics = 0;              // KPIs anchored on it, its stages or steps
    int steps = 0, mapped_steps = 0;   // steps, and steps with a child journey anchored there
    bool has_to_be = false;       // a to-be journey redesigns it (or it is a to-be)
    int headline = -1;            // index into Workspace::metrics of the KPI its tile shows, -1: none
    bool headline_is_own = false; // that KPI is the journey's own (not a stage's or a step's)
    [[nodiscard]] bool no_evidence() const { return evidenced == 0; }
};
std::vector<JourneyFacts> journey_facts(const Workspace& ws);

// The KPI a tile (stage nil: the journey's own first KPI, else its first anywhere) or a lifecycle
// stage header (the first KPI anchored at that stage) shows; nullptr if none. JourneyFacts::headline
// holds the tile's answer precomputed.
const Metric* headline_metric(const Workspace& ws, Id journey, Id stage);

// Coverage filters of the framework view: which journeys each one singles out.
// `unmapped` also marks the lifecycle stages nothing hangs from (the view shows that on the header).
enum class Coverage : std::uint8_t { unmapped, no_evidence, no_persona, no_kpi, no_to_be };
inline constexpr int kCoverageCount = 5;
// `levels`: the number of framework levels (journeys on the last level cannot have children).
[[nodiscard]] bool matches(Coverage filter, const Journey& j, const JourneyFacts& facts, int levels);

}  // namespace wm::layout
