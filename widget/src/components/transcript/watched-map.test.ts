import { expect } from '@esm-bundle/chai';
import '../../define.js';
import {
  API,
  MAIN_LESSON,
  cleanup,
  deep,
  deepAll,
  expectNoAxeViolations,
  moduleLoaded,
  mountWidget,
  readerToken,
  resetFixture,
  until,
} from '../../../test/helpers.js';
import { clearAuthStores } from '../../controllers/auth-store.js';
import type { LessonWidget } from '../lesson-widget/lesson-widget.component.js';

/**
 * The watched map of a logged-in reader (issue 10, part 1). The demo lesson's first paragraphs:
 * 0.6–15.15, 15.55–27.25, 31.46–47.51 s. The reader has watched 0–27.3 and 31.46–39.5: the first
 * two paragraphs (watched) and half of the third (partly), which is where "Continue with what you
 * missed" goes: 39.5 s.
 */
const WATCHED: Array<[number, number]> = [
  [0, 27.3],
  [31.46, 39.5],
];
const FIRST_LESSON = 'recognising-the-signs-of-depression';

async function watch(token: string, slug: string, segments: Array<[number, number]>) {
  const answer = await fetch(`${API}/api/lessons/${slug}/progress?locale=en`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ segments, position: segments.at(-1)![1] }),
  });
  expect(answer.status).to.equal(200);
}

const paragraphs = (widget: LessonWidget) =>
  deepAll<HTMLElement>(widget, ['lesson-transcript'], 'p[data-paragraph]');
const markOf = (p: HTMLElement) => p.parentElement!.querySelector<HTMLElement>(':scope > .watched-mark');
const account = (widget: LessonWidget) => deep(widget, 'lesson-account')!.shadowRoot!;
const nextUnwatched = (widget: LessonWidget) =>
  account(widget).querySelector<HTMLButtonElement>('[part="next-unwatched"]');

async function loggedInWidget(attributes: Record<string, string> = {}) {
  const token = await readerToken();
  await watch(token, MAIN_LESSON, WATCHED);
  await watch(token, FIRST_LESSON, [[0, 54.79]]);
  const widget = await mountWidget({ token, ...attributes });
  await until(() => paragraphs(widget)[0]?.part.contains('watched-paragraph'), 'the watched map');
  return widget;
}

