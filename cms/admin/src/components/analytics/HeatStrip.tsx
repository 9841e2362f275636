import type { LessonAnalytics } from '@lessons/shared';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useT } from '../../translations';
import { formatTime } from '../../utils/time';

type Paragraph = LessonAnalytics['paragraphs'][number];

/** The theme's shades, lightest first: a share of readers picks one (0 is the neutral track). */
const WATCHED = ['neutral150', 'success100', 'success200', 'success500', 'success600', 'success700'] as const;
const STOPPED = ['neutral150', 'danger100', 'danger200', 'danger500', 'danger600', 'danger700'] as const;

function shade<T extends readonly string[]>(scale: T, share: number): T[number] {
  if (share <= 0) return scale[0]!;
  return scale[Math.min(scale.length - 1, 1 + Math.floor(share * (scale.length - 1)))]!;
}

/**
 * The transcript with a heat strip beside each paragraph: the left cell's shade is the share of
 * the lesson's readers who watched the paragraph, the right one's the share who stopped there.
 * The same figures are written out beside the text (colour is never the only carrier), with the
 * reports about the paragraph.
 */
export function HeatStrip({ analytics }: { analytics: LessonAnalytics }) {
  const t = useT();
  const { formatNumber } = useIntl();
  const percent = (share: number) => formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
  let heading: string | null = null;

  return (
    <Box
      tag="ol"
      aria-label={t('analytics.strip.label')}
      padding={0}
      margin={0}
      style={{ listStyle: 'none' }}
    >
      {analytics.paragraphs.map((p: Paragraph) => {
        const newHeading = p.heading !== heading && p.heading ? p.heading : null;
        heading = p.heading;
        return (
          <Box tag="li" key={p.id} data-paragraph={p.id}>
            {newHeading && (
              <Box paddingTop={4} paddingBottom={2}>
                <Typography variant="delta" tag="h3">
                  {newHeading}
                </Typography>
              </Box>
            )}
            <Flex alignItems="stretch" gap={3} paddingBottom={2}>
              <Flex alignItems="stretch" gap={1} aria-hidden>
                <Box
                  background={shade(WATCHED, p.watchedShare)}
                  width="1.25rem"
                  hasRadius
                  data-watched-share={p.watchedShare}
                />
                <Box
                  background={shade(STOPPED, p.stoppedShare)}
                  width="0.5rem"
                  hasRadius
                  data-stopped-share={p.stoppedShare}
                />
              </Flex>
              <Box flex="1" paddingTop={1} paddingBottom={1}>
                <Typography variant="omega" textColor="neutral800" tag="p">
                  {p.start !== null && (
                    <Typography variant="pi" textColor="neutral600" tag="span">
                      {formatTime(p.start, 0)}{' '}
                    </Typography>
                  )}
                  {p.text}
                </Typography>
                <Flex gap={2} paddingTop={1} wrap="wrap">
                  <Typography variant="pi" textColor="neutral600">
                    {p.start === null
                      ? t('analytics.paragraph.untimed')
                      : t('analytics.paragraph.watched', {
                          share: percent(p.watchedShare),
                          count: p.watched,
                        })}
                  </Typography>
                  {p.stopped > 0 && (
                    <Typography variant="pi" textColor="danger600">
                      {t('analytics.paragraph.stopped', { share: percent(p.stoppedShare), count: p.stopped })}
                    </Typography>
                  )}
                  {p.reports > 0 && <Badge>{t('analytics.paragraph.reports', { count: p.reports })}</Badge>}
                </Flex>
              </Box>
            </Flex>
          </Box>
        );
      })}
    </Box>
  );
}
