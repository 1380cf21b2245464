// The backlog matrix: customer value across, business value up (each as % of what the scoring model
// allows, so the axes mean the same under every model), bubble size = priority (the model's score,
// so the best item is the biggest), colour = status; the best is drawn on top.
// Hover shows the numbers; a click selects the opportunity (its details open beside the matrix), a
// double click opens its first journey.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "ui/kit/fonts.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/backlog/internal.hpp"

namespace wm::ui::backlog {

namespace {
struct Bubble {
    const Row* row;
    ImVec2 center;
    float radius;
};
}  // namespace

void draw_matrix(const ViewContext& ctx, const std::vector<const Row*>& rows) {
    BacklogState& st = ctx.ui.backlog;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = 56, bottom = 40, top = 16, right = 24;
    const ImVec2 p0(origin.x + left, origin.y + top);
    const ImVec2 p1(origin.x + std::max(avail.x - right, left + 100), origin.y + std::max(avail.y - bottom, top + 100));
    const float w = p1.x - p0.x, h = p1.y - p0.y;
    const float max_r = std::clamp(std::min(w, h) * 0.06f, 12.0f, 34.0f), min_r = max_r * 0.3f;

    // Quadrants: top right is where customer and business agree — do these first.
    dl->AddRectFilled(p0, p1, color::kPaper);
    dl->AddRectFilled(ImVec2(p0.x + w / 2, p0.y), ImVec2(p1.x, p0.y + h / 2), color::kAccentSoft);
    dl->AddLine(ImVec2(p0.x + w / 2, p0.y), ImVec2(p0.x + w / 2, p1.y), color::kLine);
    dl->AddLine(ImVec2(p0.x, p0.y + h / 2), ImVec2(p1.x, p0.y + h / 2), color::kLine);
    dl->AddRect(p0, p1, color::kMuted);
    const ImU32 muted = color::kMuted;
    for (int t = 0; t <= 100; t += 25) {
        const std::string label = std::to_string(t) + "%";
        const float x = p0.x + max_r + (w - 2 * max_r) * t / 100.0f, y = p1.y - max_r - (h - 2 * max_r) * t / 100.0f;
        dl->AddText(ImVec2(x - ImGui::CalcTextSize(label.c_str()).x / 2, p1.y + 4), muted, label.c_str());
        dl->AddText(ImVec2(p0.x - ImGui::CalcTextSize(label.c_str()).x - 6, y - ImGui::GetTextLineHeight() / 2), muted, label.c_str());
    }
    const char* x_title = "Customer value";
    dl->AddText(ImVec2(p1.x - ImGui::CalcTextSize(x_title).x, p1.y + 20), color::kInk, x_title);  // the legend is on the left
    dl->AddText(ImVec2(p0.x + 6, p0.y + 4), color::kInk, "Business value");
    dl->AddText(ImVec2(p1.x - 150, p0.y + 4), color::kAccent, "Do first");

    std::vector<Bubble> bubbles;
    // Bubbles at 0 % or 100 % would be cut by the frame: place centres inside a margin of one radius.
    const float iw = w - 2 * max_r, ih = h - 2 * max_r;
    double top_priority = 0;
    for (const Row* row : rows)
        if (row->ranked.rank > 0) top_priority = std::max(top_priority, row->ranked.score.priority);
    for (const Row* row : rows) {
        const auto& s = row->ranked.score;
        const float x = p0.x + max_r + iw * static_cast<float>(std::clamp(s.customer_pct, 0.0, 100.0)) / 100.0f;
        const float y = p1.y - max_r - ih * static_cast<float>(std::clamp(s.business_pct, 0.0, 100.0)) / 100.0f;
        const double share = row->ranked.rank > 0 && top_priority > 0 ? std::clamp(s.priority / top_priority, 0.0, 1.0) : 0.0;
        const float r = min_r + (max_r - min_r) * static_cast<float>(share);
        bubbles.push_back({row, ImVec2(x, y), r});
    }
    // Opportunities with the same customer and business value would hide each other: the second,
    // third... at one spot are nudged around it (a few pixels, less than one scale step), so every
    // bubble can be seen and clicked.
    for (std::size_t i = 1; i < bubbles.size(); ++i) {
        int same = 0;
        for (std::size_t j = 0; j < i; ++j)
            same += std::fabs(bubbles[j].row->ranked.score.customer_pct - bubbles[i].row->ranked.score.customer_pct) < 1e-9 &&
                    std::fabs(bubbles[j].row->ranked.score.business_pct - bubbles[i].row->ranked.score.business_pct) < 1e-9;
        if (same == 0) continue;
        const float angle = 0.9f * static_cast<float>(same), step = min_r * 1.4f;
        bubbles[i].center.x += std::cos(angle) * step;
        bubbles[i].center.y -= std::sin(angle) * step;
    }
    // Big bubbles are drawn first and small ones over them, so none hides another whole (the best is
    // the biggest: it shows around whatever sits on it). Hit-testing follows the circles as drawn:
    // the pointer belongs to the top-most circle it is in (a bubble's square corners take nothing).
    auto order = [](const Row* r) { return r->ranked.rank > 0 ? r->ranked.rank : 1 << 30; };
    std::stable_sort(bubbles.begin(), bubbles.end(), [&](const Bubble& a, const Bubble& b) {
        return a.radius != b.radius ? a.radius < b.radius : order(a.row) > order(b.row);
    });   // top-most first
    ImGui::SetCursorScreenPos(p0);
    const bool plot_clicked = ImGui::InvisibleButton("##matrix plot", ImVec2(w, h));
    const bool plot_hovered = ImGui::IsItemHovered();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const Row* hovered = nullptr;
    for (const auto& b : bubbles) {
        const Opportunity& o = *b.row->ranked.opportunity;
        expose_rect("bubble " + o.title, ItemRect{b.center.x - b.radius, b.center.y - b.radius, b.radius * 2, b.radius * 2});
        const float dx = mouse.x - b.center.x, dy = mouse.y - b.center.y;
        if (plot_hovered && !hovered && dx * dx + dy * dy <= b.radius * b.radius) hovered = b.row;
    }
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (plot_clicked) {
            st.selected = hovered->ranked.opportunity->id;
            ctx.redraw();
        }
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !hovered->journeys.empty()) ctx.go("journey", hovered->journeys.front());
    }
    for (auto it = bubbles.rbegin(); it != bubbles.rend(); ++it) {
        const Opportunity& o = *it->row->ranked.opportunity;
        const ImU32 fill = status_color(o);
        const bool is_selected = o.id == st.selected, is_hovered = it->row == hovered;
        // Opaque (the status colour mixed into the paper, as it looked translucent): a bubble on top
        // covers what is under it instead of muddling the two; its outline keeps the one under it.
        dl->AddCircleFilled(it->center, it->radius, color::mix(color::kPaper, fill, (is_hovered ? 230.0f : 150.0f) / 255.0f));
        // The rank reads on the bubble as it looks at rest (fill at 150/255 over the paper), so its
        // colour does not flip on hover.
        const ImU32 rank_color = color::readable_on(color::mix(color::kPaper, fill, 150.0f / 255.0f));
        dl->AddCircle(it->center, it->radius, fill, 0, is_selected ? 3.0f : 1.0f);
        if (is_selected) dl->AddCircle(it->center, it->radius + 4, color::kInk, 0, 2.0f);
        if (it->row->ranked.rank > 0) {
            const std::string rank = std::to_string(it->row->ranked.rank);
            const ImVec2 ts = ImGui::CalcTextSize(rank.c_str());
            dl->AddText(ImVec2(it->center.x - ts.x / 2, it->center.y - ts.y / 2), rank_color, rank.c_str());
        }
    }
    if (hovered) {
        const auto& s = hovered->ranked.score;
        const Opportunity& o = *hovered->ranked.opportunity;
        ImGui::BeginTooltip();
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(o.title.c_str());
        ImGui::PopFont();
        if (hovered->ranked.rank > 0)
            ImGui::Text("#%d \xC2\xB7 priority %.1f \xC2\xB7 %s", hovered->ranked.rank, s.priority, status_label(o));
        else
            ImGui::Text("Not ranked \xC2\xB7 %s", status_label(o));
        ImGui::Text("Customer value %.0f (%.0f%%) \xC2\xB7 business value %.0f (%.0f%%)", s.customer, s.customer_pct, s.business, s.business_pct);
        ImGui::Text("Effort %.0f \xC2\xB7 evidence %.0f%%", s.effort, s.evidence * 100);
        ImGui::TextDisabled("Click to select, double-click to open its journey");
        ImGui::EndTooltip();
    }

    // Legend: colours by status; size is priority.
    float lx = p0.x;
    const float ly = p1.y + 22;
    for (int i = 0; i < 6; ++i) {
        Opportunity sample;
        sample.status = static_cast<OpportunityStatus>(std::min(i, 4));
        sample.will_not_do = i == 5;
        const char* text = status_label(sample);
        dl->AddCircleFilled(ImVec2(lx + 5, ly + 8), 5, status_color(sample));
        dl->AddText(ImVec2(lx + 13, ly), muted, text);
        lx += ImGui::CalcTextSize(text).x + 26;
    }
    // Claim exactly the region drawn in, so the child window neither scrolls nor clips the legend.
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(avail.x, avail.y));
}

}  // namespace wm::ui::backlog
