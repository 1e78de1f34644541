// End to end: reading a cable — the metadata summary, sections, permalinks,
// find, the original text, copying, themes, print, small screens, keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { useServerAndBrowser, openPage, CORPUS, metaValue, scrollTo, menuItem, themeSelect } from './harness.mjs';

const env = useServerAndBrowser(before, after);

const heading = (page) => page.getByRole('heading', { level: 1 });

async function openCorpus(page, name) {
  const html = await readFile(resolve(CORPUS, `${name}.html`), 'utf8');
  await page.getByLabel('Open cable file').setInputFiles([{ name: `${name}.html`, mimeType: 'text/html', buffer: Buffer.from(html) }]);
  await page.getByRole('button', { name: `${name}.html`, exact: true }).waitFor();
}

test('the metadata summary labels every field and explains the codes', async () => {
  const { page, problems, requests } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  const labels = await page.locator('dl.cv-meta > dt').allInnerTexts();
  assert.deepEqual(labels, ['Reference ID', 'Date', 'Classification', 'Origin', 'From', 'To', 'Info', 'TAGS', 'Classified by', 'Declassify on', 'Signed']);
  const time = page.locator('dl.cv-meta time');
  assert.equal(await time.innerText(), '2009-02-03 02:52 UTC');
  assert.equal(await time.getAttribute('datetime'), '2009-02-03T02:52:00Z');
  assert.equal(await time.getAttribute('title'), 'date-time group 030252Z FEB 09');
  // The reader's own time, written as the UTC time is (not in the locale's words); none for a
  // reader in UTC, for whom it would repeat the time beside it.
  for (const [timezoneId, expected] of [['America/New_York', /^2009-02-03 02:52 UTC \(your time: 2009-02-02 21:52 UTC−05:00\)$/], ['UTC', /^2009-02-03 02:52 UTC$/]]) {
    const zone = await env.browser.newContext({ timezoneId });
    const there = await zone.newPage();
    await there.goto(env.server.url);
    await heading(there).waitFor();
    assert.match(await metaValue(there, 'Date'), expected, timezoneId);
    await zone.close();
  }
  const banner = page.locator('.cv-banner').first();
  assert.equal(await banner.innerText(), 'CONFIDENTIAL//SIPDIS');
  assert.equal(await banner.evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(0, 51, 160)');
  // Addressees as the cable names them, one a line; their routing indicators are in the envelope.
  const info = await metaValue(page, 'Info');
  assert.match(info, /^UN SECURITY COUNCIL COLLECTIVE PRIORITY\nAMEMBASSY MEXICO PRIORITY\nAMEMBASSY TEL AVIV PRIORITY\n/);
  assert.equal(await metaValue(page, 'To'), 'SECSTATE WASHDC IMMEDIATE');
  assert.match(await metaValue(page, 'TAGS'), /MX Mexico/);
  assert.match(await metaValue(page, 'Classified by'), /1\.4\(d\): foreign relations or foreign activities of the United States/);
  assert.equal(await metaValue(page, 'Signed'), 'Rice');
  // The envelope is decoded, and collapsed until asked for. Its station names come from the
  // routing book, which a first visit leaves until then.
  const envelope = page.locator('details.cv-envelope');
  assert.equal(await envelope.evaluate((d) => d.open), false);
  const book = (url) => new URL(url).pathname === '/routing.txt';
  assert.equal(requests.filter(book).length, 0, 'a first visit does not fetch the routing book');
  await envelope.locator('summary').click();
  await envelope.getByText('USMISSION USUN NEW YORK NY', { exact: false }).waitFor();
  assert.equal(requests.filter(book).length, 1, 'opening the envelope fetched it, once');
  const decoded = await envelope.innerText();
  assert.match(decoded, /DE RUCNDT\nprepared for transmission by RUCNDT \(USMISSION USUN NEW YORK NY\); station serial 0078, section 01; filed day 034 \(3 Feb\), 02:52Z/);
  assert.match(decoded, /ZZH\noperating signal, nationally assigned/);
  assert.match(decoded, /RUEHC\nrouting indicator of SECSTATE WASHDC: DEPT OF STATE WASHINGTON DC/);
  assert.match(decoded, /RUEHME\nrouting indicator of AMEMBASSY MEXICO: AMEMBASSY MEXICO CITY/);
  assert.match(decoded, /RUEHGG\nrouting indicator of UN SECURITY COUNCIL COLLECTIVE: collective \/ unlisted: not in the ACP 117 extract/);
  assert.match(decoded, /RUEHWEB\nrouting indicator \(unlisted\): on nearly every Cablegate copy/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a long addressee list folds after four, and unfolds whole', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  // The sample's six stay as they are.
  assert.equal(await page.locator('dl.cv-meta summary').count(), 0);
  await openCorpus(page, '08BEIJING3067');
  const info = page.locator('dl.cv-meta > dt', { hasText: /^Info$/ }).locator('xpath=following-sibling::dd[1]');
  const shown = info.locator('li:visible');
  assert.equal(await shown.count(), 4, 'four of the 28 addressees');
  const more = info.locator('summary');
  assert.equal(await more.innerText(), 'and 24 more');
  await more.focus();
  await page.keyboard.press('Enter');
  assert.equal(await shown.count(), 28, 'the whole list, by keyboard');
  assert.deepEqual(problems, []);
  await page.close();
});

test('references read with their canonical IDs', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  await openCorpus(page, '09RIYADH1687');
  const refs = await page.locator('.cv-meta__refs li').allInnerTexts();
  assert.equal(refs.length, 7);
  assert.equal(refs[0], 'A. 09SANAA2117 SANAA 2117');
  await page.close();
});

test('sections collapse, by mouse and keyboard, and expand all again', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  const titles = await page.locator('details.cv-section > summary').allInnerTexts();
  assert.deepEqual(titles, ['Opening', 'Security Council Reform', 'Middle East', 'Western Sahara', 'Racism and the Human Rights Council', 'Polarization at the UN', 'Disarmament and Non-Proliferation', 'Rio Group']);
  const open = () => page.locator('details.cv-section').evaluateAll((ds) => ds.map((d) => d.open));
  assert.ok((await open()).every(Boolean));
  await page.locator('details.cv-section > summary', { hasText: 'Middle East' }).focus();
  await page.keyboard.press('Enter');
  assert.equal((await open())[2], false, 'Enter on a section title collapses it');
  await page.keyboard.press('Space');
  assert.equal((await open())[2], true, 'and Space opens it again');
  await page.getByRole('button', { name: 'Collapse all' }).click();
  assert.ok((await open()).every((o) => !o));
  await page.getByRole('button', { name: 'Expand all' }).click();
  assert.ok((await open()).every(Boolean));
  await page.close();
});

