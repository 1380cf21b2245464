// View › About Waymark and this browser…, opened and closed with the mouse and the keyboard: it
// names what draws the app, and says in words when that is a software renderer (these tests run on
// SwiftShader, as GPU-less virtual desktops do), so support can tell a user why a machine is slow.
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
