import { css } from 'lit';
import { WATCHED_PARAGRAPH_SHARE, rangeCoverages, type Lesson, type Paragraph } from '@lessons/shared/core';
import type { WatchedState } from '../../context.js';
import type { Translate } from '../../i18n/i18n.js';

/** The marks' look: brought by this chunk, so anonymous readers download none of it. */
const watchedStyles = css`
  /* Inside each paragraph's box: content-visibility clips what is drawn outside it. */
  .timed .paragraph {
    position: relative;
    padding-inline-start: 0.6rem;
  }
  .watched-mark {
    position: absolute;
    inset-block: 0.3rem 1rem;
    inset-inline-start: 0;
    user-select: none;
    width: 4px;
    border-radius: 2px;
    background: linear-gradient(
      to bottom,
      var(--lesson-color-watched, #05603a) var(--watched, 0%),
      var(--lesson-color-border, #cbd2d9) var(--watched, 0%)
    );
  }
  .watched-mark.partly {
    opacity: 0.75;
  }
`;

/** What a paragraph shows: watched, partly watched (whole percent), or nothing. */
type Shown = 'watched' | number | null;

/** What a paragraph element shows, and for which paragraph (the template re-uses elements). */
interface Painted {
  id: string;
  shown: Shown;
}

/**
 * Paints a logged-in reader's map onto the transcript's paragraphs: part `watched-paragraph` and
 * a full mark on those watched (≥ 90% of their time), a mark filled as far as they were watched
 * on the others they have started, with visually hidden words for screen readers ("watched",
 * "45% watched"). Like the spoken paragraph's mark, it is set by hand, not by the template: the
 * map moves while the video plays and no paragraph is re-rendered for it. Each paint touches
 * only the paragraphs whose state changed.
 */
export class WatchedMap {
  private painted = new WeakMap<HTMLElement, Painted>();
  private lesson: Lesson | null = null;
  private timed: Array<Paragraph & { start: number; end: number }> = [];

  constructor(private readonly root: ShadowRoot) {
    const sheet = watchedStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  paint(lesson: Lesson, watched: WatchedState, t: Translate): void {
    if (lesson !== this.lesson) {
      this.lesson = lesson;
      this.timed = lesson.transcript.sections.flatMap((s) =>
        s.paragraphs.flatMap((p) =>
          p.start !== undefined && p.end !== undefined ? [{ ...p, start: p.start, end: p.end }] : [],
        ),
      );
    }
    const coverages = rangeCoverages(watched.segments, this.timed);
    const byId = new Map<string, Shown>();
    this.timed.forEach((p, i) => {
      const covered = coverages[i] ?? 0;
      const percent = Math.floor(covered * 100);
      byId.set(p.id, covered >= WATCHED_PARAGRAPH_SHARE - 1e-9 ? 'watched' : percent >= 1 ? percent : null);
    });
    for (const p of this.root.querySelectorAll<HTMLElement>('p[data-paragraph]')) {
      this.show(p, byId.get(p.dataset.paragraph ?? '') ?? null, t);
    }
  }

  /** Nobody is logged in any more: every mark goes. */
  clear(): void {
    for (const p of this.root.querySelectorAll<HTMLElement>('p[data-paragraph]'))
      this.show(p, null, () => '');
  }

  private show(p: HTMLElement, shown: Shown, t: Translate): void {
    const id = p.dataset.paragraph ?? '';
    const before = this.painted.get(p);
    if (before?.id === id && before.shown === shown) return;
    this.painted.set(p, { id, shown });
    p.part.toggle('watched-paragraph', shown === 'watched');
    const box = p.parentElement;
    let mark = box?.querySelector<HTMLElement>(':scope > .watched-mark') ?? null;
    if (shown === null) {
      mark?.remove();
      return;
    }
    if (!mark && box) {
      mark = document.createElement('span');
      mark.className = 'watched-mark';
      mark.setAttribute('part', 'watched-mark');
      const words = document.createElement('span');
      words.className = 'visually-hidden';
      mark.append(words);
      box.insertBefore(mark, p);
    }
    if (!mark) return;
    mark.classList.toggle('partly', shown !== 'watched');
    // Through the CSSOM, not a style attribute: a host page's strict CSP refuses those.
    mark.style.setProperty('--watched', shown === 'watched' ? '100%' : `${shown}%`);
    mark.firstElementChild!.textContent =
      shown === 'watched' ? t('transcript.watched') : t('account.percent', { percent: shown });
  }
}
