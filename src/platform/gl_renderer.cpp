#include "platform/gl_renderer.hpp"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "platform/shaders.hpp"

extern "C" {
void glGetBufferSubData(GLenum target, GLintptr offset, GLsizeiptr size, void* data);   // WebGL 2's, in Emscripten's GL library
void wm_js_tile_pixels(unsigned texture, const unsigned char* rgba, int side);
void wm_js_tile_layer(const std::int32_t* tiles, int count, int width, int height);
void wm_js_tile_drop(unsigned texture);
}

namespace wm::platform {
namespace {

unsigned compile(GLenum kind, const char* source) {
    const GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "waymark: shader does not compile: %s\n", log);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

void* as_id(unsigned texture) { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(texture)); }
unsigned as_texture(const void* id) { return static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(id)); }

// The canvas pixels (top-left origin) a command's clip rectangle lets through, as its scissor box
// has always been computed (UI units at `display_pos`, `scale` device pixels per unit).
layout::PixelRect clip_pixels(const ImVec4& clip, ImVec2 display_pos, float scale, int fb_h) {
    const float x0 = (clip.x - display_pos.x) * scale, y0 = (clip.y - display_pos.y) * scale;
    const float x1 = (clip.z - display_pos.x) * scale, y1 = (clip.w - display_pos.y) * scale;
    if (x1 <= x0 || y1 <= y0) return {};
    const int gx = static_cast<int>(x0), gw = static_cast<int>(x1 - x0);
    const int gy = static_cast<int>(static_cast<float>(fb_h) - y1), gh = static_cast<int>(y1 - y0);   // GL's rows count from the bottom
    return {gx, fb_h - (gy + gh), gx + gw, fb_h - gy};
}

// The canvas pixels (top-left origin) a tile's quad fills: its corners' box, each edge rounded as
// the rasteriser fills the pixels whose centres it holds (neighbouring tiles share their edges
// exactly, so their pixels neither overlap nor leave a gap).
layout::PixelRect quad_pixels(const ImDrawList& list, const ImDrawCmd& cmd, ImVec2 display_pos, float scale) {
    float min_x = 1e30f, min_y = 1e30f, max_x = -1e30f, max_y = -1e30f;
    const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
    const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
    for (unsigned i = 0; i < cmd.ElemCount; ++i) {
        const ImVec2 p = vtx[idx[i]].pos;
        min_x = std::min(min_x, p.x);
        min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    const auto px = [&](float v, float origin) { return static_cast<int>(std::floor((v - origin) * scale + 0.5f)); };
    return {px(min_x, display_pos.x), px(min_y, display_pos.y), px(max_x, display_pos.x), px(max_y, display_pos.y)};
}

constexpr std::uint32_t kHole = 0x686f6c65;   // a tile layer's hole in a piece's signature
constexpr int kFetchesPerFrame = 2;            // tiles' pixels handed to the page in one frame (poll_readbacks)

}  // namespace

GlRenderer::Tile* GlRenderer::tile_of(unsigned texture) {
    const auto tile = std::find_if(tiles_.begin(), tiles_.end(), [&](const Tile& t) { return t.texture == texture; });
    return tile == tiles_.end() ? nullptr : &*tile;
}

