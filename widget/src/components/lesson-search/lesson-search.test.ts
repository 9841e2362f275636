import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import {
  API,
  activeElement,
  cleanup,
  deep,
  mount,
  requestLog,
  resetFixture,
  until,
} from '../../../test/helpers.js';
import type { LessonSelectEvent } from '../../events/lesson-select.js';
import type { LessonSearch } from './lesson-search.component.js';

async function mountSearch(attributes = '') {
  const search = mount<LessonSearch>(
    `<lesson-search api="${API}" lang="en" link-template="/lessons/{slug}" ${attributes}></lesson-search>`,
  );
  const input = await until(() => deep<HTMLInputElement>(search, 'input'), 'the box');
  return { search, input, root: search.shadowRoot! };
}

describe('<lesson-search>', () => {
  beforeEach(resetFixture);
  afterEach(cleanup);

  it('is a labelled combobox', async () => {
    const { input, root } = await mountSearch();
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(root.querySelector(`label[for="${input.id}"]`)!.textContent).to.equal('Search lessons');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('searches as the reader types (debounced) and announces the count', async () => {
    const { input, root } = await mountSearch();
    input.focus();
    await sendKeys({ type: 'sleep' });
    const options = await until(
      () =>
        root.querySelectorAll('[role="option"]').length
          ? root.querySelectorAll<HTMLAnchorElement>('[role="option"]')
          : null,
      'results',
    );
    expect(options).to.have.length(1);
    expect(options[0]!.querySelector('.title')!.textContent).to.equal('Sleep, routine and mood');
    expect(options[0]!.getAttribute('href')).to.equal('/lessons/sleep-routine-and-mood');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await until(
      () => root.querySelector('[role="status"]')!.textContent === '1 lesson found',
      'the announcement',
    );
    // One request for the whole word, not one per key.
    const searches = await requestLog((r) => r.path === '/api/lessons');
    expect(searches.map((r) => r.query.search)).to.deep.equal(['sleep']);
  });

  it('moves with the arrows and opens with Enter', async () => {
    const { search, input, root } = await mountSearch();
    const chosen: LessonSelectEvent[] = [];
    search.addEventListener('lesson-select', (e) => {
      e.preventDefault();
      chosen.push(e);
    });
    input.focus();
    await sendKeys({ type: 'depression' });
    const options = await until(
      () =>
        root.querySelectorAll('[role="option"]').length > 1 ? root.querySelectorAll('[role="option"]') : null,
      'results',
    );
    await sendKeys({ press: 'ArrowDown' });
    await until(() => input.getAttribute('aria-activedescendant') === 'option-0', 'the first option');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => input.getAttribute('aria-activedescendant') === 'option-1', 'the second option');
    expect(options[1]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowUp' });
    await until(() => input.getAttribute('aria-activedescendant') === 'option-0', 'back up');
    expect(activeElement()).to.equal(input);
    await sendKeys({ press: 'Enter' });
    await until(() => chosen.length === 1, 'the choice');
    expect(chosen[0]!.detail.href).to.equal(`/lessons/${chosen[0]!.detail.lesson.slug}`);
    expect(location.pathname).to.not.contain('/lessons/');
  });

  it('closes with Escape, and clears with a second Escape', async () => {
    const { input, root } = await mountSearch();
    input.focus();
    await sendKeys({ type: 'sleep' });
    await until(() => root.querySelector('[role="option"]'), 'results');
    await sendKeys({ press: 'Escape' });
    await until(() => input.getAttribute('aria-expanded') === 'false', 'closed');
    expect(input.value).to.equal('sleep');
    await sendKeys({ press: 'Escape' });
    await until(() => input.value === '', 'cleared');
  });

  it('says when nothing matches, in the reader language', async () => {
    const search = mount<LessonSearch>(`<lesson-search api="${API}" lang="fr"></lesson-search>`);
    const input = await until(() => deep<HTMLInputElement>(search, 'input'), 'the box');
    input.focus();
    await sendKeys({ type: 'zzzqqq' });
    await until(
      () => search.shadowRoot!.querySelector('[role="status"]')!.textContent === 'Aucune leçon trouvée',
      'the message',
    );
  });
});
