import { Alert, Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Registration, ResidenceOpinion } from '../../../../common/contracts/party-life.contract.ts';
import { showDate } from '../../../components/dates.ts';
import { PageError } from '../../../components/page-error.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useCellResidence } from '../queries/use-cell-residence.ts';
import { OpinionModal } from './opinion-modal.tsx';
import { RegistrationModal } from './registration-modal.tsx';
import { RatingTag } from './tags.tsx';

type Modal =
  | { kind: 'register'; editing: Registration | null; memberId?: number }
  | { kind: 'opinion'; registration: Registration; editing: ResidenceOpinion | null };

/**
 * R-MGT-07 for a cell: where its members live and what their residence cells said each year; who is not registered;
 * and the members of other cells living here, to whom this cell gives the yearly opinion.
 */
export function ResidenceTab({ cellId, canManage }: { cellId: number; canManage: boolean }) {
  const t = useT();
  const data = useCellResidence(cellId);
  const [modal, setModal] = useState<Modal | null>(null);
  if (data.isError) return <PageError error={data.error} onRetry={() => void data.refetch()} />;
  const d = data.data;

  const place = (r: Registration) => (
    <Flex vertical gap={0}>
      <span>{r.residenceOrganization?.name ?? r.residenceCellName}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[r.residenceOrganization ? null : t('partyLife.residence.outsideShort'), r.residenceAddress].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Flex>
  );
  const opinions = (r: Registration) =>
    r.opinions.length ? (
      <Space size={[4, 4]} wrap>
        {r.opinions.map((o) =>
          canManage ? (
            <a key={o.id} onClick={() => setModal({ kind: 'opinion', registration: r, editing: o })} title={o.comments ?? ''}>
              <RatingTag opinion={o} />
            </a>
          ) : (
            <span key={o.id} title={o.comments ?? ''}>
              <RatingTag opinion={o} />
            </span>
          ),
        )}
      </Space>
    ) : (
      <Typography.Text type="secondary">{t('partyLife.residence.noOpinion')}</Typography.Text>
    );
  const period = (r: Registration) => (
    <Flex vertical gap={0}>
      <span>{t('partyLife.residence.since', { date: showDate(r.registeredOn) })}</span>
      {r.endedOn && <Tag style={{ width: 'fit-content' }}>{t('partyLife.residence.ended', { date: showDate(r.endedOn) })}</Tag>}
    </Flex>
  );

  const ofMembersColumns = [
    { key: 'member', title: t('partyLife.f.member'), width: 200, render: (_: unknown, r: Registration) => <Typography.Text strong={!r.endedOn}>{r.member.fullName}</Typography.Text> },
    { key: 'place', title: t('partyLife.residence.cell'), render: (_: unknown, r: Registration) => place(r) },
    { key: 'period', title: t('partyLife.residence.registeredOn'), width: 170, render: (_: unknown, r: Registration) => period(r) },
    { key: 'opinions', title: t('partyLife.residence.opinions'), width: 260, render: (_: unknown, r: Registration) => opinions(r) },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 200,
            render: (_: unknown, r: Registration) => (
              <Space size={4}>
                {!r.endedOn && (
                  <Button size="small" onClick={() => setModal({ kind: 'opinion', registration: r, editing: null })}>
                    {t('partyLife.opinion.add')}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setModal({ kind: 'register', editing: r })}>
                  {t('common.edit')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const atColumns = [
    {
      key: 'member',
      title: t('partyLife.f.member'),
      width: 220,
      render: (_: unknown, r: Registration) => (
        <Flex vertical gap={0}>
          <Typography.Text strong>{r.member.fullName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('partyLife.residence.worksIn', { cell: r.member.organization.name })}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'address', title: t('partyLife.residence.address'), render: (_: unknown, r: Registration) => r.residenceAddress ?? '' },
    { key: 'period', title: t('partyLife.residence.registeredOn'), width: 170, render: (_: unknown, r: Registration) => period(r) },
    { key: 'opinions', title: t('partyLife.residence.opinions'), width: 260, render: (_: unknown, r: Registration) => opinions(r) },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 140,
            render: (_: unknown, r: Registration) =>
              r.endedOn ? null : (
                <Button size="small" onClick={() => setModal({ kind: 'opinion', registration: r, editing: null })}>
                  {t('partyLife.opinion.give')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      {d && d.unregistered.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('partyLife.residence.unregistered', { n: d.unregistered.length })}
          description={
            <Space size={[6, 6]} wrap>
              {d.unregistered.map((m) =>
                canManage ? (
                  <Button key={m.id} size="small" onClick={() => setModal({ kind: 'register', editing: null, memberId: m.id })}>
                    {m.fullName} · {t('partyLife.residence.register')}
                  </Button>
                ) : (
                  <Tag key={m.id}>{m.fullName}</Tag>
                ),
              )}
            </Space>
          }
        />
      )}
      <Card
        size="small"
        title={t('partyLife.residence.ofMembers')}
        extra={
          canManage && d ? (
            <Button type="primary" size="small" onClick={() => setModal({ kind: 'register', editing: null })}>
              {t('partyLife.residence.newTitle')}
            </Button>
          ) : null
        }
      >
        <Table<Registration>
          rowKey="id"
          size="small"
          loading={data.isPending}
          columns={ofMembersColumns}
          dataSource={d?.ofMembers ?? []}
          pagination={false}
          onRow={(r) => ({ style: r.endedOn ? { opacity: 0.6 } : undefined })}
          locale={{ emptyText: t('partyLife.residence.emptyOfMembers') }}
        />
      </Card>
      <Card size="small" title={t('partyLife.residence.atThisCell')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('partyLife.residence.atThisCellHint')}
        </Typography.Paragraph>
        <Table<Registration>
          rowKey="id"
          size="small"
          loading={data.isPending}
          columns={atColumns}
          dataSource={d?.atThisCell ?? []}
          pagination={false}
          locale={{ emptyText: t('partyLife.residence.emptyAtThisCell') }}
        />
      </Card>
      {modal?.kind === 'register' && d && (
        <RegistrationModal
          members={[...new Map([...d.unregistered.map((m) => [m.id, m.fullName] as const), ...d.ofMembers.map((r) => [r.member.id, r.member.fullName] as const)]).entries()].map(([memberId, fullName]) => ({ memberId, fullName }))}
          editing={modal.editing}
          memberId={modal.memberId}
          onClose={() => setModal(null)}
        />
      )}
      {modal?.kind === 'opinion' && <OpinionModal registration={modal.registration} editing={modal.editing} onClose={() => setModal(null)} />}
    </Flex>
  );
}
