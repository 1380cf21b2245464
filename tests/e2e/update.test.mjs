// Updates and broken deploys: a damaged new version (a waymark.wasm cut short by an interrupted
// upload) is refused by the service worker, the working version stays in charge and the page says so
// in plain words; once the upload is complete the new version is offered and Reload switches to it.
// A first visit to a damaged site shows plain words instead of "Waymark stopped".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from '../../scripts/static-server.mjs';
import { launch, openApp, screenshot, settle, stats, SITE, ROOT } from './lib.mjs';

const REFUSED = 'An update of Waymark could not be installed (the file waymark.wasm arrived damaged). You are still using the current version.';
const DAMAGED = (file) => `One of its files arrived damaged or incomplete (${file}). Reload in a moment; if it persists, the site is being updated or is broken.`;

// A copy of the good build, served from a folder the test may change as a host's upload would.
async function hostSite() {
  const folder = mkdtempSync(join(tmpdir(), 'waymark-site-'));
  cpSync(SITE, folder, { recursive: true });
  const server = await serve(folder, 0);
  const close = async () => { await new Promise((r) => server.close(r)); rmSync(folder, { recursive: true, force: true }); };
  return { folder, url: `http://127.0.0.1:${server.address().port}/`, close };
}

// Publishes a next version into `folder` as the build does (scripts/stage-web over a changed page
// runtime: new build id, index.html, sw.js and build.json); returns its build id.
function publishNextVersion(folder, label) {
  const web = mkdtempSync(join(tmpdir(), 'waymark-web-'));
  try {
    cpSync(join(ROOT, 'web'), web, { recursive: true });
    appendFileSync(join(web, 'app.js'), `\n// ${label}\n`);
    execFileSync(join(ROOT, 'scripts', 'stage-web'), [web, folder]);
  } finally { rmSync(web, { recursive: true, force: true }); }
  return readFileSync(join(folder, 'build-id.txt'), 'utf8').trim();
}

// An upload cut short: only the first part of the file reached the host.
function cutShort(folder, file) {
  truncateSync(join(folder, file), Math.floor(statSync(join(folder, file)).size * 0.6));
}

async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
}

// Looks for a new version now, as the browser does on every visit.
async function checkForUpdate(page) {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg.update().catch(() => {});
  });
}

async function refusedBar(page) {
  await page.waitForSelector('#update-refused', { timeout: 30000 });
  return {
    words: await page.textContent('#update-refused span'),
    buttons: await page.$$eval('#update-refused button', (b) => b.map((e) => e.textContent)),
    offered: await page.$('#update'),
  };
}

test('a damaged new version is refused; the working one stays; the completed upload is then offered', async () => {
  const site = await hostSite();
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, site.url);
    const oldBuild = await page.evaluate(() => window.waymark.build);
    await controlled(page);

    // The host receives the next version, but waymark.wasm arrives only in part.
    const newBuild = publishNextVersion(site.folder, 'next version');
    assert.notEqual(newBuild, oldBuild);
    cutShort(site.folder, 'waymark.wasm');
    await checkForUpdate(page);
    let bar = await refusedBar(page);
    assert.equal(bar.words, REFUSED);
    assert.deepEqual(bar.buttons, ['Close']);
    assert.equal(bar.offered, null, 'no "A new version … Reload"');
    await settle(page, 200);
    await screenshot(page, 'update-refused');

    // The working version goes on working; the refused one left no cache and no waiting worker.
    assert.equal(await page.evaluate(() => window.waymark.build), oldBuild);
    assert.equal((await stats(page)).document.name, 'Lumen Mobile');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`waymark-${oldBuild}`]);
    const reg = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: !!r.waiting, installing: !!r.installing, active: !!r.active };
    });
    assert.deepEqual(reg, { waiting: false, installing: false, active: true });

    // A reload runs the working version again; the visit tries the update again and refuses it again.
    await page.reload();
    await page.waitForFunction(() => window.waymark && window.waymark.ready);
    await page.evaluate(() => window.waymark.ready);
    assert.equal(await page.evaluate(() => window.waymark.build), oldBuild);
    assert.equal((await stats(page)).document.name, 'Lumen Mobile');
    bar = await refusedBar(page);
    assert.equal(bar.words, REFUSED);
    assert.equal(bar.offered, null);

    // The upload completes: now the new version is offered, and Reload switches to it.
    cpSync(join(SITE, 'waymark.wasm'), join(site.folder, 'waymark.wasm'));
    await page.reload();
    await page.evaluate(() => window.waymark.ready);
    assert.equal(await page.evaluate(() => window.waymark.build), oldBuild);
    await page.waitForSelector('#update button', { timeout: 30000 });
    assert.equal(await page.$('#update-refused'), null);
    await page.click('#update button');
    await page.waitForFunction((b) => window.waymark && window.waymark.build === b, newBuild, { timeout: 20000 });
    await page.evaluate(() => window.waymark.ready);
    const versions = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).searchParams.get('v')).filter(Boolean));
    assert.ok(versions.length >= 4);
    assert.deepEqual([...new Set(versions)], [newBuild], 'every file of the page comes from the new version');
    assert.equal((await stats(page)).document.name, 'Lumen Mobile');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`waymark-${newBuild}`]);
    assert.deepEqual(errors, []);
  } finally {
    await close();
    await site.close();
  }
});

