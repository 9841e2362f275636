import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { lessonResponseSchema, type Transcript } from '@lessons/shared';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { longLectureVtt, paragraphOf } from '../support/long-lecture.ts';
import {
  adminToken,
  createLongLectureLesson,
  LESSON_UID,
  type LongLectureLesson,
} from '../support/long-lecture-lesson.ts';
import {
  jumpTo,
  loginToAdmin,
  openLesson,
  paragraphBox as paragraphBoxOf,
  typeAndMeasure as typeAndMeasureOn,
  TYPED,
} from '../support/long-lecture-editor.ts';
import { blockingBetween, now, OBSERVE_LONG_TASKS } from '../support/long-tasks.ts';
import { json, startStrapi, type TestStrapi } from '../support/strapi.ts';

// The long tasks while an editor types are printed here; `npm run bench` holds them to their
// target (LONG_TASK_TARGET_MS in tests/support/long-tasks.ts): no test asserts a time.

const report = (what: string, value: string) => console.log(`[long-lecture editor] ${what}: ${value}`);

/** An editor at work on a three-hour lecture (100 sections, 1,000 paragraphs) in the Strapi admin. */
describe('the transcript editor on a 1,000-paragraph lecture', () => {
  let strapi: TestStrapi;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let lecture: LongLectureLesson;
  let token: string;

  const paragraphBox = (section: number, paragraph: number) => paragraphBoxOf(page, section, paragraph);
  const typeAndMeasure = () => typeAndMeasureOn(page);

  before(async () => {
    strapi = await startStrapi(1398);
    token = await adminToken(strapi.url);
    lecture = await createLongLectureLesson(strapi.url, { token });
    dir = mkdtempSync(join(tmpdir(), 'lessons-long-lecture-'));
    writeFileSync(join(dir, 'lecture.vtt'), longLectureVtt(lecture.transcript));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(OBSERVE_LONG_TASKS);
    page = await context.newPage();
    page.setDefaultTimeout(60_000);

    await loginToAdmin(page, strapi.url);
  });

  after(async () => {
    await browser?.close();
    await strapi?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens the lesson with the transcript editor, mounting only the paragraphs in view', async () => {
    const { editViewMs: editView, editorMs: editor } = await openLesson(page, strapi.url, lecture.documentId);
    await page.getByText('100 sections, 1,000 paragraphs').waitFor();
    assert.equal(await paragraphBox(1, 1).inputValue(), lecture.transcript.sections[0]!.paragraphs[0]!.text);
    const mounted = await page.locator('textarea').count();
    assert.ok(mounted > 0 && mounted < 40, `${mounted} paragraphs are mounted, not all 1,000`);

    // The editor's controls (import, jump, find, fold, rows) pass axe.
    const violations = await axeViolations(
      page,
      `document.querySelector('[role=group][aria-label="Sections and paragraphs"]').parentElement`,
    );
    assert.deepEqual(violations, []);
    report('open until the edit view shows (title field)', `${editView} ms`);
    report(
      'open until the transcript editor shows',
      `${editor} ms (${editor - editView} ms after the edit view); ${mounted} of 1,000 paragraphs mounted`,
    );
  });

  it('jumps to 3:25:00, focuses the paragraph spoken then, and types into it (its long tasks printed)', async () => {
    // 3:25:00 is 12,300 s: paragraph 977 (12.6 s each), the 7th of section 98.
    const target = paragraphOf(lecture.transcript, 'p977');
    assert.deepEqual([target.section, target.index], [97, 6]);
    await jumpTo(page, '3:25:00');
    const box = paragraphBox(98, 7);
    await box.waitFor();
    assert.equal(
      await box.evaluate((el) => el === document.activeElement),
      true,
      'the paragraph has the focus',
    );
    assert.equal(await box.inputValue(), target.paragraph.text);

    const blocking = await typeAndMeasure();
    assert.equal(await box.inputValue(), target.paragraph.text + TYPED);
    report(
      `typing ${TYPED.length} characters at 20 ms/key into paragraph 977 of 1,000`,
      `longest task ${blocking.longest} ms, total blocking ${blocking.total} ms, ${blocking.count} long tasks`,
    );
  });

  it('finds words of a paragraph far above, counting and bringing it into view', async () => {
    const wanted = paragraphOf(lecture.transcript, 'p15');
    // Five words of paragraph 15 that no other paragraph has.
    const words = wanted.paragraph.text.split(' ').slice(0, 5).join(' ');
    const holders = lecture.transcript.sections
      .flatMap((s) => s.paragraphs)
      .filter((p) => p.text.toLowerCase().includes(words.toLowerCase()));
    assert.deepEqual(
      holders.map((p) => p.id),
      ['p15'],
      `"${words}" is in paragraph 15 only`,
    );

    const find = page.getByRole('searchbox', { name: 'Find in transcript' });
    await find.fill(words);
    await page.getByText('1 paragraph contains these words.').waitFor();
    await page.getByRole('button', { name: 'Next match' }).click();
    await page.getByText('Match 1 of 1: section 2, paragraph 5.').waitFor();
    const box = paragraphBox(2, 5);
    await box.waitFor();
    assert.equal(await box.inputValue(), wanted.paragraph.text);
    assert.equal(await page.locator('[data-current-match] textarea').inputValue(), wanted.paragraph.text);

    // The paragraph typed into is out of view now, its row unmounted; its text is kept.
    assert.equal(await paragraphBox(98, 7).count(), 0);
    await page.getByRole('textbox', { name: 'Jump to time' }).fill('3:25:00');
    await page.getByRole('textbox', { name: 'Jump to time' }).press('Enter');
    await paragraphBox(98, 7).waitFor();
    assert.equal(
      await paragraphBox(98, 7).inputValue(),
      paragraphOf(lecture.transcript, 'p977').paragraph.text + TYPED,
    );
  });

  it('saves the lesson with the edit made far down, and only that edit', async () => {
    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) =>
          r.url().includes(`/content-manager/collection-types/${LESSON_UID}/${lecture.documentId}`) &&
          r.request().method() === 'PUT',
      ),
      page.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    assert.equal(saved.status(), 200, await saved.text());
    await page.getByText('Saved document').first().waitFor();

    const res = await fetch(
      `${strapi.url}/content-manager/collection-types/${LESSON_UID}/${lecture.documentId}?locale=en`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    const draft = (await json<{ data: { transcript: Transcript } }>(res)).data.transcript;
    const expected = structuredClone(lecture.transcript);
    expected.sections[97]!.paragraphs[6]!.text += TYPED;
    assert.deepEqual(draft, expected);
  });

  it('types into a demo lesson of a dozen paragraphs (its long tasks printed)', async () => {
    const demo = lessonResponseSchema.parse(
      await json(await fetch(`${strapi.url}/api/lessons/regaining-social-connection?locale=en`)),
    ).data;
    const paragraphs = demo.transcript.sections.reduce((n, s) => n + s.paragraphs.length, 0);
    const { editViewMs: editView, editorMs: editor } = await openLesson(page, strapi.url, demo.id);
    const box = paragraphBox(1, 1);
    await box.click();
    const blocking = await typeAndMeasure();
    assert.equal(await box.inputValue(), demo.transcript.sections[0]!.paragraphs[0]!.text + TYPED);
    report(
      `demo lesson (${paragraphs} paragraphs): open until the edit view / the transcript editor shows`,
      `${editView} ms / ${editor} ms`,
    );
    report(
      `demo lesson (${paragraphs} paragraphs): typing ${TYPED.length} characters at 20 ms/key`,
      `longest task ${blocking.longest} ms, total blocking ${blocking.total} ms, ${blocking.count} long tasks`,
    );
  });
  it('imports a 1,000-cue WebVTT file into a new lesson', async () => {
    await page.goto(
      `${strapi.url}/admin/content-manager/collection-types/${LESSON_UID}/create?plugins[i18n][locale]=en`,
    );
    await page.getByText('0 sections, 0 paragraphs').waitFor();
    const from = await now(page);
    const started = Date.now();
    await page.getByLabel('Import from WebVTT or SRT').setInputFiles(join(dir, 'lecture.vtt'));
    await page
      .getByText('Imported 1,000 paragraphs in 100 sections from lecture.vtt. Save the entry to keep them.')
      .waitFor();
    await page.getByText('100 sections, 1,000 paragraphs').waitFor();
    const took = Date.now() - started;
    const blocking = await blockingBetween(page, from, await now(page));
    assert.equal(await paragraphBox(1, 1).inputValue(), lecture.transcript.sections[0]!.paragraphs[0]!.text);
    report(
      'import of a 1,000-cue WebVTT file',
      `${took} ms until shown (longest task ${blocking.longest} ms)`,
    );
  });
});
