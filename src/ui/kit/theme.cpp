#include "ui/kit/theme.hpp"

#include <optional>

#include "platform/platform.hpp"

namespace wm::ui {

namespace {

constexpr const char* kPreferenceKey = "theme";  // stored as "waymark.theme" (web/app.js reads it too)

struct ThemeState {
    Theme theme = Theme::light;
    bool chosen = false;       // the user picked one in this browser: the system's is not followed
    bool watching = false;     // subscribed to prefers-color-scheme changes
};
ThemeState state;  // one theme per page

ImU32 c32(std::uint32_t c) { return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, 255); }
ImVec4 v4(Role r, float alpha = 1.0f) { return rgb4(palette(state.theme, r), alpha); }

// The roles' globals from the table (ui/kit/palette.hpp), for the theme in force.
void set_palette(Theme t) {
    auto get = [t](Role r) { return c32(palette(t, r)); };
    color::kInk = get(Role::ink);
    color::kMuted = get(Role::muted);
    color::kHint = get(Role::hint);
    color::kOnAccent = get(Role::on_accent);
    color::kCanvas = get(Role::canvas);
    color::kPanel = get(Role::panel);
    color::kPaper = get(Role::paper);
    color::kHeaderBg = get(Role::header_bg);
    color::kHover = get(Role::hover);
    color::kSelection = get(Role::selection);
    color::kAccentSoft = get(Role::accent_soft);
    color::kHighlight = get(Role::highlight);
    color::kLine = get(Role::line);
    color::kGrid = get(Role::grid);
    color::kAccent = get(Role::accent);
    color::kToBe = get(Role::to_be);
    color::kWarn = get(Role::warn);
    color::kError = get(Role::error);
    color::kOk = get(Role::ok);
    color::kInfo = get(Role::info);
    color::kNeutral = get(Role::neutral);
    color::kInfoBg = get(Role::info_bg);
    color::kWarnBg = get(Role::warn_bg);
    color::kErrorBg = get(Role::error_bg);
}

// Sizes and roundings: the same in both themes.
void set_metrics(ImGuiStyle& s) {
    s.WindowRounding = 0;
    s.FrameRounding = 5;
    s.ChildRounding = 6;
    s.PopupRounding = 6;
    s.GrabRounding = 4;
    s.TabRounding = 5;
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(8, 6);
    s.CellPadding = ImVec2(6, 4);
    s.WindowPadding = ImVec2(12, 10);
    s.ScrollbarSize = 12;
    s.WindowBorderSize = 0;
    s.FrameBorderSize = 1;
    s.PopupBorderSize = 1;
}

// ImGui's style colours from the roles, so that every text ImGui draws is one of the pairs the
// contrast test checks (palette.hpp kTextPairs): text and hints on the canvas, paper (popups, fields,
// table rows), buttons, headers, hover and selection. Colours with no text on them (grips, separators
// in use) keep ImGui's defaults for the theme, tinted to the accent where they show.
void style_colors(ImGuiStyle& s, Theme t) {
    if (t == Theme::dark) ImGui::StyleColorsDark(&s);
    else ImGui::StyleColorsLight(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = v4(Role::ink);
    c[ImGuiCol_TextDisabled] = v4(Role::hint);
    c[ImGuiCol_WindowBg] = v4(Role::canvas);
    c[ImGuiCol_ChildBg] = v4(Role::canvas, 0);
    c[ImGuiCol_PopupBg] = v4(Role::paper);
    c[ImGuiCol_Border] = t == Theme::dark ? rgb4(0x3E4656) : v4(Role::line);   // contrast: its dark line
    c[ImGuiCol_BorderShadow] = rgb4(0x000000, 0);
    c[ImGuiCol_FrameBg] = v4(Role::paper);
    c[ImGuiCol_FrameBgHovered] = v4(Role::hover);
    c[ImGuiCol_FrameBgActive] = v4(Role::selection);
    c[ImGuiCol_TitleBg] = v4(Role::paper);
    c[ImGuiCol_TitleBgActive] = v4(Role::header_bg);
    c[ImGuiCol_TitleBgCollapsed] = v4(Role::paper, 0.8f);
    c[ImGuiCol_MenuBarBg] = v4(Role::paper);
    c[ImGuiCol_Button] = v4(Role::raised);
    c[ImGuiCol_ButtonHovered] = v4(Role::hover);
    c[ImGuiCol_ButtonActive] = v4(Role::pressed);
    c[ImGuiCol_Header] = v4(Role::selection);
    c[ImGuiCol_HeaderHovered] = v4(Role::hover);
    c[ImGuiCol_HeaderActive] = v4(Role::pressed);
    c[ImGuiCol_CheckMark] = v4(Role::accent);
    c[ImGuiCol_SliderGrab] = rgb4(0x6366F1);
    c[ImGuiCol_SliderGrabActive] = v4(Role::accent);
    c[ImGuiCol_TableHeaderBg] = v4(Role::header_bg);
    c[ImGuiCol_TableBorderStrong] = t == Theme::dark ? rgb4(0x4B5563) : t == Theme::contrast ? rgb4(0x000000) : rgb4(0xD1D5DB);
    c[ImGuiCol_TableBorderLight] = v4(Role::line);
    c[ImGuiCol_TableRowBg] = v4(Role::paper);
    c[ImGuiCol_TableRowBgAlt] = v4(Role::row_alt);
    c[ImGuiCol_TextSelectedBg] = rgb4(0x6366F1, t == Theme::dark ? 0.45f : 0.3f);
    if (t == Theme::contrast) {
        // Focus, checks and grips in the accent; scrollbars dark enough to find.
        c[ImGuiCol_ScrollbarGrab] = v4(Role::line);
        c[ImGuiCol_ScrollbarGrabHovered] = v4(Role::muted);
        c[ImGuiCol_ScrollbarGrabActive] = v4(Role::ink);
        c[ImGuiCol_SliderGrab] = v4(Role::accent);
        c[ImGuiCol_SeparatorHovered] = v4(Role::accent);
        c[ImGuiCol_SeparatorActive] = v4(Role::accent);
        c[ImGuiCol_ModalWindowDimBg] = rgb4(0x000000, 0.5f);
    }
    c[ImGuiCol_NavHighlight] = v4(Role::accent);
    c[ImGuiCol_Separator] = v4(Role::line);
    // The progress bar's fill carries its label (ImGui draws it over the bar): the pressed wash (ink on
    // it is a checked pair), not the accent.
    c[ImGuiCol_PlotHistogram] = v4(Role::pressed);
    c[ImGuiCol_PlotHistogramHovered] = v4(Role::pressed);
    if (t == Theme::dark) {
        c[ImGuiCol_ScrollbarBg] = v4(Role::canvas, 0.6f);
        c[ImGuiCol_ScrollbarGrab] = rgb4(0x3E4656);
        c[ImGuiCol_ScrollbarGrabHovered] = rgb4(0x4B5563);
        c[ImGuiCol_ScrollbarGrabActive] = rgb4(0x6B7280);
        c[ImGuiCol_SeparatorHovered] = rgb4(0x6366F1);
        c[ImGuiCol_SeparatorActive] = v4(Role::accent);
        c[ImGuiCol_ResizeGrip] = rgb4(0x6366F1, 0.2f);
        c[ImGuiCol_ResizeGripHovered] = rgb4(0x6366F1, 0.5f);
        c[ImGuiCol_ResizeGripActive] = v4(Role::accent, 0.8f);
        c[ImGuiCol_Tab] = v4(Role::paper);
        c[ImGuiCol_TabHovered] = rgb4(0x2E3352);
        c[ImGuiCol_TabActive] = v4(Role::selection);
        c[ImGuiCol_TabUnfocused] = v4(Role::paper);
        c[ImGuiCol_TabUnfocusedActive] = v4(Role::header_bg);
        c[ImGuiCol_PlotLines] = v4(Role::muted);
        c[ImGuiCol_PlotLinesHovered] = v4(Role::error);
        c[ImGuiCol_DragDropTarget] = v4(Role::warn);
        c[ImGuiCol_NavWindowingHighlight] = rgb4(0xFFFFFF, 0.7f);
        c[ImGuiCol_NavWindowingDimBg] = rgb4(0x000000, 0.4f);
        c[ImGuiCol_ModalWindowDimBg] = rgb4(0x000000, 0.55f);
    }
}

// The system's wish: more contrast (prefers-contrast: more) before a dark scheme.
Theme system_theme() {
    if (platform::prefers_more_contrast()) return Theme::contrast;
    return platform::prefers_dark() ? Theme::dark : Theme::light;
}

std::optional<Theme> parse_theme(std::string_view name) {
    if (name == "light") return Theme::light;
    if (name == "dark") return Theme::dark;
    if (name == "contrast") return Theme::contrast;
    return std::nullopt;
}

}  // namespace

ImU32 rgb(std::uint32_t c, int alpha) {
    return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, alpha);
}

