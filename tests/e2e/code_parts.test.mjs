// The code in two parts (issue 17, scripts/split-wasm): a first visit's first frame needs only
// waymark.wasm; waymark.deferred.wasm, the rest, is fetched after it (a return visit, served by the
// service worker, takes it before). The app must work the same whether the
// second part arrived before the first click or is fetched there and then, and say in plain words
// when it cannot be had.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, stats, notBlank, click, until } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const DEFERRED = /\/waymark\.deferred\.wasm(\?|$)/;
const titled = async (page, title) => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace.journeys
  .some((j) => j.title === title);

// Real input that runs code start-up never ran: the journey map opened from the framework, its
// title edited.
async function renameJourney(page, title = 'Buying a phone plan', added = ' today') {
  await click(page, title);
  await until(page, async () => (await stats(page)).view === 'journey', 'the journey map');
  await click(page, 'Journey title');
  await page.keyboard.press('End');
  await page.keyboard.type(added);
  await page.keyboard.press('Enter');
  await until(page, () => titled(page, title + added), 'the new title');
}
// The first frame drawn (without the test hook's `ready`, which waits for the second part).
async function firstFrame(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.waymark && window.waymark.firstFrameMs() > 0, null, { timeout: 20000 });
  await page.evaluate(() => window.waymark.settled());
}

test('the first frame comes from the first part of the code; the rest is fetched after it', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    const parts = await page.evaluate(() => window.waymark.codeParts());
    assert.equal(parts.split, true, 'a split build');
    // A path start-up did not record could have fetched it on demand (the bench prints how often).
    assert.ok(['after the first frame', 'on demand'].includes(parts.deferred), parts.deferred);
    const timing = await page.evaluate(() => ({
      first: window.waymark.firstFrameMs(),
      loads: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, bytes: e.decodedBodySize })),
    }));
    const main = timing.loads.find((e) => /\/waymark\.wasm\?/.test(e.name));
    const rest = timing.loads.find((e) => DEFERRED.test(e.name));
    assert.ok(main && main.start < timing.first, 'waymark.wasm before the first frame');
    assert.ok(rest, 'waymark.deferred.wasm fetched');
    if (parts.deferred === 'after the first frame') assert.ok(rest.start >= timing.first, `the second part after the first frame (${rest.start} < ${timing.first})`);
    assert.ok(rest.bytes > main.bytes, `most of the code comes after the first frame (${main.bytes} before, ${rest.bytes} after)`);
    await renameJourney(page);
    await screenshot(page, 'code-parts-renamed');
    const px = await notBlank(page);
    assert.ok(px.colours > 20 && px.differing > px.sampled * 0.05, 'the map is drawn');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a return visit takes the second part from the service worker before its first frame, with no placeholder called', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    await renameJourney(page);
    await page.waitForFunction(() => {
      const s = window.waymark.stats();
      return s.storage.status === 'saved' && !s.document.dirty;
    });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await page.reload();
    await page.waitForFunction(() => window.waymark && window.waymark.ready, null, { timeout: 20000 });
    await page.evaluate(() => window.waymark.ready);
    // Opening the stored document is code of the second part: in place before the answers came.
    assert.deepEqual(await page.evaluate(() => window.waymark.codeParts()), { split: true, deferred: 'before the first frame', placeholder: null });
    const timing = await page.evaluate(() => ({
      first: window.waymark.firstFrameMs(),
      inPlace: performance.getEntriesByName('waymark:deferred')[0]?.startTime,
      loads: performance.getEntriesByType('resource').filter((e) => /\/waymark\.deferred\.wasm\?/.test(e.name)).length,
    }));
    assert.ok(timing.inPlace < timing.first, `in place (${timing.inPlace} ms) before the first frame (${timing.first} ms)`);
    assert.equal(timing.loads, 1, 'asked for once');
    assert.ok(await titled(page, 'Buying a phone plan today'), 'the stored document, with the edit');
    // Real input on code of the second part (the document opens on its framework).
    await renameJourney(page, 'Buying a phone plan today', ' again');
    await screenshot(page, 'code-parts-return');
    const px = await notBlank(page);
    assert.ok(px.colours > 20 && px.differing > px.sampled * 0.05, 'the map is drawn');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a click before the second part has arrived fetches it there and then; nothing is lost', async () => {
  const { context, close } = await launch();
  const held = [];
  try {
    const page = context.pages()[0] || await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The page's own download after the first frame is held back; the synchronous one a
    // placeholder makes when the code is needed goes through.
    await page.route(DEFERRED, (route) => {
      if (route.request().resourceType() === 'fetch') held.push(route);
      else route.continue();
    });
    await firstFrame(page, srv.url);
    // Asked for after the first frame, and held; or (a start-up path the split's profile did not
    // see) already fetched on demand before it.
    const parts = () => page.evaluate(() => window.waymark.codeParts());
    await until(page, async () => ['loading', 'on demand'].includes((await parts()).deferred), 'the page to ask for the second part');
    assert.ok(held.length <= 1);
    await renameJourney(page);
    assert.equal((await parts()).deferred, 'on demand');
    // The held download ends later: the code already in place stays.
    if (held.length) await held[0].continue();
    await page.evaluate(() => window.waymark.ready);
    assert.equal((await parts()).deferred, 'on demand');
    await click(page, 'Journey title');
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    await page.keyboard.press('Enter');
    await until(page, () => titled(page, 'Buying a phone plan today!'), 'a second edit');
    assert.equal(await page.isVisible('#fatal'), false);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('when the second part cannot be had, the page says so in plain words and the stored document is intact', async () => {
  const { context, close } = await launch();
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.route(DEFERRED, (route) => route.abort('internetdisconnected'));
    await page.goto(srv.url);
    // The page's download fails after the first frame (or, on a start-up path the split's profile
    // did not see, the one on demand fails before it).
    await page.waitForFunction(() => !document.getElementById('fatal').hidden
      || (window.waymark && window.waymark.firstFrameMs() > 0 && window.waymark.codeParts().deferred === 'failed'), null, { timeout: 20000 });
    // The next key needs code that is not there: "?" opens the shortcuts sheet (the test hook's
    // calls would too, so none is made here).
    if (await page.isHidden('#fatal')) await page.keyboard.type('?');
    await page.waitForSelector('#fatal:not([hidden])', { timeout: 10000 });
    assert.equal(await page.textContent('#fatal h1'), 'Waymark could not go on');
    assert.equal(await page.textContent('#fatal p'), 'A part of Waymark that this step needs (waymark.deferred.wasm) did not arrive: the connection may be down. Your documents are kept in this browser: reload the page when the connection is back.');
    await screenshot(page, 'code-parts-unavailable');
    // Back online: the same document opens, and the app works.
    await page.unroute(DEFERRED);
    await page.reload();
    await page.waitForFunction(() => window.waymark && window.waymark.ready, null, { timeout: 20000 });
    await page.evaluate(() => window.waymark.ready);
    assert.equal((await stats(page)).document.name, 'Lumen Mobile', 'the sample workspace, as stored');
    await renameJourney(page);
  } finally { await close(); }
});
