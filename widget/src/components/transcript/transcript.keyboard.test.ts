import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { paragraphsOf } from '@lessons/shared/core';
import '../../define.js';
import { activeElement, cleanup, deep, mountWidget, resetFixture, until } from '../../../test/helpers.js';
import type { LessonWidget } from '../lesson-widget/lesson-widget.component.js';

const root = (widget: LessonWidget) => deep(widget, 'lesson-transcript')!.shadowRoot!;
const stops = (widget: LessonWidget) =>
  [...root(widget).querySelectorAll<HTMLElement>('p[data-paragraph]')].filter((p) => p.tabIndex === 0);
const focusedParagraph = () => (activeElement() as HTMLElement | null)?.dataset.paragraph;

/** A key pressed with Shift held (sendKeys knows no 'Shift+…' for these). */
async function withShift(key: string) {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Shift' });
}

describe('<lesson-transcript> by keyboard', () => {
  beforeEach(resetFixture);
  afterEach(cleanup);

  it('is one tab stop; arrows, Page Up/Down, Home and End move between paragraphs; Enter plays there', async () => {
    const widget = await mountWidget();
    const paragraphs = paragraphsOf(widget.currentLesson!.transcript);
    expect(paragraphs.length).to.be.greaterThan(10);
    expect(stops(widget).map((p) => p.dataset.paragraph)).to.deep.equal([paragraphs[0]!.id]);
    // Tab from the search field (its match buttons are disabled) reaches the first paragraph.
    root(widget).querySelector<HTMLInputElement>('#search')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedParagraph()).to.equal(paragraphs[0]!.id);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focusedParagraph() === paragraphs[2]!.id, 'two paragraphs down');
    await sendKeys({ press: 'ArrowUp' });
    await until(() => focusedParagraph() === paragraphs[1]!.id, 'one up');
    await sendKeys({ press: 'PageDown' });
    await until(() => focusedParagraph() === paragraphs[11]!.id, 'ten down');
    await sendKeys({ press: 'End' });
    await until(() => focusedParagraph() === paragraphs.at(-1)!.id, 'the last paragraph');
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedParagraph()).to.equal(paragraphs.at(-1)!.id);
    await sendKeys({ press: 'Home' });
    await until(() => focusedParagraph() === paragraphs[0]!.id, 'the first paragraph');
    // The tab stop moved with the focus: still exactly one.
    const target = paragraphs[4]!;
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowDown' });
    await until(() => focusedParagraph() === target.id, 'the fifth paragraph');
    expect(stops(widget).map((p) => p.dataset.paragraph)).to.deep.equal([target.id]);
    // Shift+Tab leaves the transcript, Tab comes back to the same paragraph.
    await withShift('Tab');
    expect(focusedParagraph()).to.equal(undefined);
    await sendKeys({ press: 'Tab' });
    expect(focusedParagraph()).to.equal(target.id);
    await sendKeys({ press: 'Enter' });
    const media = await until(() => widget.media, 'the player');
    await until(() => media.currentTime >= target.start!, 'playback from the paragraph');
    await until(
      () => root(widget).querySelector('[aria-current="true"]')?.getAttribute('data-paragraph') === target.id,
      'aria-current on the paragraph being spoken',
    );
  });

  it('puts the tab stop on the paragraph being spoken while the focus is elsewhere', async () => {
    const widget = await mountWidget();
    const paragraphs = paragraphsOf(widget.currentLesson!.transcript);
    deep<HTMLButtonElement>(widget, 'lesson-player', 'button')!.click();
    const media = await until(() => widget.media, 'the player');
    const later = paragraphs[7]!;
    media.seek(later.start! + 0.5);
    await until(
      () => stops(widget)[0]?.dataset.paragraph === later.id,
      'the tab stop on the spoken paragraph',
    );
    expect(stops(widget)).to.have.length(1);
    expect(stops(widget)[0]!.getAttribute('aria-current')).to.equal('true');
  });

  it('reaches the last of 1,000 paragraphs with End, before all sections are drawn', async () => {
    const widget = await mountWidget({ lesson: 'three-hour-lecture' });
    const paragraphs = paragraphsOf(widget.currentLesson!.transcript);
    const first = root(widget).querySelector<HTMLElement>(`p[data-paragraph="${paragraphs[0]!.id}"]`)!;
    first.focus();
    await sendKeys({ press: 'End' });
    await until(() => focusedParagraph() === paragraphs.at(-1)!.id, 'the 1,000th paragraph', 15_000);
    await until(() => root(widget).querySelectorAll('p[data-paragraph]').length === 1000, 'every paragraph');
    expect(stops(widget)).to.have.length(1);
    await sendKeys({ press: 'PageUp' });
    await until(() => focusedParagraph() === paragraphs.at(-11)!.id, 'ten up, across a section heading');
  });
});
