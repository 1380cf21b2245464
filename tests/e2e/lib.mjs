// Browser-test helpers: serve the built site, start Debian's Chromium through playwright-core, and
// drive the app with real mouse and keyboard input at the rectangles the app reports
// (window.waymark.rect). Screenshots go to tests/e2e/artifacts/ to be looked at. Every workspace the
// app exports while a test runs is checked against the published file format (see launch()).
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { schemaProblem } from './schema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
export const SITE = process.env.WAYMARK_SITE || join(ROOT, 'build', 'web', 'site');
export const ARTIFACTS = join(here, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

export async function startServer(port = 0) {
  const server = await serve(SITE, port);
  return { server, url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

// A fresh profile per browser: tests never share storage or a service worker by accident.
// Every workspace the app exports meanwhile — each text window.waymark.exportJson() returns, in any
// page, and each downloaded .waymark.json — is collected, and close() checks them all against
// docs/waymark.schema.json (after closing the browser), throwing with the first schema error. So a
// test that exports checks the file format without saying so. Benchmarks pass checkExports: false
// (collecting copies each export out of the page, which their timings must not include).
export async function launch({ viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, checkExports = true, hasTouch = false } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'waymark-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true,
    viewport, deviceScaleFactor, hasTouch, permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true,
  });
  const exports = checkExports ? await collectExports(context) : null;
  const close = async () => {
    const problem = exports ? await exports.check() : null;
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    if (problem) throw new Error(problem);
  };
  return { context, close };
}

// Wraps window.waymark.exportJson in every page from its first assignment on (an init script runs
// before the page's own scripts) so that each new text is handed to Node, and listens for downloads.
async function collectExports(context) {
  const texts = new Set();
  const downloads = [];
  await context.exposeBinding('__waymarkExported', (_source, text) => { texts.add(text); });
  await context.addInitScript(() => {
    let app;
    Object.defineProperty(window, 'waymark', {
      configurable: true, enumerable: true,
      get: () => app,
      set: (value) => {
        app = value;
        const exportJson = value && value.exportJson;
        if (typeof exportJson !== 'function') return;
        let last = null;   // the same text twice in a row is sent once
        value.exportJson = (...args) => {
          const text = exportJson(...args);
          if (text !== last) { last = text; window.__waymarkExported(text); }
          return text;
        };
      },
    });
  });
  const watch = (page) => page.on('download', (download) => {
    if (!download.suggestedFilename().endsWith('.waymark.json')) return;
    downloads.push(download.path().then((path) => readFile(path, 'utf8')).then((text) => texts.add(text), () => {}));
  });
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    async check() {
      // A round trip to each page lets exports still on their way to Node arrive first.
      for (const page of context.pages()) await page.evaluate(() => 0).catch(() => {});
      await Promise.all(downloads);
      for (const text of texts) {
        const problem = schemaProblem(text);
        if (problem) return `an export does not match docs/waymark.schema.json: ${problem}`;
      }
      return null;
    },
  };
}

// Opens the app and waits for its first frame. Collects page errors so tests can assert none happened.
export async function openApp(context, url) {
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await appReady(page);
  return { page, errors };
}

// Waits until the app in `page` has drawn its first frame and the test hook's `ready` has resolved.
async function appReady(page) {
  await page.waitForFunction(() => window.waymark && window.waymark.ready, null, { timeout: 20000 });
  await page.evaluate(() => window.waymark.ready);
}

// Opens the app in a new tab after another tab was closed, and waits until this tab is the writer
// of the document it opened. A tab closed with `runBeforeUnload` may still be closing when this one
// starts (Playwright does not wait for it): it still holds the document's lock, so this tab opens
// the document read-only, as last saved, and takes it over, from the newest save, once that tab is
// gone. What the closed tab saved on its way out is in this tab only from then on.
export async function openAgain(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await appReady(page);
  await page.waitForFunction(() => window.waymark.stats().storage.writer === true, null, { timeout: 20000 });
  return page;
}

// Waits a moment, then until the app has drawn all it wanted to (no frame pending).
export async function settle(page, ms = 300) {
  await page.waitForTimeout(ms);
  await page.evaluate(() => window.waymark.settled());
}

// The rectangle of the widget labelled `label`. A widget that appears after a click (a popup, a
// selection) is reported once a frame that draws it has completed: poll briefly for it.
export async function rect(page, label) {
  for (let i = 0; ; ++i) {
    await page.evaluate(() => window.waymark.settled());
    const r = await page.evaluate((l) => window.waymark.rect(l), label);
    if (r.ok !== false) return r;
    if (i >= 20) throw new Error(r.error);
    await page.waitForTimeout(100);
  }
}

export async function click(page, label, { double = false, button = 'left' } = {}) {
  const r = await rect(page, label);
  const x = r.x + Math.min(r.w / 2, 40), y = r.y + r.h / 2;
  await page.mouse.move(x, y);
  await settle(page, 30);
  if (double) await page.mouse.dblclick(x, y, { button }); else await page.mouse.click(x, y, { button });
  await settle(page, 30);
}

