import { css } from 'lit';

export const courseListStyles = css`
  :host {
    display: block;
  }
  ol {
    display: grid;
    gap: 0.4rem;
    margin: 0.25rem 0 0;
    padding-inline-start: 1.5rem;
  }
  li {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: baseline;
    gap: 0 0.75rem;
  }
  a[aria-current='page'] {
    font-weight: 600;
  }
  .percent {
    font-size: 0.85rem;
    font-variant-numeric: tabular-nums;
    color: var(--lesson-color-muted, #52606d);
  }
  .completed .percent {
    color: var(--lesson-color-success, #05603a);
  }
  progress {
    grid-column: 1 / -1;
    width: 100%;
    max-width: 20rem;
    height: 0.35rem;
    accent-color: var(--lesson-color-watched, #05603a);
  }
`;
