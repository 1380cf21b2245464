#include "ui/kit/sparkline.hpp"

#include <vector>

#include <algorithm>
#include <cstdio>

#include "ui/kit/draw.hpp"
#include "ui/kit/theme.hpp"

namespace wm::ui {

ImU32 health_color(kpi::Health health) {
    switch (health) {
        case kpi::Health::on_target: return color::kOk;
        case kpi::Health::off_target: return color::kError;
        case kpi::Health::no_target:
        case kpi::Health::no_data: break;
    }
    return color::kMuted;
}

const char* health_mark(kpi::Health health) {
    switch (health) {
        case kpi::Health::on_target: return "\xE2\x9C\x93 ";
        case kpi::Health::off_target: return "\xE2\x9C\x97 ";
        case kpi::Health::no_target:
        case kpi::Health::no_data: break;
    }
    return "";
}

void draw_sparkline(ImDrawList* dl, ImVec2 min, ImVec2 max, const kpi::Reading& reading, const Metric& metric) {
    if (max.x - min.x < 4 || max.y - min.y < 4) return;
    const kpi::SparkGeometry g = kpi::sparkline_geometry(reading, metric, min.x, min.y, max.x, max.y);
    if (g.points.empty()) {
        dl->AddLine(ImVec2(min.x, max.y - 1), ImVec2(max.x, max.y - 1), with_alpha(color::kMuted, 0.4f), 1.0f);
        return;
    }
    if (g.target_y) dl->AddLine(ImVec2(min.x, *g.target_y), ImVec2(max.x, *g.target_y), with_alpha(color::kMuted, 0.6f), 1.0f);
    std::vector<ImVec2> points;
    points.reserve(g.points.size());
    for (const kpi::SparkPoint& p : g.points) points.emplace_back(p.x, p.y);
    if (points.size() > 1) dl->AddPolyline(points.data(), static_cast<int>(points.size()), color::kAccent, ImDrawFlags_None, 1.5f);
    dl->AddCircleFilled(points.back(), g.dot, health_color(reading.health));
}

std::string kpi_value_text(double value, const std::string& unit) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4g", value);
    return unit.empty() ? std::string(buf) : std::string(buf) + " " + unit;
}

}  // namespace wm::ui
