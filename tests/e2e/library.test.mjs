// End to end: the library. A folder of the 2010 corpus pages and a generated 10,000-row
// cables.csv are indexed in the worker; filters, search, snippets, REF links and cited-by,
// the address (back, forward, a copied link), forgetting, bad rows and the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { useServerAndBrowser, openPage, serve, CORPUS } from './harness.mjs';

const env = useServerAndBrowser(before, after);
const CSV = resolve(import.meta.dirname, '../../target/cables-10000.csv');

const count = (page) => page.locator('.cv-library__count');
// Indexed, and the list answers the query of now (not one sent while indexing).
const done = (page) => page.waitForFunction(() => document.querySelector('.cv-library')?.getAttribute('aria-busy') === 'false', null, { timeout: 60000 });
const number = (text) => Number(text.replace(/,/g, '').match(/^\d+/)[0]);

async function openLibrary(page, files) {
  await page.getByRole('button', { name: /^Library/ }).click();
  await page.getByLabel('Open files or cables.csv as a library').setInputFiles(files);
  await done(page);
}

async function search(page, text) {
  const before = await page.locator('.cv-library').getAttribute('data-answer');
  await page.getByLabel('Search the library').fill(text);
  await page.getByLabel('Search the library').press('Enter');
  await page.waitForFunction((b) => document.querySelector('.cv-library')?.getAttribute('data-answer') !== b, before);
}

test('a folder of corpus pages: every page listed under its ID, sorted, filtered with counts', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('button', { name: /^Library/ }).click();
  // The folder picker gives each file its path inside the folder.
  await page.getByLabel('Open a folder as a library').setInputFiles(CORPUS);
  await done(page);
  const pages = (await readdir(CORPUS)).filter((n) => n.endsWith('.html'));
  assert.equal(await count(page).innerText(), `${pages.length} cables`);
  assert.match(page.url(), /#library$/);
  // Oldest first by default.
  const dates = await page.locator('.cv-row__date').allInnerTexts();
  assert.ok(dates.length > 5);
  assert.deepEqual(dates, [...dates].sort());
  // A classification filter: its count beside it is the list's length, and the address says it.
  const secret = page.locator('.cv-facet__value', { hasText: /^SECRET/ });
  const n = Number(await secret.locator('.cv-facet__count').innerText());
  await secret.locator('input').check();
  await count(page).filter({ hasText: `${n} of ${pages.length} cables` }).waitFor();
  assert.match(page.url(), /class=SECRET/);
  for (const c of await page.locator('.cv-row__class').allInnerTexts()) assert.match(c, /^SECRET/);
  // Sorting by ID.
  await page.getByLabel('Sort by').selectOption('id');
  await page.waitForFunction(() => location.hash.includes('sort=id'));
  await page.waitForFunction(() => { const ids = [...document.querySelectorAll('.cv-row__id')].map((e) => e.textContent); return ids.length > 3 && ids.join() === [...ids].sort().join(); });
  assert.deepEqual(problems, []);
  await page.close();
});

