// Issue 19, the journey map for screen readers and keyboards: the page's hidden DOM mirror
// (web/mirror.js, built by the app from the model: src/ui/map/mirror.hpp). Read through Chromium's
// own accessibility tree (CDP Accessibility.getFullAXTree): the map is a grid whose column headers
// are "stage › step" and row headers the lanes, each cell naming its cards. Driven with the keyboard
// only — no mouse event at all: Ctrl+K to the map, F6 into the grid, arrows (the canvas's selection
// follows), Enter adds a card typed in the page's real text field, the live region says so and focus
// comes back to the cell, which now reads the card; F2 goes inside a cell, whose cards are walked
// (the canvas selects each), one rewritten in the real text field and one deleted. The backlog is a table whose rows follow the
// canvas list's rank order, each with its "why #N" sentences, and a re-rank reaches it. The
// framework is a treegrid: lifecycle stages, their journeys and their children nested by first link,
// with levels, walked with the keyboard (the canvas outlines the focused tile), folded, unfolded and
// opened. axe finds nothing at WCAG 2.2 AA on the map, the backlog and the framework view.
// web/mirror.js arrives after the first frame and shows the map as it is then; a failed download
// is tried again at F6.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, stats, until, click, scrollTo, screenshot, axeViolations, goTo, axTree, named, gridRows, tabTo, toMenubar, settle } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const TITLE = 'Buying a phone plan';

const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { tag: e.tagName, lane: e.dataset?.lane, step: e.dataset?.step, text: e.textContent, selected: e.getAttribute('aria-selected') };
});

