import { Box, Typography } from '@strapi/design-system';
import { useT, type MessageKey } from '../../translations';
import type { IssueField, TranscriptIssue } from './issues';

const FIELD_LABELS: Record<IssueField, MessageKey> = {
  heading: 'transcript.field.heading',
  text: 'transcript.field.text',
  start: 'transcript.field.start',
  end: 'transcript.field.end',
  id: 'transcript.field.id',
};

/** Where an issue is, in words: "Section 2, paragraph 3 (end time)". */
export function usePlaceOf(): (issue: TranscriptIssue) => string {
  const t = useT();
  return (issue) => {
    const place =
      issue.section === undefined
        ? t('transcript.issues.transcript')
        : issue.paragraph === undefined
          ? t('transcript.issues.section', { section: issue.section })
          : t('transcript.issues.paragraph', { section: issue.section, paragraph: issue.paragraph });
    return issue.field && issue.field !== 'text' ? `${place} (${t(FIELD_LABELS[issue.field])})` : place;
  };
}

/** More than a screenful of problems is not read one by one: the first ones, and how many more. */
const SHOWN_ISSUES = 50;

/** Everything that keeps the transcript from being saved, each with where to find it. */
export function IssueList({ issues }: { issues: readonly TranscriptIssue[] }) {
  const t = useT();
  const placeOf = usePlaceOf();
  if (issues.length === 0) return null;
  return (
    <Box background="danger100" borderColor="danger200" hasRadius padding={4} role="status">
      <Typography variant="omega" fontWeight="bold" textColor="danger700" tag="p">
        {t('transcript.issues.title', { count: issues.length })}
      </Typography>
      <Box tag="ul" paddingTop={2} paddingLeft={4} style={{ listStyle: 'disc' }}>
        {issues.slice(0, SHOWN_ISSUES).map((issue, i) => (
          <li key={i}>
            <Typography variant="omega" textColor="danger700">
              <Typography fontWeight="semiBold" textColor="danger700">
                {placeOf(issue)}:
              </Typography>{' '}
              {issue.unreadableTime ? t('transcript.time.invalid') : issue.message}
            </Typography>
          </li>
        ))}
      </Box>
      {issues.length > SHOWN_ISSUES && (
        <Typography variant="omega" textColor="danger700" tag="p" paddingTop={2}>
          {t('transcript.issues.more', { count: issues.length - SHOWN_ISSUES })}
        </Typography>
      )}
    </Box>
  );
}
