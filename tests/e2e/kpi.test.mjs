// KPIs with real mouse and keyboard: a macro journey with two micro children (imported), a KPI
// added on each child from the journey header's "KPIs" button and its values typed in the editor,
// a step KPI added from the map's details panel and shown in the metric lane, the parent's KPI
// rolled up from the children with one click (sum), switched to average, a target set, and undo.
// Every figure is checked through stats().kpis and exportJson(); screenshots are looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startServer, launch, openApp, screenshot, stats, notBlank, rect, settle, click } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const exported = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
const doc = async (page) => (await exported(page)).workspace;
const kpis = async (page) => Object.values((await stats(page)).kpis);
const kpi = async (page, name, journey) => (await kpis(page)).find((k) => k.name === name && k.journey === journey);

function journey(title, level, stageName, stepNames) {
  return {
    id: randomUUID(), title, description: '', level, state: 'current', counterpart: null, owner: '', status: 'live',
    personas: [], tags: [], metrics: [],
    stages: [{ id: randomUUID(), name: stageName, steps: stepNames.map((name) => ({ id: randomUUID(), name, description: '', moment_of_truth: false })) }],
    lanes: [
      { id: randomUUID(), name: 'Customer actions', kind: 'text', layer: '', color: '#6366f1', collapsed: false },
      { id: randomUUID(), name: 'KPIs', kind: 'metric', layer: '', color: '#8b5cf6', collapsed: false },
    ],
    cards: [], emotions: [],
  };
}

// Select all of the active field's text and type over it, then Enter.
async function typeOver(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
  await settle(page, 150);
}

async function field(page, label, text) {
  await click(page, label);
  await typeOver(page, text);
}

async function show(page, id) {
  await page.evaluate((j) => window.waymark.show('journey', j), id);
  await settle(page, 300);
}

// A new journey-level KPI on the open journey: header button, "+ KPI", name and unit typed.
async function addJourneyKpi(page, count, name, unit) {
  await click(page, `KPIs (${count})`);
  await settle(page, 200);
  await click(page, '+ KPI');
  await settle(page, 200);
  await typeOver(page, name);  // the new KPI's name field is active
  await field(page, 'KPI unit', unit);
}

// Values through the add row: the date field, then the value field (Enter adds and stays there).
async function addValues(page, rows) {
  for (const [date, value] of rows) {
    await field(page, 'new date', date);
    await click(page, 'new value');
    await page.keyboard.type(String(value), { delay: 5 });
    await page.keyboard.press('Enter');
    await settle(page, 200);
  }
}

