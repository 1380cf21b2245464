// A view at rest under the pointer, or moving under it (src/ui/kit/pan_rest.hpp): hover feedback
// waits while it moves, and one frame is asked for when it comes to rest.
#include <doctest/doctest.h>

#include "ui/kit/pan_rest.hpp"

using wm::ui::PanRest;

TEST_CASE("a view rests until it moves, and again kRestS after the last move") {
    PanRest r;
    CHECK(r.resting(0.0));
    r.moved(10.0);
    CHECK_FALSE(r.resting(10.0));
    CHECK_FALSE(r.resting(10.0 + PanRest::kRestS * 0.9));
    CHECK(r.resting(10.0 + PanRest::kRestS));
    r.moved(10.2);   // another wheel step pushes the rest out
    CHECK_FALSE(r.resting(10.0 + PanRest::kRestS));
    CHECK(r.resting(10.2 + PanRest::kRestS));
}

TEST_CASE("a held drag pan never rests, however long the pointer stays still") {
    PanRest r;
    r.dragging = true;
    CHECK_FALSE(r.resting(100.0));
    r.dragging = false;
    CHECK(r.resting(100.0));
}

TEST_CASE("one frame is asked for at rest: not while it is due, again when the view moved since") {
    PanRest r;
    CHECK(r.wake_after_ms(0.0) < 0);            // at rest: nothing to wait for
    r.moved(1.0);
    const double first = r.wake_after_ms(1.0);
    CHECK(first >= PanRest::kRestS * 1000.0);    // at or after the rest, never before
    CHECK(first < PanRest::kRestS * 1000.0 + 50.0);
    CHECK(r.wake_after_ms(1.05) < 0);            // asked for already and not due
    r.moved(1.1);                                 // moved again before it came
    CHECK(r.wake_after_ms(1.2) < 0);
    const double due = r.wake_at;                 // the frame comes: still moving, so the next one
    const double next = r.wake_after_ms(due);
    CHECK(next > 0);
    CHECK(r.resting(due + next / 1000.0));        // and that one finds the view at rest
    CHECK(r.wake_after_ms(due + next / 1000.0) < 0);
}

TEST_CASE("no frame is asked for while a drag pan is held: its release is input and brings a frame") {
    PanRest r;
    r.moved(5.0);
    r.dragging = true;
    CHECK(r.wake_after_ms(5.0) < 0);
    CHECK(r.wake_after_ms(9.0) < 0);
    r.dragging = false;
    CHECK(r.wake_after_ms(5.1) > 0);
}
