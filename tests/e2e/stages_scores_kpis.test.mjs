// Issue 18, items 4, 6 and 9 with real input: the lifecycle's stages edited from the framework's
// headers (double-click rename, "+ Stage", the context menu's Delete with its confirmation and Ctrl+Z),
// Ctrl+K › "Customer lifecycle" showing its stages before any lane is chosen, the first-run empty
// state of a blank workspace; a scoring preset switch that rescales ratings; KPIs that join up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, stats, rect, settle, click, until, scrollTo } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const doc = (page) => page.evaluate(() => JSON.parse(window.waymark.exportJson()).workspace);
const lifecycle = (ws) => ws.journeys.find((j) => j.level === 0 && j.stages.length > 0);
const stageNames = async (page) => lifecycle(await doc(page)).stages.map((s) => s.name);
const drawn = (page, label) => page.evaluate((l) => window.waymark.rect(l).ok !== false, label);

// A fresh browser on the sample workspace (with `blank`: File › New blank workspace first) for
// `body(page)`; no page error may happen meanwhile.
async function session(body, { blank = false, viewport = { width: 1280, height: 800 } } = {}) {
  const { context, close } = await launch({ viewport });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await settle(page, 300);
    if (blank) {
      await click(page, 'File');
      await click(page, 'New blank workspace');
      await settle(page, 300);
    }
    await body(page);
    assert.deepEqual(errors, []);
  } finally { await close(); }
}

// Types a name into the field that has the focus and keeps it with Enter.
async function name(page, text) {
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
}

test('lifecycle stages: rename by double-click, + Stage, right-click › Delete and Ctrl+Z', () => session(async (page) => {
  assert.equal((await stats(page)).view, 'framework');
  const names = await stageNames(page);
  assert.ok(names.includes('Consideration'), names.join(', '));

  // Double-click the header, type, Enter.
  await click(page, 'fw stage Consideration', { double: true });
  await rect(page, 'fw-stage-edit');
  await page.keyboard.press('Control+a');
  await name(page, 'Compare & choose');
  await until(page, async () => (await stageNames(page)).includes('Compare & choose'), 'the stage is renamed');
  assert.equal((await stageNames(page)).length, names.length);
  await rect(page, 'fw stage Compare & choose');
  assert.equal((await stats(page)).document.undoLabel, 'Rename stage “Consideration”');
  // The click selected it: its details panel shows beside the grid, with its KPIs.
  await rect(page, 'Lifecycle stage name');
  await screenshot(page, 'stages-renamed');

  // Esc cancels a rename.
  await click(page, 'fw stage Compare & choose', { double: true });
  await rect(page, 'fw-stage-edit');
  await page.keyboard.type('Nope', { delay: 5 });
  await page.keyboard.press('Escape');
  await settle(page, 100);
  assert.ok((await stageNames(page)).includes('Compare & choose'), 'Esc keeps the name');

  // "+ Stage" at the end of the header row: a visible stage with the typed name.
  await click(page, 'fw add stage');
  await rect(page, 'fw-stage-edit');
  await name(page, 'Advocacy');
  await until(page, async () => (await stageNames(page)).at(-1) === 'Advocacy', 'the new stage is last and named');
  const added = await rect(page, 'fw stage Advocacy');
  assert.ok(added.w > 40 && added.h > 20, 'the new stage is on screen');
  await screenshot(page, 'stages-added');

  // Right-click › Delete stage… (journeys hang from Purchase: it asks), then Ctrl+Z.
  const before = await doc(page);
  await click(page, 'fw stage Purchase', { button: 'right' });
  await click(page, 'Delete stage…');
  await rect(page, 'Delete stage');
  await screenshot(page, 'stages-delete-confirm');
  await click(page, 'Delete stage');
  await until(page, async () => !(await stageNames(page)).includes('Purchase'), 'the stage is deleted');
  assert.equal(await drawn(page, 'fw stage Purchase'), false);
  await page.keyboard.press('Control+z');
  await until(page, async () => (await stageNames(page)).includes('Purchase'), 'Ctrl+Z brings it back');
  assert.deepEqual(await doc(page), before, 'undo restores the workspace exactly');
  await rect(page, 'fw stage Purchase');

  // Right-click › Move left.
  await click(page, 'fw stage Advocacy', { button: 'right' });
  await click(page, 'Move left');
  await until(page, async () => (await stageNames(page)).at(-2) === 'Advocacy', 'moved left');
}));

test('Ctrl+K › Customer lifecycle shows its stages at once; + Stage there keeps the typed name', () => session(async (page) => {
  await page.keyboard.press('Control+k');
  await settle(page, 150);
  await page.keyboard.type('Customer lifecycle', { delay: 5 });
  await settle(page, 150);
  await page.keyboard.press('Enter');
  await until(page, async () => (await stats(page)).view === 'journey', 'the lifecycle map opens');
  for (const name of await stageNames(page)) await rect(page, `stage ${name}`);
  await screenshot(page, 'stages-lifecycle-map');
  await click(page, '+ Stage');
  await name(page, 'Loyalty');
  await until(page, async () => (await stageNames(page)).at(-1) === 'Loyalty', 'the stage keeps its typed name');
  await rect(page, 'stage Loyalty');
}, { blank: true }));

