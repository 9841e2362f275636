// `npm run bench`, issue 14's part: the demo lesson and a three-hour lecture (1,000 paragraphs,
// tests/support/long-lecture.ts) side by side, as a reader's Chromium meets them on the demo host
// page (tests/support/long-lecture-reader.ts measures).
import type { Browser } from 'playwright-core';
import {
  jumpTo,
  loginToAdmin,
  openLesson,
  paragraphBox,
  typeAndMeasure,
} from '../support/long-lecture-editor.ts';
import {
  createReaderLecture,
  DEMO_LESSON,
  describeBlocking,
  LONG_LESSON,
  measureReader,
  TERM,
  type ReaderFigures,
} from '../support/long-lecture-reader.ts';
import { meetsLongTaskTarget, OBSERVE_LONG_TASKS, type Blocking } from '../support/long-tasks.ts';

interface EditorFigures {
  editViewMs: number;
  editorMs: number;
  typing: Blocking;
}

/** The demo editor opens each lesson in the admin and types 13 characters into one paragraph. */
async function measureEditor(browser: Browser, cmsUrl: string, slugs: string[]): Promise<EditorFigures[]> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    await context.addInitScript(OBSERVE_LONG_TASKS);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await loginToAdmin(page, cmsUrl);
    const figures: EditorFigures[] = [];
    for (const slug of slugs) {
      const lesson = (await (await fetch(`${cmsUrl}/api/lessons/${slug}?locale=en`)).json()) as {
        data: { id: string; transcript: { sections: Array<{ paragraphs: Array<{ start?: number }> }> } };
      };
      const opened = await openLesson(page, cmsUrl, lesson.data.id);
      const paragraphs = lesson.data.transcript.sections.flatMap((s) => s.paragraphs);
      // A paragraph far down a long lesson (reached through "Jump to time"), else the first one.
      if (paragraphs.length > 100) await jumpTo(page, '3:25:00');
      else await paragraphBox(page, 1, 1).click();
      figures.push({ ...opened, typing: await typeAndMeasure(page) });
    }
    return figures;
  } finally {
    await context.close();
  }
}

const bytes = (n: number) => `${n.toLocaleString('en')} B`;
/** A long-task figure and its verdict against the target (the tests print these, never judge them). */
const judged = (b: Blocking) => `${describeBlocking(b)} ${meetsLongTaskTarget(b)}`;

/** Prints the side-by-side table; `cmsUrl` is a Strapi with the demo course and its demo editor. */
export async function benchLongLecture(browser: Browser, hostUrl: string, cmsUrl: string): Promise<void> {
  await createReaderLecture(cmsUrl);
  const demo = await measureReader(browser, hostUrl, cmsUrl, DEMO_LESSON);
  const long = await measureReader(browser, hostUrl, cmsUrl, LONG_LESSON);
  const rows: Array<[string, (f: ReaderFigures) => string]> = [
    ['widget: transcript shown after navigation', (f) => `${f.shownMs.toLocaleString('en')} ms`],
    ['widget: longest task until then (blocking)', (f) => judged(f.render)],
    [`widget: search "${TERM}" typed, longest task`, (f) => judged(f.search)],
    ['widget: search result', (f) => f.matches],
    ['widget: playback sweep (400 updates), longest', (f) => judged(f.followAlong)],
    ['lesson JSON, as it is', (f) => bytes(f.json.identity)],
    ['lesson JSON, brotli (as transferred)', (f) => bytes(f.json.br)],
  ];
  const width = 48;
  console.log(`\nThree-hour lectures (issue 14), in Chromium on the demo host page:`);
  console.log(
    `  ${''.padEnd(width)} ${`demo (${demo.paragraphs} paragraphs)`.padStart(44)} ${`lecture (${long.paragraphs.toLocaleString('en')} paragraphs)`.padStart(46)}`,
  );
  for (const [name, value] of rows)
    console.log(`  ${name.padEnd(width)} ${value(demo).padStart(44)} ${value(long).padStart(46)}`);
  const [demoEditor, longEditor] = await measureEditor(browser, cmsUrl, [DEMO_LESSON, LONG_LESSON]);
  const editorRows: Array<[string, (f: EditorFigures) => string]> = [
    ['admin: edit view shown', (f) => `${f.editViewMs.toLocaleString('en')} ms`],
    ['admin: transcript editor shown', (f) => `${f.editorMs.toLocaleString('en')} ms`],
    ['admin: typing 13 characters, longest task', (f) => judged(f.typing)],
  ];
  for (const [name, value] of editorRows)
    console.log(
      `  ${name.padEnd(width)} ${value(demoEditor!).padStart(44)} ${value(longEditor!).padStart(46)}`,
    );
}
