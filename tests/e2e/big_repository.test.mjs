// A repository of 100,000 insights through the real UI: a CSV of 100,000 rows is chosen in the
// Insights view's file chooser; it is read in slices under a progress dialog (progress reported
// many times, the page answering meanwhile), Cancel leaves the document byte for byte as it was;
// read again, its columns are mapped in the dialog with real clicks and imported as one undo step;
// then a search typed into the view filters the 100,000 rows, and the table scrolls.
// Timings are printed, never asserted (bench/big_repository_bench.mjs measures them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openApp, screenshot, stats, rect, settle, click, ARTIFACTS } from './lib.mjs';

const ROWS = 100000;
let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const titleOf = (r) => `Finding ${r} about roaming fees`;
// Headers a research team's spreadsheet might have: Name, Kind, Evidence status, Date and Labels
// are recognised; Notes is not, and is mapped to Text by hand.
function bigCsv(file) {
  const kinds = ['observation', 'pain', 'need', 'quote', 'gain', 'trend'], evidence = ['assumed', 'observed', 'validated'];
  const lines = ['Name,Notes,Kind,Evidence status,Date,Labels'];
  for (let r = 0; r < ROWS; ++r)
    lines.push(`${titleOf(r)},"Customers said ""the bill was higher than expected"" in interview ${r % 977}.",` +
               `${kinds[r % 6]},${evidence[r % 3]},${r % 4 ? `2025-${String(r % 12 + 1).padStart(2, '0')}-15` : ''},roaming; billing`);
  writeFileSync(file, lines.join('\r\n') + '\r\n');
}

// Reads the rectangle of the last drawn frame without waiting for the app to settle (it does not
// while it works in slices) and clicks there, as a person would.
async function clickNow(page, label) {
  const r = await page.evaluate((l) => window.waymark.rect(l), label);
  assert.notEqual(r.ok, false, `${label} is on screen`);
  await page.mouse.click(r.x + Math.min(r.w / 2, 40), r.y + r.h / 2);
}
const drawn = async (page, label) => (await page.evaluate((l) => window.waymark.rect(l), label)).ok !== false;

async function chooseFile(page, file, beforeChoosing = async () => {}) {
  const choosing = page.waitForEvent('filechooser');
  await click(page, 'Import insights CSV…');
  const chooser = await choosing;
  await beforeChoosing();
  await chooser.setFiles(file);
}

