// A touch screen: a tap is a press that comes with its move, with no hover before it. A row of the
// backlog, of the insights list and a persona's card are items ImGui lets others overlap, hovered
// only from the frame after the pointer arrived; the platform holds such a press until a frame has
// seen the pointer there (src/platform/web_platform.cpp, feed), so one tap selects, as one click does.
// A finger dragged over the map's empty cells pans it, as a mouse drag does. (A tap on a map cell,
// then Enter: journey_editor.test.mjs.) A touchpad pinch zooms the map by the fingers' scale and
// never the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, stats, rect, settle, click, screenshot, showEmotionMap } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const centre = (r) => ({ x: r.x + Math.min(r.w / 2, 60), y: r.y + r.h / 2 });

// The label of the first card of `journey` drawn wholly inside the box x0 < x, right < x1, y0 < y,
// bottom < y1 (CSS px), other than `except`; null when none is.
async function cardWithin(page, journey, [x0, y0, x1, y1], except = null) {
  for (const c of journey.cards) {
    if (!c.text || `card ${c.text}` === except) continue;
    const r = await page.evaluate((l) => window.waymark.rect(l), `card ${c.text}`);
    if (r.ok !== false && r.x > x0 && r.x + r.w < x1 && r.y > y0 && r.y + r.h < y1) return `card ${c.text}`;
  }
  return null;
}

// The first two of `items` whose rows are on screen.
async function onScreen(page, items, label) {
  await settle(page, 100);
  const shown = [];
  for (const item of items) {
    const r = await page.evaluate((l) => window.waymark.rect(l), label(item));
    if (r.ok !== false && r.h > 0 && r.y > 0 && r.y + r.h < 880) shown.push(item);
    if (shown.length === 2) break;
  }
  assert.equal(shown.length, 2, 'two rows on screen');
  return shown;
}

// Taps the row labelled `label` and waits until `selected` (stats().selected's field) is `id`.
async function tap(page, label, field, id) {
  const at = centre(await rect(page, label));
  await page.touchscreen.tap(at.x, at.y);
  await settle(page, 150);
  const selected = (await stats(page)).selected[field];
  assert.equal(selected, id, `one tap on “${label}” selected it`);
}

test('touch: one tap selects a backlog row, an insight and a persona', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: 900 }, hasTouch: true });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;

    await click(page, 'Backlog');
    for (const o of await onScreen(page, ws.opportunities, (o) => o.title)) await tap(page, o.title, 'opportunity', o.id);
    await screenshot(page, 'touch-backlog');

    await click(page, 'Insights');
    for (const i of await onScreen(page, ws.insights, (i) => i.title)) await tap(page, i.title, 'insight', i.id);

    await click(page, 'Personas');
    for (const p of (await onScreen(page, ws.personas, (p) => p.name)).reverse()) await tap(page, p.name, 'persona', p.id);
    await screenshot(page, 'touch-personas');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// A finger on the map (DevTools' touch events: Playwright's touch screen only taps): a tap on a card
