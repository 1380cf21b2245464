#include "layout/damage.hpp"

#include <algorithm>

namespace wm::layout {

PixelRect unite(PixelRect a, PixelRect b) {
    if (a.empty()) return b.empty() ? PixelRect{} : b;
    if (b.empty()) return a;
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

PixelRect intersect(PixelRect a, PixelRect b) {
    const PixelRect r{std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
    return r.empty() ? PixelRect{} : r;
}

namespace {

// Adds `r` to `rects`, keeping them apart: it joins the rectangle it costs least to join when that
// adds no area (they overlap or sit side by side) or when there are `most` already; a joined
// rectangle that now overlaps another takes it in too.
void gather(std::vector<PixelRect>& rects, PixelRect r, std::size_t most) {
    if (r.empty()) return;
    const auto cost = [](PixelRect a, PixelRect b) { return unite(a, b).area() - a.area() - b.area(); };
    for (;;) {
        std::size_t join = rects.size();
        for (std::size_t i = 0; i < rects.size() && join == rects.size(); ++i)
            if (!intersect(rects[i], r).empty()) join = i;
        if (join == rects.size()) {   // none overlaps: the cheapest to join, if joining adds nothing or there is no room
            long long best = 0;
            for (std::size_t i = 0; i < rects.size(); ++i)
                if (const long long c = cost(rects[i], r); join == rects.size() || c < best) {
                    join = i;
                    best = c;
                }
            if (join == rects.size() || (best > 0 && rects.size() < most)) {
                rects.push_back(r);
                return;
            }
        }
        r = unite(r, rects[join]);
        rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(join));
    }
}

}  // namespace

std::vector<PixelRect> damage_rects(const std::vector<DrawnPiece>& before, const std::vector<DrawnPiece>& now, std::size_t most) {
    const auto same = [](const DrawnPiece& a, const DrawnPiece& b) { return a.signature == b.signature && a.bounds == b.bounds; };
    // The shared start, then the shared end (never overlapping the start in either frame).
    std::size_t head = 0;
    while (head < before.size() && head < now.size() && same(before[head], now[head])) ++head;
    std::size_t tail = 0;
    while (tail < before.size() - head && tail < now.size() - head && same(before[before.size() - 1 - tail], now[now.size() - 1 - tail])) ++tail;
    // The anchors in between, when both frames have the same ones in the same order, keep their pixels.
    std::vector<const DrawnPiece*> anchors_before, anchors_now;
    for (std::size_t i = head; i < before.size() - tail; ++i)
        if (before[i].anchor) anchors_before.push_back(&before[i]);
    for (std::size_t i = head; i < now.size() - tail; ++i)
        if (now[i].anchor) anchors_now.push_back(&now[i]);
    bool keep_anchors = anchors_before.size() == anchors_now.size();
    for (std::size_t i = 0; keep_anchors && i < anchors_now.size(); ++i) keep_anchors = same(*anchors_before[i], *anchors_now[i]);
    std::vector<PixelRect> rects;
    for (std::size_t i = head; i < before.size() - tail; ++i)
        if (!(keep_anchors && before[i].anchor)) gather(rects, before[i].bounds, std::max<std::size_t>(most, 1));
    for (std::size_t i = head; i < now.size() - tail; ++i)
        if (!(keep_anchors && now[i].anchor)) gather(rects, now[i].bounds, std::max<std::size_t>(most, 1));
    return rects;
}

PixelRect damage_between(const std::vector<DrawnPiece>& before, const std::vector<DrawnPiece>& now) {
    PixelRect all;
    for (const PixelRect& r : damage_rects(before, now)) all = unite(all, r);
    return all;
}

}  // namespace wm::layout
