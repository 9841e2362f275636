import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { paragraphsOf } from '@lessons/shared/core';
import '../../define.js';
import {
  activeElement,
  cleanup,
  deep,
  expectNoAxeViolations,
  mount,
  moduleLoaded,
  mountWidget,
  resetFixture,
  until,
} from '../../../test/helpers.js';
import type { LessonWidget } from './lesson-widget.component.js';

const transcript = (widget: LessonWidget) => deep(widget, 'lesson-transcript')!.shadowRoot!;
const firstParagraph = (widget: LessonWidget) =>
  transcript(widget).querySelector<HTMLElement>('p[data-paragraph][tabindex="0"]')!;
const shortcutsDialog = (widget: LessonWidget) =>
  deep<HTMLDialogElement>(widget, 'lesson-shortcuts-dialog', 'dialog[open]');
const rowsOf = (dialog: HTMLDialogElement) =>
  [...dialog.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim()).join(' '),
  );
const announced = (widget: LessonWidget) =>
  widget.shadowRoot!.querySelector('.base > [role="status"]')?.textContent ?? '';

/** A key pressed with Shift held (sendKeys knows no 'Shift+…' for these). */
async function withShift(key: string) {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Shift' });
}

describe('<lesson-widget> keyboard shortcuts', () => {
  beforeEach(resetFixture);
  afterEach(cleanup);

  // First in this page: the key table (shortcut-keys.ts) is a chunk loaded at the first focus.
  it('acts on a key pressed before the key table has arrived', async () => {
    const widget = await mountWidget();
    const paragraph = firstParagraph(widget);
    paragraph.focus();
    // In the same task as the focus: the chunk it asked for cannot be here yet.
    paragraph.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true, composed: true }));
    expect(moduleLoaded('controllers/shortcut-keys')).to.equal(false);
    const media = await until(() => widget.media, 'the player, started by that k');
    await until(() => !media.paused, 'playing');
    media.pause();
    localStorage.clear();
  });

  it('plays, pauses, skips, changes speed, captions and sound from inside the widget', async () => {
    const widget = await mountWidget();
    firstParagraph(widget).focus();
    // k before the player exists starts it, as its play button does.
    await sendKeys({ press: 'k' });
    const media = await until(() => widget.media, 'the player');
    await until(() => !media.paused, 'playing');
    await sendKeys({ press: 'k' });
    await until(() => media.paused, 'paused by k');
    await sendKeys({ press: 'Space' });
    await until(() => !media.paused, 'playing again by Space on a paragraph');
    await sendKeys({ press: 'Space' });
    await until(() => media.paused, 'paused by Space');
    const at = media.currentTime;
    await sendKeys({ press: 'l' });
    await until(() => media.currentTime >= at + 9.5, 'forward 10 s');
    await sendKeys({ press: 'j' });
    await until(() => Math.abs(media.currentTime - at) < 0.5, 'back 10 s');
    await withShift('Period');
    await until(() => media.video.playbackRate === 1.25, 'faster');
    await until(() => announced(widget) === 'Playback speed: 1.25×', 'the speed announced');
    await withShift('Comma');
    await withShift('Comma');
    await until(() => media.video.playbackRate === 0.75, 'slower, twice');
    const captions = await until(
      () => media.video.querySelector<HTMLTrackElement>('track[kind="captions"]')?.track,
      'the captions track',
    );
    await sendKeys({ press: 'c' });
    await until(() => captions.mode === 'showing', 'captions on');
    await until(() => announced(widget) === 'Captions: English', 'captions announced');
    await sendKeys({ press: 'c' });
    await until(() => captions.mode !== 'showing', 'captions off');
    await sendKeys({ press: 'm' });
    await until(() => media.video.muted, 'muted');
    await until(() => announced(widget) === 'Sound off', 'muting announced');
    await sendKeys({ press: 'm' });
    await until(() => !media.video.muted, 'sound on again');
    await until(() => announced(widget) === 'Sound on', 'the sound announced');
    // The focus never left the paragraph.
    expect(activeElement()).to.equal(firstParagraph(widget));
    localStorage.clear();
  });

  it('leaves keys alone in fields, on buttons (Space), outside the widget and in dialogs', async () => {
    const page = mount('<div><button id="outside">Outside</button></div>');
    const widget = await mountWidget();
    page.append(widget);
    // Outside the widget: nothing.
    page.querySelector<HTMLButtonElement>('#outside')!.focus();
    await sendKeys({ press: 'k' });
    await sendKeys({ press: '?' });
    // Typing in the search field types.
    const search = transcript(widget).querySelector<HTMLInputElement>('#search')!;
    search.focus();
    await sendKeys({ type: 'kj/' });
    expect(search.value).to.equal('kj/');
    // Space on a button presses it: the report form opens, the video does not start.
    transcript(widget).querySelector<HTMLButtonElement>('[part="report-link"]')!.focus();
    await sendKeys({ press: 'Space' });
    await until(() => deep(widget, 'lesson-report-dialog', 'dialog[open]'), 'the report form');
    // In a dialog, letters are the reader's.
    await sendKeys({ press: 'k' });
    await sendKeys({ press: 'Escape' });
    await until(() => !deep(widget, 'lesson-report-dialog', 'dialog[open]'), 'the report form closed');
    expect(widget.media).to.equal(null);
    expect(shortcutsDialog(widget)).to.equal(null);
    // `/` goes to the search field.
    firstParagraph(widget).focus();
    await sendKeys({ press: '/' });
    expect(activeElement()).to.equal(search);
  });

  it('lists the shortcuts in a dialog named "Keyboard shortcuts" (?), axe clean, and gives the focus back', async () => {
    const page = mount('<main></main>');
    const widget = await mountWidget();
    page.append(widget);
    const paragraph = firstParagraph(widget);
    paragraph.focus();
    await sendKeys({ press: '?' });
    const dialog = await until(() => shortcutsDialog(widget), 'the dialog');
    const title = dialog.querySelector('h2')!;
    expect(dialog.getAttribute('aria-labelledby')).to.equal(title.id);
    expect(title.textContent).to.equal('Keyboard shortcuts');
    // Focus starts at the title, so the list is read (and shown) from its start.
    await until(() => activeElement() === title, 'the title focused');
    const rows = rowsOf(dialog);
    expect(rows).to.include('k or Space Play or pause');
    expect(rows).to.include('Shift + , Slower');
    expect(rows).to.include('? Show this list');
    expect(rows).to.include('m Sound off or on');
    // The transcript's selection keys, the arrows named for screen readers.
    expect(rows).to.include(
      'Shift + ←Left arrow or Shift + →Right arrow One word more or less in the selection',
    );
    expect(rows).to.include(
      'Shift + ↑Up arrow or Shift + ↓Down arrow One paragraph more or less in the selection',
    );
    await expectNoAxeViolations(page, 'keyboard shortcuts dialog');
    await sendKeys({ press: 'Escape' });
    await until(() => !shortcutsDialog(widget), 'closed');
    expect(activeElement()).to.equal(paragraph);
    // The button under the transcript opens it too.
    transcript(widget).querySelector<HTMLButtonElement>('[part="shortcuts-link"]')!.click();
    await until(() => shortcutsDialog(widget), 'the dialog from the button');
  });

  for (const [lang, title, playPause] of [
    ['es', 'Atajos de teclado', 'k o Espacio Reproducir o pausar'],
    ['ar', 'اختصارات لوحة المفاتيح', 'k أو مسافة تشغيل أو إيقاف مؤقت'],
  ] as const) {
    it(`speaks the reader's language in the dialog (${lang})`, async () => {
      const widget = await mountWidget({ lang });
      firstParagraph(widget).focus();
      await sendKeys({ press: '?' });
      const dialog = await until(() => shortcutsDialog(widget), 'the dialog');
      await until(() => dialog.querySelector('h2')?.textContent === title, 'the title');
      const rows = rowsOf(dialog);
      expect(rows[0]).to.equal(playPause);
      if (lang === 'ar') expect(getComputedStyle(dialog).direction).to.equal('rtl');
    });
  }

  it('does nothing with shortcuts="off" (and shows no "Keyboard shortcuts" button)', async () => {
    const widget = await mountWidget({ shortcuts: 'off' });
    expect(transcript(widget).querySelector('[part="shortcuts-link"]')).to.equal(null);
    const paragraphs = paragraphsOf(widget.currentLesson!.transcript);
    firstParagraph(widget).focus();
    await sendKeys({ press: 'k' });
    await sendKeys({ press: '?' });
    await sendKeys({ press: '/' });
    await new Promise((r) => setTimeout(r, 300));
    expect(widget.media).to.equal(null);
    expect(shortcutsDialog(widget)).to.equal(null);
    // The transcript's own keys stay.
    await sendKeys({ press: 'ArrowDown' });
    await until(
      () => (activeElement() as HTMLElement | null)?.dataset.paragraph === paragraphs[1]!.id,
      'the next paragraph',
    );
  });
});
