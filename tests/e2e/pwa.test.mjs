// End to end: Cable Viewer as an installable, offline app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve, launch, DIST, CHROMIUM_ARGS, editText } from './harness.mjs';

let server;
let browser;
let copy;

before(async () => {
  // A copy of dist/, so that a "new build" can be made without touching the real one.
  copy = await mkdtemp(join(tmpdir(), 'cable-viewer-dist-'));
  await cp(DIST, copy, { recursive: true });
  server = await serve(copy);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await rm(copy, { recursive: true, force: true });
});

const heading = (page) => page.getByRole('heading', { level: 1 });

/** A fresh page whose service worker has installed and taken control. */
async function controlledPage(context) {
  const page = await context.newPage();
  await page.goto(server.url);
  await heading(page).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await heading(page).waitFor();
  return page;
}

test('the manifest parses with no errors and Chromium finds the app installable', async () => {
  const userData = await mkdtemp(join(tmpdir(), 'cable-viewer-profile-'));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await controlledPage(context);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.name, 'Cable Viewer');
    assert.equal(parsed.display, 'standalone');
    assert.deepEqual(parsed.icons.map((i) => `${i.sizes} ${i.purpose}`), ['192x192 any', '512x512 any', '512x512 maskable']);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    // The icons are real PNGs of the sizes they claim.
    for (const icon of parsed.icons) {
      const png = await readFile(resolve(DIST, icon.src));
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      assert.equal(`${width}x${height}`, icon.sizes, icon.src);
    }
  } finally {
    await context.close();
    await rm(userData, { recursive: true, force: true });
  }
});

test('the worker controls the page after a reload and caches every file the page loaded', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await heading(page).waitFor();
  await page.getByText('Ready to work offline.').waitFor();
  await page.reload();
  await heading(page).waitFor();
  const state = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('cable-viewer-') && n !== 'cable-viewer-shared'));
    const cached = (await cache.keys()).map((r) => new URL(r.url).pathname);
    const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && !u.pathname.startsWith('/shared')).map((u) => u.pathname);
    return { controlled: !!navigator.serviceWorker.controller, names, cached, loaded: [...new Set(loaded)] };
  });
  assert.ok(state.controlled, 'a service worker controls the page');
  assert.equal(state.names.filter((n) => n.startsWith('cable-viewer-')).length, 1);
  for (const path of state.loaded) assert.ok(state.cached.includes(path), `${path} is not cached`);
  assert.ok(state.cached.includes('/'), 'the page itself (index.html), precached once as /');
  await context.close();
});

test('a later visit fetches the routing book early and keeps it: offline, the envelope names stations', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const book = [];
  page.on('request', (r) => new URL(r.url()).pathname === '/routing.txt' && book.push(r.url()));
  await page.goto(server.url);
  await heading(page).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(2_000);
  assert.equal(book.length, 0, 'a first visit leaves the routing book');
  // A visit the worker serves (not the first) fetches it once the cable is shown; the worker keeps it.
  const fetched = page.waitForResponse((r) => new URL(r.url()).pathname === '/routing.txt');
  await page.reload();
  await heading(page).waitFor();
  const response = await fetched;
  assert.ok(response.fromServiceWorker(), 'through the worker');
  await response.finished();
  assert.ok(await page.evaluate(async () => !!(await caches.match('/routing.txt'))), 'kept');
  await context.setOffline(true);
  const offline = await context.newPage();
  await offline.goto(server.url);
  await heading(offline).waitFor();
  const envelope = offline.locator('details.cv-envelope');
  await envelope.locator('summary').click();
  await envelope.getByText('routing indicator of AMEMBASSY MEXICO: AMEMBASSY MEXICO CITY').waitFor();
  await context.close();
});

test('the manifest screenshots, once the browser has loaded them, are there offline', async () => {
  const context = await browser.newContext();
  const page = await controlledPage(context);
  const { screenshots } = JSON.parse(await readFile(resolve(DIST, 'manifest.webmanifest'), 'utf8'));
  const fetchAll = () => page.evaluate(async (srcs) => Promise.all(srcs.map(async (src) => {
    const response = await fetch(src);
    return `${response.status} ${response.headers.get('content-type')} ${(await response.arrayBuffer()).byteLength}`;
  })), screenshots.map((s) => s.src));
  const online = await fetchAll();
  for (const answer of online) assert.match(answer, /^200 image\/png [1-9]/);
  await context.setOffline(true);
  assert.deepEqual(await fetchAll(), online, 'the same files, from the worker, offline');
  await context.close();
});

test('offline: a reload opens the app, a pasted cable parses, a deep link opens', async () => {
  const context = await browser.newContext();
  const page = await controlledPage(context);
  await context.setOffline(true);
  const deep = await context.newPage();
  await deep.goto(`${server.url}#p3`);
  await deep.locator('#p3').waitFor();
  assert.match(await deep.locator('#p3').textContent(), /Ambassador Rice said the UN should reflect/);
  await page.reload();
  await heading(page).waitFor();
  await (await editText(page)).fill('SUBJECT: READ ON A TRAIN\n\n1. (U) Offline.');
  await heading(page).filter({ hasText: 'READ ON A TRAIN' }).waitFor();
  await context.close();
});

