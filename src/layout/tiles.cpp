#include "layout/tiles.hpp"

#include <algorithm>
#include <cmath>

namespace wm::layout {

int tile_pixels(float wanted, float scale) {
    return std::max(16, static_cast<int>(std::lround(wanted * scale)));
}

std::vector<TilePlacement> tiles_in_view(float x0, float y0, float x1, float y1, float origin_x, float origin_y,
                                         int pixels, float scale) {
    std::vector<TilePlacement> out;
    if (!(x1 > x0) || !(y1 > y0) || pixels <= 0 || !(scale > 0)) return out;
    // Everything in device pixels: the origin on a whole pixel, tiles every `pixels`.
    const double ox = std::round(static_cast<double>(origin_x) * scale), oy = std::round(static_cast<double>(origin_y) * scale);
    const double vx0 = static_cast<double>(x0) * scale, vy0 = static_cast<double>(y0) * scale;
    const double vx1 = static_cast<double>(x1) * scale, vy1 = static_cast<double>(y1) * scale;
    const int i0 = static_cast<int>(std::floor((vx0 - ox) / pixels)), i1 = static_cast<int>(std::ceil((vx1 - ox) / pixels));
    const int j0 = static_cast<int>(std::floor((vy0 - oy) / pixels)), j1 = static_cast<int>(std::ceil((vy1 - oy) / pixels));
    out.reserve(static_cast<std::size_t>(std::max(0, i1 - i0)) * static_cast<std::size_t>(std::max(0, j1 - j0)));
    for (int j = j0; j < j1; ++j)
        for (int i = i0; i < i1; ++i)
            out.push_back(TilePlacement{TileIndex{i, j}, static_cast<float>((ox + static_cast<double>(i) * pixels) / scale),
                                        static_cast<float>((oy + static_cast<double>(j) * pixels) / scale)});
    return out;
}

std::vector<ScaledTile> scaled_tiles_in_view(float x0, float y0, float x1, float y1, float origin_x, float origin_y, int pixels,
                                             float scale, float k) {
    std::vector<ScaledTile> out;
    if (!(k > 0) || !(scale > 0)) return out;
    // The view in the tiles' own content: every length from the origin divided by k.
    const auto from = [&](float v, float o) { return o + (v - o) / k; };
    const std::vector<TilePlacement> tiles =
        tiles_in_view(from(x0, origin_x), from(y0, origin_y), from(x1, origin_x), from(y1, origin_y), origin_x, origin_y, pixels, scale);
    const double ox = std::round(static_cast<double>(origin_x) * scale) / scale, oy = std::round(static_cast<double>(origin_y) * scale) / scale;
    const double side = static_cast<double>(pixels) / scale * k;
    const auto edge = [&](double o, int i) { return static_cast<float>(o + static_cast<double>(i) * side); };
    out.reserve(tiles.size());
    for (const TilePlacement& t : tiles)
        out.push_back(ScaledTile{t.index, edge(ox, t.index.x), edge(oy, t.index.y), edge(ox, t.index.x + 1), edge(oy, t.index.y + 1)});
    return out;
}

}  // namespace wm::layout
