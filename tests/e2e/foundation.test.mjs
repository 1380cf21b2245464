// Foundation: the page renders, is idle when nothing happens, takes real typing (accents, Cyrillic,
// CJK) and the system clipboard, works offline after one visit, and never talks to another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, stats, notBlank, click, rect, settle, CHROMIUM_ARGS } from './lib.mjs';
import { chromium } from 'playwright-core';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

test('the page renders the sample framework, not a blank canvas', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    await settle(page, 400);
    const s = await stats(page);
    assert.equal(s.view, 'framework');
    assert.equal(s.document.name, 'Lumen Mobile');
    assert.ok(s.journeys >= 13, `sample has journeys (${s.journeys})`);
    assert.ok(s.journeysByLevel['1'] >= 4 && s.journeysByLevel['2'] >= 8);
    const pixels = await notBlank(page);
    assert.ok(pixels.colours > 50, `many colours drawn (${pixels.colours})`);
    assert.ok(pixels.differing > pixels.sampled * 0.02, 'a good share of pixels differ from the background');
    // The tiles are real widgets: their rectangles are reported and lie inside the window.
    const tile = await rect(page, 'Buying a phone plan');
    assert.ok(tile.w > 100 && tile.h > 30 && tile.x >= 0 && tile.y > 60);
    await screenshot(page, 'foundation-framework');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('zero frames while idle, frames on mouse move', async () => {
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, srv.url);
    await settle(page, 1000);  // let start-up and hover timers finish
    const before = await page.evaluate(() => window.waymark.frames());
    await page.waitForTimeout(2000);
    const idle = await page.evaluate(() => window.waymark.frames());
    assert.equal(idle - before, 0, 'no frame drawn in 2 s without input');
    await page.mouse.move(300, 300);
    await page.mouse.move(320, 310);
    await settle(page, 200);
    const moved = await page.evaluate(() => window.waymark.frames());
    assert.ok(moved > idle, 'mouse movement draws frames');
    const t = await page.evaluate(() => window.waymark.frameTimes());
    assert.ok(t.count > 0 && t.p50 >= 0 && t.max >= t.p95);
  } finally { await close(); }
});

test('typing accents, Cyrillic and CJK into a text field, undo, and the clipboard both ways', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await click(page, 'Buying a phone plan');
    let s = await stats(page);
    assert.equal(s.view, 'journey');
    const journeyId = s.viewId;

    const title = 'Zoë größe Привет 日本語';
    await click(page, 'Journey title');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(title, { delay: 10 });
    await page.keyboard.press('Enter');
    await settle(page, 300);
    let doc = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    let journey = doc.workspace.journeys.find((j) => j.id === journeyId);
    assert.equal(journey.title, title);
    s = await stats(page);
    assert.equal(s.document.canUndo, true);
    assert.match(s.document.undoLabel, /^Rename journey/);
    // CJK glyphs are fetched lazily, the first time they are needed.
    await settle(page, 600);
    assert.ok(requests.some((u) => u.includes('/fonts/cjk.ttf')), 'CJK font loaded on demand');
    await screenshot(page, 'foundation-unicode-title');

    // Copy: select the title text and Ctrl+C; the system clipboard receives it.
    await click(page, 'Journey title');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await settle(page, 100);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), title);

    // Paste: text put on the system clipboard arrives in the field with Ctrl+V.
    await page.evaluate(() => navigator.clipboard.writeText('Paste ✓ ü Ж 中'));
    await page.keyboard.press('End');
    await page.keyboard.press('Control+V');
    await page.keyboard.press('Enter');
    await settle(page, 300);
    doc = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    journey = doc.workspace.journeys.find((j) => j.id === journeyId);
    assert.equal(journey.title, title + 'Paste ✓ ü Ж 中');

    // Undo twice (outside the text field) restores the original title.
    await page.mouse.click(900, 760);
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await settle(page, 200);
    doc = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    journey = doc.workspace.journeys.find((j) => j.id === journeyId);
    assert.equal(journey.title, 'Buying a phone plan');
    // Undone edits are saved again like any other change.
    await page.waitForFunction(() => window.waymark.stats().storage.status === 'saved');
    s = await stats(page);
    assert.equal(s.document.dirty, false);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a key pressed and released within one frame is not lost', async () => {
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, srv.url);
    await click(page, 'Buying a phone plan');
    await click(page, 'Journey title');
    await page.keyboard.press('Control+A');
    // Dispatch press+release pairs back to back, faster than frames are drawn.
    await page.evaluate(() => {
      const ta = document.getElementById('text-input');
      for (const ch of 'abc') {
        ta.value = ch;
        ta.dispatchEvent(new InputEvent('input', { data: ch, inputType: 'insertText' }));
      }
      for (const type of ['keydown', 'keyup', 'keydown', 'keyup'])
        ta.dispatchEvent(new KeyboardEvent(type, { code: 'Backspace', key: 'Backspace', bubbles: true }));
    });
    await page.keyboard.press('Enter');
    await settle(page, 300);
    const s = await stats(page);
    const doc = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    assert.equal(doc.workspace.journeys.find((j) => j.id === s.viewId).title, 'a');
  } finally { await close(); }
});

