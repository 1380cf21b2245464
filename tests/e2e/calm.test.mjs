// Readable and calm (issue 18), with real mouse and keyboard at 1280×800, DPR 1:
//   - one pattern for popups: Esc closes the File, Edit and View menus and the "Edit personas"
//     popover, and the click that closes one lands (a tab, a tile, a card);
//   - nothing moves under the pointer: a score slider stays put through five changes, the picture
//     dialog's Export button stays put whichever format is picked;
//   - feedback you can see: every edit's toast with Undo, "Undone: …" / "Redone: …", no toast
//     following to another view, Export's confirmation, saved versions always named;
//   - the Edit menu's Cut/Copy/Paste/Delete/Select all on the journey map's cards, plurals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, stats, notBlank, rect, settle, until, click, scrollTo } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const doc = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
// The rectangle of a widget drawn in the last frame, or null (no polling: "is it gone?").
const drawn = async (page, label) => {
  await settle(page, 50);
  const r = await page.evaluate((l) => window.waymark.rect(l), label);
  return r.ok === false ? null : r;
};
const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const clickAt = async (page, r) => {
  const c = centre(r);
  await page.mouse.move(c.x, c.y);
  await settle(page, 30);
  await page.mouse.click(c.x, c.y);
  await settle(page, 50);
};

// A card of the open journey that is on screen: its text and rectangle.
async function visibleCard(page, journey, skip = []) {
  for (const c of journey.cards) {
    if (skip.includes(c.text) || !c.text) continue;
    const r = await drawn(page, `card ${c.text}`);
    if (r && r.h > 10 && r.w > 20) return { card: c, r };
  }
  throw new Error('no card of the journey is on screen');
}

async function openSampleMap(page) {
  const ws = await doc(page);
  const journey = ws.journeys.find((j) => j.title === 'Buying a phone plan');
  assert.deepEqual(await page.evaluate((id) => window.waymark.show('journey', id), journey.id), { ok: true });
  await settle(page, 300);
  return journey;
}

