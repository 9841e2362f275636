// `npm run bench`, issue 14's part: the demo lesson and a three-hour lecture (1,000 paragraphs,
// tests/support/long-lecture.ts) side by side, as a reader's Chromium meets them on the demo host
// page (tests/support/long-lecture-reader.ts measures).
import type { Browser } from 'playwright-core';
import {
  createReaderLecture,
  DEMO_LESSON,
  describeBlocking,
  LONG_LESSON,
  measureReader,
  TERM,
  type ReaderFigures,
} from '../support/long-lecture-reader.ts';

const bytes = (n: number) => `${n.toLocaleString('en')} B`;

/** Prints the side-by-side table; `cmsUrl` is a Strapi with the demo course and its demo editor. */
export async function benchLongLecture(browser: Browser, hostUrl: string, cmsUrl: string): Promise<void> {
  await createReaderLecture(cmsUrl);
  const demo = await measureReader(browser, hostUrl, cmsUrl, DEMO_LESSON);
  const long = await measureReader(browser, hostUrl, cmsUrl, LONG_LESSON);
  const rows: Array<[string, (f: ReaderFigures) => string]> = [
    ['widget: transcript shown after navigation', (f) => `${f.shownMs.toLocaleString('en')} ms`],
    ['widget: longest task until then (blocking)', (f) => describeBlocking(f.render)],
    [`widget: search "${TERM}" typed, longest task`, (f) => describeBlocking(f.search)],
    ['widget: search result', (f) => f.matches],
    ['widget: playback sweep (400 updates), longest', (f) => describeBlocking(f.followAlong)],
    ['lesson JSON, as it is', (f) => bytes(f.json.identity)],
    ['lesson JSON, brotli (as transferred)', (f) => bytes(f.json.br)],
  ];
  const width = 48;
  console.log(`\nThree-hour lectures (issue 14), in Chromium on the demo host page:`);
  console.log(
    `  ${''.padEnd(width)} ${`demo (${demo.paragraphs} paragraphs)`.padStart(34)} ${`lecture (${long.paragraphs.toLocaleString('en')} paragraphs)`.padStart(36)}`,
  );
  for (const [name, value] of rows)
    console.log(`  ${name.padEnd(width)} ${value(demo).padStart(34)} ${value(long).padStart(36)}`);
  console.log(
    `  ${'admin: open the lesson / type 13 characters'.padEnd(width)} TODO: the editor's figures are measured in tests/e2e/long-lecture-editor.test.ts (run it to see them); no reusable measuring function yet to call from here.`,
  );
}
