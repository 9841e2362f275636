import { transcriptDiff, type Transcript, type WordPart } from '@lessons/shared';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useT, type MessageKey } from '../../translations';
import { formatTime } from '../../utils/time';

const CHANGE_LABELS: Record<'added' | 'edited' | 'removed' | 'retimed', MessageKey> = {
  added: 'history.change.added',
  edited: 'history.change.edited',
  removed: 'history.change.removed',
  retimed: 'history.change.retimed',
};

/** Words as they changed: removed words struck through in red, added ones underlined in green. */
function Words({ parts }: { parts: WordPart[] }) {
  return (
    <Typography tag="p" textColor="neutral800" style={{ whiteSpace: 'pre-wrap' }}>
      {parts.map((part, i) =>
        part.change === 'same' ? (
          <React.Fragment key={i}>{part.text}</React.Fragment>
        ) : (
          <Box
            key={i}
            tag={part.change === 'added' ? 'ins' : 'del'}
            background={part.change === 'added' ? 'success100' : 'danger100'}
            color={part.change === 'added' ? 'success700' : 'danger700'}
            data-change={part.change}
            style={{ display: 'inline' }}
          >
            {part.text}
          </Box>
        ),
      )}
    </Typography>
  );
}

const range = (times: [number, number] | null) =>
  times ? `${formatTime(times[0], 1)}–${formatTime(times[1], 1)}` : '—';

/** What a revision changed from the one before it, paragraph by paragraph, word by word. */
export function TranscriptChanges({ before, after }: { before: Transcript | null; after: Transcript }) {
  const t = useT();
  const diff = React.useMemo(() => transcriptDiff(before, after), [before, after]);
  if (diff.paragraphs.length === 0 && diff.headings.length === 0) {
    return <Typography textColor="neutral600">{t('history.diff.none')}</Typography>;
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="pi" textColor="neutral600">
        {t('history.diff.summary', { added: diff.wordsAdded, removed: diff.wordsRemoved })}
      </Typography>
      {diff.headings.map((h) => (
        <Box key={`heading-${h.section}`} padding={3} hasRadius background="neutral100">
          <Typography variant="sigma" textColor="neutral600">
            {t('history.diff.heading', { number: h.section })}
          </Typography>
          <Words parts={h.parts} />
        </Box>
      ))}
      {diff.paragraphs.map((p) => (
        <Box key={p.id} padding={3} hasRadius background="neutral100" data-paragraph={p.id}>
          <Flex gap={2} paddingBottom={2} wrap="wrap">
            <Badge>{t(CHANGE_LABELS[p.change])}</Badge>
            <Typography variant="pi" textColor="neutral600">
              {p.heading ? t('history.diff.where', { heading: p.heading, id: p.id }) : p.id}
            </Typography>
            {p.times && (
              <Typography variant="pi" textColor="neutral600">
                {t('history.diff.times', { before: range(p.times.before), after: range(p.times.after) })}
              </Typography>
            )}
          </Flex>
          <Words parts={p.parts} />
        </Box>
      ))}
    </Flex>
  );
}
