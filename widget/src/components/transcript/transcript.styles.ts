import { css } from 'lit';

export const transcriptStyles = css`
  :host {
    display: block;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin-block-end: 0.75rem;
  }
  h2 {
    margin: 0;
    font-size: 1.35rem;
    line-height: 1.25;
  }
  .subtitle {
    display: block;
    font-size: 1rem;
    font-weight: 400;
    color: var(--lesson-color-muted, #52606d);
  }
  .search {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
  }
  .search input {
    min-width: 0;
    width: 14rem;
    max-width: 100%;
    min-height: 2.5rem;
    padding: 0.3rem 0.6rem;
    border: 1px solid var(--lesson-color-border, #7b8794);
    border-radius: var(--lesson-radius, 8px);
    background: var(--lesson-color-background, #ffffff);
  }
  .search button {
    min-width: 2.5rem;
    min-height: 2.5rem;
    border: 1px solid var(--lesson-color-border, #7b8794);
    border-radius: var(--lesson-radius, 8px);
    background: var(--lesson-color-surface, #f4f6f8);
    cursor: pointer;
  }
  .search button:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  .count {
    min-width: 6rem;
    font-size: 0.9rem;
    color: var(--lesson-color-muted, #52606d);
  }
  .body {
    position: relative;
  }
  .scroller {
    position: relative;
    padding-inline: 0.25rem;
  }
  .scroller.timed {
    max-height: var(--lesson-transcript-max-height, 28rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--lesson-color-border, #cbd2d9);
    border-radius: var(--lesson-radius, 8px);
    padding: 0.5rem;
  }
  h3 {
    margin: 1.25rem 0 0.5rem;
    font-size: 1.1rem;
  }
  section:first-child h3 {
    margin-block-start: 0.25rem;
  }
  .paragraph {
    display: flex;
    gap: 0.75rem;
    align-items: baseline;
    border-radius: calc(var(--lesson-radius, 8px) / 2);
    /* A three-hour lecture has 1,000 paragraphs: the browser lays out and paints only those near
       the view, and they stay in the page for find-in-page, selection and screen readers. The
       size stands in for a paragraph not yet drawn; once drawn, its own is remembered. */
    content-visibility: auto;
    contain-intrinsic-block-size: auto 8em;
  }
  .paragraph p {
    flex: 1;
    margin: 0 0 0.75rem;
    padding: 0.25rem 0.4rem;
    border-radius: inherit;
  }
  .timed .paragraph p {
    cursor: pointer;
  }
  .timed .paragraph p:hover {
    background: var(--lesson-color-surface, #f4f6f8);
  }
  .paragraph p.passage {
    background: var(--lesson-color-passage, #e6efff);
  }
  .paragraph p[aria-current='true'] {
    background: var(--lesson-color-current, #fff4cc);
    box-shadow: inset 3px 0 0 var(--lesson-color-accent, #1d4ed8);
  }
  :host(:dir(rtl)) .paragraph p[aria-current='true'] {
    box-shadow: inset -3px 0 0 var(--lesson-color-accent, #1d4ed8);
  }
  .time {
    flex: none;
    user-select: none;
    min-width: 3.2em;
    font-size: 0.85rem;
    font-variant-numeric: tabular-nums;
    color: var(--lesson-color-muted, #52606d);
  }
  mark {
    background: var(--lesson-color-match, #ffe066);
    color: inherit;
    border-radius: 2px;
  }
  mark.current {
    background: var(--lesson-color-current-match, #f08c00);
    color: #000000;
    outline: 2px solid #000000;
  }
  .selection-actions {
    position: absolute;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    max-width: 100%;
  }
  .selection-actions .button {
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
  }
  .passage-url {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    align-items: center;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--lesson-color-border, #cbd2d9);
    border-radius: var(--lesson-radius, 8px);
    background: var(--lesson-color-background, #ffffff);
    font-size: 0.9rem;
  }
  .passage-url input {
    min-width: 0;
    width: 22rem;
    max-width: 100%;
    min-height: 2.25rem;
  }
  .foot {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin-block-start: 0.75rem;
  }
  .downloads {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0;
  }
`;
