import { Alert, Button, Card, Flex, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import type { FrontOpinion, MemberConduct, PartyDiscipline, ViolationRecord } from '../../../common/contracts/conduct.contract.ts';
import { errorText } from '../../components/api-error.ts';
import { showDate } from '../../components/dates.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canConduct } from './can-conduct.ts';
import { FrontOpinionModal } from './components/front-opinion-modal.tsx';
import { ViolationModal } from './components/violation-modal.tsx';
import { FRONT_RATING_TAG, PARTY_DISCIPLINE_TAG, VIOLATION_KIND_TAG } from './conduct-labels.ts';
import { useMemberConduct } from './queries/use-conduct.ts';

type Modal = { type: 'violation'; editing: ViolationRecord | null } | { type: 'front'; editing: FrontOpinion | null } | null;

function Section({ title, help, extra, children }: { title: string; help?: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Flex vertical gap={6}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <span>
          <Typography.Text strong>{title}</Typography.Text>
          {help && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              · {help}
            </Typography.Text>
          )}
        </span>
        {extra}
      </Flex>
      {children}
    </Flex>
  );
}

/**
 * A member's conduct for the member page (issue 5 item 2; R-RMV-06, R-DIS-07): party discipline (read only, from the
 * discipline referrals), violations of state discipline or the law, and the Fatherland Front's yearly opinions. Shown
 * to the roles with 'conduct.read'; add and edit to those with 'conduct.manage'. Renders nothing for other viewers.
 */
export function MemberConductPanel({ memberId }: { memberId: number }) {
  const t = useT();
  const me = useCurrentUser();
  const allowed = canConduct.read(me.role);
  const q = useMemberConduct(memberId, allowed);
  const [modal, setModal] = useState<Modal>(null);
  if (!allowed) return null;
  const title = t('conduct.panelTitle');
  if (q.isPending) {
    return (
      <Card title={title} size="small">
        <Skeleton active paragraph={{ rows: 3 }} />
      </Card>
    );
  }
  if (q.isError) {
    return (
      <Card title={title} size="small">
        <Alert type="error" showIcon title={errorText(t, q.error)} />
      </Card>
    );
  }
  const d: MemberConduct = q.data;
  const manage = canConduct.manage(me.role);


  /** The edit link column, for the roles that keep these records. */
  const editColumn = <R,>(onEdit: (r: R) => void): ColumnsType<R> =>
    manage
      ? [
          {
            key: 'edit',
            width: 70,
            align: 'right',
            render: (_: unknown, r: R) => (
              <Button size="small" type="link" onClick={() => onEdit(r)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : [];
  const disciplineColumns: ColumnsType<PartyDiscipline> = [
    { title: t('conduct.party.referredOn'), key: 'referred', width: 110, render: (_, r) => showDate(r.referredOn) },
    { title: t('conduct.f.description'), key: 'description', render: (_, r) => r.description },
    {
      title: t('conduct.party.result'),
      key: 'result',
      width: 220,
      render: (_, r) => (
        <Flex vertical gap={2} align="flex-start">
          <Tag color={r.status === 'pending' ? PARTY_DISCIPLINE_TAG.pending : r.outcome === 'no_discipline' ? 'default' : PARTY_DISCIPLINE_TAG.concluded}>
            {r.outcome ? t(`conduct.outcome.${r.outcome}`) : t('conduct.party.pending')}
          </Tag>
          {r.concludedOn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[r.conclusionRef, showDate(r.concludedOn)].filter(Boolean).join(', ')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];

  const violationColumns: ColumnsType<ViolationRecord> = [
    { title: t('conduct.f.decidedOn'), key: 'decidedOn', width: 110, render: (_, v) => showDate(v.decidedOn) },
    {
      title: t('conduct.f.form'),
      key: 'form',
      width: 190,
      render: (_, v) => (
        <Flex vertical gap={2} align="flex-start">
          <Tag color={VIOLATION_KIND_TAG[v.kind]}>{t(`conduct.form.${v.form}`)}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`conduct.kind.${v.kind}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('conduct.f.description'),
      key: 'description',
      render: (_, v) => (
        <Flex vertical gap={0}>
          <span>{v.description}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v.decidedBy} · {v.reference}
          </Typography.Text>
        </Flex>
      ),
    },
    ...editColumn<ViolationRecord>((v) => setModal({ type: 'violation', editing: v })),
  ];

  const frontColumns: ColumnsType<FrontOpinion> = [
    { title: t('conduct.f.year'), dataIndex: 'year', width: 70 },
    {
      title: t('conduct.f.rating'),
      key: 'rating',
      width: 120,
      render: (_, f) => <Tag color={FRONT_RATING_TAG[f.rating]}>{t(`conduct.rating.${f.rating}`)}</Tag>,
    },
    {
      title: t('conduct.f.comments'),
      key: 'comments',
      render: (_, f) => (
        <Flex vertical gap={0}>
          {f.comments && <span>{f.comments}</span>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.givenBy}, {showDate(f.givenOn)}
          </Typography.Text>
        </Flex>
      ),
    },
    ...editColumn<FrontOpinion>((f) => setModal({ type: 'front', editing: f })),
  ];

  return (
    <Card title={title} size="small">
      <Flex vertical gap={16}>
        <Section title={t('conduct.party.title')} help={t('conduct.party.help')}>
          <Table<PartyDiscipline>
            rowKey="referralId"
            size="small"
            columns={disciplineColumns}
            dataSource={d.partyDiscipline}
            pagination={false}
            locale={{ emptyText: t('conduct.party.empty') }}
            scroll={{ x: 560 }}
          />
        </Section>
        <Section
          title={t('conduct.violations.title')}
          extra={
            manage && (
              <Tooltip title={t('conduct.violation.help')}>
                <Button size="small" onClick={() => setModal({ type: 'violation', editing: null })}>
                  {t('conduct.violations.add')}
                </Button>
              </Tooltip>
            )
          }
        >
          <Table<ViolationRecord>
            rowKey="id"
            size="small"
            columns={violationColumns}
            dataSource={d.violations}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('conduct.violations.empty') }}
            scroll={{ x: 600 }}
          />
        </Section>
        <Section
          title={t('conduct.front.title')}
          extra={
            manage && (
              <Button size="small" onClick={() => setModal({ type: 'front', editing: null })}>
                {t('conduct.front.add')}
              </Button>
            )
          }
        >
          <Table<FrontOpinion>
            rowKey="id"
            size="small"
            columns={frontColumns}
            dataSource={d.frontOpinions}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('conduct.front.empty') }}
            scroll={{ x: 520 }}
          />
        </Section>
      </Flex>
      {modal?.type === 'violation' && <ViolationModal member={d.member} editing={modal.editing} onClose={() => setModal(null)} />}
      {modal?.type === 'front' && (
        <FrontOpinionModal member={d.member} taken={d.frontOpinions.map((f) => f.year)} editing={modal.editing} onClose={() => setModal(null)} />
      )}
    </Card>
  );
}
