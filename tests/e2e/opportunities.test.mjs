// Opportunities with real mouse and keyboard: created from a journey step (its header's
// context menu, "New opportunity here"), from an insight (the insight editor) and from a pain card (right-click), each
// landing selected in the backlog with its links; the details panel edits the title, adds a
// solution and links a persona — one command each, so one Ctrl+Z takes back only the last one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, stats, rect as rectNow, settle } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const HEIGHT = 1000;

// Polls for a widget drawn by a frame that has not completed yet.
async function rect(page, label) {
  for (let i = 0; ; ++i) {
    try { return await rectNow(page, label); } catch (e) { if (i >= 20) throw e; }
    await settle(page, 100);
  }
}

// Widgets below a scrolled region's edge are not drawn: scroll the right-hand panel (the details
// panel, the insight editor, or the journey grid) until the widget is drawn and on screen.
async function onScreen(page, label) {
  await rect(page, label).catch(() => null);   // give a pending frame the chance to draw it
  for (let n = 0; ; ++n) {
    let r = null;
    try { r = await rectNow(page, label); } catch (e) { if (n >= 30) throw e; }
    if (r && (r.y + r.h <= HEIGHT - 30 || n >= 30)) return r;
    await page.mouse.move(1200, HEIGHT - 250);
    await page.mouse.wheel(0, 200);
    await settle(page, 150);
  }
}

async function click(page, label, button = 'left') {
  const r = await onScreen(page, label);
  const x = r.x + Math.min(r.w / 2, 40), y = r.y + r.h / 2;
  await page.mouse.move(x, y);
  await settle(page, 50);
  await page.mouse.click(x, y, { button });
  await settle(page, 150);
}

async function type(page, label, text) {
  await click(page, label);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
  await settle(page, 200);
}

const doc = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
const added = (before, after) => after.opportunities.filter((o) => !before.opportunities.some((b) => b.id === o.id));

test('opportunities from a step, an insight and a pain card; edit, solution, persona, undo', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: HEIGHT } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    let ws = await doc(page);
    // A journey with a pain card on one of its steps.
    const journey = ws.journeys.find((j) => j.cards.some((c) => j.lanes.find((l) => l.id === c.lane).kind === 'pain'));
    assert.ok(journey, 'the sample has a pain card');
    const step = journey.stages.find((s) => s.steps.length).steps[0];

    // 1. From a step: right-click its header, "New opportunity here".
    await page.evaluate((id) => window.waymark.show('journey', id), journey.id);
    await settle(page, 300);
    await screenshot(page, 'opportunities-journey');
    await click(page, `step ${step.name}`, 'right');
    await click(page, 'New opportunity here menu');
    assert.equal((await stats(page)).view, 'backlog');
    let next = await doc(page);
    let [fromStep] = added(ws, next);
    assert.ok(fromStep, 'one opportunity was added');
    assert.equal(fromStep.title, `Improve \u201C${step.name}\u201D`);
    assert.deepEqual(fromStep.journeys, [journey.id]);
    assert.deepEqual(fromStep.steps, [{ journey: journey.id, step: step.id }]);
    await rect(page, 'Opportunity title');          // selected: its details panel is open
    await screenshot(page, 'opportunities-from-step');

    // Edit the title; add a solution; link a persona — one command each.
    await type(page, 'Opportunity title', 'Faster first step');
    ws = await doc(page);
    assert.equal(ws.opportunities.find((o) => o.id === fromStep.id).title, 'Faster first step');
    await click(page, 'Add solution');
    ws = await doc(page);
    assert.equal(ws.opportunities.find((o) => o.id === fromStep.id).solutions.length, 1);
    await type(page, 'Solution title 1', 'Prefill from the account');
    ws = await doc(page);
    assert.equal(ws.opportunities.find((o) => o.id === fromStep.id).solutions[0].title, 'Prefill from the account');
    const persona = ws.personas[0];
    await click(page, 'Add persona\u2026');
    await screenshot(page, 'opportunities-add-persona');
    await click(page, `${persona.name} add persona`);
    ws = await doc(page);
    assert.deepEqual(ws.opportunities.find((o) => o.id === fromStep.id).personas, [persona.id]);
    await screenshot(page, 'opportunities-edited');
    // Undo once: only the persona link goes.
    await page.keyboard.press('Control+Z');
    await settle(page, 200);
    ws = await doc(page);
    const undone = ws.opportunities.find((o) => o.id === fromStep.id);
    assert.deepEqual(undone.personas, []);
    assert.equal(undone.title, 'Faster first step');
    assert.equal(undone.solutions[0].title, 'Prefill from the account');

    // 2. From an insight: linked to it, its steps and journeys, its personas.
    const insight = ws.insights.find((i) => i.steps.length > 0 && i.personas.length > 0) || ws.insights.find((i) => i.steps.length > 0);
    await click(page, 'Insights');
    await click(page, insight.title);
    await click(page, 'New opportunity from this insight');
    assert.equal((await stats(page)).view, 'backlog');
    next = await doc(page);
    const [fromInsight] = added(ws, next);
    assert.deepEqual(fromInsight.insights, [insight.id]);
    assert.deepEqual(fromInsight.steps, insight.steps);
    assert.deepEqual(fromInsight.personas, insight.personas);
    assert.deepEqual([...fromInsight.journeys].sort(), [...new Set(insight.steps.map((r) => r.journey))].sort());
    await screenshot(page, 'opportunities-from-insight');
    ws = next;

    // 3. From a pain card: right-click, "New opportunity from this pain"; the card links to it.
    const pain = journey.cards.find((c) => journey.lanes.find((l) => l.id === c.lane).kind === 'pain');
    await page.evaluate((id) => window.waymark.show('journey', id), journey.id);
    await settle(page, 300);
    await click(page, `card ${pain.text}`, 'right');
    await screenshot(page, 'opportunities-card-menu');
    await click(page, 'New opportunity from this pain menu');
    assert.equal((await stats(page)).view, 'backlog');
    next = await doc(page);
    const [fromPain] = added(ws, next);
    assert.equal(fromPain.title, pain.text);
    assert.deepEqual(fromPain.steps, [{ journey: journey.id, step: pain.step }]);
    const card = next.journeys.find((j) => j.id === journey.id).cards.find((c) => c.id === pain.id);
    assert.ok(card.opportunities.includes(fromPain.id), 'the card links to the new opportunity');
    await screenshot(page, 'opportunities-from-pain');
    // One undo step: Ctrl+Z removes the opportunity and the card's link together.
    await page.keyboard.press('Control+Z');
    await settle(page, 200);
    const back = await doc(page);
    assert.ok(!back.opportunities.some((o) => o.id === fromPain.id));
    assert.deepEqual(back.journeys.find((j) => j.id === journey.id).cards.find((c) => c.id === pain.id).opportunities,
      pain.opportunities);
    assert.ok(back.opportunities.some((o) => o.id === fromInsight.id), 'the earlier creation stays');

    // "New opportunity" in the backlog adds an untitled idea and selects it.
    await click(page, 'New opportunity');
    next = await doc(page);
    const [untitled] = added(back, next);
    assert.equal(untitled.title, 'Untitled opportunity');
    assert.equal(untitled.status, 'idea');
    await rect(page, 'Opportunity title');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