test('100,000 insights: read in slices with progress and Cancel, mapped, imported in one step, searched, scrolled', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: 1000 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    // A blank workspace: all 100,000 rows fit under the limit of 100,000 insights.
    await click(page, 'File');
    await click(page, 'New blank workspace');
    await settle(page, 300);
    await click(page, 'Insights');
    assert.equal((await stats(page)).view, 'insights');
    const file = join(ARTIFACTS, 'insights-100k.csv');
    bigCsv(file);
    const blank = await page.evaluate(() => window.waymark.exportJson());

    // 1. Read under a progress dialog, then cancelled: nothing changes. The test runs the page's
    // frames itself here, one at a time, so that the click surely lands while the file is being read
    // (the app reads at most 8,192 rows a frame; left alone, a fast machine reads it all before the
    // test could click).
    const hold = () => page.evaluate(() => {
      const raf = window.requestAnimationFrame.bind(window);
      const held = [];
      let holding = true;
      window.requestAnimationFrame = (cb) => (holding ? held.push(cb) : raf(cb));
      window.__frame = () => held.splice(0).forEach((cb) => cb(performance.now()));
      window.__release = () => { holding = false; window.__frame(); };
    });
    await chooseFile(page, file, hold);
    let s = await stats(page);
    for (let n = 0; !(s.importing.phase === 'reading' && s.importing.done > 0 && await drawn(page, 'Cancel import progress')) && n < 200; ++n) {
      await page.evaluate(() => window.__frame());
      s = await stats(page);
    }
    assert.equal(s.importing.phase, 'reading', 'the file is being read');
    assert.ok(s.importing.running && s.importing.total >= ROWS + 1, JSON.stringify(s.importing));
    assert.ok(s.importing.done < s.importing.total);
    await clickNow(page, 'Cancel import progress');
    await page.evaluate(() => window.__release());
    for (let n = 0; (s = await stats(page)).importing.phase !== '' && n < 200; ++n) await page.waitForTimeout(20);
    assert.equal(s.importing.phase, '', 'cancelled while reading (not finished before the click)');
    assert.equal(s.importing.running, false);
    assert.equal(s.insights, 0);
    assert.equal(s.message, 'The import was cancelled; nothing was imported.');
    assert.equal(await page.evaluate(() => window.waymark.exportJson()), blank, 'the document is byte for byte as it was');
    await settle(page, 100);
    assert.equal(await drawn(page, 'Cancel import progress'), false, 'the progress dialog is gone');

    // 2. Read again, to the end, and checked against the guessed mapping: progress reported as it
    // goes, the work spread over many frames, and the page answering all along.
    await page.evaluate(() => window.waymark.frameTimes());
    await chooseFile(page, file);
    const progress = new Set();
    let answers = 0, pictured = false;
    const t0 = Date.now();
    for (s = await stats(page); s.importing.phase === '' && Date.now() - t0 < 20000;) s = await stats(page);   // the file arrives
    for (; s.importing.running || s.importing.phase === 'reading'; s = await stats(page)) {
      ++answers;   // each answer is a round trip through the page's main thread, between two frames
      progress.add(`${s.importing.phase} ${s.importing.done}`);
      if (!pictured && s.importing.phase === 'reading' && s.importing.done > 0) {
        pictured = true;
        assert.ok(await drawn(page, 'Cancel import progress'), 'the progress dialog offers Cancel');
        await screenshot(page, 'big-import-progress');
      }
      assert.ok(Date.now() - t0 < 60000, 'reading and checking end');
    }
    const reading = await page.evaluate(() => window.waymark.frameTimes());
    console.log(`reading and checking ${ROWS} rows: ${Date.now() - t0} ms in ${s.importing.slices} frames of work, ` +
                `${answers} answers from the page meanwhile, progress seen at ${progress.size} points; ` +
                `frame CPU p50 ${reading.p50.toFixed(1)} ms, p95 ${reading.p95.toFixed(1)} ms, max ${reading.max.toFixed(1)} ms over ${reading.count} frames`);
    assert.equal(s.importing.phase, 'mapping');
    assert.ok(s.importing.slices > 5, `the work was spread over ${s.importing.slices} frames`);
    assert.ok(progress.size >= 2 && answers >= 2, `progress was seen while it ran (${[...progress].join(', ')})`);

    // 3. The dialog: the guessed mapping, Notes mapped to Text by hand; the rows are checked again
    // (in slices), then "Import 100000 insights" adds them all as one undo step.
    await rect(page, 'map Notes');
    await click(page, 'map Notes');
    await click(page, 'Text');
    const importLabel = `Import ${ROWS} insights`;
    await rect(page, importLabel);
    await screenshot(page, 'big-import-dialog');
    await page.evaluate(() => window.waymark.frameTimes());
    await click(page, importLabel);
    for (let n = 0; (s = await stats(page)).insights !== ROWS && n < 500; ++n) await page.waitForTimeout(20);
    assert.equal(s.insights, ROWS);
    assert.equal(s.document.undoLabel, `Import ${ROWS} insights from \u201Cinsights-100k.csv\u201D`);
    assert.equal(s.importing.phase, '');
    const applying = await page.evaluate(() => window.waymark.frameTimes());
    console.log(`import click to ${ROWS} insights drawn: frame CPU max ${applying.max.toFixed(1)} ms over ${applying.count} frames`);
    await settle(page, 300);
    s = await stats(page);
    assert.equal(s.insightsView.shown, ROWS);
    assert.ok(await drawn(page, titleOf(0)), 'the first row (by title) is drawn');
    await screenshot(page, 'big-imported');
    const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    const last = ws.insights[ROWS - 1];
    assert.equal(last.title, titleOf(ROWS - 1));
    assert.equal(last.text, `Customers said "the bill was higher than expected" in interview ${(ROWS - 1) % 977}.`);
    assert.deepEqual(last.tags, ['roaming', 'billing']);

    // 4. A search typed key by key: only the matching rows are listed.
    await click(page, 'Search insights');
    await page.keyboard.type('INTERVIEW 976.', { delay: 5 });
    await settle(page, 200);
    const matching = [];
    for (let r = 0; r < ROWS; ++r) if (r % 977 === 976) matching.push(titleOf(r));
    matching.sort();   // the table's order: by title
    s = await stats(page);
    assert.equal(s.insightsView.shown, matching.length, 'case ignored, every matching row and no other');
    assert.ok(await drawn(page, matching[0]), 'the first match is listed');
    assert.equal(await drawn(page, titleOf(0)), false, 'a row that does not match is not');
    await screenshot(page, 'big-search');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await settle(page, 200);
    assert.equal((await stats(page)).insightsView.shown, ROWS);

    // 5. Scrolling: the wheel over the table brings later rows on screen and takes the first off.
    const sorted = Array.from({ length: ROWS }, (_, r) => titleOf(r)).sort();   // the table's order: by title
    assert.ok(await drawn(page, sorted[0]));
    const table = await rect(page, sorted[0]);
    await page.mouse.move(table.x + 100, table.y + 200);
    for (let k = 0; k < 15; ++k) { await page.mouse.wheel(0, 300); await settle(page, 30); }
    assert.equal(await drawn(page, sorted[0]), false, 'the first row has scrolled away');
    let first = -1;
    for (let i = 1; i < 2000 && first < 0; ++i) if (await drawn(page, sorted[i])) first = i;
    assert.ok(first > 20, `rows further down are drawn (the first on screen is number ${first} by title)`);
    await screenshot(page, 'big-scrolled');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
