// The optional team server (issue 16): ONE Node process that serves the built site and a Yjs sync
// endpoint (Hocuspocus) on the same origin, so the page's CSP keeps `connect-src 'self'`.
// Nothing here speaks a protocol of our own: Hocuspocus does sync, awareness and reconnection; the
// Database extension stores each shared workspace's Y.Doc as one Yjs update in SQLite
// (better-sqlite3) under DATA_DIR. The page's default build never talks to it: only "Work live with
// a team…" does. The wire model (one Y.Map entry per record) is in docs/design.md, "Live co-editing".
//
// Usage: node scripts/team-server.mjs [site folder]   (scripts/team-server sets up and builds first)
//   PORT (8080), HOST (127.0.0.1), DATA_DIR (./team-data), TEAM_TOKEN (unset: anyone on the network
//   who reaches the port may read and write; set it on any shared network, and put TLS in front).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Hocuspocus } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import Sqlite from 'better-sqlite3';
import * as Y from 'yjs';
import { WebSocketServer } from 'ws';
import { serve } from './static-server.mjs';

const site = resolve(process.argv[2] || 'build/web/site');
const port = Number(process.env.PORT || 8080);
const host = process.env.HOST || '127.0.0.1';
const dataDir = resolve(process.env.DATA_DIR || 'team-data');
const token = process.env.TEAM_TOKEN || '';
// Bounds on what one client may send: one message (a whole workspace's records fit easily) and
// messages per second per connection.
const MAX_MESSAGE = 16 * 1024 * 1024;
const MAX_MESSAGES_PER_SECOND = 200;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

mkdirSync(dataDir, { recursive: true });
const db = new Sqlite(join(dataDir, 'workspaces.sqlite'));
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL, updated TEXT NOT NULL)');
const load = db.prepare('SELECT data FROM documents WHERE name = ?');
const save = db.prepare(`INSERT INTO documents (name, data, updated) VALUES (?, ?, datetime('now'))
                         ON CONFLICT(name) DO UPDATE SET data = excluded.data, updated = excluded.updated`);

const hocuspocus = new Hocuspocus({
  name: 'waymark-team',
  quiet: true,
  // Store soon after a change, so a killed server loses at most the last fraction of a second
  // (clients still hold those edits and send them again when they reconnect).
  debounce: 100,
  maxDebounce: 500,
  async onAuthenticate({ token: given, documentName }) {
    if (!NAME.test(documentName)) throw new Error('not a workspace name');
    if (token && given !== token) throw new Error('wrong team token');
  },
  extensions: [new Database({
    fetch: async ({ documentName }) => load.get(documentName)?.data ?? null,
    store: async ({ documentName, state }) => { save.run(documentName, state); },
  })],
});

const server = await serve(site, port, host);
const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
server.on('upgrade', (request, socket, head) => {
  if (new URL(request.url, 'http://x').pathname !== '/sync') { socket.destroy(); return; }
  sockets.handleUpgrade(request, socket, head, (ws) => {
    // A client flooding the server is dropped; its provider reconnects and resyncs later.
    let second = 0, count = 0;
    ws.on('message', () => {
      const now = Math.floor(Date.now() / 1000);
      if (now !== second) { second = now; count = 0; }
      if (++count > MAX_MESSAGES_PER_SECOND) ws.close(1008, 'too many messages');
    });
    hocuspocus.handleConnection(ws, request);
  });
});

const stop = async () => {
  // Store what is pending before leaving (Ctrl+C, or a service manager's SIGTERM).
  for (const [name, document] of hocuspocus.documents) save.run(name, Buffer.from(Y.encodeStateAsUpdate(document)));
  db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
console.log(`Waymark team server at http://${host}:${server.address().port}/ (sync at /sync; data in ${dataDir}${token ? '; token required' : '; NO token: set TEAM_TOKEN on a shared network'})`);
