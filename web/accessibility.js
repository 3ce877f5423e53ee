// accessibility.js — the page's half of the accessibility mirror (docs/accessibility.md).
// The client draws everything into one canvas; after each frame whose widgets changed, the
// wasm sends the frame's tree in ONE call (window.casehub._a11yFrame, one string: records
// split by U+001E, fields by U+001F, made by wasm/ui/widgets/accessibility.cpp), and this
// file updates a hidden DOM tree by difference: one element per widget key, kept while the
// widget stays, its attributes touched only when its record changed. Screen readers,
// axe and Chromium's accessibility tree read that tree.
// Focus goes both ways: ImGui's focused widget focuses its element; Tab, Shift+Tab and a
// screen reader moving focus in the mirror focus (and, for Enter/Space/click, press) the
// widget through Module._casehub_a11y_focus. Text typed into a mirror text box reaches the
// field as the hidden soft-keyboard input's text does (casehub._addText).
// Loaded after casehub.js and before casehub_web.js, so its key listeners run before GLFW's.
(function () {
  'use strict';
  const casehub = window.casehub;

  // Role codes: the same table as role_code() in accessibility.cpp.
  const ROLES = {
    '-': null, t: null, b: 'button', l: 'link', x: 'textbox', c: 'checkbox', C: 'combobox', L: 'listbox',
    o: 'option', M: 'menu', m: 'menuitem', T: 'tablist', a: 'tab', P: 'tabpanel', G: 'grid', r: 'row',
    h: 'columnheader', g: 'gridcell', d: 'dialog', N: 'navigation', n: 'main', H: 'heading', s: 'status', A: 'alert',
  };
  const CONTAINERS = new Set(['-', 'L', 'M', 'T', 'P', 'G', 'r', 'h', 'g', 'd', 'N', 'n', 's', 'A']);
  const FOCUSABLE = new Set(['b', 'l', 'x', 'c', 'C', 'o', 'm', 'a']);
  const FLAG = { checked: 1, expanded: 2, disabled: 4, password: 8, selected: 16, haspopup: 32, collapsed: 64, modal: 256 };
  const FS = '\x1f', RS = '\x1e';

  let root = null, skip = null;
  const nodes = new Map();  // key -> { el, code, rec, id }
  let focusKey = '';        // the widget ImGui had focused, as the page last followed it
  let reportedKey = '';     // the widget ImGui had focused in the last frame sent
  let order = [];           // focusable keys in the frame's order: the tab order
  let mainKey = '';         // the main region, target of the skip link
  let settling = null;      // { until, actions } while ImGui takes a focus the mirror asked for
  let movingFocus = false;  // true while this file focuses an element for ImGui

  const stats = { frames: 0, updates: 0, ms: 0 };

  function idOf(key) {
    return key && key[0] === 'i' ? parseInt(key.slice(1), 16) >>> 0 : 0;
  }

  function ensureRoot() {
    if (root) return;
    root = document.getElementById('a11y-root');
    skip = document.getElementById('skip-link');
    if (skip) {
      skip.addEventListener('click', (e) => {
        e.preventDefault();
        goToMain();
      });
    }
  }

  // ---- wasm requests ----
  function requestFocus(key, activate) {
    const M = window.Module;
    const id = idOf(key);
    if (!id || !M || !M._casehub_a11y_focus) return;
    M._casehub_a11y_focus(id, activate ? 1 : 0);
    // Text and Enter typed before ImGui has made the field active would reach the field
    // that had focus: hold them for the two frames the request takes.
    settling = { until: (casehub._frames || 0) + 3, actions: settling ? settling.actions : [] };
  }

  function whenSettled(action) {
    if (settling) settling.actions.push(action);
    else action();
  }

  function flush(frame) {
    if (!settling || frame < settling.until) return;
    const actions = settling.actions;
    settling = null;
    for (const a of actions) a();
    followImguiFocus(reportedKey);
  }

  // ---- elements ----
  function create(key, code) {
    let el;
    if (code === 'x') {
      el = document.createElement('input');
      el.type = 'text';
      el.autocomplete = 'off';
      el.spellcheck = false;
      el.addEventListener('input', onMirrorInput);
    } else if (code === 'n') {
      el = document.createElement('main');
    } else if (code === 'N') {
      el = document.createElement('nav');
    } else if (code === 'H') {
      el = document.createElement('div');
      el.setAttribute('role', 'heading');
    } else {
      el = document.createElement(code === 't' ? 'span' : 'div');
      const role = ROLES[code];
      if (role) el.setAttribute('role', role);
      if (code === 's') el.setAttribute('aria-live', 'polite');
      if (code === 'A') el.setAttribute('aria-live', 'assertive');
    }
    if (FOCUSABLE.has(code)) el.tabIndex = -1;  // Tab is ours (onKeyDown); a reader may still focus it
    el.dataset.key = key;
    el.className = CONTAINERS.has(code) ? 'a11y-box' : 'a11y-item';
    return { el, code, rec: '', id: idOf(key), f: null };
  }

  function setAttr(el, name, value) {
    if (value === null || value === undefined || value === '') {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== String(value)) {
      el.setAttribute(name, value);
    }
  }

  // f: key, parent, code, label, value, x, y, w, h, flags, level, count
  // Only the fields that changed since the node's last record touch the DOM: a scrolled
  // grid changes every row's position, not its words.
  function update(n, f) {
    const el = n.el, code = n.code, label = f[3], value = f[4], p = n.f;
    if (!CONTAINERS.has(code) && (!p || p[5] !== f[5] || p[6] !== f[6] || p[7] !== f[7] || p[8] !== f[8])) {
      el.style.cssText = `left:${f[5]}px;top:${f[6]}px;width:${f[7]}px;height:${f[8]}px`;
    }
    n.f = f;
    if (p && p[3] === f[3] && p[4] === f[4] && p[9] === f[9] && p[10] === f[10] && p[11] === f[11]) return;
    const flags = Number(f[9]), level = Number(f[10]), count = Number(f[11]);
    if (code === 'x') {
      setAttr(el, 'aria-label', label);
      const type = flags & FLAG.password ? 'password' : 'text';
      if (el.type !== type) el.type = type;
      if (!(flags & FLAG.password) && el.value !== value) el.value = value;
    } else if (code === 'C') {
      setAttr(el, 'aria-label', label);
      setAttr(el, 'aria-expanded', flags & FLAG.expanded ? 'true' : 'false');
      if (el.textContent !== value) el.textContent = value;
    } else if (CONTAINERS.has(code)) {
      // Generic boxes, rows and cells are named by their content.
      if (!'-rhg'.includes(code)) setAttr(el, 'aria-label', label);
    } else if (el.textContent !== label) {
      el.textContent = label;
    }
    if (code === 'H') setAttr(el, 'aria-level', level || 2);
    if (code === 'r') setAttr(el, 'aria-rowindex', level || null);
    if (code === 'h' || code === 'g') setAttr(el, 'aria-colindex', level || null);
    if (code === 'G') setAttr(el, 'aria-rowcount', count > 0 ? count : null);
    if (code === 'c') setAttr(el, 'aria-checked', flags & FLAG.checked ? 'true' : 'false');
    if (code === 'm' && flags & FLAG.checked) setAttr(el, 'aria-checked', 'true');
    if (code === 'a' || code === 'o') setAttr(el, 'aria-selected', flags & FLAG.selected ? 'true' : 'false');
    if (code === 'l' && flags & FLAG.selected) setAttr(el, 'aria-current', 'page');
    else if (code === 'l') setAttr(el, 'aria-current', null);
    if (code !== 'C') setAttr(el, 'aria-expanded', flags & FLAG.expanded ? 'true' : flags & FLAG.collapsed ? 'false' : null);
    setAttr(el, 'aria-disabled', flags & FLAG.disabled ? 'true' : null);
    if (code === 'd') setAttr(el, 'aria-modal', flags & FLAG.modal ? 'true' : null);
    if (code === 'b' || code === 'C') setAttr(el, 'aria-haspopup', flags & FLAG.haspopup ? 'true' : null);
  }

  // ---- one frame ----
  casehub._a11yFrame = function (text) {
    const started = performance.now();
    ensureRoot();
    if (!root) return;
    const records = text.split(RS);
    const header = records[0].split(FS);
    // Elements whose widget is gone leave first, so the ones that stay keep their place
    // (moving a node in the DOM would take its focus away).
    const seen = new Set();
    for (let i = 1; i < records.length; i++) {
      const end = records[i].indexOf(FS);
      if (end > 0) seen.add(records[i].slice(0, end));
    }
    for (const [key, n] of nodes) {
      if (seen.has(key)) continue;
      n.el.remove();
      nodes.delete(key);
    }
    const lastChild = new Map();
    const newOrder = [];
    let updates = 0;
    let modalKey = '';  // the last modal dialog: Tab stays inside it
    mainKey = '';
    for (let i = 1; i < records.length; i++) {
      const rec = records[i];
      if (!rec) continue;
      const f = rec.split(FS);
      const key = f[0], code = f[2];
      let n = nodes.get(key);
      if (!n || n.code !== code) {
        if (n) n.el.remove();
        n = create(key, code);
        nodes.set(key, n);
      }
      if (n.rec !== rec) {
        update(n, f);
        n.rec = rec;
        updates++;
      }
      const parent = (f[1] && nodes.get(f[1])) || null;
      const parentEl = parent ? parent.el : root;
      const prev = lastChild.get(parentEl) || null;
      const want = prev ? prev.nextSibling : parentEl.firstChild;
      if (n.el !== want) {
        const hadFocus = n.el.contains(document.activeElement) ? document.activeElement : null;
        parentEl.insertBefore(n.el, want);
        if (hadFocus && document.activeElement !== hadFocus) {
          movingFocus = true;
          hadFocus.focus({ preventScroll: true });
          movingFocus = false;
        }
      }
      lastChild.set(parentEl, n.el);
      if (code === 'n') mainKey = key;
      if (code === 'd' && Number(f[9]) & FLAG.modal) modalKey = key;
      if (FOCUSABLE.has(code) && !(Number(f[9]) & FLAG.disabled)) newOrder.push(key);
    }
    const modal = modalKey && nodes.get(modalKey);
    order = modal ? newOrder.filter((k) => modal.el.contains(nodes.get(k).el)) : newOrder;
    if (skip) {
      skip.hidden = !mainKey;
      if (header[1] && skip.textContent !== header[1]) skip.textContent = header[1];
    }
    if (header[2] && document.documentElement.lang !== header[2]) document.documentElement.lang = header[2];
    followImguiFocus(header[0]);
    stats.frames++;
    stats.updates += updates;
    stats.ms += performance.now() - started;
  };

  // ImGui's focus moved: move the page's, unless the page's focus is somewhere the
  // mirror does not own (the pointer's hidden text input, another element).
  function followImguiFocus(key) {
    reportedKey = key;
    // While ImGui is still taking a focus the page asked for, its report is older than the
    // page's focus: following it would undo the user's Tab (flush() follows it after).
    if (settling || key === focusKey) return;
    focusKey = key;
    const n = nodes.get(key);
    if (!n || !FOCUSABLE.has(n.code) || document.activeElement === n.el) return;
    const active = document.activeElement;
    const owned = !active || active === document.body || active.id === 'canvas' || root.contains(active) ||
      active === skip;
    if (!owned) return;
    movingFocus = true;
    n.el.focus({ preventScroll: true });
    movingFocus = false;
  }

  // True when the page's focus is on a mirror text box: the hidden soft-keyboard input
  // then stays out of the way (casehub._setTextInput).
  casehub._a11yOwnsTextFocus = () => { const n = activeMirror(); return !!n && n.code === 'x'; };

  function goToMain() {
    const main = mainKey && nodes.get(mainKey);
    if (!main) return;
    const first = order.find((k) => main.el.contains(nodes.get(k).el));
    if (first) focusElement(first);
  }

  function focusElement(key) {
    const n = nodes.get(key);
    if (!n) return;
    n.el.focus({ preventScroll: true });  // focusin asks ImGui
  }

  // ---- events from the mirror ----
  function onFocusIn(e) {
    const key = e.target && e.target.dataset ? e.target.dataset.key : '';
    if (!key || movingFocus) return;
    requestFocus(key, false);
  }

  function onMirrorInput(e) {
    if (e.isComposing) return;
    switch (e.inputType) {
      case 'insertText':
      case 'insertReplacementText':
      case 'insertCompositionText':
      case 'insertFromPaste': {
        const text = e.data || '';
        whenSettled(() => casehub._addText(text));
        break;
      }
      case 'deleteContentBackward':
        if (Date.now() - casehub._lastBackspaceKeydown > 300) whenSettled(() => casehub._pressKey(8));
        break;
      default:
        break;
    }
  }

  function activeMirror() {
    const el = document.activeElement;
    return root && el && root.contains(el) && el.dataset.key ? nodes.get(el.dataset.key) : null;
  }

  function onKeyDown(e) {
    if (!root) return;
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      // The whole tab order is the mirror's (ImGui 1.86 tabs only between text fields).
      if (!order.length) return;
      const active = document.activeElement;
      if (active && active !== document.body && active.id !== 'canvas' && active.id !== 'text-input' &&
          !root.contains(active) && active !== skip) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      const current = activeMirror();
      // From nowhere (the page itself has the focus), the skip link comes first.
      const fromNowhere = !current && (!active || active === document.body || active.id === 'canvas');
      if (fromNowhere && !e.shiftKey && skip && !skip.hidden) {
        skip.focus({ preventScroll: true });
        return;
      }
      let at = current ? order.indexOf(current.el.dataset.key) : order.indexOf(focusKey);
      if (fromNowhere && !e.shiftKey) {
        // Into the page: the widget ImGui has focused (the sign-in screen's username).
        focusElement(order[at >= 0 ? at : 0]);
        return;
      }
      if (active === skip) at = -1;
      let next;
      if (e.shiftKey) next = at <= 0 ? order.length - 1 : at - 1;
      else next = at < 0 || at >= order.length - 1 ? 0 : at + 1;
      focusElement(order[next]);
      return;
    }
    const n = activeMirror();
    if (!n) return;
    if (n.code === 'x') {
      // Enter while ImGui is still taking the field: after the text typed before it.
      if (settling && (e.key === 'Enter' || e.key === 'Backspace')) {
        e.preventDefault();
        e.stopImmediatePropagation();
        const code = e.key === 'Enter' ? 13 : 8;
        whenSettled(() => casehub._pressKey(code));
      }
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopImmediatePropagation();
      requestFocus(n.el.dataset.key, true);
    }
  }

  function onClick(e) {
    // A screen reader's click (the mirror takes no pointer events).
    const el = e.target && e.target.closest ? e.target.closest('[data-key]') : null;
    if (!el || !root.contains(el)) return;
    const n = nodes.get(el.dataset.key);
    if (n && FOCUSABLE.has(n.code) && n.code !== 'x') requestFocus(el.dataset.key, true);
  }

  function install() {
    ensureRoot();
    if (!root) return;
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('click', onClick);
    window.addEventListener('keydown', onKeyDown, true);
    // Typed characters come from the mirror input's input events; GLFW must not add them too.
    window.addEventListener('keypress', (e) => {
      if (activeMirror() && activeMirror().code === 'x') e.stopImmediatePropagation();
    }, true);
    const onFrame = casehub._onFrame;
    casehub._onFrame = function (n) {
      onFrame(n);
      flush(n);
    };
  }

  // Bench API: the mirror on or off (off: the wasm records and sends nothing), and the
  // wasm's encode + publish cost {frames, sent, ms} since the last call.
  casehub.setA11yMirror = function (on) {
    const M = window.Module;
    if (M && M._casehub_a11y_enable) M._casehub_a11y_enable(on ? 1 : 0);
  };
  casehub.a11yCost = function () {
    const M = window.Module;
    return M && M._casehub_a11y_cost_json ? JSON.parse(M.UTF8ToString(M._casehub_a11y_cost_json())) : null;
  };

  // Test and bench API: the mirror's own cost, {frames, updates, ms} since the last reset.
  casehub.a11yStats = function (reset) {
    const out = Object.assign({}, stats);
    if (reset) stats.frames = stats.updates = stats.ms = 0;
    return out;
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', install);
  else install();
})();
