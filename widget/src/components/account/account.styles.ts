import { css } from 'lit';

export const accountStyles = css`
  :host {
    display: block;
  }
  .notice {
    margin: 0 0 0.5rem;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--lesson-color-accent, #1d4ed8);
    border-radius: var(--lesson-radius, 8px);
    background: var(--lesson-color-surface, #f4f6f8);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .progress {
    display: grid;
    gap: 0.25rem;
    margin-block-start: 0.5rem;
  }
  progress {
    width: 100%;
    max-width: 20rem;
    height: 0.6rem;
    accent-color: var(--lesson-color-accent, #1d4ed8);
  }
  p {
    margin: 0;
  }
`;