bool GlRenderer::init() {
    const GLuint vs = compile(GL_VERTEX_SHADER, shaders::kUiVert), fs = compile(GL_FRAGMENT_SHADER, shaders::kUiFrag);
    if (!vs || !fs) return false;
    program_ = glCreateProgram();
    glAttachShader(program_, vs);
    glAttachShader(program_, fs);
    glLinkProgram(program_);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program_, GL_LINK_STATUS, &ok);
    if (!ok) return false;
    u_projection_ = glGetUniformLocation(program_, "u_projection");
    u_coverage_ = glGetUniformLocation(program_, "u_coverage");
    glUseProgram(program_);
    glUniform1i(glGetUniformLocation(program_, "u_texture"), 0);

    glGenVertexArrays(1, &vao_);
    glBindVertexArray(vao_);
    glGenBuffers(1, &vbo_);
    glGenBuffers(1, &ibo_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glGenFramebuffers(1, &fbo_);

    // The state never changes: this context draws nothing else.
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glActiveTexture(GL_TEXTURE0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    return true;
}

void GlRenderer::upload_fonts() {
    // The atlas's pixels, just built by rebuild_fonts() (web_platform.cpp); none when it holds no font.
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const unsigned char* pixels = atlas->TexPixelsAlpha8;
    if (!pixels) return;
    const int w = atlas->TexWidth, h = atlas->TexHeight;
    if (font_) glDeleteTextures(1, &font_);
    glGenTextures(1, &font_);
    glBindTexture(GL_TEXTURE_2D, font_);
    bound_ = font_;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    atlas->SetTexID(as_id(font_));
    atlas->ClearTexData();   // the pixels live on the GPU now (rebuild_fonts() makes them again)
    bound_ = 0;              // bind_texture sets u_coverage with the next bind
    redraw_all_ = true;      // every glyph may look different
}

void* GlRenderer::create_texture(int pixels) {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    if (!texture) return nullptr;
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);   // texels land on whole pixels
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, pixels, pixels);
    bound_ = 0;
    if (glGetError() != GL_NO_ERROR) {   // out of memory: no tiles (the view draws directly)
        glDeleteTextures(1, &texture);
        return nullptr;
    }
    tiles_.push_back({texture, pixels, 0});
    return as_id(texture);
}

void GlRenderer::delete_texture(void* id) {
    const unsigned texture = as_texture(id);
    if (Tile* tile = tile_of(texture)) {
        drop_readback(*tile);
        if (tile->pbo) glDeleteBuffers(1, &tile->pbo);
    }
    queue_.erase(std::remove_if(queue_.begin(), queue_.end(), [&](const Paint& p) { return p.texture == texture; }), queue_.end());
    tiles_.erase(std::remove_if(tiles_.begin(), tiles_.end(), [&](const Tile& t) { return t.texture == texture; }), tiles_.end());
    glDeleteTextures(1, &texture);
    bound_ = 0;
    wm_js_tile_drop(texture);
}

void GlRenderer::smooth_texture(void* id, bool smooth) {
    if (Tile* tile = tile_of(as_texture(id))) tile->smooth = smooth;
    glBindTexture(GL_TEXTURE_2D, as_texture(id));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, smooth ? GL_LINEAR : GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, smooth ? GL_LINEAR : GL_NEAREST);
    bound_ = 0;
}

void GlRenderer::queue_paint(void* texture, const ImDrawList& list, float at, float scale, std::uint32_t background) {
    queue_.push_back(Paint{as_texture(texture), &list, at, scale, background});
}

void GlRenderer::bind_texture(unsigned texture) {
    if (texture == bound_) return;
    glBindTexture(GL_TEXTURE_2D, texture);
    glUniform1i(u_coverage_, texture == font_ ? 1 : 0);
    bound_ = texture;
}

void GlRenderer::watch(std::vector<ImVec4> rects) {
    watched_ = std::move(rects);
    if (watched_.size() > 32) watched_.resize(32);
    watched_seen_ = 0;
}

std::uint32_t GlRenderer::take_watched_seen() {
    const std::uint32_t seen = watched_seen_;
    watched_seen_ = 0;
    return seen;
}

