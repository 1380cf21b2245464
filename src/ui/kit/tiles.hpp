// A large surface drawn from cached tiles (the journey map's body, the framework grid): a pan
// re-composites textures instead of drawing every card again. On software GL (SwiftShader, WARP,
// llvmpipe: GPU-less virtual desktops) filling the window's pixels is the cost of a frame, and the
// body was filled three to four times over (canvas, lane bands, cells, cards): one textured quad per
// tile fills it once.
//
// Correct by construction, not by a cache key: every frame each visible tile's draw list is made
// again (the CPU part is small) and compared byte for byte with the list its texture was painted
// from. Only a tile whose list changed (an edit, a selection, a hover, a zoom) or that came into view
// is painted again, on the GPU, before the frame is drawn. Whatever the painter reads — document,
// selection, find, lens, theme — a stale tile cannot be shown. Tiles out of view are kept for a
// while (panning back is free) and their textures reused.
//
// The painter draws in content units with the tile's top-left corner at (0, 0); content (0, 0) is
// the surface's origin (for the map: body point (0, 0) at the zoom it is asked to paint at). It must
// not depend on where the viewport is (no sticky parts: those are drawn over the tiles by the view),
// and anything it registers for hit-testing or the test hook must be mapped back to the screen by
// the caller.
//
// During a zoom gesture (Ctrl+wheel, a touchpad pinch) the tiles stay painted at the zoom the gesture
// began at and are composited scaled, smoothly sampled, so a step of the gesture costs what a pan
// costs instead of painting every tile again; tiles that come into view are painted at that zoom
// too. Once the gesture rests, or when it has scaled them by more than two, they are painted at the
// view's zoom again. Correct by construction still: the lists are compared as ever, at the zoom the
// tiles are painted at, so an edit during a gesture is painted at once.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "layout/tiles.hpp"

namespace wm::ui {

class TiledSurface {
public:
    // Draws into `list` the content of `tile` (content units): content (0, 0) goes to list
    // coordinates `origin`, and the list is clipped to the tile. The tile's corner is not at (0, 0)
    // but far from it (kTileAt): ImGui places text at whole units by truncation, which rounds a
    // negative coordinate the other way, so text that starts left of or above a tile would land a
    // pixel off in that tile and show a seam. Positive coordinates everywhere avoid it.
    // `zoom`: the zoom to paint at (the view's, or during a zoom gesture the one its tiles were painted
    // at; the tile and the origin are in content units of that zoom).
    using Paint = std::function<void(ImDrawList& list, ImVec2 origin, ImRect tile, float zoom)>;

    TiledSurface();
    ~TiledSurface();
    TiledSurface(const TiledSurface&) = delete;
    TiledSurface& operator=(const TiledSurface&) = delete;

    // Composites into `target` the content visible through [view_min, view_max) when content (0, 0)
    // is at screen `origin` at `zoom`, painting tiles that are new or changed over `background`.
    // `zooming`: a zoom gesture is under way, so tiles painted at another zoom may be shown scaled.
    // False (and nothing drawn) when tiles are off or the platform has no off-screen textures: the
    // caller then draws the content itself.
    bool draw(ImDrawList* target, ImVec2 view_min, ImVec2 view_max, ImVec2 origin, float zoom, bool zooming, ImU32 background,
              const Paint& paint);

    // Tiles painted and tiles shown by the last draw (the benchmark and tests read them).
    [[nodiscard]] int painted() const { return painted_; }
    [[nodiscard]] int shown() const { return shown_; }

private:
    struct Tile;
    Tile* tile_for(layout::TileIndex index);
    void drop_all();

    std::vector<std::unique_ptr<Tile>> tiles_;
    int pixels_ = 0;           // side in device pixels
    float scale_ = 0;          // device pixels per unit the tiles were made at
    float zoom_ = 0;           // the view's zoom the tiles are painted at
    bool scaled_ = false;      // the last draw showed them scaled (a zoom gesture)
    std::uint64_t frame_ = 0;
    int painted_ = 0, shown_ = 0;
};

// A view's frame (map::Frame, fw::Frame) for painting one tile: the tile's coordinates (content
// (0, 0) at `origin`), `screen` pointing at the view's own frame for hit-testing and the test hook.
template <class Frame>
Frame tile_frame(const Frame& f, ImVec2 origin, ImRect tile, float zoom) {
    Frame g = f;
    g.screen = &f;
    g.cam.x = 0;
    g.cam.y = 0;
    g.cam.zoom = zoom;
    g.body_min = g.canvas_min = origin;
    g.canvas_max = ImVec2(origin.x + tile.Max.x, origin.y + tile.Max.y);
    return g;
}

// A canvas with a sticky header band above and a label column left of its body (the map, the
// framework grid): the body from `tiles` (made on first use), each tile painted over `background`;
// false when there are no tiles (the view then draws the body itself). It fills nothing else: the
// canvas colour is what the renderer clears to (App::background), and the views draw their header
// band, label column and corner over it themselves; a fill here was drawn over again at once, and on
// software GL every pixel filled costs (during a map pan, ~30 % of what the frame drew again).
bool draw_tiled_body(std::shared_ptr<TiledSurface>& tiles, ImDrawList* dl, ImVec2 body_min, ImVec2 canvas_max, ImVec2 origin,
                     float zoom, bool zooming, ImU32 background, const TiledSurface::Paint& paint);

// The camera position (x, y: the content point at the viewport's top-left, `zoom` units per content
// unit) that puts content (0, 0) — at screen `origin_at` for the camera given — on a whole device
// pixel, moved by under half a pixel. Views draw with it (tiled or not: the same picture either way,
// crisp edges) and keep their exact camera for input and for the next frame.
ImVec2 camera_on_pixels(ImVec2 camera, float zoom, ImVec2 view_min);

// Tiles on or off for the whole app (the test hook's tiles(false) draws directly, to compare).
bool tiles_enabled();
void set_tiles_enabled(bool on);
// Held back by the platform until the fonts are complete: the bold face, which arrives right after
// the first frame, changes every tile, so tiles painted before it would be painted twice.
void set_tiles_held(bool held);
// Tiles painted and shown by all surfaces since the last call (the test hook's tileCounts).
struct TileCounts {
    int painted = 0, shown = 0;
    int scaled = 0;   // frames a surface showed its tiles scaled (a zoom gesture)
};
TileCounts take_tile_counts();

}  // namespace wm::ui
