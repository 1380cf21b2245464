// The backlog with real mouse and keyboard: re-scoring two opportunities re-orders the list and
// moves their bubbles in the matrix, switching the scoring preset re-ranks everything, and the CSV
// export through the real download holds the ranked backlog. The expected order is computed here,
// independently, from the exported document (the same rules as docs/design.md "Scoring").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openApp, screenshot, stats, notBlank, rect, settle, ARTIFACTS, click, scrollTo } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const doc = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;

// Priority = (C + B) × F ÷ max(E, 1); unrated = mid-scale; F = 1 − ew × (1 − strongest insight).
function expectedRanking(ws) {
  const now = new Date();  // the local calendar day, as the app counts it (platform::today_days)
  const today = Math.round(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000);
  const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
  const strength = (i) => {
    const stale = i.evidence !== 'assumed' && (!i.last_validated || today - dayOf(i.last_validated) > ws.settings.stale_after_days);
    if (i.evidence === 'validated') return stale ? 0.6 : 1;
    if (i.evidence === 'observed') return stale ? 0.2 : 0.6;
    return 0.2;
  };
  const model = ws.settings.scoring;
  const scored = ws.opportunities.map((o) => {
    const sum = { customer: 0, business: 0, effort: 0 };
    let hasEffort = false;
    for (const c of model.criteria) {
      const s = o.scores.find((x) => x.criterion === c.id);
      sum[c.group] += c.weight * (s ? s.value : (c.scale_min + c.scale_max) / 2);
      if (c.group === 'effort') hasEffort = true;
    }
    const evidence = Math.max(0, ...o.insights.map((id) => strength(ws.insights.find((i) => i.id === id))));
    const factor = 1 - model.evidence_weight * (1 - evidence);
    const effort = hasEffort ? Math.max(sum.effort, 1) : 1;
    return { title: o.title, open: !o.will_not_do && o.status !== 'done', customer: sum.customer,
      priority: (sum.customer + sum.business) * factor / effort };
  });
  scored.sort((a, b) => (b.open - a.open) || (b.priority - a.priority) || (b.customer - a.customer) ||
    (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  return scored;
}

// Titles in the order the list shows them, read from the rows' rectangles (top to bottom).
async function shownOrder(page, titles) {
  const ys = [];
  for (const t of titles) ys.push({ t, y: (await rect(page, t)).y });
  return ys.sort((a, b) => a.y - b.y).map((r) => r.t);
}

// Ctrl+click turns the slider into a number field; type the value and press Enter — one command.
// The scores sit at the bottom of the editor panel: scroll it (wheel over its first score) until the
// criterion's slider is in view, as a person would.
async function setScore(page, criterion, value) {
  const r = await scrollTo(page, `Score ${criterion}`, 'Score Customer pain relieved');
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await page.keyboard.down('Control');
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.keyboard.up('Control');
  await settle(page, 100);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(value));
  await page.keyboard.press('Enter');
  await settle(page, 200);
}

test('re-scoring two opportunities re-orders the backlog and moves their bubbles; a preset re-ranks; CSV export', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await click(page, 'Backlog');
    assert.equal((await stats(page)).view, 'backlog');
    let ws = await doc(page);
    assert.equal(ws.opportunities.length, 17);
    const titles = ws.opportunities.map((o) => o.title);
    let expected = expectedRanking(ws);
    // The list shows the ranked ones in rank order, then done / will-not-do.
    assert.deepEqual(await shownOrder(page, titles), expected.map((e) => e.title));
    const px = await notBlank(page);
    assert.ok(px.colours > 30 && px.differing > px.sampled * 0.02, 'the list is drawn');
    await screenshot(page, 'backlog-list-before');

    const top = expected[0].title;
    const lowEffortBefore = ws.opportunities.find((o) => o.title === expected[14].title).scores
      .find((x) => x.criterion === ws.settings.scoring.criteria.find((c) => c.name === 'Effort').id).value;
    const low = expected[14].title;                 // the last ranked one
    // The matrix before: where is the low one's bubble?
    await click(page, 'Matrix');
    await screenshot(page, 'backlog-matrix-before');
    const bubbleBefore = await rect(page, `bubble ${low}`);

    // Select the low-ranked opportunity by its bubble and make it the most valuable, cheapest one.
    await click(page, `bubble ${low}`);
    await screenshot(page, 'backlog-matrix-selected');
    for (const [criterion, value] of [['Customer pain relieved', 5], ['Reach', 5], ['Revenue impact', 5], ['Strategic fit', 5], ['Effort', 1]])
      await setScore(page, criterion, value);
    ws = await doc(page);
    const lowOpp = ws.opportunities.find((o) => o.title === low);
    assert.deepEqual(lowOpp.scores.map((s) => s.value).sort(), [1, 5, 5, 5, 5]);
    const s = await stats(page);
    assert.match(s.document.undoLabel, /score|Score/);
    // One typed value is one undo step: Ctrl+Z takes back the effort only, Ctrl+Shift+Z redoes it.
    await page.mouse.click(700, 880);
    await page.keyboard.press('Control+Z');
    await settle(page, 200);
    const effortId = ws.settings.scoring.criteria.find((c) => c.name === 'Effort').id;
    const undone = (await doc(page)).opportunities.find((o) => o.title === low).scores;
    assert.equal(undone.find((x) => x.criterion === effortId).value, lowEffortBefore, 'the effort is back');
    assert.deepEqual(undone.filter((x) => x.criterion !== effortId).map((x) => x.value), [5, 5, 5, 5], 'the rest stays');
    await page.keyboard.press('Control+Shift+Z');
    await settle(page, 200);
    const bubbleAfter = await rect(page, `bubble ${low}`);
    assert.ok(bubbleAfter.x > bubbleBefore.x || bubbleAfter.y < bubbleBefore.y, 'the bubble moved right/up');
    assert.ok(bubbleAfter.w >= bubbleBefore.w, 'a higher priority: not a smaller bubble (size is priority)');
    await screenshot(page, 'backlog-matrix-after');

    // Back to the list: make the top one expensive and less valuable.
    await click(page, 'List');
    await click(page, top);
    await setScore(page, 'Effort', 5);
    await setScore(page, 'Customer pain relieved', 1);
    ws = await doc(page);
    expected = expectedRanking(ws);
    assert.equal(expected[0].title, low, 'by the rules, the re-scored opportunity is now first');
    assert.ok(expected.findIndex((e) => e.title === top) > 3, 'and the former first dropped');
    assert.deepEqual(await shownOrder(page, titles), expected.map((e) => e.title), 'the list shows the new order');
    await screenshot(page, 'backlog-list-after');

    // Switch the preset to RICE: Reach and Effort keep their ratings (rescaled onto 1–10), Impact starts unrated.
    const before = expected.map((e) => e.title);
    await click(page, 'Scoring model');
    await screenshot(page, 'backlog-scoring-model-before');
    await click(page, 'RICE');
    await click(page, 'Use this preset');
    await screenshot(page, 'backlog-preset-confirm');
    await click(page, 'Replace the model');
    ws = await doc(page);
    assert.equal(ws.settings.scoring.preset, 'rice');
    assert.deepEqual(ws.settings.scoring.criteria.map((c) => c.name), ['Reach', 'Impact', 'Effort']);
    await screenshot(page, 'backlog-scoring-model');
    await click(page, 'List');
    expected = expectedRanking(ws);
    const after = expected.map((e) => e.title);
    assert.notDeepEqual(after, before, 'the preset re-ranks the backlog');
    assert.deepEqual(await shownOrder(page, titles), after);
    await screenshot(page, 'backlog-list-rice');

    // Edit the will-not-do reason of "Sunday home delivery" by typing: a comma, quotes and an accent.
    await click(page, 'Sunday home delivery');
    const reason = await scrollTo(page, 'Will not do reason', 'Opportunity description');
    await page.mouse.click(reason.x + Math.min(reason.w / 2, 40), reason.y + reason.h / 2);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Courier says "no", café closed until 2028', { delay: 5 });
    await page.mouse.click(700, 880);   // click elsewhere: the edit ends, one command
    await settle(page, 300);
    ws = await doc(page);
    assert.equal(ws.opportunities.find((o) => o.title === 'Sunday home delivery').will_not_do_reason,
      'Courier says "no", café closed until 2028');
    await screenshot(page, 'backlog-will-not-do');

    // CSV through the real download.
    const downloading = page.waitForEvent('download');
    await click(page, 'Export backlog CSV');
    const download = await downloading;
    assert.equal(download.suggestedFilename(), 'Lumen Mobile backlog.csv');
    const file = join(ARTIFACTS, 'backlog.csv');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark for Excel');
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    assert.equal(lines[0], 'Rank,Title,Journeys,Status,Will not do,Reason,Customer value,Business value,Effort,Evidence,Priority');
    assert.equal(lines.at(-1), '', 'every record ends with CRLF');
    assert.ok(lines[1].startsWith(`1,${after[0]},`), lines[1]);
    assert.ok(lines[2].startsWith(`2,${after[1]},`), lines[2]);
    // The will-not-do reason holds a comma and quotes, so it is quoted (RFC 4180); the row is unranked.
    const sunday = lines.find((l) => l.includes('Sunday home delivery'));
    assert.equal(sunday, ',Sunday home delivery,Buying a phone plan,idea,yes,"Courier says ""no"", café closed until 2028",' +
      '3,6,10,60,0.72', 'RICE: reach 2 and effort 5 on 1–5 rescaled to 3 and 10 on 1–10, impact unrated = 3 × 2, ' +
      'observed evidence: (3 + 6) × 0.8 ÷ 10');
    assert.equal((text.match(/\r\n(?=\d*,)/g) || []).length, 17, '17 opportunities');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('grouped by journey, the matrix tooltip, and a preset that changes nothing else', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    assert.deepEqual(await page.evaluate(() => window.waymark.show('backlog')), { ok: true });
    const flat = await rect(page, 'Show the total cost everywhere');
    await click(page, 'Group by journey');
    // Grouped, an opportunity on two journeys is listed under each; the last listing (under "Buying a
    // phone plan", after the "Comparing plans" group) is at least two rows further down than in the flat list.
    await settle(page, 200);
    const r = await rect(page, 'Show the total cost everywhere');
    assert.ok(r.y - flat.y >= 2 * flat.h, `listed again further down (${flat.y} → ${r.y})`);
    await screenshot(page, 'backlog-grouped');
    await click(page, 'Matrix');
    const b = await rect(page, 'bubble Show the total cost everywhere');
    await page.mouse.move(b.x + b.w / 2, b.y + b.h / 2);
    await settle(page, 900);   // tooltip delay
    await page.mouse.move(b.x + b.w / 2 + 1, b.y + b.h / 2);
    await settle(page, 300);
    await screenshot(page, 'backlog-matrix-tooltip');
    const px = await notBlank(page);
    assert.ok(px.colours > 30, 'the matrix is drawn');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
