// Shared by the end-to-end tests: a static server for dist/ on 127.0.0.1 and
// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const DIST = resolve(import.meta.dirname, '../../dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` on 127.0.0.1 (an ephemeral port unless `port` is given); resolves to
 *  { url, close }. Every answer allows any origin (CORS), as a CDN serving the embed bundle
 *  must. `pages` maps paths to generated files (typed by extension, else HTML); `rewrite(text)`
 *  edits every HTML file served from `root`; `isolated` makes its pages cross-origin isolated. */
export async function serve(root = DIST, { port = 0, host = '127.0.0.1', pages = {}, rewrite = (text) => text, isolated = false } = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const cors = { 'access-control-allow-origin': '*' };
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs (benchmarks).
    if (isolated) Object.assign(cors, { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
    if (Object.hasOwn(pages, path)) {
      res.writeHead(200, { ...cors, 'content-type': TYPES[extname(path)] ?? TYPES['.html'] }).end(pages[path]);
      return;
    }
    let file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      if (extname(file) === '.html') body = rewrite(body.toString('utf8'));
      res.writeHead(200, { ...cors, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, cors).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, host, ok));
  const address = server.address();
  return { url: `http://${host}:${address.port}/`, port: address.port, close: () => new Promise((ok) => server.close(ok)) };
}

/** The flags that keep Debian's Chromium off the closed network (and working as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, headless. */
export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page that records console errors, page errors and every request it makes. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  // Any Content-Security-Policy violation becomes a console error, which tests forbid.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  return { page, problems, requests };
}

/** The 2010 Cablegate pages beside the repository. */
export const CORPUS = process.env.CABLE_CORPUS
  ? resolve(process.env.CABLE_CORPUS, 'cablegate-2010')
  : resolve(import.meta.dirname, '../../../shared/corpus/cablegate-2010');

/** Pastes `text` into the page as a reader does (a paste event outside the text fields). */
export function paste(page, text) {
  return page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.querySelector('.cv-reader').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

/** The value of a row of the metadata summary, by its label. */
export async function metaValue(page, label) {
  return page.locator('dl.cv-meta > dt', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]').innerText();
}

/** Scrolls an element into view and waits two rendering frames, so that content the
 *  page renders only when visible (content-visibility) is drawn, as a reader would see it. */
export async function scrollTo(locator) {
  await locator.scrollIntoViewIfNeeded();
  await locator.page().evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** One server for dist/ and one browser for a test file, started before its tests and
 *  closed after them. Returns an object whose `server` and `browser` are set by then. */
export function useServerAndBrowser(before, after) {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Opens the "Edit text" bar if it is folded; the "Cable text" box. */
export async function editText(page) {
  const box = page.locator('details.cv-input');
  if (!(await box.evaluate((d) => d.open))) await box.locator('summary').click();
  return page.getByLabel('Cable text');
}

/** Opens the toolbar's "More" menu if it is closed; the menu's item `name` (a button). */
export async function menuItem(page, name) {
  const menu = page.locator('details.cv-menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
  return page.locator('.cv-menu__items').getByRole('button', { name, exact: true });
}

/** The Theme list, in the "More" menu. */
export async function themeSelect(page) {
  const menu = page.locator('details.cv-menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
  return page.getByLabel('Theme');
}
