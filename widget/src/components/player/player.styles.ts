import { css } from 'lit';

export const playerStyles = css`
  :host {
    display: block;
  }
  .box {
    position: relative;
    width: 100%;
    /* The box has its final size from the first paint: no layout shift when video.js arrives. */
    aspect-ratio: 16 / 9;
    overflow: hidden;
    border-radius: var(--lesson-radius, 8px);
    background: var(--lesson-player-background, #0b1320);
    color: #ffffff;
  }
  .poster,
  .stage,
  .stage .video-js {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  .poster {
    object-fit: cover;
  }
  .play {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    width: 100%;
    border: 0;
    background: linear-gradient(to top, rgb(0 0 0 / 0.55), rgb(0 0 0 / 0.1) 60%);
    color: #ffffff;
    font-weight: 600;
    cursor: pointer;
  }
  .play:focus-visible {
    outline: 3px solid #ffffff;
    outline-offset: -6px;
  }
  .icon {
    display: grid;
    place-items: center;
    width: 4.5rem;
    height: 4.5rem;
    border-radius: 50%;
    background: var(--lesson-color-accent, #1d4ed8);
    box-shadow: 0 2px 12px rgb(0 0 0 / 0.35);
  }
  .icon svg {
    width: 2rem;
    height: 2rem;
    margin-inline-start: 0.25rem;
    fill: currentColor;
  }
  :host(:dir(rtl)) .icon svg {
    transform: scaleX(-1);
    margin-inline-start: 0;
    margin-inline-end: 0.25rem;
  }
  .label {
    padding: 0.2rem 0.6rem;
    border-radius: 999px;
    background: rgb(0 0 0 / 0.6);
  }
  .message {
    position: absolute;
    inset-inline: 0;
    bottom: 0;
    margin: 0;
    padding: 0.5rem 1rem;
    background: rgb(0 0 0 / 0.75);
  }
  .no-video {
    display: grid;
    place-items: center;
    height: 100%;
    margin: 0;
    padding: 1rem;
    text-align: center;
  }
  /* video.js: our accent for the progress and the focus ring inside the controls. */
  .video-js .vjs-play-progress,
  .video-js .vjs-volume-level {
    background-color: var(--lesson-player-accent, #ffffff);
  }
  .video-js .vjs-control:focus-visible,
  .video-js .vjs-menu-item:focus-visible {
    outline: 3px solid #ffffff;
    outline-offset: -3px;
  }
`;
