// embed.html: <cable-viewer> in a frame, driven by the page that frames it.
//
// Protocol (version 1; every message is an object with `type` and `v: 1`):
//   host → frame  {type: 'cable-viewer:load-text', v: 1, text, collapsed?, highlight?, theme?}
//   frame → host  {type: 'cable-viewer:ready', v: 1}              once it listens
//                 {type: 'cable-viewer:loaded', v: 1, id}         a cable is shown (id may be null)
//                 {type: 'cable-viewer:error', v: 1, error: {type, message}}
//                 {type: 'cable-viewer:resize', v: 1, height}     whenever its height changes
// The frame's URL fragment may carry the same: #src=<url>&collapsed=…&highlight=…&theme=…
// (a fragment never reaches a server). It acts on messages from its parent window at the
// parent's origin only, and does nothing at all when it is not framed.
import './cable-viewer.js';

const viewer = document.getElementById('cable');
const framed = window.parent !== window;

/** The framing page's origin: what the browser says of our ancestors, else the referrer. */
function parentOrigin() {
  const ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length) return ancestors[0];
  try {
    return new URL(document.referrer).origin;
  } catch {
    return null;
  }
}

function setOptions(options) {
  for (const name of ['collapsed', 'highlight', 'theme']) {
    const value = options[name];
    if (typeof value === 'string') viewer.setAttribute(name, value);
  }
}

if (!framed) {
  viewer.hidden = true;
  document.getElementById('unframed').hidden = false;
} else {
  const origin = parentOrigin();
  // 'null' (a sandboxed or file: parent) cannot be targeted safely: say nothing to it.
  const tell = (message) => origin && origin !== 'null' && window.parent.postMessage({ ...message, v: 1 }, origin);

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== origin) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || data.v !== 1) return;
    if (data.type === 'cable-viewer:load-text' && typeof data.text === 'string') {
      setOptions(data);
      viewer.text = data.text;
    }
  });

  let height = -1;
  const measure = () => {
    const now = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (now !== height) {
      height = now;
      tell({ type: 'cable-viewer:resize', height });
    }
  };
  // Browsers pause rendering in a frame scrolled out of view, and with it ResizeObserver:
  // a new cable is measured at once, so the host can size the frame before it is seen.
  new ResizeObserver(measure).observe(document.documentElement);
  viewer.addEventListener('cable-load', (event) => {
    measure();
    tell({ type: 'cable-viewer:loaded', id: event.detail.id });
  });
  viewer.addEventListener('cable-error', (event) => {
    measure();
    tell({ type: 'cable-viewer:error', error: event.detail });
  });

  const fragment = new URLSearchParams(window.location.hash.slice(1));
  setOptions(Object.fromEntries(fragment));
  const src = fragment.get('src');
  if (src) viewer.src = src;
  tell({ type: 'cable-viewer:ready' });
}
