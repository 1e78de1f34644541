// End to end: getting cables in — typing, paste anywhere, drop, the file
// picker, samples, remembering across reloads, and bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { useServerAndBrowser, openPage, CORPUS, metaValue, paste, editText } from './harness.mjs';

const env = useServerAndBrowser(before, after);

const corpus = (name) => readFile(resolve(CORPUS, `${name}.html`), 'utf8');
const heading = (page) => page.getByRole('heading', { level: 1 });
const openNames = (page) => page.getByRole('list', { name: 'Open cables' }).locator('.cv-docs__open').allInnerTexts();

test('typing into "Cable text" re-parses the cable', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await (await editText(page)).fill('SUBJECT: A TYPED SUBJECT\n\n1. (U) Typed body.');
  await heading(page).filter({ hasText: 'A TYPED SUBJECT' }).waitFor();
  assert.equal(await page.locator('#p1').innerText(), '¶1 (U) Typed body.');
  // The switcher names what is shown now, not the sample the text replaced.
  assert.deepEqual(await openNames(page), ['A TYPED SUBJECT']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('pasting anywhere on the page opens the pasted cable', async () => {
  const text = await readFile(resolve(import.meta.dirname, '../../src/assets/samples/09HARARE955.txt'), 'utf8');
  const { page, problems } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  await paste(page, text);
  await heading(page).filter({ hasText: 'AMBASSADOR PRESENTS CREDENTIALS TO MUGABE' }).waitFor();
  assert.equal(await metaValue(page, 'Reference ID'), '09HARARE955');
  // Named by the cable it holds, not "Pasted text".
  assert.deepEqual(await openNames(page), ['09USUNNEWYORK78 (raw telegram)', '09HARARE955']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('dropping several files shows a drop target, then a list of cables to switch between', async () => {
  const pages = { '09RIYADH1687.html': await corpus('09RIYADH1687'), '10MOSCOW228.html': await corpus('10MOSCOW228') };
  const { page, problems } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  const overlay = page.locator('.cv-drop');
  assert.equal(await overlay.isVisible(), false);
  await page.evaluate(() => {
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: new DataTransfer(), bubbles: true, cancelable: true }));
  });
  await overlay.waitFor({ state: 'visible' });
  assert.match(await overlay.innerText(), /Drop cable files/);
  await page.evaluate((pages) => {
    const data = new DataTransfer();
    for (const [name, html] of Object.entries(pages)) data.items.add(new File([html], name, { type: 'text/html' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, pages);
  await heading(page).filter({ hasText: 'SITREP ON SAUDI MILITARY OPERATIONS' }).waitFor();
  assert.equal(await overlay.isVisible(), false);
  assert.deepEqual(await openNames(page), ['09USUNNEWYORK78 (raw telegram)', '09RIYADH1687.html', '10MOSCOW228.html']);
  await page.getByRole('button', { name: '10MOSCOW228.html', exact: true }).click();
  await heading(page).filter({ hasText: 'RUSSIA' }).waitFor();
  assert.equal(await metaValue(page, 'Reference ID'), '10MOSCOW228');
  await page.getByRole('button', { name: 'Close 10MOSCOW228.html', exact: true }).click();
  assert.deepEqual(await openNames(page), ['09USUNNEWYORK78 (raw telegram)', '09RIYADH1687.html']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('"Open cable file" opens text and saved pages', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  await page.getByLabel('Open cable file').setInputFiles([
    { name: '09KABUL376.html', mimeType: 'text/html', buffer: Buffer.from(await corpus('09KABUL376')) },
    { name: 'sample.txt', mimeType: 'text/plain', buffer: await readFile(resolve(import.meta.dirname, '../../src/assets/09USUNNEWYORK78.txt')) },
  ]);
  await page.getByRole('button', { name: '09KABUL376.html', exact: true }).waitFor();
  assert.equal((await openNames(page)).length, 3);
  await page.getByRole('button', { name: '09KABUL376.html', exact: true }).click();
  await heading(page).filter({ hasText: 'PRESIDENT KARZAI PREVIEWS STRATEGIC REVIEW IDEAS' }).waitFor();
  assert.match(await page.getByRole('status').innerText(), /Showing 09KABUL376/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('sample cables, and the app never starts empty', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  assert.equal(await metaValue(page, 'Reference ID'), '09USUNNEWYORK78');
  await page.getByText('Try a sample', { exact: true }).click();
  await page.getByRole('button', { name: '72TEHRAN1164 (1972 cable)', exact: true }).click();
  await heading(page).filter({ hasText: 'ACCELERATION OF F-4ES FOR IRAN' }).waitFor();
  assert.equal(await metaValue(page, 'Reference ID'), '72TEHRAN1164');
  await page.close();
});

test('open cables are remembered across reloads until forgotten', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url);
  await heading(page).waitFor();
  await page.getByText('Try a sample', { exact: true }).click();
  await page.getByRole('button', { name: '09HARARE955 (press copy)', exact: true }).click();
  await page.getByRole('button', { name: '09HARARE955 (press copy)', exact: true }).waitFor();
  await page.reload();
  await heading(page).waitFor();
  assert.deepEqual(await openNames(page), ['09USUNNEWYORK78 (raw telegram)', '09HARARE955 (press copy)']);
  const stored = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(stored.sort(), ['cable-viewer:open-cables', 'cable-viewer:theme']);
  await page.getByRole('button', { name: 'Forget remembered cables', exact: true }).click();
  assert.deepEqual(await openNames(page), ['09USUNNEWYORK78 (raw telegram)']);
  await page.reload();
  await heading(page).waitFor();
  assert.deepEqual(await openNames(page), ['09USUNNEWYORK78 (raw telegram)']);
  await context.close();
});

test('bad input gets a calm message, the raw text, and the app keeps working', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  const notice = page.locator('.cv-notice').first();
  const open = (files) => page.getByLabel('Open cable file').setInputFiles(files);

  await open([{ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }]);
  await page.getByRole('button', { name: 'empty.txt', exact: true }).waitFor();
  assert.match(await notice.innerText(), /This is empty/);

  await open([{ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]) }]);
  await page.getByRole('button', { name: 'photo.jpg', exact: true }).waitFor();
  assert.match(await notice.innerText(), /not text \(it looks binary\)/);

  await open([{ name: 'recipe.txt', mimeType: 'text/plain', buffer: Buffer.from('Lemon cake\n\nMix butter and sugar.\nBake for forty minutes.\n') }]);
  await page.getByRole('button', { name: 'recipe.txt', exact: true }).waitFor();
  assert.match(await notice.innerText(), /does not look like a cable/);
  assert.match(await page.locator('.cv-original__text').innerText(), /Bake for forty minutes\./, 'shown raw');

  const big = Buffer.alloc(20 * 1024 * 1024, 'CABLE TEXT LINE THAT GOES ON AND ON\n');
  await open([{ name: 'huge.txt', mimeType: 'text/plain', buffer: big }]);
  await page.getByRole('button', { name: 'huge.txt', exact: true }).waitFor({ timeout: 20000 });
  assert.match(await notice.innerText(), /This file is 20\.0 MB, far larger than any cable .* Its beginning is shown raw below/);
  assert.match(await page.locator('.cv-original__text').innerText(), /^CABLE TEXT LINE THAT GOES ON AND ON\n/);

  // A 20 MB paste is held whole (it is only in the page), and shown raw in part.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'PASTED LINE\n'.repeat(20 * 1024 * 1024 / 12));
    document.querySelector('.cv-reader').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await page.locator('.cv-notice', { hasText: 'This text is 20.0 MB' }).waitFor();
  assert.match(await page.locator('.cv-original').innerText(), /Only the first 256 KB are shown; the whole text is kept/);

  // Still working: another cable opens and reads normally.
  await page.getByRole('button', { name: '09USUNNEWYORK78 (raw telegram)', exact: true }).click();
  await heading(page).filter({ hasText: 'AMBASSADOR RICE' }).waitFor();
  assert.equal(await page.locator('.cv-notice').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a giant cable says how far it has got while its paragraphs come in', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  // The sample's header, then 6,000 numbered paragraphs (about 1 MB).
  const sample = await readFile(resolve(import.meta.dirname, '../../src/assets/09USUNNEWYORK78.txt'), 'utf8');
  let text = sample.slice(0, sample.indexOf('11. (C)'));
  for (let n = 1; n <= 6000; n += 1) text += `${n}. (C) Paragraph ${n} of a very long cable, repeated to stress the reading view.\n\n`;
  // Every state the progress bar is drawn in, as the page draws it.
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('.cv-progress progress');
      if (bar) __progress.push([Number(bar.value), Number(bar.max), bar.parentElement.textContent.trim()]);
    }).observe(document.querySelector('.cv-reader'), { childList: true, subtree: true, attributes: true });
  });
  await paste(page, text);
  await page.waitForFunction(() => document.querySelectorAll('.cv-para').length >= 6000);
  await page.locator('.cv-progress').waitFor({ state: 'detached' });
  const seen = await page.evaluate(() => __progress);
  assert.ok(seen.length >= 3, `progress drawn ${seen.length} times`);
  assert.ok(seen.every(([value, max]) => max >= 6000 && value < max), 'it counts towards the whole');
  assert.ok(seen.some(([value]) => value > 200), 'it advances');
  assert.match(seen[0][2], /^Showing 200 of 60\d\d paragraphs…$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('hostile text is shown as text and runs nothing', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  const hostile = await readFile(resolve(import.meta.dirname, '../fixtures/malformed/hostile.html'), 'utf8');
  await page.evaluate(() => { window.__ran = false; window.alert = () => { window.__ran = true; }; });
  await (await editText(page)).fill(`${hostile}\n<img src=x onerror="window.__ran=true">`);
  await heading(page).filter({ hasText: '<img src=x onerror=alert(1)>' }).waitFor();
  assert.equal(await page.evaluate(() => window.__ran), false);
  assert.equal(await page.locator('.cv-reader img, .cv-reader script, .cv-reader b').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});
