// What a screen reader hears: the page's polite live region (role="status") says the result of each
// command, undo and redo, status messages and a save the user asked for. Read from Chromium's
// accessibility tree (CDP Accessibility.getFullAXTree), after edits made with the real mouse and
// keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, stats, click, settle, until } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

// The text of the accessibility tree's live status region (the app's announcer), as a screen
// reader gets it.
async function liveRegion(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const text = (n) => n.role?.value === 'StaticText' ? n.name?.value ?? ''
    : (n.childIds || []).map((id) => byId.get(id)).filter(Boolean).map(text).join('');
  const regions = nodes.filter((n) => n.role?.value === 'status' &&
    (n.properties || []).some((p) => p.name === 'live' && p.value.value === 'polite'));
  return regions.map(text).join(' | ').replace(/\u00a0/g, '').trim();
}

test('the live region says what each command, undo and save did', async () => {
  const { context, close } = await launch();
  try {
    const { page, errors } = await openApp(context, srv.url);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Accessibility.enable');
    await click(page, 'Buying a phone plan');
    await until(page, async () => (await stats(page)).view === 'journey', 'the journey map');

    await click(page, 'Journey title');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Buying a plan', { delay: 10 });
    await page.keyboard.press('Enter');
    await until(page, async () => (await stats(page)).announced.startsWith('Done: Rename journey'), 'the rename announced');
    await until(page, async () => (await liveRegion(cdp)) === 'Done: Rename journey “Buying a phone plan”', 'the live region to say the rename');

    await page.keyboard.press('Control+Z');
    await until(page, async () => (await liveRegion(cdp)) === 'Undone: Rename journey “Buying a phone plan”', 'the live region to say the undo');
    await page.keyboard.press('Control+Shift+Z');
    await until(page, async () => (await liveRegion(cdp)) === 'Redone: Rename journey “Buying a phone plan”', 'the live region to say the redo');
    const doc = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    assert.ok(doc.workspace.journeys.some((j) => j.title === 'Buying a plan'));

    await page.keyboard.press('Control+s');
    await until(page, async () => (await liveRegion(cdp)) === 'Saved', 'the live region to say the save');
    assert.equal((await stats(page)).announced, 'Saved');
    await settle(page, 200);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
