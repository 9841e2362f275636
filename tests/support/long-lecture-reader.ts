// A reader's Chromium on a lesson of the demo host page, measured: when the transcript shows,
// the long tasks while a search term is typed and while playback runs through the lesson, and
// the lesson's bytes. Used by the bench (tests/tools/bench-long-lecture.ts) and by
// tests/e2e/long-lecture-reader.test.ts, on the demo lesson and on a three-hour lecture.
import type { Browser } from 'playwright-core';
import { adminToken, createLongLectureLesson, LESSON_UID } from './long-lecture-lesson.ts';
import { videoPastExpression } from './browser.ts';
import { wireBytes } from './budget.ts';
import { blockingBetween, now, OBSERVE_LONG_TASKS, type Blocking } from './long-tasks.ts';

export { describeBlocking, type Blocking } from './long-tasks.ts';

export const DEMO_LESSON = 'regaining-social-connection';
export const LONG_LESSON = 'three-hour-lecture';
/** A term typed letter by letter: in the lecture, each of its first letters matches thousands of times. */
export const TERM = 'light';

// Page code is passed as strings, so the TypeScript loader injects no helpers into it.
const OBSERVE_READER = `${OBSERVE_LONG_TASKS}
  window.__transcript = () =>
    document.querySelector('lesson-widget')?.shadowRoot?.querySelector('lesson-transcript')?.shadowRoot ?? null;
`;

/** Playback through the whole lesson, 400 time updates a frame apart, as the player sends them. */
const PLAYBACK_SWEEP = `(async () => {
  const widget = document.querySelector('lesson-widget');
  const media = widget.media;
  media.pause();
  // The lesson's length, not the borrowed video's.
  const end = widget.currentLesson.transcript.sections.flatMap((s) => s.paragraphs).at(-1).end;
  let now = 0;
  Object.defineProperty(media, 'currentTime', { get: () => now, configurable: true });
  for (let step = 1; step <= 400; step++) {
    now = (end * step) / 400 - 0.5;
    media.video.dispatchEvent(new Event('timeupdate'));
    await new Promise((r) => requestAnimationFrame(r));
  }
})()`;

export interface ReaderFigures {
  paragraphs: number;
  shownMs: number;
  render: Blocking;
  search: Blocking;
  matches: string;
  followAlong: Blocking;
  /** After the sweep: the paragraphs marked as being spoken (one: the last). */
  currentAfterSweep: string[];
  json: { identity: number; br: number };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens the lesson on the demo host page and measures what a reader's Chromium does: until the
 * transcript shows, while a search term is typed, during a playback sweep through the lesson.
 */
export async function measureReader(
  browser: Browser,
  hostUrl: string,
  cmsUrl: string,
  slug: string,
): Promise<ReaderFigures> {
  const lesson = (await (await fetch(`${cmsUrl}/api/lessons/${slug}?locale=en`)).json()) as {
    data: { transcript: { sections: Array<{ paragraphs: unknown[] }> } };
  };
  const paragraphs = lesson.data.transcript.sections.reduce((n, s) => n + s.paragraphs.length, 0);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.addInitScript(OBSERVE_READER);
    await page.goto(`${hostUrl}/?lesson=${slug}&lang=en`);
    // Measured in the page, from the start of the navigation.
    const shownMs = Math.round(
      (await (
        await page.waitForFunction(
          `(() => { const root = window.__transcript(); return root && root.querySelectorAll('p[data-paragraph]').length === ${paragraphs} ? performance.now() : 0; })()`,
          undefined,
          { polling: 'raf', timeout: 60_000 },
        )
      ).jsonValue()) as number,
    );
    await page.waitForLoadState('networkidle');
    await pause(1000);
    const render = await blockingBetween(page, 0, await now(page));

    const search = page.locator('lesson-widget lesson-transcript input[type="search"]');
    await search.click();
    await pause(500);
    const typingFrom = await now(page);
    await page.keyboard.type(TERM, { delay: 80 });
    await pause(1000);
    const searchBlocking = await blockingBetween(page, typingFrom, await now(page));
    const matches =
      (await page.locator('lesson-widget lesson-transcript [role="status"]').textContent())?.trim() || 'none';
    await page.keyboard.press('Escape');

    await page.locator('lesson-widget').getByRole('button', { name: /play/i }).first().click();
    await page.waitForFunction(videoPastExpression(0.2), undefined, { timeout: 30_000 });
    // The pointer stays away from the transcript, so following is not held back.
    await page.mouse.move(0, 0);
    await pause(500);
    const sweepFrom = await now(page);
    await page.evaluate(PLAYBACK_SWEEP);
    await pause(500);
    const followAlong = await blockingBetween(page, sweepFrom, await now(page));
    const currentAfterSweep = await page.evaluate<string[]>(
      `[...window.__transcript().querySelectorAll('p[aria-current="true"]')].map((p) => p.dataset.paragraph)`,
    );

    const json = await wireBytes(`${cmsUrl}/api/lessons/${slug}?locale=en`);
    return {
      paragraphs,
      shownMs,
      render,
      search: searchBlocking,
      matches,
      followAlong,
      currentAfterSweep,
      json,
    };
  } finally {
    await context.close();
  }
}

/**
 * Creates and publishes the 1,000-paragraph lecture with the demo lesson's video (so the reader's
 * page has a player), in a Strapi with the demo course and its demo editor.
 */
export async function createReaderLecture(cmsUrl: string, slug = LONG_LESSON): Promise<string> {
  const { documentId } = await createLongLectureLesson(cmsUrl, { slug });
  const demo = (await (await fetch(`${cmsUrl}/api/lessons/${DEMO_LESSON}?locale=en`)).json()) as {
    data: { video: { sources: Array<{ src: string }> } };
  };
  const src = demo.data.video.sources[0]?.src;
  if (!src) throw new Error('The demo lesson has no video to lend.');
  const token = await adminToken(cmsUrl);
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const base = `${cmsUrl}/content-manager/collection-types/${LESSON_UID}/${documentId}`;
  for (const [url, method, body] of [
    [`${base}?locale=en`, 'PUT', { videoUrl: new URL(src, cmsUrl).href }],
    [`${base}/actions/publish?locale=en`, 'POST', {}],
  ] as const) {
    const res = await fetch(url, { method, headers, body: JSON.stringify(body) });
    if (!res.ok)
      throw new Error(`${method} ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  }
  return slug;
}
