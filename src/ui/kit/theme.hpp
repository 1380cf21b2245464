// Colours and style, in a light and a dark theme. Colours are named by role, not by widget: a view
// asks for "secondary text" or "a hovered surface", never for a grey, so both themes work everywhere.
// The values are one table of roles × themes (ui/kit/palette.hpp, no ImGui), whose text/background
// pairs a native unit test checks for contrast.
//
// The palette roles below are plain globals (read them as `color::kInk`); apply_theme() reassigns all
// of them from the table together with ImGui's style colours. Read them while drawing, never cache
// them in a `static`: the user can switch the theme at any frame. Their initial values are the light
// theme's.
#pragma once

#include <cstdint>
#include <string_view>

#include "imgui.h"
#include "ui/kit/palette.hpp"

namespace wm::ui {

namespace color {
// --- text ------------------------------------------------------------------------------------
inline ImU32 kInk = IM_COL32(31, 41, 55, 255);          // primary text, chart lines and outlines
inline ImU32 kMuted = IM_COL32(75, 85, 99, 255);        // secondary text, axis labels, counts
inline ImU32 kHint = IM_COL32(99, 107, 120, 255);       // hints and disabled items (ImGui's TextDisabled)
inline ImU32 kOnAccent = IM_COL32(255, 255, 255, 255);  // text on a saturated fill (stage/area colours, accent)
// --- surfaces (from the back to the front) ---------------------------------------------------------
inline ImU32 kCanvas = IM_COL32(246, 247, 249, 255);    // the page behind everything (also the GL clear colour)
inline ImU32 kPanel = IM_COL32(243, 244, 246, 255);     // a side panel or lane header set off the canvas
inline ImU32 kPaper = IM_COL32(255, 255, 255, 255);     // cards, tiles, chart backgrounds
inline ImU32 kHeaderBg = IM_COL32(238, 240, 244, 255);  // table and sticky map headers
inline ImU32 kHover = IM_COL32(238, 242, 255, 255);     // a hovered tile, card or drop target
inline ImU32 kSelection = IM_COL32(224, 231, 255, 255);  // the selected row, cell or step
inline ImU32 kAccentSoft = IM_COL32(238, 242, 255, 255);  // a faint accent wash (the matrix's "do first" quadrant)
inline ImU32 kHighlight = IM_COL32(254, 240, 138, 255);  // behind find matches (text on it stays kInk)
// --- lines ---------------------------------------------------------------------------------------
inline ImU32 kLine = IM_COL32(229, 231, 235, 255);      // separators, borders of tiles and cards
inline ImU32 kGrid = IM_COL32(229, 231, 235, 255);      // chart grid and map cell lines (dark: fainter than kLine)
// --- meaning ---------------------------------------------------------------------------------------
inline ImU32 kAccent = IM_COL32(79, 70, 229, 255);      // selection, links, the brand (indigo in both themes)
inline ImU32 kToBe = IM_COL32(15, 118, 110, 255);       // to-be journeys
inline ImU32 kWarn = IM_COL32(146, 64, 14, 255);        // stale, read-only, needs attention
inline ImU32 kError = IM_COL32(185, 28, 28, 255);       // refusals, failures, will-not-do
inline ImU32 kOk = IM_COL32(22, 101, 52, 255);          // saved, validated, done
inline ImU32 kInfo = IM_COL32(3, 105, 161, 255);        // observed evidence, the validated status
inline ImU32 kNeutral = IM_COL32(82, 82, 91, 255);      // the "Everyone" emotion curve (no persona's colour)
// --- banners: a tinted background under kInk text -----------------------------------------------
inline ImU32 kInfoBg = IM_COL32(224, 242, 254, 255);    // notices ("Restored the save of …")
inline ImU32 kWarnBg = IM_COL32(254, 243, 199, 255);    // read-only
inline ImU32 kErrorBg = IM_COL32(254, 226, 226, 255);   // storage problems

// The role's colour in the current theme (the globals above are these, copied by apply_theme).
ImU32 role(Role r);
// A chip's fill for text in `text_colour`: that colour washed over paper (palette.hpp kChipWash),
// opaque, so a chip reads the same on any surface it sits on.
ImU32 chip_fill(ImU32 text_colour);

// Fixed in both themes: text on a colour the user chose (persona avatars), see readable_on().
inline constexpr ImU32 kTextOnLight = IM_COL32(31, 41, 55, 255);
inline constexpr ImU32 kTextOnDark = IM_COL32(255, 255, 255, 255);

// `light` in the light theme, `dark` in the dark one: for series colours (chart stages, statuses)
// that keep their hue but need a lighter tint to read on a dark background.
ImU32 themed(ImU32 light, ImU32 dark);
// kTextOnLight or kTextOnDark, whichever reads better on `background` (alpha is ignored).
ImU32 readable_on(ImU32 background);
// A persona's avatar fill (0xRRGGBB) in the current theme: its own colour, made darker or lighter in
// the high-contrast one so its initials (readable_on the fill) reach 7:1 (palette.hpp avatar_fill_rgb).
ImU32 avatar_fill(std::uint32_t persona_colour);
// `a` blended towards `b` by t (0 → a, 1 → b), alpha included.
ImU32 mix(ImU32 a, ImU32 b, float t);
}  // namespace color

// Sets ImGui's style (sizes, roundings, every style colour) and the palette above for `theme`. Does
// not remember the choice: see choose_theme().
void apply_theme(Theme theme);
[[nodiscard]] Theme current_theme();
[[nodiscard]] std::string_view theme_name(Theme theme);  // "light" / "dark" / "contrast" (stored, and in stats())

// At start-up: the theme the user chose (a browser preference), else the system's (prefers-contrast:
// more → high contrast, else prefers-color-scheme), which is then followed while the app runs until
// the user chooses.
void init_theme();
// The user's choice (View › Light theme / Dark theme): applied, remembered in this browser, and a
// frame is requested to draw it.
void choose_theme(Theme theme);
// True once the user chose a theme in this browser (the system's is no longer followed).
[[nodiscard]] bool theme_chosen();

ImU32 rgb(std::uint32_t rgb, int alpha = 255);                  // 0xRRGGBB → ImU32
ImVec4 rgb4(std::uint32_t rgb, float alpha = 1.0f);

}  // namespace wm::ui
