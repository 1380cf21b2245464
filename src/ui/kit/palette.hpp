// The colours of every theme as one table of roles × themes, and the text/background pairs the views
// draw with them. Plain C++ with no ImGui: the UI reads it (ui/kit/theme.cpp copies a theme's column
// into the colour globals and ImGui's style), and a native unit test (tests/unit/contrast_test.cpp)
// computes the WCAG contrast of every pair in every theme — a pair below the ratio fails the build's
// tests, whoever adds it. A new theme (high contrast) is a new column; a new way of putting text on
// a colour is a new row of kTextPairs.
//
// [SECTION] index: themes and roles · the table · washes and swatches · text pairs · contrast
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace wm::ui {

// [SECTION] Themes and roles --------------------------------------------------------------------------

// contrast: the high-contrast theme — black text on white, every text pair at 7:1 (WCAG AAA), strong
// lines; chosen in the View menu or by the system's "more contrast" setting (prefers-contrast).
enum class Theme : std::uint8_t { light, dark, contrast };
inline constexpr std::size_t kThemeCount = 3;

// Colours are named by what they are for, never by hue, so that every theme can give each its own value.
enum class Role : std::uint8_t {
    // text
    ink,          // primary text, chart lines and outlines
    muted,        // secondary text: axis labels, counts, captions (must read as text: ≥ 4.5:1)
    hint,         // hints and disabled items (ImGui's TextDisabled); still readable
    on_accent,    // text on a saturated fill (the accent, stage and area colours)
    // surfaces, from the back to the front
    canvas,       // the page behind everything (also the GL clear colour)
    panel,        // a side panel or band set off the canvas
    paper,        // cards, tiles, fields, popups, chart backgrounds
    header_bg,    // table and sticky map headers
    raised,       // buttons
    pressed,      // a button held down, an active header
    row_alt,      // every other table row
    hover,        // a hovered tile, card, button or drop target
    selection,    // the selected row, cell or step
    accent_soft,  // a faint accent wash (the matrix's "do first" quadrant)
    highlight,    // behind find matches (text on it stays ink)
    // lines
    line,         // separators, borders of tiles and cards
    grid,         // chart grid and map cell lines
    // meaning (each is also used as text, so each reads on paper and on its own chip)
    accent,       // selection, links, the brand
    to_be,        // to-be journeys
    warn,         // stale, read-only, needs attention
    error,        // refusals, failures, will-not-do, off target
    ok,           // saved, validated, done, on target
    info,         // observed evidence, the validated status
    neutral,      // the "Everyone" emotion curve: no persona's colour
    // banners: a tinted background under ink text
    info_bg,      // notices, toasts
    warn_bg,      // read-only, a coverage filter switched on
    error_bg,     // storage problems, refused drops
    count
};
inline constexpr std::size_t kRoleCount = static_cast<std::size_t>(Role::count);

constexpr std::string_view role_name(Role r) {
    constexpr std::string_view kNames[] = {"ink", "muted", "hint", "on_accent", "canvas", "panel", "paper", "header_bg", "raised",
                                           "pressed", "row_alt", "hover", "selection", "accent_soft", "highlight", "line", "grid",
                                           "accent", "to_be", "warn", "error", "ok", "info", "neutral", "info_bg", "warn_bg", "error_bg"};
    static_assert(std::size(kNames) == kRoleCount);
    return kNames[static_cast<std::size_t>(r)];
}
constexpr std::string_view theme_key(Theme t) { return t == Theme::dark ? "dark" : t == Theme::contrast ? "contrast" : "light"; }

// [SECTION] The table: 0xRRGGBB per role (rows in Role order) and theme (columns) --------------------------
//
// Light: text and marks use the 600–800 tones (amber-800, green-800, red-700, teal-700, sky-700) so
// that they read as text on paper and on their own chips, not only as fills; secondary text is
// gray-600. Dark: each role keeps its hue, text and marks lightened (300–400 tints) for dark surfaces.
// Contrast: black ink on white, secondary text gray-800, marks the 900 tones (≥ 7:1 on paper and on
// their chips), lines dark enough to see (3:1 against white is the rule for non-text).
inline constexpr std::uint32_t kPalette[kRoleCount][kThemeCount] = {
    //  light      dark      contrast
    {0x1F2937, 0xE5E7EB, 0x000000},  // ink
    {0x4B5563, 0x9CA3AF, 0x1F2937},  // muted
    {0x636B78, 0x949CA9, 0x374151},  // hint
    {0xFFFFFF, 0x111827, 0xFFFFFF},  // on_accent
    {0xF6F7F9, 0x11141B, 0xFFFFFF},  // canvas
    {0xF3F4F6, 0x171B23, 0xF5F5F5},  // panel
    {0xFFFFFF, 0x1E232D, 0xFFFFFF},  // paper
    {0xEEF0F4, 0x262C38, 0xEEEEEE},  // header_bg
    {0xFFFFFF, 0x252A36, 0xFFFFFF},  // raised
    {0xC7D2FE, 0x3A3A8C, 0xD4DAFF},  // pressed
    {0xFAFAFB, 0x222733, 0xF5F5F5},  // row_alt
    {0xEEF2FF, 0x282C48, 0xE6EAFF},  // hover
    {0xE0E7FF, 0x312E6E, 0xD4DAFF},  // selection
    {0xEEF2FF, 0x1F213A, 0xEEF0FF},  // accent_soft
    {0xFEF08A, 0x713F12, 0xFFEB3B},  // highlight
    {0xE5E7EB, 0x373E4C, 0x6B6B6B},  // line
    {0xE5E7EB, 0x2F3541, 0x9A9A9A},  // grid
    {0x4F46E5, 0x99A3FA, 0x312E81},  // accent
    {0x0F766E, 0x2DD4BF, 0x134E4A},  // to_be
    {0x92400E, 0xFBBF24, 0x78350F},  // warn
    {0xB91C1C, 0xF87171, 0x7F1D1D},  // error
    {0x166534, 0x4ADE80, 0x14532D},  // ok
    {0x0369A1, 0x38BDF8, 0x0C4A6E},  // info
    {0x52525B, 0xA1A1AA, 0x27272A},  // neutral
    {0xE0F2FE, 0x0C2D48, 0xE0F2FE},  // info_bg
    {0xFEF3C7, 0x422C06, 0xFEF3C7},  // warn_bg
    {0xFEE2E2, 0x451212, 0xFEE2E2},  // error_bg
};

constexpr std::uint32_t palette(Theme t, Role r) {
    return kPalette[static_cast<std::size_t>(r)][static_cast<std::size_t>(t)];
}

// [SECTION] Washes and swatches ------------------------------------------------------------------------
// A wash is paper mixed towards a colour by an amount: the views tint with these numbers and the
// contrast test checks the text on the result, so they live here.
inline constexpr float kChipWash = 0.12f;          // a chip's fill: its own colour over paper (text in that colour)
inline constexpr float kStageWash = 0.16f;         // the map's stage header band (accent)
inline constexpr float kStageSelectedWash = 0.35f; // a selected stage header
inline constexpr float kLaneWash = 0.08f;          // a lane's band behind its cells (the lane's colour)
inline constexpr float kLayerWash = 0.18f;         // a layer's heading row (the colour of its first lane)
inline constexpr float kLayerSelectedWash = 0.34f; // a selected layer heading
inline constexpr float kItemWash = 0.10f;          // insight / opportunity / KPI / journey items on a map
inline constexpr float kFilterHoverWash = 0.15f;   // a hovered coverage filter that is on: warn over warn_bg

// Lane colours offered by templates and the lane picker (text sits on their washes).
inline constexpr std::uint32_t kLaneSwatches[] = {0x6366F1, 0x14B8A6, 0xF59E0B, 0xF43F5E, 0x8B5CF6, 0x0EA5E9, 0x10B981, 0x64748B};
// Persona colours offered for new personas, in order. None is the accent (the selection outline on
// the map) or the neutral "Everyone" grey, so a persona's curve never looks selected or general;
// each carries white initials at ≥ 4.5:1 (checked by the contrast test).
inline constexpr std::uint32_t kPersonaSwatches[] = {0x0F766E, 0xBE185D, 0xB45309, 0x1D4ED8, 0x7E22CE, 0x15803D, 0xC2410C, 0x0E7490};
// The item tints of the map (kItemWash): insight sky, opportunity indigo, KPI violet, child journey slate.
inline constexpr std::uint32_t kItemTints[] = {0x0EA5E9, 0x4F46E5, 0x8B5CF6, 0x64748B};

// [SECTION] Text pairs: every way the views put text on a colour -------------------------------------
//
// Size: body text needs 4.5:1, large text (≥ 18.66 px bold or 24 px, WCAG) 3:1.
enum class TextSize : std::uint8_t { body, large };

// A background: a role, optionally washed towards another role (kChipWash of `error` over paper is
// an error chip).
struct Surface {
    Role base = Role::paper;
    Role wash = Role::count;   // count: no wash
    float amount = 0;
};

struct TextPair {
    Role text;
    Surface on;
    TextSize size;
    std::string_view where;
};

constexpr Surface plain(Role r) { return Surface{r, Role::count, 0}; }
constexpr Surface chip(Role r) { return Surface{Role::paper, r, kChipWash}; }

inline constexpr TextPair kTextPairs[] = {
    // ImGui's text on its surfaces (ui/kit/theme.cpp maps the style colours to these roles).
    {Role::ink, plain(Role::canvas), TextSize::body, "text on the page"},
    {Role::ink, plain(Role::panel), TextSize::body, "text on a panel"},
    {Role::ink, plain(Role::paper), TextSize::body, "text on paper, fields, popups, cards"},
    {Role::ink, plain(Role::header_bg), TextSize::body, "table headers, map corner"},
    {Role::ink, plain(Role::raised), TextSize::body, "button labels"},
    {Role::ink, plain(Role::pressed), TextSize::body, "a pressed button, the current view's tab"},
    {Role::ink, plain(Role::row_alt), TextSize::body, "alternate table rows"},
    {Role::ink, plain(Role::hover), TextSize::body, "hovered buttons, rows and tiles"},
    {Role::ink, plain(Role::selection), TextSize::body, "selected rows and cells"},
    {Role::ink, plain(Role::highlight), TextSize::body, "find matches"},
    {Role::ink, plain(Role::info_bg), TextSize::body, "notices and toasts"},
    {Role::ink, plain(Role::warn_bg), TextSize::body, "read-only banner, a coverage filter switched on"},
    {Role::ink, Surface{Role::warn_bg, Role::warn, kFilterHoverWash}, TextSize::body, "a coverage filter switched on, hovered"},
    {Role::ink, plain(Role::error_bg), TextSize::body, "storage problems, refused drops"},
    {Role::ink, Surface{Role::paper, Role::accent, kStageWash}, TextSize::body, "map stage headers"},
    {Role::ink, Surface{Role::paper, Role::accent, kStageSelectedWash}, TextSize::body, "a selected map stage header"},
    {Role::muted, plain(Role::canvas), TextSize::body, "secondary text on the page"},
    {Role::muted, plain(Role::panel), TextSize::body, "secondary text on a panel, framework level bands"},
    {Role::muted, plain(Role::paper), TextSize::body, "lane kinds, tile details, legends"},
    {Role::muted, plain(Role::header_bg), TextSize::body, "framework stage header counts"},
    {Role::muted, plain(Role::hover), TextSize::body, "details of a hovered tile"},
    {Role::muted, plain(Role::selection), TextSize::body, "details of a selected row"},
    {Role::muted, plain(Role::info_bg), TextSize::body, "the toast's secondary text"},
    {Role::muted, Surface{Role::paper, Role::accent, kStageWash}, TextSize::body, "map stage headers: counts"},
    {Role::muted, chip(Role::muted), TextSize::body, "grey chips (target, segment, insight count)"},
    {Role::hint, plain(Role::canvas), TextSize::body, "hints on the page"},
    {Role::hint, plain(Role::paper), TextSize::body, "hints in popups and panels, disabled menu items"},
    {Role::hint, plain(Role::panel), TextSize::body, "hints on a panel"},
    {Role::hint, plain(Role::header_bg), TextSize::body, "hints in headers"},
    {Role::on_accent, plain(Role::accent), TextSize::body, "text on the accent"},
    {Role::accent, plain(Role::canvas), TextSize::body, "links and the brand on the page"},
    {Role::accent, plain(Role::paper), TextSize::body, "links, \"+ child\", child journeys on a map"},
    {Role::accent, plain(Role::header_bg), TextSize::body, "accent text in headers"},
    {Role::accent, plain(Role::hover), TextSize::body, "a hovered link"},
    {Role::accent, plain(Role::accent_soft), TextSize::body, "\"Do first\" on the matrix"},
    {Role::accent, chip(Role::accent), TextSize::body, "accent chips (status, rolled up, hidden)"},
    {Role::to_be, plain(Role::paper), TextSize::body, "to-be labels"},
    {Role::to_be, plain(Role::canvas), TextSize::body, "\"To-be version of\" in the journey header"},
    {Role::to_be, chip(Role::to_be), TextSize::body, "to-be chips"},
    {Role::warn, plain(Role::canvas), TextSize::body, "read-only status"},
    {Role::warn, plain(Role::paper), TextSize::body, "\"Moment of truth\", \"Not mapped\" with gaps on"},
    {Role::warn, plain(Role::warn_bg), TextSize::body, "\"Not mapped\" on a washed column"},
    {Role::warn, chip(Role::warn), TextSize::body, "stale and not-owned chips"},
    {Role::error, plain(Role::canvas), TextSize::body, "refusals on the status line"},
    {Role::error, plain(Role::paper), TextSize::body, "off-target KPI values, \"Delete KPI\""},
    {Role::error, plain(Role::error_bg), TextSize::body, "refusal details"},
    {Role::error, chip(Role::error), TextSize::body, "off-target KPI chips"},
    {Role::ok, plain(Role::canvas), TextSize::body, "notices on the status line"},
    {Role::ok, plain(Role::paper), TextSize::body, "on-target KPI values"},
    {Role::ok, chip(Role::ok), TextSize::body, "validated and on-target chips"},
    {Role::info, plain(Role::paper), TextSize::body, "observed evidence, validated status"},
    {Role::info, chip(Role::info), TextSize::body, "observed-evidence chips"},
    {Role::neutral, plain(Role::paper), TextSize::body, "the \"Everyone\" curve's scores and legend"},
};

// [SECTION] Contrast (WCAG 2.x) -----------------------------------------------------------------------

inline double relative_luminance(std::uint32_t rgb) {
    auto lin = [](std::uint32_t c8) {
        const double c = static_cast<double>(c8) / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * lin((rgb >> 16) & 0xFF) + 0.7152 * lin((rgb >> 8) & 0xFF) + 0.0722 * lin(rgb & 0xFF);
}

inline double contrast_ratio(std::uint32_t a, std::uint32_t b) {
    double la = relative_luminance(a), lb = relative_luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

// `a` mixed towards `b` by t (0 → a, 1 → b), per channel, rounded as the UI's color::mix rounds.
constexpr std::uint32_t mix_rgb(std::uint32_t a, std::uint32_t b, float t) {
    std::uint32_t out = 0;
    for (int shift : {16, 8, 0}) {
        const float x = static_cast<float>((a >> shift) & 0xFF), y = static_cast<float>((b >> shift) & 0xFF);
        out |= static_cast<std::uint32_t>(x + (y - x) * t + 0.5f) << shift;
    }
    return out;
}

inline std::uint32_t surface_rgb(Theme t, Surface s) {
    const std::uint32_t base = palette(t, s.base);
    return s.wash == Role::count ? base : mix_rgb(base, palette(t, s.wash), s.amount);
}

// [SECTION] Persona avatars: a colour the user chose, with initials on it ------------------------------
//
// The initials' colour on a fill (as color::readable_on chooses it: by perceived brightness), dark
// ink (the light theme's ink) or white.
inline constexpr std::uint32_t kInitialsDark = 0x1F2937;
constexpr std::uint32_t initials_on(std::uint32_t fill) {
    const std::uint32_t r = (fill >> 16) & 0xFF, g = (fill >> 8) & 0xFF, b = fill & 0xFF;
    return (r * 299 + g * 587 + b * 114) / 1000 > 150 ? kInitialsDark : 0xFFFFFF;
}
// A persona's avatar fill in theme t: its own colour, except in the high-contrast theme, where it is
// darkened under white initials (lightened under dark ones) just enough that they reach 7:1; the hue
// stays, so the persona is still told apart by colour where colour helps, and by initials always.
inline std::uint32_t avatar_fill_rgb(std::uint32_t colour, Theme t) {
    if (t != Theme::contrast) return colour;
    const std::uint32_t ink = initials_on(colour);
    const std::uint32_t away = ink == kInitialsDark ? 0xFFFFFF : 0x000000;
    for (int step = 0; step <= 40; ++step) {
        const std::uint32_t fill = mix_rgb(colour, away, static_cast<float>(step) / 40.0f);
        if (contrast_ratio(fill, ink) >= 7.0) return fill;
    }
    return away;
}

// WCAG AA (4.5:1 body, 3:1 large) in the light and dark themes, AAA (7:1, 4.5:1) in the high-contrast one.
inline double required_ratio(TextSize size, Theme t = Theme::light) {
    if (t == Theme::contrast) return size == TextSize::large ? 4.5 : 7.0;
    return size == TextSize::large ? 3.0 : 4.5;
}

}  // namespace wm::ui
