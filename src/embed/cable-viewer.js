// Cable Viewer for other sites: `<script type="module" src="…/cable-viewer.js"></script>`
// defines <cable-viewer> and exports the JS API (parseCable, explain, version).
//
// This file keeps its name from build to build; the content-hashed wasm and its glue
// sit beside it and are resolved against this module's own URL, so the bundle works
// from any origin or path. src/pwa/postbuild.mjs stamps in their names and the styles.
// One wasm instance serves every element on the page.
import init, { Viewer, parseCable as parseText, explain as explainCode, version as versionOf, loadRoutingBook } from './GLUE_FILE';

const STYLES = 'STYLES_TEXT';
const WASM = new URL('./WASM_FILE', import.meta.url);
// The routing book (station names of routing indicators) is not in the wasm: loaded beside it.
const ROUTING_BOOK = new URL('./routing.txt', import.meta.url);

/** Why the wasm could not start (the host's CSP lacks 'wasm-unsafe-eval', a failed
 *  download…), or null. Elements then report `cable-error` with type `init`. */
let failure = null;
try {
  await init({ module_or_path: WASM });
  // Without it routing indicators read as not looked up; everything else works.
  await loadRoutingBook(ROUTING_BOOK.href);
} catch (error) {
  failure = error instanceof Error ? error : new Error(String(error));
}

function ready() {
  if (failure) throw new Error(`Cable Viewer could not start: ${failure.message}`);
}

/** The plain JSON model of a cable (what `cable parse` prints). */
export function parseCable(text) {
  ready();
  return parseText(String(text));
}

/** What a code means: routing indicator, TAG, precedence, caption, portion mark, reason. */
export function explain(code) {
  ready();
  return explainCode(String(code));
}

/** The version of Cable Viewer (null when the wasm could not start). */
export const version = failure ? null : versionOf();

// One stylesheet object, adopted by every element's shadow root: no request, no inline
// <style> for the host's CSP to refuse, and nothing of it applies outside the element.
let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

/** Text written inside the element, without the indentation of the host's markup. */
function ownText(element) {
  const lines = element.textContent.replace(/^\s*\n/, '').trimEnd().split('\n');
  const indents = lines.filter((line) => line.trim()).map((line) => line.match(/^[ \t]*/)[0].length);
  const indent = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(indent)).join('\n');
}

function nameOf(src) {
  try {
    return decodeURIComponent(new URL(src, document.baseURI).pathname.split('/').pop()) || src;
  } catch {
    return src;
  }
}

export class CableViewerElement extends HTMLElement {
  static observedAttributes = ['src', 'collapsed', 'highlight'];

  #root;
  #viewer = null;
  /** Where the cable comes from: 'text' (the property), 'src', or 'content' (inline). */
  #from = null;
  #text = null;
  #cable = null;
  #fetching = null;
  #observer = null;

  constructor() {
    super();
    // Without the wasm there is nothing to show instead: the element's own text stays in view.
    if (failure) return;
    const shadow = this.attachShadow({ mode: 'open', delegatesFocus: true });
    this.#root = document.createElement('div');
    shadow.append(this.#root);
    shadow.adoptedStyleSheets = [styles()];
  }

  /** The parsed model of the cable shown (read-only), or null before one is shown. */
  get cable() {
    return this.#cable;
  }

  /** The cable's text. Setting it shows that text, whatever `src` or the content say. */
  get text() {
    return this.#text ?? '';
  }

  set text(value) {
    this.#from = 'text';
    this.#text = value == null ? '' : String(value);
    this.#abort();
    this.#showText();
  }

  get src() {
    return this.getAttribute('src') ?? '';
  }

  set src(value) {
    this.setAttribute('src', value);
  }

  connectedCallback() {
    if (failure) {
      this.#emit('cable-error', { type: 'init', message: `Cable Viewer could not start: ${failure.message}` });
      return;
    }
    if (!this.#viewer) {
      this.#viewer = new Viewer(this.#root);
      this.#applyOptions();
    }
    if (this.#from === 'text') {
      this.#showText();
    } else if (this.hasAttribute('src')) {
      this.#load(this.getAttribute('src'));
    } else if (document.readyState === 'loading') {
      // Defined before the parser reached our closing tag: read the text once it has.
      document.addEventListener('DOMContentLoaded', () => this.#fromContent(), { once: true });
    } else {
      this.#fromContent();
    }
    // Inline text edited by the host page is shown again.
    this.#observer = new MutationObserver(() => this.#fromContent());
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#abort();
    this.#viewer?.destroy();
    this.#viewer = null;
    this.#root?.replaceChildren();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#viewer || before === after) return;
    if (name === 'src') {
      if (after !== null && this.#from !== 'text') this.#load(after);
    } else {
      this.#applyOptions();
    }
  }

  #applyOptions() {
    this.#viewer.setOptions(this.getAttribute('collapsed'), this.getAttribute('highlight') ?? '');
  }

  #fromContent() {
    if (!this.#viewer || this.#from === 'text' || this.hasAttribute('src')) return;
    const text = ownText(this);
    // An empty element waits for its `text` or `src`.
    if (!text.trim() && this.#from === null) return;
    this.#from = 'content';
    this.#text = text;
    this.#showText();
  }

  async #load(src) {
    this.#abort();
    this.#from = 'src';
    const controller = new AbortController();
    this.#fetching = controller;
    this.#viewer.setLoading(true);
    const name = nameOf(src);
    let bytes;
    try {
      const response = await fetch(new URL(src, document.baseURI), { signal: controller.signal });
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#fetching = null;
      const message = `Could not load ${src}: ${error.message}`;
      this.#viewer?.fail(name, error.message);
      this.#cable = null;
      this.#emit('cable-error', { type: 'fetch', message });
      return;
    }
    if (controller.signal.aborted || !this.#viewer) return;
    this.#fetching = null;
    this.#text = new TextDecoder().decode(bytes);
    this.#report(this.#viewer.showBytes(name, bytes));
  }

  #abort() {
    this.#fetching?.abort();
    this.#fetching = null;
  }

  /** Shows `#text`, once the element is in a page. */
  #showText() {
    if (this.#viewer) this.#report(this.#viewer.show('Cable', this.#text));
  }

  /** Keeps the model a `Viewer.show…` returned, and says how it went. */
  #report({ cable, problem }) {
    this.#cable = Object.freeze(cable);
    if (problem) {
      this.#emit('cable-error', { type: 'parse', message: problem });
    } else {
      this.#emit('cable-load', { id: cable.id, subject: cable.subject, diagnostics: cable.diagnostics.length });
    }
  }

  /** Events bubble out of the shadow root (composed), after the current task, so a
   *  listener added right after the element is created still hears the first one. */
  #emit(type, detail) {
    setTimeout(() => this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })));
  }
}

if (!customElements.get('cable-viewer')) customElements.define('cable-viewer', CableViewerElement);
