import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { lessonResponseSchema } from '@lessons/shared';
import { launchChromium } from '../support/browser.ts';
import { json, startStrapi, type TestStrapi } from '../support/strapi.ts';

const EDITOR = { email: 'editor@example.com', password: 'Editor-demo-2026' };
const LESSON_UID = 'plugin::lessons.lesson';
const EDITED = 'The good news is that friendships can be rebuilt, one small step at a time.';

/**
 * An editor's transcript history and translations that follow, through the admin's own screens:
 * a save shows up in the History panel with its word-level changes, the Spanish paragraphs over
 * the same time are marked for review (in the transcript editor, the lesson list and the Error
 * reports page) until "Still correct" or an edit, and a revert brings the old text back.
 */
describe('transcript history and review marks in the Strapi admin', () => {
  let strapi: TestStrapi;
  let browser: Browser;
  let page: Page;
  let documentId: string;
  let original: string;

  const editUrl = (locale: string) =>
    `${strapi.url}/admin/content-manager/collection-types/${LESSON_UID}/${documentId}?plugins[i18n][locale]=${locale}`;
  const paragraph = (section: number, number: number) =>
    page
      .getByRole('region', { name: `Section ${section}`, exact: true })
      .getByRole('textbox', { name: new RegExp(`^Paragraph ${number}(?!\\d)`) });
  const history = () => page.getByRole('list', { name: 'History' });

  before(async () => {
    strapi = await startStrapi(1442);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    page.setDefaultTimeout(60_000);
    const res = await fetch(`${strapi.url}/api/lessons/regaining-social-connection?locale=en`);
    const lesson = lessonResponseSchema.parse(await json(res)).data;
    documentId = lesson.id;
    original = lesson.transcript.sections[0]!.paragraphs[1]!.text;
  });

  after(async () => {
    await browser?.close();
    await strapi?.stop();
  });

  it('saves an edit and shows it in the History panel, word by word', async () => {
    await page.goto(`${strapi.url}/admin`);
    await page.getByLabel(/^Email/).fill(EDITOR.email);
    await page.getByLabel(/^Password/).fill(EDITOR.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: 'Content Manager' }).waitFor();

    await page.goto(editUrl('en'));
    await paragraph(1, 2).waitFor();
    assert.equal(await paragraph(1, 2).inputValue(), original);
    // The seeded text is the first version kept.
    await history().getByText('Saved').first().waitFor();
    assert.equal(await history().getByRole('listitem').count(), 1);
    await history().getByText('By the system').waitFor();

    await paragraph(1, 2).fill(EDITED);
    await paragraph(1, 2).blur();
    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) =>
          r.url().includes(`/content-manager/collection-types/${LESSON_UID}/${documentId}`) &&
          r.request().method() === 'PUT',
      ),
      page.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    assert.equal(saved.status(), 200, await saved.text());
    await page.getByText('Saved document').first().waitFor();

    await history().getByRole('listitem').nth(1).waitFor();
    const newest = history().getByRole('listitem').first();
    await newest.getByText('By Demo Editor').waitFor();
    await newest.getByText('1 paragraph changed').waitFor();
    await newest.getByRole('button', { name: /^Show the changes of / }).click();
    const dialog = page.getByRole('dialog', { name: /^Version of / });
    await dialog.getByText('Edited', { exact: true }).waitFor();
    const added = (await dialog.locator('ins').allTextContents()).join(' ');
    const removed = (await dialog.locator('del').allTextContents()).join(' ');
    assert.match(added, /friendships/);
    assert.match(removed, /connection/);
    // The newest version is the transcript as it is: nothing to revert to.
    assert.equal(await dialog.getByRole('button', { name: 'Revert to this version' }).count(), 0);
    await dialog.getByRole('button', { name: 'Close' }).first().click();
  });

  it('marks the Spanish paragraphs over the same time, beside the new English text, until "Still correct"', async () => {
    await page.goto(editUrl('es'));
    await paragraph(1, 1).waitFor();
    await page
      .getByText('2 paragraphs to review: the same part of the video changed in another language.')
      .waitFor();
    const notes = page.getByRole('note', { name: /^Paragraph \d+: its source changed$/ });
    await notes.first().waitFor();
    assert.equal(await notes.count(), 2);
    const first = page.getByRole('note', { name: 'Paragraph 1: its source changed' });
    await first.getByText('Source changed — review').waitFor();
    await first.getByText('English now says:').waitFor();
    await first.getByText(EDITED).waitFor();

    // The lesson list and the Error reports page count them too.
    await page.goto(
      `${strapi.url}/admin/content-manager/collection-types/${LESSON_UID}?plugins[i18n][locale]=es`,
    );
    await page.locator('thead').getByText('To review', { exact: true }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: 'Recuperar la conexión social' })
      .getByText('2 paragraphs')
      .waitFor();
    await page.goto(`${strapi.url}/admin/plugins/lessons`);
    await page.getByRole('heading', { name: '2 translated paragraphs to review' }).waitFor();
    await page.getByRole('link', { name: /\(es\): 2$/ }).click();
    await page.waitForURL((url) => url.pathname.endsWith(documentId));

    const [cleared] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/lessons/review-marks/clear')),
      page
        .getByRole('note', { name: 'Paragraph 1: its source changed' })
        .getByRole('button', { name: 'Still correct' })
        .click(),
    ]);
    assert.equal(cleared.status(), 200, await cleared.text());
    await page
      .getByText('1 paragraph to review: the same part of the video changed in another language.')
      .waitFor();
    assert.equal(await page.getByRole('note', { name: 'Paragraph 1: its source changed' }).count(), 0);
    await page.reload();
    await page.getByRole('note', { name: 'Paragraph 2: its source changed' }).waitFor();
    assert.equal(await page.getByRole('note', { name: /its source changed$/ }).count(), 1);
  });

  it('reverts the English transcript to the seeded version, kept as a new version', async () => {
    await page.goto(editUrl('en'));
    await paragraph(1, 2).waitFor();
    assert.equal(await paragraph(1, 2).inputValue(), EDITED);
    await history()
      .getByRole('button', { name: /^Show the changes of / })
      .last()
      .click();
    const dialog = page.getByRole('dialog', { name: /^Version of / });
    await dialog.getByText('The first version kept: all of it is new.').waitFor();
    await dialog.getByRole('button', { name: 'Revert to this version' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Revert the transcript?' });
    const [reverted] = await Promise.all([
      page.waitForResponse((r) => /\/lessons\/revisions\/[^/]+\/revert$/.test(new URL(r.url()).pathname)),
      confirm.getByRole('button', { name: 'Confirm' }).click(),
    ]);
    assert.equal(reverted.status(), 200, await reverted.text());
    // The lesson's draft held the unpublished edit: the reverted text waits in the draft too.
    await page.getByText('The transcript was reverted. The change waits in the draft.').first().waitFor();
    await page.waitForFunction(
      ([text]) => [...document.querySelectorAll('textarea')].some((t) => t.value === text),
      [original],
    );
    assert.equal(await paragraph(1, 2).inputValue(), original);
    assert.equal(await history().getByRole('listitem').count(), 3);
    await history().getByRole('listitem').first().getByText('Reverted').waitFor();
    await history()
      .getByRole('listitem')
      .first()
      .getByText(/^Back to the version of /)
      .waitFor();
  });
});
