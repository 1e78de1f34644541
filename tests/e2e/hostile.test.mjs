// End to end: hostile cables. Every payload, pasted and dropped, must read as
// text: nothing runs, no element is made from it, and the only links in the
// reading view are our own paragraph and section anchors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, paste } from './harness.mjs';
import { PAYLOADS, cable, probe, visibleText } from './payloads.mjs';

const env = useServerAndBrowser(before, after);

async function assertInert(page, k, payload) {
  const state = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    made: document.querySelectorAll('.cv-reader script, .cv-reader img, .cv-reader svg, .cv-reader iframe, .cv-reader object, .cv-reader embed, .cv-reader style, .cv-reader form, .cv-reader math, body > base, head base').length,
    links: [...document.querySelectorAll('.cv-reader a[href]')].map((a) => a.getAttribute('href')),
    shown: document.querySelector('.cv-reader').textContent,
    visible: getComputedStyle(document.querySelector('.cv-reader')).visibility,
  }));
  assert.equal(state.pwned, null, `payload ${k} ran: ${payload.slice(0, 60)}`);
  assert.equal(state.made, 0, `payload ${k} made elements`);
  for (const href of state.links) assert.match(href, /^#[ps]\d+$/, `payload ${k} made a link ${href}`);
  assert.equal(state.visible, 'visible');
  // It reads as text: a recognisable piece of it is on the page.
  const piece = probe(payload);
  if (piece) assert.ok(visibleText(state.shown).includes(piece), `payload ${k} not shown as text`);
}

test('thirty-two hostile payloads, pasted, read as text and run nothing', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  for (const [k, payload] of PAYLOADS.entries()) {
    await paste(page, cable(payload, k));
    await page.getByRole('heading', { level: 1 }).filter({ hasText: `PAYLOAD ${k} ` }).waitFor();
    await assertInert(page, k, payload);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('the same payloads, dropped as files, read as text and run nothing', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const files = PAYLOADS.map((payload, k) => ({ name: `payload-${k}.txt`, text: cable(payload, k) }));
  // Four at a time: a few files open side by side in the reader (more make a library, below).
  const drop = (files) => page.evaluate((files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
  for (const [k, payload] of PAYLOADS.entries()) {
    if (k % 4 === 0) await drop(files.slice(k, k + 4));
    await page.getByRole('button', { name: `payload-${k}.txt`, exact: true }).click();
    if (payload.includes('\u0000')) {
      // A file with NUL bytes is binary: refused politely, not read.
      await page.locator('.cv-notice', { hasText: 'not text (it looks binary)' }).waitFor();
      assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
      continue;
    }
    await page.getByRole('heading', { level: 1 }).filter({ hasText: `PAYLOAD ${k} ` }).waitFor();
    await assertInert(page, k, payload);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('the same payloads as a library: listed, searched, snippets and opened cables all text', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const files = PAYLOADS.map((payload, k) => ({ name: `payload-${k}.txt`, text: cable(payload, k) }));
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
  await page.locator('.cv-library__count').filter({ hasText: /cables$/ }).waitFor();
  await page.getByLabel('Search the library').fill('payload');
  await page.getByLabel('Search the library').press('Enter');
  await page.locator('.cv-row__snippet mark').first().waitFor();
  const inert = () => page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    made: document.querySelectorAll('.cv-library script, .cv-library img, .cv-library svg, .cv-library iframe, .cv-library object, .cv-library embed, .cv-library style, .cv-library form form, .cv-library math').length,
    links: [...document.querySelectorAll('.cv-list a[href]')].map((a) => a.getAttribute('href')),
  }));
  const listed = await inert();
  assert.equal(listed.pwned, null);
  assert.equal(listed.made, 0);
  for (const href of listed.links) assert.match(href, /^#library\?q=payload&open=[^<>"]+$/);
  // Every cable opened from the list reads as text too.
  for (let k = 0; k < 6; k += 1) {
    await page.locator('.cv-row').nth(k).click();
    await page.locator('.cv-links').waitFor();
    const state = await page.evaluate(() => ({ pwned: window.__pwned ?? null, made: document.querySelectorAll('.cv-reader script, .cv-reader img, .cv-reader iframe, .cv-links script, .cv-links img').length }));
    assert.deepEqual(state, { pwned: null, made: 0 });
    await page.goBack();
    await page.locator('.cv-row').first().waitFor();
  }
  assert.deepEqual(problems, []);
  await page.close();
});