test('KPIs: enter values on two children, roll them up on the parent (sum, then average), undo', async () => {
  const { context, close } = await launch({ viewport: { width: 1440, height: 1000 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await click(page, 'File');
    await click(page, 'New blank workspace');
    await settle(page, 300);
    const file = await exported(page);
    const ws0 = file.workspace;
    const lifecycle = ws0.journeys[0];
    const purchase = lifecycle.stages.find((s) => s.name === 'Purchase');
    const macro = journey('Buying online', 1, 'Choose', ['Compare', 'Order']);
    const web = journey('Order on the web', 2, 'Checkout', ['Basket', 'Pay']);
    const app = journey('Order in the app', 2, 'Checkout', ['Basket', 'Pay']);
    const order = macro.stages[0].steps[1];
    ws0.journeys.push(macro, web, app);
    ws0.links.push({ parent: lifecycle.id, child: macro.id, stage: purchase.id, step: null });
    for (const child of [web, app]) ws0.links.push({ parent: macro.id, child: child.id, stage: macro.stages[0].id, step: order.id });
    // The parent's KPI exists already, entered by hand once, no target yet.
    ws0.metrics.push({ id: randomUUID(), name: 'Orders', unit: 'count', description: '', owner: 'Web shop', direction: 'higher-is-better',
                       target: null, journey: macro.id, stage: null, step: null, rollup: 'none', rollup_inputs: [], weight: 1,
                       values: [{ date: '2025-12-01', value: 7, segment: '' }] });
    assert.deepEqual(await page.evaluate((t) => window.waymark.importJson(t), JSON.stringify(file)), { ok: true });
    await settle(page, 300);
    assert.equal((await kpi(page, 'Orders', 'Buying online')).latest, 7);

    // Child 1: a KPI from the header button; values typed for January and February.
    await show(page, web.id);
    await addJourneyKpi(page, 0, 'Orders', 'count');
    await addValues(page, [['2026-01-01', 40], ['2026-02-01', 44]]);
    let ws = await doc(page);
    let mine = ws.metrics.find((m) => m.journey === web.id);
    assert.equal(mine.name, 'Orders');
    assert.equal(mine.unit, 'count');
    assert.deepEqual(mine.values.map((v) => [v.date, v.value]), [['2026-01-01', 40], ['2026-02-01', 44]]);
    assert.equal((await stats(page)).document.undoLabel.startsWith('Set'), true, 'a typed value is one undo step');
    await screenshot(page, 'kpi-child-editor');
    await click(page, 'Close');
    await settle(page, 200);

    // A step KPI from the details panel (select the step's header), shown in the map's KPI lane.
    await click(page, 'step Pay');
    await settle(page, 200);
    await click(page, 'Add a KPI… kpi section');
    await settle(page, 200);
    await click(page, '+ KPI');
    await settle(page, 200);
    await typeOver(page, 'Card declines');
    await field(page, 'KPI unit', '%');
    await field(page, 'KPI target', '2');
    await click(page, 'Lower direction');
    await addValues(page, [['2026-02-01', 3.5]]);
    ws = await doc(page);
    const declines = ws.metrics.find((m) => m.name === 'Card declines');
    assert.equal(declines.step, web.stages[0].steps[1].id);
    assert.equal(declines.direction, 'lower-is-better');
    assert.equal((await kpi(page, 'Card declines', 'Order on the web')).health, 'off target', '3.5 % against at most 2 %');
    await click(page, 'Close');
    await settle(page, 300);
    await screenshot(page, 'kpi-metric-lane');
    await rect(page, 'step Pay');  // the map is back

    // Child 2: one value, in February only.
    await show(page, app.id);
    await addJourneyKpi(page, 0, 'Orders', 'count');
    await addValues(page, [['2026-02-01', 56]]);
    await click(page, 'Close');
    await settle(page, 200);

    // The parent: one click rolls up the children's "Orders" (a count: summed).
    await show(page, macro.id);
    await click(page, 'KPIs (1)');
    await settle(page, 200);
    await click(page, 'Roll up the children’s Orders');
    await settle(page, 300);
    let parent = await kpi(page, 'Orders', 'Buying online');
    assert.equal(parent.computed, true);
    assert.equal(parent.rule, 'Sum');
    assert.equal(parent.inputs, 2);
    assert.equal(parent.latest, 100, 'February: 44 + 56');
    ws = await doc(page);
    const stored = ws.metrics.find((m) => m.journey === macro.id);
    assert.deepEqual(stored.values.map((v) => v.value), [7], 'the entered value is kept, not used');
    await field(page, 'KPI target', '90');
    assert.equal((await kpi(page, 'Orders', 'Buying online')).health, 'on target');
    await screenshot(page, 'kpi-parent-sum');

    await click(page, 'Average rule');
    await settle(page, 300);
    parent = await kpi(page, 'Orders', 'Buying online');
    assert.equal(parent.rule, 'Average');
    assert.equal(parent.latest, 50, 'February: (44 + 56) / 2');
    assert.equal(parent.health, 'off target');
    await screenshot(page, 'kpi-parent-average');

    // Undo, step by step: back to the sum, then the target goes, then the hand-entered figure is back.
    await page.keyboard.press('Control+Z');
    await settle(page, 300);
    parent = await kpi(page, 'Orders', 'Buying online');
    assert.equal(parent.rule, 'Sum');
    assert.equal(parent.latest, 100);
    await page.keyboard.press('Control+Z');
    await settle(page, 200);
    assert.equal((await kpi(page, 'Orders', 'Buying online')).health, 'no target');
    await page.keyboard.press('Control+Z');
    await settle(page, 300);
    parent = await kpi(page, 'Orders', 'Buying online');
    assert.equal(parent.computed, false);
    assert.equal(parent.latest, 7);
    await page.keyboard.press('Control+Shift+Z');
    await settle(page, 300);
    assert.equal((await kpi(page, 'Orders', 'Buying online')).latest, 100, 'redo rolls up again');

    await click(page, 'Close');
    await settle(page, 300);
    assert.equal((await stats(page)).message, '');
    const shot = await notBlank(page);
    assert.ok(shot.colours > 20, 'the map is drawn');
    await screenshot(page, 'kpi-parent-map');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
