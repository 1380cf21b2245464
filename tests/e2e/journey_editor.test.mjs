// The journey map editor with real mouse and keyboard, from an empty document: a new journey from a
// lane template, stages and steps renamed, added and moved, cards typed (accents and CJK) by
// double-click and by Enter, a card dragged to another cell, emotion scores clicked and dragged,
// a severity by key, a block pasted from a spreadsheet, copy/paste of cards, find, a lane dragged
// into another layer, a layer collapsed, undo and redo — every result checked through exportJson().
// Screenshots of the map at two zoom levels are looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, screenshot, stats, notBlank, rect, settle, click, typeAndEnter, until } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.close(); });

const doc = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

// Press at one rectangle, move in steps (so the app sees a drag), release at another point. The press
// waits out the double-click time (ImGui's 0.30 s) first: a press where the last click was, sooner,
// is a double-click, as it is for a person (it once made the emotion drag below fail on a fast run).
async function drag(page, from, to, steps = 10) {
  await page.mouse.move(from.x, from.y);
  await settle(page, 350);
  await page.mouse.down();
  for (let k = 1; k <= steps; ++k) {
    await page.mouse.move(from.x + (to.x - from.x) * k / steps, from.y + (to.y - from.y) * k / steps);
    await settle(page, 20);
  }
  await page.mouse.up();
  await settle(page, 200);
}

// "New journey…": a macro journey under the lifecycle's Purchase stage, with the Basics lanes.
async function newJourney(page, title) {
  await click(page, 'New journey…');
  await page.keyboard.type(title, { delay: 5 });
  await click(page, 'Customer lifecycle › Purchase');
  await click(page, 'Basics');
  await click(page, 'Create journey');
  await settle(page, 400);
}

const journeyOf = (ws, title) => ws.journeys.find((j) => j.title === title);
const laneOf = (j, name) => j.lanes.find((l) => l.name === name);
const stepOf = (j, name) => j.stages.flatMap((s) => s.steps).find((s) => s.name === name);
const cardsIn = (j, lane, step) => j.cards.filter((c) => c.lane === laneOf(j, lane).id && c.step === stepOf(j, step).id);