void GlRenderer::upload(const ImDrawList* const* lists, int count) {
    vtx_.clear();
    idx_.clear();
    for (int n = 0; n < count; ++n) {
        vtx_.insert(vtx_.end(), lists[n]->VtxBuffer.Data, lists[n]->VtxBuffer.Data + lists[n]->VtxBuffer.Size);
        idx_.insert(idx_.end(), lists[n]->IdxBuffer.Data, lists[n]->IdxBuffer.Data + lists[n]->IdxBuffer.Size);
    }
    // Any corner of a glyph's quad (ImGui clips a quad by moving corners and their uv inside it).
    if (!watched_.empty()) {
        for (const ImDrawVert& v : vtx_)
            for (std::size_t i = 0; i < watched_.size(); ++i) {
                const ImVec4& r = watched_[i];
                if (v.uv.x >= r.x && v.uv.x <= r.z && v.uv.y >= r.y && v.uv.y <= r.w) watched_seen_ |= 1u << i;
            }
    }
    const std::size_t vb = vtx_.size() * sizeof(ImDrawVert), ib = idx_.size() * sizeof(ImDrawIdx);
    if (vb > vbo_bytes_) {
        vbo_bytes_ = std::max(vb, vbo_bytes_ * 2);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vbo_bytes_), nullptr, GL_DYNAMIC_DRAW);
    }
    if (ib > ibo_bytes_) {
        ibo_bytes_ = std::max(ib, ibo_bytes_ * 2);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(ibo_bytes_), nullptr, GL_DYNAMIC_DRAW);
    }
    if (vb) glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(vb), vtx_.data());
    if (ib) glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(ib), idx_.data());
}

// Draws lists already uploaded by upload() (in the same order) into the bound frame buffer, whose
// height is `fb_h` device pixels; `display_pos`/`display_size` (units) span it, `scale` px per unit.
// `top_down`: the picture's top is the buffer's first row, as a texture is sampled (uv (0, 0) is the
// first row), where the canvas's first row is its bottom.
void GlRenderer::draw_lists(const ImDrawList* const* lists, int count, ImVec2 display_pos, ImVec2 display_size, float scale, int fb_h,
                            bool top_down, const layout::PixelRect* limit) {
    const float l = display_pos.x, r = display_pos.x + display_size.x;
    const float t = top_down ? display_pos.y + display_size.y : display_pos.y, b = top_down ? display_pos.y : display_pos.y + display_size.y;
    const float projection[16] = {2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r), (t + b) / (b - t), 0, 1};
    glUniformMatrix4fv(u_projection_, 1, GL_FALSE, projection);
    std::size_t vtx_base = 0, idx_base = 0;
    unsigned last_texture = 0;
    bool last_is_tile = false;
    for (int n = 0; n < count; ++n) {
        const ImDrawList& list = *lists[n];
        const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
        const auto at = [&](std::size_t offset) { return reinterpret_cast<const void*>(vtx_base * sizeof(ImDrawVert) + offset); };
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, pos)));
        glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, uv)));
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(ImDrawVert, col)));
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(&list, &cmd);
                continue;
            }
            if (cmd.ElemCount == 0) continue;
            if (top_down) {   // a tile: rows as the texture is sampled
                const float x0 = (cmd.ClipRect.x - display_pos.x) * scale, y0 = (cmd.ClipRect.y - display_pos.y) * scale;
                const float x1 = (cmd.ClipRect.z - display_pos.x) * scale, y1 = (cmd.ClipRect.w - display_pos.y) * scale;
                if (x1 <= x0 || y1 <= y0) continue;
                glScissor(static_cast<GLint>(x0), static_cast<GLint>(y0), static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
            } else {
                layout::PixelRect box = clip_pixels(cmd.ClipRect, display_pos, scale, fb_h);
                if (limit) box = layout::intersect(box, *limit);
                if (layered_) {   // a tile the page shows under the canvas: a transparent hole where it goes
                    const unsigned texture = as_texture(cmd.GetTexID());
                    if (texture != last_texture) {   // a tile the page does not hold yet is drawn here
                        last_texture = texture;
                        const Tile* tile = tile_of(texture);
                        last_is_tile = tile && tile->on_page();
                    }
                    if (last_is_tile) {
                        box = layout::intersect(box, quad_pixels(list, cmd, display_pos, scale));
                        if (box.empty()) continue;
                        glScissor(box.x0, fb_h - box.y1, box.x1 - box.x0, box.y1 - box.y0);
                        glClearColor(0, 0, 0, 0);
                        glClear(GL_COLOR_BUFFER_BIT);
                        continue;
                    }
                }
                if (box.empty()) continue;
                glScissor(box.x0, fb_h - box.y1, box.x1 - box.x0, box.y1 - box.y0);
            }
            bind_texture(as_texture(cmd.GetTexID()));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>((idx_base + cmd.IdxOffset) * sizeof(ImDrawIdx)));
        }
        vtx_base += static_cast<std::size_t>(list.VtxBuffer.Size);
        idx_base += static_cast<std::size_t>(list.IdxBuffer.Size);
    }
}