test('search with fields and phrases, snippets, a hit opened with find on the term, REF links and cited-by', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const pages = (await readdir(CORPUS)).filter((n) => n.endsWith('.html')).map((n) => resolve(CORPUS, n));
  // More than a handful of files at once make a library too.
  await openLibrary(page, pages);
  await search(page, 'tag:PREL "prime minister"');
  const total = number(await count(page).innerText());
  assert.ok(total > 0 && total < pages.length, `${total}`);
  const marks = await page.locator('.cv-row__snippet mark').allInnerTexts();
  assert.ok(marks.some((m) => /prime/i.test(m)), marks.join());
  // A hit opens in the reading view, find positioned on the phrase.
  await page.locator('.cv-row').first().click();
  await page.locator('.cv-links').waitFor();
  assert.equal(await page.getByLabel('Find in cable').inputValue(), 'prime minister');
  await page.locator('#find-current').waitFor();
  assert.match(await page.locator('#find-current').innerText(), /prime minister/i);
  // Back to the list, as the address had it.
  await page.goBack();
  await page.locator('.cv-row').first().waitFor();
  assert.equal(await page.getByLabel('Search the library').inputValue(), 'tag:PREL "prime minister"');
  // REF links: 10MADRID154 cites 09MADRID1003, in the library; and a reference outside it says so.
  await search(page, 'id:10MADRID154');
  await page.locator('.cv-row', { hasText: '10MADRID154' }).click();
  const cites = page.locator('.cv-links__group', { hasText: 'Cites' });
  await cites.getByRole('link', { name: '09MADRID1003' }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: /./ }).waitFor();
  await page.waitForFunction(() => location.hash.includes('open=09MADRID1003'));
  const citedBy = page.locator('.cv-links__group', { hasText: 'Cited by' });
  await citedBy.getByRole('link', { name: '10MADRID154' }).waitFor();
  // Back and forward walk the same way.
  await page.goBack();
  await page.waitForFunction(() => location.hash.includes('open=10MADRID154'));
  await cites.getByRole('link', { name: '09MADRID1003' }).waitFor();
  await page.goForward();
  await citedBy.getByRole('link', { name: '10MADRID154' }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('a link copied from the address bar reopens the same view once the library is loaded', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.goto(`${env.server.url}#library?q=nuclear&class=SECRET&sort=newest`);
  await page.getByText('No library is open', { exact: false }).or(page.getByLabel('Open a folder as a library')).first().waitFor();
  await page.getByLabel('Open files or cables.csv as a library').setInputFiles(CSV);
  await done(page);
  assert.equal(await page.getByLabel('Search the library').inputValue(), 'nuclear');
  assert.equal(await page.getByLabel('Sort by').inputValue(), 'newest');
  assert.ok(await page.locator('.cv-facet__value', { hasText: /^SECRET/ }).locator('input').isChecked());
  const dates = await page.locator('.cv-row__date').allInnerTexts();
  assert.deepEqual(dates, [...dates].sort().reverse());
  assert.deepEqual(problems, []);
  await page.close();
});

test('a search and a date typed while the library is indexed are kept through its redraws, then run', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('button', { name: /^Library/ }).click();
  await page.getByLabel('Open files or cables.csv as a library').setInputFiles(CSV);
  await page.locator('.cv-row').first().waitFor();
  assert.equal(await page.locator('.cv-library').getAttribute('aria-busy'), 'true', 'still indexing');
  const box = page.getByLabel('Search the library');
  const from = page.getByLabel('From (year or date)');
  await box.fill('nuclear');
  await from.fill('2005');
  await done(page);
  // Indexing redrew the view many times meanwhile, and answered the page's own queries.
  await page.waitForTimeout(500);
  assert.equal(await box.inputValue(), 'nuclear');
  assert.equal(await from.inputValue(), '2005');
  await box.press('Enter');
  await page.waitForFunction(() => location.hash.includes('q=nuclear'));
  await page.waitForFunction(() => /^[\d,]+ of 10,000 cables$/.test(document.querySelector('.cv-library__count')?.textContent));
  // A new value of the query replaces what the box held: a year chosen sets both dates.
  const year = (await page.locator('.cv-facet__year').first().innerText()).slice(0, 4);
  await page.locator('.cv-facet__year').first().click();
  await page.waitForFunction((y) => location.hash.includes(`from=${y}&to=${y}`), year);
  await page.waitForFunction((y) => document.querySelector('[aria-label="From (year or date)"]').value === y, year);
  assert.equal(await page.getByLabel('To (year or date)').inputValue(), year);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a helper that breaks on its first batch: the worker indexes its batches, nothing lost or doubled', async () => {
  // What a library of the 10,000 rows shows: its count, the SECRET facet's, a search's.
  const shown = async (page) => {
    const count = await page.locator('.cv-library__count').innerText();
    const secret = await page.locator('.cv-facet__value', { hasText: /^SECRET/ }).locator('.cv-facet__count').innerText();
    await search(page, 'nuclear');
    return { count, secret, nuclear: await page.locator('.cv-library__count').innerText() };
  };
  const normal = await openPage(env.browser, env.server.url);
  await openLibrary(normal.page, CSV);
  const expected = await shown(normal.page);
  assert.ok(Number(await normal.page.locator('.cv-library').getAttribute('data-helped')) > 0);
  await normal.page.close();

  // The helper is the worker's script loaded again: served with a listener that, on the first
  // batch (the only message carrying `bytes`: the page sends none), says so to the page and
  // throws before the batch is indexed.
  const loader = await readFile(resolve(import.meta.dirname, '../../dist/library-worker_loader.js'), 'utf8');
  const breaks = `self.addEventListener('message', (e) => {
    if (!e.data || !(e.data.bytes instanceof Uint8Array)) return;
    e.stopImmediatePropagation();
    new BroadcastChannel('helper').postMessage('broke');
    throw new Error('the helper broke');
  });\n`;
  const server = await serve(undefined, { pages: { '/library-worker_loader.js': breaks + loader } });
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => { new BroadcastChannel('helper').onmessage = () => { window.helperBroke = true; }; });
  await openLibrary(page, CSV);
  assert.ok(await page.evaluate(() => window.helperBroke), 'the helper was sent a batch and broke');
  assert.equal(await page.locator('.cv-library').getAttribute('data-helped'), '0');
  assert.deepEqual(await shown(page), expected);
  await context.close();
  await server.close();
});