test('paragraphs have ids, portion marks and permalinks that open the same view', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  assert.equal(await page.locator('p.cv-para[id^="p"]').count(), 10);
  // Off-screen paragraphs are not rendered until scrolled to (content-visibility), as a reader would.
  await scrollTo(page.locator('#p7'));
  const mark = page.locator('#p7 abbr');
  assert.equal(await mark.innerText(), '(C)');
  assert.equal(await mark.getAttribute('title'), 'Confidential');
  assert.match(await page.locator('#p7').innerText(), /the new Administration and change of policies would "make room"/);
  assert.equal(await page.locator('.cv-para--summary').count(), 1);
  const link = page.locator('#p7 a.cv-para__anchor');
  assert.equal(await link.getAttribute('href'), '#p7');
  // A permalink loaded fresh opens on its paragraph.
  await page.goto(`${env.server.url}#p9`);
  await page.locator('#p9').waitFor();
  await page.waitForFunction(() => {
    const r = document.getElementById('p9').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  await page.close();
});

test('long cables get a table of contents', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Contents' }).count(), 1, 'the sample has seven titled sections');
  const items = await page.getByRole('navigation', { name: 'Contents' }).locator('a').allInnerTexts();
  assert.equal(items[0], 'Security Council Reform');
  await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Rio Group' }).click();
  assert.equal(new URL(page.url()).hash, '#s8');
  await page.getByText('Try a sample', { exact: true }).click();
  await page.getByRole('button', { name: '09HARARE955 (press copy)', exact: true }).click();
  await heading(page).filter({ hasText: 'MUGABE' }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Contents' }).count(), 0, 'a short cable has none');
  await page.close();
});

test('find highlights every hit, counts them, and steps through them', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  const find = page.getByRole('searchbox', { name: 'Find in cable' });
  await find.fill('heller');
  await page.locator('.cv-find__count', { hasText: '1 of 15' }).waitFor();
  assert.equal(await page.locator('mark.cv-hit').count(), 15);
  assert.equal(await page.getByRole('status').innerText(), '15 matches for “heller”.');
  const current = () => page.locator('mark.cv-hit--current').evaluate((m) => [...document.querySelectorAll('mark.cv-hit')].indexOf(m));
  assert.equal(await current(), 0);
  await page.getByRole('button', { name: 'Next match' }).click();
  assert.equal(await current(), 1);
  await find.press('Enter');
  assert.equal(await current(), 2);
  await find.press('Shift+Enter');
  await page.getByRole('button', { name: 'Previous match' }).click();
  await page.getByRole('button', { name: 'Previous match' }).click();
  assert.equal(await current(), 14, 'wraps around');
  await find.fill('no such words');
  await page.locator('.cv-find__count', { hasText: 'no match' }).waitFor();
  await page.close();
});

