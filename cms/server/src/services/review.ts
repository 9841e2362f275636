import type { Core } from '@strapi/strapi';
import {
  changedParagraphs,
  paragraphsOf,
  paragraphsToReview,
  type ReviewClearInput,
  type ReviewCount,
  type ReviewMark,
  type Transcript,
} from '@lessons/shared';
import { LESSON_UID, REVIEW_MARK_UID } from '../utils/constants';
import { documents, iso, query, type Doc } from '../utils/documents';
import { parseStoredTranscript } from '../utils/transcript';

type Where = { documentId: string; locale: string };

/**
 * Translations follow: when the words of one language of a lesson change, the paragraphs of its
 * other languages spoken over the same time are marked "source changed — review" until an editor
 * edits them or says they are still correct.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const marks = () => query(strapi, REVIEW_MARK_UID);
  const deleteMany = (where: Doc) =>
    (
      strapi.db.query(REVIEW_MARK_UID as never) as unknown as {
        deleteMany(p: Doc): Promise<{ count: number }>;
      }
    )
      .deleteMany({ where })
      .then((r) => r.count);

  function toMark(d: Doc): ReviewMark {
    return {
      paragraphId: String(d.paragraphId),
      sourceLocale: String(d.sourceLocale),
      sourceParagraphIds: Array.isArray(d.sourceParagraphIds) ? d.sourceParagraphIds.map(String) : [],
      sourceText: String(d.sourceText ?? ''),
      markedAt: iso(d.markedAt ?? d.updatedAt),
    };
  }

  return {
    /**
     * After a change of `where`'s transcript from `before` to `after` (in the same transaction):
     * its own marks on paragraphs the editor has now edited (or removed) go, and the other
     * languages' paragraphs under the other changed paragraphs get a mark, or a fresh one. A
     * paragraph edited in answer to a mark is a translation catching up: it marks nothing back.
     */
    async follow(where: Where, before: Transcript, after: Transcript) {
      const changes = changedParagraphs(before, after);
      if (changes.length === 0) return;
      const own = await marks().findMany({
        where: { lessonDocumentId: where.documentId, lessonLocale: where.locale },
        select: ['id', 'paragraphId'],
      });
      const marked = new Set(own.map((m) => String(m.paragraphId)));
      const present = new Set(paragraphsOf(after).map((p) => p.id));
      const touched = new Set(changes.map((c) => c.id));
      const settled = own.filter((m) => touched.has(m.paragraphId) || !present.has(m.paragraphId));
      if (settled.length > 0) await deleteMany({ id: { $in: settled.map((m) => m.id) } });

      const news = changes.filter((c) => !marked.has(c.id));
      if (news.length === 0) return;
      const others = await query(strapi, LESSON_UID).findMany({
        where: { documentId: where.documentId, locale: { $ne: where.locale }, publishedAt: { $null: true } },
        select: ['locale', 'transcript'],
      });
      const now = new Date();
      for (const other of others) {
        const parsed = parseStoredTranscript(other.transcript);
        if (!parsed.success) continue;
        for (const target of paragraphsToReview(news, after, parsed.data)) {
          const key = {
            lessonDocumentId: where.documentId,
            lessonLocale: String(other.locale),
            paragraphId: target.paragraphId,
            sourceLocale: where.locale,
          };
          const data = {
            sourceParagraphIds: target.sourceParagraphIds,
            sourceText: target.sourceText,
            markedAt: now,
          };
          const existing = await marks().findOne({ where: key, select: ['id'] });
          if (existing) await marks().update({ where: { id: existing.id }, data });
          else await documents(strapi, REVIEW_MARK_UID).create({ data: { ...key, ...data } });
        }
      }
    },

    async list(where: Where): Promise<ReviewMark[]> {
      const rows = await marks().findMany({
        where: { lessonDocumentId: where.documentId, lessonLocale: where.locale },
        orderBy: [{ markedAt: 'desc' }, { id: 'desc' }],
      });
      return rows.map(toMark);
    },

    /** "Still correct": the paragraph's marks go. Answers how many. */
    async clear(input: ReviewClearInput): Promise<number> {
      return deleteMany({
        lessonDocumentId: input.lesson,
        lessonLocale: input.locale,
        paragraphId: input.paragraphId,
      });
    },

    /** Paragraphs to review per lesson and language (one paragraph marked from two languages counts once). */
    async counts(): Promise<{ data: ReviewCount[]; total: number }> {
      const rows = await marks().findMany({ select: ['lessonDocumentId', 'lessonLocale', 'paragraphId'] });
      const byLesson = new Map<string, Set<string>>();
      for (const r of rows) {
        const key = `${r.lessonDocumentId}\n${r.lessonLocale}`;
        const set = byLesson.get(key) ?? new Set<string>();
        set.add(String(r.paragraphId));
        byLesson.set(key, set);
      }
      const pairs = [...byLesson.keys()].map((k) => k.split('\n') as [string, string]);
      const titles = pairs.length
        ? await query(strapi, LESSON_UID).findMany({
            where: {
              documentId: { $in: [...new Set(pairs.map((p) => p[0]))] },
              publishedAt: { $null: true },
            },
            select: ['documentId', 'locale', 'title'],
          })
        : [];
      const title = (d: string, l: string) =>
        (titles.find((t) => t.documentId === d && t.locale === l)?.title as string | undefined) ?? null;
      const data = pairs
        .map(([documentId, locale]) => ({
          documentId,
          locale,
          title: title(documentId, locale),
          count: byLesson.get(`${documentId}\n${locale}`)!.size,
        }))
        .sort((a, b) => b.count - a.count || (a.title ?? '').localeCompare(b.title ?? ''));
      return { data, total: data.reduce((a, r) => a + r.count, 0) };
    },
  };
};
