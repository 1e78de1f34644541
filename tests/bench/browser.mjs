// `make bench`, the browser half: the release build (dist/) in Debian's Chromium.
// Prints wasm parse throughput (and its ratio to native, read from the divan
// output in $NATIVE_BENCH), text-to-view times, cold load, and dist sizes, each
// against its budget. Figures, not tests: nothing here fails the build.
import { readFile, readdir } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { resolve } from 'node:path';
import { serve, launch, editText, CORPUS, DIST } from '../e2e/harness.mjs';

const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const verdict = (ok) => (ok ? 'within budget' : 'OVER BUDGET');

const names = (await readdir(CORPUS)).filter((n) => n.endsWith('.html')).sort();
const pages = await Promise.all(names.map((n) => readFile(resolve(CORPUS, n), 'utf8')));
const largestPage = names[pages.reduce((best, p, k) => (p.length > pages[best].length ? k : best), 0)];
const sample = await readFile(resolve(import.meta.dirname, '../../src/assets/09USUNNEWYORK78.txt'), 'utf8');
// A generated 1 MB cable: the sample's header, then its paragraphs renumbered over and over.
const body = sample.split('\n').filter((l) => /^1\d\. \(C\)/.test(l));
let big = sample.slice(0, sample.indexOf('11. (C)'));
for (let n = 1; big.length < 1024 * 1024; n += 1) big += `${n}. (C) ${body[n % body.length].slice(8)}\n\n`;

