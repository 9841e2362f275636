/**
 * How captions look, as the reader chose it (video.js's text-track settings: size, text colour,
 * background). The player uses the browser's own caption rendering (native text tracks), so the
 * style is a `video::cue` rule in the player's shadow root.
 */
export interface CaptionStyle {
  /** Text size, in percent of the browser's. */
  size: number;
  color: CaptionColor;
  background: CaptionBackground;
}

export const CAPTION_SIZES = [75, 100, 125, 150, 200] as const;
export const CAPTION_COLORS = ['white', 'yellow', 'cyan', 'green', 'black'] as const;
export const CAPTION_BACKGROUNDS = ['translucent', 'black', 'white', 'none'] as const;
export type CaptionColor = (typeof CAPTION_COLORS)[number];
export type CaptionBackground = (typeof CAPTION_BACKGROUNDS)[number];

/** The browser's look: white text on a dark, see-through band. */
export const DEFAULT_CAPTION_STYLE: CaptionStyle = { size: 100, color: 'white', background: 'translucent' };

const COLORS: Record<CaptionColor, string> = {
  white: '#ffffff',
  yellow: '#ffff00',
  cyan: '#00ffff',
  green: '#00ff00',
  black: '#000000',
};
const BACKGROUNDS: Record<CaptionBackground, string> = {
  translucent: 'rgb(0 0 0 / 0.75)',
  black: '#000000',
  white: '#ffffff',
  none: 'transparent',
};

/** A caption style read from storage, or null when it is not one (storage may hold anything). */
export function parseCaptionStyle(value: unknown): CaptionStyle | null {
  if (!value || typeof value !== 'object') return null;
  const { size, color, background } = value as Record<string, unknown>;
  const ok =
    (CAPTION_SIZES as readonly unknown[]).includes(size) &&
    (CAPTION_COLORS as readonly unknown[]).includes(color) &&
    (CAPTION_BACKGROUNDS as readonly unknown[]).includes(background);
  return ok
    ? { size: size as number, color: color as CaptionColor, background: background as CaptionBackground }
    : null;
}

/**
 * The style as CSS for `selector` (`video::cue` in the player, a sample in the dialog). Without a
 * background, an outline keeps the text readable on any picture.
 */
export function captionCss(selector: string, style: CaptionStyle): string {
  const color = COLORS[style.color];
  const outline = style.color === 'black' ? '#ffffff' : '#000000';
  const shadow =
    style.background === 'none'
      ? `text-shadow: 0 0 3px ${outline}, 0 0 3px ${outline}, 0 0 3px ${outline};`
      : 'text-shadow: none;';
  return `${selector} { color: ${color}; background: ${BACKGROUNDS[style.background]}; font-size: ${style.size}%; ${shadow} }`;
}
