// Issue 17: the journey map's body and the framework grid are drawn from cached tiles (ui/kit/tiles),
// and what a person sees must be what the map is — after a pan, an edit made with mouse and keyboard,
// a hover, a zoom. Each check compares the canvas drawn from tiles with the canvas drawn directly
// (waymark.tiles(false)): any stale or misplaced tile shows up as a patch of differing pixels. Tiles
// sit on whole device pixels, so the direct drawing may differ by up to half a pixel: a pixel counts
// as different only if no pixel within one pixel of it in the other picture matches it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, launch, openApp, stats, click, settle, until, typeAndEnter, screenshot, keepCanvas, differingPixels, showEmotionMap, ARTIFACTS } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

// The same picture drawn from tiles and directly; tiles are on again afterwards.
let compared = 0;
async function sameAsDirect(page, what) {
  // After a wheel or a pan the grid shows its hover feedback once it rests (0.3 s later): both
  // pictures are taken after that, or one would have the hovered tile's tooltip and the other not.
  // After a zoom gesture the tiles are painted at its zoom once it rests (until then they are shown
  // scaled): the same wait.
  await until(page, async () => { const s = await stats(page); return s.framework.resting && s.map.resting; }, 'the view to rest under the pointer');
  await page.evaluate(() => window.waymark.settled());
  await keepCanvas(page, 'tiled');
  await page.evaluate(() => window.waymark.tiles(false));
  await settle(page, 200);
  await page.evaluate(() => window.waymark.settled());
  await keepCanvas(page, 'direct');
  await page.evaluate(() => window.waymark.tiles(true));
  await settle(page, 200);
  const path = join(ARTIFACTS, `tiles-diff-${++compared}.png`);
  // "Saving…" may turn to "Saved" between the two: the status bar is left out.
  const n = await differingPixels(page, 'tiled', 'direct', path, { reach: 1, near: 40, skipBottom: 40 });
  assert.ok(n < 40, `${what}: ${n} pixels differ between the tiled and the direct drawing (marked in ${path})`);
}

const tileCounts = (page) => page.evaluate(() => window.waymark.tileCounts());

