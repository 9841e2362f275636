import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { chaptersOf, lessonResponseSchema, type Lesson } from '@lessons/shared';
import '../../define.js';
import type { LessonWidget } from '../lesson-widget/lesson-widget.component.js';
import {
  API,
  MAIN_LESSON,
  activeElement,
  cleanup,
  deep,
  expectNoAxeViolations,
  mountWidget,
  resetFixture,
  until,
} from '../../../test/helpers.js';

const lessonIn = async (locale: string): Promise<Lesson> =>
  lessonResponseSchema.parse(await (await fetch(`${API}/api/lessons/${MAIN_LESSON}?locale=${locale}`)).json())
    .data;

/** Plays the widget's lesson and waits until video.js has drawn the chapter markers. */
async function playWithChapters(widget: LessonWidget) {
  deep<HTMLButtonElement>(widget, 'lesson-player', 'button[part="play-button"]')!.click();
  const media = await until(() => widget.media, 'the player');
  // Paused, so that video.js keeps its controls shown (it hides them from an idle reader while playing).
  await until(() => !media.paused, 'playback');
  media.pause();
  await until(() => media.paused, 'paused');
  const root = deep(widget, 'lesson-player')!.shadowRoot!;
  await until(() => root.querySelectorAll('.lesson-chapter-marker').length > 0, 'the chapter markers');
  return { media, root };
}

describe('<lesson-player> chapters', function () {
  // Each test plays the lesson and waits for video.js to draw its chapters: on a machine busy with
  // other suites that alone has taken most of the default 30 s.
  this.timeout(90_000);
  beforeEach(resetFixture);
  afterEach(cleanup);

  it('loads the chapters track and lists every section in the control bar’s chapters menu', async () => {
    const lesson = await lessonIn('en');
    const widget = await mountWidget();
    const { media, root } = await playWithChapters(widget);
    const track = media.video.querySelector<HTMLTrackElement>('track[kind="chapters"]')!;
    expect(track.src).to.equal(`${API}/api/lessons/${MAIN_LESSON}/transcript?locale=en&format=chapters`);
    expect(track.srclang).to.equal('en');
    const titles = lesson.transcript.sections.map((s, i) =>
      i === 0 && !s.heading ? lesson.title : s.heading,
    );
    const button = root.querySelector<HTMLElement>('.vjs-chapters-button')!;
    expect(button.classList.contains('vjs-hidden')).to.equal(false);
    expect(button.querySelector('.vjs-control-text')!.textContent).to.equal('Chapters');
    const items = await until(() => {
      const found = [...button.querySelectorAll('.vjs-menu-item')];
      return found.length === titles.length ? found : null;
    }, 'one menu item per chapter');
    expect(items.map((i) => i.querySelector('.vjs-menu-item-text')!.textContent)).to.deep.equal(titles);
    // A menu item takes the reader to its chapter.
    (items[2] as HTMLElement).click();
    await until(
      () => Math.abs(media.currentTime - lesson.transcript.sections[2]!.paragraphs[0]!.start!) < 0.5,
      'a seek to chapter 3',
    );
  });

  it('marks each chapter on the progress bar: named buttons, titles on hover and focus, Enter seeks', async () => {
    const lesson = await lessonIn('en');
    const widget = await mountWidget();
    const { media, root } = await playWithChapters(widget);
    const chapters = chaptersOf(lesson.transcript, lesson.title, lesson.video!.duration).slice(1);
    const group = root.querySelector('.vjs-progress-control [role="group"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Chapters');
    const markers = [...group.querySelectorAll<HTMLButtonElement>('button.lesson-chapter-marker')];
    expect(markers.map((m) => m.getAttribute('aria-label'))).to.deep.equal(
      chapters.map(
        (c) =>
          `Chapter: ${c.title}, ${Math.floor(c.start / 60)}:${String(Math.floor(c.start % 60)).padStart(2, '0')}`,
      ),
    );
    // Each marker sits at its chapter's share of the bar.
    const bar = root.querySelector('.vjs-progress-holder')!.getBoundingClientRect();
    for (const [i, marker] of markers.entries()) {
      const box = marker.getBoundingClientRect();
      const expected = bar.left + (bar.width * chapters[i]!.start) / media.duration;
      expect(Math.abs(box.left + box.width / 2 - expected), `marker ${i + 1}`).to.be.below(2);
    }
    const tip = (m: HTMLElement) => getComputedStyle(m.querySelector('.lesson-chapter-title')!).visibility;
    expect(tip(markers[1]!)).to.equal('hidden');

    // Keyboard: Tab from the seek bar reaches the first marker; its title shows; Enter seeks.
    // The markers are read again here: the player may redraw them when the track's cues settle.
    // While video.js is still settling its controls, a Tab may land before the markers are
    // focusable: the reader would simply press Tab again from the seek bar, and so does the test.
    const firstMarkerAfterTab = async () => {
      const holder = root.querySelector<HTMLElement>('.vjs-progress-holder')!;
      holder.focus();
      await until(() => activeElement() === holder, 'the seek bar focused');
      await sendKeys({ press: 'Tab' });
      return until(
        () => {
          const now = root.querySelector<HTMLButtonElement>('button.lesson-chapter-marker');
          return now && activeElement() === now ? now : null;
        },
        'Tab to reach the first chapter marker',
        2_000,
      ).catch(() => null);
    };
    let first: HTMLButtonElement | null = null;
    for (let attempt = 0; attempt < 5 && !first; attempt++) first = await firstMarkerAfterTab();
    if (!first) throw new Error('Tab from the seek bar never reached the first chapter marker');
    expect(tip(first)).to.equal('visible');
    expect(first.querySelector('.lesson-chapter-title')!.textContent).to.equal(chapters[0]!.title);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => Math.abs(media.currentTime - chapters[1]!.start) < 0.5, 'Enter to seek to chapter 3');
    expect(media.paused, 'Enter on a marker only seeks').to.equal(true);
    await expectNoAxeViolations(widget, 'the player with chapter markers');
  });

  it('shows a heading WebVTT had to escape as written, in the menu and on its marker', async () => {
    const widget = await mountWidget({ lesson: 'marked-up-heading' });
    const { root } = await playWithChapters(widget);
    const items = await until(() => {
      const found = [...root.querySelectorAll('.vjs-chapters-button .vjs-menu-item-text')];
      return found.length > 1 ? found : null;
    }, 'the chapters menu');
    expect(items[1]!.textContent).to.equal('Rest & routine <b>');
    const marker = root.querySelector('button.lesson-chapter-marker')!;
    expect(marker.querySelector('.lesson-chapter-title')!.textContent).to.equal('Rest & routine <b>');
    expect(marker.getAttribute('aria-label')).to.match(/^Chapter: Rest & routine <b>, /);
  });

  it('names the chapters in the reader’s language', async () => {
    const lesson = await lessonIn('es');
    const widget = await mountWidget({ lang: 'es' });
    const { root } = await playWithChapters(widget);
    expect(root.querySelector('.vjs-progress-control [role="group"]')!.getAttribute('aria-label')).to.equal(
      'Capítulos',
    );
    const first = root.querySelector('button.lesson-chapter-marker')!;
    expect(first.getAttribute('aria-label')).to.match(
      new RegExp(`^Capítulo: ${lesson.transcript.sections[1]!.heading}, \\d+:\\d\\d$`),
    );
    expect(root.querySelector('.vjs-chapters-button .vjs-control-text')!.textContent).to.equal('Capítulos');
  });
});
