// What the UI may ask of the platform. Plain C++: src/ui includes this, never Emscripten headers.
// The browser implementation lives in web_platform.cpp (+ bridge.js); a native build of the views
// for headless tests can provide its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

struct ImDrawList;

namespace wm::platform {

void request_frame();                        // draw again as soon as possible (an async result arrived)
void request_frame_after(double ms);         // e.g. a tooltip that appears after a hover delay
void set_clipboard(std::string_view text);   // system clipboard (navigator.clipboard / copy event)
const std::string& clipboard();              // last text pasted into or copied from the page
void need_font_for(unsigned codepoint);      // a glyph outside the loaded fonts (CJK loads lazily)
void note_text(std::string_view utf8);       // text about to be drawn: loads fonts its characters need
void pick_file(std::string_view accept);     // file picker; the chosen file arrives as an import
// File picker for a view: the page reads the chosen file as text and calls the app with
// "fileChosen" {purpose, name, text}; the app routes it by purpose (e.g. "insights-csv").
void pick_file_for(std::string_view accept, std::string_view purpose);
double now_ms();                              // monotonic clock
// This frame's pinch (a touchpad's, or two fingers on a touch screen) in notches of zoom
// (layout::wheel_zoom) about the pointer: the map and the grid zoom by it as by Ctrl+wheel. It does
// not go through ImGui's wheel and Ctrl, whose events ImGui may spread over frames apart.
float pinch_notches();
int today_days();                             // the local calendar date, days since 1970-01-01
void download(std::string_view filename, std::string_view mime, std::string_view bytes);
// Share links (ui/shell/share.hpp): the page compresses `export_json` into a #share= link of at most
// `max_chars` characters, copies it and answers with the app call "shareDone" (see web/app.js).
void share_link(std::string_view export_json, std::size_t max_chars);
void forget_share_link();
// PNG export (ui/exports/exports.hpp): the page draws `svg` (width × height user units) at `scale` off-screen
// in tiles, encodes one PNG (`title` in its metadata) and downloads it as `filename`; it reports with
// the messages exportProgress and exportFinished (platform/protocol.hpp). cancel_export() stops it
// between two tiles.
void export_png(std::string_view filename, std::string_view svg, double width, double height, double scale,
                std::string_view title);
void cancel_export();

// Small preferences kept in this browser, not in documents (localStorage, keys prefixed "waymark.";
// e.g. "theme"). "" when never set or when the browser refuses storage; writing then does nothing.
std::string preference(std::string_view key);
void set_preference(std::string_view key, std::string_view value);
// The system's colour scheme (prefers-color-scheme: dark), and a callback run between frames when
// it changes while the app runs (a frame is drawn afterwards; also when prefers-contrast changes).
// One callback; a new one replaces it.
bool prefers_dark();
bool prefers_more_contrast();
// View › Text size: the UI drawn at `scale` (0.9 – 2.0) × its size, crisply (fonts rasterised at that
// size), remembered in this browser ("textSize", a percentage). Applied from the next frame.
float text_scale();
void set_text_scale(float scale);
// A stored percentage ("150") as a scale, clamped to 90–200 %; 1 for anything unreadable.
inline float text_scale_from(std::string_view percent) {
    int value = 0;
    for (const char c : percent) {
        if (c < '0' || c > '9' || value > 1000) return 1.0f;
        value = value * 10 + (c - '0');
    }
    if (percent.empty()) return 1.0f;
    return static_cast<float>(value < 90 ? 90 : value > 200 ? 200 : value) / 100.0f;
}                 // prefers-contrast: more (the system asks for more contrast)
void on_prefers_dark_change(std::function<void(bool dark)> changed);

// Says `text` to screen readers: the page's polite live region (role="status") takes it; the same
// text twice is said twice.
void announce(std::string_view text);

// What the page's hidden DOM mirror shows of the open view, for screen readers and keyboard use
// (web/mirror.js; ui/map/mirror.hpp describes the JSON). Sent only when it changed. False when the
// page could not apply it: it was the changes to a map the page does not hold (send the whole).
bool mirror(std::string_view json);
// A question the app asks on its own (a share link opened, a file dropped): the page shows the form
// (ui/kit/mirror_form.hpp, with question()) as a modal dialog, to everyone: drawn over the canvas,
// read by screen readers, answered by mouse or keyboard. Its answers come back as mirrorRow
// messages of the form's view. ask_done(view) closes it when it was answered another way.
void ask(std::string_view form_json);
void ask_done(std::string_view view);

// What draws the app: the WebGL renderer the browser reports (WEBGL_debug_renderer_info), e.g.
// "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device …))"; "" when the browser does not say.
std::string renderer();
// The software rasteriser a renderer string names ("SwiftShader", "WARP", "llvmpipe", "softpipe"),
// or "" for a graphics card. On those, every frame is drawn by the processor: big maps pan slower,
// and View › About says so (support can tell a user why a machine is slow).
inline std::string_view software_renderer(std::string_view renderer) {
    const auto has = [&](std::string_view word) {
        if (word.size() > renderer.size()) return false;
        for (std::size_t i = 0; i + word.size() <= renderer.size(); ++i) {
            bool same = true;
            for (std::size_t k = 0; k < word.size() && same; ++k) {
                const char c = renderer[i + k];
                same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == word[k];
            }
            if (same) return true;
        }
        return false;
    };
    if (has("swiftshader")) return "SwiftShader";
    if (has("microsoft basic render") || has("warp")) return "WARP";
    if (has("llvmpipe")) return "llvmpipe";
    if (has("softpipe")) return "softpipe";
    return {};
}

// Live co-editing (ui/shell/live.hpp): the page loads its live module and connects to the team
// server of its own origin; `options_json` is {room, token, writer, workspace, name, colour}. What
// happens arrives as the messages teamStatus and teamRecords (platform/protocol.hpp).
void team_connect(std::string_view options_json);
void team_send(std::string_view records_json);   // records to write (io::records_since's document)
// What this user shows the others: {"journey": title, "journeyId": id, "selection": [ids]} (JSON;
// journey "" when no map is open).
void team_presence(std::string_view presence_json);
void team_close();

// Off-screen textures (ui/kit/tiles): a square RGBA texture `pixels` device pixels a side, as an
// ImTextureID for draw lists; 0 when the platform has none (then views draw directly).
// paint_texture queues `list` (the texture's top-left corner at list coordinates (at, at); `scale`
// device pixels per unit) to be drawn into the texture over `background` (IM_COL32) before this
// frame's own drawing; the list must stay unchanged until the frame is drawn.
void* create_texture(int pixels);
void paint_texture(void* texture, const ImDrawList& list, float at, float scale, std::uint32_t background);
void delete_texture(void* texture);
// How a tile texture is sampled: nearest while its texels land on whole pixels (every pan), smooth
// while it is shown scaled (during a zoom gesture, ui/kit/tiles).
void smooth_texture(void* texture, bool smooth);
// Device pixels per ImGui unit this frame (devicePixelRatio × text size).
float pixel_scale();

// Partial redraws (platform/gl_renderer, layout/damage): a frame draws again only the part of the
// window that changed. On by default; off, every frame draws the whole window (tests compare the two).
void set_partial_redraw(bool on);
// The tile layer (platform/gl_renderer): on software GL the page shows the map's and the grid's
// tiles in a 2D canvas under the WebGL one, which then changes only where something else moves.
// On by default where the renderer is software; the test hook switches it to compare.
void set_tile_layer(bool on);
bool tile_layer();
struct RedrawCounts {
    int frames = 0, unchanged = 0, full = 0;   // frames rendered; of them, changed nothing on screen / drew the whole window
    double drawn = 0, window = 0;              // of the frames that drew: pixels drawn again, and the window's, summed
    int layer = 0;                             // frames whose tiles the page drew again (set_tile_layer)
};
RedrawCounts take_redraw_counts();             // since the last call

// Document storage (IndexedDB through web/storage.js) is reached through store::Backend, whose
// browser implementation is platform/storage_bridge.hpp.

}  // namespace wm::platform
