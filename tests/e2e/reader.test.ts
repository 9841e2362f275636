import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { progressResponseSchema, reportListResponseSchema, type Segment } from '@lessons/shared';
import { videoPastExpression } from '../support/browser.ts';
import { BUDGET_KB, describeWidgetBudget, measureWidgetBudget } from '../support/budget.ts';
import { axeViolations } from '../support/axe.ts';
import { useDemoSite } from '../support/demo-site.ts';
import { json, loginReader } from '../support/strapi.ts';

const KB = 1024;

/** A reader on the demo host page (another origin), with the widget loaded by one script tag. */
describe('reader on the demo host page', () => {
  const site = useDemoSite(1392, 8092, { SERVE_ADMIN_PANEL: 'false', LESSONS_REPORTS_PER_CLIENT: '100' });

  /** Opens the demo page in a browser context of its own, and always closes that context. */
  async function withPage(query: string, use: (page: Page) => Promise<void>): Promise<void> {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.host.url}/${query}`);
      await widget(page).getByRole('heading', { level: 2 }).first().waitFor();
      await use(page);
    } finally {
      await context.close();
    }
  }
  const widget = (page: Page) => page.locator('lesson-widget');
  const video = (page: Page) => widget(page).locator('video').first();

  it(`stays within its script budgets as transferred: ≤ ${BUDGET_KB.initial} KB before interaction, ≤ ${BUDGET_KB.afterPlay} KB after play`, async (t) => {
    const budget = await measureWidgetBudget(site.browser, site.host.url, site.strapi.url);
    for (const line of describeWidgetBudget(budget, site.strapi.url)) t.diagnostic(line);
    assert.ok(
      budget.initial.transferred <= BUDGET_KB.initial * KB,
      `initial ${budget.initial.transferred} B transferred`,
    );
    assert.ok(
      budget.afterPlay.transferred <= BUDGET_KB.afterPlay * KB,
      `after play ${budget.afterPlay.transferred} B transferred`,
    );
  });

  it('moves nothing on the page while it loads: no layout shift from the first paint to the transcript', async () => {
    // Chromium's layout-shift entries from the page's first paint on, at a desktop and a phone size.
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 412, height: 823 },
    ]) {
      const context = await site.browser.newContext({ viewport });
      try {
        await context.addInitScript(`
          window.__layoutShifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              const moved = e.sources.map((s) => s.node ? s.node.nodeName + '.' + s.node.className : '?');
              window.__layoutShifts.push(e.value.toFixed(4) + ' at ' + Math.round(e.startTime) + ' ms: ' + moved.join(', '));
            }
          }).observe({ type: 'layout-shift', buffered: true });`);
        const page = await context.newPage();
        await page.goto(`${site.host.url}/?lang=en`);
        await widget(page).getByRole('heading', { level: 2 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        // Two frames more, so the last layout has been reported.
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        const shifts = await page.evaluate(
          () => (window as unknown as { __layoutShifts: string[] }).__layoutShifts,
        );
        assert.deepEqual(shifts, [], `layout shifts at ${viewport.width}×${viewport.height}`);
      } finally {
        await context.close();
      }
    }
  });

  it("paints embed.html's poster before the widget's modules load: the page's largest paint stays the fragment's", async () => {
    const context = await site.browser.newContext();
    try {
      await context.addInitScript(`
        window.__paints = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries())
            window.__paints.push({ light: e.element?.getRootNode() === document, tag: e.element?.tagName, at: e.startTime });
        }).observe({ type: 'largest-contentful-paint', buffered: true });`);
      const page = await context.newPage();
      // The demo page with the fragment inside, as a server-side include would put it.
      await page.goto(`${site.host.url}/?lang=en&embed`);
      await widget(page).getByRole('button', { name: 'Play the video', exact: true }).waitFor();
      const { paints, modulesAt } = await page.evaluate(() => ({
        paints: (window as unknown as { __paints: Array<{ light: boolean; tag?: string; at: number }> })
          .__paints,
        modulesAt: performance.getEntriesByType('resource').find((r) => r.name.endsWith('/widget/define.js'))
          ?.startTime,
      }));
      const largest = paints.at(-1);
      assert.deepEqual(
        { tag: largest?.tag, light: largest?.light },
        { tag: 'IMG', light: true },
        `the largest paint is the fragment's poster: ${JSON.stringify(paints)}`,
      );
      assert.ok(
        modulesAt !== undefined && modulesAt > largest!.at,
        'the modules were asked for after it painted',
      );
    } finally {
      await context.close();
    }
  });

  it('shows the lesson, its transcript with headings, tags, related lessons and course position', async () => {
    await withPage('?lang=en', async (page) => {
      const w = widget(page);
      await w.getByRole('heading', { name: 'Regaining social connection' }).first().waitFor();
      await w.getByText('Overcoming isolation', { exact: false }).first().waitFor();
      await w.getByRole('link', { name: 'Social connection' }).first().waitFor();
      await w.getByRole('link', { name: 'Sleep, routine and mood' }).first().waitFor();
      await w
        .getByText(/2\s*(of|\/)\s*4/)
        .first()
        .waitFor();
      assert.deepEqual(await axeViolations(page), []);
    });
  });

  it('seeks when a transcript paragraph is clicked, and switches language without reloading', async () => {
    await withPage('?lang=en', async (page) => {
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
      await widget(page).getByRole('button', { name: 'Play the video', exact: true }).click();
      await page.waitForFunction(videoPastExpression(0.2), undefined, { timeout: 30_000 });
      // The first paragraph of "Social activities as a way back" starts at 161.17 s.
      const paragraph = widget(page).getByText('Shared activities give contact', { exact: false });
      await paragraph.click();
      await page.waitForFunction(videoPastExpression(160), undefined, { timeout: 30_000 });
      // The select sits inside its label, so the label's text goes on with the language names.
      await widget(page).getByLabel('Select the language').selectOption({ label: 'Español' });
      await widget(page).getByRole('heading', { name: 'Recuperar la conexión social' }).first().waitFor();
      assert.equal(
        await page.evaluate(() => (window as unknown as { marker: number }).marker),
        42,
        'no page reload',
      );
    });
  });

  it('records only what a logged-in reader really played: seek to 60 s, play 5 s', async () => {
    await withPage('?lang=en', async (page) => {
      const w = widget(page);
      await w.getByText('Please log in to have your progress recorded.', { exact: false }).waitFor();
      await w.getByRole('button', { name: 'Log in', exact: true }).click();
      const dialog = w.getByRole('dialog');
      await dialog.getByLabel('E-mail or username', { exact: true }).fill('reader@example.com');
      await dialog.getByLabel('Password', { exact: true }).fill('Reader-demo-2026');
      await dialog.getByRole('button', { name: 'Log in', exact: true }).click();
      await w.getByRole('button', { name: 'Log out', exact: true }).waitFor();

      await w.getByRole('button', { name: 'Play the video', exact: true }).click();
      await video(page).waitFor({ state: 'attached' });
      await video(page).evaluate((v: HTMLVideoElement) => {
        v.currentTime = 60;
      });
      await page.waitForFunction(videoPastExpression(65), undefined, { timeout: 30_000 });
      const sent = page.waitForRequest((r) => r.method() === 'PUT' && r.url().includes('/progress'));
      await w.getByRole('button', { name: 'Pause', exact: true }).click();
      await sent;
      await page.waitForLoadState('networkidle');

      const token = await loginReader(site.strapi.url);
      const res = await fetch(
        `${site.strapi.url}/api/lessons/regaining-social-connection/progress?locale=en`,
        {
          headers: { Authorization: `Bearer ${token}` },
        },
      );
      const { data } = progressResponseSchema.parse(await json(res));
      const played = data.segments as Segment[];
      assert.ok(
        played.some(([a, b]) => a <= 61 && b >= 64),
        `60–65 s was recorded: ${JSON.stringify(played)}`,
      );
      for (const [a, b] of played) {
        // Besides 60–65 s, only the instant played between the click and the jump (under a second).
        assert.ok((a >= 59 && b <= 67) || b <= 1, `only 60–65 s was played, got [${a}, ${b}]`);
      }
    });
  });

  it('sends an error report from the link under the transcript, and the editor sees it', async () => {
    await withPage('?lang=en', async (page) => {
      const w = widget(page);
      await w.getByRole('button', { name: 'Are there any errors or improvements?', exact: true }).click();
      const form = w.getByRole('dialog');
      await form.getByLabel('Where is the error?', { exact: true }).fill('Second paragraph');
      await form
        .getByLabel('What is the error?', { exact: true })
        .fill('The word "cancelled" is spelled the British way.');
      await form.getByRole('button', { name: 'Send the report', exact: true }).click();
      await w.getByText('Thank you! Your report has been sent.', { exact: true }).waitFor();
    });

    const admin = await fetch(`${site.strapi.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editor@example.com', password: 'Editor-demo-2026' }),
    });
    const { data } = await json<{ data: { token: string } }>(admin);
    const list = reportListResponseSchema.parse(
      await json(
        await fetch(`${site.strapi.url}/lessons/reports?state=new`, {
          headers: { Authorization: `Bearer ${data.token}` },
        }),
      ),
    );
    assert.ok(list.data.some((r) => r.what.includes('cancelled')));
  });

  it('reads right-to-left in Arabic and passes axe', async () => {
    await withPage('?lang=ar', async (page) => {
      const dir = await widget(page).evaluate(
        (el) => getComputedStyle(el.shadowRoot?.firstElementChild ?? el).direction,
      );
      assert.equal(dir, 'rtl');
      assert.deepEqual(await axeViolations(page), []);
    });
  });
});
