#include "ui/sparkline.hpp"

#include <algorithm>
#include <cstdio>

#include "ui/draw.hpp"
#include "ui/theme.hpp"

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

void draw_sparkline(ImDrawList* dl, ImVec2 min, ImVec2 max, const kpi::Reading& reading, const Metric& metric) {
    const float h = max.y - min.y;
    if (max.x - min.x < 4 || h < 4) return;
    const auto& all = reading.series;
    if (all.empty()) {
        dl->AddLine(ImVec2(min.x, max.y - 1), ImVec2(max.x, max.y - 1), with_alpha(color::kMuted, 0.4f), 1.0f);
        return;
    }
    // Long series: the last kMax points (a sparkline is about the recent trend).
    constexpr std::size_t kMax = 64;
    const std::size_t first = all.size() > kMax ? all.size() - kMax : 0;
    const kpi::Point* s = all.data() + first;
    const std::size_t n = all.size() - first;
    double lo = s[0].value, hi = lo;
    for (std::size_t i = 0; i < n; ++i) lo = std::min(lo, s[i].value), hi = std::max(hi, s[i].value);
    if (metric.target) lo = std::min(lo, *metric.target), hi = std::max(hi, *metric.target);
    if (hi - lo < 1e-12) lo -= 1, hi += 1;
    const float dot = std::clamp(h * 0.12f, 2.0f, 4.0f);
    const float left = min.x + dot, right = max.x - dot, top = min.y + dot, bottom = max.y - dot;
    auto y_of = [&](double v) { return bottom - static_cast<float>((v - lo) / (hi - lo)) * (bottom - top); };
    // Dates set the x spacing (a gap of three months shows as one); a single point sits at the right.
    const double d0 = s[0].date.days, d1 = s[n - 1].date.days;
    ImVec2 points[kMax];
    for (std::size_t i = 0; i < n; ++i) {
        const float t = d1 > d0 ? static_cast<float>((s[i].date.days - d0) / (d1 - d0)) : 1.0f;
        points[i] = ImVec2(left + t * (right - left), y_of(s[i].value));
    }
    if (metric.target) {
        const float ty = y_of(*metric.target);
        dl->AddLine(ImVec2(min.x, ty), ImVec2(max.x, ty), with_alpha(color::kMuted, 0.6f), 1.0f);
    }
    if (n > 1) dl->AddPolyline(points, static_cast<int>(n), color::kAccent, ImDrawFlags_None, 1.5f);
    dl->AddCircleFilled(points[n - 1], dot, health_color(reading.health));
}

std::string kpi_value_text(double value, const std::string& unit) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4g", value);
    return unit.empty() ? std::string(buf) : std::string(buf) + " " + unit;
}

}  // namespace wm::ui
