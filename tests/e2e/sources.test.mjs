// End to end: cables from sources other than the 2010 pages, as a reader sees them — text
// whose line breaks were lost, a partial extract (an estimate shown as one), a text under
// another cable's envelope (a visible warning), two cables pasted together, a cable's page copied
// whole from the browser, a row of cables.csv, a 1970s telegram.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { useServerAndBrowser, openPage, paste, metaValue, menuItem, CORPUS } from './harness.mjs';

const env = useServerAndBrowser(before, after);
const FIXTURES = resolve(import.meta.dirname, '../fixtures/ok');
const OUTSIDE = resolve(CORPUS, '../outside-dev');

const heading = (page) => page.getByRole('heading', { level: 1 });

async function pasteFile(page, path, subject) {
  await heading(page).waitFor();
  await paste(page, await readFile(path, 'utf8'));
  await heading(page).filter({ hasText: subject }).waitFor();
}

test('a cable whose line breaks were lost reads as a cable: fields, paragraphs, references', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await pasteFile(page, resolve(OUTSIDE, 'lost-linebreaks/delhi-5.txt'), 'INDIA RATTLED BY DEVELOPMENTS IN BANGLADESH');
  assert.equal(await page.locator('.cv-banner').first().innerText(), 'CONFIDENTIAL');
  assert.match(await metaValue(page, 'TAGS'), /BG Bangladesh/);
  assert.match(await metaValue(page, 'Classified by'), /^PolCouns Geoffrey Pyatt/);
  assert.equal(await metaValue(page, 'Signed'), 'MULFORD');
  // And under the last paragraph, as the telegram closed.
  assert.equal(await page.locator('.cv-body > .cv-signature').innerText(), 'MULFORD');
  // Ten numbered paragraphs, not one block of text.
  assert.equal(await page.locator('.cv-para__anchor').count(), 10);
  // No date-time group: the ID is not made up; the estimate says it is one.
  const id = await metaValue(page, 'Reference ID');
  assert.match(id, /^NEW DELHI 005734 \(year not in this text\)\nEstimate: 04NEWDELHI5734, year 2004, from the declassification date 2014-09-09/);
  assert.equal(await page.locator('.cv-meta__refs .cv-meta__estimate').count(), 3);
  assert.match(await metaValue(page, 'References'), /A\. 04DHAKA3127 DHAKA 3127 year estimated/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a scan\'s text whose caption has digits for letters reads as the cable', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  // The export whose line breaks were lost (above), its caption as OCR reads a print-out.
  const text = await readFile(resolve(OUTSIDE, 'lost-linebreaks/delhi-5.txt'), 'utf8');
  const scanned = text.replace('C O N F I D E N T I A L', 'C 0 N F I D E N T I A L').replace('E.O. 12958', 'E.0. 12958');
  assert.notEqual(scanned, text);
  await paste(page, scanned);
  await heading(page).filter({ hasText: 'INDIA RATTLED BY DEVELOPMENTS IN BANGLADESH' }).waitFor();
  assert.equal(await page.locator('.cv-banner').first().innerText(), 'CONFIDENTIAL');
  assert.match(await metaValue(page, 'Reference ID'), /^NEW DELHI 005734 \(year not in this text\)\nEstimate: 04NEWDELHI5734/);
  assert.match(await metaValue(page, 'Declassify on'), /2014-09-09/);
  assert.equal(await page.locator('.cv-body > .cv-signature').innerText(), 'MULFORD');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a text under another cable\'s envelope shows a warning above the summary', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await pasteFile(page, resolve(FIXTURES, 'envelope-disagrees.txt'), "A TEXT UNDER ANOTHER CABLE'S ENVELOPE");
  const warning = page.locator('.cv-warnings li');
  assert.equal(await warning.count(), 1);
  assert.match(await warning.innerText(), /caption names ULAANBAATAR but the envelope's FM line names CHISINAU/);
  assert.ok(await warning.isVisible());
  await page.close();
});

test('two cables pasted one after the other: the first is shown, a warning says where the second begins', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  const assets = resolve(import.meta.dirname, '../../src/assets');
  const first = await readFile(resolve(assets, 'samples/09HARARE955.txt'), 'utf8');
  const second = await readFile(resolve(assets, '09USUNNEWYORK78.txt'), 'utf8');
  await paste(page, `${first.trimEnd()}\n\n${second}`);
  await heading(page).filter({ hasText: 'AMBASSADOR PRESENTS CREDENTIALS TO MUGABE' }).waitFor();
  assert.equal(await metaValue(page, 'Reference ID'), '09HARARE955');
  // The first cable's signer, not the second's.
  assert.equal(await page.locator('.cv-body > .cv-signature').innerText(), 'RAY');
  const warning = page.locator('.cv-warnings li', { hasText: 'a second cable begins at line' });
  assert.ok(await warning.isVisible());
  // Named by the second's sender, as its envelope gives it.
  assert.match(await warning.innerText(), /USMISSION USUN NEW YORK #0078/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a cable page copied whole from the browser (select all, copy) reads as the page: its menus set aside', async () => {
  // What a reader copies: the 2010 page's text as Chromium itself lays it out (innerText), its
  // menus, lists of posts and introduction above the telegram.
  const source = await env.browser.newPage();
  await source.setContent(await readFile(resolve(CORPUS, '09BEIJING1957.html'), 'utf8'), { waitUntil: 'domcontentloaded' });
  const copied = await source.evaluate(() => document.body.innerText);
  await source.close();
  assert.match(copied, /Browse by origin/);
  const { page, problems } = await openPage(env.browser, env.server.url);
  await heading(page).waitFor();
  await paste(page, copied);
  await heading(page).filter({ hasText: 'GOOGLE CLAIMS HARRASSMENT BY CHINESE GOVERNMENT' }).waitFor();
  assert.equal(await metaValue(page, 'Reference ID'), '09BEIJING1957');
  assert.equal(await page.locator('.cv-banner').first().innerText(), 'UNCLASSIFIED//SBU//SIPDIS');
  assert.ok((await page.locator('.cv-para__anchor').count()) >= 8);
  // None of the page's menus is read as the cable's text.
  assert.doesNotMatch(await page.locator('.cv-body').innerText(), /Browse by|Currently released/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a row of cables.csv shows the cable, and what the row itself says apart from it', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await pasteFile(page, resolve(FIXTURES, 'container-cables-csv-row.csv'), 'ACCELERATION OF F-4ES FOR IRAN');
  assert.equal(await metaValue(page, 'Reference ID'), '72TEHRAN1164');
  assert.match(await metaValue(page, 'The cables.csv row says'), /^72TEHRAN1164 · 1972-02-25 09:30 · UNCLASSIFIED · Embassy Tehran · cites 72MOSCOW1603/);
  await page.close();
});

test('a telegram as the Foreign Relations series publishes it: ID, date, classification from its source note, signer', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await pasteFile(page, resolve(FIXTURES, 'frus-telegram.txt'), 'Greek Reaction to Turkish Oil Exploration');
  assert.equal(await metaValue(page, 'Reference ID'), '74ATHENS2959');
  assert.equal(await page.locator('.cv-banner').first().innerText(), 'CONFIDENTIAL//EXDIS');
  assert.equal(await metaValue(page, 'Signed'), 'Tasca');
  assert.match(await metaValue(page, 'The Foreign Relations of the United States says'), /the Embassy in Greece/);
  // The title is no paragraph 123, and the editors' footnotes are none of the telegram's text.
  assert.deepEqual(await page.locator('.cv-reader .cv-para__anchor').allTextContents(), ['¶1', '¶2']);
  assert.equal(await page.locator('.cv-reader').getByText('Source: National Archives').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a 1970s telegram: distribution kept apart from the addressees, dual precedence, a page break mended', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await pasteFile(page, resolve(FIXTURES, '1970s-telegram.txt'), 'GREEK REACTION TO TURKISH OIL EXPLORATION');
  assert.equal(await metaValue(page, 'Reference ID'), '74ATHENS2959');
  assert.match(await metaValue(page, 'Department distribution'), /action EUR-25; info OCT-01, ISO-00/);
  assert.doesNotMatch(await metaValue(page, 'Info'), /OCT-01/);
  assert.match(await metaValue(page, 'Info precedence'), /^ROUTINE/);
  // The TAG's title in force in 1974, with its source on hover.
  const pfor = page.locator('.cv-meta__tag').first();
  assert.equal(await pfor.innerText(), 'PFOR Political Affairs: Foreign Policy and Relations');
  assert.match(await pfor.getAttribute('title'), /^Source: State Dept .*TL:TAGS-1 \(6-28-74\)/);
  const second = page.locator('#p2');
  assert.match(await second.innerText(), /GREEK CONTINENTAL SHELF AND WILL RAISE/);
  await page.close();
});

test('a 1970s telegram the Department sent: its origin office, and who drafted, cleared and approved it', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await pasteFile(page, resolve(FIXTURES, '1970s-state-outgoing.txt'), 'AEGEAN OIL EXPLORATION');
  assert.equal(await metaValue(page, 'Reference ID'), '74STATE101234');
  assert.match(await metaValue(page, 'Department distribution'), /origin EUR-25; info OCT-01, ISO-00/);
  assert.equal(await metaValue(page, 'Drafted, cleared, approved'),
    'DRAFTED BY EUR/SE:JSMITH:LW\nAPPROVED BY EUR:AHARTMAN\nEUR/SE - MR. BOYATT\nS/S - MR. LUERS');
  // Nothing of the Department's copy is left as a line not understood: the original text
  // marks none (the page number under its header, `61`, is the page's).
  await (await menuItem(page, 'Original text')).click();
  await page.locator('.cv-original').waitFor();
  assert.deepEqual(await page.locator('mark.cv-original__unknown').allInnerTexts(), []);
  await page.close();
});
