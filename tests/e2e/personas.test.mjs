// Personas with real mouse and keyboard: create one and type its name (with an accent), role and a
// goal; undo takes back exactly one edit; a journey's personas change through the header popup; the
// persona lens fades the cards of other personas and keeps only their emotion scores (screenshots
// with and without it, compared and looked at); a persona's view leads to the journeys concerning
// them; deleting a persona strips it from the journey, and undo brings it back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, stats, notBlank, rect, settle, click } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

// Types into a text field and leaves it by clicking an empty spot: one command.
async function type(page, label, text, away) {
  await click(page, label);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 5 });
  await page.mouse.click(away.x, away.y);
  await settle(page, 250);
}

const doc = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;

test('personas: create and edit with undo, a journey\'s personas, the lens on the map, the persona\'s view', async () => {
  const { context, close } = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    // Fixture: tag two pain cards of a journey scored for Henrik and Maggie, one for each, so the
    // lens has something to fade (the sample tags no cards). Imported as a new document.
    let ws = await doc(page);
    const henrik = ws.personas.find((p) => p.name.startsWith('Henrik'));
    const maggie = ws.personas.find((p) => p.name.includes('Maggie'));
    const zoe = ws.personas.find((p) => p.name.startsWith('Zo'));
    const mapped = ws.journeys.find((j) => j.emotions.some((e) => e.persona === henrik.id) &&
      j.emotions.some((e) => e.persona === maggie.id) && j.cards.filter((c) => j.lanes.find((l) => l.id === c.lane).kind === 'pain').length >= 2);
    assert.ok(mapped, 'a journey scored for two personas');
    const pains = mapped.cards.filter((c) => mapped.lanes.find((l) => l.id === c.lane).kind === 'pain');
    pains[0].personas = [henrik.id];
    pains[1].personas = [maggie.id];
    const file = JSON.parse(await page.evaluate(() => window.waymark.exportJson()));
    file.workspace = ws;
    assert.deepEqual(await page.evaluate((t) => window.waymark.importJson(t), JSON.stringify(file)), { ok: true });
    await settle(page, 300);

    // Create a persona and type into its fields.
    await click(page, 'Personas');
    assert.equal((await stats(page)).view, 'personas');
    await click(page, 'Add persona');
    const away = { x: 140, y: 860 };        // empty space at the bottom of the persona list
    await type(page, 'Name', 'Anaïs Dubois', away);
    await type(page, 'Role', 'Student abroad', away);
    await type(page, 'New goal', 'Cheap data in every country', away);
    await type(page, 'New goal', 'One bill', away);
    ws = await doc(page);
    let anais = ws.personas.find((p) => p.name === 'Anaïs Dubois');
    assert.ok(anais, 'the typed name, accent included');
    assert.equal(anais.role, 'Student abroad');
    assert.equal(anais.initials, 'AD', 'initials follow the name');
    assert.deepEqual(anais.goals, ['Cheap data in every country', 'One bill']);
    // Ctrl+Z outside a text field takes back the last goal only; Ctrl+Shift+Z redoes it.
    await page.mouse.click(away.x, away.y);
    await page.keyboard.press('Control+Z');
    await settle(page, 200);
    assert.deepEqual((await doc(page)).personas.find((p) => p.id === anais.id).goals, ['Cheap data in every country']);
    await page.keyboard.press('Control+Shift+Z');
    await settle(page, 200);
    assert.deepEqual((await doc(page)).personas.find((p) => p.id === anais.id).goals, ['Cheap data in every country', 'One bill']);
    // Edit an item in place and remove another.
    await type(page, 'goal 2', 'One bill, in euros', away);
    await click(page, 'Remove goal 1');
    anais = (await doc(page)).personas.find((p) => p.id === anais.id);
    assert.deepEqual(anais.goals, ['One bill, in euros']);
    await click(page, 'Colour 2');   // the palette's second: pink (indigo, the selection's colour, left it)
    assert.equal((await doc(page)).personas.find((p) => p.id === anais.id).color, '#db2777');
    // A custom colour: dragging in the picker changes nothing until Apply, which is one command.
    await click(page, 'Custom colour…');
    const apply = await rect(page, 'Apply');
    await page.mouse.move(apply.x + 40, apply.y - 150);
    await page.mouse.down();
    await page.mouse.move(apply.x + 90, apply.y - 120, { steps: 5 });
    await page.mouse.up();
    await settle(page, 200);
    await screenshot(page, 'personas-colour-picker');
    assert.equal((await doc(page)).personas.find((p) => p.id === anais.id).color, '#db2777', 'not applied yet');
    const revision = (await stats(page)).document.revision;
    await click(page, 'Apply');
    const picked = (await doc(page)).personas.find((p) => p.id === anais.id).color;
    assert.notEqual(picked, '#db2777', 'the picked colour is applied');
    assert.equal((await stats(page)).document.revision, revision + 1, 'one command');
    let px = await notBlank(page);
    assert.ok(px.colours > 30 && px.differing > px.sampled * 0.02, 'the personas view is drawn');
    await screenshot(page, 'personas-editor');

    // The journey's personas through the header popup.
    assert.deepEqual(await page.evaluate((id) => window.waymark.show('journey', id), mapped.id), { ok: true });
    await settle(page, 300);
    await click(page, 'Edit personas');
    await click(page, 'Anaïs Dubois');
    await screenshot(page, 'personas-journey-popup');
    let journey = (await doc(page)).journeys.find((j) => j.id === mapped.id);
    assert.ok(journey.personas.includes(anais.id), 'ticked: the journey is for her');
    assert.match((await stats(page)).document.undoLabel, /persona/i);
    await page.mouse.click(700, 885);        // a click outside closes the popup
    await settle(page, 200);

    // The lens: everyone, then Henrik. Maggie's card fades, Henrik's and untagged ones stay.
    await screenshot(page, 'personas-map-everyone');
    const everyone = await page.screenshot();
    await click(page, 'Lens');
    await click(page, henrik.name);
    await settle(page, 300);
    const lensed = await page.screenshot();
    await screenshot(page, 'personas-map-lens');
    assert.ok(!everyone.equals(lensed), 'the lens changes the map');
    px = await notBlank(page);
    assert.ok(px.colours > 30 && px.differing > px.sampled * 0.02, 'the map is drawn under the lens');

    // Henrik's view lists the pain card tagged with him, with its severity.
    await click(page, 'Personas');
    await click(page, henrik.name);
    await screenshot(page, 'personas-henrik-view');
    await page.mouse.move(1100, 500);
    await page.mouse.wheel(0, 6000);        // their pains are below the journeys
    await settle(page, 300);
    await screenshot(page, 'personas-henrik-pains');

    // Zoë's view: her journeys, clickable; opening one sets the lens to her.
    await click(page, zoe.name);
    await screenshot(page, 'personas-zoe-view');
    const zoeJourney = ws.journeys.find((j) => j.personas.includes(zoe.id) && j.level > 0);
    await click(page, zoeJourney.title);
    let s = await stats(page);
    assert.equal(s.view, 'journey');
    assert.equal(s.viewId, zoeJourney.id);
    await screenshot(page, 'personas-zoe-journey');

    // Deleting Anaïs strips her from the journey; undo brings both back.
    await click(page, 'Personas');
    await click(page, 'Anaïs Dubois');
    await click(page, 'Delete persona');
    await screenshot(page, 'personas-delete-confirm');
    await click(page, 'Delete');
    ws = await doc(page);
    assert.equal(ws.personas.find((p) => p.id === anais.id), undefined);
    assert.ok(!ws.journeys.find((j) => j.id === mapped.id).personas.includes(anais.id), 'stripped from the journey');
    await page.mouse.click(away.x, away.y);
    await page.keyboard.press('Control+Z');
    await settle(page, 200);
    ws = await doc(page);
    assert.ok(ws.personas.find((p) => p.id === anais.id), 'undo restores her');
    assert.ok(ws.journeys.find((j) => j.id === mapped.id).personas.includes(anais.id), 'and her place on the journey');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
