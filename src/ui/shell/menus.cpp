// The menu bar (see menus.hpp): its entries, drawing them with ImGui, describing them to the page's
// DOM mirror, and running an entry the mirror activated.
#include "ui/shell/menus.hpp"

#include <cmath>
#include <string>

#include "imgui.h"
#include "model/sample.hpp"
#include "platform/platform.hpp"
#include "ui/about/view.hpp"
#include "ui/compare/view.hpp"
#include "ui/exports/exports.hpp"
#include "ui/framework/new_journey.hpp"
#include "ui/kit/json_text.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kpi/editor.hpp"
#include "ui/kpi/mirror.hpp"
#include "ui/merge/view.hpp"
#include "ui/palette/palette.hpp"
#include "ui/shell/app.hpp"
#include "ui/shell/navigation.hpp"
#include "ui/shortcuts/view.hpp"

namespace wm::ui {

std::string shown_label(const std::string& label) {
    const auto at = label.find("##");
    return at == std::string::npos ? label : label.substr(0, at);
}

namespace {

MenuEntry item(std::string label, std::function<void()> run, std::string tip = {}, bool enabled = true, std::string keys = {}) {
    MenuEntry e;
    e.label = std::move(label);
    e.run = std::move(run);
    e.tip = std::move(tip);
    e.enabled = enabled;
    e.keys = std::move(keys);
    return e;
}
MenuEntry choice(std::string label, bool ticked, std::function<void()> run) {
    MenuEntry e = item(std::move(label), std::move(run));
    e.checked = ticked ? 1 : 0;
    return e;
}
MenuEntry separator() {
    MenuEntry e;
    e.separator = true;
    return e;
}

void draw_entries(const std::vector<MenuEntry>& entries) {
    for (const MenuEntry& e : entries) {
        if (e.separator) {
            ImGui::Separator();
        } else if (!e.items.empty()) {
            if (ImGui::BeginMenu(e.label.c_str(), e.enabled)) {
                draw_entries(e.items);
                ImGui::EndMenu();
            }
        } else {
            if (ImGui::MenuItem(e.label.c_str(), e.keys.empty() ? nullptr : e.keys.c_str(), e.checked > 0, e.enabled) && e.run) e.run();
            if (!e.tip.empty()) ImGui::SetItemTooltip("%s", e.tip.c_str());
        }
    }
}

void write_entries(json::Writer& w, const std::vector<MenuEntry>& entries) {
    w.key("items").array();
    for (const MenuEntry& e : entries) {
        w.begin().field("label", shown_label(e.label)).field("keys", e.keys).field("tip", e.tip).field("enabled", e.enabled).field("separator", e.separator);
        w.field("form", static_cast<bool>(e.form));
        w.raw("checked", e.checked < 0 ? "null" : e.checked ? "true" : "false");
        write_entries(w, e.items);
        w.end();
    }
    w.end_array();
}

}  // namespace

std::string menus_json(const std::vector<Menu>& menus) {
    json::Writer w;
    w.begin().key("menus").array();
    for (const Menu& m : menus) {
        w.begin().field("title", m.title);
        write_entries(w, m.items);
        w.end();
    }
    w.end_array().end();
    return w.str();
}

const MenuEntry* find_entry(const std::vector<Menu>& menus, const std::vector<std::string>& path) {
    if (path.size() < 2) return nullptr;
    for (const Menu& m : menus) {
        if (m.title != path[0]) continue;
        const std::vector<MenuEntry>* level = &m.items;
        for (std::size_t i = 1; i < path.size(); ++i) {
            const MenuEntry* found = nullptr;
            for (const MenuEntry& e : *level)
                if (!e.separator && shown_label(e.label) == path[i]) found = &e;
            if (!found) return nullptr;
            if (i + 1 == path.size()) return found;
            level = &found->items;
        }
    }
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// The entries
// ---------------------------------------------------------------------------------------------
std::vector<Menu> App::menus() {
    std::vector<Menu> out;
    const bool writable = !persistence_.read_only();
    {
        Menu& file = out.emplace_back(Menu{kMenuTitles[0], {}});
        auto& f = file.items;
        f.push_back(item("New blank workspace", [this] { open(blank_workspace("Untitled workspace"), "blank"); }));
        f.push_back(item("Open the sample workspace", [this] { open(sample_workspace(), "sample"); }));
        f.push_back(separator());
        f.push_back(item("Import .waymark.json\xE2\x80\xA6", [] { platform::pick_file(".json,.waymark.json,application/json"); }));
        f.push_back(item("Export .waymark.json", [this] { export_file(); }, "The whole workspace as a file to keep, share or import elsewhere"));
        f.push_back(item("Merge a file into this workspace\xE2\x80\xA6", [] { platform::pick_file_for(".json,.waymark.json,application/json", "merge"); },
                         "Bring in what someone did in their copy of this workspace (one undo step; conflicts are listed)", writable));
        f.push_back(item("Merge report\xE2\x80\xA6", [this] { state_.merge.window_open = state_.merge.focus = true; },
                         state_.merge.merges > 0 ? "What the last merge brought in, and its conflicts" : "Nothing has been merged in this tab yet",
                         state_.merge.merges > 0));
        f.back().form = [this] { return merge_report_form(view_context()); };
        f.push_back(item("Export picture (PNG, SVG)\xE2\x80\xA6", [this] { exports_.open_image_dialog(doc_.workspace(), state_); },
                         "The whole journey map or the whole framework as an image for slides and wikis", !exports_.busy()));
        f.back().form = [this] {
            exports_.choose_subject(doc_.workspace(), state_);
            return exports_.mirror_form(view_context());
        };
        f.push_back(item("Export journey as CSV\xE2\x80\xA6", [this] { exports_.csv(doc_.workspace(), state_); },
                         "The open journey map as a lanes \xC3\x97 steps grid, for spreadsheets", open_journey(doc_.workspace(), state_) != nullptr));
        f.push_back(item("Export report (HTML)\xE2\x80\xA6", [this] { exports_.report(doc_.workspace(), state_); },
                         "Framework, journey maps as tables, personas, insights and backlog in one file to read or print"));
        f.push_back(item("Copy share link", [this] { share_.request(export_text()); }, "The whole workspace in a link (small workspaces); nothing is sent to a server"));
        if (!live_.running()) {
            f.push_back(item("Share with team\xE2\x80\xA6", [this] { live_.open_dialog(doc_.workspace()); },
                             "Edit this workspace together with others through your team's own server (scripts/team-server)", writable));
            f.back().form = [this] { return live_.dialog_form(doc_.workspace()); };
        } else {
            f.push_back(item("Copy team link", [this] { live_.copy_link(state_); }, "The address that opens this workspace on the team server for someone else"));
            f.push_back(item("Leave the team session", [this] { live_.leave(state_); }));
        }
        f.push_back(separator());
        f.push_back(item("Save now", [this] { save_asked_ = true; persistence_.save_now(); }, {}, writable, "Ctrl+S"));
        f.push_back(item("Documents\xE2\x80\xA6", [this] { navigate(Place{"documents", {}}); }));
    }
    {
        Menu& edit = out.emplace_back(Menu{kMenuTitles[1], {}});
        auto& e = edit.items;
        e.push_back(item(doc_.can_undo() ? "Undo " + doc_.undo_label() : "Undo", [this] { state_.undo_requests += 1; }, {}, doc_.can_undo(), "Ctrl+Z"));
        e.push_back(item(doc_.can_redo() ? "Redo " + doc_.redo_label() : "Redo", [this] { state_.undo_requests -= 1; }, {}, doc_.can_redo(), "Ctrl+Shift+Z"));
        e.push_back(separator());
        // Cut, Copy, Paste, Delete, Select all: what the keys do on the journey map (its cards, or
        // the step, stage or lane selected), done by the map on its next frame. Elsewhere nothing
        // is selectable this way, and the items are shown disabled.
        using C = MapState::EditCommand;
        const Journey* journey = open_journey(doc_.workspace(), state_);
        const bool on_map = journey && state_.map.journey == journey->id;
        const MapSelection& sel = state_.map.sel;
        const bool cards = on_map && sel.kind == MapSelection::Kind::cards && !sel.cards.empty();
        const bool removable = cards || (on_map && (sel.kind == MapSelection::Kind::step || sel.kind == MapSelection::Kind::stage ||
                                                    sel.kind == MapSelection::Kind::lane));
        const char* clip = ImGui::GetClipboardText();
        auto map_item = [this](const char* label, const char* keys, bool enabled, C command) {
            return item(label, [this, command] { state_.map.from_menu = command; state_.redraw(); }, {}, enabled, keys);
        };
        e.push_back(map_item("Cut##edit", "Ctrl+X", cards && writable, C::cut));
        e.push_back(map_item("Copy##edit", "Ctrl+C", cards, C::copy));
        e.push_back(map_item("Paste##edit", "Ctrl+V", on_map && writable && clip && *clip, C::paste));
        e.push_back(map_item("Delete##edit", "Del", removable && writable, C::remove));
        e.push_back(map_item("Select all##edit", "Ctrl+A", on_map && !journey->cards.empty(), C::select_all));
        if (!on_map) e.back().tip = "Cut, copy, paste and select work on the cards of a journey map";
        e.push_back(separator());
        const Id id = journey ? journey->id : Id{};
        // A new journey; on a map with a step or stage selected, a child journey hanging from it.
        const KpiAnchor at = kpi_anchor(doc_.workspace(), state_);
        Id parent_stage = state_.place.view == "journey" ? at.stage : Id{};
        if (const Journey* on = find_by_id(doc_.workspace().journeys, at.journey); on && at.step) {
            const Stage* stage = nullptr;
            if (find_step(*on, at.step, &stage)) parent_stage = stage->id;
        }
        e.push_back(item(parent_stage ? "New child journey of the selection\xE2\x80\xA6##new journey" : "New journey\xE2\x80\xA6##new journey",
                         [this, at, parent_stage] {
                             const ViewContext ctx = view_context();
                             const Journey* parent = find_by_id(doc_.workspace().journeys, at.journey);
                             if (parent && parent_stage) open_child_journey(ctx, *parent, parent_stage, at.step);
                             else open_new_journey(ctx);
                         },
                         "A journey with a title, a level, its place in the framework and the lanes of a template", writable));
        e.back().form = [this, at, parent_stage] {
            std::string why;
            if (!new_journey_draft_for_menu(view_context(), at.journey, parent_stage, at.step, &why)) return protocol::Reply::failed(why).str();
            return new_journey_form(view_context());
        };
        // The KPIs of the selected step or stage, else of the map's journey (in the framework: of the
        // journey the page's focus is on); on the canvas the popup, from the page a form.
        const KpiAnchor anchor = kpi_anchor(doc_.workspace(), state_);
        const std::string where = anchor.step ? "the selected step" : anchor.stage ? "the selected stage" : "this journey";
        e.push_back(item("KPIs of " + where + "\xE2\x80\xA6##kpis", [this, anchor] { open_kpi_editor(view_context(), anchor.journey, anchor.stage, anchor.step); },
                         anchor.journey ? "Targets, dated values and roll-ups" : "Open a journey map, or focus a journey in the framework, first",
                         !anchor.journey.is_nil()));
        e.back().form = [this, anchor] { return kpi_mirror_form(view_context(), anchor); };
        e.push_back(item("Create to-be journey", [this, id] { create_to_be_and_open(view_context(), id); },
                         journey ? "A linked copy of this journey to redesign, compared with it step by step" : "Open a current journey's map first",
                         journey && journey->state == JourneyState::current && writable));
    }
    {
        Menu& view = out.emplace_back(Menu{kMenuTitles[2], {}});
        auto& v = view.items;
        for (const auto& info : views()) {
            if (info.needs_id) continue;
            const std::string key = info.key;
            v.push_back(choice(info.title, state_.place.view == key, [this, key] { navigate(Place{key, {}}); }));
        }
        // The compare view of the open map (or the one open), when its journey has a counterpart.
        const Journey* mapped = open_journey(doc_.workspace(), state_);
        const bool comparing = state_.place.view == "compare";
        v.push_back(choice("Compare current and to-be", comparing, [this, id = mapped ? mapped->id : Id{}] { navigate(Place{"compare", id}); }));
        v.back().enabled = comparing || (mapped && compare_pair(doc_.workspace(), mapped->id, {}));
        if (!v.back().enabled) v.back().tip = "Open the map of a journey that has a to-be journey (Edit \xE2\x80\xBA Create to-be journey)";
        if (comparing) v.back().run = [] {};
        v.push_back(separator());
        v.push_back(item("Go to\xE2\x80\xA6", [this] { open_palette(state_); }, {}, true, "Ctrl+K"));
        v.push_back(item("Back##menu", [this] { go_back(); }, {}, can_go(doc_.workspace(), state_.back), "Alt+Left"));
        v.push_back(item("Forward##menu", [this] { go_forward(); }, {}, can_go(doc_.workspace(), state_.forward), "Alt+Right"));
        v.push_back(separator());
        // Radio-like: the ticked one is in use. Applied after this frame (a style change mid-frame
        // would be undone by the colours pushed around it), remembered in this browser.
        for (const Theme theme : {Theme::light, Theme::dark, Theme::contrast})
            v.push_back(choice(theme == Theme::light ? "Light theme" : theme == Theme::dark ? "Dark theme" : "High contrast theme", current_theme() == theme,
                               [this, theme] { state_.deferred.push_back([theme] { choose_theme(theme); }); }));
        v.push_back(separator());
        // The whole UI larger or smaller, crisp at any size; remembered in this browser.
        MenuEntry size = item("Text size", {});
        const int current = static_cast<int>(std::lround(platform::text_scale() * 100));
        for (const int percent : {90, 100, 110, 125, 150, 175, 200})
            size.items.push_back(choice(std::to_string(percent) + " %", current == percent, [this, percent] {
                state_.deferred.push_back([percent] { platform::set_text_scale(static_cast<float>(percent) / 100.0f); });
            }));
        v.push_back(std::move(size));
        v.push_back(separator());
        v.push_back(item("Keyboard shortcuts", [this] { open_shortcuts(state_); }, {}, true, "?"));
        v.back().form = [] { return shortcuts_form(); };
        v.push_back(item("About Waymark and this browser\xE2\x80\xA6", [this] { open_about(state_); }));
        v.back().form = [] { return about_form(); };
    }
    return out;
}

void App::draw_menu_bar() {
    if (!ImGui::BeginMenuBar()) return;
    ImGui::PushFont(fonts_.bold);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kAccent), "Waymark");
    ImGui::PopFont();
    // The entries are made when needed: for an open menu, and for the mirror, whose description
    // waits for the code's second part (code_complete). Until then the bar draws its titles alone.
    const bool describe = code_complete_ && mirror_on_;
    std::vector<Menu> all;
    if (describe) all = menus();
    for (std::size_t i = 0; i < std::size(kMenuTitles); ++i) {
        if (!ImGui::BeginMenu(kMenuTitles[i])) continue;
        if (all.empty()) all = menus();
        draw_entries(all[i].items);
        ImGui::EndMenu();
    }
    live_.draw_peers();
    ImGui::EndMenuBar();
    if (!describe) return;
    // The mirror's menubar follows the entries (labels and states change with the document).
    std::string json = menus_json(all);
    if (json != mirror_menus_) {
        mirror_menus_ = std::move(json);
        if (mirror_on_) platform::mirror(mirror_menus_);
    }
}

std::string App::on(const protocol::MirrorMenu& m) {
    const std::vector<Menu> all = menus();
    const MenuEntry* e = find_entry(all, m.path);
    if (!e || !e->run) return protocol::Reply::failed("no such menu item").str();
    if (!e->enabled) return protocol::Reply::failed("not available now").str();
    state_.redraw(2);
    if (e->form) return e->form();
    e->run();
    state_.redraw(2);
    return protocol::Reply::ok().str();
}

}  // namespace wm::ui
