import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { videoPastExpression } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { useDemoSite } from '../support/demo-site.ts';
import { json } from '../support/strapi.ts';

const LESSON = 'regaining-social-connection';
const READER = {
  username: `keys-${Date.now()}`,
  email: `keys-${Date.now()}@example.org`,
  password: 'Keys-only-2026',
};

/** What has the focus, through shadow roots, and whether a person can see where it is. */
interface Focus {
  tag: string;
  /** Its accessible name as far as a test needs it: aria-label, its label, or its text. */
  name: string;
  paragraph: string | null;
  inWidget: boolean;
  inDialog: boolean;
  /** `:focus-visible` matches and an outline or a box shadow is drawn. */
  ringShown: boolean;
  path: string;
}

const FOCUS = `(() => {
  let a = document.activeElement;
  const chain = [];
  while (a && a.shadowRoot && a.shadowRoot.activeElement) { chain.push(a.localName); a = a.shadowRoot.activeElement; }
  if (!a || a === document.body || a === document.documentElement) return null;
  chain.push(a.localName);
  let inWidget = false, inDialog = false;
  for (let n = a; n; n = n.parentElement || (n.getRootNode() && n.getRootNode().host) || null) {
    if (n.localName === 'lesson-widget') inWidget = true;
    if (n.getAttribute && (n.getAttribute('role') === 'dialog' || n.localName === 'dialog')) inDialog = true;
  }
  const cs = getComputedStyle(a);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  const label = a.getAttribute('aria-label') || (a.labels && a.labels[0] && a.labels[0].textContent) || a.textContent || '';
  return {
    tag: a.localName,
    name: label.replace(/\\s+/g, ' ').trim().slice(0, 80),
    paragraph: (a.dataset && a.dataset.paragraph) || null,
    inWidget, inDialog,
    ringShown: a.matches(':focus-visible') && (outline || shadow),
    path: chain.join(' > '),
  };
})()`;

const VIDEO_TIME = `(() => {
  const find = (root) => {
    const v = root.querySelector('video');
    if (v) return v;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const f = find(el.shadowRoot); if (f) return f; }
    return null;
  };
  const v = find(document.querySelector('lesson-widget').shadowRoot);
  return v ? v.currentTime : null;
})()`;

/**
 * A reader with a keyboard and no mouse, on the demo host page: registers, plays, walks the
 * transcript and plays from a paragraph with Enter, switches to Spanish, selects words with
 * Shift+arrows and sends a report about them, closes the form (the focus comes back to the
 * transcript: the selection's "Report an error" that opened it went with the selection) and logs
 * out. After every key the focus is somewhere (never lost to the page) and, inside the widget,
 * visibly so; axe finds nothing at each step.
 */
