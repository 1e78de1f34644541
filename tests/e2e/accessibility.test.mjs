// End to end: axe-core finds no accessibility violations in the rendered
// sample, in the light and the dark theme, nor in the other views.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { useServerAndBrowser, menuItem, CORPUS } from './harness.mjs';

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

for (const scheme of ['light', 'dark']) {
  test(`no violations on a 360 px phone in the ${scheme} theme, the summary folded and unfolded`, async () => {
    const context = await env.browser.newContext({ colorScheme: scheme, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.deepEqual(await audit(page), [], 'folded');
    await page.locator('button.cv-meta__toggle').click();
    await page.locator('details.cv-toc > summary').click();
    assert.deepEqual(await audit(page), [], 'unfolded');
    await context.close();
  });
}

for (const scheme of ['light', 'dark']) {
  test(`no violations in the library in the ${scheme} theme: list, filters, snippets, a cable opened from it`, async () => {
    const context = await env.browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: /^Library/ }).click();
    // The library part is loaded on this first use: audited once it is there.
    await page.locator('.cv-library').waitFor();
    assert.deepEqual(await audit(page), [], 'the empty library');
    await page.getByLabel('Open a folder as a library').setInputFiles(CORPUS);
    await page.waitForFunction(() => document.querySelector('.cv-library')?.getAttribute('aria-busy') === 'false', null, { timeout: 60000 });
    await page.getByLabel('Search the library').fill('minister');
    await page.getByLabel('Search the library').press('Enter');
    await page.locator('.cv-row__snippet mark').first().waitFor();
    await page.getByRole('button', { name: 'All tags' }).click();
    assert.deepEqual(await audit(page), [], 'the list');
    await page.locator('.cv-row').first().click();
    await page.locator('.cv-links').waitFor();
    assert.deepEqual(await audit(page), [], 'a cable from the library');
    await context.close();
  });
}

test('no violations with find hits, the original text and a bad-input notice', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('searchbox', { name: 'Find in cable' }).fill('Heller');
  await (await menuItem(page, 'Original text')).click();
  await page.getByLabel('Open cable file').setInputFiles([{ name: 'recipe.txt', mimeType: 'text/plain', buffer: Buffer.from('Lemon cake\n\nBake it.\n') }]);
  await page.locator('.cv-notice').first().waitFor();
  assert.deepEqual(await audit(page), []);
  await context.close();
});

/** Presses Tab, as a keyboard user does, until the focused element matches `selector` (and its
 *  name starts with `name`); fails if a whole round of the page never gets there. Each control
 *  reached shows where the focus is (`:focus-visible`). */