test('a first visit downloads each file once and the 4 MB CJK font only when a CJK character is drawn', async () => {
  const local = await startServer();
  // What the server sent: path → statuses (200 a download, 304 "still current, use your copy").
  const sent = new Map();
  local.server.on('request', (req, res) => res.on('finish', () => {
    const path = new URL(req.url, 'http://x').pathname;
    sent.set(path, [...(sent.get(path) || []), res.statusCode]);
  }));
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, local.url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    const downloads = (path) => (sent.get(path) || []).filter((status) => status === 200).length;
    for (const path of ['/waymark.wasm', '/waymark.deferred.wasm', '/waymark.js', '/mirror.js', '/fonts/ui.ttf', '/fonts/ui-bold.ttf',
                      '/fonts/ui-blocks.ttf', '/fonts/ui-bold-blocks.ttf'])
      assert.equal(downloads(path), 1, `${path} downloaded once (the worker revalidated it): ${sent.get(path)}`);
    assert.equal(downloads('/fonts/cjk.ttf') + downloads('/fonts/symbols.ttf'), 0, 'no lazy font before it is needed');

    // A CJK title: the font comes through the worker, which keeps it for offline use.
    await page.evaluate(() => {
      const doc = JSON.parse(window.waymark.exportJson());
      doc.workspace.name = '日本語のワークスペース';
      return window.waymark.importJson(JSON.stringify(doc));
    });
    await settle(page, 300);
    const cached = () => page.evaluate(async () => {
      for (const key of await caches.keys())
        if ((await (await caches.open(key)).keys()).some((r) => r.url.includes('/fonts/cjk.ttf'))) return true;
      return false;
    });
    const end = Date.now() + 20000;
    while (!(await cached())) {
      if (Date.now() > end) throw new Error('the CJK font was not kept by the service worker');
      await settle(page, 200);
    }
    assert.equal(downloads('/fonts/cjk.ttf'), 1, 'the CJK font downloaded once, when needed');
    assert.equal(downloads('/fonts/symbols.ttf'), 0, 'the symbol font still not needed');
  } finally {
    await close();
    await local.close();
  }
});

test('after one visit the app loads and renders with the server stopped', async () => {
  const local = await startServer();
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, local.url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await local.close();
    await page.reload();
    await page.waitForFunction(() => window.waymark && window.waymark.ready);
    await page.evaluate(() => window.waymark.ready);
    await settle(page, 400);
    const s = await stats(page);
    assert.equal(s.document.name, 'Lumen Mobile');
    const pixels = await notBlank(page);
    assert.ok(pixels.colours > 50);
    await screenshot(page, 'foundation-offline');
  } finally { await close(); }
});

