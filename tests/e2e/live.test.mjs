// Live co-editing through a real scripts/team-server process (Hocuspocus + Yjs, SQLite under a
// temporary DATA_DIR, a team token): two browser profiles work on one workspace. Anna shares the
// sample; Ben, on a blank workspace, is first refused with a wrong token, then joins and gets the
// sample as a new document. Anna renames a stage with mouse and keyboard and Ben sees it; Ben sees
// where Anna is. Then the server is killed: both say they are offline, both edit (a stage rename
// and a step rename, by mouse and keyboard), the server is started again on the same data and both
// converge to byte-identical exports holding both edits. Every wait is on a condition, never a
// fixed sleep. Screenshots: live-anna.png, live-ben.png, live-offline.png, live-converged.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SITE, launch, openApp, screenshot, stats, settle, click, typeAndEnter } from './lib.mjs';

const TOKEN = 'team-secret';
const dataDir = mkdtempSync(join(tmpdir(), 'waymark-team-'));
let server = null;

// Starts scripts/team-server.mjs on `port` (0: a free one) and resolves with the port it listens on.
function startTeamServer(port = 0) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'team-server.mjs'), SITE], {
      cwd: ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, TEAM_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) { server = child; resolve(Number(m[1])); }
    });
    child.stderr.on('data', (d) => { out += d; });
    child.once('exit', (code) => reject(new Error(`the team server stopped (${code}): ${out}`)));
  });
}
function killTeamServer() {
  const child = server;
  server = null;
  return new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGKILL'); });
}

after(async () => {
  if (server) await killTeamServer();
  rmSync(dataDir, { recursive: true, force: true });
});

const workspaceOf = async (page) => JSON.parse(await page.evaluate(() => window.waymark.exportJson())).workspace;
const journey = (ws, title) => ws.journeys.find((j) => j.title === title);
const team = async (page) => (await stats(page)).team;

// Polls `check` (an async function returning a truthy value when done) until it holds.
async function until(what, check, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// File › Work live with a team…, the three fields typed, Connect.
async function connect(page, { room, name, token }) {
  await click(page, 'File');
  await click(page, 'Work live with a team…');
  for (const [label, text] of [['Workspace on the server', room], ['Your name', name], ['Team token', token]]) {
    await click(page, label);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text, { delay: 5 });
  }
  await click(page, 'Connect');
}

test('live: two browsers co-edit through the team server, offline and back, and converge', async () => {
  const port = await startTeamServer();
  const url = `http://127.0.0.1:${port}/`;
  const anna = await launch({ viewport: { width: 1440, height: 900 } });
  const ben = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    const a = await openApp(anna.context, url);
    const b = await openApp(ben.context, url);
    assert.equal((await team(a.page)).state, 'off', 'no session until the user asks for one');

    // Anna shares the sample she has open, with its journey "Buying a phone plan" on screen.
    await click(a.page, 'tile Buying a phone plan');
    await until('Anna sees the journey', async () => (await stats(a.page)).view === 'journey');
    await connect(a.page, { room: 'lumen', name: 'Anna', token: TOKEN });
    await until('Anna is connected', async () => (await team(a.page)).connected);

    // Ben works on a blank workspace; a wrong token gets him nothing.
    await click(b.page, 'File');
    await click(b.page, 'New blank workspace');
    await connect(b.page, { room: 'lumen', name: 'Ben', token: 'not-the-token' });
    const refused = await until('Ben is refused', async () => { const t = await team(b.page); return t.state === 'refused' && t; });
    assert.match(refused.error, /refused the token/);
    assert.notEqual((await workspaceOf(b.page)).name, 'Lumen Mobile', 'nothing of the workspace reached Ben');

    // With the right token he joins: the shared workspace opens as a new document in his browser.
    await connect(b.page, { room: 'lumen', name: 'Ben', token: TOKEN });
    await until('Ben has joined', async () => (await team(b.page)).connected && (await workspaceOf(b.page)).name === 'Lumen Mobile');
    assert.equal((await stats(b.page)).document.origin, 'team');
    await until('both copies are the same', async () =>
      (await a.page.evaluate(() => window.waymark.exportJson())) === (await b.page.evaluate(() => window.waymark.exportJson())));

    // Presence: Ben sees Anna and the journey she has open.
    const peers = await until('Ben sees Anna', async () => { const t = await team(b.page); return t.peers.length && t.peers; });
    assert.deepEqual(peers, [{ name: 'Anna', journey: 'Buying a phone plan' }]);

    // Live: Anna renames a stage with mouse and keyboard; Ben's copy shows it.
    await click(a.page, 'stage Choose', { double: true });
    await a.page.keyboard.press('Control+A');
    await typeAndEnter(a.page, 'Pick');
    const started = Date.now();
    await until('Ben sees the renamed stage', async () =>
      journey(await workspaceOf(b.page), 'Buying a phone plan').stages[0].name === 'Pick');
    console.log(`# stage rename visible in the other browser after ${Date.now() - started} ms`);
    await click(b.page, 'tile Buying a phone plan');
    await until('Ben sees the journey', async () => (await stats(b.page)).view === 'journey');
    await screenshot(a.page, 'live-anna');
    await screenshot(b.page, 'live-ben');

    // The server dies mid-session: both say so, and both keep editing.
    await killTeamServer();
    await until('both are offline', async () => (await team(a.page)).state === 'offline' && (await team(b.page)).state === 'offline');
    await click(a.page, 'stage Order', { double: true });
    await a.page.keyboard.press('Control+A');
    await typeAndEnter(a.page, 'Buy');
    await click(b.page, 'step Orders online', { double: true });
    await b.page.keyboard.press('Control+A');
    await typeAndEnter(b.page, 'Orders on the web');
    await screenshot(b.page, 'live-offline');
    assert.equal(journey(await workspaceOf(a.page), 'Buying a phone plan').stages[1].name, 'Buy');
    assert.equal(journey(await workspaceOf(b.page), 'Buying a phone plan').stages[1].steps[0].name, 'Orders on the web');

    // Back on the same port and data: both reconnect and converge, with both edits.
    await startTeamServer(port);
    await until('both are connected again with nothing pending', async () => {
      const [ta, tb] = [await team(a.page), await team(b.page)];
      return ta.connected && tb.connected && ta.pending === 0 && tb.pending === 0;
    });
    const text = await until('both exports are byte-identical', async () => {
      const [ea, eb] = [await a.page.evaluate(() => window.waymark.exportJson()), await b.page.evaluate(() => window.waymark.exportJson())];
      return ea === eb && ea.includes('"Orders on the web"') && ea.includes('"Buy"') && ea;
    });
    const j = journey(JSON.parse(text).workspace, 'Buying a phone plan');
    assert.deepEqual(j.stages.map((s) => s.name), ['Pick', 'Buy', 'Receive']);
    assert.equal(j.stages[1].steps[0].name, 'Orders on the web');
    await settle(a.page);
    await screenshot(a.page, 'live-converged');
    // While the server was down the browser logged its failed reconnection attempts; nothing else.
    const unexpected = (errors) => errors.filter((e) => !/WebSocket connection to .* failed/.test(e));
    assert.deepEqual(unexpected(a.errors), []);
    assert.deepEqual(unexpected(b.errors), []);
  } finally {
    await anna.close();
    await ben.close();
  }
});
