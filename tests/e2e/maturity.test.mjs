// The maturity scan in a real browser: answer the questionnaire with real keys and clicks (digits,
// mouse, arrows + Enter), leave half-way and resume, save, check the stage the result shows and the
// scan kept in the workspace, follow "what is missing" to a journey, and find the scan again after
// a real reload (the document is autosaved in IndexedDB and reopens), and in the exported file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, stats, notBlank, click, settle } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const DOT = '\u00b7';
// insight 4,4,4,3,4 = 3.8 → 3; framework 2,2,3,2,2 = 2.2 → 2; prioritisation 4,5,4,4,4 = 4.2 → 4;
// overall = the weakest area = 2, "Introducing process".
const ANSWERS = [4, 4, 4, 3, 4, 2, 2, 3, 2, 2, 4, 5, 4, 4, 4];

// The rectangle of a widget, waiting for the frames that draw it (SwiftShader frames can be slow).
async function rect(page, label, timeout = 3000) {
  const end = Date.now() + timeout;
  for (;;) {
    const r = await page.evaluate((l) => window.waymark.rect(l), label);
    if (r.ok !== false) return r;
    if (Date.now() > end) throw new Error(r.error);
    await settle(page, 100);
  }
}

// Polls until `check` holds: frames are drawn on demand and can be slow on a busy machine.
async function until(page, check, what, timeout = 5000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await settle(page, 100);
  }
}
const inView = (page, view) => until(page, async () => (await stats(page)).view === view, `the ${view} view`);

// A real click on a widget, once a frame has drawn it.
async function tap(page, label) {
  await rect(page, label);
  await click(page, label);
}

async function press(page, key) {
  await page.keyboard.press(key);
  await settle(page, 120);
}

async function exported(page) { return JSON.parse(await page.evaluate(() => window.waymark.exportJson())); }

async function localToday(page) {
  return page.evaluate(() => {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });
}

