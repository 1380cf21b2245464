// Emscripten JS library: the C++ → page calls. Each forwards to `Module.shell`, the page runtime
// defined in web/app.js, so that all DOM code lives in one place; only calls that need no page
// state (clock, date, preferences, the system colour scheme) are answered here directly.
mergeInto(LibraryManager.library, {
  wm_js_request_frame: function (delayMs) { Module.shell.requestFrame(delayMs); },
  wm_js_set_cursor: function (name) { Module.shell.setCursor(UTF8ToString(name)); },
  wm_js_set_clipboard: function (ptr, len) {
    Module.shell.setClipboard(UTF8ToString(ptr, len));
  },
  wm_js_text_input: function (active, x, y, h) { Module.shell.textInput(!!active, x, y, h); },
  wm_js_load_font: function (kind) { Module.shell.loadFont(UTF8ToString(kind)); },
  wm_js_download: function (name, mime, ptr, len) {
    Module.shell.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(ptr, ptr + len));
  },
  wm_js_share_link: function (ptr, len, maxChars) { Module.shell.shareLink(UTF8ToString(ptr, len), maxChars); },
  // The shared workspace was opened: the address no longer carries it (a reload does not ask again).
  wm_js_forget_share_link: function () {
    if (location.hash.startsWith('#share=')) history.replaceState(history.state, '', location.pathname + location.search);
  },
  // PNG export: the page draws the SVG off-screen at `scale` and downloads it (web/png.js).
  wm_js_export_png: function (name, ptr, len, width, height, scale, title) {
    Module.shell.exportPng(UTF8ToString(name), UTF8ToString(ptr, len), width, height, scale, UTF8ToString(title));
  },
  wm_js_cancel_export: function () { Module.shell.cancelExport(); },
  wm_js_pick_file: function (accept) { Module.shell.pickFile(UTF8ToString(accept)); },
  wm_js_pick_file_for: function (accept, purpose) { Module.shell.pickFile(UTF8ToString(accept), UTF8ToString(purpose)); },
  wm_js_storage: function (id, op, arg, ptr, len) {
    Module.shell.storage(id, UTF8ToString(op), UTF8ToString(arg), len ? HEAPU8.slice(ptr, ptr + len) : null);
  },
  // Preferences of this browser (not of a document): localStorage under "waymark.<key>". Storage
  // can be refused (blocked site data, some private windows): reading then answers "not set" (-1)
  // and writing does nothing. Answers the value's UTF-8 length; the value is written to `out` only
  // if it fits in `capacity` bytes with its terminator (the caller asks again with more room).
  wm_js_preference: function (key, out, capacity) {
    let value = null;
    try { value = window.localStorage.getItem('waymark.' + UTF8ToString(key)); } catch (e) { value = null; }
    if (value === null) return -1;
    const length = lengthBytesUTF8(value);
    if (length < capacity) stringToUTF8(value, out, capacity);
    return length;
  },
  wm_js_set_preference: function (key, value) {
    try { window.localStorage.setItem('waymark.' + UTF8ToString(key), UTF8ToString(value)); } catch (e) { /* refused: not kept */ }
  },
  wm_js_announce: function (text) {
    const region = document.getElementById('announcer');
    if (!region) return;
    // A trailing no-break space toggles so that the same words twice are a change, and said again.
    const words = UTF8ToString(text);
    region.textContent = region.textContent === words ? words + '\u00a0' : words;
  },
  wm_js_mirror: function (json, len) {
    if (!Module.shell || !Module.shell.mirror) return 1;
    return Module.shell.mirror(UTF8ToString(json, len)) === false ? 0 : 1;
  },
  // The tile layer (software GL; platform/gl_renderer): a tile's pixels (RGBA rows from the top), the
  // frame's tiles as 12 int32s each, a texture deleted.
  wm_js_tile_pixels: function (texture, ptr, side) { Module.shell.tilePixels(texture, HEAPU8.subarray(ptr, ptr + side * side * 4), side); },
  wm_js_tile_layer: function (ptr, count, width, height) {
    Module.shell.tileLayer(HEAP32.subarray(ptr >> 2, (ptr >> 2) + count * 12), count, width, height);
  },
  wm_js_tile_drop: function (texture) { Module.shell.tileDrop(texture); },
  wm_js_renderer: function (out, capacity) {
    let name = '';
    try {
      const gl = document.getElementById('canvas').getContext('webgl2');
      const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
      name = String((gl && gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) || '');
    } catch (e) { name = ''; }
    stringToUTF8(name, out, capacity);
  },
  wm_js_prefers_more_contrast: function () {
    return window.matchMedia && window.matchMedia('(prefers-contrast: more)').matches ? 1 : 0;
  },
  wm_js_prefers_dark: function () {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
  },
  // Tells the app when the system switches between light and dark, then draws a frame.
  wm_js_watch_prefers_dark: function () {
    if (!window.matchMedia) return;
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function (e) {
      Module._wm_prefers_dark_changed(e.matches ? 1 : 0);
      Module.shell.requestFrame(0);
    });
    // More contrast asked for or no longer: the same callback decides the theme again.
    window.matchMedia('(prefers-contrast: more)').addEventListener('change', function () {
      Module._wm_prefers_dark_changed(window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0);
      Module.shell.requestFrame(0);
    });
  },
  // Live co-editing (web/app.js, team section): options as JSON; records as a records document.
  wm_js_team_connect: function (options) { Module.shell.teamConnect(UTF8ToString(options)); },
  wm_js_team_send: function (ptr, len) { Module.shell.teamSend(UTF8ToString(ptr, len)); },
  wm_js_team_presence: function (presence) { Module.shell.teamPresence(UTF8ToString(presence)); },
  wm_js_team_close: function () { Module.shell.teamClose(); },
  wm_js_now: function () { return performance.now(); },
  // The user's calendar day (local time zone), for dating maturity scans: performance.now() is not a date.
  wm_js_today_days: function () {
    const d = new Date();
    return Math.floor((d.getTime() - d.getTimezoneOffset() * 60000) / 86400000);
  },
});
