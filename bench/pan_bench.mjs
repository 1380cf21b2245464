// Panning as the user feels it, measured on the whole browser frame (issue 17's method): headless
// Chromium, 1280×800, DPR 1, WebGL on SwiftShader (software, like GPU-less virtual desktops), a big
// journey map (and the framework grid of 1,000 journeys) panned for 3 s by wheel and by drag, and
// zoomed as a touchpad pinch does (Ctrl+wheel steps without a key), with open-loop input at 120 Hz
// (events are sent on a clock, never waiting for frames), and by Chromium's own synthetic touchpad
// pinch gesture (the browser's path for a real touchpad, which paces and merges its steps). Figures:
//   - view updates/s: frames the app drew while input was arriving that changed the picture (a frame
//     whose input moved nothing, e.g. a wheel at the map's edge, draws nothing and is not counted)
//   - main-thread busy ms per frame: CDP Performance.getMetrics TaskDuration over the pan / frames
//   - long tasks (> 50 ms, PerformanceObserver) during the pan
//   - lag: how long the app still drew after the last input, as polled from outside, and as the
//     page saw it (its last frame's end after the last wheel or pointer event it received), and of
//     those frames the ones that drew (a frame that finds nothing changed draws nothing: nothing on
//     screen moves)
//   - main-thread busy counts the tasks CDP counts: a context made with `desynchronized: true`
//     moved the canvas's read-back out of them (2.8 ms "busy" an update) while a trace showed the
//     main thread 99 % busy as before, so traces, not this figure alone, say where the time goes
//   - idle: requestAnimationFrame calls and busy ms in 2 s without input
//   - tiles: of the body's cached tiles (ui/kit/tiles), how many were painted and shown per frame
//     (and in how many frames a zoom gesture showed them scaled);
//     each pan is measured with tiles, again with the tiles drawn by WebGL rather than by the page
//     under it (waymark.tileLayer(false); the page's tile layer is on by default on software GL), and
//     drawn directly (waymark.tiles(false)) to compare
//   - redrawn: the share of the window a frame drew again (platform/gl_renderer draws only what
//     changed), and how many frames changed nothing and drew nothing
//   - wasm: the CPU time inside wm_frame per frame (p50 / p95), a small part of the busy time
// Also prints the renderer WebGL reports (SwiftShader here) and the transfer of a first visit,
// counted at the server: what the page loads before its first frame, and everything the service
// worker precaches in the following seconds. Prints figures, asserts nothing.
// Usage: node bench/pan_bench.mjs   (after scripts/build-web)
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SITE, startServer, launch, openApp, settle } from '../tests/e2e/lib.mjs';