test('Esc closes the File, Edit and View menus and the Edit personas popover; the click that closes one lands', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    // Each menu of the menu bar: opened with the mouse, closed with Esc.
    for (const [menu, item] of [['File', 'Save now'], ['Edit', 'Select all edit'], ['View', 'Keyboard shortcuts']]) {
      await click(page, menu);
      await until(page, async () => (await drawn(page, item)) !== null, `the ${menu} menu opens`);
      if (menu === 'File') await screenshot(page, 'calm-file-menu');
      await page.keyboard.press('Escape');
      await until(page, async () => (await drawn(page, item)) === null, `Esc closes the ${menu} menu`);
    }
    assert.equal((await stats(page)).view, 'framework', 'Esc in a menu did nothing else');

    // A menu is open; a click on a navigation tab beside it closes it and opens that view.
    const tabs = [];
    for (const t of ['Backlog', 'Insights', 'Personas', 'Maturity', 'Compare', 'Documents']) {
      const r = await drawn(page, t);
      if (r) tabs.push({ t, r });
    }
    await click(page, 'View');
    await until(page, async () => (await drawn(page, 'Keyboard shortcuts')) !== null, 'the View menu opens');
    const menu = await rect(page, 'Keyboard shortcuts');
    const tab = tabs.find(({ r }) => r.x > menu.x + menu.w + 4 || r.x + r.w < menu.x - 4);
    assert.ok(tab, 'a tab beside the open menu');
    await screenshot(page, 'calm-view-menu');
    await clickAt(page, tab.r);
    await until(page, async () => (await stats(page)).view !== 'framework', `the click on the tab ${tab.t} lands`);
    assert.equal(await drawn(page, 'Keyboard shortcuts'), null, 'and the menu is closed');

    // A menu is open; a click on a framework tile closes it and opens the journey.
    await click(page, 'Framework');
    await until(page, async () => (await stats(page)).view === 'framework', 'back on the framework');
    const tile = await rect(page, 'tile Buying a phone plan');
    await click(page, 'File');
    await until(page, async () => (await drawn(page, 'Save now')) !== null, 'the File menu opens');
    await clickAt(page, tile);
    await until(page, async () => (await stats(page)).view === 'journey', 'the click on the tile lands: the map opens');
    assert.equal(await drawn(page, 'Save now'), null, 'and the menu is closed');

    // The Edit personas popover on the map: Esc closes it; a click on its button while open closes it.
    const ws = await doc(page);
    const viewId = (await stats(page)).viewId;
    const journey = ws.journeys.find((j) => j.id === viewId);
    // A checkbox of the popover, by its full label (a selected card's panel also names the persona).
    const persona = `${ws.personas[0].name} journey persona ${ws.personas[0].id}`;
    await click(page, 'Edit personas');
    await until(page, async () => (await drawn(page, persona)) !== null, 'the popover opens');
    await screenshot(page, 'calm-personas-popover');
    await page.keyboard.press('Escape');
    await until(page, async () => (await drawn(page, persona)) === null, 'Esc closes the popover');
    await click(page, 'Edit personas');
    await until(page, async () => (await drawn(page, persona)) !== null, 'the popover opens again');
    await click(page, 'Edit personas');
    await until(page, async () => (await drawn(page, persona)) === null, 'its own button closes it (no re-open)');

    // Open, then click a card directly: the popover closes and the card is selected.
    const { card, r } = await visibleCard(page, journey);
    await click(page, 'Edit personas');
    await until(page, async () => (await drawn(page, persona)) !== null, 'the popover opens');
    assert.equal((await stats(page)).map.selectedCards, 0);
    await clickAt(page, r);
    await until(page, async () => (await stats(page)).map.selectedCards === 1, `the click on card "${card.text}" lands`);
    assert.equal(await drawn(page, persona), null, 'and the popover is closed');
    assert.equal((await stats(page)).map.selection, 'cards');
    await screenshot(page, 'calm-card-selected-after-popover');
    const px = await notBlank(page);
    assert.ok(px.colours > 30 && px.differing > px.sampled * 0.02, 'the map is drawn');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a score slider stays under the pointer through five changes; the Export button stays put for PNG and SVG', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    await click(page, 'Backlog');
    let ws = await doc(page);
    const reach = ws.settings.scoring.criteria.find((c) => c.name === 'Reach');
    const opp = ws.opportunities.find((o) => !o.will_not_do && o.status !== 'done');
    await click(page, opp.title);
    await until(page, async () => (await stats(page)).selected.opportunity === opp.id, 'the opportunity is selected');
    const slider = await scrollTo(page, 'Score Reach', 'Score Customer pain relieved');
    await screenshot(page, 'calm-backlog-scores');
    const scoreOf = async () => {
      const o = (await doc(page)).opportunities.find((x) => x.id === opp.id);
      const s = o.scores.find((x) => x.criterion === reach.id);
      return s ? s.value : null;
    };
    // Five presses on the slider, each at another value's place (an int slider's values share its
    // width equally): the value changes each time and the slider does not move.
    const span = reach.scale_max - reach.scale_min;
    let previous = await scoreOf();
    const wanted = [];
    for (let v = reach.scale_max; wanted.length < 5; v = v === reach.scale_min ? reach.scale_max : v - 1)
      if (v !== (wanted.length ? wanted[wanted.length - 1] : previous)) wanted.push(v);
    for (const value of wanted) {
      const x = slider.x + slider.w * ((value - reach.scale_min + 0.5) / (span + 1));
      const y = slider.y + slider.h / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await settle(page, 50);
      assert.deepEqual(await rect(page, 'Score Reach'), slider, 'pressed: the slider is where it was');
      await page.mouse.up();
      await until(page, async () => (await scoreOf()) === value, `the score becomes ${value}`);
      assert.notEqual(value, previous);
      previous = value;
      assert.deepEqual(await rect(page, 'Score Reach'), slider, `after the change to ${value} the slider is where it was`);
    }
    await screenshot(page, 'calm-backlog-after-five');

    // File › Export picture: the Export button has one place whatever the format.
    await click(page, 'File');
    await click(page, 'Export picture (PNG, SVG)…');
    await until(page, async () => (await stats(page)).export.dialog === true, 'the dialog opens');
    await click(page, 'PNG image');
    const png = await rect(page, 'Export');
    await click(page, 'SVG vector');
    await screenshot(page, 'calm-export-svg');
    assert.deepEqual(await rect(page, 'Export'), png, 'SVG: the Export button did not move');
    await click(page, 'PNG image');
    await screenshot(page, 'calm-export-png');
    assert.deepEqual(await rect(page, 'Export'), png, 'PNG again: it did not move');
    await click(page, 'Cancel');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a toast for every edit with Undo, "Undone"/"Redone", gone on another view; Export confirms; versions always named', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    const journey = await openSampleMap(page);
    const cardsBefore = (await stats(page)).cards;
    // An edit: select a card, Delete. The toast names it and offers Undo.
    let { card, r } = await visibleCard(page, journey);
    await clickAt(page, r);
    await until(page, async () => (await stats(page)).map.selectedCards === 1, 'the card is selected');
    await page.keyboard.press('Delete');
    await until(page, async () => (await stats(page)).cards === cardsBefore - 1, 'the card is deleted');
    let s = await stats(page);
    assert.ok(s.toast, 'a toast is shown');
    assert.equal(s.toast.text, s.document.undoLabel, 'it names the edit');
    assert.equal(s.toast.undo, true, 'with Undo');
    await screenshot(page, 'calm-toast-edit');
    // Its Undo, clicked with the mouse: the card is back and the toast is gone.
    await click(page, 'Undo toast');
    await until(page, async () => (await stats(page)).cards === cardsBefore, 'Undo in the toast brings the card back');
    await until(page, async () => (await stats(page)).toast === null, 'and the toast goes');
    assert.ok((await doc(page)).journeys.find((j) => j.id === journey.id).cards.some((c) => c.id === card.id));

    // Ctrl+Z and Ctrl+Shift+Z say what they did.
    ({ card, r } = await visibleCard(page, journey));
    await clickAt(page, r);
    await page.keyboard.press('Delete');
    await until(page, async () => (await stats(page)).cards === cardsBefore - 1, 'deleted again');
    const label = (await stats(page)).document.undoLabel;
    await page.keyboard.press('Control+Z');
    await until(page, async () => (await stats(page)).toast?.text === `Undone: ${label}`, 'Ctrl+Z shows "Undone: …"');
    assert.equal((await stats(page)).toast.undo, false);
    await screenshot(page, 'calm-toast-undone');
    await page.keyboard.press('Control+Shift+Z');
    await until(page, async () => (await stats(page)).toast?.text === `Redone: ${label}`, 'Ctrl+Shift+Z shows "Redone: …"');
    assert.equal((await stats(page)).cards, cardsBefore - 1);

    // Another view: the toast does not follow.
    await click(page, 'Backlog');
    await until(page, async () => (await stats(page)).view === 'backlog', 'the backlog opens');
    assert.equal((await stats(page)).toast, null, 'no toast follows to another view');

    // File › Export .waymark.json confirms with the file's name.
    const download = page.waitForEvent('download');
    await click(page, 'File');
    await click(page, 'Export .waymark.json');
    const file = await download;
    await until(page, async () => /Exported the workspace as/.test((await stats(page)).toast?.text || ''), 'Export shows a toast');
    s = await stats(page);
    assert.ok(s.toast.text.includes(file.suggestedFilename()), `the toast names the file (${s.toast.text})`);
    await screenshot(page, 'calm-toast-export');

    // Undo back past every edit and save: the version is named by that undo, none is unnamed.
    await page.keyboard.press('Control+Z');
    await until(page, async () => (await stats(page)).cards === cardsBefore, 'undone');
    await page.keyboard.press('Control+S');
    await until(page, async () => (await stats(page)).storage.versions.some((v) => v.label === `Undone: ${label}`),
      'the saved version is named "Undone: …"');
    await click(page, 'File');
    await click(page, 'Documents…');
    await until(page, async () => (await stats(page)).view === 'documents', 'the documents view opens');
    s = await stats(page);
    for (const v of s.storage.versions) assert.ok(v.label && v.label !== '(no label)', `a named version (${v.label})`);
    await screenshot(page, 'calm-documents-versions');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('Edit › Delete deletes the selected card, Edit › Copy and Paste duplicate one; the items are disabled where nothing is selectable', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    // The framework: nothing selectable, Edit › Delete does nothing.
    await click(page, 'Edit');
    await click(page, 'Delete edit');
    assert.equal((await stats(page)).view, 'framework');
    await page.keyboard.press('Escape');

    const journey = await openSampleMap(page);
    const cardsBefore = (await stats(page)).cards;
    let { card, r } = await visibleCard(page, journey);
    await clickAt(page, r);
    await until(page, async () => (await stats(page)).map.selectedCards === 1, 'the card is selected');
    await click(page, 'Edit');
    await screenshot(page, 'calm-edit-menu');
    await click(page, 'Delete edit');
    await until(page, async () => (await stats(page)).cards === cardsBefore - 1, 'Edit › Delete deletes it');
    const j = (await doc(page)).journeys.find((x) => x.id === journey.id);
    assert.ok(!j.cards.some((c) => c.id === card.id), 'that card is gone');
    await page.keyboard.press('Control+Z');
    await until(page, async () => (await stats(page)).cards === cardsBefore, 'undone');

    // Copy and Paste from the menu: the copy lands in the card's cell.
    ({ card, r } = await visibleCard(page, journey));
    await clickAt(page, r);
    await until(page, async () => (await stats(page)).map.selectedCards === 1, 'selected');
    await click(page, 'Edit');
    await click(page, 'Copy edit');
    await click(page, 'Edit');
    await click(page, 'Paste edit');
    await until(page, async () => (await stats(page)).cards === cardsBefore + 1, 'Edit › Paste adds the copy');
    const after = (await doc(page)).journeys.find((x) => x.id === journey.id);
    assert.equal(after.cards.filter((c) => c.text === card.text).length, 2, 'two cards with that text');
    await screenshot(page, 'calm-after-paste');

    // Select all selects every card of the journey.
    await click(page, 'Edit');
    await click(page, 'Select all edit');
    await until(page, async () => (await stats(page)).map.selectedCards === after.cards.length, 'all cards selected');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
