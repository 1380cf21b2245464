// Drill-down and navigation with real mouse and keyboard, from a workspace holding only the L0
// lifecycle (with a Linked journeys lane), one persona and one opportunity: a macro journey created
// from a lifecycle stage's menu (one undo step), a micro journey from one of its steps (staying on
// the map), opened from the step's Linked journeys lane; the links and levels checked in the export;
// a child of the last level refused in words; breadcrumbs clicked up to L0; Back / Forward by
// button, Alt+arrows and the mouse's own back/forward buttons, skipping a journey that was deleted;
// the Ctrl+K palette jumping to a persona, an opportunity and journeys by typing, arrows, Enter and
// a click; a journey with two parents shows "+1" in its breadcrumbs. Screenshots looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startServer, launch, openApp, screenshot, stats, notBlank, rect, settle, click } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const exported = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
const doc = async (page) => (await exported(page)).workspace;
const journeyOf = (ws, title) => ws.journeys.find((j) => j.title === title);
const stageOf = (j, name) => j.stages.find((s) => s.name === name);
const stepOf = (j, name) => j.stages.flatMap((s) => s.steps).find((s) => s.name === name);

// Ctrl+K, type, then Enter (or not); the palette's state afterwards.
async function palette(page, query, { enter = true } = {}) {
  await page.keyboard.press('Control+k');
  await settle(page, 150);
  assert.equal((await stats(page)).palette.open, true, 'Ctrl+K opens the palette');
  await page.keyboard.type(query, { delay: 10 });
  await settle(page, 150);
  const st = (await stats(page)).palette;
  if (enter) {
    await page.keyboard.press('Enter');
    await settle(page, 250);
  }
  return st;
}

// The mouse's back (or forward) button, pressed and released through Chromium's input pipeline
// (playwright's mouse knows only left, right and middle).
async function mouseButton(page, button) {
  const cdp = await page.context().newCDPSession(page);
  const at = { x: 700, y: 600 };
  const buttons = button === 'back' ? 8 : 16;
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at, button, buttons, clickCount: 1 });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at, button, buttons: 0, clickCount: 1 });
  await cdp.detach();
  await settle(page, 250);
}

