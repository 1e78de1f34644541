// End to end: Cable Viewer embedded in another site. dist/ is served on one origin (the
// viewer, as from a CDN), host pages on another, and a third origin plays a stranger.
// Playwright's locators pierce open shadow roots, so `#id .cv-…` reaches inside an element.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serve, launch, openPage, DIST } from './harness.mjs';
import { PAYLOADS, cable, probe, visibleText } from './payloads.mjs';

const REPO = resolve(import.meta.dirname, '../..');
const SAMPLES = resolve(REPO, 'src/assets/samples');
const env = {};
/** Host pages made by the tests, served by the host origin. */
const pages = {};

before(async () => {
  env.viewer = await serve(DIST, { pages });
  // The host site is this repository: examples/embed.html and the sample cables. Its pages name
  // the viewer as `make example` serves it; here that is the viewer origin above.
  env.host = await serve(REPO, { pages, rewrite: (html) => html.replaceAll('http://127.0.0.1:8080/', env.viewer.url) });
  env.stranger = await serve(REPO, { pages });
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  for (const server of [env.viewer, env.host, env.stranger]) await server?.close();
});

/** A host page on the host origin that loads the module and holds `body`; `head` adds to its
 *  head; `nonce` marks its inline script for a host policy that allows it by nonce. */
function hostPage(name, body, head = '', nonce = '') {
  pages[`/${name}`] = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,">${head}
<script${nonce ? ` nonce="${nonce}"` : ''}>
  // Every event that reaches the document, as a host page's listener sees it.
  window.__events = [];
  for (const type of ['cable-load', 'cable-error']) {
    document.addEventListener(type, (e) => __events.push({ type, target: e.target.id, bubbles: e.bubbles, composed: e.composed, detail: e.detail }));
  }
</script>
<script type="module" src="${env.viewer.url}cable-viewer.js"></script></head><body>${body}</body></html>`;
  return `${env.host.url}${name}`;
}

/** Waits until the page's document has heard `count` events of `type` (optionally from `target`). */
async function events(page, type, count, target) {
  await page.waitForFunction(
    ([type, count, target]) => __events.filter((e) => e.type === type && (!target || e.target === target)).length >= count,
    [type, count, target],
  );
  return page.evaluate(([type, target]) => __events.filter((e) => e.type === type && (!target || e.target === target)), [type, target]);
}

const sample = (name) => readFile(resolve(SAMPLES, name), 'utf8');

test('the example page: two elements from one module script, from src= and from inline text, one wasm', async () => {
  const { page, problems, requests } = await openPage(env.browser, `${env.host.url}examples/embed.html`);
  const fromFile = page.locator('#from-file');
  const inline = page.locator('#inline');
  await fromFile.locator('h2.cv-subject').filter({ hasText: 'MUGABE' }).waitFor();
  await inline.locator('h2.cv-subject').filter({ hasText: 'AMBASSADOR MEETS DEFENSE MINISTER KLICH' }).waitFor();
  // The log of the example itself heard both, from listeners on its document.
  await page.locator('#log li', { hasText: 'cable-load from-file: 09HARARE955' }).waitFor();
  await page.locator('#log li', { hasText: 'cable-load inline: 10WARSAW110' }).waitFor();
  // Both rendered inside open shadow roots, not in the page.
  assert.equal(await page.evaluate(() => document.querySelectorAll('.cv-embed').length), 0);
  assert.equal(await page.evaluate(() => document.querySelector('#inline').shadowRoot.querySelectorAll('.cv-para').length > 5), true);
  // Initial state from attributes: a highlighted term; collapsed metadata and envelope.
  assert.ok((await fromFile.locator('mark.cv-hit').count()) > 0);
  assert.match(await fromFile.locator('mark.cv-hit').first().innerText(), /^mugabe$/i);
  assert.equal(await inline.locator('details.cv-embed__meta').evaluate((d) => d.open), false);
  assert.equal(await inline.locator('details.cv-envelope').evaluate((d) => d.open), false);
  assert.equal(await fromFile.locator('details.cv-embed__meta').evaluate((d) => d.open), true);
  assert.equal(await fromFile.locator('details.cv-section').first().evaluate((d) => d.open), true);
  // The inline cable is still the element's own content, readable without the script.
  assert.match(await inline.evaluate((e) => e.textContent), /C O N F I D E N T I A L SECTION 01 OF 02 WARSAW 000110/);
  // One wasm download for every element of the page (the frame is a page of its own).
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('_bg.wasm')).length), 1);
  assert.equal(requests.filter((url) => url.endsWith('_bg.wasm')).length, 2);
  // The frame: sent a cable by postMessage, it reported it loaded and its height.
  await page.locator('#log li', { hasText: 'frame loaded: 72TEHRAN1164' }).waitFor();
  const frame = page.frameLocator('#frame');
  await frame.locator('h2.cv-subject').waitFor();
  await page.waitForFunction(() => parseFloat(document.getElementById('frame').style.height) > 400);
  const embedded = page.frames().find((f) => f.url().startsWith(env.viewer.url));
  const [outer, inner] = await Promise.all([
    page.locator('#frame').evaluate((f) => f.getBoundingClientRect().height),
    embedded.evaluate(() => document.documentElement.getBoundingClientRect().height),
  ]);
  assert.ok(Math.abs(outer - inner) <= 1, `the frame is as tall as its content (${outer} vs ${inner})`);
  // Privacy: the viewer fetched its own bundle (with the routing book) and the cables the page
  // named, nothing else.
  const own = new Set(['cable-viewer.js', 'embed.html', 'embed.js', 'icons/icon-192.png', 'routing.txt']);
  for (const url of requests) {
    if (url.startsWith(env.viewer.url)) {
      const file = url.slice(env.viewer.url.length).split('#')[0];
      assert.ok(own.has(file) || /^cable-viewer-embed-[0-9a-f]+(_bg\.wasm|\.js)$/.test(file), `the viewer fetched ${url}`);
    } else {
      assert.ok(url.startsWith(env.host.url), `a request left for ${url}`);
    }
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('without JavaScript the inline cable still reads as text', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${env.host.url}examples/embed.html`);
  const pre = page.locator('#inline pre');
  assert.equal(await pre.isVisible(), true);
  assert.match(await pre.innerText(), /SUBJECT: AMBASSADOR MEETS DEFENSE MINISTER KLICH/);
  await context.close();
});