// Clicks the widget labelled `label` and gives the file chooser it opens `files` (a path, or
// { name, mimeType, buffer }), as a person picks a file.
export async function chooseFile(page, label, files) {
  const choosing = page.waitForEvent('filechooser');   // listening before the click
  await click(page, label);
  await (await choosing).setFiles(files);
}

// Scrolls with the mouse wheel over `area` (a labelled widget, by default the framework grid) until
// the widget labelled `label` is on screen, as a person scrolls to find it; returns its rectangle.
export async function scrollTo(page, label, area = 'framework-canvas') {
  for (let i = 0; i < 30; ++i) {
    await page.evaluate(() => window.waymark.settled());
    const r = await page.evaluate((l) => window.waymark.rect(l), label);
    if (r.ok !== false && r.h >= 20) return r;
    const a = await rect(page, area);
    await page.mouse.move(a.x + a.w / 2, a.y + a.h / 2);
    await page.mouse.wheel(0, 200);
    await settle(page, 50);
  }
  return rect(page, label);
}

// Types `text` into the focused field and confirms it with Enter, as a person does.
export async function typeAndEnter(page, text) {
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
  await settle(page, 150);
}

// Polls until `check()` holds, letting frames settle between tries: frames are drawn on demand and
// can be slow on a busy machine. Throws with `what` after `timeout` ms; returns what `check` returned.
export async function until(page, check, what, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await settle(page, 100);
  }
}

export async function stats(page) { return page.evaluate(() => window.waymark.stats()); }

export async function screenshot(page, name) {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

// True when a screenshot has real content: enough distinct colours and non-background pixels.
export async function notBlank(page) {
  return page.evaluate(() => {
    const off = window.waymark.picture();   // the tile layer (software GL) and the canvas over it
    const d = off.getContext('2d').getImageData(0, 0, off.width, off.height).data;
    const colours = new Set();
    let differing = 0;
    const [r0, g0, b0] = [d[0], d[1], d[2]];
    for (let i = 0; i < d.length; i += 4 * 7) {
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      if (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) > 30) differing++;
    }
    return { colours: colours.size, differing, sampled: d.length / 28 };
  });
}

// axe-core (from npm) run in the page against WCAG 2.0–2.2 A and AA: the violations, each as
// "rule (n nodes): help — first target". An empty list is a pass.
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export async function axeViolations(page) {
  const source = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_AA);
  return result.violations.map((v) => `${v.id} (${v.nodes.length} nodes): ${v.help} — ${v.nodes[0].target.join(' ')}`);
}

// The pixels of a screen rectangle of the canvas (CSS px = device px at DPR 1), as RGB triples in
// rows, and the most frequent one (the rectangle's background).
export async function canvasPixels(page, r) {
  const { w, h, data } = await page.evaluate((r) => {
    const g = window.waymark.picture().getContext('2d');
    const w = Math.ceil(r.w), h = Math.ceil(r.h);
    return { w, h, data: Array.from(g.getImageData(Math.floor(r.x), Math.floor(r.y), w, h).data) };
  }, r);
  const rgb = [];
  for (let i = 0; i < data.length; i += 4) rgb.push([data[i], data[i + 1], data[i + 2]]);
  const counts = new Map();
  for (const p of rgb) { const key = p.join(); counts.set(key, (counts.get(key) || 0) + 1); }
  let bg = rgb[0], n = 0;
  for (const [key, count] of counts) if (count > n) { bg = key.split(',').map(Number); n = count; }
  return { w, h, rgb, bg };
}

// Opens the sample's journey map with the most cards among those with an emotion lane (curves
// across the body); resolves to that journey as exported.
export async function showEmotionMap(page) {
  const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
  const journey = ws.journeys.filter((j) => j.lanes.some((l) => l.kind === 'emotion')).sort((a, b) => b.cards.length - a.cards.length)[0];
  const shown = await page.evaluate((id) => window.waymark.show('journey', id), journey.id);
  if (!shown.ok) throw new Error(`the map of ${journey.title} did not open: ${JSON.stringify(shown)}`);
  await settle(page, 400);
  return journey;
}

// The whole canvas's pixels kept in the page under `name`, to compare two pictures of it.
export async function keepCanvas(page, name) {
  await page.evaluate((name) => {
    const c = window.waymark.picture();
    (window.__kept ||= {})[name] = { w: c.width, h: c.height, data: c.getContext('2d').getImageData(0, 0, c.width, c.height).data };
  }, name);
}