test('a half-published version, and one whose wasm does not compile though build.json agrees, are refused', async () => {
  const site = await hostSite();
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, site.url);
    const oldBuild = await page.evaluate(() => window.waymark.build);
    await controlled(page);
    // The new sw.js is on the host, its build.json not yet: the two name different versions.
    const oldManifest = readFileSync(join(site.folder, 'build.json'));
    publishNextVersion(site.folder, 'half published');
    writeFileSync(join(site.folder, 'build.json'), oldManifest);
    await checkForUpdate(page);
    let bar = await refusedBar(page);
    assert.equal(bar.words, 'An update of Waymark could not be installed (the site was still being updated). You are still using the current version.');
    assert.equal(bar.offered, null);
    await page.click('#update-refused button');
    assert.equal(await page.$('#update-refused'), null, 'Close removes the message');

    // The damaged file was there when the version was staged: sizes and hashes match, it does not compile.
    cpSync(SITE, site.folder, { recursive: true });
    cutShort(site.folder, 'waymark.wasm');
    publishNextVersion(site.folder, 'staged from a damaged build');
    await checkForUpdate(page);
    bar = await refusedBar(page);
    assert.equal(bar.words, REFUSED);
    assert.equal(bar.offered, null);
    assert.equal(await page.evaluate(() => window.waymark.build), oldBuild);
    assert.equal((await stats(page)).document.name, 'Lumen Mobile');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`waymark-${oldBuild}`]);
  } finally {
    await close();
    await site.close();
  }
});

test('a first visit to a damaged site says so in plain words, not "Waymark stopped"', async () => {
  const cases = [
    // waymark.wasm cut short after staging: the page sees a size that is not the one in build.json.
    { name: 'wasm-size', damage: (folder) => cutShort(folder, 'waymark.wasm'), file: 'waymark.wasm' },
    // ... or staged that way: the size matches, compiling fails.
    { name: 'wasm-compile', damage: (folder) => { cutShort(folder, 'waymark.wasm'); publishNextVersion(folder, 'damaged build'); }, file: 'waymark.wasm' },
    // The code's second part (fetched after the first frame), cut short after staging or staged so.
    { name: 'deferred-size', damage: (folder) => cutShort(folder, 'waymark.deferred.wasm'), file: 'waymark.deferred.wasm' },
    { name: 'deferred-compile', damage: (folder) => { cutShort(folder, 'waymark.deferred.wasm'); publishNextVersion(folder, 'damaged build'); }, file: 'waymark.deferred.wasm' },
    // waymark.js cut short: it stops at a syntax error before asking for the wasm.
    { name: 'js', damage: (folder) => cutShort(folder, 'waymark.js'), file: 'waymark.js' },
  ];
  for (const c of cases) {
    const site = await hostSite();
    c.damage(site.folder);
    const { context, close } = await launch();
    try {
      const page = context.pages()[0] || await context.newPage();
      await page.goto(site.url);
      await page.waitForSelector('#fatal:not([hidden])', { timeout: 20000 });
      assert.equal(await page.textContent('#fatal h1'), 'Waymark could not start', c.name);
      assert.equal(await page.textContent('#fatal p'), DAMAGED(c.file), c.name);
      // The service worker refuses the damaged version too; its bar never covers the fatal screen.
      await page.waitForTimeout(1500);
      assert.equal(await page.$('#update-refused'), null, c.name);
      assert.equal(await page.isVisible('#loading'), false, c.name);
      if (c.name === 'wasm-size') await screenshot(page, 'update-first-visit-damaged');
    } finally {
      await close();
      await site.close();
    }
  }
});
