import { css } from 'lit';

export const lessonSearchStyles = css`
  :host {
    display: block;
    position: relative;
    min-width: 0;
    /* The field's height before its strings arrive: the host page's layout doesn't move. */
    min-height: 2.5rem;
  }
  .field {
    position: relative;
  }
  input {
    width: 100%;
    min-height: 2.5rem;
    padding: 0.4rem 0.75rem;
    padding-inline-start: 2.25rem;
    border: 1px solid var(--lesson-color-border, #7b8794);
    border-radius: var(--lesson-radius, 8px);
    background: var(--lesson-color-background, #ffffff);
  }
  .icon {
    position: absolute;
    inset-inline-start: 0.7rem;
    top: 50%;
    width: 1rem;
    height: 1rem;
    transform: translateY(-50%);
    fill: none;
    stroke: var(--lesson-color-muted, #52606d);
    stroke-width: 2;
    pointer-events: none;
  }
  .popup {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    top: calc(100% + 0.25rem);
    max-height: min(24rem, 70vh);
    overflow-y: auto;
    border: 1px solid var(--lesson-color-border, #cbd2d9);
    border-radius: var(--lesson-radius, 8px);
    background: var(--lesson-color-background, #ffffff);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.15);
  }
  [role='listbox'] {
    display: grid;
  }
  [role='option'] {
    display: grid;
    gap: 0.15rem;
    padding: 0.6rem 0.8rem;
    color: inherit;
    text-decoration: none;
    border-block-end: 1px solid var(--lesson-color-border, #e4e7eb);
  }
  [role='option']:last-child {
    border-block-end: 0;
  }
  [role='option']:hover,
  [role='option'][aria-selected='true'] {
    background: var(--lesson-color-surface, #eef2ff);
  }
  [role='option'][aria-selected='true'] {
    outline: 2px solid var(--lesson-color-accent, #1d4ed8);
    outline-offset: -2px;
  }
  .title {
    font-weight: 600;
    color: var(--lesson-color-link, #1d4ed8);
  }
  .summary {
    font-size: 0.9rem;
    color: var(--lesson-color-muted, #52606d);
  }
  .message {
    margin: 0;
    padding: 0.6rem 0.8rem;
  }
`;