const srv = await startServer();
// Every file the server sent (path and size), to count a visit's transfer.
const served = [];
srv.server.on('request', (req, res) => {
  let bytes = 0;
  const write = res.write.bind(res), end = res.end.bind(res);
  res.write = (chunk, ...rest) => { if (chunk) bytes += chunk.length; return write(chunk, ...rest); };
  res.end = (chunk, ...rest) => { if (chunk && typeof chunk !== 'function') bytes += chunk.length; return end(chunk, ...rest); };
  res.on('finish', () => served.push({ path: new URL(req.url, 'http://x').pathname, bytes, at: Date.now() }));
});
const gz = new Map();
async function gzipSize(path) {
  if (!gz.has(path)) gz.set(path, gzipSync(await readFile(join(SITE, path === '/' ? 'index.html' : path)), { level: 9 }).length);
  return gz.get(path);
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

// Probes before the page's own scripts: rAF calls and long tasks.
async function probe(context) {
  await context.addInitScript(() => {
    // frames: when each requestAnimationFrame callback (the app asks for one only to draw) ended;
    // input: when the page received the last wheel or pointer move (ms, performance.now()).
    // drawn: when each callback that drew ended (a frame that finds nothing changed makes no GL
    // call, so nothing on screen moves: the app clears what it draws again, so a clear is a drawing).
    // A wheel event may be drawn in its own task (web/app.js, "draw-ahead"): such a drawing counts
    // as a frame that drew, when its task ends.
    window.__probe = { raf: 0, long: [], frames: [], drawn: [], input: 0, cleared: false, inRaf: false, ahead: false };
    const clear = WebGL2RenderingContext.prototype.clear;
    WebGL2RenderingContext.prototype.clear = function (mask) {
      const p = window.__probe;
      p.cleared = true;
      if (!p.inRaf && !p.ahead) {
        p.ahead = true;
        setTimeout(() => { p.ahead = false; p.frames.push(performance.now()); p.drawn.push(performance.now()); });
      }
      return clear.call(this, mask);
    };
    // On software GL the page draws the tiles into a 2D canvas under the WebGL one (web/app.js,
    // "tile layer"): a frame that only moves them draws there, not with WebGL.
    const drawImage = CanvasRenderingContext2D.prototype.drawImage;
    CanvasRenderingContext2D.prototype.drawImage = function (...args) {
      if (this.canvas.id === 'tiles' && window.__probe.inRaf) window.__probe.cleared = true;
      return drawImage.apply(this, args);
    };
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => {
      window.__probe.raf++;
      return raf((t) => {
        window.__probe.cleared = false;
        window.__probe.inRaf = true;
        try { cb(t); } finally {
          window.__probe.inRaf = false;
          window.__probe.frames.push(performance.now());
          if (window.__probe.cleared) window.__probe.drawn.push(performance.now());
        }
      });
    };
    for (const type of ['wheel', 'pointermove']) window.addEventListener(type, () => { window.__probe.input = performance.now(); }, { capture: true, passive: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__probe.long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  });
}

const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, checkExports: false });
await probe(context);
const t0 = Date.now();
const { page } = await openApp(context, srv.url);
const readyMs = await page.evaluate(() => window.waymark.firstFrameMs());
// What had arrived when the first frame was drawn (the test hook's `ready` waits longer, for the
// bold face, which loads after it).
const firstFrameAt = await page.evaluate(() => performance.timeOrigin + window.waymark.firstFrameMs());
const beforeFirstFrame = served.filter((s) => s.at <= firstFrameAt);
await page.waitForTimeout(4000);   // the service worker precaches meanwhile
const renderer = await page.evaluate(() => {
  const gl = document.createElement('canvas').getContext('webgl2');
  const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
  return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl ? gl.getParameter(gl.RENDERER) : 'no WebGL2';
});
console.log(`Renderer: ${renderer}`);
console.log(`Cold ready (fresh profile): ${readyMs.toFixed(0)} ms after navigation start (${Date.now() - t0} ms including browser start)`);
let first = { raw: 0, gz: 0 }, all = { raw: 0, gz: 0 };
for (const s of served) {
  const g = s.bytes ? await gzipSize(s.path).catch(() => s.bytes) : 0;
  all = { raw: all.raw + s.bytes, gz: all.gz + g };
  if (beforeFirstFrame.includes(s)) first = { raw: first.raw + s.bytes, gz: first.gz + g };
}
console.log(`Transfer before the first frame: ${kb(first.raw)} raw, ${kb(first.gz)} gzip (${beforeFirstFrame.length} requests)`);
console.log(`Transfer of the first visit incl. the service worker's precache: ${kb(all.raw)} raw, ${kb(all.gz)} gzip (${served.length} requests)`);

const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
const framesDrawn = () => page.evaluate(() => window.waymark.frameTimes().count);

// Input on a clock: one event every 1000/120 ms for `seconds`, sent without waiting for the page.
async function openLoop(seconds, send) {
  const n = Math.round(seconds * 120);
  const started = performance.now();
  const sent = [];
  for (let i = 0; i < n; i++) {
    const due = started + (i * 1000) / 120;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    sent.push(send(i).catch(() => {}));
  }
  await Promise.all(sent);
}

// `send(i)` sends the i-th event of an open loop; `send.run()`, when given, runs input of its own for
// about `seconds` and returns how long it ran.
async function measure(label, seconds, send) {
  await settle(page, 300);
  await framesDrawn();                       // resets the app's frame list
  await page.evaluate(() => { window.__probe.long = []; window.__probe.frames = []; window.__probe.drawn = []; });
  await page.evaluate(() => window.waymark.tileCounts());
  await page.evaluate(() => window.waymark.redrawCounts());
  const b0 = await busy();
  if (send.run) seconds = await send.run(); else await openLoop(seconds, send);
  const inputEnd = Date.now();
  const wasm = await page.evaluate(() => window.waymark.frameTimes());   // CPU inside wm_frame
  const framesDuring = wasm.count;
  const b1 = await busy();
  const redrawn = await page.evaluate(() => window.waymark.redrawCounts());
  const updates = Math.max(1, framesDuring - redrawn.unchanged);
  // Lag: keep polling until no new frame for 500 ms; the last frame's time minus the last input's.
  let lastFrameAt = inputEnd, extra = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    const n = await framesDrawn();
    if (n > 0) { extra += n; lastFrameAt = Date.now(); } else if (Date.now() - lastFrameAt > 500) break;
  }
  const long = await page.evaluate(() => window.__probe.long.slice());
  // The same lag as the page saw it: its last frame's end after the last input event it received,
  // and how many frames it drew after that event.
  const seen = await page.evaluate(() => ({ input: window.__probe.input, after: window.__probe.frames.filter((t) => t > window.__probe.input),
                                             drawn: window.__probe.drawn.filter((t) => t > window.__probe.input) }));
  const pageLag = seen.after.length ? seen.after[seen.after.length - 1] - seen.input : 0;
  const drawnLag = seen.drawn.length ? seen.drawn[seen.drawn.length - 1] - seen.input : 0;
  const tiles = await page.evaluate(() => window.waymark.tileCounts());
  const frames = Math.max(1, framesDuring + extra);
  console.log(`${label}: ${(updates / seconds).toFixed(1)} view updates/s, ${((b1 - b0) / updates).toFixed(1)} ms main-thread busy per update, ` +
              `${long.length} long tasks${long.length ? ` (max ${Math.max(...long).toFixed(0)} ms)` : ''}, still drawing ${Math.max(0, lastFrameAt - inputEnd)} ms (${extra} frames) after the last input` +
              ` (in the page: ${pageLag.toFixed(0)} ms, ${seen.after.length} frames, after the last input event;` +
              ` of them drawing: ${drawnLag.toFixed(0)} ms, ${seen.drawn.length} frames)` +
              (tiles.shown ? `, tiles painted ${(tiles.painted / frames).toFixed(1)} / shown ${(tiles.shown / frames).toFixed(1)} per frame${tiles.scaled ? ` (scaled in ${tiles.scaled} frames)` : ''}` : ', drawn directly') +
              `, ${(redrawn.drawn * 100).toFixed(0)} % of the WebGL canvas redrawn per frame that drew on it (${redrawn.unchanged} of ${redrawn.frames} frames changed nothing and drew nothing` +
              `${redrawn.layered ? `; the page drew the tile layer in ${redrawn.layer}` : ''})` +
              `, wasm ${wasm.p50.toFixed(2)} / ${wasm.p95.toFixed(2)} ms a frame (p50 / p95)`);
}

