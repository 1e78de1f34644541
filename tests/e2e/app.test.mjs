// End to end: the built app (dist/) served on 127.0.0.1, used as a reader would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { useServerAndBrowser, openPage, CORPUS, metaValue } from './harness.mjs';

const env = useServerAndBrowser(before, after);

test('the page opens on the sample cable with no errors', async () => {
  const { page, problems, requests } = await openPage(env.browser, env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(),
    "AMBASSADOR RICE'S MEETING WITH MEXICAN PERMANENT REPRESENTATIVE HELLER");
  assert.equal(await metaValue(page, 'Reference ID'), '09USUNNEWYORK78');
  assert.match(await metaValue(page, 'Classification'), /^CONFIDENTIAL SIPDIS: SIPRNet distribution/);
  assert.equal(await page.locator('details.cv-section').count(), 8);
  assert.equal(await page.locator('.cv-meta__tag').first().innerText(), 'PREL Political Affairs: External Political Relations');
  assert.match(await metaValue(page, 'Classified by'), /E\.O\. 12958 as amended 1\.4\(b\): foreign government information/);
  assert.deepEqual(problems, []);
  const foreign = requests.filter((u) => !u.startsWith(env.server.url));
  assert.deepEqual(foreign, [], 'no request leaves the page');
  await page.close();
});

test('pasting a real cable into "Cable text" shows it', async () => {
  const html = await readFile(resolve(CORPUS, '09HARARE955.html'), 'utf8');
  const { page, problems } = await openPage(env.browser, env.server.url);
  const area = page.getByLabel('Cable text');
  await area.fill(html);
  await page.getByRole('heading', { level: 1, name: 'AMBASSADOR PRESENTS CREDENTIALS TO MUGABE' }).waitFor();
  assert.equal(await metaValue(page, 'Reference ID'), '09HARARE955');
  assert.match(await page.locator('#p1').innerText(), /Ambassador Ray presented his credentials/);
  assert.deepEqual(problems, []);
  await page.close();
});
