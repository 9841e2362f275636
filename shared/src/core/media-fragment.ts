/**
 * Temporal media fragments (W3C Media Fragments URI 1.0, `#t=`), the way a page links to a time
 * or a passage of its video: `#t=90`, `#t=1:30`, `#t=npt:14.7,39.73`, `#t=,20` (from the start).
 */

/** A time (`end` null) or a passage of the media, in seconds. */
export interface MediaFragmentTime {
  start: number;
  end: number | null;
}

/** Seconds of an npt clock value: `90`, `90.5`, `1:30`, `0:01:30.5` (minutes and seconds below 60). */
function clockSeconds(text: string): number | null {
  const parts = text.split(':');
  if (parts.length > 3) return null;
  let total = 0;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (!(last ? /^\d+(?:\.\d*)?$/ : /^\d+$/).test(part)) return null;
    const value = Number(part);
    if (i > 0 && value >= 60) return null;
    total = total * 60 + value;
  }
  return total;
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The `t=` of a URL fragment (`#…`, with or without the `#`), or null when there is none or it
 * is not a valid npt time range. Other `name=value` pairs are ignored; of several `t=`, the last
 * valid one counts; a trailing `s` on a time is accepted, as links in the wild have it.
 */
export function parseMediaFragment(hash: string): MediaFragmentTime | null {
  let found: MediaFragmentTime | null = null;
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const at = pair.indexOf('=');
    if (at < 0 || decode(pair.slice(0, at)) !== 't') continue;
    const value = decode(pair.slice(at + 1))?.replace(/^npt:/, '');
    const [from, to, ...rest] = value?.split(',') ?? [];
    if (from === undefined || rest.length) continue;
    const time = (s: string) => clockSeconds(s.replace(/s$/, ''));
    const start = from === '' ? 0 : time(from);
    const end = to === undefined ? null : time(to);
    if (start === null || (to !== undefined && (end === null || end <= start))) continue;
    if (from === '' && to === undefined) continue;
    found = { start, end };
  }
  return found;
}

/** Seconds as a fragment writes them: at most milliseconds, no trailing zeros (`14.7`, `90`). */
function seconds(value: number): string {
  return String(Math.round(Math.max(0, value) * 1000) / 1000);
}

/** `t=14.7,39.73` (or `t=14.7` for a time): the fragment's `t` pair, without `#`. */
export function formatMediaFragment(time: MediaFragmentTime): string {
  return `t=${seconds(time.start)}${time.end === null ? '' : `,${seconds(time.end)}`}`;
}

/**
 * `url` linking to `time`: its fragment becomes `#t=…`, keeping the other `name=value` pairs of a
 * media fragment already there (a plain `#anchor` is replaced).
 */
export function withMediaFragment(url: string, time: MediaFragmentTime): string {
  const at = url.indexOf('#');
  const base = at < 0 ? url : url.slice(0, at);
  const kept = at < 0 ? [] : url.slice(at + 1).split('&');
  const others = kept.filter(
    (pair) => pair.includes('=') && decode(pair.slice(0, pair.indexOf('='))) !== 't',
  );
  return `${base}#${[...others, formatMediaFragment(time)].join('&')}`;
}
