// Current vs to-be with real mouse and keyboard: in the sample, "Create to-be" on a current journey
// opens its linked copy; in the copy's map a step is renamed, one deleted, one added and a card typed;
// "Compare with current" opens the compare view, whose counts (stats().compare) and the export (the
// copy's counterpart, its place in the framework) are checked; "Only differences" hides the rest; a
// second to-be is picked with "Other to-be…"; undo removes the copies entirely. Screenshots of the
// compare view in the light and the dark theme are looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, stats, notBlank, rect, settle, click, typeAndEnter } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const doc = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
const journeyOf = (ws, title) => ws.journeys.find((j) => j.title === title);
const stepNames = (j) => j.stages.flatMap((s) => s.steps.map((t) => t.name));

test('compare: create a to-be, change it in its map, compare it with the current journey, undo it away', async () => {
  const { context, close } = await launch({ viewport: { width: 1440, height: 1000 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await click(page, 'File');
    await click(page, 'Open the sample workspace');
    await settle(page, 400);
    const original = await doc(page);
    const current = journeyOf(original, 'Comparing plans');
    assert.ok(current && current.state === 'current', 'the sample has the current journey');
    assert.equal(original.journeys.filter((j) => j.counterpart === current.id).length, 0, 'and no to-be of it yet');

    // Open its map (a real click on the framework tile is the framework test's business; here the hook).
    await page.evaluate((id) => window.waymark.show('journey', id), current.id);
    await settle(page, 300);
    await click(page, 'Create to-be');
    await settle(page, 300);
    let st = await stats(page);
    let ws = await doc(page);
    const toBe = journeyOf(ws, 'Comparing plans (to-be)');
    assert.ok(toBe, 'the copy exists');
    assert.equal(st.view, 'journey');
    assert.equal(st.viewId, toBe.id, 'and its map is open');
    assert.equal(st.document.undoLabel, 'Create to-be of “Comparing plans”');
    assert.equal(toBe.state, 'to-be');
    assert.equal(toBe.counterpart, current.id);
    assert.deepEqual(stepNames(toBe), stepNames(current));
    assert.equal(toBe.cards.length, current.cards.length);
    const parentsOf = (id) => ws.links.filter((l) => l.child === id).map((l) => `${l.parent}/${l.stage}/${l.step || ''}`);
    assert.deepEqual(parentsOf(toBe.id), parentsOf(current.id), 'hangs where the current journey hangs');
    assert.equal(ws.journeys.indexOf(toBe), ws.journeys.indexOf(journeyOf(ws, 'Comparing plans')) + 1, 'right after it');

    // In the copy's map: rename a step, delete one, add one, type a card.
    await click(page, 'Fit');
    await click(page, 'step Searches for SIM-only deals');
    await page.keyboard.press('F2');
    await settle(page, 150);
    await page.keyboard.press('Control+A');
    await typeAndEnter(page, 'Asks a chatbot for a deal');
    await click(page, 'step Reads reviews and social posts', { button: 'right' });
    await click(page, 'Delete step menu');
    await click(page, 'stage Shortlist', { button: 'right' });
    await click(page, 'Add step menu');
    await typeAndEnter(page, 'Gets a personal offer');
    await click(page, 'Fit');
    await click(page, 'cell Gains Works out the total cost');
    await page.keyboard.press('Enter');
    await settle(page, 150);
    await typeAndEnter(page, 'Hidden fees in the small print');
    ws = await doc(page);
    const edited = journeyOf(ws, 'Comparing plans (to-be)');
    assert.deepEqual(stepNames(edited), ['Feels the current plan is too expensive', 'Asks a chatbot for a deal', 'Uses a comparison site',
      'Checks coverage at home and work', 'Works out the total cost', 'Picks Lumen and clicks through', 'Gets a personal offer']);
    assert.equal(edited.cards.length, current.cards.length - current.cards.filter((c) =>
      c.step === current.stages[1].steps[1].id).length + 1, 'the deleted step took its cards; one card typed');
    assert.deepEqual(stepNames(journeyOf(ws, 'Comparing plans')), stepNames(current), 'the current journey is untouched');

    // The compare view from the to-be's header.
    await click(page, 'Compare with current');
    await settle(page, 300);
    st = await stats(page);
    assert.equal(st.view, 'compare');
    assert.deepEqual({ ...st.compare, summary: undefined, shownSteps: undefined, onlyDifferences: undefined },
      { current: current.id, toBe: toBe.id, added: 1, removed: 1, changed: 2, same: 4, stagesChanged: 0,
        cardsAdded: 1, cardsRemoved: 4, cardsChanged: 0,   // the typed card; the deleted step's cards
        summary: undefined, shownSteps: undefined, onlyDifferences: undefined });
    assert.equal(st.compare.summary, '1 step added, 1 removed, 2 changed');
    assert.equal(st.compare.shownSteps, 8);
    await rect(page, 'compare row Asks a chatbot for a deal');
    await rect(page, 'compare row Reads reviews and social posts');
    await rect(page, 'compare stage Orient');
    await screenshot(page, 'compare-light');
    let px = await notBlank(page);
    assert.ok(px.colours > 40 && px.differing > px.sampled * 0.05, 'the compare view is drawn');

    // Only differences: the four unchanged steps go.
    await click(page, 'Only differences');
    st = await stats(page);
    assert.equal(st.compare.onlyDifferences, true);
    assert.equal(st.compare.shownSteps, 4);
    await screenshot(page, 'compare-differences');
    await click(page, 'Only differences');
    assert.equal((await stats(page)).compare.shownSteps, 8);

    // Scroll the rows with a drag (pan) and with the wheel: the header of the last stage comes into view.
    const rows = await rect(page, 'compare stage Orient');
    await page.mouse.move(rows.x + rows.w / 2, rows.y + 200);
    await page.mouse.wheel(0, 2000);
    await settle(page, 200);
    await rect(page, 'compare row Gets a personal offer');
    await page.mouse.wheel(0, -4000);
    await settle(page, 200);

    // The dark theme.
    await click(page, 'View');
    await click(page, 'Dark theme');
    await settle(page, 300);
    await screenshot(page, 'compare-dark');
    px = await notBlank(page);
    assert.ok(px.colours > 40, 'the compare view is drawn in the dark theme');
    await click(page, 'View');
    await click(page, 'Light theme');
    await settle(page, 200);

    // A second to-be: from the current map; the compare view picks between the two.
    await click(page, 'Open current map');
    assert.equal((await stats(page)).viewId, current.id);
    await click(page, 'Create to-be');
    await settle(page, 300);
    const second = journeyOf(await doc(page), 'Comparing plans (to-be 2)');
    assert.ok(second);
    await click(page, 'Compare with current');
    st = await stats(page);
    assert.equal(st.compare.toBe, second.id);
    assert.equal(st.compare.same, 7, 'an untouched copy is the same everywhere');
    await click(page, 'Other to-be…');
    await click(page, 'Comparing plans (to-be) pick to-be');
    st = await stats(page);
    assert.equal(st.compare.toBe, toBe.id);
    assert.equal(st.compare.changed, 2);

    // Undo everything: the copies go entirely, links included.
    for (let n = 0; n < 20 && (await stats(page)).document.canUndo; ++n) {
      await page.keyboard.press('Control+Z');
      await settle(page, 100);
    }
    ws = await doc(page);
    assert.deepEqual(ws.journeys.map((j) => j.id), original.journeys.map((j) => j.id));
    assert.deepEqual(ws.links, original.links);
    assert.deepEqual(journeyOf(ws, 'Comparing plans'), current);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
