#include "ui/maturity/charts.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>

#include "model/date.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/theme.hpp"

namespace wm::ui::chart {
namespace mt = wm::maturity;

// Series colours keep their hue in both themes; the dark theme uses lighter tints (text on them is
// color::kOnAccent).
ImU32 stage_color(int stage) {
    switch (stage) {
        case 1: return color::themed(IM_COL32(220, 38, 38, 255), IM_COL32(248, 113, 113, 255));
        case 2: return color::themed(IM_COL32(234, 88, 12, 255), IM_COL32(251, 146, 60, 255));
        case 3: return color::themed(IM_COL32(202, 138, 4, 255), IM_COL32(250, 204, 21, 255));
        case 4: return color::themed(IM_COL32(22, 163, 74, 255), IM_COL32(74, 222, 128, 255));
        case 5: return color::kAccent;
        default: return color::kMuted;
    }
}

ImU32 area_color(mt::Area area) {
    switch (area) {
        case mt::Area::insight: return color::themed(IM_COL32(37, 99, 235, 255), IM_COL32(96, 165, 250, 255));
        case mt::Area::framework: return color::kToBe;
        case mt::Area::prioritisation: return color::themed(IM_COL32(192, 38, 211, 255), IM_COL32(232, 121, 249, 255));
    }
    return color::kInk;
}

namespace {

void diamond(ImDrawList* dl, ImVec2 c, float r, ImU32 fill, ImU32 edge) {
    const ImVec2 pts[4] = {ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y)};
    dl->AddConvexPolyFilled(pts, 4, fill);
    dl->AddPolyline(pts, 4, edge, ImDrawFlags_Closed, 1.5f);
}

void centred_text(ImDrawList* dl, ImVec2 at, ImU32 col, const char* text) {
    const ImVec2 s = ImGui::CalcTextSize(text);
    dl->AddText(ImVec2(at.x - s.x / 2, at.y), col, text);
}

}  // namespace

void draw_area_chart(const ViewContext&, const mt::ScanResult& result,
                     const std::array<mt::AreaEvidence, mt::kAreaCount>& evidence) {
    const float width = std::max(ImGui::GetContentRegionAvail().x, 320.f);
    const float line = ImGui::GetTextLineHeight();
    // The areas' names left of their bars, or, where the chart is too narrow for the longest name
    // beside a bar (a large text size, a narrow window), each name above its bar: never cut.
    float widest = 0;
    for (mt::Area area : mt::kAreas) widest = std::max(widest, ImGui::CalcTextSize(mt::area_name(area)).x);
    const bool stacked = widest + 20 > width * 0.45f;
    const float label_w = stacked ? 10 : widest + 20, row_h = stacked ? 2 * line + 10 : line + 18;
    const float top = line + 6, legend = line + 10;
    const float height = top + row_h * mt::kAreaCount + legend;
    ImGui::InvisibleButton("##Area chart", ImVec2(width, height));
    const ImVec2 o = ImGui::GetItemRectMin();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float x0 = o.x + label_w, x1 = o.x + width - 30;
    auto x_of = [&](double v) { return x0 + static_cast<float>(v / mt::kStageCount) * (x1 - x0); };

    dl->AddRectFilled(o, ImVec2(o.x + width, o.y + height), color::kPaper, 6);
    for (int s = 1; s <= mt::kStageCount; ++s) {
        const float x = x_of(s);
        dl->AddLine(ImVec2(x, o.y + top), ImVec2(x, o.y + top + row_h * mt::kAreaCount), color::kGrid);
        char n[4];
        std::snprintf(n, sizeof n, "%d", s);
        centred_text(dl, ImVec2(x, o.y + 3), stage_color(s), n);
    }
    for (mt::Area area : mt::kAreas) {
        const auto i = static_cast<std::size_t>(area);
        const mt::AreaResult& ar = result.areas[i];
        const float y = o.y + top + row_h * static_cast<float>(i);
        const ImVec2 name_at(o.x + 10, stacked ? y + 2 : y + (row_h - line) / 2);
        dl->AddText(name_at, color::kInk, mt::area_name(area));
        expose_rect(std::string("scan area ") + mt::area_name(area), {name_at.x, name_at.y, ImGui::CalcTextSize(mt::area_name(area)).x, line});
        const float bar_top = stacked ? y + line + 4 : y + 6, bar_bottom = y + row_h - 6;
        if (ar.answered > 0) expose_rect(std::string("scan bar ") + mt::area_name(area), {x0, bar_top, x_of(ar.score) - x0, bar_bottom - bar_top});
        if (ar.answered > 0) dl->AddRectFilled(ImVec2(x0, bar_top), ImVec2(x_of(ar.score), bar_bottom), area_color(area), 3);
        char v[16];
        std::snprintf(v, sizeof v, "%.1f", ar.score);
        // The value sits inside the bar's end; where the evidence marker falls on it (an area whose
        // evidence is the stage its answers nearly reach), left of the marker, and where the bar
        // has no room for it there, after the bar and the marker, in ink.
        const float vw = ImGui::CalcTextSize(v).x, end = x_of(ar.score), marker = 7;
        const float mx = evidence[i].stage > 0 ? x_of(evidence[i].stage) : -FLT_MAX;
        const auto covers = [&](float vx) { return vx < mx + marker + 2 && vx + vw > mx - marker - 2; };
        float vx = end - vw - 4;
        if (covers(vx)) vx = mx - marker - 4 - vw;
        const bool inside = vx > x0 + 4 && vx + vw < end;
        if (!inside) vx = std::max(end, mx + marker) + 4;
        const ImVec2 value_at(vx, (bar_top + bar_bottom - line) / 2);
        if (ar.answered > 0) {
            dl->AddText(value_at, inside ? color::kOnAccent : color::kInk, v);
            expose_rect(std::string("scan value ") + mt::area_name(area), {value_at.x, value_at.y, vw, line});
        }
        if (evidence[i].stage > 0) {
            const ImVec2 at(mx, (bar_top + bar_bottom) / 2);
            diamond(dl, at, marker, color::kPaper, color::kInk);
            expose_rect(std::string("scan evidence ") + mt::area_name(area), {at.x - marker, at.y - marker, 2 * marker, 2 * marker});
        }
    }
    // Legend: what the bar and the marker mean.
    // Under the bars, or as far left as it must start to end inside the chart.
    const float ly = o.y + top + row_h * mt::kAreaCount + 6;
    const float legend_w = 24 + ImGui::CalcTextSize("answers (mean)").x + 24 + 12 + ImGui::CalcTextSize("workspace evidence").x;
    const float lx0 = std::max(o.x + 10, std::min(x0, o.x + width - 10 - legend_w));
    dl->AddRectFilled(ImVec2(lx0, ly + 2), ImVec2(lx0 + 18, ly + line - 2), color::kMuted, 2);
    dl->AddText(ImVec2(lx0 + 24, ly), color::kMuted, "answers (mean)");
    const float lx = lx0 + 24 + ImGui::CalcTextSize("answers (mean)").x + 24;
    diamond(dl, ImVec2(lx, ly + line / 2), 6, color::kPaper, color::kInk);
    dl->AddText(ImVec2(lx + 12, ly), color::kMuted, "workspace evidence");
    expose_rect("scan legend", {lx0, ly, legend_w, line});
    expose_rect("scan chart", {o.x, o.y, width, height});
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Bars: the mean of your answers per area (stage = its whole part).\n"
                          "Diamonds: the stage the workspace's own indicators suggest.");
}

