// The app for screen readers and keyboards (issue 19): a hidden, structured DOM beside the canvas,
// built from what the app describes (src/ui/map/mirror.hpp), not from its widgets. The app sends a
// description only when the document, the view, the map's selection or its editing changed, and this
// file patches the DOM row by row: nothing happens while idle.
//
// The journey map is a grid (a table with role="grid": lanes down as row headers, "stage › step"
// across as column headers, each cell listing its cards, or each persona's emotion score in words).
// Focus and the map's selection follow each other: moving focus to a cell selects it on the canvas
// (the app's cell cursor), and when the app's cursor moves while the grid has focus, focus follows.
// Arrow keys, Home/End and Ctrl+Home/End move between cells; Enter or Space does what Enter on the
// canvas does (a new card, typed in the page's real text field, after which focus comes back to the
// cell); F2 goes inside a cell to walk, select and edit its cards; Escape returns to the canvas;
// other keys (Ctrl+Z, Ctrl+K, …) go to the app. F6 on the canvas
// comes here. The framework is a treegrid: lifecycle stages, the journeys under them and their
// children, each row focusable; Enter opens a journey, Right/Left unfold and fold it, and the tile
// under focus is outlined on the canvas. The maturity scan is its result and a form of radio
// groups. The backlog (in rank order, with each opportunity's "why #N" sentences), insights,
// personas, the documents and compare are pages of headings, buttons and tables whose rows carry
// buttons and a text field (src/ui/kit/mirror_page.hpp); a button may answer with a form, shown as
// a modal dialog (src/ui/kit/mirror_form.hpp: scores, a persona's, insight's, opportunity's or
// card's fields; menu entries' dialogs such as the KPIs, export picture and merge report). Before
// the view, the app's menus as a menubar; F6 cycles canvas → view → menus → canvas.
//
// [SECTION] index: building (grid, treegrid, scan) · the menus · pages (and their forms, the
// dialogs) · cards inside a cell · keyboard and focus.
(function () {
  'use strict';

  // root: an element to fill; hooks: {message(name, value), key(event, down), leave()}.
  function create(root, hooks) {
    let view = '';
    let journey = '';
    let columnsKey = '';
    let columnList = null;     // the map's columns as last sent whole
    let rowKeys = [];          // per row: the JSON it was built from
    let table = null;
    let body = null;
    let treeBody = null;       // the framework treegrid's rows
    let active = null;         // the cell with tabindex 0
    let marked = new Set();    // the cells marked aria-selected="true"
    let returnTo = null;       // {lane, step}: focus comes back here after an edit started in the grid
    let pending = null;        // that edit ended: the cell to focus when the text field is let go
    let quiet = false;         // focus moved by us: the app already knows

    const el = (tag, props = {}, children = []) => {
      const e = document.createElement(tag);
      for (const [k, v] of Object.entries(props)) {
        if (k === 'text') e.textContent = v;
        else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role' || k === 'scope' || k === 'tabindex' || k === 'id') e.setAttribute(k, v);
        else e[k] = v;
      }
      for (const c of children) e.append(c);
      return e;
    };
    const owns = (node) => !!node && root.contains(node);
    // The page's own structure: the menus (a menubar), then the open view.
    const menusHost = el('nav', { 'aria-label': 'Menus' });
    const viewHost = el('div');
    root.replaceChildren(menusHost, viewHost);
    const cellAt = (lane, step) => (body ? body.querySelector(`td[data-lane="${lane}"][data-step="${step}"]`) : null);

    function focusCell(td) {
      if (!td) return;
      setActive(td);
      quiet = true;
      td.focus({ preventScroll: true });
      quiet = false;
    }
    function setActive(td) {
      if (active === td) return;
      if (active) active.tabIndex = -1;
      active = td;
      if (td) td.tabIndex = 0;
    }

    // [SECTION] building --------------------------------------------------------------------------
    function itemText(item) {
      const what = { insight: 'Insight', opportunity: 'Opportunity', metric: 'KPI', journey: 'Child journey' }[item.kind];
      return what ? `${what}: ${item.text}` : item.text;
    }
    function buildRow(row, columns) {
      const header = el('th', { scope: 'row', text: row.name + (row.layer ? ` (${row.layer})` : '') + (row.collapsed ? ', collapsed' : '') });
      const tr = el('tr', { 'data-lane': row.lane }, [header]);
      row.cells.forEach((items, c) => {
        const td = el('td', { tabindex: '-1', 'aria-selected': 'false', 'data-lane': row.lane, 'data-step': columns[c].step });
        if (items.length === 1) td.textContent = itemText(items[0]);
        else if (items.length > 1) td.append(el('ul', {}, items.map((it) => el('li', { text: itemText(it) }))));
        tr.append(td);
      });
      return tr;
    }
    function buildTable(m) {
      const head = el('tr', {}, [el('td')]);
      for (const c of m.columns) head.append(el('th', { scope: 'col', text: `${c.stage} › ${c.name}` }));
      body = el('tbody');
      m.rows.forEach((r) => body.append(buildRow(r, m.columns)));
      table = el('table', { role: 'grid', 'aria-labelledby': 'mirror-title', 'aria-describedby': 'mirror-help' }, [el('thead', {}, [head]), body]);
      table.addEventListener('keydown', onKeyDown);
      table.addEventListener('keyup', (e) => { if (!NAV.has(e.key)) hooks.key(e, false); });
      table.addEventListener('focusin', onFocusIn);
      rowKeys = m.rows.map((r) => JSON.stringify(r));
      return table;
    }
    // A map: the whole of it, or (m.delta) only the rows that changed since the last message, which
    // needs the same map here — false when it is not (the app then sends the whole map).
    function showJourney(m) {
      if (m.delta && !(table && view === 'journey' && journey === m.journey && columnList)) return false;
      const columns = m.delta ? columnsKey : JSON.stringify(m.columns);
      const sameRows = !m.delta && table && view === 'journey' && journey === m.journey && columnsKey === columns && rowKeys.length === m.rows.length &&
        m.rows.every((r, i) => body.children[i] && body.children[i].dataset.lane === r.lane);
      const hadFocus = owns(document.activeElement);
      const focused = hadFocus && document.activeElement.dataset ? { lane: document.activeElement.dataset.lane, step: document.activeElement.dataset.step } : null;
      if (m.delta) {
        for (const [i, r] of m.changed) {
          if (!body.children[i]) return false;
          rowKeys[i] = JSON.stringify(r);
          body.replaceChild(buildRow(r, columnList), body.children[i]);
        }
        document.getElementById('mirror-title').textContent = `Journey map: ${m.title}`;
      } else if (sameRows) {
        // Only the rows that changed are made again.
        m.rows.forEach((r, i) => {
          const key = JSON.stringify(r);
          if (key === rowKeys[i]) return;
          rowKeys[i] = key;
          body.replaceChild(buildRow(r, m.columns), body.children[i]);
        });
        document.getElementById('mirror-title').textContent = `Journey map: ${m.title}`;
      } else {
        treeBody = null;
        viewHost.replaceChildren(el('main', { 'aria-labelledby': 'mirror-title' }, [
          el('h1', { id: 'mirror-title', text: `Journey map: ${m.title}` }),
          el('p', { id: 'mirror-help', text: 'Lanes down, steps across. Arrow keys move between cells, Enter adds a card to the cell, Escape goes back to the canvas.' }),
          buildTable(m),
        ]));
      }
      view = 'journey';
      journey = m.journey;
      columnsKey = columns;
      if (!m.delta) columnList = m.columns;
      // Selection: the cells that hold selected cards, and the cursor. Only the cells whose state
      // changes are touched (a map has thousands: setting every one made the browser restyle them
      // all on each move of the selection).
      const now = new Set();
      const cursor = m.cursor.lane && m.cursor.step ? cellAt(m.cursor.lane, m.cursor.step) : null;
      if (cursor) now.add(cursor);
      for (const [lane, step] of m.selectedCells) { const td = cellAt(lane, step); if (td) now.add(td); }
      for (const td of marked) if (!now.has(td) && td.isConnected) td.setAttribute('aria-selected', 'false');
      for (const td of now) if (td.getAttribute('aria-selected') !== 'true') td.setAttribute('aria-selected', 'true');
      marked = now;
      const inTable = (td) => td && body.contains(td);
      if (returnTo && !m.editing) {
        // An edit started here has ended: focus goes back to its cell (the new card is read with it)
        // once the page lets go of its text field (resume(), from app.js).
        pending = returnTo;
        returnTo = null;
      }
      if (hadFocus && cursor && (!focused || focused.lane !== m.cursor.lane || focused.step !== m.cursor.step)) focusCell(cursor);
      else if (hadFocus && focused && !owns(document.activeElement)) focusCell(cellAt(focused.lane, focused.step));
      if (!inTable(active)) setActive(cursor || body.querySelector('td'));
      else if (!hadFocus && cursor) setActive(cursor);
      return true;
    }
    // The framework: a treegrid, one row per lifecycle stage and per journey (aria-level: its depth;
    // aria-expanded where it has children). Rows are the focus stops (roving tabindex): Up/Down move,
    // Right unfolds or goes to the first child, Left folds or goes to the parent, Enter opens the
    // journey (a stage: its details). Focus and the canvas's outlined tile follow each other.
    function buildTreeRow(r) {
      const tr = el('tr', { role: 'row', tabindex: '-1', 'data-id': r.id, 'data-kind': r.kind, 'aria-level': String(r.depth) });
      if (r.expanded !== null) tr.setAttribute('aria-expanded', String(r.expanded));
      r.cells.forEach((c, n) => tr.append(el(n === 0 ? 'th' : 'td', n === 0 ? { role: 'rowheader', text: c } : { role: 'gridcell', text: c })));
      return tr;
    }
    function showTree(m) {
      const t = m.tree;
      const hadFocus = owns(document.activeElement);
      const focusedId = hadFocus && document.activeElement.dataset ? document.activeElement.dataset.id : null;
      const key = m.view + JSON.stringify(t.columns);
      if (view !== m.view || !treeBody || columnsKey !== key) {
        treeBody = el('tbody');
        const head = el('tr', { role: 'row' }, t.columns.map((c) => el('th', { role: 'columnheader', scope: 'col', text: c })));
        const grid = el('table', { role: 'treegrid', 'aria-labelledby': 'mirror-title', 'aria-describedby': 'mirror-help' }, [el('thead', {}, [head]), treeBody]);
        grid.addEventListener('keydown', onTreeKey);
        grid.addEventListener('keyup', (e) => { if (!TREE_NAV.has(e.key)) hooks.key(e, false); });
        grid.addEventListener('focusin', onTreeFocus);
        viewHost.replaceChildren(el('main', { 'aria-labelledby': 'mirror-title' }, [
          el('h1', { id: 'mirror-title', text: m.title }),
          el('p', { id: 'mirror-help', text: t.caption + '. Up and Down move between rows, Right unfolds a journey, Left folds it, Enter opens it; Ctrl+X on a journey and Ctrl+V on a stage or another journey moves it there; Escape goes back to the canvas.' }),
          grid,
        ]));
        rowKeys = [];
        columnsKey = key;
      }
      view = m.view;
      table = body = null;
      // Rows patched by position: only those whose text changed are made again.
      t.rows.forEach((r, i) => {
        const k = JSON.stringify(r);
        if (rowKeys[i] === k) return;
        rowKeys[i] = k;
        const tr = buildTreeRow(r);
        if (treeBody.children[i]) treeBody.replaceChild(tr, treeBody.children[i]); else treeBody.append(tr);
      });
      while (treeBody.children.length > t.rows.length) treeBody.lastChild.remove();
      rowKeys.length = t.rows.length;
      const rowOf = (id) => (id ? treeBody.querySelector(`tr[data-id="${id}"]`) : null);
      const target = rowOf(m.focus) || rowOf(focusedId);
      if (hadFocus && target && document.activeElement !== target) focusCell(target);
      else if (hadFocus && !owns(document.activeElement)) focusCell(treeBody.firstElementChild);
      if (!active || !treeBody.contains(active)) setActive(target || treeBody.firstElementChild);
    }
    const TREE_NAV = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', ' ', 'Escape', 'Tab']);
    // Moving a journey without a mouse, as a file manager moves files: Ctrl+X on its row, then
    // Ctrl+V on a lifecycle stage (it hangs there at once) or on a journey (a dialog asks at which
    // of its stages or steps, each checked by the model; refused places say why).
    let cut = null;            // {id, title}: the journey cut, waiting for Ctrl+V
    const say = (text) => {
      const region = document.getElementById('announcer');
      if (region) region.textContent = region.textContent === text ? text + '\u00a0' : text;
    };
    const rowTitle = (tr) => tr.querySelector('th').textContent;
    function onMoveKey(e, tr) {
      const key = e.key.toLowerCase();
      if (!(e.ctrlKey || e.metaKey) || e.altKey || (key !== 'x' && key !== 'v')) return false;
      e.preventDefault();
      if (key === 'x') {
        if (tr.dataset.kind !== 'journey') { say('Only a journey can be moved.'); return true; }
        cut = { id: tr.dataset.id, title: rowTitle(tr) };
        say(`Cut “${cut.title}”: go to a lifecycle stage or a journey and press Ctrl+V to hang it there; Escape keeps it where it is.`);
        return true;
      }
      if (!cut) { say('Nothing is cut: press Ctrl+X on a journey first.'); return true; }
      if (tr.dataset.kind === 'stage') {
        if (hooks.message('mirrorRow', { view, id: tr.dataset.id, action: 'move', child: cut.id }).ok) cut = null;
      } else if (tr.dataset.kind === 'journey') {
        const r = hooks.message('mirrorRow', { view, id: tr.dataset.id, action: 'places', child: cut.id });
        if (r.ok) choosePlace(tr, r); else say(`Not here: ${r.error}.`);
      } else {
        say('A journey hangs under a lifecycle stage or under another journey.');
      }
      return true;
    }
    // The dialog of places under a journey: a real modal <dialog> over the canvas (so sighted
    // keyboard users see it too), focus kept inside, Escape or Cancel closes it, focus comes back.
    function choosePlace(tr, reply) {
      const parent = tr.dataset.id, child = cut.id;
      const dialog = el('dialog', { className: 'wm-dialog', 'aria-labelledby': 'wm-places-title' });
      const list = el('ul');
      let first = null;
      reply.places.forEach((p, n) => {
        const button = el('button', { type: 'button', text: p.label });
        const li = el('li', { className: p.step ? 'step' : '' }, [button]);
        if (p.refused) {
          const why = el('span', { id: `wm-place-why-${n}`, className: 'why', text: p.refused });
          button.setAttribute('aria-disabled', 'true');
          button.setAttribute('aria-describedby', why.id);
          li.append(why);
          button.addEventListener('click', () => say(p.refused));
        } else {
          first = first || button;
          button.addEventListener('click', () => {
            dialog.close();
            if (hooks.message('mirrorRow', { view, id: parent, action: 'move', child, stage: p.stage, step: p.step }).ok) cut = null;
          });
        }
        list.append(li);
      });
      const cancel = el('button', { type: 'button', text: 'Cancel' });
      cancel.addEventListener('click', () => dialog.close());
      dialog.append(el('h2', { id: 'wm-places-title', text: reply.title }), list, el('p', {}, [cancel]));
      dialog.addEventListener('close', () => {
        dialog.remove();
        const back = treeBody && (treeBody.querySelector(`tr[data-id="${cut ? parent : child}"]`) || active);
        if (back) focusCell(back);
      });
      document.body.append(dialog);
      dialog.showModal();
      (first || cancel).focus();
    }
    function onTreeKey(e) {
      const tr = e.target.closest && e.target.closest('tr[data-id]');
      if (!tr || !treeBody || !treeBody.contains(tr)) return;
      if (onMoveKey(e, tr)) return;
      if (!TREE_NAV.has(e.key)) { hooks.key(e, true); return; }
      if (e.key === 'Tab') return;
      e.preventDefault();
      if (e.key === 'Escape' && cut) { say(`“${cut.title}” stays where it is.`); cut = null; return; }
      if (e.key === 'Escape') { hooks.leave(); return; }
      const rows = [...treeBody.children];
      const i = rows.indexOf(tr);
      const level = Number(tr.getAttribute('aria-level'));
      const expanded = tr.getAttribute('aria-expanded');
      const send = (action) => { if (tr.dataset.kind !== 'unplaced') hooks.message('mirrorRow', { view, id: tr.dataset.id, action }); };
      let next = null;
      if (e.key === 'Enter' || e.key === ' ') { send('activate'); return; }
      if (e.key === 'ArrowDown') next = rows[i + 1];
      else if (e.key === 'ArrowUp') next = rows[i - 1];
      else if (e.key === 'Home') next = rows[0];
      else if (e.key === 'End') next = rows[rows.length - 1];
      else if (e.key === 'ArrowRight') {
        if (expanded === 'false' && tr.dataset.kind === 'journey') { send('expand'); return; }
        if (expanded === 'true' && rows[i + 1] && Number(rows[i + 1].getAttribute('aria-level')) > level) next = rows[i + 1];
      } else if (e.key === 'ArrowLeft') {
        if (expanded === 'true' && tr.dataset.kind === 'journey') { send('collapse'); return; }
        for (let j = i - 1; j >= 0 && !next; --j) if (Number(rows[j].getAttribute('aria-level')) < level) next = rows[j];
      }
      if (next) { setActive(next); next.focus({ preventScroll: true }); }
    }
    function onTreeFocus(e) {
      const tr = e.target.closest && e.target.closest('tr[data-id]');
      if (!tr) return;
      setActive(tr);
      if (!quiet && tr.dataset.kind !== 'unplaced') hooks.message('mirrorRow', { view, id: tr.dataset.id, action: 'focus' });
    }

    // The maturity scan: the shown scan's result as a document (headings, paragraphs, lists), then the
    // questionnaire as a form — a radio group per question, bound to the draft the canvas shows, so
    // arrow keys answer it as in any form — and "Save scan". Made again on each change (it is small);
    // the focused radio or button keeps focus across.
    let scanFocus = null;      // 'result' after a save: the new result is read next
    function showScan(m) {
      const a = document.activeElement;
      const was = owns(a) ? (a.dataset.q !== undefined ? `input[data-q="${a.dataset.q}"][value="${a.value}"]` : a.id ? `#${a.id}` : null) : null;
      view = m.view;
      table = body = active = treeBody = null;
      rowKeys = [];
      const result = el('section', { 'aria-labelledby': 'scan-result' });
      let headed = false;
      for (const b of m.blocks) {
        if (b.h) result.append(el('h2', headed ? { text: b.h } : { id: 'scan-result', tabindex: '-1', text: b.h })), headed = true;
        else if (b.h3) result.append(el('h3', { text: b.h3 }));
        else if (b.p) result.append(el('p', { text: b.p }));
        else if (b.ul) result.append(el('ul', {}, b.ul.map((t) => el('li', { text: t }))));
      }
      const f = m.form;
      const form = el('form', { 'aria-labelledby': 'scan-form' }, [
        el('h2', { id: 'scan-form', text: `Answer the scan (${f.answered} of ${f.total} answered)` }),
      ]);
      form.addEventListener('submit', (e) => e.preventDefault());
      form.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') { e.preventDefault(); hooks.leave(); } else if (e.ctrlKey || e.metaKey) hooks.key(e, true);   // Ctrl+Z, Ctrl+K, … are the app's
      });
      f.questions.forEach((q, i) => {
        const set = el('fieldset', {}, [el('legend', { text: `Question ${i + 1} of ${f.total}, ${q.area}: ${q.text}` })]);
        q.options.forEach((o, k) => {
          const input = el('input', { type: 'radio', name: `scan-q${i}`, value: String(k + 1), 'data-q': String(i), id: `scan-q${i}-${k + 1}` });
          input.checked = q.answer === k + 1;
          input.addEventListener('change', () => { if (input.checked) hooks.message('mirrorScan', { question: i, stage: k + 1 }); });
          set.append(el('div', {}, [input, el('label', { htmlFor: input.id, text: o })]));
        });
        form.append(set);
      });
      const save = el('button', { type: 'button', id: 'scan-save', text: 'Save scan', 'aria-describedby': 'scan-save-help' });
      if (!f.canSave) save.setAttribute('aria-disabled', 'true');
      save.addEventListener('click', () => {
        const r = hooks.message('mirrorScan', { save: true });
        if (r.ok) scanFocus = 'result'; else say(`Not saved: ${r.error}.`);
      });
      form.append(save, el('p', { id: 'scan-save-help', text: f.canSave ? 'Keeps the scan in the workspace with today\'s date.' : 'Answer every question to save the scan.' }));
      viewHost.replaceChildren(el('main', { 'aria-labelledby': 'mirror-title' }, [el('h1', { id: 'mirror-title', text: m.title }), result, form]));
      const back = scanFocus === 'result' ? root.querySelector('#scan-result') : was && root.querySelector(was);
      scanFocus = null;
      if (back) { quiet = true; back.focus({ preventScroll: true }); quiet = false; }
    }

    // [SECTION] the menus ----------------------------------------------------------------------------
    // File, Edit and View as a WAI-ARIA menubar built from the app's own entries (src/ui/shell/menus):
    // Left/Right between menus, Down/Enter opens one, Up/Down/Home/End move in it, Right opens a
    // submenu, Enter or Space runs an entry (the app runs the same entry as the canvas's menu, then
    // the keyboard goes back to the canvas), Escape closes. F6 cycles: canvas → view → menus → canvas.
    let menuKey = '';
    const KEYS = { Ctrl: 'Control', Del: 'Delete', Left: 'ArrowLeft', Right: 'ArrowRight' };
    const ariaKeys = (text) => text.split(', ').map((k) => k.split('+').map((p) => KEYS[p] || p).join('+')).join(' ');
    function buildMenu(items, path, label) {
      const ul = el('ul', { role: 'menu', 'aria-label': label });
      ul.hidden = true;
      for (const it of items) {
        if (it.separator) { ul.append(el('li', { role: 'separator' })); continue; }
        const p = [...path, it.label];
        const b = el('button', { type: 'button', role: it.checked === null ? 'menuitem' : 'menuitemradio', tabindex: '-1', 'data-path': JSON.stringify(p), text: it.label });
        if (it.checked !== null) b.setAttribute('aria-checked', String(it.checked));
        if (!it.enabled) b.setAttribute('aria-disabled', 'true');
        if (it.keys) b.setAttribute('aria-keyshortcuts', ariaKeys(it.keys));
        if (it.tip) b.title = it.tip;
        if (it.form) { b.dataset.form = '1'; b.setAttribute('aria-haspopup', 'dialog'); }
        const li = el('li', { role: 'none' }, [b]);
        if (it.items.length) {
          b.setAttribute('aria-haspopup', 'menu');
          b.setAttribute('aria-expanded', 'false');
          li.append(buildMenu(it.items, p, it.label));
        }
        ul.append(li);
      }
      return ul;
    }
    function showMenus(menus) {
      const key = JSON.stringify(menus);
      if (key === menuKey) return;
      menuKey = key;
      const a = document.activeElement;
      const was = menusHost.contains(a) ? a.dataset.path : null;
      const open = [...menusHost.querySelectorAll('[aria-expanded="true"]')].map((b) => b.dataset.path);
      const bar = el('ul', { role: 'menubar', 'aria-label': 'Waymark' });
      menus.forEach((m, i) => {
        const top = el('button', { type: 'button', role: 'menuitem', 'aria-haspopup': 'menu', 'aria-expanded': 'false', tabindex: i === 0 ? '0' : '-1', 'data-path': JSON.stringify([m.title]), text: m.title });
        bar.append(el('li', { role: 'none' }, [top, buildMenu(m.items, [m.title], m.title)]));
      });
      bar.addEventListener('keydown', onMenuKey);
      bar.addEventListener('click', (e) => { const b = e.target.closest('button'); if (b) activate(b); });
      menusHost.replaceChildren(bar);
      const find = (path) => [...menusHost.querySelectorAll('button')].find((b) => b.dataset.path === path);
      for (const path of open) { const b = find(path); if (b) setOpen(b, true); }
      const back = was && find(was);
      if (back) { quiet = true; back.focus({ preventScroll: true }); quiet = false; }
    }
    const submenuOf = (b) => (b.getAttribute('aria-haspopup') ? b.parentElement.querySelector(':scope > ul') : null);
    const itemsOf = (ul) => [...ul.querySelectorAll(':scope > li > button')];
    const topItems = () => itemsOf(menusHost.querySelector('[role="menubar"]'));
    function setOpen(b, open) {
      const ul = submenuOf(b);
      if (!ul) return;
      ul.hidden = !open;
      b.setAttribute('aria-expanded', String(open));
      if (!open) for (const inner of ul.querySelectorAll('[aria-expanded="true"]')) setOpen(inner, false);
    }
    function closeAll() { for (const b of topItems()) setOpen(b, false); }
    function openAndEnter(b) {
      setOpen(b, true);
      const first = itemsOf(submenuOf(b))[0];
      if (first) first.focus({ preventScroll: true });
    }
    function moveTop(from, step) {
      const tops = topItems();
      const i = tops.indexOf(from);
      const next = tops[(i + step + tops.length) % tops.length];
      for (const t of tops) t.tabIndex = t === next ? 0 : -1;
      return next;
    }
    function activate(b) {
      if (submenuOf(b)) { openAndEnter(b); return; }
      if (b.getAttribute('aria-disabled') === 'true') { say(`${b.textContent}: not available now.`); return; }
      const path = JSON.parse(b.dataset.path);
      closeAll();
      if (b.dataset.form) {   // its dialog is made here, as a form (the export picture's, the KPIs')
        const r = hooks.message('mirrorMenu', { path });
        if (!r.ok) say(`${b.textContent}: ${r.error}.`);
        else if (r.fields) openForm(r, r.view, () => topItems().find((t) => JSON.parse(t.dataset.path)[0] === path[0]));
        return;
      }
      hooks.leave();   // the entry may open a dialog or a view on the canvas: the keyboard goes there
      const r = hooks.message('mirrorMenu', { path });
      if (!r.ok) say(`${b.textContent}: ${r.error}.`);
    }
    function onMenuKey(e) {
      const b = e.target.closest && e.target.closest('button');
      if (!b) return;
      const ul = b.parentElement.parentElement;
      const top = ul.getAttribute('role') === 'menubar';
      const topOf = (x) => menusHost.querySelector(`[role="menubar"] > li > button[data-path='${JSON.stringify([JSON.parse(x.dataset.path)[0]])}']`);
      const items = itemsOf(ul);
      const i = items.indexOf(b);
      let handled = true;
      if (e.key === 'Tab') { closeAll(); handled = false; }
      else if (top && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
        const wasOpen = b.getAttribute('aria-expanded') === 'true';
        setOpen(b, false);
        const next = moveTop(b, e.key === 'ArrowRight' ? 1 : -1);
        if (wasOpen) openAndEnter(next); else next.focus({ preventScroll: true });
      } else if (top && (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ')) openAndEnter(b);
      else if (top && (e.key === 'Home' || e.key === 'End')) {
        const tops = topItems();
        const next = e.key === 'Home' ? tops[0] : tops[tops.length - 1];
        for (const t of tops) t.tabIndex = t === next ? 0 : -1;
        next.focus({ preventScroll: true });
      } else if (top && e.key === 'Escape') hooks.leave();
      else if (!top && e.key === 'ArrowDown') items[(i + 1) % items.length].focus({ preventScroll: true });
      else if (!top && e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length].focus({ preventScroll: true });
      else if (!top && e.key === 'Home') items[0].focus({ preventScroll: true });
      else if (!top && e.key === 'End') items[items.length - 1].focus({ preventScroll: true });
      else if (!top && (e.key === 'Enter' || e.key === ' ')) activate(b);
      else if (!top && e.key === 'ArrowRight' && submenuOf(b)) openAndEnter(b);
      else if (!top && (e.key === 'Escape' || (e.key === 'ArrowLeft' && ul.parentElement.parentElement.getAttribute('role') !== 'menubar'))) {
        const parent = ul.parentElement.querySelector(':scope > button');
        setOpen(parent, false);
        parent.focus({ preventScroll: true });
      } else if (!top && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
        const t = topOf(b);
        setOpen(t, false);
        openAndEnter(moveTop(t, e.key === 'ArrowRight' ? 1 : -1));
      } else handled = false;
      if (handled) e.preventDefault();
    }
    function focusMenus() {
      const first = menusHost.querySelector('[role="menubar"] > li > button[tabindex="0"]');
      if (first) first.focus({ preventScroll: true });
      return !!first;
    }
    root.addEventListener('keydown', (e) => {
      // "?" outside a text field: the shortcuts sheet as the page's dialog (the canvas's would not be read).
      if (e.key === '?' && !e.ctrlKey && !e.altKey && !e.metaKey && !/^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) {
        e.preventDefault();
        e.stopPropagation();
        const from = document.activeElement;
        const r = hooks.message('mirrorMenu', { path: ['View', 'Keyboard shortcuts'] });
        if (r.ok && r.fields) openForm(r, r.view, () => (from && from.isConnected ? from : null));
        return;
      }
      if (e.key !== 'F6' || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      e.stopPropagation();
      closeAll();
      if (menusHost.contains(e.target) || !focusMenus()) hooks.leave();
    }, true);

    // [SECTION] pages ------------------------------------------------------------------------------
    // A page view (the documents, compare: src/ui/kit/mirror_page.hpp): headings, paragraphs, groups
    // of buttons, and tables whose rows carry buttons and a text field (Enter applies it, Escape puts
    // its text back). Each answers with mirrorRow {view, id: its row, action, text}; a refusal is said
    // in the live region. Only the blocks, and in tables the rows, whose description changed are made
    // again; focus stays on its control, found again by row and action, else goes to the heading.
    let page = null;           // the page's <main>
    let pageKeys = [];         // per block: the JSON it was built from
    let pageKinds = '';
    const kindOf = (b) => (b.h2 !== undefined ? 'h2' : b.p !== undefined ? 'p' : b.buttons ? 'buttons' : 'table');
    function pageButton(b, row) {
      const button = el('button', { type: 'button', text: b.label, 'data-row': row, 'data-action': b.action });
      if (b.disabled) button.setAttribute('aria-disabled', 'true');
      if (b.pressed !== undefined) button.setAttribute('aria-pressed', String(b.pressed));
      const pageView = view;
      button.addEventListener('click', () => {
        const r = hooks.message('mirrorRow', { view: pageView, id: row, action: b.action });
        if (!r.ok) say(`Not done: ${r.error}.`);
        else if (r.fields) openForm(r, pageView, () => page && page.querySelector(`[data-row="${CSS.escape(row)}"][data-action="${CSS.escape(b.action)}"]`));
      });
      return button;
    }
    // A button whose reply is a form (src/ui/kit/mirror_form.hpp: the backlog's "Score …", a persona's,
    // insight's or opportunity's "Edit …"): a modal dialog of choices (options), text fields (kind
    // "text"), text areas (kind "area", or "lines": one item per line), a checkbox ("check": "true" or
    // "false") and groups of checkboxes ("checks": the ticked values, one per line; a long group gets a
    // filter field that hides the options not matching it). Each field is sent when it changes
    // (mirrorRow {view, id: row, action, child: its name, text: the value}) as the canvas applies each
    // slider or field; Close (or Escape) returns focus to the button.
    function formChecks(f, id, send) {
      const boxes = f.options.map((o, k) => {
        const box = el('input', { id: `${id}-${k}`, type: 'checkbox', value: o.value, 'data-key': `${f.row}|${f.name}|${o.value}` });
        box.checked = f.value.split('\n').includes(o.value);
        box.addEventListener('change', () => send(boxes.filter((b) => b.checked).map((b) => b.value).join('\n')));
        return box;
      });
      const items = f.options.map((o, k) => el('li', {}, [boxes[k], el('label', { htmlFor: boxes[k].id, text: o.label })]));
      const group = el('fieldset', {}, [el('legend', { text: f.label })]);
      if (f.options.length > 12) {
        const filter = el('input', { type: 'search', 'aria-label': `Filter: ${f.label}`, placeholder: 'Filter' });
        filter.addEventListener('input', () => {
          const words = filter.value.toLowerCase();
          f.options.forEach((o, k) => { items[k].hidden = words !== '' && !o.label.toLowerCase().includes(words); });
        });
        filter.addEventListener('keydown', (e) => { if (e.key === 'Enter') e.preventDefault(); });
        group.append(filter);
      }
      if (!f.options.length) group.append(el('p', { text: 'None in the workspace yet.' }));
      group.append(el('ul', {}, items));
      return group;
    }
    // The form's controls, made again when a button's reply is a new form (a KPI added or deleted):
    // focus goes to the field the reply names, else stays on the control of the same name, else the
    // first one. A heading (kind "heading") and a sentence (kind "note") are read in their place.
    const fieldSig = (f) => `${f.kind || ''}|${f.row}|${f.name}|${f.options ? f.options.map((o) => o.value).join(',') : ''}`;
    // The same fields again (a KPI renamed, a value added): only the words change in place — headings,
    // sentences, labels, buttons — so focus and what is being typed stay where they are.
    function patchForm(form, r) {
      r.fields.forEach((f, i) => {
        const block = form.children[i];
        if (f.kind === 'heading' || f.kind === 'note') { if (block.textContent !== f.label) block.textContent = f.label; return; }
        if (f.kind === 'button') {
          const b = block.querySelector('button');
          b.textContent = f.label;
          if (f.disabled) b.setAttribute('aria-disabled', 'true'); else b.removeAttribute('aria-disabled');
          return;
        }
        if (f.kind === 'checks') {
          block.querySelector('legend').textContent = f.label;
          block.querySelectorAll('li > label').forEach((label, k) => { label.textContent = f.options[k].label; });
          return;
        }
        block.querySelector('label').textContent = f.label;
        if (f.options) block.querySelectorAll('option').forEach((o, k) => { o.textContent = f.options[k].label; });
      });
    }
    function fillForm(dialog, r, pageView) {
      const sig = r.fields.map(fieldSig).join('\n');
      const old = dialog.querySelector('form');
      dialog.querySelector('h2').textContent = r.title;
      if (old && old.dataset.sig === sig && !r.focus) { patchForm(old, r); return; }
      const was = dialog.contains(document.activeElement) ? document.activeElement.dataset.key : null;
      const form = el('form', {});
      form.dataset.sig = sig;
      form.addEventListener('submit', (e) => e.preventDefault());
      r.fields.forEach((f, i) => {
        const id = `wm-form-${i}`;
        const key = `${f.row}|${f.name}`;
        let sent = f.value;   // Enter and then leaving the field is one change, not two
        const send = (value) => {
          if (value === sent) return;
          sent = value;
          const reply = hooks.message('mirrorRow', { view: pageView, id: f.row, action: f.action, child: f.name, text: value });
          if (!reply.ok) say(`Not done: ${reply.error}.`);
          else if (reply.fields) fillForm(dialog, reply, pageView);   // what the choice changes (the picture's size)
        };
        if (f.kind === 'heading') { form.append(el('h3', { text: f.label })); return; }
        if (f.kind === 'note') { form.append(el('p', { className: 'note', id: `${id}-note`, text: f.label })); return; }
        if (f.kind === 'checks') { form.append(formChecks(f, id, send)); return; }
        if (f.kind === 'button') {
          const b = el('button', { type: 'button', text: f.label, 'data-key': key });
          if (f.disabled) b.setAttribute('aria-disabled', 'true');
          b.addEventListener('click', () => {
            const reply = hooks.message('mirrorRow', { view: pageView, id: f.row, action: f.action, child: f.name, text: '' });
            if (!reply.ok) say(`Not done: ${reply.error}.`);
            else if (reply.close) { dialog.dataset.answered = '1'; dialog.close(); }
            else if (reply.fields) { fillForm(dialog, reply, pageView); return; }
          });
          form.append(el('p', {}, [b]));
          return;
        }
        if (f.kind === 'check') {
          const box = el('input', { id, type: 'checkbox', 'data-key': key });
          box.checked = f.value === 'true';
          box.addEventListener('change', () => send(String(box.checked)));
          form.append(el('p', {}, [box, el('label', { htmlFor: id, text: f.label })]));
          return;
        }
        const control = f.options ? el('select', { id, 'data-key': key }, f.options.map((o) => el('option', { value: o.value, text: o.label })))
          : f.kind === 'text' || f.kind === 'password' ? el('input', { id, type: f.kind, 'data-key': key, autocomplete: 'off' })
          : el('textarea', { id, rows: 4, 'data-key': key });
        control.value = f.value;
        if (f.readonly) {   // a link to copy: read and selected whole, not sent back
          control.readOnly = true;
          control.addEventListener('focus', () => control.select());
          form.append(el('p', {}, [el('label', { htmlFor: id, text: f.label }), control]));
          return;
        }
        control.addEventListener('change', () => send(control.value));
        if (control.tagName === 'INPUT') control.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); control.dispatchEvent(new Event('change')); } });
        form.append(el('p', {}, [el('label', { htmlFor: id, text: f.label }), control]));
      });
      if (old) old.replaceWith(form); else dialog.querySelector('h2').after(form);
      // The sentences before the first control say what the dialog is about (a question's): read with its name.
      const intro = [];
      for (const node of form.children) { if (!node.classList.contains('note')) break; intro.push(node.id); }
      if (intro.length) dialog.setAttribute('aria-describedby', intro.join(' ')); else dialog.removeAttribute('aria-describedby');
      const want = r.focus ? form.querySelector(`[data-key="${CSS.escape(r.focus)}"]`) : null;
      const same = was ? form.querySelector(`[data-key="${CSS.escape(was)}"]`) : null;
      // A dialog with nothing to do but read (the shortcuts, About): its heading, so it is read from the top.
      const target = want || same || form.querySelector('select, input, textarea, button') || dialog.querySelector('h2');
      target.focus();
    }
    // `back()`: where focus goes when the dialog closes (the button or menu that opened it).
    // A question (r.cancel: the app asked it on its own, see ask) has no Close button: its buttons
    // are the answers, and closing it otherwise (Escape) gives the answer r.cancel names.
    function openForm(r, pageView, back) {
      const dialog = el('dialog', { className: 'wm-dialog wm-form', 'aria-labelledby': 'wm-form-title' });
      dialog.append(el('h2', { id: 'wm-form-title', tabindex: '-1', text: r.title }));
      if (!r.cancel) {
        const close = el('button', { type: 'button', text: 'Close' });
        close.addEventListener('click', () => dialog.close());
        dialog.append(el('p', {}, [close]));
      }
      dialog.addEventListener('close', () => {
        dialog.remove();
        if (r.cancel && !dialog.dataset.answered) {
          const reply = hooks.message('mirrorRow', { view: pageView, id: r.cancel.row, action: r.cancel.action, child: r.cancel.name, text: '' });
          if (!reply.ok) say(`Not done: ${reply.error}.`);
        }
        const to = back();
        if (to) { quiet = true; to.focus({ preventScroll: true }); quiet = false; }
      });
      document.body.append(dialog);
      dialog.showModal();
      fillForm(dialog, r, pageView);
      return dialog;
    }
    // A question the app asks on its own (src/platform/platform.hpp ask: a shared workspace to open,
    // a dropped file to merge or open, an import's progress and columns), shown to everyone as the
    // page's modal dialog; one per view: the same view asked again is the same dialog, its words
    // changed in place (or its form made again when its fields differ). Focus comes back to where it
    // was, else to the canvas.
    const asked = new Map();   // view → its dialog
    function ask(r) {
      const open = asked.get(r.view);
      if (open && open.open) { fillForm(open, r, r.view); return; }
      const from = document.activeElement;
      const dialog = openForm(r, r.view, () => {
        if (asked.get(r.view) === dialog) asked.delete(r.view);
        if (from && from.isConnected && from !== document.body && !dialog.contains(from)) return from;
        hooks.leave();
        return null;
      });
      dialog.dataset.ask = r.view;
      dialog.classList.add('wm-question');
      asked.set(r.view, dialog);
    }
    function askDone(name) {
      const dialog = asked.get(name);
      if (!dialog) return;
      asked.delete(name);
      dialog.dataset.answered = '1';
      dialog.close();
    }
    function pageField(f, row) {
      const input = el('input', { type: 'text', 'aria-label': f.label, 'data-row': row, 'data-action': f.action });
      input.value = f.value;
      const pageView = view;
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          const r = hooks.message('mirrorRow', { view: pageView, id: row, action: f.action, text: input.value });
          if (!r.ok) say(`Not done: ${r.error}.`);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          input.value = f.value;
        }
      });
      return input;
    }
    function pageRow(r, t) {
      const header = t.header ?? 0;
      const tr = el('tr', { 'data-id': r.id }, r.cells.map((c, n) => el(n === header ? 'th' : 'td', n === header ? { scope: 'row', text: c } : { text: c })));
      if (t.field) tr.append(el('td', {}, r.field ? [pageField(r.field, r.id)] : []));
      if (t.actions) tr.append(el('td', {}, (r.actions || []).map((b) => pageButton(b, r.id))));
      return tr;
    }
    function pageBlock(b) {
      if (b.h2 !== undefined) return el('h2', { text: b.h2 });
      if (b.p !== undefined) return el('p', { text: b.p });
      if (b.buttons) return el('div', { role: 'group', 'aria-label': 'Actions' }, b.buttons.map((x) => pageButton(x, x.row || '')));
      const t = b.table;
      return el('table', {}, [
        el('caption', { text: t.caption }),
        el('thead', {}, [el('tr', {}, t.columns.map((c) => el('th', { scope: 'col', text: c })))]),
        el('tbody', {}, t.rows.map((r) => pageRow(r, t))),
      ]);
    }
    function patchTable(node, t, was) {
      if (JSON.stringify({ ...t, rows: 0, caption: 0 }) !== JSON.stringify({ ...was, rows: 0, caption: 0 })) return false;
      const caption = node.querySelector('caption');
      if (caption.textContent !== t.caption) caption.textContent = t.caption;
      const tbody = node.querySelector('tbody');
      t.rows.forEach((r, i) => {
        if (was.rows[i] && JSON.stringify(was.rows[i]) === JSON.stringify(r)) return;
        const tr = pageRow(r, t);
        if (tbody.children[i]) tbody.replaceChild(tr, tbody.children[i]); else tbody.append(tr);
      });
      while (tbody.children.length > t.rows.length) tbody.lastChild.remove();
      return true;
    }
    function showPage(m) {
      const focused = owns(document.activeElement) ? document.activeElement : null;
      const where = focused && focused.dataset.action ? { row: focused.dataset.row, action: focused.dataset.action } : null;
      const kinds = m.page.map(kindOf).join();
      if (view !== m.view || !page || !page.isConnected || pageKinds !== kinds) {
        page = el('main', { 'aria-labelledby': 'mirror-title' }, [el('h1', { id: 'mirror-title', tabindex: '-1', text: m.title })]);
        const passed = new Set();   // keys given to the app, whose release it must see too
        page.addEventListener('keydown', (e) => {
          if (e.target.tagName === 'INPUT') return;   // the field's own keys (Ctrl+A, Ctrl+Z, …)
          if (e.key === 'Escape') { e.preventDefault(); hooks.leave(); return; }
          if (e.ctrlKey || e.metaKey) { passed.add(e.code); hooks.key(e, true); }   // Ctrl+Z, Ctrl+S, Ctrl+K… are the app's
        });
        page.addEventListener('keyup', (e) => { if (passed.delete(e.code)) hooks.key(e, false); });
        viewHost.replaceChildren(page);
        pageKeys = [];
        pageKinds = kinds;
      }
      view = m.view;
      table = body = active = treeBody = null;
      rowKeys = [];
      const h1 = page.firstChild;
      if (h1.textContent !== m.title) h1.textContent = m.title;
      m.page.forEach((b, i) => {
        const key = JSON.stringify(b);
        if (pageKeys[i] === key) return;
        const node = page.children[i + 1];
        if (!(b.table && node && pageKeys[i] && patchTable(node, b.table, JSON.parse(pageKeys[i]).table))) {
          const fresh = pageBlock(b);
          if (node) page.replaceChild(fresh, node); else page.append(fresh);
        }
        pageKeys[i] = key;
      });
      if (focused && !focused.isConnected) {
        const again = where && page.querySelector(`[data-row="${CSS.escape(where.row)}"][data-action="${CSS.escape(where.action)}"]`);
        quiet = true;
        (again || h1).focus({ preventScroll: true });
        quiet = false;
      }
    }

    function showOther(m) {
      view = m.view;
      table = body = active = treeBody = null;
      rowKeys = [];
      viewHost.replaceChildren(el('main', { 'aria-labelledby': 'mirror-title' }, [
        el('h1', { id: 'mirror-title', text: m.title || 'Waymark' }),
        el('p', { text: 'Nothing of this view can be read here. File › Export report gives the whole workspace as an accessible document.' }),
      ]));
    }

    // [SECTION] cards inside a cell ----------------------------------------------------------------
    // F2 on a cell that holds cards goes inside it (the grid pattern's interaction mode): its items
    // become a list whose cards take focus in turn — Up/Down, Tab/Shift+Tab, Home/End — each selected
    // on the canvas as it is reached; Enter or F2 edits the card's text in the page's real text field
    // (focus comes back to the cell when the edit ends); Escape goes back to the cell. Other keys go
    // to the app: Delete deletes the selected card, Ctrl+C copies it.
    function cellItems(td) {
      const tr = td.parentElement;
      const row = JSON.parse(rowKeys[[...body.children].indexOf(tr)] || '{"cells":[]}');
      return row.cells[[...tr.querySelectorAll('td')].indexOf(td)] || [];
    }
    function enterCell(td) {
      const items = cellItems(td);
      if (!items.some((it) => it.kind === 'card')) { say('This cell holds no cards.'); return; }
      td.replaceChildren(el('ul', { 'aria-label': 'Cards' }, items.map((it) => (it.kind === 'card'
        ? el('li', { tabindex: '-1', 'data-card': it.id, 'data-lane': td.dataset.lane, 'data-step': td.dataset.step, 'aria-keyshortcuts': 'Enter Alt+Enter Delete', text: it.text })
        : el('li', { text: itemText(it) })))));
      td.querySelector('li[data-card]').focus({ preventScroll: true });
    }
    function leaveCell(td) {
      const items = cellItems(td);
      td.replaceChildren();
      if (items.length === 1) td.textContent = itemText(items[0]);
      else if (items.length > 1) td.append(el('ul', {}, items.map((it) => el('li', { text: itemText(it) }))));
      focusCell(td);
    }
    function onCardKey(e, li) {
      const td = li.closest('td');
      const cards = [...td.querySelectorAll('li[data-card]')];
      const k = cards.indexOf(li);
      let next = null;
      if (e.key === 'ArrowDown' || (e.key === 'Tab' && !e.shiftKey)) next = cards[k + 1];
      else if (e.key === 'ArrowUp' || (e.key === 'Tab' && e.shiftKey)) next = cards[k - 1];
      else if (e.key === 'Home') next = cards[0];
      else if (e.key === 'End') next = cards[cards.length - 1];
      else if (e.key === 'Escape') { e.preventDefault(); leaveCell(td); return; }
      else if (e.key === 'Enter' && e.altKey) {
        // Its details (src/ui/map/card_form.hpp): a form in a dialog; focus comes back to the card,
        // or to its cell when the card went (deleted) or the cell was made again.
        e.preventDefault();
        const id = li.dataset.card, lane = td.dataset.lane, step = td.dataset.step;
        const r = hooks.message('mirrorRow', { view: 'card', id: `${journey}/${id}`, action: 'card', child: 'open', text: '' });
        if (!r.ok) say(`Not done: ${r.error}.`);
        else openForm(r, 'card', () => {
          const card = body && body.querySelector(`li[data-card="${CSS.escape(id)}"]`);
          if (card) return card;
          const cell = cellAt(lane, step);
          if (cell) setActive(cell);
          return cell;
        });
        return;
      } else if (e.key === 'Enter' || e.key === 'F2') {
        e.preventDefault();
        returnTo = { lane: td.dataset.lane, step: td.dataset.step };
        const r = hooks.message('mirrorCell', { journey, lane: td.dataset.lane, step: td.dataset.step, card: li.dataset.card, activate: true });
        if (!r.ok) { returnTo = null; say(`Not done: ${r.error}.`); }
        return;
      } else { hooks.key(e, true); return; }
      e.preventDefault();
      if (next) next.focus({ preventScroll: true });
    }

    // [SECTION] keyboard and focus -----------------------------------------------------------------
    const NAV = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', ' ', 'Escape', 'Tab']);
    function onKeyDown(e) {
      const td = e.target.closest && e.target.closest('td');
      if (!td || !body || !body.contains(td)) return;
      const li = e.target.closest('li[data-card]');
      if (li) { onCardKey(e, li); return; }
      if (e.key === 'F2') { e.preventDefault(); enterCell(td); return; }
      if (!NAV.has(e.key)) { hooks.key(e, true); return; }
      if (e.key === 'Tab') return;   // leaves the grid, as in any grid
      e.preventDefault();
      if (e.key === 'Escape') { hooks.leave(); return; }
      if (e.key === 'Enter' || e.key === ' ') {
        returnTo = { lane: td.dataset.lane, step: td.dataset.step };
        hooks.message('mirrorCell', { journey, lane: td.dataset.lane, step: td.dataset.step, activate: true });
        return;
      }
      const tr = td.parentElement;
      const rows = [...body.children];
      const r = rows.indexOf(tr);
      const cells = [...tr.querySelectorAll('td')];
      const c = cells.indexOf(td);
      let next = null;
      if (e.key === 'ArrowLeft') next = cells[c - 1];
      else if (e.key === 'ArrowRight') next = cells[c + 1];
      else if (e.key === 'ArrowUp') next = rows[r - 1] && rows[r - 1].querySelectorAll('td')[c];
      else if (e.key === 'ArrowDown') next = rows[r + 1] && rows[r + 1].querySelectorAll('td')[c];
      else if (e.key === 'Home') next = e.ctrlKey ? body.querySelector('td') : cells[0];
      else if (e.key === 'End') next = e.ctrlKey ? [...rows[rows.length - 1].querySelectorAll('td')].pop() : cells[cells.length - 1];
      if (next) { setActive(next); next.focus({ preventScroll: true }); }
    }
    function onFocusIn(e) {
      const li = e.target.closest && e.target.closest('li[data-card]');
      if (li) {
        if (!quiet) hooks.message('mirrorCell', { journey, lane: li.dataset.lane, step: li.dataset.step, card: li.dataset.card });
        return;
      }
      const td = e.target.closest && e.target.closest('td');
      if (!td || !td.dataset.step) return;
      setActive(td);
      if (!quiet) hooks.message('mirrorCell', { journey, lane: td.dataset.lane, step: td.dataset.step });
    }

    return {
      // The app's description of the open view; false when it was only the changes to a map that is
      // not here (the app then sends the whole).
      update(json) {
        const m = JSON.parse(json);
        if (m.ask) { ask(m.ask); return true; }
        if (m.askDone) { askDone(m.askDone); return true; }
        if (m.menus) { showMenus(m.menus); return true; }
        if (m.view === 'off') { view = ''; table = body = active = treeBody = columnList = page = null; rowKeys = []; menuKey = ''; viewHost.replaceChildren(); menusHost.replaceChildren(); return true; }
        // Focus in the view that the view's change took away (a button there opened another view or
        // document): it goes to the new view's heading, not to the page's body.
        const hadFocus = viewHost.contains(document.activeElement);
        let shown = true;
        if (m.view === 'journey' && (m.columns || m.delta)) shown = showJourney(m);
        else if (m.page) showPage(m);
        else if (m.tree) showTree(m);
        else if (m.form) showScan(m);
        else showOther(m);
        if (hadFocus && !viewHost.contains(document.activeElement)) {
          const h = viewHost.querySelector('h1');
          if (h) { h.tabIndex = -1; quiet = true; h.focus({ preventScroll: true }); quiet = false; }
        }
        return shown;
      },
      owns,
      // The app no longer wants text input: back to the cell an edit started from, if one did.
      resume() {
        const td = pending && cellAt(pending.lane, pending.step);
        pending = null;
        if (!td) return false;
        focusCell(td);
        return true;
      },
      // F6 from the canvas: the grid's active cell, or the view's heading.
      enter() {
        if (active) { active.focus({ preventScroll: true }); return true; }
        const h = root.querySelector('h1');
        if (h) { h.tabIndex = -1; h.focus({ preventScroll: true }); return true; }
        return false;
      },
    };
  }

  window.WaymarkMirror = { create };
})();
