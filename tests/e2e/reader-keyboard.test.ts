import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { videoPastExpression } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { useDemoSite } from '../support/demo-site.ts';

/** The paragraph id of the focused element, through shadow roots. */
const FOCUSED_PARAGRAPH = `(() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a && a.dataset ? a.dataset.paragraph ?? null : null;
})()`;

/**
 * A keyboard reader on the demo host page, through Strapi, in English, Spanish and Arabic: the
 * transcript is one tab stop walked with the arrow keys, `?` lists the shortcuts in the reader's
 * language, `k` plays. And printing the page gives the lesson as a document.
 */
describe('reader by keyboard, and printing, on the demo host page', () => {
  const site = useDemoSite(1481, 8181, { SERVE_ADMIN_PANEL: 'false' });

  async function withPage(lang: string, use: (page: Page) => Promise<void>): Promise<void> {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.host.url}/?lang=${lang}`);
      await page.locator('lesson-widget p[data-paragraph]').first().waitFor();
      await use(page);
    } finally {
      await context.close();
    }
  }

  for (const [lang, title] of [
    ['en', 'Keyboard shortcuts'],
    ['es', 'Atajos de teclado'],
    ['ar', 'اختصارات لوحة المفاتيح'],
  ] as const) {
    it(`walks the transcript, lists the shortcuts and plays, by keyboard (${lang})`, async () => {
      await withPage(lang, async (page) => {
        const widget = page.locator('lesson-widget');
        const paragraphs = widget.locator('p[data-paragraph]');
        assert.equal(await widget.locator('p[data-paragraph][tabindex="0"]').count(), 1);
        const ids = await paragraphs.evaluateAll((ps) => ps.map((p) => (p as HTMLElement).dataset.paragraph));
        // Tab from the search field reaches the transcript, as its one stop.
        await widget.locator('input[type="search"]').focus();
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(FOCUSED_PARAGRAPH), ids[0]);
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        assert.equal(await page.evaluate(FOCUSED_PARAGRAPH), ids[2]);
        await page.keyboard.press('End');
        await page.waitForFunction(`${FOCUSED_PARAGRAPH} === ${JSON.stringify(ids.at(-1))}`);
        await page.keyboard.press('Shift+Slash');
        const dialog = widget.getByRole('dialog', { name: title });
        await dialog.waitFor();
        if (lang !== 'es') assert.deepEqual(await axeViolations(page), []);
        await page.screenshot({ path: join(tmpdir(), `lesson-shortcuts-${lang}.png`) });
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        assert.equal(await page.evaluate(FOCUSED_PARAGRAPH), ids.at(-1));
        await page.keyboard.press('k');
        await page.waitForFunction(videoPastExpression(0.5), undefined, { timeout: 30_000 });
        await page.keyboard.press('k');
        await page.waitForFunction(() => {
          const root = document.querySelector('lesson-widget')?.shadowRoot;
          const player = root?.querySelector('lesson-player')?.shadowRoot;
          return player?.querySelector('video')?.paused === true;
        });
        if (lang === 'en') {
          // The caption style, by mouse: the player's button, a size, shown at once, remembered.
          await widget.getByRole('button', { name: 'Caption style' }).click();
          const style = widget.getByRole('dialog', { name: 'Caption style' });
          await style.getByLabel('Text size').selectOption({ label: '150%' });
          await style.getByLabel('Text colour').selectOption({ label: 'Yellow' });
          await page.screenshot({ path: join(tmpdir(), 'lesson-caption-style.png') });
          assert.deepEqual(await axeViolations(page), []);
          await style.getByRole('button', { name: 'Done' }).click();
          await style.waitFor({ state: 'hidden' });
          const saved = await page.evaluate(() =>
            Object.keys(localStorage)
              .filter((key) => key.startsWith('lessons-player:'))
              .map(
                (key) => (JSON.parse(localStorage.getItem(key)!) as { captionStyle?: unknown }).captionStyle,
              ),
          );
          assert.deepEqual(saved, [{ size: 150, color: 'yellow', background: 'translucent' }]);
        }
      });
    });
  }

  it('prints the lesson as a document: title, headings, paragraphs, no player or buttons', async (t) => {
    await withPage('en', async (page) => {
      const count = await page.evaluate(
        () =>
          (
            document.querySelector('lesson-widget') as unknown as {
              currentLesson: { transcript: { sections: Array<{ paragraphs: unknown[] }> } };
            }
          ).currentLesson.transcript.sections.flatMap((s) => s.paragraphs).length,
      );
      await page.waitForFunction(
        `document.querySelector('lesson-widget').shadowRoot.querySelector('lesson-transcript').shadowRoot.querySelectorAll('p[data-paragraph]').length === ${count}`,
      );
      await page.emulateMedia({ media: 'print' });
      const widget = page.locator('lesson-widget');
      assert.equal(await widget.locator('lesson-player').isVisible(), false);
      assert.equal(await widget.getByRole('button').filter({ visible: true }).count(), 0);
      assert.equal(await widget.locator('p[data-paragraph]').filter({ visible: true }).count(), count);
      assert.ok(await widget.getByRole('heading', { level: 1 }).isVisible());
      assert.equal(await page.locator('lesson-search').isVisible(), false);
      const pdf = join(tmpdir(), 'lesson-printed.pdf');
      await page.pdf({ path: pdf, format: 'A4' });
      await page.screenshot({ path: join(tmpdir(), 'lesson-printed.png'), fullPage: true });
      t.diagnostic(`printed: ${pdf}`);
    });
  });
});
