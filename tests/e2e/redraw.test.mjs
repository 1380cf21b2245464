// Issue 17: a frame draws again only the part of the window that changed (platform/gl_renderer,
// layout/damage); the rest of the canvas keeps the last frame's pixels. What a person sees must be
// exactly what a full redraw shows, after pans, hovers, a selection, typing, a menu opened and
// closed, a theme change. Each check keeps the canvas drawn partially, then draws the whole window
// (waymark.partialRedraw(false)) and compares pixel for pixel: any stale patch shows up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, launch, openApp, stats, click, settle, until, typeAndEnter, screenshot, keepCanvas, differingPixels, showEmotionMap, rect, ARTIFACTS } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

// The canvas's pixels once the document is saved and no frame is pending (the status bar shows "Saved").
async function keep(page, name) {
  await until(page, async () => !(await stats(page)).dirty, 'the document is saved');
  await settle(page, 150);
  await page.evaluate(() => window.waymark.settled());
  await keepCanvas(page, name);
}

let compared = 0;
async function sameAsFullRedraw(page, what) {
  await keep(page, 'partial');
  await page.evaluate(() => window.waymark.partialRedraw(false));
  await settle(page, 150);
  await keep(page, 'full');
  await page.evaluate(() => window.waymark.partialRedraw(true));
  await settle(page, 150);
  const path = join(ARTIFACTS, `redraw-diff-${++compared}.png`);
  const n = await differingPixels(page, 'partial', 'full', path);
  assert.equal(n, 0, `${what}: ${n} pixels differ between the partial and the full redraw (marked in ${path})`);
}

const counts = (page) => page.evaluate(() => window.waymark.redrawCounts());

