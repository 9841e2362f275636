import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import type { LessonCaptionStyleDialog } from '../caption-style-dialog/caption-style-dialog.component.js';
import type { LessonWidget } from '../lesson-widget/lesson-widget.component.js';
import {
  API,
  activeElement,
  cleanup,
  deep,
  expectNoAxeViolations,
  mount,
  mountWidget,
  resetFixture,
  until,
} from '../../../test/helpers.js';

const KEY = `lessons-player:${new URL(API).origin}`;

async function play(widget: LessonWidget) {
  deep<HTMLButtonElement>(widget, 'lesson-player', 'button[part="play-button"]')!.click();
  const media = await until(() => widget.media, 'the player');
  return { media, root: deep(widget, 'lesson-player')!.shadowRoot! };
}

/** The `video::cue` rule the player's shadow root applies. */
const cueRule = (root: ShadowRoot) =>
  root.adoptedStyleSheets
    .flatMap((sheet) => [...sheet.cssRules])
    .find((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule && rule.selectorText === 'video::cue');

describe('<lesson-player> caption style', () => {
  beforeEach(async () => {
    localStorage.removeItem(KEY);
    await resetFixture();
  });
  afterEach(() => {
    cleanup();
    localStorage.removeItem(KEY);
  });

  it('is chosen in a dialog from the control bar, shows at once and comes back on the next lesson', async () => {
    const page = mount('<main></main>');
    const widget = await mountWidget();
    page.append(widget);
    const { root, media } = await play(widget);
    expect(cueRule(root)!.style.color).to.equal('rgb(255, 255, 255)');
    // Paused, video.js keeps its controls shown (and focusable).
    media.pause();
    await until(() => media.paused, 'the pause');
    const button = await until(
      () => root.querySelector<HTMLButtonElement>('button.lesson-caption-style'),
      'the Caption style button',
    );
    expect(button.textContent.trim()).to.equal('Caption style');
    await until(() => {
      button.focus();
      return activeElement() === button;
    }, 'the button focused');
    await sendKeys({ press: 'Enter' });
    const dialog = await until(
      () => deep<HTMLDialogElement>(widget, 'lesson-caption-style-dialog', 'dialog[open]'),
      'the dialog',
    );
    expect(dialog.querySelector('h2')!.textContent).to.equal('Caption style');
    await expectNoAxeViolations(page, 'caption style dialog');
    const choose = async (id: string, label: string) => {
      const select = dialog.querySelector<HTMLSelectElement>(`#${id}`)!;
      select.selectedIndex = [...select.options].findIndex((o) => o.text === label);
      select.dispatchEvent(new Event('change'));
      await deep<LessonCaptionStyleDialog>(widget, 'lesson-caption-style-dialog')!.updateComplete;
    };
    await choose('size', '150%');
    await choose('color', 'Yellow');
    await choose('background', 'None');
    await until(() => cueRule(root)!.style.color === 'rgb(255, 255, 0)', 'yellow captions at once');
    expect(cueRule(root)!.style.fontSize).to.equal('150%');
    expect(cueRule(root)!.style.backgroundColor).to.equal('transparent');
    expect((JSON.parse(localStorage.getItem(KEY)!) as { captionStyle: unknown }).captionStyle).to.deep.equal({
      size: 150,
      color: 'yellow',
      background: 'none',
    });
    await sendKeys({ press: 'Escape' });
    await until(() => !deep(widget, 'lesson-caption-style-dialog', 'dialog[open]'), 'closed');
    expect(activeElement()).to.equal(button);

    cleanup();
    const next = await play(await mountWidget({ lesson: 'sleep-routine-and-mood', lang: 'es' }));
    await until(() => cueRule(next.root)?.style.color === 'rgb(255, 255, 0)', 'the style on the next lesson');
    expect(cueRule(next.root)!.style.fontSize).to.equal('150%');
    const spanish = await until(
      () => next.root.querySelector<HTMLButtonElement>('button.lesson-caption-style'),
      'the button in Spanish',
    );
    expect(spanish.textContent.trim()).to.equal('Estilo de los subtítulos');
  });

  it('ignores a remembered style it cannot read', async () => {
    localStorage.setItem(KEY, JSON.stringify({ captionStyle: { size: 999, color: 'plaid' } }));
    const { root } = await play(await mountWidget());
    expect(cueRule(root)!.style.fontSize).to.equal('100%');
  });
});
