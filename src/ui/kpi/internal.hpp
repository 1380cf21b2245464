// The KPI editor's pieces that its mirror form (kpi/mirror.cpp) shares with the canvas's popup
// (kpi/editor.cpp, where they are defined and explained).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "scoring/kpi.hpp"

namespace wm::ui::kpi_detail {

extern const char* const kDateHelp;
extern const char* const kValueHelp;
extern const char* const kRuleTitles[];   // per RollUp, in enum order

// "Journey › Stage › Step" of an anchor.
std::string anchor_label(const Workspace& ws, Id journey, Id stage, Id step);

struct Candidate {
    const Metric* metric;
    const Journey* journey;
    bool child;  // on a child journey (else a stage or step of the metric's own journey)
};
// What a metric can roll up (never one that would loop).
std::vector<Candidate> input_candidates(const Workspace& ws, const Metric& target);

// "+ KPI": a new KPI called "New KPI" at the anchor (a step's also names its stage).
Metric new_kpi(const Workspace& ws, Id journey, Id stage, Id step);

std::string folded(std::string s);                       // trimmed, lower case
std::string number_text(double v);                       // "12.5"
std::optional<double> parse_number(std::string text);    // "12,5" too; nothing for anything else
void sort_values(std::vector<MetricValue>& values);      // by date then segment; one per date and segment
std::string marked_reading(const kpi::Reading& r, const Metric& m);   // "✓ 42 %", "no data"
std::string target_text(const Metric& m);                // "target: at least 40 %"

}  // namespace wm::ui::kpi_detail
