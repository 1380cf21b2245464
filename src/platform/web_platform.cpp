// The browser platform: WebGL2 context, the frame function the page calls, input from the page's
// DOM events (web/app.js), fonts, clipboard and the test-hook dispatcher.
//
// [SECTION] Frame scheduling — why there is no emscripten_set_main_loop
// [SECTION] Fonts
// [SECTION] Exported entry points (called by web/app.js)
// [SECTION] platform.hpp implementation
//
// Frame scheduling: Waymark must draw zero frames when idle. The page (app.js) owns the only
// requestAnimationFrame and calls wm_frame() when an input event arrived or something asked for a
// frame; wm_frame() returns 1 while more frames are needed: ImGui trickles input events (a press and
// release in one frame are applied over two frames so no click is lost), and a window that appears
// needs a second frame to size itself. Timed wake-ups (hover delays) go through request_frame_after.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <deque>
#include <cmath>
#include <cstring>
#include <functional>
#include <iterator>
#include <unordered_map>
#include <utility>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "layout/journey_layout.hpp"
#include "platform/gl_renderer.hpp"
#include "platform/platform.hpp"
#include "platform/protocol.hpp"
#include "platform/storage_bridge.hpp"
#include "platform/web_input.hpp"
#include "ui/kit/tiles.hpp"
#include "ui/kit/type_scale.hpp"
#include "ui/shell/app.hpp"

extern "C" {
void wm_js_request_frame(double delay_ms);
void wm_js_set_cursor(const char* name);
void wm_js_set_clipboard(const char* text, int len);
void wm_js_text_input(int active, float x, float y, float h);
void wm_js_load_font(const char* kind);
void wm_js_download(const char* name, const char* mime, const char* bytes, int len);
double wm_js_now();
double wm_js_today_days();
void wm_js_pick_file(const char* accept);
void wm_js_share_link(const char* text, int len, int max_chars);
void wm_js_forget_share_link();
void wm_js_export_png(const char* name, const char* svg, int len, double width, double height, double scale, const char* title);
void wm_js_cancel_export();
void wm_js_pick_file_for(const char* accept, const char* purpose);
void wm_js_storage(int id, const char* op, const char* arg, const char* bytes, int len);
int wm_js_preference(const char* key, char* out, int capacity);
void wm_js_set_preference(const char* key, const char* value);
int wm_js_prefers_dark();
int wm_js_prefers_more_contrast();
void wm_js_renderer(char* out, int capacity);
void wm_js_announce(const char* text);
int wm_js_mirror(const char* json, int len);
void wm_js_watch_prefers_dark();
void wm_js_team_connect(const char* options);
void wm_js_team_send(const char* json, int len);
void wm_js_team_presence(const char* presence_json);
void wm_js_team_close();
}

namespace {

// A font fetched the first time a character it covers must be drawn: CJK (Droid Sans Fallback, 4 MB)
// and symbols (Symbola: emoji, music, mathematical letters — what lies outside the Basic
// Multilingual Plane, and symbol blocks the UI font lacks). Only the glyphs actually seen are
// rasterised into the atlas (ImGui 1.90 has no dynamic glyph cache), so the atlas stays small.
struct LazyFont {
    const char* kind;                 // the file web/app.js fetches (fonts/<kind>.ttf)
    bool (*covers)(unsigned c);
    std::vector<unsigned char> bytes;
    std::vector<unsigned> needed;     // sorted codepoints seen in text that need this font
    std::vector<ImWchar> ranges;      // built from `needed`; must outlive the atlas build
    bool requested = false;
};

bool is_cjk(unsigned c) {
    return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3100 && c <= 0x312F);
}
// Keep in step with SYMBOL_RANGES in scripts/make-fonts: the arrows U+2190–21FF, U+2300–2BFF and
// everything past the Basic Multilingual Plane, except the three marks the UI font draws itself.
bool is_symbol(unsigned c) {
    if (c >= 0x10000) return c <= 0x10FFFF;
    if (c == 0x2713 || c == 0x2715 || c == 0x2717) return false;
    return (c >= 0x2190 && c <= 0x21FF) || (c >= 0x2300 && c <= 0x2BFF);
}

// Blocks of the UI font kept out of its first file and its atlas until a text needs them (~40 % of
// its glyphs: building the atlas of four sizes went from ~43 to ~27 ms at start, and from ~38 to
// ~16 ms when the bold face arrives after the first frame; ui.ttf is 23 KB gzip smaller; then Latin
// Extended-B and the letterlike symbols too: 727 → 426 code points, ui.ttf 37 → 19 KB gzip). Their
// letters are in fonts/ui-blocks.ttf and ui-bold-blocks.ttf (scripts/make-fonts), fetched the first
// time a block is needed. A block is needed when text noted for drawing holds one of its characters
// (note_codepoint), and is remembered in this browser for the next start (the page then fetches the
// file with the UI font). Text drawn without being noted is caught where it is drawn: until its
// block is in the atlas, each of a block's characters is drawn as one blank "sentinel" glyph (a 1×1
// rectangle of the atlas with a letter's advance); the renderer reports vertices that sample a
// sentinel (GlRenderer::watch), and the block is needed from the next frame. So no text is drawn as
// "?" while the file can be had — at worst blank until it has arrived; if it cannot, as "?".
struct UiBlock {
    const char* name;                 // in the "fontBlocks" preference
    ImWchar first, last;
    bool needed = false;
};

