// `make screenshots`: the sample cable in the light and dark themes, for the README.
import { resolve } from 'node:path';
import { serve, launch } from './harness.mjs';

const server = await serve();
const browser = await launch();
try {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const path = resolve(import.meta.dirname, 'screenshots', `sample-${scheme}.png`);
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
