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
  mountWidget,
  resetFixture,
  until,
} from '../../../test/helpers.js';
import type { LessonWidget } from '../lesson-widget/lesson-widget.component.js';
import { extendSelection, passageSelection, snapToWords } from './selection.js';

const transcriptOf = (widget: LessonWidget) => deep(widget, 'lesson-transcript')!.shadowRoot!;
const paragraph = (widget: LessonWidget, id: string) =>
  transcriptOf(widget).querySelector<HTMLElement>(`p[data-paragraph="${id}"]`)!;
const firstText = (p: HTMLElement) => document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
const button = (widget: LessonWidget, part: string) =>
  transcriptOf(widget).querySelector<HTMLButtonElement>(`[part="${part}"]`);
/** What the widget last told screen readers. */
const announced = (widget: LessonWidget) =>
  widget.shadowRoot!.querySelector('.base > [role="status"]')?.textContent ?? '';

/** The selection as it shows, read through the transcript's shadow root. */
function shownSelection(widget: LessonWidget): string {
  const r = document.getSelection()!.getComposedRanges({ shadowRoots: [transcriptOf(widget)] })[0];
  if (!r) return '';
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
}

/** The Clipboard API replaced by a recorder (or one that refuses); returns what was written. */
function fakeClipboard(refuse = false): string[] {
  const written: string[] = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: (text: string) =>
        refuse
          ? Promise.reject(new DOMException('Denied', 'NotAllowedError'))
          : (written.push(text), Promise.resolve()),
    },
  });
  return written;
}

interface ReportDetail {
  selection: { quote: { exact: string }; position: { paragraphId: string; start: number; end: number } };
}
function reportRequests(widget: LessonWidget): ReportDetail[] {
  const requests: ReportDetail[] = [];
  widget.shadowRoot!.addEventListener(
    'lesson-report-request',
    (e) => requests.push((e as CustomEvent<ReportDetail>).detail),
    { capture: true },
  );
  return requests;
}

