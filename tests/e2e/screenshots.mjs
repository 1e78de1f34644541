// `make screenshots`: the sample cable in the light and dark themes, and on a phone, and a library of
// the generated 10,000-row cables.csv searched, for the README.
import { resolve } from 'node:path';
import { serve, launch } from './harness.mjs';

const server = await serve();
const browser = await launch();
try {
  for (const [name, scheme, viewport] of [
    ['light', 'light', { width: 1280, height: 900 }],
    ['dark', 'dark', { width: 1280, height: 900 }],
    ['phone', 'light', { width: 360, height: 740 }],
  ]) {
    const context = await browser.newContext({ colorScheme: scheme, viewport, deviceScaleFactor: name === 'phone' ? 2 : 1 });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const path = resolve(import.meta.dirname, 'screenshots', `sample-${name}.png`);
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
    await context.close();
  }
  // The library: 10,000 generated rows, a phrase and a TAG searched.
  const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1366, height: 860 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('button', { name: /^Library/ }).click();
  await page.getByLabel('Open files or cables.csv as a library').setInputFiles(resolve(import.meta.dirname, '../../target/cables-10000.csv'));
  await page.waitForFunction(() => document.querySelector('.cv-library')?.getAttribute('aria-busy') === 'false', null, { timeout: 120000 });
  await page.getByLabel('Search the library').fill('tag:PREL "prime minister"');
  await page.getByLabel('Search the library').press('Enter');
  await page.locator('.cv-row__snippet mark').first().waitFor();
  await page.waitForFunction(() => document.querySelector('.cv-library')?.getAttribute('aria-busy') === 'false');
  const path = resolve(import.meta.dirname, 'screenshots', 'library-light.png');
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