void draw_history_chart(const ViewContext&, const std::vector<mt::HistoryPoint>& points) {
    const float width = std::max(ImGui::GetContentRegionAvail().x, 320.f);
    const float line = ImGui::GetTextLineHeight();
    const float height = 190, left = 30, right = 20, top = line + 12, bottom = line + 10;
    ImGui::InvisibleButton("##Progress chart", ImVec2(width, height));
    const ImVec2 o = ImGui::GetItemRectMin();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + width, o.y + height), color::kPaper, 6);
    const float px0 = o.x + left, px1 = o.x + width - right, py0 = o.y + top, py1 = o.y + height - bottom;
    auto y_of = [&](double v) { return py1 - static_cast<float>(v / mt::kStageCount) * (py1 - py0); };
    const std::int32_t d0 = points.front().date.days, d1 = points.back().date.days;
    auto x_of = [&](Date d) {
        if (d1 == d0) return (px0 + px1) / 2;
        return px0 + static_cast<float>(d.days - d0) / static_cast<float>(d1 - d0) * (px1 - px0);
    };
    for (int s = 1; s <= mt::kStageCount; ++s) {
        dl->AddLine(ImVec2(px0, y_of(s)), ImVec2(px1, y_of(s)), color::kGrid);
        char n[4];
        std::snprintf(n, sizeof n, "%d", s);
        dl->AddText(ImVec2(o.x + 10, y_of(s) - line / 2), stage_color(s), n);
    }
    // Area scores as thin lines, the overall stage as a thick one on top.
    std::vector<ImVec2> pts;
    for (mt::Area area : mt::kAreas) {
        pts.clear();
        for (const auto& p : points) pts.emplace_back(x_of(p.date), y_of(p.result.area(area).score));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), area_color(area), ImDrawFlags_None, 2);
        for (const ImVec2& q : pts) dl->AddCircleFilled(q, 3, area_color(area));
    }
    pts.clear();
    for (const auto& p : points) pts.emplace_back(x_of(p.date), y_of(p.result.stage));
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), color::kInk, ImDrawFlags_None, 3);
    for (std::size_t i = 0; i < pts.size(); ++i) {
        dl->AddCircleFilled(pts[i], 5, stage_color(points[i].result.stage));
        dl->AddCircle(pts[i], 5, color::kInk, 0, 1.5f);
        // Dates under the points; with many scans only the first and the last, so labels never overlap.
        if (points.size() <= 6 || i == 0 || i + 1 == points.size()) {
            const std::string date = to_iso(points[i].date);
            const float tw = ImGui::CalcTextSize(date.c_str()).x;
            const float x = std::clamp(pts[i].x - tw / 2, o.x + 4, o.x + width - tw - 4);
            dl->AddText(ImVec2(x, py1 + 4), color::kMuted, date.c_str());
        }
    }
    // Legend across the top.
    float lx = px0;
    auto key = [&](ImU32 col, const char* text, float thickness) {
        dl->AddLine(ImVec2(lx, o.y + 4 + line / 2), ImVec2(lx + 16, o.y + 4 + line / 2), col, thickness);
        dl->AddText(ImVec2(lx + 20, o.y + 4), color::kMuted, text);
        lx += 20 + ImGui::CalcTextSize(text).x + 14;
    };
    key(color::kInk, "overall stage", 3);
    for (mt::Area area : mt::kAreas) key(area_color(area), mt::area_key(area), 2);
}

}  // namespace wm::ui::chart
