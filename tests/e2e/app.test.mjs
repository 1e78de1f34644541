// End to end: the built app (dist/) served on 127.0.0.1, used as a reader would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { useServerAndBrowser, openPage, CORPUS, metaValue, editText, scrollTo } from './harness.mjs';

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
  assert.equal(await page.locator('.cv-meta__tag').first().getAttribute('title'), 'Source: WikiLeaks PlusD label');
  assert.match(await metaValue(page, 'Classified by'), /E\.O\. 12958 as amended 1\.4\(b\): foreign government information/);
  assert.deepEqual(problems, []);
  const foreign = requests.filter((u) => !u.startsWith(env.server.url));
  assert.deepEqual(foreign, [], 'no request leaves the page');
  await page.close();
});

test('pasting a real cable into "Cable text" shows it', async () => {
  const html = await readFile(resolve(CORPUS, '09HARARE955.html'), 'utf8');
  const { page, problems } = await openPage(env.browser, env.server.url);
  const area = await editText(page);
  await area.fill(html);
  await page.getByRole('heading', { level: 1, name: 'AMBASSADOR PRESENTS CREDENTIALS TO MUGABE' }).waitFor();
  assert.equal(await metaValue(page, 'Reference ID'), '09HARARE955');
  // Below the open text box now: brought into view (off-screen paragraphs skip rendering).
  await scrollTo(page.locator('#p1'));
  assert.match(await page.locator('#p1').innerText(), /Ambassador Ray presented his credentials/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the Content-Security-Policy holds: no inline script, no eval, Trusted Types enforced', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const rule of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "require-trusted-types-for 'script'"]) {
    assert.ok(csp.includes(rule), `missing ${rule}`);
  }
  assert.ok(!csp.includes('unsafe-inline') && !/'unsafe-eval'/.test(csp));
  // (eval cannot be tried from here: DevTools evaluation is outside the page's CSP.
  // The policy above grants no 'unsafe-eval'.)
  const attempts = await page.evaluate(() => {
    const out = {};
    try {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      out.script = window.__injected ? 'ran' : 'blocked';
    } catch (e) { out.script = e.name; }
    try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); out.html = 'inserted'; } catch (e) { out.html = e.name; }
    return out;
  });
  assert.deepEqual(attempts, { script: 'TypeError', html: 'TypeError' });
  // Those refusals were reported; nothing else was.
  assert.ok(problems.every((p) => /CSP violation|Content Security Policy|TrustedHTML|TrustedScript/.test(p)), problems.join('\n'));
  assert.ok(await page.evaluate(() => navigator.serviceWorker.ready.then(() => true)), 'the worker registered under Trusted Types');
  await page.close();
});