// selects it, a drag from an empty cell pans the map with the finger, a drag the system cancels
// moves nothing.
test('touch: a tap selects a card on the map, a finger drag pans it, a cancelled drag moves nothing', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const journey = await showEmotionMap(page);
    const cdp = await context.newCDPSession(page);
    const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });

    const label = await cardWithin(page, journey, [550, 480, 1000, 740]);
    assert.ok(label, 'a card is on screen');
    const at = centre(await rect(page, label));
    await page.touchscreen.tap(at.x, at.y);
    await settle(page, 150);
    let map = (await stats(page)).map;
    assert.equal(map.selection, 'cards', 'the tapped card is selected');
    assert.equal(map.selectedCards, 1);

    // An empty cell on screen, away from the edges; the finger pans from it.
    const steps = journey.stages.flatMap((s) => s.steps);
    let cell = null;
    for (const lane of journey.lanes.filter((l) => l.kind !== 'emotion' && !l.collapsed)) {
      for (const step of steps) {
        if (cell || journey.cards.some((c) => c.lane === lane.id && c.step === step.id)) continue;
        const r = await page.evaluate((l) => window.waymark.rect(l), `cell ${lane.name} ${step.name}`);
        if (r.ok !== false && r.w > 40 && r.h > 30 && r.y > 400 && r.y + r.h < 760 && r.x > 500 && r.x + r.w < 1260) cell = `cell ${lane.name} ${step.name}`;
      }
    }
    assert.ok(cell, 'an empty cell is on screen');
    const before = await rect(page, label);
    const from = centre(await rect(page, cell));
    await touch('touchStart', from.x, from.y);
    for (let k = 1; k <= 10; ++k) {
      await touch('touchMove', from.x - 20 * k, from.y - 8 * k);
      await settle(page, 20);
    }
    await touch('touchEnd');
    await settle(page, 200);
    const after = await rect(page, label);
    assert.ok(Math.abs(after.x - before.x + 200) <= 3 && Math.abs(after.y - before.y + 80) <= 3,
      `the map moved with the finger (the card from ${before.x},${before.y} to ${after.x},${after.y})`);
    map = (await stats(page)).map;
    assert.equal(map.selection, 'cell', 'the press on the empty cell selected it (as a click does)');
    await screenshot(page, 'touch-map-pan');

    // A card dragged by a finger that the system then takes away (touchcancel, pointercancel) goes
    // nowhere; the next tap selects what it taps (with the button left down, it dropped the card there).
    const cardText = label.slice('card '.length);
    const cellOf = (ws) => { const c = ws.journeys.find((j) => j.id === journey.id).cards.find((x) => x.text === cardText); return `${c.lane}/${c.step}`; };
    const wsNow = async () => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    const home = cellOf(await wsNow());
    const grab = centre(await rect(page, label));
    const to = centre(await rect(page, cell));
    await touch('touchStart', grab.x, grab.y);
    for (let k = 1; k <= 8; ++k) {
      await touch('touchMove', grab.x + (to.x - grab.x) * k / 8, grab.y + (to.y - grab.y) * k / 8);
      await settle(page, 20);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchCancel', touchPoints: [] });
    await settle(page, 150);
    assert.equal(cellOf(await wsNow()), home, 'a cancelled drag moved nothing');
    const again = centre(await rect(page, cell));   // where that cell is now (the drag may have scrolled the map)
    await page.touchscreen.tap(again.x, again.y);
    await settle(page, 200);
    assert.equal(cellOf(await wsNow()), home, 'the tap after it did not drop the card');
    map = (await stats(page)).map;
    assert.equal(map.selection, 'cell', `the tap selected the cell it tapped (${JSON.stringify(map)})`);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// A touchpad pinch reaches the page as Ctrl+wheel events without a key (deltaY = -100 ln scale), and
// the browser asks the page whether to zoom itself only with the first of them: the map must zoom by
// the fingers' scale about the point under them, and the page must not zoom at all. The gesture is
// Chromium's own synthetic touchpad pinch (the browser's path for a real touchpad), at a point inside
// headless Chromium's real window (800 × 600, whatever the emulated viewport). A notch of a mouse
// wheel with Ctrl held still zooms one step.
test('touchpad: a pinch zooms the map by the fingers\' scale about them, never the page; Ctrl+wheel a step', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const journey = await showEmotionMap(page);
    const cdp = await context.newCDPSession(page);
    const label = await cardWithin(page, journey, [300, 250, 700, 550]);   // near the middle of the real window
    assert.ok(label, 'a card is under the fingers');
    const picked = async () => (await stats(page)).map;
    const r0 = await rect(page, label);
    await page.mouse.click(r0.x + r0.w / 2, r0.y + r0.h / 2);   // selected (the details open beside the map)
    await settle(page, 300);
    assert.equal((await picked()).selectedCards, 1);
    const before = await rect(page, label);
    const at = { x: Math.round(before.x + before.w / 2), y: Math.round(before.y + before.h / 2) };
    await page.mouse.move(at.x, at.y);
    await settle(page, 100);
    const z0 = (await stats(page)).map.zoom;

    const pinch = (scaleFactor, { x, y } = at) => cdp.send('Input.synthesizePinchGesture', { x, y, scaleFactor, relativeSpeed: 800, gestureSourceType: 'mouse' });
    await pinch(1.5);
    await settle(page, 500);
    assert.equal(await page.evaluate(() => window.visualViewport.scale), 1, 'the page did not zoom');
    const z1 = (await stats(page)).map.zoom;
    assert.ok(Math.abs(z1 / z0 - 1.5) < 0.02, `the map zoomed by the fingers' scale (${z0} → ${z1})`);
    const after = await rect(page, label);
    assert.ok(Math.abs(after.w / before.w - 1.5) < 0.05, `the card grew with it (${before.w} → ${after.w} px wide)`);
    assert.ok(Math.abs(after.x + after.w / 2 - at.x) <= 3 && Math.abs(after.y + after.h / 2 - at.y) <= 3,
      `the card stayed under the fingers (its centre at ${after.x + after.w / 2},${after.y + after.h / 2}, the fingers at ${at.x},${at.y})`);
    await screenshot(page, 'touchpad-pinch-in');

    await pinch(1 / 1.5);
    await settle(page, 500);
    assert.equal(await page.evaluate(() => window.visualViewport.scale), 1, 'the page did not zoom');
    const z2 = (await stats(page)).map.zoom;
    assert.ok(Math.abs(z2 / z0 - 1) < 0.02, `pinched back, the map is at its zoom again (${z0} → ${z2})`);

    // A pinch's Ctrl is no key held: the next click selects one card, as a click does.
    const other = await cardWithin(page, journey, [300, 450, 1200, 740], label);
    assert.ok(other, 'another card is on screen');
    const o = await rect(page, other);
    await page.mouse.click(o.x + o.w / 2, o.y + o.h / 2);
    await settle(page, 150);
    assert.equal((await picked()).selection, 'cards');
    assert.equal((await picked()).selectedCards, 1, 'the click after a pinch selected that card alone (not a Ctrl+click)');
    await page.mouse.move(at.x, at.y);

    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await settle(page, 200);
    const z3 = (await stats(page)).map.zoom;
    assert.ok(Math.abs(z3 / z2 - 1.1617) < 0.01, `a notch of the wheel with Ctrl held zoomed one step (${z2} → ${z3})`);

    // The framework grid zooms the same way.
    await page.evaluate(() => window.waymark.show('framework'));
    await settle(page, 400);
    const g0 = (await stats(page)).framework.zoom;
    await page.mouse.move(500, 400);
    await pinch(1.5, { x: 500, y: 400 });
    await settle(page, 500);
    assert.equal(await page.evaluate(() => window.visualViewport.scale), 1, 'the page did not zoom');
    const g1 = (await stats(page)).framework.zoom;
    assert.ok(Math.abs(g1 / g0 - 1.5) < 0.02, `the grid zoomed by the fingers' scale (${g0} → ${g1})`);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// Two fingers on a touch screen: their spread zooms the map about their midpoint, moved together they
// pan it, and the card the first finger landed on is not dragged. The page never zooms (the canvas
// takes every touch: touch-action none).
test('touch: two fingers zoom the map about their midpoint and pan it; the card under the first stays put', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const journey = await showEmotionMap(page);
    const cdp = await context.newCDPSession(page);
    const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    const label = await cardWithin(page, journey, [450, 430, 900, 700]);   // a card with room around it
    assert.ok(label, 'a card is on screen');
    const cardText = label.slice('card '.length);
    const cellOf = async () => {
      const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
      const c = ws.journeys.find((j) => j.id === journey.id).cards.find((x) => x.text === cardText);
      return `${c.lane}/${c.step}`;
    };
    const home = await cellOf();
    const before = await rect(page, label);
    const c0 = { x: before.x + before.w / 2, y: before.y + before.h / 2 };
    const mid = { x: c0.x + 50, y: c0.y };
    const z0 = (await stats(page)).map.zoom;
    assert.equal((await stats(page)).map.selection, 'none');

    // The first finger on the card, the second 100 px right of it; then they spread to 150 px.
    await touch('touchStart', [[c0.x, c0.y]]);
    await settle(page, 60);
    await touch('touchStart', [[c0.x, c0.y], [c0.x + 100, c0.y]]);
    await settle(page, 60);
    for (let k = 1; k <= 10; ++k) {
      const half = 50 + 2.5 * k;
      await touch('touchMove', [[mid.x - half, mid.y], [mid.x + half, mid.y]]);
      await settle(page, 20);
    }
    await touch('touchEnd', []);
    await settle(page, 500);
    assert.equal(await page.evaluate(() => window.visualViewport.scale), 1, 'the page did not zoom');
    const z1 = (await stats(page)).map.zoom;
    assert.ok(Math.abs(z1 / z0 - 1.5) < 0.02, `the map zoomed by the fingers' spread (${z0} → ${z1})`);
    const after = await rect(page, label);
    const want = { x: mid.x - 1.5 * (mid.x - c0.x), y: mid.y };
    assert.ok(Math.abs(after.x + after.w / 2 - want.x) <= 3 && Math.abs(after.y + after.h / 2 - want.y) <= 3,
      `the map zoomed about the fingers' midpoint (the card's centre at ${after.x + after.w / 2},${after.y + after.h / 2}, expected ${want.x},${want.y})`);
    assert.equal(await cellOf(), home, 'the card under the first finger was not dragged');
    assert.equal((await stats(page)).map.selection, 'none', 'nor is it selected: the press began a zoom');
    await screenshot(page, 'touch-two-finger-zoom');

    // Both fingers moved together by (-100, -40): the map pans with them, at the same zoom.
    const from = { x: 640, y: 560 };
    await touch('touchStart', [[from.x, from.y]]);
    await settle(page, 60);
    await touch('touchStart', [[from.x, from.y], [from.x + 120, from.y]]);
    await settle(page, 60);
    for (let k = 1; k <= 10; ++k) {
      await touch('touchMove', [[from.x - 10 * k, from.y - 4 * k], [from.x + 120 - 10 * k, from.y - 4 * k]]);
      await settle(page, 20);
    }
    await touch('touchEnd', []);
    await settle(page, 300);
    const panned = await rect(page, label);
    assert.ok(Math.abs(panned.x - after.x + 100) <= 3 && Math.abs(panned.y - after.y + 40) <= 3,
      `the map moved with the fingers (the card from ${after.x},${after.y} to ${panned.x},${panned.y})`);
    assert.ok(Math.abs((await stats(page)).map.zoom / z1 - 1) < 0.01, 'at the same zoom');
    assert.equal(await cellOf(), home, 'no card was dragged');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
