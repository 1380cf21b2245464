// Issue 18, the journey map made clearer (real input at DPR 1, 1280×800): the emotion lane's curves
// tell themselves apart (a legend on the canvas and in the SVG, "Everyone" in the text colour, a
// tooltip on a point, a minus sign that is drawn at 80 %), and long card texts are comfortable to edit
// in place (the editor wraps and grows; Enter saves, Shift+Enter starts a new line; a hint says so;
// a double-click opens it, two slow clicks do not).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, openApp, stats, rect, click, settle, until, screenshot, canvasPixels, ARTIFACTS } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const MINUS = '\u2212';
const scoreText = (s) => (s < 0 ? MINUS + -s : s > 0 ? `+${s}` : '0');

// The sample's journey with the most persona curves on its emotion lane, given an "Everyone" curve
// too (two scores without a persona, one of them -2) through File › Import's hook; the map is opened.
async function openEmotionMap(page) {
  const doc = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
  const ws = doc.workspace;
  const curves = (j) => new Set(j.emotions.filter((e) => e.persona).map((e) => e.persona)).size;
  const journey = ws.journeys.filter((j) => j.lanes.some((l) => l.kind === 'emotion')).sort((a, b) => curves(b) - curves(a))[0];
  const lane = journey.lanes.find((l) => l.kind === 'emotion');
  const steps = journey.stages.flatMap((s) => s.steps);
  journey.emotions.push({ lane: lane.id, step: steps[0].id, persona: null, score: 1 }, { lane: lane.id, step: steps[1].id, persona: null, score: -2 });
  assert.deepEqual(await page.evaluate((t) => window.waymark.importJson(t), JSON.stringify(doc)), { ok: true });
  await settle(page, 300);
  assert.deepEqual(await page.evaluate((id) => window.waymark.show('journey', id), journey.id), { ok: true });
  await settle(page, 300);
  const personas = new Map(ws.personas.map((p) => [p.id, p.name]));
  return { ws, journey, lane, steps, personas };
}

// Wheels the map until the widget labelled `label` is on screen (the emotion lane may start below).
async function scrollMapTo(page, label) {
  for (let n = 0; n < 25; ++n) {
    await page.evaluate(() => window.waymark.settled());
    const r = await page.evaluate((l) => window.waymark.rect(l), label);
    if (r.ok !== false && r.h >= 6 && r.y > 120 && r.y + r.h <= 760) return r;
    await page.mouse.move(700, 500);
    await page.mouse.wheel(0, r.ok !== false && r.y <= 120 ? -120 : 120);
    await settle(page, 120);
  }
  throw new Error(`${label} did not scroll into view`);
}

