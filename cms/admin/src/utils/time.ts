/**
 * Reads a time in the video as editors type it: `90`, `90.5`, `1:30`, `1:30.5`, `0:01:30.500`
 * (a comma works as the decimal mark too, as in SRT files). Returns seconds, or null when the
 * text is not a time.
 */
export function parseTime(input: string): number | null {
  const text = input.trim().replace(',', '.');
  const match = /^(?:(?:(\d+):)?(\d+):)?(\d+(?:\.\d+)?)$/.exec(text);
  if (!match) return null;
  const [, hours, minutes, seconds] = match;
  const h = hours === undefined ? 0 : Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  const s = Number(seconds);
  // Below the largest unit typed, a part must stay under 60: "1:75" is a typo, "75" is fine.
  if (minutes !== undefined && s >= 60) return null;
  if (hours !== undefined && m >= 60) return null;
  return h * 3600 + m * 60 + s;
}

/**
 * Shows seconds as `m:ss` with up to `fractionDigits` decimals (trailing zeros dropped), or
 * `h:mm:ss` from an hour on.
 */
export function formatTime(seconds: number, fractionDigits = 3): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  const scale = 10 ** fractionDigits;
  const total = fractionDigits === 0 ? Math.floor(seconds) : Math.round(seconds * scale) / scale;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const whole = Math.floor(total % 60);
  const fraction = Math.round((total - Math.floor(total)) * scale);
  const ss = String(whole).padStart(2, '0');
  const decimals =
    fraction > 0 ? `.${String(fraction).padStart(fractionDigits, '0').replace(/0+$/, '')}` : '';
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}${decimals}` : `${m}:${ss}${decimals}`;
}
