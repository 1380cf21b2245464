// Whether a view rests under the pointer, or is being moved under it (a drag pan held, a wheel
// step or a zoom a moment ago). While it moves, hover feedback waits: a tooltip would flicker from
// each thing passing under the pointer to the next, and a highlight would repaint a cached tile
// each time. Once the view rests the feedback comes back without another move of the pointer, so
// the view asks for one frame at that time (wake_after_ms). Plain data, no ImGui: times are in
// seconds on any clock (the views pass ImGui's).
#pragma once

namespace wm::ui {

struct PanRest {
    static constexpr double kRestS = 0.3;   // how long after the last wheel step the view rests

    double moved_at = -1e9;                  // when the view last moved under the pointer
    double wake_at = -1e9;                   // when the frame asked for to see it rest comes
    bool dragging = false;                   // a drag pan is held (set by the view every frame)

    void moved(double now) { moved_at = now; }
    [[nodiscard]] bool resting(double now) const { return !dragging && now - moved_at >= kRestS; }

    // A frame is needed at rest when no input comes: in how many ms to ask for it, or a negative
    // number when none is to be asked for now (at rest already, a pan held, or one asked for and not
    // due yet; when it comes and the view moved since, the next one is asked for then).
    [[nodiscard]] double wake_after_ms(double now) {
        if (resting(now) || dragging || now < wake_at) return -1;
        wake_at = moved_at + kRestS + 0.02;
        return (wake_at - now) * 1000.0;
    }
};

}  // namespace wm::ui
