// Trunk post-build hook: writes the build's file list and a version derived from
// its content into the service worker (Trunk's copy-file does not hash names).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
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

const all = (await files(staging)).map((p) => relative(staging, p).split('\\').join('/')).filter((p) => p !== 'sw.js').sort();
const hash = createHash('sha256');
for (const name of all) {
  hash.update(name);
  hash.update(await readFile(join(staging, name)));
}
const version = hash.digest('hex').slice(0, 16);
// Every file of the build but the manifest's screenshots: those are install-dialog art the browser
// fetches itself when it shows that dialog, and precaching them would triple what a first visit
// downloads (250 KB of PNG against a 200 KB budget for the whole app).
const list = ['./', ...all.filter((p) => !p.startsWith('icons/screenshot-'))];
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
await writeFile(worker, stamped);
console.log(`service worker: version ${version}, ${list.length} files precached`);
