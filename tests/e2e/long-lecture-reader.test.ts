import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDemoSite } from '../support/demo-site.ts';
import {
  createReaderLecture,
  describeBlocking,
  measureReader,
  TERM,
} from '../support/long-lecture-reader.ts';

// The long tasks are printed here; `npm run bench` holds them to their target
// (LONG_TASK_TARGET_MS in tests/support/long-tasks.ts): no test asserts a time.

describe('reader on a three-hour lecture (1,000 paragraphs), through Strapi', () => {
  const site = useDemoSite(1432, 8132);

  it('shows the transcript, searches as the term is typed and follows playback (its long tasks printed)', async (t) => {
    const slug = await createReaderLecture(site.strapi.url);
    const figures = await measureReader(site.browser, site.host.url, site.strapi.url, slug);
    t.diagnostic(`transcript shown ${figures.shownMs} ms after navigation`);
    t.diagnostic(`until then: ${describeBlocking(figures.render)}`);
    t.diagnostic(`typing "${TERM}": ${describeBlocking(figures.search)}, ${figures.matches}`);
    t.diagnostic(`playback sweep: ${describeBlocking(figures.followAlong)}`);
    t.diagnostic(`lesson JSON: ${figures.json.identity} B, ${figures.json.br} B brotli`);
    assert.equal(figures.paragraphs, 1000);
    assert.match(figures.matches, /^1 of \d+ matches$/);
    // The sweep ends in the last paragraph, and only it is marked.
    assert.deepEqual(figures.currentAfterSweep, ['p1000']);
  });
});
