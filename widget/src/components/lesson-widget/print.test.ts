import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import '../../define.js';
import { API, cleanup, deep, mount, mountWidget, resetFixture, until } from '../../../test/helpers.js';

const shown = (element: Element | null | undefined) =>
  !!element && getComputedStyle(element).display !== 'none' && element.getClientRects().length > 0;

describe('<lesson-widget> printed', () => {
  beforeEach(resetFixture);
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    cleanup();
  });

  it('is a document: title, headings and every paragraph, without the player, buttons or links', async () => {
    const widget = await mountWidget();
    const transcript = deep(widget, 'lesson-transcript')!.shadowRoot!;
    const count = widget.currentLesson!.transcript.sections.flatMap((s) => s.paragraphs).length;
    await until(() => transcript.querySelectorAll('p[data-paragraph]').length === count, 'every paragraph');
    await emulateMedia({ media: 'print' });
    const root = widget.shadowRoot!;
    expect(shown(root.querySelector('h1'))).to.equal(true);
    for (const part of ['lesson-player', 'lesson-account', 'lesson-links'])
      expect(shown(root.querySelector(part)), part).to.equal(false);
    expect(shown(transcript.querySelector('h2'))).to.equal(true);
    expect([...transcript.querySelectorAll('h3')].every(shown)).to.equal(true);
    const paragraphs = [...transcript.querySelectorAll('p[data-paragraph]')];
    expect(paragraphs.filter(shown)).to.have.length(count);
    expect([...transcript.querySelectorAll('button, input, a')].filter(shown)).to.deep.equal([]);
    // The site's search box is a control too.
    const search = mount(`<lesson-search api="${API}"></lesson-search>`);
    expect(shown(search)).to.equal(false);
    const box = transcript.querySelector<HTMLElement>('.scroller')!;
    expect(getComputedStyle(box).overflowY).to.equal('visible');
    expect(box.scrollHeight).to.be.at.most(box.clientHeight + 1);
  });
});
