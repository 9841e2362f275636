/**
 * A quick check of an e-mail address before sending, so the reader hears at once about a typo:
 * something@something.tld without spaces. The server has the last word.
 */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