test('journey editor: build a journey from an empty document with mouse and keyboard', async () => {
  const { context, close } = await launch({ viewport: { width: 1440, height: 1000 } });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await click(page, 'File');
    await click(page, 'New blank workspace');
    await settle(page, 300);
    assert.equal((await stats(page)).journeys, 1, 'a blank workspace: only the lifecycle');

    // A new macro journey under the lifecycle's Purchase stage, with the Basics lanes.
    await newJourney(page, 'Buying a phone in a store');
    let st = await stats(page);
    assert.equal(st.view, 'journey');
    let ws = await doc(page);
    let j = journeyOf(ws, 'Buying a phone in a store');
    assert.ok(j, 'the journey exists');
    assert.equal(j.level, 1);
    assert.deepEqual(j.stages.map((s) => s.name), ['Before', 'During', 'After']);
    assert.deepEqual(j.lanes.map((l) => l.name), ['Customer actions', 'Touchpoints', 'Thoughts & feelings', 'Pains', 'Gains',
      'Insights', 'Opportunities', 'Linked journeys']);
    assert.ok(ws.links.some((l) => l.child === j.id), 'placed under the lifecycle');
    assert.equal(st.document.undoLabel, 'New journey “Buying a phone in a store”');

    // The empty description says what goes there, until something is typed into it.
    const hint = await page.evaluate(() => window.waymark.rect('hint Journey description'));
    const field = await rect(page, 'Journey description');
    assert.ok(hint.w > 100 && hint.x >= field.x && hint.y >= field.y && hint.y + hint.h <= field.y + field.h,
      `the empty description shows its hint inside the field (${JSON.stringify(hint)} in ${JSON.stringify(field)})`);
    await click(page, 'Journey description');
    await page.keyboard.type('Walk-in purchases of a phone with a plan.');
    await settle(page, 100);
    assert.equal((await page.evaluate(() => window.waymark.rect('hint Journey description'))).ok, false, 'no hint while typing');
    await click(page, 'Fit');
    await until(page, async () => journeyOf(await doc(page), 'Buying a phone in a store').description === 'Walk-in purchases of a phone with a plan.',
      'the description kept');
    assert.equal((await page.evaluate(() => window.waymark.rect('hint Journey description'))).ok, false, 'no hint over a description');

    // Stages: rename one in place (double-click), add one, add a step to it.
    await click(page, 'stage Before', { double: true });
    await typeAndEnter(page, 'Arrivée');
    await click(page, '+ Stage');
    await typeAndEnter(page, 'Afterwards');
    await click(page, 'stage Afterwards', { button: 'right' });
    await click(page, 'Add step menu');
    await typeAndEnter(page, 'Tells a friend');
    await click(page, 'Fit');                                   // the new stage scrolled the map: see it all
    await click(page, 'step Notices a need', { double: true });
    await typeAndEnter(page, 'Walks into the store');
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.deepEqual(j.stages.map((s) => s.name), ['Arrivée', 'During', 'After', 'Afterwards']);
    assert.deepEqual(j.stages[0].steps.map((s) => s.name), ['Walks into the store', 'Looks at options']);
    assert.ok(j.stages[3].steps.some((s) => s.name === 'Tells a friend'));

    // A step dragged by its header into another stage.
    await drag(page, centre(await rect(page, 'step Looks at options')),
      { x: (await rect(page, 'step Decides')).x + 10, y: centre(await rect(page, 'step Decides')).y });
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.deepEqual(j.stages[1].steps.map((s) => s.name), ['Looks at options', 'Decides', 'Gets it done'], 'moved into During, first');
    await page.keyboard.press('Control+Z');
    await settle(page, 200);
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.deepEqual(j.stages[0].steps.map((s) => s.name), ['Walks into the store', 'Looks at options'], 'undo puts it back');
    // The same by keyboard: a selected step moves with Ctrl+Shift+Right, a lane with Ctrl+Shift+Up.
    await click(page, 'step Looks at options');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await settle(page, 200);
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.deepEqual(j.stages[1].steps.map((s) => s.name), ['Looks at options', 'Decides', 'Gets it done'], 'moved by keyboard');
    await page.keyboard.press('Control+Z');
    await click(page, 'lane Touchpoints');
    await page.keyboard.press('Control+Shift+ArrowUp');
    await settle(page, 200);
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.deepEqual(j.lanes.slice(0, 2).map((l) => l.name), ['Touchpoints', 'Customer actions'], 'lane moved by keyboard');
    await page.keyboard.press('Control+Z');
    await settle(page, 200);
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.deepEqual(j.lanes.slice(0, 2).map((l) => l.name), ['Customer actions', 'Touchpoints']);

    // Cards: double-click an empty cell and type (accents); Enter on a selected cell adds (CJK).
    await click(page, 'cell Customer actions Walks into the store', { double: true });
    await typeAndEnter(page, 'Café crème at the counter');
    await click(page, 'cell Customer actions Looks at options');
    await page.keyboard.press('Enter');
    await settle(page, 150);
    await typeAndEnter(page, '日本語のパンフレットを読む');
    await page.keyboard.press('ArrowRight');                    // the cursor moves to Decides
    await page.keyboard.press('Enter');
    await settle(page, 150);
    await typeAndEnter(page, 'Asks for the Ünlimited plan');
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.deepEqual(cardsIn(j, 'Customer actions', 'Walks into the store').map((c) => c.text), ['Café crème at the counter']);
    assert.deepEqual(cardsIn(j, 'Customer actions', 'Looks at options').map((c) => c.text), ['日本語のパンフレットを読む']);
    assert.deepEqual(cardsIn(j, 'Customer actions', 'Decides').map((c) => c.text), ['Asks for the Ünlimited plan']);

    // Edit a card in place: double-click, select all, type.
    await click(page, 'card Asks for the Ünlimited plan', { double: true });
    await page.keyboard.press('Control+A');
    await typeAndEnter(page, 'Asks for the Unlimited plan');

    // Drag a card into another cell.
    await drag(page, centre(await rect(page, 'card Café crème at the counter')), centre(await rect(page, 'cell Customer actions Gets it done')));
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.deepEqual(cardsIn(j, 'Customer actions', 'Gets it done').map((c) => c.text), ['Café crème at the counter'], 'dragged');
    assert.equal(cardsIn(j, 'Customer actions', 'Walks into the store').length, 0);
    assert.equal((await stats(page)).document.undoLabel, 'Move card to Customer actions at “Gets it done”');
    assert.ok(cardsIn(j, 'Customer actions', 'Decides').some((c) => c.text === 'Asks for the Unlimited plan'));

    // Emotion: a click near the top of the lane scores high, near the bottom low; a point dragged.
    const emo1 = await rect(page, 'cell Thoughts & feelings Walks into the store');
    await page.mouse.click(emo1.x + emo1.w / 2, emo1.y + 3);
    await settle(page, 150);
    const emo2 = await rect(page, 'cell Thoughts & feelings Decides');
    await page.mouse.click(emo2.x + emo2.w / 2, emo2.y + emo2.h - 3);
    await settle(page, 150);
    const emo3 = await rect(page, 'cell Thoughts & feelings Gets it done');
    await page.mouse.click(emo3.x + emo3.w / 2, emo3.y + emo3.h / 2);
    await settle(page, 150);
    const point = await rect(page, 'emotion Thoughts & feelings Gets it done');
    await drag(page, centre(point), { x: centre(point).x, y: emo3.y + 3 }, 6);
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    const emotionLane = laneOf(j, 'Thoughts & feelings').id;
    const score = (step) => j.emotions.find((e) => e.lane === emotionLane && e.step === stepOf(j, step).id)?.score;
    assert.equal(score('Walks into the store'), 3);
    assert.equal(score('Decides'), -3);
    assert.equal(score('Gets it done'), 3, 'dragged from 0 to the top');
    // Keyboard: the cell cursor is on "Gets it done"; minus lowers the score by one.
    await page.keyboard.press('Minus');
    await settle(page, 150);
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.equal(score('Gets it done'), 2);

    // A pain with a severity typed as a key.
    await click(page, 'cell Pains Decides', { double: true });
    await typeAndEnter(page, 'The queue is too long');
    await click(page, 'card The queue is too long');
    await page.keyboard.press('4');
    await settle(page, 150);
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.equal(cardsIn(j, 'Pains', 'Decides')[0].severity, 4);

    // A block from a spreadsheet: two rows × two columns onto Gains / Insights at "Walks into the store".
    await click(page, 'cell Gains Walks into the store');
    await page.evaluate(() => navigator.clipboard.writeText('Friendly staff\tFree coffee\r\n"Quote ""wow"""\t\r\n'));
    await page.keyboard.press('Control+V');
    await settle(page, 300);
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.deepEqual(cardsIn(j, 'Gains', 'Walks into the store').map((c) => c.text), ['Friendly staff']);
    assert.deepEqual(cardsIn(j, 'Gains', 'Looks at options').map((c) => c.text), ['Free coffee']);
    assert.deepEqual(cardsIn(j, 'Insights', 'Walks into the store').map((c) => c.text), ['Quote "wow"']);
    assert.equal((await stats(page)).document.undoLabel, 'Paste 3 cards');

    // Copy a card and paste it into another cell: the copy keeps its severity.
    await click(page, 'card The queue is too long');
    await page.keyboard.press('Control+C');
    await settle(page, 100);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'The queue is too long');
    await click(page, 'cell Pains Gets it done');
    await page.keyboard.press('Control+V');
    await settle(page, 300);
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    const copy = cardsIn(j, 'Pains', 'Gets it done');
    assert.equal(copy.length, 1);
    assert.equal(copy[0].severity, 4, 'our own copy pastes back whole');

    // Multi-select with Ctrl+click, then Delete; undo brings both back.
    await click(page, 'card Friendly staff');
    await page.keyboard.down('Control');
    await click(page, 'card Free coffee');
    await page.keyboard.up('Control');
    assert.equal((await stats(page)).map.selectedCards, 2);
    await page.keyboard.press('Delete');
    await settle(page, 200);
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.equal(cardsIn(j, 'Gains', 'Walks into the store').length + cardsIn(j, 'Gains', 'Looks at options').length, 0);
    await page.keyboard.press('Control+Z');
    await settle(page, 200);
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.equal(cardsIn(j, 'Gains', 'Walks into the store').length + cardsIn(j, 'Gains', 'Looks at options').length, 2);

    // A lane dragged by its label into the other layer (Gains above Customer actions, layer Experience).
    await drag(page, centre(await rect(page, 'lane Gains')),
      { x: centre(await rect(page, 'lane Customer actions')).x, y: (await rect(page, 'lane Customer actions')).y + 6 });
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.equal(j.lanes[0].name, 'Gains');
    assert.equal(j.lanes[0].layer, 'Experience', 'it joined the layer it was dropped in');

    // Find: Ctrl+F, type, the matches are counted; Escape closes.
    await page.mouse.click(centre(await rect(page, 'cell Pains Walks into the store')).x, centre(await rect(page, 'cell Pains Walks into the store')).y);
    await page.keyboard.press('Control+F');
    await settle(page, 150);
    await page.keyboard.type('crème', { delay: 5 });
    await settle(page, 200);
    st = await stats(page);
    assert.equal(st.map.findOpen, true);
    assert.equal(st.map.findMatches, 1);
    await screenshot(page, 'journey-editor-find');
    await page.keyboard.press('Escape');
    await settle(page, 150);

    // Screenshots at two zoom levels, looked at: 100 % and zoomed out with Ctrl+wheel.
    await click(page, 'Zoom 100%');
    assert.equal((await stats(page)).map.zoom, 1);
    await screenshot(page, 'journey-editor-100');
    let px = await notBlank(page);
    assert.ok(px.colours > 40 && px.differing > px.sampled * 0.05, 'the map is drawn at 100 %');
    const body = await rect(page, 'cell Pains Decides');
    await page.mouse.move(body.x, body.y);
    await page.keyboard.down('Control');
    for (let k = 0; k < 4; ++k) { await page.mouse.wheel(0, 120); await settle(page, 40); }
    await page.keyboard.up('Control');
    await settle(page, 200);
    const zoomed = (await stats(page)).map.zoom;
    assert.ok(zoomed < 0.6, `zoomed out (${zoomed})`);
    await screenshot(page, 'journey-editor-zoomed-out');
    px = await notBlank(page);
    assert.ok(px.colours > 20 && px.differing > px.sampled * 0.05, 'the map is drawn zoomed out');

    // Collapse a layer with a click on its header; undo expands it.
    await click(page, 'layer Analysis');
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.ok(j.lanes.filter((l) => l.layer === 'Analysis').every((l) => l.collapsed));
    await screenshot(page, 'journey-editor-collapsed');

    // Undo everything back to the new journey, then redo all: the same workspace, byte for byte.
    const full = await page.evaluate(() => window.waymark.exportJson());
    for (let n = 0; n < 60 && (await stats(page)).document.undoLabel !== 'New journey “Buying a phone in a store”'; ++n) {
      await page.keyboard.press('Control+Z');
      await settle(page, 60);
    }
    j = journeyOf(await doc(page), 'Buying a phone in a store');
    assert.equal(j.cards.length, 0, 'undone back to the empty journey');
    for (let n = 0; n < 60 && (await stats(page)).document.canRedo; ++n) {
      await page.keyboard.press('Control+Shift+Z');
      await settle(page, 60);
    }
    // The workspace byte for byte; the merge history beside it rightly differs (exporting the undone
    // state above stamped those deletions, and redo stamped the edits again).
    const workspaceText = (text) => JSON.stringify(JSON.parse(text).workspace);
    assert.equal(workspaceText(await page.evaluate(() => window.waymark.exportJson())), workspaceText(full), 'redo restores every edit');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

// A tap (touch, or a click the pointer was not hovering before: the press comes with its move) on a
// cell selects it and takes the keys to the map, wherever they were: Enter then starts a card there.
// The keys were in the details beside the map; ImGui gives an overlapping item like the map's canvas
// its hover only a frame late, so the platform holds such a press for a frame (touch.test.mjs).
test('journey editor: a tap on a cell, then Enter, starts a card there even when the keys were in the details', async () => {
  const { context, close } = await launch({ viewport: { width: 1440, height: 1000 }, hasTouch: true });
  try {
    const { page, errors } = await openApp(context, srv.url);
    await click(page, 'File');
    await click(page, 'New blank workspace');
    await newJourney(page, 'Tapping through a store');

    // Select an empty cell, then click the empty part of the details beside the map: the keys are there.
    const keysToDetails = async () => {
      await click(page, 'cell Customer actions Notices a need');
      const add = await rect(page, 'Add card here');
      await page.mouse.move(add.x + 4, add.y + add.h + 90);
      await settle(page, 50);
      await page.mouse.click(add.x + 4, add.y + add.h + 90);
      await settle(page, 50);
    };
    for (const [n, step] of [[1, 'Looks at options'], [2, 'Decides']]) {
      await keysToDetails();
      const target = centre(await rect(page, `cell Customer actions ${step}`));
      await page.touchscreen.tap(target.x, target.y);
      await settle(page, 100);
      await page.keyboard.press('Enter');
      await settle(page, 150);
      await typeAndEnter(page, `Tapped card ${n}`);
      const j = journeyOf(await doc(page), 'Tapping through a store');
      assert.deepEqual(cardsIn(j, 'Customer actions', step).map((c) => c.text), [`Tapped card ${n}`], `the tap's cell (${step}) got the card`);
    }
    // A quick right-click from the details (the press comes with its move) opens the cell's menu.
    await keysToDetails();
    const gets = centre(await rect(page, 'cell Customer actions Gets it done'));
    await page.mouse.click(gets.x, gets.y, { button: 'right' });
    await settle(page, 100);
    await click(page, 'Add card here menu');
    await typeAndEnter(page, 'From the menu');
    const j = journeyOf(await doc(page), 'Tapping through a store');
    assert.deepEqual(cardsIn(j, 'Customer actions', 'Gets it done').map((c) => c.text), ['From the menu']);
    await screenshot(page, 'journey-tap-enter');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
