#include "ui/kit/tiles.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "platform/platform.hpp"

namespace wm::ui {
namespace {

constexpr float kTileUnits = 256;    // a tile's side, in units (about 256 CSS pixels)
constexpr float kTileAt = 8192;      // list coordinates of a tile's top-left corner (see Paint)
constexpr std::size_t kKeptTiles = 96;  // textures kept (in view and recently in view): 24 MB at 256²
// How far a zoom gesture scales the tiles before they are painted at its zoom: zoomed out by two,
// the view shows four times as many tiles of the zoom it began at, and zoomed in by two, text is
// twice its size in blurred texels.
constexpr float kMaxScale = 2;

bool g_tiles_on = true;
bool g_tiles_held = false;
TileCounts g_counts;

// What a draw list draws, to compare with the next frame's: vertices, indices and commands.
struct Drawn {
    ImVector<ImDrawVert> vtx;
    ImVector<ImDrawIdx> idx;
    ImVector<ImDrawCmd> cmd;

    void take(const ImDrawList& list) {
        vtx = list.VtxBuffer;
        idx = list.IdxBuffer;
        cmd = list.CmdBuffer;
    }
    [[nodiscard]] bool same_as(const ImDrawList& list) const {
        if (vtx.Size != list.VtxBuffer.Size || idx.Size != list.IdxBuffer.Size || cmd.Size != list.CmdBuffer.Size) return false;
        for (int i = 0; i < cmd.Size; ++i) {
            const ImDrawCmd &a = cmd[i], &b = list.CmdBuffer[i];
            if (std::memcmp(&a.ClipRect, &b.ClipRect, sizeof a.ClipRect) != 0 || a.TextureId != b.TextureId || a.VtxOffset != b.VtxOffset ||
                a.IdxOffset != b.IdxOffset || a.ElemCount != b.ElemCount || a.UserCallback || b.UserCallback)
                return false;
        }
        return std::memcmp(vtx.Data, list.VtxBuffer.Data, sizeof(ImDrawVert) * static_cast<std::size_t>(vtx.Size)) == 0 &&
               std::memcmp(idx.Data, list.IdxBuffer.Data, sizeof(ImDrawIdx) * static_cast<std::size_t>(idx.Size)) == 0;
    }
};

}  // namespace

struct TiledSurface::Tile {
    layout::TileIndex index;
    void* texture = nullptr;
    ImDrawList list{ImGui::GetDrawListSharedData()};   // this frame's
    Drawn drawn;                                        // what the texture shows
    ImU32 background = 0;
    bool valid = false;                                 // the texture shows `drawn`
    bool smooth = false;                                // sampled linearly (shown scaled)
    std::uint64_t used = 0;                             // frame it was last in view

