import { css } from 'lit';

/** The chapter markers on video.js's progress bar; shipped with video.js, in the player chunk. */
export const chapterMarkerStyles = css`
  /* Over the seek bar (which has 10px margins), a notch at each chapter's start. */
  .video-js .vjs-progress-control {
    position: relative;
  }
  .lesson-chapters {
    position: absolute;
    top: 50%;
    left: 10px;
    right: 10px;
    height: 0;
  }
  /* 24px: the smallest target WCAG 2.2 allows, whatever the control bar's font size. */
  .lesson-chapter-marker {
    position: absolute;
    top: -12px;
    width: 24px;
    height: 24px;
    margin: 0 0 0 -12px;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    cursor: pointer;
  }
  .lesson-chapter-marker::before {
    content: '';
    position: absolute;
    top: 8px;
    bottom: 8px;
    left: calc(50% - 1.5px);
    width: 3px;
    background: var(--lesson-player-background, #0b1320);
  }
  .lesson-chapter-marker:focus-visible {
    outline: 3px solid #ffffff;
    outline-offset: -3px;
  }
  .lesson-chapter-title {
    position: absolute;
    bottom: 100%;
    left: 50%;
    transform: translateX(-50%);
    max-width: 20em;
    overflow: hidden;
    padding: 0.3em 0.6em;
    border-radius: 0.3em;
    background: rgba(0, 0, 0, 0.85);
    color: #ffffff;
    font-size: 1.2em;
    white-space: nowrap;
    text-overflow: ellipsis;
    visibility: hidden;
    pointer-events: none;
  }
  .lesson-chapter-marker:hover .lesson-chapter-title,
  .lesson-chapter-marker:focus-visible .lesson-chapter-title {
    visibility: visible;
  }
`;
