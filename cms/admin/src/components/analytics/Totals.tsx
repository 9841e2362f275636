import type { LessonAnalytics } from '@lessons/shared';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useT, type MessageKey } from '../../translations';

function Total({ label, value }: { label: MessageKey; value: string }) {
  const t = useT();
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} minWidth="12rem">
      <Typography variant="sigma" textColor="neutral600" tag="dt">
        {t(label)}
      </Typography>
      <Typography variant="alpha" tag="dd" margin={0}>
        {value}
      </Typography>
    </Box>
  );
}

/** Readers who started the lesson, how many completed it, and the median share watched. */
export function Totals({ totals }: { totals: LessonAnalytics['totals'] }) {
  const t = useT();
  const { formatNumber } = useIntl();
  return (
    <Flex tag="dl" gap={4} wrap="wrap" margin={0}>
      <Total label="analytics.totals.readers" value={formatNumber(totals.readers)} />
      <Total label="analytics.totals.completions" value={formatNumber(totals.completions)} />
      <Total
        label="analytics.totals.median"
        value={
          totals.medianPercent === null
            ? t('analytics.totals.none')
            : formatNumber(totals.medianPercent / 100, { style: 'percent', maximumFractionDigits: 1 })
        }
      />
    </Flex>
  );
}
