// A touch screen: a tap is a press that comes with its move, with no hover before it. A row of the
// backlog, of the insights list and a persona's card are items ImGui lets others overlap, hovered
// only from the frame after the pointer arrived; the platform holds such a press until a frame has
// seen the pointer there (src/platform/web_platform.cpp, feed), so one tap selects, as one click does.
// A finger dragged over the map's empty cells pans it, as a mouse drag does. (A tap on a map cell,
// then Enter: journey_editor.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, stats, rect, settle, click, screenshot, showEmotionMap } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const centre = (r) => ({ x: r.x + Math.min(r.w / 2, 60), y: r.y + r.h / 2 });

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

    let label = null;   // a card on screen
    for (const c of journey.cards) {
      const r = await page.evaluate((l) => window.waymark.rect(l), `card ${c.text}`);
      if (!label && c.text && r.ok !== false && r.x > 550 && r.x + r.w < 1000 && r.y > 480 && r.y + r.h < 740) label = `card ${c.text}`;
    }
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
