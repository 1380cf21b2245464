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

PixelRect damage_between(const std::vector<DrawnPiece>& before, const std::vector<DrawnPiece>& now) {
    const auto same = [](const DrawnPiece& a, const DrawnPiece& b) { return a.signature == b.signature && a.bounds == b.bounds; };
    // The shared start, then the shared end (never overlapping the start in either frame).
    std::size_t head = 0;
    while (head < before.size() && head < now.size() && same(before[head], now[head])) ++head;
    std::size_t tail = 0;
    while (tail < before.size() - head && tail < now.size() - head && same(before[before.size() - 1 - tail], now[now.size() - 1 - tail])) ++tail;
    PixelRect damage;
    for (std::size_t i = head; i < before.size() - tail; ++i) damage = unite(damage, before[i].bounds);
    for (std::size_t i = head; i < now.size() - tail; ++i) damage = unite(damage, now[i].bounds);
    return damage;
}

}  // namespace wm::layout
