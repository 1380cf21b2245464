// What the UI may ask of the platform. Plain C++: src/ui includes this, never Emscripten headers.
// The browser implementation lives in web_platform.cpp (+ bridge.js); a native build of the views
// for headless tests can provide its own.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

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
// it changes while the app runs (a frame is drawn afterwards). One callback; a new one replaces it.
bool prefers_dark();
void on_prefers_dark_change(std::function<void(bool dark)> changed);

// Live co-editing (ui/shell/live.hpp): the page loads its live module and connects to the team
// server of its own origin; `options_json` is {room, token, writer, workspace, name, colour}. What
// happens arrives as the messages teamStatus and teamRecords (platform/protocol.hpp).
void team_connect(std::string_view options_json);
void team_send(std::string_view records_json);   // records to write (io::records_since's document)
void team_presence(std::string_view journey);    // the journey this user has open ("" for none)
void team_close();

// Document storage (IndexedDB through web/storage.js) is reached through store::Backend, whose
// browser implementation is platform/storage_bridge.hpp.

}  // namespace wm::platform
