// Merging two copies of a 10,000-card workspace in the browser: prints figures, never asserts them
// (the goal is under 1 s). A workspace is generated (waymark.generate) and stored (its first save
// stamps it) in one browser profile and exported; a colleague's copy is made from that file: texts of
// 5% of the cards edited and 1% new cards (deletes cannot be made in a file by hand: without the
// tombstone only the app writes, a card missing from a file is no news). Two series:
//   - "stamped elsewhere": that copy opened in a second browser profile (importJson: a document of
//     its own, its first save stamps it as another replica) and exported from there — two copies
//     with histories that never met, the heaviest case (every record of one is news to the other);
//   - "without history": the copy as an old Waymark would write it (no merge section).
// Each is merged into the first profile's document with waymark.mergeJson — exactly what File ›
// Merge a file into this workspace… does: the text read and checked like an import, the open
// document stamped, the merge, its report, one undo step — timed in the page around the call. Each
// run is undone (Ctrl+Z) before the next, so every run merges into the same state.
// Usage: node bench/merge_bench.mjs   (after scripts/build-web; WAYMARK_SITE=… for another build)
import { randomUUID } from 'node:crypto';
import { startServer, launch, openApp, settle } from '../tests/e2e/lib.mjs';

const RUNS = 5;
const srv = await startServer();
const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, checkExports: false });
const { page } = await openApp(context, srv.url);
const other = await launch({ viewport: { width: 1280, height: 800 }, checkExports: false });
const { page: otherPage } = await openApp(other.context, srv.url);

// Deterministic pseudo-random choices, so every run of the benchmark changes the same cards (new
// cards get random ids).
let seed = 12345;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

function theirCopy(file) {
  const copy = structuredClone(file);
  delete copy.merge;
  let edited = 0, added = 0;
  for (const j of copy.workspace.journeys) {
    const kept = [];
    for (const c of j.cards) {
      if (random() < 0.05) { c.text += ' (edited in their copy)'; ++edited; }
      kept.push(c);
      if (random() < 0.01) { kept.push({ ...structuredClone(c), id: randomUUID(), text: `New in their copy ${added}` }); ++added; }
    }
    j.cards = kept;
  }
  return { text: JSON.stringify(copy), edited, added };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  await page.mouse.click(6, 794);   // the status bar: keys (Ctrl+Z below) go to the app
  await page.evaluate(() => window.waymark.generate({ journeys: 250, levels: 3, stepsPerJourney: 10, lanesPerJourney: 6, cardsPerCell: 1, seed: 7 }));
  await page.waitForFunction(() => window.waymark.stats().storage.status === 'saved', null, { timeout: 120000 });
  const s = await page.evaluate(() => window.waymark.stats());
  const exported = await page.evaluate(() => window.waymark.exportJson());
  console.log(`workspace: ${s.journeys} journeys, ${s.cards.toLocaleString('en')} cards, file ${(exported.length / 1e6).toFixed(1)} MB`);
  const file = JSON.parse(exported);

  const copy = theirCopy(file);
  // The colleague's browser: the copy becomes a document of its own there, stamped when stored.
  const imported = await otherPage.evaluate((text) => window.waymark.importJson(text), copy.text);
  if (!imported.ok) throw new Error(imported.error);
  await otherPage.waitForFunction(() => window.waymark.stats().storage.status === 'saved', null, { timeout: 120000 });
  const stamped = await otherPage.evaluate(() => window.waymark.exportJson());
  for (const [label, text] of [['stamped elsewhere', stamped], ['without history', copy.text]]) {
    const times = [];
    let report;
    for (let i = 0; i < RUNS; ++i) {
      const r = await page.evaluate((text) => {
        const t0 = performance.now();
        const result = window.waymark.mergeJson(text);
        return { ms: performance.now() - t0, result };
      }, text);
      if (!r.result.ok) throw new Error(r.result.error);
      times.push(r.ms);
      report = r.result.report;
      await settle(page, 50);
      // Back to the state before the merge (one undo step), for the next run.
      await page.keyboard.press('Control+Z');
      await page.waitForFunction(() => !window.waymark.stats().document.undoLabel.startsWith('Merge'), null, { timeout: 60000 });
    }
    console.log(`their copy ${label} (${copy.edited} cards edited, ${copy.added} added): merge ${median(times).toFixed(0)} ms median ` +
      `(goal < 1000 ms); runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms; report: ${report.added} added, ` +
      `${report.changed} changed, ${report.removed} removed, ${report.conflicts.length} conflicts and notes`);
  }
} finally {
  await close();
  await other.close();
  await srv.close();
}
