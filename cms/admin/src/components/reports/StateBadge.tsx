import type { ReportState } from '@lessons/shared';
import { Status, Typography } from '@strapi/design-system';
import { useT, type MessageKey } from '../../translations';

export const STATE_LABELS: Record<ReportState, MessageKey> = {
  held: 'reports.state.held',
  new: 'reports.state.new',
  triaged: 'reports.state.triaged',
  accepted: 'reports.state.accepted',
  fixed: 'reports.state.fixed',
  rejected: 'reports.state.rejected',
};

const VARIANTS = {
  held: 'alternative',
  new: 'primary',
  triaged: 'secondary',
  accepted: 'warning',
  fixed: 'success',
  rejected: 'neutral',
} as const satisfies Record<ReportState, string>;

export function StateBadge({ state }: { state: ReportState }) {
  const t = useT();
  return (
    <Status variant={VARIANTS[state]} size="S" width="fit-content">
      <Typography tag="span" variant="omega" fontWeight="bold">
        {t(STATE_LABELS[state])}
      </Typography>
    </Status>
  );
}
