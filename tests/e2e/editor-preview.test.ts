import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { lessonResponseSchema, paragraphsOf, type Lesson } from '@lessons/shared';
import { adminLogin, call, seed, seedLesson } from '../../cms/test/helpers.ts';
import { launchChromium } from '../support/browser.ts';
import { json, startStrapi, type TestStrapi } from '../support/strapi.ts';

const EDITOR = { email: 'editor@example.com', password: 'Editor-demo-2026' };
const LESSON_UID = 'plugin::lessons.lesson';
const DRAFT_TITLE = 'Zqpreview: a title only the draft has';

/** The end of a transcript's last timed paragraph. */
const transcriptEnd = (lesson: Lesson) =>
  Math.max(...paragraphsOf(lesson.transcript).map((p) => p.end ?? p.start ?? 0));

/**
 * An editor previews an unpublished change in the real widget through Strapi's own Preview, and
 * no longer types the duration: it is read from the video, and a transcript longer than the
 * video is flagged. The lesson list shows the lesson's course and position.
 */
describe('an editor previews a draft and lets the video give its duration', () => {
  let strapi: TestStrapi;
  let browser: Browser;
  let page: Page;
  /** The lesson with the longest transcript, and the shortest video of the demo course. */
  let long: Lesson;
  let short: Lesson;
  let documentId: string;

  const getLesson = async (slug: string) => {
    const res = await fetch(`${strapi.url}/api/lessons/${slug}?locale=en`);
    assert.equal(res.status, 200, slug);
    return lessonResponseSchema.parse(await json(res)).data;
  };

  before(async () => {
    strapi = await startStrapi(1469);
    const lessons = await Promise.all(seed.lessons.map((l) => getLesson(seedLesson(l.key).en.slug)));
    long = lessons.reduce((a, b) => (transcriptEnd(b) > transcriptEnd(a) ? b : a));
    short = lessons.reduce((a, b) => (b.video!.duration! < a.video!.duration! ? b : a));
    assert.ok(
      short.video!.duration! < transcriptEnd(long) - 1,
      'the demo has a video shorter than a transcript',
    );
    documentId = long.id;
    // The demo's lessons have an uploaded video, which comes before a URL: this one is given by URL.
    const token = await adminLogin(strapi.url);
    const cm = `${strapi.url}/content-manager/collection-types/${LESSON_UID}/${documentId}`;
    const ownUrl = long.video!.sources[0]!.src;
    for (const [path, method, body] of [
      ['?locale=en', 'PUT', { video: null, videoUrl: ownUrl }],
      ['/actions/publish?locale=en', 'POST', {}],
    ] as const) {
      const answer = await call(`${cm}${path}`, { method, json: body, token });
      assert.equal(answer.status, 200, answer.text);
    }
    long = await getLesson(long.slug);
    assert.equal(long.video!.sources[0]!.src, ownUrl);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${strapi.url}/admin`);
    await page.getByLabel(/^Email/).fill(EDITOR.email);
    await page.getByLabel(/^Password/).fill(EDITOR.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: 'Content Manager' }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await strapi?.stop();
  });

  it('fills the duration from a video URL, flags a transcript past its end, and keeps an override', async () => {
    await page.goto(
      `${strapi.url}/admin/content-manager/collection-types/${LESSON_UID}/${documentId}?plugins[i18n][locale]=en`,
    );
    const url = page.getByRole('textbox', { name: /^Video URL \(external MP4, WebM or HLS\)/ });
    await url.waitFor();
    await page.getByText('Used when no file is uploaded; starts with https://.', { exact: false }).waitFor();
    const duration = page.getByRole('textbox', { name: /^Duration \(seconds\)/ });
    assert.equal(Number(await duration.inputValue()), long.video!.duration, 'the stored duration at first');
    // On opening, the video is measured and the stored duration left as it is.
    await page.getByText(/^Length of the video: /).waitFor();
    assert.equal(Number(await duration.inputValue()), long.video!.duration, 'and left as it was');

    const shortSrc = short.video!.sources[0]!.src;
    await url.fill(shortSrc);
    // Filled in from the new video: what the panel measured, near what the demo's seed stored for it.
    await page.waitForFunction(
      ([name, before]) => {
        const input = [...document.querySelectorAll('input')].find((i) => i.name === name);
        return !!input && input.value !== '' && Number(input.value) !== before;
      },
      ['duration', long.video!.duration!] as const,
    );
    const measured = Number(await duration.inputValue());
    await page.getByText(`(${measured} s)`, { exact: false }).first().waitFor();
    assert.ok(
      Math.abs(measured - short.video!.duration!) < 1,
      `${measured} s measured, ${short.video!.duration} s stored`,
    );
    await page.getByRole('alert').filter({ hasText: 'The last cue of the transcript ends at' }).waitFor();

    // The editor's own number stands.
    await duration.fill('61.5');
    await page.getByText('The duration field says 61.5 s.').waitFor();
    await page.getByRole('button', { name: `Use ${measured} s` }).click();
    await page.getByText('The duration field says 61.5 s.').waitFor({ state: 'detached' });
    assert.equal(Number(await duration.inputValue()), measured);
  });

  it("saves a draft and sees it in the real widget through the Preview panel, while readers don't", async () => {
    await page.getByRole('textbox', { name: /^Title/ }).fill(DRAFT_TITLE);
    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) =>
          r.url().includes(`/content-manager/collection-types/${LESSON_UID}/`) &&
          r.request().method() === 'PUT',
      ),
      page.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    assert.ok(saved.ok(), await saved.text());
    await page.getByText('Saved document').first().waitFor();

    await page.getByRole('link', { name: 'Open preview' }).click();
    await page.waitForURL((u) => u.pathname.endsWith(`/${documentId}/preview`));
    const frame = page.frameLocator('iframe[data-testid="preview-iframe"]');
    // The widget (its shadow DOM) shows the draft: the new title, and the draft's transcript.
    await frame.getByRole('heading', { name: DRAFT_TITLE, exact: true, level: 1 }).waitFor();
    const firstParagraph = paragraphsOf(long.transcript)[0]!.text;
    await frame.getByText(firstParagraph.slice(0, 40), { exact: false }).first().waitFor();
    const src = await page.locator('iframe[data-testid="preview-iframe"]').getAttribute('src');
    assert.match(src ?? '', new RegExp(`/api/lessons/${documentId}/preview\\?locale=en&token=`));

    const published = await getLesson(long.slug);
    assert.equal(published.title, long.title, 'readers still get the published title');
    assert.equal(published.video!.duration, long.video!.duration, 'and the published duration');
  });

  it('lists lessons with their title, course and position, in the order of the course', async () => {
    await page.goto(
      `${strapi.url}/admin/content-manager/collection-types/${LESSON_UID}?plugins[i18n][locale]=en`,
    );
    for (const name of ['Title', 'Course', 'Position', 'Available in'])
      await page.locator('thead').getByText(name, { exact: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: DRAFT_TITLE });
    await row.getByText(seed.course.en.title).waitFor();
    const position = long.course!.position;
    await row.getByText(`${position} of ${long.course!.total}`).waitFor();
    await row.getByText('Modified', { exact: true }).waitFor();
  });
});
