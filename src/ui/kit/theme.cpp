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

constexpr ImU32 c32(std::uint32_t c) { return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, 255); }

// The palette of each theme. Light values are the ones the views were designed with; dark ones keep
// each role's hue, with text and marks lightened (400 tints) so that they read on dark surfaces
// (WCAG contrast on the dark canvas: body text 14.9:1, secondary 7.3:1, accent 6.2:1, disabled
// 4.9:1; in the light theme 13.7:1, 4.5:1 and 5.9:1).
struct Palette {
    ImU32 ink, muted, on_accent;
    ImU32 canvas, panel, paper, header_bg, hover, selection, accent_soft, highlight;
    ImU32 line, grid;
    ImU32 accent, to_be, warn, error, ok;
    ImU32 info_bg, warn_bg, error_bg;
};

constexpr Palette kLightPalette{
    c32(0x1F2937), c32(0x6B7280), c32(0xFFFFFF),
    c32(0xF6F7F9), c32(0xF3F4F6), c32(0xFFFFFF), c32(0xEEF0F4), c32(0xEEF2FF), c32(0xE0E7FF), c32(0xEEF2FF), c32(0xFEF08A),
    c32(0xE5E7EB), c32(0xE5E7EB),
    c32(0x4F46E5), c32(0x0D9488), c32(0xD97706), c32(0xDC2626), c32(0x16A34A),
    c32(0xE0F2FE), c32(0xFEF3C7), c32(0xFEE2E2),
};

constexpr Palette kDarkPalette{
    c32(0xE5E7EB), c32(0x9CA3AF), c32(0x111827),
    c32(0x11141B), c32(0x171B23), c32(0x1E232D), c32(0x262C38), c32(0x282C48), c32(0x312E6E), c32(0x1F213A), c32(0x713F12),
    c32(0x373E4C), c32(0x2F3541),
    c32(0x818CF8), c32(0x2DD4BF), c32(0xFBBF24), c32(0xF87171), c32(0x4ADE80),
    c32(0x0C2D48), c32(0x422C06), c32(0x451212),
};

