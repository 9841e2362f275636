import type { Transcript } from '@lessons/shared';
import { longLecture, type LongLectureOptions } from './long-lecture.ts';

export const LESSON_UID = 'plugin::lessons.lesson';
export const DEMO_EDITOR = { email: 'editor@example.com', password: 'Editor-demo-2026' };

async function answer<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what} answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** The admin panel's access token of an editor (the demo editor by default). */
export async function adminToken(url: string, editor = DEMO_EDITOR): Promise<string> {
  const res = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(editor),
  });
  return (await answer<{ data: { token: string } }>(res, 'admin login')).data.token;
}

export interface LongLectureLesson {
  documentId: string;
  slug: string;
  locale: string;
  transcript: Transcript;
}

/**
 * Creates a lesson holding a long lecture through the Content Manager's admin API, as the admin
 * itself does, and publishes it: the draft and the published version both hold the transcript.
 */
export async function createLongLectureLesson(
  url: string,
  options: {
    token?: string;
    slug?: string;
    title?: string;
    locale?: string;
    /** Defaults to the 100-section, 1,000-paragraph lecture. */
    transcript?: Transcript;
    lecture?: LongLectureOptions;
  } = {},
): Promise<LongLectureLesson> {
  const token = options.token ?? (await adminToken(url));
  const locale = options.locale ?? 'en';
  const slug = options.slug ?? 'a-three-hour-lecture';
  const transcript = options.transcript ?? longLecture(options.lecture);
  const last = transcript.sections.at(-1)?.paragraphs.at(-1);
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const base = `${url}/content-manager/collection-types/${LESSON_UID}`;

  const created = await answer<{ data: { documentId: string } }>(
    await fetch(`${base}?locale=${locale}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: options.title ?? 'A three-hour lecture',
        slug,
        summary: 'A long lecture, generated for the tests.',
        duration: Math.ceil(last?.end ?? 0),
        transcript,
      }),
    }),
    'creating the lesson',
  );
  const { documentId } = created.data;
  await answer(
    await fetch(`${base}/${documentId}/actions/publish?locale=${locale}`, {
      method: 'POST',
      headers,
      body: '{}',
    }),
    'publishing the lesson',
  );
  return { documentId, slug, locale, transcript };
}
