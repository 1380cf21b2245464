// Issue 19, the canvas's dialogs for screen readers and keyboards: menu entries of the page's
// menubar whose dialog is made by the page as a form (src/ui/kit/mirror_form.hpp → web/mirror.js)
// instead of the canvas's popup — Edit › KPIs of this journey… (every KPI of the anchor under its
// heading, its reading in words, its fields, values as text; a KPI added, filled in, a wrong value
// refused in words, deleted) and File › Export picture… (a choice that remakes the form, the size
// in words, Export) — and a card's details from the map's grid (Alt+Enter on a card reached with F2:
// severity, personas, an insight and an opportunity linked, then deleted from the dialog). Keyboard
// only, no mouse event at all; read through Chromium's accessibility tree and axe. Also the dialogs
// of the other menu entries: File › Merge report… (after a file merged through File › Merge a file…,
// its conflict taken from the keyboard), File › Share with team… (a name that is not one: Connect
// dimmed and saying why), Edit › New journey…, View › Keyboard shortcuts ("?" in the page) and
// View › About.
import { test, before, after } from 'node:test';
import { Buffer } from 'node:buffer';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, until, screenshot, axeViolations, goTo, axTree, named, tabTo, holdPngParts, toMenubar } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const workspace = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
const announced = (page) => page.evaluate(() => document.getElementById('announcer').textContent);
const focusName = (page) => page.evaluate(() => { const e = document.activeElement; return e.getAttribute('aria-label') || (e.labels?.length ? e.labels[0].textContent : e.textContent); });
const inDialog = (page) => page.evaluate(() => !!document.activeElement.closest('dialog[open]'));

// From the canvas to the menubar (toMenubar), into menu `title`, down to the entry `name`.
async function menuEntry(page, title, name) {
  await toMenubar(page);
  for (let i = 0; i < 4 && (await focusName(page)) !== title; ++i) await page.keyboard.press('ArrowRight');
  assert.equal(await focusName(page), title);
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 30 && (await focusName(page)) !== name; ++i) await page.keyboard.press('ArrowDown');
  assert.equal(await focusName(page), name);
}

