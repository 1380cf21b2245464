// Geometry of a journey map, as pure code: where every stage, step, lane, layer and item goes, which
// of them a screen rectangle can see (culling), and what is under a point (hit-testing). The view
// (src/ui/view_journey*.cpp) draws what this computes and nothing else decides positions, so the
// same numbers drive drawing, clicking, dragging, keyboard moves and the browser tests.
//
// Coordinates. Everything here is in *map units* (1 unit = 1 CSS pixel at zoom 1). The map has three
// parts: the sticky header band on top (stage row, then step row), the sticky lane-label column on
// the left, and the body (the cells). Body coordinates start at the top-left of the first cell:
// column x runs from 0 to `width`, row y from 0 to `height`. Headers share the body's x, labels the
// body's y; how big the sticky parts are on screen is the view's business (see Camera).
//
// Order. Columns follow the map left to right: every step of every stage in order; a stage without
// steps still gets one (narrower) column so that it can be seen, selected and given a step. Rows
// follow the lanes in order; a lane whose layer differs from the previous lane's starts a new layer,
// headed by a layer row. A lane marked collapsed is a thin row without items; a layer all of whose
// lanes are collapsed shows only its header row (its lanes take no rows).
//
// Items. A cell holds cards (the journey's own, in list order) or, in the lanes that show the
// repositories, derived items: insights whose steps include the cell's step (insight lanes),
// opportunities likewise (opportunity lanes), metrics anchored at the step (metric lanes), and child
// journeys linked at the step (journey-link lanes; a link anchored at a stage only shows in the
// stage's first step). Emotion lanes hold no items: they are a curve (see emotion_* below).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace wm::layout {

struct Vec2 {
    float x = 0, y = 0;
};

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    [[nodiscard]] float right() const { return x + w; }
    [[nodiscard]] float bottom() const { return y + h; }
    // Half-open: a point on the right or bottom edge belongs to the next rectangle.
    [[nodiscard]] bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
    [[nodiscard]] bool overlaps(const Rect& o) const { return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom(); }
};

// Sizes in map units. The defaults are the app's; tests may use their own.
struct MapMetrics {
    float label_width = 200;     // lane-label column (sticky, left)
    float stage_header = 32;     // stage row of the header band
    float step_header = 58;      // step row below it
    float step_width = 216;      // one step column
    float empty_stage_width = 150;  // the column of a stage without steps
    float layer_header = 28;     // a layer's heading row
    float lane_min = 64;         // least height of an expanded lane
    float lane_collapsed = 26;   // height of a collapsed lane
    float emotion_height = 140;  // height of an emotion lane
    float cell_pad = 8;          // inside a cell, around its items
    float item_gap = 6;          // between items of a cell
    float item_pad = 8;          // inside an item, around its text
    float badge_row = 18;        // one line of badges under an item's text (severity, channel, evidence...)
    float add_zone = 22;         // empty space kept under a cell's items (double-click there adds a card)
};

// Height of `text` wrapped at `wrap_width` map units, in map units (the view measures with its font
// at zoom 1; tests pass a simple model such as "one line per 20 characters").
using TextHeight = std::function<float(std::string_view text, float wrap_width)>;

enum class RowKind : std::uint8_t { layer, lane };

struct Row {
    RowKind kind = RowKind::lane;
    int lane = -1;               // lane rows: index into Journey::lanes
    int first_lane = -1;         // layer rows: the first lane of the layer and how many it has
    int lane_count = 0;
    bool collapsed = false;      // lane row: the lane is collapsed; layer row: every lane of it is
    float y = 0, h = 0;
};

struct Column {
    int stage = -1;              // index into Journey::stages
    int step = -1;               // index into that stage's steps; -1: the column of an empty stage
    float x = 0, w = 0;
};

struct StageSpan {
    int stage = -1;
    int first_column = 0, column_count = 0;
    float x = 0, w = 0;
};

enum class ItemKind : std::uint8_t { card, insight, opportunity, metric, journey };

struct Item {
    ItemKind kind = ItemKind::card;
    Id id;                       // the card, insight, opportunity, metric or child journey
    int index = -1;              // index into Journey::cards (cards), or into the workspace list
    int row = -1, column = -1;
    Rect rect;                   // body coordinates
    bool badges = false;         // has a badge row under its text
};

// Half-open index range.
struct Span {
    int begin = 0, end = 0;
    [[nodiscard]] bool empty() const { return begin >= end; }
    [[nodiscard]] int size() const { return end - begin; }
};

// What is under a body point.
struct Hit {
    int row = -1, column = -1;   // -1: outside the body
    int item = -1;               // index into JourneyLayout::items, or -1 (empty part of a cell)
};

// Where a dragged step, stage or lane would land.
struct StepSlot {
    int stage = -1;              // index into Journey::stages
    int index = 0;               // final position within that stage's steps
};

