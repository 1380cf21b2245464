// Issue 19, the documents and compare views for screen readers and keyboards: the page's DOM mirror
// shows them as pages (src/ui/kit/mirror_page.hpp → web/mirror.js) of headings, buttons and tables,
// read here through Chromium's own accessibility tree and axe, and driven with the keyboard only (no
// mouse event at all): a document made, renamed in the row's real text field, a saved version
// restored, another document opened, one deleted and restored from the trash, and a refused delete
// that says why in the live region; a to-be journey created from Edit › Create to-be journey in the
// mirror's menubar, changed, and compared in words (which steps were added, removed or changed, each
// side's cards marked), with "Only differences" pressed as a toggle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startServer, launch, openApp, stats, until, screenshot, axeViolations, goTo, axTree, named, gridRows, tabTo, toMenubar } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const workspace = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
const announced = (page) => page.evaluate(() => document.getElementById('announcer').textContent);
const focusName = (page) => page.evaluate(() => { const e = document.activeElement; return e.getAttribute('aria-label') || (e.labels?.length ? e.labels[0].textContent : e.textContent); });
// The rows of the mirror's table whose caption matches, as the accessibility tree reads them.
async function tableRows(context, page, caption) {
  const nodes = await axTree(context, page);
  const tables = nodes.filter((n) => !n.ignored && n.role?.value === 'table' && caption.test(n.name?.value ?? ''));
  assert.equal(tables.length, 1, `one table captioned ${caption}: ${named(nodes, 'table').join(' | ')}`);
  return gridRows([tables[0], ...nodes.filter((n) => n !== tables[0])], 'table');
}
// From the view in the mirror back to the canvas (F6 to the menus, F6 again), then Ctrl+K to `name`.
async function viewByKeyboard(page, name, view) {
  await page.keyboard.press('F6');
  await page.keyboard.press('F6');
  await until(page, async () => page.evaluate(() => document.activeElement.id === 'text-input'), 'the keyboard on the canvas');
  await goTo(page, name, (s) => s.view === view, `the ${view} view`);
  await page.keyboard.press('F6');
  await until(page, async () => page.evaluate(() => document.activeElement.tagName === 'H1'), 'the view\'s heading');
}

