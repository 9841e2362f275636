import type { ReviewMark } from '@lessons/shared';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../../translations';
import { languageName } from '../../utils/language';

interface ReviewNoteProps {
  number: number;
  marks: ReviewMark[];
  disabled?: boolean;
  onStillCorrect?: () => void;
}

/**
 * "Source changed — review", under a paragraph whose other language changed over the same time:
 * what that language says there now, and "Still correct" for a translation that needs no change.
 */
export const ReviewNote = React.memo(function ReviewNote({
  number,
  marks,
  disabled,
  onStillCorrect,
}: ReviewNoteProps) {
  const t = useT();
  const { locale } = useIntl();
  const [busy, setBusy] = React.useState(false);
  return (
    <Box
      marginTop={2}
      padding={3}
      hasRadius
      background="warning100"
      borderColor="warning200"
      role="note"
      aria-label={t('review.note.label', { number })}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={2} justifyContent="space-between" wrap="wrap">
          <Badge backgroundColor="warning200" textColor="warning700">
            {t('review.badge')}
          </Badge>
          {!disabled && onStillCorrect && (
            <Button
              variant="tertiary"
              size="S"
              startIcon={<Check />}
              loading={busy}
              onClick={() => {
                setBusy(true);
                onStillCorrect();
              }}
            >
              {t('review.stillCorrect')}
            </Button>
          )}
        </Flex>
        {marks.map((m) => (
          <Box key={m.sourceLocale}>
            <Typography variant="pi" fontWeight="semiBold" textColor="neutral700">
              {m.sourceText
                ? t('review.sourceNow', { language: languageName(m.sourceLocale, locale) })
                : t('review.sourceRemoved', { language: languageName(m.sourceLocale, locale) })}
            </Typography>
            {m.sourceText && (
              <Typography tag="p" textColor="neutral800" style={{ whiteSpace: 'pre-wrap' }}>
                {m.sourceText}
              </Typography>
            )}
          </Box>
        ))}
      </Flex>
    </Box>
  );
});
