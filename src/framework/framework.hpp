// The journey framework: journeys as vertices, `child` edges (parent → child, anchored at a parent
// stage and optionally one of its steps) and `variant` edges (current → to-be).
//
// The source of truth stays the Workspace (`Workspace::links`, `Journey::counterpart`); a Framework
// is a read-only snapshot built from it, cheap enough to rebuild after every edit (see
// bench/bench_framework.cpp). Boost.Graph lives only in framework.cpp: callers see Ids, never vertex
// descriptors, and graph errors (boost::not_a_dag) come back as sentences a user can read.
//
// Ordering: every query returning several journeys lists them in workspace order (the order of
// `Workspace::journeys`), except rollup_order(), whose order is "children before parents".
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace wm {

// One place of a parent journey that children can be anchored to: a stage (step nil) or a step.
struct CoverageSlot {
    Id journey;                 // the parent journey
    Id stage;
    Id step;                    // nil: the stage as a whole
    // For a stage slot: every child anchored at the stage or at any of its steps.
    // For a step slot: every child anchored at exactly that step.
    // Workspace order, no duplicates.
    std::vector<Id> children;
    [[nodiscard]] bool mapped() const { return !children.empty(); }
    friend bool operator==(const CoverageSlot&, const CoverageSlot&) = default;
};

// Coverage of one journey: which of its stages and steps are detailed by a child journey.
struct JourneyCoverage {
    Id journey;
    std::vector<CoverageSlot> stages;   // one per stage, in stage order
    std::vector<CoverageSlot> steps;    // one per step, in stage-then-step order
    [[nodiscard]] std::size_t mapped_stages() const;
    [[nodiscard]] std::size_t mapped_steps() const;
};

// Workspace-level coverage: the lifecycle (level 0) stages and the steps of macro (level 1) journeys.
struct CoverageSummary {
    std::vector<CoverageSlot> lifecycle_stages;   // every stage of every level-0 journey
    std::vector<CoverageSlot> macro_steps;        // every step of every level-1 journey
    std::size_t lifecycle_stages_mapped = 0;
    std::size_t macro_steps_mapped = 0;
};

class Framework {
public:
    // Links or counterparts naming unknown journeys are left out of the graph (check_framework
    // reports them); everything else in the workspace is taken as it is, loops included.
    explicit Framework(const Workspace& ws);
    ~Framework();
    Framework(Framework&&) noexcept;
    Framework& operator=(Framework&&) noexcept;
    Framework(const Framework&) = delete;             // a snapshot: rebuild rather than copy
    Framework& operator=(const Framework&) = delete;

    [[nodiscard]] std::size_t size() const;           // number of journeys
    [[nodiscard]] bool contains(Id journey) const;

    // Child hierarchy. Unknown ids give empty results. A child linked to one parent at several
    // anchors is listed once.
    [[nodiscard]] std::vector<Id> children(Id journey) const;
    [[nodiscard]] std::vector<Id> parents(Id journey) const;
    [[nodiscard]] std::vector<Id> ancestors(Id journey) const;     // transitive parents, not itself
    [[nodiscard]] std::vector<Id> descendants(Id journey) const;   // transitive children, not itself
    [[nodiscard]] std::vector<Id> roots() const;                   // journeys with no parent
    [[nodiscard]] std::vector<Id> orphans() const;                 // level >= 1 and no parent

    // Every journey once, each child before all of its parents (the order to roll figures up in).
    // Deterministic: a depth-first walk starting from journeys in workspace order. If the workspace
    // holds a loop (only a broken file can), it is broken at one edge and has_loop() is true.
    [[nodiscard]] std::vector<Id> rollup_order() const;
    [[nodiscard]] bool has_loop() const;

    // The links anchoring `child` under its parents / hanging children off `parent`, in
    // Workspace::links order.
    [[nodiscard]] std::vector<JourneyLink> links_of(Id child) const;
    [[nodiscard]] std::vector<JourneyLink> links_from(Id parent) const;

    // Variant edges (current → to-be, from Journey::counterpart of the to-be journey).
    [[nodiscard]] std::vector<Id> to_be_of(Id current) const;        // to-be journeys redesigning it
    [[nodiscard]] std::optional<Id> current_of(Id to_be) const;     // the current journey it redesigns
    [[nodiscard]] std::vector<Id> variants(Id journey) const;        // joined by a variant edge, either way

    // Coverage. An unknown journey gives an empty JourneyCoverage with a nil id.
    [[nodiscard]] JourneyCoverage coverage(Id journey) const;
    [[nodiscard]] CoverageSummary coverage_summary() const;

    // Same rules as the free check_link below, answered from this snapshot (no rebuild).
    [[nodiscard]] std::optional<std::string> check_link(const JourneyLink& link) const;

    struct Impl;                                       // defined in framework.cpp only
    explicit Framework(std::unique_ptr<Impl> impl);
private:
    std::unique_ptr<Impl> impl_;
};

// nullopt if `link` may be added to the workspace; otherwise one plain-English sentence naming the
// journeys by title: unknown journeys, a journey under itself, a missing stage, a stage that is not
// the parent's, a step not in that stage, a link that already exists, a loop, a child not on a
// deeper level than its parent, a level beyond the configured levels.
std::optional<std::string> check_link(const Workspace& ws, const JourneyLink& link);

// Moving `child` from under `old_parent` (all of its links to old_parent) to `new_link`.
std::optional<std::string> check_reparent(const Workspace& ws, Id child, Id old_parent,
                                          const JourneyLink& new_link);

// Every violation in the workspace's framework, one sentence each (used by the file importer):
// dangling journeys, stages and steps in links, self links, duplicate links, loops, levels out of
// order or beyond the configured number, counterparts naming unknown journeys or themselves.
std::vector<std::string> check_framework(const Workspace& ws);

// Convenience edits on the workspace itself, for callers outside the command system (tests, the
// generator): each checks first and changes nothing when refused. Commands in src/edit do their own
// edits and call the checks above. Named apart from wm::edit::add_link & co. to avoid confusion.
std::optional<std::string> link_journeys(Workspace& ws, const JourneyLink& link);
bool unlink_journeys(Workspace& ws, const JourneyLink& link);    // exactly this link; false if absent
bool unlink_journeys(Workspace& ws, Id parent, Id child);        // every link between the two
std::optional<std::string> reparent_journey(Workspace& ws, Id child, Id old_parent, const JourneyLink& new_link);

}  // namespace wm
