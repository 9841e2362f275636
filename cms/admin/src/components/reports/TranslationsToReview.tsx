import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { useReviewCounts } from '../../api/history';
import { useT } from '../../translations';
import { LESSON_UID } from '../history/HistoryPanel';

/**
 * On the Error reports page: the lessons whose translations wait for a review because their other
 * language changed (an edit or an applied suggestion), each linked to its edit view. Nothing when
 * none wait, or when the editor may not read transcript history.
 */
export function TranslationsToReview() {
  const t = useT();
  const counts = useReviewCounts();
  if (!counts.data || counts.data.total === 0) return null;
  return (
    <Box padding={4} hasRadius background="warning100" borderColor="warning200">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography tag="h2" variant="delta">
          {t('review.reports.title', { count: counts.data.total })}
        </Typography>
        <Typography variant="pi" textColor="neutral700">
          {t('review.reports.hint')}
        </Typography>
        <Flex tag="ul" direction="column" alignItems="flex-start" gap={1}>
          {counts.data.data.map((c) => (
            <li key={`${c.documentId}:${c.locale}`}>
              <Link
                tag={NavLink}
                to={`/content-manager/collection-types/${LESSON_UID}/${c.documentId}?plugins[i18n][locale]=${encodeURIComponent(c.locale)}`}
              >
                {t('review.reports.lesson', {
                  title: c.title ?? c.documentId,
                  locale: c.locale,
                  count: c.count,
                })}
              </Link>
            </li>
          ))}
        </Flex>
      </Flex>
    </Box>
  );
}
