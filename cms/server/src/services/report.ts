import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { anchorQuote, type ErrorReportCreated, type ErrorReportInput } from '@lessons/shared';
import { LESSON_UID, REPORT_UID } from '../utils/constants';
import { documents, isUniqueViolation, type Doc } from '../utils/documents';
import { getService } from '../utils/get-service';
import { readTranscript } from './lesson';

export interface Reporter {
  clientHash: string;
  userId?: number;
  username?: string;
}


/** Readers' error reports: stored once per idempotency key, anchored to the words they point at. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = () => documents(strapi, REPORT_UID);
  const byKey = (idempotencyKey: string) => reports().findFirst({ filters: { idempotencyKey } });
  const answer = (d: Doc): ErrorReportCreated => ({ id: d.documentId, state: d.reviewState });

  return {
    async create(slug: string, input: ErrorReportInput, reporter: Reporter): Promise<ErrorReportCreated> {
      const existing = await byKey(input.idempotencyKey);
      if (existing) return answer(existing);

      const where = await getService('lesson').resolve(slug, input.locale);
      if (where.locale !== input.locale) {
        const message = `This lesson is not available in "${input.locale}".`;
        throw new errors.ValidationError(message, { errors: [{ path: ['locale'], message }] });
      }
      const lesson = await documents(strapi, LESSON_UID).findOne({
        documentId: where.documentId,
        locale: where.locale,
        status: 'published',
        fields: ['transcript'],
      });
      const anchor = input.quote ? anchorQuote(readTranscript(lesson?.transcript), input.quote, input.position) : null;
      await getService('rateLimit').report(reporter.clientHash, where.documentId);
      try {
        const created = await reports().create({
          data: {
            lessonDocumentId: where.documentId,
            lessonLocale: where.locale,
            quote: input.quote ?? null,
            position: anchor ? { paragraphId: anchor.paragraphId, start: anchor.start, end: anchor.end } : (input.position ?? null),
            time: input.time ?? null,
            where: input.where,
            what: input.what,
            suggestion: input.suggestion ?? null,
            reporterEmail: input.email ?? null,
            reporterUserId: reporter.userId ?? null,
            reporterUsername: reporter.username ?? null,
            idempotencyKey: input.idempotencyKey,
            reviewState: 'new',
            clientHash: reporter.clientHash,
            quoteFound: anchor !== null,
          },
        });
        return answer(created);
      } catch (e) {
        // Two sends of one report at the same moment: the second finds the first.
        const raced = isUniqueViolation(e) ? await byKey(input.idempotencyKey) : null;
        if (raced) return answer(raced);
        throw e;
      }
    },
  };
};
