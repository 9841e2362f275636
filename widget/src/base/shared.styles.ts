import { css } from 'lit';

/**
 * Defaults of the theme (each a `--lesson-*` custom property the host page may set) and the few
 * rules every part shares. Colours meet WCAG AA contrast on the default background.
 */
export const sharedStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--lesson-font-family, inherit);
    color: var(--lesson-color-text, #1f2933);
    line-height: 1.5;
    /* The host page's other inherited text properties stop here: only its font comes in. */
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-align: start;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
    cursor: auto;
    list-style: disc outside none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--lesson-color-focus, #1d4ed8);
    outline-offset: 2px;
  }
  a {
    color: var(--lesson-color-link, #1d4ed8);
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.5rem;
    padding: 0.4rem 1rem;
    border: 2px solid var(--lesson-color-accent, #1d4ed8);
    border-radius: var(--lesson-radius, 8px);
    background: var(--lesson-color-accent, #1d4ed8);
    color: var(--lesson-color-accent-text, #ffffff);
    font-weight: 600;
    cursor: pointer;
  }
  .button.secondary {
    background: transparent;
    color: var(--lesson-color-accent, #1d4ed8);
  }
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--lesson-color-link, #1d4ed8);
    text-decoration: underline;
    cursor: pointer;
  }
  .error {
    color: var(--lesson-color-error, #b42318);
  }
  .muted {
    color: var(--lesson-color-muted, #52606d);
  }
`;