test('events bubble out of the shadow root, composed, with the model summary; `cable` is read-only', async () => {
  const url = hostPage('events.html', '<div id="wrap"><cable-viewer id="one"></cable-viewer></div>');
  const { page, problems } = await openPage(env.browser, url);
  const text = await sample('09HARARE955.txt');
  await page.evaluate((text) => {
    window.__wrapped = [];
    document.getElementById('wrap').addEventListener('cable-load', (e) => __wrapped.push(e.detail.id));
  }, text);
  await page.waitForFunction(() => customElements.get('cable-viewer'));
  await page.evaluate((text) => { document.getElementById('one').text = text; }, text);
  const [load] = await events(page, 'cable-load', 1, 'one');
  assert.deepEqual({ ...load, detail: { ...load.detail, diagnostics: typeof load.detail.diagnostics } }, {
    type: 'cable-load', target: 'one', bubbles: true, composed: true,
    detail: { id: '09HARARE955', subject: load.detail.subject, diagnostics: 'number' },
  });
  assert.match(load.detail.subject, /MUGABE/);
  assert.deepEqual(await page.evaluate(() => __wrapped), ['09HARARE955']);
  const readOnly = await page.evaluate(() => {
    const el = document.getElementById('one');
    let threw = false;
    try {
      'use strict';
      el.cable = null;
    } catch {
      threw = true;
    }
    return { id: el.cable.id, sections: el.cable.sections.length, threw: threw || el.cable !== null };
  });
  assert.equal(readOnly.id, '09HARARE955');
  assert.ok(readOnly.sections > 0);
  assert.equal(readOnly.threw, true);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the `text` property re-renders; a bad src and a non-cable text say cable-error', async () => {
  const url = hostPage('text.html', `
    <cable-viewer id="a"></cable-viewer>
    <cable-viewer id="missing" src="/no/such/cable.txt"></cable-viewer>
    <cable-viewer id="prose">This is a shopping list, not a cable: eggs, milk, bread.</cable-viewer>`);
  const { page, problems } = await openPage(env.browser, url);
  const [harare, tehran] = await Promise.all([sample('09HARARE955.txt'), sample('72TEHRAN1164.txt')]);
  await page.waitForFunction(() => customElements.get('cable-viewer'));
  const a = page.locator('#a');
  await page.evaluate((text) => { document.getElementById('a').text = text; }, harare);
  await a.locator('h2.cv-subject').filter({ hasText: 'MUGABE' }).waitFor();
  await page.evaluate((text) => { document.getElementById('a').text = text; }, tehran);
  const loads = await events(page, 'cable-load', 2, 'a');
  assert.deepEqual(loads.map((e) => e.detail.id), ['09HARARE955', '72TEHRAN1164']);
  await a.locator('h2.cv-subject').filter({ hasNotText: 'MUGABE' }).waitFor();
  assert.equal(await a.locator('.cv-subject').count(), 1, 'one view, replaced, not a second one');
  assert.equal(await page.evaluate(() => document.getElementById('a').cable.id), '72TEHRAN1164');
  assert.equal(await page.evaluate(() => document.getElementById('a').text.length), tehran.length);

  const [missing] = await events(page, 'cable-error', 1, 'missing');
  assert.equal(missing.detail.type, 'fetch');
  assert.match(missing.detail.message, /404/);
  await page.locator('#missing .cv-notice', { hasText: 'could not be read' }).waitFor();
  const [prose] = await events(page, 'cable-error', 1, 'prose');
  assert.equal(prose.detail.type, 'parse');
  assert.match(prose.detail.message, /does not look like a cable/);
  // The text is kept and shown as it was given.
  await page.locator('#prose .cv-original__text', { hasText: 'eggs, milk, bread' }).waitFor();
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
  await page.close();
});