test('keyboard only: a journey\'s KPIs read and edited in the dialog Edit › KPIs… makes; a KPI added, a wrong value refused, deleted', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await goTo(page, 'Buying a phone plan', (s) => s.view === 'journey', 'the map');
    const journey = (await workspace(page)).journeys.find((j) => j.title === 'Buying a phone plan');
    const before = (await workspace(page)).metrics.filter((m) => m.journey === journey.id).length;
    await menuEntry(page, 'Edit', 'KPIs of this journey…');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-haspopup')), 'dialog');
    await page.keyboard.press('Enter');
    await until(page, () => inDialog(page), 'the dialog');

    // The journey's KPIs, each under its heading with its reading in words (health as a word and a mark).
    let nodes = await axTree(context, page);
    assert.ok(named(nodes, 'dialog').includes('KPIs of Buying a phone plan'));
    const headings = named(nodes, 'heading');
    assert.ok(headings.includes('KPI “Online conversion rate”') && headings.includes('KPI “Incremental revenue”'), headings.join(' | '));
    const text = await page.evaluate(() => document.querySelector('dialog[open]').textContent);
    assert.match(text, /Latest: [✓✗] [\d.,]+ ?%, (on target|off target)[^.]*target: at least 3\.5 ?%/);
    assert.deepEqual(await axeViolations(page), []);

    // Add a KPI: the dialog is made again, focus on the new KPI's name.
    await tabTo(page, 'Add a KPI');
    await page.keyboard.press('Enter');
    await until(page, async () => (await page.evaluate(() => document.activeElement.value)) === 'New KPI', 'focus on the new KPI\'s name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Roaming complaints');
    await page.keyboard.press('Tab');
    await page.keyboard.type('count');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    await page.keyboard.press('l');   // Lower is better
    await tabTo(page, /^Values, one per line/);
    await page.keyboard.type('2026-09-01; 30\n2026-10-01; 18\n2026-11-01; 9; Prepaid');
    await page.keyboard.press('Tab');
    const made = await until(page, async () => {
      const m = (await workspace(page)).metrics.find((x) => x.name === 'Roaming complaints');
      return m && m.values.length === 3 && m;
    }, 'the KPI filled in');
    assert.deepEqual([made.journey, made.unit, made.target, made.direction], [journey.id, 'count', 12, 'lower-is-better']);
    assert.deepEqual(made.values.map((v) => [v.date, v.value, v.segment]), [['2026-09-01', 30, ''], ['2026-10-01', 18, ''], ['2026-11-01', 9, 'Prepaid']]);

    // A value that is not a number is refused in words; the values stay as they were.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n2026-12-01; many');
    await page.keyboard.press('Tab');
    await until(page, async () => /line 4 .*The value must be a number/.test(await announced(page)), 'the refusal said');
    assert.equal((await workspace(page)).metrics.find((x) => x.id === made.id).values.length, 3);
    await screenshot(page, 'mirror-kpi-dialog');

    // Delete it: the dialog is made again without it, focus on "Add a KPI".
    await tabTo(page, 'Delete KPI “Roaming complaints”');
    await page.keyboard.press('Enter');
    await until(page, async () => !(await workspace(page)).metrics.some((x) => x.id === made.id), 'deleted');
    await until(page, async () => (await focusName(page)) === 'Add a KPI', 'focus on Add a KPI');
    nodes = await axTree(context, page);
    assert.ok(!named(nodes, 'heading').includes('KPI “Roaming complaints”'));
    assert.equal((await workspace(page)).metrics.filter((m) => m.journey === journey.id).length, before);
    // Escape closes it; focus goes back to the menu it came from.
    await page.keyboard.press('Escape');
    await until(page, async () => (await focusName(page)) === 'Edit' && !(await inDialog(page)), 'focus back on the Edit menu');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: File › Export picture… as a dialog of the page: SVG chosen (the form follows), its size in words, exported', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await goTo(page, 'Comparing plans', (s) => s.view === 'journey', 'the map');
    await menuEntry(page, 'File', 'Export picture (PNG, SVG)…');
    await page.keyboard.press('Enter');
    await until(page, () => inDialog(page), 'the dialog');
    let nodes = await axTree(context, page);
    assert.ok(named(nodes, 'dialog').includes('Export picture'));
    assert.equal(await page.evaluate(() => document.activeElement.selectedOptions[0].textContent), 'This journey map: Comparing plans');
    assert.match(await page.evaluate(() => document.querySelector('dialog[open] .note').textContent), /^[\d,]+ × [\d,]+ pixels$/);
    assert.ok(named(nodes, 'combobox').includes('Scale'));
    assert.deepEqual(await axeViolations(page), []);

    // SVG: the scale goes (PNG only), the size is in units; focus stays on the choice.
    await page.keyboard.press('Tab');
    await page.keyboard.press('s');
    await until(page, async () => /units; text stays text$/.test(await page.evaluate(() => document.querySelector('dialog[open] .note').textContent)), 'the size in units');
    assert.equal(await focusName(page), 'As');
    nodes = await axTree(context, page);
    assert.ok(!named(nodes, 'combobox').includes('Scale'));
    await screenshot(page, 'mirror-export-dialog');

    await tabTo(page, 'Export SVG');
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    assert.equal((await downloading).suggestedFilename(), 'Comparing plans.svg');
    await until(page, async () => !(await inDialog(page)) && (await focusName(page)) === 'File', 'the dialog closed, focus on the File menu');
    await until(page, async () => /Exported “Comparing plans” as Comparing plans\.svg/.test(await announced(page)), 'the live region said it');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: a PNG exported from the page shows its progress in the page\'s dialog; Escape cancels it', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    assert.equal((await page.evaluate(() => window.waymark.generate({ journeys: 3, levels: 2, stepsPerJourney: 120, lanesPerJourney: 30, cardsPerCell: 1 }))).ok, true);
    const wide = (await workspace(page)).journeys.find((j) => j.level === 1);
    assert.deepEqual(await page.evaluate((id) => window.waymark.show('journey', id), wide.id), { ok: true });
    const before = await page.evaluate(() => window.waymark.exportJson());
    const downloads = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await menuEntry(page, 'File', 'Export picture (PNG, SVG)…');
    await page.keyboard.press('Enter');
    await until(page, () => inDialog(page), 'the dialog');
    await tabTo(page, 'Scale');
    await page.keyboard.press('Home');   // 1×: a PNG of this map is drawn in many parts
    await until(page, async () => !/too large/.test(await page.evaluate(() => document.querySelector('dialog[open] .note').textContent)), '1×');
    // The second part is held back until the test has looked.
    await holdPngParts(page);
    await tabTo(page, 'Export PNG');
    await page.keyboard.press('Enter');
    const progress = page.getByRole('dialog', { name: 'Exporting a picture' });
    await progress.waitFor();
    await until(page, async () => /^Drawing .+\.png: 1 of \d+ parts$/.test(await progress.locator('.note').textContent()), 'the first part drawn');
    assert.ok(await inDialog(page), 'focus in the progress dialog');
    assert.equal(await focusName(page), 'Cancel');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'mirror-export-progress');
    await page.keyboard.press('Escape');
    await until(page, async () => page.evaluate(() => window.waymark.stats().export.cancelling), 'Escape cancels');
    await page.evaluate(() => window.__releasePngParts());
    await until(page, async () => !(await page.evaluate(() => window.waymark.stats().export.running)), 'stopped');
    await until(page, async () => (await announced(page)) === 'The PNG export was cancelled; nothing was downloaded.', 'said');
    assert.equal(await page.locator('dialog').count(), 0);
    assert.deepEqual(downloads, []);
    assert.equal(await page.evaluate(() => window.waymark.exportJson()), before);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: a pain card\'s details from the grid (Alt+Enter): severity, a persona, an insight and an opportunity linked, deleted', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await goTo(page, 'Buying a phone plan', (s) => s.view === 'journey', 'the map');
    let ws = await workspace(page);
    const j = ws.journeys.find((x) => x.title === 'Buying a phone plan');
    const pains = j.lanes.find((l) => l.kind === 'pain');
    const card = j.cards.find((c) => c.lane === pains.id);
    const cardOf = (w) => w.journeys.find((x) => x.id === j.id).cards.find((c) => c.id === card.id);
    // To its cell with the arrow keys, F2 into the cell, down to the card.
    await page.keyboard.press('F6');
    await until(page, async () => page.evaluate(() => document.activeElement.tagName === 'TD'), 'a cell');
    const [r, c] = await page.evaluate(({ lane, step }) => {
      const td = document.querySelector(`#mirror td[data-lane="${lane}"][data-step="${step}"]`);
      return [[...td.closest('tbody').children].indexOf(td.parentElement), [...td.parentElement.querySelectorAll('td')].indexOf(td)];
    }, card);
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < r; ++i) await page.keyboard.press('ArrowDown');
    for (let i = 0; i < c; ++i) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('F2');
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement.dataset.card)) !== card.id; ++i) await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.card), card.id);

    await page.keyboard.press('Alt+Enter');
    await until(page, () => inDialog(page), 'the dialog');
    const step = j.stages.flatMap((st) => st.steps.map((x) => [st.name, x])).find(([, x]) => x.id === card.step);
    assert.ok(named(await axTree(context, page), 'dialog').includes(`Card in ${pains.name} · ${step[0]} › ${step[1].name}`));
    assert.equal(await page.evaluate(() => document.activeElement.value), card.text);
    await page.keyboard.press('Tab');
    assert.equal(await focusName(page), 'Severity');
    await page.keyboard.press('4');
    const insight = ws.insights.find((i) => !card.insights.includes(i.id));
    const opportunity = ws.opportunities.find((o) => !card.opportunities.includes(o.id));
    const henrik = ws.personas.find((p) => p.name === 'Henrik Lindqvist');
    await tabTo(page, 'Henrik Lindqvist');
    if (!card.personas.includes(henrik.id)) await page.keyboard.press('Space');
    await tabTo(page, `${insight.title} (${insight.evidence})`, { max: 200 });
    await page.keyboard.press('Space');
    await tabTo(page, opportunity.title, { max: 200 });
    await page.keyboard.press('Space');
    const linked = await until(page, async () => {
      const x = cardOf(await workspace(page));
      return x.severity === 4 && x.personas.includes(henrik.id) && x.insights.includes(insight.id) && x.opportunities.includes(opportunity.id) && x;
    }, 'severity set, persona, insight and opportunity linked');
    assert.equal(linked.text, card.text);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'mirror-card-dialog');

    // Escape: back on the card. Alt+Enter again, Delete card: the dialog closes, focus on the cell.
    await page.keyboard.press('Escape');
    await until(page, async () => !(await inDialog(page)) && (await page.evaluate(() => document.activeElement.dataset.card || document.activeElement.tagName)) !== 'BODY', 'focus back in the grid');
    await until(page, async () => (await page.evaluate(() => document.activeElement.dataset.card)) === card.id, 'on the card');
    await page.keyboard.press('Alt+Enter');
    await until(page, () => inDialog(page), 'the dialog again');
    await tabTo(page, 'Delete card', { max: 300 });
    await page.keyboard.press('Enter');
    await until(page, async () => !cardOf(await workspace(page)), 'the card deleted');
    await until(page, async () => !(await inDialog(page)) && (await page.evaluate(() => document.activeElement.tagName)) === 'TD', 'focus on the cell');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: a file merged from the menubar, its report read and a conflict taken in File › Merge report…; Share with team refuses a bad name', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    // Their copy: one card edited differently, without merge history (as a copy edited by hand).
    const theirs = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    const j = theirs.workspace.journeys.find((x) => x.title === 'Pay the first bill');
    const card = j.cards.find((c) => c.text === 'Lets the debit run, or calls');
    card.text = 'Lets the debit run, or chats';
    delete theirs.merge;
    // Listening for the chooser before the menus are walked: Playwright turns on the browser's
    // file-chooser interception asynchronously, and a chooser opened before that is never reported
    // (under load, Enter came first and the test waited for nothing).
    const choosing = page.waitForEvent('filechooser');
    await menuEntry(page, 'File', 'Merge a file into this workspace…');
    await page.keyboard.press('Enter');
    await (await choosing).setFiles({ name: 'theirs.waymark.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });
    await until(page, async () => (await page.evaluate(() => window.waymark.stats().merge.merges)) === 1, 'merged');

    await menuEntry(page, 'File', 'Merge report…');
    await page.keyboard.press('Enter');
    await until(page, () => inDialog(page), 'the report');
    const text = await page.evaluate(() => document.querySelector('dialog[open]').textContent);
    assert.match(text, /Merged the file “theirs\.waymark\.json” into this workspace: [\d,]+ added, [\d,]+ changed, [\d,]+ removed, [1-9][\d,]* conflicts?/);
    assert.match(text, /Both changed: .*Lets the debit run, or calls/);
    assert.deepEqual(await axeViolations(page), []);
    await tabTo(page, 'Take theirs: “Lets the debit run, or chats”');
    await page.keyboard.press('Enter');
    const textOf = async () => (await workspace(page)).journeys.find((x) => x.id === j.id).cards.find((c) => c.id === card.id).text;
    await until(page, async () => (await textOf()) === 'Lets the debit run, or chats', 'their value taken');
    await until(page, async () => /Taken\./.test(await page.evaluate(() => document.querySelector('dialog[open]').textContent)), 'the report says taken');
    assert.equal(await focusName(page), 'Show Card “Lets the debit run, or calls” in Pay the first bill › Pays or disputes');
    await screenshot(page, 'mirror-merge-report');
    await page.keyboard.press('Escape');
    await until(page, async () => (await focusName(page)) === 'File' && !(await inDialog(page)), 'focus back on the File menu');

    // Share with team: a workspace name with a space is not one; Connect says so, nothing is sent.
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 30 && (await focusName(page)) !== 'Share with team…'; ++i) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await until(page, () => inDialog(page), 'the share dialog');
    assert.match(await focusName(page), /^Workspace on the server/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('our team');
    await page.keyboard.press('Tab');
    await until(page, async () => page.evaluate(() => document.querySelector('dialog[open] button[aria-disabled="true"]')?.textContent === 'Connect'), 'Connect dimmed');
    assert.equal(await page.evaluate(() => document.querySelector('dialog[open] input[type="password"]') !== null), true, 'the token is a password field');
    await tabTo(page, 'Connect');
    await page.keyboard.press('Enter');
    await until(page, async () => /letters, digits/.test(await announced(page)), 'the refusal said');
    assert.equal((await page.evaluate(() => window.waymark.stats().team.state)), 'off');
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.press('Escape');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: "?" in the page opens the shortcuts sheet as its dialog; View › About says the renderer in words', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await goTo(page, 'Buying a phone plan', (s) => s.view === 'journey', 'the map');
    await page.keyboard.press('F6');
    await until(page, async () => page.evaluate(() => document.activeElement.tagName === 'TD'), 'a cell');
    const cell = await page.evaluate(() => document.activeElement.dataset.step);
    await page.keyboard.press('?');
    await until(page, () => inDialog(page), 'the shortcuts');
    let nodes = await axTree(context, page);
    assert.ok(named(nodes, 'dialog').includes('Keyboard shortcuts'));
    const headings = named(nodes, 'heading');
    assert.ok(headings.includes('Everywhere') && headings.includes('Journey map'), headings.join(' | '));
    assert.match(await page.evaluate(() => document.querySelector('dialog[open]').textContent), /Ctrl\+K: Go to anything/);
    assert.equal((await page.evaluate(() => window.waymark.stats().shortcutsOpen)), false, 'not the canvas\'s sheet');
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.press('Escape');
    await until(page, async () => !(await inDialog(page)) && (await page.evaluate(() => document.activeElement.dataset.step)) === cell, 'back on the cell');
    await page.keyboard.press('Escape');   // from the grid back to the canvas
    await until(page, async () => page.evaluate(() => document.activeElement.id === 'text-input'), 'the keyboard on the canvas');

    await menuEntry(page, 'View', 'About Waymark and this browser…');
    await page.keyboard.press('Enter');
    await until(page, () => inDialog(page), 'About');
    nodes = await axTree(context, page);
    assert.ok(named(nodes, 'dialog').includes('About Waymark'));
    assert.match(await page.evaluate(() => document.querySelector('dialog[open]').textContent), /Software rendering \(SwiftShader\)/);
    await page.keyboard.press('Escape');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: Edit › New journey… as the page\'s dialog: titled, hung under the lifecycle\'s last stage, created and opened', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const ws = await workspace(page);
    const lifecycle = ws.journeys.find((j) => j.level === 0);
    const last = lifecycle.stages[lifecycle.stages.length - 1];
    await menuEntry(page, 'Edit', 'New journey…');
    await page.keyboard.press('Enter');
    await until(page, () => inDialog(page), 'the dialog');
    assert.ok(named(await axTree(context, page), 'dialog').includes('New journey'));
    assert.equal(await focusName(page), 'Title');
    assert.equal(await page.evaluate(() => document.querySelector('dialog[open] button[aria-disabled="true"]')?.textContent), 'Create journey', 'dimmed without a title');
    await page.keyboard.type('Roam abroad');
    await page.keyboard.press('Tab');
    await until(page, async () => page.evaluate(() => !document.querySelector('dialog[open] button[aria-disabled="true"]')), 'Create no longer dimmed');
    assert.equal(await focusName(page), 'Level');
    await page.keyboard.press('Tab');
    assert.equal(await focusName(page), 'Under');
    await page.keyboard.press('End');
    await until(page, async () => (await page.evaluate(() => document.activeElement.selectedOptions[0].textContent)) === `${lifecycle.title} › ${last.name}`, 'the last stage chosen');
    assert.deepEqual(await axeViolations(page), []);
    await tabTo(page, 'Create journey');
    await page.keyboard.press('Enter');
    const made = await until(page, async () => (await workspace(page)).journeys.find((j) => j.title === 'Roam abroad'), 'the journey');
    const link = (await workspace(page)).links.find((l) => l.child === made.id);
    assert.deepEqual([made.level, link.parent, link.stage], [1, lifecycle.id, last.id]);
    assert.ok(made.lanes.length > 0, 'the default template\'s lanes');
    await until(page, async () => { const s = await page.evaluate(() => window.waymark.stats()); return s.view === 'journey' && s.viewId === made.id; }, 'its map open');
    assert.equal(await inDialog(page), false);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
