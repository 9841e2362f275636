import type { Lesson } from '@lessons/shared';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * The lesson as plain HTML inside its `<lesson-widget>`: what a host includes server-side so the
 * transcript is indexable and the poster paints before any script runs. The widget takes this
 * light DOM as its first paint.
 */
export function renderEmbed(lesson: Lesson, apiOrigin: string): string {
  const a = (name: string, value: string | number | undefined) =>
    value === undefined ? '' : ` ${name}="${escapeHtml(String(value))}"`;
  const sections = lesson.transcript.sections
    .map((s) => {
      const heading = s.heading ? `<h2>${escapeHtml(s.heading)}</h2>` : '';
      const paragraphs = s.paragraphs
        .map((p) => `<p${a('data-paragraph-id', p.id)}${a('data-start', p.start)}${a('data-end', p.end)}>${escapeHtml(p.text)}</p>`)
        .join('');
      return `<section>${heading}${paragraphs}</section>`;
    })
    .join('');
  const poster = lesson.video?.poster
    ? `<img${a('src', lesson.video.poster)}${a('alt', '')} width="1280" height="720">`
    : '';
  return (
    `<lesson-widget${a('api', apiOrigin)}${a('lesson', lesson.slug)}${a('lang', lesson.locale)}>` +
    `<h1>${escapeHtml(lesson.title)}</h1>${poster}${sections}` +
    `</lesson-widget>`
  );
}
