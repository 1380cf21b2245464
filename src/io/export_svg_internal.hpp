// Shared by the SVG exports (internal to src/io):
//   export_svg.cpp            text (escape, wrap, fit), the writer, pills, sparklines, the title block
//   export_svg_journey.cpp    the journey map
//   export_svg_framework.cpp  the framework grid
// Colours are the light theme's (src/ui/kit/theme.cpp), copied: io does not include src/ui.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/export_svg.hpp"

namespace wm::io::svg {

inline constexpr std::string_view kDot = " \xC2\xB7 ";   // " · " between facts on one line

// [SECTION] Colours (0xRRGGBB), by role as in ui::color
inline constexpr std::uint32_t kInk = 0x1F2937;
inline constexpr std::uint32_t kMuted = 0x6B7280;
inline constexpr std::uint32_t kCanvas = 0xF6F7F9;
inline constexpr std::uint32_t kPanel = 0xF3F4F6;
inline constexpr std::uint32_t kPaper = 0xFFFFFF;
inline constexpr std::uint32_t kHeaderBg = 0xEEF0F4;
inline constexpr std::uint32_t kLine = 0xE5E7EB;
inline constexpr std::uint32_t kAccent = 0x4F46E5;
inline constexpr std::uint32_t kToBe = 0x0D9488;
inline constexpr std::uint32_t kWarn = 0xD97706;
inline constexpr std::uint32_t kError = 0xDC2626;
inline constexpr std::uint32_t kOk = 0x16A34A;
inline constexpr std::uint32_t kObserved = 0x0EA5E9;   // "observed" evidence (the map's light-theme value)
inline constexpr std::uint32_t kWhite = 0xFFFFFF;
inline constexpr std::uint32_t kTextOnLight = 0x1F2937;

std::uint32_t mix(std::uint32_t a, std::uint32_t b, float t);   // a → b by t, per channel, rounded
inline std::uint32_t tint(std::uint32_t c, float amount) { return mix(kPaper, c, amount); }   // washed towards the paper
std::uint32_t readable_on(std::uint32_t background);            // kTextOnLight or white, as ui::color::readable_on
std::uint32_t health_color(kpi::Health health);                  // ok / error / muted

struct Paint {
    std::uint32_t rgb = kInk;
    float opacity = 1;
};

// [SECTION] Text
std::string num(float v);                       // "12.5", "-3", "0": at most two decimals, '.' always
std::string sanitize(std::string_view text, bool keep_newlines);   // see xml_escape; '\n' kept or made a space
std::size_t code_point_length(unsigned char lead);                  // bytes of the code point (valid UTF-8)
std::string kpi_value_text(double value, const std::string& unit);  // "12.5 %": %.4g and the unit (kit/sparkline.cpp)
std::string level_name(const Workspace& ws, int level);   // from the settings, else "Level n"

// [SECTION] Writer: elements in document order, into `out`.
enum class Anchor : std::uint8_t { start, middle, end };

class Writer {
public:
    explicit Writer(const SvgStyle& style) : style_(style) {}
    [[nodiscard]] const SvgStyle& style() const { return style_; }
    [[nodiscard]] float body() const { return style_.font_size; }                     // regular and bold
    [[nodiscard]] float small() const { return style_.font_size * (12.5f / 15.0f); }  // the app's small font
    [[nodiscard]] float measure(std::string_view text, float size, bool bold) const;

    void rect(float x, float y, float w, float h, Paint fill, float rx = 0);
    void frame(float x, float y, float w, float h, Paint stroke, float width, float rx = 0, float dash = 0);   // outline only
    void line(float x1, float y1, float x2, float y2, Paint stroke, float width = 1);
    void circle(float cx, float cy, float r, Paint fill);
    void ring(float cx, float cy, float r, Paint stroke, float width);
    void polyline(const std::vector<layout::Vec2>& points, Paint stroke, float width, std::string_view dasharray = {});  // dasharray: "9 6"
    void polygon(const std::vector<layout::Vec2>& points, Paint fill);
    // Lines of text, the first with its top at `top`, each `size` below the previous one.
    void text(float x, float top, const std::vector<std::string>& lines, float size, bool bold, Paint fill, Anchor anchor = Anchor::start);
    void text(float x, float top, std::string_view line, float size, bool bold, Paint fill, Anchor anchor = Anchor::start);

    // One line that fits max_w: as it is, or cut at a code point and ended with "…" ("" if not even that fits).
    [[nodiscard]] std::string fit(std::string_view text, float max_w, float size, bool bold) const;
    // Wrapped at w, keeping the lines that fit in h (the last kept one ends with "…" when some are left out).
    [[nodiscard]] std::vector<std::string> box(std::string_view text, float w, float h, float size, bool bold) const;
    // A pill as ui::pill: coloured text on a faint fill. Returns the width taken, 0 when it did not fit before max_x.
    float pill(float x, float y, float size, std::uint32_t col, std::string_view text, float max_x);
    // A reading's sparkline in [x0, x1] × [y0, y1], as ui::draw_sparkline.
    void sparkline(float x0, float y0, float x1, float y1, const kpi::Reading& reading, const Metric& metric);
    // The disclosure triangle of the map's layers and the framework's levels: right when folded, else down.
    void disclosure(float cx, float cy, float s, bool folded, Paint fill);

    std::string out;

private:
    std::string fill_attrs(Paint p) const;
    const SvgStyle& style_;
};

// [SECTION] Document
struct TitleBlock {
    std::string title;                // large, bold
    std::vector<std::string> lines;   // body text under it
    std::string footer;               // small, muted: workspace and export date
};
// Height of the block drawn across `width` (its texts wrapped to fit).
float title_block_height(const Writer& w, const TitleBlock& block, float width);
void draw_title_block(Writer& w, const TitleBlock& block, float width);
// The standalone document around the body the writer holds.
SvgDocument finish(const Writer& w, std::string_view title, std::string_view desc, float width, float height);

}  // namespace wm::io::svg
