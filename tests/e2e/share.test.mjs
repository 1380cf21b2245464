// Share links through the real File menu: the link on the clipboard opens in a fresh browser as a
// new document identical to the original (after the user agrees), "Not now" and damaged links
// change nothing, and a workspace too large for a link says so and points to File › Export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, stats, click, settle, screenshot, axeViolations } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const storedDocs = (page) => page.evaluate(async () => (await window.WaymarkStorage.list()).filter((d) => !d.deleted).length);
const waitFor = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 15000 });

test('share link round trip gives an identical exportJson()', async () => {
  const a = await launch();
  const b = await launch();
  try {
    const { page, errors } = await openApp(a.context, srv.url);
    const original = await page.evaluate(() => window.waymark.exportJson());
    await click(page, 'File');
    await click(page, 'Copy share link');
    await waitFor(page, () => /^Share link copied/.test(window.waymark.stats().message));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(srv.url + '#share='), link.slice(0, 80));
    assert.ok(link.length <= 80000, `link of ${link.length} characters`);
    assert.match((await stats(page)).message, /nothing is sent to a server/);
    // The hook makes the same link by the same path (compression is deterministic).
    const hooked = await page.evaluate(() => window.waymark.shareLink());
    assert.equal(hooked.ok, true);
    assert.equal(hooked.url, link);
    assert.ok(hooked.bytes > 1000 && hooked.bytes < link.length, `compressed ${hooked.bytes} bytes`);
    await settle(page, 200);
    await screenshot(page, 'share-copied');

    // A fresh browser (its own storage: it starts with the sample) opens the link and is asked first.
    const other = await openApp(b.context, link);
    await waitFor(other.page, () => window.waymark.stats().share.pending);
    const asked = await stats(other.page);
    assert.equal(asked.share.name, 'Lumen Mobile');
    const storedBefore = await storedDocs(other.page);
    const firstDoc = asked.storage.doc;
    // The question is the page's dialog, over the canvas for everyone: read with its sentences,
    // focus on its first answer, answered here by a real mouse click.
    const dialog = other.page.getByRole('dialog', { name: 'Shared workspace' });
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-describedby').then((ids) => ids.split(' ').length), 2);
    assert.match(await dialog.textContent(), /Open the shared workspace “Lumen Mobile”\?It will be added as a new document/);
    assert.equal(await other.page.evaluate(() => document.activeElement.textContent), 'Open it');
    assert.equal(await dialog.getByRole('button', { name: 'Not now' }).count(), 1);
    assert.equal(await dialog.getByRole('button', { name: 'Close' }).count(), 0, 'its buttons are the answers');
    assert.deepEqual(await axeViolations(other.page), []);
    await settle(other.page, 300);
    await screenshot(other.page, 'share-ask-dialog');
    await dialog.getByRole('button', { name: 'Open it' }).click();
    await waitFor(other.page, () => window.waymark.stats().document.origin === 'share');
    // Identical text: export → import → export is byte-identical, and a share keeps the workspace's
    // own ids (only the stored document, a separate storage id, is new).
    assert.equal(await other.page.evaluate(() => window.waymark.exportJson()), original);
    const s = await stats(other.page);
    assert.equal(s.share.pending, false);
    assert.equal(await other.page.locator('dialog').count(), 0, 'the dialog is gone');
    assert.match(s.message, /^Opened the shared workspace “Lumen Mobile” as a new document/);
    assert.notEqual(s.storage.doc, firstDoc, 'a new stored document');
    await waitFor(other.page, (n) => window.WaymarkStorage.list().then((d) => d.filter((x) => !x.deleted).length === n), storedBefore + 1);
    assert.equal(await other.page.evaluate(() => location.hash), '', 'the fragment is removed once opened');
    await settle(other.page, 200);
    await screenshot(other.page, 'share-opened');
    assert.deepEqual(errors, []);
    assert.deepEqual(other.errors, []);
  } finally { await a.close(); await b.close(); }
});

