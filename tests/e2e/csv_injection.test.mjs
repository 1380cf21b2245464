// CSV injection (OWASP): texts that a spreadsheet would run as formulas — =HYPERLINK(...), +1,
// @SUM(A1), -2+3, a leading tab — reach the journey, insights and backlog CSVs with a leading
// apostrophe, while real numbers (-2, -3.5, an impact, the backlog's figures) stay plain numbers.
// Files come through the real File menu and buttons and real downloads; the insights CSV imported
// back through the real file chooser gives the original texts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openApp, click, rect, settle, screenshot, ARTIFACTS, chooseFile } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

// Each text and the cell it must become in a CSV.
const CASES = [
  ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
  ['+1', "'+1"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['-2+3', "'-2+3"],
  ["'=already text", "''=already text"],   // an apostrophe of its own survives: one more is added
  ['-2', '-2'],                            // exactly a number: stays a number
  ['-3.5', '-3.5'],
  ["'tis plain", "'tis plain"],
];
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

// RFC 4180 with a BOM: quoted fields may hold commas, doubled quotes and line breaks; CRLF records.
function parseCsv(bytes) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const text = bytes.subarray(3).toString('utf8');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  assert.equal(field + row.join(''), '', 'the last record ends with CRLF');
  return rows;
}

// No cell of a whole file would start a formula: each is text behind an apostrophe or a number.
function assertNoFormula(rows, file) {
  for (const [r, row] of rows.entries())
    for (const [c, cell] of row.entries())
      assert.ok(!FORMULA_START.test(cell) || NUMBER.test(cell), `${file} record ${r + 1} field ${c + 1} starts a formula: ${JSON.stringify(cell)}`);
}

async function download(page, clickIt, file) {
  const downloading = page.waitForEvent('download');
  await clickIt();
  const d = await downloading;
  await d.saveAs(join(ARTIFACTS, file));
  return { name: d.suggestedFilename(), bytes: readFileSync(join(ARTIFACTS, file)) };
}

// The sample with a journey whose cards are the cases (one per step, plus an emotion score of -2),
// insights titled with the dangerous cases (the sample's own insights removed), and an opportunity
// titled with a formula whose customer value is negative.
function prepare(doc) {
  const ws = doc.workspace;
  const steps = CASES.map((_, i) => ({ id: randomUUID(), name: `Step ${i + 1}`, description: '', moment_of_truth: false }));
  const lane = (name, kind) => ({ id: randomUUID(), name, kind, layer: '', color: '#6b7280', collapsed: false });
  const doing = lane('Doing', 'text'), feeling = lane('Feeling', 'emotion'), tabs = lane('=Tabs lane', 'text');
  const card = (l, step, text) => ({ id: randomUUID(), lane: l.id, step: step.id, text, personas: [], severity: 0, channel: null,
    insights: [], opportunities: [] });
  const journey = {
    id: randomUUID(), title: 'Injection test', description: '', level: 1, state: 'current', counterpart: null, owner: '',
    status: 'unmapped', personas: [], tags: [], metrics: [],
    stages: [{ id: randomUUID(), name: 'Only stage', steps }],
    lanes: [doing, feeling, tabs],
    cards: [...CASES.map(([text], i) => card(doing, steps[i], text)), card(tabs, steps[0], '\tindented by a tab')],
    emotions: [{ lane: feeling.id, step: steps[0].id, persona: null, score: -2 }],
  };
  ws.journeys.push(journey);

  for (const j of ws.journeys) for (const c of j.cards) c.insights = [];
  for (const o of ws.opportunities) o.insights = [];
  ws.insights = CASES.slice(0, 5).map(([text], i) => ({
    id: randomUUID(), title: text, text: i === 0 ? '\tindented text' : `text ${i}`, type: 'pain', source: 'interview',
    source_detail: i === 1 ? '@source' : '', evidence: 'observed', last_validated: '2026-01-15', impact: i === 0 ? -2 : 1,
    personas: [], steps: [], tags: i === 2 ? ['-2+3', "'=tag"] : [],
  }));

  for (const c of ws.settings.scoring.criteria) if (c.group === 'customer') { c.scale_min = -5; c.scale_max = 5; }
  ws.opportunities.push({
    id: randomUUID(), title: CASES[0][0], description: '', owner: '', status: 'idea', will_not_do: false,
    will_not_do_reason: '', journeys: [journey.id], steps: [], insights: [], personas: [],
    scores: ws.settings.scoring.criteria.filter((c) => c.group === 'customer').map((c) => ({ criterion: c.id, value: -5 })),
    solutions: [],
  });
  return journey;
}

