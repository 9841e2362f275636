import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Response } from 'playwright-core';
import {
  lessonResponseSchema,
  reportCreatedResponseSchema,
  type Lesson,
  type Transcript,
} from '@lessons/shared';
import { launchChromium } from '../support/browser.ts';
import { json, startStrapi, type TestStrapi } from '../support/strapi.ts';

const EDITOR = { email: 'editor@example.com', password: 'Editor-demo-2026' };
const LESSON_UID = 'plugin::lessons.lesson';

const EN = {
  title: 'Breathing through anxiety',
  slug: 'breathing-through-anxiety',
  summary: 'A short breathing practice for anxious moments.',
};
const ES = {
  title: 'Respirar a través de la ansiedad',
  slug: 'respirar-a-traves-de-la-ansiedad',
  summary: 'Una práctica breve de respiración para los momentos de ansiedad.',
};

// Two sections (`NOTE Section:`), four cues. Cues less than 2 s apart join one paragraph, so
// each file makes three paragraphs: two in the first section, one in the second.
const EN_VTT = `WEBVTT

NOTE Section: Noticing the breath

1
00:00:00.500 --> 00:00:06.000
When anxiety rises, the breath is often the first thing to change.

2
00:00:08.500 --> 00:00:13.000
It gets quick and shallow, high in the chest.

NOTE Section: Slowing it down

3
00:00:15.000 --> 00:00:22.000
Breathe in through the nose for four counts, and out for six.

4
00:00:22.000 --> 00:00:29.000
A longer out-breath tells the body that it is safe to settle.
`;

const ES_VTT = `WEBVTT

NOTE Section: Notar la respiración

1
00:00:00.500 --> 00:00:06.000
Cuando sube la ansiedad, la respiración suele ser lo primero que cambia.

2
00:00:08.500 --> 00:00:13.000
Se vuelve rápida y superficial, alta en el pecho.

NOTE Section: Hacerla más lenta

3
00:00:15.000 --> 00:00:22.000
Inspira por la nariz contando cuatro, y espira contando seis.

4
00:00:22.000 --> 00:00:29.000
Una espiración más larga le dice al cuerpo que puede calmarse.
`;

const EN_TRANSCRIPT: Transcript = {
  sections: [
    {
      heading: 'Noticing the breath',
      paragraphs: [
        {
          id: 'p1',
          text: 'When anxiety rises, the breath is often the first thing to change.',
          start: 0.5,
          end: 6,
        },
        { id: 'p2', text: 'It gets quick and shallow, high in the chest.', start: 8.5, end: 13 },
      ],
    },
    {
      heading: 'Slowing it down',
      paragraphs: [
        {
          id: 'p3',
          text: 'Breathe in through the nose for four counts, and out for six. A longer out-breath tells the body that it is safe to settle.',
          start: 15,
          end: 29,
        },
      ],
    },
  ],
};

const ES_TRANSCRIPT: Transcript = {
  sections: [
    {
      heading: 'Notar la respiración',
      paragraphs: [
        {
          id: 'p1',
          text: 'Cuando sube la ansiedad, la respiración suele ser lo primero que cambia.',
          start: 0.5,
          end: 6,
        },
        { id: 'p2', text: 'Se vuelve rápida y superficial, alta en el pecho.', start: 8.5, end: 13 },
      ],
    },
    {
      heading: 'Hacerla más lenta',
      paragraphs: [
        {
          id: 'p3',
          text: 'Inspira por la nariz contando cuatro, y espira contando seis. Una espiración más larga le dice al cuerpo que puede calmarse.',
          start: 15,
          end: 29,
        },
      ],
    },
  ],
};

/** The reader's report: two words of the English lesson's last paragraph, and a better wording. */
const REPORT = {
  exact: 'four counts',
  prefix: 'Breathe in through the nose for ',
  suffix: ', and out for six. A longer',
  suggestion: 'a count of four',
};

/** The Content Manager's own requests that write the lesson (not the uid checks). */
const isLessonWrite = (res: Response, action?: 'publish') => {
  const url = res.url();
  const method = res.request().method();
  if (!url.includes(`/content-manager/collection-types/${LESSON_UID}`) || method === 'GET') return false;
  return action ? url.includes(`/actions/${action}?`) : !url.includes('/actions/');
};

