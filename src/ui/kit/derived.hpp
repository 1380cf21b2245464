// Data derived from the document, owned by the App next to it (STYLE.md "Three kinds of state": it is
// none of them — a pure function of the document, kept because recomputing it every frame is too
// slow on big workspaces): map layouts, the current/to-be comparison, the KPI evaluation, the ranked
// backlog, the framework grid's layout and facts, the maturity indicators.
//
// One invalidation point: sync(ws, revision, today), which the App calls before each frame's views
// draw. A new document revision (an edit, an undo, another document) drops what was derived from the
// old one; a new day drops what depends on the date (the backlog's evidence freshness, the maturity
// indicators). Each part is computed when a view first asks for it, so a frame pays only for what is
// on screen. Views read it through ViewContext::derived as a const object; computing on demand is
// the cache's own business (mutable members), and what it hands out stays valid until the next sync.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "framework/compare.hpp"
#include "layout/framework_layout.hpp"
#include "layout/journey_layout.hpp"
#include "model/date.hpp"
#include "model/model.hpp"
#include "scoring/kpi.hpp"
#include "scoring/maturity.hpp"
#include "scoring/prioritise.hpp"
#include "ui/kit/fonts.hpp"

namespace wm::ui {

// One opportunity as the backlog shows it: its rank and score plus where it sits.
struct BacklogRow {
    scoring::Ranked ranked;
    std::vector<Id> journeys;
    std::vector<int> levels;
    std::vector<Id> stages;      // lifecycle stages
};

// The framework grid for one set of fold/filter options.
struct FrameworkGrid {
    layout::FrameworkLayout layout;
    std::vector<std::size_t> tile_journey;      // per tile: its Workspace::journeys index
};

// The framework view's header figures (independent of folding).
struct CoverageFigures {
    std::size_t lifecycle_stages = 0, lifecycle_mapped = 0, macro_steps = 0, macro_mapped = 0;
    std::array<int, layout::kCoverageCount> filter_counts{};   // journeys (and stages) each filter singles out
};

class Derived {
public:
    void sync(const Workspace& ws, std::uint64_t revision, Date today);
    [[nodiscard]] std::uint64_t revision() const { return revision_; }
    [[nodiscard]] Date today() const { return today_; }

    // Every metric's series, latest value and health. Updated metric by metric when only a few
    // changed (a value typed in), evaluated afresh otherwise.
    [[nodiscard]] const kpi::Evaluation& kpis() const;

    // Every opportunity ranked by the workspace's scoring rules (scoring::rank), ranked ones first,
    // and how many are ranked.
    [[nodiscard]] const std::vector<BacklogRow>& backlog() const;
    [[nodiscard]] int backlog_ranked() const;

    [[nodiscard]] const std::vector<maturity::Indicator>& maturity_indicators() const;

    // Per Workspace::journeys index: counts and flags the framework grid and its filters read.
    [[nodiscard]] const std::vector<layout::JourneyFacts>& journey_facts() const;
    [[nodiscard]] const CoverageFigures& coverage() const;
    // The grid for these options (the last options asked for are kept).
    [[nodiscard]] const FrameworkGrid& framework(const layout::FrameworkOptions& options) const;

    // A journey's map laid out with the UI font at zoom 1 (map units = CSS pixels); the layout of the
    // journey last asked for is kept, and made again when the font atlas changes too.
    [[nodiscard]] const layout::JourneyLayout& journey_layout(const Journey& journey, const Fonts& fonts) const;

    // The step-by-step comparison of a current journey and a to-be (framework/compare.hpp).
    [[nodiscard]] const JourneyDiff& compare(const Journey& current, const Journey& to_be) const;

private:
    const Workspace* ws_ = nullptr;
    std::uint64_t revision_ = ~std::uint64_t{0};
    Date today_{};

    // KPI evaluation survives a revision: kpis() brings it up to date from the metrics it was made from.
    struct Kpis {
        bool valid = false;
        std::uint64_t revision = 0;
        kpi::Evaluation eval;
        std::vector<Metric> seen;
    };
    mutable Kpis kpis_;
    mutable std::optional<std::vector<BacklogRow>> backlog_;
    mutable int backlog_ranked_ = 0;
    mutable std::optional<std::vector<maturity::Indicator>> indicators_;
    mutable std::optional<std::vector<layout::JourneyFacts>> facts_;
    mutable std::optional<CoverageFigures> coverage_;
    mutable std::optional<FrameworkGrid> grid_;
    mutable layout::FrameworkOptions grid_options_;
    mutable std::optional<layout::JourneyLayout> journey_layout_;
    mutable Id journey_layout_id_;
    mutable std::uint64_t journey_layout_fonts_ = 0;
    mutable std::optional<JourneyDiff> diff_;
    mutable Id diff_current_, diff_to_be_;
};

}  // namespace wm::ui
