// The big repository in the browser: prints figures, never asserts timings.
// A CSV of 100,000 insights imported through the real UI (Insights › Import insights CSV…, the
// column dialog, Import) into a blank workspace; then a search typed into the Insights view, the
// table scrolled, the autosave, and a binary snapshot save/load of the result.
// Figures: wall time of each stage; CPU ms per drawn frame (waymark.frameTimes) — the longest
// frame is what the page could not answer input for; and the browser's long tasks (> 50 ms of
// main thread, anything, also outside a frame, e.g. the file handed to the app).
// Usage: node bench/big_repository_bench.mjs   (after scripts/build-web; WAYMARK_SITE=… for another build)
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, openApp, settle, rect } from '../tests/e2e/lib.mjs';

const ROWS = 100000;
const srv = await startServer();
const { context, close } = await launch({ viewport: { width: 1400, height: 900 } });
const { page } = await openApp(context, srv.url);
const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-'));
const f = (t) => `${t.count} frames, p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, max ${t.max.toFixed(1)} ms`;
const stats = () => page.evaluate(() => window.waymark.stats());
const now = () => performance.now();
// Polls without waiting for the app to settle (it does not while it works in slices); each poll is
// a round trip through the page's main thread, so a blocked page shows as a slow poll too.
async function until(fn, timeoutMs = 300000) {
  const t0 = now();
  for (;;) {
    if (await fn()) return now() - t0;
    if (now() - t0 > timeoutMs) throw new Error('timed out');
    await page.waitForTimeout(20);
  }
}
const drawn = async (label) => (await page.evaluate((l) => window.waymark.rect(l), label)).ok !== false;
async function clickAt(label) {
  const r = await page.evaluate((l) => window.waymark.rect(l), label);
  if (r.ok === false) throw new Error(r.error);
  await page.mouse.click(r.x + Math.min(r.w / 2, 40), r.y + r.h / 2);
}
async function longTasks() {
  return page.evaluate(() => {
    const list = window.__longTasks || [];
    window.__longTasks = [];
    return { count: list.length, max: list.length ? Math.max(...list) : 0, total: list.reduce((a, b) => a + b, 0) };
  });
}
const lt = (t) => `${t.count} long tasks, longest ${t.max.toFixed(0)} ms, ${t.total.toFixed(0)} ms in all`;