/** Clicks a button and returns the answer to the request it makes. */
async function clickFor(page: Page, name: string, isIt: (res: Response) => boolean): Promise<Response> {
  const [res] = await Promise.all([
    page.waitForResponse(isIt),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return res;
}

/** Saves, then publishes the entry on screen, as an editor does. */
async function saveAndPublish(page: Page): Promise<void> {
  const saved = await clickFor(page, 'Save', (r) => isLessonWrite(r));
  assert.ok(saved.ok(), `save answered ${saved.status()}: ${await saved.text()}`);
  await page.getByText('Saved document').first().waitFor();
  const published = await clickFor(page, 'Publish', (r) => isLessonWrite(r, 'publish'));
  assert.ok(published.ok(), `publish answered ${published.status()}: ${await published.text()}`);
  await page.getByText('Published document').first().waitFor();
}

/** Fills the lesson's fields and imports its captions through the transcript editor's file input. */
async function fillLesson(
  page: Page,
  fields: { title: string; slug: string; summary: string },
  videoUrl: string,
  vttFile: string,
  transcript: Transcript,
): Promise<void> {
  await page.getByRole('textbox', { name: /^title/i }).fill(fields.title);
  await page.getByRole('textbox', { name: /^summary/i }).fill(fields.summary);
  await page.getByRole('textbox', { name: /^(videoUrl|Video URL)/ }).fill(videoUrl);
  await page.getByRole('textbox', { name: /^duration/i }).fill('30');
  const slug = page.getByRole('textbox', { name: /^slug/i });
  await slug.fill(fields.slug);
  await page.getByText('Available', { exact: true }).waitFor();
  assert.equal(await slug.inputValue(), fields.slug);

  await page.getByLabel('Import from WebVTT or SRT').setInputFiles(vttFile);
  const file = vttFile.split('/').pop();
  await page
    .getByText(`Imported 3 paragraphs in 2 sections from ${file}. Save the entry to keep them.`)
    .waitFor();
  await page.getByText('2 sections, 3 paragraphs').waitFor();
  for (const [i, section] of transcript.sections.entries()) {
    const editor = page.getByRole('region', { name: `Section ${i + 1}`, exact: true });
    assert.equal(
      await editor.getByRole('textbox', { name: `Section ${i + 1} heading` }).inputValue(),
      section.heading,
    );
    for (const [j, paragraph] of section.paragraphs.entries()) {
      assert.equal(
        await editor.getByRole('textbox', { name: new RegExp(`^Paragraph ${j + 1}(?!\\d)`) }).inputValue(),
        paragraph.text,
      );
    }
  }
}

/** An editor's afternoon: a lesson in two languages from captions, a refused save, a reader's correction applied. */
describe('an editor in the Strapi admin', () => {
  let strapi: TestStrapi;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let videoUrl: string;
  let documentId: string;
  let reportId: string;
  let english: Lesson;
  let spanish: Lesson;

  const editUrl = (locale: string) =>
    `${strapi.url}/admin/content-manager/collection-types/${LESSON_UID}/${documentId}?plugins[i18n][locale]=${locale}`;
  const getLesson = async (slug: string, locale: string) => {
    const res = await fetch(`${strapi.url}/api/lessons/${slug}?locale=${locale}`);
    assert.equal(res.status, 200, `${slug} (${locale})`);
    return lessonResponseSchema.parse(await json(res)).data;
  };

  before(async () => {
    strapi = await startStrapi(1394);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    dir = mkdtempSync(join(tmpdir(), 'lessons-editor-'));
    writeFileSync(join(dir, 'breathing-en.vtt'), EN_VTT);
    writeFileSync(join(dir, 'respirar-es.vtt'), ES_VTT);
    // A video the demo course already uploaded, given by URL as an external video would be.
    const seeded = await getLesson('regaining-social-connection', 'en');
    videoUrl = seeded.video!.sources[0]!.src;
    assert.ok(videoUrl.startsWith(`${strapi.url}/uploads/`), videoUrl);
  });

  after(async () => {
    await browser?.close();
    await strapi?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in to the admin as the demo editor', async () => {
    await page.goto(`${strapi.url}/admin`);
    await page.getByLabel(/^Email/).fill(EDITOR.email);
    await page.getByLabel(/^Password/).fill(EDITOR.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: 'Error reports' }).waitFor();
    await page.getByRole('link', { name: 'Content Manager' }).waitFor();
  });

  it('creates the English lesson with a transcript imported from WebVTT, saves and publishes it', async () => {
    await page.goto(
      `${strapi.url}/admin/content-manager/collection-types/${LESSON_UID}/create?plugins[i18n][locale]=en`,
    );
    await page.getByRole('heading', { name: 'Create an entry' }).waitFor();
    assert.match(
      (await page.getByRole('combobox', { name: 'Locales' }).textContent()) ?? '',
      /English \(en\)/,
    );
    await page.getByText('0 sections, 0 paragraphs').waitFor();
    await fillLesson(page, EN, videoUrl, join(dir, 'breathing-en.vtt'), EN_TRANSCRIPT);

    await saveAndPublish(page);
    const match = /\/collection-types\/plugin::lessons\.lesson\/([a-z0-9]+)\?/.exec(page.url());
    assert.ok(match, `the saved entry has its own URL: ${page.url()}`);
    documentId = match[1]!;
    await page.getByRole('heading', { name: EN.title }).waitFor();
  });

  it('adds the Spanish version with its own captions, saves and publishes it', async () => {
    await page.getByRole('combobox', { name: 'Locales' }).click();
    await page.getByRole('option', { name: /Spanish \(es\)/ }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('plugins[i18n][locale]') === 'es' && url.pathname.endsWith(documentId),
    );
    await page.getByText('0 sections, 0 paragraphs').waitFor();
    assert.equal(await page.getByRole('textbox', { name: /^title/i }).inputValue(), '');
    await fillLesson(page, ES, videoUrl, join(dir, 'respirar-es.vtt'), ES_TRANSCRIPT);

    await saveAndPublish(page);
    await page.getByRole('heading', { name: ES.title }).waitFor();
    assert.ok(page.url().includes(documentId), 'the Spanish version is the same document');
  });

  it('serves both languages from the public API with the imported sections, texts and times', async () => {
    english = await getLesson(EN.slug, 'en');
    spanish = await getLesson(ES.slug, 'es');
    for (const [lesson, fields, transcript, locale] of [
      [english, EN, EN_TRANSCRIPT, 'en'],
      [spanish, ES, ES_TRANSCRIPT, 'es'],
    ] as const) {
      assert.equal(lesson.id, documentId);
      assert.equal(lesson.locale, locale);
      assert.equal(lesson.slug, fields.slug);
      assert.equal(lesson.title, fields.title);
      assert.equal(lesson.summary, fields.summary);
      assert.deepEqual(lesson.video, {
        sources: [{ src: videoUrl, type: 'video/webm' }],
        poster: null,
        duration: 30,
      });
      assert.deepEqual(lesson.transcript, transcript);
      assert.deepEqual(
        [...lesson.locales].sort((a, b) => a.locale.localeCompare(b.locale)),
        [
          { locale: 'en', slug: EN.slug, title: EN.title },
          { locale: 'es', slug: ES.slug, title: ES.title },
        ],
      );
    }
  });

  it('refuses to save a transcript with an empty paragraph, says where, and keeps the saved text', async () => {
    await page.goto(editUrl('en'));
    const section = page.getByRole('region', { name: 'Section 2', exact: true });
    const paragraph = section.getByRole('textbox', { name: /^Paragraph 1(?!\d)/ });
    await paragraph.waitFor();
    assert.equal(await paragraph.inputValue(), EN_TRANSCRIPT.sections[1]!.paragraphs[0]!.text);

    await paragraph.fill('');
    const issues = page
      .getByRole('status')
      .filter({ hasText: '1 problem keeps this transcript from being saved:' });
    await issues.getByText('Section 2, paragraph 1: A paragraph needs some text.').waitFor();

    const refused = await clickFor(page, 'Save', (r) => isLessonWrite(r));
    assert.equal(refused.status(), 400);
    const message = 'The transcript is not valid: section 2, paragraph 1: A paragraph needs some text.';
    assert.equal(((await refused.json()) as { error: { message: string } }).error.message, message);
    await page.getByText(message).first().waitFor();

    // Nothing was saved: neither the published lesson nor the draft the editor reopens.
    assert.deepEqual((await getLesson(EN.slug, 'en')).transcript, EN_TRANSCRIPT);
    await page.reload();
    await paragraph.waitFor();
    assert.equal(await paragraph.inputValue(), EN_TRANSCRIPT.sections[1]!.paragraphs[0]!.text);
    await page.getByText('2 sections, 3 paragraphs').waitFor();
  });

  it("takes a reader's error report through the public API", async () => {
    const res = await fetch(`${strapi.url}/api/lessons/${EN.slug}/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        locale: 'en',
        quote: { exact: REPORT.exact, prefix: REPORT.prefix, suffix: REPORT.suffix },
        time: 16,
        what: 'The count is said the wrong way round.',
        suggestion: REPORT.suggestion,
        idempotencyKey: `editor-e2e-${Date.now()}`,
      }),
    });
    assert.equal(res.status, 201);
    const created = reportCreatedResponseSchema.parse(await json(res)).data;
    assert.equal(created.state, 'new');
    reportId = created.id;
  });

  it('shows the report in Error reports, in context, and applies its suggestion', async () => {
    await page.getByRole('link', { name: 'Error reports' }).click();
    await page.getByRole('heading', { name: 'Error reports', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: EN.title }).filter({ hasText: REPORT.exact });
    await row.waitFor();
    await row.getByText('New', { exact: true }).waitFor();

    await row.getByRole('link', { name: /^Open the report of / }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/admin/plugins/lessons/reports/${reportId}`));
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: 'Error report', level: 1 }).waitFor();
    await main.getByText('New', { exact: true }).waitFor();

    // The quote, highlighted in its paragraph, under its section's heading.
    await main.getByRole('heading', { name: 'The words in the transcript now' }).waitFor();
    await main.getByText('Found', { exact: true }).waitFor();
    await main.getByText('Under “Slowing it down”').waitFor();
    const mark = main.getByTestId('quote-mark');
    assert.equal(await mark.textContent(), REPORT.exact);
    assert.equal(
      await mark.locator('xpath=..').textContent(),
      EN_TRANSCRIPT.sections[1]!.paragraphs[0]!.text,
    );

    await main.getByRole('heading', { name: 'Apply the suggestion' }).waitFor();
    assert.equal(await main.getByRole('textbox', { name: 'Replacement' }).inputValue(), REPORT.suggestion);
    await main.getByRole('button', { name: 'Apply suggestion' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Change the transcript?' });
    await dialog.getByText(`“${REPORT.exact}” will be replaced with “${REPORT.suggestion}”.`).waitFor();
    const [applied] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/lessons/reports/${reportId}/apply`)),
      dialog.getByRole('button', { name: 'Confirm' }).click(),
    ]);
    assert.equal(applied.status(), 200, await applied.text());

    await page.getByText('The transcript was changed. The report is now Fixed.').first().waitFor();
    await main.getByText('Fixed', { exact: true }).first().waitFor();
    await main.getByText(/^By Demo Editor, /).waitFor();
    assert.equal(await main.getByRole('button', { name: 'Apply suggestion' }).count(), 0);

    // Back in the list, the report is fixed too.
    await page.getByRole('link', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'Error reports', level: 1 }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: REPORT.exact })
      .getByText('Fixed', { exact: true })
      .waitFor();
  });

  it('publishes the corrected text: only the quoted words changed', async () => {
    const corrected = await getLesson(EN.slug, 'en');
    const expected = structuredClone(EN_TRANSCRIPT);
    const p3 = expected.sections[1]!.paragraphs[0]!;
    p3.text = p3.text.replace(REPORT.exact, REPORT.suggestion);
    assert.equal(
      p3.text.startsWith(`Breathe in through the nose for ${REPORT.suggestion}, and out for six.`),
      true,
    );
    assert.deepEqual(corrected.transcript, expected);
    assert.deepEqual(
      { ...corrected, transcript: null, updatedAt: null, publishedAt: null },
      {
        ...english,
        transcript: null,
        updatedAt: null,
        publishedAt: null,
      },
    );
    // The Spanish version is another transcript: untouched.
    assert.deepEqual((await getLesson(ES.slug, 'es')).transcript, ES_TRANSCRIPT);
  });

  it('counts, filters, triages and rejects reports in the Error reports page', async () => {
    const send = async (slug: string, body: Record<string, unknown>) => {
      const res = await fetch(`${strapi.url}/api/lessons/${slug}/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          idempotencyKey: `editor-e2e-${Math.random().toString(36).slice(2, 12)}`,
          ...body,
        }),
      });
      assert.equal(res.status, 201, await res.text());
    };
    await send(ES.slug, {
      locale: 'es',
      quote: {
        exact: 'contando seis',
        prefix: 'nariz contando cuatro, y espira ',
        suffix: '. Una espiración',
      },
      what: 'Falta decir que se espira por la boca.',
    });
    await send(EN.slug, {
      locale: 'en',
      quote: { exact: 'words this lesson never says', prefix: '', suffix: '' },
      what: 'Those words are not in the video.',
      email: 'listener@example.com',
    });

    await page.goto(`${strapi.url}/admin/plugins/lessons`);
    await page.getByRole('heading', { name: 'Error reports', level: 1 }).waitFor();
    const tab = (name: string, count: number) =>
      page.getByRole('tab', { name: new RegExp(`^${name}\\s*${count}$`) });
    // One fixed (applied above), two new.
    await tab('All', 3).waitFor();
    await tab('New', 2).waitFor();
    await tab('Fixed', 1).waitFor();
    await tab('Triaged', 0).waitFor();
    // Reports held while a lesson was over its cap have their own tab (none here).
    await tab('Held for review', 0).waitFor();

    const rows = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: /^Open the report of / }) });
    await tab('New', 2).click();
    await rows.filter({ hasText: 'Falta decir' }).waitFor();
    await rows.filter({ hasText: 'Those words are not in the video.' }).waitFor();
    await page.waitForFunction('document.querySelectorAll("tbody tr").length === 2');

    // Spanish only.
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: /Spanish \(es\)/ }).click();
    await page.waitForFunction('document.querySelectorAll("tbody tr").length === 1');
    const spanish = rows.filter({ hasText: 'Falta decir' });
    await spanish.getByText(ES.title).waitFor();

    // Triage it, with a note.
    await spanish.getByRole('link', { name: /^Open the report of / }).click();
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: 'Error report', level: 1 }).waitFor();
    await main.getByText('Under “Hacerla más lenta”').waitFor();
    const stateForm = main
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Change state' }) });
    await stateForm.getByRole('combobox').click();
    // From "new": triaged, accepted or rejected; never straight to fixed.
    const offered = await page.getByRole('option').allTextContents();
    assert.deepEqual(offered, ['Triaged', 'Accepted', 'Rejected']);
    await page.getByRole('option', { name: 'Triaged' }).click();
    await stateForm.getByRole('textbox').fill('Checking with the translator.');
    const [changed] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/lessons/reports/')),
      stateForm.getByRole('button', { name: 'Change state' }).click(),
    ]);
    assert.equal(changed.status(), 200, await changed.text());
    await page.getByText('The report is now Triaged.').first().waitFor();
    // The note is kept with the report (and the form is ready for the next move).
    await main.getByRole('definition').filter({ hasText: 'Checking with the translator.' }).waitFor();

    // The counts follow.
    await page.goto(`${strapi.url}/admin/plugins/lessons`);
    await tab('New', 1).waitFor();
    await tab('Triaged', 1).waitFor();

    // The report whose words are not in the transcript: nothing to apply; rejected.
    await tab('New', 1).click();
    const english = rows.filter({ hasText: 'Those words are not in the video.' });
    await english.getByRole('link', { name: /^Open the report of / }).click();
    await main.getByText('Not found in the current transcript').waitFor();
    await main
      .getByText('The reported words are no longer in the transcript, so there is nothing to replace.')
      .waitFor();
    assert.equal(await main.getByRole('button', { name: 'Apply suggestion' }).count(), 0);
    await stateForm.getByRole('combobox').click();
    await page.getByRole('option', { name: 'Rejected' }).click();
    // The reporter left an address, but this server has no e-mail set up: the editor is told so.
    await stateForm.getByText('E-mail is not set up: the reporter will not be told.').waitFor();
    assert.equal(await stateForm.getByRole('checkbox').count(), 0);
    await stateForm.getByRole('textbox').fill('Not in this lesson.');
    await stateForm.getByRole('button', { name: 'Change state' }).click();
    await page.getByText('The report is now Rejected.').first().waitFor();
    await main.getByText(/^By Demo Editor, /).waitFor();

    await page.goto(`${strapi.url}/admin/plugins/lessons`);
    await tab('New', 0).waitFor();
    await tab('Rejected', 1).waitFor();
    await tab('All', 3).waitFor();
  });
});