// One input event from the page, as the wm_* entry points receive it.
struct Input {
    enum class Kind { move, button, wheel, key, text, focus, cancel } kind;
    float x = 0, y = 0;   // move: position (CSS px); wheel: deltas
    int a = 0, b = 0, c = 0;   // button: button, down, clicks; key: down, mods; focus: focused
    std::string text;     // key: the DOM code; text: UTF-8
};

struct Platform {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    float css_width = 1, css_height = 1, dpr = 1;
    // View › Text size: the whole UI drawn larger, crisply — ImGui works in units of ui_scale CSS px
    // and rasterises fonts at dpr × ui_scale (like the browser's zoom, but remembered by the app).
    float ui_scale = 1;
    float scale() const { return dpr * ui_scale; }  // device pixels per ImGui unit
    std::vector<unsigned char> font_regular, font_bold;
    LazyFont lazy[2] = {{"cjk", is_cjk, {}, {}, {}, false}, {"symbols", is_symbol, {}, {}, {}, false}};
    UiBlock blocks[5] = {{"latin-extended-b", 0x0180, 0x024F}, {"greek", 0x0370, 0x03FF}, {"cyrillic", 0x0400, 0x04FF},
                         {"latin-extended-additional", 0x1E00, 0x1EFF}, {"letterlike", 0x2100, 0x215F}};
    std::vector<unsigned char> font_blocks, font_bold_blocks;   // the blocks' letters, once fetched
    bool blocks_requested = false, bold_blocks_requested = false;
    bool blocks_failed = false;               // the page could not get them: drawn as "?", not blank
    std::vector<ImWchar> block_ranges;        // the blocks built into the last atlas; must outlive it
    std::vector<int> sentinel_blocks;         // the block of each UV rectangle the renderer watches
    bool fonts_dirty = true;
    float fonts_built_dpr = 0;
    bool bold_arrived = false, code_complete = false;   // tiles wait for both (wm_font_loaded, wm_code_complete)
    int settle_frames = 2;                    // frames still to draw after the last change
    float pinch = 0, frame_pinch = 0;         // pinch notches since the last frame, and this frame's (pinch_notches)
    ImGuiMouseCursor last_cursor = ImGuiMouseCursor_COUNT;
    bool last_want_text = false;
    std::string clipboard;
    std::string call_result;                  // the one return buffer handed to JS by wm_page_message / wm_test_hook
    double last_frame_ms = 0;                 // frame clock for io.DeltaTime
    std::deque<int> click_counts[ImGuiMouseButton_COUNT];   // the page's click count of each press not yet taken (take_click_counts)
    std::vector<Input> held;                  // input held back until the pointer has had a frame where it is (feed)
    bool key_given[ImGuiKey_NamedKey_COUNT] = {};   // ImGui was told this key is down (apply)
    wm::ui::App* app = nullptr;
    int next_storage_request = 1;
    std::unordered_map<int, wm::platform::StorageCallback> storage_pending;
    std::function<void(bool)> prefers_dark_changed;
    bool watching_prefers_dark = false;
    wm::platform::GlRenderer renderer;
};
Platform P;  // the one platform instance of this page; lives as long as the page

