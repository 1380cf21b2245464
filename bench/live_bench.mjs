// Soak benchmark of the team server (issue 16): a real scripts/team-server.mjs process on loopback
// (temporary DATA_DIR, a token), N Node clients speaking the engine's own protocol
// (@hocuspocus/provider + yjs, the same libraries the page bundles) in one room, each writing
// record-shaped entries under its own writer key as the page does (docs/design.md "Live
// co-editing"), with random disconnects. Prints edit → visible-elsewhere latency (p50/p95/max over
// every client that saw each edit while connected), the server's resident memory, and whether all
// clients converged to the same map. Bounded in time: LIVE_BENCH_SECONDS (60), LIVE_BENCH_CLIENTS (20).
// Measures the engine and the wire model, not the app's merge (bench_merge measures that).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';

globalThis.WebSocket ??= WebSocket;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.LIVE_BENCH_SECONDS || 60);
const CLIENTS = Number(process.env.LIVE_BENCH_CLIENTS || 20);
const TOKEN = 'bench';
const dataDir = mkdtempSync(join(tmpdir(), 'waymark-live-bench-'));

const server = spawn(process.execPath, [join(ROOT, 'scripts', 'team-server.mjs'), join(ROOT, 'build', 'web', 'site')], {
  env: { ...process.env, PORT: '0', DATA_DIR: dataDir, TEAM_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'inherit'],
});
const port = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => { out += d; const m = /:(\d+)\//.exec(out); if (m) resolve(Number(m[1])); });
  server.once('exit', () => reject(new Error('the team server stopped: ' + out)));
});
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024;

const sent = new Map();   // entry key + stamp → time written
const latencies = [];
const clients = [];
for (let i = 0; i < CLIENTS; ++i) {
  const doc = new Y.Doc();
  const records = doc.getMap('records');
  const writer = (0x1000 + i).toString(16).padStart(16, '0');
  const provider = new HocuspocusProvider({ url: `ws://127.0.0.1:${port}/sync`, name: 'bench', document: doc, token: TOKEN,
    delay: 200, minDelay: 100, factor: 1.5, maxDelay: 2000 });
  records.observe((event) => {
    if (event.transaction.local) return;
    const now = performance.now();
    event.changes.keys.forEach((_change, key) => {
      const t = sent.get(key + '#' + JSON.parse(records.get(key)).stamp);
      if (t !== undefined && client.online) latencies.push(now - t);
    });
  });
  const client = { doc, records, writer, provider, counter: 0, online: true };
  // Online again once caught up: deliveries that wait for a reconnect are not latencies.
  provider.on('synced', () => { client.online = true; });
  clients.push(client);
}
await Promise.all(clients.map((c) => new Promise((r) => (c.provider.isSynced ? r() : c.provider.on('synced', r)))));

// Random edits: a card's text (one of 500 record keys) per client every ~100 ms; every ~2 s one
// client drops its connection for 0.5–3 s.
const end = performance.now() + SECONDS * 1000;
let edits = 0;
const timers = [];
for (const c of clients) {
  const edit = () => {
    if (performance.now() > end) return;
    const key = `00000000-0000-4000-8000-${String(Math.floor(Math.random() * 500)).padStart(12, '0')}/text`;
    const record = { key, kind: 'card', stamp: `${++c.counter}@${c.writer}`, value: 'text ' + Math.random().toString(36).slice(2) };
    const entry = c.writer + '/' + key;
    if (c.online) sent.set(entry + '#' + record.stamp, performance.now());
    c.records.set(entry, JSON.stringify(record));
    ++edits;
    timers.push(setTimeout(edit, 50 + Math.random() * 100));
  };
  edit();
}
const drops = setInterval(() => {
  const c = clients[Math.floor(Math.random() * clients.length)];
  if (!c.online) return;
  c.online = false;
  c.provider.disconnect();
  setTimeout(() => { c.provider.connect(); }, 500 + Math.random() * 2500);
}, 2000);
await new Promise((r) => setTimeout(r, SECONDS * 1000 + 200));
clearInterval(drops);
const peak = rss();

// Everyone back online; wait until every map is the same (or 30 s).
for (const c of clients) if (!c.online) c.provider.connect();
const snapshot = (c) => JSON.stringify([...c.records.entries()].sort());
const settleEnd = performance.now() + 30000;
let converged = false;
while (performance.now() < settleEnd) {
  const first = snapshot(clients[0]);
  if (clients.every((c) => snapshot(c) === first && !c.provider.hasUnsyncedChanges)) { converged = true; break; }
  await new Promise((r) => setTimeout(r, 200));
}
latencies.sort((a, b) => a - b);
const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] || 0;
console.log(`live bench: ${CLIENTS} clients, ${SECONDS} s, ${edits} edits, ${latencies.length} deliveries measured`);
console.log(`  edit → visible elsewhere: p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${q(1).toFixed(1)} ms`);
console.log(`  server resident memory: ${peak.toFixed(0)} MB; entries in the room: ${clients[0].records.size}`);
console.log(`  converged after reconnecting: ${converged ? 'yes' : 'NO'}`);
// A provider destroyed while its socket is still opening makes `ws` emit an error after the fact:
// that is the bench ending, not a failure.
process.on('uncaughtException', (e) => {
  if (/closed before the connection was established/.test(String(e && e.message))) return;
  console.error(e);
  process.exit(1);
});
for (const c of clients) c.provider.destroy();
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
process.exit(converged ? 0 : 1);
