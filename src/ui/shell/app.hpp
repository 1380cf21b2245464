// The application: the open document, the views registry, the shell around the views (menu bar,
// navigation, status bar) and the test hook. Platform code calls begin_frame/draw/end_frame between
// ImGui::NewFrame and rendering; views read a const workspace and queue commands, which the app
// applies after the UI pass (never mutate what is being iterated).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "edit/history.hpp"
#include "imgui.h"
#include "store/persistence.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/exports/exports.hpp"
#include "ui/shell/share.hpp"
#include "ui/kit/context.hpp"

namespace wm::ui {

class App {
public:
    explicit App(store::Backend& storage);   // where documents are kept (the page's: platform/storage_bridge.hpp)
    ~App();

    void set_fonts(const Fonts& fonts) { fonts_ = fonts; }
    void begin_frame();
    void draw();
    void end_frame();                        // applies queued commands and navigation
    [[nodiscard]] bool wants_frame() const;  // an animation or a deferred action is pending
    [[nodiscard]] ImVec4 background() const;

    // window.waymark hook and page commands: name + argument text → JSON (or raw text for exportJson).
    std::string call(std::string_view name, std::string_view arg);

    // Open a workspace as a new stored document (import, new, sample, generate).
    void open(Workspace ws, std::string origin);
    [[nodiscard]] bool is_ready() const { return persistence_.booted(); }
    Persistence& persistence() { return persistence_; }

private:
    void draw_menu_bar();
    void draw_nav_bar();
    void draw_status_bar();
    void draw_view();
    void draw_banners();
    void export_file();
    void replace(Workspace ws, std::string origin, bool keep_view);
    void apply_queued();
    void navigate(Place place);
    void go_back();
    void go_forward();
    std::string import_text(std::string_view text);

    std::string hook_stats() const;
    std::string hook_show(std::string_view arg);
    std::string hook_rect(std::string_view label) const;
    std::string hook_generate(std::string_view spec);
    std::string hook_bench_snapshot() const;

    edit::Document doc_;
    Persistence persistence_;
    bool boot_requested_ = false;
    int commit_edits_ = 0;  // the page is leaving: 2 = apply all queued input, 1 = end the active text field
    UiState state_;
    Fonts fonts_;
    ShareLinks share_;
    Exports exports_;
};

}  // namespace wm::ui
