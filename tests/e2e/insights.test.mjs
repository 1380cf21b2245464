// The insight repository with real mouse and keyboard: search and the "stale only" filter show
// exactly the insights they should (computed here from the exported document, with the scoring's
// staleness rule), an evidence edit lands in the document, an insight dragged onto a journey cell
// gains that step, the CSV export through the real download holds every insight, and a CSV import
// through the file chooser maps columns, imports the good rows and lists the bad ones with reasons.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openApp, screenshot, stats, notBlank, rect, settle, ARTIFACTS, click, chooseFile } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

async function drawn(page, label) {
  await settle(page, 50);
  const r = await page.evaluate((l) => window.waymark.rect(l), label);
  return r.ok !== false;
}
const doc = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;

function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
// scoring::insight_is_stale: assumed never; otherwise never validated or older than the threshold.
function isStale(ws, i) {
  if (i.evidence === 'assumed') return false;
  if (!i.last_validated) return true;
  const day = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
  return day(todayIso()) - day(i.last_validated) > ws.settings.stale_after_days;
}

test('search and stale filter, evidence edit, drag onto a journey cell, CSV export', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: 1000 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await click(page, 'Insights');
    assert.equal((await stats(page)).view, 'insights');
    let ws = await doc(page);
    assert.ok(ws.insights.length >= 10);
    const px = await notBlank(page);
    assert.ok(px.colours > 30 && px.differing > px.sampled * 0.02, 'the table is drawn');
    await screenshot(page, 'insights-table');

    // Search: exactly the insights whose title, text, source detail or tags hold "esim".
    await click(page, 'Search insights');
    await page.keyboard.type('esim', { delay: 10 });
    await settle(page, 200);
    const matches = (i) => [i.title, i.text, i.source_detail, ...(i.tags || [])].join('\n').toLowerCase().includes('esim');
    assert.ok(ws.insights.some(matches) && ws.insights.some((i) => !matches(i)));
    for (const i of ws.insights) assert.equal(await drawn(page, i.title), matches(i), `search shows "${i.title}"?`);
    await screenshot(page, 'insights-search');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');

    // Stale only: exactly the stale ones, each with its badge.
    await click(page, 'Stale only');
    const stale = ws.insights.filter((i) => isStale(ws, i));
    assert.ok(stale.length > 0 && stale.length < ws.insights.length);
    for (const i of ws.insights) assert.equal(await drawn(page, i.title), isStale(ws, i), `stale only shows "${i.title}"?`);
    for (const i of stale) assert.ok(await drawn(page, `stale ${i.title}`));
    await screenshot(page, 'insights-stale-only');
    await click(page, 'Stale only');

    // Edit the evidence of an assumed insight, then validate it today.
    const target = ws.insights.find((i) => i.evidence === 'assumed');
    await click(page, target.title);
    await click(page, 'Observed evidence');
    ws = await doc(page);
    assert.equal(ws.insights.find((i) => i.id === target.id).evidence, 'observed');
    await click(page, 'Validated today');
    ws = await doc(page);
    assert.equal(ws.insights.find((i) => i.id === target.id).last_validated, todayIso());
    await screenshot(page, 'insights-editor');

    // Drag the insight from the journey view's palette onto a cell of the insight lane.
    const journey = ws.journeys.find((j) => j.lanes.some((l) => l.kind === 'insight') && j.stages.some((s) => s.steps.length));
    const step = journey.stages.find((s) => s.steps.length).steps[0];
    assert.ok(!ws.insights.find((i) => i.id === target.id).steps.some((r) => r.step === step.id));
    await page.evaluate((id) => window.waymark.show('journey', id), journey.id);
    await settle(page, 300);
    await click(page, 'Insights to link (drag one onto a cell)');
    // Scroll the map with the wheel until the insight lane's cell is on screen (it may start below).
    let to = null;
    for (let n = 0; n < 20; ++n) {
      await page.evaluate(() => window.waymark.settled());
      const r = await page.evaluate((l) => window.waymark.rect(l), `link here ${step.name}`);
      if (r.ok !== false && r.h >= 10 && r.y + r.h <= 980) { to = r; break; }
      await page.mouse.move(700, 700);
      await page.mouse.wheel(0, 200);
      await settle(page, 150);
    }
    assert.ok(to, 'the insight lane scrolled into view');
    const from = await rect(page, target.title);
    await page.mouse.move(from.x + from.w / 2, from.y + from.h / 2);
    await settle(page, 50);
    await page.mouse.down();
    for (let k = 1; k <= 8; ++k) {
      await page.mouse.move(from.x + from.w / 2 + (to.x + 20 - from.x - from.w / 2) * k / 8,
                            from.y + from.h / 2 + (to.y + to.h / 2 - from.y - from.h / 2) * k / 8);
      await settle(page, 40);
    }
    await screenshot(page, 'insights-dragging');
    await page.mouse.up();
    await settle(page, 200);
    ws = await doc(page);
    assert.ok(ws.insights.find((i) => i.id === target.id).steps.some((r) => r.journey === journey.id && r.step === step.id),
      'the dropped insight is linked to the step');
    assert.ok(await drawn(page, `evidence cell ${target.title}`), 'the cell lists the linked insight');
    await screenshot(page, 'insights-linked-on-map');

    // CSV export through the real download.
    await click(page, 'Insights');
    const downloading = page.waitForEvent('download');
    await click(page, 'Export insights CSV');
    const download = await downloading;
    assert.equal(download.suggestedFilename(), `${ws.name} insights.csv`);
    const file = join(ARTIFACTS, 'insights.csv');
    await download.saveAs(file);
    const csv = readFileSync(file, 'utf8');
    assert.ok(csv.startsWith('\uFEFFTitle,Text,Type,Source,Source detail,Evidence,Last validated,Impact,Personas,Steps,Tags\r\n'));
    const records = csv.split('\r\n').filter((l) => l.length);
    assert.ok(records.length >= ws.insights.length + 1);
    const line = csv.split('\r\n').find((l) => l.includes(target.title.replace(/"/g, '""')));
    assert.ok(line.includes(`,observed,${todayIso()},`), line);
    assert.ok(line.includes(`${journey.title} / ${step.name}`), line);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('CSV import: mapping step, good rows imported in one undo step, a malformed file reported row by row', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: 1000 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await click(page, 'Insights');
    const before = (await doc(page)).insights.length;
    const file = join(ARTIFACTS, 'import-insights.csv');
    writeFileSync(file,
      'Name;Kind;Evidence status;Date;Notes\r\n' +
      'Roaming fees confuse;pain;observed;2026-02-01;from the shop\r\n' +
      ';quote;;;no title here\r\n' +
      'Bad date;trend;validated;01/02/2026;\r\n' +
      '"Unknown kind";rumour;assumed;;\r\n' +
      '"Two\nlines";need;assumed;;\r\n');
    await chooseFile(page, 'Import insights CSV…', file);
    await rect(page, 'map Name');
    // The guesses: Name → Title, Kind → Type, Evidence status → Evidence, Date → Last validated;
    // Notes is left unmapped and reported. Map "Notes" to Text by hand.
    await click(page, 'map Notes');
    await click(page, 'Text');
    await settle(page, 200);
    await screenshot(page, 'insights-import-preview');
    assert.ok(await drawn(page, 'Line 3: empty title'));
    assert.ok(await drawn(page, 'Line 4: bad date \u201C01/02/2026\u201D (expected YYYY-MM-DD)'));
    assert.ok(await drawn(page, 'Line 5: unknown type \u201Crumour\u201D (expected quote, observation, need, pain, gain, trend)'));
    await click(page, 'Import 2 insights');
    let ws = await doc(page);
    assert.equal(ws.insights.length, before + 2);
    const roaming = ws.insights.find((i) => i.title === 'Roaming fees confuse');
    assert.equal(roaming.type, 'pain');
    assert.equal(roaming.evidence, 'observed');
    assert.equal(roaming.last_validated, '2026-02-01');
    assert.equal(roaming.text, 'from the shop');
    assert.ok(ws.insights.some((i) => i.title === 'Two\nlines' && i.type === 'need'));
    await screenshot(page, 'insights-imported');
    // One undo step removes the whole import.
    await page.mouse.move(700, 600);
    await page.keyboard.press('Control+Z');
    await settle(page, 200);
    ws = await doc(page);
    assert.equal(ws.insights.length, before);

    // A file whose quotes never close: one clear message, nothing to import.
    const broken = join(ARTIFACTS, 'broken-insights.csv');
    writeFileSync(broken, 'Title,Text\r\nok,fine\r\n"never closed,oops\r\n');
    await chooseFile(page, 'Import insights CSV…', broken);
    await rect(page, 'Line 3: a quoted field is never closed (a " is missing).');
    await screenshot(page, 'insights-import-broken');
    await click(page, 'Close import');
    assert.equal((await doc(page)).insights.length, before);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