struct JourneyLayout {
    MapMetrics metrics;
    std::vector<StageSpan> stages;   // one per Journey::stages entry, in order
    std::vector<Column> columns;     // sorted by x, contiguous from 0
    std::vector<Row> rows;           // sorted by y, contiguous from 0
    std::vector<Item> items;         // grouped by cell: row-major, then top to bottom
    std::vector<std::uint32_t> cell_begin;  // CSR: items of cell (r, c) are [cell_begin[r*C+c], cell_begin[r*C+c+1])
    float width = 0, height = 0;     // body size

    [[nodiscard]] int column_count() const { return static_cast<int>(columns.size()); }
    [[nodiscard]] int row_count() const { return static_cast<int>(rows.size()); }
    [[nodiscard]] float header_height() const { return metrics.stage_header + metrics.step_header; }

    // Culling: the columns overlapping [x0, x1) and rows overlapping [y0, y1) (binary search).
    [[nodiscard]] Span columns_in(float x0, float x1) const;
    [[nodiscard]] Span rows_in(float y0, float y1) const;
    // The items of one cell.
    [[nodiscard]] Span cell_items(int row, int column) const;

    [[nodiscard]] int column_at(float x) const;  // -1 outside
    [[nodiscard]] int row_at(float y) const;     // -1 outside
    [[nodiscard]] int stage_at(float x) const;   // index into stages, -1 outside
    [[nodiscard]] Hit hit(float x, float y) const;
    [[nodiscard]] Rect cell_rect(int row, int column) const;

    // The column of a step / the row of a lane, by index; -1 when not shown (hidden in a collapsed layer).
    [[nodiscard]] int column_of_step(int stage, int step) const;
    [[nodiscard]] int row_of_lane(int lane) const;
    [[nodiscard]] int item_of(ItemKind kind, Id id) const;  // first item with that id, or -1

    // Drops. A card dropped at body y in cell (row, column) is inserted before the card at the returned
    // position among the cell's card items (== their count: at the end).
    [[nodiscard]] int drop_position(int row, int column, float y) const;
    // A step dragged to body x: the stage and final index it would take (the dragged step is still in
    // place, so callers moving a step within its own stage to the right subtract one; see move_step).
    [[nodiscard]] StepSlot step_slot_at(float x) const;
    // A stage dragged to body x: the index among stages it would be inserted before (0..stages).
    [[nodiscard]] int stage_slot_at(float x) const;
    // A lane dragged to body y: the index among Journey::lanes it would be inserted before (0..lanes).
    [[nodiscard]] int lane_slot_at(float y) const;

    // Keyboard: the next lane row from `row` going `dir` (+1 down, -1 up), skipping layer rows; `row`
    // itself when there is none.
    [[nodiscard]] int next_lane_row(int row, int dir) const;
};

// Computes the layout of `journey` in `ws` (derived items come from the workspace's repositories).
JourneyLayout layout_journey(const Workspace& ws, const Journey& journey, const TextHeight& text_height,
                             const MapMetrics& metrics = {});

// Whether a card shows a badge row: severity on pain/gain lanes, a channel on touchpoint lanes, or
// personas / linked insights / linked opportunities on any lane.
bool card_has_badges(const Card& card, LaneKind lane_kind);

// The text an item shows as its title (card text, insight or opportunity title, metric name, journey
// title). Empty when the item's target no longer exists.
std::string item_text(const Workspace& ws, const Journey& journey, const Item& item);

// [SECTION] Emotion lanes ----------------------------------------------------------------------------
// A score sits at the horizontal centre of its step's column; vertically, `max` is at the top of the
// row's plot area and `min` at its bottom (the plot area is the row minus cell_pad on both sides).
float emotion_y(const Row& row, int score, int min, int max, const MapMetrics& m);
// The score nearest to body y in that row, clamped to [min, max].
int emotion_score_at(const Row& row, float y, int min, int max, const MapMetrics& m);
// A smooth curve through points sorted by x: monotone cubic (Fritsch–Carlson) so that the curve never
// overshoots the scale between two scores. Returns the polyline, `segments` pieces per interval,
// passing through every input point. Fewer than two points are returned as they are.
std::vector<Vec2> smooth_curve(const std::vector<Vec2>& points, int segments);

