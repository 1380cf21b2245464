// Draws Dear ImGui's draw data with WebGL2, and paints off-screen tiles (ui/kit/tiles) into
// textures. Our own renderer rather than ImGui's OpenGL backend, because the context is ours alone:
//   - no GL state is saved and restored around each frame (the backend's ~40 glGet* calls a frame are
//     synchronous in WebGL; on software GL they cost ~2 ms a frame),
//   - one program, one vertex array and persistent buffers grown as needed, filled with one upload of
//     all the frame's lists,
//   - the font atlas is one channel (a quarter of RGBA's upload at start-up),
//   - frame buffers for tiles: a tile is painted into its texture before the frame that shows it.
// The shaders are ours, in shaders/, embedded at build time (generated/platform/shaders.hpp).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "imgui.h"

namespace wm::platform {

class GlRenderer {
public:
    bool init();                                   // on the current WebGL2 context; false if the shaders fail
    void upload_fonts();                           // the atlas of ImGui's io.Fonts (built), as its texture
    // Clears the canvas (`fb_w` × `fb_h` device pixels) to `background` and draws `data`.
    void render(const ImDrawData& data, int fb_w, int fb_h, ImVec4 background);

    void* create_texture(int pixels);              // a square RGBA tile texture; nullptr on failure
    void delete_texture(void* texture);
    // Queued until paint_queued(): `list` drawn over `background` into `texture` at `scale` px per
    // unit, the texture's top-left at list coordinates (at, at).
    void queue_paint(void* texture, const ImDrawList& list, float at, float scale, std::uint32_t background);
    void paint_queued();                           // before render(): the queued tiles, in order

private:
    struct Paint {
        unsigned texture;
        const ImDrawList* list;
        float at, scale;
        std::uint32_t background;
    };
    void upload(const ImDrawList* const* lists, int count);
    void draw_lists(const ImDrawList* const* lists, int count, ImVec2 display_pos, ImVec2 display_size, float scale, int fb_h,
                    bool top_down);
    void bind_texture(unsigned texture);

    unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, fbo_ = 0, font_ = 0, bound_ = 0;
    int u_projection_ = -1, u_coverage_ = -1;
    std::size_t vbo_bytes_ = 0, ibo_bytes_ = 0;
    std::vector<std::pair<unsigned, int>> tiles_;  // tile textures and their side in pixels
    std::vector<Paint> queue_;
    std::vector<ImDrawVert> vtx_;                  // the frame's vertices and indices, uploaded at once
    std::vector<ImDrawIdx> idx_;
};

}  // namespace wm::platform