const server = await serve(undefined, { isolated: true });
const browser = await launch();
try {
  // Parse throughput of the release wasm over the corpus text (what the parser reads of each page).
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // The cable text of each page, extracted once as the native benchmark does, in a blank page
  // (the app's Trusted Types policy rightly refuses DOMParser).
  const blank = await browser.newPage();
  const texts = await blank.evaluate((pages) => pages.map((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return [...doc.querySelectorAll('pre')].map((p) => p.textContent).join('\n\n');
  }), pages);
  await blank.close();
  const wasm = await page.evaluate(async (texts) => {
    const files = texts.map((t, k) => new File([t], `cable${k}.txt`, { type: 'text/plain' }));
    const bytes = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
    const times = [];
    const parses = [];
    const forget = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Forget remembered cables');
    // Five runs to warm up (V8 compiles hot wasm functions with its optimising tier in the
    // background, as divan warms up natively), then nine measured; the open cables are
    // forgotten between runs, so that each run starts from the same state.
    for (let run = 0; run < 14; run += 1) {
      forget.click();
      await new Promise((r) => setTimeout(r, 0));
      // The 201 texts dropped five at a time (more at once would open them as a library, in its
      // worker): the reducer parses each drop in one measured batch (`cable:parse-files`).
      performance.clearMeasures('cable:parse-files');
      performance.clearMeasures('cable:parse');
      for (let at = 0; at < files.length; at += 5) {
        const data = new DataTransfer();
        for (const f of files.slice(at, at + 5)) data.items.add(f);
        const before = performance.getEntriesByName('cable:parse-files').length;
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        while (performance.getEntriesByName('cable:parse-files').length === before) await new Promise((r) => setTimeout(r, 2));
      }
      if (run < 5) continue;
      times.push(performance.getEntriesByName('cable:parse-files').reduce((sum, m) => sum + m.duration, 0));
      // Within the batch, each text's `cable::parse` alone (what the native benchmark times).
      parses.push(performance.getEntriesByName('cable:parse').reduce((sum, m) => sum + m.duration, 0));
    }
    // And the JS API (the embed's module and wasm, as another site loads them), which also builds
    // the model as plain JS objects.
    const { parseCable } = await import('/cable-viewer.js');
    const api = [];
    for (let run = 0; run < 7; run += 1) {
      const start = performance.now();
      for (const t of texts) parseCable(t);
      api.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    parses.sort((a, b) => a - b);
    api.sort((a, b) => a - b);
    return { bytes, ms: times[4], parseMs: parses[4], apiMs: api[3], isolated: crossOriginIsolated };
  }, texts);
  const wasmRate = wasm.bytes / 1e6 / (wasm.parseMs / 1000);
  const batchRate = wasm.bytes / 1e6 / (wasm.ms / 1000);
  const nativeText = process.env.NATIVE_BENCH ? await readFile(process.env.NATIVE_BENCH, 'utf8') : '';
  // divan prints fastest, slowest, median, mean: take the median.
  const nativeRate = Number((nativeText.match(/corpus_text[^\n]*\n[^\n]*?[\d.]+ MB\/s[^\n]*?[\d.]+ MB\/s[^\n]*?([\d.]+) MB\/s/) ?? [])[1]);
  console.log(`wasm parse over the corpus text (${(wasm.bytes / 1e6).toFixed(2)} MB): ${wasmRate.toFixed(1)} MB/s (cable::parse alone, summed over the 201 texts; timer resolution ${wasm.isolated ? '5 µs' : '100 µs'})`);
  console.log(`  the 201 dropped files, five per drop (UTF-8 decoding, documents, parsing): ${batchRate.toFixed(1)} MB/s`);
  if (nativeRate) {
    const ratio = nativeRate / wasmRate;
    console.log(`  native ${nativeRate} MB/s (median): native/wasm = ${ratio.toFixed(2)}x — budget 1.7x: ${verdict(ratio <= 1.7)}`);
  }
  console.log(`  parseCable() (parse plus the JS object model): ${(wasm.bytes / 1e6 / (wasm.apiMs / 1000)).toFixed(1)} MB/s`);
  await page.close();

  // Text to view: a paste, through parsing and rendering, to the committed DOM (User Timing `cable:render`).
  const cases = [
    ['sample cable', sample, 16],
    [`largest corpus page (${largestPage})`, pages[names.indexOf(largestPage)], 50],
    ['generated 1 MB cable', big, 300],
  ];
  for (const [label, text, budget] of cases) {
    const times = [];
    const firsts = [];
    const parses = [];
    let longest = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const p = await browser.newPage();
      await p.goto(server.url);
      await p.getByRole('heading', { level: 1 }).waitFor();
      const result = await p.evaluate(async (text) => {
        performance.clearMeasures();
        const long = [];
        const observer = new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => e.duration)));
        observer.observe({ type: 'longtask' });
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.querySelector('.cv-reader').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
        while (performance.getEntriesByName('cable:render-complete').length === 0) await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => setTimeout(r, 50));
        observer.disconnect();
        return {
          first: performance.getEntriesByName('cable:render')[0].duration,
          render: performance.getEntriesByName('cable:render-complete')[0].duration,
          parse: performance.getEntriesByName('cable:parse').at(-1).duration,
          longest: Math.max(0, ...long),
        };
      }, text);
      times.push(result.render);
      firsts.push(result.first);
      parses.push(result.parse);
      longest = Math.max(longest, result.longest);
      await p.close();
    }
    const m = median(times);
    console.log(`text to view, ${label} (${kb(text.length)}): median ${m.toFixed(1)} ms to the whole cable (first screen ${median(firsts).toFixed(1)} ms, parse ${median(parses).toFixed(1)} ms), longest task ${longest.toFixed(0)} ms — budget ${budget} ms: ${verdict(m <= budget)}`);
  }

  // Big input: the longest task while a 20 MB paste and a 200 MB file are taken in.
  for (const [label, mb, how] of [['20 MB paste', 20, 'paste'], ['200 MB file', 200, 'file']]) {
    const p = await browser.newPage();
    await p.goto(server.url);
    await p.getByRole('heading', { level: 1 }).waitFor();
    const result = await p.evaluate(async ({ mb, how }) => {
      const line = 'CABLE TEXT THAT GOES ON AND ON AND ON\n';
      const text = line.repeat(Math.ceil((mb * 1024 * 1024) / line.length));
      const data = new DataTransfer();
      if (how === 'paste') data.setData('text/plain', text);
      else data.items.add(new File([text], 'huge.txt', { type: 'text/plain' }));
      await new Promise((r) => setTimeout(r, 500)); // the setup's own work is not measured
      const long = [];
      const observer = new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'longtask' });
      const target = how === 'paste' ? document.querySelector('.cv-reader') : document.body;
      const event = how === 'paste'
        ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true })
        : new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      while (!document.querySelector('.cv-notice')) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300));
      observer.disconnect();
      return Math.max(0, ...long);
    }, { mb, how });
    console.log(`${label}: longest task ${result.toFixed(0)} ms — budget 200 ms: ${verdict(result <= 200)}`);
    await p.close();
  }

  // Cold load to the first rendered cable, from this local server.
  const loads = [];
  const reloads = [];
  const firstRender = (p) => p.evaluate(() => performance.getEntriesByName('cable:first-render')[0].startTime);
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(server.url);
    await p.getByRole('heading', { level: 1 }).waitFor();
    loads.push(await firstRender(p));
    // Once the worker has the files, a reload is served from its cache.
    await p.evaluate(() => navigator.serviceWorker.ready);
    await p.reload();
    await p.getByRole('heading', { level: 1 }).waitFor();
    reloads.push(await firstRender(p));
    await context.close();
  }
  console.log(`cold load to the first rendered cable: median ${median(loads).toFixed(0)} ms — budget 500 ms: ${verdict(median(loads) <= 500)}`);
  console.log(`reload from the service worker to the first rendered cable: median ${median(reloads).toFixed(0)} ms`);

  // Typing: 30 KB of a cable inserted 70 characters at a time into the app's emptied text box and
  // into a bare textarea, alternately (most of each figure is the driver's round trips, the same
  // for both: the ratio is what the box adds).
  const typed = texts.reduce((a, b) => (b.length > a.length ? b : a)).slice(0, 30000).match(/[\s\S]{1,70}/g);
  const typing = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
  const tp = await typing.newPage();
  const typeInto = async (bare) => {
    if (bare) {
      await tp.goto('about:blank');
      await tp.setContent('<!doctype html><textarea id="cable-text" style="width:600px;height:400px"></textarea>');
    } else {
      await tp.goto(server.url);
      await editText(tp);
      await tp.locator('#cable-text').fill('');
      await tp.waitForTimeout(400);
    }
    await tp.locator('#cable-text').click();
    const start = performance.now();
    for (const chunk of typed) await tp.keyboard.insertText(chunk);
    await tp.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
    return performance.now() - start;
  };
  const ratios = [];
  for (let k = 0; k < 3; k++) ratios.push((await typeInto(false)) / (await typeInto(true)));
  console.log(`typing 30 KB into the app's text box: median ${median(ratios).toFixed(2)}x the time of a bare textarea`);
  await typing.close();
} finally {
  await browser.close();
  await server.close();
}

