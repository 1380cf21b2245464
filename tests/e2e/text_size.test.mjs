// View › Text size: the whole UI drawn larger, crisply (fonts rasterised at the new size, not a
// bitmap scaled up), clicks still land where things are drawn, and the choice is remembered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openApp, screenshot, stats, notBlank, click, rect, settle, until, goTo, ARTIFACTS, chooseFile } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

async function chooseSize(page, label) {
  await click(page, 'View');
  await click(page, 'Text size');
  await click(page, label);
}

test('View › Text size 150 % draws the UI half as large again, clicks still land, and it is remembered', async () => {
  const { context, close } = await launch();
  try {
    let { page, errors } = await openApp(context, srv.url);
    assert.equal((await stats(page)).textSize, 100);
    const before = await rect(page, 'Backlog');
    await chooseSize(page, '150 %');
    await until(page, async () => (await stats(page)).textSize === 150, 'text size 150 %');
    await settle(page, 300);
    const after = await rect(page, 'Backlog');
    const ratio = after.h / before.h;
    assert.ok(ratio > 1.35 && ratio < 1.65, `the Backlog button is 1.5 × as tall (${before.h} → ${after.h})`);
    await screenshot(page, 'text-size-150');
    const px = await notBlank(page);
    assert.ok(px.colours > 40 && px.differing > px.sampled * 0.05, 'the larger UI is drawn');
    // The canvas keeps its device pixels: the text is drawn at the larger size, not stretched.
    const canvas = await page.evaluate(() => [document.getElementById('canvas').width, window.innerWidth * devicePixelRatio]);
    assert.equal(canvas[0], canvas[1]);

    // A real click on the larger button opens the view.
    await click(page, 'Backlog');
    await until(page, async () => (await stats(page)).view === 'backlog', 'the backlog after a click at 150 %');
    // Typing lands in the field under the click too.
    await click(page, 'Framework');
    await until(page, async () => (await stats(page)).view === 'framework', 'the framework');
    await click(page, 'Buying a phone plan');
    await until(page, async () => (await stats(page)).view === 'journey', 'the journey map at 150 %');
    await click(page, 'Journey title');
    await page.keyboard.press('End');
    await page.keyboard.type(' (big)');
    await page.keyboard.press('Enter');
    await until(page, async () => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace.journeys
      .some((j) => j.title === 'Buying a phone plan (big)'), 'the typed title');
    await screenshot(page, 'text-size-150-map');

    await page.reload();
    await page.waitForFunction(() => window.waymark && window.waymark.ready, null, { timeout: 20000 });
    await page.evaluate(() => window.waymark.ready);
    assert.equal((await stats(page)).textSize, 150, 'remembered after a reload');
    await chooseSize(page, '100 %');
    await until(page, async () => (await stats(page)).textSize === 100, 'back to 100 %');
    await settle(page, 200);
    const back = await rect(page, 'Backlog');
    assert.ok(Math.abs(back.h - before.h) < 1.5, `back to its size (${back.h} vs ${before.h})`);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// Nothing a person reads is cut or covered at 100 % and 150 %: the tables' headers ("Customer", not
// "Custo…"; stats().headersCut lists the headers ImGui drew cut in the last frame), the maturity
// chart's values beside its evidence markers (the framework area's 3.2 sat under its marker at 3),
// its areas' names beside or above their bars (at 150 % the bars covered "…journey framework") and
// its legend inside it, the rows of filters (wrapped where the window is too narrow for them) and
// the persona's view beside or under their editor, and the journey's header row (wrapped too). At
// 200 % (a 1280-px window is 640 units wide) the tables that scroll scroll sideways rather than
// squeeze their stretched columns to a few letters, and the documents' buttons wrap in their cell.
test('Table headers whole, filters inside the window, the persona\'s view readable, the maturity chart\'s names, values and legend clear of each other, at 100 %, 150 % and 200 %', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    for (const size of ['100 %', '150 %', '200 %']) {
      const percent = parseInt(size, 10);
      if (percent !== 100) {
        await chooseSize(page, size);
        await until(page, async () => (await stats(page)).textSize === percent, `text size ${size}`);
      }
      const tables = [['Backlog', 'backlog'], ['Scoring model', 'backlog'], ['Insights', 'insights'], ['Documents', 'documents'],
        ['Maturity scan', 'maturity']];   // its scans' history (the evidence goes under it where both do not fit side by side)
      for (const [button, view] of tables) {
        await click(page, button);
        await until(page, async () => (await stats(page)).view === view, `${button} open at ${size}`);
        await settle(page, 200);
        assert.deepEqual((await stats(page)).headersCut, [], `${button} at ${size}: no header cut`);
      }
      await screenshot(page, `headers-${percent}`);
      // The stretched columns keep room for a title (12 letters of the backlog's, at least as
      // many as their header's) at every size: the table scrolls sideways where need be.
      await click(page, 'Backlog');
      await click(page, 'List');
      await settle(page, 200);
      const title = await rect(page, 'header Opportunity');
      assert.ok(title.w >= 12 * 13 * percent / 100, `the backlog's Opportunity column is ${title.w} px wide at ${size}`);
      await screenshot(page, `backlog-${percent}`);
      // The rows of filters wrap rather than run off the window's edge.
      const width = await page.evaluate(() => window.innerWidth);
      const rows = [['Backlog', ['Level filter', 'Journey filter', 'Stage filter', 'Persona filter', 'Status filter', 'Group by journey']],
        ['Insights', ['Search insights', 'Type filter', 'Source filter', 'Evidence filter', 'Persona filter', 'Journey filter', 'Stale only']]];
      for (const [button, filters] of rows) {
        await click(page, button);
        if (button === 'Backlog') await click(page, 'List');   // it was left showing the scoring model
        await settle(page, 200);
        for (const filter of filters) {
          const r = await rect(page, filter);
          assert.ok(r.x + r.w <= width, `${button}: ${filter} inside the window at ${size} (${JSON.stringify(r)})`);
        }
      }
      // The framework's filters wrap too: each ends inside the grid's width (the window's content
      // edge, left of its scrollbar; "No to-be" ran under it at 200 %).
      await click(page, 'Framework');
      await until(page, async () => (await stats(page)).view === 'framework', `the framework at ${size}`);
      await settle(page, 200);
      const grid = await rect(page, 'framework-canvas');
      for (const filter of ['Gaps', 'No evidence', 'No persona', 'No KPI', 'No to-be']) {
        const r = await rect(page, `filter ${filter}`);
        assert.ok(r.x + r.w <= grid.x + grid.w, `the framework's ${filter} filter inside the grid's width ${JSON.stringify(grid)} at ${size} (${JSON.stringify(r)})`);
      }
      // Where the end of the stage row is out of view (200 %), "+ Stage" stays at the grid's right
      // edge as a square "+", hiding as little of the last stage's header as it can.
      const add = await rect(page, 'fw add stage');
      assert.ok(add.x + add.w <= grid.x + grid.w, `"+ Stage" ${JSON.stringify(add)} inside the grid at ${size}`);
      if (percent === 200) assert.ok(add.w <= add.h + 2, `"+ Stage" pinned as a square at 200 % (${JSON.stringify(add)})`);
      // The level labels' column is as wide as its longest label ("L1 Macro journeys" was cut).
      const level = await rect(page, 'fw level 1'), levelTitle = await rect(page, 'fw level 1 title');
      assert.ok(levelTitle.x + levelTitle.w <= level.x + level.w, `the level's label ${JSON.stringify(levelTitle)} whole in its column ${JSON.stringify(level)} at ${size}`);
      await screenshot(page, `framework-${percent}`);
      await click(page, 'Documents');
      await settle(page, 200);
      for (const button of ['Blank workspace', 'The sample (Lumen Mobile)', 'From template: Basics', 'From template: Five layers',
        'From template: Three layers', 'From template: Service blueprint']) {
        const r = await rect(page, button);
        assert.ok(r.x + r.w <= width, `Documents: ${button} inside the window at ${size} (${JSON.stringify(r)})`);
      }
      // A document's buttons wrap in their cell rather than leave its name a few letters.
      for (const button of ['Duplicate', 'Delete']) {
        const r = await rect(page, button);
        assert.ok(r.x + r.w <= width, `Documents: ${button} inside the window at ${size} (${JSON.stringify(r)})`);
      }
      const name = await rect(page, 'header Name');
      assert.ok(name.w >= 12 * 13 * percent / 100, `the documents' Name column is ${name.w} px wide at ${size}`);
      await screenshot(page, `documents-${percent}`);
      // The personas' editor and their view: side by side where both fit, else one above the other,
      // never the view squeezed to a strip beside the editor.
      await click(page, 'Personas');
      await until(page, async () => (await stats(page)).view === 'personas', `the personas at ${size}`);
      await settle(page, 200);
      const view = await rect(page, 'persona view');
      assert.ok(view.w >= 300, `the persona's view is ${view.w} px wide at ${size}`);
      await screenshot(page, `personas-${percent}`);
      // The journey's header row wraps, group by group: every control of it on screen.
      await click(page, 'Framework');
      await until(page, async () => (await stats(page)).view === 'framework', `the framework at ${size}`);
      // Ctrl+K and its name (at 200 % its tile is at the grid's edge, below the view's fold).
      await goTo(page, 'Buying a phone plan', (s) => s.view === 'journey', `the journey at ${size}`);
      await settle(page, 300);
      for (const control of ['State', 'Status', 'Edit personas', 'Lens', 'Create to-be', 'Compare with to-be', 'KPIs (3)']) {
        const r = await rect(page, control);
        assert.ok(r.x + r.w <= width, `the journey header's ${control} inside the window at ${size} (${JSON.stringify(r)})`);
      }
      await screenshot(page, `journey-header-${percent}`);
      // The KPI editor: its fields one pair a line where two do not fit, the choices of a row wrap
      // ("Lower" was past the panel's edge at 200 %).
      await click(page, 'KPIs (3)');
      await settle(page, 300);
      const lower = await rect(page, 'Lower');
      assert.ok(lower.x + lower.w <= width && lower.w >= 40 * percent / 100, `the KPI editor's Lower whole at ${size} (${JSON.stringify(lower)})`);
      await screenshot(page, `kpi-editor-${percent}`);
      await click(page, 'Close');
      // The keyboard shortcuts sheet: as wide as the window at most, its descriptions wrapped in it.
      await click(page, 'View');
      await click(page, 'Keyboard shortcuts');
      await until(page, async () => (await stats(page)).shortcutsOpen, `the shortcuts at ${size}`);
      const sheet = await rect(page, 'shortcut list');
      assert.ok(sheet.x >= 0 && sheet.x + sheet.w <= width, `the shortcuts' list ${JSON.stringify(sheet)} inside the window at ${size}`);
      await screenshot(page, `shortcuts-${percent}`);
      await page.keyboard.press('Escape');
      await until(page, async () => !(await stats(page)).shortcutsOpen, `the shortcuts closed at ${size}`);
      // The map keeps at least 60 % of the view's height: where the header leaves it less (200 %),
      // a wheel over the header scrolls the view down to it, as a page does.
      const journeyTitle = await rect(page, 'Journey title');
      await page.mouse.move(journeyTitle.x + 20, journeyTitle.y + journeyTitle.h / 2);
      for (let k = 0; k < 4; ++k) { await page.mouse.wheel(0, 200); await settle(page, 100); }
      await settle(page, 200);
      const firstStep = await rect(page, 'step Picks a plan and a phone'), lane = await rect(page, 'lane Customer actions');
      const bottom = await page.evaluate(() => window.innerHeight);
      assert.ok(firstStep.h > 20 && firstStep.y >= 0 && lane.h >= 40 && lane.y + lane.h <= bottom,
        `the map's first step ${JSON.stringify(firstStep)} and lane ${JSON.stringify(lane)} in view at ${size}`);
      await screenshot(page, `journey-map-${percent}`);
      await click(page, 'Maturity scan');
      await until(page, async () => (await stats(page)).view === 'maturity', `the maturity scan at ${size}`);
      const chart = await rect(page, 'scan chart');
      for (const area of ['Deep customer insight', 'Standardised journey framework', 'Customer-centric prioritisation']) {
        const value = await rect(page, `scan value ${area}`), marker = await rect(page, `scan evidence ${area}`);
        assert.ok(!overlaps(value, marker), `${area} at ${size}: the value ${JSON.stringify(value)} clear of the marker ${JSON.stringify(marker)}`);
        const name = await rect(page, `scan area ${area}`), bar = await rect(page, `scan bar ${area}`);
        assert.ok(!overlaps(name, bar), `${area} at ${size}: the name ${JSON.stringify(name)} clear of its bar ${JSON.stringify(bar)}`);
        assert.ok(name.x + name.w <= chart.x + chart.w, `${area} at ${size}: the name inside the chart`);
      }
      const legend = await rect(page, 'scan legend');
      assert.ok(legend.x >= chart.x && legend.x + legend.w <= chart.x + chart.w, `the legend ${JSON.stringify(legend)} inside the chart ${JSON.stringify(chart)} at ${size}`);
      await screenshot(page, `maturity-chart-${percent}`);
    }
    // At 200 % (remembered), a second tab opens the document read-only: its banner's sentence wraps
    // inside the window (it ran past the edge), and the views' buttons wrap onto a second line in
    // a narrower window rather than run off it.
    const reader = await context.newPage();
    await reader.setViewportSize({ width: 1024, height: 700 });
    await reader.goto(srv.url);
    await reader.waitForFunction(() => window.waymark && window.waymark.ready);
    await reader.evaluate(() => window.waymark.ready);
    await reader.waitForFunction(() => window.waymark.stats().storage.status === 'read-only');
    await settle(reader, 300);
    assert.equal((await stats(reader)).textSize, 200);
    const banner = await rect(reader, 'banner text');
    assert.ok(banner.x >= 0 && banner.x + banner.w <= 1024 && banner.h > 40, `the read-only banner ${JSON.stringify(banner)} wrapped inside the window`);
    for (const view of ['Framework', 'Backlog', 'Insights', 'Personas', 'Maturity scan', 'Documents']) {
      const r = await rect(reader, view);
      assert.ok(r.x + r.w <= 1024, `the ${view} button ${JSON.stringify(r)} inside a 1024-px window at 200 %`);
    }
    await screenshot(reader, 'read-only-banner-200');
    // There the insights' toolbar wraps too, "Stale after … days" as one group.
    await click(reader, 'Insights');
    await until(reader, async () => (await stats(reader)).view === 'insights', 'the insights in the second tab');
    for (const control of ['Import insights CSV…', 'Stale after days']) {
      const r = await rect(reader, control);
      assert.ok(r.x + r.w <= 1024 - 30, `the insights' ${control} ${JSON.stringify(r)} inside a 1024-px window at 200 %`);
    }
    // The field whole (a rectangle is clipped to the window: it was cut to 49 px at its edge).
    assert.ok((await rect(reader, 'Stale after days')).w >= 100, 'the staleness field whole');
    await screenshot(reader, 'insights-toolbar-1024-200');
    await reader.close();
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('The insight import at 200 % in a 1024-px window: its list of rows not imported is as tall as its lines, with no scroll bar beside one line', async () => {
  const { context, close } = await launch({ viewport: { width: 1024, height: 640 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await chooseSize(page, '200 %');
    await click(page, 'Insights');
    const file = join(ARTIFACTS, 'import-200.csv');
    writeFileSync(file, 'Name;Kind;Notes;Owner team;Channel of the observation\r\nRoaming fees confuse;pain;from the shop;CX;store\r\n;quote;no title here;;\r\n');
    await chooseFile(page, 'Import insights CSV…', file);
    await rect(page, 'map Name');
    // Down to the report under the mapping, as a person scrolls the panel.
    await page.mouse.move(512, 380);
    for (let i = 0; i < 8; i++) { await page.mouse.wheel(0, 200); await settle(page, 50); }
    const cancel = await rect(page, 'Cancel import');
    const line = await rect(page, 'Line 3: empty title');
    const list = await rect(page, 'rows not imported');
    // The list was 24 units a line whatever the text size: at 200 % its one line did not fit with
    // the list's padding, and the list scrolled (a scroll bar beside one line).
    const above = line.y - list.y, below = list.y + list.h - (line.y + line.h);
    assert.ok(above > 0 && below >= above - 2, `the list ${JSON.stringify(list)} holds its line ${JSON.stringify(line)} with its padding below it too`);
    assert.ok(cancel.x + cancel.w <= 1024, `Cancel ${JSON.stringify(cancel)} inside the window`);
    await screenshot(page, 'insights-import-1024-200');
    await click(page, 'Cancel import');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
