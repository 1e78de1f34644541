// End to end: nothing leaves the page. Every request through every flow is
// recorded (the page's and the service worker's) and must be one of the app's
// own files on its own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { useServerAndBrowser, CORPUS, DIST, paste, menuItem, themeSelect } from './harness.mjs';

const env = useServerAndBrowser(before, after);

async function ownFiles() {
  const names = ['/', '/shared-cables'];
  for (const entry of await readdir(DIST, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) names.push(`/${resolve(entry.parentPath ?? entry.path, entry.name).slice(DIST.length + 1)}`);
  }
  return new Set(names);
}

test('paste, drop, open, find, export, theme and offline make no request beyond the app', async () => {
  const allowed = await ownFiles();
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  await page.goto(env.server.url);
  const heading = page.getByRole('heading', { level: 1 });
  await heading.waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);

  const html = await readFile(resolve(CORPUS, '09KABUL376.html'), 'utf8');
  // Paste (text), drop (a saved page), open (a file).
  await paste(page, 'SUBJECT: PASTED PRIVATELY\n\n1. (C) Text.');
  await heading.filter({ hasText: 'PASTED PRIVATELY' }).waitFor();
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.items.add(new File([html], 'kabul.html', { type: 'text/html' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, html);
  await heading.filter({ hasText: 'KARZAI' }).waitFor();
  await page.getByLabel('Open cable file').setInputFiles([{ name: 'opened.txt', mimeType: 'text/plain', buffer: Buffer.from('SUBJECT: OPENED PRIVATELY\n') }]);
  await heading.filter({ hasText: 'OPENED PRIVATELY' }).waitFor();
  // Find, the original text, export, theme.
  await page.getByRole('button', { name: 'kabul.html', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Find in cable' }).fill('Karzai');
  await page.getByRole('button', { name: 'Next match' }).click();
  await (await menuItem(page, 'Original text')).click();
  await (await menuItem(page, 'Copy JSON')).click();
  await page.getByRole('status').filter({ hasText: 'Copied the JSON.' }).waitFor();
  await Promise.all([page.waitForEvent('download'), (await menuItem(page, 'Download JSON')).click()]);
  await (await themeSelect(page)).selectOption('dark');
  // Offline.
  await context.setOffline(true);
  await page.reload();
  await heading.waitFor();
  await context.setOffline(false);

  const foreign = requests.filter((url) => {
    if (url.startsWith('blob:')) return false; // the download, made in the page
    const u = new URL(url);
    return u.origin !== new URL(env.server.url).origin || !allowed.has(u.pathname);
  });
  assert.deepEqual(foreign, [], `requests beyond the app: ${foreign.join(', ')}`);
  assert.ok(requests.length > 5, 'requests were recorded');
  await context.close();
});

test('the library makes no request beyond the app: indexing, search, reading, keeping, reloading, forgetting, offline', async () => {
  const allowed = await ownFiles();
  const context = await env.browser.newContext();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  const busy = () => page.waitForFunction(() => document.querySelector('.cv-library')?.getAttribute('aria-busy') === 'false', null, { timeout: 60000 });
  // A folder of pages: indexed, searched, a cable opened, its references followed.
  await page.getByRole('button', { name: /^Library/ }).click();
  await page.getByLabel('Open a folder as a library').setInputFiles(CORPUS);
  await busy();
  await page.getByLabel('Search the library').fill('"prime minister" tag:PREL');
  await page.getByLabel('Search the library').press('Enter');
  await page.locator('.cv-row__snippet mark').first().waitFor();
  await page.locator('.cv-row').first().click();
  await page.locator('.cv-links').waitFor();
  await page.goBack();
  // Kept, reloaded, offline, forgotten.
  await page.waitForFunction(() => localStorage.getItem('cable-viewer:library') !== null, null, { timeout: 60000 });
  await page.reload();
  await busy();
  await context.setOffline(true);
  await page.reload();
  await busy();
  await page.getByRole('button', { name: 'Forget library' }).click();
  await context.setOffline(false);

  const foreign = requests.filter((url) => {
    if (url.startsWith('blob:')) return false;
    const u = new URL(url);
    return u.origin !== new URL(env.server.url).origin || !allowed.has(u.pathname);
  });
  assert.deepEqual(foreign, [], `requests beyond the app: ${foreign.join(', ')}`);
  assert.ok(requests.some((u) => u.includes('library-worker')), 'the worker was loaded');
  await context.close();
});
