// Merging copies of one workspace (issue 15) as a team does it: a workspace exported, opened in two
// browser profiles, the two copies edited differently with real mouse and keyboard, one copy
// exported and merged into the other through File › Merge a file into this workspace… and a real
// file chooser; then a conflict (one card edited on both sides) and "Take theirs"; a file of another
// workspace (not merged, offered as a new document); hostile merge input (nothing changes); a dropped
// copy (asks "merge or open?"); File › Documents… › Merge. The report window is screenshotted
// (tests/e2e/artifacts/merge-report*.png) to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, startServer, launch, openApp, screenshot, stats, rect, settle, click, typeAndEnter, axeViolations, chooseFile } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const JOURNEY = 'Pay the first bill';
const doc = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
const journeyOf = (ws) => ws.journeys.find((j) => j.title === JOURNEY);
const cardTexts = (ws) => journeyOf(ws).cards.map((c) => c.text);
const stageNames = (ws) => journeyOf(ws).stages.map((s) => s.name);

// File › Export through the real menu; returns the path of the downloaded file.
async function exportFile(page, name) {
  await click(page, 'File');
  const downloading = page.waitForEvent('download');
  await click(page, 'Export .waymark.json');
  const path = join(ARTIFACTS, name);
  await (await downloading).saveAs(path);
  return path;
}

// Picks `path` in the real file chooser opened by File › <item>.
async function chooseFromFile(page, item, path) {
  await click(page, 'File');
  await chooseFile(page, item, path);
}

async function openJourney(page) {
  const ws = await doc(page);
  const r = await page.evaluate((id) => window.waymark.show('journey', id), journeyOf(ws).id);
  assert.equal(r.ok, true);
  await settle(page, 200);
  await click(page, 'Fit');
}

// Edits a card in place as a person does: double-click, select all, type, Enter.
async function editCard(page, from, to) {
  await click(page, `card ${from}`, { double: true });
  await page.keyboard.press('Control+A');
  await typeAndEnter(page, to);
  await page.waitForFunction((t) => window.waymark.exportJson().includes(t), to);
}

async function renameStage(page, from, to) {
  await click(page, `stage ${from}`, { double: true });
  await page.keyboard.press('Control+A');
  await typeAndEnter(page, to);
  await page.waitForFunction((t) => window.waymark.exportJson().includes(t), to);
}

// Two people: A keeps the document, B opens A's exported file in another browser profile.
async function twoCopies() {
  const a = await launch({ viewport: { width: 1400, height: 900 } });
  const b = await launch({ viewport: { width: 1400, height: 900 } });
  const appA = await openApp(a.context, srv.url);
  const appB = await openApp(b.context, srv.url);
  const base = await exportFile(appA.page, 'merge-base.waymark.json');
  await chooseFromFile(appB.page, 'Import .waymark.json…', base);
  await appB.page.waitForFunction(() => window.waymark.stats().document.origin === 'import');
  assert.equal((await stats(appB.page)).document.id, (await stats(appA.page)).document.id, 'one workspace, two copies');
  const close = async () => { await a.close(); await b.close(); };
  return { A: appA, B: appB, base, close };
}

