// A journey map, or the whole framework grid, as one standalone SVG 1.1 picture: to drop into a slide,
// a wiki or a design tool (browsers, Inkscape, Illustrator, Figma). Pure C++.
//
// What it shows is what the canvases draw (src/ui/map/canvas.cpp, src/ui/framework/canvas.cpp) in the
// light theme, at zoom 1, all of it (nothing culled, no selection, find marks or drag feedback), under
// a title block. Journey map: stage and step header rows, the lane-label column (lanes, layer
// headings), grid lines, every item at its layout rectangle with its wrapped text and badge row, the
// emotion curves. Framework: stage column headers (with the stage KPI), level labels, group headings,
// tiles (state edge, title, state · status · owner, avatars, counts, the headline KPI and sparkline).
//
// The document: `<?xml …?>`, width/height in px equal to the viewBox (1 user unit = 1 CSS px), a
// <title> and <desc>, an opaque background, then one <g> naming the font family once. Only
// presentation attributes (fill, stroke, font-size, font-weight, text-anchor), no CSS, no scripts, no
// links, nothing fetched. Every text is a real <text> with one <tspan x y> per line, so it stays
// selectable and editable; texts are XML-escaped (& < > " '), control characters dropped, invalid
// UTF-8 replaced by U+FFFD. Same input, same bytes: coordinates are printed with at most two decimals
// by std::snprintf (any decimal comma turned into a point), independent of the locale.
//
// Font sizes follow the app: a size is what ImGui calls a font's pixel size, which is the font's line
// height (ascent − descent), not the CSS em. For Noto Sans that is 1.362 em, so the app's 15 px body
// text is font-size 11.01 in CSS terms. SvgStyle::em does that conversion; lines are `size` apart
// and a line's baseline is `ascent × size` below its top, as ImGui draws them. TextWidth measures at
// such a size (the app passes ImFont::CalcTextSizeA(size, …).x of its regular or bold font).
//
// Text that must fit: item texts are wrapped by wrap_lines, and the layout must be computed with the
// same measure (svg_text_height) so each item's box is as tall as its lines. One-line texts (headers,
// tile titles, badges) that do not fit their room are cut and end with "…"; wrapped header texts
// keep the lines that fit, the last one cut the same way.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/framework_layout.hpp"
#include "layout/journey_layout.hpp"
#include "model/model.hpp"
#include "scoring/kpi.hpp"

namespace wm::io {

// Advance width in CSS px of `text` (UTF-8, one line) at font size `size` (see above), regular or bold.
using TextWidth = std::function<float(std::string_view text, float size, bool bold)>;

struct SvgStyle {
    TextWidth width;                 // required (when empty, 0.55 × size per code point stands in)
    float font_size = 15;            // body text: the app's regular and bold fonts; small text is 12.5/15 of it
    std::string font_family = "'Noto Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif";  // the app's UI font is Noto Sans
    float em = 1000.0f / 1362.0f;    // CSS font-size per unit of size (Noto Sans: units per em / (ascent − descent))
    float ascent = 1069.0f / 1362.0f;  // baseline below a line's top, per unit of size (Noto Sans)
};

struct SvgDocument {
    std::string text;
    float width = 0, height = 0;     // user units = CSS px at scale 1
};

// Greedy word wrap at `wrap_width`: words (runs of non-spaces) are kept whole when they fit, a word
// wider than a line is broken between code points (every line holds at least one code point), an
// explicit '\n' always starts a new line (an empty paragraph is an empty line). Spaces between words
// on a line become one space; none lead or trail a line. '\r' and other control characters are
// dropped, a tab counts as a space, invalid UTF-8 becomes U+FFFD. Empty text: no lines.
std::vector<std::string> wrap_lines(std::string_view text, float wrap_width, float size, bool bold, const SvgStyle& style);

// The text height the journey layout needs, consistent with wrap_lines at style.font_size (regular):
// the number of lines (at least one) × font_size. Lay the journey out with it before journey_svg:
//   layout::layout_journey(ws, journey, io::svg_text_height(style))
layout::TextHeight svg_text_height(const SvgStyle& style);

// The map of `journey` (a journey of `ws`). `layout` is layout_journey(ws, journey,
// svg_text_height(style)) — collapsed lanes stay thin rows, as on screen. Width: label column + body
// width; height: title block + header band + body height. `today` is printed in the title block and
// decides which insights are stale. KPI figures are evaluated here (kpi::Evaluation(ws)).
SvgDocument journey_svg(const Workspace& ws, const Journey& journey, const layout::JourneyLayout& layout,
                        const SvgStyle& style, Date today);

// The framework grid. `layout` is layout_framework(ws, options) with the view's options (folded
// journeys and levels, listed unmapped steps); only its tiles are drawn, so the descendants of a
// folded journey are not (its tile says how many are hidden). `facts` is layout::journey_facts(ws)
// (index = Workspace::journeys order). `kpis` is the evaluation of ws; null: evaluated here. Width:
// level-label column + body width; height: title block + stage header band + body height.
SvgDocument framework_svg(const Workspace& ws, const layout::FrameworkLayout& layout,
                          const std::vector<layout::JourneyFacts>& facts, const kpi::Evaluation* kpis,
                          const SvgStyle& style, Date today);

// Text as XML character data or attribute value: & < > " ' as entities, a tab or line feed as a
// space, other control characters (C0, DEL, C1) and U+FFFE/U+FFFF dropped, invalid UTF-8 as U+FFFD;
// everything else as is (UTF-8).
std::string xml_escape(std::string_view text);

}  // namespace wm::io
