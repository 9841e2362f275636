// `npm run screenshots`: the pictures in the README (docs/*.png), taken from the demo as a reader
// and an editor see it. It builds what changed, starts the demo (Strapi with the demo course on a
// throwaway SQLite file, and the demo host page), and drives Chromium through the product:
//
//   docs/desktop.png          the lesson on the demo host page, playing, its paragraph highlighted
//   docs/phone.png            the same on a 375 px wide phone
//   docs/arabic.png           the widget in Arabic, right to left
//   docs/report-dialog.png    words selected in the transcript, and the report form they open
//   docs/admin-reports.png    the admin's Error reports page
//   docs/admin-report.png     one report, in its paragraph, with Apply suggestion
//   docs/transcript-editor.png the lesson's edit view: the transcript field's sections, paragraphs and times
//
// `npm run screenshots -- --no-build` skips the install and build steps.
// Ports: Strapi 1460 and the host page 8160 (plus LESSONS_TEST_PORT_OFFSET).
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, videoPastExpression } from '../support/browser.ts';
import { startDemoHost } from '../support/demo-host.ts';
import { editUrl, paragraphBox } from '../support/long-lecture-editor.ts';
import { json, startStrapi, type TestStrapi } from '../support/strapi.ts';
import { build } from './build.mjs';
import { ensureChromium, installPackages } from './ensure.mjs';

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
const EDITOR = { email: 'editor@example.com', password: 'Editor-demo-2026' };
const WIDE = { width: 1280, height: 860 };

/** Saves a picture and says how big it came out. */
async function shoot(
  target: Page | Locator,
  name: string,
  options: { fullPage?: boolean; clip?: { x: number; y: number; width: number; height: number } } = {},
) {
  const path = join(docs, name);
  await target.screenshot({ path, animations: 'disabled', ...options });
  console.log(`  ${name} (${Math.round(statSync(path).size / 1024)} KB)`);
}

/** Selects `words` in a paragraph of the transcript, as a reader does with the mouse. */
async function selectWords(paragraph: Locator, words: string): Promise<void> {
  await paragraph.evaluate((p, exact) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let text = walker.nextNode() as Text | null;
    while (text && !text.data.includes(exact)) text = walker.nextNode() as Text | null;
    if (!text) throw new Error(`"${exact}" is not in the paragraph`);
    const at = text.data.indexOf(exact);
    document.getSelection()?.setBaseAndExtent(text, at, text, at + exact.length);
  }, words);
}

/** Plays the lesson to `seconds`, then pauses it, so the picture has a frame and a highlighted paragraph. */
async function playTo(page: Page, seconds: number, play: string, pause: string) {
  const widget = page.locator('lesson-widget');
  await widget.getByRole('button', { name: play, exact: true }).click();
  await page.waitForFunction(videoPastExpression(seconds), undefined, { timeout: 60_000 });
  await widget.getByRole('button', { name: pause, exact: true }).click();
}

async function readerPictures(browser: Browser, host: string) {
  const open = async (query: string, viewport: { width: number; height: number }) => {
    const page = await browser.newPage({ viewport });
    await page.goto(`${host}/${query}`);
    await page.locator('lesson-widget').getByRole('heading', { level: 1 }).waitFor();
    return page;
  };

  const desktop = await open(`?lang=en`, WIDE);
  await playTo(desktop, 16, 'Play the video', 'Pause');
  await desktop.locator('lesson-widget').getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await shoot(desktop, 'desktop.png');
  await desktop.close();

  const phone = await open(`?lang=en`, { width: 375, height: 812 });
  await shoot(phone, 'phone.png');
  await phone.close();

  const arabic = await open(`?lang=ar`, WIDE);
  await shoot(arabic, 'arabic.png');
  await arabic.close();

  const report = await open(`?lang=en`, WIDE);
  const widget = report.locator('lesson-widget');
  await selectWords(widget.locator('p[data-paragraph="p2"]'), 'connection can be rebuilt');
  await widget.locator('[part="report-selection"]').click();
  const form = widget.getByRole('dialog');
  await form.getByLabel('What is the error?', { exact: true }).fill('“Connection” should be plural here.');
  await form.getByLabel('Your suggestion (optional)', { exact: true }).fill('connections can be rebuilt');
  await shoot(report, 'report-dialog.png');
  await form.getByRole('button', { name: 'Send the report', exact: true }).click();
  await widget.getByText('Thank you! Your report has been sent.', { exact: true }).waitFor();
  await report.close();
}

