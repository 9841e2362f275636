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

/** The honeypot: a field people never see or fill; bots do. */
export const HONEYPOT_FIELD = 'website';

export const errorReportInputSchema = z
  .object({
    locale: localeSchema,
    quote: quoteSchema.optional(),
    position: quotePositionSchema.optional(),
    time: secondsSchema.max(86_400).optional(),
    where: z.string().trim().max(1000, 'Keep "Where is the error?" under 1,000 characters.').default(''),
    what: z
      .string({ error: 'Say what the error is.' })
      .trim()
      .min(3, 'Say what the error is, in a few words.')
      .max(4000, 'Keep "What is the error?" under 4,000 characters.'),
    suggestion: z.string().trim().max(4000, 'Keep the suggestion under 4,000 characters.').optional(),
    email: z.email('That e-mail address does not look right.').max(254).optional(),
    idempotencyKey: z
      .string({ error: 'The report needs an idempotency key.' })
      .regex(/^[A-Za-z0-9_-]{8,64}$/, 'The idempotency key is 8–64 letters, digits, "-" or "_".'),
    [HONEYPOT_FIELD]: z.string().max(500).optional(),
  })
  .strict();

export const REPORT_STATES = ['new', 'triaged', 'accepted', 'fixed', 'rejected'] as const;
export const reportStateSchema = z.enum(REPORT_STATES);

/** Which state an editor may move a report to from each state. */
export const REPORT_TRANSITIONS: Record<ReportState, readonly ReportState[]> = {
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
