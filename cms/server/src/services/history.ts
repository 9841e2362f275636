import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  changedParagraphs,
  paragraphsOf,
  REVISIONS_ALWAYS_KEPT,
  type RevisionDetail,
  type RevisionKind,
  type RevisionListQuery,
  type RevisionListResponse,
  type RevisionRow,
  type Transcript,
} from '@lessons/shared';
import { LESSON_UID, REVIEW_MARK_UID, REVISION_UID } from '../utils/constants';
import { documents, iso, query, type Doc } from '../utils/documents';
import { getConfig, getService } from '../utils/get-service';
import { draftIsAhead } from '../utils/publication';
import { parseStoredTranscript, readTranscript } from '../utils/transcript';

/** Why the lesson write running now changes its transcript, when it is not an editor's save. */
export interface RevisionReason {
  kind: Exclude<RevisionKind, 'save'>;
  reportId?: string;
  revertedTo?: { id: string; createdAt: Date };
}

const reasons = new AsyncLocalStorage<RevisionReason>();

/** Runs a lesson write whose revision should say why it happened (an applied report, a revert). */
export function withRevisionReason<T>(reason: RevisionReason, write: () => Promise<T>): Promise<T> {
  return reasons.run(reason, write);
}

type DocumentContext = {
  uid: string;
  action: string;
  params: { documentId?: string; locale?: string; data?: Record<string, unknown> };
};

const DAY_MS = 24 * 60 * 60 * 1000;
const sameTranscript = (a: Transcript, b: Transcript) => JSON.stringify(a) === JSON.stringify(b);
const LIST_FIELDS = [
  'documentId',
  'kind',
  'createdAt',
  'changedParagraphs',
  'authorId',
  'authorName',
  'reportDocumentId',
  'revertedToId',
  'revertedToAt',
];

async function defaultLocale(strapi: Core.Strapi): Promise<string> {
  const locales = strapi.plugin('i18n')?.service('locales') as
    { getDefaultLocale(): Promise<string> } | undefined;
  return (await locales?.getDefaultLocale()) ?? 'en';
}

/** The admin (or, for writes outside a request, nobody) behind the write running now. */
function currentAuthor(strapi: Core.Strapi): { id: number; name: string } | null {
  const user = (strapi.requestContext.get() as { state?: { user?: Doc } } | undefined)?.state?.user;
  if (!user || typeof user.id !== 'number') return null;
  const name =
    [user.firstname, user.lastname].filter(Boolean).join(' ') ||
    user.username ||
    user.email ||
    `Admin ${user.id}`;
  return { id: user.id, name: String(name) };
}

/**
 * Keeps a revision of a lesson's transcript whenever a write through the Document Service (the
 * Content Manager's save or "Discard changes", an applied suggestion, a revert, the seed) changes
 * it: in the write's own transaction, so a refused or failed save keeps no revision, and only when
 * the words or times really changed (the Content Manager sends the transcript with every save).
 * The same step lets the other languages know (services/review.ts).
 */
export function recordRevisionsOnWrites(strapi: Core.Strapi) {
  const docs = strapi.documents as unknown as {
    use(mw: (c: DocumentContext, next: () => Promise<unknown>) => Promise<unknown>): void;
  };
  docs.use(async (context, next) => {
    const data = context.params?.data;
    const writes = context.action === 'create' || context.action === 'update';
    // "Discard changes" puts the published text back into the draft: a change of the draft too.
    const discards = context.action === 'discardDraft' && typeof context.params?.documentId === 'string';
    if (context.uid !== LESSON_UID || !(discards || (writes && data && 'transcript' in data))) return next();
    return strapi.db.transaction(async () => {
      const { documentId } = context.params;
      const locale = context.params.locale ?? (await defaultLocale(strapi));
      const draftOf = (id: string) =>
        query(strapi, LESSON_UID).findOne({
          where: { documentId: id, locale, publishedAt: { $null: true } },
          select: ['documentId', 'locale', 'transcript'],
        });
      const before = context.action !== 'create' && documentId ? await draftOf(documentId) : null;
      const result = (await next()) as Doc | null;
      const written = discards ? await draftOf(documentId!) : result;
      if (!written?.documentId) return result;
      const after = parseStoredTranscript(written.transcript);
      if (!after.success) return result;
      const previous = before ? parseStoredTranscript(before.transcript) : null;
      const was = previous?.success ? previous.data : null;
      if (was ? sameTranscript(was, after.data) : paragraphsOf(after.data).length === 0) return result;
      const where = { documentId: String(written.documentId), locale: String(written.locale ?? locale) };
      await getService('history').record(where, was, after.data, reasons.getStore(), currentAuthor(strapi));
      if (was) await getService('review').follow(where, was, after.data);
      return result;
    });
  });
}