/** A few more reports, so the list looks like a week of readers' corrections. */
async function moreReports(strapi: TestStrapi) {
  const lesson = await json<{
    data: { transcript: { sections: Array<{ paragraphs: Array<{ id: string; text: string }> }> } };
  }>(await fetch(`${strapi.url}/api/lessons/sleep-routine-and-mood?locale=en`));
  const paragraphs = lesson.data.transcript.sections.flatMap((s) => s.paragraphs);
  const reports = [
    { what: 'A typo in this sentence.', words: 3, at: 1 },
    { what: 'The time in the video does not match the text.', words: 2, at: 2 },
  ];
  for (const [i, r] of reports.entries()) {
    const text = paragraphs[r.at % paragraphs.length]!.text;
    const exact = text
      .split(' ')
      .slice(2, 2 + r.words)
      .join(' ');
    const res = await fetch(`${strapi.url}/api/lessons/sleep-routine-and-mood/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        locale: 'en',
        quote: { exact, prefix: '', suffix: '' },
        what: r.what,
        idempotencyKey: `screenshots-${i}`,
      }),
    });
    if (res.status !== 201) throw new Error(`A report was refused: ${res.status} ${await res.text()}`);
  }
}

/**
 * Closes Strapi's own announcement above the admin ("Introducing the new Media Library"), which is
 * no part of the product, when it shows. Its close button has no name: it is the banner's other button.
 */
async function closeStrapiNews(page: Page) {
  const news = page.getByText('Read blog post', { exact: true });
  if (!(await news.isVisible())) return;
  const other = page.locator('button:not(:has-text("Read blog post"))');
  await page.locator('div').filter({ has: news }).filter({ has: other }).last().locator(other).last().click();
  await news.waitFor({ state: 'detached' });
}

async function editorPictures(browser: Browser, strapi: TestStrapi) {
  const page = await browser.newPage({ viewport: WIDE });
  await page.goto(`${strapi.url}/admin`);
  await page.getByLabel(/^Email/).fill(EDITOR.email);
  await page.getByLabel(/^Password/).fill(EDITOR.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.getByRole('link', { name: 'Error reports' }).click();
  await page.getByRole('heading', { name: 'Error reports', level: 1 }).waitFor();
  await closeStrapiNews(page);
  // The menu link's tooltip would show over the page.
  await page.mouse.move(WIDE.width - 1, WIDE.height - 1);
  const row = page.getByRole('row').filter({ hasText: 'connection can be rebuilt' });
  await row.waitFor();
  await shoot(page, 'admin-reports.png');

  await row.getByRole('link', { name: /^Open the report of / }).click();
  const main = page.getByRole('main');
  await main.getByRole('heading', { name: 'Apply the suggestion' }).waitFor();
  await main.getByTestId('quote-mark').waitFor();
  await main
    .getByRole('heading', { name: 'Apply the suggestion' })
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
  // The page's title bar, which stays at the top once the page is scrolled.
  await page.getByRole('link', { name: 'Back' }).waitFor();
  await shoot(page, 'admin-report.png');

  await transcriptEditorPicture(page, strapi);
  await page.close();
}

/** The English demo lesson in the Content Manager, scrolled to its transcript field. */
async function transcriptEditorPicture(page: Page, strapi: TestStrapi) {
  const lesson = await json<{ data: { id: string } }>(
    await fetch(`${strapi.url}/api/lessons/regaining-social-connection?locale=en`),
  );
  await page.setViewportSize({ width: WIDE.width, height: 1000 });
  await page.goto(editUrl(strapi.url, lesson.data.id));
  await paragraphBox(page, 1, 1).waitFor();
  await closeStrapiNews(page);
  const label = page.locator('label').filter({ hasText: /^Transcript$/ });
  await label.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    // A little of the form above the field, so it reads as one field of the lesson.
    let scroller = el.parentElement;
    while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
    scroller?.scrollBy(0, -24);
  });
  const list = await page.getByRole('group', { name: 'Sections and paragraphs' }).boundingBox();
  if (!list) throw new Error('The transcript editor is not shown');
  // The admin's menus on the left, the field to its right edge; nothing of the empty side column.
  await shoot(page, 'transcript-editor.png', {
    clip: { x: 0, y: 0, width: Math.round(list.x + list.width + 60), height: 1000 },
  });
}

// `--no-build` takes the pictures of what is built already (installing and building nothing).
if (!process.argv.includes('--no-build')) {
  installPackages();
  build();
}
process.env.CHROMIUM_PATH = ensureChromium();
mkdirSync(docs, { recursive: true });

console.log('Starting the demo…');
const strapi = await startStrapi(1460, { SERVE_ADMIN_PANEL: 'true', LESSONS_REPORTS_PER_CLIENT: '100' });
const host = await startDemoHost(8160, strapi.url);
const browser = await launchChromium();
try {
  console.log(`Pictures into ${docs}:`);
  await readerPictures(browser, host.url);
  await moreReports(strapi);
  await editorPictures(browser, strapi);
} finally {
  await browser.close();
  await host.stop();
  await strapi.stop();
}
