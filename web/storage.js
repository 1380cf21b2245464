// Waymark document storage: our own thin IndexedDB layer (not IDBFS, which keeps the whole file
// system in memory and is not atomic per document).
//
// Database "waymark" (version 1):
//   docs       {id, name, modified, size, journeys, cards, head, format, deleted,
//               snapshots: [{key, time, label, size}] (oldest first, what history() lists)}  — one per document
//   snapshots  {key (auto), doc, time, label, size, bytes}  (index "doc")            — last 50 per doc
//   meta       {k, v}                                                                — "last" open doc
// Each save is ONE transaction: add the snapshot, move the document's head, drop snapshots beyond
// the newest 50. Snapshot bytes carry their own checksum (verified by the app on open).
//
// Two tabs: one writer per document through Web Locks ("waymark-doc-<id>"); a tab that cannot get
// the lock is a reader and follows the writer's saves through BroadcastChannel("waymark").
'use strict';
(function () {
  const KEEP = 50;
  let dbPromise = null;
  let broken = null;  // why storage cannot be used at all (private mode, blocked), once known

  function request(req) {
    return new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  function done(tx) {
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new DOMException('The save was cancelled.', 'AbortError'));
    });
  }

  function open() {
    if (dbPromise) return dbPromise;
    dbPromise = new Promise((resolve, reject) => {
      if (!self.indexedDB) { reject(new DOMException('This browser offers no IndexedDB storage.', 'NotSupportedError')); return; }
      let req;
      try { req = indexedDB.open('waymark', 1); } catch (err) { reject(err); return; }
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('docs', { keyPath: 'id' });
        db.createObjectStore('snapshots', { keyPath: 'key', autoIncrement: true }).createIndex('doc', 'doc');
        db.createObjectStore('meta', { keyPath: 'k' });
      };
      req.onsuccess = () => {
        const db = req.result;
        // A lost connection (browser closed it, or a newer version wants to upgrade) is reopened on
        // the next call.
        db.onclose = () => { dbPromise = null; };
        db.onversionchange = () => { db.close(); dbPromise = null; };
        resolve(db);
      };
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new DOMException('Another Waymark tab is upgrading the storage; close other tabs and reload.', 'InvalidStateError'));
    }).catch((err) => { dbPromise = null; broken = err; throw err; });
    return dbPromise;
  }

  // Runs fn(db) once; on a closed connection (InvalidStateError) reopens and retries once.
  async function withDb(fn) {
    try {
      return await fn(await open());
    } catch (err) {
      if (err && err.name === 'InvalidStateError' && dbPromise === null) return fn(await open());
      if (err && err.name === 'InvalidStateError') { dbPromise = null; return fn(await open()); }
      throw err;
    }
  }

  // What this tab knows of each document record (from list, open and its own saves): a save writes
  // the record without reading it first, see save().
  const known = new Map();
  let seq = 0;

  async function list() {
    const docs = await withDb(async (db) => request(db.transaction('docs').objectStore('docs').getAll()));
    for (const d of docs) known.set(d.id, d);
    return docs;
  }

  async function getDoc(id) {
    const doc = await withDb(async (db) => request(db.transaction('docs').objectStore('docs').get(id)));
    if (doc) known.set(id, doc);
    return doc;
  }

  // meta: {doc, name, journeys, cards, label, format}; bytes: Uint8Array snapshot.
  // Every request of the save is issued synchronously, in one transaction that is committed at once:
  // a save started as the page closes (pagehide) completes even though no callback of this page
  // will run again. That is why the snapshot key is chosen here (time-based) rather than generated,
  // and why the document record is written from what this tab knows instead of being read first.
  // (Another tab cannot have changed it meanwhile: only the writer tab, holding the lock, saves.)
  async function save(meta, bytes) {
    return withDb(async (db) => {
      const prior = known.get(meta.doc);
      if (prior && prior.format > meta.format)
        throw new DOMException(`This document was saved by a newer Waymark (format ${prior.format}); this one (format ${meta.format}) will not overwrite it.`, 'VersionError');
      const time = Date.now();
      const key = time * 1000 + (seq++ % 1000);
      const tx = db.transaction(['docs', 'snapshots'], 'readwrite');
      const finished = done(tx);
      const label = meta.label || '';
      tx.objectStore('snapshots').put({ key, doc: meta.doc, time, label, size: bytes.length, bytes });
      const snapshots = ((prior && prior.snapshots) || []).concat([{ key, time, label, size: bytes.length }]).slice(-KEEP);
      const record = { id: meta.doc, name: meta.name, modified: time, size: bytes.length, journeys: meta.journeys, cards: meta.cards,
                       head: key, format: meta.format, deleted: prior ? !!prior.deleted : false, created: prior ? prior.created || time : time,
                       replica: meta.replica || '', clock: meta.clock || 0,
                       snapshots };
      tx.objectStore('docs').put(record);
      if (tx.commit) tx.commit();
      await finished;
      known.set(meta.doc, record);
      prune(db, meta.doc);
      return { key, time };
    });
  }

  // Drops snapshots beyond the newest KEEP (a separate, best-effort transaction).
  function prune(db, id) {
    try {
      const tx = db.transaction('snapshots', 'readwrite');
      const req = tx.objectStore('snapshots').index('doc').getAllKeys(IDBKeyRange.only(id));
      req.onsuccess = () => {
        const keys = req.result.sort((a, b) => a - b);
        for (const old of keys.slice(0, Math.max(0, keys.length - KEEP))) tx.objectStore('snapshots').delete(old);
      };
    } catch { /* the next save prunes */ }
  }

  // The snapshots of a document, newest first, without their bytes. The keys come from the index
  // (keys only) and what is known of each from the document record, which save() keeps: reading the
  // snapshots themselves brought every one of them into the page after each save — 50 copies of a
  // document of 100,000 insights is a gigabyte, seconds of blocked page. Snapshots saved before the
  // record kept that list are read, once each time, until newer saves have replaced them.
  async function history(id) {
    return withDb(async (db) => {
      const tx = db.transaction(['docs', 'snapshots']);
      const [doc, keys] = await Promise.all([request(tx.objectStore('docs').get(id)),
                                             request(tx.objectStore('snapshots').index('doc').getAllKeys(IDBKeyRange.only(id)))]);
      const listed = new Map(((doc && doc.snapshots) || []).map((s) => [s.key, s]));
      const unlisted = keys.filter((key) => !listed.has(key));
      if (unlisted.length) {
        const store = db.transaction('snapshots').objectStore('snapshots');
        for (const s of await Promise.all(unlisted.map((key) => request(store.get(key))))) if (s) listed.set(s.key, s);
      }
      return keys.filter((key) => listed.has(key)).map((key) => {
        const s = listed.get(key);
        return { key: s.key, time: s.time, label: s.label, size: s.size };
      }).sort((a, b) => b.key - a.key);
    });
  }

  async function snapshot(key) {
    return withDb(async (db) => request(db.transaction('snapshots').objectStore('snapshots').get(key)));
  }

  async function update(id, changes) {
    return withDb(async (db) => {
      const tx = db.transaction('docs', 'readwrite');
      const finished = done(tx);
      const doc = await request(tx.objectStore('docs').get(id));
      if (!doc) throw new DOMException('That document no longer exists.', 'NotFoundError');
      tx.objectStore('docs').put(Object.assign(doc, changes));
      await finished;
      known.set(id, doc);
      return doc;
    });
  }

  async function purge(id) {
    return withDb(async (db) => {
      const tx = db.transaction(['docs', 'snapshots'], 'readwrite');
      const finished = done(tx);
      const keys = await request(tx.objectStore('snapshots').index('doc').getAllKeys(IDBKeyRange.only(id)));
      for (const key of keys) tx.objectStore('snapshots').delete(key);
      tx.objectStore('docs').delete(id);
      await finished;
    });
  }

  async function getMeta(k) {
    return withDb(async (db) => {
      const row = await request(db.transaction('meta').objectStore('meta').get(k));
      return row ? row.v : null;
    });
  }
  async function setMeta(k, v) {
    return withDb(async (db) => {
      const tx = db.transaction('meta', 'readwrite');
      const finished = done(tx);
      tx.objectStore('meta').put({ k, v });
      await finished;
    });
  }

  // ---- one writer per document ------------------------------------------------------------------
  const held = new Map();      // doc id → releases the lock this tab holds
  const waiting = new Set();   // doc ids this tab is queued for
  let onWriterChange = () => {};
  const lockName = (id) => `waymark-doc-${id}`;
  // Resolves true if this tab is the writer now. Otherwise resolves false and queues: when the writer
  // tab goes away, this tab takes over and onWriterChange(id, true) is called.
  function acquire(id) {
    if (!navigator.locks) return Promise.resolve(true);  // no Web Locks: assume a single tab
    if (held.has(id)) return Promise.resolve(true);
    return new Promise((resolve) => {
      navigator.locks.request(lockName(id), { ifAvailable: true }, (lock) => {
        if (!lock) { resolve(false); queue(id); return undefined; }
        resolve(true);
        return new Promise((release) => held.set(id, release));
      });
    });
  }
  function queue(id) {
    waiting.add(id);
    navigator.locks.request(lockName(id), (lock) => {
      if (!waiting.has(id)) return undefined;  // this tab moved on: give the lock straight back
      waiting.delete(id);
      onWriterChange(id, true);
      return new Promise((release) => held.set(id, release));
    });
  }
  function release(id) {
    waiting.delete(id);
    const r = held.get(id);
    if (r) { held.delete(id); r(); }
  }

  // ---- tabs follow each other's saves ------------------------------------------------------------
  const channel = self.BroadcastChannel ? new BroadcastChannel('waymark') : null;
  let onRemoteSave = () => {};
  if (channel) channel.onmessage = (e) => { if (e.data && e.data.type === 'saved') onRemoteSave(e.data); };
  function announce(doc, key) { if (channel) channel.postMessage({ type: 'saved', doc, key }); }

  async function persist() {
    if (!navigator.storage || !navigator.storage.persist) return 'unsupported';
    try {
      if (await navigator.storage.persisted()) return 'persistent';
      return (await navigator.storage.persist()) ? 'persistent' : 'best-effort';
    } catch { return 'best-effort'; }
  }

  self.WaymarkStorage = {
    list, getDoc, save, history, snapshot, update, purge, getMeta, setMeta, acquire, release, announce, persist,
    set onWriterChange(fn) { onWriterChange = fn; },
    set onRemoteSave(fn) { onRemoteSave = fn; },
    get broken() { return broken; },
  };
})();
