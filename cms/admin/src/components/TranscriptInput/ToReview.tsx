import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowDown } from '@strapi/icons';
import * as React from 'react';
import { useT } from '../../translations';
import type { ParagraphAt } from './navigate';

/** "3 paragraphs to review": the translations whose source changed, and a button to step through them. */
export function ToReview({ places, onGo }: { places: ParagraphAt[]; onGo: (at: ParagraphAt) => void }) {
  const t = useT();
  const next = React.useRef(0);
  if (places.length === 0) return null;
  return (
    <Box padding={3} hasRadius background="warning100" borderColor="warning200">
      <Flex gap={3} justifyContent="space-between" wrap="wrap">
        <Typography textColor="warning700" fontWeight="semiBold">
          {t('review.summary', { count: places.length })}
        </Typography>
        <Button
          variant="secondary"
          size="S"
          startIcon={<ArrowDown />}
          onClick={() => {
            const at = places[next.current % places.length]!;
            next.current += 1;
            onGo(at);
          }}
        >
          {t('review.next')}
        </Button>
      </Flex>
    </Box>
  );
}
