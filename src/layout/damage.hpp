// What part of the window a frame must draw again, as pure arithmetic (platform/gl_renderer uses it:
// on software GL every pixel filled costs time, and a pan of the map changes its body, not the menus,
// header and status bar around it).
//
// A frame is a sequence of pieces drawn in order (ImGui's draw commands), each with a signature of
// everything that decides its pixels (texture, clip rectangle, its triangles' vertices in order) and
// the rectangle it can touch. The pieces the two frames share at their start and at their end draw
// the same pixels in the same order, so outside the rectangle of the others (old and new) the
// previous picture is still right; inside it, everything is drawn again, clipped to it.
#pragma once

#include <cstdint>
#include <vector>

namespace wm::layout {

struct PixelRect {   // device pixels, top-left origin, [x0, x1) × [y0, y1)
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    long long area() const { return empty() ? 0 : static_cast<long long>(x1 - x0) * (y1 - y0); }
    friend bool operator==(PixelRect a, PixelRect b) { return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1; }
};

PixelRect unite(PixelRect a, PixelRect b);       // the smallest rectangle holding both (an empty one adds nothing)
PixelRect intersect(PixelRect a, PixelRect b);   // empty when they do not overlap

struct DrawnPiece {
    std::uint64_t signature = 0;
    PixelRect bounds;      // every pixel the piece can touch
    bool anchor = false;   // a big piece that rarely changes (the tile layer's hole): see damage_between
};

// The rectangles to draw again when `now` replaces `before` (none when they are the same), at most
// `most` of them and none overlapping: the bounds of the pieces that differ, gathered so that pieces
// side by side share one rectangle and pieces far apart do not (a diagonal pan of the map changes the
// lane labels' column and the step headers' band, not the body between them). Anchors between the
// shared start and end that are the same, in the same order, in both frames are not drawn again for
// themselves: outside the rectangles of the others, every pixel is still touched by the same pieces
// in the same order. (A pan of the map changes pieces before and after the tile layer's hole, which
// covers the body; without this the whole body was drawn again.)
std::vector<PixelRect> damage_rects(const std::vector<DrawnPiece>& before, const std::vector<DrawnPiece>& now, std::size_t most = 4);

// The one rectangle holding damage_rects(before, now). between the shared start and end that are the same, in the same order, in both frames are
// not drawn again for themselves: outside the rectangle of the others, every pixel is still touched
// by the same pieces in the same order. (A pan of the map changes pieces before and after the
// tile layer's hole, which covers the body; without this the whole body was drawn again.)
PixelRect damage_between(const std::vector<DrawnPiece>& before, const std::vector<DrawnPiece>& now);

// A 64-bit signature built from 32-bit words (FNV-style multiply; order matters).
class Signature {
public:
    void add(std::uint32_t word) { h_ = (h_ ^ word) * 0x100000001b3ull; }
    std::uint64_t value() const { return h_ ^ (h_ >> 29); }

private:
    std::uint64_t h_ = 0xcbf29ce484222325ull;
};

}  // namespace wm::layout
