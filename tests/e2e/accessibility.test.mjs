// End to end: axe-core finds no accessibility violations in the rendered
// sample, in the light and the dark theme, nor in the other views.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser(before, after);
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's violations, as `rule: target` lines (our CSP refuses script tags, so axe is evaluated). */
async function audit(page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`));
}

for (const scheme of ['light', 'dark']) {
  test(`no violations on the sample in the ${scheme} theme`, async () => {
    const context = await env.browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('details.cv-envelope > summary').click();
    assert.deepEqual(await audit(page), []);
    await context.close();
  });
}

test('no violations with find hits, the original text and a bad-input notice', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('searchbox', { name: 'Find in cable' }).fill('Heller');
  await page.getByRole('button', { name: 'Original text' }).click();
  await page.getByLabel('Open cable file').setInputFiles([{ name: 'recipe.txt', mimeType: 'text/plain', buffer: Buffer.from('Lemon cake\n\nBake it.\n') }]);
  await page.locator('.cv-notice').first().waitFor();
  assert.deepEqual(await audit(page), []);
  await context.close();
});
