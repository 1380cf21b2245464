// Journey map benchmark: prints figures, never asserts timings.
// A generated 200-step × 30-lane journey with one card per cell, and a typical 20 × 12 map: pan by
// dragging and by wheel, zoom with Ctrl+wheel for a few seconds each, then waymark.frameTimes()
// (CPU ms per drawn frame). Aims (issue 5): p95 ≤ 4 ms on the big map, ≤ 1.5 ms on the typical one.
// Usage: node bench/map_bench.mjs   (after scripts/build-web)
import { startServer, launch, openApp, settle } from '../tests/e2e/lib.mjs';

const srv = await startServer();
const { context, close } = await launch({ viewport: { width: 1600, height: 1000 }, checkExports: false });
const { page } = await openApp(context, srv.url);

async function run(label, spec, aim) {
  await page.evaluate((s) => window.waymark.generate(s), spec);
  const id = await page.evaluate(() => {
    const ws = JSON.parse(window.waymark.exportJson()).workspace;
    return ws.journeys.slice().sort((a, b) => b.cards.length - a.cards.length)[0].id;
  });
  await page.evaluate((j) => window.waymark.show('journey', j), id);
  await settle(page, 500);
  const s = await page.evaluate(() => window.waymark.stats());
  const cx = 900, cy = 650;
  await page.mouse.move(cx, cy);
  await page.evaluate(() => window.waymark.frameTimes());      // reset the window of measured frames
  const t0 = Date.now();
  // Pan by dragging the map (press on an empty spot of the body is a pan).
  for (let round = 0; round < 3; ++round) {
    await page.mouse.move(cx, cy);
    await page.mouse.down({ button: 'middle' });
    for (let k = 1; k <= 40; ++k) await page.mouse.move(cx - k * 15, cy - k * 6);
    await page.mouse.up({ button: 'middle' });
  }
  const pan = await page.evaluate(() => window.waymark.frameTimes());
  for (let k = 0; k < 60; ++k) await page.mouse.wheel(k % 20 < 10 ? 120 : -120, 80);
  const wheel = await page.evaluate(() => window.waymark.frameTimes());
  await page.keyboard.down('Control');
  for (let k = 0; k < 40; ++k) await page.mouse.wheel(0, k < 20 ? 60 : -60);
  await page.keyboard.up('Control');
  const zoom = await page.evaluate(() => window.waymark.frameTimes());
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const f = (t) => `${t.count} frames, p50 ${t.p50.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms, max ${t.max.toFixed(2)} ms`;
  console.log(`${label}: ${s.steps} steps, ${s.lanes} lanes, ${s.cards} cards in the workspace (${secs} s of input)`);
  console.log(`  pan (drag):  ${f(pan)}`);
  console.log(`  pan (wheel): ${f(wheel)}`);
  console.log(`  zoom:        ${f(zoom)}   (aim: p95 <= ${aim} ms)`);
}

await run('Big map (200 x 30)', { journeys: 2, levels: 2, stepsPerJourney: 200, lanesPerJourney: 30, cardsPerCell: 1, seed: 5 }, 4);
await run('Typical map (20 x 12)', { journeys: 2, levels: 2, stepsPerJourney: 20, lanesPerJourney: 12, cardsPerCell: 1, seed: 5 }, 1.5);
await close();
await srv.close();