// ---------------------------------------------------------------------------------------------
// [SECTION] Fonts
// ---------------------------------------------------------------------------------------------
// Fonts are rasterised at the device pixel ratio and drawn at 1/dpr scale, so text stays crisp on
// high-DPI screens while layout works in CSS pixels.
void rebuild_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float dpr = P.scale();
    // Latin-1 and Latin Extended-A, punctuation, currency, maths signs, check marks and the
    // replacement character (scripts/make-fonts: UI_RANGES); the blocks from their own file.
    static const ImWchar kUiRanges[] = {0x0020, 0x017F, 0x2010, 0x205E, 0x20A0, 0x20BF, 0x2212, 0x2265,
                                         0x2713, 0x2717, 0xFFFD, 0xFFFD, 0};
    const auto built = [](const UiBlock& b) { return b.needed && !P.font_blocks.empty(); };
    const auto sentinel = [&](const UiBlock& b) { return !built(b) && !P.blocks_failed; };
    P.block_ranges.clear();
    for (const UiBlock& b : P.blocks)
        if (built(b)) P.block_ranges.insert(P.block_ranges.end(), {b.first, b.last});
    P.block_ranges.push_back(0);
    for (LazyFont& lazy : P.lazy) {
        lazy.ranges.clear();
        for (unsigned c : lazy.needed) {
            lazy.ranges.push_back(static_cast<ImWchar>(c));
            lazy.ranges.push_back(static_cast<ImWchar>(c));
        }
        lazy.ranges.push_back(0);
    }
    auto add = [&](std::vector<unsigned char>& data, std::vector<unsigned char>& blocks, float size) -> ImFont* {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;
        cfg.OversampleH = 1;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()), size * dpr, &cfg, kUiRanges);
        if (P.block_ranges.size() > 1) {
            ImFontConfig merge;
            merge.FontDataOwnedByAtlas = false;
            merge.MergeMode = true;
            merge.OversampleH = 1;
            merge.OversampleV = 1;
            merge.PixelSnapH = true;
            io.Fonts->AddFontFromMemoryTTF(blocks.data(), static_cast<int>(blocks.size()), size * dpr, &merge, P.block_ranges.data());
        }
        for (LazyFont& lazy : P.lazy) {
            if (lazy.bytes.empty() || lazy.ranges.size() < 2) continue;
            ImFontConfig merge;
            merge.FontDataOwnedByAtlas = false;
            merge.MergeMode = true;
            merge.OversampleH = 1;
            merge.OversampleV = 1;
            io.Fonts->AddFontFromMemoryTTF(lazy.bytes.data(), static_cast<int>(lazy.bytes.size()), size * dpr, &merge,
                                           lazy.ranges.data());
        }
        // Joiners and variation selectors (the parts of 👩‍👩‍👧 between the faces, the emoji style
        // of ❤️) have no glyph in any of our fonts: draw them as nothing rather than as "?".
        for (ImWchar c : {0x200B, 0x200C, 0x200D, 0x2060, 0xFE0E, 0xFE0F})
            io.Fonts->AddCustomRectFontGlyph(font, c, 1, 1, 0.0f);  // 1×1 of empty atlas, no advance
        // A block not yet in the atlas: its first character is the sentinel, the others drawn as it
        // (after the build). The advance is about a lower-case letter's.
        for (const UiBlock& b : P.blocks)
            if (sentinel(b)) io.Fonts->AddCustomRectFontGlyph(font, b.first, 1, 1, std::round(size * dpr * 0.42f));
        return font;
    };
    wm::ui::Fonts fonts;
    // The type scale (ui/kit/type_scale.hpp) is in CSS px of the em; ImGui sizes a font by its line
    // height. Each size is rounded to whole device pixels, so glyphs are rasterised at the size they
    // are drawn at (at DPR 1, text drawn at scale 1 maps texel to pixel: crisp).
    namespace type = wm::ui::type;
    auto line = [dpr](float em_px) { return std::round(type::line_height(em_px) * dpr) / dpr; };
    fonts.regular = add(P.font_regular, P.font_blocks, line(type::kBodyPx));
    // The bold face arrives after the first frame (web/app.js): until then titles and headings are
    // the regular face at their own sizes, so nothing moves much when it comes (its blocks too).
    std::vector<unsigned char>& bold = P.font_bold.empty() ? P.font_regular : P.font_bold;
    std::vector<unsigned char>& bold_blocks = P.font_bold.empty() || P.font_bold_blocks.empty() ? P.font_blocks : P.font_bold_blocks;
    fonts.bold = add(bold, bold_blocks, line(type::kTitlePx));
    fonts.heading = add(bold, bold_blocks, line(type::kHeadingPx));
    fonts.small = add(P.font_regular, P.font_blocks, line(type::kCaptionPx));
    io.FontGlobalScale = 1.0f / dpr;
    // The builder is called itself, not through ImFontAtlas::Build(): Build() falls back on ImGui's
    // built-in ProggyClean font when no font was added, and that reference alone links 12 KB of it
    // into the code's first part (never drawn: the regular face is always here, web/app.js stops
    // with an error when it cannot arrive). gl_renderer.cpp reads the atlas's pixels directly too.
    ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(io.Fonts);
    // Noto Sans (Debian's) has no U+2212 MINUS SIGN, which the emotion scores use ("−2"): draw it as
    // the en dash, a dash of a digit's width, rather than as "?".
    for (ImFont* font : {fonts.regular, fonts.bold, fonts.heading, fonts.small})
        if (font && !font->FindGlyphNoFallback(0x2212)) font->AddRemapChar(0x2212, 0x2013, true);
    // Each block's sentinels in all four sizes sample the regular size's rectangle, so the renderer
    // watches one rectangle a block (a few comparisons a vertex).
    std::vector<ImVec4> watched;
    P.sentinel_blocks.clear();
    for (int b = 0; b < static_cast<int>(std::size(P.blocks)); ++b) {
        const UiBlock& block = P.blocks[b];
        const ImFontGlyph* shared = sentinel(block) ? fonts.regular->FindGlyphNoFallback(block.first) : nullptr;
        if (!shared) continue;
        for (ImFont* font : {fonts.regular, fonts.bold, fonts.heading, fonts.small}) {
            auto* glyph = const_cast<ImFontGlyph*>(font->FindGlyphNoFallback(block.first));
            if (!glyph) continue;
            glyph->U0 = shared->U0, glyph->V0 = shared->V0, glyph->U1 = shared->U1, glyph->V1 = shared->V1;
            for (unsigned c = block.first + 1u; c <= block.last; ++c) font->AddRemapChar(static_cast<ImWchar>(c), block.first, true);
        }
        watched.push_back(ImVec4(shared->U0, shared->V0, shared->U1, shared->V1));
        P.sentinel_blocks.push_back(b);
    }
    P.renderer.watch(std::move(watched));
    P.renderer.upload_fonts();
    P.app->set_fonts(fonts);
    P.fonts_dirty = false;
    P.fonts_built_dpr = dpr;
}