// Each pan with the body's tiles, then with them drawn by WebGL (no tile layer), then drawn
// directly (the comparisons).
async function pans(what) {
  await pansOnce(what);
  const layered = (await page.evaluate(() => window.waymark.redrawCounts())).layered;
  if (layered) {
    await page.evaluate(() => window.waymark.tileLayer(false));
    await pansOnce(`${what} (tiles drawn by WebGL)`);
    await page.evaluate(() => window.waymark.tileLayer(true));
  }
  await page.evaluate(() => window.waymark.tiles(false));
  await pansOnce(`${what} (no tiles)`);
  await page.evaluate(() => window.waymark.tiles(true));
}

async function pansOnce(what) {
  const cx = 700, cy = 500;
  await page.mouse.move(cx, cy);
  await measure(`${what}, wheel`, 3, (i) => cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: cx, y: cy, deltaX: i % 240 < 120 ? 40 : -40, deltaY: i % 120 < 60 ? 30 : -30 }));
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x: cx, y: cy, button: 'middle', buttons: 4, clickCount: 1 });
  await measure(`${what}, drag`, 3, (i) => {
    const k = i % 120, d = k < 60 ? k : 120 - k;
    return cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: cx - d * 6, y: cy - d * 3, button: 'middle', buttons: 4 });
  });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x: cx, y: cy, button: 'middle', buttons: 0, clickCount: 1 });
  // A touchpad pinch as Ctrl+wheel steps without a key at the pointer (deltaY = -100 ln scale, as
  // Chromium makes them of a pinch), in for 0.5 s, then out, and so on (±43 %), at 120 a second.
  await measure(`${what}, pinch zoom`, 3, (i) => cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: cx, y: cy, modifiers: 2, deltaX: 0, deltaY: i % 120 < 60 ? -0.6 : 0.6 }));
  // The same through Chromium's own touchpad path (a synthetic pinch gesture, which the browser
  // turns into Ctrl+wheel events as it does a touchpad's, merging the steps that wait for the page):
  // pinches in and out by 1.43 for 3 s. The gesture's point must lie in the window's real bounds
  // (800 × 600 in headless Chromium, whatever the emulated viewport).
  const gesture = async () => {
    const start = performance.now();
    for (let k = 0; performance.now() - start < 3000; ++k)
      await cdp.send('Input.synthesizePinchGesture', { x: 500, y: 400, scaleFactor: k % 2 ? 1 / 1.43 : 1.43, relativeSpeed: 800, gestureSourceType: 'mouse' });
    return (performance.now() - start) / 1000;
  };
  await page.mouse.move(500, 400);
  await measure(`${what}, pinch gesture`, 3, Object.assign(() => {}, { run: gesture }));
}

