import { chaptersOf, toPlainText, type Lesson } from '@lessons/shared';
import type { Clip, VideoObject, WithContext } from 'schema-dts';

export const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Seconds as an ISO 8601 duration (`PT1H2M3.5S`), the form schema.org's `duration` takes. */
export function isoDuration(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/**
 * The lesson as a schema.org `VideoObject`, with its chapters as `Clip`s: what search engines read
 * for a video result and its key moments. A clip's `url` is a fragment: the fragment is included in
 * the host's page, whose address only the page knows, and a relative URL resolves against it.
 */
export function videoStructuredData(lesson: Lesson): WithContext<VideoObject> | null {
  const video = lesson.video;
  if (!video) return null;
  const chapters = chaptersOf(lesson.transcript, lesson.title, video.duration);
  const duration = video.duration ?? chapters.at(-1)?.end;
  const clips: Clip[] = chapters.map((c) => ({
    '@type': 'Clip',
    name: c.title,
    startOffset: c.start,
    endOffset: c.end,
    url: `#t=${c.start}`,
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: lesson.title,
    description: lesson.summary || lesson.title,
    ...(video.poster ? { thumbnailUrl: video.poster } : {}),
    uploadDate: lesson.publishedAt,
    ...(duration ? { duration: isoDuration(duration) } : {}),
    contentUrl: video.sources[0].src,
    inLanguage: lesson.locale,
    transcript: toPlainText(lesson.transcript).trim(),
    ...(clips.length ? { hasPart: clips } : {}),
  };
}

/**
 * JSON inside `<script>`: the HTML parser ends the element at the first `</script`, whatever the
 * JSON says, so `<` (and `>`, `&` with it) travel as JSON escapes, which mean the same characters.
 */
const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/**
 * The lesson as plain HTML inside its `<lesson-widget>`: what a host includes server-side so the
 * transcript is indexable and the poster paints before any script runs. The widget takes this
 * light DOM as its first paint, and leaves it in the document for crawlers, with the lesson's
 * schema.org description (`application/ld+json`).
 */
export function renderEmbed(lesson: Lesson, apiOrigin: string): string {
  const a = (name: string, value: string | number | undefined) =>
    value === undefined ? '' : ` ${name}="${escapeHtml(String(value))}"`;
  const sections = lesson.transcript.sections
    .map((s) => {
      const heading = s.heading ? `<h2>${escapeHtml(s.heading)}</h2>` : '';
      const paragraphs = s.paragraphs
        .map(
          (p) =>
            `<p${a('data-paragraph-id', p.id)}${a('data-start', p.start)}${a('data-end', p.end)}>${escapeHtml(p.text)}</p>`,
        )
        .join('');
      return `<section>${heading}${paragraphs}</section>`;
    })
    .join('');
  const poster = lesson.video?.poster
    ? // The page's largest paint: fetched before the widget's scripts, which wait until it has
      // painted (`elementtiming` tells them when; see the widget's loader.ts).
      `<img${a('src', lesson.video.poster)}${a('alt', '')} width="1280" height="720" fetchpriority="high" elementtiming="lesson-poster">`
    : '';
  const data = videoStructuredData(lesson);
  // Inside the element, so the fragment stays one element; a data script never runs.
  const structuredData = data ? `<script type="application/ld+json">${scriptSafeJson(data)}</script>` : '';
  return (
    `<lesson-widget${a('api', apiOrigin)}${a('lesson', lesson.slug)}${a('lang', lesson.locale)}>` +
    `<h1>${escapeHtml(lesson.title)}</h1>${poster}${sections}${structuredData}` +
    `</lesson-widget>`
  );
}
