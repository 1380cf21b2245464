// Every text/background pair the views draw, in every theme, meets WCAG contrast (4.5:1 body, 3:1
// large), and the type scale keeps every text at or above the minimum size at any default zoom.
// The table (ui/kit/palette.hpp) and the scale (ui/kit/type_scale.hpp) are plain C++, so this runs
// natively with no ImGui; the UI reads the same table, so a colour changed there is checked here.
#include <doctest/doctest.h>

#include <iterator>
#include <string>
#include <vector>

#include "ui/kit/palette.hpp"
#include "ui/kit/type_scale.hpp"

using namespace wm::ui;

namespace {

constexpr Theme kThemes[] = {Theme::light, Theme::dark, Theme::contrast};

std::string hex(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", rgb & 0xFFFFFFu);
    return buf;
}

// One pair, with a message naming the theme, the roles and where the pair is used.
void check_pair(Theme t, std::uint32_t text, std::uint32_t background, double required, std::string_view what) {
    const double ratio = contrast_ratio(text, background);
    INFO(theme_key(t), ": ", what, " — ", hex(text), " on ", hex(background), " is ", ratio, ":1, needs ", required, ":1");
    CHECK(ratio >= required);
}

}  // namespace

TEST_CASE("contrast: the WCAG formula gives the known ratios") {
    CHECK(contrast_ratio(0x000000, 0xFFFFFF) == doctest::Approx(21.0));
    CHECK(contrast_ratio(0xFFFFFF, 0xFFFFFF) == doctest::Approx(1.0));
    CHECK(contrast_ratio(0x767676, 0xFFFFFF) == doctest::Approx(4.54).epsilon(0.01));  // the classic 4.5:1 grey
    CHECK(contrast_ratio(0xFFFFFF, 0x767676) == contrast_ratio(0x767676, 0xFFFFFF));   // symmetric
    CHECK(mix_rgb(0x000000, 0xFFFFFF, 0.5f) == 0x808080);
    CHECK(mix_rgb(0x123456, 0xABCDEF, 0.0f) == 0x123456);
    CHECK(mix_rgb(0x123456, 0xABCDEF, 1.0f) == 0xABCDEF);
}

TEST_CASE("contrast: every text/background pair of every theme") {
    for (Theme t : kThemes)
        for (const TextPair& p : kTextPairs) {
            const std::string what = std::string(role_name(p.text)) + " on " + std::string(role_name(p.on.base)) +
                                     (p.on.wash == Role::count ? "" : " washed with " + std::string(role_name(p.on.wash))) + " (" +
                                     std::string(p.where) + ")";
            check_pair(t, palette(t, p.text), surface_rgb(t, p.on), required_ratio(p.size, t), what);
        }
}

TEST_CASE("contrast: text on the colours users and templates choose") {
    for (Theme t : kThemes) {
        const std::uint32_t paper = palette(t, Role::paper);
        // A lane's band, its layer heading (plain and selected) under ink text and muted kinds.
        for (std::uint32_t lane : kLaneSwatches) {
            for (float wash : {kLaneWash, kLayerWash, kLayerSelectedWash})
                check_pair(t, palette(t, Role::ink), mix_rgb(paper, lane, wash), required_ratio(TextSize::body, t), "ink on a lane/layer wash of " + hex(lane));
            check_pair(t, palette(t, Role::muted), mix_rgb(paper, lane, kLaneWash), required_ratio(TextSize::body, t), "a lane's kind on its band " + hex(lane));
        }
        // Linked items on a map (insight, opportunity, KPI, child journey): ink and muted text.
        for (std::uint32_t item : kItemTints) {
            check_pair(t, palette(t, Role::ink), mix_rgb(paper, item, kItemWash), required_ratio(TextSize::body, t), "an item on the map " + hex(item));
            check_pair(t, palette(t, Role::muted), mix_rgb(paper, item, kItemWash), required_ratio(TextSize::body, t), "an item's details " + hex(item));
        }
    }
    // Persona avatars are the same colour in both themes, with white initials.
    for (std::uint32_t persona : kPersonaSwatches) check_pair(Theme::light, 0xFFFFFF, persona, 4.5, "initials on a persona " + hex(persona));
}