test('offline: the compiled-in sample opens; another opens once it has been opened online', async () => {
  const context = await browser.newContext();
  const page = await controlledPage(context);
  const open = async (name) => {
    await page.getByText('Try a sample', { exact: true }).click();
    await page.getByRole('list', { name: 'Sample cables' }).getByRole('button', { name, exact: true }).click();
  };
  const opened = (name) => page.getByRole('list', { name: 'Open cables' }).getByRole('button', { name, exact: true });
  // Not precached: a first visit does not carry it.
  const precached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).map((r) => r.url)))).flat());
  assert.equal(precached.some((url) => url.includes('/samples/')), false);
  await open('09HARARE955 (press copy)');
  await heading(page).filter({ hasText: 'MUGABE' }).waitFor();
  await context.setOffline(true);
  await page.reload();
  await heading(page).waitFor();
  await open('09HARARE955 (press copy)');
  // Opened again, from the worker's cache: a second copy in the list.
  await opened('09HARARE955 (press copy)').nth(1).waitFor();
  await open('72TEHRAN1164 (1972 cable)');
  await page.getByRole('status').filter({ hasText: 'The sample 72TEHRAN1164 (1972 cable) could not be opened' }).waitFor();
  await open('09USUNNEWYORK78 (raw telegram)');
  await heading(page).filter({ hasText: 'HELLER' }).waitFor();
  await context.close();
});

test('a new build shows "Update available", reloads into it, and the old cache is gone', async () => {
  const context = await browser.newContext();
  const page = await controlledPage(context);
  const before = await page.evaluate(() => caches.keys());
  // A new build: a changed stylesheet, so a new version in the worker.
  const worker = join(copy, 'sw.js');
  const source = await readFile(worker, 'utf8');
  const newer = source.replace(/const VERSION = '([0-9a-f]+)';/, (_, v) => `const VERSION = '${v.split('').reverse().join('')}';`);
  assert.notEqual(newer, source);
  await writeFile(worker, newer);
  try {
    await page.reload();
    await page.getByText('Update available —').waitFor();
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await heading(page).waitFor();
    const after = await page.evaluate(() => caches.keys());
    const old = before.find((n) => n !== 'cable-viewer-shared');
    assert.ok(!after.includes(old), `the old cache ${old} is still there: ${after}`);
    assert.equal(after.filter((n) => n.startsWith('cable-viewer-') && n !== 'cable-viewer-shared').length, 1);
  } finally {
    await writeFile(worker, source);
  }
  await context.close();
});

test('a shared text opens as a cable', async () => {
  const context = await browser.newContext();
  const page = await controlledPage(context);
  const sample = await readFile(resolve(import.meta.dirname, '../../src/assets/samples/09HARARE955.txt'), 'utf8');
  // What the share sheet does: POST the share_target form to the app.
  await page.evaluate(async (text) => {
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = '/share';
    form.enctype = 'multipart/form-data';
    const field = document.createElement('textarea');
    field.name = 'text';
    field.value = text;
    form.append(field);
    document.body.append(form);
    form.submit();
  }, sample);
  await heading(page).filter({ hasText: 'AMBASSADOR PRESENTS CREDENTIALS TO MUGABE' }).waitFor();
  assert.equal(new URL(page.url()).search, '', 'the address bar is back to the app');
  await page.getByRole('button', { name: 'Shared text', exact: true }).waitFor();
  await context.close();
});

test('a file launched from the operating system opens as a cable', async () => {
  const context = await browser.newContext();
  const text = await readFile(resolve(import.meta.dirname, '../../src/assets/samples/72TEHRAN1164.txt'), 'utf8');
  // The OS fills launchQueue only for an installed app: stand in for it. Chromium's own
  // launchQueue is read-only, so the fake is defined over it.
  await context.addInitScript((text) => {
    Object.defineProperty(window, 'launchQueue', {
      configurable: true,
      value: {
        setConsumer(consumer) {
          consumer({ files: [{ getFile: async () => new File([text], '72TEHRAN1164.txt', { type: 'text/plain' }) }] });
        },
      },
    });
  }, text);
  const page = await context.newPage();
  await page.goto(server.url);
  await heading(page).filter({ hasText: 'ACCELERATION OF F-4ES FOR IRAN' }).waitFor();
  await page.getByRole('button', { name: '72TEHRAN1164.txt', exact: true }).waitFor();
  await context.close();
});

test('an install button appears where the browser offers installation, and prompts', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await heading(page).waitFor();
  const install = page.getByRole('button', { name: 'Install Cable Viewer' });
  assert.equal(await install.count(), 0, 'no button until the browser offers');
  // What Chromium fires when the app is installable: an event with prompt().
  await page.evaluate(() => {
    const offer = new Event('beforeinstallprompt', { cancelable: true });
    offer.prompt = () => { window.__prompted = true; };
    window.dispatchEvent(offer);
  });
  await install.click();
  assert.equal(await page.evaluate(() => window.__prompted), true);
  assert.equal(await install.count(), 0, 'gone once used');
  await context.close();
});
