// casehub.js — the page's half of the CaseHub client. Boots the wasm (support checks,
// loading progress, clear errors), and is the JS side of the platform glue: touch as
// mouse, clipboard, the hidden input for on-screen keyboards / IME, and the test API
// window.casehub { firstFrame, error, frameCount(), widgets(), findWidgets(label), frameStats() }.
// The accessibility mirror is accessibility.js.
// Loaded before casehub_web.js so its listeners run before GLFW's.
(function () {
  'use strict';

  const casehub = {
    firstFrame: false,   // true once the first frame has been presented
    error: null,         // the message shown when loading failed
    _frames: 0,
    _clipboard: '',
    _lastPasteShortcut: 0,
    _lastBackspaceKeydown: 0,
  };
  window.casehub = casehub;

  const $ = (id) => document.getElementById(id);

  // ---- loading indicator and errors ----
  function setStatus(text, fraction) {
    const el = $('status-text');
    if (el && text) el.textContent = text;
    const bar = $('progress-bar');
    if (bar && fraction !== undefined) bar.style.width = Math.round(Math.max(0, Math.min(1, fraction)) * 100) + '%';
  }

  function showError(title, detail) {
    casehub.error = title + (detail ? ' ' + detail : '');
    console.error('casehub: ' + casehub.error);
    const status = $('status');
    if (!status) return;
    status.classList.remove('hidden');
    status.classList.add('error');
    const p = $('status-text');
    p.textContent = '';
    const strong = document.createElement('strong');
    strong.textContent = title;
    p.appendChild(strong);
    p.appendChild(document.createTextNode(detail || ''));
  }

  function hasWebGL2() {
    try {
      return !!document.createElement('canvas').getContext('webgl2');
    } catch (e) {
      return false;
    }
  }

  casehub.boot = function (options) {
    const opts = Object.assign({ script: 'casehub_web.js', serviceWorker: 'sw.js' }, options || {});
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      showError('This browser cannot run WebAssembly.',
        'Customer Service Hub needs a current Chrome, Edge, Firefox or Safari with WebAssembly enabled.');
      return;
    }
    if (!hasWebGL2()) {
      showError('This browser has no WebGL 2.',
        'Customer Service Hub draws with WebGL 2. Turn on hardware acceleration in the browser settings, ' +
        'or update the browser or its graphics drivers.');
      return;
    }
    installInputGlue();
    const canvas = $('canvas');
    canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault();
      showError('The graphics context was lost.', 'Reload the page to continue; your local data is kept.');
    }, false);

    let lastDeps = 0;
    window.Module = {
      canvas: canvas,
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      setStatus: (text) => {
        // Emscripten reports "Downloading data... (loaded/total)".
        const m = /\((\d+(?:\.\d+)?)\/(\d+)\)/.exec(text || '');
        if (m) setStatus('Loading… ' + Math.round(m[1] / 1024) + ' / ' + Math.round(m[2] / 1024) + ' KB',
          0.2 + 0.7 * (Number(m[1]) / Number(m[2])));
        else if (text) setStatus('Loading…');
      },
      monitorRunDependencies: (left) => {
        lastDeps = Math.max(lastDeps, left);
        if (left === 0) setStatus('Starting…', 0.95);
      },
      onAbort: (what) => showError('Customer Service Hub failed to start.',
        ' The application code could not be loaded or crashed (' + String(what) + '). Reload the page; ' +
        'if it happens again, the download may be blocked or incomplete.'),
    };
    setStatus('Loading…', 0.1);
    const script = document.createElement('script');
    script.src = opts.script;
    script.async = true;
    script.onerror = () => showError('Customer Service Hub could not be downloaded.',
      ' Check the network connection and reload the page.');
    document.body.appendChild(script);

    if (opts.serviceWorker && 'serviceWorker' in navigator && window.isSecureContext) {
      navigator.serviceWorker.register(opts.serviceWorker).catch((e) => console.warn('casehub: service worker: ' + e));
    }
  };

  // ---- called by the wasm (platform/*.cpp) ----
  casehub._onFrame = function (n) {
    casehub._frames = n;
    if (n === 1) {
      const status = $('status');
      if (status && !status.classList.contains('error')) status.classList.add('hidden');
      // The frame was drawn in this animation frame; it is on screen by the next one.
      requestAnimationFrame(() => {
        casehub.firstFrame = true;
        window.dispatchEvent(new Event('casehub:firstframe'));
      });
    }
  };
  casehub._getClipboard = () => casehub._clipboard;
  casehub._setClipboard = function (text) {
    casehub._clipboard = text;
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
  };
  casehub._setTextInput = function (active) {
    const input = $('text-input');
    if (!input) return;
    if (active) {
      // A text box of the accessibility mirror (accessibility.js) takes the text itself.
      if (casehub._a11yOwnsTextFocus && casehub._a11yOwnsTextFocus()) return;
      if (document.activeElement !== input) input.focus({ preventScroll: true });
    } else if (document.activeElement === input) {
      input.blur();
    }
  };

  // ---- test API ----
  casehub.frameCount = function () {
    return window.Module && window.Module._casehub_frame_count ? window.Module._casehub_frame_count() : 0;
  };
  casehub.widgets = function () {
    const M = window.Module;
    if (!M || !M._casehub_widgets_json) return [];
    return JSON.parse(M.UTF8ToString(M._casehub_widgets_json()));
  };
  casehub.findWidgets = (label) => casehub.widgets().filter((w) => w.label === label);
  // Bench hook: shows `n` generated demo cases in the workspace instead of the replica
  // (not synced, gone on reload); returns how many cases were made.
  casehub.loadBenchCases = function (n) {
    const M = window.Module;
    return M && M._casehub_load_bench_cases ? M._casehub_load_bench_cases(n) : 0;
  };
  // CPU time per frame over the last frames: {frames, mean_ms, p50_ms, p95_ms, max_ms}.
  // reset: start a new measuring window after this answer.
  casehub.frameStats = function (reset) {
    const M = window.Module;
    if (!M || !M._casehub_frame_stats_json) return null;
    return JSON.parse(M.UTF8ToString(M._casehub_frame_stats_json(reset ? 1 : 0)));
  };

  // ---- input glue ----
  function canvasPoint(touch) {
    return { clientX: touch.clientX, clientY: touch.clientY, screenX: touch.screenX, screenY: touch.screenY };
  }

  function textInputAt(x, y) {
    // Widgets of the last frame, in CSS px relative to the canvas (which sits at 0,0).
    try {
      return casehub.widgets().some((w) => w.input && x >= w.x && x < w.x + w.w && y >= w.y && y < w.y + w.h);
    } catch (e) {
      return false;
    }
  }

  function addText(text) {
    const M = window.Module;
    if (!text || !M || !M._casehub_add_input_utf8) return;
    const n = M.lengthBytesUTF8(text) + 1;
    const p = M._malloc(n);
    M.stringToUTF8(text, p, n);
    M._casehub_add_input_utf8(p);
    M._free(p);
  }

  function pressKey(code) {
    const M = window.Module;
    if (M && M._casehub_press_key) M._casehub_press_key(code);
  }
  casehub._addText = addText;    // for the accessibility mirror's text boxes
  casehub._pressKey = pressKey;

  function installInputGlue() {
    const canvas = $('canvas');
    const input = $('text-input');

    // Touch: GLFW's JS only presses the button on touchstart (without moving the
    // pointer), so a tap would click wherever the last pointer was. Turn each single-
    // finger touch into mouse events at the finger, and keep GLFW's own handler out.
    // A drag past a few pixels becomes scrolling (ImGui has no touch scrolling): the
    // press is released away from any widget (so nothing is clicked), the pointer comes
    // back to the finger and each move is sent as a wheel event that tracks the finger.
    const DRAG_START_PX = 10;
    const WHEEL_PX_PER_NOTCH = 100;      // platform/wheel.cpp divides by this
    const SCROLL_PX_PER_NOTCH = 75;      // ImGui 1.86 scrolls 5 x font size (15 px) per notch
    let touchId = null, touchStart = null, touchLast = null, scrolling = false;
    const fire = (type, point, extra) => canvas.dispatchEvent(new MouseEvent(type, Object.assign({
      bubbles: true, cancelable: true, view: window, button: 0, buttons: type === 'mousedown' ? 1 : 0,
    }, point, extra || {})));
    const fireWheel = (point, dx, dy) => canvas.dispatchEvent(new WheelEvent('wheel', Object.assign({
      bubbles: true, cancelable: true, view: window, deltaMode: 0,
      deltaX: dx * WHEEL_PX_PER_NOTCH / SCROLL_PX_PER_NOTCH, deltaY: dy * WHEEL_PX_PER_NOTCH / SCROLL_PX_PER_NOTCH,
    }, point)));
    canvas.addEventListener('touchstart', (e) => {
      e.stopImmediatePropagation();
      e.preventDefault();
      if (touchId !== null) return;
      const t = e.changedTouches[0];
      touchId = t.identifier;
      touchStart = touchLast = canvasPoint(t);
      scrolling = false;
      fire('mousemove', touchStart);
      fire('mousedown', touchStart);
    }, { capture: true, passive: false });
    canvas.addEventListener('touchmove', (e) => {
      e.stopImmediatePropagation();
      e.preventDefault();
      for (const t of e.changedTouches) {
        if (t.identifier !== touchId) continue;
        const p = canvasPoint(t);
        if (!scrolling && Math.hypot(p.clientX - touchStart.clientX, p.clientY - touchStart.clientY) > DRAG_START_PX) {
          scrolling = true;
          const away = { clientX: -10000, clientY: -10000, screenX: -10000, screenY: -10000 };
          fire('mousemove', away);
          fire('mouseup', away);
          fire('mousemove', p);
        }
        if (scrolling) {
          fire('mousemove', p);
          fireWheel(p, touchLast.clientX - p.clientX, touchLast.clientY - p.clientY);
        } else {
          fire('mousemove', p);
        }
        touchLast = p;
      }
    }, { capture: true, passive: false });
    const end = (e) => {
      e.stopImmediatePropagation();
      e.preventDefault();
      for (const t of e.changedTouches) {
        if (t.identifier !== touchId) continue;
        touchId = null;
        if (scrolling) continue;
        const p = canvasPoint(t);
        fire('mouseup', p);
        // Focusing inside the touch handler is what makes tablets show the keyboard.
        if (e.type === 'touchend' && textInputAt(p.clientX, p.clientY)) input.focus({ preventScroll: true });
      }
    };
    canvas.addEventListener('touchend', end, { capture: true, passive: false });
    canvas.addEventListener('touchcancel', end, { capture: true, passive: false });

    // Mouse: keep the hidden input focused while a text field is being clicked into.
    canvas.addEventListener('mousedown', (e) => {
      if (textInputAt(e.clientX, e.clientY)) {
        e.preventDefault();
        input.focus({ preventScroll: true });
      }
    }, true);

    // While the hidden input has focus, text comes from its input events (so IME and
    // dead keys arrive composed); GLFW must not also turn the keypress into a character.
    window.addEventListener('keypress', (e) => {
      if (document.activeElement === input) e.stopImmediatePropagation();
    }, true);
    window.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === 'v' || e.key === 'V')) casehub._lastPasteShortcut = Date.now();
      if (e.keyCode === 8) casehub._lastBackspaceKeydown = Date.now();
    }, true);
    input.addEventListener('input', (e) => {
      if (e.isComposing) return;
      switch (e.inputType) {
        case 'insertText':
        case 'insertReplacementText':
        case 'insertCompositionText':
          addText(e.data || input.value);
          break;
        case 'deleteContentBackward':
          // On-screen keyboards often send no usable keydown for Backspace.
          if (Date.now() - casehub._lastBackspaceKeydown > 300) pressKey(8);
          break;
        case 'insertLineBreak':
          pressKey(13);
          break;
        default:
          break;
      }
      input.value = '';
    });
    input.addEventListener('compositionend', (e) => {
      addText(e.data);
      input.value = '';
    });

    // Clipboard: ImGui reads it synchronously, browsers only hand it out in a paste
    // event, so keep the last pasted text (copies go out through navigator.clipboard).
    // A paste without Ctrl/Cmd+V (a tablet's context menu) does not reach ImGui's
    // shortcut, so type it in instead.
    window.addEventListener('paste', (e) => {
      const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      casehub._clipboard = text;
      if (document.activeElement === input) {
        e.preventDefault();
        if (Date.now() - casehub._lastPasteShortcut > 500) addText(text);
      }
    }, true);
  }
})();