async function zoom(percent) {
  // Ctrl+wheel steps until the app's zoom reaches the percentage (the map and the grid zoom alike).
  for (let i = 0; i < 40; i++) {
    const z = (await page.evaluate(() => window.waymark.stats())).map.zoom;
    if (z === undefined || Math.abs(z * 100 - percent) < 8) return z;
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, z * 100 > percent ? 100 : -100);
    await page.keyboard.up('Control');
    await settle(page, 50);
  }
  return (await page.evaluate(() => window.waymark.stats())).map.zoom;
}

// The journey map: a generated 200-step × 30-lane journey.
await page.evaluate(() => window.waymark.generate({ journeys: 2, levels: 2, stepsPerJourney: 200, lanesPerJourney: 30, cardsPerCell: 1, seed: 5 }));
const big = await page.evaluate(() => {
  const ws = JSON.parse(window.waymark.exportJson()).workspace;
  const j = ws.journeys.slice().sort((a, b) => b.cards.length - a.cards.length)[0];
  return { id: j.id, cards: j.cards.length };
});
await page.evaluate((j) => window.waymark.show('journey', j), big.id);
await settle(page, 500);
console.log(`Journey map of ${big.cards} cards:`);
for (const p of [100, 25]) { const z = await zoom(p); await pans(`  map ${Math.round((z ?? 1) * 100)} %`); }

// The framework grid of 1,000 journeys.
await page.evaluate(() => window.waymark.generate({ journeys: 1000, levels: 3, stepsPerJourney: 4, lanesPerJourney: 4, cardsPerCell: 1, seed: 7 }));
await page.evaluate(() => window.waymark.show('framework'));
await settle(page, 500);
console.log('Framework grid of 1,000 journeys:');
await pans('  framework 100 %');

// Idle: no input for 2 s (after the hover-tooltip wake-up a release schedules, 450 ms).
await settle(page, 1000);
const r0 = await page.evaluate(() => window.__probe.raf), i0 = await busy();
await page.waitForTimeout(2000);
const r1 = await page.evaluate(() => window.__probe.raf), i1 = await busy();
console.log(`Idle 2 s: ${r1 - r0} requestAnimationFrame calls, ${(i1 - i0).toFixed(1)} ms main-thread busy`);

// Warm ready: the same profile again (service worker and HTTP cache warm).
const warm = await context.newPage();
await warm.goto(srv.url);
await warm.waitForFunction(() => window.waymark && window.waymark.ready, null, { timeout: 20000 });
await warm.evaluate(() => window.waymark.ready);
console.log(`Warm ready: ${(await warm.evaluate(() => window.waymark.firstFrameMs())).toFixed(0)} ms after navigation start`);

await close();
await srv.close();
