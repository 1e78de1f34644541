// `make screenshots`: the sample cable in the light and dark themes, and on a phone, for the README.
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
} finally {
  await browser.close();
  await server.close();
}
