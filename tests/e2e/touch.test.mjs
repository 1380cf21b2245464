// A touch screen: a tap is a press that comes with its move, with no hover before it. A row of the
// backlog, of the insights list and a persona's card are items ImGui lets others overlap, hovered
// only from the frame after the pointer arrived; the platform holds such a press until a frame has
// seen the pointer there (src/platform/web_platform.cpp, feed), so one tap selects, as one click does.
// (A tap on a map cell, then Enter: journey_editor.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, stats, rect, settle, click, screenshot } from './lib.mjs';

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
