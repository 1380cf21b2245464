// The type scale: every size of text the app draws, and the rule that no text is drawn smaller than
// 11 CSS pixels at any default zoom. Plain C++ (no ImGui), so the platform builds its fonts from it
// and a native unit test (tests/unit/contrast_test.cpp) holds the rule; a text-size setting later
// multiplies the whole scale by one factor.
//
// Sizes are CSS pixels of the em — what a browser calls font-size and what people measure. ImGui
// sizes a font by its line height (ascender + descender), which for Noto Sans is 1.362 em: ImGui's
// old "15 px" body text was an 11 px font, its "12.5 px" small text 9.2 px.
//
// Canvases (the journey map, the framework grid) zoom. Their *content* (card text, tile text) is set
// in the body step at zoom 1 and scales with the geometry, so a default zoom must keep it at or
// above the minimum (default_zoom). Their *labels* (headers, lane names and kinds, chips, emotion
// scores, legends) never shrink below their own size (label_scale): they are drawn at a scale of at
// least 1 of the font they are rasterised in. Shrinking rasterised glyphs is also what lost the
// minus sign: the 12.5 px font's hyphen is one pixel tall, and drawn at 80 % it became a 0.8 px quad
// that fell between two pixel centres, so no pixel of it was drawn ("-2" read "2").
#pragma once

#include <algorithm>

namespace wm::ui::type {

// Line height per em of the UI font (Noto Sans: ascender 1069 + descender 293 per 1000 units).
inline constexpr float kLinePerEm = 1.362f;

inline constexpr float kMinPx = 11.0f;      // nothing smaller, at any default zoom

// The steps, in CSS px of the em.
inline constexpr float kCaptionPx = 11.0f;  // chips, legends, counts, axis labels, lane kinds, scores
inline constexpr float kBodyPx = 13.0f;     // UI text and fields; canvas content at zoom 1
inline constexpr float kTitlePx = 13.0f;    // bold: panel headings, tile titles, stage and step names
inline constexpr float kHeadingPx = 18.0f;  // bold: a view's or a journey's title

// ImGui's size for a step (its line height) and back.
constexpr float line_height(float em_px) { return em_px * kLinePerEm; }
constexpr float em_px(float line) { return line / kLinePerEm; }

// The least zoom a canvas opens at: canvas content (body text scaled with the geometry) is then
// still at least the minimum (0.85 × 13 px = 11.05 px).
inline constexpr float kReadableZoom = 0.85f;
static_assert(kReadableZoom * kBodyPx >= kMinPx);

// The zoom a canvas opens at: the whole of it if that fits at a readable zoom, else the readable
// zoom, never above 100 %. `fit` is the zoom that shows it all.
constexpr float default_zoom(float fit) { return std::clamp(fit, kReadableZoom, 1.0f); }

// Scale of a canvas label (header, lane name, chip, score, legend) at a zoom: it grows with the map
// up to 140 % and never shrinks below its own size.
constexpr float label_scale(float zoom) { return std::clamp(zoom, 1.0f, 1.4f); }

// Scale of caption text inside canvas content (chips on cards, tile details, avatars' initials): the
// caption keeps its size from the readable zoom up to 100 % (where body text alone would take it
// under the minimum), follows the zoom above, and shrinks continuously below the readable zoom,
// where the canvas is an overview and no default zoom goes.
constexpr float caption_scale(float zoom) { return zoom < kReadableZoom ? zoom / kReadableZoom : label_scale(zoom); }

}  // namespace wm::ui::type