// The blocks' files, once a block is needed: the bold face's after the bold face itself.
void request_block_fonts() {
    if (std::none_of(std::begin(P.blocks), std::end(P.blocks), [](const UiBlock& b) { return b.needed; })) return;
    if (!P.blocks_requested) {
        P.blocks_requested = true;
        wm_js_load_font("ui-blocks");
    }
    if (!P.font_bold.empty() && !P.bold_blocks_requested) {
        P.bold_blocks_requested = true;
        wm_js_load_font("ui-bold-blocks");
    }
}

void need_block(UiBlock& block) {
    if (block.needed) return;
    block.needed = true;
    if (!P.font_blocks.empty()) P.fonts_dirty = true;
    request_block_fonts();
    std::string names;
    for (const UiBlock& b : P.blocks)
        if (b.needed) names.append(names.empty() ? "" : ",").append(b.name);
    wm::platform::set_preference("fontBlocks", names);
}

void note_codepoint(unsigned c) {
    if (c < 0x0180) return;  // Latin-1 and Latin Extended-A: always in the atlas
    for (UiBlock& b : P.blocks)
        if (c >= b.first && c <= b.last) return need_block(b);
    if (c < 0x2300) return;  // the UI font's own ranges (punctuation, currency, maths), or none
    for (LazyFont& lazy : P.lazy) {
        if (!lazy.covers(c)) continue;
        auto it = std::lower_bound(lazy.needed.begin(), lazy.needed.end(), c);
        if (it != lazy.needed.end() && *it == c) return;
        lazy.needed.insert(it, c);
        if (!lazy.bytes.empty()) P.fonts_dirty = true;
        else if (!lazy.requested) {
            lazy.requested = true;
            wm_js_load_font(lazy.kind);
        }
        return;
    }
}

void note_text_range(const char* utf8, const char* end) {
    while (utf8 < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, utf8, end);
        if (n <= 0) break;
        utf8 += n;
        note_codepoint(c);
    }
}

