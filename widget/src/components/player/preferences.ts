import { parseCaptionStyle, type CaptionStyle } from './caption-style.js';

/**
 * The reader's player settings, remembered in this browser for each API origin (as the session
 * is): the next lesson from the same CMS starts at the same speed, with captions on or off as they
 * were left, in the caption style chosen. Part of the player chunk, so the first paint pays
 * nothing for it.
 */
export interface PlayerPreferences {
  /** Playback speed. */
  rate?: number;
  /** The language of the captions last shown, or null once the reader turned them off. */
  captions?: string | null;
  /** How captions look (size, colours, background). */
  captionStyle?: CaptionStyle;
}

const STORAGE_PREFIX = 'lessons-player:';

/** What was saved, each setting checked: storage is the host page's too, and may hold anything. */
export function readPreferences(origin: string): PlayerPreferences {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_PREFIX + origin) ?? '{}') as Record<
      string,
      unknown
    > | null;
    const out: PlayerPreferences = {};
    if (typeof saved?.rate === 'number' && saved.rate >= 0.25 && saved.rate <= 4) out.rate = saved.rate;
    if (saved?.captions === null || typeof saved?.captions === 'string') out.captions = saved.captions;
    const captionStyle = parseCaptionStyle(saved?.captionStyle);
    if (captionStyle) out.captionStyle = captionStyle;
    return out;
  } catch {
    // Storage refused (a sandboxed frame, privacy settings) or unreadable: the player's defaults.
    return {};
  }
}

export function savePreferences(origin: string, change: PlayerPreferences): void {
  try {
    localStorage.setItem(STORAGE_PREFIX + origin, JSON.stringify({ ...readPreferences(origin), ...change }));
  } catch {
    // Storage refused or full: the setting lasts for this lesson only.
  }
}