test('the subject is the page title', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  assert.equal(await page.title(), "AMBASSADOR RICE'S MEETING WITH MEXICAN PERMANENT REPRESENTATIVE HELLER · Cable Viewer");
  await page.close();
});

test('the original text marks what was not understood; original line breaks on request', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  await openCorpus(page, '09KHARTOUM881');
  await (await menuItem(page, 'Original text')).click();
  const unknown = await page.locator('mark.cv-original__unknown').allInnerTexts();
  assert.deepEqual(unknown, ['>', '7/29/2009 14:42', '09KHARTOUM881', 'Embassy Khartoum', '09KHARTOUM378']);
  assert.match(await page.locator('.cv-diagnostics').innerText(), /line 18: line not understood; kept as written/);
  await (await menuItem(page, 'Original text')).click();
  assert.equal(await page.locator('.cv-original').count(), 0);
  await openCorpus(page, '09BISHKEK135');
  const p2 = page.locator('#p2');
  await scrollTo(p2);
  assert.doesNotMatch(await p2.innerText(), /\n/, 'reflowed: one line');
  await (await menuItem(page, 'Original line breaks')).click();
  await scrollTo(p2);
  assert.match(await p2.innerText(), /^¶2 ¶2\. \(C\) Ambassador met February 13 with Chinese Ambassador to\nKyrgyzstan Zhang Yannian\./);
  await page.close();
});

test('copy the ID, a citation and the JSON; download the JSON', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await heading(page).waitFor();
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await (await menuItem(page, 'Copy ID')).click();
  await page.getByRole('status').filter({ hasText: 'Copied the reference ID.' }).waitFor();
  assert.equal(await clipboard(), '09USUNNEWYORK78');
  await (await menuItem(page, 'Copy citation')).click();
  await page.getByRole('status').filter({ hasText: 'Copied the citation.' }).waitFor();
  assert.equal(await clipboard(), "09USUNNEWYORK78, “AMBASSADOR RICE'S MEETING WITH MEXICAN PERMANENT REPRESENTATIVE HELLER”, 2009-02-03");
  await (await menuItem(page, 'Copy JSON')).click();
  await page.getByRole('status').filter({ hasText: 'Copied the JSON.' }).waitFor();
  const json = JSON.parse(await clipboard());
  assert.equal(json.id, '09USUNNEWYORK78');
  assert.equal(json.info.length, 6);
  const [download] = await Promise.all([page.waitForEvent('download'), (await menuItem(page, 'Download JSON')).click()]);
  assert.equal(download.suggestedFilename(), '09USUNNEWYORK78.json');
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.signers[0], 'Rice');
  await context.close();
});

test('light and dark themes follow the system and can be overridden', async () => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const context = await env.browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await heading(page).waitFor();
  assert.equal(await background(page), 'rgb(22, 23, 26)', 'dark when the system is dark');
  await (await themeSelect(page)).selectOption('light');
  assert.equal(await background(page), 'rgb(251, 250, 247)');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  await page.reload();
  await heading(page).waitFor();
  assert.equal(await background(page), 'rgb(251, 250, 247)', 'the choice is remembered');
  await (await themeSelect(page)).selectOption('auto');
  assert.equal(await background(page), 'rgb(22, 23, 26)');
  await context.close();
});

test('the print sheet opens every section, hides the controls and keeps the banner', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.ok((await page.locator('details.cv-section').evaluateAll((ds) => ds.map((d) => d.open))).every(Boolean));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.cv-toolbar').isVisible(), false);
  assert.equal(await page.locator('.cv-input').isVisible(), false);
  assert.equal(await page.locator('.cv-banner').first().isVisible(), true);
  assert.equal(await page.locator('.cv-banner--footer').isVisible(), true);
  await page.close();
});

/** The app in a context of its own at a screen size, its first cable shown. */
async function openAt(width, height, options = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, ...options });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await heading(page).waitFor();
  return { context, page };
}

