import { z } from 'zod';
import { MAX_POSITION_SECONDS } from '../core/progress.js';
import {
  HONEYPOT_FIELD,
  IDEMPOTENCY_KEY_PATTERN,
  QUOTE_MAX,
  REPORT_FIELD_MAX,
  REPORT_STATES,
  REPORT_WHAT_MIN,
} from '../core/report.js';
import { localeSchema } from './lesson.js';
import { paragraphIdSchema, secondsSchema } from './transcript.js';

export const quoteSchema = z
  .object({
    exact: z.string().min(1, 'The quote is empty.').max(QUOTE_MAX.exact, 'Select at most 1,000 characters.'),
    prefix: z.string().max(QUOTE_MAX.context).default(''),
    suffix: z.string().max(QUOTE_MAX.context).default(''),
  })
  .strict();

export const quotePositionSchema = z
  .object({
    paragraphId: paragraphIdSchema,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .strict()
  .refine((p) => p.end > p.start, {
    message: 'The end of the quote must come after its start.',
    path: ['end'],
  });

export const errorReportInputSchema = z
  .object({
    locale: localeSchema,
    quote: quoteSchema.optional(),
    position: quotePositionSchema.optional(),
    time: secondsSchema.max(MAX_POSITION_SECONDS).optional(),
    where: z
      .string()
      .trim()
      .max(REPORT_FIELD_MAX.where, 'Keep "Where is the error?" under 1,000 characters.')
      .default(''),
    what: z
      .string({ error: 'Say what the error is.' })
      .trim()
      .min(REPORT_WHAT_MIN, 'Say what the error is, in a few words.')
      .max(REPORT_FIELD_MAX.what, 'Keep "What is the error?" under 4,000 characters.'),
    suggestion: z
      .string()
      .trim()
      .max(REPORT_FIELD_MAX.suggestion, 'Keep the suggestion under 4,000 characters.')
      .optional(),
    email: z.email('That e-mail address does not look right.').max(REPORT_FIELD_MAX.email).optional(),
    idempotencyKey: z
      .string({ error: 'The report needs an idempotency key.' })
      .regex(IDEMPOTENCY_KEY_PATTERN, 'The idempotency key is 8–64 letters, digits, "-" or "_".'),
    [HONEYPOT_FIELD]: z.string().max(500).optional(),
  })
  .strict();

export const reportStateSchema = z.enum(REPORT_STATES);

export const errorReportCreatedSchema = z.object({ id: z.string(), state: reportStateSchema });

export const reportStateChangeSchema = z
  .object({
    state: reportStateSchema,
    note: z.string().trim().max(4000).optional(),
    /** Closing a report that has an e-mail: put the note in the message to the reporter too. */
    includeNote: z.boolean().optional(),
  })
  .strict();