test('no request leaves the origin', async () => {
  const { context, close } = await launch();
  try {
    const urls = [];
    context.on('request', (r) => urls.push(r.url()));
    const { page } = await openApp(context, srv.url);
    await click(page, 'Getting started');
    await page.mouse.move(400, 400);
    await page.mouse.wheel(0, 300);
    await settle(page, 500);
    const origin = new URL(srv.url).origin;
    const foreign = urls.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, []);
    assert.ok(urls.length >= 5);
  } finally { await close(); }
});

test('crisp on high-DPI screens: the canvas follows the device pixel ratio and resizes', async () => {
  const { context, close } = await launch({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
  try {
    const { page } = await openApp(context, srv.url);
    await settle(page, 300);
    let size = await page.evaluate(() => ({ w: canvas.width, h: canvas.height, cw: canvas.clientWidth }));
    assert.equal(size.w, 1800);
    assert.equal(size.h, 1200);
    await screenshot(page, 'foundation-hidpi');
    await page.setViewportSize({ width: 700, height: 500 });
    await settle(page, 400);
    size = await page.evaluate(() => ({ w: canvas.width, h: canvas.height }));
    assert.equal(size.w, 1400);
    assert.equal(size.h, 1000);
    const r = await rect(page, 'Framework');
    assert.ok(r.x + r.w < 700, 'layout follows the new size');
  } finally { await close(); }
});

test('without WebGL 2 the page says so in plain words', async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-webgl2'] });
  try {
    const page = await browser.newPage();
    await page.goto(srv.url);
    await page.waitForSelector('#fatal:not([hidden])', { timeout: 10000 });
    const text = await page.textContent('#fatal');
    assert.match(text, /WebGL 2/);
    await page.screenshot({ path: new URL('./artifacts/foundation-no-webgl.png', import.meta.url).pathname });
  } finally { await browser.close(); }
});

test('a new version replaces the old one cleanly, never mixing files of two versions', async () => {
  const { mkdtempSync, cpSync, appendFileSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { execFileSync } = await import('node:child_process');
  const { serve } = await import('../../scripts/static-server.mjs');
  const { SITE, ROOT } = await import('./lib.mjs');
  const site = mkdtempSync(join(tmpdir(), 'waymark-site-'));
  cpSync(SITE, site, { recursive: true });
  const server = await serve(site, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, url);
    const oldBuild = await page.evaluate(() => window.waymark.build);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    // Publish a new version into the served folder: a changed page runtime gives a new build id.
    const web = mkdtempSync(join(tmpdir(), 'waymark-web-'));
    cpSync(join(ROOT, 'web'), web, { recursive: true });
    appendFileSync(join(web, 'app.js'), '\n// next version\n');
    execFileSync(join(ROOT, 'scripts', 'stage-web'), [web, site]);
    const newBuild = readFileSync(join(site, 'build-id.txt'), 'utf8').trim();
    assert.notEqual(newBuild, oldBuild);

    // Reloading still shows the old version (it is what is installed) and offers the new one.
    await page.reload();
    await page.evaluate(() => window.waymark.ready);
    assert.equal(await page.evaluate(() => window.waymark.build), oldBuild);
    await page.waitForSelector('#update button', { timeout: 15000 });
    await page.click('#update button');
    await page.waitForFunction((b) => window.waymark && window.waymark.build === b, newBuild, { timeout: 15000 });
    await page.evaluate(() => window.waymark.ready);
    const versions = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).searchParams.get('v')).filter(Boolean));
    assert.ok(versions.length >= 4);
    assert.deepEqual([...new Set(versions)], [newBuild], 'every file of the page comes from the new version');
    assert.equal((await stats(page)).document.name, 'Lumen Mobile');
  } finally {
    await close();
    await new Promise((r) => server.close(r));
  }
});