test('answer a scan with keyboard and mouse, see the stage, keep it through a reload', async () => {
  const { context, close } = await launch({ viewport: { width: 1280, height: 1100 } });
  try {
    let { page, errors } = await openApp(context, srv.url);
    await tap(page, 'Maturity scan');
    await inView(page, 'maturity');
    let s;
    // The sample's latest scan (2026-09-15) is shown: 3 / 3.2 / 3 → overall stage 3.
    await rect(page, `Stage 3 ${DOT} Journey-driven workflow`);
    await rect(page, 'Area chart');
    await rect(page, 'Progress chart');
    await screenshot(page, 'maturity-sample-result');
    const before = await exported(page);
    assert.equal(before.workspace.scans.length, 2);

    await tap(page, 'Start a new scan');
    await rect(page, 'answer 1');
    // Questions 1-5: digits.
    for (let i = 0; i < 5; i++) await press(page, String(ANSWERS[i]));
    // Questions 6-7: the mouse, on the option itself.
    for (let i = 5; i < 7; i++) await tap(page, `answer ${ANSWERS[i]}`);
    await screenshot(page, 'maturity-questionnaire');

    // Leave half-way, go elsewhere, come back: the answers are still there.
    await tap(page, 'Continue later');
    await tap(page, 'Framework');
    await inView(page, 'framework');
    await tap(page, 'Maturity scan');
    await tap(page, 'Resume the scan (7 of 15 answered)');
    await rect(page, 'answer 1');

    // Questions 8-10: the mouse again; 11-15: arrows and Enter.
    for (let i = 7; i < 10; i++) await tap(page, `answer ${ANSWERS[i]}`);
    for (let i = 10; i < 15; i++) {
      for (let k = 1; k < ANSWERS[i]; k++) await press(page, 'ArrowDown');
      await press(page, 'Enter');
    }
    // The review page: everything answered; Enter saves.
    await rect(page, 'Save scan');
    await screenshot(page, 'maturity-review');
    await press(page, 'Enter');
    await until(page, async () => (await exported(page)).workspace.scans.length === 3, 'the saved scan');

    const today = await localToday(page);
    let doc = await exported(page);
    assert.equal(doc.workspace.scans.length, 3, 'the scan was added to the workspace');
    const scan = doc.workspace.scans.find((x) => !before.workspace.scans.some((b) => b.id === x.id));
    assert.ok(scan, 'a new scan');
    assert.equal(scan.date, today);
    assert.equal(scan.answers.length, 15);
    assert.deepEqual(scan.answers.map((a) => a.stage), ANSWERS);
    assert.ok(scan.answers.every((a) => /^(insight|framework|prioritisation)\./.test(a.question)));
    s = await stats(page);
    assert.match(s.document.undoLabel, /scan/i);

    // The result of the new scan: overall stage 2, per area 3 / 2 / 4, and its history row.
    await rect(page, `Stage 2 ${DOT} Introducing process`);
    await rect(page, 'Deep customer insight: stage 3');
    await rect(page, 'Standardised journey framework: stage 2');
    await rect(page, 'Customer-centric prioritisation: stage 4');
    const pixels = await notBlank(page);
    assert.ok(pixels.colours > 50, `many colours drawn (${pixels.colours})`);
    await screenshot(page, 'maturity-result');
    // The history table sits under the progress chart: scroll to it with the wheel, like a person.
    const chart = await rect(page, 'Progress chart');
    await page.mouse.move(chart.x + 40, chart.y + 40);
    await page.mouse.wheel(0, 600);
    await rect(page, today);  // the history row of the new scan
    await screenshot(page, 'maturity-history');

    // "What is missing" opens to journeys; clicking one opens that journey.
    await tap(page, 'missing journeys.to-be');
    await rect(page, 'Leaving Lumen');
    await screenshot(page, 'maturity-missing');
    await tap(page, 'Leaving Lumen');
    await inView(page, 'journey');
    s = await stats(page);
    const leaving = doc.workspace.journeys.find((j) => j.title === 'Leaving Lumen');
    assert.equal(s.viewId, leaving.id);
    await press(page, 'Alt+ArrowLeft');
    await inView(page, 'maturity');

    // The scan travels with the exported file …
    const text = await page.evaluate(() => window.waymark.exportJson());
    assert.ok(JSON.parse(text).workspace.scans.some((x) => x.id === scan.id), 'the export carries the scan');
    assert.deepEqual(errors, []);
    // … and survives a real reload: autosave stores the document, and the last document reopens.
    await page.waitForFunction(() => {
      const st = window.waymark.stats();
      return st.storage.status === 'saved' && !st.document.dirty;
    }, null, { timeout: 15000 });
    await page.reload();
    await page.waitForFunction(() => window.waymark && window.waymark.ready, null, { timeout: 20000 });
    await page.evaluate(() => window.waymark.ready);
    doc = await exported(page);
    const kept = doc.workspace.scans.find((x) => x.id === scan.id);
    assert.ok(kept, 'the scan is still in the workspace after the reload');
    assert.equal(kept.date, today);
    assert.deepEqual(kept.answers, scan.answers);
    assert.deepEqual(await page.evaluate(() => window.waymark.show('maturity')), { ok: true });
    await settle(page, 300);
    await rect(page, `Stage 2 ${DOT} Introducing process`);
    await screenshot(page, 'maturity-after-reload');
    const chart2 = await rect(page, 'Progress chart');
    await page.mouse.move(chart2.x + 40, chart2.y + 40);
    await page.mouse.wheel(0, 600);
    await rect(page, today);
  } finally { await close(); }
});

test('a blank workspace: no scan yet, the stages explained, evidence at zero', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    await tap(page, 'File');
    await tap(page, 'New blank workspace');
    await until(page, async () => (await stats(page)).document.origin === 'blank', 'the blank workspace');
    await tap(page, 'Maturity scan');
    await rect(page, 'Start a new scan');
    // No scan: no result, no progress chart; the lifecycle's five stages are all unmapped.
    assert.equal((await page.evaluate(() => window.waymark.rect('Area chart'))).ok, false);
    assert.equal((await page.evaluate(() => window.waymark.rect('Progress chart'))).ok, false);
    await tap(page, 'missing coverage.lifecycle');
    await rect(page, 'Customer lifecycle \u203a Awareness');
    await screenshot(page, 'maturity-blank');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
