import { css } from 'lit';

export const lessonLinksStyles = css`
  :host {
    display: grid;
    gap: 1.25rem;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.1rem;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tags ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .tags a {
    display: inline-block;
    padding: 0.2rem 0.75rem;
    border: 1px solid var(--lesson-color-border, #cbd2d9);
    border-radius: 999px;
    background: var(--lesson-color-surface, #f4f6f8);
    text-decoration: none;
  }
  .tags a:hover {
    text-decoration: underline;
  }
  .related li + li {
    margin-block-start: 0.35rem;
  }
  .course ul {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  .course p {
    margin: 0 0 0.5rem;
  }
  .next {
    margin-inline-start: auto;
    text-align: end;
  }
  .direction {
    display: block;
    font-size: 0.85rem;
    color: var(--lesson-color-muted, #52606d);
  }
  .completed {
    display: block;
    font-size: 0.85rem;
    color: var(--lesson-color-success, #05603a);
  }
`;
