import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import {
  API,
  cleanup,
  deep,
  expectNoAxeViolations,
  mount,
  mountWidget,
  resetFixture,
  until,
} from '../../../test/helpers.js';
import { clearAuthStores } from '../../controllers/auth-store.js';
import type { LessonSearch } from '../lesson-search/lesson-search.component.js';
import type { LessonWidget } from './lesson-widget.component.js';

/** The page around the widget, as a host site would have it. */
function page() {
  return mount<HTMLElement>('<main><h1 class="site">Psychology lessons</h1></main>');
}

async function openDialog(widget: LessonWidget, button: 'Log in' | 'report') {
  if (button === 'report') {
    deep<HTMLButtonElement>(widget, 'lesson-transcript', '[part="report-link"]')!.click();
    return until(
      () => deep<HTMLDialogElement>(widget, 'lesson-report-dialog', 'dialog[open]'),
      'the report form',
    );
  }
  const account = deep(widget, 'lesson-account')!.shadowRoot!;
  [...account.querySelectorAll<HTMLButtonElement>('button')]
    .find((b) => b.textContent.trim() === button)!
    .click();
  return until(() => deep<HTMLDialogElement>(widget, 'lesson-auth-dialog', 'dialog[open]'), 'the login form');
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  beforeEach(async () => {
    await resetFixture();
    localStorage.clear();
    sessionStorage.clear();
    clearAuthStores();
  });
  afterEach(cleanup);

  it('idle: poster facade, transcript, account notice, links', async () => {
    const main = page();
    const widget = await mountWidget({}, '');
    main.append(widget);
    await expectNoAxeViolations(main, 'idle');
  });

  it('playing, with a paragraph highlighted', async () => {
    const main = page();
    const widget = await mountWidget();
    main.append(widget);
    deep<HTMLButtonElement>(widget, 'lesson-player', 'button')!.click();
    const media = await until(() => widget.media, 'the player');
    await until(
      () => !media.paused && deep(widget, 'lesson-transcript', '[aria-current="true"]'),
      'playback',
    );
    await expectNoAxeViolations(main, 'playing');
    media.pause();
  });

  it('searching the transcript', async () => {
    const widget = await mountWidget();
    const input = deep<HTMLInputElement>(widget, 'lesson-transcript', 'input')!;
    input.focus();
    await sendKeys({ type: 'connection' });
    await until(() => deep(widget, 'lesson-transcript', 'mark'), 'matches');
    await expectNoAxeViolations(widget, 'transcript search');
  });

  it('login dialog open, then with an error shown', async () => {
    const widget = await mountWidget();
    const dialog = await openDialog(widget, 'Log in');
    await expectNoAxeViolations(widget, 'login dialog');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => dialog.querySelector('[aria-invalid="true"]'), 'field errors');
    await expectNoAxeViolations(widget, 'login errors');
  });

  it('report dialog with field errors, and the 429 message', async () => {
    const widget = await mountWidget();
    const dialog = await openDialog(widget, 'report');
    await expectNoAxeViolations(widget, 'report dialog');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => dialog.querySelector('#what-error'), 'the error');
    await expectNoAxeViolations(widget, 'report errors');
  });

  it('logged in, with progress', async () => {
    const token = (
      (await (await fetch(`${API}/__fixture/token`, { method: 'POST' })).json()) as { jwt: string }
    ).jwt;
    const widget = await mountWidget({ token });
    await until(() => deep(widget, 'lesson-account', '[part="progress"]'), 'progress');
    await expectNoAxeViolations(widget, 'logged in');
  });

  it('right to left (Arabic), with the language notice', async () => {
    const widget = await mountWidget({ lang: 'ar' });
    await until(() => deep(widget, '[part="base"][dir="rtl"]'), 'rtl');
    await expectNoAxeViolations(widget, 'rtl');
  });

  it('the error state of a missing lesson', async () => {
    const widget = mount<LessonWidget>(
      `<lesson-widget api="${API}" lesson="missing" lang="en"></lesson-widget>`,
    );
    await until(() => deep(widget, '[role="alert"]'), 'the error');
    await expectNoAxeViolations(widget, 'not found');
  });

  it('<lesson-search> with results open and one active', async () => {
    const search = mount<LessonSearch>(`<lesson-search api="${API}" lang="en"></lesson-search>`);
    const input = await until(() => deep<HTMLInputElement>(search, 'input'), 'the box');
    await expectNoAxeViolations(search, 'search idle');
    input.focus();
    await sendKeys({ type: 'depression' });
    await until(() => deep(search, '[role="option"]'), 'results');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => input.getAttribute('aria-activedescendant'), 'an active option');
    await expectNoAxeViolations(search, 'search results');
  });
});
