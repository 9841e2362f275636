import type { Doc } from './documents';

/**
 * A lesson's draft saved after its last publication holds edits nobody has published yet: a change
 * made for editors (an applied suggestion, a revert) must not publish them along with it.
 */
export function draftIsAhead(draft: Doc, published: Doc | null): boolean {
  return published !== null && Date.parse(String(draft.updatedAt)) > Date.parse(String(published.updatedAt));
}