test('formulas reach the journey, insights and backlog CSVs as text; numbers stay numbers; the insights CSV imports back', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: 1000 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const doc = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    const journey = prepare(doc);
    assert.deepEqual(await page.evaluate((t) => window.waymark.importJson(t), JSON.stringify(doc)), { ok: true });
    await settle(page);

    // The journey as CSV, through File › Export journey as CSV….
    assert.deepEqual(await page.evaluate((id) => window.waymark.show('journey', id), journey.id), { ok: true });
    await settle(page);
    await rect(page, `card ${CASES[0][0]}`);
    await screenshot(page, 'csv-injection-map');
    const grid = await download(page, async () => { await click(page, 'File'); await click(page, 'Export journey as CSV…'); },
      'csv-injection-journey.csv');
    assert.equal(grid.name, 'Injection test.csv');
    const rows = parseCsv(grid.bytes);
    assert.deepEqual(rows[1], ['Step', ...CASES.map((_, i) => `Step ${i + 1}`)]);
    assert.deepEqual(rows[2], ['Doing', ...CASES.map(([, cell]) => cell)], 'each card cell neutralised or kept as a number');
    assert.equal(rows[3][1], 'Everyone: -2');
    assert.deepEqual(rows[4].slice(0, 2), ["'=Tabs lane", "'\tindented by a tab"]);
    assertNoFormula(rows, 'journey CSV');

    // The insights CSV, through its button.
    await click(page, 'Insights');
    const insights = await download(page, () => click(page, 'Export insights CSV'), 'csv-injection-insights.csv');
    const irows = parseCsv(insights.bytes);
    assert.deepEqual(irows[0], ['Title', 'Text', 'Type', 'Source', 'Source detail', 'Evidence', 'Last validated', 'Impact',
      'Personas', 'Steps', 'Tags']);
    assert.deepEqual(irows.slice(1).map((r) => r[0]), CASES.slice(0, 5).map(([, cell]) => cell));
    assert.equal(irows[1][1], "'\tindented text");
    assert.equal(irows[1][7], '-2', 'a negative impact stays a number');
    assert.equal(irows[2][7], '1', 'a positive impact is written without a plus');
    assert.equal(irows[2][4], "'@source");
    assert.equal(irows[3][10], "'-2+3; '=tag");
    assertNoFormula(irows, 'insights CSV');

    // ... imported back through Import insights CSV…: every text as it was.
    const before = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace.insights;
    await chooseFile(page, 'Import insights CSV…', join(ARTIFACTS, 'csv-injection-insights.csv'));
    await rect(page, 'map Title');
    await screenshot(page, 'csv-injection-import');
    await click(page, `Import ${before.length} insights`);
    const after = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace.insights;
    assert.equal(after.length, 2 * before.length);
    const fields = ({ title, text, type, source, source_detail, evidence, last_validated, impact, tags }) =>
      ({ title, text, type, source, source_detail, evidence, last_validated, impact, tags });
    assert.deepEqual(after.slice(before.length).map(fields), before.map(fields), 'the import restores every original text');

    // The backlog CSV, through its button.
    await click(page, 'Backlog');
    const backlog = await download(page, () => click(page, 'Export backlog CSV'), 'csv-injection-backlog.csv');
    const brows = parseCsv(backlog.bytes);
    assert.equal(brows[0][6], 'Customer value');
    const ours = brows.find((r) => r[1] === CASES[0][1]);
    assert.ok(ours, 'the opportunity titled with a formula is listed as text');
    assert.equal(ours[2], 'Injection test');
    assert.match(ours[6], /^-\d+(\.\d+)?$/, `customer value ${ours[6]} is a plain negative number`);
    for (const cell of [ours[0], ...ours.slice(6)]) assert.match(cell, NUMBER);
    assertNoFormula(brows, 'backlog CSV');

    assert.deepEqual(errors, []);
  } finally { await close(); }
});
