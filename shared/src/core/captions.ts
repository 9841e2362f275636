import { chaptersOf } from './chapters.js';
import type { Paragraph, Transcript } from './transcript.js';

/** The captions files editors can import. */
export type CaptionFormat = 'vtt' | 'srt';

/** The download formats a reader may ask for; `chapters` is the player's WebVTT chapters track. */
export const TRANSCRIPT_FORMAT_NAMES = ['vtt', 'srt', 'txt', 'chapters'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMAT_NAMES)[number];

export const TRANSCRIPT_FORMATS = {
  vtt: { mime: 'text/vtt; charset=utf-8', extension: 'vtt' },
  srt: { mime: 'application/x-subrip; charset=utf-8', extension: 'srt' },
  txt: { mime: 'text/plain; charset=utf-8', extension: 'txt' },
  chapters: { mime: 'text/vtt; charset=utf-8', extension: 'chapters.vtt' },
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
    blocks.push(
      `${cue.id}\n${timestamp(cue.start, '.')} --> ${timestamp(cue.end, '.')}\n${escapeVtt(cue.text)}`,
    );
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * A WebVTT chapters track (`<track kind="chapters">`): one cue per chapter, its title as plain
 * text. A title is one line with no `-->`, or it would end or break its cue.
 */
export function toWebVTTChapters(t: Transcript, lessonTitle: string, duration?: number): string {
  const blocks = ['WEBVTT'];
  chaptersOf(t, lessonTitle, duration).forEach((c, i) => {
    const title = escapeVtt(c.title.replace(/-->/g, '→'));
    blocks.push(`chapter-${i + 1}\n${timestamp(c.start, '.')} --> ${timestamp(c.end, '.')}\n${title}`);
  });
  return `${blocks.join('\n\n')}\n`;
}

/** SubRip captions. SRT has no escaping and no comments, so headings are left out. */
export function toSRT(t: Transcript): string {
  return allCues(t)
    .map(
      (c, i) =>
        `${i + 1}\n${timestamp(c.start, ',')} --> ${timestamp(c.end, ',')}\n${c.text.replace(/-->/g, '->')}\n`,
    )
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

/** The transcript as a download; `title` heads the text and names an untitled opening chapter, `duration` ends the last chapter. */
export function formatTranscript(
  t: Transcript,
  format: TranscriptFormat,
  title?: string,
  duration?: number,
): string {
  if (format === 'vtt') return toWebVTT(t);
  if (format === 'srt') return toSRT(t);
  if (format === 'chapters') return toWebVTTChapters(t, title ?? '', duration);
  return toPlainText(t, title);
}

export function detectCaptionFormat(text: string): CaptionFormat {
  return /^\uFEFF?WEBVTT(?:[ \t\n\r]|$)/.test(text) ? 'vtt' : 'srt';
}
