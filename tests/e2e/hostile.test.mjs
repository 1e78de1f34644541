// End to end: hostile cables. Every payload, pasted and dropped, must read as
// text: nothing runs, no element is made from it, and the only links in the
// reading view are our own paragraph and section anchors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage } from './harness.mjs';

const env = useServerAndBrowser(before, after);

const PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<svg onload="window.__pwned = 3"><circle r=5 /></svg>',
  '<svg><script>window.__pwned = 4</script></svg>',
  '<iframe src="javascript:parent.__pwned = 5"></iframe>',
  '<a href="javascript:window.__pwned = 6">click</a>',
  '[PREL](javascript:window.__pwned=7)',
  '[PGOV](data:text/html,<script>parent.__pwned=8</script>)',
  '![x](javascript:window.__pwned=9)',
  '<style>body { display: none } .cv-reader { visibility: hidden }</style>',
  '<div style="position:fixed;inset:0;background:red">overlay</div>',
  '"><script>window.__pwned = 10</script>',
  "'; window.__pwned = 11; '",
  '<object data="data:text/html,<script>parent.__pwned=12</script>"></object>',
  '<embed src="javascript:window.__pwned=13">',
  '<math><mtext><img src=x onerror="window.__pwned=14"></mtext></math>',
  '<details open ontoggle="window.__pwned=15">',
  '<body onload="window.__pwned=16">',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=17">',
  '<form action="javascript:window.__pwned=18"><button>go</button></form>',
  '{{constructor.constructor("window.__pwned=19")()}}',
  '${window.__pwned = 20}',
  '&lt;script&gt;window.__pwned = 21&lt;/script&gt;',
  '&#60;img src=x onerror=window.__pwned=22&#62;',
  'RIGHT\u202eTO LEFT\u202c OVERRIDE \u2066ISOLATE\u2069',
  'ZERO\u200dWIDTH\u200bJOINERS\u2060AND\ufeffBOM',
  'CSS url(javascript:window.__pwned=23) expression(window.__pwned=24)',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0yNTwvc2NyaXB0Pg==',
  'X'.repeat(10000),
  Array.from({ length: 200 }, () => 'C O N F I D E N T I A L SECTION 01 OF 02 STATE 000001\nSUBJECT: REPEATED').join('\n'),
  '\u0000\u0001\u0007 control characters \u001b[31m',
];

/** A cable carrying the payload in every field a viewer shows: raw in the subject and the
 *  body, on one line in the one-line fields. Its SUBJECT comes first, so that a payload with
 *  SUBJECT lines of its own cannot take over the heading. */
const cable = (payload, k, line = payload.replace(/\n/g, ' ')) => `VZCZCXYZ${String(k).padStart(4, '0')}
OO RUEHWEB
DE RUEHC #${k} 0340252
ZNY CCCCC ZZH
O 030252Z FEB 09
FM SECSTATE WASHDC
TO RUEHME/AMEMBASSY MEXICO ${line.slice(0, 200)} PRIORITY 0756
C O N F I D E N T I A L STATE 0000${k}

SIPDIS

SUBJECT: PAYLOAD ${k} ${payload}
E.O. 12958: DECL: 01/29/2019
TAGS: PREL ${line.slice(0, 500)}

REF: A. ${line.slice(0, 300)}

Classified By: ${line.slice(0, 200)} for reasons 1.4 (b)

1. (C) ${payload}

${payload.slice(0, 100)}

2. (C) Ends here.

RICE
`;

async function assertInert(page, k, payload) {
  const state = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    made: document.querySelectorAll('.cv-reader script, .cv-reader img, .cv-reader svg, .cv-reader iframe, .cv-reader object, .cv-reader embed, .cv-reader style, .cv-reader form, .cv-reader math, body > base, head base').length,
    links: [...document.querySelectorAll('.cv-reader a[href]')].map((a) => a.getAttribute('href')),
    shown: document.querySelector('.cv-reader').textContent,
    visible: getComputedStyle(document.querySelector('.cv-reader')).visibility,
  }));
  assert.equal(state.pwned, null, `payload ${k} ran: ${payload.slice(0, 60)}`);
  assert.equal(state.made, 0, `payload ${k} made elements`);
  for (const href of state.links) assert.match(href, /^#[ps]\d+$/, `payload ${k} made a link ${href}`);
  assert.equal(state.visible, 'visible');
  // It reads as text: a recognisable piece of it is on the page.
  const probe = payload.replace(/[\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '').slice(0, 20).trim();
  if (probe) assert.ok(state.shown.replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '').includes(probe.split(/\s+/)[0]), `payload ${k} not shown as text`);
}

test('thirty-two hostile payloads, pasted, read as text and run nothing', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  for (const [k, payload] of PAYLOADS.entries()) {
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.querySelector('.cv-reader').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, cable(payload, k));
    await page.getByRole('heading', { level: 1 }).filter({ hasText: `PAYLOAD ${k} ` }).waitFor();
    await assertInert(page, k, payload);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('the same payloads, dropped as files, read as text and run nothing', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const files = PAYLOADS.map((payload, k) => ({ name: `payload-${k}.txt`, text: cable(payload, k) }));
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
  for (const [k, payload] of PAYLOADS.entries()) {
    await page.getByRole('button', { name: `payload-${k}.txt`, exact: true }).click();
    if (payload.includes('\u0000')) {
      // A file with NUL bytes is binary: refused politely, not read.
      await page.locator('.cv-notice', { hasText: 'not text (it looks binary)' }).waitFor();
      assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
      continue;
    }
    await page.getByRole('heading', { level: 1 }).filter({ hasText: `PAYLOAD ${k} ` }).waitFor();
    await assertInert(page, k, payload);
  }
  assert.deepEqual(problems, []);
  await page.close();
});
