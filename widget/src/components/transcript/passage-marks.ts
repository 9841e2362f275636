import { paragraphsOf, type MediaFragmentTime, type Transcript } from '@lessons/shared/core';

/** The paragraphs spoken during `passage` (a `#t=a,b` link), in reading order. */
export function paragraphsIn(transcript: Transcript, passage: MediaFragmentTime): string[] {
  const end = passage.end ?? passage.start;
  return paragraphsOf(transcript)
    .filter((p) => p.start !== undefined && p.end !== undefined && p.start < end && p.end > passage.start)
    .map((p) => p.id);
}

/**
 * Marks the paragraphs of `ids` in `root` (part `passage-paragraph`, class `passage`) and unmarks
 * the others of `marked`; returns what is marked now. Set by hand, as the spoken paragraph's
 * mark is, so that the passage re-renders no paragraph.
 */
export function markPassage(
  root: ShadowRoot,
  ids: readonly string[],
  marked: readonly HTMLElement[],
): HTMLElement[] {
  const now = ids
    .map((id) => root.querySelector<HTMLElement>(`p[data-paragraph="${CSS.escape(id)}"]`))
    .filter((p): p is HTMLElement => p !== null);
  for (const p of marked) {
    if (now.includes(p)) continue;
    p.part.remove('passage-paragraph');
    p.classList.remove('passage');
  }
  for (const p of now) {
    p.part.add('passage-paragraph');
    p.classList.add('passage');
  }
  return now;
}