test('screen reader: the journey map is a grid with lane and step headers; a card is added with the keyboard only', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    const j = ws.journeys.find((x) => x.title === TITLE);
    const steps = j.stages.flatMap((s) => s.steps.map((st) => ({ ...st, stage: s.name })));

    // The framework view: the mirror says what it is; nothing for axe to find.
    assert.deepEqual(await axeViolations(page), []);

    // Keyboard only: Ctrl+K, the journey's name, Enter.
    await goTo(page, TITLE, (s) => s.viewId === j.id, 'the journey map');

    // Chromium's accessibility tree: a grid named after the journey, headers and cells from the model.
    const grid = await until(page, async () => {
      const nodes = await axTree(context, page);
      return named(nodes, 'grid').includes(`Journey map: ${TITLE}`) && nodes;
    }, 'the grid in the accessibility tree');
    const rows = gridRows(grid);
    assert.deepEqual(rows[0].slice(1), steps.map((s) => ['columnheader', `${s.stage} › ${s.name}`]));
    assert.deepEqual(rows.slice(1).map((r) => r[0]), j.lanes.map((l) => ['rowheader', `${l.name} (${l.layer})`]));
    assert.ok(rows.slice(1).every((r) => r.length === steps.length + 1 && r.slice(1).every(([role]) => role === 'gridcell')), 'a cell per step in every lane');
    const cell = (lane, step) => rows[1 + j.lanes.indexOf(lane)][1 + steps.findIndex((s) => s.id === step)][1];
    const pains = j.lanes.find((l) => l.kind === 'pain');
    const card = j.cards.find((c) => c.lane === pains.id);
    assert.ok(cell(pains, card.step).includes(card.text), `the cell of "${card.text}" reads "${cell(pains, card.step)}"`);
    const emotion = j.lanes.find((l) => l.kind === 'emotion');
    if (emotion) {
      const score = j.emotions.find((e) => e.lane === emotion.id && e.persona);
      const who = ws.personas.find((p) => p.id === score.persona).name;
      const text = cell(emotion, score.step);
      assert.ok(text.includes(`${who}: ${score.score > 0 ? '+' : score.score < 0 ? '\u2212' : ''}${Math.abs(score.score)}`), `the emotion cell reads "${text}"`);
    }
    assert.deepEqual(await axeViolations(page), []);

    // F6: into the grid. Arrow keys move focus, and the canvas's cell cursor follows (the app marks
    // the cell it selected: aria-selected comes from the app, not from the focus).
    await page.keyboard.press('F6');
    let f = await focused(page);
    assert.equal(f.tag, 'TD');
    await page.keyboard.press('ArrowRight');
    await until(page, async () => (f = await focused(page)).selected === 'true', 'the app selects the focused cell');
    assert.equal(f.step, steps[1].id);
    assert.equal((await stats(page)).map.selection, 'cell');

    // To the empty Gains cell of "Checks if the phone is in stock": down the rows, then Enter.
    const gains = j.lanes.find((l) => l.kind === 'gain');
    const target = steps.find((s) => !j.cards.some((c) => c.lane === gains.id && c.step === s.id));
    for (let i = 0; i < j.lanes.indexOf(gains); ++i) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    for (let i = 0; i < steps.indexOf(target); ++i) await page.keyboard.press('ArrowRight');
    f = await focused(page);
    assert.deepEqual([f.lane, f.step], [gains.id, target.id]);
    await page.keyboard.press('Enter');
    await until(page, async () => (await stats(page)).map.editing && (await focused(page)).tag === 'TEXTAREA', 'the card editor, in the real text field');
    await page.keyboard.type('Sees stock per store');
    await page.keyboard.press('Enter');
    await until(page, async () => {
      const doc = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
      return doc.journeys.find((x) => x.id === j.id).cards.some((c) => c.lane === gains.id && c.step === target.id && c.text === 'Sees stock per store');
    }, 'the card in the document');
    // The live region says what was done and where, in words.
    const said = `Done: Add card to ${gains.name} at “${target.name}”`;
    await until(page, async () => (await page.evaluate(() => document.getElementById('announcer').textContent)).trim() === said, `the live region said "${said}"`)
      .catch(async (e) => { console.log('# announced', await page.evaluate(() => document.getElementById('announcer').textContent)); throw e; });
    await until(page, async () => { f = await focused(page); return f.tag === 'TD' && f.text.includes('Sees stock per store'); }, 'focus back on the cell, which reads the card')
      .catch(async (e) => { console.log('# focused', JSON.stringify(f), JSON.stringify((await stats(page)).map)); throw e; });
    assert.deepEqual([f.lane, f.step], [gains.id, target.id]);
    await screenshot(page, 'mirror-keyboard-card');

    // Escape: back to the canvas, where Ctrl+Z undoes it.
    await page.keyboard.press('Escape');
    assert.equal((await focused(page)).tag, 'TEXTAREA');
    await page.keyboard.press('Control+Z');
    await until(page, async () => !JSON.stringify(JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace).includes('Sees stock per store'), 'undone');
    // Edits reach the grid as the changed rows only; the whole grid still equals the map.
    const after = await until(page, async () => { const r = gridRows(await axTree(context, page)); return !JSON.stringify(r).includes('Sees stock per store') && r; }, 'the undo reached the grid');
    assert.deepEqual(after, rows);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: F2 goes inside a cell of the grid; its cards are walked, edited and deleted there', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await goTo(page, TITLE, (s) => s.view === 'journey', 'the map');
    const doc = async () => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    const j = (await doc()).journeys.find((x) => x.title === TITLE);
    // A cell holding a card, reached with the arrow keys from the grid's first cell; a second card
    // added there with Enter, as a person would before walking them.
    const busy = j.cards[0];
    const inCell = (ws) => ws.journeys.find((x) => x.id === j.id).cards.filter((c) => c.lane === busy.lane && c.step === busy.step);
    await page.keyboard.press('F6');
    await until(page, async () => (await focused(page)).tag === 'TD', 'a cell');
    const [r, c] = await page.evaluate(({ lane, step }) => {
      const td = document.querySelector(`#mirror td[data-lane="${lane}"][data-step="${step}"]`);
      const rows = [...td.closest('tbody').children];
      return [rows.indexOf(td.parentElement), [...td.parentElement.querySelectorAll('td')].indexOf(td)];
    }, busy);
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < r; ++i) await page.keyboard.press('ArrowDown');
    for (let i = 0; i < c; ++i) await page.keyboard.press('ArrowRight');
    let f = await focused(page);
    assert.deepEqual([f.tag, f.lane, f.step], ['TD', busy.lane, busy.step]);
    await page.keyboard.press('Enter');
    await until(page, async () => (await focused(page)).tag === 'TEXTAREA', 'the new card\'s editor');
    await page.keyboard.type('A second card');
    await page.keyboard.press('Enter');
    await until(page, async () => (await focused(page)).tag === 'TD' && inCell(await doc()).length === 2, 'two cards in the cell, focus on it');
    const before = inCell(await doc());

    // F2: inside, on the first card, which the canvas selects; Down: the second.
    const card = () => page.evaluate(() => document.activeElement.dataset.card || '');
    await page.keyboard.press('F2');
    await until(page, async () => (await card()) === before[0].id, 'focus on the first card');
    await until(page, async () => (await stats(page)).map.selection === 'cards', 'the card selected on the canvas');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), before[0].text);
    await page.keyboard.press('ArrowDown');
    await until(page, async () => (await card()) === before[1].id, 'focus on the second card');

    // Enter: its text in the page's real text field; typed over; focus comes back to the cell.
    await page.keyboard.press('Enter');
    await until(page, async () => (await stats(page)).map.editing && (await focused(page)).tag === 'TEXTAREA', 'the card editor');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Rewritten from the keyboard');
    await page.keyboard.press('Enter');
    await until(page, async () => inCell(await doc()).some((x) => x.id === before[1].id && x.text === 'Rewritten from the keyboard'), 'the card rewritten');
    await until(page, async () => { f = await focused(page); return f.tag === 'TD' && f.text.includes('Rewritten from the keyboard'); }, 'focus back on the cell');
    await until(page, async () => /^Done: Edit card/.test(await page.evaluate(() => document.getElementById('announcer').textContent)), 'the live region said it');

    // Inside again, to the rewritten card, Delete: gone, focus on the cell. Escape leaves a cell too.
    await page.keyboard.press('F2');
    await page.keyboard.press('ArrowDown');
    await until(page, async () => (await card()) === before[1].id, 'the rewritten card');
    await page.keyboard.press('Delete');
    await until(page, async () => !inCell(await doc()).some((x) => x.id === before[1].id), 'the card deleted');
    await until(page, async () => (await focused(page)).tag === 'TD', 'focus on the cell');
    await page.keyboard.press('F2');
    await until(page, async () => (await card()) !== '', 'inside the cell');
    await page.keyboard.press('Escape');
    f = await focused(page);
    assert.deepEqual([f.tag, f.lane, f.step], ['TD', busy.lane, busy.step]);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