test('first run: a blank workspace says how to begin, and its button adds a stage', () => session(async (page) => {
  assert.equal((await stats(page)).view, 'framework');
  await rect(page, 'fw empty');
  await rect(page, 'Map your first journey…');
  await screenshot(page, 'stages-empty-state');
  const n = (await stageNames(page)).length;
  await click(page, 'Add a stage');
  await rect(page, 'fw-stage-edit');
  await name(page, 'Onboarding');
  await until(page, async () => (await stageNames(page)).length === n + 1 && (await stageNames(page)).at(-1) === 'Onboarding', 'a stage is added');
  await rect(page, 'fw stage Onboarding');
  // The empty state's other button opens the new journey dialog.
  await click(page, 'Map your first journey…');
  await rect(page, 'Create journey');
}, { blank: true }));

// Rates by clicking the slider where the value sits (a 1–5 slider: 4 is three quarters along).
async function rate(page, criterion, value, [lo, hi] = [1, 5]) {
  const r = await scrollTo(page, `Score ${criterion}`, 'Score Customer pain relieved');
  const grab = r.h / 2;   // the grab's half width: values run between its centre at both ends
  await page.mouse.click(r.x + grab + (r.w - 2 * grab) * (value - lo) / (hi - lo), r.y + r.h / 2);
  await settle(page, 200);
}

test('scoring preset switch: ratings are rescaled onto the new scale, in order, and Ctrl+Z restores them', () => session(async (page) => {
  await click(page, 'Backlog');
  let ws = await doc(page);
  const reachId = ws.settings.scoring.criteria.find((c) => c.name === 'Reach').id;
  const reach = (w) => Object.fromEntries(w.opportunities.map((o) => [o.id, o.scores.find((s) => s.criterion === reachId)?.value]));
  const target = ws.opportunities.find((o) => !o.will_not_do && o.scores.some((s) => s.criterion === reachId && s.value !== 4));
  await click(page, target.title);
  await rate(page, 'Reach', 4);
  ws = await doc(page);
  const before = reach(ws);
  assert.equal(before[target.id], 4);
  const scoresBefore = ws.opportunities.map((o) => o.scores);

  await click(page, 'Scoring model');
  await click(page, 'RICE');
  await click(page, 'Use this preset');
  await rect(page, 'Replace the model');
  await screenshot(page, 'scores-preset-confirm');
  await click(page, 'Replace the model');
  await until(page, async () => (await doc(page)).settings.scoring.preset === 'rice', 'the preset is switched');
  ws = await doc(page);
  const after = reach(ws);
  assert.equal(ws.settings.scoring.criteria.find((c) => c.id === reachId).scale_max, 10);
  assert.equal(after[target.id], 8, '4 on 1–5 is 7.75 on 1–10, rated 8 (whole points)');
  assert.ok(after[target.id] > 5.5, 'above the middle an unrated opportunity gets, as 4 was above 3');
  // Unrated stays unrated; the order of the ratings is kept.
  for (const id of Object.keys(before)) assert.equal(after[id] === undefined, before[id] === undefined, 'rated or not, as before');
  const ids = Object.keys(before).filter((id) => before[id] !== undefined);
  for (const a of ids) for (const b of ids) if (before[a] < before[b]) assert.ok(after[a] < after[b], 'the order of the ratings is kept');
  const s = await stats(page);
  assert.match(s.message, /ratings? rescaled/);
  assert.match(s.document.undoLabel, /Use scoring model/);

  await page.keyboard.press('Control+z');
  await until(page, async () => (await doc(page)).settings.scoring.preset !== 'rice', 'undone');
  assert.deepEqual((await doc(page)).opportunities.map((o) => o.scores), scoresBefore, 'one undo step restores the exact ratings');
}, { viewport: { width: 1400, height: 900 } }));

test('KPIs join up: the header counts the stages’ and steps’ KPIs; an opportunity from a pain is rated on pain relieved', () => session(async (page) => {
  let ws = await doc(page);
  // A journey with KPIs on its stages or steps: the header's count includes them.
  const counted = ws.journeys.map((j) => ({ j, all: ws.metrics.filter((m) => m.journey === j.id) }))
    .find(({ all }) => all.some((m) => m.stage || m.step));
  assert.ok(counted, 'the sample has a journey with a stage or step KPI');
  const own = counted.all.filter((m) => !m.stage && !m.step).length;
  assert.ok(counted.all.length > own);
  await page.evaluate((id) => window.waymark.show('journey', id), counted.j.id);
  await settle(page, 300);
  await rect(page, `KPIs (${counted.all.length})`);
  await screenshot(page, 'kpis-header-count');

  // A rated pain card, on screen: right-click › New opportunity from this pain.
  let pain = null;
  for (const j of ws.journeys) {
    const kinds = Object.fromEntries(j.lanes.map((l) => [l.id, l.kind]));
    const cards = j.cards.filter((c) => kinds[c.lane] === 'pain' && c.severity > 0).sort((a, b) => b.severity - a.severity);
    if (!cards.length) continue;
    await page.evaluate((id) => window.waymark.show('journey', id), j.id);
    await settle(page, 300);
    for (const c of cards) if (await drawn(page, `card ${c.text}`)) { pain = c; break; }
    if (pain) break;
  }
  assert.ok(pain, 'a rated pain card is on screen');
  await click(page, `card ${pain.text}`, { button: 'right' });
  await click(page, 'New opportunity from this pain menu');
  await until(page, async () => (await stats(page)).view === 'backlog', 'the backlog opens on it');
  const next = await doc(page);
  const made = next.opportunities.find((o) => !ws.opportunities.some((p) => p.id === o.id));
  const painRelieved = next.settings.scoring.criteria.find((c) => c.name === 'Customer pain relieved');
  assert.deepEqual(made.scores, [{ criterion: painRelieved.id, value: pain.severity }], `severity ${pain.severity} on 1–5`);
  await screenshot(page, 'kpis-opportunity-from-pain');
}, { viewport: { width: 1400, height: 900 } }));
