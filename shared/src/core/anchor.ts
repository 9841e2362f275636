import search from 'approx-string-match';
import { QUOTE_CONTEXT, type Quote, type QuotePosition } from './report.js';
import { paragraphsOf, type Transcript } from './transcript.js';

export interface Anchor extends QuotePosition {
  /** True when the words were found exactly; false when found approximately. */
  exact: boolean;
}

/** Describes a selection inside one paragraph as a quote with its surroundings. */
export function describeQuote(transcript: Transcript, position: QuotePosition): Quote | null {
  const p = paragraphsOf(transcript).find((x) => x.id === position.paragraphId);
  if (!p || position.start < 0 || position.end > p.text.length || position.start >= position.end) return null;
  return {
    exact: p.text.slice(position.start, position.end),
    prefix: p.text.slice(Math.max(0, position.start - QUOTE_CONTEXT), position.start),
    suffix: p.text.slice(position.end, position.end + QUOTE_CONTEXT),
  };
}

/** How well the text around a candidate agrees with the quote's prefix and suffix (0–1). */
function contextScore(text: string, start: number, end: number, quote: Quote): number {
  const score = (want: string, got: string, fromEnd: boolean): number => {
    if (!want) return 1;
    let same = 0;
    for (let i = 1; i <= Math.min(want.length, got.length); i++) {
      const a = fromEnd ? want[want.length - i] : want[i - 1];
      const b = fromEnd ? got[got.length - i] : got[i - 1];
      if (a !== b) break;
      same++;
    }
    return same / want.length;
  };
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return (score(quote.prefix, before, true) + score(quote.suffix, after, false)) / 2;
}

interface Candidate {
  paragraphId: string;
  start: number;
  end: number;
  errors: number;
  context: number;
  near: boolean;
}

function better(a: Candidate, b: Candidate | undefined, exactLength: number): boolean {
  if (!b) return true;
  // Fewer errors in the words matter most; then the surroundings; then the hinted paragraph.
  const rank = (c: Candidate) =>
    (1 - c.errors / Math.max(1, exactLength)) * 2 + c.context + (c.near ? 0.25 : 0);
  return rank(a) > rank(b);
}

/**
 * Finds a quote in a (possibly edited) transcript: exact occurrences first, with the prefix and
 * suffix choosing between several; then an approximate match allowing about a fifth of the
 * characters to differ. Returns null when the words are gone.
 */
export function anchorQuote(
  transcript: Transcript,
  quote: Quote,
  hint?: Partial<QuotePosition>,
): Anchor | null {
  const paragraphs = paragraphsOf(transcript);
  if (!quote.exact) return null;
  let best: Candidate | undefined;
  for (const p of paragraphs) {
    for (let i = p.text.indexOf(quote.exact); i !== -1; i = p.text.indexOf(quote.exact, i + 1)) {
      const c: Candidate = {
        paragraphId: p.id,
        start: i,
        end: i + quote.exact.length,
        errors: 0,
        context: contextScore(p.text, i, i + quote.exact.length, quote),
        near: p.id === hint?.paragraphId,
      };
      if (better(c, best, quote.exact.length)) best = c;
    }
  }
  if (best) return { paragraphId: best.paragraphId, start: best.start, end: best.end, exact: true };

  const maxErrors = Math.min(32, Math.floor(quote.exact.length / 5));
  if (maxErrors < 1) return null;
  for (const p of paragraphs) {
    for (const m of search(p.text, quote.exact, maxErrors)) {
      const c: Candidate = {
        paragraphId: p.id,
        start: m.start,
        end: m.end,
        errors: m.errors,
        context: contextScore(p.text, m.start, m.end, quote),
        near: p.id === hint?.paragraphId,
      };
      if (better(c, best, quote.exact.length)) best = c;
    }
  }
  return best ? { paragraphId: best.paragraphId, start: best.start, end: best.end, exact: false } : null;
}

/** Replaces the anchored words with `replacement`, returning a new transcript. */
export function replaceAt(transcript: Transcript, anchor: QuotePosition, replacement: string): Transcript {
  return {
    sections: transcript.sections.map((s) => ({
      ...s,
      paragraphs: s.paragraphs.map((p) =>
        p.id === anchor.paragraphId
          ? { ...p, text: p.text.slice(0, anchor.start) + replacement + p.text.slice(anchor.end) }
          : p,
      ),
    })),
  };
}