describe('the watched map', () => {
  beforeEach(async () => {
    await resetFixture();
    localStorage.clear();
    clearAuthStores();
  });
  afterEach(cleanup);

  it('shows anonymous readers none of it, and loads none of its code for them', async () => {
    const widget = await mountWidget();
    await until(() => deep(widget, 'lesson-account', '[part="notice"]'), 'the account notice');
    expect(paragraphs(widget).some((p) => markOf(p) || p.part.contains('watched-paragraph'))).to.equal(false);
    expect(nextUnwatched(widget)).to.equal(null);
    expect(moduleLoaded('/watched-map.ts')).to.equal(false);
    expect(moduleLoaded('/course-list.ts')).to.equal(false);
    expect(moduleLoaded('/reader-map.ts')).to.equal(false);
  });

  it('marks watched paragraphs, shows how much of a started one, and says so to screen readers', async () => {
    const widget = await loggedInWidget();
    const [p1, p2, p3, p4] = paragraphs(widget);
    for (const p of [p1!, p2!]) {
      expect(p.getAttribute('part')).to.equal('paragraph watched-paragraph');
      expect(markOf(p)!.textContent).to.equal('watched');
      expect(markOf(p)!.getAttribute('part')).to.equal('watched-mark');
    }
    expect(p3!.part.contains('watched-paragraph')).to.equal(false);
    expect(markOf(p3!)!.textContent).to.equal('50% watched');
    expect(markOf(p4!)).to.equal(null);
    // The mark is quiet: a thin bar, and its words are for screen readers only.
    const words = markOf(p1!)!.firstElementChild!;
    expect(words.classList.contains('visually-hidden')).to.equal(true);
    expect(markOf(p1!)!.getBoundingClientRect().width).to.be.below(8);
    // The paragraphs themselves are not re-rendered: their text is untouched.
    expect(p1!.textContent).to.not.include('watched');
  });

  it('continues with what the reader missed, and moves while the video plays', async () => {
    const widget = await loggedInWidget();
    const button = await until(() => nextUnwatched(widget), 'the button');
    expect(button.textContent.trim()).to.equal('Continue with what you missed');
    button.click();
    const media = await until(() => widget.media, 'the player');
    await until(() => !media.paused && media.currentTime >= 39.5, 'playback from 39.5 s');
    expect(media.currentTime).to.be.below(42);
    const p3 = paragraphs(widget)[2]!;
    // Before anything is sent (every 15 s), the map already shows what is being played.
    await until(
      () => Number(/\d+/.exec(markOf(p3)!.textContent)?.[0]) >= 56,
      'the third paragraph filling up',
    );
    media.pause();
  });

  it("opens the course's lessons with the reader's percent, and marks completed neighbours", async () => {
    const widget = await loggedInWidget({ 'link-template': '/lessons/{slug}?lang={locale}' });
    const toggle = await until(
      () => account(widget).querySelector<HTMLButtonElement>('[part="course-toggle"]'),
      'the course progress button',
    );
    expect(toggle.textContent.trim()).to.equal('1 of 4 lessons completed');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await until(() => toggle.getAttribute('aria-expanded') === 'true', 'the list open');
    const list = await until(
      () => deepAll<HTMLLIElement>(widget, ['lesson-account', 'lesson-course-list'], 'li'),
      'the lessons',
    ).then((items) => (items.length === 4 ? items : Promise.reject(new Error('4 lessons'))));
    const rows = list.map((li) => ({
      href: li.querySelector('a')!.getAttribute('href'),
      text: li.querySelector('.percent')!.textContent.trim(),
      current: li.querySelector('a')!.getAttribute('aria-current'),
    }));
    expect(rows[0]).to.deep.equal({
      href: `/lessons/${FIRST_LESSON}?lang=en`,
      text: 'Lesson completed',
      current: null,
    });
    expect(rows[1]!.href).to.equal(`/lessons/${MAIN_LESSON}?lang=en`);
    expect(rows[1]!.current).to.equal('page');
    expect(rows[1]!.text).to.match(/^\d+% watched$/);
    expect(rows[2]!.text).to.equal('0% watched');
    // The previous lesson, completed, says so in its link.
    const previous = deep<HTMLAnchorElement>(widget, 'lesson-links', 'a[rel="prev"]')!;
    await until(() => previous.querySelector('[part="lesson-completed"]'), 'the completed mark');
    expect(previous.textContent.replace(/\s+/g, ' ')).to.include('✓ Completed');
    expect(deep(widget, 'lesson-links', 'a[rel="next"] [part="lesson-completed"]')).to.equal(null);
    await expectNoAxeViolations(widget, 'watched map and course list');
    toggle.click();
    await until(() => toggle.getAttribute('aria-expanded') === 'false', 'the list closed');
  });

  it('speaks Spanish and Arabic', async () => {
    const es = await loggedInWidget({ lang: 'es' });
    await until(
      () => nextUnwatched(es)?.textContent.trim() === 'Continuar con lo que te perdiste',
      'Spanish',
    );
    expect(markOf(paragraphs(es)[0]!)!.textContent).to.equal('visto');
    cleanup();
    const ar = await loggedInWidget({ lang: 'ar' });
    await until(() => nextUnwatched(ar)?.textContent.trim() === 'تابع ما فاتك', 'Arabic');
    expect(markOf(paragraphs(ar)[0]!)!.textContent).to.equal('تمت المشاهدة');
    await expectNoAxeViolations(ar, 'watched map in Arabic');
  });

  it('takes the marks away when the reader logs out', async () => {
    const token = await readerToken();
    await watch(token, MAIN_LESSON, WATCHED);
    localStorage.setItem(
      `lessons-widget:auth:${new URL(API).origin}`,
      JSON.stringify({ jwt: token, user: { id: 1, username: 'reader', email: 'reader@example.com' } }),
    );
    const widget = await mountWidget();
    await until(() => paragraphs(widget)[0]?.part.contains('watched-paragraph'), 'the watched map');
    const logout = [...account(widget).querySelectorAll('button')].find(
      (b) => b.textContent.trim() === 'Log out',
    )!;
    logout.click();
    await until(() => paragraphs(widget).every((p) => !markOf(p)), 'the marks gone');
    expect(paragraphs(widget)[0]!.part.contains('watched-paragraph')).to.equal(false);
    expect(nextUnwatched(widget)).to.equal(null);
  });
});
