import { expect } from '@esm-bundle/chai';
import '../../define.js';
import type { LessonWidget } from '../lesson-widget/lesson-widget.component.js';
import { API, cleanup, deep, mountWidget, resetFixture, until } from '../../../test/helpers.js';

const KEY = `lessons-player:${new URL(API).origin}`;
const stored = () =>
  JSON.parse(localStorage.getItem(KEY) ?? '{}') as { rate?: number; captions?: string | null };

async function play(widget: LessonWidget) {
  deep<HTMLButtonElement>(widget, 'lesson-player', 'button[part="play-button"]')!.click();
  const media = await until(() => widget.media, 'the player');
  const root = deep(widget, 'lesson-player')!.shadowRoot!;
  const captions = await until(
    () => media.video.querySelector<HTMLTrackElement>('track[kind="captions"]'),
    'the captions track',
  );
  return { media, root, captions: captions.track };
}

/** A lesson after this one: the widget removed and another mounted, as on the next page. */
async function nextLesson(attributes: Record<string, string> = {}) {
  cleanup();
  return play(await mountWidget({ lesson: 'sleep-routine-and-mood', ...attributes }));
}

describe('<lesson-player> remembers the reader’s settings', () => {
  beforeEach(async () => {
    localStorage.removeItem(KEY);
    await resetFixture();
  });
  afterEach(() => {
    cleanup();
    localStorage.removeItem(KEY);
  });

  it('starts the next lesson at the speed the reader chose from the menu', async () => {
    const { media, root } = await play(await mountWidget());
    const item = [...root.querySelectorAll<HTMLElement>('.vjs-playback-rate .vjs-menu-item')].find((i) =>
      i.textContent?.includes('1.5x'),
    )!;
    item.click();
    await until(() => media.video.playbackRate === 1.5, 'the speed to change');
    await until(() => stored().rate === 1.5, 'the speed to be remembered');

    const next = await nextLesson();
    await until(() => next.media.video.playbackRate === 1.5, 'the next lesson at 1.5x');
    // The menu button shows the speed once video.js hears the media's 'ratechange'.
    await until(
      () => next.root.querySelector('.vjs-playback-rate-value')!.textContent === '1.5x',
      'the menu button at 1.5x',
    );
  });

  it('shows captions on the next lesson when the reader left them on, and not once turned off', async () => {
    const first = await play(await mountWidget());
    expect(first.captions.mode).to.not.equal('showing');
    const english = [
      ...first.root.querySelectorAll<HTMLElement>('.vjs-subs-caps-button .vjs-menu-item'),
    ].find((i) => i.textContent?.includes('English'))!;
    english.click();
    await until(() => stored().captions === 'en', 'captions on, in English, remembered');

    // The Spanish lesson has Spanish captions only: on, in its language.
    const spanish = await nextLesson({ lang: 'es' });
    await until(() => spanish.captions.mode === 'showing', 'captions on in the next lesson');
    expect(spanish.captions.language).to.equal('es');
    const off = [...spanish.root.querySelectorAll<HTMLElement>('.vjs-subs-caps-button .vjs-menu-item')].find(
      (i) => /desactivad|off/i.test(i.textContent ?? ''),
    )!;
    off.click();
    await until(() => stored().captions === null, 'captions off remembered');

    const third = await nextLesson();
    // Give a wrongly remembered setting the time it would take to show.
    await until(() => third.media.video.readyState >= 1, 'the media');
    expect(third.captions.mode).to.not.equal('showing');
  });

  it('keeps settings per API origin and ignores what it cannot read', async () => {
    localStorage.setItem('lessons-player:https://other.example', JSON.stringify({ rate: 2 }));
    localStorage.setItem(KEY, '{"rate": "fast", "captions": 3}');
    const { media } = await play(await mountWidget());
    expect(media.video.playbackRate).to.equal(1);
    localStorage.setItem(KEY, 'not json');
    const next = await nextLesson();
    expect(next.media.video.playbackRate).to.equal(1);
    localStorage.removeItem('lessons-player:https://other.example');
  });
});