ImVec4 rgb4(std::uint32_t c, float alpha) {
    return ImVec4(((c >> 16) & 0xFF) / 255.0f, ((c >> 8) & 0xFF) / 255.0f, (c & 0xFF) / 255.0f, alpha);
}

namespace color {

ImU32 themed(ImU32 light, ImU32 dark) { return state.theme == Theme::dark ? dark : light; }

ImU32 role(Role r) { return c32(palette(state.theme, r)); }

ImU32 chip_fill(ImU32 text_colour) { return mix(kPaper, text_colour | IM_COL32_A_MASK, kChipWash); }

ImU32 readable_on(ImU32 background) {
    const unsigned r = (background >> IM_COL32_R_SHIFT) & 0xFF, g = (background >> IM_COL32_G_SHIFT) & 0xFF,
                   b = (background >> IM_COL32_B_SHIFT) & 0xFF;
    return (r * 299 + g * 587 + b * 114) / 1000 > 150 ? kTextOnLight : kTextOnDark;
}

ImU32 avatar_fill(std::uint32_t persona_colour) { return rgb(avatar_fill_rgb(persona_colour & 0xFFFFFF, state.theme)); }

ImU32 mix(ImU32 a, ImU32 b, float t) {
    auto channel = [&](int shift) {
        const float x = static_cast<float>((a >> shift) & 0xFF), y = static_cast<float>((b >> shift) & 0xFF);
        return static_cast<ImU32>(x + (y - x) * t + 0.5f) << shift;
    };
    return channel(IM_COL32_R_SHIFT) | channel(IM_COL32_G_SHIFT) | channel(IM_COL32_B_SHIFT) | channel(IM_COL32_A_SHIFT);
}

}  // namespace color

void apply_theme(Theme theme) {
    state.theme = theme;
    ImGuiStyle& s = ImGui::GetStyle();
    style_colors(s, theme);
    set_metrics(s);
    set_palette(theme);
}

Theme current_theme() { return state.theme; }

std::string_view theme_name(Theme theme) { return theme_key(theme); }

bool theme_chosen() { return state.chosen; }

void init_theme() {
    const std::optional<Theme> stored = parse_theme(platform::preference(kPreferenceKey));
    state.chosen = stored.has_value();
    apply_theme(stored ? *stored : system_theme());
    if (!state.watching) {
        state.watching = true;
        // Until the user chooses, the app follows the system when it switches (e.g. at dusk). The
        // platform calls this between frames and draws one afterwards.
        platform::on_prefers_dark_change([](bool) {
            if (!state.chosen) apply_theme(system_theme());
        });
    }
}

void choose_theme(Theme theme) {
    state.chosen = true;
    apply_theme(theme);
    platform::set_preference(kPreferenceKey, theme_name(theme));
    platform::request_frame();
}

}  // namespace wm::ui
