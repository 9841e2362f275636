import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  anchorQuote,
  paragraphsOf,
  quotePositionSchema,
  quoteSchema,
  replaceAt,
  REPORT_STATES,
  REPORT_TRANSITIONS,
  fieldErrors,
  transcriptSchema,
  videoTypeOf,
  type ApplySuggestionInput,
  type ReportContext,
  type ReportCounts,
  type ReportListQuery,
  type ReportListResponse,
  type ReportRow,
  type ReportState,
  type ReportStateChange,
  type Transcript,
} from '@lessons/shared';
import { LESSON_UID, REPORT_UID } from '../utils/constants';
import { documents, iso, query, toNumber, type Doc } from '../utils/documents';
import { getService } from '../utils/get-service';
import { absoluteUrl } from '../utils/http';
import { readTranscript, transcriptColumns } from '../utils/transcript';
import { draftIsAhead } from '../utils/publication';
import { withRevisionReason } from './history';

export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string;
}

/** The words a report points at are gone from the transcript: an editor must fix it by hand. */
export class QuoteGoneError extends Error {
  override name = 'QuoteGoneError';
}

/** A corrected transcript, checked with the shared schema before anything is written. */
function checked(transcript: Transcript): Transcript {
  const result = transcriptSchema.safeParse(transcript);
  if (result.success) return result.data;
  const list = fieldErrors(result.error).map((e) => ({
    path: ['replacement', ...e.path],
    message: e.message,
  }));
  const message = `With this replacement the transcript would not be valid: ${list[0]?.message ?? 'it breaks its format.'}`;
  throw new errors.ValidationError(message, { errors: list });
}

const adminName = (u: AdminUser) =>
  [u.firstname, u.lastname].filter(Boolean).join(' ') || u.username || u.email || `Admin ${u.id}`;