    ~Tile() {
        if (texture) platform::delete_texture(texture);
    }
};

TiledSurface::TiledSurface() = default;
TiledSurface::~TiledSurface() = default;

bool tiles_enabled() { return g_tiles_on; }
void set_tiles_enabled(bool on) { g_tiles_on = on; }
void set_tiles_held(bool held) { g_tiles_held = held; }
TileCounts take_tile_counts() {
    const TileCounts out = g_counts;
    g_counts = {};
    return out;
}

ImVec2 camera_on_pixels(ImVec2 camera, float zoom, ImVec2 view_min) {
    const float s = platform::pixel_scale();
    const auto snap = [&](float cam, float min) {
        const float origin = min - cam * zoom;
        return (min - std::round(origin * s) / s) / zoom;
    };
    return ImVec2(snap(camera.x, view_min.x), snap(camera.y, view_min.y));
}

bool draw_tiled_body(std::shared_ptr<TiledSurface>& tiles, ImDrawList* dl, ImVec2 body_min, ImVec2 canvas_max, ImVec2 origin,
                     float zoom, bool zooming, ImU32 background, const TiledSurface::Paint& paint) {
    if (!tiles) tiles = std::make_shared<TiledSurface>();
    dl->PushClipRect(body_min, canvas_max, true);
    const bool tiled = tiles->draw(dl, body_min, canvas_max, origin, zoom, zooming, background, paint);
    dl->PopClipRect();
    return tiled;
}

void TiledSurface::drop_all() { tiles_.clear(); }

TiledSurface::Tile* TiledSurface::tile_for(layout::TileIndex index) {
    for (auto& t : tiles_)   // every kept tile has a texture, and no two share an index
        if (t->index == index) return t.get();
    // A new one, or the texture of the tile out of view the longest.
    if (tiles_.size() < kKeptTiles) {
        auto tile = std::make_unique<Tile>();
        tile->texture = platform::create_texture(pixels_);
        if (!tile->texture) return nullptr;
        tile->index = index;
        tiles_.push_back(std::move(tile));
        return tiles_.back().get();
    }
    auto oldest = std::min_element(tiles_.begin(), tiles_.end(), [](const auto& a, const auto& b) { return a->used < b->used; });
    if ((*oldest)->used == frame_) return nullptr;   // every texture is in view (a view bigger than the pool)
    (*oldest)->index = index;
    (*oldest)->valid = false;
    return oldest->get();
}

bool TiledSurface::draw(ImDrawList* target, ImVec2 view_min, ImVec2 view_max, ImVec2 origin, float zoom, bool zooming,
                        ImU32 background, const Paint& paint) {
    painted_ = shown_ = 0;
    scaled_ = false;
    if (!g_tiles_on || g_tiles_held) {
        drop_all();
        return false;
    }
    const float scale = platform::pixel_scale();
    if (scale != scale_) {
        drop_all();
        scale_ = scale;
        pixels_ = layout::tile_pixels(kTileUnits, scale);
    }
    ++frame_;
    // The zoom to paint at: the view's, or during a zoom gesture the one the tiles were painted at,
    // shown `k` times bigger about the content's origin.
    float k = zoom_ > 0 ? zoom / zoom_ : 1;
    if (!zooming || k > kMaxScale || k < 1 / kMaxScale) {
        zoom_ = zoom;
        k = 1;
    }
    const float size = static_cast<float>(pixels_) / scale;
    // Where each tile goes: on whole device pixels, or scaled (layout/tiles).
    struct Place {
        layout::TileIndex index;
        ImVec2 min, max;
    };
    const auto in_view = [&] {
        std::vector<Place> out;
        if (k == 1) {
            for (const layout::TilePlacement& p :
                 layout::tiles_in_view(view_min.x, view_min.y, view_max.x, view_max.y, origin.x, origin.y, pixels_, scale))
                out.push_back(Place{p.index, ImVec2(p.x, p.y), ImVec2(p.x + size, p.y + size)});
        } else {
            for (const layout::ScaledTile& t :
                 layout::scaled_tiles_in_view(view_min.x, view_min.y, view_max.x, view_max.y, origin.x, origin.y, pixels_, scale, k))
                out.push_back(Place{t.index, ImVec2(t.x0, t.y0), ImVec2(t.x1, t.y1)});
        }
        return out;
    };
    std::vector<Place> places = in_view();
    if (k != 1 && places.size() > kKeptTiles / 2) {   // a big screen zoomed out: rather paint at its zoom
        zoom_ = zoom;
        k = 1;
        places = in_view();
    }
    scaled_ = k != 1;
    std::vector<Tile*> tiles;
    tiles.reserve(places.size());
    for (const Place& place : places) {
        Tile* tile = tile_for(place.index);
        if (!tile) return false;   // no textures: draw directly this frame
        tile->used = frame_;
        tiles.push_back(tile);
    }
    ImTextureID font = ImGui::GetIO().Fonts->TexID;
    for (std::size_t n = 0; n < places.size(); ++n) {
        Tile& tile = *tiles[n];
        ImDrawList& list = tile.list;
        list._ResetForNewFrame();
        list.PushTextureID(font);
        list.PushClipRect(ImVec2(kTileAt, kTileAt), ImVec2(kTileAt + size, kTileAt + size));
        const float tx = static_cast<float>(places[n].index.x) * size, ty = static_cast<float>(places[n].index.y) * size;
        paint(list, ImVec2(kTileAt - tx, kTileAt - ty), ImRect(tx, ty, tx + size, ty + size), zoom_);
        list._PopUnusedDrawCmd();
        if (!tile.valid || tile.background != background || !tile.drawn.same_as(list)) {
            platform::paint_texture(tile.texture, list, kTileAt, scale, background);
            tile.drawn.take(list);
            tile.valid = true;
            tile.background = background;
            ++painted_;
        }
        if (tile.smooth != scaled_) {
            platform::smooth_texture(tile.texture, scaled_);
            tile.smooth = scaled_;
        }
        target->AddImage(tile.texture, places[n].min, places[n].max);
        ++shown_;
    }
    g_counts.painted += painted_;
    g_counts.shown += shown_;
    g_counts.scaled += scaled_ ? 1 : 0;
    return true;
}

}  // namespace wm::ui
