import type { Quote, QuotePosition } from '@lessons/shared/core';

/** A report being written. It is kept until the server accepts it, with its idempotency key. */
export interface ReportDraft {
  idempotencyKey: string;
  where: string;
  what: string;
  suggestion: string;
  email: string;
  quote?: Quote;
  position?: QuotePosition;
  time?: number;
}

/**
 * Drafts live in sessionStorage, per API, lesson and language: they survive a failed send and a
 * reload of the tab (so the same report is re-sent with the same key), and go with the tab.
 */
export class DraftStore {
  constructor(private readonly key: string) {}

  read(): ReportDraft | null {
    try {
      const draft = JSON.parse(sessionStorage.getItem(this.key) ?? 'null') as ReportDraft | null;
      return draft && typeof draft.idempotencyKey === 'string' ? draft : null;
    } catch {
      return null;
    }
  }

  write(draft: ReportDraft): void {
    try {
      sessionStorage.setItem(this.key, JSON.stringify(draft));
    } catch {
      // Storage full or disabled: the draft lasts as long as the dialog.
    }
  }

  clear(): void {
    try {
      sessionStorage.removeItem(this.key);
    } catch {
      // Nothing to clear.
    }
  }
}

export const draftKey = (origin: string, slug: string, locale: string) =>
  `lessons-widget:report:${origin}:${slug}:${locale}`;
