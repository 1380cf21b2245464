// Files through the real menus (download and file chooser), hostile imports that change nothing,
// the generator, and navigation through the hook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, openApp, stats, click, settle, screenshot, notBlank, ARTIFACTS, chooseFile } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

test('File › Export downloads exactly what exportJson returns; File › Import opens a file as the document', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    await click(page, 'File');
    const downloading = page.waitForEvent('download');
    await click(page, 'Export .waymark.json');
    const download = await downloading;
    assert.equal(download.suggestedFilename(), 'Lumen Mobile.waymark.json');
    const file = join(ARTIFACTS, 'export.waymark.json');
    await download.saveAs(file);
    const exported = await readFile(file, 'utf8');
    assert.equal(exported, await page.evaluate(() => window.waymark.exportJson()));
    const doc = JSON.parse(exported);
    assert.equal(doc.format, 'waymark');
    assert.equal(doc.version, 1);

    // Import a changed copy through the file chooser.
    doc.workspace.name = 'Lumen Mobile — Nordics copy';
    const changed = join(ARTIFACTS, 'changed.waymark.json');
    await writeFile(changed, JSON.stringify(doc));
    await click(page, 'File');
    await chooseFile(page, 'Import .waymark.json…', changed);
    await page.waitForFunction(() => window.waymark.stats().document.name.includes('Nordics'));
    const s = await stats(page);
    assert.equal(s.document.origin, 'import');
    assert.equal(s.journeys, doc.workspace.journeys.length);
    // Export after import is byte-identical apart from the renamed workspace (deterministic export).
    const again = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    assert.deepEqual(again, doc);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('hostile files are refused with a clear error and the open document is untouched', async () => {
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, srv.url);
    const before = await page.evaluate(() => window.waymark.exportJson());
    const good = JSON.parse(before);
    const dupe = structuredClone(good);
    dupe.workspace.journeys[1].id = dupe.workspace.journeys[0].id;
    const newer = structuredClone(good);
    newer.version = 99;
    const cases = [
      ['[ '.repeat(6000), /nest|deep/i],
      ['{"format":"waymark","version":1,"workspace":{"x":NaN}}', /NaN|not a number|invalid/i],
      ['not json at all', /JSON|parse|line/i],
      [JSON.stringify(dupe), /duplicate id/],
      [JSON.stringify(newer), /newer.*99|99.*newer/i],
      ['{"format":"something-else","version":1}', /waymark/i],
    ];
    for (const [text, pattern] of cases) {
      const r = await page.evaluate((t) => window.waymark.importJson(t), text);
      assert.equal(r.ok, false);
      assert.match(r.error, pattern, `error for ${text.slice(0, 40)}: ${r.error}`);
    }
    assert.equal(await page.evaluate(() => window.waymark.exportJson()), before, 'document unchanged');
    const s = await stats(page);
    assert.match(s.message, /^Import failed/);
    await settle(page, 300);
    await screenshot(page, 'files-import-refused');
  } finally { await close(); }
});

test('generate builds a synthetic workspace the views draw', async () => {
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, srv.url);
    const r = await page.evaluate(() => window.waymark.generate({ journeys: 60, levels: 4, stepsPerJourney: 12, lanesPerJourney: 8, cardsPerCell: 1 }));
    assert.equal(r.ok, true);
    const s = await stats(page);
    assert.equal(s.journeys, 60);
    assert.deepEqual(Object.keys(s.journeysByLevel).sort(), ['0', '1', '2', '3']);
    assert.equal(s.steps, 60 * 12);
    assert.ok(s.cards > 60 * 12, `cards in the cells (${s.cards})`);
    assert.equal(s.document.origin, 'generated');
    await settle(page, 300);
    assert.ok((await notBlank(page)).colours > 30);
    await screenshot(page, 'files-generated-framework');
  } finally { await close(); }
});

test('show navigates like a user; views that do not exist yet say so', async () => {
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, srv.url);
    const doc = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    const journey = doc.workspace.journeys.find((j) => j.title === 'Sign up online');
    assert.deepEqual(await page.evaluate((id) => window.waymark.show('journey', id), journey.id), { ok: true });
    let s = await stats(page);
    assert.equal(s.view, 'journey');
    assert.equal(s.viewId, journey.id);
    await settle(page, 300);
    await screenshot(page, 'files-show-journey');
    // The breadcrumb leads back up: Sign up online hangs under Buying a phone plan.
    await click(page, 'Buying a phone plan');
    s = await stats(page);
    assert.equal(s.view, 'journey');
    assert.notEqual(s.viewId, journey.id);
    // Back returns to the micro journey.
    await click(page, 'Back');
    s = await stats(page);
    assert.equal(s.viewId, journey.id);
    assert.equal((await page.evaluate(() => window.waymark.show('journey', '00000000-0000-4000-8000-000000000000'))).ok, false);
  } finally { await close(); }
});
