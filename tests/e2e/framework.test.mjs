// The framework grid with real input on the sample workspace: tiles under their lifecycle stage,
// coverage filters, folding, zoom and pan; re-parenting by dragging a tile onto another journey (the
// anchor popup), onto a lifecycle stage column, and refused moves whose sentence appears at the
// drop point while the document stays byte-identical.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, stats, notBlank, rect, settle, click, until } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + Math.min(r.h / 2, 30) });

// Presses on a tile, moves in steps (a real drag) and releases at `to`.
async function drag(page, fromLabel, to) {
  const from = centre(await rect(page, fromLabel));
  await page.mouse.move(from.x, from.y);
  await settle(page, 30);
  await page.mouse.down();
  for (let k = 1; k <= 12; ++k) await page.mouse.move(from.x + (to.x - from.x) * k / 12, from.y + (to.y - from.y) * k / 12);
  await settle(page, 50);
  await page.mouse.up();
  await settle(page, 80);
}

const links = (page) => page.evaluate(() => {
  const ws = JSON.parse(window.waymark.exportJson()).workspace;
  const title = Object.fromEntries(ws.journeys.map((j) => [j.id, j.title]));
  const stage = {};
  for (const j of ws.journeys) for (const s of j.stages) stage[s.id] = s.name;
  return ws.links.map((l) => ({ parent: title[l.parent], child: title[l.child], stage: stage[l.stage] }));
});

