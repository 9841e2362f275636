// An editor's Chromium in the Strapi admin, measured: how long until the edit view and the
// transcript editor show, and the long tasks while 13 characters are typed into a paragraph.
// Used by tests/e2e/long-lecture-editor.test.ts and by the bench (tests/tools/bench-long-lecture.ts).
import type { Page } from 'playwright-core';
import { DEMO_EDITOR, LESSON_UID } from './long-lecture-lesson.ts';
import { blockingBetween, now, settle, type Blocking } from './long-tasks.ts';

/** Thirteen characters, typed one by one as a person does. */
export const TYPED = ' (see fig. 4)';

export const editUrl = (cmsUrl: string, documentId: string, locale = 'en') =>
  `${cmsUrl}/admin/content-manager/collection-types/${LESSON_UID}/${documentId}?plugins[i18n][locale]=${locale}`;

/** The transcript editor's text box of one paragraph (both counted from 1). */
export const paragraphBox = (page: Page, section: number, paragraph: number) =>
  page
    .getByRole('region', { name: `Section ${section}`, exact: true })
    .getByRole('textbox', { name: new RegExp(`^Paragraph ${paragraph}(?!\\d)`) });

/** Logs the demo editor in (the page's context must observe long tasks: long-tasks.ts). */
export async function loginToAdmin(page: Page, cmsUrl: string): Promise<void> {
  await page.goto(`${cmsUrl}/admin`);
  await page.getByLabel(/^Email/).fill(DEMO_EDITOR.email);
  await page.getByLabel(/^Password/).fill(DEMO_EDITOR.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.getByRole('link', { name: 'Content Manager' }).waitFor();
}

/** Opens a lesson's edit view: milliseconds until its title field, and until a paragraph box shows. */
export async function openLesson(
  page: Page,
  cmsUrl: string,
  documentId: string,
): Promise<{ editViewMs: number; editorMs: number }> {
  const started = Date.now();
  await page.goto(editUrl(cmsUrl, documentId));
  await page.getByRole('textbox', { name: /^title/i }).waitFor();
  const editViewMs = Date.now() - started;
  await paragraphBox(page, 1, 1).waitFor();
  return { editViewMs, editorMs: Date.now() - started };
}

/**
 * Types into the focused paragraph at 20 ms a key, and measures what the page blocked meanwhile
 * (the hand-over to the form after the pause included).
 */
export async function typeAndMeasure(page: Page): Promise<Blocking> {
  await page.keyboard.press('Control+End');
  await settle(page);
  const from = await now(page);
  await page.keyboard.type(TYPED, { delay: 20 });
  await page.waitForTimeout(1000);
  return blockingBetween(page, from, await now(page));
}

/** Focuses the paragraph spoken at a time, through the editor's "Jump to time". */
export async function jumpTo(page: Page, time: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Jump to time' }).fill(time);
  await page.getByRole('button', { name: 'Go to paragraph' }).click();
  await page.waitForFunction('document.activeElement?.tagName === "TEXTAREA"');
}
