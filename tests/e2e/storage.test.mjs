// Documents that never get lost: autosave and reload, closing at once, two tabs, a damaged save,
// a full disk, and the documents view (new, rename, duplicate, trash, versions).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, openApp, openAgain, stats, click, settle, screenshot, scrollTo, ARTIFACTS } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const exported = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
// Saved, with nothing left to save (the document is not dirty).
const savedState = (page) => page.waitForFunction(() => {
  const s = window.waymark.stats();
  return s.storage.status === 'saved' && !s.document.dirty;
}, null, { timeout: 15000 });

async function renameJourney(page, from, to) {
  await scrollTo(page, from);   // the framework grid scrolls to the tile
  await click(page, from);
  await click(page, 'Journey title');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(to);
  await page.keyboard.press('Enter');
  // The edit is applied on the next frames; autosave comes ~300 ms later.
  await page.evaluate(() => window.waymark.settled());
}

test('an edit survives a reload, and the last document reopens', async () => {
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, srv.url);
    await savedState(page);
    const docId = (await stats(page)).storage.doc;
    await renameJourney(page, 'Sign up online', 'Sign up online — Größe Ж');
    await savedState(page);
    await page.reload();
    await page.evaluate(() => window.waymark.ready);
    const s = await stats(page);
    assert.equal(s.storage.doc, docId, 'the same document reopened');
    assert.ok((await exported(page)).journeys.some((j) => j.title === 'Sign up online — Größe Ж'));
    assert.equal(s.document.dirty, false);
  } finally { await close(); }
});

test('an edit followed by closing the page at once survives', async () => {
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, srv.url);
    await savedState(page);
    await renameJourney(page, 'Port my number', 'Port my number quickly');
    assert.equal((await stats(page)).document.dirty, true, 'not saved yet');
    await page.close({ runBeforeUnload: true });  // at once: no wait for the autosave delay
    const again = await openAgain(context, srv.url);
    assert.ok((await exported(again)).journeys.some((j) => j.title === 'Port my number quickly'));
  } finally { await close(); }
});

test('two tabs: one writer; the other is read-only, follows live, and takes over when the writer closes', async () => {
  const { context, close } = await launch();
  try {
    const { page: writer } = await openApp(context, srv.url);
    await savedState(writer);
    const reader = await context.newPage();
    await reader.goto(srv.url);
    await reader.waitForFunction(() => window.waymark && window.waymark.ready);
    await reader.evaluate(() => window.waymark.ready);
    await reader.waitForFunction(() => window.waymark.stats().storage.status === 'read-only');
    assert.equal((await stats(reader)).storage.doc, (await stats(writer)).storage.doc);
    await settle(reader, 200);
    await screenshot(reader, 'storage-read-only-tab');

    // An edit in the writer appears in the reader.
    await writer.bringToFront();
    await renameJourney(writer, 'Activate the eSIM', 'Activate the eSIM in the app');
    await savedState(writer);
    await reader.waitForFunction(() => JSON.parse(window.waymark.exportJson()).workspace.journeys
      .some((j) => j.title === 'Activate the eSIM in the app'), null, { timeout: 10000 });

    // The reader cannot edit.
    await reader.bringToFront();
    await scrollTo(reader, 'Activate the eSIM in the app');
    await click(reader, 'Activate the eSIM in the app');
    await click(reader, 'Journey title');
    await reader.keyboard.type(' NOT ALLOWED');
    await reader.keyboard.press('Enter');
    await settle(reader, 200);
    assert.match((await stats(reader)).message, /another tab/);
    assert.ok(!(await exported(reader)).journeys.some((j) => j.title.includes('NOT ALLOWED')));

    // The writer closes: the reader takes over and can save.
    await writer.close();
    await reader.waitForFunction(() => window.waymark.stats().storage.writer === true, null, { timeout: 10000 });
    await click(reader, 'Journey title');
    await reader.keyboard.press('End');
    await reader.keyboard.type(' (now here)');
    await reader.keyboard.press('Enter');
    await reader.evaluate(() => window.waymark.settled());
    await savedState(reader);
    assert.ok((await exported(reader)).journeys.some((j) => j.title === 'Activate the eSIM in the app (now here)'));
  } finally { await close(); }
});