test('keyboard only: documents made, renamed, restored, opened, trashed and back through the mirror', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const sample = (await stats(page)).storage.doc;
    await goTo(page, 'Documents', (s) => s.view === 'documents', 'the documents view');
    const nodes = await until(page, async () => { const n = await axTree(context, page); return named(n, 'heading').includes('Stored documents') && n; }, 'the page');
    assert.deepEqual(named(nodes, 'heading').slice(0, 4), ['Documents', 'New document', 'Stored documents', 'Saved versions of “Lumen Mobile”']);
    assert.ok(named(nodes, 'button').includes('New blank workspace'));
    let rows = await tableRows(context, page, /stored in this browser/);
    assert.deepEqual(rows[0].map(([role]) => role), ['columnheader', 'columnheader', 'columnheader', 'columnheader', 'columnheader', 'columnheader', 'columnheader']);
    assert.deepEqual(rows[1][0], ['rowheader', 'Lumen Mobile, open']);
    assert.deepEqual(await axeViolations(page), []);

    // F6 to the heading, Tab to "New blank workspace", Enter: a new document opens (on its framework;
    // focus stays in the mirror, on that view). Back to the documents by keyboard.
    await page.keyboard.press('F6');
    await tabTo(page, 'New blank workspace');
    await page.keyboard.press('Enter');
    await until(page, async () => { const s = await stats(page); return s.document.name === 'Untitled workspace' && s.storage.doc !== sample && s.view === 'framework'; }, 'the new document');
    await until(page, async () => page.evaluate(() => document.getElementById('mirror').contains(document.activeElement)), 'focus in the framework\'s mirror');
    await viewByKeyboard(page, 'Documents', 'documents');
    rows = await tableRows(context, page, /^2 documents stored/);
    assert.deepEqual(rows.slice(1).map((r) => r[0][1]), ['Untitled workspace, open', 'Lumen Mobile']);

    // Rename it in its row's text field: Ctrl+A, type, Enter. An undoable edit of the open workspace.
    await tabTo(page, 'New name for “Untitled workspace”');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Retail banking');
    await page.keyboard.press('Enter');
    await until(page, async () => (await stats(page)).document.name === 'Retail banking', 'the rename');
    await until(page, async () => (await announced(page)) === 'Done: Rename workspace “Untitled workspace”', 'the live region said it');
    assert.equal(await focusName(page), 'New name for “Retail banking”', 'focus stays in the renamed row\'s field');

    // Ctrl+S from a button of the page (the app's key), then the version before the rename restored.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+S');
    await until(page, async () => (await stats(page)).storage.versions.length >= 2, 'two saved versions');
    await tabTo(page, /^Restore the version of /);
    await page.keyboard.press('Enter');
    await until(page, async () => (await stats(page)).document.name === 'Untitled workspace', 'the older version restored');

    // Open the sample from its row; then delete the other document and restore it from the trash.
    await tabTo(page, 'Open “Lumen Mobile”', { back: true });
    await page.keyboard.press('Enter');
    await until(page, async () => (await stats(page)).storage.doc === sample, 'the sample open');
    await viewByKeyboard(page, 'Documents', 'documents');
    await tabTo(page, 'Delete “Untitled workspace”');
    await page.keyboard.press('Enter');
    await until(page, async () => page.evaluate(() => [...document.querySelectorAll('#mirror h2')].some((h) => h.textContent === 'Trash')), 'the trash');
    rows = await tableRows(context, page, /in the trash/);
    assert.deepEqual(rows[1][0], ['rowheader', 'Untitled workspace']);
    await screenshot(page, 'mirror-documents-trash');
    await tabTo(page, 'Restore “Untitled workspace”');
    await page.keyboard.press('Enter');
    await until(page, async () => page.evaluate(() => ![...document.querySelectorAll('#mirror h2')].some((h) => h.textContent === 'Trash')), 'the trash emptied');
    rows = await tableRows(context, page, /^2 documents stored/);
    assert.ok(rows.some((r) => r[0][1] === 'Untitled workspace'), 'listed again');

    // The open document cannot be deleted: the button is read as dimmed, and pressing it says why.
    await tabTo(page, 'Delete “Lumen Mobile”');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-disabled')), 'true');
    await page.keyboard.press('Enter');
    await until(page, async () => /open another document before deleting this one/.test(await announced(page)), 'the refusal said');
    assert.equal((await stats(page)).storage.doc, sample);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: a to-be made from the mirror\'s menubar, compared in words, only the differences', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await goTo(page, 'Comparing plans', (s) => s.view === 'journey', 'the map');
    const current = (await workspace(page)).journeys.find((j) => j.title === 'Comparing plans');

    // Edit › Create to-be journey, in the menubar (F6 twice, Right to Edit, End, Enter).
    await toMenubar(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    assert.equal(await focusName(page), 'Create to-be journey');
    await page.keyboard.press('Enter');
    const toBe = await until(page, async () => (await workspace(page)).journeys.find((j) => j.counterpart === current.id), 'the to-be journey');
    await until(page, async () => { const s = await stats(page); return s.view === 'journey' && s.viewId === toBe.id; }, 'its map open');

    // Change it through the map's grid: a card added in the first step's first lane.
    await page.keyboard.press('F6');
    await until(page, async () => page.evaluate(() => document.activeElement.tagName === 'TD'), 'a cell of the grid');
    await page.keyboard.press('Enter');
    await until(page, async () => page.evaluate(() => document.activeElement.id === 'text-input'), 'the text field');
    await page.keyboard.type('Chat with an advisor');
    await page.keyboard.press('Enter');
    await until(page, async () => (await workspace(page)).journeys.find((j) => j.id === toBe.id).cards.some((c) => c.text === 'Chat with an advisor'), 'the card');

    // View › Compare current and to-be, in the menubar.
    await until(page, async () => page.evaluate(() => document.activeElement.tagName === 'TD'), 'focus back in the grid');
    await page.keyboard.press('F6');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 12 && (await focusName(page)) !== 'Compare current and to-be'; ++i) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await until(page, async () => (await stats(page)).view === 'compare', 'the compare view');
    const figures = (await stats(page)).compare;
    assert.equal(figures.changed, 1, `one step changed (${figures.summary})`);

    // Read: the summary, the buttons, the table of steps with the change in words and both sides.
    const nodes = await until(page, async () => { const n = await axTree(context, page); return named(n, 'table').length && n; }, 'the table');
    assert.equal(named(nodes, 'heading')[0], 'Current vs to-be: Comparing plans and Comparing plans (to-be)');
    assert.ok(named(nodes, 'StaticText').some((t) => t.startsWith(figures.summary)), 'the summary in words');
    assert.ok(named(nodes, 'button').includes('Only differences'));
    let rows = await tableRows(context, page, /aligned/);
    assert.deepEqual(rows[0].map(([, name]) => name), ['Step', 'Stage', 'Change', 'Current', 'To-be']);
    assert.equal(rows.length - 1, figures.shownSteps, 'every step the canvas shows');
    const changed = rows.find((r) => r[2][1].startsWith('Changed'));
    assert.ok(changed, 'a changed step');
    assert.match(changed[4][1], /“Chat with an advisor” \(added\)/, 'the to-be side names the added card');
    assert.doesNotMatch(changed[3][1], /Chat with an advisor/, 'the current side does not have it');
    assert.deepEqual(await axeViolations(page), []);

    // "Only differences" is a toggle button: pressed, the table lists the changed step alone.
    await page.keyboard.press('F6');
    await tabTo(page, 'Only differences');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'false');
    await page.keyboard.press('Space');
    await until(page, async () => (await stats(page)).compare.onlyDifferences, 'the filter on');
    await until(page, async () => page.evaluate(() => document.activeElement.getAttribute('aria-pressed') === 'true'), 'read as pressed, focus kept');
    rows = await tableRows(context, page, /only those that differ/);
    assert.equal(rows.length - 1, 1);
    await screenshot(page, 'mirror-compare');

    // "Open the to-be map" goes there; focus lands on the map's heading.
    await tabTo(page, 'Open the to-be map, “Comparing plans (to-be)”', { back: true });
    await page.keyboard.press('Enter');
    await until(page, async () => (await stats(page)).view === 'journey', 'the to-be map');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: a persona added, filled in, edited, deleted and brought back through the mirror\'s dialog', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const count = (await workspace(page)).personas.length;
    await goTo(page, 'Personas', (s) => s.view === 'personas', 'the personas view');
    await page.keyboard.press('F6');
    await tabTo(page, 'Add persona');
    await page.keyboard.press('Enter');

    // The dialog opens on the new persona's name; each field applies when the keyboard leaves it.
    await until(page, async () => page.evaluate(() => !!document.activeElement.closest('dialog[open]')), 'the dialog');
    const nodes = await axTree(context, page);
    assert.ok(named(nodes, 'dialog').includes('Persona “New persona”'));
    assert.equal(await page.evaluate(() => document.activeElement.value), 'New persona');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Anaïs de Vries');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Procurement lead');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Public sector');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');              // the quote left empty
    await page.keyboard.type('One bill\nNo surprises');
    await page.keyboard.press('Tab');
    assert.deepEqual(await axeViolations(page), []);
    const anais = await until(page, async () => {
      const p = (await workspace(page)).personas.find((x) => x.name === 'Anaïs de Vries');
      return p && p.goals.length === 2 && p;
    }, 'the persona filled in');
    assert.equal((await workspace(page)).personas.length, count + 1);
    assert.deepEqual([anais.role, anais.segment, anais.initials, anais.goals], ['Procurement lead', 'Public sector', 'AV', ['One bill', 'No surprises']]);
    await page.keyboard.press('Escape');
    await until(page, async () => (await focusName(page)) === 'Add persona', 'focus back on the button');

    // Edit: its row's button, the role field, Enter applies it.
    await tabTo(page, 'Edit “Anaïs de Vries”…');
    await page.keyboard.press('Enter');
    await until(page, async () => page.evaluate(() => !!document.activeElement.closest('dialog[open]')), 'the dialog');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Buyer');
    await page.keyboard.press('Enter');
    await until(page, async () => (await workspace(page)).personas.find((x) => x.id === anais.id).role === 'Buyer', 'the role edited');
    await until(page, async () => /^Done: /.test(await announced(page)), 'the live region said it');
    // The avatar: typed initials, a palette colour chosen by name (typed ahead), a custom one typed
    // as #RRGGBB, and one that is not a colour refused in words.
    await tabTo(page, 'Avatar initials (up to three characters)');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('AnVr');
    await page.keyboard.press('Tab');
    await page.keyboard.type('pu');
    await page.keyboard.press('Tab');
    await until(page, async () => {
      const p = (await workspace(page)).personas.find((x) => x.id === anais.id);
      return p.initials === 'AnV' && p.color.toLowerCase() === '#9333ea';
    }, 'initials cut to three characters, the colour purple');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('#12345G');
    await page.keyboard.press('Enter');
    await until(page, async () => /is not a colour \(#RRGGBB/.test(await announced(page)), 'the wrong colour refused');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('#0A5F3C');
    await page.keyboard.press('Enter');
    await until(page, async () => (await workspace(page)).personas.find((x) => x.id === anais.id).color.toLowerCase() === '#0a5f3c', 'the custom colour');
    await page.keyboard.press('Escape');
    let rows = await tableRows(context, page, /personas$/);
    assert.ok(rows.some((r) => r[0][1] === 'Anaïs de Vries' && r[1][1] === 'Buyer'), 'the table reads the edit');

    // Delete from its row; Ctrl+Z (the app's key, from the page) brings her back.
    await tabTo(page, 'Delete “Anaïs de Vries”');
    await page.keyboard.press('Enter');
    await until(page, async () => !(await workspace(page)).personas.some((x) => x.id === anais.id), 'deleted');
    await page.keyboard.press('Control+Z');
    await until(page, async () => (await workspace(page)).personas.some((x) => x.id === anais.id && x.role === 'Buyer'), 'back after undo');
    rows = await tableRows(context, page, /personas$/);
    assert.ok(rows.some((r) => r[0][1] === 'Anaïs de Vries'));
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: an insight created and filled in, a wrong date refused, deleted and brought back through the mirror\'s dialog', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const count = (await workspace(page)).insights.length;
    await goTo(page, 'Insights', (s) => s.view === 'insights', 'the insights view');
    await page.keyboard.press('F6');
    await tabTo(page, 'New insight');
    await page.keyboard.press('Enter');
    await until(page, async () => page.evaluate(() => !!document.activeElement.closest('dialog[open]')), 'the dialog');
    // Title, text, type (typed ahead: "p" is pain), source left, its detail, evidence (End:
    // validated), the date, impact (Home: −2) — each applied as the keyboard leaves it.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Roaming bills shock travellers');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Three in ten calls after a holiday are about roaming.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('p');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Support logs, November');
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2026-11-30');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    assert.deepEqual(await axeViolations(page), []);
    const made = await until(page, async () => {
      const i = (await workspace(page)).insights.find((x) => x.title === 'Roaming bills shock travellers');
      return i && i.impact === -2 && i;
    }, 'the insight filled in');
    assert.equal((await workspace(page)).insights.length, count + 1);
    assert.deepEqual([made.text, made.type, made.source_detail, made.evidence, made.last_validated],
      ['Three in ten calls after a holiday are about roaming.', 'pain', 'Support logs, November', 'validated', '2026-11-30']);
    await page.keyboard.press('Escape');
    await until(page, async () => (await focusName(page)) === 'New insight', 'focus back on the button');

    // A date that is not one is refused in words, and nothing changes.
    await tabTo(page, 'Edit “Roaming bills shock travellers”…');
    await page.keyboard.press('Enter');
    await until(page, async () => page.evaluate(() => !!document.activeElement.closest('dialog[open]')), 'the dialog');
    await tabTo(page, 'Last validated (YYYY-MM-DD, empty: never)');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30/11/2026');
    await page.keyboard.press('Enter');
    await until(page, async () => /is not a date \(YYYY-MM-DD\)/.test(await announced(page)), 'the refusal said');
    assert.equal((await workspace(page)).insights.find((x) => x.id === made.id).last_validated, '2026-11-30');
    // Tags one per line; the persona it concerns and a step it was seen at, ticked (the steps
    // narrowed by their filter first).
    await tabTo(page, 'Tags, one per line');
    await page.keyboard.type('roaming\nbilling');
    await tabTo(page, 'Zoë Bakker');
    await page.keyboard.press('Space');
    await tabTo(page, 'Filter: Linked steps');
    await page.keyboard.type('phone plan › Order › Passes');   // not the to-be's step of that name
    await page.keyboard.press('Tab');
    assert.equal(await focusName(page), 'Buying a phone plan › Order › Passes the credit check');
    await page.keyboard.press('Space');
    const linked = await until(page, async () => {
      const i = (await workspace(page)).insights.find((x) => x.id === made.id);
      return i.steps.length === 1 && i.personas.length === 1 && i;
    }, 'the persona and step linked');
    const ws = await workspace(page);
    assert.deepEqual(linked.tags, ['roaming', 'billing']);
    assert.equal(ws.personas.find((p) => p.id === linked.personas[0]).name, 'Zoë Bakker');
    const journey = ws.journeys.find((j) => j.id === linked.steps[0].journey);
    assert.ok(journey.stages.some((st) => st.steps.some((x) => x.id === linked.steps[0].step && x.name === 'Passes the credit check')));
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'mirror-insight-links');
    await page.keyboard.press('Escape');

    // Delete from its row; Ctrl+Z brings it back.
    await tabTo(page, 'Delete “Roaming bills shock travellers”');
    await page.keyboard.press('Enter');
    await until(page, async () => !(await workspace(page)).insights.some((x) => x.id === made.id), 'deleted');
    await page.keyboard.press('Control+Z');
    await until(page, async () => (await workspace(page)).insights.some((x) => x.id === made.id), 'back after undo');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: insights imported from a CSV in the page\'s dialog: columns chosen, bad rows read, one undo step', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const count = (await workspace(page)).insights.length;
    await goTo(page, 'Insights', (s) => s.view === 'insights', 'the insights view');
    await page.keyboard.press('F6');
    const csv = 'Name;Kind;Evidence status;Date;Notes\r\n' +
      'Roaming fees confuse;pain;observed;2026-02-01;from the shop\r\n' +
      ';quote;;;no title here\r\n' +
      'Bad date;trend;validated;01/02/2026;\r\n' +
      '"Unknown kind";rumour;assumed;;\r\n' +
      '"Two\nlines";need;assumed;;\r\n';
    const choosing = page.waitForEvent('filechooser');   // listening first (see mirror_dialogs' merge test)
    await tabTo(page, 'Import insights CSV…');
    await page.keyboard.press('Enter');
    await (await choosing).setFiles({ name: 'findings.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const dialog = page.getByRole('dialog', { name: 'Import insights from “findings.csv”' });
    await dialog.waitFor();
    // The columns as guessed (Name → Title, Kind → Type, …), focus on the first; Notes is not imported.
    await until(page, async () => /Columns not imported: Notes\./.test(await dialog.textContent()), 'the first check');
    assert.equal(await focusName(page), 'Column “Name” (first value: Roaming fees confuse)');
    assert.equal(await page.evaluate(() => document.activeElement.selectedOptions[0].textContent), 'Title');
    // Notes → Text, typed ahead in its field; the rows are checked again.
    await tabTo(page, 'Column “Notes” (first value: from the shop)');
    await page.keyboard.type('Te');
    await until(page, async () => /2 insights ready, 3 rows not imported, 0 blank lines skipped\./.test(await dialog.textContent()) &&
      !/Columns not imported/.test(await dialog.textContent()), 'checked again');
    const text = await dialog.textContent();
    assert.match(text, /Line 3: empty title/);
    assert.match(text, /Line 4: bad date “01\/02\/2026” \(expected YYYY-MM-DD\)/);
    assert.match(text, /Line 5: unknown type “rumour”/);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'mirror-insights-import');
    await tabTo(page, 'Import 2 insights');
    await page.keyboard.press('Enter');
    await until(page, async () => (await workspace(page)).insights.length === count + 2, 'imported');
    assert.equal(await page.locator('dialog').count(), 0);
    assert.equal(await focusName(page), 'Import insights CSV…', 'focus back on the button');
    await until(page, async () => /^Done: Import 2 insights from “findings\.csv”/.test(await announced(page)), 'said');
    const roaming = (await workspace(page)).insights.find((i) => i.title === 'Roaming fees confuse');
    assert.deepEqual([roaming.type, roaming.evidence, roaming.last_validated, roaming.text], ['pain', 'observed', '2026-02-01', 'from the shop']);
    await page.keyboard.press('Control+Z');
    await until(page, async () => (await workspace(page)).insights.length === count, 'one undo step');

    // A file that cannot be read says why; Escape closes it, nothing imported.
    const again = page.waitForEvent('filechooser');
    await tabTo(page, 'Import insights CSV…');
    await page.keyboard.press('Enter');
    await (await again).setFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('Title,Text\r\nok,fine\r\n"never closed,oops\r\n') });
    await page.getByRole('dialog', { name: 'Import insights from “broken.csv”' }).waitFor();
    await until(page, async () => /Line 3: a quoted field is never closed/.test(await page.locator('dialog').textContent()), 'the reason');
    await page.keyboard.press('Escape');
    await until(page, async () => !(await page.evaluate(() => window.waymark.stats().importing.phase)), 'closed');
    assert.equal((await workspace(page)).insights.length, count);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: an opportunity created, described, linked and decided against in the backlog\'s dialog, exported, deleted and back', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const count = (await workspace(page)).opportunities.length;
    await goTo(page, 'Backlog', (s) => s.view === 'backlog', 'the backlog view');
    await page.keyboard.press('F6');
    await tabTo(page, 'New opportunity');
    await page.keyboard.press('Enter');
    await until(page, async () => page.evaluate(() => !!document.activeElement.closest('dialog[open]')), 'the dialog');
    assert.ok(named(await axTree(context, page), 'dialog').includes('Opportunity “Untitled opportunity”'));
    // Title, description, owner, status (typed ahead: "v" is Validated), then the explicit "no" and
    // its reason, a journey and a persona ticked — each applied as the keyboard leaves it.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Roaming cap alerts');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Warn before a holiday bill gets out of hand.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Priya');
    await page.keyboard.press('Tab');
    await page.keyboard.press('v');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('The EU roaming rules already cap it.');
    await tabTo(page, 'Buying a phone plan');
    await page.keyboard.press('Space');
    await tabTo(page, 'Henrik Lindqvist');
    await page.keyboard.press('Space');
    // A solution: added (the dialog is made again, focus on its title), named, given a status; its
    // heading follows the name.
    await tabTo(page, 'Add solution', { max: 300 });
    await page.keyboard.press('Enter');
    await until(page, async () => (await page.evaluate(() => document.activeElement.value)) === 'New solution', 'focus on the new solution\'s title');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Roaming alert by SMS');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Text at 80 % of the cap.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('p');   // Planned
    await until(page, async () => {
      const o = (await workspace(page)).opportunities.find((x) => x.title === 'Roaming cap alerts');
      return o && o.solutions.length === 1 && o.solutions[0].status === 'planned' && o.solutions[0].description === 'Text at 80 % of the cap.';
    }, 'the solution filled in');
    assert.ok(named(await axTree(context, page), 'heading').includes('Solution “Roaming alert by SMS”'));
    assert.deepEqual(await axeViolations(page), []);
    const ws = await workspace(page);
    const made = await until(page, async () => {
      const o = (await workspace(page)).opportunities.find((x) => x.title === 'Roaming cap alerts');
      return o && o.journeys.length === 1 && o.personas.length === 1 && o;
    }, 'the opportunity filled in and linked');
    assert.equal((await workspace(page)).opportunities.length, count + 1);
    assert.deepEqual([made.description, made.owner, made.status, made.will_not_do, made.will_not_do_reason],
      ['Warn before a holiday bill gets out of hand.', 'Priya', 'validated', true, 'The EU roaming rules already cap it.']);
    assert.equal(ws.journeys.find((j) => j.id === made.journeys[0]).title, 'Buying a phone plan');
    assert.equal(ws.personas.find((p) => p.id === made.personas[0]).name, 'Henrik Lindqvist');
    assert.equal(made.solutions[0].title, 'Roaming alert by SMS');
    await screenshot(page, 'mirror-opportunity-dialog');
    // Removed again: focus on Add solution.
    await tabTo(page, 'Remove solution “Roaming alert by SMS”');
    await page.keyboard.press('Enter');
    await until(page, async () => (await workspace(page)).opportunities.find((x) => x.id === made.id).solutions.length === 0, 'the solution removed');
    await until(page, async () => (await focusName(page)) === 'Add solution', 'focus on Add solution');
    await page.keyboard.press('Escape');
    await until(page, async () => (await focusName(page)) === 'New opportunity', 'focus back on the button');
    const rows = await until(page, async () => {
      const r = await tableRows(context, page, /scoring rules$/);
      return r.some((x) => x[1][1] === 'Roaming cap alerts') && r;
    }, 'the table lists it');
    assert.equal(rows.find((x) => x[1][1] === 'Roaming cap alerts')[3][1], 'Will not do');

    // The CSV export from its button, then Delete and Ctrl+Z.
    await tabTo(page, 'Export backlog CSV');
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    assert.match((await downloading).suggestedFilename(), /backlog\.csv$/);
    await tabTo(page, 'Delete “Roaming cap alerts”');
    await page.keyboard.press('Enter');
    await until(page, async () => !(await workspace(page)).opportunities.some((x) => x.id === made.id), 'deleted');
    await page.keyboard.press('Control+Z');
    await until(page, async () => (await workspace(page)).opportunities.some((x) => x.id === made.id && x.will_not_do), 'back after undo');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: in a repository of 250 more insights, an opportunity\'s dialog finds insights by words and links one', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    // The sample with 250 more insights ("Zebra crossing 0" … "Zebra crossing 249"), opened as a document.
    const file = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    const model = file.workspace.insights[0];
    for (let n = 0; n < 250; ++n) file.workspace.insights.push({ ...structuredClone(model), id: randomUUID(), title: `Zebra crossing ${n}`, text: 'Counted at the shop door', steps: [], personas: [] });
    assert.equal((await page.evaluate((t) => window.waymark.importJson(t), JSON.stringify(file))).ok, true);
    const ws = await workspace(page);
    assert.ok(ws.insights.length > 200);
    const o = ws.opportunities.find((x) => x.insights.length > 0);
    await goTo(page, 'Backlog', (s) => s.view === 'backlog', 'the backlog view');
    await page.keyboard.press('F6');
    await tabTo(page, `Edit “${o.title}”…`);
    await page.keyboard.press('Enter');
    await until(page, async () => page.evaluate(() => !!document.activeElement.closest('dialog[open]')), 'the dialog');
    const legend = () => page.evaluate(() => [...document.querySelectorAll('dialog[open] legend')].find((l) => l.textContent.startsWith('Insights')).textContent);
    assert.equal(await legend(), 'Insights: the linked ones; find others above');
    await tabTo(page, 'Find insights to link (words, then Enter)');
    await page.keyboard.type('zebra  CROSSING 17');
    await page.keyboard.press('Enter');
    // 17, 117, 170–179 and 217: thirteen, beside the linked ones (still ticked); focus stays in the field.
    await until(page, async () => (await legend()) === 'Insights: the linked ones and 13 matching “zebra  CROSSING 17”', 'the matches');
    assert.equal(await focusName(page), 'Find insights to link (words, then Enter)');
    const ticked = await page.evaluate(() => [...document.querySelectorAll('dialog[open] fieldset input:checked')].map((b) => b.value));
    for (const id of o.insights) assert.ok(ticked.includes(id), 'a linked insight stays ticked');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'mirror-opportunity-insight-search');
    await tabTo(page, 'Zebra crossing 17');
    await page.keyboard.press('Space');
    const zebra = (await workspace(page)).insights.find((i) => i.title === 'Zebra crossing 17');
    await until(page, async () => {
      const now = (await workspace(page)).opportunities.find((x) => x.id === o.id);
      return now.insights.includes(zebra.id) && o.insights.every((id) => now.insights.includes(id)) && now.insights.length === o.insights.length + 1;
    }, 'linked, the others kept');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
