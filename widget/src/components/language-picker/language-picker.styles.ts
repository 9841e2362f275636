import { css } from 'lit';

export const languagePickerStyles = css`
  :host {
    display: block;
  }
  label {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    font-weight: 600;
  }
  select {
    min-height: 2.5rem;
    padding: 0.3rem 0.5rem;
    border: 1px solid var(--lesson-color-border, #7b8794);
    border-radius: var(--lesson-radius, 8px);
    background: var(--lesson-color-background, #ffffff);
    font-weight: 400;
  }
`;