async function tabTo(page, selector, name = '') {
  for (let k = 0; k < 120; k += 1) {
    const focus = await page.evaluate(([selector, name]) => {
      const e = document.activeElement;
      const label = (e.getAttribute('aria-label') ?? e.textContent).trim();
      return { hit: e.matches(selector) && label.startsWith(name), visible: e === document.body || e.matches(':focus-visible') };
    }, [selector, name]);
    assert.ok(focus.visible, 'the focused control shows its focus');
    if (focus.hit) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${selector} ${name} never reached with Tab`);
}

test('a keyboard-only walk through every control does what it says', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
  const page = await context.newPage();
  // Listening from the start: Playwright intercepts file pickers only once someone listens,
  // and turning that on as the key is pressed can lose the race.
  const chooser = new Promise((resolve) => page.once('filechooser', resolve));
  await page.goto(env.server.url);
  const heading = page.getByRole('heading', { level: 1 });
  await heading.filter({ hasText: 'HELLER' }).waitFor();
  const status = page.getByRole('status');
  const pressed = (name) => page.getByRole('button', { name, exact: true, includeHidden: true }).getAttribute('aria-pressed');
  const sectionsOpen = () => page.locator('details.cv-section').evaluateAll((all) => all.map((d) => d.open));

  // Open a sample from its list, switch back to the first cable, close the sample.
  await tabTo(page, '.cv-samples > summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '.cv-samples__item', '09HARARE955');
  await page.keyboard.press('Enter');
  await heading.filter({ hasText: 'MUGABE' }).waitFor();
  assert.equal(await page.locator('details.cv-samples').evaluate((d) => d.open), false, 'the menu closes');
  assert.equal(await page.evaluate(() => document.activeElement.matches('.cv-samples > summary')), true, 'focus returns to it');
  // Escape closes it too.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('details.cv-samples').evaluate((d) => d.open), false);
  await tabTo(page, '.cv-docs__open', '09USUNNEWYORK78');
  await page.keyboard.press('Enter');
  await heading.filter({ hasText: 'HELLER' }).waitFor();
  await tabTo(page, '.cv-docs__close', 'Close 09HARARE955');
  await page.keyboard.press('Enter');
  await status.filter({ hasText: 'Closed 09HARARE955' }).waitFor();
  assert.equal(await page.locator('.cv-docs__item').count(), 1);

  // Find: type, Enter and Shift+Enter step, the match buttons too.
  await tabTo(page, '#find');
  await page.keyboard.type('Rio');
  const count = page.locator('.cv-find__count');
  await count.filter({ hasText: /^1 of \d+$/ }).waitFor();
  await page.keyboard.press('Enter');
  await count.filter({ hasText: /^2 of / }).waitFor();
  await page.keyboard.press('Shift+Enter');
  await count.filter({ hasText: /^1 of / }).waitFor();
  await tabTo(page, 'button', 'Next match');
  await page.keyboard.press('Enter');
  await count.filter({ hasText: /^2 of / }).waitFor();
  await tabTo(page, 'button', 'Previous match');
  await page.keyboard.press('Space');
  await count.filter({ hasText: /^1 of / }).waitFor();
  await tabTo(page, '#find');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await count.filter({ hasText: /^$/ }).waitFor({ state: 'attached' });

  // Sections: collapse all, expand all, one by its summary.
  await tabTo(page, 'button', 'Collapse all');
  await page.keyboard.press('Enter');
  assert.ok((await sectionsOpen()).every((open) => !open));
  await tabTo(page, 'button', 'Expand all');
  await page.keyboard.press('Space');
  assert.ok((await sectionsOpen()).every((open) => open));

  // The "More" menu, by keyboard: Enter opens it, Tab reaches its items, an item acts and closes
  // it (focus back on "More"), Escape closes it.
  const menuOpen = () => page.locator('details.cv-menu').evaluate((d) => d.open);
  const openMore = async () => {
    await tabTo(page, 'details.cv-menu > summary');
    if (!(await menuOpen())) await page.keyboard.press('Enter');
    assert.equal(await menuOpen(), true);
  };
  await openMore();
  await page.keyboard.press('Escape');
  assert.equal(await menuOpen(), false);
  assert.equal(await page.evaluate(() => document.activeElement.matches('details.cv-menu > summary')), true);
  for (const [name, key] of [['Original text', 'Space'], ['Original line breaks', 'Enter']]) {
    await openMore();
    await tabTo(page, 'button', name);
    await page.keyboard.press(key);
    assert.equal(await pressed(name), 'true');
    assert.equal(await menuOpen(), false, 'the menu closes once an item acts');
    await openMore();
    await tabTo(page, 'button', name);
    await page.keyboard.press(key);
    assert.equal(await pressed(name), 'false');
  }

  // Copying and downloading.
  for (const [name, said] of [['Copy ID', 'Copied the reference ID.'], ['Copy citation', 'Copied the citation.'], ['Copy JSON', 'Copied the JSON.']]) {
    await openMore();
    await tabTo(page, 'button', name);
    await page.keyboard.press('Enter');
    await status.filter({ hasText: said }).waitFor();
  }
  assert.equal(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())).id, '09USUNNEWYORK78');
  await openMore();
  await tabTo(page, 'button', 'Download JSON');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), '09USUNNEWYORK78.json');

  // The theme, from its list.
  await openMore();
  await tabTo(page, '.cv-menu__theme select');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.keyboard.press('Escape');

  // One section by its summary.
  await tabTo(page, 'details.cv-section > summary');
  await page.keyboard.press('Enter');
  assert.equal((await sectionsOpen())[0], false);
  await page.keyboard.press('Enter');
  assert.equal((await sectionsOpen())[0], true);

  // Links and disclosures in the cable: the envelope, the contents, a paragraph's permalink.
  await tabTo(page, 'details.cv-envelope > summary');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('details.cv-envelope').evaluate((d) => d.open), true);
  if (await page.locator('.cv-toc a').count()) {
    await tabTo(page, '.cv-toc a');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^#s\d+$/.test(location.hash));
  }
  await tabTo(page, 'a.cv-para__anchor');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^#p\d+$/.test(location.hash));

  // The file picker opens from the keyboard; what is chosen opens.
  await tabTo(page, 'input[type=file]');
  await page.keyboard.press('Space');
  await (await chooser).setFiles(resolve(import.meta.dirname, '../../src/assets/samples/72TEHRAN1164.txt'));
  await page.getByRole('button', { name: '72TEHRAN1164.txt', exact: true }).waitFor();

  // Forget the remembered cables.
  await tabTo(page, 'button', 'Forget remembered cables');
  await page.keyboard.press('Enter');
  await status.filter({ hasText: 'Forgot the remembered cables' }).waitFor();

  // Typing a cable: unfold "Edit text" with Enter, then select all, type, and it is read.
  await tabTo(page, 'details.cv-input > summary');
  await page.keyboard.press('Enter');
  await tabTo(page, 'textarea');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('UNCLASSIFIED\nSUBJECT: TYPED FROM THE KEYBOARD\n\n1. One paragraph.\n');
  await heading.filter({ hasText: 'TYPED FROM THE KEYBOARD' }).waitFor();
  await context.close();
});
