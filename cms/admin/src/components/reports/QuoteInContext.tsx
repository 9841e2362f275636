import { Box, Flex, Typography } from '@strapi/design-system';
import { styled } from 'styled-components';
import type { ReportDetail } from '../../api/reports';
import { useT } from '../../translations';

const Mark = styled.mark`
  background: ${({ theme }) => theme.colors.warning200};
  color: inherit;
  border-radius: 2px;
  padding: 0 2px;
`;

const Quoted = styled(Typography)`
  white-space: pre-wrap;
`;

function FoundFlag({ report }: { report: ReportDetail }) {
  const t = useT();
  const [color, key] = !report.quote
    ? (['neutral600', 'report.quote.none'] as const)
    : !report.context
      ? (['danger600', 'report.quote.notFound'] as const)
      : report.context.exact
        ? (['success600', 'report.quote.found'] as const)
        : (['warning600', 'report.quote.approximate'] as const);
  return (
    <Typography variant="pi" fontWeight="bold" textColor={color}>
      {t(key)}
    </Typography>
  );
}

/** The reported words where they stand now in the lesson's transcript, highlighted in their paragraph. */
export function QuoteInContext({ report }: { report: ReportDetail }) {
  const t = useT();
  const { context, quote } = report;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex justifyContent="space-between" alignItems="baseline" gap={2} wrap="wrap">
        <Typography variant="delta" tag="h2">
          {t('report.quote.title')}
        </Typography>
        <FoundFlag report={report} />
      </Flex>

      {context && (
        <Box background="neutral100" hasRadius padding={4}>
          <Typography variant="sigma" textColor="neutral600" tag="p" paddingBottom={2}>
            {context.heading
              ? t('report.quote.heading', { heading: context.heading })
              : t('report.quote.noHeading')}
          </Typography>
          <Quoted tag="p" variant="omega" lineHeight={6}>
            {context.text.slice(0, context.start)}
            <Mark data-testid="quote-mark">{context.text.slice(context.start, context.end)}</Mark>
            {context.text.slice(context.end)}
          </Quoted>
        </Box>
      )}

      {quote && (!context || !context.exact) && (
        <Box>
          <Typography variant="sigma" textColor="neutral600" tag="p" paddingBottom={1}>
            {t('report.quote.reported')}
          </Typography>
          <Quoted tag="p" variant="omega">
            <Typography textColor="neutral500">{quote.prefix}</Typography>
            <Mark>{quote.exact}</Mark>
            <Typography textColor="neutral500">{quote.suffix}</Typography>
          </Quoted>
        </Box>
      )}
    </Flex>
  );
}
