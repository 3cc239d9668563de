import { Alert, Button, Collapse, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Assignment, RosterMember } from '../../../../common/contracts/party-life.contract.ts';
import { showDate, todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { PageError } from '../../../components/page-error.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useCellAssignments } from '../queries/use-cell-assignments.ts';
import { AssignmentModal } from './assignment-modal.tsx';
import { usePeriodText } from './tags.tsx';

/** R-MGT-01 for a cell: every member with the work assigned on the date, and the members who have none. */
export function AssignmentsTab({ cellId, canManage }: { cellId: number; canManage: boolean }) {
  const t = useT();
  const [date, setDate] = useState<string | null>(null);
  const data = useCellAssignments(cellId, date ?? undefined);
  const [modal, setModal] = useState<{ editing: Assignment | null; memberId?: number } | null>(null);
  const period = usePeriodText();
  if (data.isError) return <PageError error={data.error} onRetry={() => void data.refetch()} />;
  const d = data.data;
  const without = d ? d.roster.filter((r) => r.withoutAssignment) : [];

  const columns = [
    { key: 'name', title: t('partyLife.f.member'), width: 220, render: (_: unknown, r: RosterMember) => <Typography.Text strong>{r.fullName}</Typography.Text> },
    {
      key: 'state',
      title: t('partyLife.roster.state'),
      width: 250,
      render: (_: unknown, r: RosterMember) => (
        <Space size={[4, 4]} wrap>
          {r.exemptFromActivities && <Tag color="orange">{t('partyLife.roster.exemptActivities')}</Tag>}
          {r.exemptFromWork && <Tag color="orange">{t('partyLife.roster.exemptWork')}</Tag>}
          {r.onTemporaryTransfer && <Tag color="blue">{t('partyLife.roster.temporaryTransfer')}</Tag>}
          {r.withoutAssignment && <Tag color="red">{t('partyLife.roster.noAssignment')}</Tag>}
          {!r.residenceRegistered && <Tag>{t('partyLife.roster.noResidence')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'assignment',
      title: t('partyLife.roster.assignment'),
      render: (_: unknown, r: RosterMember) =>
        r.assignment ? (
          <Flex vertical gap={0}>
            <span>{r.assignment.description}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {period(r.assignment.from, r.assignment.to, showDate)} · {t('partyLife.assign.byMeeting', { date: showDate(r.assignment.assignedOn) })}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{r.exemptFromWork || r.onTemporaryTransfer ? t('partyLife.roster.notNeeded') : '—'}</Typography.Text>
        ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 130,
            render: (_: unknown, r: RosterMember) =>
              r.assignment ? (
                <Button size="small" onClick={() => setModal({ editing: r.assignment })}>
                  {t('common.edit')}
                </Button>
              ) : (
                <Button size="small" type={r.withoutAssignment ? 'primary' : 'default'} onClick={() => setModal({ editing: null, memberId: r.memberId })}>
                  {t('partyLife.assign.assign')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  const history = [
    { key: 'member', title: t('partyLife.f.member'), width: 200, render: (_: unknown, a: Assignment) => a.member.fullName },
    { key: 'description', title: t('partyLife.assign.description'), dataIndex: 'description' },
    { key: 'period', title: t('partyLife.f.period'), width: 230, render: (_: unknown, a: Assignment) => period(a.from, a.to, showDate) },
    { key: 'assignedOn', title: t('partyLife.assign.assignedOn'), width: 130, render: (_: unknown, a: Assignment) => showDate(a.assignedOn) },
    ...(canManage
      ? [{ key: 'edit', title: '', width: 80, render: (_: unknown, a: Assignment) => <Button size="small" type="link" onClick={() => setModal({ editing: a })}>{t('common.edit')}</Button> }]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space>
          <span>{t('partyLife.roster.asOf')}</span>
          <IsoDatePicker value={date ?? todayIso()} onChange={(v) => setDate(v === todayIso() ? null : v)} style={{ width: 150 }} />
        </Space>
        {canManage && (
          <Button type="primary" onClick={() => setModal({ editing: null })}>
            {t('partyLife.assign.newTitle')}
          </Button>
        )}
      </Flex>
      {d &&
        (without.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('partyLife.roster.withoutTitle', { n: without.length, date: showDate(d.date) })}
            description={without.map((r) => r.fullName).join(', ')}
          />
        ) : (
          <Alert type="success" showIcon title={t('partyLife.roster.allAssigned', { date: showDate(d.date) })} />
        ))}
      <Table<RosterMember>
        rowKey="memberId"
        size="small"
        loading={data.isFetching && !d}
        columns={columns}
        dataSource={d?.roster ?? []}
        pagination={false}
        locale={{ emptyText: t('partyLife.roster.empty') }}
      />
      <Collapse
        size="small"
        items={[
          {
            key: 'history',
            label: t('partyLife.assign.history', { n: d?.assignments.length ?? 0 }),
            children: <Table<Assignment> rowKey="id" size="small" columns={history} dataSource={d?.assignments ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} />,
          },
        ]}
      />
      {modal && d && <AssignmentModal cellId={cellId} roster={d.roster} editing={modal.editing} memberId={modal.memberId} onClose={() => setModal(null)} />}
    </Flex>
  );
}