describe('a keyboard-only reader', () => {
  let context: BrowserContext;
  let page: Page;
  const stops: string[] = [];

  const site = useDemoSite(1471, 8171, { SERVE_ADMIN_PANEL: 'false' });

  before(async () => {
    context = await site.browser.newContext({ viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    await page.goto(`${site.host.url}/?lang=en`);
    await page.locator('lesson-widget p[data-paragraph]').first().waitFor();
  });

  after(async () => {
    await context?.close();
  });

  const widget = () => page.locator('lesson-widget');
  const focus = () => page.evaluate<Focus | null>(FOCUS);

  /** The focus after a key: never lost once in the widget, and always visible there. */
  async function focusAfter(key: string): Promise<Focus> {
    await page.keyboard.press(key);
    // A key may re-render what had the focus, or open a dialog whose code loads first: what
    // counts is where the focus settles (within 2 s).
    let now = await focus();
    for (let waited = 0; !now && waited < 2000; waited += 100) {
      await page.waitForTimeout(100);
      now = await focus();
    }
    assert.ok(
      now,
      `after ${key} the focus is on something (it was lost to the page):\n${stops.slice(-8).join('\n')}`,
    );
    stops.push(`${key} → ${now.path} "${now.name}"`);
    if (now.inWidget) assert.ok(now.ringShown, `the focus on ${now.path} "${now.name}" is visible`);
    return now;
  }

  /** Presses Tab (or Shift+Tab) until `wanted` has the focus. */
  async function tabTo(what: string, wanted: (f: Focus) => boolean, backward = false): Promise<Focus> {
    for (let i = 0; i < 80; i++) {
      const now = await focusAfter(backward ? 'Shift+Tab' : 'Tab');
      if (wanted(now)) return now;
    }
    throw new Error(`Tab never reached ${what}:\n${stops.slice(-40).join('\n')}`);
  }

  async function axe(step: string): Promise<void> {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `axe at: ${step}`);
  }

  it('registers from the widget, and the focus comes back to the account area', async () => {
    await axe('the page as loaded');
    await tabTo('Register', (f) => f.inWidget && f.name === 'Register');
    await focusAfter('Enter');
    const dialog = widget().getByRole('dialog');
    await dialog.waitFor();
    await axe('the register dialog');
    const values: Record<string, string> = {
      Username: READER.username,
      'E-mail': READER.email,
      Password: READER.password,
    };
    for (let filled = 0; filled < 3;) {
      const field = await focus();
      assert.ok(field?.inDialog, `the focus stays in the dialog (${field?.path})`);
      const value = values[field.name.replace(/\s*\*$/, '')];
      if (field.tag === 'input' && value !== undefined) {
        await page.keyboard.type(value);
        filled++;
      }
      if (filled < 3) await focusAfter('Tab');
    }
    await focusAfter('Enter');
    await widget().getByRole('button', { name: 'Log out', exact: true }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const after = await focus();
    assert.ok(after?.inWidget, `after registering the focus is in the widget (${after?.path})`);
    await axe('registered');
  });

  it('plays with Enter on the play button, the focus going to the player', async () => {
    await tabTo('Play the video', (f) => f.name === 'Play the video', true);
    await focusAfter('Enter');
    await page.waitForFunction(videoPastExpression(1), undefined, { timeout: 30_000 });
    const now = await focus();
    assert.ok(now?.inWidget, `after play the focus is in the widget (${now?.path})`);
    await axe('playing');
  });

  it('walks the transcript with the arrow keys and plays from a paragraph with Enter', async () => {
    const first = await tabTo('a paragraph of the transcript', (f) => f.paragraph !== null);
    const moved = await focusAfter('ArrowDown');
    assert.notEqual(moved.paragraph, first.paragraph, 'ArrowDown moves to another paragraph');
    const target = await focusAfter('ArrowDown');
    const { data } = await json<{
      data: { transcript: { sections: Array<{ paragraphs: Array<{ id: string; start?: number }> }> } };
    }>(await fetch(`${site.strapi.url}/api/lessons/${LESSON}?locale=en`));
    const start = data.transcript.sections
      .flatMap((s) => s.paragraphs)
      .find((p) => p.id === target.paragraph)?.start;
    assert.ok(start !== undefined && start > 5, `paragraph ${target.paragraph} starts at ${start}`);
    await focusAfter('Enter');
    await page.waitForFunction(`(${VIDEO_TIME}) >= ${start - 0.5}`, undefined, { timeout: 30_000 });
    const time = (await page.evaluate<number | null>(VIDEO_TIME)) ?? 0;
    assert.ok(time < start + 10, `played from the paragraph (${start} s), at ${time} s`);
    assert.equal((await focus())?.paragraph, target.paragraph, 'the focus stays on the paragraph');
    await axe('playing from a paragraph');
  });

  it('switches to Spanish from the language list, by keyboard', async () => {
    await tabTo('the language list', (f) => f.tag === 'select', true);
    await page.keyboard.type('Esp');
    await widget().getByRole('heading', { name: 'Recuperar la conexión social', level: 1 }).waitFor();
    const now = await focus();
    assert.ok(now?.inWidget, `after the switch the focus is in the widget (${now?.path})`);
    await axe('in Spanish');
  });

  it('selects words with Shift+arrows and reports them from the form they open', async () => {
    const paragraph = await tabTo('a paragraph of the transcript', (f) => f.paragraph !== null);
    for (let i = 0; i < 3; i++) await focusAfter('Shift+ArrowRight');
    const selected = await page.evaluate(`(() => {
      const root = document.querySelector('lesson-widget').shadowRoot;
      const find = (r) => { const s = r.getSelection ? r.getSelection() : null; if (s && String(s)) return String(s);
        for (const el of r.querySelectorAll('*')) if (el.shadowRoot) { const f = find(el.shadowRoot); if (f) return f; } return ''; };
      return find(root) || String(document.getSelection());
    })()`);
    const quote = String(selected).trim();
    assert.equal(quote.split(/\s+/).length, 3, `three words selected in ${paragraph.paragraph}: "${quote}"`);
    await tabTo('Report an error', (f) => f.name === 'Informar de un error');
    await focusAfter('Enter');
    const dialog = widget().getByRole('dialog');
    await dialog.waitFor();
    await axe('the report form');
    const field = await focus();
    assert.ok(field?.inDialog, `the focus is in the form (${field?.path})`);
    assert.equal(field.name, '¿Cuál es el error?');
    await page.keyboard.type('Estas palabras sobran.');
    await tabTo('Send', (f) => f.name === 'Enviar el aviso');
    await focusAfter('Enter');
    await dialog.getByText('¡Gracias! Tu aviso se ha enviado.').waitFor();
    const back = await focusAfter('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.ok(
      back.inWidget && back.paragraph !== null,
      `closing the form returns to the transcript (${back.path})`,
    );
    await axe('the form closed');
  });

  it('logs out by keyboard, and the focus stays in the widget', async () => {
    await tabTo('Log out', (f) => f.name === 'Cerrar sesión', true);
    await focusAfter('Enter');
    await widget().getByRole('button', { name: 'Iniciar sesión', exact: true }).waitFor();
    const now = await focus();
    assert.ok(now?.inWidget, `after logging out the focus is in the widget (${now?.path})`);
    await axe('logged out');
  });
});
