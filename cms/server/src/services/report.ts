import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { anchorQuote, type ErrorReportCreated, type ErrorReportInput } from '@lessons/shared';
import { LESSON_UID, REPORT_UID } from '../utils/constants';
import { documents, isUniqueViolation, type Doc } from '../utils/documents';
import { getService } from '../utils/get-service';
import { DatabaseUnavailableError } from '../middlewares/database-unavailable';
import { readTranscript } from '../utils/transcript';

export interface Reporter {
  clientHash: string;
  userId?: number;
  username?: string;
}

/**
 * Readers' error reports: stored once per (lesson, client, idempotency key), anchored to the words
 * they point at. The key is scoped so that one client's key can neither find nor block a report
 * about another lesson or from another client.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = () => documents(strapi, REPORT_UID);
  const answer = (d: Doc): ErrorReportCreated => ({ id: d.documentId, state: d.reviewState });

  return {
    async create(slug: string, input: ErrorReportInput, reporter: Reporter): Promise<ErrorReportCreated> {
      const where = await getService('lesson').resolve(slug, input.locale);
      if (where.locale !== input.locale) {
        const message = `This lesson is not available in "${input.locale}".`;
        throw new errors.ValidationError(message, { errors: [{ path: ['locale'], message }] });
      }
      const scope = {
        lessonDocumentId: where.documentId,
        clientHash: reporter.clientHash,
        idempotencyKey: input.idempotencyKey,
      };
      const sent = () => reports().findFirst({ filters: scope });
      // A resend of a stored report is answered as before, and is not a new report to count.
      const existing = await sent();
      if (existing) return answer(existing);

      // Limits before any work on the quote: a flood costs a lookup, not fuzzy searches of the transcript.
      const { held } = await getService('rateLimit').report(reporter.clientHash, where.documentId);
      const lesson = await documents(strapi, LESSON_UID).findOne({
        documentId: where.documentId,
        locale: where.locale,
        status: 'published',
        fields: ['transcript'],
      });
      const anchor = input.quote
        ? anchorQuote(
            readTranscript(lesson?.transcript, { documentId: where.documentId, locale: where.locale }),
            input.quote,
            input.position,
          )
        : null;
      try {
        const created = await reports().create({
          data: {
            ...scope,
            lessonLocale: where.locale,
            quote: input.quote ?? null,
            position: anchor
              ? { paragraphId: anchor.paragraphId, start: anchor.start, end: anchor.end }
              : (input.position ?? null),
            time: input.time ?? null,
            where: input.where,
            what: input.what,
            suggestion: input.suggestion ?? null,
            reporterEmail: input.email ?? null,
            reporterUserId: reporter.userId ?? null,
            reporterUsername: reporter.username ?? null,
            reviewState: held ? 'held' : 'new',
            quoteFound: anchor !== null,
          },
        });
        // A create can resolve although its COMMIT failed (a connection cut by a database restart):
        // knex's commit() reports the failure only on the transaction's own promise, which Strapi's
        // document service doesn't await. So a report is acknowledged only once it reads back;
        // otherwise the client is told to send it again (same key, stored once).
        if (!(await reports().findOne({ documentId: created.documentId, fields: ['documentId'] }))) {
          throw new DatabaseUnavailableError('The report was not confirmed by the database.');
        }
        return answer(created);
      } catch (e) {
        // Two sends of one report at the same moment: the database index refuses the second, which finds the first.
        const raced = isUniqueViolation(e) ? await sent() : null;
        if (raced) return answer(raced);
        throw e;
      }
    },
  };
};
