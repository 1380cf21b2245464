// The DOM mirror's cost (issue 19): what keeping the screen readers' mirror (web/mirror.js, built by
// the app from the model) up to date costs on the big journey map — 200 steps × 30 lanes, one card
// per cell, 6,000 cells — per navigation (the keyboard moves the map's selection: the mirror marks
// the selected cell) and per edit (undo and redo of a card's deletion: the map's description is made
// again and the rows that changed are patched), with the mirror on and off. Figures per input, from
// the whole browser frame: main-thread busy time (CDP Performance.getMetrics TaskDuration, which
// includes style and layout of the mirror's DOM) and the app's CPU per drawn frame
// (waymark.frameTimes(): wm_frame, including building the description and the page's patching,
// which run inside it); the mirror's DOM size; idle frames after the last input.
// Prints figures, asserts nothing. Usage: node bench/mirror_bench.mjs   (after scripts/build-web)
import { startServer, launch, openApp, settle } from '../tests/e2e/lib.mjs';

const srv = await startServer();
const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, checkExports: false });
const { page } = await openApp(context, srv.url);
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
const busyMs = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
const stats = () => page.evaluate(() => window.waymark.stats());

await page.evaluate((s) => window.waymark.generate(s), { journeys: 2, levels: 2, stepsPerJourney: 200, lanesPerJourney: 30, cardsPerCell: 1, seed: 5 });
const id = await page.evaluate(() => {
  const ws = JSON.parse(window.waymark.exportJson()).workspace;
  return ws.journeys.slice().sort((a, b) => b.cards.length - a.cards.length)[0].id;
});
await page.evaluate((j) => window.waymark.show('journey', j), id);
await settle(page, 800);
const s = await stats();
console.log(`Map: ${s.steps} steps and ${s.lanes} lanes in the workspace, ${s.cards} cards; the open one 200 × 30`);

// A card selected with the mouse, as a user would start: the first lane's card at the first step.
const card = await page.evaluate((j) => {
  const journey = JSON.parse(window.waymark.exportJson()).workspace.journeys.find((x) => x.id === j);
  const step = journey.stages[0].steps[0].id;
  return journey.cards.find((c) => c.lane === journey.lanes[0].id && c.step === step).text;
}, id);
const box = await page.evaluate((t) => window.waymark.rect(`card ${t}`), card);
await page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
await settle(page, 100);
await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
await settle(page, 300);
// One edit to undo and redo: the selected card deleted.
await page.keyboard.press('Delete');
await settle(page, 300);

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
// Busy ms per input and the app's CPU ms per frame, gathered per mirror state over the rounds.
const samples = { true: { navigation: [], edit: [], frames: { navigation: [], edit: [] } }, false: { navigation: [], edit: [], frames: { navigation: [], edit: [] } } };
async function measure(on, kind, n, press) {
  await settle(page, 300);
  await page.evaluate(() => window.waymark.frameTimes());
  for (let i = 0; i < n; ++i) {
    const b0 = await busyMs();
    await press(i);
    await page.evaluate(() => window.waymark.settled());
    samples[on][kind].push((await busyMs()) - b0);
  }
  const f = await page.evaluate(() => window.waymark.frameTimes());
  samples[on].frames[kind].push(f.p50, f.p95);
}
// Three rounds, the mirror on then off in each, so that the machine's drift falls on both alike.
const nodes = {};
for (let round = 0; round < 3; ++round) {
  for (const on of [true, false]) {
    await page.evaluate((m) => window.waymark.mirror(m), on);
    await settle(page, 500);
    nodes[on] = await page.evaluate(() => document.getElementById('mirror').getElementsByTagName('*').length);
    await measure(on, 'navigation', 30, (i) => page.keyboard.press(i % 20 < 10 ? 'ArrowRight' : 'ArrowLeft'));
    await measure(on, 'edit', 20, (i) => page.keyboard.press(i % 2 ? 'Control+Y' : 'Control+Z'));
  }
}
for (const on of [true, false]) {
  console.log(`Mirror ${on ? 'on' : 'off'} (${nodes[on]} elements in #mirror):`);
  for (const kind of ['navigation', 'edit']) {
    const b = samples[on][kind].sort((x, y) => x - y);
    const fr = samples[on].frames[kind];
    const p50s = fr.filter((_, i) => i % 2 === 0).sort((x, y) => x - y), p95s = fr.filter((_, i) => i % 2 === 1).sort((x, y) => x - y);
    const what = kind === 'navigation' ? 'navigation (arrow keys, selection)' : 'edit (undo / redo of a deletion)';
    console.log(`  ${what.padEnd(34)} busy per input p50 ${pct(b, 0.5).toFixed(1)} ms, p95 ${pct(b, 0.95).toFixed(1)} ms (${b.length} inputs) · app CPU per frame p50 ${pct(p50s, 0.5).toFixed(2)} ms, p95 ${pct(p95s, 0.5).toFixed(2)} ms (medians of 3 rounds)`);
  }
}
// Idle, once the undo toast has gone: nothing drawn.
await page.evaluate(() => window.waymark.mirror(true));
for (let t = 0; t < 30 && (await stats()).toast; ++t) await settle(page, 500);
await settle(page, 500);
const f0 = await page.evaluate(() => window.waymark.frames());
await page.waitForTimeout(2000);
console.log(`Idle with the mirror on: ${(await page.evaluate(() => window.waymark.frames())) - f0} frames in 2 s`);
const last = await stats();
console.log(`(the map's selection at the end: ${last.map.selection}; the edit undone and redone: ${last.document.undoLabel})`);
await close();
await srv.close();
