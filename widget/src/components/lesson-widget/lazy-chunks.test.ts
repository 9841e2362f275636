import { expect } from '@esm-bundle/chai';
import '../../define.js';
import {
  chunkFailureHooks,
  deep,
  expectLoginFormAfterRetry,
  expectNoAxeViolations,
  failChunks,
  moduleLoaded,
  mountWidget,
  partFailure as failure,
  tryAgain,
  readerToken,
  until,
} from '../../../test/helpers.js';
import { clearAuthStores } from '../../controllers/auth-store.js';

// Each part loaded on first use is a chunk of its own; here the test server makes one fail to
// load, as when the reader is offline, and the reader must be told and be able to try again.
// Every test loads its chunk for the first time in this page (a module the page already has is
// never fetched again), hence one test per chunk and their order: any focus or click may load the
// selection reader, so its test comes first, and any focus inside the widget the keyboard
// shortcuts, so theirs comes next (a dialog takes the focus). The session's store has its own
// page: account-chunk.test.ts.

describe('a chunk that fails to load', () => {
  chunkFailureHooks(() => {
    localStorage.clear();
    sessionStorage.clear();
    clearAuthStores();
  });

  it('reading a selection: says so, and "Try again" offers "Report an error" for it', async () => {
    await failChunks('components/transcript/selection');
    const widget = await mountWidget();
    const transcript = deep(widget, 'lesson-transcript')!.shadowRoot!;
    const text = document
      .createTreeWalker(transcript.querySelector('p[data-paragraph="p2"]')!, NodeFilter.SHOW_TEXT)
      .nextNode() as Text;
    document.getSelection()!.setBaseAndExtent(text, 4, text, 20);
    try {
      await until(() => failure(widget), 'the failure message');
      expect(transcript.querySelector('[part="report-selection"]')).to.equal(null);
      await failChunks();
      tryAgain(widget);
      await until(
        () => transcript.querySelector('[part="report-selection"]'),
        'the "Report an error" button',
      );
      expect(failure(widget)).to.equal(null);
    } finally {
      document.getSelection()!.removeAllRanges();
    }
  });

  it('the keyboard shortcuts: says so at the first focus, and "Try again" brings them', async () => {
    await failChunks('controllers/shortcut-keys');
    const widget = await mountWidget();
    const paragraph = deep<HTMLElement>(widget, 'lesson-transcript', 'p[data-paragraph][tabindex="0"]')!;
    paragraph.focus();
    await until(() => failure(widget), 'the failure message');
    await failChunks();
    tryAgain(widget);
    await until(() => moduleLoaded('controllers/shortcut-keys') && !failure(widget), 'the shortcuts');
    paragraph.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true, composed: true }));
    await until(() => widget.media, 'the player, started by k');
  });

  it('what opens the dialogs: says so, and "Try again" opens "Keyboard shortcuts"', async () => {
    await failChunks('controllers/lazy-dialogs');
    const widget = await mountWidget();
    deep<HTMLButtonElement>(widget, 'lesson-transcript', '[part="shortcuts-link"]')!.click();
    await until(() => failure(widget), 'the failure message');
    expect(deep(widget, 'lesson-shortcuts-dialog')).to.equal(null);
    await failChunks();
    tryAgain(widget);
    await until(() => deep(widget, 'lesson-shortcuts-dialog', 'dialog[open]'), 'the shortcuts dialog');
    expect(failure(widget)).to.equal(null);
  });

  it('the transcript search: says so at the first focus, and "Try again" finds the words', async () => {
    await failChunks('components/transcript/search');
    const widget = await mountWidget();
    const transcript = deep(widget, 'lesson-transcript')!.shadowRoot!;
    const input = transcript.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    input.value = 'depression';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await until(() => failure(widget), 'the failure message');
    expect(transcript.querySelector('mark')).to.equal(null);
    await failChunks();
    tryAgain(widget);
    await until(() => transcript.querySelector('mark'), 'the matches');
    expect(failure(widget)).to.equal(null);
  });

  it('the report form: says so, and "Try again" opens it', async () => {
    await failChunks('components/report-dialog/');
    const widget = await mountWidget();
    deep<HTMLButtonElement>(widget, 'lesson-transcript', '[part="report-link"]')!.click();
    const alert = await until(() => failure(widget), 'the failure message');
    expect(alert.textContent).to.contain('Part of the lesson could not be loaded.');
    expect(deep(widget, 'lesson-report-dialog')).to.equal(null);
    await expectNoAxeViolations(widget, 'a part failed to load');
    await failChunks();
    tryAgain(widget);
    await until(() => deep(widget, 'lesson-report-dialog', 'dialog[open]'), 'the report form');
    expect(failure(widget)).to.equal(null);
  });

  it('the login form: says so, and "Try again" opens it', async () => {
    await expectLoginFormAfterRetry('components/auth-dialog/');
  });

  it('progress recording: says so, and "Try again" shows the reader\'s progress', async () => {
    await failChunks('controllers/progress-controller');
    const widget = await mountWidget({ token: await readerToken() });
    await until(() => failure(widget), 'the failure message');
    expect(deep(widget, 'lesson-account', '[part="progress"]')).to.equal(null);
    await failChunks();
    tryAgain(widget);
    await until(() => deep(widget, 'lesson-account', '[part="progress"]'), 'the progress');
    expect(failure(widget)).to.equal(null);
  });

  it('a language: the widget speaks English meanwhile, and "Try again" brings the language', async () => {
    await failChunks('i18n/locales/de');
    const widget = await mountWidget({ lang: 'de' });
    await until(() => failure(widget), 'the failure message');
    expect(deep(widget, 'lesson-transcript', 'h2')!.textContent).to.contain('Transcription');
    await failChunks();
    tryAgain(widget);
    await until(
      () => deep(widget, 'lesson-transcript', 'h2')!.textContent.includes('Transkription'),
      'German',
    );
    expect(deep(widget, '[part="base"]')!.getAttribute('lang')).to.equal('de');
    expect(failure(widget)).to.equal(null);
  });
});