// Sizes: every file of dist/, raw and brotli. A first visit transfers what the page loads plus what
// the service worker precaches (its FILES list), and that is the whole list.
const worker = await readFile(resolve(DIST, 'sw.js'), 'utf8');
const precached = new Set(JSON.parse(worker.match(/const FILES = (\[.*\]);/)[1]).map((p) => (p === './' ? 'index.html' : p)));
precached.add('sw.js');
// The launcher icons are not precached (postbuild.mjs), but a browser that offers to install the
// app fetches one of them on the first visit to decide it can: the smallest counts as transferred.
precached.add('icons/icon-192.png');
async function* walk(dir, prefix = '') {
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) yield* walk(resolve(dir, entry.name), `${prefix}${entry.name}/`);
    else yield `${prefix}${entry.name}`;
  }
}
let raw = 0;
let compressed = 0;
// A host page embedding <cable-viewer> loads the stable module, the glue, the wasm and the routing book.
let embedded = 0;
const embedFiles = /^(cable-viewer\.js|cable-viewer-embed-[0-9a-f]+\.js|cable-viewer-embed-[0-9a-f]+_bg\.wasm|routing\.txt)$/;
console.log('dist/ (raw, brotli -q 11; * = transferred on a first visit):');
for await (const name of walk(DIST)) {
  const buf = await readFile(resolve(DIST, name));
  const br = brotli(buf);
  if (embedFiles.test(name)) embedded += br;
  const first = precached.has(name);
  if (first) {
    raw += buf.length;
    compressed += br;
  }
  console.log(`  ${first ? '*' : ' '} ${name.padEnd(44)} ${kb(buf.length).padStart(10)} ${kb(br).padStart(10)}`);
}
console.log(`first visit transfers ${kb(compressed)} brotli (${kb(raw)} raw) — budget 200 KB: ${verdict(compressed <= 200 * 1024)}`);
console.log(`a host page embedding <cable-viewer> transfers ${kb(embedded)} brotli (cable-viewer.js, its glue, the wasm and the routing book)`);
