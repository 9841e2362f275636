import { z } from 'zod';
import { localeSchema } from './lesson.js';
import { paragraphIdSchema, secondsSchema } from './transcript.js';

export const QUOTE_CONTEXT = 32;

export const quoteSchema = z
  .object({
    exact: z.string().min(1, 'The quote is empty.').max(1000, 'Select at most 1,000 characters.'),
    prefix: z.string().max(200).default(''),
    suffix: z.string().max(200).default(''),
  })
  .strict();

export const quotePositionSchema = z
  .object({
    paragraphId: paragraphIdSchema,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .strict()
  .refine((p) => p.end > p.start, { message: 'The end of the quote must come after its start.', path: ['end'] });

/** The most characters each text field of a report may have (after trimming). */
export const REPORT_FIELD_MAX = { where: 1000, what: 4000, suggestion: 4000, email: 254 } as const;
/** "What is the error?" needs at least this many characters. */
export const REPORT_WHAT_MIN = 3;

/** The honeypot: a field people never see or fill; bots do. */
export const HONEYPOT_FIELD = 'website';

export const errorReportInputSchema = z
  .object({
    locale: localeSchema,
    quote: quoteSchema.optional(),
    position: quotePositionSchema.optional(),
    time: secondsSchema.max(86_400).optional(),
    where: z.string().trim().max(REPORT_FIELD_MAX.where, 'Keep "Where is the error?" under 1,000 characters.').default(''),
    what: z
      .string({ error: 'Say what the error is.' })
      .trim()
      .min(REPORT_WHAT_MIN, 'Say what the error is, in a few words.')
      .max(REPORT_FIELD_MAX.what, 'Keep "What is the error?" under 4,000 characters.'),
    suggestion: z.string().trim().max(REPORT_FIELD_MAX.suggestion, 'Keep the suggestion under 4,000 characters.').optional(),
    email: z.email('That e-mail address does not look right.').max(REPORT_FIELD_MAX.email).optional(),
    idempotencyKey: z
      .string({ error: 'The report needs an idempotency key.' })
      .regex(/^[A-Za-z0-9_-]{8,64}$/, 'The idempotency key is 8–64 letters, digits, "-" or "_".'),
    [HONEYPOT_FIELD]: z.string().max(500).optional(),
  })
  .strict();

/**
 * A report's life, in order. "held" is where reports land while their lesson gets more than its
 * share of reports (a flood, or a bot): stored for an editor to let in or reject, instead of
 * refusing every reader of that lesson.
 */
export const REPORT_STATES = ['held', 'new', 'triaged', 'accepted', 'fixed', 'rejected'] as const;
export const reportStateSchema = z.enum(REPORT_STATES);

/** Which state an editor may move a report to from each state. Nothing moves back into "held". */
export const REPORT_TRANSITIONS: Record<ReportState, readonly ReportState[]> = {
  held: ['new', 'rejected'],
  new: ['triaged', 'accepted', 'rejected'],
  triaged: ['accepted', 'rejected', 'new'],
  accepted: ['fixed', 'rejected', 'triaged'],
  fixed: ['accepted'],
  rejected: ['triaged'],
};

export const errorReportCreatedSchema = z.object({ id: z.string(), state: reportStateSchema });

export const reportStateChangeSchema = z
  .object({ state: reportStateSchema, note: z.string().trim().max(4000).optional() })
  .strict();

export type Quote = z.infer<typeof quoteSchema>;
export type QuotePosition = z.infer<typeof quotePositionSchema>;
export type ErrorReportInput = z.infer<typeof errorReportInputSchema>;
export type ErrorReportInputRaw = z.input<typeof errorReportInputSchema>;
export type ReportState = z.infer<typeof reportStateSchema>;
export type ErrorReportCreated = z.infer<typeof errorReportCreatedSchema>;
export type ReportStateChange = z.infer<typeof reportStateChangeSchema>;