void GlRenderer::paint_queued() {
    if (queue_.empty()) return;
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    for (const Paint& p : queue_) {
        Tile* tile = tile_of(p.texture);
        if (!tile) continue;
        tile->version = ++paints_;   // never used before, even by a deleted texture of the same name
        const int pixels = tile->pixels;
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, p.texture, 0);
        glViewport(0, 0, pixels, pixels);
        glDisable(GL_SCISSOR_TEST);
        const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(p.background);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glEnable(GL_SCISSOR_TEST);
        upload(&p.list, 1);
        const float side = static_cast<float>(pixels) / p.scale;
        draw_lists(&p.list, 1, ImVec2(p.at, p.at), ImVec2(side, side), p.scale, pixels, true);
    }
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, 0, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    queue_.clear();
}

// This frame's pieces (one per draw command) into next_pieces_, and the rectangles in which they
// differ from the last frame's. With the tile layer, the tiles go to next_layer_ instead, and each
// run of them under one clip rectangle is one piece: the transparent hole they make together. When
// they fill their box exactly (they always do: a view's tiles cover its body) that piece is the box
// alone, so a pan that moves only tiles changes no piece and draws nothing on this canvas.
std::vector<layout::PixelRect> GlRenderer::damage(const ImDrawData& data, int fb_w, int fb_h) {
    next_pieces_.clear();
    next_layer_.clear();
    to_read_.clear();
    const layout::PixelRect window{0, 0, fb_w, fb_h};
    const ImVec2 origin = data.DisplayPos;
    const float scale = data.FramebufferScale.x;
    unsigned last_texture = 0;
    std::uint32_t last_version = 0;
    const Tile* last_tile = nullptr;
    // The run of tiles under way: its clip, the box of its holes, their area and every hole.
    struct Run {
        bool open = false;
        layout::PixelRect clip, box;
        long long area = 0;
        layout::Signature holes;
    } run;
    const auto close_run = [&] {
        if (!run.open) return;
        run.open = false;
        if (run.box.empty()) return;
        layout::Signature signature;
        signature.add(kHole);
        if (run.area == run.box.area()) {
            for (const int v : {run.box.x0, run.box.y0, run.box.x1, run.box.y1}) signature.add(static_cast<std::uint32_t>(v));
        } else {
            signature.add(static_cast<std::uint32_t>(run.holes.value()));
            signature.add(static_cast<std::uint32_t>(run.holes.value() >> 32));
        }
        next_pieces_.push_back({signature.value(), run.box, true});
    };
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback || cmd.ElemCount == 0) continue;   // render() draws neither (no view adds callbacks)
            const layout::PixelRect clip = layout::intersect(clip_pixels(cmd.ClipRect, origin, scale, fb_h), window);
            if (clip.empty()) continue;
            const unsigned texture = as_texture(cmd.GetTexID());
            if (texture != last_texture) {
                last_tile = tile_of(texture);
                last_texture = texture;
                last_version = last_tile ? last_tile->version : 0;
            }
            if (layered_ && last_tile && !last_tile->on_page()) to_read_.push_back(texture);   // drawn here until the page has it
            if (layered_ && last_tile && last_tile->on_page()) {
                const layout::PixelRect quad = quad_pixels(list, cmd, origin, scale);
                const layout::PixelRect hole = layout::intersect(clip, quad);
                if (hole.empty()) continue;
                if (run.open && !(run.clip == clip)) close_run();
                if (!run.open) run = Run{true, clip, {}, 0, {}};
                run.box = layout::unite(run.box, hole);
                run.area += hole.area();
                for (const int v : {hole.x0, hole.y0, hole.x1, hole.y1}) run.holes.add(static_cast<std::uint32_t>(v));
                next_layer_.push_back(LayerTile{static_cast<std::int32_t>(texture), static_cast<std::int32_t>(last_version), quad.x0, quad.y0,
                                                quad.x1, quad.y1, clip.x0, clip.y0, clip.x1, clip.y1, last_tile->smooth ? 1 : 0,
                                                last_tile->pixels});
                continue;
            }
            close_run();
            layout::Signature signature;
            signature.add(texture);
            signature.add(last_version);
            float min_x = 1e30f, min_y = 1e30f, max_x = -1e30f, max_y = -1e30f;
            const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
            for (unsigned i = 0; i < cmd.ElemCount; ++i) {
                const ImDrawVert& v = vtx[idx[i]];
                std::uint32_t words[5];
                static_assert(sizeof(ImDrawVert) == sizeof words, "ImDrawVert is pos, uv and a packed colour");
                std::memcpy(words, &v, sizeof words);
                for (const std::uint32_t w : words) signature.add(w);
                min_x = std::min(min_x, v.pos.x);
                min_y = std::min(min_y, v.pos.y);
                max_x = std::max(max_x, v.pos.x);
                max_y = std::max(max_y, v.pos.y);
            }
            // A pixel is drawn when its centre is inside a triangle: the triangles' box, one pixel wider.
            const layout::PixelRect reach{static_cast<int>(std::floor((min_x - origin.x) * scale)) - 1,
                                          static_cast<int>(std::floor((min_y - origin.y) * scale)) - 1,
                                          static_cast<int>(std::ceil((max_x - origin.x) * scale)) + 1,
                                          static_cast<int>(std::ceil((max_y - origin.y) * scale)) + 1};
            const layout::PixelRect bounds = layout::intersect(clip, reach);
            if (!bounds.empty()) next_pieces_.push_back({signature.value(), bounds});
        }
        close_run();
    }
    return layout::damage_rects(pieces_, next_pieces_);
}

