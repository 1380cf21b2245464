// What part of the window a frame draws again (src/layout/damage): the pieces two frames share at
// their start and end keep their pixels; everything else, old and new, is drawn again.
#include <doctest/doctest.h>

#include <algorithm>

#include "layout/damage.hpp"

using namespace wm::layout;

namespace {
DrawnPiece piece(std::uint64_t signature, int x0, int y0, int x1, int y1) { return {signature, PixelRect{x0, y0, x1, y1}}; }
}

TEST_CASE("rectangles unite and intersect; an empty one adds nothing") {
    CHECK(unite(PixelRect{0, 0, 10, 10}, PixelRect{20, 5, 30, 8}) == PixelRect{0, 0, 30, 10});
    CHECK(unite(PixelRect{}, PixelRect{2, 3, 4, 5}) == PixelRect{2, 3, 4, 5});
    CHECK(unite(PixelRect{5, 5, 5, 9}, PixelRect{}).empty());
    CHECK(intersect(PixelRect{0, 0, 10, 10}, PixelRect{5, 5, 20, 20}) == PixelRect{5, 5, 10, 10});
    CHECK(intersect(PixelRect{0, 0, 10, 10}, PixelRect{10, 0, 20, 10}).empty());   // touching edges share no pixel
    CHECK(PixelRect{0, 0, 1280, 800}.area() == 1280 * 800);
}

TEST_CASE("a frame like the last one draws nothing again") {
    const std::vector<DrawnPiece> frame{piece(1, 0, 0, 1280, 30), piece(2, 0, 30, 1280, 800), piece(3, 10, 770, 400, 790)};
    CHECK(damage_between(frame, frame).empty());
    CHECK(damage_between({}, {}).empty());
}

TEST_CASE("a pan changes the body: the menus above and the status bar below are kept") {
    const std::vector<DrawnPiece> before{piece(1, 0, 0, 1280, 30), piece(2, 0, 300, 1280, 760), piece(3, 0, 300, 200, 760),
                                         piece(4, 10, 770, 400, 790)};
    std::vector<DrawnPiece> after = before;
    after[1].signature = 20;   // the tiles moved
    after[2].signature = 30;   // the lane labels moved
    CHECK(damage_between(before, after) == PixelRect{0, 300, 1280, 760});
}

TEST_CASE("a piece that only moves draws both where it was and where it is") {
    const std::vector<DrawnPiece> before{piece(1, 0, 0, 100, 100), piece(7, 10, 10, 20, 20)};
    const std::vector<DrawnPiece> after{piece(1, 0, 0, 100, 100), piece(7, 50, 60, 70, 80)};
    CHECK(damage_between(before, after) == PixelRect{10, 10, 70, 80});
}

TEST_CASE("a piece added or removed in the middle: only it is drawn again, the rest are matched by their order") {
    const std::vector<DrawnPiece> before{piece(1, 0, 0, 1280, 800), piece(2, 0, 0, 1280, 30), piece(3, 0, 770, 1280, 800)};
    std::vector<DrawnPiece> after = before;
    after.insert(after.begin() + 1, piece(9, 100, 100, 300, 140));   // a tooltip appears
    CHECK(damage_between(before, after) == PixelRect{100, 100, 300, 140});
    CHECK(damage_between(after, before) == PixelRect{100, 100, 300, 140});   // and goes
}

TEST_CASE("pieces in another order are drawn again, both of them") {
    // Their order decides the overlap's pixels.
    const std::vector<DrawnPiece> before{piece(1, 0, 0, 50, 50), piece(2, 40, 40, 90, 90)};
    const std::vector<DrawnPiece> after{piece(2, 40, 40, 90, 90), piece(1, 0, 0, 50, 50)};
    CHECK(damage_between(before, after) == PixelRect{0, 0, 90, 90});
}

TEST_CASE("a shared start and end never overlap: repeated pieces are not counted twice") {
    const std::vector<DrawnPiece> before{piece(5, 0, 0, 10, 10), piece(5, 0, 0, 10, 10)};
    const std::vector<DrawnPiece> after{piece(5, 0, 0, 10, 10), piece(5, 0, 0, 10, 10), piece(5, 0, 0, 10, 10)};
    CHECK(damage_between(before, after) == PixelRect{0, 0, 10, 10});
    CHECK(damage_between(after, before) == PixelRect{0, 0, 10, 10});
    CHECK(damage_between({}, after) == PixelRect{0, 0, 10, 10});
}