test("the host's CSS stays out, ours stays in, and --cv-* and ::part() theme it", async () => {
  const url = hostPage('css.html', `
    <p class="cv-para" id="theirs">The host's own paragraph with our class name.</p>
    <div class="cv-banner" id="their-banner">The host's own banner</div>
    <cable-viewer id="themed" theme="light"></cable-viewer>`, `<style>
      * { color: rgb(255, 0, 0) !important; font-family: "Comic Sans MS", cursive !important; letter-spacing: 3px; }
      p, details, summary, dl { display: none !important; }
      .cv-para, .cv-section, .cv-banner { visibility: hidden !important; }
      cable-viewer { line-height: 5; text-transform: uppercase; --cv-accent: rgb(0, 128, 0); }
      cable-viewer::part(banner) { outline: 3px solid rgb(1, 2, 3); }
    </style>`);
  const { page, problems } = await openPage(env.browser, url);
  await page.waitForFunction(() => customElements.get('cable-viewer'));
  await page.evaluate((text) => { document.getElementById('themed').text = text; }, await sample('09HARARE955.txt'));
  await events(page, 'cable-load', 1, 'themed');
  const inside = await page.locator('#themed .cv-para').first().evaluate((p) => {
    const style = getComputedStyle(p);
    return { color: style.color, font: style.fontFamily, display: style.display, visibility: style.visibility, spacing: style.letterSpacing, transform: style.textTransform, lineHeight: style.lineHeight };
  });
  assert.notEqual(inside.color, 'rgb(255, 0, 0)');
  assert.doesNotMatch(inside.font, /Comic/);
  assert.equal(inside.display, 'block');
  assert.equal(inside.visibility, 'visible');
  assert.equal(inside.spacing, 'normal');
  assert.equal(inside.transform, 'none');
  assert.notEqual(inside.lineHeight, `${5 * 16}px`);
  // Themed on purpose: a custom property (a pressed button takes the accent) and a part.
  const original = page.locator('#themed').getByRole('button', { name: 'Original text' });
  await original.click();
  assert.equal(await original.getAttribute('aria-pressed'), 'true');
  assert.equal(await original.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(0, 128, 0)');
  assert.equal(await page.locator('#themed [part="banner"]').first().evaluate((b) => getComputedStyle(b).outlineColor), 'rgb(1, 2, 3)');
  // Ours stays in: the host's look-alike elements get none of our styles.
  const outside = await page.evaluate(() => ({
    banner: getComputedStyle(document.getElementById('their-banner')).backgroundColor,
    weight: getComputedStyle(document.getElementById('their-banner')).fontWeight,
  }));
  assert.equal(outside.banner, 'rgba(0, 0, 0, 0)');
  assert.equal(outside.weight, '400');
  assert.deepEqual(problems, []);
  await page.close();
});

/** The names an interface of the declarations lists (its two-space-indented members). */
function declared(dts, name) {
  const body = dts.match(new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}`))[1];
  return [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]).sort();
}

test('the JS API from the module: parseCable, explain and version, as its declarations say', async () => {
  const url = hostPage('api.html', '');
  const { page, problems } = await openPage(env.browser, url);
  const api = await page.evaluate(async ([viewer, text]) => {
    const module = await import(`${viewer}cable-viewer.js`);
    const cable = module.parseCable(text);
    const paragraph = cable.sections.flatMap((s) => s.paragraphs).find((p) => p.number);
    return {
      exports: Object.keys(module).sort(),
      cable: Object.keys(cable).sort(),
      addressee: Object.keys(cable.to[0]).sort(),
      paragraph: Object.keys(paragraph).sort(),
      transmission: Object.keys(cable.transmission).sort(),
      id: cable.id,
      classification: cable.classification,
      tags: cable.tags,
      prel: module.explain('PREL'),
      explanation: Object.keys(module.explain('RUEHC')).sort(),
      version: module.version,
      // A second import is the same module: one wasm instance.
      same: module === (await import(`${viewer}cable-viewer.js`)),
      junk: module.parseCable('\u0000\u0001 not a cable').diagnostics.length > 0,
    };
  }, [env.viewer.url, await readFile(resolve(REPO, 'src/assets/09USUNNEWYORK78.txt'), 'utf8')]);
  assert.deepEqual(api.exports, ['CableViewerElement', 'explain', 'parseCable', 'version']);
  assert.equal(api.id, '09USUNNEWYORK78');
  assert.equal(api.classification, 'CONFIDENTIAL');
  assert.ok(api.tags.includes('PREL'));
  assert.equal(api.prel.meaning, 'External Political Relations');
  assert.equal(api.prel.certainty, 'listed');
  const cargo = await readFile(resolve(REPO, 'Cargo.toml'), 'utf8');
  assert.equal(api.version, cargo.match(/^version = "([^"]+)"/m)[1]);
  assert.equal(api.same, true);
  assert.equal(api.junk, true);
  // The TypeScript declarations ship beside the module and name exactly these fields.
  const dts = await (await fetch(`${env.viewer.url}cable-viewer.d.ts`)).text();
  assert.deepEqual(declared(dts, 'Cable'), api.cable);
  assert.deepEqual(declared(dts, 'Addressee'), api.addressee);
  assert.deepEqual(declared(dts, 'Paragraph'), api.paragraph);
  assert.deepEqual(declared(dts, 'Transmission'), api.transmission);
  assert.deepEqual(declared(dts, 'Explanation'), api.explanation);
  for (const name of ['parseCable', 'explain']) assert.match(dts, new RegExp(`export function ${name}\\(`));
  assert.match(dts, /export const version: string \| null;/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("under a host's strict CSP with Trusted Types it works; without 'wasm-unsafe-eval' it says init and keeps the text", async () => {
  const policy = (wasm) => `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-test' ${env.viewer.url.slice(0, -1)}${wasm ? " 'wasm-unsafe-eval'" : ''}; connect-src ${env.viewer.url.slice(0, -1)}; style-src 'self'; img-src data:; require-trusted-types-for 'script'; trusted-types 'none'">`;
  const body = '<cable-viewer id="strict">\n  UNCLASSIFIED\n  SUBJECT: A CABLE UNDER A STRICT POLICY\n\n  1. Read me.\n</cable-viewer>';
  let { page, problems } = await openPage(env.browser, hostPage('strict.html', body, policy(true), 'test'));
  await page.locator('#strict h2.cv-subject', { hasText: 'A CABLE UNDER A STRICT POLICY' }).waitFor();
  await events(page, 'cable-load', 1, 'strict');
  assert.deepEqual(problems, []);
  await page.close();

  ({ page, problems } = await openPage(env.browser, hostPage('nowasm.html', body, policy(false), 'test')));
  const [error] = await events(page, 'cable-error', 1, 'strict');
  assert.equal(error.detail.type, 'init');
  assert.match(error.detail.message, /could not start/);
  // The element's own text is what the reader sees.
  assert.match(await page.locator('#strict').innerText(), /SUBJECT: A CABLE UNDER A STRICT POLICY/);
  // The only complaint is the policy refusing the wasm, which is the point of this page.
  assert.ok(problems.length > 0 && problems.every((p) => /wasm|WebAssembly|CSP violation: script-src/i.test(p)), problems.join('\n'));
  await page.close();
});

/** A host page with embed.html in a frame (and a stranger's frame from a third origin). It keeps
 *  every message from the viewer's origin and sizes the frame as told. */
function framePage(name, fragment = '') {
  const viewer = env.viewer.url.slice(0, -1);
  pages[`/stranger-${name}`] = '<!doctype html><title>stranger</title><link rel="icon" href="data:,"><p>Another site.</p>';
  pages[`/${name}`] = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,">
<script>
  window.__messages = [];
  window.addEventListener('message', (event) => {
    if (event.origin !== '${viewer}') return;
    __messages.push(event.data);
    if (event.data.type === 'cable-viewer:resize') document.getElementById('cable').style.height = event.data.height + 'px';
  });
  window.send = (message) => document.getElementById('cable').contentWindow.postMessage(message, '${viewer}');
</script></head><body>
<iframe id="cable" title="Cable" style="width: 100%; border: 0" src="${viewer}/embed.html${fragment}"></iframe>
<iframe id="stranger" title="Stranger" src="${env.stranger.url}stranger-${name}"></iframe>
</body></html>`;
  return `${env.host.url}${name}`;
}

const messages = (page, type) => page.evaluate((type) => __messages.filter((m) => m.type === type), type);
const waitMessage = (page, type, test = () => true) =>
  page.waitForFunction(([type, test]) => __messages.some((m) => m.type === type && new Function('m', `return ${test}`)(m)), [type, test.toString().replace(/^\(?m\)? => /, '')]);

test('embed.html: a cable by postMessage from its parent, resize reports, and a stranger ignored', async () => {
  const { page, problems } = await openPage(env.browser, framePage('frame.html'));
  await page.waitForFunction(() => __messages.some((m) => m.type === 'cable-viewer:ready' && m.v === 1));
  const frame = page.frames().find((f) => f.url().startsWith(`${env.viewer.url}embed.html`));
  const stranger = page.frames().find((f) => f.url().startsWith(env.stranger.url));
  // A listener added after the frame's own hears each message once the frame has dealt with it.
  await frame.evaluate(() => {
    window.__seen = [];
    window.addEventListener('message', (e) => __seen.push(e.origin));
  });

  // Another origin (a stranger's frame on the same page) sends a cable: ignored.
  await stranger.evaluate((text) => {
    parent.frames[0].postMessage({ type: 'cable-viewer:load-text', v: 1, text }, '*');
  }, cable('<b>STRANGER</b>', 99));
  await frame.waitForFunction((origin) => __seen.includes(origin), env.stranger.url.slice(0, -1));
  assert.equal(await frame.evaluate(() => document.getElementById('cable').cable), null);
  await frame.locator('.cv-embed__waiting', { hasText: 'No cable yet.' }).waitFor();
  // So does a message of another protocol version from the right parent.
  await page.evaluate((text) => send({ type: 'cable-viewer:load-text', v: 2, text }), cable('VERSION TWO', 98));
  await frame.waitForFunction(() => __seen.length === 2);
  assert.equal(await frame.evaluate(() => document.getElementById('cable').cable), null);

  // The parent's message is shown, with the options it carries.
  await page.evaluate((text) => send({ type: 'cable-viewer:load-text', v: 1, text, highlight: 'Mugabe', theme: 'dark', collapsed: 'metadata' }), await sample('09HARARE955.txt'));
  await waitMessage(page, 'cable-viewer:loaded', (m) => m.id === '09HARARE955');
  await frame.locator('h2.cv-subject', { hasText: 'MUGABE' }).waitFor();
  assert.ok((await frame.locator('mark.cv-hit').count()) > 0);
  assert.equal(await frame.locator('cable-viewer').getAttribute('theme'), 'dark');
  assert.equal(await frame.locator('details.cv-embed__meta').evaluate((d) => d.open), false);
  assert.equal((await messages(page, 'cable-viewer:loaded')).length, 1, 'the stranger loaded nothing');
  // Its height, reported and applied: the frame shows all of the cable without scrolling.
  await page.waitForFunction(() => parseFloat(document.getElementById('cable').style.height) > 400);
  const tall = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  assert.ok(Math.abs(tall - (await page.locator('#cable').evaluate((f) => f.getBoundingClientRect().height))) <= 1);
  // Opening every section makes it taller, and it says so.
  const before = (await messages(page, 'cable-viewer:resize')).length;
  await page.locator('#cable').scrollIntoViewIfNeeded();
  await frame.locator('cable-viewer').getByRole('button', { name: 'Collapse all' }).click();
  await page.waitForFunction((n) => __messages.filter((m) => m.type === 'cable-viewer:resize').length > n, before);
  const shorter = (await messages(page, 'cable-viewer:resize')).at(-1).height;
  assert.ok(shorter < tall, `collapsed ${shorter} < open ${tall}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('embed.html: #src= in its fragment when framed, and nothing at all when it is not', async () => {
  const harare = await sample('09HARARE955.txt');
  pages['/cables/09HARARE955.txt'] = harare;
  const { page, problems } = await openPage(env.browser, framePage('fragment.html', '#src=cables/09HARARE955.txt&collapsed=sections'));
  await waitMessage(page, 'cable-viewer:loaded', (m) => m.id === '09HARARE955');
  const frame = page.frames().find((f) => f.url().startsWith(`${env.viewer.url}embed.html`));
  await frame.locator('h2.cv-subject', { hasText: 'MUGABE' }).waitFor();
  assert.equal(await frame.locator('details.cv-section').first().evaluate((d) => d.open), false);
  assert.deepEqual(problems, []);
  await page.close();

  // Opened on its own, it neither fetches nor listens: it says what it is for.
  const alone = await openPage(env.browser, `${env.viewer.url}embed.html#src=cables/09HARARE955.txt`);
  await alone.page.locator('#unframed', { hasText: 'inside another site' }).waitFor();
  assert.equal(await alone.page.locator('cable-viewer').isVisible(), false);
  // A message to it is dispatched (a listener added after the page's own hears it) and changes nothing.
  await alone.page.evaluate((text) => new Promise((done) => {
    window.addEventListener('message', () => done(), { once: true });
    window.postMessage({ type: 'cable-viewer:load-text', v: 1, text }, '*');
  }), harare);
  assert.equal(await alone.page.evaluate(() => document.querySelector('cable-viewer').cable), null);
  assert.equal(alone.requests.some((url) => url.includes('/cables/')), false);
  assert.deepEqual(alone.problems, []);
  await alone.page.close();
});

/** Nothing ran, nothing was made, no link at all, and the payload reads as text: inside `root`. */
async function assertInertIn(frame, selector, k, payload) {
  const state = await frame.evaluate((selector) => {
    const root = document.querySelector(selector).shadowRoot;
    return {
      pwned: window.__pwned ?? null,
      made: root.querySelectorAll('script, img, svg, iframe, object, embed, style, form, math, base, meta, link').length,
      links: root.querySelectorAll('a[href]').length,
      shown: root.textContent,
      outside: document.querySelectorAll('body script, body img, body svg, body iframe:not(#cable):not(#stranger), body object').length,
    };
  }, selector);
  assert.equal(state.pwned, null, `payload ${k} ran`);
  assert.equal(state.made, 0, `payload ${k} made elements`);
  assert.equal(state.links, 0, `payload ${k} made a link`);
  assert.equal(state.outside, 0, `payload ${k} made elements in the page`);
  const piece = probe(payload);
  if (piece) assert.ok(visibleText(state.shown).includes(piece), `payload ${k} not shown as text`);
}

test('hostile payloads through the text property, the element content, src= and the frame run nothing', async () => {
  for (const [k, payload] of PAYLOADS.entries()) pages[`/payloads/${k}.txt`] = cable(payload, k);
  const url = hostPage('hostile.html', '<cable-viewer id="prop"></cable-viewer><cable-viewer id="content"></cable-viewer><cable-viewer id="fetched"></cable-viewer>');
  const { page, problems } = await openPage(env.browser, url);
  await page.waitForFunction(() => customElements.get('cable-viewer'));
  for (const [k, payload] of PAYLOADS.entries()) {
    const text = cable(payload, k);
    await page.evaluate(([text, k]) => {
      document.getElementById('prop').text = text;
      document.getElementById('content').textContent = text;
      document.getElementById('fetched').src = `/payloads/${k}.txt`;
    }, [text, k]);
    for (const id of ['prop', 'content', 'fetched']) {
      if (id === 'fetched' && payload.includes('\u0000')) {
        // Fetched bytes with NUL are binary: refused politely.
        await page.locator(`#${id} .cv-notice`, { hasText: 'looks binary' }).waitFor();
        continue;
      }
      await page.locator(`#${id} h2.cv-subject`, { hasText: `PAYLOAD ${k} ` }).waitFor();
      await assertInertIn(page.mainFrame(), `#${id}`, k, payload);
    }
  }
  assert.deepEqual(problems, []);
  await page.close();

  const framed = await openPage(env.browser, framePage('hostile-frame.html'));
  await framed.page.waitForFunction(() => __messages.some((m) => m.type === 'cable-viewer:ready'));
  const frame = framed.page.frames().find((f) => f.url().startsWith(`${env.viewer.url}embed.html`));
  for (const [k, payload] of PAYLOADS.entries()) {
    await framed.page.evaluate((text) => send({ type: 'cable-viewer:load-text', v: 1, text }), cable(payload, k));
    await frame.locator('h2.cv-subject', { hasText: `PAYLOAD ${k} ` }).waitFor();
    await assertInertIn(frame, 'cable-viewer', k, payload);
  }
  assert.equal(await framed.page.evaluate(() => window.__pwned ?? null), null);
  assert.deepEqual(framed.problems, []);
  await framed.page.close();
});

test('axe-core finds no accessibility violations in the embedded view, light or dark', async () => {
  const { createRequire } = await import('node:module');
  const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const url = hostPage('axe.html', '<main><h1>A host page</h1><cable-viewer id="light" theme="light"></cable-viewer><cable-viewer id="dark" theme="dark"></cable-viewer></main>');
  const { page, problems } = await openPage(env.browser, url);
  await page.waitForFunction(() => customElements.get('cable-viewer'));
  const text = await sample('09HARARE955.txt');
  await page.evaluate((text) => {
    for (const id of ['light', 'dark']) document.getElementById(id).text = text;
  }, text);
  await events(page, 'cable-load', 2);
  // Open what starts closed, so that it is audited too.
  for (const id of ['light', 'dark']) {
    await page.locator(`#${id} details.cv-envelope > summary`).click();
    await page.locator(`#${id}`).getByRole('button', { name: 'Original text' }).click();
  }
  await page.evaluate(axe);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  assert.deepEqual(violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)), []);
  assert.deepEqual(problems, []);
  await page.close();
});