test('two copies edited in two browsers merge through File › Merge; a conflict is reported and "Take theirs" works', async () => {
  const { A, B, close } = await twoCopies();
  try {
    // A edits a card; B renames a stage and edits another card.
    await openJourney(A.page);
    await editCard(A.page, 'Checks the debit date in the app', 'Checks the debit date in the Lumen app');
    await openJourney(B.page);
    await renameStage(B.page, 'Bill arrives', 'The bill arrives');
    await editCard(B.page, 'Sees €31.40 instead of €20', 'Sees €31.40 instead of the €20 advertised');
    const theirs = await exportFile(B.page, 'merge-theirs.waymark.json');

    const revision = (await stats(A.page)).document.revision;
    await chooseFromFile(A.page, 'Merge a file into this workspace…', theirs);
    await A.page.waitForFunction(() => window.waymark.stats().merge.merges === 1);
    let s = await stats(A.page);
    assert.equal(s.merge.windowOpen, true, 'the report window opens');
    assert.equal(s.merge.conflicts, 0);
    assert.ok(s.merge.changed >= 2, `changed: ${s.merge.changed}`);
    assert.equal(s.merge.added, 0);
    assert.equal(s.merge.removed, 0);
    assert.equal(s.document.undoLabel, 'Merge the file “merge-theirs.waymark.json”', 'one undo step');
    assert.equal(s.document.revision, revision + 1);
    let ws = await doc(A.page);
    assert.ok(cardTexts(ws).includes('Checks the debit date in the Lumen app'), 'A’s edit kept');
    assert.ok(cardTexts(ws).includes('Sees €31.40 instead of the €20 advertised'), 'B’s card edit merged');
    assert.deepEqual(stageNames(ws), ['The bill arrives', 'Pay'], 'B’s stage edit merged');
    await rect(A.page, 'Close merge report');
    await screenshot(A.page, 'merge-report');

    // Undo takes the whole merge back; redo brings it again.
    await click(A.page, 'Edit');
    await click(A.page, 'Undo Merge the file “merge-theirs.waymark.json”');
    ws = await doc(A.page);
    assert.deepEqual(stageNames(ws), ['Bill arrives', 'Pay']);
    assert.ok(cardTexts(ws).includes('Checks the debit date in the Lumen app'));
    await A.page.keyboard.press('Control+Shift+Z');
    await A.page.waitForFunction(() => window.waymark.exportJson().includes('The bill arrives'));
    await click(A.page, 'Close merge report');
    assert.equal((await stats(A.page)).merge.windowOpen, false);

    // A conflict: both edit the same card to different texts, neither knowing the other's edit.
    await editCard(A.page, 'Lets the debit run, or calls', 'Lets the debit run (A)');
    await editCard(B.page, 'Lets the debit run, or calls', 'Calls support (B)');
    const theirs2 = await exportFile(B.page, 'merge-theirs-2.waymark.json');
    await chooseFromFile(A.page, 'Merge a file into this workspace…', theirs2);
    await A.page.waitForFunction(() => window.waymark.stats().merge.merges === 2);
    s = await stats(A.page);
    assert.equal(s.merge.conflicts, 1);
    ws = await doc(A.page);
    const kept = cardTexts(ws).find((t) => t === 'Lets the debit run (A)' || t === 'Calls support (B)');
    assert.ok(kept, 'one of the two values is kept');
    const yoursKept = kept === 'Lets the debit run (A)';
    await rect(A.page, 'Show 1');
    await screenshot(A.page, 'merge-report-conflict');
    await click(A.page, yoursKept ? 'Take theirs 1' : 'Take yours 1');
    await A.page.waitForFunction((t) => window.waymark.exportJson().includes(t), yoursKept ? 'Calls support (B)' : 'Lets the debit run (A)');
    ws = await doc(A.page);
    assert.ok(!cardTexts(ws).includes(kept), 'the other value replaced the kept one');
    s = await stats(A.page);
    assert.equal(s.document.undoLabel, yoursKept ? 'Take their value' : 'Take your value');
    // "Show" opens the place on the map with the card selected.
    await click(A.page, 'Show 1');
    await A.page.waitForFunction(() => window.waymark.stats().map.selection === 'cards');
    s = await stats(A.page);
    assert.equal(s.view, 'journey');
    assert.equal(s.viewId, journeyOf(ws).id);
    assert.equal(s.map.selectedCards, 1);
    await screenshot(A.page, 'merge-show-place');
    // Merging the same file again changes nothing.
    const again = await A.page.evaluate((t) => window.waymark.mergeJson(t), await readFile(theirs2, 'utf8'));
    assert.equal(again.ok, true);
    assert.equal(again.report.added + again.report.changed + again.report.removed, 0);
    assert.deepEqual(A.errors, []);
    assert.deepEqual(B.errors, []);
  } finally { await close(); }
});

