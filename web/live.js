// Live co-editing (issue 16): the page's side of a team session, loaded only when the user chooses
// File › Share with team… (the default page never loads it and never talks to a server).
// Bundled with its npm dependencies by scripts/stage-web (esbuild) into the site's live.js.
//
// The engine does all the syncing: Yjs (one Y.Doc per shared workspace) over Hocuspocus (sync,
// awareness, reconnection, offline changes kept in the Y.Doc and sent on reconnect). What we keep
// in the Y.Doc (docs/design.md, "Live co-editing"):
//   records   Y.Map "<writer>/<record key>" → the record as JSON, exactly as io::records_since
//             writes it ({key, kind, stamp, value}); each writer (a session's replica id) writes only
//             its own entries, so Yjs never has to pick between two writers of one entry; and
//             "<writer>/@replicas" → {"replicas": {…}, "writer": "<16 hex>"}, the writer's version
//             vector (what it had seen when it wrote its records: a concurrent change is a conflict)
//   meta      Y.Map "workspace" → the id of the workspace this room holds (set by the first client)
// The app (C++) decides everything else: it merges what arrives with io::merge_records and tells us
// which records to write.
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';

// connect({url, room, token, writer, workspace, name, colour}, {status, entries}) → session
//   status(s)              {state: 'connecting'|'connected'|'offline'|'refused', error, pending, peers}
//   entries(head, json)    head {whole, workspace}; json = a JSON list of record objects
export function connect(options, on) {
  const doc = new Y.Doc();
  const records = doc.getMap('records');
  const meta = doc.getMap('meta');
  let state = 'connecting';
  let error = '';
  let synced = false;
  const provider = new HocuspocusProvider({
    url: options.url,
    name: options.room,
    document: doc,
    token: options.token || 'none',
    // Reconnect soon after the network or the server comes back (the engine's default waits up to
    // 30 s between attempts).
    delay: 500, minDelay: 250, factor: 1.5, maxDelay: 4000,
    onStatus: ({ status }) => {
      if (state === 'refused') return;
      state = status === 'connected' ? (synced ? 'connected' : 'connecting') : status === 'connecting' ? 'connecting' : 'offline';
      report();
    },
    onSynced: ({ state: isSynced }) => {
      if (!isSynced) return;
      state = 'connected';
      if (!synced) {
        synced = true;
        // First sync: the room is empty (we share our workspace) or holds one (we read it whole).
        if (!meta.get('workspace')) meta.set('workspace', options.workspace);
        const all = [];
        records.forEach((value) => all.push(value));
        on.entries({ whole: true, workspace: meta.get('workspace') }, '[' + all.join(',') + ']');
      }
      report();
    },
    onAuthenticationFailed: ({ reason }) => {
      state = 'refused';
      error = reason === 'permission-denied' ? 'The team server refused the token.' : 'The team server refused this session (' + reason + ').';
      report();
      provider.destroy();
    },
    onUnsyncedChanges: () => report(),
    onAwarenessChange: () => report(),
  });
  // The browser knows before the socket does: when it says the network is gone, say "offline" at
  // once and stop trying; when it is back, connect again (edits made meanwhile wait in the Y.Doc and
  // go out with the sync that follows).
  const offline = () => provider.disconnect();
  const online = () => { if (state !== 'refused') provider.connect(); };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  provider.setAwarenessField('user', { name: options.name || '', colour: options.colour || '', journey: '', journeyId: '', selection: [] });

  // What others wrote (the Y.Doc applies it, whether live or caught up after a reconnect).
  records.observe((event) => {
    if (event.transaction.local || !synced) return;
    const changed = [];
    event.changes.keys.forEach((change, key) => {
      if (change.action !== 'delete') changed.push(records.get(key));
    });
    if (changed.length) on.entries({ whole: false, workspace: meta.get('workspace') }, '[' + changed.join(',') + ']');
  });

  function peers() {
    const out = [];
    provider.awareness?.getStates().forEach((s, client) => {
      if (client !== doc.clientID && s.user) {
        const selection = Array.isArray(s.user.selection) ? s.user.selection.filter((id) => typeof id === 'string') : [];
        out.push({ name: String(s.user.name || ''), colour: String(s.user.colour || ''), journey: String(s.user.journey || ''),
                   journeyId: String(s.user.journeyId || ''), selection });
      }
    });
    return out;
  }
  function report() {
    on.status({ state, error, pending: provider.unsyncedChanges || 0, peers: peers() });
  }

  return {
    // Writes records the app gives (a records document from io::records_since) under our writer id.
    // Our version vector goes under "<writer>/@replicas" (it may know stamps no record carries).
    send(json) {
      const message = JSON.parse(json);
      const list = message.records || [];
      if (!list.length && !message.replicas) return;
      doc.transact(() => {
        for (const r of list) records.set(options.writer + '/' + r.key, JSON.stringify(r));
        if (message.replicas) records.set(options.writer + '/@replicas', JSON.stringify({ replicas: message.replicas, writer: options.writer }));
      });
      report();
    },
    // {journey, journeyId, selection}: the map this user has open and what is selected on it.
    presence({ journey = '', journeyId = '', selection = [] }) {
      provider.setAwarenessField('user', { name: options.name || '', colour: options.colour || '', journey, journeyId, selection });
    },
    close() {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      provider.destroy();
      doc.destroy();
    },
  };
}
