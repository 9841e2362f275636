import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Response } from 'playwright-core';
import { mergeSegments, type Segment } from '@lessons/shared';
import { launchChromium, videoPastExpression } from '../support/browser.ts';
import { startCluster, type Cluster } from '../support/cluster.ts';
import { testPortOffset } from '../support/strapi.ts';

// A reader on the demo host page, whose widget talks to nginx in front of two instances. While
// the API can't answer (PostgreSQL stopped: every instance answers 503 with Retry-After), the
// widget keeps what was played and the report being written, and delivers both once it is back.

const LESSON = 'regaining-social-connection';

describe('the widget through nginx while the API is down', () => {
  let cluster: Cluster;
  let browser: Browser;

  before(async () => {
    cluster = await startCluster({
      port: 1455 + testPortOffset(),
      demoPort: 8097 + testPortOffset(),
      env: { SERVE_ADMIN_PANEL: 'false' },
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await cluster?.stop();
  });

  it("keeps a reader's progress and report draft while the API answers 503, and delivers both once it is back", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const progressAnswers: Array<{ status: number; retryAfter: string | null }> = [];
      page.on('response', (r: Response) => {
        if (r.request().method() === 'PUT' && r.url().includes('/progress')) {
          progressAnswers.push({ status: r.status(), retryAfter: r.headers()['retry-after'] ?? null });
        }
      });
      await page.goto(`${cluster.demoUrl}/?lesson=${LESSON}&lang=en`);
      const w = page.locator('lesson-widget');
      await w.getByRole('heading', { level: 2 }).first().waitFor();
      assert.ok((await w.getAttribute('api'))?.startsWith(cluster.url), 'the widget talks to nginx');

      await w.getByRole('button', { name: 'Log in', exact: true }).click();
      const login = w.getByRole('dialog');
      await login.getByLabel('E-mail or username', { exact: true }).fill('reader@example.com');
      await login.getByLabel('Password', { exact: true }).fill('Reader-demo-2026');
      await login.getByRole('button', { name: 'Log in', exact: true }).click();
      await w.getByRole('button', { name: 'Log out', exact: true }).waitFor();

      await w.getByRole('button', { name: 'Play the video', exact: true }).click();
      await page.waitForFunction(videoPastExpression(4), undefined, { timeout: 30_000 });

      // The API goes down: what the reader does now can't be stored.
      await cluster.postgres.halt();
      let down = true;
      try {
        const refused = page.waitForResponse(
          (r) => r.request().method() === 'PUT' && r.url().includes('/progress') && r.status() === 503,
        );
        await w.getByRole('button', { name: 'Pause', exact: true }).click();
        await refused;
        const played = await w
          .locator('video')
          .first()
          .evaluate((v: HTMLVideoElement) => v.currentTime);

        await w.getByRole('button', { name: 'Are there any errors or improvements?', exact: true }).click();
        const form = w.getByRole('dialog');
        const what = `Sent while the API was down (${Date.now()}).`;
        await form.getByLabel('Where is the error?', { exact: true }).fill('First paragraph');
        await form.getByLabel('What is the error?', { exact: true }).fill(what);
        await form.getByRole('button', { name: 'Send the report', exact: true }).click();
        await form
          .getByText('The report could not be sent. Your text is kept: please try again.', { exact: true })
          .waitFor();
        assert.equal(
          await form.getByLabel('What is the error?', { exact: true }).inputValue(),
          what,
          'the draft is kept',
        );

        // Back: the widget sends the queued progress by itself (after the Retry-After it was
        // given); the reader sends the kept report again.
        const delivered = page.waitForResponse(
          (r) => r.request().method() === 'PUT' && r.url().includes('/progress') && r.status() === 200,
          {
            timeout: 90_000,
          },
        );
        await cluster.postgres.resume();
        down = false;
        await delivered;
        await form.getByRole('button', { name: 'Send the report', exact: true }).click();
        await w
          .getByText('Thank you! Your report has been sent.', { exact: true })
          .waitFor({ timeout: 30_000 });

        const refusals = progressAnswers.filter((a) => a.status === 503);
        assert.ok(refusals.length >= 1, 'progress was refused while the API was down');
        assert.ok(
          refusals.every((a) => a.retryAfter),
          'each refusal said when to try again',
        );

        const stored = cluster.sql(
          `SELECT p.segments::text FROM lessons_progress p JOIN up_users u ON u.id = p.reader_id WHERE u.email = 'reader@example.com' AND p.lesson_locale = 'en' AND p.progress_key LIKE '%:en' ORDER BY p.updated_at DESC LIMIT 1`,
        );
        const segments = mergeSegments(JSON.parse(stored) as Segment[]);
        assert.ok(
          segments.some(([a, b]) => a <= 1 && b >= Math.min(played, 4) - 1),
          `what was played while the API was down is stored: played to ${played} s, stored ${stored}`,
        );
        assert.equal(
          cluster.sql(
            `SELECT count(*) FROM lessons_error_reports WHERE what = '${what.replace(/'/g, "''")}'`,
          ),
          '1',
          'the report is stored once',
        );
      } finally {
        if (down) await cluster.postgres.resume();
      }
    } finally {
      await context.close();
    }
  });
});