test('emotion lane: a legend names each curve, a point shows its tooltip, "−2" keeps its minus at 80 %', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const { journey, lane, steps, personas } = await openEmotionMap(page);

    // 80 %: the toolbar's 100 %, then its zoom out (÷ 1.25).
    await click(page, 'Zoom 100%');
    await click(page, '- zoom out');
    await until(page, async () => Math.abs((await stats(page)).map.zoom - 0.8) < 1e-3, 'the map at 80 %');

    // The legend: Everyone first, then each persona with scores on the lane.
    const names = ['Everyone', ...new Set(journey.emotions.filter((e) => e.lane === lane.id && e.persona).map((e) => personas.get(e.persona)))];
    assert.ok(names.length >= 3, `Everyone and two personas or more (${names})`);
    const everyoneLabel = `emotion label ${lane.name} ${steps[1].name}`;
    await scrollMapTo(page, everyoneLabel);
    let left = -Infinity;
    for (const name of names) {
      const r = await rect(page, `legend ${lane.name} ${name}`);
      assert.ok(r.w > 20 && r.h >= 11, `legend entry ${name}: ${JSON.stringify(r)}`);
      assert.ok(r.x > left, `${name} comes after the previous entry`);
      left = r.x;
    }
    const first = await rect(page, `legend ${lane.name} Everyone`);
    const last = await rect(page, `legend ${lane.name} ${names[names.length - 1]}`);
    await page.screenshot({ path: join(ARTIFACTS, 'map-clarity-legend.png'), clip: { x: first.x - 10, y: first.y - 8, width: last.x + last.w - first.x + 20, height: first.h + 16 } });
    await screenshot(page, 'map-clarity-emotion-lane');

    // "−2" of Everyone at 80 %: its label's left part (the minus) holds text-coloured pixels.
    const label = await rect(page, everyoneLabel);
    assert.ok(label.h >= 11, `the label is readable (${label.h} px)`);
    await page.screenshot({ path: join(ARTIFACTS, 'map-clarity-minus.png'), clip: { x: label.x - 4, y: label.y - 4, width: label.w + 8, height: label.h + 8 } });
    const { w, rgb, bg } = await canvasPixels(page, label);
    const columns = new Array(w).fill(0);
    // Everyone is drawn in the text colour: neutral (grey-blue, not a persona's hue) pixels, clearly
    // darker than the lane's light wash.
    const ink = (p) => Math.max(...p) - Math.min(...p) < 60 && (bg[0] + bg[1] + bg[2]) - (p[0] + p[1] + p[2]) > 120;
    rgb.forEach((p, i) => { if (ink(p)) columns[i % w]++; });
    const minus = columns.slice(0, Math.max(3, Math.floor(w * 0.45)));
    assert.ok(minus.filter((c) => c > 0).length >= 3, `the minus sign is drawn: ${JSON.stringify(columns)}`);

    // Hovering a persona's point names it with its signed score; so does Everyone's.
    const onLane = journey.emotions.filter((e) => e.lane === lane.id);
    const scored = onLane.find((e) => e.persona && e.score < 0 && steps.some((s) => s.id === e.step)
      && onLane.filter((o) => o.step === e.step && Math.abs(o.score - e.score) <= 1).length === 1);   // a point on its own
    const stepName = steps.find((s) => s.id === scored.step).name;
    const pointLabel = `emotion ${lane.name} ${stepName} ${personas.get(scored.persona)}`;
    const point = await scrollMapTo(page, pointLabel);
    await page.mouse.move(point.x + point.w / 2, point.y + point.h / 2);
    const want = `${personas.get(scored.persona)} \u00b7 ${stepName} \u00b7 ${scoreText(scored.score)}`;
    await until(page, async () => (await stats(page)).map.tooltip === want, `the tooltip "${want}"`);
    const tip = await rect(page, 'map tooltip');
    assert.ok(tip.w > 60 && tip.h > 10, `the tooltip is drawn: ${JSON.stringify(tip)}`);
    await page.screenshot({ path: join(ARTIFACTS, 'map-clarity-tooltip.png'), clip: { x: Math.max(0, tip.x - 40), y: Math.max(0, tip.y - 40), width: tip.w + 80, height: tip.h + 80 } });
    const everyone = await rect(page, `emotion ${lane.name} ${steps[1].name}`);
    await page.mouse.move(everyone.x + everyone.w / 2, everyone.y + everyone.h / 2);
    await until(page, async () => (await stats(page)).map.tooltip === `Everyone \u00b7 ${steps[1].name} \u00b7 ${MINUS}2`, 'Everyone\'s tooltip');
    await page.mouse.move(640, 110);
    await until(page, async () => (await stats(page)).map.tooltip === '', 'no tooltip away from the points');

    // The SVG export carries the legend and the real minus signs.
    await click(page, 'File');
    await click(page, 'Export picture (PNG, SVG)…');
    await click(page, `This journey map: ${journey.title}`);
    await click(page, 'SVG vector');
    const downloading = page.waitForEvent('download');
    await click(page, 'Export image');
    const download = await downloading;
    await download.saveAs(join(ARTIFACTS, 'map-clarity.svg'));
    const svg = (await readFile(join(ARTIFACTS, 'map-clarity.svg'))).toString('utf8');
    const texts = await page.evaluate((text) => [...new DOMParser().parseFromString(text, 'image/svg+xml').querySelectorAll('text')].map((t) => t.textContent.trim()), svg);
    for (const name of names) assert.ok(texts.includes(name), `the SVG legend names ${name}`);
    assert.ok(texts.includes(`${MINUS}2`), 'a negative score with its minus sign');
    assert.ok(texts.some((t) => t.includes(`${MINUS}3 to +3`)), 'the lane reads "−3 to +3"');
    assert.match(svg, /stroke-dasharray="9 6"/, 'a dashed persona curve');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a card text is edited in place from its end; a long one wraps, Shift+Enter starts a new line, Enter saves it exactly', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const doc = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    const journey = doc.workspace.journeys.find((j) => j.title === 'Buying a phone plan');
    await page.evaluate((id) => window.waymark.show('journey', id), journey.id);
    await settle(page, 300);
    const card = journey.cards.find((c) => c.text && journey.lanes.find((l) => l.id === c.lane).kind === 'text');
    // Two clicks 0.4 s apart are two clicks, not a double-click, whatever frames fell between them:
    // the page counts clicks on the events' own times, as a browser does (ImGui's frame clock, which
    // bends over an idle pause or a long frame, is not asked).
    await click(page, `card ${card.text}`);
    await page.waitForTimeout(400);   // the person's slow second click, not a wait for the app
    await click(page, `card ${card.text}`);
    await settle(page, 30);
    assert.equal((await stats(page)).map.editing, false, 'two slow clicks opened the card editor');
    // A pause, so that the double-click's presses are its first and second, not the second and
    // third after the click before (a third press in the open field selects a line, as in a text editor).
    await page.waitForTimeout(400);
    const textNow = async () => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace.journeys
      .find((j) => j.id === journey.id).cards.find((c) => c.id === card.id).text;
    await click(page, `card ${card.text}`, { double: true });
    await until(page, async () => (await stats(page)).map.typing, 'the card editor');
    // The caret starts at the end of the text: words typed at once go after it.
    await page.keyboard.type(' (checked)', { delay: 2 });
    await page.keyboard.press('Enter');
    await until(page, async () => !(await stats(page)).map.editing, 'editing ended');
    assert.equal(await textNow(), `${card.text} (checked)`);
    await click(page, `card ${card.text} (checked)`, { double: true });
    await until(page, async () => (await stats(page)).map.typing, 'the card editor again');
    await page.keyboard.press('Control+A');
    const first = 'The customer compares three plans side by side on the website, reads the small print about roaming and data caps, '
      + 'and then opens the app to check whether the family discount still applies';
    const second = 'Calls the shop when the two prices differ';
    await page.keyboard.type(first, { delay: 2 });
    const hint = await rect(page, 'edit hint');
    assert.ok(hint.w > 150, `the keys are explained under the field (${JSON.stringify(hint)})`);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type(second, { delay: 2 });
    await settle(page, 200);
    assert.equal((await stats(page)).map.editing, true, 'Shift+Enter did not end editing');
    await screenshot(page, 'map-clarity-editor');
    await page.screenshot({ path: join(ARTIFACTS, 'map-clarity-editor-crop.png'), clip: { x: Math.max(0, hint.x - 20), y: Math.max(0, hint.y - 260), width: Math.min(500, 1280 - hint.x + 20), height: 300 } });
    await page.keyboard.press('Enter');
    await until(page, async () => !(await stats(page)).map.editing, 'editing ended');
    const text = await textNow();
    assert.equal(text, `${first}\n${second}`);
    assert.ok(text.length >= 200);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('compare: a card rewritten in the to-be shows as one card changed, not one removed and one added', async () => {
  const { context, close } = await launch({ viewport: { width: 1440, height: 1000 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    let ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    const current = ws.journeys.find((j) => j.title === 'Comparing plans');
    await page.evaluate((id) => window.waymark.show('journey', id), current.id);
    await settle(page, 300);
    await click(page, 'Create to-be');
    await until(page, async () => (await stats(page)).viewId !== current.id, 'the to-be map');
    await click(page, 'Fit');
    const textLanes = new Set(current.lanes.filter((l) => l.kind === 'text').map((l) => l.id));
    const card = current.cards.find((c) => textLanes.has(c.lane) && c.text && current.cards.filter((o) => o.text === c.text).length === 1);
    await click(page, `card ${card.text}`, { double: true });
    await until(page, async () => (await stats(page)).map.editing, 'the card editor');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Zzz qqq xxx', { delay: 5 });
    await page.keyboard.press('Enter');
    await until(page, async () => !(await stats(page)).map.editing, 'editing ended');
    await click(page, 'Compare with current');
    await until(page, async () => (await stats(page)).view === 'compare', 'the compare view');
    await settle(page, 300);
    const c = (await stats(page)).compare;
    assert.equal(c.cardsChanged, 1, JSON.stringify(c));
    assert.equal(c.cardsAdded, 0);
    assert.equal(c.cardsRemoved, 0);
    assert.equal(c.changed, 1, 'one step changed');
    assert.equal(c.summary, '0 steps added, 0 removed, 1 changed');
    await screenshot(page, 'map-clarity-compare-edited-card');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('emotion lane: no point tooltip while the map moves under the pointer; it comes back once the map rests', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const { lane, steps } = await openEmotionMap(page);
    const label = `emotion ${lane.name} ${steps[1].name}`;
    const point = await scrollMapTo(page, label);
    const at = { x: point.x + point.w / 2, y: point.y + point.h / 2 };
    const want = `Everyone \u00b7 ${steps[1].name} \u00b7 ${MINUS}2`;
    const map = async () => (await stats(page)).map;
    await page.mouse.move(at.x, at.y);
    await until(page, async () => (await map()).tooltip === want, 'the point\'s tooltip at rest');

    // A middle-button drag pans: while it is held no tooltip, even back over the same point and at rest.
    await page.mouse.down({ button: 'middle' });
    for (let k = 1; k <= 6; ++k) await page.mouse.move(at.x + k * 15, at.y + k * 8);
    for (let k = 5; k >= 0; --k) await page.mouse.move(at.x + k * 15, at.y + k * 8);
    await settle(page, 500);
    assert.deepEqual(await page.evaluate((l) => window.waymark.rect(l), label), point, 'the pan came back to where it began');
    assert.equal((await map()).tooltip, '', 'no tooltip while the pan is held');
    assert.equal((await map()).resting, false, 'a held pan is not rest');
    await screenshot(page, 'map-pan-held');
    await page.mouse.up({ button: 'middle' });
    // Released, the map rests: the tooltip comes back without another move of the pointer.
    await until(page, async () => (await map()).resting, 'the map to rest after the pan');
    await until(page, async () => (await map()).tooltip === want, 'the tooltip back once the map rests');

    // The wheel: down and back up by the same amount. Read soon after, there is no tooltip (only
    // checked when the read came soon enough: it returns PanRest::kRestS after the wheel).
    const t0 = Date.now();
    await page.mouse.wheel(0, 60);
    await page.mouse.wheel(0, -60);
    await page.evaluate(() => window.waymark.settled());
    const soon = await map();
    if (Date.now() - t0 < 250) {
      assert.equal(soon.resting, false, 'the map has not rested yet');
      assert.equal(soon.tooltip, '', 'no tooltip right after the wheel');
    }
    await until(page, async () => (await map()).resting, 'the map to rest after the wheel');
    assert.deepEqual(await page.evaluate((l) => window.waymark.rect(l), label), point, 'the wheel came back to where it began');
    await until(page, async () => (await map()).tooltip === want, 'the tooltip back after the wheel');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('zoomed out, a long step name keeps to whole lines above "Moment of truth", ending in "…" when it must', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    // The journey with the longest name among its moments of truth.
    const withSteps = ws.journeys.map((j) => ({ j, steps: j.stages.flatMap((s) => s.steps).filter((s) => s.momentOfTruth ?? s.moment_of_truth) }));
    const { j: journey, steps } = withSteps.filter((x) => x.steps.length).sort((a, b) =>
      Math.max(...b.steps.map((s) => s.name.length)) - Math.max(...a.steps.map((s) => s.name.length)))[0];
    assert.deepEqual(await page.evaluate((id) => window.waymark.show('journey', id), journey.id), { ok: true });
    await settle(page, 300);
    await click(page, 'Zoom 100%');
    for (let k = 0; k < 2; ++k) await click(page, '- zoom out');
    await until(page, async () => Math.abs((await stats(page)).map.zoom - 0.64) < 0.01, 'the map at 64 %');
    await settle(page, 200);
    let checked = 0;
    for (const step of steps) {
      const name = await page.evaluate((l) => window.waymark.rect(l), `step name ${step.name}`);
      const mot = await page.evaluate((l) => window.waymark.rect(l), `moment of truth ${step.name}`);
      if (name.ok === false || mot.ok === false || name.x + name.w > 1260) continue;
      assert.ok(name.y + name.h <= mot.y + 0.5, `"${step.name}" ends above its "Moment of truth" (${JSON.stringify(name)} / ${JSON.stringify(mot)})`);
      const cell = await rect(page, `step ${step.name}`);
      await page.screenshot({ path: join(ARTIFACTS, `map-clarity-step-header-${++checked}.png`), clip: { x: cell.x, y: cell.y - 4, width: cell.w, height: cell.h + 8 } });
    }
    assert.ok(checked >= 1, `a moment of truth's header was on screen (${steps.map((s) => s.name)})`);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a step with a child journey shows a marker on its header: its tooltip names the child, a click opens it', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    const link = ws.links.find((l) => l.step && ws.journeys.some((j) => j.id === l.child));
    assert.ok(link, 'the sample hangs a journey under a step');
    const parent = ws.journeys.find((j) => j.id === link.parent);
    const child = ws.journeys.find((j) => j.id === link.child);
    const step = parent.stages.flatMap((s) => s.steps).find((s) => s.id === link.step);
    await page.evaluate((id) => window.waymark.show('journey', id), parent.id);
    await settle(page, 300);
    // The journey header reads like a form: each label on the left of its field.
    for (const name of ['State', 'Status']) {
      const label = await rect(page, `label ${name}`), field = await rect(page, name);
      assert.ok(label.x + label.w <= field.x && Math.abs((label.y + label.h / 2) - (field.y + field.h / 2)) < 4, `${name}: label before field`);
    }
    await click(page, 'Fit');
    const marker = await rect(page, `child ${step.name}`);
    assert.ok(marker.w >= 14 && marker.h >= 14, `the marker: ${JSON.stringify(marker)}`);
    await page.mouse.move(marker.x + marker.w / 2, marker.y + marker.h / 2);
    await until(page, async () => (await stats(page)).map.tooltip === `Opens ${child.title}`, 'the marker\'s tooltip');
    const st = await rect(page, `step ${step.name}`);
    await page.screenshot({ path: join(ARTIFACTS, 'map-clarity-child-marker.png'), clip: { x: st.x, y: st.y, width: st.w, height: st.h + 60 } });
    await page.mouse.click(marker.x + marker.w / 2, marker.y + marker.h / 2);
    await until(page, async () => (await stats(page)).viewId === child.id, 'the child journey opened');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('backlog matrix: the best opportunity is the biggest bubble; small ones are drawn over big ones, none hidden whole', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await click(page, 'Backlog');
    await click(page, 'Matrix');
    await settle(page, 300);
    const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    const shown = [];
    for (const o of ws.opportunities) {
      const r = await page.evaluate((l) => window.waymark.rect(l), `bubble ${o.title}`);
      if (r.ok !== false) shown.push({ o, r });
    }
    assert.ok(shown.length >= 5, 'bubbles are drawn');
    // The best by the list's order: the first row of the list is the rank #1 opportunity.
    const biggest = shown.reduce((a, b) => (b.r.w > a.r.w ? b : a));
    // Small bubbles are drawn over big ones: each bubble shows somewhere no smaller one covers, and
    // a click there selects it (the biggest, then the smallest).
    const circle = ({ r }) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2, rad: r.w / 2 });
    const inside = (c, x, y) => (x - c.x) ** 2 + (y - c.y) ** 2 < c.rad ** 2;
    const openPoint = (item) => {
      const c = circle(item);
      const over = shown.filter((o) => o !== item && o.r.w <= item.r.w).map(circle);   // smaller or as small: maybe on top
      for (const f of [0, 0.5, 0.8]) {
        for (let k = 0; k < 16; ++k) {
          const x = c.x + Math.cos(k * Math.PI / 8) * c.rad * f, y = c.y + Math.sin(k * Math.PI / 8) * c.rad * f;
          if (!over.some((o) => inside(o, x, y))) return { x, y };
        }
      }
      return null;
    };
    for (const item of shown) assert.ok(openPoint(item), `“${item.o.title}” is not hidden under smaller bubbles`);
    // Selecting opens the details beside the matrix, which then redraws narrower: where each bubble
    // is is read again before each click.
    const clickWhereItShows = async (o) => {
      await settle(page, 100);
      for (const item of shown) item.r = await page.evaluate((l) => window.waymark.rect(l), `bubble ${item.o.title}`);
      const at = openPoint(shown.find((item) => item.o === o));
      await page.mouse.click(at.x, at.y);
      await until(page, async () => (await stats(page)).selected.opportunity === o.id, `“${o.title}” selected by a click where it shows`);
    };
    const smallest = shown.reduce((a, b) => (b.r.w < a.r.w ? b : a));
    await clickWhereItShows(biggest.o);
    await clickWhereItShows(smallest.o);
    await clickWhereItShows(biggest.o);
    await screenshot(page, 'map-clarity-matrix');
    await click(page, 'List');
    await settle(page, 200);
    const rows = [];
    for (const { o } of shown) {
      const r = await page.evaluate((l) => window.waymark.rect(l), o.title);
      if (r.ok !== false) rows.push({ title: o.title, y: r.y });
    }
    rows.sort((a, b) => a.y - b.y);
    assert.equal(rows[0].title, biggest.o.title, 'the biggest bubble is the first in the ranked list');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