/** Editors' side of error reports: triage, state changes and applying suggestions. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = () => documents(strapi, REPORT_UID);

  async function lessonTitles(pairs: Array<{ documentId: string; locale: string }>) {
    if (pairs.length === 0) return new Map<string, Doc>();
    const rows = await query(strapi, LESSON_UID).findMany({
      where: { documentId: { $in: [...new Set(pairs.map((p) => p.documentId))] } },
      select: ['documentId', 'locale', 'title', 'slug', 'publishedAt'],
    });
    const map = new Map<string, Doc>();
    // Prefer the draft (the latest text) for each document and language.
    for (const r of rows) {
      const k = `${r.documentId}:${r.locale}`;
      if (!map.has(k) || !r.publishedAt) map.set(k, r);
    }
    return map;
  }

  function toRow(d: Doc, lessons: Map<string, Doc>): ReportRow {
    const lesson = lessons.get(`${d.lessonDocumentId}:${d.lessonLocale}`);
    const quote = quoteSchema.safeParse(d.quote);
    const position = quotePositionSchema.safeParse(d.position);
    return {
      id: d.documentId,
      state: d.reviewState,
      lesson: {
        documentId: d.lessonDocumentId,
        locale: d.lessonLocale,
        title: lesson?.title ?? null,
        slug: lesson?.slug ?? null,
      },
      quote: quote.success ? quote.data : null,
      position: position.success ? position.data : null,
      time: toNumber(d.time),
      where: d.where ?? '',
      what: d.what ?? '',
      suggestion: d.suggestion ?? null,
      reporterEmail: d.reporterEmail ?? null,
      reporterUser: d.reporterUserId ? { id: d.reporterUserId, username: d.reporterUsername ?? '' } : null,
      quoteFound: Boolean(d.quoteFound),
      resolutionNote: d.resolutionNote ?? null,
      resolvedBy: d.resolvedById ? { id: d.resolvedById, name: d.resolvedByName ?? '' } : null,
      resolvedAt: d.resolvedAt ? iso(d.resolvedAt) : null,
      notifiedAt: d.notifiedAt ? iso(d.notifiedAt) : null,
      notifyError: d.notifyError ?? null,
      createdAt: iso(d.createdAt),
    };
  }

  async function load(id: string): Promise<Doc> {
    const d = await reports().findOne({ documentId: id });
    if (!d) throw new errors.NotFoundError('There is no such error report.');
    return d;
  }

  async function draftLesson(documentId: string, locale: string) {
    return documents(strapi, LESSON_UID).findOne({
      documentId,
      locale,
      status: 'draft',
      populate: { video: { fields: ['url', 'mime'] } },
    });
  }

  async function setState(d: Doc, state: ReportState, admin: AdminUser, note?: string): Promise<Doc> {
    const closes = state === 'fixed' || state === 'rejected';
    // Only a move records who closed it: a note added to a closed report keeps its closer.
    const moves = state !== d.reviewState;
    const updated = await reports().update({
      documentId: d.documentId,
      data: {
        reviewState: state,
        ...(note !== undefined ? { resolutionNote: note } : {}),
        ...(moves
          ? {
              resolvedById: closes ? admin.id : null,
              resolvedByName: closes ? adminName(admin) : null,
              resolvedAt: closes ? new Date() : null,
            }
          : {}),
      },
    });
    return updated ?? d;
  }

  /**
   * A report that has just been closed tells its reporter, once per closing (a reopened report
   * closed again tells them the new outcome). Not awaited: the change is already stored, and a
   * slow or failing mail server must not hold the editor's answer.
   */
  function tellReporter(
    before: Doc,
    after: Doc,
    lessons: Map<string, Doc>,
    includeNote: boolean | undefined,
  ) {
    const closed = (s: unknown) => s === 'fixed' || s === 'rejected';
    if (closed(before.reviewState) || !closed(after.reviewState) || !after.reporterEmail) return;
    const lessonTitle = lessons.get(`${after.lessonDocumentId}:${after.lessonLocale}`)?.title ?? null;
    void getService('reporterMail').notifyClosed({
      report: after,
      lessonTitle,
      includeNote: includeNote === true,
    });
  }

  return {
    async list(q: ReportListQuery): Promise<ReportListResponse> {
      const base: Doc = {};
      if (q.lesson) base.lessonDocumentId = q.lesson;
      if (q.locale) base.lessonLocale = q.locale;
      const filters = q.state ? { ...base, reviewState: q.state } : base;
      const [rows, total, ...perState] = await Promise.all([
        reports().findMany({
          filters,
          sort: ['createdAt:desc', 'id:desc'],
          start: (q.page - 1) * q.pageSize,
          limit: q.pageSize,
        }),
        reports().count({ filters }),
        ...REPORT_STATES.map((s) => reports().count({ filters: { ...base, reviewState: s } })),
      ]);
      const counts = Object.fromEntries(REPORT_STATES.map((s, i) => [s, perState[i] ?? 0])) as ReportCounts;
      const lessons = await lessonTitles(
        rows.map((r) => ({ documentId: r.lessonDocumentId, locale: r.lessonLocale })),
      );
      return {
        data: rows.map((r) => toRow(r, lessons)),
        meta: {
          pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(total / q.pageSize), total },
          counts,
        },
      };
    },

    async detail(id: string, origin: string) {
      const d = await load(id);
      const lessons = await lessonTitles([{ documentId: d.lessonDocumentId, locale: d.lessonLocale }]);
      const row = toRow(d, lessons);
      const lesson = await draftLesson(d.lessonDocumentId, d.lessonLocale);
      const transcript = readTranscript(lesson?.transcript, {
        documentId: d.lessonDocumentId,
        locale: d.lessonLocale,
      });
      let context: ReportContext | null = null;
      const anchor = row.quote ? anchorQuote(transcript, row.quote, row.position ?? undefined) : null;
      if (anchor) {
        const p = paragraphsOf(transcript).find((x) => x.id === anchor.paragraphId);
        if (p) {
          context = {
            paragraphId: p.id,
            heading: p.heading,
            text: p.text,
            start: anchor.start,
            end: anchor.end,
            exact: anchor.exact,
            time: p.start ?? null,
          };
        }
      }
      const src = absoluteUrl(lesson?.video?.url ?? lesson?.videoUrl, origin);
      const video = src ? { src, type: videoTypeOf(lesson?.video?.mime, src) } : null;
      return { ...row, context, video, mailEnabled: getService('reporterMail').enabled() };
    },

    async changeState(id: string, change: ReportStateChange, admin: AdminUser): Promise<ReportRow> {
      const d = await load(id);
      const from = d.reviewState as ReportState;
      if (from !== change.state && !REPORT_TRANSITIONS[from].includes(change.state)) {
        const message = `A report that is "${from}" cannot be moved to "${change.state}".`;
        throw new errors.ValidationError(message, { errors: [{ path: ['state'], message }] });
      }
      const updated = await setState(d, change.state, admin, change.note);
      const lessons = await lessonTitles([{ documentId: d.lessonDocumentId, locale: d.lessonLocale }]);
      tellReporter(d, updated, lessons, change.includeNote);
      return toRow(updated, lessons);
    },

    /**
     * Replaces the reported words in the lesson's current transcript (found again with the shared
     * anchoring, so prefix and suffix pick the right occurrence) and marks the report fixed. A
     * published lesson is republished with the change; if its draft holds unpublished edits, the
     * published text is corrected on its own and those edits stay unpublished. Every new text is
     * checked before anything is written, and the writes are one transaction: all or nothing.
     */
    async apply(id: string, input: ApplySuggestionInput, admin: AdminUser): Promise<ReportRow> {
      const d = await load(id);
      if (d.reviewState === 'fixed' || d.reviewState === 'rejected') {
        throw new errors.ValidationError(`This report is already ${d.reviewState}.`);
      }
      const quote = quoteSchema.safeParse(d.quote);
      if (!quote.success)
        throw new errors.ValidationError(
          'This report does not point at any words, so there is nothing to replace.',
        );
      const replacement = input.replacement ?? d.suggestion;
      if (replacement === null || replacement === undefined || replacement === '') {
        const message = 'This report has no suggestion: write the replacement text.';
        throw new errors.ValidationError(message, { errors: [{ path: ['replacement'], message }] });
      }
      const where = { documentId: d.lessonDocumentId as string, locale: d.lessonLocale as string };
      const position = quotePositionSchema.safeParse(d.position);
      const replaced = (t: Transcript) => {
        const at = anchorQuote(t, quote.data, position.success ? position.data : undefined);
        return at ? checked(replaceAt(t, at, replacement)) : null;
      };
      const lessonDocs = documents(strapi, LESSON_UID);

      const { updated, lessons } = await strapi.db.transaction(async () => {
        const lesson = await draftLesson(where.documentId, where.locale);
        if (!lesson) throw new errors.NotFoundError('The lesson of this report no longer exists.');
        const draft = replaced(readTranscript(lesson.transcript, where));
        if (!draft) {
          throw new QuoteGoneError(
            `The words "${quote.data.exact}" can no longer be found in the transcript; edit the lesson by hand.`,
          );
        }
        const published = await lessonDocs.findOne({
          ...where,
          status: 'published',
          fields: ['id', 'transcript', 'updatedAt'],
        });
        const draftAhead = draftIsAhead(lesson, published);
        const live = published && draftAhead ? replaced(readTranscript(published.transcript, where)) : null;
        if (published && live) {
          // Correct the published text where it stands, without publishing those edits; the
          // published row first, so that the draft stays the newer one ("Modified" in the admin).
          await query(strapi, LESSON_UID).update({
            where: { id: published.id },
            data: { ...transcriptColumns(live), updatedAt: new Date() },
          });
        }
        await withRevisionReason({ kind: 'suggestion', reportId: d.documentId as string }, () =>
          lessonDocs.update({ ...where, data: { transcript: draft } }),
        );
        if (published && !draftAhead) await lessonDocs.publish(where);
        const updated = await setState(d, 'fixed', admin, input.note ?? d.resolutionNote ?? undefined);
        return { updated, lessons: await lessonTitles([where]) };
      });
      // After the commit: a rolled-back correction must not have told anyone it was made.
      tellReporter(d, updated, lessons, input.includeNote);
      return toRow(updated, lessons);
    },

    async lessonOptions(locale?: string) {
      const rows = await query(strapi, LESSON_UID).findMany({
        where: { ...(locale ? { locale } : {}), publishedAt: { $null: true } },
        select: ['documentId', 'locale', 'title'],
        orderBy: [{ title: 'asc' }],
      });
      return rows.map((r) => ({
        documentId: r.documentId as string,
        locale: r.locale as string,
        title: r.title as string,
      }));
    },
  };
};
