import { parseText, parseVTTTimestamp } from 'media-captions';
import { z } from 'zod';
import { detectCaptionFormat, TRANSCRIPT_FORMAT_NAMES, type CaptionFormat } from '../core/captions.js';
import type { Paragraph, Transcript } from '../core/transcript.js';
import { transcriptSchema } from './transcript.js';

/**
 * The download formats a reader may ask for. An enum rather than a key lookup, so that names every
 * object has (`constructor`, `__proto__`, `toString`) are refused like any other unknown format.
 */
export const transcriptFormatSchema = z.enum(TRANSCRIPT_FORMAT_NAMES, {
  error: 'The format must be vtt, srt, txt or chapters.',
});

/** The query of `GET /api/lessons/:slug/transcript`; other parameters (the locale) are checked apart. */
export const transcriptQuerySchema = z.object({ format: transcriptFormatSchema.default('vtt') });

/**
 * Importing captions files (WebVTT, SRT) as a transcript. Here rather than in core because what
 * it makes is checked against the transcript schema before an editor sees it.
 */
export class CaptionsImportError extends Error {
  override name = 'CaptionsImportError';
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  lrm: '\u200e',
  rlm: '\u200f',
  quot: '"',
  apos: "'",
};

function fromCodePoint(e: string, fallback: string): string {
  const hex = e[1] === 'x' || e[1] === 'X';
  const cp = parseInt(e.slice(hex ? 2 : 1), hex ? 16 : 10);
  return cp <= 0x10ffff ? String.fromCodePoint(cp) : fallback;
}

function cleanCueText(raw: string, format: CaptionFormat): string {
  // SRT has no escaping: only strip what looks like a tag (<i>, </b>, <font color="red">), not "x < 5 > y".
  let s = raw.replace(format === 'srt' ? /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?>/gi : /<[^>]*>/g, '');
  if (format === 'srt') s = s.replace(/\{\\[^}]*\}/g, '');
  else
    s = s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? fromCodePoint(e, m) : (ENTITIES[e.toLowerCase()] ?? m),
    );
  return s.replace(/\s+/g, ' ').trim();
}

/** Whether media-captions makes a cue of this block: its first "-->" line has valid, increasing times. */
function isAcceptedCueBlock(lines: readonly string[]): boolean {
  if (lines[0]?.startsWith('REGION')) return false;
  const timing = lines.find((l) => l.includes('-->'));
  if (!timing) return false;
  const [startText = '', rest = ''] = timing.split(/[\s\t]*-->[\s\t]+/);
  const start = parseVTTTimestamp(startText);
  const end = parseVTTTimestamp(rest.split(/[\s\t]+/)[0] ?? '');
  return start !== null && end !== null && end > start;
}

/** Section headings carried by `NOTE Section: …` (or `NOTE Chapter: …`), keyed by the index of the cue after them. */
function headingsBeforeCues(vtt: string): Map<number, string> {
  const headings = new Map<number, string>();
  let cueIndex = 0;
  for (const block of vtt.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n').filter((l) => l.length > 0);
    const note = /^NOTE(?:\s+|$)(.*)$/s.exec(lines.join('\n'));
    if (note) {
      const heading = /^(?:Section|Chapter):\s*(.+)$/is.exec(note[1]!.trim());
      if (heading) headings.set(cueIndex, heading[1]!.replace(/\s+/g, ' ').trim());
    } else if (isAcceptedCueBlock(lines)) {
      cueIndex++;
    }
  }
  return headings;
}

/** Captions without punctuation or pauses still make paragraphs of a readable (and valid) size. */
const MAX_IMPORTED_PARAGRAPH = 2000;

/**
 * Imports WebVTT or SRT as a transcript. Cues exported by us (ids `p3.1`, `p3.2`) rejoin their
 * paragraph; other cues are joined into paragraphs, a new one after a pause of `paragraphGap`
 * seconds or once a paragraph has grown long and a sentence ends. `NOTE Section: …` blocks start
 * sections.
 */
export async function parseCaptions(
  text: string,
  options: { format?: CaptionFormat; paragraphGap?: number } = {},
): Promise<Transcript> {
  const format = options.format ?? detectCaptionFormat(text);
  const gap = options.paragraphGap ?? 2;
  if (!text.trim()) throw new CaptionsImportError('The captions file is empty.');
  if (format === 'vtt' && detectCaptionFormat(text) !== 'vtt') {
    throw new CaptionsImportError('A WebVTT file must start with the line "WEBVTT".');
  }
  const parsed = await parseText(text.replace(/^\uFEFF/, ''), { type: format, errors: true });
  const headings = format === 'vtt' ? headingsBeforeCues(text) : new Map<number, string>();
  const cues: Array<{ id: string; start: number; end: number; text: string; heading: string | undefined }> =
    [];
  let carried: string | undefined;
  parsed.cues.forEach((c, index) => {
    const cue = { id: c.id, start: c.startTime, end: c.endTime, text: cleanCueText(c.text, format) };
    const heading = headings.get(index) ?? carried;
    if (cue.text.length > 0 && Number.isFinite(cue.start) && cue.end > cue.start) {
      cues.push({ ...cue, heading });
      carried = undefined;
    } else {
      carried = heading; // a heading before a cue with no text goes with the next cue
    }
  });
  if (cues.length === 0) {
    const why = parsed.errors[0]?.message;
    throw new CaptionsImportError(`No captions were found in the file${why ? ` (${why})` : ''}.`);
  }

  const transcript: Transcript = { sections: [] };
  const used = new Set<string>();
  let counter = 0;
  const freshId = () => {
    let id: string;
    do id = `p${++counter}`;
    while (used.has(id));
    return id;
  };
  let current: (Paragraph & { group?: string }) | null = null;
  for (const cue of cues) {
    const heading = cue.heading;
    if (heading !== undefined || transcript.sections.length === 0) {
      transcript.sections.push({ heading: heading ?? '', paragraphs: [] });
      current = null;
    }
    const section = transcript.sections[transcript.sections.length - 1]!;
    const group = /^([A-Za-z0-9_-]{1,64})\.\d+$/.exec(cue.id)?.[1];
    const continues =
      current !== null &&
      (group !== undefined
        ? current.group === group
        : current.group === undefined &&
          cue.start - (current.end ?? 0) < gap &&
          !(current.text.length > 500 && /[.!?…]["”»)]?$/.test(current.text)) &&
          current.text.length + cue.text.length < MAX_IMPORTED_PARAGRAPH);
    if (current && continues) {
      current.text = `${current.text} ${cue.text}`;
      current.end = Math.max(current.end ?? 0, cue.end);
    } else {
      const id = group && !used.has(group) ? group : freshId();
      used.add(id);
      current = { id, text: cue.text, start: cue.start, end: cue.end, ...(group ? { group } : {}) };
      section.paragraphs.push(current);
    }
  }
  const clean: Transcript = {
    sections: transcript.sections
      .filter((s) => s.paragraphs.length > 0)
      .map((s) => ({
        heading: s.heading,
        paragraphs: s.paragraphs.map(({ id, text, start, end }) => ({ id, text, start, end })),
      })),
  };
  const checked = transcriptSchema.safeParse(clean);
  if (!checked.success)
    throw new CaptionsImportError(checked.error.issues[0]?.message ?? 'The captions could not be read.');
  return checked.data;
}