void update_cursor_and_ime() {
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiMouseCursor cursor = io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    if (cursor != P.last_cursor) {
        P.last_cursor = cursor;
        static const char* const kNames[] = {"default", "text", "move", "ns-resize", "ew-resize",
                                             "nesw-resize", "nwse-resize", "pointer", "not-allowed"};
        wm_js_set_cursor(cursor >= 0 && cursor < ImGuiMouseCursor_COUNT ? kNames[cursor] : "none");
    }
    // The hidden text area follows the text cursor so that IME candidate windows appear in place.
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (io.WantTextInput != P.last_want_text || io.WantTextInput) {
        P.last_want_text = io.WantTextInput;
        wm_js_text_input(io.WantTextInput, g.PlatformImeData.InputPos.x * P.ui_scale, g.PlatformImeData.InputPos.y * P.ui_scale,
                         g.PlatformImeData.InputLineHeight * P.ui_scale);
    }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Exported entry points (called by web/app.js)
// ---------------------------------------------------------------------------------------------
extern "C" {

EMSCRIPTEN_KEEPALIVE int wm_start(float css_width, float css_height, float dpr) {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = true;                  // transparent where the page shows the tiles under it (tile layer)
    attrs.depth = false;
    attrs.stencil = false;
    attrs.antialias = false;
    attrs.preserveDrawingBuffer = true;  // screenshots and PNG export read the canvas after drawing
    // WebGL 2 has all the renderer uses (R8 textures, RGBA8 render targets). Enabling every extension
    // the browser offers, Emscripten's default, cost ~25 ms of getExtension calls before the first frame.
    attrs.enableExtensionsByDefault = false;
    P.gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (P.gl <= 0) return 0;
    emscripten_webgl_make_context_current(P.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;                          // view state is saved with the document, not in a file
    io.ConfigInputTextCursorBlink = false;             // a blinking caret would need frames while idle
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    io.BackendPlatformName = "waymark_web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.GetClipboardTextFn = [](void*) { return P.clipboard.c_str(); };
    io.SetClipboardTextFn = [](void*, const char* text) { wm::platform::set_clipboard(text); };
    io.BackendRendererName = "waymark_webgl2";
    if (!P.renderer.init()) return 0;
    // On a software rasteriser the compositor reads the canvas back every frame it changes: the page
    // shows the tiles, so that a pan changes little of it (platform/gl_renderer).
    P.renderer.set_layered(!wm::platform::software_renderer(wm::platform::renderer()).empty());
    P.css_width = css_width;
    P.css_height = css_height;
    P.dpr = dpr;
    P.ui_scale = wm::platform::text_scale_from(wm::platform::preference("textSize"));
    const std::string blocks = "," + wm::platform::preference("fontBlocks") + ",";
    for (UiBlock& b : P.blocks) b.needed = blocks.find("," + std::string(b.name) + ",") != std::string::npos;
    request_block_fonts();   // already on its way (web/app.js reads the preference too)
    wm::ui::set_tiles_held(true);   // until the bold face and the code's second part are in (wm_font_loaded, wm_code_complete)
    P.app = new wm::ui::App(wm::platform::web_storage());  // lives as long as the page
    // Storage's answers (the page asked for the first ones while the wasm downloaded) may then arrive
    // before the first frame, which is then the opened document rather than "Opening…".
    P.app->boot();
    return 1;
}

EMSCRIPTEN_KEEPALIVE int wm_is_ready() { return P.app && P.app->is_ready() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE void wm_storage_reply(int id, int ok, const char* json, const char* bytes, int len) {
    auto it = P.storage_pending.find(id);
    if (it == P.storage_pending.end()) return;
    wm::platform::StorageCallback done = std::move(it->second);
    P.storage_pending.erase(it);
    wm::platform::StorageReply reply;
    reply.ok = ok != 0;
    reply.json = json ? json : "";
    if (bytes && len > 0) reply.bytes.assign(bytes, static_cast<std::size_t>(len));
    done(std::move(reply));
    P.settle_frames = std::max(P.settle_frames, 2);
}

// The code's second part is in (web/app.js, after the first frame): the work held for it starts —
// the sample's first save and the mirror's descriptions (App::code_complete), cached tiles — so that
// its code is not needed before the first frame.
EMSCRIPTEN_KEEPALIVE void wm_code_complete() {
    P.code_complete = true;
    wm::ui::set_tiles_held(!P.bold_arrived);
    if (P.app) P.app->code_complete();
    P.settle_frames = std::max(P.settle_frames, 2);
    wm_js_request_frame(0);
}

// The system switched between light and dark (bridge.js listens to prefers-color-scheme).
EMSCRIPTEN_KEEPALIVE void wm_prefers_dark_changed(int dark) {
    if (P.prefers_dark_changed) P.prefers_dark_changed(dark != 0);
    P.settle_frames = std::max(P.settle_frames, 2);
    wm::platform::request_frame();
}

EMSCRIPTEN_KEEPALIVE void wm_font_loaded(const char* kind, const unsigned char* data, int size) {
    std::vector<unsigned char> bytes(data, data + size);
    if (std::strcmp(kind, "regular") == 0) P.font_regular = std::move(bytes);
    else if (std::strcmp(kind, "bold") == 0) {
        P.font_bold = std::move(bytes);   // none: the page could not get it (the regular face stands in)
        P.bold_arrived = true;
        wm::ui::set_tiles_held(!P.code_complete);
        request_block_fonts();
    } else if (std::strcmp(kind, "ui-blocks") == 0) {
        P.blocks_failed = bytes.empty();  // none: the page could not get it
        P.font_blocks = std::move(bytes);
    } else if (std::strcmp(kind, "ui-bold-blocks") == 0)
        P.font_bold_blocks = std::move(bytes);
    else
        for (LazyFont& lazy : P.lazy)
            if (std::strcmp(kind, lazy.kind) == 0) lazy.bytes = std::move(bytes);
    P.fonts_dirty = true;
    // The UI face comes before the first frame, while storage opens the document: its atlas is built
    // now, in that wait, rather than in the first frame.
    if (std::strcmp(kind, "regular") == 0 && P.app) rebuild_fonts();
    wm::platform::request_frame();
}

// Input goes to ImGui's queue as it comes, except a press that comes with a move of the pointer
// since the last frame (a tap; a quick click): ImGui would take the move and the press in one frame
// (its queue splits a frame only after a button or a key), and an item that lets others overlap it
// — the map's canvas, the backlog's and the insights' rows — is hovered only from the frame after
// the pointer arrived, so the press would find nothing under it: a row not selected, the map's keys
// left where they were. Such a press, and all input after it, is held until a frame has seen the
// pointer where it is (release_held, after the next NewFrame), as a mouse that moves before it
// clicks gives it anyway.
//
// A key that only types a character, pressed while a text field has the keyboard and without Ctrl,
// Alt or Super, is not given to ImGui: its character comes as text, and no field reads such a key.
// ImGui's queue takes one change of a key, or the text after it, a frame; given the key, each
// character typed took two frames. A quick typist on a slow machine (10 characters a second at 20
// frames) then saw the text lag behind, and a tab closed at once had to run a frame for each
// keystroke still queued (web/app.js leaving(): 30 of them took 0.5-1 s on a loaded machine with
// the CPU slowed down 6x, and the edit was lost when the browser ended the page first). Now a burst
// of typing is one frame.
static bool only_types(ImGuiKey key) {
    if ((key >= ImGuiKey_A && key <= ImGuiKey_Z) || (key >= ImGuiKey_0 && key <= ImGuiKey_9) ||
        (key >= ImGuiKey_Keypad0 && key <= ImGuiKey_Keypad9))
        return true;
    switch (key) {
        case ImGuiKey_Space: case ImGuiKey_Apostrophe: case ImGuiKey_Comma: case ImGuiKey_Minus:
        case ImGuiKey_Period: case ImGuiKey_Slash: case ImGuiKey_Semicolon: case ImGuiKey_Equal:
        case ImGuiKey_LeftBracket: case ImGuiKey_Backslash: case ImGuiKey_RightBracket: case ImGuiKey_GraveAccent:
        case ImGuiKey_KeypadAdd: case ImGuiKey_KeypadSubtract: return true;
        default: return false;
    }
}

static void apply(const Input& in) {
    ImGuiIO& io = ImGui::GetIO();
    switch (in.kind) {
        case Input::Kind::move: io.AddMousePosEvent(in.x / P.ui_scale, in.y / P.ui_scale); break;
        case Input::Kind::button:
            io.AddMouseButtonEvent(in.a, in.b != 0);
            if (in.b) P.click_counts[in.a].push_back(std::max(1, in.c));
            break;
        case Input::Kind::wheel: io.AddMouseWheelEvent(in.x, in.y); break;
        case Input::Kind::key: {
            io.AddKeyEvent(ImGuiMod_Ctrl, (in.b & 1) != 0);
            io.AddKeyEvent(ImGuiMod_Shift, (in.b & 2) != 0);
            io.AddKeyEvent(ImGuiMod_Alt, (in.b & 4) != 0);
            io.AddKeyEvent(ImGuiMod_Super, (in.b & 8) != 0);
            const ImGuiKey key = wm::platform::key_from_dom_code(in.text.c_str());
            if (key == ImGuiKey_None) break;
            bool& given = P.key_given[key - ImGuiKey_NamedKey_BEGIN];
            const bool command = (in.b & (1 | 4 | 8)) != 0;
            if (in.a != 0 && !given && io.WantTextInput && !command && only_types(key)) break;   // typed: see only_types
            if (in.a == 0 && !given) break;   // its press was not given
            given = in.a != 0;
            io.AddKeyEvent(key, given);
            break;
        }
        case Input::Kind::text: io.AddInputCharactersUTF8(in.text.c_str()); break;
        case Input::Kind::focus:
            io.AddFocusEvent(in.a != 0);   // focus lost: ImGui lets go of every key
            if (in.a == 0) std::fill(std::begin(P.key_given), std::end(P.key_given), false);
            break;
        case Input::Kind::cancel:
            if (P.app) P.app->cancel_gesture();
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
            break;
    }
}

static bool pointer_moved_since_frame() {
    for (const ImGuiInputEvent& e : GImGui->InputEventsQueue)
        if (e.Type == ImGuiInputEventType_MousePos) return true;
    return false;
}

static void feed(Input in) {
    P.settle_frames = std::max(P.settle_frames, 1);
    if (!P.held.empty() || (in.kind == Input::Kind::button && in.b && pointer_moved_since_frame())) {
        P.held.push_back(std::move(in));
        return;
    }
    apply(in);
}

static void release_held() {
    std::vector<Input> held;
    held.swap(P.held);
    for (Input& in : held) feed(std::move(in));   // a second tap in the same batch is held again
}

// The page counts clicks on the events' timestamps (web/app.js); ImGui would count them on its frame
// clock, and a frame that takes long between two quick clicks (a change from the team, on a loaded
// machine) would turn a double-click into two clicks, or an idle pause two clicks into one
// double-click. So each press ImGui took this frame gets the page's count.
static void take_click_counts() {
    ImGuiIO& io = ImGui::GetIO();
    bool queued = false;
    for (const ImGuiInputEvent& e : GImGui->InputEventsQueue) queued = queued || e.Type == ImGuiInputEventType_MouseButton;
    for (int b = 0; b < ImGuiMouseButton_COUNT; ++b) {
        auto& counts = P.click_counts[b];
        if (io.MouseClicked[b] && !counts.empty()) {
            const int n = counts.front();
            counts.pop_front();
            io.MouseClickedCount[b] = static_cast<ImU16>(n);
            io.MouseClickedLastCount[b] = static_cast<ImU16>(n);
            io.MouseDoubleClicked[b] = n == 2;
        }
        if (!queued) counts.clear();   // every press was taken: nothing left to pair
    }
}

// Draws one frame. Returns 1 if another frame is needed right away, 2 while the page is leaving and
// the app has not yet applied all queued input and ended the open text field (web/app.js leaving()).
EMSCRIPTEN_KEEPALIVE int wm_frame() {
    if (!P.app || P.font_regular.empty()) return 0;
    ImGuiIO& io = ImGui::GetIO();
    P.app->note_document_text();   // a document changed since (merged, the team's edits): its characters' fonts
    if (P.fonts_dirty || P.fonts_built_dpr != P.scale()) rebuild_fonts();
    io.DisplaySize = ImVec2(P.css_width / P.ui_scale, P.css_height / P.ui_scale);
    io.DisplayFramebufferScale = ImVec2(P.scale(), P.scale());
    const double now = wm_js_now();
    double dt = P.last_frame_ms > 0 ? std::max(0.001, (now - P.last_frame_ms) / 1000.0) : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(dt);
    P.last_frame_ms = now;

    // A frame of a page that is leaving only applies input and ends the open text field (App::on
    // Leaving): nothing is drawn, since nobody sees it and a closing page has little time; the canvas
    // keeps the last frame drawn, which the next drawn frame's damage is measured against.
    const bool leaving = P.app->committing();
    ImGui::NewFrame();
    P.frame_pinch = std::exchange(P.pinch, 0.0f);
    take_click_counts();
    release_held();   // for the next frame: this one has seen the pointer where it is
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
    P.app->begin_frame();
    P.app->draw();
    ImGui::Render();
    P.app->end_frame();
    update_cursor_and_ime();

    const int fb_w = static_cast<int>(P.css_width * P.dpr + 0.5f), fb_h = static_cast<int>(P.css_height * P.dpr + 0.5f);
    if (leaving) P.settle_frames = std::max(P.settle_frames, 1);   // drawn once the page is seen again
    else {
        P.renderer.render(*ImGui::GetDrawData(), fb_w, fb_h, P.app->background());
        for (std::size_t i = 0, seen = P.renderer.take_watched_seen(); seen; ++i, seen >>= 1)
            if ((seen & 1) && i < P.sentinel_blocks.size()) need_block(P.blocks[P.sentinel_blocks[i]]);
    }

    // A tile's read-back under way (the tile layer): a frame once it is done shows the page's copy.
    bool more = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0 || !P.held.empty() || P.app->wants_frame() || P.fonts_dirty ||
                P.renderer.reading();
    if (P.settle_frames > 0) {
        --P.settle_frames;
        more = true;
    }
    if (P.app->committing()) return 2;
    return more ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void wm_resize(float css_width, float css_height, float dpr) {
    P.css_width = css_width;
    P.css_height = css_height;
    P.dpr = dpr;
    P.settle_frames = std::max(P.settle_frames, 1);
}

EMSCRIPTEN_KEEPALIVE void wm_mouse_move(float x, float y) { feed(Input{Input::Kind::move, x, y, 0, 0, 0, {}}); }

// CSS px per ImGui unit (View › Text size): the test hook's rectangles are multiplied by it.
EMSCRIPTEN_KEEPALIVE float wm_ui_scale() { return P.ui_scale; }

EMSCRIPTEN_KEEPALIVE void wm_mouse_button(int button, int down, int clicks) {
    if (button < 0 || button >= ImGuiMouseButton_COUNT) return;
    feed(Input{Input::Kind::button, 0, 0, button, down, clicks, {}});
}

EMSCRIPTEN_KEEPALIVE void wm_wheel(float dx, float dy) { feed(Input{Input::Kind::wheel, dx, dy, 0, 0, 0, {}}); }

// A step of a pinch: a touchpad's (a Ctrl+wheel the browser makes of it: Chromium and Firefox send
// deltaY = -100 ln scale) or two fingers' on a touch screen. `log_scale` is the natural log of the
// fingers' scale since the last step. The views zoom by wheel_zoom(pinch_notches()), so the map under
// the fingers follows them.
EMSCRIPTEN_KEEPALIVE void wm_pinch(float log_scale) {
    P.pinch += wm::layout::notches_for_scale(std::exp(log_scale));
    P.settle_frames = std::max(P.settle_frames, 1);
}

EMSCRIPTEN_KEEPALIVE void wm_key(const char* code, int down, int mods) {
    feed(Input{Input::Kind::key, 0, 0, down, mods, 0, code});
}

EMSCRIPTEN_KEEPALIVE void wm_text(const char* utf8) {
    note_text_range(utf8, utf8 + std::strlen(utf8));
    feed(Input{Input::Kind::text, 0, 0, 0, 0, 0, utf8});
}

// The browser cancelled the pointer (pointercancel: a touch the system took for a gesture of its own).
EMSCRIPTEN_KEEPALIVE void wm_pointer_cancel() { feed(Input{Input::Kind::cancel, 0, 0, 0, 0, 0, {}}); }

EMSCRIPTEN_KEEPALIVE void wm_focus(int focused) { feed(Input{Input::Kind::focus, 0, 0, focused, 0, 0, {}}); }

// A message from the page (platform/protocol.hpp): read into its struct, handed to the app; the
// reply (JSON) stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* wm_page_message(const char* name, const char* text) {
    const wm::protocol::ReadMessage read = wm::protocol::read_page_message(name, text ? text : "");
    if (!P.app) P.call_result = wm::protocol::Reply::failed("not started").str();
    else if (!read.message) P.call_result = wm::protocol::Reply::failed(read.error).str();
    else P.call_result = P.app->receive(*read.message);
    P.settle_frames = std::max(P.settle_frames, 2);
    wm_js_request_frame(0);
    return P.call_result.c_str();
}

// The test hook (window.waymark, ui/shell/test_hook.cpp): name + argument text → JSON. Separate from
// the page's messages; nothing in production calls it.
EMSCRIPTEN_KEEPALIVE const char* wm_test_hook(const char* name, const char* arg) {
    P.call_result = P.app ? P.app->test_hook().call(name, arg ? arg : "") : wm::protocol::Reply::failed("not started").str();
    // Reading a count draws nothing: benches read them between the last input and the frames after it.
    const std::string_view n(name);
    if (n != "tileCounts" && n != "redrawCounts") {
        P.settle_frames = std::max(P.settle_frames, 2);
        wm_js_request_frame(0);
    }
    return P.call_result.c_str();
}

}  // extern "C"

// ---------------------------------------------------------------------------------------------
// [SECTION] platform.hpp implementation
// ---------------------------------------------------------------------------------------------
namespace wm::platform {

void request_frame() { wm_js_request_frame(0); }
void request_frame_after(double ms) { wm_js_request_frame(ms); }
double now_ms() { return wm_js_now(); }
float pinch_notches() { return P.frame_pinch; }
int today_days() { return static_cast<int>(wm_js_today_days()); }

void set_clipboard(std::string_view text) {
    P.clipboard.assign(text.data(), text.size());
    wm_js_set_clipboard(P.clipboard.data(), static_cast<int>(P.clipboard.size()));
}

const std::string& clipboard() { return P.clipboard; }

void need_font_for(unsigned codepoint) { note_codepoint(codepoint); }
void note_text(std::string_view utf8) { note_text_range(utf8.data(), utf8.data() + utf8.size()); }
void pick_file(std::string_view accept) {
    const std::string text(accept);
    wm_js_pick_file(text.c_str());
}
void pick_file_for(std::string_view accept, std::string_view purpose) {
    const std::string a(accept), p(purpose);
    wm_js_pick_file_for(a.c_str(), p.c_str());
}

void storage(std::string_view op, std::string_view json_arg, std::string_view bytes, StorageCallback done) {
    const int id = P.next_storage_request++;
    P.storage_pending.emplace(id, std::move(done));
    const std::string o(op), a(json_arg);
    wm_js_storage(id, o.c_str(), a.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

void download(std::string_view filename, std::string_view mime, std::string_view bytes) {
    const std::string name(filename), type(mime);
    wm_js_download(name.c_str(), type.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

void share_link(std::string_view export_json, std::size_t max_chars) {
    wm_js_share_link(export_json.data(), static_cast<int>(export_json.size()), static_cast<int>(max_chars));
}

void forget_share_link() { wm_js_forget_share_link(); }

void team_connect(std::string_view options_json) { wm_js_team_connect(std::string(options_json).c_str()); }
void team_send(std::string_view records_json) { wm_js_team_send(records_json.data(), static_cast<int>(records_json.size())); }
void team_presence(std::string_view presence_json) { wm_js_team_presence(std::string(presence_json).c_str()); }
void team_close() { wm_js_team_close(); }

void export_png(std::string_view filename, std::string_view svg, double width, double height, double scale,
                std::string_view title) {
    const std::string name(filename), t(title);
    wm_js_export_png(name.c_str(), svg.data(), static_cast<int>(svg.size()), width, height, scale, t.c_str());
}

void cancel_export() { wm_js_cancel_export(); }

std::string preference(std::string_view key) {
    const std::string k(key);
    std::string value(64, '\0');
    int n = wm_js_preference(k.c_str(), value.data(), static_cast<int>(value.size()));
    if (n < 0) return {};
    if (n >= static_cast<int>(value.size())) {  // longer than the first guess: ask again with room for it
        value.assign(static_cast<std::size_t>(n) + 1, '\0');
        n = wm_js_preference(k.c_str(), value.data(), static_cast<int>(value.size()));
        if (n < 0 || n >= static_cast<int>(value.size())) return {};
    }
    value.resize(static_cast<std::size_t>(n));
    return value;
}

void set_preference(std::string_view key, std::string_view value) {
    const std::string k(key), v(value);
    wm_js_set_preference(k.c_str(), v.c_str());
}

bool prefers_dark() { return wm_js_prefers_dark() != 0; }
float text_scale() { return P.ui_scale; }
void set_text_scale(float scale) {
    const float s = text_scale_from(std::to_string(static_cast<int>(std::lround(scale * 100))));
    if (s == P.ui_scale) return;
    P.ui_scale = s;   // the next frame rebuilds the fonts and lays out at the new size
    set_preference("textSize", std::to_string(static_cast<int>(std::lround(s * 100))));
    request_frame();
}

bool prefers_more_contrast() { return wm_js_prefers_more_contrast() != 0; }

bool mirror(std::string_view json) { return wm_js_mirror(json.data(), static_cast<int>(json.size())) != 0; }
void ask(std::string_view form_json) { mirror("{\"ask\":" + std::string(form_json) + "}"); }
void ask_done(std::string_view view) { mirror("{\"askDone\":\"" + std::string(view) + "\"}"); }   // a view is a plain name

void announce(std::string_view text) {
    const std::string t(text);
    wm_js_announce(t.c_str());
}

void* create_texture(int pixels) { return P.renderer.create_texture(pixels); }
void paint_texture(void* texture, const ImDrawList& list, float at, float scale, std::uint32_t background) {
    P.renderer.queue_paint(texture, list, at, scale, background);
}
void delete_texture(void* texture) { P.renderer.delete_texture(texture); }
void smooth_texture(void* texture, bool smooth) { P.renderer.smooth_texture(texture, smooth); }
float pixel_scale() { return P.scale(); }
void set_partial_redraw(bool on) { P.renderer.set_partial(on); }
void set_tile_layer(bool on) { P.renderer.set_layered(on); }
bool tile_layer() { return P.renderer.layered(); }
RedrawCounts take_redraw_counts() { return P.renderer.take_counts(); }

std::string renderer() {
    static const std::string name = [] {   // the same for the page's life: asked once
        std::string text(512, '\0');
        wm_js_renderer(text.data(), static_cast<int>(text.size()));
        text.resize(std::strlen(text.c_str()));
        return text;
    }();
    return name;
}

void on_prefers_dark_change(std::function<void(bool dark)> changed) {
    P.prefers_dark_changed = std::move(changed);
    if (!P.watching_prefers_dark) {
        P.watching_prefers_dark = true;
        wm_js_watch_prefers_dark();
    }
}

}  // namespace wm::platform

extern "C" EMSCRIPTEN_KEEPALIVE void wm_clipboard_set_from_page(const char* text) {
    P.clipboard = text;
    note_text_range(text, text + std::strlen(text));
}

int main() { return 0; }  // the page starts the app through wm_start once fonts are fetched