TEST_CASE("contrast: persona avatars hold their initials to 7:1 in the high-contrast theme") {
    // The offered colours and any a user may type (a grid over the colour cube, with the extremes).
    std::vector<std::uint32_t> colours(std::begin(kPersonaSwatches), std::end(kPersonaSwatches));
    for (std::uint32_t r = 0; r <= 0xFF; r += 0x33)
        for (std::uint32_t g = 0; g <= 0xFF; g += 0x33)
            for (std::uint32_t b = 0; b <= 0xFF; b += 0x33) colours.push_back(r << 16 | g << 8 | b);
    colours.push_back(0x777777);   // the hardest grey: about 4.5:1 either way
    for (std::uint32_t c : colours) {
        const std::uint32_t fill = avatar_fill_rgb(c, Theme::contrast);
        const std::uint32_t ink = initials_on(fill);
        INFO("avatar " << hex(c) << " drawn as " << hex(fill));
        CHECK(contrast_ratio(fill, ink) >= 7.0);
        CHECK(ink == initials_on(c));   // made darker under white initials, lighter under dark ones
        // Changed only as far as needed: a colour that already holds 7:1 is kept.
        if (contrast_ratio(c, initials_on(c)) >= 7.0) CHECK(fill == c);
        // The other themes keep the user's colour.
        CHECK(avatar_fill_rgb(c, Theme::light) == c);
        CHECK(avatar_fill_rgb(c, Theme::dark) == c);
    }
}

TEST_CASE("contrast: the roles' names and the table agree") {
    for (std::size_t r = 0; r < kRoleCount; ++r) CHECK_FALSE(role_name(static_cast<Role>(r)).empty());
    // Themes differ where they must: the page is light in one and dark in the other.
    CHECK(relative_luminance(palette(Theme::light, Role::canvas)) > 0.8);
    CHECK(relative_luminance(palette(Theme::dark, Role::canvas)) < 0.05);
    // High contrast: black on white, and lines that show against paper (3:1, WCAG non-text contrast).
    CHECK(palette(Theme::contrast, Role::ink) == 0x000000);
    CHECK(palette(Theme::contrast, Role::paper) == 0xFFFFFF);
    CHECK(contrast_ratio(palette(Theme::contrast, Role::line), palette(Theme::contrast, Role::paper)) >= 3.0);
}

TEST_CASE("type scale: no text under the minimum at any default zoom") {
    using namespace wm::ui::type;
    for (float step : {kCaptionPx, kBodyPx, kTitlePx, kHeadingPx}) CHECK(step >= kMinPx);
    CHECK(kCaptionPx < kBodyPx);
    CHECK(kBodyPx < kHeadingPx);
    // Canvas content scales with the zoom: the least default zoom keeps body text at the minimum.
    for (float fit : {0.1f, 0.5f, 0.8f, 0.85f, 0.9f, 1.0f, 2.0f}) {
        const float zoom = default_zoom(fit);
        CHECK(zoom * kBodyPx >= kMinPx);
        CHECK(zoom <= 1.0f);
        // Labels never shrink below their own size, however far out the canvas is zoomed.
        CHECK(label_scale(zoom) * kCaptionPx >= kMinPx);
    }
    CHECK(label_scale(0.3f) == 1.0f);
    CHECK(line_height(kBodyPx) == doctest::Approx(kBodyPx * kLinePerEm));
    CHECK(em_px(line_height(kCaptionPx)) == doctest::Approx(kCaptionPx));
}

TEST_CASE("type scale: caption text in canvas content is continuous and readable at default zooms") {
    using namespace wm::ui::type;
    for (float fit : {0.85f, 0.9f, 1.0f}) CHECK(caption_scale(default_zoom(fit)) * kCaptionPx >= kMinPx);
    CHECK(caption_scale(kReadableZoom) == doctest::Approx(1.0f));
    CHECK(caption_scale(kReadableZoom - 0.001f) == doctest::Approx(1.0f).epsilon(0.01));  // no jump
    CHECK(caption_scale(0.425f) == doctest::Approx(0.5f));
    CHECK(caption_scale(1.2f) == doctest::Approx(1.2f));
}