test('a 10,000-row cables.csv: streamed in the worker, listed, scrolled, read by keyboard, then forgotten', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await openLibrary(page, CSV);
  assert.equal(await count(page).innerText(), '10,000 cables');
  // Indexed by two workers: the second one (the worker's helper) took batches of rows.
  const helped = Number(await page.locator('.cv-library').getAttribute('data-helped'));
  assert.ok(helped > 0, `the helper indexed ${helped} batches`);
  // Only the rows in view are in the page.
  const drawn = await page.locator('.cv-row__item').count();
  assert.ok(drawn > 5 && drawn < 60, `${drawn} rows drawn`);
  // Scrolled to the end, the last rows arrive.
  await page.locator('.cv-list').evaluate((l) => { l.scrollTop = l.scrollHeight; });
  await page.waitForFunction(() => [...document.querySelectorAll('a.cv-row')].some((r) => r.dataset.pos === '9999'));
  // The keyboard: Home, arrows, Enter.
  await page.locator('.cv-list').evaluate((l) => { l.scrollTop = 0; });
  await page.locator('.cv-row[data-pos="0"]').focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.activeElement?.dataset.pos === '9999');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.activeElement?.dataset.pos === '0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement?.dataset.pos === '2');
  const id = await page.evaluate(() => document.activeElement.querySelector('.cv-row__id').textContent);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => location.hash.includes(`open=${id}`), id);
  await page.locator('.cv-links').waitFor();
  assert.equal(await page.locator('dl.cv-meta > dt', { hasText: /^Reference ID$/ }).locator('xpath=following-sibling::dd[1]').innerText(), id);
  // Back to the list where it was: a cable opened from far down is still in view on return.
  await page.goBack();
  await page.locator('.cv-list').evaluate((l) => { l.scrollTop = 3000; });
  // The rows for the new position arrive a block at a time, replacing those drawn before: take
  // the row in the middle of the list once it is there, by its position (the n-th row is the
  // same cable however often it is redrawn; the fifth row drawn was not, and 1 run in 4 read one
  // cable's ID and clicked another).
  const pos = await (await page.waitForFunction(() => {
    const box = document.querySelector('.cv-list').getBoundingClientRect();
    const row = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('a.cv-row');
    return row?.querySelector('.cv-row__id') && Number(row.dataset.pos) > 0 ? row.dataset.pos : null;
  })).jsonValue();
  const far = page.locator(`a.cv-row[data-pos="${pos}"]`);
  const farId = await far.locator('.cv-row__id').innerText();
  await far.click();
  await page.locator('.cv-links').waitFor();
  await page.goBack();
  await page.locator('.cv-row__id', { hasText: farId }).waitFor({ timeout: 5000 });
  assert.ok(await page.locator('.cv-list').evaluate((l) => l.scrollTop) > 1000);
  // Filters keep working at this size; the year buttons set the range.
  await page.locator('.cv-facet__year').first().click();
  await page.waitForFunction(() => /from=\d{4}&to=\d{4}/.test(location.hash));
  // Forget: nothing of the library remains.
  await page.getByRole('button', { name: 'Forget library' }).click();
  await page.getByLabel('Open a folder as a library').waitFor();
  assert.match(await page.getByRole('button', { name: /^Library/ }).innerText(), /^Library$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad rows are named and skipped; the rest is indexed; nothing runs', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const good = (n, id, body) => `"${n}","1/2/2009 10:00","${id}","Embassy Paris","CONFIDENTIAL","","","${body}"\n`;
  const cable = (id) => `CONFIDENTIAL\\nSUBJECT: A CABLE NAMED ${id}\\n\\n1. (C) The ambassador met the minister.\\n\\nSMITH`;
  const rows = [
    good(1, '09PARIS1', cable('09PARIS1')),
    '"2","1/2/2009 10:00","09PARIS2","Embassy Paris","SECRET","","","never closed\n',
    good(3, '09PARIS3', '=HYPERLINK(\\"http://evil.example\\",\\"click\\")<img src=x onerror=window.__pwned=1>'),
    `"4","1/2/2009 10:00","09PARIS4","","","","","${'\u0000\u0001\u0002'.repeat(100)}"\n`,
    good(5, '09PARIS5', cable('09PARIS5')),
    `"6","1/2/2009 10:00","09PARIS6","","","","","${'A'.repeat(50 * 1024 * 1024)}"\n`,
    good(7, '09PARIS7', cable('09PARIS7')),
  ].join('');
  await page.getByRole('button', { name: /^Library/ }).click();
  const file = join(await mkdtemp(join(tmpdir(), 'cv-')), 'cables.csv');
  await writeFile(file, rows);
  await page.getByLabel('Open files or cables.csv as a library').setInputFiles(file);
  await done(page);
  assert.equal(await count(page).innerText(), '3 cables');
  const skipped = page.locator('.cv-library__problems');
  await skipped.locator('summary').click();
  const items = await skipped.locator('li').allInnerTexts();
  assert.equal(items.length, 4, items.join('\n'));
  assert.match(items[0], /^cables\.csv, row 2: .*quotes/);
  assert.match(items[1], /^cables\.csv, row 3: /);
  assert.match(items[2], /^cables\.csv, row 4: .*binary/);
  assert.match(items[3], /^cables\.csv, row 6: /);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the library is kept across a reload: listed and searched at once, read once its file is chosen again; forget removes it', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await openLibrary(page, CSV);
  await page.waitForFunction(() => localStorage.getItem('cable-viewer:library') !== null, null, { timeout: 60000 });
  await search(page, 'tag:PREL');
  const found = await count(page).innerText();
  await page.reload();
  await done(page);
  // The same view, from the kept index, before any file is chosen.
  assert.equal(await page.getByLabel('Search the library').inputValue(), 'tag:PREL');
  assert.equal(await count(page).innerText(), found);
  const kept = page.locator('.cv-library__kept');
  assert.match(await kept.innerText(), /index of 10,000 cables.*cables-10000\.csv/s);
  // A phrase is checked in the text, which needs the file: said plainly, as for reading.
  await search(page, 'tag:PREL "prime minister"');
  assert.match(await page.locator('.cv-library__note').innerText(), /choose the library's files again/);
  await search(page, 'tag:PREL');
  await page.locator('.cv-row').first().click();
  await page.getByRole('alert').filter({ hasText: 'choose its files again' }).waitFor();
  await page.goBack();
  await page.getByLabel("Choose the library's files again").setInputFiles(CSV);
  await kept.waitFor({ state: 'detached' });
  await page.locator('.cv-row').first().click();
  await page.locator('.cv-links').waitFor();
  // Forget: nothing of it remains, here or in the origin-private file system.
  await page.goto(`${env.server.url}#library`);
  await page.getByRole('button', { name: 'Forget library' }).click();
  await page.getByLabel('Open a folder as a library').waitFor();
  await page.waitForFunction(async () => {
    const dir = await navigator.storage.getDirectory();
    const names = [];
    for await (const name of dir.keys()) names.push(name);
    return names.length === 0 && localStorage.getItem('cable-viewer:library') === null;
  });
  await page.reload();
  await page.getByLabel('Open a folder as a library').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
