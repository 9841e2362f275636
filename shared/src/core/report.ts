import type { z } from 'zod';
import type {
  errorReportCreatedSchema,
  errorReportInputSchema,
  quotePositionSchema,
  quoteSchema,
  reportStateChangeSchema,
} from '../schemas/report.js';

/** Characters of the paragraph kept before and after a quote, to find it again after edits. */
export const QUOTE_CONTEXT = 32;

/** The longest quote a reader may select, and the longest prefix or suffix sent with it. */
export const QUOTE_MAX = { exact: 1000, context: 200 } as const;

/** The most characters each text field of a report may have (after trimming). */
export const REPORT_FIELD_MAX = { where: 1000, what: 4000, suggestion: 4000, email: 254 } as const;
/** "What is the error?" needs at least this many characters. */
export const REPORT_WHAT_MIN = 3;

/** The honeypot: a field people never see or fill; bots do. */
export const HONEYPOT_FIELD = 'website';

/** What a client may use as a report's idempotency key. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * A report's life, in order. "held" is where reports land while their lesson gets more than its
 * share of reports (a flood, or a bot): stored for an editor to let in or reject, instead of
 * refusing every reader of that lesson.
 */
export const REPORT_STATES = ['held', 'new', 'triaged', 'accepted', 'fixed', 'rejected'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** Which state an editor may move a report to from each state. Nothing moves back into "held". */
export const REPORT_TRANSITIONS: Record<ReportState, readonly ReportState[]> = {
  held: ['new', 'rejected'],
  new: ['triaged', 'accepted', 'rejected'],
  triaged: ['accepted', 'rejected', 'new'],
  accepted: ['fixed', 'rejected', 'triaged'],
  fixed: ['accepted'],
  rejected: ['triaged'],
};

export type Quote = z.infer<typeof quoteSchema>;
export type QuotePosition = z.infer<typeof quotePositionSchema>;
export type ErrorReportInput = z.infer<typeof errorReportInputSchema>;
export type ErrorReportInputRaw = z.input<typeof errorReportInputSchema>;
export type ErrorReportCreated = z.infer<typeof errorReportCreatedSchema>;
export type ReportStateChange = z.infer<typeof reportStateChangeSchema>;
