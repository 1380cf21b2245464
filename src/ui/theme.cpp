#include "ui/theme.hpp"

namespace wm::ui {

ImU32 rgb(std::uint32_t c, int alpha) {
    return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, alpha);
}

ImVec4 rgb4(std::uint32_t c, float alpha) {
    return ImVec4(((c >> 16) & 0xFF) / 255.0f, ((c >> 8) & 0xFF) / 255.0f, (c & 0xFF) / 255.0f, alpha);
}

void apply_theme() {
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
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

}  // namespace wm::ui
