import { expect } from '@esm-bundle/chai';
import '../../define.js';
import {
  API,
  MAIN_LESSON,
  cleanup,
  deep,
  deepAll,
  fetchedScripts,
  mount,
  mountWidget,
  requestLog,
  resetFixture,
  until,
} from '../../../test/helpers.js';
import { LessonLanguageChangeEvent } from '../../events/lesson-language-change.js';
import { deepLinkTime } from '../../controllers/deep-link.js';
import { LessonWidget } from './lesson-widget.component.js';

describe('<lesson-widget>', () => {
  beforeEach(resetFixture);
  afterEach(cleanup);

  it('shows the title, the poster facade and the transcript', async () => {
    const widget = await mountWidget();
    const lesson = widget.currentLesson!;
    expect(deep(widget, 'h1')!.textContent).to.equal(lesson.title);
    expect(deep<HTMLImageElement>(widget, 'lesson-player', 'img[part="poster"]')!.src).to.equal(
      lesson.video!.poster,
    );
    expect(deep(widget, 'lesson-player', 'button[part="play-button"]')).to.exist;
    const paragraphs = deepAll(widget, ['lesson-transcript'], 'p[data-paragraph]');
    expect(paragraphs.length).to.equal(lesson.transcript.sections.flatMap((s) => s.paragraphs).length);
    expect(deep(widget, 'lesson-transcript', 'h2')!.textContent).to.contain('Transcription');
  });

  it('does not load video.js before the reader plays', async () => {
    const widget = await mountWidget();
    await new Promise((r) => setTimeout(r, 300));
    expect(fetchedScripts().filter((url) => /video-js|video\.js|__vendor__/.test(url))).to.deep.equal([]);
    expect(widget.media).to.equal(null);
    expect(deep(widget, 'lesson-player', 'video')).to.equal(null);
  });

  it('keeps a 16:9 box for the video from the first paint', async () => {
    const widget = mount<LessonWidget>(
      `<lesson-widget api="${API}" lesson="${MAIN_LESSON}" lang="en" style="width: 640px"></lesson-widget>`,
    );
    await widget.updateComplete;
    const skeleton = await until(() => deep(widget, '.skeleton-video'), 'the skeleton');
    expect(Math.round(skeleton.getBoundingClientRect().height)).to.equal(360);
    await until(() => deep(widget, 'lesson-player'), 'the player');
    const box = await until(() => deep(widget, 'lesson-player', '.box'), 'the player box');
    expect(Math.round(box.getBoundingClientRect().height)).to.equal(360);
  });

  it('fills containers from 320 px wide without overflowing', async () => {
    const holder = mount<HTMLDivElement>('<div style="width: 320px"></div>');
    const widget = mount<LessonWidget>(
      `<lesson-widget api="${API}" lesson="${MAIN_LESSON}" lang="en"></lesson-widget>`,
      holder,
    );
    await until(() => deep(widget, 'lesson-transcript', 'section'), 'the lesson');
    await widget.updateComplete;
    expect(widget.scrollWidth).to.be.at.most(320);
    expect(Math.round(deep(widget, 'lesson-player', '.box')!.getBoundingClientRect().width)).to.equal(320);
  });

  it('paints the server-rendered light DOM until its data arrives', async () => {
    const html = await (await fetch(`${API}/api/lessons/${MAIN_LESSON}/embed.html?locale=en`)).text();
    const holder = mount<HTMLDivElement>('<div></div>');
    holder.innerHTML = html;
    const widget = holder.querySelector('lesson-widget') as LessonWidget;
    await widget.updateComplete;
    const slot = deep<HTMLSlotElement>(widget, 'slot');
    expect(slot, 'a slot before the data').to.exist;
    const assigned = slot!.assignedElements().map((e) => e.localName);
    expect(assigned).to.include.members(['h1', 'img', 'section']);
    await until(() => deep(widget, 'lesson-transcript', 'section'), 'the lesson');
    expect(deep(widget, 'slot')).to.equal(null);
    // The light DOM stays in the document for crawlers.
    expect(widget.querySelector('p[data-paragraph-id="p1"]')).to.exist;
  });

  it('works twice on one page, and tolerates a second registration', async () => {
    LessonWidget.define('lesson-widget');
    const [a, b] = await Promise.all([mountWidget(), mountWidget({ lesson: 'sleep-routine-and-mood' })]);
    expect(a.currentLesson!.slug).to.equal(MAIN_LESSON);
    expect(b.currentLesson!.slug).to.equal('sleep-routine-and-mood');
  });

  it('switches language without a reload and says so', async () => {
    const widget = await mountWidget();
    const events: LessonLanguageChangeEvent[] = [];
    widget.addEventListener('lesson-language-change', (e) => events.push(e));
    const select = deep<HTMLSelectElement>(widget, 'lesson-language-picker', 'select')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['English', 'Español']);
    select.value = 'es';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => widget.currentLesson?.locale === 'es', 'the Spanish lesson');
    expect(events.map((e) => e.detail)).to.deep.equal([
      { locale: 'es', slug: 'recuperar-la-conexion-social', previousLocale: 'en' },
    ]);
    await widget.updateComplete;
    expect(deep(widget, 'h1')!.textContent).to.equal(widget.currentLesson!.title);
    expect(deep(widget, 'h1')!.getAttribute('lang')).to.equal('es');
    await until(
      () => deep(widget, 'lesson-transcript', 'h2')!.textContent.includes('Transcripción'),
      'Spanish interface',
    );
    expect(deep<HTMLImageElement>(widget, 'lesson-player', 'img')!.src).to.contain('.es.jpg');
    // Screen readers hear the change.
    const status = await until(
      () => deep(widget, '[role="status"]')?.textContent?.trim(),
      'the switch to be announced',
    );
    expect(status).to.equal(`Ahora se muestra «${widget.currentLesson!.title}» en Español.`);
  });

  it('follows the host when it changes lesson or lang after mounting', async () => {
    const widget = await mountWidget();
    widget.setAttribute('lesson', 'sleep-routine-and-mood');
    await until(() => widget.currentLesson?.slug === 'sleep-routine-and-mood', 'the other lesson');
    await widget.updateComplete;
    expect(deep(widget, 'h1')!.textContent).to.equal(widget.currentLesson!.title);
    widget.setAttribute('lang', 'es');
    await until(() => widget.currentLesson?.locale === 'es', 'the Spanish version');
    await until(
      () => deep(widget, 'lesson-transcript', 'h2')!.textContent.includes('Transcripción'),
      'the Spanish interface',
    );
    expect(deep(widget, 'h1')!.textContent).to.equal(widget.currentLesson!.title);
  });

  it('keeps the current language when the change is prevented', async () => {
    const widget = await mountWidget();
    const events: LessonLanguageChangeEvent[] = [];
    widget.addEventListener('lesson-language-change', (e) => {
      e.preventDefault();
      events.push(e);
    });
    const select = deep<HTMLSelectElement>(widget, 'lesson-language-picker', 'select')!;
    select.value = 'es';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(events.map((e) => [e.detail.locale, e.cancelable, e.defaultPrevented])).to.deep.equal([
      ['es', true, true],
    ]);
    await widget.updateComplete;
    // Nothing is being loaded: the widget did not start switching.
    expect(deep(widget, '[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
    expect(widget.currentLesson!.locale).to.equal('en');
    expect(deep(widget, 'h1')!.getAttribute('lang')).to.equal('en');
  });

  it('speaks Arabic right to left, with the lesson in its default language', async () => {
    const widget = await mountWidget({ lang: 'ar' });
    const base = deep(widget, '[part="base"]')!;
    await until(() => base.getAttribute('dir') === 'rtl', 'rtl');
    expect(base.getAttribute('lang')).to.equal('ar');
    expect(widget.currentLesson!.locale).to.equal('en');
    expect(deep(widget, 'h1')!.getAttribute('dir')).to.equal('ltr');
    expect(deep(widget, '.notice')!.textContent).to.contain('الإنجليزية');
    expect(deep(widget, 'lesson-transcript', 'h2')!.textContent).to.contain('النص المكتوب');
  });

  it('shows the closest language the lesson has (es-MX → es), which the server picks: one request', async () => {
    const widget = await mountWidget({ lang: 'es-MX' });
    expect(widget.currentLesson!.locale).to.equal('es');
    const asked = await requestLog((r) => r.method === 'GET' && /^\/api\/lessons\/[^/]+$/.test(r.path));
    expect(asked.map((r) => r.query.locale?.toLowerCase())).to.deep.equal(['es-mx']);
  });

  it('explains a lesson that does not exist', async () => {
    const widget = mount<LessonWidget>(
      `<lesson-widget api="${API}" lesson="no-such-lesson" lang="en"></lesson-widget>`,
    );
    const alert = await until(() => deep(widget, '[role="alert"]'), 'the error');
    expect(alert.textContent).to.contain('does not exist');
  });

  it('offers to retry when the server fails', async () => {
    await fetch(`${API}/__fixture/fail`, {
      method: 'POST',
      body: JSON.stringify({ path: `/api/lessons/${MAIN_LESSON}$`, status: 500 }),
    });
    const widget = mount<LessonWidget>(
      `<lesson-widget api="${API}" lesson="${MAIN_LESSON}" lang="en"></lesson-widget>`,
    );
    const retry = await until(
      () => deep<HTMLButtonElement>(widget, '[role="alert"] button'),
      'the retry button',
    );
    retry.click();
    await until(() => deep(widget, 'lesson-transcript', 'section'), 'the lesson after retrying');
  });

  it("takes the host page's theme: custom properties and ::part", async () => {
    const style = document.createElement('style');
    style.textContent = `
      lesson-widget.themed { --lesson-color-accent: rgb(120, 20, 60); }
      lesson-widget.themed::part(title) { color: rgb(10, 110, 30); }
      lesson-widget.themed::part(paragraph) { line-height: 31px; }
    `;
    document.head.append(style);
    try {
      const widget = await mountWidget({ class: 'themed' });
      expect(getComputedStyle(deep(widget, 'h1')!).color).to.equal('rgb(10, 110, 30)');
      const playIcon = deep(widget, 'lesson-player', 'button[part="play-button"] .icon')!;
      expect(getComputedStyle(playIcon).backgroundColor).to.equal('rgb(120, 20, 60)');
      const paragraph = deep(widget, 'lesson-transcript', '[part~="paragraph"]')!;
      expect(getComputedStyle(paragraph).lineHeight).to.equal('31px');
    } finally {
      style.remove();
    }
  });

  it('links tags, related lessons and the course through link-template', async () => {
    const widget = await mountWidget({ 'link-template': '/lessons/{slug}' });
    const lesson = widget.currentLesson!;
    const links = deep(widget, 'lesson-links')!.shadowRoot!;
    expect(links.textContent).to.contain(`Lesson ${lesson.course!.position} of ${lesson.course!.total}`);
    expect(links.querySelector<HTMLAnchorElement>('a[rel="prev"]')!.getAttribute('href')).to.equal(
      `/lessons/${lesson.course!.previous!.slug}`,
    );
    expect(links.querySelector<HTMLAnchorElement>('a[rel="next"]')!.getAttribute('href')).to.equal(
      `/lessons/${lesson.course!.next!.slug}`,
    );
    const tags = [...links.querySelectorAll<HTMLAnchorElement>('a[rel="tag"]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(tags).to.deep.equal(lesson.tags.map((t) => `/lessons/?tag=${t.slug}`));
    const related = [...links.querySelectorAll<HTMLAnchorElement>('[part="related"] a')];
    expect(related.map((a) => a.textContent)).to.deep.equal(lesson.related.map((r) => r.title));
    expect(related.map((a) => a.getAttribute('href'))).to.deep.equal(
      lesson.related.map((r) => `/lessons/${r.slug}`),
    );
    expect(links.textContent).to.contain('Recent publications');
  });

  it('reads #t= deep links', () => {
    expect(deepLinkTime('#t=90')).to.equal(90);
    expect(deepLinkTime('#t=1:30')).to.equal(90);
    expect(deepLinkTime('#foo&t=12.5')).to.equal(12.5);
    expect(deepLinkTime('#t=npt:7')).to.equal(7);
    expect(deepLinkTime('#top')).to.equal(null);
  });

  it('starts at the time of a #t= deep link, loading the player at once', async () => {
    history.replaceState(null, '', '#t=90');
    try {
      const widget = await mountWidget();
      await until(() => widget.media, 'the player');
      const current = await until(
        () => deep(widget, 'lesson-transcript', 'p[aria-current="true"]'),
        'the current paragraph',
      );
      const paragraph = widget
        .currentLesson!.transcript.sections.flatMap((s) => s.paragraphs)
        .find((p) => p.id === current.dataset.paragraph)!;
      expect(paragraph.start!).to.be.at.most(90);
      expect(paragraph.end!).to.be.at.least(85);
      await until(() => Math.round(widget.media!.currentTime) === 90, 'the video at 90 s');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });
});
