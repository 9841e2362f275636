import type { z } from 'zod';
import type { paragraphSchema, sectionSchema, transcriptSchema } from '../schemas/transcript.js';

export type Paragraph = z.infer<typeof paragraphSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Transcript = z.infer<typeof transcriptSchema>;

export const emptyTranscript = (): Transcript => ({ sections: [] });

/**
 * What a lesson's transcript field holds, as data: the one reading of a stored transcript. Strapi
 * hands a JSON field over as an object, or as JSON text (the admin's form); nothing stored (null,
 * undefined, '') is an empty transcript. Text that is not JSON comes back as it is. Whether the
 * data is a transcript is the caller's to decide: the plugin checks it against the schema, the
 * admin's editor takes what it can of it.
 */
export function storedTranscriptData(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return emptyTranscript();
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Every paragraph in reading order, with the heading of its section. */
export function paragraphsOf(t: Transcript): Array<Paragraph & { heading: string; sectionIndex: number }> {
  return t.sections.flatMap((s, sectionIndex) =>
    s.paragraphs.map((p) => ({ ...p, heading: s.heading, sectionIndex })),
  );
}

/** True when every paragraph has times, so the transcript can seek and make captions. */
export function isTimed(t: Transcript): boolean {
  const all = paragraphsOf(t);
  return all.length > 0 && all.every((p) => p.start !== undefined && p.end !== undefined);
}

/** The paragraph being spoken at `time`, or the last one that started before it. */
export function paragraphAt(t: Transcript, time: number): Paragraph | undefined {
  let current: Paragraph | undefined;
  for (const p of paragraphsOf(t)) {
    if (p.start === undefined) continue;
    if (p.start <= time) current = p;
    else break;
  }
  return current;
}
