import { Alert, App, Button, Card, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { MeetingSummary } from '../../../common/contracts/meetings.contract.ts';
import { showDate, todayIso } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { ComplianceStrip } from './components/compliance-cells.tsx';
import { MeetingFormModal } from './components/meeting-form-modal.tsx';
import { MeetingKindTag, MeetingStatusTag, useMonthInText } from './components/meeting-tags.tsx';
import { PlanYearModal } from './components/plan-year-modal.tsx';
import { useCellMeetings } from './queries/use-cell-meetings.ts';
import { useCreateMeeting } from './queries/use-create-meeting.ts';

/** A cell's meetings of a year, its R-MGT-03 gaps, and the secretary's two actions: plan the year, record a meeting. */
export function CellMeetingsTab({ cellId, canManage }: { cellId: number; canManage: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [year, setYear] = useState(() => Number(todayIso().slice(0, 4)));
  const [modal, setModal] = useState<'plan' | 'new' | null>(null);
  const data = useCellMeetings(cellId, year);
  const create = useCreateMeeting(cellId);

  if (data.isError) return <PageError error={data.error} onRetry={() => void data.refetch()} />;
  const c = data.data?.compliance;
  const month = useMonthInText();
  const today = todayIso();

  const columns = [
    {
      key: 'date',
      title: t('meetings.f.date'),
      width: 120,
      render: (_: unknown, m: MeetingSummary) => <Link to={`/party-life/meetings/${m.id}`}>{showDate(m.date)}</Link>,
    },
    { key: 'kind', title: t('meetings.f.kind'), width: 130, render: (_: unknown, m: MeetingSummary) => <MeetingKindTag kind={m.kind} /> },
    {
      key: 'status',
      title: t('meetings.f.status'),
      width: 150,
      render: (_: unknown, m: MeetingSummary) => (
        <Space size={4} wrap>
          <MeetingStatusTag status={m.status} />
          {m.status === 'planned' && m.date < today && <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('meetings.list.notRecorded')}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'topic',
      title: t('meetings.f.topic'),
      render: (_: unknown, m: MeetingSummary) => m.topic ?? <Typography.Text type="secondary">{t(`meetings.defaultTopic.${m.kind}`)}</Typography.Text>,
    },
    { key: 'chair', title: t('meetings.f.chair'), width: 160, render: (_: unknown, m: MeetingSummary) => m.chair ?? '' },
    {
      key: 'attendance',
      title: t('meetings.page.attendance'),
      width: 250,
      render: (_: unknown, m: MeetingSummary) =>
        m.attendance ? (
          <span>
            {t('meetings.list.presentOf', { present: m.attendance.present, expected: m.attendance.expected })}
            {m.attendance.absentWithoutReason > 0 && (
              <Typography.Text type="danger"> · {t('meetings.list.unexcused', { n: m.attendance.absentWithoutReason })}</Typography.Text>
            )}
          </span>
        ) : m.status === 'held' ? (
          <Typography.Text type="warning">{t('meetings.list.noAttendance')}</Typography.Text>
        ) : (
          ''
        ),
    },
    {
      key: 'file',
      title: t('meetings.list.scan'),
      width: 90,
      align: 'center' as const,
      render: (_: unknown, m: MeetingSummary) => (m.hasMinutesFile ? <span title={t('meetings.list.hasScan')}>📎</span> : ''),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space>
          <Button onClick={() => setYear((y) => y - 1)} aria-label={t('meetings.list.prevYear')}>
            ‹
          </Button>
          <Typography.Title level={4} style={{ margin: 0, minWidth: 110, textAlign: 'center' }}>
            {t('meetings.list.year', { year })}
          </Typography.Title>
          <Button onClick={() => setYear((y) => y + 1)} aria-label={t('meetings.list.nextYear')}>
            ›
          </Button>
        </Space>
        {canManage && (
          <Space wrap>
            <Button onClick={() => setModal('plan')}>{t('meetings.plan.button')}</Button>
            <Button type="primary" onClick={() => setModal('new')}>
              {t('meetings.list.new')}
            </Button>
          </Space>
        )}
      </Flex>

      <Card size="small" title={t('meetings.strip.title', { year })} loading={!c}>
        {c && (
          <Flex vertical gap={12}>
            <ComplianceStrip c={c} />
            {c.upToMonth < c.fromMonth ? (
              <Typography.Text type="secondary">{t('meetings.strip.nothingJudged')}</Typography.Text>
            ) : c.missingMonths.length === 0 && c.missingQuarters.length === 0 ? (
              <Alert type="success" showIcon title={t('meetings.strip.complete', { upTo: month(c.upToMonth) })} />
            ) : (
              <Alert
                type="error"
                showIcon
                title={t('meetings.strip.gaps', { upTo: month(c.upToMonth) })}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {c.missingMonths.length > 0 && <li>{t('meetings.strip.missingMonths', { months: c.missingMonths.join(', ') })}</li>}
                    {c.missingQuarters.length > 0 && <li>{t('meetings.strip.missingQuarters', { quarters: c.missingQuarters.join(', ') })}</li>}
                  </ul>
                }
              />
            )}
          </Flex>
        )}
      </Card>

      <Table<MeetingSummary>
        rowKey="id"
        size="small"
        loading={data.isFetching && !data.data}
        columns={columns}
        dataSource={data.data?.meetings ?? []}
        pagination={false}
        locale={{ emptyText: t('meetings.list.empty', { year }) }}
        onRow={(m) => ({ onDoubleClick: () => navigate(`/party-life/meetings/${m.id}`) })}
      />

      {modal === 'plan' && (
        <PlanYearModal
          cellId={cellId}
          year={year}
          onClose={() => setModal(null)}
          onPlanned={(created, skipped) => void message.success(t('meetings.plan.done', { created, skipped }))}
        />
      )}
      {modal === 'new' && (
        <MeetingFormModal
          title={t('meetings.list.new')}
          initial={{ kind: 'regular', status: 'held', date: todayIso() }}
          onClose={() => setModal(null)}
          onSubmit={async (v) => {
            const m = await create.mutateAsync(v);
            navigate(`/party-life/meetings/${m.id}`);
          }}
        />
      )}
    </Flex>
  );
}
