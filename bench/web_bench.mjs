// Browser benchmarks: print figures, never assert timings.
//   - download size (raw and gzip) of everything the page loads before its first frame, and of the
//     code's second part that comes after it (and whether each load needed it earlier, on demand)
//   - navigation → first frame, median of 5 cold loads (fresh profile each time) and of 5 warm ones
//     (the same profile reloaded: HTTP cache, compiled code, database), with the phases on the way
//     (performance marks of web/app.js: wasm compiled, app started, document open, first frame,
//     the next frame begun, by when the first has been composited and is on screen; on a warm load
//     also the second part in place), and of 3 cold loads on a throttled line
//   - wasm heap at start
//   - JSON export/import and binary snapshot save/load of generated workspaces (1k/10k/100k cards)
// Usage: node bench/web_bench.mjs   (after scripts/build-web)
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openApp, SITE } from '../tests/e2e/lib.mjs';

const srv = await startServer();
const fmt = (n) => (n / 1024).toFixed(1) + ' KB';
const median = (a) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];

// Download size and first frame, cold and warm.
const PHASES = ['wasm', 'started', 'opened', 'ready', 'shown'];
const phaseNames = [...PHASES, 'deferred'];
async function phases(page) {
  return page.evaluate((names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(`waymark:${n}`)[0]?.startTime ?? NaN])), phaseNames);
}
const loads = [];
let sizes = null;
// Load 0 reads every response's body (through the DevTools protocol) to count the download; that
// slows the page and makes its times swing by ±200 ms, so it is not one of the 5 timed loads.
for (let i = 0; i <= 5; i++) {
  const { context, close } = await launch({ checkExports: false });
  const bodies = [];
  const page = context.pages()[0];
  const keep = async (r) => { const at = Date.now(); try { bodies.push({ url: r.url(), body: await r.body(), at }); } catch { /* redirects */ } };
  if (i === 0) page.on('response', keep);
  await openApp(context, srv.url);
  const first = await page.evaluate(() => window.waymark.firstFrameMs());
  const firstAt = await page.evaluate(() => performance.timeOrigin + window.waymark.firstFrameMs());
  const heap = await page.evaluate(() => window.waymark.heapBytes());
  const cold = await phases(page);
  const coldParts = await page.evaluate(() => window.waymark.codeParts());
  if (i === 0) {
    await page.waitForTimeout(300);
    page.off('response', keep);
    // Responses that had begun when the first frame was drawn (the bold face comes after it).
    sizes = bodies.filter((b) => !b.url.includes('cjk.ttf') && b.at <= firstAt).map((b) => ({ url: new URL(b.url).pathname, raw: b.body.length, gz: gzipSync(b.body, { level: 9 }).length }));
    await close();
    continue;
  }
  // Warm: the same profile again (after the service worker has had its moment).
  await page.waitForTimeout(1500);
  await page.reload();
  await page.waitForFunction(() => window.waymark && window.waymark.ready);
  await page.evaluate(() => window.waymark.ready);
  loads.push({ first, heap, cold, warm: await phases(page), warmFirst: await page.evaluate(() => window.waymark.firstFrameMs()),
               parts: [coldParts, await page.evaluate(() => window.waymark.codeParts())] });
  await close();
}
console.log('Download before the first frame (CJK font loads lazily, not counted):');
for (const s of sizes) console.log(`  ${s.url.padEnd(28)} ${fmt(s.raw).padStart(10)} raw ${fmt(s.gz).padStart(10)} gzip`);
const total = sizes.reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz }), { raw: 0, gz: 0 });
console.log(`  ${'total'.padEnd(28)} ${fmt(total.raw).padStart(10)} raw ${fmt(total.gz).padStart(10)} gzip   (aim: <= 350 KB gzip)`);
// The code's second part (scripts/split-wasm) comes after the first frame; a load that needed it
// earlier fetched it on demand (codeParts().placeholder names the function: build/web/link/waymark.wasm.placeholders).
{
  const deferred = join(SITE, 'waymark.deferred.wasm');
  if (existsSync(deferred)) {
    const bytes = readFileSync(deferred);
    console.log(`  ${'after it: waymark.deferred.wasm'.padEnd(28)} ${fmt(bytes.length).padStart(10)} raw ${fmt(gzipSync(bytes, { level: 9 }).length).padStart(10)} gzip`);
  }
  const how = loads.flatMap((l) => l.parts.map((p) => (p.deferred === 'on demand' ? `on demand (placeholder ${p.placeholder})` : p.deferred)));
  console.log(`  the second part arrived, per load (cold and warm): ${how.join(', ')}`);
}
console.log(`Navigation -> first frame, cold, median of 5: ${median(loads.map((l) => l.first)).toFixed(0)} ms (all: ${loads.map((l) => l.first.toFixed(0)).join(', ')}; aim <= 400 ms)`);
console.log(`Navigation -> first frame, warm, median of 5: ${median(loads.map((l) => l.warmFirst)).toFixed(0)} ms (all: ${loads.map((l) => l.warmFirst.toFixed(0)).join(', ')}; aim <= 200 ms)`);
for (const kind of ['cold', 'warm'])
  console.log(`  ${kind} phases, medians (ms from navigation): ` + PHASES.map((n) => `${{ wasm: 'wasm compiled', started: 'app started', opened: 'document open', ready: 'first frame', shown: 'next frame begins (the first on screen)' }[n]} ${median(loads.map((l) => l[kind][n])).toFixed(0)}`).join(' · '));
{
  const warmDeferred = loads.map((l) => l.warm.deferred).filter((t) => !Number.isNaN(t));
  console.log(`  warm: the second part in place (a return visit takes it before the first frame) ${warmDeferred.length ? median(warmDeferred).toFixed(0) + ' ms' : 'never before the first frame'}`);
}
// Cold over a line like a user's rather than localhost: what the download before the first frame
// costs (DevTools network throttling, 10 Mbit/s down, 40 ms latency).
{
  const throttled = [];
  for (let i = 0; i < 3; i++) {
    const { context, close } = await launch({ checkExports: false });
    const page = context.pages()[0] || await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 });
    await openApp(context, srv.url);
    throttled.push(await page.evaluate(() => window.waymark.firstFrameMs()));
    await close();
  }
  console.log(`Navigation -> first frame, cold at 10 Mbit/s and 40 ms latency, median of 3: ${median(throttled).toFixed(0)} ms (all: ${throttled.map((t) => t.toFixed(0)).join(', ')})`);
}
console.log(`Wasm heap at start: ${(loads[0].heap / 1048576).toFixed(1)} MB (aim <= 64 MB)`);

