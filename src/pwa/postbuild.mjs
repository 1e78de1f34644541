// Trunk post-build hook: writes the build's file list and a version derived from
// its content into the service worker (Trunk's copy-file does not hash names).
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run me as a Trunk post_build hook');

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

// The embed's wasm and glue (Trunk builds them as a worker's, without a hash in their names): named
// by their content here, so that other sites may cache them for good.
{
  const glue = join(staging, 'cable-viewer-embed.js');
  const wasm = join(staging, 'cable-viewer-embed_bg.wasm');
  const digest = createHash('sha256').update(await readFile(glue)).update(await readFile(wasm)).digest('hex').slice(0, 16);
  await rename(glue, join(staging, `cable-viewer-embed-${digest}.js`));
  await rename(wasm, join(staging, `cable-viewer-embed-${digest}_bg.wasm`));
}
const all = (await files(staging)).map((p) => relative(staging, p).split('\\').join('/')).filter((p) => p !== 'sw.js').sort();

// The embed bundle for other sites (src/embed): its stable module learns the hashed names
// of its wasm and glue, and carries the stylesheet for its shadow roots.
const named = (pattern) => {
  const found = all.filter((p) => pattern.test(p));
  if (found.length !== 1) throw new Error(`expected one build file like ${pattern}, found ${found.join(', ') || 'none'}`);
  return found[0];
};
const EMBED_GLUE = named(/^cable-viewer-embed-[0-9a-f]+\.js$/);
const EMBED_WASM = named(/^cable-viewer-embed-[0-9a-f]+_bg\.wasm$/);
const EMBED = ['cable-viewer.js', 'cable-viewer.d.ts', 'embed.html', 'embed.js', EMBED_GLUE, EMBED_WASM];
{
  const module = join(staging, 'cable-viewer.js');
  const source = await readFile(module, 'utf8');
  const css = await readFile(join(staging, named(/^main-[0-9a-f]+\.css$/)), 'utf8');
  const stamped = source
    .replace("'./GLUE_FILE'", `'./${EMBED_GLUE}'`)
    .replace("'./WASM_FILE'", `'./${EMBED_WASM}'`)
    .replace("'STYLES_TEXT'", () => JSON.stringify(css));
  if (/GLUE_FILE|WASM_FILE|STYLES_TEXT/.test(stamped)) throw new Error('cable-viewer.js: a placeholder was not filled');
  await writeFile(module, stamped);
}
const hash = createHash('sha256');
for (const name of all) {
  hash.update(name);
  hash.update(await readFile(join(staging, name)));
}
const version = hash.digest('hex').slice(0, 16);
// Every file of the build but the manifest's images: its screenshots are install-dialog art, and
// its launcher icons are what the browser shows for an installed app; the browser fetches both
// itself when it offers to install the app and keeps the icons with the installed app, so an
// installed app never asks the worker for them offline. Precaching the screenshots would triple
// what a first visit downloads (250 KB of PNG against a 200 KB budget for the whole app), and the
// three icons are 4.7 KB of it. The worker keeps each once the browser has loaded it (sw.js,
// LATER). The page's own icon (the SVG favicon) is precached.
// The embed bundle is for other sites' pages, not the app's: not precached either.
// Nor the sample cables beside the compiled-in one: the worker keeps each once it is opened.
// Nor the library's part, worker and styles: they are loaded when a library is first opened, and kept from then on.
// Nor the routing book: loaded when an envelope is first opened (or early on a later visit), and kept.
const later = (p) => p.startsWith('icons/') || p.startsWith('samples/') || p.startsWith('library') || p === 'routing.txt';
// And the page once: './' is index.html (navigations are answered with it).
const list = ['./', ...all.filter((p) => p !== 'index.html' && !later(p) && !EMBED.includes(p))];
// The Content-Security-Policy allows Trunk's inline loader by its hash, and nothing else inline.
const page = join(staging, 'index.html');
const html = await readFile(page, 'utf8');
const hashes = [...html.matchAll(/<script(?: [^>]*)?>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
if (!html.includes("'sha256-TRUNK-LOADER'")) throw new Error('index.html has no CSP placeholder for the loader');
await writeFile(page, html.replace("'sha256-TRUNK-LOADER'", hashes.join(' ')));

const worker = join(staging, 'sw.js');
const source = await readFile(worker, 'utf8');
const stamped = source
  .replace("const VERSION = 'development';", `const VERSION = '${version}';`)
  .replace('const FILES = [];', `const FILES = ${JSON.stringify(list)};`);
if (stamped === source) throw new Error('sw.js has no VERSION/FILES placeholders to fill');
// Its comment lines are for this repository, not for every first visit (copy-file does not minify).
await writeFile(worker, stamped.replace(/^[ \t]*\/\/.*\n/gm, ''));
console.log(`service worker: version ${version}, ${list.length} files precached`);
