// View › About Waymark and this browser… and the keyboard shortcuts sheet, opened and closed with the
// mouse and the keyboard. About names what draws the app, and says in words when that is a software
// renderer (these tests run on SwiftShader, as GPU-less virtual desktops do), so support can tell a
// user why a machine is slow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, stats, notBlank, click, until } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

test('View › About names the renderer and says when it is a software one', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    assert.equal((await stats(page)).about.open, false);
    await click(page, 'View');
    await click(page, 'About Waymark and this browser…');
    await until(page, async () => (await stats(page)).about.open, 'the About window');
    const about = (await stats(page)).about;
    assert.match(about.renderer, /SwiftShader/, 'the renderer the browser reports');
    assert.equal(about.softwareRenderer, 'SwiftShader');
    await screenshot(page, 'about-software-renderer');
    const px = await notBlank(page);
    assert.ok(px.colours > 20 && px.differing > px.sampled * 0.05, 'the window is drawn');

    // Escape closes it; so does its Close button.
    await page.keyboard.press('Escape');
    await until(page, async () => !(await stats(page)).about.open, 'the About window to close');
    await click(page, 'View');
    await click(page, 'About Waymark and this browser…');
    await until(page, async () => (await stats(page)).about.open, 'the About window again');
    await click(page, 'Close about');
    await until(page, async () => !(await stats(page)).about.open, 'the About window to close with its button');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('the keyboard shortcuts sheet opens with "?" and from the View menu, and Escape closes it', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    assert.equal((await stats(page)).shortcutsOpen, false);
    await page.keyboard.type('?');
    await until(page, async () => (await stats(page)).shortcutsOpen, 'the sheet after "?"');
    await screenshot(page, 'shortcuts-sheet');
    const px = await notBlank(page);
    assert.ok(px.colours > 20 && px.differing > px.sampled * 0.05, 'the sheet is drawn');
    await page.keyboard.press('Escape');
    await until(page, async () => !(await stats(page)).shortcutsOpen, 'the sheet to close');

    // Typing "?" into a text field types it; the sheet stays shut.
    await click(page, 'Buying a phone plan');
    await until(page, async () => (await stats(page)).view === 'journey', 'the journey map');
    await click(page, 'Journey title');
    await page.keyboard.press('End');
    await page.keyboard.type('?');
    await page.keyboard.press('Enter');
    await until(page, async () => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace.journeys
      .some((j) => j.title === 'Buying a phone plan?'), 'the "?" typed into the title');
    assert.equal((await stats(page)).shortcutsOpen, false);

    await click(page, 'View');
    await click(page, 'Keyboard shortcuts');
    await until(page, async () => (await stats(page)).shortcutsOpen, 'the sheet from the menu');
    await click(page, 'Close shortcuts');
    await until(page, async () => !(await stats(page)).shortcutsOpen, 'the sheet to close with its button');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