/** Transcript history: revisions kept on every change, listed, compared and reverted to. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const revisions = () => query(strapi, REVISION_UID);
  const deleteMany = (params: Doc) =>
    (strapi.db.query(REVISION_UID) as unknown as { deleteMany(p: Doc): Promise<unknown> }).deleteMany(params);
  let pruneTimer: NodeJS.Timeout | undefined;

  function toRow(d: Doc): RevisionRow {
    return {
      id: String(d.documentId),
      kind: d.kind as RevisionKind,
      createdAt: iso(d.createdAt),
      author: d.authorId ? { id: Number(d.authorId), name: String(d.authorName ?? '') } : null,
      report: d.reportDocumentId ? { id: String(d.reportDocumentId) } : null,
      revertedTo: d.revertedToId ? { id: String(d.revertedToId), createdAt: iso(d.revertedToAt) } : null,
      changedParagraphs: Number(d.changedParagraphs ?? 0),
    };
  }

  const newestFirst = [{ createdAt: 'desc' }, { id: 'desc' }];

  async function load(id: string): Promise<Doc> {
    const d = await revisions().findOne({ where: { documentId: id } });
    if (!d) throw new errors.NotFoundError('There is no such revision of a transcript.');
    return d;
  }

  function transcriptOf(d: Doc): Transcript {
    const parsed = parseStoredTranscript(d.transcript);
    if (!parsed.success)
      throw new errors.ApplicationError('This revision does not hold a readable transcript.');
    return parsed.data;
  }

  const service = {
    /** Stores one revision, then prunes that lesson's and language's older ones. */
    async record(
      where: { documentId: string; locale: string },
      before: Transcript | null,
      after: Transcript,
      reason: RevisionReason | undefined,
      author: { id: number; name: string } | null,
    ) {
      await documents(strapi, REVISION_UID).create({
        data: {
          lessonDocumentId: where.documentId,
          lessonLocale: where.locale,
          kind: reason?.kind ?? 'save',
          transcript: after,
          changedParagraphs: changedParagraphs(before ?? { sections: [] }, after).length,
          authorId: author?.id ?? null,
          authorName: author?.name ?? null,
          reportDocumentId: reason?.reportId ?? null,
          revertedToId: reason?.revertedTo?.id ?? null,
          revertedToAt: reason?.revertedTo?.createdAt ?? null,
        },
      });
      await service.prune(where);
    },

    async list(q: RevisionListQuery): Promise<RevisionListResponse> {
      const where = { lessonDocumentId: q.lesson, lessonLocale: q.locale };
      const [rows, total] = await Promise.all([
        revisions().findMany({
          where,
          select: LIST_FIELDS,
          orderBy: newestFirst,
          offset: (q.page - 1) * q.pageSize,
          limit: q.pageSize,
        }),
        revisions().count({ where }),
      ]);
      return {
        data: rows.map(toRow),
        meta: {
          pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(total / q.pageSize), total },
        },
      };
    },

    /** A revision's transcript and the one kept just before it (null for the first). */
    async detail(id: string): Promise<RevisionDetail> {
      const d = await load(id);
      const previous = await revisions().findOne({
        where: {
          lessonDocumentId: d.lessonDocumentId,
          lessonLocale: d.lessonLocale,
          $or: [{ createdAt: { $lt: d.createdAt } }, { createdAt: d.createdAt, id: { $lt: d.id } }],
        },
        orderBy: newestFirst,
      });
      return {
        ...toRow(d),
        transcript: transcriptOf(d),
        previous: previous ? { ...toRow(previous), transcript: transcriptOf(previous) } : null,
      };
    },

    /**
     * Brings a revision's transcript back into the lesson's draft, as a new revision. Like
     * "Apply suggestion", it republishes the lesson only when it was published and its draft held
     * no unpublished edits; otherwise the reverted text waits in the draft.
     */
    async revert(id: string): Promise<{ revision: RevisionRow; published: boolean }> {
      const d = await load(id);
      const target = transcriptOf(d);
      const where = { documentId: String(d.lessonDocumentId), locale: String(d.lessonLocale) };
      const lessons = documents(strapi, LESSON_UID);
      return strapi.db.transaction(async () => {
        const draft = await lessons.findOne({
          ...where,
          status: 'draft',
          fields: ['id', 'transcript', 'updatedAt'],
        });
        if (!draft) throw new errors.NotFoundError('The lesson of this revision no longer exists.');
        if (sameTranscript(readTranscript(draft.transcript, where), target)) {
          throw new errors.ValidationError(
            'The transcript already is this version: there is nothing to revert.',
          );
        }
        const published = await lessons.findOne({
          ...where,
          status: 'published',
          fields: ['id', 'updatedAt'],
        });
        const republish = published !== null && !draftIsAhead(draft, published);
        await withRevisionReason(
          { kind: 'revert', revertedTo: { id, createdAt: new Date(d.createdAt) } },
          () => lessons.update({ ...where, data: { transcript: target } }),
        );
        if (republish) await lessons.publish(where);
        const newest = await revisions().findOne({
          where: { lessonDocumentId: where.documentId, lessonLocale: where.locale },
          select: LIST_FIELDS,
          orderBy: newestFirst,
        });
        return { revision: toRow(newest!), published: republish };
      });
    },

    /**
     * Deletes the revisions of one lesson and language past the newest `keepRevisions`, and those
     * older than `keepDays`; the newest REVISIONS_ALWAYS_KEPT always stay. Answers how many went.
     */
    async prune(where: { documentId: string; locale: string }, now = Date.now()): Promise<number> {
      const { keepDays, keepRevisions } = getConfig().history;
      const ids = await revisions().findMany({
        where: { lessonDocumentId: where.documentId, lessonLocale: where.locale },
        select: ['id', 'createdAt'],
        orderBy: newestFirst,
        offset: REVISIONS_ALWAYS_KEPT,
      });
      const cutoff = now - keepDays * DAY_MS;
      const extra = keepRevisions - REVISIONS_ALWAYS_KEPT;
      const gone = ids
        .filter((r, i) => i >= extra || Date.parse(iso(r.createdAt)) < cutoff)
        .map((r) => r.id as number);
      if (gone.length > 0) await deleteMany({ where: { id: { $in: gone } } });
      return gone.length;
    },

    /** Prunes every lesson and language with more revisions than always kept; at start, then daily. */
    async pruneAll(): Promise<number> {
      const meta = strapi.db.metadata.get(REVISION_UID) as unknown as { tableName: string };
      const rows: unknown = await strapi.db
        .connection(meta.tableName)
        .select({ documentId: 'lesson_document_id', locale: 'lesson_locale' })
        .groupBy('lesson_document_id', 'lesson_locale')
        .havingRaw('count(*) > ?', [REVISIONS_ALWAYS_KEPT]);
      const groups = rows as Array<{ documentId: string; locale: string }>;
      let count = 0;
      for (const g of groups) count += await service.prune(g);
      return count;
    },

    /** Indexes the history's reads go by (a lesson's revisions newest first, its review marks). */
    async ensureIndexes() {
      for (const [uid, name, columns] of [
        [REVISION_UID, 'lesson_time', ['lesson_document_id', 'lesson_locale', 'created_at']],
        [REVIEW_MARK_UID, 'lesson', ['lesson_document_id', 'lesson_locale']],
      ] as const) {
        const table = (strapi.db.metadata.get(uid) as unknown as { tableName: string }).tableName;
        await strapi.db.connection.raw(
          `CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => '??').join(', ')})`,
          [`${table}_${name}_idx`, table, ...columns],
        );
      }
    },

    async startPruning() {
      await service.ensureIndexes();
      const run = () =>
        service.pruneAll().then(
          (count) => {
            if (count > 0) strapi.log.info(`[lessons] Pruned ${count} old transcript revision(s).`);
          },
          (e: unknown) =>
            strapi.log.error(`[lessons] Could not prune old transcript revisions: ${(e as Error).message}`),
        );
      pruneTimer = setInterval(() => void run(), DAY_MS);
      pruneTimer.unref();
      return run();
    },

    stopPruning() {
      clearInterval(pruneTimer);
      pruneTimer = undefined;
    },
  };
  return service;
};
