import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { lessonResponseSchema, paragraphsOf } from '@lessons/shared';
import { videoPastExpression } from '../support/browser.ts';
import { useDemoSite } from '../support/demo-site.ts';
import { json, loginReader } from '../support/strapi.ts';
import { loginToAdmin } from '../support/long-lecture-editor.ts';

const LESSON = 'regaining-social-connection';
const FIRST_LESSON = 'recognising-the-signs-of-depression';
const ES_LESSON = 'recuperar-la-conexion-social';

/**
 * Issue 10's watched map on the demo host page in Chromium against a real Strapi (a reader who
 * watched part of the lesson sees it, in English, Spanish and Arabic, and it moves while playing),
 * and issue 11's lesson analytics opened by an editor in the admin.
 */
describe('the watched map and the lesson analytics', () => {
  let auth: string;

  const site = useDemoSite(1473, 8173, { SERVE_ADMIN_PANEL: 'true', LESSONS_PROGRESS_SLACK: '86400' });

  before(async () => {
    const jwt = await loginReader(site.strapi.url);
    const user = await json(
      await fetch(`${site.strapi.url}/api/users/me`, { headers: { Authorization: `Bearer ${jwt}` } }),
    );
    auth = JSON.stringify({ jwt, user });
    // The reader watched the first two paragraphs and half of the third (31.46–47.51 s), and the
    // course's first lesson to its end.
    // Progress is kept per language (each has its own video): in Spanish, the first two
    // paragraphs (0.6–17.7, 18.1–31.55 s).
    const plays: Array<[string, string, Array<[number, number]>]> = [
      [
        LESSON,
        'en',
        [
          [0, 27.3],
          [31.46, 39.5],
        ],
      ],
      [FIRST_LESSON, 'en', [[0, 54.79]]],
      [ES_LESSON, 'es', [[0, 31.6]]],
    ];
    for (const [slug, locale, segments] of plays) {
      const res = await fetch(`${site.strapi.url}/api/lessons/${slug}/progress?locale=${locale}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ segments, position: segments.at(-1)![1] }),
      });
      assert.equal(res.status, 200, await res.text());
    }
  });

  /** The demo page in `lang`, with the reader logged in (the widget's stored session). */
  async function withReader(lang: string, use: (page: Page) => Promise<void>): Promise<void> {
    const context = await site.browser.newContext();
    try {
      const key = `lessons-widget:auth:${new URL(site.strapi.url).origin}`;
      await context.addInitScript(([k, v]) => localStorage.setItem(k, v), [key, auth] as const);
      const page = await context.newPage();
      await page.goto(`${site.host.url}/?lang=${lang}`);
      await page.locator('lesson-widget [part~="watched-paragraph"]').first().waitFor();
      await use(page);
    } finally {
      await context.close();
    }
  }
  const marks = (page: Page) => page.locator('lesson-widget .watched-mark');

  it('shows a reader what they watched, continues with what they missed, and moves while playing', async () => {
    await withReader('en', async (page) => {
      assert.equal(await page.locator('lesson-widget [part~="watched-paragraph"]').count(), 2);
      assert.deepEqual(await marks(page).allTextContents(), ['watched', 'watched', '50% watched']);
      await page.getByRole('button', { name: 'Continue with what you missed' }).click();
      // Played from 39.5 s; before anything is sent, the third paragraph's mark fills up.
      await page.waitForFunction(videoPastExpression(42), undefined, { timeout: 30_000 });
      await page.waitForFunction(
        () => {
          const text =
            [
              ...document
                .querySelector('lesson-widget')!
                .shadowRoot!.querySelector('lesson-transcript')!
                .shadowRoot!.querySelectorAll('.watched-mark'),
            ][2]?.textContent ?? '';
          return Number(/\d+/.exec(text)?.[0] ?? 0) >= 60;
        },
        undefined,
        { timeout: 15_000 },
      );

      await page.getByRole('button', { name: '1 of 4 lessons completed' }).click();
      const list = page.locator('lesson-widget [part="course-lessons"] li');
      await list.nth(3).waitFor();
      assert.equal(await list.count(), 4);
      assert.match((await list.nth(0).textContent()) ?? '', /Lesson completed/);
      await page.locator('lesson-widget a[rel="prev"]', { hasText: 'Completed' }).waitFor();
    });
  });

  it('speaks Spanish and Arabic', async () => {
    await withReader('es', async (page) => {
      await page.getByRole('button', { name: 'Continuar con lo que te perdiste' }).waitFor();
      assert.deepEqual((await marks(page).allTextContents()).slice(0, 2), ['visto', 'visto']);
    });
    await withReader('ar', async (page) => {
      await page.getByRole('button', { name: 'تابع ما فاتك' }).waitFor();
      assert.equal(await marks(page).first().textContent(), 'تمت المشاهدة');
    });
  });

  it('lets an editor see where readers struggle, in the admin', async () => {
    const lesson = lessonResponseSchema.parse(
      await json(await fetch(`${site.strapi.url}/api/lessons/${LESSON}?locale=en`)),
    ).data;
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await loginToAdmin(page, site.strapi.url);
      await page.getByRole('link', { name: 'Lesson analytics' }).click();
      await page.getByRole('heading', { name: 'Lesson analytics', level: 1 }).waitFor();
      await page.getByRole('combobox', { name: 'Lesson and language' }).click();
      await page.getByRole('option', { name: `${lesson.title} · English` }).click();
      const strip = page.getByRole('list', {
        name: 'Paragraphs of the transcript with what readers did there',
      });
      await strip.waitFor();
      assert.equal(await strip.getByRole('listitem').count(), paragraphsOf(lesson.transcript).length);
      await page.getByText('Watched by 100% (1 reader)').first().waitFor();
      await page.getByText('Readers who started it').waitFor();
      assert.match(page.url(), new RegExp(`lesson=${lesson.id}&locale=en`));
    } finally {
      await context.close();
    }
  });
});
