import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { Lesson } from '@lessons/shared';
import { videoPausedPastExpression } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { useDemoSite } from '../support/demo-site.ts';

/**
 * Passages on the demo host page against a real Strapi: a selection dragged with the mouse over
 * two paragraphs, copied as a #t=<start>,<end> link; selected with the keyboard in Spanish and
 * Arabic; and a page opened with such a link, which plays the passage and pauses at its end.
 */
describe('shareable passages on the demo host page', () => {
  const site = useDemoSite(1467, 8167, { SERVE_ADMIN_PANEL: 'false' });

  /** The demo page at `path`, in a context allowed to use the clipboard, always closed after. */
  async function withPage(path: string, use: (page: Page, context: BrowserContext) => Promise<void>) {
    const context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.host.url });
    try {
      const page = await context.newPage();
      await page.goto(`${site.host.url}/${path}`);
      await widget(page).locator('p[data-paragraph="p1"]').waitFor();
      await use(page, context);
    } finally {
      await context.close();
    }
  }
  const widget = (page: Page) => page.locator('lesson-widget');
  const paragraph = (page: Page, id: string) => widget(page).locator(`p[data-paragraph="${id}"]`);
  const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

  /** Where on screen the character of `p` that starts `words` is (its left half). */
  function pointAt(p: Locator, words: string): Promise<{ x: number; y: number }> {
    return p.evaluate((el, words) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const text = walker.nextNode() as Text;
      const range = document.createRange();
      const at = text.data.indexOf(words);
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + 1, y: rect.top + rect.height / 2 };
    }, words);
  }

  it('English, mouse: a drag from the middle of a word over two paragraphs copies a link to both and quotes whole words', async () => {
    await withPage('?lang=en', async (page) => {
      const w = widget(page);
      await paragraph(page, 'p3').scrollIntoViewIfNeeded();
      const from = await pointAt(paragraph(page, 'p2'), 'ion can be rebuilt');
      const to = await pointAt(paragraph(page, 'p3'), 'eel low');
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
      await page.mouse.move(to.x, to.y, { steps: 5 });
      await page.mouse.up();

      const copy = w.getByRole('button', { name: 'Copy link to this passage', exact: true });
      await copy.click();
      await w.getByRole('button', { name: 'Link copied', exact: true }).waitFor();
      assert.equal(await clipboard(page), `${site.host.url}/?lang=en#t=15.55,47.51`);
      assert.deepEqual(await axeViolations(page), []);

      await w.getByRole('button', { name: 'Report an error', exact: true }).click();
      const where = w.getByRole('dialog').getByLabel('Where is the error?', { exact: true });
      // The report quotes the first paragraph's words, from the whole word "connection".
      assert.match(await where.inputValue(), /^“connection can be rebuilt, one small piece at a time\./);
    });
  });

  it('Spanish, keyboard: Shift+arrows select words, Tab reaches "Copy link", Enter copies it', async () => {
    await withPage('?lang=es', async (page) => {
      const w = widget(page);
      await paragraph(page, 'p1').focus();
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+ArrowDown');
      // The second Shift+↓ took the next paragraph, and the focus with it (pressed at once: keys
      // pressed while the selection's code loads count too).
      await paragraph(page, 'p2').and(page.locator(':focus')).waitFor();
      const copy = w.getByRole('button', { name: 'Copiar el enlace a este fragmento', exact: true });
      await copy.waitFor();
      for (let i = 0; i < 20 && !(await copy.evaluate((b) => b.matches(':focus'))); i++)
        await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await w.getByRole('button', { name: 'Enlace copiado', exact: true }).waitFor();
      // From the start of the first paragraph to the end of the second (Spanish timings).
      const [p1, p2] = await w.evaluate((el) => {
        const { sections } = (el as unknown as { currentLesson: Lesson }).currentLesson.transcript;
        return sections.flatMap((s) => s.paragraphs).slice(0, 2);
      });
      assert.equal(await clipboard(page), `${site.host.url}/?lang=es#t=${p1!.start},${p2!.end}`);
      await page.keyboard.press('Tab');
      await w
        .getByRole('button', { name: 'Informar de un error', exact: true })
        .and(page.locator(':focus'))
        .waitFor();
    });
  });

  it('Arabic interface, keyboard: the same actions, named in Arabic, pass axe', async () => {
    await withPage('?lang=ar', async (page) => {
      const w = widget(page);
      await paragraph(page, 'p2').focus();
      await page.keyboard.press('Shift+ArrowRight');
      await w.getByRole('button', { name: 'نسخ رابط هذا المقطع', exact: true }).waitFor();
      await w.getByRole('button', { name: 'الإبلاغ عن خطأ', exact: true }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
    });
  });

  it('a page opened with #t=<start>,<end> plays the passage, pauses at its end and marks its paragraphs', async () => {
    await withPage('?lang=es#t=14,16.5', async (page) => {
      const w = widget(page);
      await page.waitForFunction(videoPausedPastExpression(16), undefined, { timeout: 30_000 });
      const times = await w
        .locator('video')
        .first()
        .evaluate((v: HTMLVideoElement) => ({
          at: v.currentTime,
          from: v.played.start(0),
        }));
      assert.ok(Math.abs(times.at - 16.5) < 0.3, `paused at ${times.at}`);
      assert.ok(Math.abs(times.from - 14) < 0.3, `played from ${times.from}`);
      const marked = await w
        .locator('[part~="passage-paragraph"]')
        .evaluateAll((ps) => ps.map((p) => (p as HTMLElement).dataset.paragraph));
      // The paragraphs spoken between 14 s and 16.5 s of the Spanish lesson.
      const spoken = await w.evaluate((el) =>
        (el as unknown as { currentLesson: Lesson }).currentLesson.transcript.sections
          .flatMap((s) => s.paragraphs)
          .filter((p) => p.start! < 16.5 && p.end! > 14)
          .map((p) => p.id),
      );
      assert.ok(spoken.length > 0);
      assert.deepEqual(marked, spoken);
      assert.deepEqual(await axeViolations(page), []);
    });
  });
});
