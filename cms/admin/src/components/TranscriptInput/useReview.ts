import type { ReviewMark } from '@lessons/shared';
import {
  unstable_useContentManagerContext,
  useForm,
  useNotification,
  useQueryParams,
} from '@strapi/strapi/admin';
import * as React from 'react';
import { errorMessage } from '../../api/errors';
import { useHistoryApi, useReviewMarks } from '../../api/history';
import { useT } from '../../translations';
import { LESSON_UID } from '../history/HistoryPanel';

/**
 * The review marks of the lesson and language being edited, by paragraph id: loaded again after
 * each save (the server clears the marks of paragraphs the save changed), and "Still correct".
 */
export function useReview(name: string) {
  const t = useT();
  const { toggleNotification } = useNotification();
  const api = useHistoryApi();
  const { model, id } = unstable_useContentManagerContext();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query?.plugins?.i18n?.locale;
  const lesson = React.useMemo(
    () => (model === LESSON_UID && id && id !== 'create' && locale ? { documentId: id, locale } : null),
    [model, id, locale],
  );
  // The saved transcript changes after each save: then the marks are read again.
  const saved = useForm('TranscriptInput', (s) => (s.initialValues as Record<string, unknown>)[name]);
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => setVersion((v) => v + 1), [saved]);
  const marks = useReviewMarks(lesson, String(version));
  const { refetch } = marks;
  const [cleared, setCleared] = React.useState<ReadonlySet<string>>(new Set());
  React.useEffect(() => setCleared(new Set()), [marks.data]);

  const byParagraph = React.useMemo(() => {
    const map = new Map<string, ReviewMark[]>();
    for (const m of marks.data ?? []) {
      if (cleared.has(m.paragraphId)) continue;
      map.set(m.paragraphId, [...(map.get(m.paragraphId) ?? []), m]);
    }
    return map;
  }, [marks.data, cleared]);

  const clear = React.useCallback(
    async (paragraphId: string) => {
      if (!lesson) return;
      try {
        await api.clearMark({ lesson: lesson.documentId, locale: lesson.locale, paragraphId });
        setCleared((c) => new Set([...c, paragraphId]));
        toggleNotification({ type: 'success', message: t('review.cleared') });
      } catch (error) {
        toggleNotification({ type: 'danger', message: errorMessage(error, t('review.clearFailed')) });
        refetch();
      }
    },
    [api, lesson, refetch, t, toggleNotification],
  );
  const stillCorrect = React.useCallback((paragraphId: string) => void clear(paragraphId), [clear]);
  return { byParagraph, stillCorrect: lesson ? stillCorrect : undefined };
}
