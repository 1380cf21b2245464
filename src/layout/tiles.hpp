// Cutting a large drawn surface into square tiles, as pure arithmetic (ui/kit/tiles keeps the map's
// body and the framework grid as tile textures, so that a pan re-composites them instead of drawing
// every card again): how big a tile is, which tiles a view shows, and where each goes on screen.
//
// A tile's texels must land on whole device pixels, or the composited picture is blurred (linear
// filtering) or uneven (nearest): a tile's side in device pixels is a whole number, and the surface's
// origin is snapped to a whole device pixel, so every tile's corner is one too. The snap moves the
// picture by under half a pixel from where the camera puts it; hit-testing keeps the exact camera.
#pragma once

#include <vector>

namespace wm::layout {

struct TileIndex {
    int x = 0, y = 0;   // column and row in the surface's tile grid; tile (0, 0) starts at content (0, 0)
    friend bool operator==(TileIndex a, TileIndex b) { return a.x == b.x && a.y == b.y; }
};

struct TilePlacement {
    TileIndex index;
    float x = 0, y = 0;   // screen position (units) of the tile's top-left corner, on a whole device pixel
};

// A tile side near `wanted` units whose side in device pixels (`scale` per unit) is whole: that
// number of pixels. The side in units is pixels / scale.
int tile_pixels(float wanted, float scale);

// The tiles of `pixels` device pixels a side that the view [x0, x1) × [y0, y1) (screen units) shows
// when content point (0, 0) is at screen (origin_x, origin_y), row by row, left to right. Content runs
// in both directions from the origin (negative tiles exist). Nothing for an empty view.
std::vector<TilePlacement> tiles_in_view(float x0, float y0, float x1, float y1, float origin_x, float origin_y,
                                         int pixels, float scale);

// Tiles painted at one zoom, shown `k` times bigger about content (0, 0) at screen (origin_x,
// origin_y) (a zoom gesture shows the tiles it began with, scaled): the tiles that cover the view
// [x0, x1) × [y0, y1), row by row, and the screen rectangle of each. Every edge is worked out from the
// tile's index alone, so neighbours share theirs exactly and no seam shows between them.
struct ScaledTile {
    TileIndex index;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
std::vector<ScaledTile> scaled_tiles_in_view(float x0, float y0, float x1, float y1, float origin_x, float origin_y, int pixels,
                                             float scale, float k);

}  // namespace wm::layout