test('framework grid: tiles, coverage filters, fold, zoom and pan', async () => {
  const { context, close } = await launch({ viewport: { width: 1500, height: 900 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await settle(page, 400);
    let s = await stats(page);
    assert.equal(s.view, 'framework');
    assert.equal(s.framework.tiles, s.journeys - 1, 'every journey but the lifecycle is a tile');
    const buying = await rect(page, 'tile Buying a phone plan');
    const stage = await rect(page, 'fw stage Purchase');
    assert.ok(buying.x >= stage.x - 1 && buying.x + buying.w <= stage.x + stage.w + 1, 'the tile sits under its lifecycle stage');
    const micro = await rect(page, 'tile Sign up online');
    assert.ok(micro.y > buying.y, 'a micro journey is drawn in a lower level row');
    const px = await notBlank(page);
    assert.ok(px.colours > 50 && px.differing > px.sampled * 0.05, 'the grid is drawn');
    await screenshot(page, 'framework-grid');

    // Coverage: "No KPI" singles journeys out; "Gaps" lists unmapped steps inside tiles.
    await click(page, 'filter No KPI');
    s = await stats(page);
    assert.equal(s.framework.filters, 'noKpi');
    await click(page, 'filter No KPI');
    await click(page, 'filter Gaps');
    s = await stats(page);
    assert.equal(s.framework.filters, 'gaps');
    const taller = await rect(page, 'tile Buying a phone plan');
    assert.ok(taller.h > buying.h, 'the tile lists its steps nothing details yet');
    await rect(page, 'fw stage Awareness');   // no journey hangs under Awareness in the sample
    await screenshot(page, 'framework-gaps');
    await click(page, 'filter Gaps');

    // Fold a journey's children away, and back.
    const before = (await stats(page)).framework.tiles;
    await click(page, 'collapse Buying a phone plan');
    s = await stats(page);
    assert.equal(s.framework.collapsed, 1);
    assert.ok(s.framework.tiles < before, `children folded away (${s.framework.tiles} < ${before})`);
    const gone = await page.evaluate(() => window.waymark.rect('tile Port my number'));
    assert.equal(gone.ok, false, 'a folded child is not drawn');
    await click(page, 'collapse Buying a phone plan');
    assert.equal((await stats(page)).framework.tiles, before);

    // Fold a level row by its label.
    await click(page, 'fw level 2');
    s = await stats(page);
    assert.equal(s.framework.foldedLevels, 1);
    assert.equal(s.framework.tiles, s.journeysByLevel['1']);
    await click(page, 'fw level 2');

    // Ctrl+wheel zooms at the pointer; a drag on empty canvas pans.
    const z0 = (await stats(page)).framework.zoom;
    const cell = await rect(page, 'fw cell Awareness L1');
    await page.mouse.move(cell.x + cell.w / 2, cell.y + cell.h / 2);
    await page.keyboard.down('Control');
    for (let k = 0; k < 5; ++k) await page.mouse.wheel(0, 120);
    await page.keyboard.up('Control');
    await settle(page, 100);
    const z1 = (await stats(page)).framework.zoom;
    assert.ok(z1 < z0, `zoomed out (${z1} < ${z0})`);
    await screenshot(page, 'framework-zoomed-out');
    await click(page, '100% framework');
    assert.equal((await stats(page)).framework.zoom, 1);

    // A click on a tile opens the journey.
    await click(page, 'tile Comparing plans');
    s = await stats(page);
    assert.equal(s.view, 'journey');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('framework grid: re-parent by dragging a tile; refused moves say why at the drop point', async () => {
  const { context, close } = await launch({ viewport: { width: 1500, height: 900 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await settle(page, 400);

    // A micro journey onto another macro journey: the popup asks where, then it moves.
    const target = centre(await rect(page, 'tile Getting started'));
    await drag(page, 'tile Port my number', target);
    await click(page, 'Connect (the whole stage) under');
    let l = (await links(page)).filter((x) => x.child === 'Port my number');
    assert.deepEqual(l, [{ parent: 'Getting started', child: 'Port my number', stage: 'Connect' }]);
    let s = await stats(page);
    assert.match(s.framework.note, /now hangs under .Getting started. at .Connect./);
    assert.equal(s.framework.noteIsError, false);

    // A macro journey onto the empty Awareness column: under the lifecycle there, at once.
    const awareness = await rect(page, 'fw cell Awareness L1');
    await drag(page, 'tile Leaving Lumen', { x: awareness.x + awareness.w / 2, y: awareness.y + awareness.h - 10 });
    l = (await links(page)).filter((x) => x.child === 'Leaving Lumen');
    assert.deepEqual(l, [{ parent: 'Customer lifecycle', child: 'Leaving Lumen', stage: 'Awareness' }]);
    await screenshot(page, 'framework-moved');

    // Refused: a journey under its own child (a loop), and a macro journey under another macro.
    const exported = await page.evaluate(() => window.waymark.exportJson());
    const child = centre(await rect(page, 'tile Sign up online'));
    await drag(page, 'tile Buying a phone plan', child);
    s = await stats(page);
    assert.equal(s.framework.noteIsError, true);
    assert.ok(s.framework.note.length > 10, `a sentence is shown (${s.framework.note})`);
    const note = await rect(page, 'fw note');
    assert.ok(Math.abs(note.x - child.x) < 60 && Math.abs(note.y - child.y) < 60, 'the message appears at the drop point');
    assert.equal(s.message, s.framework.note, 'and on the status line');
    await screenshot(page, 'framework-refused');

    const renewing = centre(await rect(page, 'tile Renewing a contract'));
    await drag(page, 'tile Comparing plans', renewing);
    s = await stats(page);
    assert.equal(s.framework.noteIsError, true);
    assert.match(s.framework.note, /level/i, `a level refusal (${s.framework.note})`);
    assert.equal(await page.evaluate(() => window.waymark.exportJson()), exported, 'refused moves change nothing');

    // Undo takes the moves back one by one.
    await page.keyboard.press('Control+z');
    await settle(page, 80);
    l = (await links(page)).filter((x) => x.child === 'Leaving Lumen');
    assert.equal(l[0].stage, 'Leave');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('framework grid: no hover tooltip while the grid moves under the pointer; it comes back once it rests', async () => {
  const { context, close } = await launch({ viewport: { width: 1500, height: 900 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await settle(page, 400);
    const at = centre(await rect(page, 'tile Buying a phone plan'));
    await page.mouse.move(at.x, at.y);
    await settle(page, 100);
    const cam = async () => (await stats(page)).framework;
    assert.equal((await cam()).tooltip, 'Buying a phone plan', 'a tile at rest under the pointer has its tooltip');

    // A middle-button drag pans: while it is held, cards pass under the pointer without a tooltip,
    // even back over the same card and at rest.
    await page.mouse.down({ button: 'middle' });
    for (let k = 1; k <= 8; ++k) await page.mouse.move(at.x - k * 20, at.y - k * 10);
    for (let k = 7; k >= 0; --k) await page.mouse.move(at.x - k * 20, at.y - k * 10);
    await settle(page, 500);
    assert.equal((await cam()).tooltip, '', 'no tooltip while the pan is held');
    await screenshot(page, 'framework-pan-held');
    assert.equal((await cam()).resting, false, 'a held pan is not rest');
    await page.mouse.up({ button: 'middle' });
    // Released, the grid rests: the tooltip comes back without another move of the pointer.
    await until(page, async () => (await cam()).resting, 'the grid to rest after the pan');
    await settle(page, 100);
    assert.equal((await cam()).tooltip, 'Buying a phone plan', 'the tooltip is back once the grid rests');

    // The wheel: down and back up by the same amount. Read soon after, there is no tooltip (only
    // checked when the read came soon enough: the tooltip returns PanRest::kRestS after the wheel).
    const t0 = Date.now();
    await page.mouse.wheel(0, 100);
    await page.mouse.wheel(0, -100);
    await page.evaluate(() => window.waymark.settled());
    const soon = await cam();
    if (Date.now() - t0 < 250) {
      assert.equal(soon.resting, false, 'the grid has not rested yet');
      assert.equal(soon.tooltip, '', 'no tooltip right after the wheel');
    }
    await until(page, async () => (await cam()).resting, 'the grid to rest after the wheel');
    await settle(page, 100);
    assert.equal((await cam()).tooltip, 'Buying a phone plan', 'the tooltip is back after the wheel');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('framework grid: a tile\'s KPI keeps its value in view, at 100 % and narrower; its tooltip names the KPI', async () => {
  const { context, close } = await launch({ viewport: { width: 1500, height: 900 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await settle(page, 300);
    const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    // Every tile whole on screen whose KPI has a value shows it, before the sparkline (the tile's
    // right part): the name gives way, with "…" or entirely.
    const valuesInView = async () => {
      const titles = [];
      for (const j of ws.journeys) {
        const value = await page.evaluate((l) => window.waymark.rect(l), `kpi value ${j.title}`);
        if (value.ok === false) continue;
        const tile = await rect(page, `tile ${j.title}`);
        if (tile.y < 200 || tile.y + tile.h > 880 || tile.x + tile.w > 1490) continue;   // whole on screen
        assert.ok(value.w > 10 && value.x >= tile.x && value.x + value.w <= tile.x + tile.w * 0.8,
          `the KPI value of "${j.title}" is in view: ${JSON.stringify(value)} in ${JSON.stringify(tile)}`);
        titles.push(j.title);
      }
      return titles;
    };
    const zoom = (await stats(page)).framework.zoom;
    assert.ok(zoom < 0.9, `the grid opens below 100 % here (${zoom})`);
    const narrow = await valuesInView();
    assert.ok(narrow.length >= 5, `tiles show their KPI's value at ${Math.round(zoom * 100)} % (${narrow})`);
    await screenshot(page, 'framework-kpi-values-narrow');
    // The tooltip says which KPI that value is.
    const tile = await rect(page, 'tile Buying a phone plan');
    await page.mouse.move(tile.x + tile.w / 2, tile.y + tile.h / 2);
    await until(page, async () => (await stats(page)).framework.tooltip === 'Buying a phone plan', 'the tile\'s tooltip');
    const named = (await stats(page)).framework.tooltipKpi;
    assert.match(named, / [0-9.]+ \/ [0-9.]+ .*\((on|off) target\)$/, 'the KPI with its value and health');
    assert.ok(ws.metrics.some((m) => named.startsWith(`${m.name} `)), `the KPI by its name: "${named}"`);

    await click(page, '100% framework');
    await settle(page, 300);
    assert.ok((await valuesInView()).length >= 3, 'tiles show their KPI\'s value at 100 %');
    await screenshot(page, 'framework-kpi-values');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
