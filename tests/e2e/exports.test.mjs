// Exports through the real File menu and a real download: the open journey as CSV (rows and columns
// match the map in exportJson) and the HTML report (tables, headers, texts; opening it makes no
// request besides the file itself).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, launch, openApp, stats, click, settle, screenshot, axeViolations, ARTIFACTS, holdPngParts } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  assert.equal(field, '', 'the last record ends with CRLF');
  assert.equal(row.length, 0);
  return rows;
}

async function downloadFrom(page, item, file) {
  await click(page, 'File');
  const downloading = page.waitForEvent('download');
  await click(page, item);
  const download = await downloading;
  await download.saveAs(join(ARTIFACTS, file));
  return { name: download.suggestedFilename(), bytes: await readFile(join(ARTIFACTS, file)) };
}

// Opens the journey map titled `title`; returns the exported document and that journey in it.
async function openMap(page, title) {
  const doc = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
  const journey = doc.workspace.journeys.find((j) => j.title === title);
  assert.deepEqual(await page.evaluate((id) => window.waymark.show('journey', id), journey.id), { ok: true });
  await settle(page);
  return { doc, journey };
}

test('File › Export journey as CSV downloads the open map as lanes × steps', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    const { doc, journey } = await openMap(page, 'Buying a phone plan');

    const { name, bytes } = await downloadFrom(page, 'Export journey as CSV…', 'journey.csv');
    assert.equal(name, 'Buying a phone plan.csv');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark for Excel');
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));

    const columns = journey.stages.flatMap((s) => (s.steps.length ? s.steps.map((st) => ({ stage: s.name, step: st.name })) : [{ stage: s.name, step: '' }]));
    assert.deepEqual(rows[0], ['Stage', ...columns.map((c) => c.stage)]);
    assert.deepEqual(rows[1], ['Step', ...columns.map((c) => c.step)]);
    assert.deepEqual(rows.slice(2).map((r) => r[0]), journey.lanes.map((l) => l.name), 'one record per lane, in order');
    for (const r of rows) assert.equal(r.length, columns.length + 1, 'every record has a field per column');

    // Every card of a text lane is in its cell, in the lane's record and the step's column.
    const stepIds = journey.stages.flatMap((s) => (s.steps.length ? s.steps.map((st) => st.id) : [null]));
    let checked = 0;
    for (const card of journey.cards) {
      const lane = journey.lanes.findIndex((l) => l.id === card.lane);
      if (journey.lanes[lane].kind !== 'text') continue;
      const cell = rows[2 + lane][1 + stepIds.indexOf(card.step)];
      assert.ok(cell.split('\n').includes(card.text), `${card.text} in ${cell}`);
      checked++;
    }
    assert.ok(checked > 3, `checked ${checked} cards`);
    const s = await stats(page);
    assert.match(s.message, /Exported the map of .Buying a phone plan. as Buying a phone plan\.csv/);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('File › Export report (HTML) downloads one self-contained, semantic report', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    const doc = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    const { name, bytes } = await downloadFrom(page, 'Export report (HTML)…', 'report.html');
    assert.equal(name, `${doc.workspace.name} report.html`);
    assert.match((await stats(page)).message, /Exported the report/);

    // Open the downloaded file in a fresh page, counting every request it makes.
    const report = await context.newPage();
    const requests = [];
    await report.route('**/*', (route) => { requests.push(route.request().url()); route.continue(); });
    const url = pathToFileURL(join(ARTIFACTS, 'report.html')).href;
    await report.goto(url);
    await report.waitForLoadState('load');
    assert.deepEqual(requests, [url], 'no request besides the file itself');
    assert.equal(bytes.toString('utf8').includes('http'), false);

    const ws = doc.workspace;
    const facts = await report.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      maps: [...document.querySelectorAll('table.map')].map((t) => ({
        caption: t.caption?.textContent ?? '',
        stages: [...t.querySelectorAll('thead th[scope=colgroup]')].map((th) => th.textContent),
        steps: t.querySelectorAll('thead th[scope=col]').length - 1,
        lanes: [...t.querySelectorAll('tbody th[scope=row]')].map((th) => th.textContent),
      })),
      personas: [...document.querySelectorAll('#personas h3')].map((h) => h.textContent),
      insights: document.querySelectorAll('#insights tbody tr').length,
      backlog: [...document.querySelectorAll('#backlog tbody th[scope=row]')].map((th) => th.textContent),
      text: document.body.innerText,
    }));
    assert.equal(facts.lang, 'en');
    assert.match(facts.title, new RegExp(ws.name));
    assert.equal(facts.maps.length, ws.journeys.length, 'a table per journey');
    for (const j of ws.journeys) {
      const t = facts.maps.find((m) => m.caption.startsWith(`${j.title} — `));
      assert.ok(t, `table for ${j.title}`);
      assert.deepEqual(t.stages, j.stages.map((s) => s.name));
      assert.equal(t.steps, j.stages.reduce((n, s) => n + Math.max(1, s.steps.length), 0));
      assert.deepEqual(t.lanes, j.lanes.map((l) => l.name));
    }
    const buying = ws.journeys.find((j) => j.title === 'Buying a phone plan');
    for (const card of buying.cards.slice(0, 10)) assert.ok(facts.text.includes(card.text), card.text);
    assert.deepEqual(facts.personas, ws.personas.map((p) => p.name));
    assert.equal(facts.insights, ws.insights.length);
    assert.equal(facts.backlog.length, ws.opportunities.length);
    assert.ok(facts.text.includes('Framework') && facts.text.includes('Contents'));
    // Every KPI where it is measured, and the maturity scans by date (issue 18).
    const rows = (id) => report.evaluate((s) => [...document.querySelectorAll(`#${s} tbody th[scope=row]`)].map((th) => th.textContent), id);
    assert.deepEqual((await rows('kpis')).sort(), ws.metrics.map((m) => m.name).sort());
    assert.deepEqual(await rows('maturity'), ws.scans.map((s) => s.date));

    await report.setViewportSize({ width: 1280, height: 900 });
    // Accessible: axe finds nothing at WCAG 2.2 AA (wide tables scroll in focusable, named regions;
    // contents links are 24 px targets); a keyboard user reaches a map's scrolling region with Tab.
    assert.deepEqual(await axeViolations(report), []);
    const regions = await report.evaluate(() => [...document.querySelectorAll('.scroll')].map((d) => [d.tabIndex, d.getAttribute('aria-label')]));
    assert.ok(regions.length >= ws.journeys.length + 4 && regions.every(([t, l]) => t === 0 && l), JSON.stringify(regions));
    await report.evaluate(() => document.getElementById('journeys').scrollIntoView());
    await screenshot(report, 'exports-report-journey');
    await report.evaluate(() => document.getElementById('kpis').scrollIntoView());
    await screenshot(report, 'exports-report-kpis');
    await report.evaluate(() => window.scrollTo(0, 0));
    await screenshot(report, 'exports-report-top');
    // Printing: a PDF of the report renders (headless Chromium applies the report's print style).
    const pdf = await report.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10000, `printed to PDF (${pdf.length} bytes)`);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// Opens File › Export picture and picks the subject, the format and (PNG) the scale by clicking.
