import { useFetchClient } from '@strapi/strapi/admin';
import { reviewCountsResponseSchema, type ReviewCount as Count } from '@lessons/shared';
import { Badge, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useT } from '../../translations';

type Counts = Map<string, number>;

/** One request for a whole list of rows: the cells mounted together share it for a few seconds. */
let shared: { at: number; counts: Promise<Counts> } | null = null;
const FRESH_MS = 5000;

function useCounts(): Counts | null {
  const { get } = useFetchClient();
  const [counts, setCounts] = React.useState<Counts | null>(null);
  React.useEffect(() => {
    let live = true;
    if (!shared || Date.now() - shared.at > FRESH_MS) {
      const counts = get('/lessons/review-marks/counts').then(({ data }) => {
        const parsed = reviewCountsResponseSchema.safeParse(data);
        const rows: Count[] = parsed.success ? parsed.data.data : [];
        return new Map(rows.map((r) => [`${r.documentId}:${r.locale}`, r.count]));
      });
      shared = { at: Date.now(), counts };
    }
    // No permission to read them, or no answer: the cell stays empty.
    shared.counts.then(
      (c) => live && setCounts(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [get]);
  return counts;
}

/** The lesson list's "To review" cell: how many paragraphs of this language wait for a review. */
export function ReviewCountCell({ documentId, locale }: { documentId: string; locale: string }) {
  const t = useT();
  const count = useCounts()?.get(`${documentId}:${locale}`) ?? 0;
  if (count === 0) return <Typography textColor="neutral500">-</Typography>;
  return (
    <Badge backgroundColor="warning100" textColor="warning700" title={t('review.count', { count })}>
      {t('review.count', { count })}
    </Badge>
  );
}
