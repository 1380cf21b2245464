// What part of the window a frame draws again (src/layout/damage): the pieces two frames share at
// their start and end keep their pixels; everything else, old and new, is drawn again.
#include <doctest/doctest.h>

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