// The tile layer: the page draws this frame's tiles again when they differ from the last frame's
// (or the canvas was drawn anew), after it has the pixels of every tile painted since it last had
// them. True when it drew.
bool GlRenderer::show_layer(int fb_w, int fb_h) {
    if (!layer_dirty_ && next_layer_ == layer_) return false;
    wm_js_tile_layer(reinterpret_cast<const std::int32_t*>(next_layer_.data()), static_cast<int>(next_layer_.size()), fb_w, fb_h);
    layer_.swap(next_layer_);
    layer_dirty_ = false;
    ++counts_.layer;
    return true;
}

// A tile's pixels go to the page without waiting for the rasteriser: glReadPixels into a pixel
// buffer and a fence after it, and a later frame fetches them once the fence has passed. Read at
// once (into memory), the wait for the paint and for everything queued before it made frames of a
// fast wheel pan long tasks (~40 ms each on SwiftShader).
void GlRenderer::start_readback(Tile& tile) {
    if (tile.sync && tile.reading == tile.version) return;
    drop_readback(tile);   // an older paint's
    const auto bytes = static_cast<GLsizeiptr>(tile.pixels) * tile.pixels * 4;
    if (!tile.pbo) {
        glGenBuffers(1, &tile.pbo);
        glBindBuffer(GL_PIXEL_PACK_BUFFER, tile.pbo);
        glBufferData(GL_PIXEL_PACK_BUFFER, bytes, nullptr, GL_STREAM_READ);
    } else {
        glBindBuffer(GL_PIXEL_PACK_BUFFER, tile.pbo);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tile.texture, 0);
    glReadPixels(0, 0, tile.pixels, tile.pixels, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);   // rows from the picture's top
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, 0, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    tile.sync = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    tile.reading = tile.version;
}

void GlRenderer::drop_readback(Tile& tile) {
    if (tile.sync) glDeleteSync(static_cast<GLsync>(tile.sync));
    tile.sync = nullptr;
}

bool GlRenderer::reading() const {
    return std::any_of(tiles_.begin(), tiles_.end(), [](const Tile& t) { return t.sync != nullptr; });
}

