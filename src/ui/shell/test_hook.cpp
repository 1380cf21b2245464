// The test hook (window.waymark, README "The window.waymark test hook"): what browser tests and
// benchmarks ask the app, answered as JSON. Separate from the page's production messages
// (App::receive, platform/protocol.hpp): nothing here runs unless a test calls it.
#include "ui/shell/test_hook.hpp"

#include <rapidjson/document.h>

#include <cmath>
#include <string>

#include "io/file_format.hpp"
#include "layout/journey_layout.hpp"
#include "model/generate.hpp"
#include "platform/platform.hpp"
#include "ui/compare/view.hpp"
#include "ui/documents/view.hpp"
#include "ui/framework/view.hpp"
#include "ui/insights/view.hpp"
#include "ui/kit/item_registry.hpp"
#include "ui/kit/json_text.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/tiles.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/kpi/editor.hpp"
#include "ui/merge/view.hpp"
#include "ui/shell/app.hpp"
#include "ui/shell/navigation.hpp"

namespace wm::ui {

std::string TestHook::call(std::string_view name, std::string_view arg) {
    if (name == "stats") return stats();
    if (name == "exportJson") return app_.export_text();     // exactly what File › Export writes
    if (name == "importJson") return app_.import_text(arg);   // exactly what File › Import does
    if (name == "mergeJson") return app_.merge_text(arg, "");   // exactly what File › Merge a file… does
    if (name == "generate") return generate(arg);
    if (name == "show") return show(arg);
    if (name == "rect") return rect(arg);
    if (name == "benchSnapshot") return bench_snapshot();
    if (name == "mirror") {   // the DOM mirror on or off (bench/mirror_bench.mjs compares the two)
        app_.mirror_on_ = arg != "off";
        app_.mirror_key_.clear();
        app_.mirror_map_.reset();
        app_.mirror_menus_.clear();
        if (!app_.mirror_on_) platform::mirror(R"({"view":"off"})");
        app_.state_.redraw(2);
        return R"({"ok":true})";
    }
    if (name == "tiles") {   // cached tiles on or off (ui/kit/tiles; bench/pan_bench.mjs and tests compare the two)
        set_tiles_enabled(arg != "off");
        app_.state_.redraw(2);
        return R"({"ok":true})";
    }
    if (name == "tileCounts") {   // tiles painted and shown since the last call
        const TileCounts c = take_tile_counts();
        json::Writer w;
        w.begin();
        w.field("painted", static_cast<double>(c.painted)).field("shown", static_cast<double>(c.shown));
        w.field("scaled", static_cast<double>(c.scaled));
        w.end();
        return w.str();
    }
    if (name == "partialRedraw") {   // only what changed drawn again (default), or the whole window every frame
        platform::set_partial_redraw(arg != "off");
        app_.state_.redraw(2);
        return R"({"ok":true})";
    }
    if (name == "tileLayer") {   // software GL: the page shows the tiles under the canvas (default there), or this canvas draws them
        platform::set_tile_layer(arg != "off");
        app_.state_.redraw(2);
        return R"({"ok":true})";
    }
    if (name == "redrawCounts") {   // frames rendered since the last call; the share of the window those that drew drew again
        const platform::RedrawCounts c = platform::take_redraw_counts();
        json::Writer w;
        w.begin();
        w.field("frames", static_cast<double>(c.frames)).field("unchanged", static_cast<double>(c.unchanged));
        w.field("full", static_cast<double>(c.full)).field("drawn", c.window > 0 ? c.drawn / c.window : 0.0);
        w.field("layer", static_cast<double>(c.layer)).field("layered", platform::tile_layer());
        w.end();
        return w.str();
    }
    if (name == "shareLink") {  // the page answers later with shareMade (waymark.shareLink() waits for it)
        app_.share_.request(app_.export_text());
        return R"({"ok":true})";
    }
    return json::error("unknown call " + std::string(name));
}

std::string TestHook::stats() const {
    const Workspace& ws = app_.doc_.workspace();
    std::size_t stages = 0, steps = 0, lanes = 0, cards = 0;
    std::vector<std::size_t> by_level;
    for (const auto& j : ws.journeys) {
        stages += j.stages.size();
        for (const auto& s : j.stages) steps += s.steps.size();
        lanes += j.lanes.size();
        cards += j.cards.size();
        if (j.level >= 0) {
            if (by_level.size() <= static_cast<std::size_t>(j.level)) by_level.resize(j.level + 1);
            ++by_level[j.level];
        }
    }
    json::Writer w;
    w.begin();
    w.key("document").begin();
    w.field("id", ws.id.str()).field("name", ws.name).field("origin", app_.state_.origin);
    w.field("revision", static_cast<double>(app_.doc_.revision())).field("dirty", app_.doc_.is_dirty());
    w.field("canUndo", app_.doc_.can_undo()).field("canRedo", app_.doc_.can_redo());
    w.field("undoLabel", app_.doc_.undo_label()).field("redoLabel", app_.doc_.redo_label());
    w.end();
    w.field("view", app_.state_.place.view).field("viewId", app_.state_.place.id.is_nil() ? std::string() : app_.state_.place.id.str());
    w.field("journeys", static_cast<double>(ws.journeys.size()));
    w.key("journeysByLevel").begin();
    for (std::size_t i = 0; i < by_level.size(); ++i) w.field(std::to_string(i), static_cast<double>(by_level[i]));
    w.end();
    w.field("stages", static_cast<double>(stages)).field("steps", static_cast<double>(steps));
    w.field("lanes", static_cast<double>(lanes)).field("cards", static_cast<double>(cards));
    w.field("personas", static_cast<double>(ws.personas.size())).field("insights", static_cast<double>(ws.insights.size()));
    w.field("opportunities", static_cast<double>(ws.opportunities.size()));
    w.field("metrics", static_cast<double>(ws.metrics.size()));
    w.field("message", app_.state_.message);
    if (app_.toast_) w.key("toast").begin().field("text", app_.toast_->text).field("undo", app_.toast_->undo).field("error", app_.toast_->error).end();
    else w.raw("toast", "null");
    {
        // The journey map's view state (tests check what a gesture selected, zoomed or found).
        const MapState& m = app_.state_.map;
        const char* kinds[] = {"none", "cards", "cell", "step", "stage", "lane", "layer"};
        int found = 0;
        if (const Journey* j = find_by_id(ws.journeys, m.journey); j && m.find.open && app_.state_.place.view == "journey")
            found = static_cast<int>(layout::find_in_map(ws, *j, app_.derived().journey_layout(*j, app_.fonts_), m.find.query).size());
        auto cam = m.cameras.find(m.journey);
        w.key("map").begin();
        w.field("journey", m.journey.is_nil() ? std::string() : m.journey.str());
        w.field("zoom", cam != m.cameras.end() ? static_cast<double>(cam->second.zoom) : 1.0);
        w.field("selection", kinds[static_cast<int>(m.sel.kind)]);
        w.field("selectedCards", static_cast<double>(m.sel.kind == MapSelection::Kind::cards ? m.sel.cards.size() : 0));
        w.field("editing", m.editing.kind != MapEditing::Kind::none);
        w.field("typing", m.editing.kind != MapEditing::Kind::none && !m.editing.focus);   // its field has the keys
        w.field("findOpen", m.find.open).field("findMatches", static_cast<double>(found));
        w.field("tooltip", m.hover_tip).field("resting", m.rest.resting(ImGui::GetTime()) && m.zoom_rest.resting(ImGui::GetTime()));
        w.end();
    }
    {
        // The Ctrl+K palette and the navigation history (palette/palette.cpp, draw_nav_bar).
        const PaletteState& p = app_.state_.palette;
        w.key("palette").begin();
        w.field("open", p.open).field("query", p.query).field("results", static_cast<double>(p.open ? p.hits.size() : 0));
        w.field("first", p.open && !p.hits.empty() ? p.entries[static_cast<std::size_t>(p.hits.front().entry)].title : std::string());
        w.field("highlighted", static_cast<double>(p.highlighted));
        w.end();
        auto id_or_empty = [](Id id) { return id.is_nil() ? std::string() : id.str(); };
        w.key("selected").begin();
        w.field("persona", id_or_empty(app_.state_.personas.selected)).field("opportunity", id_or_empty(app_.state_.backlog.selected));
        w.field("insight", id_or_empty(app_.state_.insights.selected));
        w.end();
        w.key("history").begin();
        w.field("canBack", can_go(ws, app_.state_.back)).field("canForward", can_go(ws, app_.state_.forward));
        w.field("back", static_cast<double>(app_.state_.back.size())).field("forward", static_cast<double>(app_.state_.forward.size()));
        w.end();
    }
    {
        // The framework grid's view state (tests check folds, filters and what a drop said).
        const FrameworkState& f = app_.state_.framework;
        static const char* const kFilterNames[] = {"gaps", "noEvidence", "noPersona", "noKpi", "noToBe"};
        w.key("framework").begin();
        w.field("zoom", static_cast<double>(f.cam.zoom));
        // The tiles from the layout of the document and the folds as they are now, not as the last frame
        // drew them: a fold made from the mirror is read before the frame that draws it.
        const std::size_t tiles = app_.derived().framework(framework_options(f)).layout.tiles.size();
        w.field("tiles", static_cast<double>(tiles)).field("visible", static_cast<double>(f.visible_tiles));
        w.field("collapsed", static_cast<double>(f.collapsed.size())).field("foldedLevels", static_cast<double>(f.collapsed_levels.size()));
        std::string filters;   // the switched-on coverage filters, comma-separated
        for (std::size_t i = 0; i < f.filters.size(); ++i)
            if (f.filters[i]) filters += (filters.empty() ? "" : ",") + std::string(kFilterNames[i]);
        w.field("filters", filters);
        w.field("dragging", f.drag.active).field("note", f.note.text).field("noteIsError", f.note.error);
        w.field("tooltip", f.tooltip).field("tooltipKpi", f.tooltip_kpi).field("resting", f.rest.resting(ImGui::GetTime()) && f.zoom_rest.resting(ImGui::GetTime()));
        w.field("focus", f.focus.is_nil() ? std::string() : f.focus.str());
        w.field("stageSelected", f.stage_selected.is_nil() ? std::string() : f.stage_selected.str());
        w.end();
    }
    write_compare_stats(w, ws, app_.state_, app_.derived());
    write_kpi_stats(w, ws, app_.derived().kpis());
    app_.share_.write_stats(w);
    app_.live_.write_stats(w);
    app_.exports_.write_stats(w);
    write_insights_stats(w, app_.state_);
    {
        // Table headers ImGui had to cut in the last frame ("Custo…"): none at any text size.
        std::string cut = "[";
        for (const std::string& header : cut_table_headers()) {
            if (cut.size() > 1) cut.push_back(',');
            json::append_string(cut, header);
        }
        w.raw("headersCut", cut + "]");
    }
    w.field("theme", theme_name(current_theme()));
    w.field("announced", app_.said_);
    {
        // View › About: what draws the app (tests run on SwiftShader, a software renderer).
        const std::string renderer = platform::renderer();
        w.field("shortcutsOpen", app_.state_.shortcuts.shown);
        w.field("textSize", static_cast<double>(std::lround(platform::text_scale() * 100)));
        w.key("about").begin();
        w.field("open", app_.state_.about.shown).field("renderer", renderer);
        w.field("softwareRenderer", std::string(platform::software_renderer(renderer)));
        w.end();
    }
    write_storage_stats(w, app_.persistence_);
    write_merge_stats(w, app_.state_.merge);
    w.end();
    return w.str();
}

std::string TestHook::show(std::string_view arg) {
    rapidjson::Document d;
    d.Parse(arg.data(), arg.size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("view") || !d["view"].IsString())
        return json::error("show needs {view, id}");
    const std::string view = d["view"].GetString();
    const ViewInfo* info = find_view(view);
    if (!info) return json::error("there is no view called " + view);
    Id id;
    if (d.HasMember("id") && d["id"].IsString() && d["id"].GetStringLength() > 0) {
        auto parsed = Id::parse(d["id"].GetString());
        if (!parsed) return json::error("not an id: " + std::string(d["id"].GetString()));
        id = *parsed;
    }
    if (info->needs_id) {
        if (id.is_nil() || !find_by_id(app_.doc_.workspace().journeys, id)) return json::error("no journey with that id");
    }
    app_.navigate(Place{view, id});
    return R"({"ok":true})";
}

// Times a binary snapshot save and load of the open document (bench/web_bench.mjs prints it).
std::string TestHook::bench_snapshot() const {
    const double t0 = platform::now_ms();
    const std::string bytes = io::save_snapshot(app_.doc_.workspace());
    const double t1 = platform::now_ms();
    const io::LoadResult loaded = io::load_snapshot(bytes);
    const double t2 = platform::now_ms();
    json::Writer w;
    w.begin().field("ok", static_cast<bool>(loaded)).field("bytes", static_cast<double>(bytes.size()));
    w.field("saveMs", t1 - t0).field("loadMs", t2 - t1).field("error", loaded.error).end();
    return w.str();
}

std::string TestHook::rect(std::string_view label) const {
    auto rect = item_rect(label);
    if (!rect) return json::error("no widget labelled \xE2\x80\x9C" + std::string(label) + "\xE2\x80\x9D was drawn in the last frame");
    json::Writer w;
    w.begin().field("x", rect->x).field("y", rect->y).field("w", rect->w).field("h", rect->h).end();
    return w.str();
}

std::string TestHook::generate(std::string_view spec_text) {
    rapidjson::Document d;
    d.Parse(spec_text.data(), spec_text.size());
    if (d.HasParseError() || !d.IsObject()) return json::error("generate needs a JSON object");
    GenerateSpec spec;
    auto read = [&](const char* key, int& out) {
        if (d.HasMember(key) && d[key].IsNumber()) out = static_cast<int>(d[key].GetDouble());
    };
    read("journeys", spec.journeys);
    read("levels", spec.levels);
    read("stepsPerJourney", spec.steps_per_journey);
    read("lanesPerJourney", spec.lanes_per_journey);
    read("cardsPerCell", spec.cards_per_cell);
    if (d.HasMember("seed") && d["seed"].IsNumber()) spec.seed = static_cast<std::uint64_t>(d["seed"].GetDouble());
    app_.open(generate_workspace(spec), "generated");
    return R"({"ok":true})";
}

}  // namespace wm::ui