void set_palette(const Palette& p) {
    color::kInk = p.ink;
    color::kMuted = p.muted;
    color::kOnAccent = p.on_accent;
    color::kCanvas = p.canvas;
    color::kPanel = p.panel;
    color::kPaper = p.paper;
    color::kHeaderBg = p.header_bg;
    color::kHover = p.hover;
    color::kSelection = p.selection;
    color::kAccentSoft = p.accent_soft;
    color::kHighlight = p.highlight;
    color::kLine = p.line;
    color::kGrid = p.grid;
    color::kAccent = p.accent;
    color::kToBe = p.to_be;
    color::kWarn = p.warn;
    color::kError = p.error;
    color::kOk = p.ok;
    color::kInfoBg = p.info_bg;
    color::kWarnBg = p.warn_bg;
    color::kErrorBg = p.error_bg;
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

void light_colors(ImGuiStyle& s) {
    ImGui::StyleColorsLight(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = rgb4(0x1F2937);
    c[ImGuiCol_TextDisabled] = rgb4(0x9CA3AF);
    c[ImGuiCol_WindowBg] = rgb4(0xF6F7F9);
    c[ImGuiCol_ChildBg] = rgb4(0xF6F7F9, 0);
    c[ImGuiCol_PopupBg] = rgb4(0xFFFFFF);
    c[ImGuiCol_Border] = rgb4(0xE5E7EB);
    c[ImGuiCol_FrameBg] = rgb4(0xFFFFFF);
    c[ImGuiCol_FrameBgHovered] = rgb4(0xEEF2FF);
    c[ImGuiCol_FrameBgActive] = rgb4(0xE0E7FF);
    c[ImGuiCol_MenuBarBg] = rgb4(0xFFFFFF);
    c[ImGuiCol_Button] = rgb4(0xFFFFFF);
    c[ImGuiCol_ButtonHovered] = rgb4(0xEEF2FF);
    c[ImGuiCol_ButtonActive] = rgb4(0xC7D2FE);
    c[ImGuiCol_Header] = rgb4(0xE0E7FF);
    c[ImGuiCol_HeaderHovered] = rgb4(0xEEF2FF);
    c[ImGuiCol_HeaderActive] = rgb4(0xC7D2FE);
    c[ImGuiCol_CheckMark] = rgb4(0x4F46E5);
    c[ImGuiCol_SliderGrab] = rgb4(0x6366F1);
    c[ImGuiCol_SliderGrabActive] = rgb4(0x4F46E5);
    c[ImGuiCol_TableHeaderBg] = rgb4(0xEEF0F4);
    c[ImGuiCol_TableBorderStrong] = rgb4(0xD1D5DB);
    c[ImGuiCol_TableBorderLight] = rgb4(0xE5E7EB);
    c[ImGuiCol_TableRowBg] = rgb4(0xFFFFFF);
    c[ImGuiCol_TableRowBgAlt] = rgb4(0xFAFAFB);
    c[ImGuiCol_TextSelectedBg] = rgb4(0x6366F1, 0.3f);
    c[ImGuiCol_NavHighlight] = rgb4(0x4F46E5);
    c[ImGuiCol_Separator] = rgb4(0xE5E7EB);
}

// Every style colour is set (ImGui's dark defaults are blue and orange): surfaces step up in
// lightness from the canvas (windows) to paper (menus, popups, fields, rows) to raised (buttons);
// hover and selection are indigo washes, so the accent stays the one colour that means "active".
void dark_colors(ImGuiStyle& s) {
    ImGui::StyleColorsDark(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = rgb4(0xE5E7EB);
    c[ImGuiCol_TextDisabled] = rgb4(0x7C8493);
    c[ImGuiCol_WindowBg] = rgb4(0x11141B);
    c[ImGuiCol_ChildBg] = rgb4(0x11141B, 0);
    c[ImGuiCol_PopupBg] = rgb4(0x1E232D);
    c[ImGuiCol_Border] = rgb4(0x3E4656);
    c[ImGuiCol_BorderShadow] = rgb4(0x000000, 0);
    c[ImGuiCol_FrameBg] = rgb4(0x1E232D);
    c[ImGuiCol_FrameBgHovered] = rgb4(0x282C48);
    c[ImGuiCol_FrameBgActive] = rgb4(0x312E6E);
    c[ImGuiCol_TitleBg] = rgb4(0x1E232D);
    c[ImGuiCol_TitleBgActive] = rgb4(0x262C38);
    c[ImGuiCol_TitleBgCollapsed] = rgb4(0x1E232D, 0.8f);
    c[ImGuiCol_MenuBarBg] = rgb4(0x1E232D);
    c[ImGuiCol_ScrollbarBg] = rgb4(0x11141B, 0.6f);
    c[ImGuiCol_ScrollbarGrab] = rgb4(0x3E4656);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb4(0x4B5563);
    c[ImGuiCol_ScrollbarGrabActive] = rgb4(0x6B7280);
    c[ImGuiCol_CheckMark] = rgb4(0x818CF8);
    c[ImGuiCol_SliderGrab] = rgb4(0x6366F1);
    c[ImGuiCol_SliderGrabActive] = rgb4(0x818CF8);
    c[ImGuiCol_Button] = rgb4(0x252A36);
    c[ImGuiCol_ButtonHovered] = rgb4(0x2E3352);
    c[ImGuiCol_ButtonActive] = rgb4(0x3A3A8C);
    c[ImGuiCol_Header] = rgb4(0x312E6E);
    c[ImGuiCol_HeaderHovered] = rgb4(0x2A2E4C);
    c[ImGuiCol_HeaderActive] = rgb4(0x3A3A8C);
    c[ImGuiCol_Separator] = rgb4(0x373E4C);
    c[ImGuiCol_SeparatorHovered] = rgb4(0x6366F1);
    c[ImGuiCol_SeparatorActive] = rgb4(0x818CF8);
    c[ImGuiCol_ResizeGrip] = rgb4(0x6366F1, 0.2f);
    c[ImGuiCol_ResizeGripHovered] = rgb4(0x6366F1, 0.5f);
    c[ImGuiCol_ResizeGripActive] = rgb4(0x818CF8, 0.8f);
    c[ImGuiCol_Tab] = rgb4(0x1E232D);
    c[ImGuiCol_TabHovered] = rgb4(0x2E3352);
    c[ImGuiCol_TabActive] = rgb4(0x312E6E);
    c[ImGuiCol_TabUnfocused] = rgb4(0x1E232D);
    c[ImGuiCol_TabUnfocusedActive] = rgb4(0x262C38);
    c[ImGuiCol_PlotLines] = rgb4(0x9CA3AF);
    c[ImGuiCol_PlotLinesHovered] = rgb4(0xF87171);
    c[ImGuiCol_PlotHistogram] = rgb4(0x4F46E5);   // carries text-coloured overlays (progress bars)
    c[ImGuiCol_PlotHistogramHovered] = rgb4(0xA5B4FC);
    c[ImGuiCol_TableHeaderBg] = rgb4(0x262C38);
    c[ImGuiCol_TableBorderStrong] = rgb4(0x4B5563);
    c[ImGuiCol_TableBorderLight] = rgb4(0x373E4C);
    c[ImGuiCol_TableRowBg] = rgb4(0x1E232D);
    c[ImGuiCol_TableRowBgAlt] = rgb4(0x222733);
    c[ImGuiCol_TextSelectedBg] = rgb4(0x6366F1, 0.45f);
    c[ImGuiCol_DragDropTarget] = rgb4(0xFBBF24);
    c[ImGuiCol_NavHighlight] = rgb4(0x818CF8);
    c[ImGuiCol_NavWindowingHighlight] = rgb4(0xFFFFFF, 0.7f);
    c[ImGuiCol_NavWindowingDimBg] = rgb4(0x000000, 0.4f);
    c[ImGuiCol_ModalWindowDimBg] = rgb4(0x000000, 0.55f);
}

std::optional<Theme> parse_theme(std::string_view name) {
    if (name == "light") return Theme::light;
    if (name == "dark") return Theme::dark;
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

ImU32 readable_on(ImU32 background) {
    const unsigned r = (background >> IM_COL32_R_SHIFT) & 0xFF, g = (background >> IM_COL32_G_SHIFT) & 0xFF,
                   b = (background >> IM_COL32_B_SHIFT) & 0xFF;
    return (r * 299 + g * 587 + b * 114) / 1000 > 150 ? kTextOnLight : kTextOnDark;
}

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
    if (theme == Theme::dark) dark_colors(s);
    else light_colors(s);
    set_metrics(s);
    set_palette(theme == Theme::dark ? kDarkPalette : kLightPalette);
}

Theme current_theme() { return state.theme; }

std::string_view theme_name(Theme theme) { return theme == Theme::dark ? "dark" : "light"; }

bool theme_chosen() { return state.chosen; }

void init_theme() {
    const std::optional<Theme> stored = parse_theme(platform::preference(kPreferenceKey));
    state.chosen = stored.has_value();
    apply_theme(stored ? *stored : platform::prefers_dark() ? Theme::dark : Theme::light);
    if (!state.watching) {
        state.watching = true;
        // Until the user chooses, the app follows the system when it switches (e.g. at dusk). The
        // platform calls this between frames and draws one afterwards.
        platform::on_prefers_dark_change([](bool dark) {
            if (!state.chosen) apply_theme(dark ? Theme::dark : Theme::light);
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
