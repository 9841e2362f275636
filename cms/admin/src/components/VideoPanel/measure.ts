import { paragraphsOf } from '@lessons/shared';
import { readTranscript } from '../TranscriptInput/edit';

/** What reading a video's duration came to. */
export type Measure =
  | { state: 'none' }
  | { state: 'measuring'; src: string }
  | { state: 'measured'; src: string; seconds: number }
  | { state: 'failed'; src: string };

/** Where the lesson's video is: the uploaded file (made absolute on the admin's server), else its URL. */
export function videoSource(video: unknown, videoUrl: unknown): string | null {
  const uploaded = (video as { url?: unknown } | null | undefined)?.url;
  const raw =
    typeof uploaded === 'string' && uploaded ? uploaded : typeof videoUrl === 'string' ? videoUrl.trim() : '';
  if (!raw) return null;
  try {
    const url = new URL(raw, window.location.href);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Reads a video's duration in this browser, as a player would: a media element that loads only
 * the metadata. Calls `done` with seconds, or null when the browser can't (CSP, a format it
 * doesn't play, a live stream). Answers a function that stops it.
 */
export function readDuration(src: string, done: (seconds: number | null) => void): () => void {
  const media = document.createElement('video');
  media.preload = 'metadata';
  media.muted = true;
  let settled = false;
  const finish = (seconds: number | null) => {
    if (settled) return;
    settled = true;
    stop();
    done(seconds);
  };
  const read = () => {
    const { duration } = media;
    if (Number.isFinite(duration) && duration > 0) finish(Math.round(duration * 100) / 100);
    else if (duration !== Infinity) finish(null);
  };
  const failed = () => finish(null);
  media.addEventListener('loadedmetadata', read);
  media.addEventListener('durationchange', read);
  media.addEventListener('error', failed);
  const stop = () => {
    media.removeEventListener('loadedmetadata', read);
    media.removeEventListener('durationchange', read);
    media.removeEventListener('error', failed);
    media.removeAttribute('src');
    media.load();
  };
  media.src = src;
  return () => {
    settled = true;
    stop();
  };
}

/** Where the transcript's last timed paragraph ends, or null when it has no times. */
export function transcriptEnd(value: unknown): number | null {
  const transcript = readTranscript(value);
  if (!transcript) return null;
  let end: number | null = null;
  for (const p of paragraphsOf(transcript)) {
    const at = p.end ?? p.start;
    if (typeof at === 'number' && (end === null || at > end)) end = at;
  }
  return end;
}

/** The stored duration as a number (the form holds a number, or text while being typed). */
export function durationOf(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}