test('mergeJson reports conflicts with their place; another workspace and hostile files change nothing', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    const base = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    // Their copy: the same card edited differently (by hand in the file, without history: it counts
    // as entirely new or changed, and the copy with history wins).
    const theirs = structuredClone(base);
    const j = theirs.workspace.journeys.find((x) => x.title === JOURNEY);
    j.cards.find((c) => c.text === 'Lets the debit run, or calls').text = 'Lets the debit run, or chats';
    delete theirs.merge;
    const r = await page.evaluate((t) => window.waymark.mergeJson(t), JSON.stringify(theirs));
    assert.equal(r.ok, true, r.error);
    assert.equal(r.report.hadHistory, false);
    assert.ok(r.report.conflicts.length >= 1);
    const c = r.report.conflicts.find((x) => x.entityKind === 'card');
    assert.ok(c, JSON.stringify(r.report.conflicts.slice(0, 3)));
    assert.equal(c.place, 'Card “Lets the debit run, or calls” in Pay the first bill › Pays or disputes');
    assert.equal(c.kind, 'both_changed');
    assert.equal(c.theirs, '“Lets the debit run, or chats”');
    assert.match(c.sentence, /yours .* theirs .* — yours kept\./);
    const s = await stats(page);
    assert.equal(s.merge.merges, 1);
    assert.equal(s.merge.changed, r.report.changed);

    // Another workspace: not merged, said in words, offered as a new document.
    const before = await page.evaluate(() => window.waymark.exportJson());
    const other = structuredClone(base);
    other.workspace.id = '0b7c2a4e-2f1d-4c55-9a57-3f0e8d1c6b2a';
    other.workspace.name = 'Someone else’s workspace';
    delete other.merge;
    const o = await page.evaluate((t) => window.waymark.mergeJson(t), JSON.stringify(other));
    assert.equal(o.ok, false);
    assert.equal(o.otherWorkspace, true);
    assert.match(o.error, /another workspace/i);
    assert.equal(await page.evaluate(() => window.waymark.exportJson()), before, 'nothing changed');
    assert.equal((await stats(page)).merge.asking, 'otherWorkspace');
    assert.match((await stats(page)).message, /another workspace/);
    // The page's dialog, for everyone: no merge offered, only opening it apart (a real mouse click).
    const other_ask = page.getByRole('dialog', { name: 'Not merged: another workspace' });
    await other_ask.waitFor();
    assert.match(await other_ask.textContent(), /is another workspace \(“Someone else’s workspace”\), not a copy of this one, so it was not merged\./);
    assert.deepEqual(await other_ask.getByRole('button').allTextContents(), ['Open as a new document', 'Cancel']);
    await screenshot(page, 'merge-other-workspace');
    await other_ask.getByRole('button', { name: 'Open as a new document' }).click();
    await page.waitForFunction(() => window.waymark.stats().document.name === 'Someone else’s workspace');
    assert.equal((await stats(page)).document.origin, 'import');

    // Hostile input is refused like an import: nothing changes.
    const now = await page.evaluate(() => window.waymark.exportJson());
    for (const [text, pattern] of [['[ '.repeat(6000), /nest|deep/i], ['not json at all', /JSON|parse|line/i],
      ['{"format":"waymark","version":99,"workspace":{}}', /newer|99/i]]) {
      const h = await page.evaluate((t) => window.waymark.mergeJson(t), text);
      assert.equal(h.ok, false);
      assert.match(h.error, pattern);
    }
    assert.equal(await page.evaluate(() => window.waymark.exportJson()), now);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// A copy of `base` with one more card on the journey, made by hand (so without merge history).
function withCard(base, text, id) {
  const copy = structuredClone(base);
  delete copy.merge;
  const j = copy.workspace.journeys.find((x) => x.title === JOURNEY);
  j.cards.push({ ...structuredClone(j.cards[0]), id, text });
  return copy;
}

test('a dropped copy asks "merge or open"; File › Documents… merges another stored copy', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    const base = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    const dropped = withCard(base, 'A card from the dropped file', '5d7c1e0a-3b4f-4a8e-9c2d-6e1f0a2b3c4d');
    // Dropping a file on the page, as the browser delivers it.
    const drop = () => page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.waymark.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, JSON.stringify(dropped));
    // Escape answers Cancel: nothing merged or opened, focus back on the canvas.
    const untouched = await page.evaluate(() => window.waymark.exportJson());
    await drop();
    await page.getByRole('dialog', { name: 'Merge or open?' }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.waymark.stats().merge.asking === '');
    assert.equal(await page.locator('dialog').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'text-input');
    assert.equal(await page.evaluate(() => window.waymark.exportJson()), untouched);
    assert.equal((await stats(page)).merge.merges, 0);

    await drop();
    await page.waitForFunction(() => window.waymark.stats().merge.asking === 'dropped');
    const question = page.getByRole('dialog', { name: 'Merge or open?' });
    await question.waitFor();
    assert.match(await question.textContent(), /“dropped\.waymark\.json” is a copy of this workspace\./);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Merge into this workspace');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'merge-drop-question');
    await question.getByRole('button', { name: 'Merge into this workspace' }).click();
    await page.waitForFunction(() => window.waymark.stats().merge.merges === 1);
    let s = await stats(page);
    assert.equal(s.merge.added, 1);
    assert.equal(s.document.undoLabel, 'Merge the file “dropped.waymark.json”');
    assert.ok(cardTexts(await doc(page)).includes('A card from the dropped file'));
    await click(page, 'Close merge report');
    await page.waitForFunction(() => window.waymark.stats().storage.status === 'saved');

    // A second stored copy of the workspace (the file imported as a document of its own, with a
    // card of its own), then File › Documents… › Merge brings the first copy's work into it.
    const second = withCard(base, 'A card of the second copy', '6e8d2f1b-4c5a-4b9f-8d3e-7f2a1b3c4d5e');
    assert.equal((await page.evaluate((t) => window.waymark.importJson(t), JSON.stringify(second))).ok, true);
    await page.waitForFunction(() => window.waymark.stats().storage.status === 'saved');
    await click(page, 'File');
    await click(page, 'Documents…');
    await click(page, 'Merge Lumen Mobile');
    await page.waitForFunction(() => window.waymark.stats().merge.merges === 2);
    s = await stats(page);
    assert.equal(s.merge.source, 'the document “Lumen Mobile”');
    const texts = cardTexts(await doc(page));
    assert.ok(texts.includes('A card from the dropped file'), 'the other document’s merged card came');
    assert.ok(texts.includes('A card of the second copy'), 'this copy’s card stayed');
    await screenshot(page, 'merge-documents');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('text merged in that needs another font (an emoji) gets it before it is drawn', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    const fetchedSymbols = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('fonts/symbols.ttf')));
    assert.equal(await fetchedSymbols(), false, 'the sample needs no symbols font');
    const base = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    const theirs = structuredClone(base);
    const j = theirs.workspace.journeys.find((x) => x.title === JOURNEY);
    const model = j.cards.find((c) => c.text === 'Lets the debit run, or calls');
    j.cards.push({ ...model, id: '5d1f0c2e-7a4b-4c8e-9f6a-2b3c4d5e6f70', text: 'A unicorn 🦄 in their copy' });
    const r = await page.evaluate((t) => window.waymark.mergeJson(t), JSON.stringify(theirs));
    assert.equal(r.ok, true, r.error);
    const texts = (await page.evaluate(() => JSON.parse(window.waymark.exportJson()))).workspace.journeys.find((x) => x.title === JOURNEY).cards.map((c) => c.text);
    assert.ok(texts.includes('A unicorn 🦄 in their copy'), 'their card is merged in');
    // The font for 🦄 is fetched for it, as on opening a document that has one.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('fonts/symbols.ttf')), null, { timeout: 10000 });
    assert.deepEqual(await page.evaluate((id) => window.waymark.show('journey', id), j.id), { ok: true });
    await settle(page, 400);
    await click(page, 'Close merge report');
    await settle(page, 200);
    await click(page, 'card A unicorn 🦄 in their copy');   // on the map, then in the card's panel
    await settle(page, 300);
    assert.equal((await stats(page)).map.selectedCards, 1);
    await screenshot(page, 'merge-emoji');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
