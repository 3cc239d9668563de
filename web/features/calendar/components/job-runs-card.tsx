import { Button, Card, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { JobRun } from '../../../../common/contracts/calendar.contract.ts';
import { errorText } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useJobRuns } from '../queries/use-job-runs.ts';

const OUTCOME_COLOR = { running: 'processing', success: 'green', failure: 'red' } as const;

function duration(run: JobRun): string {
  if (!run.finishedAt) return '…';
  const ms = Math.max(0, dayjs(run.finishedAt).diff(dayjs(run.startedAt)));
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The last runs of the scheduled sweeps (GET /api/jobs/runs), for administrators. */
export function JobRunsCard() {
  const t = useT();
  const runs = useJobRuns(true);
  const sweeps = runs.data?.sweeps ?? [];
  return (
    <Card
      title={t('jobs.title')}
      size="small"
      extra={
        <Button size="small" onClick={() => void runs.refetch()} loading={runs.isFetching}>
          {t('jobs.refresh')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('jobs.subtitle')}. {sweeps.length ? t('jobs.registered', { names: sweeps.join(', ') }) : t('jobs.noneRegistered')}
      </Typography.Paragraph>
      <Table<JobRun>
        rowKey="id"
        size="small"
        pagination={false}
        loading={runs.isPending}
        dataSource={runs.data?.items ?? []}
        locale={{ emptyText: runs.isError ? errorText(t, runs.error) : t('jobs.empty') }}
        columns={[
          { title: t('jobs.name'), dataIndex: 'name', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('jobs.startedAt'), dataIndex: 'startedAt', render: (v: string) => dayjs(v).format('DD/MM/YYYY HH:mm:ss') },
          { title: t('jobs.duration'), key: 'duration', render: (_: unknown, r) => duration(r) },
          { title: t('jobs.trigger'), dataIndex: 'trigger', render: (v: string) => t(`jobs.trigger.${v}`) },
          { title: t('jobs.outcome'), dataIndex: 'outcome', render: (v: JobRun['outcome']) => <Tag color={OUTCOME_COLOR[v]}>{t(`jobs.outcome.${v}`)}</Tag> },
          { title: t('jobs.changed'), dataIndex: 'changed', align: 'right', render: (v: number | null) => v ?? '' },
          { title: t('jobs.errorCode'), dataIndex: 'errorCode', render: (v: string | null) => (v ? <Typography.Text type="danger" code>{v}</Typography.Text> : '') },
        ]}
      />
    </Card>
  );
}
