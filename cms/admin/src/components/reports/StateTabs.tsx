import { REPORT_STATES, type ReportCounts, type ReportState } from '@lessons/shared';
import { Badge, Flex, Tabs } from '@strapi/design-system';
import { useT } from '../../translations';
import { STATE_LABELS } from './StateBadge';

interface StateTabsProps {
  counts: ReportCounts | undefined;
  state: ReportState | undefined;
  onChange: (state: ReportState | undefined) => void;
}

const ALL = 'all';

/** One tab per state with its count; choosing a tab filters the list to that state. */
export function StateTabs({ counts, state, onChange }: StateTabsProps) {
  const t = useT();
  const total = counts ? REPORT_STATES.reduce((n, s) => n + counts[s], 0) : undefined;
  const tab = (label: string, count: number | undefined, active: boolean) => (
    <Flex gap={2} tag="span">
      {label}
      {count !== undefined && <Badge active={active}>{count}</Badge>}
    </Flex>
  );
  return (
    <Tabs.Root
      variant="simple"
      value={state ?? ALL}
      onValueChange={(value) => onChange(value === ALL ? undefined : (value as ReportState))}
    >
      <Tabs.List aria-label={t('reports.filters.state')}>
        <Tabs.Trigger value={ALL}>{tab(t('reports.state.all'), total, state === undefined)}</Tabs.Trigger>
        {REPORT_STATES.map((s) => (
          <Tabs.Trigger key={s} value={s}>
            {tab(t(STATE_LABELS[s]), counts?.[s], state === s)}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
    </Tabs.Root>
  );
}
