// The menu bar as data: File, Edit and View, each entry with its label, shortcut, tooltip, state and
// what it does. Drawn by ImGui on the canvas (App::draw_menu_bar) and described to the page's DOM
// mirror as a WAI-ARIA menubar (web/mirror.js), whose activations come back as `mirrorMenu` and run
// the same entry: one definition, so the two cannot disagree.
//
//   {"menus": [{"title": "File", "items": [{"label": "Export report (HTML)…", "keys": "", "tip": "…",
//               "enabled": true, "checked": null, "separator": false, "form": false, "items": []}, …]}, …]}
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace wm::ui {

struct MenuEntry {
    std::string label;               // as drawn; an ImGui "##id" suffix is not shown
    std::string keys;                // the shortcut, as text ("" when none)
    std::string tip;                 // tooltip ("" when none)
    bool enabled = true;
    int checked = -1;                // -1: not a choice; 0 / 1: unticked / ticked
    bool separator = false;          // a line between groups (nothing else is set)
    std::function<void()> run;
    // From the page's menubar: instead of `run` (a dialog on the canvas), a form the page shows as
    // its own dialog (ui/kit/mirror_form.hpp; the export picture's, the KPIs').
    std::function<std::string()> form;
    std::vector<MenuEntry> items;    // a submenu when not empty
};
struct Menu {
    std::string title;
    std::vector<MenuEntry> items;
};
// The menu bar's titles, in order: App::menus() makes one Menu each.
inline constexpr const char* kMenuTitles[] = {"File", "Edit", "View"};

// The label without its ImGui id suffix ("Back##menu" → "Back").
std::string shown_label(const std::string& label);
// The menus as JSON for the mirror (see above).
std::string menus_json(const std::vector<Menu>& menus);
// The entry at `path` (menu title, label, and a submenu's label), or nullptr.
const MenuEntry* find_entry(const std::vector<Menu>& menus, const std::vector<std::string>& path);

}  // namespace wm::ui