test('navigation: build a three-level framework from the L0 lifecycle by drilling down; breadcrumbs, back/forward, Ctrl+K', async () => {
  const { context, close } = await launch({ viewport: { width: 1440, height: 1000 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    // Fixture: a blank workspace (the lifecycle only) given a Linked journeys lane, with one persona
    // and one opportunity taken from the sample and unlinked.
    const sample = await doc(page);
    await click(page, 'File');
    await click(page, 'New blank workspace');
    await settle(page, 300);
    const file = await exported(page);
    const ws0 = file.workspace;
    assert.equal(ws0.journeys.length, 1);
    const lifecycle = ws0.journeys[0];
    assert.equal(lifecycle.level, 0);
    lifecycle.lanes = [{ id: randomUUID(), name: 'Macro journeys', kind: 'journey-link', layer: '', color: '#64748b', collapsed: false }];
    const zoe = { ...sample.personas.find((p) => p.name.startsWith('Zo')), name: 'Zoë Martin' };
    const opp = { ...sample.opportunities[0], title: 'Explain the first bill', journeys: [], steps: [], insights: [], personas: [], scores: [] };
    ws0.personas = [zoe];
    ws0.opportunities = [opp];
    assert.deepEqual(await page.evaluate((t) => window.waymark.importJson(t), JSON.stringify(file)), { ok: true });
    await settle(page, 300);
    let st = await stats(page);
    assert.equal(st.journeys, 1);
    assert.equal(st.view, 'framework');
    assert.equal(st.history.canBack, false, 'a new document starts without history');

    // Open the lifecycle map through the palette.
    const found = await palette(page, 'lifecycle');
    assert.equal(found.first, 'Customer lifecycle');
    st = await stats(page);
    assert.equal(st.view, 'journey');
    assert.equal(st.viewId, lifecycle.id);
    assert.equal(st.palette.open, false, 'Enter closes the palette');

    // L1: "New child journey for this stage…" on the lifecycle's Purchase stage.
    await click(page, 'stage Purchase', { button: 'right' });
    await click(page, 'New child journey for this stage… menu');
    await settle(page, 200);
    await rect(page, 'Customer lifecycle › Purchase under ' + stageOf(lifecycle, 'Purchase').id);
    await page.keyboard.type('Buying a phone', { delay: 5 });
    await click(page, 'Create journey');
    await settle(page, 300);
    let ws = await doc(page);
    const macro = journeyOf(ws, 'Buying a phone');
    assert.ok(macro, 'the macro journey exists');
    assert.equal(macro.level, 1);
    assert.equal(ws.links.length, 1);
    assert.equal(ws.links[0].parent, lifecycle.id);
    assert.equal(ws.links[0].child, macro.id);
    assert.equal(ws.links[0].stage, stageOf(lifecycle, 'Purchase').id);
    assert.ok(!ws.links[0].step || /^[0-]+$/.test(ws.links[0].step), 'anchored at the stage, no step: ' + ws.links[0].step);
    assert.ok(macro.lanes.length > 0 && macro.stages.length === 3, 'default stages and the default template');
    st = await stats(page);
    assert.equal(st.viewId, macro.id, 'the new journey is opened');
    assert.equal(st.document.undoLabel, 'New journey “Buying a phone”');
    // One undo step takes back the journey and its link; redo brings both.
    await page.mouse.click(700, 990);
    await page.keyboard.press('Control+z');
    await settle(page, 250);
    ws = await doc(page);
    assert.equal(ws.journeys.length, 1);
    assert.equal(ws.links.length, 0);
    await page.keyboard.press('Control+Shift+z');
    await settle(page, 250);
    ws = await doc(page);
    assert.equal(ws.journeys.length, 2);
    assert.equal(ws.links.length, 1);

    // L2 from the step "Decides" of the macro journey, staying on the map ("Open it" off).
    await click(page, 'step Decides', { button: 'right' });
    await click(page, 'New child journey here… menu');
    await settle(page, 200);
    await page.keyboard.type('Pays at the till', { delay: 5 });
    await click(page, 'Open it new journey');
    await click(page, 'Create journey');
    await settle(page, 300);
    st = await stats(page);
    assert.equal(st.viewId, macro.id, 'still on the macro journey');
    assert.match(st.message, /Created “Pays at the till” under Buying a phone › During › Decides/);
    ws = await doc(page);
    const micro = journeyOf(ws, 'Pays at the till');
    assert.equal(micro.level, 2);
    const microLink = ws.links.find((l) => l.child === micro.id);
    assert.deepEqual(microLink, { parent: macro.id, child: micro.id, stage: stageOf(macro, 'During').id, step: stepOf(macro, 'Decides').id });
    assert.deepEqual(ws.journeys.map((j) => j.level).sort(), [0, 1, 2], 'three levels');
    await screenshot(page, 'navigation-macro-with-child');

    // The child shows in the macro journey's Linked journeys lane at that step; a click opens it.
    const tile = await rect(page, 'journey Pays at the till');
    const decides = await rect(page, 'step Decides');
    assert.ok(tile.x >= decides.x - 1 && tile.x + tile.w <= decides.x + decides.w + 1, 'in the column of the step');
    await click(page, 'journey Pays at the till');
    await settle(page, 300);
    st = await stats(page);
    assert.equal(st.viewId, micro.id, 'the lane opens the child');

    // A micro journey is the last level: a child of it is refused in words (step details panel).
    await click(page, 'step Decides');
    await click(page, 'New child journey here…');
    await settle(page, 200);
    st = await stats(page);
    assert.match(st.message, /“Pays at the till” is on L2 Micro journeys, the last level of this framework \(3 levels\)/);
    assert.equal((await doc(page)).journeys.length, 3, 'nothing created');

    // Breadcrumbs: Framework › Customer lifecycle › Buying a phone › Pays at the till.
    await rect(page, 'Framework crumb');
    await screenshot(page, 'navigation-micro-breadcrumbs');
    await click(page, 'Buying a phone');
    st = await stats(page);
    assert.equal(st.viewId, macro.id, 'crumb to the macro journey');
    await click(page, 'Customer lifecycle');
    st = await stats(page);
    assert.equal(st.viewId, lifecycle.id, 'crumb to the lifecycle');
    await screenshot(page, 'navigation-lifecycle');

    // History so far: framework, L0, L1, L2, L1 (crumb) → now L0.
    await click(page, 'Back');
    assert.equal((await stats(page)).viewId, macro.id, 'Back');
    await page.keyboard.press('Alt+ArrowLeft');
    await settle(page, 200);
    assert.equal((await stats(page)).viewId, micro.id, 'Alt+Left');
    await click(page, 'Forward');
    assert.equal((await stats(page)).viewId, macro.id, 'Forward');
    await page.keyboard.press('Alt+ArrowRight');
    await settle(page, 200);
    st = await stats(page);
    assert.equal(st.viewId, lifecycle.id, 'Alt+Right');
    assert.equal(st.history.canForward, false);
    await mouseButton(page, 'back');
    assert.equal((await stats(page)).viewId, macro.id, 'the mouse\'s back button');
    await mouseButton(page, 'forward');
    assert.equal((await stats(page)).viewId, lifecycle.id, 'the mouse\'s forward button');
    assert.equal(page.url(), srv.url, 'the browser stayed on the app');

    // Ctrl+K: a persona (accents folded), an opportunity (words), a journey by arrows and by click.
    let p = await palette(page, 'zoe');
    assert.equal(p.first, 'Zoë Martin');
    st = await stats(page);
    assert.equal(st.view, 'personas');
    assert.equal(st.selected.persona, zoe.id);
    p = await palette(page, 'first bill');
    assert.equal(p.first, 'Explain the first bill');
    st = await stats(page);
    assert.equal(st.view, 'backlog');
    assert.equal(st.selected.opportunity, opp.id);
    await screenshot(page, 'navigation-backlog-from-palette');

    p = await palette(page, 'pays till', { enter: false });
    assert.equal(p.first, 'Pays at the till', 'every word of the query, anywhere in the name');
    await page.keyboard.press('Escape');
    await settle(page, 200);
    assert.equal((await stats(page)).palette.open, false, 'Esc closes');
    assert.equal((await stats(page)).view, 'backlog', 'and goes nowhere');

    // "journey" is in no name, only in the level names ("Macro journeys", "Micro journeys"): Down
    // then Enter takes the second.
    p = await palette(page, 'journey', { enter: false });
    assert.equal(p.results, 2, 'the level names are searched too (macro and micro; the lifecycle is L0 Lifecycle)');
    await screenshot(page, 'navigation-palette');
    await page.keyboard.press('ArrowDown');
    await settle(page, 100);
    assert.equal((await stats(page)).palette.highlighted, 1);
    await page.keyboard.press('Enter');
    await settle(page, 250);
    st = await stats(page);
    assert.equal(st.view, 'journey');
    assert.ok([macro.id, micro.id].includes(st.viewId), 'a journey of the level searched');

    // The View menu item opens it too; a click on a result jumps.
    await click(page, 'View');
    await click(page, 'Go to…');
    await settle(page, 150);
    assert.equal((await stats(page)).palette.open, true, 'View › Go to…');
    await page.keyboard.type('phone', { delay: 10 });
    await click(page, 'Buying a phone go Journeys');
    await settle(page, 250);
    st = await stats(page);
    assert.equal(st.viewId, macro.id, 'a click on a result');

    // A place whose journey was deleted is skipped: open the micro journey, go to the lifecycle,
    // undo the micro journey's creation, then Back lands on the macro journey.
    await palette(page, 'pays at');
    assert.equal((await stats(page)).viewId, micro.id);
    await click(page, 'Customer lifecycle');
    assert.equal((await stats(page)).viewId, lifecycle.id);
    await page.mouse.click(700, 990);
    await page.keyboard.press('Control+z');
    await settle(page, 250);
    assert.equal((await doc(page)).journeys.length, 2, 'the micro journey is undone');
    await click(page, 'Back');
    assert.equal((await stats(page)).viewId, macro.id, 'Back skips the deleted journey');

    assert.ok((await notBlank(page)).colours > 10);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation: a journey with two parents shows the first in its breadcrumbs and the other under "+1"', async () => {
  const { context, close } = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const file = await exported(page);
    const ws = file.workspace;
    // A micro journey of the sample placed under a second macro journey as well.
    const levels = Object.fromEntries(ws.journeys.map((j) => [j.id, j.level]));
    const link = ws.links.find((l) => levels[l.child] === 2 && levels[l.parent] === 1);
    assert.ok(link, 'the sample has a micro journey under a macro journey');
    const child = ws.journeys.find((j) => j.id === link.child);
    const first = ws.journeys.find((j) => j.id === link.parent);
    const other = ws.journeys.find((j) => j.level === 1 && j.id !== first.id && j.stages.length > 0 &&
      !ws.links.some((l) => l.parent === j.id && l.child === child.id));
    ws.links.push({ parent: other.id, child: child.id, stage: other.stages[0].id, step: other.stages[0].steps[0]?.id ?? '' });
    assert.deepEqual(await page.evaluate((t) => window.waymark.importJson(t), JSON.stringify(file)), { ok: true });
    await settle(page, 300);
    assert.deepEqual(await page.evaluate((id) => window.waymark.show('journey', id), child.id), { ok: true });
    await settle(page, 300);
    await rect(page, first.title);
    await click(page, '+1 other parents');
    await screenshot(page, 'navigation-other-parents');
    await click(page, `${other.title} other parent`);
    const st = await stats(page);
    assert.equal(st.viewId, other.id, 'the other parent opens');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
