import { parseText, parseVTTTimestamp } from 'media-captions';
import { z } from 'zod';
import { transcriptSchema, type Paragraph, type Transcript } from './transcript.js';

export type CaptionFormat = 'vtt' | 'srt';

/**
 * The download formats a reader may ask for. An enum rather than a key lookup, so that names every
 * object has (`constructor`, `__proto__`, `toString`) are refused like any other unknown format.
 */
export const transcriptFormatSchema = z.enum(['vtt', 'srt', 'txt'], { error: 'The format must be vtt, srt or txt.' });
export type TranscriptFormat = z.infer<typeof transcriptFormatSchema>;

/** The query of `GET /api/lessons/:slug/transcript`; other parameters (the locale) are checked apart. */
export const transcriptQuerySchema = z.object({ format: transcriptFormatSchema.default('vtt') });

export const TRANSCRIPT_FORMATS = {
  vtt: { mime: 'text/vtt; charset=utf-8', extension: 'vtt' },
  srt: { mime: 'application/x-subrip; charset=utf-8', extension: 'srt' },
  txt: { mime: 'text/plain; charset=utf-8', extension: 'txt' },
} as const satisfies Record<TranscriptFormat, { mime: string; extension: string }>;

/** Longest caption line we make from a paragraph; two short lines on screen. */
const MAX_CUE_CHARS = 84;

function timestamp(seconds: number, separator: '.' | ','): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
}

/** Splits a paragraph into caption-sized pieces at sentence, then word, boundaries. */
export function splitForCaptions(text: string, max = MAX_CUE_CHARS): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const chunks: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    const endsSentence = /[.!?…:;]["”»)]?$/.test(current);
    if (current && (next.length > max || (endsSentence && current.length > max / 2))) {
      chunks.push(current);
      current = word;
    } else {
      current = next;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

interface Cue {
  id: string;
  start: number;
  end: number;
  text: string;
  heading?: string;
}

/** A paragraph's cues, its time shared out in proportion to each piece's length. */
function cuesOf(p: Paragraph): Cue[] {
  if (p.start === undefined || p.end === undefined) return [];
  const pieces = splitForCaptions(p.text);
  const total = pieces.reduce((n, x) => n + x.length, 0);
  const span = p.end - p.start;
  let t = p.start;
  return pieces.map((text, i) => {
    const start = t;
    t = i === pieces.length - 1 ? p.end! : t + (span * text.length) / total;
    return { id: `${p.id}.${i + 1}`, start, end: t, text };
  });
}

function allCues(t: Transcript): Cue[] {
  const out: Cue[] = [];
  for (const section of t.sections) {
    // The heading goes with the section's first cue, even when its first paragraphs have no times.
    let heading = section.heading || undefined;
    for (const p of section.paragraphs) {
      const cues = cuesOf(p);
      if (heading && cues[0]) {
        cues[0].heading = heading;
        heading = undefined;
      }
      out.push(...cues);
    }
  }
  return out;
}

const escapeVtt = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** WebVTT captions; each section heading travels as a `NOTE Section:` block before its first cue. */
export function toWebVTT(t: Transcript): string {
  const blocks = ['WEBVTT'];
  for (const cue of allCues(t)) {
    if (cue.heading) blocks.push(`NOTE Section: ${cue.heading.replace(/-->/g, '→').replace(/\s+/g, ' ')}`);
    blocks.push(`${cue.id}\n${timestamp(cue.start, '.')} --> ${timestamp(cue.end, '.')}\n${escapeVtt(cue.text)}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

/** SubRip captions. SRT has no escaping and no comments, so headings are left out. */
export function toSRT(t: Transcript): string {
  return allCues(t)
    .map((c, i) => `${i + 1}\n${timestamp(c.start, ',')} --> ${timestamp(c.end, ',')}\n${c.text.replace(/-->/g, '->')}\n`)
    .join('\n');
}

/** The transcript to read: optional title, headings, blank lines between paragraphs. */
export function toPlainText(t: Transcript, title?: string): string {
  const parts: string[] = [];
  if (title) parts.push(title, '='.repeat(Math.min(80, title.length)));
  for (const s of t.sections) {
    if (s.heading) parts.push(`## ${s.heading}`);
    for (const p of s.paragraphs) parts.push(p.text);
  }
  return parts.length ? `${parts.join('\n\n')}\n` : '';
}

export function formatTranscript(t: Transcript, format: TranscriptFormat, title?: string): string {
  if (format === 'vtt') return toWebVTT(t);
  if (format === 'srt') return toSRT(t);
  return toPlainText(t, title);
}

export class CaptionsImportError extends Error {
  override name = 'CaptionsImportError';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', lrm: '\u200e', rlm: '\u200f', quot: '"', apos: "'" };

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

export function detectCaptionFormat(text: string): CaptionFormat {
  return /^\uFEFF?WEBVTT(?:[ \t\n\r]|$)/.test(text) ? 'vtt' : 'srt';
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
  const cues: Array<{ id: string; start: number; end: number; text: string; heading: string | undefined }> = [];
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
      .map((s) => ({ heading: s.heading, paragraphs: s.paragraphs.map(({ id, text, start, end }) => ({ id, text, start, end })) })),
  };
  const checked = transcriptSchema.safeParse(clean);
  if (!checked.success) throw new CaptionsImportError(checked.error.issues[0]?.message ?? 'The captions could not be read.');
  return checked.data;
}

