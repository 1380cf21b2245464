// Tiles of a drawn surface (src/layout/tiles): which tiles a view needs and where they go, on whole
// device pixels at any pixel ratio.
#include <doctest/doctest.h>

#include <cmath>

#include "layout/tiles.hpp"

using namespace wm::layout;

namespace {
bool whole(double device_px) { return std::fabs(device_px - std::round(device_px)) < 1e-3; }
}

TEST_CASE("a tile's side is a whole number of device pixels near the wanted size") {
    CHECK(tile_pixels(256, 1.0f) == 256);
    CHECK(tile_pixels(256, 1.25f) == 320);
    CHECK(tile_pixels(256, 1.5f) == 384);
    CHECK(tile_pixels(256, 0.9f) == 230);
    CHECK(tile_pixels(1, 1.0f) == 16);   // never degenerate
}

TEST_CASE("the tiles a view shows cover it exactly, row by row") {
    // Origin at the view's corner: 1000 × 600 units at scale 1 with 256 px tiles → 4 × 3 tiles.
    const auto tiles = tiles_in_view(0, 0, 1000, 600, 0, 0, 256, 1.0f);
    REQUIRE(tiles.size() == 12);
    CHECK(tiles.front().index == TileIndex{0, 0});
    CHECK(tiles[1].index == TileIndex{1, 0});
    CHECK(tiles[4].index == TileIndex{0, 1});
    CHECK(tiles.back().index == TileIndex{3, 2});
    CHECK(tiles.back().x == 768);
    CHECK(tiles.back().y == 512);
}

TEST_CASE("a panned view takes the tiles under it, negative ones too") {
    // Content (0,0) at screen (-300, 50): the view [100, 1100) sees content x from 400 to 1400.
    const auto tiles = tiles_in_view(100, 0, 1100, 100, -300, 50, 256, 1.0f);
    // Rows: the view's y 0..100 is content −50..50 → tile rows −1 and 0. Columns: content 400..1400 → 1..5.
    REQUIRE(tiles.size() == 10);
    CHECK(tiles.front().index == TileIndex{1, -1});
    CHECK(tiles.front().x == -300 + 256);
    CHECK(tiles.front().y == 50 - 256);
    CHECK(tiles.back().index == TileIndex{5, 0});
    // Every tile touches the view, and together they reach its edges.
    for (const auto& t : tiles) {
        CHECK(t.x < 1100);
        CHECK(t.x + 256 > 100);
        CHECK(t.y < 100);
        CHECK(t.y + 256 > 0);
    }
}

TEST_CASE("tile corners land on whole device pixels wherever the camera is") {
    for (const float scale : {1.0f, 1.25f, 1.5f, 2.0f, 0.9f}) {
        const int px = tile_pixels(256, scale);
        for (const float origin : {0.0f, 0.3f, -17.77f, 123.456f, -4096.5f}) {
            const auto tiles = tiles_in_view(10, 20, 1290, 820, origin, origin * 0.5f, px, scale);
            REQUIRE_FALSE(tiles.empty());
            for (const auto& t : tiles) {
                CHECK(whole(static_cast<double>(t.x) * scale));
                CHECK(whole(static_cast<double>(t.y) * scale));
            }
            // The snap moves the picture by at most half a device pixel.
            const auto& first = tiles.front();
            const double content_x = first.index.x * static_cast<double>(px) / scale;
            CHECK(std::fabs(first.x - (origin + content_x)) <= 0.5 / scale + 1e-3);
        }
    }
}

TEST_CASE("an empty view needs no tiles") {
    CHECK(tiles_in_view(0, 0, 0, 100, 0, 0, 256, 1.0f).empty());
    CHECK(tiles_in_view(0, 100, 50, 50, 0, 0, 256, 1.0f).empty());
}

TEST_CASE("tiles shown scaled (a zoom gesture) cover the view, neighbours sharing their edges exactly") {
    for (const float scale : {1.0f, 1.25f, 2.0f})
        for (const float k : {0.5f, 0.8f, 1.0f, 1.37f, 2.0f}) {
            const int px = tile_pixels(256, scale);
            const float ox = std::round(-123.4f * scale) / scale, oy = std::round(57.9f * scale) / scale;
            const auto tiles = scaled_tiles_in_view(10, 20, 1290, 820, ox, oy, px, scale, k);
            REQUIRE_FALSE(tiles.empty());
            float left = 1e9f, top = 1e9f, right = -1e9f, bottom = -1e9f;
            for (const auto& t : tiles) {
                CHECK(t.x1 - t.x0 == doctest::Approx(static_cast<double>(px) / scale * k).epsilon(1e-4));
                CHECK(t.y1 - t.y0 == doctest::Approx(static_cast<double>(px) / scale * k).epsilon(1e-4));
                CHECK(t.x0 < 1290);   // every tile touches the view
                CHECK(t.x1 > 10);
                CHECK(t.y0 < 820);
                CHECK(t.y1 > 20);
                left = std::min(left, t.x0), top = std::min(top, t.y0), right = std::max(right, t.x1), bottom = std::max(bottom, t.y1);
                // The right and lower neighbours (when shown) begin exactly where this one ends.
                for (const auto& u : tiles) {
                    if (u.index == TileIndex{t.index.x + 1, t.index.y}) CHECK(u.x0 == t.x1);
                    if (u.index == TileIndex{t.index.x, t.index.y + 1}) CHECK(u.y0 == t.y1);
                }
            }
            CHECK(left <= 10);   // together they reach the view's edges
            CHECK(top <= 20);
            CHECK(right >= 1290);
            CHECK(bottom >= 820);
            // Content (0, 0) stays where it was: tile (0, 0) starts at the origin.
            const float side = static_cast<float>(px) / scale * k;
            for (const auto& t : tiles)
                if (t.index == TileIndex{0, 0}) {
                    CHECK(t.x0 == doctest::Approx(ox));
                    CHECK(t.y0 == doctest::Approx(oy));
                }
            CHECK(tiles.size() >= static_cast<std::size_t>(std::floor(1280 / side) * std::floor(800 / side)));
        }
}

TEST_CASE("unscaled, the tiles shown are those a pan shows, in the same places") {
    const auto plain = tiles_in_view(0, 0, 1000, 600, -300, 50, 256, 1.0f);
    const auto scaled = scaled_tiles_in_view(0, 0, 1000, 600, -300, 50, 256, 1.0f, 1.0f);
    REQUIRE(plain.size() == scaled.size());
    for (std::size_t i = 0; i < plain.size(); ++i) {
        CHECK(scaled[i].index == plain[i].index);
        CHECK(scaled[i].x0 == plain[i].x);
        CHECK(scaled[i].y0 == plain[i].y);
        CHECK(scaled[i].x1 == plain[i].x + 256);
    }
}

TEST_CASE("zoomed out by two, the tiles of the zoom the gesture began at cover twice the view each way") {
    // The view 0..1024 × 0..512 with content (0, 0) at its corner: 4 × 2 tiles unscaled, 8 × 4 at k = 0.5.
    const auto tiles = scaled_tiles_in_view(0, 0, 1024, 512, 0, 0, 256, 1.0f, 0.5f);
    REQUIRE(tiles.size() == 32);
    CHECK(tiles.back().index == TileIndex{7, 3});
    CHECK(tiles.back().x0 == 7 * 128);
    CHECK(tiles.back().x1 == 1024);
    CHECK(tiles.front().x1 == 128);
}
