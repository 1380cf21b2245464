// View › Text size: the whole UI drawn larger, crisply (fonts rasterised at the new size, not a
// bitmap scaled up), clicks still land where things are drawn, and the choice is remembered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, stats, notBlank, click, rect, settle, until } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

async function chooseSize(page, label) {
  await click(page, 'View');
  await click(page, 'Text size');
  await click(page, label);
}

test('View › Text size 150 % draws the UI half as large again, clicks still land, and it is remembered', async () => {
  const { context, close } = await launch();
  try {
    let { page, errors } = await openApp(context, srv.url);
    assert.equal((await stats(page)).textSize, 100);
    const before = await rect(page, 'Backlog');
    await chooseSize(page, '150 %');
    await until(page, async () => (await stats(page)).textSize === 150, 'text size 150 %');
    await settle(page, 300);
    const after = await rect(page, 'Backlog');
    const ratio = after.h / before.h;
    assert.ok(ratio > 1.35 && ratio < 1.65, `the Backlog button is 1.5 × as tall (${before.h} → ${after.h})`);
    await screenshot(page, 'text-size-150');
    const px = await notBlank(page);
    assert.ok(px.colours > 40 && px.differing > px.sampled * 0.05, 'the larger UI is drawn');
    // The canvas keeps its device pixels: the text is drawn at the larger size, not stretched.
    const canvas = await page.evaluate(() => [document.getElementById('canvas').width, window.innerWidth * devicePixelRatio]);
    assert.equal(canvas[0], canvas[1]);

    // A real click on the larger button opens the view.
    await click(page, 'Backlog');
    await until(page, async () => (await stats(page)).view === 'backlog', 'the backlog after a click at 150 %');
    // Typing lands in the field under the click too.
    await click(page, 'Framework');
    await until(page, async () => (await stats(page)).view === 'framework', 'the framework');
    await click(page, 'Buying a phone plan');
    await until(page, async () => (await stats(page)).view === 'journey', 'the journey map at 150 %');
    await click(page, 'Journey title');
    await page.keyboard.press('End');
    await page.keyboard.type(' (big)');
    await page.keyboard.press('Enter');
    await until(page, async () => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace.journeys
      .some((j) => j.title === 'Buying a phone plan (big)'), 'the typed title');
    await screenshot(page, 'text-size-150-map');

    await page.reload();
    await page.waitForFunction(() => window.waymark && window.waymark.ready, null, { timeout: 20000 });
    await page.evaluate(() => window.waymark.ready);
    assert.equal((await stats(page)).textSize, 150, 'remembered after a reload');
    await chooseSize(page, '100 %');
    await until(page, async () => (await stats(page)).textSize === 100, 'back to 100 %');
    await settle(page, 200);
    const back = await rect(page, 'Backlog');
    assert.ok(Math.abs(back.h - before.h) < 1.5, `back to its size (${back.h} vs ${before.h})`);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
