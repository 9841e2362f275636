import { css, unsafeCSS } from 'lit';
import { POSTER_RULES, RESERVED_BELOW_VIDEO, TITLE_RULES } from '../../base/first-box.js';

/** The box kept before the lesson arrives (see first-box.ts); 56.25cqi is the 16:9 video. */
const reserved = unsafeCSS(`calc(56.25cqi + ${RESERVED_BELOW_VIDEO})`);

export const lessonWidgetStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    min-width: 0;
  }
  .base {
    display: grid;
    gap: var(--lesson-gap, 1.25rem);
    /* Rows as tall as their content, the room the box keeps below them: a part drawn a task
       later (renderFirstInOwnTask) moves none drawn before it. */
    align-content: start;
    min-width: 0;
  }
  .base > * {
    min-width: 0;
  }
  /* The lesson is never shorter than the box its skeleton kept: nothing below the widget moves up. */
  .base:has(lesson-player) {
    min-height: ${reserved};
  }
  /* As widget.js lays out the light DOM before the widget is defined (first-box.ts). */
  .title,
  ::slotted(h1) {
    ${unsafeCSS(TITLE_RULES)}
  }
  ::slotted(img) {
    ${unsafeCSS(POSTER_RULES)}
  }
  ::slotted(section) {
    max-width: 70ch;
  }
  .light {
    display: grid;
    gap: var(--lesson-gap, 1.25rem);
  }
  .skeleton {
    display: grid;
    gap: var(--lesson-gap, 1.25rem);
    min-height: ${reserved};
  }
  /* The transcript's place: lines of text, as tall as its scrolling box. */
  .skeleton::after {
    content: '';
    height: var(--lesson-transcript-max-height, 28rem);
    background: repeating-linear-gradient(
      var(--lesson-color-surface, #e4e7eb) 0 1rem,
      transparent 1rem 1.75rem
    );
    opacity: 0.6;
  }
  .skeleton-title {
    width: min(60%, 28rem);
    height: 2.2rem;
    border-radius: var(--lesson-radius, 8px);
    background: var(--lesson-color-surface, #e4e7eb);
  }
  .skeleton-video {
    aspect-ratio: 16 / 9;
    border-radius: var(--lesson-radius, 8px);
    background: var(--lesson-color-surface, #e4e7eb);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem 1.5rem;
  }
  .notice,
  .error-box {
    margin: 0;
    padding: 0.75rem 1rem;
    border-radius: var(--lesson-radius, 8px);
  }
  .notice {
    background: var(--lesson-color-surface, #f4f6f8);
  }
  .error-box {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    background: #fef3f2;
    color: var(--lesson-color-error, #b42318);
  }
  .error-box p {
    margin: 0;
  }
  /* A part failed to load after the reader asked for it, maybe far down the lesson: the message
     stays in view at the bottom of the screen while the widget is. */
  .part-failed {
    position: sticky;
    bottom: 0.5rem;
    z-index: 1;
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.15);
  }
`;
