import { css } from 'lit';

/** The look of our modal forms (native `<dialog>` opened with `showModal()`). */
export const dialogStyles = css`
  dialog {
    width: min(34rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 1.25rem 1.5rem;
    border: 0;
    border-radius: var(--lesson-radius, 8px);
    background: var(--lesson-color-background, #ffffff);
    color: var(--lesson-color-text, #1f2933);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 0.55);
  }
  h2 {
    margin: 0 0 1rem;
    font-size: 1.3rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-end: 0.9rem;
  }
  label {
    font-weight: 600;
  }
  input,
  textarea {
    width: 100%;
    min-height: 2.5rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--lesson-color-border, #7b8794);
    border-radius: var(--lesson-radius, 8px);
    background: var(--lesson-color-background, #ffffff);
  }
  textarea {
    min-height: 5rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--lesson-color-error, #b42318);
  }
  .hint {
    margin: 0;
    font-size: 0.9rem;
    color: var(--lesson-color-muted, #52606d);
  }
  .field-error {
    margin: 0;
    font-size: 0.9rem;
    font-weight: 600;
    color: var(--lesson-color-error, #b42318);
  }
  .form-error,
  .form-note {
    margin: 0 0 1rem;
    padding: 0.6rem 0.8rem;
    border-radius: var(--lesson-radius, 8px);
  }
  .form-error {
    background: #fef3f2;
    color: var(--lesson-color-error, #b42318);
  }
  .form-note {
    background: #ecfdf3;
    color: var(--lesson-color-success, #05603a);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }
  .switch {
    margin: 1rem 0 0;
  }
  .trap {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`;