test('works on a 360 px phone without sideways scrolling', async () => {
  // A reader away from UTC, so that the date also shows their own time.
  const { context, page } = await openAt(360, 740, { timezoneId: 'Europe/Berlin' });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width}px wide`);
  // The summary is folded behind its byline; one tap unfolds it, and another folds it again.
  const toggle = page.locator('button.cv-meta__toggle');
  assert.equal(await toggle.innerText(), '09USUNNEWYORK78 · 2009-02-03 02:52 UTC · USUN NEW YORK · All details');
  assert.equal(await page.locator('dl.cv-meta').isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('dl.cv-meta').isVisible(), true);
  assert.equal(await page.locator('dl.cv-meta dt', { hasText: 'TAGS' }).isVisible(), true);
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'unfolded, still no sideways scrolling');
  // A date and time never break inside themselves (the reader's time did: `2009-02-` / `03 03:52`).
  const dates = await page.evaluate(() => [...document.querySelectorAll('.cv-meta time, .cv-meta__when')]
    .map((e) => ({ text: e.textContent, lines: new Set([...e.getClientRects()].map((r) => Math.round(r.top))).size })));
  assert.ok(dates.some((d) => d.text === '2009-02-03 03:52 UTC+01:00'), JSON.stringify(dates));
  for (const d of dates) assert.equal(d.lines, 1, `"${d.text}" is on ${d.lines} lines`);
  await context.close();
});

/** Where the banner, the subject and the header are, and whether the text box is folded. */
const firstScreen = (page) => page.evaluate(() => {
  const box = (selector) => document.querySelector(selector)?.getBoundingClientRect() ?? {};
  const [banner, subject, bar, text, para, aside] =
    ['.cv-banner', 'h1.cv-subject', '.cv-bar', '.cv-body', '.cv-para', '.cv-aside'].map(box);
  return { banner: banner.bottom, subject: subject.bottom, bar: bar.height, text: text.width, textRight: text.right,
    para: para.top, aside: aside.left, asideTop: aside.top,
    folded: !document.querySelector('details.cv-input').open, viewport: innerHeight, width: innerWidth };
});

test('reading first: the cable takes the page at 1366 px, the text box folded above it', async () => {
  const { context, page } = await openAt(1366, 768);
  const at = await firstScreen(page);
  assert.equal(at.folded, true, 'a cable is shown: the text box is folded');
  assert.ok(at.subject < at.viewport / 2, `the subject ends at ${at.subject}px, in the top half`);
  // The text begins on the first screen, at a reading measure, with the summary beside it.
  assert.ok(at.para < at.viewport / 2, `the first paragraph begins at ${at.para}px`);
  assert.ok(at.text <= 48 * 16, `the text column is ${at.text}px wide`);
  assert.ok(at.aside >= at.textRight && Math.abs(at.asideTop - at.para) < at.viewport / 4, 'the summary is beside the text');
  assert.equal(await page.locator('dl.cv-meta dt', { hasText: 'TAGS' }).isVisible(), true, 'the whole summary, unfolded');
  // It stays in view while the text scrolls.
  await page.mouse.wheel(0, 1200);
  await page.waitForFunction(() => scrollY > 1000);
  const top = await page.evaluate(() => document.querySelector('.cv-aside').getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 10, `the summary column is at ${top}px after scrolling`);
  // Editing is one click away and keeps the text as it was given.
  await page.locator('details.cv-input > summary').click();
  const area = page.getByLabel('Cable text');
  assert.match(await area.inputValue(), /^\s*VZCZCXYZ0001\nOO RUEHWEB/, 'the text as given');
  await area.fill('');
  await page.locator('.cv-notice').first().waitFor();
  assert.equal((await firstScreen(page)).folded, false, 'no cable to read: the text box stays open');
  await context.close();
});

test('reading first on a 360 px phone: a one-line header, then the banner and the subject', async () => {
  const { context, page } = await openAt(360, 640);
  const at = await firstScreen(page);
  assert.ok(at.bar < 56, `the header is one line (${at.bar}px high)`);
  assert.ok(at.banner < at.viewport && at.subject < at.viewport, `banner ends at ${at.banner}px, subject at ${at.subject}px`);
  // The text begins on the first screen: the summary is a byline, the contents folded.
  assert.ok(at.para < at.viewport - 48, `the first paragraph begins at ${at.para}px of ${at.viewport}`);
  assert.equal(await page.locator('details.cv-toc').evaluate((d) => d.open), false, 'contents folded on a phone');
  assert.equal(at.folded, true);
  // The menu opens within the screen.
  await (await menuItem(page, 'Copy ID')).waitFor();
  const menu = await page.locator('.cv-menu__items').boundingBox();
  assert.ok(menu.x >= 0 && menu.x + menu.width <= at.width, 'the menu fits the phone');
  await context.close();
});

test('one status region announces what happened', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  assert.equal(await page.getByRole('status').count(), 1);
  assert.equal(await page.getByRole('status').innerText(), 'Showing 09USUNNEWYORK78: 8 sections, 10 paragraphs, 0 warnings.');
  await page.close();
});

test('every control is reachable from the keyboard', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  // With hits, the match buttons are enabled (disabled ones are rightly skipped).
  await page.getByRole('searchbox', { name: 'Find in cable' }).fill('Rio');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const reached = new Set();
  for (let k = 0; k < 30; k += 1) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => {
      const e = document.activeElement;
      return e.getAttribute('aria-label') || e.id || e.textContent.trim().slice(0, 30);
    }));
  }
  for (const name of ['Open cable file', 'Edit text', 'find', 'Next match', 'Expand all', 'Collapse all', 'More']) {
    assert.ok([...reached].some((r) => r === name || r.startsWith(name)), `${name} not reached: ${[...reached].join(' | ')}`);
  }
  await page.close();
});