// Pixels of kept picture `a` or `b` with no pixel of the other within `reach` pixels of it closer
// than `near` per channel (both ways), above the bottom `skipBottom` rows; a picture of them (red
// over `a`) is written to `path` when there are any. reach 0, near 0: exactly the same pixels.
export async function differingPixels(page, a, b, path, { reach = 0, near = 0, skipBottom = 0 } = {}) {
  const { count, png } = await page.evaluate(({ a, b, reach, near, skipBottom }) => {
    const A = window.__kept[a], B = window.__kept[b];
    if (A.w !== B.w || A.h !== B.h) return { count: A.w * A.h, png: null };
    const out = new Uint8ClampedArray(A.data.length);
    const close = (p, i, q, j) => Math.abs(p[i] - q[j]) <= near && Math.abs(p[i + 1] - q[j + 1]) <= near && Math.abs(p[i + 2] - q[j + 2]) <= near;
    let count = 0;
    for (const [p, q] of [[A.data, B.data], [B.data, A.data]])
      for (let y = reach; y < A.h - Math.max(reach, skipBottom); ++y)
        for (let x = reach; x < A.w - reach; ++x) {
          const i = (y * A.w + x) * 4;
          let found = false;
          for (let dy = -reach; dy <= reach && !found; ++dy)
            for (let dx = -reach; dx <= reach && !found; ++dx) found = close(p, i, q, ((y + dy) * A.w + x + dx) * 4);
          if (!found) { ++count; out[i] = 255; out[i + 3] = 255; }
        }
    if (!count) return { count, png: null };
    const c = document.createElement('canvas');
    c.width = A.w; c.height = A.h;
    const g = c.getContext('2d');
    g.putImageData(new ImageData(A.data.slice(), A.w, A.h), 0, 0);
    g.globalAlpha = 0.25; g.fillStyle = '#fff'; g.fillRect(0, 0, A.w, A.h); g.globalAlpha = 1;
    const marks = document.createElement('canvas');
    marks.width = A.w; marks.height = A.h;
    marks.getContext('2d').putImageData(new ImageData(out, A.w, A.h), 0, 0);
    g.drawImage(marks, 0, 0);
    return { count, png: c.toDataURL('image/png') };
  }, { a, b, reach, near, skipBottom });
  if (png) await writeFile(path, Buffer.from(png.split(',')[1], 'base64'));
  return count;
}

// The DOM mirror for screen readers (web/mirror.js), read as Chromium's accessibility tree and walked
// with the keyboard.

// From the canvas to the menubar: F6 until it has focus (canvas → view → menus). While the view's
// mirror is being made again, one F6 can leave focus where it is, so this presses it up to six times.
export async function toMenubar(page) {
  const there = () => page.evaluate(() => !!document.activeElement.closest('[role="menubar"]'));
  for (let i = 0; i < 6 && !(await there()); ++i) {
    await page.keyboard.press('F6');
    await page.evaluate(() => window.waymark.settled());   // the frame the focus change asked for
  }
  if (!(await there())) throw new Error('F6 does not reach the menubar');
}

// Keyboard only: Ctrl+K, a name, Enter; resolves once `reached(stats)` holds.
export async function goTo(page, name, reached, what) {
  await page.keyboard.press('Control+K');
  await until(page, async () => (await stats(page)).palette.open, 'Go to anything');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await until(page, async () => reached(await stats(page)), what);
}

export async function axTree(context, page) {
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes;
}
export const named = (nodes, role) => nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value ?? '');
// The first grid (or table) as the tree has it: its rows in order, each a list of [role, name] of its cells.
export function gridRows(nodes, role = 'grid') {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const rows = [];
  const walk = (n) => {
    if (!n) return;
    if (n.role?.value === 'row' && !n.ignored) {
      rows.push((n.childIds || []).map((id) => byId.get(id)).filter((c) => c && !c.ignored).map((c) => [c.role?.value, c.name?.value ?? '']));
      return;
    }
    for (const id of n.childIds || []) walk(byId.get(id));
  };
  walk(nodes.find((n) => !n.ignored && n.role?.value === role));
  return rows;
}

// Keyboard only: presses Tab (Shift+Tab with `back`) until the focused element is named `name` (its
// aria-label, else its <label>'s text, else its text; a RegExp or a string), at most `max` times.
export async function tabTo(page, name, { back = false, max = 80 } = {}) {
  for (let i = 0; i <= max; ++i) {
    const now = await page.evaluate(() => { const e = document.activeElement; return e.getAttribute('aria-label') || (e.labels?.length ? e.labels[0].textContent : e.textContent); });
    if (name instanceof RegExp ? name.test(now) : now === name) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${name}`);
}

// A PNG export (web/png.js) held after its first part until window.__releasePngParts(): on a fast
// machine (or a slow test runner) every part could otherwise be drawn before the test looks. The
// font samples drawn before the parts (64 pixels wide: png.js facesLoaded) are not held.
export async function holdPngParts(page) {
  await page.evaluate(() => {
    const decode = HTMLImageElement.prototype.decode;
    let parts = 0;
    const gate = new Promise((resolve) => { window.__releasePngParts = resolve; });
    HTMLImageElement.prototype.decode = async function () { if (this.width > 64 && ++parts > 1) await gate; return decode.call(this); };
  });
}