test('partial redraws: the map after pans, hover, selection, typing, a menu and a theme is what a full redraw draws', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const journey = await showEmotionMap(page);
    await sameAsFullRedraw(page, 'the map as opened');

    // A pan by dragging with the middle button: the menus, the journey's header and the status bar
    // stay as they are; only the map's part of the window is drawn again.
    await page.mouse.move(700, 560);
    await settle(page, 100);
    await counts(page);
    await page.mouse.down({ button: 'middle' });
    for (let i = 1; i <= 8; ++i) { await page.mouse.move(700 - i * 25, 560 - i * 10); await settle(page, 40); }
    await page.mouse.up({ button: 'middle' });
    await settle(page, 200);
    const pan = await counts(page);
    assert.ok(pan.frames >= 4, `the pan drew frames (${JSON.stringify(pan)})`);
    // On software GL the page draws the body's tiles under the canvas (the tile layer), and the
    // canvas draws again only the headers and labels around them.
    assert.ok(pan.drawn > (pan.layered ? 0.05 : 0.2) && pan.drawn < (pan.layered ? 0.35 : 0.8),
              `a pan draws the map's part of the window again, not all of it (${JSON.stringify(pan)})`);
    await sameAsFullRedraw(page, 'the map after a drag');

    // A pan by wheel, the pointer then resting on a card (its hover and tooltip come and go).
    for (let i = 0; i < 5; ++i) { await page.mouse.wheel(70, 40); await settle(page, 50); }
    const card = journey.cards[0];
    const r = await page.evaluate((t) => window.waymark.rect(`card ${t}`), card.text);
    if (r.ok !== false && r.w > 0) await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
    await settle(page, 900);
    await sameAsFullRedraw(page, 'the map after a wheel pan, a card hovered');

    // Nothing changes under a pointer moved over the status bar: those frames draw nothing.
    await counts(page);
    for (let i = 0; i < 4; ++i) { await page.mouse.move(900 + i * 3, 790); await settle(page, 60); }
    const still = await counts(page);
    assert.ok(still.frames >= 1 && still.unchanged >= 1, `frames that change nothing draw nothing (${JSON.stringify(still)})`);

    // The journey's title typed into (the header above the map), then a click on an empty spot of the map.
    await click(page, 'Journey title');
    await page.keyboard.press('End');
    await typeAndEnter(page, ' (drawn)');
    await until(page, async () => (await page.evaluate(() => JSON.parse(window.waymark.exportJson()).workspace.journeys))
      .some((j) => j.title.endsWith(' (drawn)')), 'the title changed');
    await sameAsFullRedraw(page, 'the map after typing its title');

    // A menu opened over the map and closed again.
    await click(page, 'View');
    await settle(page, 200);
    await sameAsFullRedraw(page, 'the View menu open over the map');
    await page.keyboard.press('Escape');
    await settle(page, 200);
    await sameAsFullRedraw(page, 'the View menu closed');

    // The other theme: every pixel changes.
    const theme = (await stats(page)).theme;
    await counts(page);
    await click(page, 'View');
    await click(page, theme === 'dark' ? 'Light theme' : 'Dark theme');
    await until(page, async () => (await stats(page)).theme !== theme, 'the theme changed');
    await settle(page, 200);
    assert.ok((await counts(page)).full >= 1, 'a theme change draws the whole window');
    await sameAsFullRedraw(page, 'the map in the other theme');
    await screenshot(page, 'redraw-map');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// A wheel event that arrives between two browser frames is drawn at once, in its own task, when
// nothing has been drawn for the next frame yet (web/app.js, "draw-ahead"): on a software
// rasteriser the GPU process runs it while the page waits. Never more than one drawing a frame.
test('a fast wheel pan is drawn ahead of the frames, never twice for one frame, and shows what a full redraw shows', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const journey = await showEmotionMap(page);
    await page.mouse.move(700, 560);
    await settle(page, 200);
    const cdp = await context.newCDPSession(page);
    const where = () => page.evaluate((t) => window.waymark.rect(`card ${t}`), journey.cards[0].text);
    const before = await where();
    await page.evaluate(() => window.waymark.drawCounts());
    // 60 wheel events 8 ms apart, sent without waiting for the page (a touchpad's or a free wheel's rate).
    const sent = [];
    for (let i = 0; i < 60; i++) {
      sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: 700, y: 560, deltaX: 12, deltaY: 6 }));
      await new Promise((r) => setTimeout(r, 8));
    }
    await Promise.all(sent);
    await settle(page, 400);
    const c = await page.evaluate(() => window.waymark.drawCounts());
    const after = await where();
    assert.ok(before.w > 0 && (after.x !== before.x || after.y !== before.y), `the wheel panned the map (a card at ${JSON.stringify(before)}, then ${JSON.stringify(after)})`);
    assert.ok(c.ahead >= 1, `wheel events were drawn ahead of the frames (${JSON.stringify(c)})`);
    assert.ok(c.ahead + c.inFrames <= c.ticks + 1, `at most one drawing per animation frame (${JSON.stringify(c)})`);
    await sameAsFullRedraw(page, 'the map after a fast wheel pan drawn ahead');
    // Waiting for the app to settle right after a wheel drawn ahead ends (the frame it was drawn for
    // draws nothing more, and says so).
    for (let i = 0; i < 5; i++) {
      await cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: 700, y: 560, deltaX: -12, deltaY: -6 });
      const done = await Promise.race([page.evaluate(() => window.waymark.settled().then(() => true)),
        new Promise((r) => setTimeout(() => r(false), 3000))]);
      assert.ok(done, `settled() right after wheel ${i + 1} resolves`);
    }
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// The framework's zoom is written once the frame's camera is known (ui/framework/view.cpp ZoomSlot).
// Written with the toolbar, the first frame showed the zoom before the grid was fitted, and the frame
// after it the fitted one, moving the buttons beside it and drawing the whole grid again.
test("the framework's first frame shows the zoom its grid is drawn at; the toolbar does not move after it", async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    // The canvas as the app's first frame left it, kept by the page's frame loop.
    await context.addInitScript(() => {
      const raf = window.requestAnimationFrame;
      window.requestAnimationFrame = (cb) => raf((t) => {
        cb(t);
        if (!window.__firstFrame && window.waymark && window.waymark.firstFrameMs() > 0)
          window.__firstFrame = document.getElementById('canvas').toDataURL();
      });
    });
    const { page } = await openApp(context, srv.url);
    await settle(page, 500);
    await page.reload();   // the stored sample opened, as on every return
    await page.waitForFunction(() => window.waymark && window.waymark.ready && window.__firstFrame);
    await page.evaluate(() => window.waymark.ready);
    await settle(page, 300);
    assert.equal((await stats(page)).view, 'framework');
    const plus = await rect(page, '+ framework-zoom'), fold = await rect(page, 'Fold all framework');
    const row = { x: plus.x, y: Math.min(plus.y, fold.y), w: fold.x + fold.w + 40 - plus.x, h: Math.max(plus.h, fold.h) };
    const differing = await page.evaluate(async (r) => {
      const img = new Image();
      img.src = window.__firstFrame;
      await img.decode();
      const region = (source) => {
        const g = new OffscreenCanvas(r.w, r.h).getContext('2d');
        g.drawImage(source, -r.x, -r.y);
        return g.getImageData(0, 0, r.w, r.h).data;
      };
      const first = region(img), now = region(document.getElementById('canvas'));
      let n = 0;
      for (let i = 0; i < first.length; i += 4) if (first[i] !== now[i] || first[i + 1] !== now[i + 1] || first[i + 2] !== now[i + 2]) n++;
      return n;
    }, row);
    await screenshot(page, 'redraw-framework-zoom');
    assert.equal(differing, 0, `the zoom and the buttons beside it as the first frame drew them (${differing} pixels differ)`);
  } finally { await close(); }
});