try {
  // A blank workspace, so that all 100,000 rows fit under the 100,000-insight limit.
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ entryTypes: ['longtask'] });
  });
  await page.mouse.click(...await (async () => { const r = await rect(page, 'File'); return [r.x + 10, r.y + r.h / 2]; })());
  await settle(page, 100);
  const nb = await rect(page, 'New blank workspace');
  await page.mouse.click(nb.x + 20, nb.y + nb.h / 2);
  await settle(page, 300);
  await page.evaluate(() => window.waymark.show('insights'));
  await settle(page, 300);

  const lines = ['Title,Text,Type,Evidence,Last validated,Tags'];
  const types = ['observation', 'pain', 'need', 'quote', 'gain', 'trend'], evidence = ['assumed', 'observed', 'validated'];
  for (let r = 0; r < ROWS; ++r)
    lines.push(`Finding ${r} about roaming fees and plan changes,"Customers said ""the bill was higher than expected"" in interview ${r % 977}.",` +
               `${types[r % 6]},${evidence[r % 3]},${r % 4 ? `2025-${String(r % 12 + 1).padStart(2, '0')}-15` : ''},roaming; billing`);
  const file = join(dir, 'insights-100k.csv');
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  console.log(`Big repository: ${ROWS.toLocaleString('en')} insights from a ${(lines.join('\r\n').length / 1e6).toFixed(1)} MB CSV, into a blank workspace`);

  await page.evaluate(() => window.waymark.frameTimes());
  await longTasks();
  // The hand-over of the file to the app (outside any frame): the app's side of it, timed.
  await page.evaluate(() => {
    const call = Module._wm_call;
    window.__handOver = [];
    Module._wm_call = (n, a) => {
      const t = performance.now();
      const r = call(n, a);
      if (Module.UTF8ToString(n) === 'fileChosen') window.__handOver.push(performance.now() - t);
      return r;
    };
  });
  const choosing = page.waitForEvent('filechooser');
  await clickAt('Import insights CSV…');
  const chooser = await choosing;
  const t0 = now();
  await chooser.setFiles(file);
  // Read and checked: the mapping dialog with its Import button for every row.
  const importLabel = `Import ${ROWS} insights`;
  await until(async () => (await stats()).insights === 0 && await drawn(importLabel));
  const tRead = now() - t0;
  const readFrames = await page.evaluate(() => window.waymark.frameTimes());
  const readTasks = await longTasks();
  const t1 = now();
  await clickAt(importLabel);
  await until(async () => (await stats()).insights === ROWS);
  const tApply = now() - t1;
  const applyFrames = await page.evaluate(() => window.waymark.frameTimes());
  const applyTasks = await longTasks();
  const handOver = await page.evaluate(() => window.__handOver);
  console.log(`  read and check: ${(tRead / 1000).toFixed(2)} s until the dialog offers "${importLabel}"; ` +
              `the file handed to the app in ${handOver.map((ms) => ms.toFixed(0) + ' ms').join(', ') || '(one call)'}`);
  console.log(`    frames: ${f(readFrames)}; ${lt(readTasks)}`);
  console.log(`  import (click to ${ROWS} in the document): ${tApply.toFixed(0)} ms; frames: ${f(applyFrames)}; ${lt(applyTasks)}`);

  // The autosave of the big document, and the snapshot itself.
  const tSave = await until(async () => (await stats()).storage.status === 'saved');
  const saveTasks = await longTasks();
  const saveFrames = await page.evaluate(() => window.waymark.frameTimes());
  console.log(`  autosave: stored ${tSave.toFixed(0)} ms after the import was in; frames: ${f(saveFrames)}; ${lt(saveTasks)}`);
  await settle(page, 200);
  const snap = await page.evaluate(() => window.waymark.benchSnapshot());
  console.log(`  snapshot of ${ROWS} insights: ${(snap.bytes / 1e6).toFixed(1)} MB, save ${snap.saveMs.toFixed(0)} ms, load (with validation) ${snap.loadMs.toFixed(0)} ms`);
  await longTasks();

  // A search typed into the view, key by key.
  await page.evaluate(() => window.waymark.frameTimes());
  await clickAt('Search insights');
  await settle(page, 100);
  await page.evaluate(() => window.waymark.frameTimes());
  const t2 = now();
  await page.keyboard.type('interview 12', { delay: 0 });
  await page.evaluate(() => window.waymark.settled());
  const tSearch = now() - t2;
  const searchFrames = await page.evaluate(() => window.waymark.frameTimes());
  const s = await stats();
  const shown = s.insightsView ? ` (showing ${s.insightsView.shown})` : '';
  console.log(`  search "interview 12" typed key by key: ${tSearch.toFixed(0)} ms until drawn${shown}; frames: ${f(searchFrames)}; ${lt(await longTasks())}`);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await settle(page, 200);

  // Scrolling the whole table.
  const table = await rect(page, 'Finding 0 about roaming fees and plan changes');   // the first row (by title)
  await page.mouse.move(table.x + 200, table.y + 300);
  await page.evaluate(() => window.waymark.frameTimes());
  const t3 = now();
  for (let k = 0; k < 40; ++k) await page.mouse.wheel(0, 400);
  await page.evaluate(() => window.waymark.settled());
  const tScroll = now() - t3;
  console.log(`  scroll (40 wheel steps): ${tScroll.toFixed(0)} ms; frames: ${f(await page.evaluate(() => window.waymark.frameTimes()))}`);

  // Saves keep coming: undo and redo the import, each redo autosaving the big document again. A
  // save lists the document's history afterwards; that must not grow with the snapshots kept.
  const redoSaves = [];
  for (let k = 0; k < 6; ++k) {
    await page.keyboard.press('Control+Z');
    await until(async () => { const t = await stats(); return t.insights === 0 && t.storage.status === 'saved'; });
    await page.evaluate(() => window.waymark.frameTimes());
    await longTasks();
    const t = now();
    await page.keyboard.press('Control+Shift+Z');
    await until(async () => { const t = await stats(); return t.insights === ROWS && t.storage.status === 'saved'; });
    redoSaves.push({ ms: now() - t, frames: await page.evaluate(() => window.waymark.frameTimes()), tasks: await longTasks() });
  }
  const snapshots = (await stats()).storage.snapshots;
  console.log(`  redo and autosave, 6 times (${snapshots} snapshots kept at the end): ` +
              redoSaves.map((r) => `${r.ms.toFixed(0)} ms (frame max ${r.frames.max.toFixed(0)}, longest task ${r.tasks.max.toFixed(0)})`).join('; '));
} finally {
  rmSync(dir, { recursive: true, force: true });
  await close();
  await srv.close();
}