async function pictureDialog(page, { subject, format, scale }) {
  await click(page, 'File');
  await click(page, 'Export picture (PNG, SVG)…');
  await click(page, subject);
  await click(page, format);
  if (scale) await click(page, scale);
}

// Counts what a decoded picture holds: its size, the distinct colours and the share of pixels that
// differ from the top-left (background) one, on a grid of samples.
async function pixels(page, file, mime) {
  const bytes = await readFile(join(ARTIFACTS, file));
  return page.evaluate(async ({ b64, mime }) => {
    const img = new Image();
    img.src = `data:${mime};base64,${b64}`;
    await img.decode();
    const w = img.naturalWidth, h = img.naturalHeight;
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, w, h).data;
    const bg = data.slice(0, 4).join();
    const colours = new Set();
    let differing = 0, sampled = 0;
    for (let y = 0; y < h; y += 7) for (let x = 0; x < w; x += 7) {
      const i = (y * w + x) * 4;
      const px = `${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`;
      colours.add(px);
      if (px !== bg) differing++;
      sampled++;
    }
    return { w, h, colours: colours.size, differing, sampled };
  }, { b64: bytes.toString('base64'), mime });
}

test('File › Export picture: a journey map as SVG with its texts, the whole framework as PNG at 2×', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    const { doc, journey } = await openMap(page, 'Buying a phone plan');

    // SVG: vector, the texts as text.
    await pictureDialog(page, { subject: 'This journey map: Buying a phone plan', format: 'SVG vector' });
    await screenshot(page, 'exports-picture-dialog');
    let downloading = page.waitForEvent('download');
    await click(page, 'Export image');
    let download = await downloading;
    assert.equal(download.suggestedFilename(), 'Buying a phone plan.svg');
    await download.saveAs(join(ARTIFACTS, 'journey.svg'));
    const svg = (await readFile(join(ARTIFACTS, 'journey.svg'))).toString('utf8');
    let s = await stats(page);
    assert.equal(s.export.kind, 'svg');
    assert.match(s.message, /Exported .Buying a phone plan. as Buying a phone plan\.svg/);

    const blank = await context.newPage();
    const parsed = await blank.evaluate((text) => {
      const d = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = d.documentElement;
      return {
        error: d.getElementsByTagName('parsererror').length > 0,
        name: root.localName, ns: root.namespaceURI,
        width: parseFloat(root.getAttribute('width')), height: parseFloat(root.getAttribute('height')),
        family: root.querySelector('[font-family]')?.getAttribute('font-family') ?? '',
        texts: [...d.querySelectorAll('text')].map((t) => t.textContent.replace(/\s+/g, ' ').trim()),
        joined: [...d.querySelectorAll('text')].map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') || t.textContent).join(' ').replace(/\s+/g, ' '),
        paths: d.querySelectorAll('path, polyline').length,
      };
    }, svg);
    assert.equal(parsed.error, false, 'the SVG parses');
    assert.equal(parsed.name, 'svg');
    assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
    assert.ok(parsed.width > 1000 && parsed.height > 600, `the whole map (${parsed.width} × ${parsed.height})`);
    assert.match(parsed.family, /Noto Sans/, 'the font is named');
    assert.ok(parsed.texts.includes('Buying a phone plan'), 'the title block names the journey');
    for (const stage of journey.stages) assert.ok(parsed.joined.includes(stage.name), `stage ${stage.name}`);
    for (const lane of journey.lanes) assert.ok(parsed.joined.includes(lane.name), `lane ${lane.name}`);
    let cards = 0;
    for (const card of journey.cards) {
      if (!card.text) continue;
      assert.ok(parsed.joined.includes(card.text.replace(/\s+/g, ' ').trim()), `card text "${card.text}" is in the SVG`);
      cards++;
    }
    assert.ok(cards > 10, `${cards} card texts`);
    // The file opens as a picture in the browser.
    await blank.goto(pathToFileURL(join(ARTIFACTS, 'journey.svg')).href);
    await blank.setViewportSize({ width: 1600, height: 1000 });
    await screenshot(blank, 'exports-journey-svg');
    const svgPx = await pixels(blank, 'journey.svg', 'image/svg+xml');
    assert.ok(svgPx.colours > 20 && svgPx.differing > svgPx.sampled * 0.05, 'the SVG draws the map');

    // PNG of the whole framework at 2×, drawn off-screen in tiles.
    await pictureDialog(page, { subject: 'The whole framework', format: 'PNG image', scale: '2×' });
    downloading = page.waitForEvent('download');
    await click(page, 'Export image');
    download = await downloading;
    assert.equal(download.suggestedFilename(), `${doc.workspace.name} framework.png`);
    await download.saveAs(join(ARTIFACTS, 'framework.png'));
    await page.waitForFunction(() => !window.waymark.stats().export.running);
    s = await stats(page);
    assert.equal(s.export.kind, 'png');
    assert.match(s.message, /Exported .* framework\.png \([\d,]+ × [\d,]+ pixels\)/);
    const png = await readFile(join(ARTIFACTS, 'framework.png'));
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
    const width = png.readUInt32BE(16), height = png.readUInt32BE(20);
    assert.equal(width, s.export.width);
    assert.equal(height, s.export.height);
    assert.ok(width > 2000 && height > 1000, `the whole framework at 2× (${width} × ${height})`);
    await blank.goto('about:blank');
    const px = await pixels(blank, 'framework.png', 'image/png');
    assert.equal(px.w, width);
    assert.ok(px.colours > 30 && px.differing > px.sampled * 0.05, `the PNG is drawn (${px.colours} colours, ${px.differing}/${px.sampled} differ)`);
    await blank.goto('about:blank');
    await blank.setContent(`<img src="data:image/png;base64,${png.toString('base64')}" style="width:1600px">`);
    await screenshot(blank, 'exports-framework-png');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a large PNG shows its progress and can be cancelled; too large a scale is refused in the dialog', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    // A wide map: 120 steps × 30 lanes, about 26,000 pixels wide at 1× — drawn in many parts.
    assert.equal((await page.evaluate(() => window.waymark.generate({ journeys: 3, levels: 2, stepsPerJourney: 120, lanesPerJourney: 30, cardsPerCell: 1 }))).ok, true);
    const ws = JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
    const wide = ws.journeys.find((j) => j.level === 1);
    assert.deepEqual(await page.evaluate((id) => window.waymark.show('journey', id), wide.id), { ok: true });
    await settle(page);
    const before = await page.evaluate(() => window.waymark.exportJson());
    const downloads = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));

    await pictureDialog(page, { subject: `This journey map: ${wide.title}`, format: 'PNG image', scale: '1×' });
    let s = await stats(page);
    assert.equal(s.export.tooLarge, false, `1× is ${s.export.pixels}`);
    // The test holds the second part back until it has looked and clicked: on a fast machine (or a
    // slow test runner) all 35 parts could otherwise be drawn before the test sees the first one.
    await holdPngParts(page);
    await click(page, 'Export image');
    await page.waitForFunction(() => window.waymark.stats().export.done >= 1, null, { timeout: 120000 });
    await settle(page, 100);
    s = await stats(page);
    assert.equal(s.export.running, true, `still running after part ${s.export.done} of ${s.export.total}: ${s.message}`);
    assert.equal(s.export.done, 1);
    assert.ok(s.export.total > 8, `drawn in ${s.export.total} parts`);
    await screenshot(page, 'exports-png-progress');
    await click(page, 'Cancel export');
    assert.equal((await stats(page)).export.cancelling, true, 'Cancel was taken');
    await page.evaluate(() => window.__releasePngParts());
    await page.waitForFunction(() => !window.waymark.stats().export.running, null, { timeout: 120000 });
    s = await stats(page);
    assert.equal(s.message, 'The PNG export was cancelled; nothing was downloaded.');
    assert.ok(s.export.done < s.export.total, `stopped before the last part (${s.export.done} of ${s.export.total})`);
    await settle(page, 500);
    assert.deepEqual(downloads, [], 'nothing was downloaded');
    assert.equal(await page.evaluate(() => window.waymark.exportJson()), before, 'the document is untouched');

    // 2× of this map is more than a PNG can hold: the dialog says so and its Export does nothing.
    await pictureDialog(page, { subject: `This journey map: ${wide.title}`, format: 'PNG image', scale: '2×' });
    await screenshot(page, 'exports-png-too-large');
    s = await stats(page);
    assert.equal(s.export.dialog, true);
    assert.equal(s.export.tooLarge, true, `2× is ${s.export.pixels}`);
    await click(page, 'Export image');
    await settle(page, 300);
    assert.equal((await stats(page)).export.running, false, 'a disabled Export starts nothing');
    await click(page, 'Cancel image');
    assert.equal((await stats(page)).export.dialog, false);
    assert.deepEqual(downloads, []);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// An SVG drawn as an image does not wait for the fonts it embeds (web/png.js facesLoaded): a text