test('journey map from tiles: a pan reuses them, an edit repaints, the picture is the map', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const journey = await showEmotionMap(page);
    await tileCounts(page);
    await sameAsDirect(page, 'the map as opened');

    // A pan by wheel: the tiles already painted are shown again; only those that came into view are painted.
    await page.mouse.move(700, 560);
    await settle(page, 100);
    await tileCounts(page);
    for (let i = 0; i < 6; ++i) { await page.mouse.wheel(90, 60); await settle(page, 60); }
    const pan = await tileCounts(page);
    assert.ok(pan.shown > 0, 'the body is drawn from tiles');
    assert.ok(pan.painted < pan.shown / 3, `a pan paints few tiles (${pan.painted} painted, ${pan.shown} shown)`);
    await sameAsDirect(page, 'the map after a pan (the emotion curves run on across tiles)');

    // An edit through the canvas: a double-click on an empty cell, typing, Enter — its tile is repainted.
    // An empty cell of a card lane on screen (a double-click on a card would edit that card instead).
    const steps = journey.stages.flatMap((s) => s.steps);
    let cell = null;
    for (const lane of journey.lanes.filter((l) => l.kind !== 'emotion' && !l.collapsed)) {
      for (const step of steps) {
        if (cell || journey.cards.some((c) => c.lane === lane.id && c.step === step.id)) continue;
        const label = `cell ${lane.name} ${step.name}`;
        const r = await page.evaluate((l) => window.waymark.rect(l), label);
        if (r.ok !== false && r.w > 40 && r.h > 30 && r.y > 400 && r.y + r.h < 760 && r.x > 220 && r.x + r.w < 1260) cell = label;
      }
    }
    assert.ok(cell, 'an empty cell is on screen');
    const before = (await stats(page)).cards;
    await tileCounts(page);
    await click(page, cell, { double: true });
    await typeAndEnter(page, 'Drawn into its tile');
    await until(page, async () => (await stats(page)).cards === before + 1, 'the card was added');
    const edit = await tileCounts(page);
    assert.ok(edit.painted >= 1, 'the tile under the new card was painted again');
    await sameAsDirect(page, 'the map after adding a card');
    await screenshot(page, 'tiles-map');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// An emotion lane with no score yet shows a hint, "Click to score…". Placed at the first column a
// drawing was asked for, each tile drew its own copy, cut at its edges, where the direct drawing has
// one: now it stands in every fourth column, the same whoever draws it.
test('journey map from tiles: an emotion lane without scores shows its hint as the direct drawing does', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const doc = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    const journey = doc.workspace.journeys.filter((j) => j.lanes.some((l) => l.kind === 'emotion')).sort((a, b) => b.cards.length - a.cards.length)[0];
    journey.emotions = [];
    assert.deepEqual(await page.evaluate((t) => window.waymark.importJson(t), JSON.stringify(doc)), { ok: true });
    await settle(page, 300);
    assert.deepEqual(await page.evaluate((id) => window.waymark.show('journey', id), journey.id), { ok: true });
    await settle(page, 400);
    const lane = journey.lanes.find((l) => l.kind === 'emotion');
    const first = journey.stages[0].steps[0];
    const r = await page.evaluate((l) => window.waymark.rect(l), `cell ${lane.name} ${first.name}`);
    assert.ok(r.ok !== false, 'the emotion lane is on screen');
    await sameAsDirect(page, 'the hint as opened');
    // Panned so that the view starts inside a column other than the first of a tile.
    await page.mouse.move(700, 560);
    await settle(page, 100);
    for (let i = 0; i < 5; ++i) { await page.mouse.wheel(130, 0); await settle(page, 60); }
    await sameAsDirect(page, 'the hint after a pan');
    await screenshot(page, 'tiles-emotion-hint');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// Ctrl+wheel steps at the pointer, as a touchpad pinch sends them (`delta` < 0 zooms in); the tile
// counts of the frames drawn meanwhile.
async function zoomGesture(page, delta) {
  await tileCounts(page);
  await page.keyboard.down('Control');
  for (let i = 0; i < 4; ++i) { await page.mouse.wheel(0, delta); await page.waitForTimeout(40); }
  await page.evaluate(() => window.waymark.settled());
  const during = await tileCounts(page);
  await page.keyboard.up('Control');
  return during;
}

test('a zoom gesture shows the tiles it has, scaled, and paints them at its zoom once it rests', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await showEmotionMap(page);
    await page.mouse.move(700, 560);
    await settle(page, 100);
    for (const [what, delta] of [['in', -40], ['out', 40]]) {
      const z0 = (await stats(page)).map.zoom;
      const during = await zoomGesture(page, delta);
      const z1 = (await stats(page)).map.zoom;
      assert.ok(delta < 0 ? z1 > z0 * 1.1 : z1 < z0 / 1.1, `zoomed ${what}: ${z0} → ${z1}`);
      assert.ok(during.scaled >= 1, `the tiles were shown scaled while zooming ${what} (${JSON.stringify(during)})`);
      assert.ok(during.painted < during.shown / 2, `zooming ${what} painted few tiles (${during.painted} painted, ${during.shown} shown)`);
      // At rest they are painted at the zoom the gesture came to: the picture is the map drawn directly.
      await until(page, async () => (await stats(page)).map.resting, `the zoom ${what} to rest`);
      await settle(page, 100);
      assert.ok((await tileCounts(page)).painted >= 1, `painted again at the zoom the gesture came to (${what})`);
      await sameAsDirect(page, `the map after zooming ${what}`);
    }
    // The framework grid alike.
    assert.deepEqual(await page.evaluate(() => window.waymark.show('framework')), { ok: true });
    await settle(page, 300);
    await page.mouse.move(700, 560);
    await settle(page, 100);
    const z0 = (await stats(page)).framework.zoom;
    const during = await zoomGesture(page, -40);
    assert.ok((await stats(page)).framework.zoom > z0 * 1.1, 'the grid zoomed in');
    assert.ok(during.scaled >= 1 && during.painted < during.shown / 2, `the grid's tiles shown scaled (${JSON.stringify(during)})`);
    await sameAsDirect(page, 'the grid after zooming in');
    await screenshot(page, 'tiles-zoomed');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// On a software renderer (SwiftShader here, as on GPU-less virtual desktops) the page shows the tiles
// in a 2D canvas under the WebGL one, which is transparent where they go (web/app.js, "tile layer"):
// the compositor reads the WebGL canvas back every frame it changes, and a pan that moves only tiles
// no longer changes it. What a person sees must be what the WebGL canvas draws with the tiles itself
// (waymark.tileLayer(false)), pixel for pixel, after a pan either way and a click that paints a tile.
test('software GL: the page shows the tiles under the canvas; a pan redraws little of the canvas, the picture is the same', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const journey = await showEmotionMap(page);
    const counts = () => page.evaluate(() => window.waymark.redrawCounts());
    assert.equal((await counts()).layered, true, 'the tile layer is on (the renderer is software)');
    let n = 0;
    const sameAsWebGl = async (what) => {
      await until(page, async () => (await stats(page)).map.resting, 'the map to rest under the pointer');
      await page.evaluate(() => window.waymark.settled());
      await keepCanvas(page, 'layer');
      await page.evaluate(() => window.waymark.tileLayer(false));
      await settle(page, 200);
      await page.evaluate(() => window.waymark.settled());
      assert.equal(await page.evaluate(() => window.waymark.redrawCounts().layered), false);
      await keepCanvas(page, 'webgl');
      await page.evaluate(() => window.waymark.tileLayer(true));
      await settle(page, 200);
      const path = join(ARTIFACTS, `tile-layer-diff-${++n}.png`);
      const d = await differingPixels(page, 'layer', 'webgl', path, { near: 2, skipBottom: 40 });
      assert.equal(d, 0, `${what}: ${d} pixels differ between the tile layer and WebGL's own tiles (marked in ${path})`);
    };
    await sameAsWebGl('the map as opened');

    // Zoomed in, so that the map is wider and taller than the window.
    for (let i = 0; i < 2; ++i) { await click(page, '+ zoom in'); await settle(page, 100); }
    // Sideways by the wheel, and back over tiles the page holds: only the steps' headers move on the
    // WebGL canvas. (A tile that comes into view is drawn there until its pixels reach the page, a
    // frame or two later.)
    await page.mouse.move(700, 560);
    await settle(page, 100);
    for (let i = 0; i < 6; ++i) { await page.mouse.wheel(90, 0); await settle(page, 60); }
    await settle(page, 200);
    await counts();
    for (let i = 0; i < 6; ++i) { await page.mouse.wheel(-90, 0); await settle(page, 60); }
    const sideways = await counts();
    assert.ok(sideways.layer >= 3, `the page drew the tile layer as the map moved (${sideways.layer} frames)`);
    assert.ok(sideways.drawn < 0.2, `a sideways pan redraws under a fifth of the WebGL canvas (${(sideways.drawn * 100).toFixed(0)} %)`);
    await sameAsWebGl('the map after a sideways pan');

    // Diagonally by a middle-button drag, and back: the steps' band and the lanes' column, not the body between.
    const drag = async (dx, dy) => {
      await page.mouse.move(800, 600);
      await page.mouse.down({ button: 'middle' });
      for (let i = 1; i <= 8; ++i) { await page.mouse.move(800 + i * dx, 600 + i * dy); await settle(page, 30); }
      await page.mouse.up({ button: 'middle' });
      await settle(page, 200);
    };
    await drag(-20, -12);
    await counts();
    await drag(20, 12);
    const diagonal = await counts();
    assert.ok(diagonal.layer >= 3, `the page drew the tile layer as the map moved (${diagonal.layer} frames)`);
    assert.ok(diagonal.drawn < 0.35, `a diagonal pan redraws the bands around the body, not the body (${(diagonal.drawn * 100).toFixed(0)} % of the WebGL canvas)`);
    await sameAsWebGl('the map after a diagonal pan');

    // A click on a card selects it: its tile is painted again and the page shows the new one.
    const card = journey.cards.filter((c) => c.text).map((c) => `card ${c.text}`);
    let label = null;
    for (const l of card) {
      const r = await page.evaluate((x) => window.waymark.rect(x), l);
      if (r.ok !== false && r.x > 240 && r.x + r.w < 1240 && r.y > 420 && r.y + r.h < 740) { label = l; break; }
    }
    assert.ok(label, 'a card is on screen');
    await click(page, label);
    await until(page, async () => (await stats(page)).map.selectedCards === 1, 'the card is selected');
    await sameAsWebGl('the map with a card selected');
    await screenshot(page, 'tile-layer-map');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('framework grid from tiles: pans, hover and folding show what the grid is', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await page.evaluate(() => window.waymark.generate({ journeys: 300, levels: 3, stepsPerJourney: 4, lanesPerJourney: 3, cardsPerCell: 1, seed: 3 }));
    assert.deepEqual(await page.evaluate(() => window.waymark.show('framework')), { ok: true });
    await settle(page, 400);
    await sameAsDirect(page, 'the grid as opened');
    await page.mouse.move(1000, 600);
    await settle(page, 100);
    await tileCounts(page);
    for (let i = 0; i < 6; ++i) { await page.mouse.wheel(60, 120); await settle(page, 60); }
    const pan = await tileCounts(page);
    assert.ok(pan.painted < pan.shown / 3, `a pan paints few tiles (${pan.painted} painted, ${pan.shown} shown)`);
    // The pointer over a tile: its hover fill is in the picture (the tile under it was painted again).
    await sameAsDirect(page, 'the grid after a pan, a tile hovered');
    // Fold a level with its chevron: the grid changes under the tiles.
    const level = (await stats(page)).framework;
    await click(page, 'fw level 1');
    await settle(page, 300);
    await sameAsDirect(page, 'the grid after a click on a level');
    await screenshot(page, 'tiles-framework');
    assert.ok(level, 'the framework reports its state');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// The bold face arrives after the first frame and changes every tile, so until it is drawn the views
// draw directly (no tile painted twice); then from tiles. Without it (the file cannot be had) the app
// goes on in the regular face, from tiles.
test('tiles wait for the bold face, and come without it', async () => {
  for (const boldArrives of [true, false]) {
    const { context, close } = await launch();
    try {
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await context.route(/fonts\/ui-bold\.ttf/, async (route) => {
        await held;
        if (boldArrives) await route.continue();
        else await route.fulfill({ status: 404, body: 'gone' });
      });
      const page = context.pages()[0];
      await page.goto(srv.url);
      await page.waitForFunction(() => window.waymark && window.waymark.firstFrameMs() > 0, null, { timeout: 20000 });
      await page.mouse.move(700, 500);
      await tileCounts(page);
      for (let i = 0; i < 3; ++i) { await page.mouse.wheel(40, 80); await settle(page, 60); }
      assert.equal((await tileCounts(page)).shown, 0, 'drawn directly while the bold face is on its way');
      release();
      await page.evaluate(() => window.waymark.ready);
      for (let i = 0; i < 3; ++i) { await page.mouse.wheel(-40, -80); await settle(page, 60); }
      const after = await tileCounts(page);
      assert.ok(after.shown > 0, `from tiles once the bold face ${boldArrives ? 'is drawn' : 'is known to be missing'} (${JSON.stringify(after)})`);
      await sameAsDirect(page, `the grid, bold face ${boldArrives ? 'drawn' : 'missing'}`);
      await screenshot(page, `tiles-bold-${boldArrives ? 'drawn' : 'missing'}`);
    } finally { await close(); }
  }
});
