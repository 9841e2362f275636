import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { paragraphsOf } from '@lessons/shared/core';
import '../../define.js';
import {
  API,
  cleanup,
  deep,
  deepAll,
  moduleLoaded,
  mountWidget,
  resetFixture,
  until,
} from '../../../test/helpers.js';
import type { LessonWidget } from '../lesson-widget/lesson-widget.component.js';
import { findMatches, fold } from './search.js';
import type { LessonTranscript } from './transcript.component.js';

const transcriptOf = (widget: LessonWidget) => deep(widget, 'lesson-transcript')!.shadowRoot!;
const paragraph = (widget: LessonWidget, id: string) =>
  transcriptOf(widget).querySelector<HTMLElement>(`p[data-paragraph="${id}"]`)!;

describe('<lesson-transcript>', () => {
  beforeEach(resetFixture);
  afterEach(cleanup);

  it('shows headings and focusable timed paragraphs', async () => {
    const widget = await mountWidget();
    const lesson = widget.currentLesson!;
    const headings = [...transcriptOf(widget).querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).to.deep.equal(lesson.transcript.sections.map((s) => s.heading).filter(Boolean));
    const first = paragraph(widget, 'p1');
    expect(first.tabIndex).to.equal(0);
    expect(first.textContent).to.equal(paragraphsOf(lesson.transcript)[0]!.text);
  });

  it('seeks when a paragraph is clicked, and highlights the paragraph being spoken', async () => {
    const widget = await mountWidget();
    const target = paragraphsOf(widget.currentLesson!.transcript)[3]!;
    paragraph(widget, target.id).click();
    const media = await until(() => widget.media, 'the player');
    await until(() => media.currentTime >= target.start! && !media.paused, 'playback from the paragraph');
    await until(() => paragraph(widget, target.id).getAttribute('aria-current') === 'true', 'the highlight');
    expect(deepAll(widget, ['lesson-transcript'], '[aria-current="true"]').length).to.equal(1);
  });

  it('seeks with Enter on a focused paragraph', async () => {
    const widget = await mountWidget();
    const target = paragraphsOf(widget.currentLesson!.transcript)[5]!;
    paragraph(widget, target.id).focus();
    await sendKeys({ press: 'Enter' });
    const media = await until(() => widget.media, 'the player');
    await until(() => media.currentTime >= target.start!, 'the seek');
  });

  it('follows the spoken paragraph by scrolling its box, but not while hovered', async () => {
    const widget = await mountWidget();
    const paragraphs = paragraphsOf(widget.currentLesson!.transcript);
    const last = paragraphs[paragraphs.length - 1]!;
    const box = transcriptOf(widget).querySelector<HTMLElement>('.scroller')!;
    expect(box.scrollHeight).to.be.greaterThan(box.clientHeight);
    paragraph(widget, last.id).click();
    await until(() => widget.media, 'the player');
    // Clicking counts as the reader being there: leave, and following resumes.
    deep(widget, 'lesson-transcript')!.dispatchEvent(new PointerEvent('pointerleave'));
    await until(() => paragraph(widget, last.id).getAttribute('aria-current') === 'true', 'the highlight');
    await until(() => box.scrollTop > 0, 'the box to scroll', 15_000);
  });

  it('holds following while the pointer is over the transcript', async () => {
    // Scrolls jump instead of gliding: where the box is, once a paragraph is marked, is final.
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const widget = await mountWidget();
      const transcript = deep<LessonTranscript>(widget, 'lesson-transcript')!;
      const box = transcriptOf(widget).querySelector<HTMLElement>('.scroller')!;
      const paragraphs = paragraphsOf(widget.currentLesson!.transcript);
      const highlighted = (p: (typeof paragraphs)[number]) =>
        paragraph(widget, p.id).getAttribute('aria-current') === 'true';
      deep<HTMLButtonElement>(widget, 'lesson-player', 'button')!.click();
      const media = await until(() => widget.media, 'the player');
      await until(() => moduleLoaded('controllers/follow-along-controller'), 'the follow-along');
      // Without the pointer over it, the box follows a paragraph far down.
      const before = paragraphs[paragraphs.length - 3]!;
      media.seek(before.start! + 0.5);
      await until(() => highlighted(before), 'the first highlight');
      await until(() => box.scrollTop > 0, 'the box to follow');
      // With the pointer over it, the same move leaves the box where the reader put it.
      transcript.dispatchEvent(new PointerEvent('pointerenter'));
      box.scrollTop = 0;
      const target = paragraphs[paragraphs.length - 2]!;
      media.seek(target.start! + 0.5);
      await until(() => highlighted(target), 'the second highlight');
      await transcript.updateComplete;
      expect(box.scrollTop).to.equal(0);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('searches the transcript, counting and highlighting matches', async () => {
    const widget = await mountWidget();
    const root = transcriptOf(widget);
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    await sendKeys({ type: 'depression' });
    const expected = findMatches(widget.currentLesson!.transcript, 'depression').length;
    expect(expected).to.be.greaterThan(1);
    await until(() => root.querySelectorAll('mark').length === expected, 'the marks');
    expect(root.querySelector('[role="status"]')!.textContent).to.equal(`1 of ${expected} matches`);
    expect(root.querySelectorAll('mark.current').length).to.equal(1);
    const first = root.querySelector('mark.current');
    await sendKeys({ press: 'Enter' });
    await until(
      () => root.querySelector('[role="status"]')!.textContent === `2 of ${expected} matches`,
      'next match',
    );
    expect(root.querySelector('mark.current')).to.not.equal(first);
    root.querySelector<HTMLButtonElement>('button[aria-label="Previous match"]')!.click();
    await until(
      () => root.querySelector('[role="status"]')!.textContent === `1 of ${expected} matches`,
      'previous match',
    );
    input.select();
    await sendKeys({ type: 'zzzqqq' });
    await until(() => root.querySelector('[role="status"]')!.textContent === 'No matches', 'no matches');
  });

  it('matches without regard to case or accents', () => {
    expect(fold('Conexión SOCIAL')).to.equal('conexion social');
    const transcript = {
      sections: [{ heading: '', paragraphs: [{ id: 'a', text: 'La conexión y la Conexion.' }] }],
    };
    expect(findMatches(transcript, 'CONEXION')).to.deep.equal([
      { paragraphId: 'a', start: 3, end: 11 },
      { paragraphId: 'a', start: 17, end: 25 },
    ]);
  });

  it('links the downloads in three formats', async () => {
    const widget = await mountWidget({ lang: 'es' });
    await until(() => widget.currentLesson?.locale === 'es', 'Spanish');
    const links = [...transcriptOf(widget).querySelectorAll<HTMLAnchorElement>('[part="downloads"] a')];
    const slug = widget.currentLesson!.slug;
    expect(links.map((a) => a.href)).to.deep.equal(
      ['txt', 'vtt', 'srt'].map((f) => `${API}/api/lessons/${slug}/transcript?locale=es&format=${f}`),
    );
    expect(links.every((a) => a.hasAttribute('download'))).to.equal(true);
    const vtt = await (await fetch(links[1]!.href)).text();
    expect(vtt.startsWith('WEBVTT')).to.equal(true);
  });

  it('reads an untimed transcript as plain text', async () => {
    const widget = await mountWidget({ lesson: 'untimed-lesson' });
    const root = transcriptOf(widget);
    expect(root.querySelector('.scroller')!.classList.contains('timed')).to.equal(false);
    expect(root.querySelectorAll('p[tabindex]').length).to.equal(0);
    expect(root.querySelectorAll('.time').length).to.equal(0);
    paragraph(widget, 'p1').click();
    await new Promise((r) => setTimeout(r, 200));
    expect(widget.media).to.equal(null);
  });

  it('offers "Report an error" next to selected words', async () => {
    const widget = await mountWidget();
    const p = paragraph(widget, 'p2');
    const text = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const selection = document.getSelection()!;
    selection.setBaseAndExtent(text, 4, text, 20);
    const button = await until(
      () => transcriptOf(widget).querySelector<HTMLButtonElement>('[part="report-selection"]'),
      'the button',
    );
    expect(button.textContent.trim()).to.equal('Report an error');
    const requests: Array<{ selection: unknown }> = [];
    widget.shadowRoot!.addEventListener(
      'lesson-report-request',
      (e) => requests.push((e as CustomEvent<{ selection: unknown }>).detail),
      { capture: true },
    );
    button.click();
    expect(requests).to.have.length(1);
    const { quote, position } = requests[0]!.selection as {
      quote: { exact: string };
      position: { paragraphId: string; start: number; end: number };
    };
    // Snapped to whole words: "good news is tha" quotes "good news is that".
    expect(position).to.deep.equal({ paragraphId: 'p2', start: 4, end: 21 });
    expect(quote.exact).to.equal('good news is that');
    selection.removeAllRanges();
  });
});
