import { Typography } from '@strapi/design-system';
import { getFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { useT } from '../../translations';

type Positions = Record<string, { position: number; total: number }>;

/**
 * One request per language for the whole list: every row's cell asks, the first asks the server.
 * Kept for a few seconds, so that the list shows an edited course order on its next visit. Not
 * tied to one cell (useFetchClient aborts its requests when its component goes).
 */
const requests = new Map<string, { at: number; positions: Promise<Positions> }>();
function positionsIn(locale: string): Promise<Positions> {
  const kept = requests.get(locale);
  if (kept && Date.now() - kept.at < 5000) return kept.positions;
  const positions = getFetchClient()
    .get<{ data: Positions }>(`/lessons/lesson-positions?locale=${encodeURIComponent(locale)}`)
    .then((answer) => answer.data.data);
  positions.catch(() => requests.delete(locale));
  requests.set(locale, { at: Date.now(), positions });
  return positions;
}

/** The lesson list's "Position" cell: "2 of 4" in its course, or "–" when in none. */
export function LessonPosition({ documentId, locale }: { documentId: string; locale: string }) {
  const t = useT();
  const [place, setPlace] = React.useState<{ position: number; total: number } | null | undefined>();
  React.useEffect(() => {
    let live = true;
    positionsIn(locale).then(
      (positions) => live && setPlace(positions[documentId] ?? null),
      () => live && setPlace(null),
    );
    return () => {
      live = false;
    };
  }, [locale, documentId]);
  if (place === undefined) return null;
  return (
    <Typography textColor="neutral800">
      {place ? t('list.positionOf', { position: place.position, total: place.total }) : '–'}
    </Typography>
  );
}