// At most two a frame: fetching one and handing it to the page costs ~2 ms on SwiftShader, and a
// fast wheel pan may have brought several into view at once (frames of 20–40 ms, long tasks, before).
void GlRenderer::poll_readbacks() {
    int fetched = 0;
    for (Tile& tile : tiles_) {
        if (!tile.sync || fetched == kFetchesPerFrame) continue;
        const GLenum status = glClientWaitSync(static_cast<GLsync>(tile.sync), 0, 0);
        if (status == GL_TIMEOUT_EXPIRED) continue;
        drop_readback(tile);
        if (status == GL_WAIT_FAILED) continue;   // read again when next shown
        readback_.resize(static_cast<std::size_t>(tile.pixels) * static_cast<std::size_t>(tile.pixels) * 4);
        glBindBuffer(GL_PIXEL_PACK_BUFFER, tile.pbo);
        glGetBufferSubData(GL_PIXEL_PACK_BUFFER, 0, static_cast<GLsizeiptr>(readback_.size()), readback_.data());
        glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
        wm_js_tile_pixels(tile.texture, readback_.data(), tile.pixels);
        tile.copied = tile.reading;
        ++fetched;
    }
}

void GlRenderer::render(const ImDrawData& data, int fb_w, int fb_h, ImVec4 background) {
    paint_queued();
    if (layered_) poll_readbacks();
    if (fb_w <= 0 || fb_h <= 0) return;
    const layout::PixelRect window{0, 0, fb_w, fb_h};
    std::vector<layout::PixelRect> areas{window};
    bool layer_drawn = false;   // the page drew the tiles again (a pan of them may change nothing here)
    if (data.Valid) {
        const Frame frame{fb_w, fb_h, data.DisplayPos.x, data.DisplayPos.y, data.DisplaySize.x, data.DisplaySize.y,
                          data.FramebufferScale.x, background.x, background.y, background.z};
        std::vector<layout::PixelRect> changed = damage(data, fb_w, fb_h);
        if (partial_ && !redraw_all_ && frame == last_) areas = std::move(changed);
        else layer_dirty_ = true;
        pieces_.swap(next_pieces_);
        last_ = frame;
        redraw_all_ = false;
        if (layered_) {
            layer_drawn = show_layer(fb_w, fb_h);
            for (const unsigned texture : to_read_)
                if (Tile* tile = tile_of(texture)) start_readback(*tile);
        }
    } else {
        redraw_all_ = true;
    }
    ++counts_.frames;
    if (areas.empty()) {   // nothing changed: no drawing, so the canvas is not composited again
        if (!layer_drawn) ++counts_.unchanged;
        return;
    }
    counts_.window += static_cast<double>(window.area());
    for (const layout::PixelRect& area : areas) counts_.drawn += static_cast<double>(area.area());
    if (areas.front() == window) ++counts_.full;
    glViewport(0, 0, fb_w, fb_h);
    glEnable(GL_SCISSOR_TEST);
    const bool draw = data.Valid && data.CmdListsCount > 0;
    if (draw) upload(data.CmdLists.Data, data.CmdListsCount);
    for (const layout::PixelRect& area : areas) {   // apart from each other: each is cleared and drawn again alone
        glScissor(area.x0, fb_h - area.y1, area.x1 - area.x0, area.y1 - area.y0);   // the clear too
        glClearColor(background.x, background.y, background.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        if (draw) draw_lists(data.CmdLists.Data, data.CmdListsCount, data.DisplayPos, data.DisplaySize, data.FramebufferScale.x, fb_h, false, &area);
    }
}

void GlRenderer::set_partial(bool on) {
    partial_ = on;
    redraw_all_ = true;
}

void GlRenderer::set_layered(bool on) {
    layered_ = on;
    redraw_all_ = layer_dirty_ = true;
    layer_.clear();
    for (Tile& t : tiles_) {   // the page may have dropped them; they are read back as shown
        t.copied = 0;
        drop_readback(t);
    }
}

RedrawCounts GlRenderer::take_counts() {
    const RedrawCounts c = counts_;
    counts_ = {};
    return c;
}

}  // namespace wm::platform
