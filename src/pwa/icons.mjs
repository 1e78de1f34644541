// `make icons`: the PNG icons and manifest screenshots, rendered by Chromium from
// the one SVG source (src/assets/icon.svg) and from the built app. Outputs are
// committed, so builds need no image tools.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launch, serve } from '../../tests/e2e/harness.mjs';
import { toPalette } from './palette.mjs';

const out = resolve(import.meta.dirname, '../assets/icons');
const svg = await readFile(resolve(import.meta.dirname, '../assets/icon.svg'), 'utf8');
const browser = await launch();
try {
  const page = await browser.newPage();
  // `any` icons fill the square; the maskable one keeps its drawing inside the 80% safe zone.
  for (const [name, size, scale, background] of [
    ['icon-192.png', 192, 1, 'transparent'],
    ['icon-512.png', 512, 1, 'transparent'],
    ['icon-maskable-512.png', 512, 0.8, '#1f4e8c'],
  ]) {
    await page.setViewportSize({ width: size, height: size });
    const inner = Math.round(size * scale);
    await page.setContent(`<html><body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;background:${background}">
      <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`);
    // A palette PNG of 16 colours: the icons are part of every first visit.
    const png = toPalette(await page.screenshot({ omitBackground: background === 'transparent' }), 16);
    await writeFile(resolve(out, name), png);
    console.log(`wrote ${name} (${png.length} bytes)`);
  }
  const server = await serve();
  for (const [name, width, height] of [['screenshot-wide.png', 1280, 800], ['screenshot-narrow.png', 540, 960]]) {
    const context = await browser.newContext({ viewport: { width, height } });
    const p = await context.newPage();
    await p.goto(server.url);
    await p.getByRole('heading', { level: 1 }).waitFor();
    await p.screenshot({ path: resolve(out, name) });
    console.log(`wrote ${name}`);
    await context.close();
  }
  await server.close();
} finally {
  await browser.close();
}
