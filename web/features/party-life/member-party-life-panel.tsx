import { Alert, Card, Empty, Flex, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MemberPartyLife } from '../../../common/contracts/party-life.contract.ts';
import { isApiError } from '../../components/api-error.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { AttendanceTag, MeetingKindTag } from '../meetings/components/meeting-tags.tsx';
import { canPartyLife } from './can-party-life.ts';
import { RatingTag, usePeriodText } from './components/tags.tsx';
import { useMemberPartyLife } from './queries/use-member-party-life.ts';

type Missed = MemberPartyLife['attendance']['missed'][number];

/** A plain divided list (antd's List is deprecated in 6.6). */
function SimpleList<I>({ items, keyOf, render }: { items: I[]; keyOf: (item: I) => number; render: (item: I) => ReactNode }) {
  return (
    <div>
      {items.map((item, i) => (
        <div key={keyOf(item)} style={{ padding: '8px 4px', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
          {render(item)}
        </div>
      ))}
    </div>
  );
}

/**
 * A member's party life for the member page (issue 4 item 7): meetings missed (with the reason), the months that count
 * against them (R-RMV-01), work assignments, exemptions and the residence cell's yearly opinions. Officials see it for
 * members of their subtree; a member sees their own. Include it as <MemberPartyLifePanel memberId={member.id} />.
 */
export function MemberPartyLifePanel({ memberId }: { memberId: number }) {
  const t = useT();
  const me = useCurrentUser();
  const data = useMemberPartyLife(memberId);
  const period = usePeriodText();
  if (data.isPending) return <Card title={t('partyLife.panel.title')} size="small"><Skeleton active /></Card>;
  if (data.isError) {
    // Another engineer's page may include this for a role that cannot read party life: say nothing then.
    if (isApiError(data.error, 'FORBIDDEN')) return null;
    return <PageError error={data.error} onRetry={() => void data.refetch()} />;
  }
  const d = data.data;
  const linkMeetings = canPartyLife.readCells(me.role);
  const badYears = d.attendance.monthsAbsentWithoutReason.filter((y) => y.months.length >= 3);

  const missedColumns = [
    {
      key: 'date',
      title: t('meetings.f.date'),
      width: 110,
      render: (_: unknown, m: Missed) => (linkMeetings ? <Link to={`/party-life/meetings/${m.meetingId}`}>{showDate(m.date)}</Link> : showDate(m.date)),
    },
    { key: 'kind', title: t('meetings.f.kind'), width: 120, render: (_: unknown, m: Missed) => <MeetingKindTag kind={m.kind} /> },
    {
      key: 'status',
      title: t('meetings.page.attendance'),
      width: 170,
      render: (_: unknown, m: Missed) => (
        <Flex vertical gap={2} align="flex-start">
          <AttendanceTag status={m.status} />
          {!m.expected && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`meetings.expectation.${m.expectation}`)}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'reason', title: t('meetings.sheet.reason'), render: (_: unknown, m: Missed) => m.reason ?? '' },
  ];

  const attendance = (
    <Flex vertical gap={12}>
      <Space size={[8, 4]} wrap>
        <Tag>{t('partyLife.panel.recorded', { n: d.attendance.recorded })}</Tag>
        <Tag color="green">{t('partyLife.panel.present', { n: d.attendance.present })}</Tag>
        <Tag color={d.attendance.missed.length ? 'orange' : 'default'}>{t('partyLife.panel.missed', { n: d.attendance.missed.length })}</Tag>
      </Space>
      {badYears.map((y) => (
        <Alert key={y.year} type="error" showIcon title={t('partyLife.panel.rmv01', { year: y.year, months: y.months.join(', '), n: y.months.length })} />
      ))}
      {d.attendance.monthsAbsentWithoutReason
        .filter((y) => y.months.length < 3)
        .map((y) => (
          <Typography.Text key={y.year} type="warning">
            {t('partyLife.panel.unexcusedMonths', { year: y.year, months: y.months.join(', ') })}
          </Typography.Text>
        ))}
      <Table<Missed>
        rowKey="meetingId"
        size="small"
        columns={missedColumns}
        dataSource={d.attendance.missed}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('partyLife.panel.noMissed') }}
      />
    </Flex>
  );

  const assignments = d.assignments.length ? (
    <SimpleList
      items={d.assignments}
      keyOf={(x) => x.id}
      render={(a) => (
        <>
          <Flex vertical gap={0}>
            <span>{a.description}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {period(a.from, a.to, showDate)} · {a.organization.name} · {t('partyLife.assign.byMeeting', { date: showDate(a.assignedOn) })}
            </Typography.Text>
          </Flex>
        </>
      )}
    />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partyLife.panel.noAssignments')} />
  );

  const exemptions = d.exemptions.length ? (
    <SimpleList
      items={d.exemptions}
      keyOf={(x) => x.id}
      render={(e) => (
        <>
          <Flex vertical gap={2}>
            <Space size={6} wrap>
              <Typography.Text strong>{t(`partyLife.reason.${e.reason}`)}</Typography.Text>
              <Tag color={e.active ? 'orange' : 'default'}>{e.active ? t('partyLife.exempt.active') : t('partyLife.exempt.inactive')}</Tag>
              {e.fromActivities && <Tag>{t('partyLife.exempt.fromActivitiesShort')}</Tag>}
              {e.fromWork && <Tag>{t('partyLife.exempt.fromWorkShort')}</Tag>}
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {period(e.from, e.to, showDate)} · {t('partyLife.exempt.decisionLine', { date: showDate(e.decidedOn) })} ({e.decisionRef})
            </Typography.Text>
          </Flex>
        </>
      )}
    />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partyLife.panel.noExemptions')} />
  );

  const residence = d.residence.length ? (
    <SimpleList
      items={d.residence}
      keyOf={(x) => x.id}
      render={(r) => (
        <>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Space size={6} wrap>
              <Typography.Text strong={!r.endedOn}>{r.residenceOrganization?.name ?? r.residenceCellName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {period(r.registeredOn, r.endedOn, showDate)}
              </Typography.Text>
            </Space>
            {r.opinions.length ? (
              r.opinions.map((o) => (
                <Flex key={o.id} gap={8} align="flex-start">
                  <RatingTag opinion={o} />
                  <Typography.Text style={{ fontSize: 13 }}>
                    {o.comments ?? ''}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      — {o.givenBy}, {showDate(o.givenOn)}
                    </Typography.Text>
                  </Typography.Text>
                </Flex>
              ))
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('partyLife.residence.noOpinion')}
              </Typography.Text>
            )}
          </Flex>
        </>
      )}
    />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partyLife.panel.noResidence')} />
  );

  return (
    <Card title={t('partyLife.panel.title')} size="small">
      <Tabs
        size="small"
        items={[
          { key: 'attendance', label: t('partyLife.panel.tabAttendance', { n: d.attendance.missed.length }), children: attendance },
          { key: 'assignments', label: t('partyLife.panel.tabAssignments', { n: d.assignments.length }), children: assignments },
          { key: 'exemptions', label: t('partyLife.panel.tabExemptions', { n: d.exemptions.length }), children: exemptions },
          { key: 'residence', label: t('partyLife.panel.tabResidence', { n: d.residence.length }), children: residence },
        ]}
      />
    </Card>
  );
}
