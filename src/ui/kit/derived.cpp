#include "ui/kit/derived.hpp"

#include <algorithm>
#include <cfloat>
#include <string_view>
#include <unordered_map>

#include "framework/framework.hpp"
#include "imgui.h"

namespace wm::ui {
namespace {

// More changed metrics than this (an import, a paste of many values): evaluate everything again.
constexpr std::size_t kMaxIncremental = 8;

bool same_options(const layout::FrameworkOptions& a, const layout::FrameworkOptions& b) {
    return a.collapsed == b.collapsed && a.collapsed_levels == b.collapsed_levels && a.list_unmapped_steps == b.list_unmapped_steps;
}

// Identifies the font atlas the map was measured with: the atlas is rebuilt when the pixel ratio
// changes or a lazily loaded font (CJK, symbols) adds glyphs, and text sizes change with it.
std::uint64_t fonts_generation(const Fonts& fonts) {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    std::uint64_t g = reinterpret_cast<std::uintptr_t>(atlas->TexID);
    if (fonts.regular) g = g * 1000003u + static_cast<std::uint64_t>(fonts.regular->Glyphs.Size);
    return g;
}

}  // namespace

void Derived::sync(const Workspace& ws, std::uint64_t revision, Date today) {
    const bool new_document = revision != revision_ || &ws != ws_;
    const bool new_day = today != today_;
    ws_ = &ws;
    if (new_document) {
        revision_ = revision;
        facts_.reset();
        coverage_.reset();
        grid_.reset();
        journey_layout_.reset();
        diff_.reset();
        // kpis_ stays: kpis() updates it from the metrics that changed.
    }
    if (new_document || new_day) {
        today_ = today;
        backlog_.reset();
        indicators_.reset();
    }
}

const kpi::Evaluation& Derived::kpis() const {
    Kpis& c = kpis_;
    if (c.valid && c.revision == revision_) return c.eval;
    const Workspace& ws = *ws_;
    // Commands never reorder metrics, so a change is found position by position; an added or
    // removed metric (the list's length changes) re-evaluates everything.
    std::vector<std::size_t> changed;
    bool full = !c.valid || c.seen.size() != ws.metrics.size();
    for (std::size_t i = 0; !full && i < ws.metrics.size(); ++i) {
        if (c.seen[i].id != ws.metrics[i].id) full = true;
        else if (!(c.seen[i] == ws.metrics[i])) changed.push_back(i);
        if (changed.size() > kMaxIncremental) full = true;
    }
    if (full) {
        c.eval = kpi::Evaluation(ws);
        c.seen = ws.metrics;
    } else {
        for (std::size_t i : changed) {
            c.eval.update(ws, ws.metrics[i].id);
            c.seen[i] = ws.metrics[i];
        }
    }
    c.valid = true;
    c.revision = revision_;
    return c.eval;
}

const std::vector<BacklogRow>& Derived::backlog() const {
    if (backlog_) return *backlog_;
    const Workspace& ws = *ws_;
    backlog_.emplace();
    backlog_ranked_ = 0;
    for (auto& ranked : scoring::rank(ws, today_)) {
        BacklogRow row{std::move(ranked), {}, {}, {}};
        const Opportunity& o = *row.ranked.opportunity;
        row.journeys = scoring::journeys(o);
        row.levels = scoring::levels(ws, o);
        row.stages = scoring::lifecycle_stages(ws, o);
        backlog_ranked_ += row.ranked.rank > 0;
        backlog_->push_back(std::move(row));
    }
    return *backlog_;
}

int Derived::backlog_ranked() const {
    (void)backlog();  // computes the count with the rows
    return backlog_ranked_;
}

const std::vector<maturity::Indicator>& Derived::maturity_indicators() const {
    // They walk every insight (and list those that fall short); a repository may hold 100,000.
    if (!indicators_) indicators_ = maturity::indicators(*ws_, today_);
    return *indicators_;
}

const std::vector<layout::JourneyFacts>& Derived::journey_facts() const {
    if (!facts_) facts_ = layout::journey_facts(*ws_);
    return *facts_;
}

const CoverageFigures& Derived::coverage() const {
    if (coverage_) return *coverage_;
    const Workspace& ws = *ws_;
    CoverageFigures c;
    const CoverageSummary summary = Framework(ws).coverage_summary();
    c.lifecycle_stages = summary.lifecycle_stages.size();
    c.lifecycle_mapped = summary.lifecycle_stages_mapped;
    c.macro_steps = summary.macro_steps.size();
    c.macro_mapped = summary.macro_steps_mapped;
    const std::vector<layout::JourneyFacts>& facts = journey_facts();
    const int levels = static_cast<int>(ws.settings.level_names.size());
    for (int f = 0; f < layout::kCoverageCount; ++f) {
        const auto filter = static_cast<layout::Coverage>(f);
        int count = 0;
        for (std::size_t i = 0; i < ws.journeys.size(); ++i)
            if (ws.journeys[i].level > 0 && layout::matches(filter, ws.journeys[i], facts[i], levels)) ++count;
        if (filter == layout::Coverage::unmapped) count += static_cast<int>(c.lifecycle_stages - c.lifecycle_mapped);
        c.filter_counts[static_cast<std::size_t>(f)] = count;
    }
    coverage_ = c;
    return *coverage_;
}

const FrameworkGrid& Derived::framework(const layout::FrameworkOptions& options) const {
    if (grid_ && same_options(grid_options_, options)) return *grid_;
    const Workspace& ws = *ws_;
    FrameworkGrid grid;
    grid.layout = layout::layout_framework(ws, options);
    std::unordered_map<Id, std::size_t> index;
    for (std::size_t i = 0; i < ws.journeys.size(); ++i) index.emplace(ws.journeys[i].id, i);
    for (const layout::FwTile& t : grid.layout.tiles) grid.tile_journey.push_back(index.at(t.journey));
    grid_ = std::move(grid);
    grid_options_ = options;
    return *grid_;
}

const layout::JourneyLayout& Derived::journey_layout(const Journey& journey, const Fonts& fonts) const {
    const std::uint64_t generation = fonts_generation(fonts);
    if (journey_layout_ && journey_layout_id_ == journey.id && journey_layout_fonts_ == generation) return *journey_layout_;
    ImFont* font = fonts.regular ? fonts.regular : ImGui::GetFont();
    const float size = font->FontSize * ImGui::GetIO().FontGlobalScale;  // CSS pixels = map units at zoom 1
    auto height = [font, size](std::string_view text, float wrap) {
        if (text.empty()) return size;
        return font->CalcTextSizeA(size, FLT_MAX, std::max(wrap, 1.0f), text.data(), text.data() + text.size()).y;
    };
    journey_layout_ = layout::layout_journey(*ws_, journey, height);
    journey_layout_id_ = journey.id;
    journey_layout_fonts_ = generation;
    return *journey_layout_;
}

const JourneyDiff& Derived::compare(const Journey& current, const Journey& to_be) const {
    if (diff_ && diff_current_ == current.id && diff_to_be_ == to_be.id) return *diff_;
    diff_ = compare_journeys(*ws_, current, to_be);
    diff_current_ = current.id;
    diff_to_be_ = to_be.id;
    return *diff_;
}

}  // namespace wm::ui