const pageUrl = () => location.href.replace(/#.*$/, '');

describe('<lesson-transcript> passages', () => {
  beforeEach(resetFixture);
  afterEach(() => {
    cleanup();
    document.getSelection()?.removeAllRanges();
    delete (navigator as { clipboard?: unknown }).clipboard;
    history.replaceState(null, '', pageUrl());
  });

  it('snaps to whole words, in any language (Intl.Segmenter)', () => {
    const text = 'The good news is that connection can be rebuilt, one small piece at a time.';
    const cut = text.indexOf('ion can');
    expect(text.slice(...snapToWords(text, cut, cut + 25, 'en')!)).to.equal(
      'connection can be rebuilt, one small',
    );
    // Spaces at the edges are left out; a selection of nothing but spaces is none.
    expect(text.slice(...snapToWords(text, 3, 9, 'en')!)).to.equal('good');
    expect(snapToWords(text, 3, 4, 'en')).to.equal(null);
    // Arabic: words with their diacritics, cut in their middle, are taken whole.
    const arabic = 'يُمْكِنُ إعادةُ بناءِ التَّواصُلِ خطوةً بخطوة';
    const from = arabic.indexOf('إعادةُ') + 2;
    const to = arabic.indexOf('التَّواصُلِ') + 4;
    expect(arabic.slice(...snapToWords(arabic, from, to, 'ar')!)).to.equal('إعادةُ بناءِ التَّواصُلِ');
  });

  it('reads an Arabic selection in the page as whole words', () => {
    const host = mount<HTMLElement>('<div></div>');
    const root = host.attachShadow({ mode: 'open' });
    const words = 'يمكن إعادة بناء التواصل خطوة بخطوة';
    root.innerHTML = `<p data-paragraph="a" lang="ar" dir="rtl">${words}</p>`;
    const text = firstText(root.querySelector('p')!);
    document.getSelection()!.setBaseAndExtent(text, words.indexOf('عادة'), text, words.indexOf('واصل'));
    const found = passageSelection(root, 'ar')!;
    expect(found.first).to.deep.equal({
      paragraphId: 'a',
      start: words.indexOf('إعادة'),
      end: words.indexOf('التواصل') + 'التواصل'.length,
    });
    expect(found.text).to.equal('إعادة بناء التواصل');
    // Shift+← goes on in reading order in a right-to-left text, Shift+→ gives a word back.
    const p = root.querySelector('p')!;
    document.getSelection()!.removeAllRanges();
    extendSelection(root, p, 'ArrowLeft', 'ar', true);
    extendSelection(root, p, 'ArrowLeft', 'ar', true);
    expect(passageSelection(root, 'ar')!.text).to.equal('يمكن إعادة');
    extendSelection(root, p, 'ArrowRight', 'ar', true);
    expect(passageSelection(root, 'ar')!.text).to.equal('يمكن');
  });

  it('shows a selection dragged from the middle of a word grown to whole words, and quotes them', async () => {
    const widget = await mountWidget();
    const p = paragraph(widget, 'p2');
    const text = firstText(p);
    const cut = text.data.indexOf('ion can');
    document.getSelection()!.setBaseAndExtent(text, cut, text, cut + 25);
    const report = await until(() => button(widget, 'report-selection'), 'the buttons');
    expect(button(widget, 'copy-link')!.textContent.trim()).to.equal('Copy link to this passage');
    await until(
      () => shownSelection(widget) === 'connection can be rebuilt, one small',
      'the snapped selection',
    );
    const requests = reportRequests(widget);
    report.click();
    expect(requests[0]!.selection.quote.exact).to.equal('connection can be rebuilt, one small');
    expect(requests[0]!.selection.position).to.deep.equal({
      paragraphId: 'p2',
      start: cut - 7,
      end: cut + 29,
    });
  });

  it('offers both actions for a selection over two paragraphs; the link spans them, the report quotes the first', async () => {
    const widget = await mountWidget();
    const [, p2, p3] = paragraphsOf(widget.currentLesson!.transcript);
    const from = firstText(paragraph(widget, 'p2'));
    const to = firstText(paragraph(widget, 'p3'));
    // Backwards, as a drag from p3 up into p2 makes it.
    document.getSelection()!.setBaseAndExtent(to, 10, from, from.data.indexOf('practical') + 3);
    const copy = await until(() => button(widget, 'copy-link'), 'Copy link');
    await until(() => shownSelection(widget).startsWith('practical'), 'the snapped selection');
    expect(document.getSelection()!.direction).to.equal('backward');
    expect(shownSelection(widget).endsWith('When you feel')).to.equal(true);
    await expectNoAxeViolations(widget, 'selection buttons');

    const written = fakeClipboard();
    copy.click();
    await until(() => written.length, 'the clipboard');
    expect(written).to.deep.equal([`${pageUrl()}#t=${p2!.start},${p3!.end}`]);
    await until(
      () => announced(widget) === 'Link to the passage from 0:15 to 0:47 copied.',
      'the announcement',
    );
    expect(copy.textContent.trim()).to.equal('Link copied');

    const requests = reportRequests(widget);
    button(widget, 'report-selection')!.click();
    const { quote, position } = requests[0]!.selection;
    expect(position.paragraphId).to.equal('p2');
    expect(quote.exact).to.equal(from.data.slice(from.data.indexOf('practical')).trimEnd());
  });

  it('shows the link to copy by hand when the browser refuses to copy', async () => {
    const widget = await mountWidget({ lang: 'es' });
    await until(() => widget.currentLesson?.locale === 'es', 'Spanish');
    const text = firstText(paragraph(widget, 'p1'));
    document.getSelection()!.setBaseAndExtent(text, 0, text, 12);
    const copy = await until(() => button(widget, 'copy-link'), 'Copy link');
    expect(copy.textContent.trim()).to.equal('Copiar el enlace a este fragmento');
    fakeClipboard(true);
    const execCommand = document.execCommand;
    document.execCommand = () => false;
    try {
      copy.click();
      const field = await until(
        () => transcriptOf(widget).querySelector<HTMLInputElement>('.passage-url input'),
        'the link field',
      );
      const p1 = paragraphsOf(widget.currentLesson!.transcript)[0]!;
      expect(field.value).to.equal(`${pageUrl()}#t=${p1.start},${p1.end}`);
      await until(() => activeElement() === field, 'the focus in the field');
      // The announcer empties its live region first and writes the message a moment later.
      await until(
        () => announced(widget) === 'No se pudo copiar el enlace automáticamente. Cópialo desde aquí:',
        'the message announced',
      );
      await expectNoAxeViolations(widget, 'link to copy by hand');
    } finally {
      document.execCommand = execCommand;
    }
  });

  it('selects words with Shift+arrows on a paragraph, and Tab reaches Copy link', async () => {
    const widget = await mountWidget();
    const [p1, p2] = paragraphsOf(widget.currentLesson!.transcript);
    paragraph(widget, 'p1').focus();
    await sendKeys({ down: 'Shift' });
    try {
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await until(() => shownSelection(widget) === 'Depression has a', 'three words');
      await sendKeys({ press: 'ArrowLeft' });
      await until(() => shownSelection(widget) === 'Depression has', 'one word given back');
      await until(() => announced(widget).startsWith('Selected: “Depression has”.'), 'the announcement');
      await sendKeys({ press: 'ArrowDown' });
      await until(() => shownSelection(widget) === p1!.text, 'the whole paragraph');
      await sendKeys({ press: 'ArrowDown' });
      await until(() => activeElement() === paragraph(widget, 'p2'), 'the focus on the next paragraph');
      // It is the transcript's one tab stop now.
      expect(paragraph(widget, 'p2').tabIndex).to.equal(0);
      expect(paragraph(widget, 'p1').tabIndex).to.equal(-1);
    } finally {
      await sendKeys({ up: 'Shift' });
    }
    await until(() => button(widget, 'copy-link'), 'Copy link');
    const written = fakeClipboard();
    // The buttons come after the transcript's text in the tab order (the text is one tab stop).
    for (let i = 0; i < 20 && !activeElement()?.matches('button'); i++) await sendKeys({ press: 'Tab' });
    expect(activeElement()).to.equal(button(widget, 'copy-link'));
    await sendKeys({ press: 'Enter' });
    await until(() => written.length, 'the clipboard');
    expect(written[0]).to.equal(`${pageUrl()}#t=${p1!.start},${p2!.end}`);
    await sendKeys({ press: 'Tab' });
    expect(activeElement()).to.equal(button(widget, 'report-selection'));
  });

  it('offers both actions in the Arabic interface, selected by keyboard', async () => {
    const widget = await mountWidget({ lang: 'ar' });
    // The demo lessons are in English and Spanish: the words are English, the interface Arabic.
    paragraph(widget, 'p1').focus();
    await sendKeys({ down: 'Shift' });
    try {
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
    } finally {
      await sendKeys({ up: 'Shift' });
    }
    await until(() => shownSelection(widget) === 'Depression has', 'two words');
    // The buttons are drawn in the frame after the selection is read.
    await until(() => button(widget, 'report-selection'), 'the buttons');
    expect(button(widget, 'copy-link')!.textContent.trim()).to.equal('نسخ رابط هذا المقطع');
    expect(button(widget, 'report-selection')!.textContent.trim()).to.equal('الإبلاغ عن خطأ');
    await expectNoAxeViolations(widget, 'selection buttons in Arabic');
  });

  it('plays a #t=<start>,<end> link from start to end, pauses there and marks its paragraphs', async () => {
    history.replaceState(null, '', `${pageUrl()}#t=14,16.5`);
    const widget = await mountWidget();
    const media = await until(() => widget.media, 'the player');
    await until(() => media.video.played.length > 0 && media.paused, 'the pause after playing', 15_000);
    expect(media.currentTime).to.be.closeTo(16.5, 0.3);
    expect(media.video.played.start(0)).to.be.closeTo(14, 0.3);
    const marked = () =>
      [...transcriptOf(widget).querySelectorAll<HTMLElement>('[part~="passage-paragraph"]')].map(
        (p) => p.dataset.paragraph,
      );
    await until(() => marked().join() === 'p1,p2', 'p1 and p2 marked');
    await expectNoAxeViolations(widget, 'a passage marked');
    // Playing again goes on past the end.
    await media.play();
    await until(() => media.currentTime > 17, 'playback past the end');
    media.pause();

    // A passage link followed on the page (hashchange) plays that passage.
    location.hash = '#t=31.5,33';
    await until(() => marked().join() === 'p3', 'p3 marked');
    await until(() => media.currentTime > 32.5 && media.paused, 'the second passage played', 15_000);
    expect(media.currentTime).to.be.closeTo(33, 0.3);
    // A time (#t=a) keeps working as before: the player goes there, nothing is marked.
    location.hash = '#t=60';
    await until(() => Math.abs(media.currentTime - 60) < 0.5, 'the seek');
    await until(() => marked().length === 0, 'no marks');
  });
});
