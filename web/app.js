// Waymark page runtime: checks the browser, loads the WebAssembly app and its fonts, turns DOM
// events into app input, schedules frames (only when something changed), bridges the clipboard and
// text input, and exposes the window.waymark test hook.
//
// [SECTION] index: feature check · frame scheduling · messages between page and app · input · text and
// clipboard · canvas size · tile layer · files · fonts · service worker · storage · share links · PNG export ·
// team (live co-editing) · test hook · start-up · the code's second part
'use strict';
(function () {
  const BUILD = document.currentScript.dataset.build;
  const canvas = document.getElementById('canvas');
  const textInput = document.getElementById('text-input');
  const loading = document.getElementById('loading');
  // The theme chosen in the app (View menu; stored by src/platform/bridge.js) colours the loading
  // screen too; without a choice app.css follows the system.
  try {
    const theme = localStorage.getItem('waymark.theme');
    if (theme === 'light' || theme === 'dark' || theme === 'contrast') document.documentElement.dataset.theme = theme;
  } catch (e) { /* storage refused: follow the system */ }

  function fatal(title, message) {
    const box = document.getElementById('fatal');
    box.replaceChildren();
    const h = document.createElement('h1');
    h.textContent = title;
    const p = document.createElement('p');
    p.textContent = message;
    box.append(h, p);
    box.hidden = false;
    loading.classList.add('hidden');
    // A message that a new version was refused says less than this, and never covers it.
    document.getElementById('update-refused')?.remove();
  }

  // [SECTION] feature check ---------------------------------------------------------------------------------
  if (typeof WebAssembly !== 'object') {
    fatal('This browser cannot run Waymark', 'Waymark needs WebAssembly, which this browser does not offer or has switched off. Please use a current version of Chrome, Edge, Firefox or Safari.');
    return;
  }
  if (!document.createElement('canvas').getContext('webgl2')) {
    fatal('This browser cannot draw Waymark', 'Waymark draws with WebGL 2, which is not available here (it may be switched off, or the graphics driver is blocked). Please enable hardware acceleration or use a current version of Chrome, Edge, Firefox or Safari.');
    return;
  }

  // [SECTION] frame scheduling ------------------------------------------------------------------------------
  // One requestAnimationFrame at most is ever pending, and only when something asked for a frame:
  // an idle page draws nothing.
  let started = false;
  let rafPending = false;
  let frames = 0;
  let firstFrameMs = 0;
  let isReady = false;
  let frameTimes = [];
  let readyResolve;
  const ready = new Promise((resolve) => { readyResolve = resolve; });
  const timers = new Set();

  function requestFrame(delayMs) {
    if (delayMs > 0) {
      const t = setTimeout(() => { timers.delete(t); requestFrame(0); }, delayMs);
      timers.add(t);
      return;
    }
    if (rafPending || !started) return;
    rafPending = true;
    requestAnimationFrame(frame);
  }

  // Draw-ahead: a wheel event reaches the page as a task of its own a few ms after a frame (pointer
  // moves come with the next frame's input), so the frame asked for after one often found no wheel
  // and drew nothing, and the wheel waited for the frame after. It is drawn at once instead, in its
  // own task, when nothing has been drawn for the browser's next frame yet; that frame shows it.
  // At most one drawing per frame: `tick` counts animation frames, `drawnFor` is the tick whose
  // frame shows the last drawing (docs/design.md, "The page and the frame loop").
  let tick = 0, drawnFor = -1, aheadMore = false, drawAhead = true;
  const drawings = { ticks: 0, ahead: 0, inFrames: 0 };   // the test hook's drawCounts()
  let gl = null;
  function frameAhead() {
    if (!drawAhead || !isReady || drawnFor > tick) { requestFrame(0); aheadMore = true; return; }
    drawnFor = tick + 1;
    drawings.ahead++;
    aheadMore = !!draw();
    if (!gl) gl = canvas.getContext('webgl2');
    if (gl) gl.flush();  // to the GPU process now, not when the frame is made
    requestFrame(0);     // the next animation frame counts the tick (and draws what came after)
  }
  function frame() {
    rafPending = false;
    tick++;
    drawings.ticks++;
    if (drawnFor === tick) {
      // Drawn ahead for this frame: what arrived since, and a wait for a drawn frame, go to the next.
      if (aheadMore || frameWaiters.length) { aheadMore = false; requestFrame(0); }
      else if (settleWaiters.length) settleWaiters.splice(0).forEach((resolve) => resolve(frames));
      return 0;
    }
    drawnFor = tick;
    drawings.inFrames++;
    return draw();
  }
  function draw() {
    if (!started) return 0;
    if (!isReady && performance.now() < warmUpAt && !Module._wm_is_ready()) return;  // unseen (firstFrame)
    const t0 = performance.now();
    const more = Module._wm_frame();
    const t1 = performance.now();
    frames++;
    frameTimes.push(t1 - t0);
    if (!isReady && Module._wm_is_ready()) {
      // The first frame that shows the opened document (not the "Opening…" screen).
      isReady = true;
      firstFrameMs = t1;
      performance.mark('waymark:ready', { startTime: t1 });
      // When the browser begins its next frame, this one has been composited: on software GL the
      // compositor first waits for the GPU process to run its GL commands (bench/web_bench.mjs).
      requestAnimationFrame(() => performance.mark('waymark:shown'));
      loading.classList.add('hidden');
      canvas.classList.remove('starting');
      readyResolve(true);
      loadBold();
      loadDeferred();
      loadMirror().then(mirrorDone);
    }
    if (frameWaiters.length) frameWaiters.splice(0).forEach((resolve) => resolve());
    if (more) requestFrame(0);
    else if (settleWaiters.length) settleWaiters.splice(0).forEach((resolve) => resolve(frames));
    return more;
  }
  // The page's loading screen covers the canvas until the stored document is open, so the first frame
  // waits for it: the app asked storage as it started, and on a return visit the answers come within
  // a few dozen ms. A frame drawn before would be unseen and hold the page up (on software GL the
  // page waits for its pixels), delaying those answers. Storage slower than kWarmUpMs (the first
  // visit creates the database, which can take a second) gets a frame anyway: it compiles the code
  // and the GPU's shaders that the first real frame needs, while storage works.
  const kWarmUpMs = 150;
  let warmUpAt = Infinity;  // frames before it are skipped until the app is ready
  function firstFrame() {
    warmUpAt = performance.now() + kWarmUpMs - 1;
    requestFrame(0);
    requestFrame(kWarmUpMs);
  }
  // Resolves after the next frame the app draws.
  const frameWaiters = [];
  function nextFrame() {
    return new Promise((resolve) => { frameWaiters.push(resolve); requestFrame(0); });
  }
  // Resolves once the app has drawn everything it wanted to and no frame is pending.
  const settleWaiters = [];
  function settled() {
    return new Promise((resolve) => {
      settleWaiters.push(resolve);
      if (!rafPending) { if (started) requestFrame(0); else ready.then(() => requestFrame(0)); }
    });
  }

  // [SECTION] messages between page and app -----------------------------------------------------------------
  // The page tells the app what happened through named messages; each is read into its own C++
  // struct in ONE place, src/platform/protocol.{hpp,cpp}, and the app answers with a JSON reply.
  // The test hook (window.waymark, below) is a separate entry and not used by any of these.
  //
  //   shareMade       {ok, url, bytes, copied} | {ok:false, tooLarge, bytes, prefix} | {ok:false, error}
  //                   → reply {ok, url, bytes, chars, copied, message} | {ok:false, error}
  //   shareOpened     {text} | {error}                        → {ok, name} | {ok:false, error, detail}
  //   exportProgress  {done, total}                           → {ok}
  //   exportFinished  {ok, width, height, bytes, tiles} | {ok:false, cancelled} | {ok:false, error}
  //                   → {ok, message} | {ok:false, cancelled, error}
  //   fileChosen      a line of JSON {purpose, name}, then the file's text   → {ok} | {ok:false, error}
  //                   purposes: 'insights-csv', 'merge' (File › Merge a file into this workspace…)
  //   fileOpened      a line of JSON {name, dropped?}, then the file's text  → {ok} | {ok:false, error}
  //                   (dropped: a copy of the open workspace asks "merge or open as a new document?")
  //   leaving         {}  (the page is being hidden or closed)               → {ok}
  //   storageEvent    {type: 'flush'|'writer'|'remoteSave'|'persist', doc, writer, key, state} → {ok}
  //   teamStatus, teamRecords, teamLink: see the team section
  //   mirrorCell      {journey, lane, step, activate}  (web/mirror.js: focus reached a map cell, or Enter there) → {ok} | {ok:false, error}
  //   mirrorRow       {view, id, action}  (web/mirror.js: focus reached a framework row, or Enter / Right / Left there) → {ok} | {ok:false, error}
  //   mirrorScan      {question, stage} | {save: true}  (web/mirror.js: the maturity scan's form answered, or Save scan) → {ok} | {ok:false, error}
  //   mirrorMenu      {path: [menu, entry, (submenu entry)]}  (web/mirror.js: a menu entry activated in the menubar) → {ok} | {ok:false, error}
  //
  // The app asks the page through Module.shell (src/platform/bridge.js): requestFrame, setCursor,
  // setClipboard, textInput, loadFont, download, pickFile, exportPng, cancelExport, shareLink,
  // storage (its requests and replies are listed in the storage section).
  function message(name, value) {
    if (!started) return { ok: false, error: 'Waymark is still loading' };
    const out = withString(name, (n) => withString(JSON.stringify(value || {}), (t) => Module.UTF8ToString(Module._wm_page_message(n, t))));
    requestFrame(0);
    return JSON.parse(out);
  }

  // [SECTION] input -----------------------------------------------------------------------------------------
  function mods(e) { return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0); }
  function withString(text, fn) {
    const len = Module.lengthBytesUTF8(text) + 1;
    const ptr = Module._malloc(len);
    Module.stringToUTF8(text, ptr, len);
    try { return fn(ptr); } finally { Module._free(ptr); }
  }
  function pointerPos(e) {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }
  const BUTTONS = { 0: 0, 2: 1, 1: 2, 3: 3, 4: 4 };  // DOM left, right, middle, back, forward → ImGui 0..4

  // Two fingers on a touch screen pan and zoom the map or the grid: the first finger's press is
  // cancelled (what it began dragging goes nowhere), the middle button is pressed at the fingers'
  // midpoint and follows it (a middle drag pans), and their spread zooms there as a touchpad pinch
  // does (wm_pinch). Fingers of such a gesture do nothing more until they are lifted.
  const fingers = new Map();   // touch pointers down: pointerId → [x, y]
  let pinching = null;         // while two fingers are down: {ids, spread at the last step}
  const spentFingers = new Set();
  const spreadAndMiddle = () => {
    const [[ax, ay], [bx, by]] = pinching.ids.map((id) => fingers.get(id));
    return { spread: Math.hypot(bx - ax, by - ay), x: (ax + bx) / 2, y: (ay + by) / 2 };
  };
  function fingerDown(e, x, y) {
    fingers.set(e.pointerId, [x, y]);
    if (pinching || fingers.size !== 2) return fingers.size > 2 || spentFingers.size > 0;
    pinching = { ids: [...fingers.keys()], spread: 0 };
    const at = spreadAndMiddle();
    pinching.spread = at.spread;
    Module._wm_pointer_cancel();
    Module._wm_mouse_move(at.x, at.y);
    Module._wm_mouse_button(BUTTONS[1], 1, 1);
    return true;
  }
  function fingerMove(e, x, y) {
    if (!fingers.has(e.pointerId)) return false;
    fingers.set(e.pointerId, [x, y]);
    if (!pinching) return spentFingers.has(e.pointerId);
    const at = spreadAndMiddle();
    Module._wm_mouse_move(at.x, at.y);
    if (at.spread > 0 && pinching.spread > 0 && at.spread !== pinching.spread) Module._wm_pinch(Math.log(at.spread / pinching.spread));
    pinching.spread = at.spread;
    return true;
  }
  function fingerUp(e) {
    if (!fingers.delete(e.pointerId)) return false;
    const spent = spentFingers.delete(e.pointerId);
    if (!pinching || !pinching.ids.includes(e.pointerId)) return spent || !!pinching;
    Module._wm_mouse_button(BUTTONS[1], 0, 0);
    for (const id of pinching.ids) if (id !== e.pointerId && fingers.has(id)) spentFingers.add(id);
    pinching = null;
    return true;
  }

  canvas.addEventListener('pointermove', (e) => {
    if (!started) return;
    // Coalesced events keep fast drags precise; ImGui only needs the latest position per event.
    const [x, y] = pointerPos(e);
    if (e.pointerType === 'touch' && fingerMove(e, x, y)) { requestFrame(0); return; }
    Module._wm_mouse_move(x, y);
    requestFrame(0);
  });
  // Which click of a series each press is (1, 2 = double-click, 3 …), counted on the events' own
  // timestamps as a browser counts them (pointerdown carries no count): ImGui would count on its
  // frame clock, which a loaded machine stretches between two quick clicks.
  let lastPress = { time: -Infinity, x: 0, y: 0, button: -1, count: 0 };
  const clickCount = (e, x, y) => {
    const again = e.button === lastPress.button && e.timeStamp - lastPress.time < 300 && Math.hypot(x - lastPress.x, y - lastPress.y) < 6;
    lastPress = { time: e.timeStamp, x, y, button: e.button, count: again ? lastPress.count + 1 : 1 };
    return lastPress.count;
  };
  canvas.addEventListener('pointerdown', (e) => {
    if (!started) return;
    canvas.setPointerCapture(e.pointerId);
    const [x, y] = pointerPos(e);
    if (e.pointerType === 'touch' && fingerDown(e, x, y)) { e.preventDefault(); requestFrame(0); return; }
    Module._wm_key('', 0, mods(e));  // the modifiers as they are now (a key may have gone up elsewhere)
    Module._wm_mouse_move(x, y);
    if (e.button in BUTTONS) Module._wm_mouse_button(BUTTONS[e.button], 1, clickCount(e, x, y));
    focusTextInput();
    e.preventDefault();
    requestFrame(0);
  });
  canvas.addEventListener('pointerup', (e) => {
    // The mouse's back/forward buttons go back and forward in the app (Alt+Left/Right), not away
    // from it: Chromium leaves the page on those buttons' release unless the pointerup is cancelled.
    if (e.button === 3 || e.button === 4) e.preventDefault();
    if (!started) return;
    if (e.pointerType === 'touch' && fingerUp(e)) { requestFrame(0); return; }
    const [x, y] = pointerPos(e);
    Module._wm_mouse_move(x, y);
    if (e.button in BUTTONS) Module._wm_mouse_button(BUTTONS[e.button], 0, 0);
    requestFrame(0);
    // Hover tooltips appear after ImGui's hover delay: wake up once when it has passed.
    requestFrame(450);
  });
  // The browser took the pointer for a gesture of its own (a touch the system claimed): what was
  // being dragged goes nowhere, and the button is up again (else the next tap would drop it there).
  canvas.addEventListener('pointercancel', (e) => {
    if (!started) return;
    if (e.pointerType === 'touch' && fingerUp(e)) { requestFrame(0); return; }
    Module._wm_pointer_cancel();
    requestFrame(0);
  });
  canvas.addEventListener('pointerleave', () => {
    if (!started) return;
    Module._wm_mouse_move(-Number.MAX_VALUE, -Number.MAX_VALUE);
    requestFrame(0);
  });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  // The wheel listener is passive: with a blocking one the browser sends the next wheel event only
  // once the page has answered the last, so a fast wheel pan on a slow (software GL) frame arrived
  // one event per drawn frame and went on for seconds after the wheel stopped (bench/pan_bench.mjs:
  // 8 s of lag, now one frame). Ctrl+wheel must not zoom the page, and a touchpad pinch is one that
  // comes without a key: the browser asks the page whether to zoom only with the pinch's first
  // event, so a blocking listener that stops it must be there before the pinch begins. It is, but
  // while a plain wheel pan is under way (until 300 ms after its last event) and Ctrl is not held.
  canvas.addEventListener('wheel', (e) => {
    if (!e.ctrlKey) pausePageZoomGuard();
    else if (!zoomGuarded) guardPageZoom(true);
    if (!started) return;
    if (e.ctrlKey && !ctrlHeld && e.deltaMode === 0 && Math.abs(e.deltaY) < 50) {
      // A pinch: deltaY is -100 ln(the fingers' scale). Its Ctrl is no key, and ImGui must not
      // think one held (the next click would be a Ctrl+click).
      Module._wm_pinch(-e.deltaY / 100);
    } else {
      const scale = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
      Module._wm_key('', 0, mods(e));  // ctrl+wheel zooms: ImGui must see the modifiers with the wheel
      Module._wm_wheel(-e.deltaX * scale, -e.deltaY * scale);
    }
    frameAhead();
  }, { passive: true });
  const stopPageZoom = (e) => { if (e.ctrlKey) e.preventDefault(); };
  let ctrlHeld = false, zoomGuarded = false, zoomGuardTimer = 0;
  function guardPageZoom(on) {
    clearTimeout(zoomGuardTimer);
    if (on === zoomGuarded) return;
    zoomGuarded = on;
    if (on) canvas.addEventListener('wheel', stopPageZoom, { passive: false });
    else canvas.removeEventListener('wheel', stopPageZoom);
  }
  function pausePageZoomGuard() {
    if (ctrlHeld) return;
    guardPageZoom(false);
    zoomGuardTimer = setTimeout(() => guardPageZoom(true), 300);
  }
  guardPageZoom(true);
  const isCtrl = (e) => e.key === 'Control' || e.key === 'Meta';
  window.addEventListener('keydown', (e) => { if (isCtrl(e)) { ctrlHeld = true; guardPageZoom(true); } }, true);
  window.addEventListener('keyup', (e) => { if (isCtrl(e)) ctrlHeld = false; }, true);
  window.addEventListener('blur', () => { ctrlHeld = false; });

  // Keys come from the hidden text area (it has focus whenever the app does). Text is NOT taken from
  // keydown: it arrives through 'input' events, which also carry IME composition results.
  const PASS_TO_BROWSER = new Set(['KeyV']);  // Ctrl+V must reach the browser to fire 'paste'
  function onKey(e, down) {
    if (!started) return;
    if (e.isComposing || e.keyCode === 229) return;  // the IME owns these keys
    const ctrl = e.ctrlKey || e.metaKey;
    if (down && ctrl && PASS_TO_BROWSER.has(e.code)) return;  // handled in 'paste'
    withString(e.code, (p) => Module._wm_key(p, down ? 1 : 0, mods(e)));
    if (down && ctrl && (e.code === 'KeyC' || e.code === 'KeyX')) {
      // Run the frame now so that ImGui copies during this keydown; the 'copy' event that follows
      // then puts the text on the system clipboard without asking for permission.
      frameNow();
      return;
    }
    // Keep browser shortcuts (reload, devtools) but stop those the app uses (Ctrl+plus/minus/0/1 zoom the map).
    const appKey = !ctrl || ['KeyZ', 'KeyY', 'KeyA', 'KeyS', 'KeyF', 'KeyK', 'KeyN', 'KeyO', 'KeyE',
      'Equal', 'Minus', 'Digit0', 'Digit1', 'NumpadAdd', 'NumpadSubtract'].includes(e.code);
    if (appKey && e.key !== 'Unidentified' && !(e.key.length === 1 && !ctrl && !e.altKey)) e.preventDefault();
    if (e.code === 'Tab') e.preventDefault();
    requestFrame(0);
  }
  textInput.addEventListener('keydown', (e) => {
    // F6: to the screen-reader view of what is open (web/mirror.js); Escape there comes back.
    if (e.code === 'F6' && !e.ctrlKey && !e.altKey) {
      if (mirror && mirror.enter()) { e.preventDefault(); return; }
      if (!mirror && isReady) loadMirror();
    }
    onKey(e, true);
  });
  textInput.addEventListener('keyup', (e) => onKey(e, false));
  function frameNow() {
    if (!started) return;
    draw();
  }

  // [SECTION] text and clipboard ----------------------------------------------------------------------------
  function focusTextInput() {
    if (document.activeElement !== textInput) textInput.focus({ preventScroll: true });
  }
  let composing = false;
  textInput.addEventListener('compositionstart', () => { composing = true; });
  textInput.addEventListener('compositionend', (e) => {
    composing = false;
    sendText(e.data || textInput.value);
  });
  textInput.addEventListener('input', (e) => {
    if (composing || e.isComposing) return;
    if (e.inputType === 'insertFromPaste') { textInput.value = ''; return; }  // handled in 'paste'
    sendText(textInput.value);
  });
  // A lone surrogate (half an emoji, from a broken clipboard or IME) is not Unicode and would reach
  // the app as invalid UTF-8: make it U+FFFD here, the one boundary all typed and pasted text crosses.
  const wellFormed = (text) => (typeof text.toWellFormed === 'function' ? text.toWellFormed() : text);
  function sendText(text) {
    textInput.value = '';
    if (!text || !started) return;
    text = wellFormed(text);
    withString(text, (p) => Module._wm_text(p));
    requestFrame(0);
  }
  textInput.addEventListener('paste', (e) => {
    if (!started) return;
    e.preventDefault();
    const text = wellFormed(e.clipboardData ? e.clipboardData.getData('text/plain') : '');
    withString(text, (p) => Module._wm_clipboard_set_from_page(p));
    // Now that ImGui's clipboard holds the text, press Ctrl+V for it.
    withString('KeyV', (p) => { Module._wm_key(p, 1, 1); Module._wm_key(p, 0, 1); });
    withString('', (p) => Module._wm_key(p, 0, 0));
    requestFrame(0);
  });
  let clipboardText = '';
  function onCopy(e) {
    if (!clipboardText) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', clipboardText);
  }
  textInput.addEventListener('copy', onCopy);
  textInput.addEventListener('cut', onCopy);
  function setClipboard(text) {
    clipboardText = text;
    // Outside a copy event (a menu item) the async API is the only way; it may be refused.
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
  }
  function textInputAt(active, x, y, h) {
    if (active) {
      textInput.style.left = Math.max(0, x) + 'px';
      textInput.style.top = Math.max(0, y) + 'px';
      textInput.style.height = Math.max(12, h) + 'px';
    }
    // The keyboard is in the mirror, or goes back there after an edit started in it: leave it there.
    if (!active && mirror && (mirror.resume() || mirror.owns(document.activeElement))) return;
    focusTextInput();
  }
  // The DOM mirror for screen readers and keyboards (web/mirror.js): the app describes the open view
  // through Module.shell.mirror; focus and Enter there come back as 'mirrorCell' / 'mirrorRow' messages.
  // mirror.js is loaded after the first frame (8.7 KB gzip less before it, as staged; the loading screen has
  // nothing to read). Until it is in, the app's descriptions wait here: the latest of the view and
  // of the menus (each replaces the one before), the dialogs asked for and ended in order. A map's
  // changes are refused, so the app sends the whole map instead (as mirror.js does when it does not
  // hold that map). A load that fails is tried again at F6 and when the connection comes back.
  let mirror = null;
  let mirrorWaiting = [];   // [kind, json]: 'view', 'menus' or 'dialog'
  let mirrorLoading = null;
  let mirrorDone;
  const mirrorLoaded = new Promise((resolve) => { mirrorDone = resolve; });   // the first try's end
  function toMirror(json) {
    if (mirror) return mirror.update(json);
    const m = JSON.parse(json);
    if (m.delta) return false;
    const kind = m.ask || m.askDone ? 'dialog' : m.menus ? 'menus' : 'view';
    if (m.view === 'off') mirrorWaiting = [];
    else if (kind !== 'dialog') mirrorWaiting = mirrorWaiting.filter(([k]) => k !== kind);
    mirrorWaiting.push([kind, json]);
    return true;
  }
  function loadMirror() {
    mirrorLoading ||= new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = `mirror.js?v=${BUILD}`;
      script.onload = () => {
        mirror = window.WaymarkMirror.create(document.getElementById('mirror'), { message, key: onKey, leave: focusTextInput });
        for (const [, json] of mirrorWaiting.splice(0)) mirror.update(json);
        resolve(true);
      };
      script.onerror = () => {
        console.warn('Waymark: the screen-reader view (mirror.js) did not arrive; tried again at F6 or when the connection is back');
        script.remove();
        mirrorLoading = null;
        resolve(false);
      };
      document.head.append(script);
    });
    return mirrorLoading;
  }
  window.addEventListener('online', () => { if (isReady && !mirror) loadMirror(); });

  window.addEventListener('focus', () => { if (started) { Module._wm_focus(1); requestFrame(0); } });
  window.addEventListener('blur', () => { if (started) { Module._wm_focus(0); requestFrame(0); } });

  // [SECTION] canvas size -----------------------------------------------------------------------------------
  function resize() {
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth || window.innerWidth, h = canvas.clientHeight || window.innerHeight;
    canvas.width = Math.max(1, Math.round(w * dpr));
    canvas.height = Math.max(1, Math.round(h * dpr));
    if (started) { Module._wm_resize(w, h, dpr); requestFrame(0); }
    return [w, h, dpr];
  }
  new ResizeObserver(() => resize()).observe(canvas);
  function watchDpr() {
    // Zooming the page or moving to another screen changes the pixel ratio: re-rasterise fonts.
    matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener('change', () => { resize(); watchDpr(); }, { once: true });
  }
  watchDpr();

  // [SECTION] tile layer ------------------------------------------------------------------------------------
  // On software GL (SwiftShader, WARP, llvmpipe) the compositor reads the WebGL canvas back from the
  // rasteriser every frame it changes. So there the map's and the grid's cached tiles are drawn here,
  // into a 2D canvas under it, and the WebGL canvas is transparent where they go
  // (platform/gl_renderer): a pan that moves only tiles changes only this canvas. The app hands over
  // each tile's pixels once after painting it, and the frame's tiles whenever they change.
  const under = document.getElementById('tiles');
  const tileImages = new Map();   // texture → a canvas holding its pixels
  let underContext = null;
  function tilePixels(texture, rgba, side) {
    let image = tileImages.get(texture);
    if (!image || image.width !== side) {
      image = document.createElement('canvas');
      image.width = image.height = side;
      tileImages.set(texture, image);
    }
    image.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(rgba), side, side), 0, 0);
  }
  // entries: per tile texture, paint, the quad's x0 y0 x1 y1, its clip's x0 y0 x1 y1, smooth, side
  // (device pixels, top-left origin). The WebGL canvas covers everything else, so only tiles are drawn.
  function tileLayer(entries, count, width, height) {
    if (under.width !== width || under.height !== height) {
      under.width = width;
      under.height = height;
      underContext = null;
    }
    const g = underContext ||= under.getContext('2d', { alpha: false });
    for (let i = 0; i < count * 12; i += 12) {
      const image = tileImages.get(entries[i]);
      if (!image) continue;
      const [x0, y0, x1, y1, cx0, cy0, cx1, cy1, smooth, side] = entries.subarray(i + 2, i + 12);
      g.save();
      g.beginPath();
      g.rect(cx0, cy0, cx1 - cx0, cy1 - cy0);
      g.clip();
      g.imageSmoothingEnabled = smooth !== 0;
      g.drawImage(image, 0, 0, side, side, x0, y0, x1 - x0, y1 - y0);
      g.restore();
    }
    if (count) under.hidden = false;
  }

  // [SECTION] files -----------------------------------------------------------------------------------------
  function download(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  // A file goes to the app as one line of JSON saying what it is, then its text, written into the
  // app's memory as UTF-8 by TextEncoder (through JSON.stringify and stringToUTF8 a 16 MB
  // spreadsheet blocked the page). Without a purpose it is a workspace to open (fileOpened); with
  // one (e.g. 'insights-csv') its text goes back to the view that asked for it (fileChosen).
  async function sendFile(file, purpose, dropped) {
    const head = new TextEncoder().encode(JSON.stringify(purpose ? { purpose, name: file.name } : dropped ? { name: file.name, dropped } : { name: file.name }) + '\n');
    const text = new TextEncoder().encode(await file.text());
    const ptr = Module._malloc(head.length + text.length + 1);
    Module.HEAPU8.set(head, ptr);
    Module.HEAPU8.set(text, ptr + head.length);
    Module.HEAPU8[ptr + head.length + text.length] = 0;
    const result = withString(purpose ? 'fileChosen' : 'fileOpened', (n) => Module.UTF8ToString(Module._wm_page_message(n, ptr)));
    Module._free(ptr);
    requestFrame(0);
    return JSON.parse(result);
  }
  const importFile = (file) => sendFile(file, null);
  function pickFile(accept, purpose) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => {
      if (input.files[0]) sendFile(input.files[0], purpose);
    });
    input.click();
  }
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    const file = e.dataTransfer && e.dataTransfer.files[0];
    if (file && started) sendFile(file, null, true);
  });
  if ('launchQueue' in window) {
    window.launchQueue.setConsumer(async (params) => {
      for (const handle of params.files || []) { await ready; await importFile(await handle.getFile()); }
    });
  }

  // [SECTION] fonts -----------------------------------------------------------------------------------------
  // regular loads before the first frame, bold right after it (until then titles are drawn in the
  // regular face at their own size); ui-blocks and ui-bold-blocks (Greek, Cyrillic, Vietnamese),
  // cjk and symbols when a character needs them (the app asks: loadFont).
  function fontUrl(kind) { return `fonts/${kind === 'regular' ? 'ui' : kind === 'bold' ? 'ui-bold' : kind}.ttf?v=${BUILD}`; }
  const fontFetches = {};
  function fetchFont(kind) {
    if (!fontFetches[kind]) fontFetches[kind] = fetch(fontUrl(kind)).then((r) => {
      if (!r.ok) throw new Error(`font ${kind}: HTTP ${r.status}`);
      return r.arrayBuffer();
    });
    return fontFetches[kind];
  }
  function giveFont(kind, buffer) {
    const bytes = new Uint8Array(buffer);
    const ptr = Module._malloc(bytes.length);
    Module.HEAPU8.set(bytes, ptr);
    withString(kind, (k) => Module._wm_font_loaded(k, ptr, bytes.length));
    Module._free(ptr);
    requestFrame(0);
  }
  function loadFont(kind) {
    fetchFont(kind).then((b) => giveFont(kind, b)).catch((err) => {
      console.warn('Waymark: could not load the', kind, 'font:', err);
      giveFont(kind, new ArrayBuffer(0));   // none: the app draws those characters as "?"
    });
  }
  // Start the UI font's download before the wasm so both arrive together; the UI font's other
  // letters too when this browser's last documents needed them (the app remembers: fontBlocks).
  fetchFont('regular');
  let blocksAtStart = false;
  try { blocksAtStart = !!localStorage.getItem('waymark.fontBlocks'); } catch (e) { /* storage refused */ }
  if (blocksAtStart) fetchFont('ui-blocks').catch(() => {});
  // After the first frame: the bold face (60 KB less before it). `boldDone` resolves once it is in
  // use and drawn, or could not be had (the regular face stands in): the test hook's `ready` waits
  // for it, so that what tests measure does not change under them.
  let boldDone;
  const boldLoaded = new Promise((resolve) => { boldDone = resolve; });
  function loadBold() {
    fetchFont('bold').then((b) => giveFont('bold', b))
      .catch((err) => {
        console.warn('Waymark: could not load the bold font:', err);
        giveFont('bold', new ArrayBuffer(0));  // none: the app goes on with the regular face
      })
      .then(() => settled()).then(() => boldDone(true));
  }

  // [SECTION] service worker --------------------------------------------------------------------------------
  // A message bar at the bottom right: a new version to reload into, or why one was not installed.
  function bar(id, words, button) {
    const box = document.createElement('div');
    box.id = id;
    box.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = words;
    box.append(text, button);
    document.body.append(box);
    return box;
  }
  function showUpdate(worker) {
    if (document.getElementById('update')) return;
    const refused = document.getElementById('update-refused');
    if (refused) refused.remove();
    const button = document.createElement('button');
    button.textContent = 'Reload';
    button.addEventListener('click', () => worker.postMessage('skip-waiting'));
    bar('update', 'A new version of Waymark is ready.', button);
  }
  // The service worker refused a new version (sw.js says why); the one in use stays.
  const REFUSED = {
    damaged: (file) => `the file ${file} arrived damaged`,
    missing: (file) => `the file ${file} is missing on the server`,
    mixed: () => 'the site was still being updated',
    network: () => 'the connection broke off while downloading it',
    storage: () => 'this browser has no room left to store it',
  };
  function showUpdateRefused(refusal) {
    // Not over the fatal screen, nor instead of a good version that waits (a later one failed).
    const shown = document.getElementById('update-refused');
    if (!document.getElementById('fatal').hidden || document.getElementById('update')) return;
    if (shown && (!refusal || shown.dataset.detailed)) return;
    if (shown) shown.remove();
    // Without the worker's message (it may come second) the words stay general until it arrives.
    const why = refusal && REFUSED[refusal.problem] ? ` (${REFUSED[refusal.problem](refusal.file)})` : '';
    const first = refusal ? refusal.first : !navigator.serviceWorker.controller;
    const words = first
      ? `Waymark could not be saved for use offline${why}. It works while you are online and will try again on the next visit.`
      : `An update of Waymark could not be installed${why}. You are still using the current version.`;
    const close = document.createElement('button');
    close.textContent = 'Close';
    close.addEventListener('click', () => close.parentElement.remove());
    const box = bar('update-refused', words, close);
    if (refusal) box.dataset.detailed = '1';
  }
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    let reloading = false;
    // The first visit's worker takes control without a reload (nothing old to replace).
    const hadController = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      // A new version took over: reload so that page, JS and wasm all come from that one version.
      if (reloading || !hadController) return;
      reloading = true;
      location.reload();
    });
    navigator.serviceWorker.addEventListener('message', (e) => {
      if (e.data && e.data.type === 'update-refused') {
        console.warn('Waymark: a new version was not installed:', e.data.detail);
        showUpdateRefused(e.data);
      }
    });
    function watch(worker) {
      let installed = false;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed') installed = true;
        if (worker.state === 'installed' && navigator.serviceWorker.controller) showUpdate(worker);
        // Straight from installing to redundant: the install failed.
        if (worker.state === 'redundant' && !installed) showUpdateRefused(null);
      });
    }
    // Registered once the app shows the document: a first visit's worker then finds the page's files
    // in the HTTP cache (revalidated, not downloaded again) and takes no bandwidth from the start.
    ready.then(() => navigator.serviceWorker.register('sw.js')).then((reg) => {
      if (reg.waiting && navigator.serviceWorker.controller) showUpdate(reg.waiting);
      if (reg.installing) watch(reg.installing);  // found before this page asked
      reg.addEventListener('updatefound', () => watch(reg.installing));
    }).catch((err) => console.warn('Waymark: offline mode unavailable:', err));
  }

  // [SECTION] storage ---------------------------------------------------------------------------------------
  // The app asks for storage work by request id; the answer comes back through _wm_storage_reply:
  // (id, ok, JSON text, snapshot bytes). Errors carry the DOMException name (QuotaExceededError, ...)
  // so the app can say in plain words what happened. The messages (read and written on the C++ side
  // only by src/platform/storage_bridge.cpp, as the typed structs of src/store/storage.hpp):
  //   request   argument                                      answer (+ bytes)
  //   list      {}                                            {docs: [record]}
  //   getLast   {}                                            {doc: id | null}
  //   setLast   {doc}                                         {}
  //   open      {doc, readOnly?}                              {doc: record, writer, snapshots: [info], key: head | null} + head
  //   acquire   {doc}                                         {writer}
  //   release   {doc}                                         {}
  //   snapshot  {key}                                         {key, time, label} + bytes
  //   save      {doc, name, journeys, cards, label, format, replica, clock} + bytes   {key, time}
  //   history   {doc}                                         {snapshots: [info]} (newest first)
  //   update    {doc, changes: {deleted}}                     {doc: record}
  //   purge     {doc}                                         {}
  //   record = a `docs` record of storage.js (with the document's merge replica: replica, 16 hex
  //            digits, and clock); info = {key, time, label, size}; error = {name, message}
  // Events, sent as the app call "storageEvent": {type: 'flush'} (the page is leaving), {type: 'writer',
  // doc, writer} (this tab got the lock), {type: 'remoteSave', doc, key} (another tab saved),
  // {type: 'persist', state: 'persistent' | 'best-effort' | 'unsupported'}.
  const S = window.WaymarkStorage;
  // The app's first questions on start (the last open document; on a first visit, the list) are
  // asked now, while waymark.wasm downloads: opening IndexedDB takes a while, most of all in a new
  // profile. Each early answer is used once, by the app's first request of its kind; the list only
  // when there was no last document (the app then asks for it at once, so it cannot be stale).
  // The last document is opened early too (its lock taken, then its saves read), as the app would
  // on start; the app's first open takes it if it is for that document.
  async function openDoc(docId, readOnly) {
    // Independent requests go together (this is on the way to the first frame).
    const [doc, writer] = await Promise.all([S.getDoc(docId), readOnly ? false : S.acquire(docId)]);
    if (!doc) {
      if (writer) S.release(docId);
      throw new DOMException("That document is not in this browser's storage.", 'NotFoundError');
    }
    const [snaps, head] = await Promise.all([S.history(docId), doc.head != null ? S.snapshot(doc.head) : null]);
    return { value: { doc, writer, snapshots: snaps, key: head ? head.key : null }, bytes: head ? new Uint8Array(head.bytes) : null };
  }
  const early = {};
  if (S) {
    early.getLast = S.getMeta('last');
    early.list = early.getLast.then((last) => (last ? null : S.list()));
    early.open = early.getLast.then((last) => (last ? openDoc(last, false) : null));
    for (const answer of Object.values(early)) answer.catch(() => {});  // a failure is reported when the app asks
  }
  function earlyAnswer(op) {
    const answer = early[op];
    early[op] = null;
    return answer;
  }
  // The early open if it is the one asked for; a failed one is asked again (and fails in its own words).
  async function earlyOpen(arg) {
    const pending = earlyAnswer('open');
    const opened = pending ? await pending.catch(() => null) : null;
    if (!opened) return null;
    if (opened.value.doc.id === arg.doc && !arg.readOnly) return opened;
    if (opened.value.writer) S.release(opened.value.doc.id);
    return null;
  }
  let documentOpened = false;  // the document to start with is open (marked for bench/web_bench.mjs)
  function reply(id, ok, value, bytes) {
    // The code that reads the answers may be on its way ("the code's second part": loadEarly).
    if (earlyCode) { earlyCode.then(() => reply(id, ok, value, bytes)); return; }
    // Also before `started`: the app asks from wm_start on, before the UI font has arrived.
    const json = JSON.stringify(value || {});
    let ptr = 0, len = 0;
    if (bytes && bytes.length) {
      len = bytes.length;
      ptr = Module._malloc(len);
      Module.HEAPU8.set(bytes, ptr);
    }
    withString(json, (j) => Module._wm_storage_reply(id, ok ? 1 : 0, j, ptr, len));
    if (ptr) Module._free(ptr);
    if (!documentOpened && Module._wm_is_ready()) { documentOpened = true; performance.mark('waymark:opened'); }
    requestFrame(0);
  }
  function describe(err) {
    const name = (err && err.name) || 'Error';
    return { name, message: (err && err.message) || String(err) };
  }
  // Requests not yet answered, and who waits for none (the test hook's `ready`: the sample's first save).
  let storageBusy = 0;
  const storageIdleWaiters = [];
  function storageIdle() {
    return storageBusy ? new Promise((resolve) => storageIdleWaiters.push(resolve)) : Promise.resolve();
  }
  async function storage(id, op, arg, bytes) {
    storageBusy++;
    try {
      return await storageAnswer(id, op, arg, bytes);
    } finally {
      if (--storageBusy === 0) storageIdleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }
  async function storageAnswer(id, op, arg, bytes) {
    try {
      if (!S) throw new DOMException('Storage is not available in this page.', 'NotSupportedError');
      switch (op) {
        case 'list': return reply(id, true, { docs: (await earlyAnswer('list')) || await S.list() });
        case 'getLast': return reply(id, true, { doc: await (earlyAnswer('getLast') || S.getMeta('last')) });
        case 'setLast': await S.setMeta('last', arg.doc); return reply(id, true, {});
        case 'open': {
          const opened = (await earlyOpen(arg)) || await openDoc(arg.doc, arg.readOnly);
          return reply(id, true, opened.value, opened.bytes);
        }
        case 'acquire': return reply(id, true, { writer: await S.acquire(arg.doc) });
        case 'release': S.release(arg.doc); return reply(id, true, {});
        case 'snapshot': {
          const snap = await S.snapshot(arg.key);
          if (!snap) throw new DOMException('That snapshot no longer exists.', 'NotFoundError');
          return reply(id, true, { key: snap.key, time: snap.time, label: snap.label }, new Uint8Array(snap.bytes));
        }
        case 'save': {
          const saved = await S.save(arg, bytes);
          S.announce(arg.doc, saved.key);
          if (!persistAsked) { persistAsked = true; S.persist().then((state) => event({ type: 'persist', state })); }
          return reply(id, true, saved);
        }
        case 'history': return reply(id, true, { snapshots: await S.history(arg.doc) });
        case 'update': return reply(id, true, { doc: await S.update(arg.doc, arg.changes) });
        case 'purge': await S.purge(arg.doc); return reply(id, true, {});
        default: throw new Error(`unknown storage request ${op}`);
      }
    } catch (err) {
      return reply(id, false, describe(err));
    }
  }
  let persistAsked = false;
  // Events that come before the app is started (a lock this tab was queued for, taken as it loads)
  // wait for it.
  const earlyEvents = [];
  function event(value) {
    if (started) message('storageEvent', value);
    else earlyEvents.push(value);
  }
  if (S) {
    S.onWriterChange = (doc, writer) => event({ type: 'writer', doc, writer });
    S.onRemoteSave = (msg) => event({ type: 'remoteSave', doc: msg.doc, key: msg.key });
  }
  // Leaving the page (tab closed, switched away, app backgrounded): what the screen shows is saved
  // now. A text being typed is committed first — by frames run here and now, which draw nothing, in
  // which the open editor ends as if clicked away — so that no edit the user saw is lost; then the
  // save starts, in this same event (storage.js issues its requests synchronously, so they complete
  // after the page is gone). A closing tab is given little time for this, less on a loaded machine
  // (Chromium ends a page whose unload handlers run long, and the save was then never issued), so
  // it starts at the first sign: beforeunload, before pagehide and visibilitychange; the later
  // events find nothing left to do (the app does not save the same revision twice). A page that
  // stays after all (a beforeunload without unload) has its editor closed and its document saved.
  function leaving() {
    if (!started) return;
    // Frames until the app has applied every click, key and character that arrived since the last
    // frame, in order (a few a frame), and then ended the editor (wm_frame returns 2 until then).
    // ImGui spreads a key's press and release over two frames, so a long burst of typing still
    // queued needs many; a fixed count (it was 24) could end the loop before the burst was applied.
    // These frames draw nothing (wm_frame): a second at most.
    message('leaving', {});
    const until = performance.now() + 1000;
    while (draw() === 2 && performance.now() < until);
    event({ type: 'flush' });
  }
  window.addEventListener('beforeunload', leaving);
  window.addEventListener('pagehide', leaving);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') leaving(); });

  // [SECTION] share links -----------------------------------------------------------------------------------
  // A workspace travels in the address's fragment (#share=…, never sent to a server): the export
  // text compressed with the browser's CompressionStream ('deflate-raw') and base64url-encoded. The
  // app decides the length limit and the words (src/io/share_link.hpp, src/ui/shell/share.cpp).
  const SHARE = '#share=';
  const SHARE_MAX_TEXT = 64 * 1024 * 1024;  // a link never unpacks to more than this (a crafted one could)
  const shareWaiters = [];
  function toBase64Url(bytes) {
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error('not base64url');
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; ++i) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }
  async function pipeBytes(bytes, transform, limit) {
    const reader = new Blob([bytes]).stream().pipeThrough(transform).getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) { reader.cancel(); throw new Error('unpacks to more than a workspace file may hold'); }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }
  // File › Copy share link and waymark.shareLink(): compress, check the length, copy. The answer
  // goes to the app (shareDone), which says what happened; its reply resolves waymark.shareLink().
  async function makeShareLink(text, maxChars) {
    let result;
    try {
      if (typeof CompressionStream !== 'function') throw new Error('no CompressionStream');
      // Without the export's indentation (JSON.stringify keeps every number exact): ~10% shorter.
      const packed = await pipeBytes(new TextEncoder().encode(JSON.stringify(JSON.parse(text))), new CompressionStream('deflate-raw'), Infinity);
      const prefix = location.origin + location.pathname + location.search + SHARE;
      const url = prefix + toBase64Url(packed);
      if (url.length > maxChars) {
        result = { ok: false, tooLarge: true, bytes: packed.length, prefix: prefix.length };
      } else {
        let copied = false;
        try { await navigator.clipboard.writeText(url); copied = true; } catch (e) { copied = false; }
        if (copied) clipboardText = url;
        result = { ok: true, url, bytes: packed.length, copied };
      }
    } catch (err) {
      result = { ok: false, error: String((err && err.message) || err) };
    }
    const answer = message('shareMade', result);
    shareWaiters.splice(0).forEach((resolve) => resolve(answer));
  }
  // A link the page was opened with (or navigated to while open): unpack it, then the app asks.
  async function receiveShareLink() {
    if (!location.hash.startsWith(SHARE)) return;
    let answer;
    try {
      const bytes = await pipeBytes(fromBase64Url(location.hash.slice(SHARE.length)), new DecompressionStream('deflate-raw'), SHARE_MAX_TEXT);
      answer = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch (err) {
      answer = { error: String((err && err.message) || err) };
    }
    await ready;
    message('shareOpened', answer);
  }
  window.addEventListener('hashchange', receiveShareLink);

  // [SECTION] PNG export (web/png.js) -----------------------------------------------------------------------
  // The app hands over the SVG picture; the page draws it off-screen tile by tile, reports progress
  // and downloads the PNG. One export at a time; cancel() stops it between tiles. png.js itself comes
  // with the first PNG (not before the first frame).
  let pngCancelled = false;
  let pngLoading = null;
  function loadPng() {
    pngLoading ||= new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `png.js?v=${BUILD}`;
      script.onload = () => resolve(window.WaymarkPng);
      script.onerror = () => { pngLoading = null; reject(new Error('the part of Waymark that makes PNG files did not arrive')); };
      document.head.append(script);
    });
    return pngLoading;
  }
  async function exportPng(name, svg, width, height, scale, title) {
    pngCancelled = false;
    let result;
    try {
      const fonts = { regular: await fetchFont('regular'), bold: await fetchFont('bold') };
      if (/[\u0180-\u024F\u0370-\u04FF\u1E00-\u1EFF\u2100-\u215F]/.test(svg)) {   // the UI font's other letters (scripts/make-fonts)
        fonts.blocks = await fetchFont('ui-blocks');
        fonts.boldBlocks = await fetchFont('ui-bold-blocks');
      }
      const png = await loadPng();
      const made = await png.render({
        svg, width, height, scale, fonts, title,
        progress: (done, total) => message('exportProgress', { done, total }),
        cancelled: () => pngCancelled,
      });
      if (!made) result = { ok: false, cancelled: true };
      else {
        download(name, 'image/png', made.blob);
        result = { ok: true, width: made.width, height: made.height, bytes: made.blob.size, tiles: made.tiles };
      }
    } catch (err) {
      result = { ok: false, error: String((err && err.message) || err) };
    }
    message('exportFinished', result);
  }

  // [SECTION] team (live co-editing) ------------------------------------------------------------------------
  // Only when the user asks (File › Share with team…): live.js (Yjs + Hocuspocus, bundled by
  // scripts/stage-web) is loaded then, and talks to the team server at this page's own origin
  // (/sync), so the CSP's connect-src 'self' holds. The app asks through Module.shell.teamConnect,
  // teamSend, teamPresence and teamClose; the page answers with two messages:
  //   teamStatus   {state, error, pending, peers: [{name, colour, journey, journeyId, selection}], link}   → {ok}
  //   teamRecords  a line of JSON {whole, workspace}, then a JSON list of records → {ok} | {ok:false, error}
  //   teamLink     {room}: the page was opened with a team link (#team=<room>, File › Copy team link);
  //                the app opens Share with team with the room filled in, and connects only when asked
  let team = null;
  let teamGeneration = 0;
  function messageWithText(name, head, text) {
    const bytes = new TextEncoder().encode(JSON.stringify(head) + '\n' + text);
    const ptr = Module._malloc(bytes.length + 1);
    Module.HEAPU8.set(bytes, ptr);
    Module.HEAPU8[ptr + bytes.length] = 0;
    const result = withString(name, (n) => Module.UTF8ToString(Module._wm_page_message(n, ptr)));
    Module._free(ptr);
    requestFrame(0);
    return JSON.parse(result);
  }
  async function teamConnect(options) {
    const generation = ++teamGeneration;
    if (team) { team.close(); team = null; }
    let live;
    try {
      live = await import(`./live.js?v=${BUILD}`);
    } catch (err) {
      message('teamStatus', { state: 'refused', error: 'The live-editing part of Waymark did not load (' + err.message + ').' });
      return;
    }
    if (generation !== teamGeneration) return;
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/sync';
    const link = location.origin + location.pathname + TEAM + encodeURIComponent(options.room);
    team = live.connect({ ...options, url }, {
      status: (s) => { if (generation === teamGeneration) message('teamStatus', { ...s, link }); },
      entries: (head, json) => { if (generation === teamGeneration) messageWithText('teamRecords', head, json); },
    });
  }
  function teamClose() { ++teamGeneration; if (team) { team.close(); team = null; } }
  const TEAM = '#team=';
  async function receiveTeamLink() {
    if (!location.hash.startsWith(TEAM)) return;
    let room;
    try { room = decodeURIComponent(location.hash.slice(TEAM.length)); } catch (err) { room = location.hash.slice(TEAM.length); }
    await ready;
    message('teamLink', { room });
  }
  window.addEventListener('hashchange', receiveTeamLink);

  // [SECTION] test hook -------------------------------------------------------------------------------------
  function hook(name, arg) {
    if (!started) return JSON.stringify({ ok: false, error: 'Waymark is still loading' });
    const out = withString(name, (n) => withString(arg || '', (a) => Module.UTF8ToString(Module._wm_test_hook(n, a))));
    requestFrame(0);
    return out;
  }
  function hookJson(name, arg) { return JSON.parse(hook(name, arg)); }
  function percentile(sorted, p) { return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0; }
  window.waymark = {
    build: BUILD,
    // The first frame, then the bold face drawn, the code's second part and the screen-reader view in,
    // and the work held for the second part done (the sample's first save answered, the view described).
    ready: ready.then(() => boldLoaded).then(() => deferredLoaded).then(() => mirrorLoaded)
      .then(() => (codeIsIn && !profiling() ? laterWork : null)),
    // tools/wasm-profile.mjs, in the instrumented build only: the profile of start-up is taken; the
    // work held for the code's second part may run (resolves when it is done).
    profiled: () => { profiledDone(); return laterWork; },
    codeParts: () => ({ split: deferred.split, deferred: deferred.state, placeholder: deferred.placeholder }),
    frames: () => frames,
    frameTimes: () => {
      const t = frameTimes.slice().sort((a, b) => a - b);
      frameTimes = [];
      return { count: t.length, p50: percentile(t, 0.5), p95: percentile(t, 0.95), max: t.length ? t[t.length - 1] : 0 };
    },
    stats: () => hookJson('stats'),
    exportJson: () => hook('exportJson'),
    importJson: (text) => hookJson('importJson', String(text)),
    mergeJson: (text) => hookJson('mergeJson', String(text)),
    generate: (spec) => hookJson('generate', JSON.stringify(spec || {})),
    show: (view, id) => hookJson('show', JSON.stringify({ view, id: id || '' })),
    // In CSS px of the page: the app's units times View › Text size.
    rect: (label) => {
      const r = hookJson('rect', String(label));
      const s = Module._wm_ui_scale();
      return r.ok === false || s === 1 ? r : { ...r, x: r.x * s, y: r.y * s, w: r.w * s, h: r.h * s };
    },
    settled,
    // Benchmark extras (not used by tests to judge timings): when the first frame was on screen,
    // in ms since navigation start; the wasm heap size; binary snapshot save/load timings.
    firstFrameMs: () => firstFrameMs,
    heapBytes: () => (Module.HEAPU8 ? Module.HEAPU8.length : 0),
    benchSnapshot: () => hookJson('benchSnapshot'),
    // The DOM mirror for screen readers off (false) or on again: for the benchmark's comparison only.
    mirror: (on) => hookJson('mirror', on === false ? 'off' : 'on'),
    // The map's and the framework grid's cached tiles off (false) or on again, and how many tiles
    // were painted and shown since the last call ({painted, shown}): for comparisons and tests.
    tiles: (on) => hookJson('tiles', on === false ? 'off' : 'on'),
    tileCounts: () => hookJson('tileCounts'),
    // Partial redraws (only what changed is drawn again) on, or off (false: the whole window every
    // frame), and since the last call: frames rendered, how many drew nothing or everything, and the
    // share of the window's pixels the frames that drew drew again ({frames, unchanged, full, drawn}).
    partialRedraw: (on) => hookJson('partialRedraw', on === false ? 'off' : 'on'),
    // The tile layer (software GL: the page draws the tiles under the canvas; the default there) on,
    // or off (false: the WebGL canvas draws them itself). redrawCounts() says which ("layered") and
    // how many frames drew the layer ("layer").
    tileLayer: (on) => hookJson('tileLayer', on === false ? 'off' : 'on'),
    // What the page shows of the app, as one canvas: the tile layer with the WebGL canvas over it.
    picture: () => {
      const out = document.createElement('canvas');
      out.width = canvas.width;
      out.height = canvas.height;
      const g = out.getContext('2d');
      if (!under.hidden) g.drawImage(under, 0, 0);
      g.drawImage(canvas, 0, 0);
      return out;
    },
    // Wheel events drawn at once in their own task (on), or at the next animation frame (false);
    // and since the last call: animation frames, the drawings made ahead of one, the drawings made
    // in one ({ticks, ahead, inFrames}). At most one drawing per animation frame.
    drawAhead: (on) => { drawAhead = on !== false; },
    drawCounts: () => { const c = { ...drawings }; drawings.ticks = drawings.ahead = drawings.inFrames = 0; return c; },
    redrawCounts: () => hookJson('redrawCounts'),
    // The share link of the open document, made exactly as File › Copy share link makes it:
    // {ok, url, bytes, chars, copied, message} or {ok:false, error}.
    shareLink: () => new Promise((resolve) => {
      shareWaiters.push(resolve);
      const r = hookJson('shareLink');
      if (r.ok === false) { shareWaiters.splice(shareWaiters.indexOf(resolve), 1); resolve(r); }
    }),
  };

  // [SECTION] start-up --------------------------------------------------------------------------------------
  // The page fetches and compiles waymark.wasm itself (Module.instantiateWasm) so that a damaged or
  // half-uploaded file ends in plain words rather than in Emscripten's abort. A page the service
  // worker controls gets files it has already checked; otherwise (a first visit) the bytes are also
  // compared with the build manifest, which catches a file of the wrong size or from another version.
  class DamagedFile extends Error {
    constructor(file, detail) { super(`${file}: ${detail}`); this.file = file; }
  }
  function damaged(file) {
    fatal('Waymark could not start', `One of its files arrived damaged or incomplete (${file}). Reload in a moment; if it persists, the site is being updated or is broken.`);
  }
  async function manifestEntry(path) {
    try {
      const r = await fetch(`build.json?v=${BUILD}`, { cache: 'no-cache' });
      const listed = r.ok ? await r.json() : null;
      // Missing, or from another build (the host is mid-update): no sizes to check against; the
      // compile below still catches a damaged file.
      if (!listed || listed.build !== BUILD) return null;
      return listed.files.find((f) => f.path === path) || null;
    } catch (err) {
      return null;
    }
  }
  // Fetches a wasm file of this build and hands the response to `compile` (streaming: the code
  // compiles while it downloads).
  async function fetchWasm(file, compile) {
    const check = !(navigator.serviceWorker && navigator.serviceWorker.controller);
    const expected = check ? manifestEntry(file) : null;
    const response = await fetch(`${file}?v=${BUILD}`, { credentials: 'same-origin' });
    if (!response.ok) throw new DamagedFile(file, `HTTP ${response.status}`);
    // When checking, read a copy of the bytes too. The fetched Response itself goes to the compiler:
    // Chromium caches the compiled code by its URL.
    const copy = check ? response.clone() : null;
    const typed = /^application\/wasm\b/.test(response.headers.get('Content-Type') || '') ? response
      : new Response(response.body, { headers: { 'Content-Type': 'application/wasm' } });  // a host without the wasm type
    const compiling = compile(typed);
    compiling.catch(() => {});  // reported below, after the check has had its say
    if (copy) {
      let bytes;
      try { bytes = await copy.arrayBuffer(); } catch (err) { throw new DamagedFile(file, `the download broke off (${err})`); }
      const entry = await expected;
      if (entry && bytes.byteLength !== entry.bytes) throw new DamagedFile(file, `${bytes.byteLength} bytes instead of ${entry.bytes}`);
      if (entry && crypto.subtle) {
        const hash = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
        if (hash !== entry.sha256) throw new DamagedFile(file, 'its SHA-256 is not the one in build.json');
      }
    }
    try {
      return await compiling;
    } catch (err) {
      // A truncated file does not compile; a waymark.js of another version does not link.
      if (err instanceof WebAssembly.CompileError || err instanceof WebAssembly.LinkError || err instanceof TypeError) throw new DamagedFile(file, String(err));
      throw err;
    }
  }
  const loadWasm = (imports) => fetchWasm('waymark.wasm', (response) => WebAssembly.instantiateStreaming(response, imports));

  // [SECTION] the code's second part ------------------------------------------------------------------------
  // The build splits the code in two (scripts/split-wasm): waymark.wasm holds what a first visit
  // runs up to its first frame, waymark.deferred.wasm the rest, fetched and compiled right after the
  // first frame (on a return visit, before it: `loadEarly`). Until it is in, each function of the
  // second part is a placeholder in the first; calling one (a path that start-up did not take, or a
  // click before the second part arrived) makes Emscripten ask `loadSplitModule`, which must put the
  // code in place before returning: it uses the compiled module if the download finished, or else
  // fetches the file synchronously. Putting it in place is instantiating it against the first
  // part's exports: that fills the table slots of the placeholders.
  const DEFERRED = 'waymark.deferred.wasm';
  const deferred = { split: false, state: 'none', module: null, instance: null, placeholder: null };
  let deferredDone;
  const deferredLoaded = new Promise((resolve) => { deferredDone = resolve; });
  // Once the second part is in (or the code was never split), the app starts the work it held for
  // it (wm_code_complete: the sample's first save, cached tiles, the screen-reader description), so
  // that none of that code has to come before the first frame. The instrumented build that
  // scripts/split-wasm profiles is whole, but stands for the first part until the profile is taken
  // (the test hook's profiled(), tools/wasm-profile.mjs): what runs after that goes to the second
  // part. `codeIn` resolves as a promise does, after the call in progress (a placeholder's, inside
  // the wasm) has returned.
  const profiling = () => !!(Module.asm && typeof Module.asm.__write_profile === 'function');
  let profiledDone, codeIn, codeIsIn = false;
  const profiled = new Promise((resolve) => { profiledDone = resolve; });
  const codeComplete = new Promise((resolve) => { codeIn = () => { codeIsIn = true; resolve(); }; });
  const laterWork = codeComplete.then(() => (profiling() ? profiled : null)).then(async () => {
    if (!started) return;
    Module._wm_code_complete();
    await nextFrame();     // it described the view to the mirror
    await storageIdle();   // the sample's first save, asked for at once
  });
  function deferredFailed() {
    started = false;  // no more frames: the code they would run is not there
    fatal('Waymark could not go on', `A part of Waymark that this step needs (${DEFERRED}) did not arrive: the connection may be down. Your documents are kept in this browser: reload the page when the connection is back.`);
  }
  const compileDeferred = () => fetchWasm(DEFERRED, (response) => WebAssembly.compileStreaming(response));
  // Instantiating the second part against the first part's exports fills the placeholders' slots.
  function putInPlace(module, imports, how) {
    deferred.module = module;
    deferred.instance = new WebAssembly.Instance(module, imports);
    deferred.state = how;
    performance.mark('waymark:deferred');
  }
  function loadDeferred() {
    if (deferred.state !== 'waiting') {
      if (!deferred.split || deferred.instance) codeIn();
      deferredDone(true);
      return;
    }
    deferred.state = 'loading';
    compileDeferred().then((module) => {
      if (deferred.instance) return;
      putInPlace(module, { primary: Module.asm }, 'after the first frame');
      codeIn();
    }, (err) => {
      console.warn(`Waymark: could not load ${DEFERRED}:`, err);
      if (err instanceof DamagedFile && !deferred.instance) { started = false; damaged(err.file); }
      else if (!deferred.instance) deferred.state = 'failed';  // tried again when the code is needed
    }).then(() => deferredDone(true));
  }
  function fetchSync(url) {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url, false);
    xhr.overrideMimeType('text/plain; charset=x-user-defined');  // the bytes as they are, one per char
    xhr.send();
    if (xhr.status !== 200) throw new Error(`HTTP ${xhr.status}`);
    const text = xhr.responseText;
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    return bytes;
  }
  function loadSplitModule(file, imports, placeholder) {
    if (deferred.instance) return;
    deferred.placeholder = Number(placeholder);  // which one asked first (link/waymark.wasm.placeholders names it)
    try {
      putInPlace(deferred.module || new WebAssembly.Module(fetchSync(`${DEFERRED}?v=${BUILD}`)), imports, 'on demand');
      codeIn();
    } catch (err) {
      console.warn(`Waymark: could not load ${DEFERRED}:`, err);
      if (err instanceof WebAssembly.CompileError) { started = false; damaged(DEFERRED); } else deferredFailed();
      throw err;
    }
  }

  // A page the service worker controls (every visit after the first) has both parts in the
  // worker's cache: the second part costs no download there, and a return visit needs it before its
  // first frame (opening the stored document is code of the second part: the split's profile is
  // of first visits, tools/wasm-profile.mjs). It is fetched and compiled along with the first, and
  // put in place as soon as both are in; the app starts meanwhile, and the storage's answers (the
  // stored document) wait for it (`reply`). If it cannot be had then, the page goes on as on a first
  // visit: fetched after the first frame, or on demand.
  let earlyCode = null;  // settles once the second part compiled at start is in place (or failed)
  function loadEarly(compiling) {
    earlyCode = compiling.then((module) => {
      earlyCode = null;
      if (!module || deferred.instance) return;
      try {
        putInPlace(module, { primary: Module.asm }, 'before the first frame');
      } catch (err) {
        console.warn(`Waymark: could not put ${DEFERRED} in place at start:`, err);  // the first part's placeholders ask again
      }
    });
  }
  let wasmRequested = false;
  function instantiateWasm(imports, receive) {
    wasmRequested = true;
    const earlyPart = navigator.serviceWorker && navigator.serviceWorker.controller
      ? compileDeferred().catch((err) => {
        console.info(`Waymark: ${DEFERRED} not ready at start (${err}); it is fetched after the first frame`);
        return null;
      }) : null;
    loadWasm(imports).then((result) => {
      performance.mark('waymark:wasm');
      deferred.split = WebAssembly.Module.imports(result.module).some((i) => i.module === 'placeholder');
      if (deferred.split) deferred.state = 'waiting';
      if (deferred.split && earlyPart) loadEarly(earlyPart);
      receive(result.instance, result.module);
    }, (err) => {
      console.warn('Waymark: could not load waymark.wasm:', err);
      if (err instanceof DamagedFile) damaged(err.file);
      else fatal('Waymark could not load', 'The application file did not arrive. Check the connection and reload.');
    });
    return {};  // Emscripten waits for receive()
  }
  window.Module = {
    canvas,
    shell: { requestFrame, setCursor: (c) => { canvas.style.cursor = c; }, setClipboard, textInput: textInputAt,
             mirror: toMirror,
             loadFont, download, pickFile, exportPng, cancelExport: () => { pngCancelled = true; }, shareLink: (text, maxChars) => { makeShareLink(text, maxChars); },
             storage: (id, op, arg, bytes) => { storage(id, op, JSON.parse(arg || '{}'), bytes); },
             teamConnect: (options) => { teamConnect(JSON.parse(options)); }, teamSend: (json) => { if (team) team.send(json); },
             teamPresence: (presence) => { if (team) team.presence(JSON.parse(presence)); }, teamClose,
             tilePixels, tileLayer, tileDrop: (texture) => { tileImages.delete(texture); } },
    locateFile: (path) => `${path}?v=${BUILD}`,
    instantiateWasm,
    loadSplitModule,
    print: (t) => console.log(t),
    // Emscripten says when a placeholder fetched the second part: worth a note, not a warning.
    printErr: (t) => (/^(placeholder function called|instantiated deferred module)/.test(t) ? console.info(t) : console.warn(t)),
    onAbort: (what) => fatal('Waymark stopped', `Something went wrong inside Waymark and it had to stop (${what}). Your last export is safe; reload the page to continue.`),
    onRuntimeInitialized: async () => {
      const [w, h, dpr] = resize();
      const ok = Module._wm_start(w, h, dpr);
      performance.mark('waymark:started');
      if (!ok) {
        fatal('This browser cannot draw Waymark', 'Waymark could not create its WebGL 2 drawing surface. Please enable hardware acceleration or try another browser.');
        return;
      }
      try {
        giveFont('regular', await fetchFont('regular'));
        // The app asked for them in wm_start (loadFont gives them as they arrive): in the first frame.
        if (blocksAtStart) await fetchFont('ui-blocks').catch(() => {});
      } catch (err) {
        fatal('Waymark could not load', `A file Waymark needs did not arrive (${err.message}). Check the connection and reload.`);
        return;
      }
      started = true;
      earlyEvents.splice(0).forEach(event);
      focusTextInput();
      firstFrame();
      receiveShareLink();  // after the stored document opened (it waits for `ready`)
      receiveTeamLink();
    },
  };
  const script = document.createElement('script');
  script.src = `waymark.js?v=${BUILD}`;
  script.onerror = () => fatal('Waymark could not load', 'The application file did not arrive. Check the connection and reload.');
  // waymark.js asks for the wasm as it runs: if it did not, it was cut short (a syntax error).
  script.onload = () => { if (!wasmRequested) damaged('waymark.js'); };
  document.body.append(script);
})();