// How the curves of an emotion lane tell themselves apart (the map and its SVG draw the same):
// "Everyone" (scores without a persona) in the text colour, solid and thicker, with round points, so
// it is no persona's colour; each persona in its own colour with a line style and a point shape
// that follow its place among the workspace's personas (solid, dashed, dotted; square, diamond,
// triangle, circle — in turn, twelve personas before a pair repeats), so curves differ without
// their colours: two similar colours, a reader who does not see colour, the high-contrast theme
// (which draws every curve in the text colour).
enum class CurveDash : std::uint8_t { solid, dashed, dotted };
enum class CurveMarker : std::uint8_t { circle, square, diamond, triangle };
struct CurveStyle {
    Id persona;                  // nil: everyone
    std::string name;            // "Everyone" or the persona's name
    bool ink = false;            // drawn in the text colour (everyone); else in `rgb`
    std::uint32_t rgb = 0;       // the persona's colour (0xRRGGBB)
    CurveDash dash = CurveDash::solid;
    CurveMarker marker = CurveMarker::circle;
    float width = 2.5f;          // stroke width at zoom 1
};
// A point's shape as a polygon around `centre` that fits a circle of `radius` (its area close to
// that circle's, so no shape looks heavier); empty for a circle. Made for every point drawn in a
// frame, so it is held in place, not allocated.
struct MarkerOutline {
    std::array<Vec2, 4> points{};
    std::size_t count = 0;
    [[nodiscard]] bool empty() const { return count == 0; }
    [[nodiscard]] std::size_t size() const { return count; }
    [[nodiscard]] const Vec2& operator[](std::size_t k) const { return points[k]; }
    [[nodiscard]] const Vec2* begin() const { return points.data(); }
    [[nodiscard]] const Vec2* end() const { return points.data() + count; }
};
MarkerOutline marker_outline(CurveMarker marker, Vec2 centre, float radius);
CurveStyle emotion_curve_style(const Workspace& ws, Id persona);
// The curves an emotion lane holds, in legend order: Everyone first, then personas in workspace order
// (a persona that no longer exists is left out, as the map does not draw it either).
std::vector<CurveStyle> emotion_curves(const Workspace& ws, const Journey& journey, Id lane);
// A line style's dash and gap lengths at zoom 1 ({0, 0}: solid).
struct DashLengths { float on = 0, off = 0; };
DashLengths dash_lengths(CurveDash dash);
// The pieces of a polyline to stroke for a line style: the whole line when solid, else its dashes
// (dash and gap lengths in the polyline's units, multiplied by `scale`).
std::vector<std::vector<Vec2>> dash_polyline(const std::vector<Vec2>& points, CurveDash dash, float scale);
// A score as a label: "+2", "0", and "−2" with a real minus sign (U+2212), wide enough to survive
// small text.
std::string emotion_score_text(int score);

// [SECTION] Camera -------------------------------------------------------------------------------------
// The camera maps body coordinates to the body viewport on screen: screen = viewport origin +
// (p - (x, y)) * zoom. The sticky header band and label column sit outside the viewport.
inline constexpr float kMinZoom = 0.2f;
inline constexpr float kMaxZoom = 2.5f;

struct Camera {
    float x = 0, y = 0;          // body point at the viewport's top-left
    float zoom = 1;
    friend bool operator==(const Camera&, const Camera&) = default;
};

// Keeps the body inside the viewport where it can: no panning past the top-left, nor further
// right/down than the end of the body (a body smaller than the viewport sits at the top-left).
Camera clamp_camera(Camera cam, const JourneyLayout& layout, float view_w, float view_h);
// Zooms to `zoom` (clamped to [kMinZoom, kMaxZoom]) keeping the body point under viewport point
// (sx, sy) where it is.
Camera zoom_camera(Camera cam, float zoom, float sx, float sy);
// The body's origin on screen moved by (dx, dy) (the header band and the label column grow with the
// zoom above 100 %): the camera that leaves every body point where it was on screen.
Camera follow_origin(Camera cam, float dx, float dy);
// Ctrl+wheel zooms by kZoomPerNotch for each notch of a mouse wheel (the page makes a notch 1.0), the
// map and the framework grid alike. A touchpad pinch zooms by the fingers' own scale: the page turns
// it into notches (notches_for_scale), so that wheel_zoom(notches_for_scale(s)) == s.
inline constexpr float kZoomPerNotch = 1.1617f;
float wheel_zoom(float notches);
float notches_for_scale(float scale);
// Shows the whole body (zoom at most 1).
Camera fit_camera(const JourneyLayout& layout, float view_w, float view_h);
// The same two for any body of the given size (the framework grid uses them).
Camera clamp_camera(Camera cam, float body_w, float body_h, float view_w, float view_h);
Camera fit_camera(float body_w, float body_h, float view_w, float view_h);
// Pans the least so that body rectangle `r` is visible (with a margin); zoom unchanged.
Camera reveal(Camera cam, const Rect& r, float view_w, float view_h, float margin = 24);

// [SECTION] Find ------------------------------------------------------------------------------------
// Case-insensitive (ASCII and Latin-1/Latin Extended-A letters folded) substring search over the
// map: card texts and derived item titles, step names, stage names, lane names. Matches come in
// reading order: headers first (stages, then steps, left to right), then lanes top to bottom, then
// items row by row, left to right.
struct FindMatch {
    enum class Kind : std::uint8_t { stage, step, lane, item } kind = Kind::item;
    int index = -1;              // stage: stages index; step: column index; lane: row index; item: items index
};
std::vector<FindMatch> find_in_map(const Workspace& ws, const Journey& journey, const JourneyLayout& layout,
                                   std::string_view query);
// Lowercases for matching (the folding find_in_map uses).
std::string fold_case(std::string_view utf8);

}  // namespace wm::layout
