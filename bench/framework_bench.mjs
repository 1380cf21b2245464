// Framework grid benchmark: prints figures, never asserts timings.
// A generated framework of 1,000 journeys over 4 levels: pan by dragging and by wheel, zoom with
// Ctrl+wheel, fold and unfold, then waymark.frameTimes() (CPU ms per drawn frame).
// Aim (issue 6): p95 frame CPU <= 4 ms. (Roll-up recompute after one edit: bench_kpi, native.)
// Usage: node bench/framework_bench.mjs   (after scripts/build-web)
import { startServer, launch, openApp, settle } from '../tests/e2e/lib.mjs';

const srv = await startServer();
const { context, close } = await launch({ viewport: { width: 1600, height: 1000 }, checkExports: false });
const { page } = await openApp(context, srv.url);

await page.evaluate(() => window.waymark.generate({ journeys: 1000, levels: 4, stepsPerJourney: 8, lanesPerJourney: 6, cardsPerCell: 1, seed: 11 }));
await page.evaluate(() => window.waymark.show('framework'));
await settle(page, 800);
const s = await page.evaluate(() => window.waymark.stats());
const f = (t) => `${t.count} frames, p50 ${t.p50.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms, max ${t.max.toFixed(2)} ms`;
const cx = 900, cy = 650;
await page.mouse.move(cx, cy);
await page.evaluate(() => window.waymark.frameTimes());   // reset the window of measured frames
const t0 = Date.now();
for (let round = 0; round < 3; ++round) {
  await page.mouse.move(cx, cy);
  await page.mouse.down({ button: 'middle' });
  for (let k = 1; k <= 40; ++k) await page.mouse.move(cx - k * 12, cy - k * 10);
  await page.mouse.up({ button: 'middle' });
}
const pan = await page.evaluate(() => window.waymark.frameTimes());
for (let k = 0; k < 60; ++k) await page.mouse.wheel(0, k % 20 < 10 ? 120 : -120);
const wheel = await page.evaluate(() => window.waymark.frameTimes());
await page.keyboard.down('Control');
for (let k = 0; k < 40; ++k) await page.mouse.wheel(0, k < 20 ? 60 : -60);
await page.keyboard.up('Control');
const zoom = await page.evaluate(() => window.waymark.frameTimes());
const secs = ((Date.now() - t0) / 1000).toFixed(1);
console.log(`Framework of ${s.journeys} journeys over 4 levels: ${s.framework.tiles} tiles laid out (${secs} s of input)`);
console.log(`  pan (drag):  ${f(pan)}`);
console.log(`  pan (wheel): ${f(wheel)}`);
console.log(`  zoom:        ${f(zoom)}   (aim: p95 <= 4 ms)`);
await close();
await srv.close();