// that needed two of them (Latin and Cyrillic) came out as nothing. The faces are the app's own, the
// Greek and Cyrillic ones from their own file.
test('a PNG has its text from the first tile, in the regular and bold faces and in Cyrillic and Greek', async () => {
  const { context, close } = await launch();
  try {
    const { page } = await openApp(context, srv.url);
    const ink = await page.evaluate(async () => {
      await new Promise((resolve, reject) => {   // the page loads png.js with the first PNG: here, by hand
        const script = document.createElement('script');
        script.src = `png.js?v=${document.querySelector('script[data-build]').dataset.build}`;
        script.onload = resolve;
        script.onerror = reject;
        document.head.append(script);
      });
      const get = async (name) => (await fetch(`fonts/${name}.ttf`)).arrayBuffer();
      const fonts = { regular: await get('ui'), bold: await get('ui-bold'), blocks: await get('ui-blocks'), boldBlocks: await get('ui-bold-blocks') };
      // A text that needs two faces (Latin and Cyrillic) was the one drawn as nothing.
      const lines = [['normal', 'Клиенты Ελλάδα and Latin'], ['bold', 'Клиенты Ελλάδα and Latin'], ['normal', 'Regular text'], ['bold', 'Bold text']];
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="160"><rect width="300" height="160" fill="#ffffff"/>${
        lines.map(([weight, text], i) => `<text x="8" y="${i * 40 + 28}" font-family="Noto Sans" font-weight="${weight}" font-size="24">${text}</text>`).join('')}</svg>`;
      const made = await window.WaymarkPng.render({ svg, width: 300, height: 160, scale: 1, fonts });
      const bitmap = await createImageBitmap(made.blob);
      const g = new OffscreenCanvas(300, 160).getContext('2d');
      g.drawImage(bitmap, 0, 0);
      return lines.map((_, i) => {
        const px = g.getImageData(0, i * 40, 300, 40).data;
        let n = 0;
        for (let p = 0; p < px.length; p += 4) if (px[p] < 128) n++;
        return n;
      });
    });
    for (const [i, n] of ink.entries()) assert.ok(n > 150, `line ${i + 1} drawn (${n} dark pixels): ${ink}`);
  } finally { await close(); }
});