// Titles in the order the canvas's backlog list shows them (its rows' rectangles, top to bottom);
// tests/e2e/backlog.test.mjs checks that order against the scoring rules computed independently.
async function canvasOrder(page, titles) {
  const ys = [];
  for (const t of titles) ys.push({ t, y: (await page.evaluate((l) => window.waymark.rect(l), t)).y });
  return ys.sort((a, b) => a.y - b.y).map((r) => r.t);
}

test('screen reader: the backlog is a table in rank order, each row with its "why #N"; a re-rank reaches it', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await goTo(page, 'Backlog', (s) => s.view === 'backlog', 'the backlog');
    const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    const order = await canvasOrder(page, ws.opportunities.map((o) => o.title));

    const rowsOf = async () => gridRows(await axTree(context, page), 'table');
    let rows = await until(page, async () => { const r = await rowsOf(); return r.length === ws.opportunities.length + 1 && r; }, 'the backlog table');
    assert.deepEqual(rows[0], ['Rank', 'Opportunity', 'Priority', 'Status', 'Why', 'Actions'].map((c) => ['columnheader', c]));
    assert.deepEqual(rows.slice(1).map((r) => r[1]), order.map((t) => ['rowheader', t]), 'the table lists the backlog in rank order');
    assert.equal(rows[1][0][1], '#1');
    assert.match(rows[1][4][1], /^#1 of the open opportunities, with priority .*Priority = \(customer value/);
    assert.deepEqual(await axeViolations(page), []);

    // The first marked "will not do" with the mouse, as anyone would: the table re-ranks.
    const first = ws.opportunities.find((o) => o.title === order[0]);
    await click(page, first.title);
    await until(page, async () => (await stats(page)).selected.opportunity === first.id, 'the opportunity selected');
    const box = await scrollTo(page, 'Will not do', 'Opportunity description');   // the details panel, scrolled to it
    await page.mouse.click(box.x + box.h / 2, box.y + box.h / 2);
    rows = await until(page, async () => { const r = await rowsOf(); return r[1] && r[1][1][1] !== first.title && r; }, 'the table re-ranked');
    const moved = rows.find((r) => r[1][1] === first.title);
    assert.deepEqual([moved[0][1], moved[3][1]], ['not ranked', 'Will not do']);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: an opportunity scored from the backlog table\'s "Score …" dialog; the table re-ranks', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await goTo(page, 'Backlog', (s) => s.view === 'backlog', 'the backlog');
    const doc = async () => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    const ws = await doc();
    const rowsOf = async () => gridRows(await axTree(context, page), 'table');
    const rows = await until(page, async () => { const r = await rowsOf(); return r.length === ws.opportunities.length + 1 && r; }, 'the backlog table');
    // The last ranked opportunity, scored as high as its criteria go (and its effort as low).
    const ranked = rows.slice(1).filter((r) => r[0][1].startsWith('#'));
    const last = ws.opportunities.find((o) => o.title === ranked[ranked.length - 1][1][1]);
    const criteria = ws.settings.scoring.criteria;
    await page.keyboard.press('F6');
    await tabTo(page, `Score “${last.title}”…`);
    await page.keyboard.press('Enter');
    await until(page, async () => page.evaluate(() => document.activeElement.tagName === 'SELECT' && !!document.activeElement.closest('dialog[open]')), 'the dialog, focus on its first choice');
    const nodes = await axTree(context, page);
    assert.ok(named(nodes, 'dialog').includes(`Scores of “${last.title}”`), 'a dialog named after the opportunity');
    assert.equal(named(nodes, 'combobox').length, criteria.length, 'one choice per criterion');
    assert.deepEqual(await axeViolations(page), []);
    // Each choice, in the canvas's order: End picks the scale's top; effort goes to its bottom (Home is
    // "Not rated", the next one down the scale's lowest).
    for (let i = 0; i < criteria.length; ++i) {
      const label = await page.evaluate(() => document.querySelector(`label[for="${document.activeElement.id}"]`).textContent);
      if (/effort/.test(label)) { await page.keyboard.press('Home'); await page.keyboard.press('ArrowDown'); } else await page.keyboard.press('End');
      await page.keyboard.press('Tab');
    }
    const scored = await until(page, async () => {
      const o = (await doc()).opportunities.find((x) => x.id === last.id);
      return o.scores.length === criteria.length && o;
    }, 'every criterion scored');
    for (const c of criteria) {
      const value = scored.scores.find((x) => x.criterion === c.id).value;
      if (c.group === 'effort') assert.equal(value, c.scale_min, `${c.name} at its bottom`);
      else assert.equal(value, c.scale_max, `${c.name} at its top`);
    }
    await until(page, async () => /^Done: /.test(await page.evaluate(() => document.getElementById('announcer').textContent)), 'the live region said it');
    // Escape closes the dialog: focus back on the row's button; the table has re-ranked it upwards.
    await page.keyboard.press('Escape');
    await until(page, async () => (await page.evaluate(() => document.activeElement.textContent)) === `Score “${last.title}”…`, 'focus back on the button');
    const after = await until(page, async () => {
      const r = await rowsOf();
      const i = r.findIndex((x) => x[1][1] === last.title);
      return i >= 0 && i < ranked.length && r;
    }, 'the table re-ranked');
    assert.notEqual(after.findIndex((x) => x[1][1] === last.title), ranked.length, 'no longer last');
    await screenshot(page, 'mirror-backlog-scored');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

// The rows of the first treegrid: [level, [[role, name], …]] each (the header row's level is 0).
function treeRows(nodes) {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const rows = [];
  const walk = (n) => {
    if (!n) return;
    if (n.role?.value === 'row' && !n.ignored) {
      const level = (n.properties || []).find((p) => p.name === 'level')?.value?.value ?? 0;
      rows.push([level, (n.childIds || []).map((id) => byId.get(id)).filter((c) => c && !c.ignored).map((c) => [c.role?.value, c.name?.value ?? ''])]);
      return;
    }
    for (const id of n.childIds || []) walk(byId.get(id));
  };
  walk(nodes.find((n) => !n.ignored && n.role?.value === 'treegrid'));
  return rows;
}

test('screen reader: the framework is a treegrid of stages and nested journeys; walked, folded and opened with the keyboard', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    const lifecycle = ws.journeys.find((j) => j.level === 0 && j.stages.length);
    const firstLink = (id) => ws.links.find((l) => l.child === id);
    const byTitle = (t) => ws.journeys.find((j) => j.title === t);

    const rows = await until(page, async () => {
      const nodes = await axTree(context, page);
      return named(nodes, 'treegrid').includes('Journey framework') && treeRows(nodes);
    }, 'the treegrid in the accessibility tree');
    assert.deepEqual(rows[0][1].map(([, n]) => n), ['Journey', 'Level', 'Status', 'Steps detailed', 'Insights', 'Opportunities', 'Headline KPI']);
    assert.ok(rows.slice(1).every(([, cells]) => cells[0][0] === 'rowheader' && cells.slice(1).every(([r]) => r === 'gridcell')), 'a row header and grid cells');
    // Every lifecycle stage at level 1, in order; every other journey once, under the stage or the
    // journey its first link hangs it from, with its level named.
    const data = rows.slice(1);
    assert.deepEqual(data.filter(([l]) => l === 1).map(([, c]) => c[0][1]), lifecycle.stages.map((s) => s.name));
    const others = ws.journeys.filter((j) => j !== lifecycle);
    assert.deepEqual(data.filter(([l]) => l > 1).map(([, c]) => c[0][1]).sort(), others.map((j) => j.title).sort());
    data.forEach(([level, cells], i) => {
      if (level === 1) return;
      const j = byTitle(cells[0][1]);
      assert.equal(cells[1][1], `L${j.level} ${ws.settings.level_names[j.level]}`);
      let p = i - 1;
      while (data[p][0] !== level - 1) --p;
      const link = firstLink(j.id);
      const above = data[p][1][0][1];
      if (link.parent === lifecycle.id) assert.equal(above, lifecycle.stages.find((s) => s.id === link.stage).name, `${j.title} under its stage`);
      else assert.equal(above, ws.journeys.find((x) => x.id === link.parent).title, `${j.title} under its parent`);
    });
    assert.deepEqual(await axeViolations(page), []);

    // Keyboard only. F6: the first stage's row; Down: its first journey, outlined on the canvas.
    const focusedRow = () => page.evaluate(() => ({ id: document.activeElement.dataset?.id, expanded: document.activeElement.getAttribute('aria-expanded') }));
    await page.keyboard.press('F6');
    assert.equal((await focusedRow()).id, lifecycle.stages[0].id);
    await until(page, async () => (await stats(page)).framework.focus === lifecycle.stages[0].id, 'the stage is the grid\'s focus');
    await page.keyboard.press('ArrowDown');
    const second = data[1][0] === 1 ? lifecycle.stages[1] : byTitle(data[1][1][0][1]);   // the first stage may have no journey
    await until(page, async () => (await stats(page)).framework.focus === second.id, 'the canvas follows to the next row');
    assert.equal((await focusedRow()).id, second.id);
    // Down to a journey with children: Left folds it on the canvas too, Right unfolds it.
    const parentIndex = data.findIndex(([l], i) => l > 1 && data[i + 1] && data[i + 1][0] > l);
    const parent = byTitle(data[parentIndex][1][0][1]);
    for (let i = 1; i < parentIndex; ++i) await page.keyboard.press('ArrowDown');
    assert.deepEqual(await focusedRow(), { id: parent.id, expanded: 'true' });
    await screenshot(page, 'mirror-framework-focus');
    const tiles = (await stats(page)).framework.tiles;
    await page.keyboard.press('ArrowLeft');
    await until(page, async () => (await stats(page)).framework.collapsed === 1 && (await focusedRow()).expanded === 'false', 'folded');
    assert.ok((await stats(page)).framework.tiles < tiles, 'its children left the canvas');
    let end = parentIndex + 1;
    while (end < data.length && data[end][0] > data[parentIndex][0]) ++end;
    assert.equal(await page.evaluate(() => document.querySelectorAll('#mirror tr[aria-level]').length), data.length - (end - parentIndex - 1), 'its descendants left the tree');
    await page.keyboard.press('ArrowRight');
    await until(page, async () => (await stats(page)).framework.collapsed === 0 && (await focusedRow()).expanded === 'true', 'unfolded');
    assert.equal((await stats(page)).framework.tiles, tiles);
    // Right again: to its first child. Enter opens that journey's map.
    await page.keyboard.press('ArrowRight');
    const child = byTitle(data[parentIndex + 1][1][0][1]);
    assert.equal((await focusedRow()).id, child.id);
    await page.keyboard.press('Enter');
    await until(page, async () => (await stats(page)).viewId === child.id, 'the child journey open');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('screen reader: insights and personas are tables; a search on the canvas narrows the insights table', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    const go = (name, view) => goTo(page, name, (s) => s.view === view, name);
    const tableRows = async (count) => until(page, async () => { const r = gridRows(await axTree(context, page), 'table'); return r.length === count + 1 && r; }, `a table of ${count} rows`);

    await go('Insights', 'insights');
    let rows = await tableRows(ws.insights.length);
    assert.deepEqual(rows[0].map(([, n]) => n), ['Insight', 'Type', 'Evidence', 'Source', 'Impact', 'Linked steps', 'Text', 'Actions']);
    assert.deepEqual(rows.slice(1).map((r) => r[0][1]).sort(), ws.insights.map((i) => i.title).sort());
    assert.ok(rows.slice(1).every((r) => r[0][0] === 'rowheader'));
    const some = ws.insights.find((i) => i.evidence === 'validated');
    const row = rows.find((r) => r[0][1] === some.title);
    assert.match(row[2][1], /^validated/);
    assert.equal(row[6][1], some.text);
    assert.deepEqual(await axeViolations(page), []);
    // The same search as on the canvas: the table follows it.
    await click(page, 'Search insights');
    await page.keyboard.type('esim', { delay: 10 });
    const matches = ws.insights.filter((i) => [i.title, i.text, i.source_detail, ...(i.tags || [])].join('\n').toLowerCase().includes('esim'));
    rows = await tableRows(matches.length);
    assert.deepEqual(rows.slice(1).map((r) => r[0][1]).sort(), matches.map((i) => i.title).sort());
    assert.ok(named(await axTree(context, page), 'table').includes(`${matches.length} of ${ws.insights.length} insights match the search and filters`), 'the caption names the table');
    await page.keyboard.press('Escape');

    await go('Personas', 'personas');
    rows = await tableRows(ws.personas.length);
    assert.deepEqual(rows.slice(1).map((r) => r[0]), ws.personas.map((p) => ['rowheader', p.name]));
    assert.deepEqual(rows.slice(1).map((r) => r[1][1]), ws.personas.map((p) => p.role));
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: a journey moved in the framework tree with Ctrl+X and Ctrl+V, the place chosen in a dialog', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    const byTitle = (t) => ws.journeys.find((j) => j.title === t);
    const child = byTitle('Sign up online'), target = byTitle('Comparing plans');
    const oldLink = ws.links.find((l) => l.child === child.id);
    assert.notEqual(oldLink.parent, target.id);
    const step = target.stages[0].steps[0];
    const announced = () => page.evaluate(() => document.getElementById('announcer').textContent.trim());
    const focusedRow = () => page.evaluate(() => ({ id: document.activeElement.dataset?.id, text: document.activeElement.textContent }));
    const walkTo = async (id, key) => {
      for (let i = 0; i < 40 && (await focusedRow()).id !== id; ++i) await page.keyboard.press(key);
      assert.equal((await focusedRow()).id, id);
    };

    await until(page, async () => page.evaluate(() => !!document.querySelector('#mirror tr[data-kind="journey"]')), 'the framework tree');
    await page.keyboard.press('F6');
    await walkTo(child.id, 'ArrowDown');
    await page.keyboard.press('Control+X');
    assert.match(await announced(), /^Cut “Sign up online”: go to a lifecycle stage or a journey and press Ctrl\+V/);
    await walkTo(target.id, 'ArrowUp');
    await page.keyboard.press('Control+V');

    // The dialog: modal, named, focus inside it on the first place allowed; axe finds nothing.
    await until(page, async () => page.evaluate(() => !!document.activeElement.closest('dialog[open]')), 'the dialog has focus');
    const nodes = await axTree(context, page);
    assert.ok(named(nodes, 'dialog').includes('Hang “Sign up online” under “Comparing plans” at:'), 'the dialog in the accessibility tree');
    const options = await page.evaluate(() => [...document.querySelectorAll('dialog[open] li button')].map((b) => b.textContent));
    assert.deepEqual(options, target.stages.flatMap((s) => [`${s.name} (the whole stage)`, ...s.steps.map((x) => x.name)]));
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'mirror-framework-move-dialog');
    for (let i = 0; i < 20 && (await focusedRow()).text !== step.name; ++i) await page.keyboard.press('Tab');
    assert.equal((await focusedRow()).text, step.name);
    await page.keyboard.press('Enter');

    // Moved: the first link now hangs it under "Comparing plans" at that step; the live region says
    // so; the keyboard is on its row, now nested under its new parent.
    await until(page, async () => {
      const now = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
      const link = now.links.find((l) => l.child === child.id);
      return link && link.parent === target.id && link.step === step.id;
    }, 'the journey hangs under its new parent');
    await until(page, async () => (await announced()) === 'Done: Move “Sign up online” under “Comparing plans”', 'the live region said it');
    await until(page, async () => (await focusedRow()).id === child.id, 'focus on the moved journey');
    const order = await page.evaluate(() => [...document.querySelectorAll('#mirror tr[data-id]')].map((tr) => [tr.dataset.id, tr.getAttribute('aria-level')]));
    const at = order.findIndex(([id]) => id === child.id);
    assert.deepEqual(order[at], [child.id, '3']);
    let p = at - 1;
    while (order[p][1] !== '2') --p;
    assert.equal(order[p][0], target.id, 'nested under "Comparing plans"');
    assert.equal((await stats(page)).framework.focus, child.id, 'outlined on the canvas');

    // Escape cancels a cut; Ctrl+Z (passed to the app) takes the move back.
    await page.keyboard.press('Control+X');
    await page.keyboard.press('Escape');
    assert.equal(await announced(), '“Sign up online” stays where it is.');
    await page.keyboard.press('Control+Z');
    await until(page, async () => {
      const now = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
      return now.links.find((l) => l.child === child.id).parent === oldLink.parent;
    }, 'undone');

    // Refused places say why: a journey under its own child would make a loop.
    const parent = ws.journeys.find((j) => j.id === oldLink.parent);
    await until(page, async () => page.evaluate((id) => !!document.querySelector(`#mirror tr[data-id="${id}"]`), child.id), 'the tree again');
    await page.keyboard.press('Home');   // still in the tree: the undo went to the app from there
    await walkTo(parent.id, 'ArrowDown');
    await page.keyboard.press('Control+X');
    await walkTo(child.id, 'ArrowDown');
    await page.keyboard.press('Control+V');
    await until(page, async () => page.evaluate(() => !!document.activeElement.closest('dialog[open]')), 'the dialog');
    const refused = await page.evaluate(() => [...document.querySelectorAll('dialog[open] li')].map((li) => [li.querySelector('button').getAttribute('aria-disabled'), li.querySelector('.why')?.textContent || '']));
    assert.ok(refused.length > 0 && refused.every(([d, why]) => d === 'true' && why.length > 10), JSON.stringify(refused));
    assert.equal((await focusedRow()).text, 'Cancel', 'nothing to choose: focus on Cancel');
    await page.keyboard.press('Escape');
    await until(page, async () => (await focusedRow()).id === child.id, 'focus back on the row');
    assert.equal(JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace.links.find((l) => l.child === parent.id).parent, ws.links.find((l) => l.child === parent.id).parent);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: the maturity scan answered and saved through the mirror\'s form, its result read there', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const before = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    await goTo(page, 'Maturity scan', (s) => s.view === 'maturity', 'the maturity view');
    const nodes = await until(page, async () => { const n = await axTree(context, page); return named(n, 'form').length && n; }, 'the form');
    const groups = named(nodes, 'group').filter((g) => g.startsWith('Question '));
    assert.equal(groups.length, 15);
    assert.match(groups[0], /^Question 1 of 15, Deep customer insight: /);
    assert.ok(named(nodes, 'radio').some((r) => /^3, /.test(r)), 'options named by stage');
    assert.match(named(nodes, 'heading').find((h) => h.startsWith('Result of the scan of')), /^Result of the scan of 2026-09-15: stage 3, /);
    assert.deepEqual(await axeViolations(page), []);

    // F6, then Tab into each question's radio group: Space takes the first option, two Down arrows
    // the third (stage 3), as in any form. Then Save scan.
    await page.keyboard.press('F6');
    for (let q = 0; q < 15; ++q) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await until(page, async () => page.evaluate((i) => document.querySelector(`#mirror input[data-q="${i}"][value="3"]`)?.checked, q), `question ${q + 1} answered`);
    }
    await until(page, async () => page.evaluate(() => document.getElementById('scan-save').getAttribute('aria-disabled') === null), 'Save scan enabled by the app');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'scan-save');
    await page.keyboard.press('Enter');

    // Saved: a new scan, every answer 3; the live region says so; focus on the new result.
    const after = await until(page, async () => {
      const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
      return ws.scans.length === before.scans.length + 1 && ws;
    }, 'the scan in the workspace');
    const scan = after.scans.find((s) => !before.scans.some((b) => b.id === s.id));
    assert.equal(scan.answers.length, 15);
    assert.ok(scan.answers.every((a) => a.stage === 3));
    await until(page, async () => /^Done: /.test(await page.evaluate(() => document.getElementById('announcer').textContent)), 'the live region said it');
    await until(page, async () => page.evaluate(() => document.activeElement.id === 'scan-result'), 'focus on the result');
    assert.match(await page.evaluate(() => document.activeElement.textContent), new RegExp(`^Result of the scan of ${scan.date}: stage 3, `));
    await screenshot(page, 'mirror-maturity-saved');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('keyboard only: the menus are a menubar in the mirror; F6 cycles to them; entries run as on the canvas', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const nodes = await until(page, async () => { const n = await axTree(context, page); return named(n, 'menubar').includes('Waymark') && n; }, 'the menubar');
    const tops = nodes.filter((n) => !n.ignored && n.role?.value === 'menuitem').map((n) => n.name?.value);
    assert.deepEqual(tops.slice(0, 3), ['File', 'Edit', 'View']);
    const focused = () => page.evaluate(() => ({ text: document.activeElement.textContent, role: document.activeElement.getAttribute('role'), expanded: document.activeElement.getAttribute('aria-expanded') }));

    // F6 to the view, F6 again to the menus: File; Right, Right: View; Down opens it on its first entry.
    await toMenubar(page);
    assert.deepEqual(await focused(), { text: 'File', role: 'menuitem', expanded: 'false' });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal((await focused()).text, 'View');
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await focused(), { text: 'Framework', role: 'menuitemradio', expanded: null });
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-checked')), 'true', 'the open view is ticked');
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.press('ArrowDown');
    assert.equal((await focused()).text, 'Backlog');
    await page.keyboard.press('Enter');
    await until(page, async () => (await stats(page)).view === 'backlog', 'View › Backlog ran');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'text-input', 'the keyboard is back on the canvas');

    // A submenu: View › Text size › 125 %.
    await toMenubar(page);
    await page.keyboard.press('ArrowLeft');
    assert.equal((await focused()).text, 'View');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 30 && (await focused()).text !== 'Text size'; ++i) await page.keyboard.press('ArrowDown');
    assert.deepEqual(await focused(), { text: 'Text size', role: 'menuitem', expanded: 'false' });
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 10 && (await focused()).text !== '125 %'; ++i) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await until(page, async () => (await stats(page)).textSize === 125, 'the text size');

    // File › Documents…, from the end of the File menu; Escape closes a menu without running anything.
    await toMenubar(page);
    await page.keyboard.press('Home');
    await until(page, async () => (await focused()).text === 'File', 'File');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    assert.deepEqual(await focused(), { text: 'File', role: 'menuitem', expanded: 'false' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    assert.equal((await focused()).text, 'Documents…');
    await page.keyboard.press('Enter');
    await until(page, async () => (await stats(page)).view === 'documents', 'File › Documents… ran');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

// web/mirror.js comes after the first frame (issue 17: less to download before it). What the app
// described before it arrived is not lost: the mirror shows the view and the menus as they are
// when it comes, a map changed meanwhile included (its changes were refused, so the whole map was
// sent again). A download that fails is tried again at F6.
test('screen reader: the mirror arrives after the first frame and reads the map as it is then; a failed download is tried again at F6', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const page = context.pages()[0];
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const asked = [];   // for each request of mirror.js: had the page drawn its first frame?
    await context.route('**/mirror.js*', async (route) => {
      if (route.request().serviceWorker()) return route.continue();   // the worker's copy for offline use
      asked.push(await page.evaluate(() => performance.getEntriesByName('waymark:ready').length === 1));
      await held;
      await route.continue();
    });
    await page.goto(srv.url);
    await until(page, () => asked.length > 0, 'the page asking for mirror.js');
    assert.deepEqual(asked, [true], 'mirror.js is asked for once, after the first frame');
    assert.equal(await page.evaluate(() => document.getElementById('mirror').childElementCount), 0, 'no mirror yet');

    // Meanwhile: F6 on the canvas (nothing to go to yet), to a journey by keyboard, and its map changed.
    await page.keyboard.press('F6');
    const j = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace.journeys.find((x) => x.title === TITLE);
    await goTo(page, TITLE, (s) => s.viewId === j.id, 'the journey map');
    // A cell on screen clicked (the selection changes) and a card typed into it with Enter.
    await settle(page, 100);
    const gains = j.lanes[0];   // Customer actions
    const target = j.stages.flatMap((st) => st.steps)[1];
    const at = await page.evaluate((label) => window.waymark.rect(label), `cell ${gains.name} ${target.name}`);
    assert.notEqual(at.ok, false, `the cell of ${gains.name} at ${target.name} on screen`);
    await page.mouse.move(at.x + at.w - 8, at.y + at.h - 6);   // below its cards
    await settle(page, 30);
    await page.mouse.click(at.x + at.w - 8, at.y + at.h - 6);
    await until(page, async () => (await stats(page)).map.selection === 'cell', 'the cell selected')
      .catch(async (e) => { console.log('# map', JSON.stringify((await stats(page)).map)); throw e; });
    await page.keyboard.press('Enter');
    await until(page, async () => (await stats(page)).map.editing, 'the card editor');
    const text = 'Typed while the screen-reader view was on its way';
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await until(page, async () => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace
      .journeys.find((x) => x.id === j.id).cards.some((c) => c.lane === gains.id && c.step === target.id && c.text === text), 'the card in the document');
    assert.equal(asked.length, 1);

    release();
    await page.evaluate(() => window.waymark.ready);
    const nodes = await until(page, async () => {
      const n = await axTree(context, page);
      return named(n, 'grid').includes(`Journey map: ${TITLE}`) && n;
    }, 'the grid in the accessibility tree');
    assert.ok(gridRows(nodes).some((row) => row.some(([role, name]) => role === 'gridcell' && name.includes(text))), 'the grid reads the new card');
    assert.ok(named(nodes, 'menubar').length === 1 && named(nodes, 'menuitem').includes('File'), 'the menus are there');
    await page.keyboard.press('F6');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'TD', 'F6 goes into the grid');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }

  // A download that fails: the page goes on without it, and F6 asks again.
  const second = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const page = second.context.pages()[0];
    let tries = 0;   // the page's own requests (the service worker's copy, once installed, answers it later)
    await second.context.route('**/mirror.js*', (route) => {
      if (route.request().serviceWorker()) return route.continue();
      return ++tries === 1 ? route.abort('connectionfailed') : route.continue();
    });
    const { errors } = await openApp(second.context, srv.url);
    assert.equal(tries, 1);
    assert.equal(await page.evaluate(() => document.getElementById('mirror').childElementCount), 0, 'no mirror');
    await page.keyboard.press('F6');   // asks again; nothing to go to yet
    await until(page, () => page.evaluate(() => document.getElementById('mirror').childElementCount > 0), 'the mirror after F6');
    await page.keyboard.press('F6');
    assert.ok(await page.evaluate(() => document.getElementById('mirror').contains(document.activeElement)), 'the second F6 goes into it');
    assert.deepEqual(errors.filter((e) => !/ERR_CONNECTION_FAILED/.test(e)), [], 'nothing but the failed download');
  } finally {
    await second.close();
  }
});