test('"Not now" and damaged links leave the stored documents untouched', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    const before = await page.evaluate(() => window.waymark.exportJson());
    const doc = (await stats(page)).storage.doc;
    const count = await storedDocs(page);
    const { url } = await page.evaluate(() => window.waymark.shareLink());
    const fragment = url.slice(url.indexOf('#'));

    // Following a link while the app is open (hashchange) asks too; Escape is "Not now": nothing opens.
    await page.evaluate((f) => { location.hash = f; }, fragment);
    await waitFor(page, () => window.waymark.stats().share.pending);
    await page.getByRole('dialog', { name: 'Shared workspace' }).waitFor();
    await page.keyboard.press('Escape');
    await waitFor(page, () => !window.waymark.stats().share.pending);
    let s = await stats(page);
    assert.match(s.message, /not opened/);
    assert.equal(await page.locator('dialog').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'text-input', 'focus back on the canvas');
    assert.equal(s.storage.doc, doc);
    assert.equal(await page.evaluate(() => window.waymark.exportJson()), before);
    assert.equal(await storedDocs(page), count);

    // Cut short, garbled, or a valid compression of something that is not a workspace file.
    const notWorkspace = await page.evaluate(async () => {
      const s = new Blob([new TextEncoder().encode('{"hello":"world"}')]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const bytes = new Uint8Array(await new Response(s).arrayBuffer());
      return '#share=' + btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    });
    const damaged = [fragment.slice(0, Math.floor(fragment.length / 2)), '#share=@@not*base64', '#share=' + 'A'.repeat(400), notWorkspace];
    for (const [i, f] of damaged.entries()) {
      await page.evaluate(() => window.waymark.importJson('not json'));  // a different message first
      await page.evaluate((x) => { location.hash = x; }, f);
      await waitFor(page, () => /^This share link is damaged or incomplete, so nothing was opened\.$/.test(window.waymark.stats().message));
      s = await stats(page);
      assert.equal(s.share.pending, false, `case ${i}`);
      assert.equal(s.storage.doc, doc);
      if (i === 0) { await settle(page, 200); await screenshot(page, 'share-damaged'); }
    }
    assert.equal(await page.evaluate(() => window.waymark.exportJson()), before);
    assert.equal(await storedDocs(page), count);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a refused clipboard shows the link in a dialog to copy by hand', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    const { url } = await page.evaluate(() => window.waymark.shareLink());
    await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')); });
    await click(page, 'File');
    await click(page, 'Copy share link');
    const dialog = page.getByRole('dialog', { name: 'Share link' });
    await waitFor(page, () => /^The browser did not let Waymark use the clipboard: copy the share link \(\d+ KB\) from the window that opened\.$/.test(window.waymark.stats().message));
    await dialog.waitFor();
    assert.equal((await stats(page)).share.manual, true);
    // The link, read-only and selected whole: Ctrl+C copies it.
    const field = dialog.getByRole('textbox', { name: 'Share link' });
    assert.equal(await field.inputValue(), url);
    assert.equal(await field.evaluate((e) => e.readOnly && document.activeElement === e && e.selectionStart === 0 && e.selectionEnd === e.value.length), true);
    await page.keyboard.type('typed over?');
    assert.equal(await field.inputValue(), url, 'read-only');
    await settle(page, 200);
    await screenshot(page, 'share-manual');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await waitFor(page, () => !window.waymark.stats().share.manual);
    assert.equal(await page.locator('dialog').count(), 0);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a workspace too large for a link says so and points to File › Export', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    assert.equal((await page.evaluate(() => window.waymark.generate({ journeys: 300, levels: 4, stepsPerJourney: 10, lanesPerJourney: 6, cardsPerCell: 1 }))).ok, true);
    await settle(page, 300);
    await click(page, 'File');
    await click(page, 'Copy share link');
    await waitFor(page, () => /too large for a link/.test(window.waymark.stats().message));
    const s = await stats(page);
    assert.match(s.message, /^This workspace is too large for a link \(\d+ KB compressed; links hold up to 60 KB\)\. Use File › Export to share it as a file\.$/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'before', 'nothing copied');
    const hooked = await page.evaluate(() => window.waymark.shareLink());
    assert.equal(hooked.ok, false);
    assert.equal(hooked.error, s.message);
    await settle(page, 200);
    await screenshot(page, 'share-too-large');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