TEST_CASE("an anchor that stays between changed pieces keeps its pixels; one that changes or moves in the order does not") {
    // The tile layer's hole over the body (an anchor), the stage band before it and the step headers
    // after it: a sideways pan changes both, not the hole.
    const DrawnPiece hole{77, PixelRect{200, 360, 1280, 760}, true};
    const std::vector<DrawnPiece> before{piece(1, 0, 0, 1280, 30), piece(2, 200, 300, 1280, 330), hole, piece(3, 200, 330, 1280, 360),
                                         piece(4, 10, 770, 400, 790)};
    std::vector<DrawnPiece> after = before;
    after[1].signature = 20;   // the stages moved
    after[3].signature = 30;   // the steps moved
    CHECK(damage_between(before, after) == PixelRect{200, 300, 1280, 360});
    after[2].bounds.y1 = 700;   // the hole changed: drawn again, old and new
    CHECK(damage_between(before, after) == PixelRect{200, 300, 1280, 760});
    after = before;
    after[1].signature = 20;
    after[3].signature = 30;
    after.insert(after.begin() + 3, DrawnPiece{78, PixelRect{0, 0, 10, 10}, true});   // another anchor: the order is not the same
    CHECK(damage_between(before, after) == PixelRect{0, 0, 1280, 760});
    // Not an anchor: the same piece between changed ones is drawn again (the general rule).
    std::vector<DrawnPiece> plain_before = before, plain_after = before;
    plain_before[2].anchor = plain_after[2].anchor = false;
    plain_after[1].signature = 20;
    plain_after[3].signature = 30;
    CHECK(damage_between(plain_before, plain_after) == PixelRect{200, 300, 1280, 760});
}

TEST_CASE("pieces far apart are drawn again in rectangles of their own; side by side or overlapping, in one") {
    // A diagonal pan of the map: the lane labels (a column) and the step headers (a band) change, the
    // tile layer's hole between them does not.
    const DrawnPiece hole{77, PixelRect{200, 360, 1280, 760}, true};
    std::vector<DrawnPiece> before{piece(1, 0, 0, 1280, 30)};
    for (int y = 360; y < 760; y += 40) before.push_back(piece(100 + static_cast<std::uint64_t>(y), 0, y, 200, y + 40));   // labels
    before.push_back(hole);
    for (int x = 200; x < 1280; x += 120) before.push_back(piece(200 + static_cast<std::uint64_t>(x), x, 300, x + 120, 360));   // headers
    before.push_back(piece(4, 10, 770, 400, 790));
    std::vector<DrawnPiece> after = before;
    for (DrawnPiece& p : after)
        if (!p.anchor && p.signature >= 100) p.signature += 1000;   // every label and header moved
    std::vector<PixelRect> rects = damage_rects(before, after);
    REQUIRE(rects.size() == 2);
    CHECK(rects[0] == PixelRect{0, 360, 200, 760});
    CHECK(rects[1] == PixelRect{200, 300, 1280, 360});
    CHECK(damage_between(before, after) == PixelRect{0, 300, 1280, 760});   // the one rectangle around them
    // No more than `most`: the cheapest joins first.
    after.back().signature = 40;   // the status bar's text changed too
    rects = damage_rects(before, after, 2);
    REQUIRE(rects.size() == 2);
    std::sort(rects.begin(), rects.end(), [](PixelRect a, PixelRect b) { return a.y0 < b.y0; });
    CHECK(rects[0] == PixelRect{200, 300, 1280, 360});
    CHECK(rects[1] == PixelRect{0, 360, 400, 790});
    // Overlapping pieces share one rectangle.
    rects = damage_rects({piece(1, 0, 0, 10, 10)}, {piece(2, 0, 0, 10, 10), piece(3, 5, 5, 50, 50)});
    REQUIRE(rects.size() == 1);
    CHECK(rects[0] == PixelRect{0, 0, 50, 50});
    CHECK(damage_rects(before, before).empty());
}

TEST_CASE("a signature depends on every word and on their order") {
    Signature a, b, c, d;
    for (std::uint32_t w : {1u, 2u, 3u}) a.add(w);
    for (std::uint32_t w : {1u, 2u, 3u}) b.add(w);
    for (std::uint32_t w : {3u, 2u, 1u}) c.add(w);
    for (std::uint32_t w : {1u, 2u, 4u}) d.add(w);
    CHECK(a.value() == b.value());
    CHECK(a.value() != c.value());
    CHECK(a.value() != d.value());
}