test('a damaged newest save: the previous good one opens, with a message', async () => {
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, srv.url);
    await savedState(page);
    await renameJourney(page, 'Pay the first bill', 'Pay the first bill (v2)');
    await savedState(page);
    await click(page, 'Journey title');
    await page.keyboard.press('End');
    await page.keyboard.type(' (v3)');
    await page.keyboard.press('Enter');
    await page.evaluate(() => window.waymark.settled());
    await savedState(page);
    assert.ok((await exported(page)).journeys.some((j) => j.title === 'Pay the first bill (v2) (v3)'), 'v3 is the newest save');
    const doc = (await stats(page)).storage.doc;
    // Flip bytes in the head snapshot, as a failing disk or a buggy extension might.
    await page.evaluate((id) => new Promise((resolve, reject) => {
      const req = indexedDB.open('waymark');
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction(['docs', 'snapshots'], 'readwrite');
        tx.objectStore('docs').get(id).onsuccess = (e) => {
          const head = e.target.result.head;
          tx.objectStore('snapshots').get(head).onsuccess = (s) => {
            const snap = s.target.result;
            const bytes = new Uint8Array(snap.bytes);
            for (let i = 40; i < 60; i++) bytes[i] ^= 0x5a;
            snap.bytes = bytes;
            tx.objectStore('snapshots').put(snap);
          };
        };
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), doc);
    await page.reload();
    await page.evaluate(() => window.waymark.ready);
    const s = await stats(page);
    assert.match(s.storage.notice, /damaged/);
    const titles = (await exported(page)).journeys.map((j) => j.title);
    assert.ok(titles.includes('Pay the first bill (v2)'), 'the previous good save opened');
    assert.ok(!titles.includes('Pay the first bill (v2) (v3)'));
    await settle(page, 200);
    await screenshot(page, 'storage-damaged-fallback');
  } finally { await close(); }
});

test('storage full: a banner says so, nothing is lost, export works, saving resumes', async () => {
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, srv.url);
    await savedState(page);
    await page.evaluate(() => {
      window.__realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    });
    await renameJourney(page, 'Cancel my contract', 'Cancel my contract (unsaved)');
    await page.waitForFunction(() => window.waymark.stats().storage.status === 'failed', null, { timeout: 10000 });
    const s = await stats(page);
    assert.match(s.storage.problem, /storage for Waymark is full/);
    assert.ok((await exported(page)).journeys.some((j) => j.title === 'Cancel my contract (unsaved)'), 'the edit is still open');
    await settle(page, 200);
    await screenshot(page, 'storage-quota-banner');
    const downloading = page.waitForEvent('download');
    await click(page, 'Export now');
    const file = join(ARTIFACTS, 'quota-export.waymark.json');
    await (await downloading).saveAs(file);
    assert.ok(JSON.parse(await readFile(file, 'utf8')).workspace.journeys.some((j) => j.title === 'Cancel my contract (unsaved)'));
    // Space is freed: the retry saves it.
    await page.evaluate(() => { IDBObjectStore.prototype.put = window.__realPut; });
    await page.waitForFunction(() => window.waymark.stats().storage.status === 'saved', null, { timeout: 15000 });
  } finally { await close(); }
});

test('documents view: new, rename, duplicate, trash and restore, and restoring an older version', async () => {
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, srv.url);
    await savedState(page);
    const sampleDoc = (await stats(page)).storage.doc;
    await renameJourney(page, 'Upgrade my phone', 'Upgrade my phone (edited)');
    await savedState(page);
    await click(page, 'File');
    await click(page, 'Documents…');
    assert.equal((await stats(page)).view, 'documents');

    // Restore the version before the edit: it becomes the newest save; nothing is lost.
    await click(page, 'Restore version 2');
    await page.waitForFunction(() => !JSON.parse(window.waymark.exportJson()).workspace.journeys.some((j) => j.title === 'Upgrade my phone (edited)'));
    await savedState(page);
    assert.ok((await stats(page)).storage.snapshots >= 3);

    // A new blank document, then back to the sample through the list.
    await click(page, 'Blank workspace');
    await page.waitForFunction(() => window.waymark.stats().document.name === 'Untitled workspace');
    await savedState(page);
    await click(page, 'Documents');
    await click(page, 'Name of Untitled workspace');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Retail banking');
    await page.keyboard.press('Enter');
    await settle(page, 500);
    await click(page, 'Duplicate Lumen Mobile');
    await settle(page, 800);
    await screenshot(page, 'storage-documents');
    await click(page, 'Open Lumen Mobile');
    await page.waitForFunction((id) => window.waymark.stats().storage.doc === id, sampleDoc);
    assert.equal((await stats(page)).document.name, 'Lumen Mobile');
    await click(page, 'Documents');
    await click(page, 'Delete Lumen Mobile (copy)');
    await settle(page, 500);
    await click(page, 'Trash (1)');
    await click(page, 'Restore Lumen Mobile (copy)');
    await settle(page, 500);
    // The renamed blank document is listed under its new name and opens with it.
    await click(page, 'Open Retail banking');
    await page.waitForFunction(() => window.waymark.stats().document.name === 'Retail banking');
    assert.equal((await stats(page)).journeys, 1);
  } finally { await close(); }
});
