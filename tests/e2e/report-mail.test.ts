import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  describeQuote,
  paragraphsOf,
  reportCreatedResponseSchema,
  reportDetailResponseSchema,
} from '@lessons/shared';
import { adminLogin, seedLesson } from '../../cms/test/helpers.ts';
import { Inbox } from '../../cms/test/smtp-inbox.ts';
import { launchChromium } from '../support/browser.ts';
import { json, startStrapi, type TestStrapi } from '../support/strapi.ts';

/**
 * An editor applies a reader's suggestion in the admin and chooses to send their note: the reader
 * gets the mail (a real SMTP server on loopback), and the report page then says they were told.
 */
describe('an editor telling a reporter', () => {
  const inbox = new Inbox();
  const lesson = seedLesson('sleep-routine-and-mood').en;
  let strapi: TestStrapi;
  let browser: Browser;
  let page: Page;
  let reportId: string;

  before(async () => {
    const smtpPort = await inbox.listen();
    strapi = await startStrapi(1396, {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      MAIL_FROM: 'lessons@example.org',
    });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    page.setDefaultTimeout(60_000);
  });

  after(async () => {
    await browser?.close();
    await strapi?.stop();
    await inbox.close();
  });

  it("sends the editor's note with the fixed report when the box is ticked", async () => {
    const p = paragraphsOf(lesson.transcript)[0]!;
    const position = { paragraphId: p.id, start: 0, end: p.text.indexOf(' ') };
    const quote = describeQuote(lesson.transcript, position)!;
    const res = await fetch(`${strapi.url}/api/lessons/${lesson.slug}/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        locale: 'en',
        quote,
        position,
        what: 'A typo.',
        suggestion: `${quote.exact}!`,
        email: 'reader.mail@example.com',
        idempotencyKey: 'report-mail-e2e',
      }),
    });
    assert.equal(res.status, 201);
    reportId = reportCreatedResponseSchema.parse(await json(res)).data.id;

    await page.goto(`${strapi.url}/admin`);
    await page.getByLabel(/^Email/).fill('editor@example.com');
    await page.getByLabel(/^Password/).fill('Editor-demo-2026');
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: 'Error reports' }).waitFor();
    await page.goto(`${strapi.url}/admin/plugins/lessons/reports/${reportId}`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: 'Apply the suggestion' }).waitFor();

    const applyPanel = main
      .locator('div')
      .filter({ has: page.getByRole('heading', { name: 'Apply the suggestion' }) })
      .last();
    await applyPanel.getByRole('textbox', { name: 'Note (optional)' }).fill('Thank you, well spotted.');
    const box = applyPanel.getByRole('checkbox', { name: 'Include my note in the e-mail to the reporter' });
    await box.click();
    assert.equal(await box.getAttribute('aria-checked'), 'true');
    await main.getByRole('button', { name: 'Apply suggestion' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Change the transcript?' });
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('The transcript was changed. The report is now Fixed.').first().waitFor();

    const mail = await inbox.mail(0);
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'reader.mail@example.com');
    assert.equal(mail.subject, `Your report on "${lesson.title}" has been fixed`);
    assert.match(mail.text ?? '', /The editor's note:\nThank you, well spotted\./);
  });

  it('shows on the report page that the reporter was told', async () => {
    // The outcome is written just after the mail leaves: wait for it, then look.
    const token = await adminLogin(strapi.url);
    for (;;) {
      const res = await fetch(`${strapi.url}/lessons/reports/${reportId}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (reportDetailResponseSchema.parse(await json(res)).data.notifiedAt) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await page.reload();
    await page
      .getByRole('main')
      .getByText(/^The reporter was told by e-mail on /)
      .waitFor();
  });
});
