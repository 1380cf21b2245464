// Draws Dear ImGui's draw data with WebGL2, and paints off-screen tiles (ui/kit/tiles) into
// textures. Our own renderer rather than ImGui's OpenGL backend, because the context is ours alone:
//   - no GL state is saved and restored around each frame (the backend's ~40 glGet* calls a frame are
//     synchronous in WebGL; on software GL they cost ~2 ms a frame),
//   - one program, one vertex array and persistent buffers grown as needed, filled with one upload of
//     all the frame's lists,
//   - the font atlas is one channel (a quarter of RGBA's upload at start-up),
//   - frame buffers for tiles: a tile is painted into its texture before the frame that shows it,
//   - only the part of the window that changed is drawn again (layout/damage): the drawing buffer is
//     preserved, each frame's draw commands are compared with the last frame's, and the rest of the
//     picture is kept; a frame that changes nothing draws nothing, so the browser composites nothing,
//   - on software GL the page shows the tiles (set_layered): each tile's pixels are read back once
//     after it is painted (asynchronously: into a pixel buffer, fetched once its fence has passed; a
//     tile is drawn here until then) and drawn by the page into a 2D canvas under this one, and this
//     canvas is left transparent where the tiles go. The compositor reads a WebGL canvas back from the
//     software rasteriser every frame it changes (~15–20 ms at 1280×800); a pan that moves only
//     tiles then changes only the 2D canvas (~3 ms), and one that also moves the headers changes a
//     strip of this one.
// The shaders are ours, in shaders/, embedded at build time (generated/platform/shaders.hpp).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "imgui.h"
#include "layout/damage.hpp"
#include "platform/platform.hpp"

namespace wm::platform {

class GlRenderer {
public:
    bool init();                                   // on the current WebGL2 context; false if the shaders fail
    void upload_fonts();                           // the atlas of ImGui's io.Fonts (built), as its texture
    // Draws `data` over `background` on the canvas (`fb_w` × `fb_h` device pixels): the part that
    // differs from the last frame, or everything when partial redraws are off.
    void render(const ImDrawData& data, int fb_w, int fb_h, ImVec4 background);

    void set_partial(bool on);                     // off: every frame draws the whole window (tests compare)
    void set_layered(bool on);                     // tiles shown by the page under the canvas (software GL)
    [[nodiscard]] bool layered() const { return layered_; }
    [[nodiscard]] bool reading() const;            // a tile's read-back is under way: the next frame shows it
    RedrawCounts take_counts();                    // since the last call

    void* create_texture(int pixels);              // a square RGBA tile texture; nullptr on failure
    void delete_texture(void* texture);
    void smooth_texture(void* texture, bool smooth);   // linear or nearest sampling
    // Queued until paint_queued(): `list` drawn over `background` into `texture` at `scale` px per
    // unit, the texture's top-left at list coordinates (at, at).
    void queue_paint(void* texture, const ImDrawList& list, float at, float scale, std::uint32_t background);
    void paint_queued();                           // before render(): the queued tiles, in order

    // Rectangles of the atlas (u0, v0, u1, v1; at most 32) whose drawing is reported: bit i of
    // take_watched_seen() is set when a vertex drawn since the last call sampled rectangle i.
    void watch(std::vector<ImVec4> rects);
    std::uint32_t take_watched_seen();

private:
    struct Paint {
        unsigned texture;
        const ImDrawList* list;
        float at, scale;
        std::uint32_t background;
    };
    struct Tile;
    void upload(const ImDrawList* const* lists, int count);
    void draw_lists(const ImDrawList* const* lists, int count, ImVec2 display_pos, ImVec2 display_size, float scale, int fb_h,
                    bool top_down, const layout::PixelRect* limit = nullptr);
    std::vector<layout::PixelRect> damage(const ImDrawData& data, int fb_w, int fb_h);
    bool show_layer(int fb_w, int fb_h);
    void poll_readbacks();
    void start_readback(Tile& tile);
    void drop_readback(Tile& tile);
    void bind_texture(unsigned texture);
    Tile* tile_of(unsigned texture);

    unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, fbo_ = 0, font_ = 0, bound_ = 0;
    int u_projection_ = -1, u_coverage_ = -1;
    std::size_t vbo_bytes_ = 0, ibo_bytes_ = 0;
    struct Tile {
        unsigned texture;
        int pixels;                 // its side
        std::uint32_t version;      // which paint it shows (a piece showing it changes with it)
        std::uint32_t copied = 0;   // which paint the page holds (set_layered)
        std::uint32_t reading = 0;  // which paint is being read back, into `pbo`, done when `sync` has passed
        unsigned pbo = 0;
        void* sync = nullptr;       // a GLsync
        bool smooth = false;
        [[nodiscard]] bool on_page() const { return copied == version; }
    };
    std::uint32_t paints_ = 0;
    std::vector<Tile> tiles_;
    std::vector<Paint> queue_;
    std::vector<ImDrawVert> vtx_;                  // the frame's vertices and indices, uploaded at once
    std::vector<ImDrawIdx> idx_;
    std::vector<ImVec4> watched_;
    std::uint32_t watched_seen_ = 0;

    // Partial redraws: the last frame's pieces and what decides the whole picture besides them.
    struct Frame {
        int fb_w = 0, fb_h = 0;
        float pos_x = 0, pos_y = 0, width = 0, height = 0, scale = 0, r = 0, g = 0, b = 0;
        bool operator==(const Frame& o) const {
            return fb_w == o.fb_w && fb_h == o.fb_h && pos_x == o.pos_x && pos_y == o.pos_y && width == o.width && height == o.height &&
                   scale == o.scale && r == o.r && g == o.g && b == o.b;
        }
    };
    bool partial_ = true, redraw_all_ = true;      // redraw_all_: the next frame draws everything (new atlas, start)
    // The tile layer (set_layered): each tile as the page draws it, int32s in this order (web/app.js
    // reads them): texture, paint, the quad's pixels x0 y0 x1 y1, its clip's x0 y0 x1 y1, smooth, side.
    struct LayerTile {
        std::int32_t texture, version, x0, y0, x1, y1, cx0, cy0, cx1, cy1, smooth, side;
        bool operator==(const LayerTile& o) const {
            return texture == o.texture && version == o.version && x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1 && cx0 == o.cx0 &&
                   cy0 == o.cy0 && cx1 == o.cx1 && cy1 == o.cy1 && smooth == o.smooth && side == o.side;
        }
    };
    static_assert(sizeof(LayerTile) == 12 * sizeof(std::int32_t), "read by the page as 12 int32s a tile");
    bool layered_ = false, layer_dirty_ = true;
    std::vector<LayerTile> layer_, next_layer_;
    std::vector<unsigned char> readback_;
    std::vector<unsigned> to_read_;                // tiles shown this frame that the page lacks
    Frame last_;
    std::vector<layout::DrawnPiece> pieces_, next_pieces_;
    RedrawCounts counts_;
};

}  // namespace wm::platform