// Save/load in the browser.
const { context, close } = await launch({ checkExports: false });
const { page } = await openApp(context, srv.url);
for (const cards of [1000, 10000, 100000]) {
  const spec = { journeys: 20, levels: 3, stepsPerJourney: 25, lanesPerJourney: 10, cardsPerCell: 1, seed: 7 };
  // 20 journeys x 25 steps x ~card lanes: scale cards per cell to reach the target.
  spec.cardsPerCell = Math.max(1, Math.round(cards / (20 * 25 * 6)));
  const r = await page.evaluate((s) => {
    window.waymark.generate(s);
    const stats = window.waymark.stats();
    let t = performance.now();
    const text = window.waymark.exportJson();
    const exportMs = performance.now() - t;
    t = performance.now();
    const ok = window.waymark.importJson(text);
    const importMs = performance.now() - t;
    const snap = window.waymark.benchSnapshot();
    return { cards: stats.cards, bytes: text.length, exportMs, importMs, ok: ok.ok, snap, heap: window.waymark.heapBytes() };
  }, spec);
  console.log(`${String(r.cards).padStart(7)} cards: JSON ${fmt(r.bytes)} export ${r.exportMs.toFixed(0)} ms, import ${r.importMs.toFixed(0)} ms (${r.ok ? 'ok' : 'FAILED'}); ` +
              `binary ${fmt(r.snap.bytes)} save ${r.snap.saveMs.toFixed(0)} ms, load ${r.snap.loadMs.toFixed(0)} ms; heap ${(r.heap / 1048576).toFixed(0)} MB`);
}
await close();

// Storage: a generated document is stored as a new document; time until it is durable (snapshot
// written and committed in IndexedDB), then the time to open it again on reload.
{
  const { context, close } = await launch({ checkExports: false });
  const { page } = await openApp(context, srv.url);
  await page.waitForFunction(() => window.waymark.stats().storage.status === 'saved');
  const baseline = await page.evaluate(() => window.waymark.firstFrameMs());
  for (const cardsPerCell of [4, 40]) {
    const spec = { journeys: 20, levels: 3, stepsPerJourney: 25, lanesPerJourney: 10, cardsPerCell, seed: 3 };
    const r = await page.evaluate(async (s) => {
      window.waymark.generate(s);
      const t0 = performance.now();
      while (window.waymark.stats().storage.status !== 'saved') await new Promise((ok) => setTimeout(ok, 2));
      return { cards: window.waymark.stats().cards, durableMs: performance.now() - t0 };
    }, spec);
    await page.reload();
    await page.evaluate(() => window.waymark.ready);
    const opened = await page.evaluate(() => window.waymark.firstFrameMs());
    console.log(`${String(r.cards).padStart(7)} cards: new document durable ${r.durableMs.toFixed(0)} ms after it was made; ` +
                `reload to first frame ${opened.toFixed(0)} ms (an empty start: ${baseline.toFixed(0)} ms)`);
  }
  await close();
}
await srv.close();
