// Emscripten JS library: the C++ → page calls. Each forwards to `Module.shell`, the page runtime
// defined in web/app.js, so that all DOM code lives in one place.
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
  wm_js_pick_file: function (accept) { Module.shell.pickFile(UTF8ToString(accept)); },
  wm_js_pick_file_for: function (accept, purpose) { Module.shell.pickFile(UTF8ToString(accept), UTF8ToString(purpose)); },
  wm_js_storage: function (id, op, arg, ptr, len) {
    Module.shell.storage(id, UTF8ToString(op), UTF8ToString(arg), len ? HEAPU8.slice(ptr, ptr + len) : null);
  },
  wm_js_now: function () { return performance.now(); },
  // The user's calendar day (local time zone), for dating maturity scans: performance.now() is not a date.
  wm_js_today_days: function () {
    const d = new Date();
    return Math.floor((d.getTime() - d.getTimezoneOffset() * 60000) / 86400000);
  },
});
