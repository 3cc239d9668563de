import { Alert, App, Button, Card, Col, Collapse, Dropdown, Empty, Flex, Popconfirm, Popover, Row, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { DuesExemption, DuesMonth, DuesProfileVersion, DuesReduction, MemberDues } from '../../../../common/contracts/dues.contract.ts';
import { showDate } from '../../../components/dates.ts';
import { PageError } from '../../../components/page-error.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useCurrentUser } from '../../auth/use-current-user.ts';
import { canDues } from '../can-dues.ts';
import { currentMonth, formatVnd, showMonth } from '../money.ts';
import { useDeleteGoodReason } from '../queries/use-delete-good-reason.ts';
import { useMemberDues } from '../queries/use-member-dues.ts';
import { basisText } from './basis-text.ts';
import { ExemptionModal } from './exemption-modal.tsx';
import { GoodReasonModal } from './good-reason-modal.tsx';
import { PaymentList } from './payment-list.tsx';
import { PaymentModal } from './payment-modal.tsx';
import { ProfileFormModal } from './profile-form-modal.tsx';
import { ReductionModal } from './reduction-modal.tsx';
import { duesErrorText } from './violation-list.tsx';

type Dialog =
  | { kind: 'profile' }
  | { kind: 'payment' }
  | { kind: 'exemption'; exemption?: DuesExemption }
  | { kind: 'reduction'; reduction?: DuesReduction }
  | { kind: 'goodReason'; month?: string }
  | null;

/**
 * A member's party dues (R-DUE, R-DUE-01) for the member page: the profile in force and its history, exemption and
 * reduction decisions, the months of a year with what was owed and paid, arrears, and the recording actions.
 */
export function MemberDuesPanel({ memberId }: { memberId: number }) {
  const { t } = useI18n();
  const [year, setYear] = useState(() => Number(currentMonth().slice(0, 4)));
  const dues = useMemberDues(memberId, year);
  if (dues.isPending) return <Card title={t('dues.panel.title')}><Skeleton active paragraph={{ rows: 6 }} /></Card>;
  if (dues.isError) return <Card title={t('dues.panel.title')}><PageError error={dues.error} onRetry={() => void dues.refetch()} /></Card>;
  return <DuesView dues={dues.data} year={year} onYear={setYear} loading={dues.isFetching} />;
}

function DuesView({ dues, year, onYear, loading }: { dues: MemberDues; year: number; onYear: (y: number) => void; loading: boolean }) {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const canManage = canDues.manage(me.role);
  const [dialog, setDialog] = useState<Dialog>(null);
  const deleteReason = useDeleteGoodReason();
  const now = currentMonth();
  const thisMonth = dues.months.find((m) => m.month === now);
  const firstYear = Math.min(year, Number((dues.profiles.at(-1)?.validFrom ?? now).slice(0, 4)), Number(now.slice(0, 4)) - 2);
  const years = Array.from({ length: Number(now.slice(0, 4)) + 2 - firstYear }, (_, i) => firstYear + i).reverse();
  const close = () => setDialog(null);
  const partyAge = dues.member.admissionDecisionDate ? { admittedOn: dues.member.admissionDecisionDate } : undefined;
  const goodReasonMonths = new Set(dues.goodReasons.map((g) => g.month));
  const arrearsMonths = new Set(dues.arrears.map((a) => a.month));

  const amountCell = (m: DuesMonth) => {
    if (m.problem) return <Tag color="red">{t('dues.problemTag')}</Tag>;
    if (m.expectedVnd === null) return <Typography.Text type="secondary">—</Typography.Text>;
    return (
      <Tooltip title={`${basisText(t, locale, m.basis)} · ${m.ruleSetSource ?? ''}`}>
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatVnd(m.expectedVnd)}</span>
      </Tooltip>
    );
  };

  const columns: ColumnsType<DuesMonth> = [
    { title: t('dues.col.month'), dataIndex: 'month', width: 90, render: (m: string) => <strong>{showMonth(m)}</strong> },
    { title: t('dues.col.expected'), key: 'expected', align: 'right', width: 140, render: (_, m) => amountCell(m) },
    {
      title: t('dues.col.paid'),
      dataIndex: 'paidVnd',
      align: 'right',
      width: 140,
      render: (v: number, m) => {
        const lines = dues.payments.filter((p) => p.forMonth === m.month);
        if (lines.length === 0) return v ? formatVnd(v) : <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Popover title={t('dues.collection.payments')} content={<PaymentList payments={lines} canManage={canManage} />} trigger={['hover', 'click']}>
            <a style={{ fontVariantNumeric: 'tabular-nums' }}>{formatVnd(v)}</a>
          </Popover>
        );
      },
    },
    {
      title: t('dues.col.balance'),
      dataIndex: 'balanceVnd',
      align: 'right',
      width: 140,
      render: (v: number | null, m) =>
        v === null ? '' : v > 0 ? (
          <Typography.Text type={arrearsMonths.has(m.month) ? 'danger' : undefined} strong={arrearsMonths.has(m.month)} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatVnd(v)}
          </Typography.Text>
        ) : v < 0 ? (
          <Typography.Text type="success" style={{ whiteSpace: 'nowrap' }}>{t('dues.collection.overpaid', { amount: formatVnd(-v) })}</Typography.Text>
        ) : (
          <Typography.Text type="success">0 ₫</Typography.Text>
        ),
    },
    {
      title: t('dues.col.note'),
      key: 'note',
      render: (_, m) => (
        <Space size={4} wrap>
          {m.exempt && <Tag color="green">{m.exempt === 'party_age' ? t('dues.panel.partyAgeExempt') : `${t('dues.exemptTag')}: ${t(`dues.exemptReason.${m.exempt}`)}`}</Tag>}
          {m.reductionPercent && <Tag color="gold">{t('dues.reducedTag', { percent: m.reductionPercent })}</Tag>}
          {m.goodReason && <Tag color="blue">{t('dues.goodReasonTag')}</Tag>}
          {m.problem && <Typography.Text type="danger">{t(`dues.violation.${m.problem}`, { source: m.ruleSetSource, from: showMonth(m.month) })}</Typography.Text>}
          {canManage && arrearsMonths.has(m.month) && !goodReasonMonths.has(m.month) && (
            <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => setDialog({ kind: 'goodReason', month: m.month })}>
              {t('dues.panel.addGoodReason')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const profileColumns: ColumnsType<DuesProfileVersion> = [
    {
      title: t('dues.profile.fromMonth'),
      key: 'range',
      width: 190,
      render: (_, p) =>
        p.superseded ? (
          <Typography.Text delete type="secondary">
            {showMonth(p.validFrom.slice(0, 7))} · {t('dues.panel.superseded')}
          </Typography.Text>
        ) : (
          t('dues.profile.range', { from: showMonth(p.validFrom.slice(0, 7)), to: p.validTo ? showMonth(prevMonth(p.validTo)) : t('dues.panel.open') })
        ),
    },
    { title: t('dues.profile.group'), dataIndex: 'group', render: (g: string) => t(`dues.group.${g}`) },
    {
      title: t('dues.col.note'),
      key: 'facts',
      render: (_, p) =>
        [
          p.baseAmountVnd !== null ? formatVnd(p.baseAmountVnd) : null,
          p.onSickOrMaternityLeave ? t('dues.profile.sick') : null,
          p.region ? t('dues.wages.region', { region: p.region }) : null,
          p.bandAmountVnd !== null ? `${t('dues.profile.band').split(' (')[0]}: ${formatVnd(p.bandAmountVnd)}` : null,
          p.pastWorkingAge ? t('dues.profile.pastWorkingAge').split(' (')[0] : null,
          p.note,
        ]
          .filter(Boolean)
          .join(' · '),
    },
    { title: '', dataIndex: 'createdBy', width: 160, render: (by: string | null, p) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{by ?? ''} {showDate(p.createdAt)}</Typography.Text> },
  ];

  const decisionRows = [
    ...dues.exemptions.map((e) => ({ key: `e${e.id}`, kind: 'exemption' as const, e })),
    ...dues.reductions.map((r) => ({ key: `r${r.id}`, kind: 'reduction' as const, r })),
  ];

  return (
    <Card
      title={
        <Space>
          {t('dues.panel.title')}
          <Select size="small" value={year} onChange={onYear} options={years.map((y) => ({ value: y, label: y }))} aria-label={t('dues.year')} loading={loading} />
        </Space>
      }
      extra={
        canManage && (
          <Space wrap>
            {dues.current && (
              <Button type="primary" onClick={() => setDialog({ kind: 'payment' })}>
                {t('dues.payment.record')}
              </Button>
            )}
            <Button onClick={() => setDialog({ kind: 'profile' })}>{dues.current ? t('dues.panel.setProfile') : t('dues.panel.firstProfile')}</Button>
            <Dropdown
              menu={{
                items: [
                  { key: 'exemption', label: t('dues.panel.addExemption'), onClick: () => setDialog({ kind: 'exemption' }) },
                  { key: 'reduction', label: t('dues.panel.addReduction'), onClick: () => setDialog({ kind: 'reduction' }) },
                  { key: 'goodReason', label: t('dues.panel.addGoodReason'), onClick: () => setDialog({ kind: 'goodReason' }) },
                ],
              }}
            >
              <Button>⋯</Button>
            </Dropdown>
          </Space>
        )
      }
    >
      <Flex vertical gap={12}>
        {dues.current ? (
          <Row gutter={[12, 12]}>
            <Col xs={24} md={9}>
              <InfoBox label={t('dues.panel.current')}>
                <div style={{ fontWeight: 600 }}>{t(`dues.group.${dues.current.group}`)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('dues.profile.from', { month: showMonth(dues.current.validFrom.slice(0, 7)) })}
                </Typography.Text>
              </InfoBox>
            </Col>
            <Col xs={24} md={7}>
              <InfoBox label={t('dues.panel.thisMonth', { month: showMonth(now) })}>
                {thisMonth && thisMonth.expectedVnd !== null ? (
                  <>
                    <div style={{ fontSize: 20, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{formatVnd(thisMonth.expectedVnd)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {basisText(t, locale, thisMonth.basis)}
                    </Typography.Text>
                  </>
                ) : (
                  '—'
                )}
              </InfoBox>
            </Col>
            <Col xs={24} md={8}>
              <InfoBox label={t('dues.panel.asOf', { date: showDate(dues.asOf) })}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {thisMonth?.ruleSetSource ?? ''}
                </Typography.Text>
              </InfoBox>
            </Col>
          </Row>
        ) : (
          <Alert type="info" showIcon title={t('dues.panel.noProfile')} />
        )}
        {dues.arrears.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('dues.panel.arrears', {
              months: dues.arrears.length,
              amount: formatVnd(dues.arrearsTotalVnd),
              list: dues.arrears.map((a) => showMonth(a.month)).join(', '),
            })}
          />
        ) : (
          dues.current && <Alert type="success" showIcon title={t('dues.panel.noArrears')} />
        )}
        {dues.screening.flagged ? (
          <Alert
            type="error"
            showIcon
            title={t('dues.panel.flagged', {
              year: dues.screening.year,
              n: dues.screening.months.length,
              list: dues.screening.months.map(showMonth).join(', '),
              threshold: dues.screening.threshold,
            })}
          />
        ) : (
          dues.screening.months.length > 0 && (
            <Typography.Text type="secondary">
              {t('dues.panel.unpaidYear', { year: dues.screening.year, n: dues.screening.months.length, threshold: dues.screening.threshold })}
            </Typography.Text>
          )
        )}
        <Table<DuesMonth> size="small" rowKey="month" pagination={false} columns={columns} dataSource={dues.months} aria-label={t('dues.panel.months', { year })} />
        <Collapse
          size="small"
          items={[
            {
              key: 'history',
              label: `${t('dues.panel.history')} (${dues.profiles.length})`,
              children: dues.profiles.length ? <Table size="small" rowKey="id" pagination={false} columns={profileColumns} dataSource={dues.profiles} /> : <Empty />,
            },
            {
              key: 'decisions',
              label: `${t('dues.panel.decisions')} (${decisionRows.length})`,
              children: decisionRows.length ? (
                <Table
                  size="small"
                  pagination={false}
                  dataSource={decisionRows}
                  columns={[
                    {
                      title: t('dues.col.note'),
                      key: 'what',
                      render: (_, d) =>
                        d.kind === 'exemption' ? (
                          <Tag color="green">{`${t('dues.exemptTag')}: ${t(`dues.exemptReason.${d.e.reason}`)}`}</Tag>
                        ) : (
                          <>
                            <Tag color="gold">{t('dues.reducedTag', { percent: d.r.percent })}</Tag> {d.r.reason}
                          </>
                        ),
                    },
                    {
                      title: t('dues.profile.fromMonth'),
                      key: 'range',
                      render: (_, d) => {
                        const x = d.kind === 'exemption' ? d.e : d.r;
                        return t('dues.profile.range', { from: showMonth(x.fromMonth), to: x.toMonth ? showMonth(x.toMonth) : t('dues.decision.untilRevoked') });
                      },
                    },
                    {
                      title: t('dues.decision.ref'),
                      key: 'ref',
                      render: (_, d) => {
                        const x = d.kind === 'exemption' ? d.e : d.r;
                        return `${x.decisionRef} · ${showDate(x.decidedOn)}`;
                      },
                    },
                    ...(canManage
                      ? [
                          {
                            key: 'edit',
                            width: 70,
                            render: (_: unknown, d: (typeof decisionRows)[number]) => (
                              <Button size="small" type="link" onClick={() => setDialog(d.kind === 'exemption' ? { kind: 'exemption', exemption: d.e } : { kind: 'reduction', reduction: d.r })}>
                                {t('common.edit')}
                              </Button>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              ) : (
                <Empty />
              ),
            },
            {
              key: 'reasons',
              label: `${t('dues.panel.goodReasons')} (${dues.goodReasons.length})`,
              children: dues.goodReasons.length ? (
                <Flex vertical gap={4}>
                  {dues.goodReasons.map((g) => (
                    <Flex key={g.id} gap={8} align="baseline" justify="space-between">
                      <span>
                        <strong>{showMonth(g.month)}</strong>: {g.reason}{' '}
                        <Typography.Text type="secondary">
                          ({g.acceptedBy}, {showDate(g.acceptedOn)}
                          {g.decisionRef ? `, ${g.decisionRef}` : ''})
                        </Typography.Text>
                      </span>
                      {canManage && (
                        <Popconfirm
                          title={t('dues.goodReason.deleteConfirm', { month: showMonth(g.month) })}
                          okText={t('common.yes')}
                          cancelText={t('common.no')}
                          onConfirm={() => deleteReason.mutateAsync({ id: g.id, version: g.version }).catch((err: unknown) => void message.error(duesErrorText(t, err)))}
                        >
                          <Button size="small" type="link" danger>
                            {t('dues.goodReason.delete')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Flex>
                  ))}
                </Flex>
              ) : (
                <Empty />
              ),
            },
            {
              key: 'payments',
              label: `${t('dues.panel.payments')} (${dues.payments.length})`,
              children: dues.payments.length ? (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={{ pageSize: 12, hideOnSinglePage: true }}
                  dataSource={dues.payments}
                  columns={[
                    { title: t('dues.col.month'), dataIndex: 'forMonth', width: 90, render: (m: string) => showMonth(m) },
                    { title: t('dues.panel.payments'), key: 'p', render: (_, p) => <PaymentList payments={[p]} canManage={canManage} /> },
                  ]}
                />
              ) : (
                <Empty description={t('dues.payment.none')} />
              ),
            },
          ]}
        />
      </Flex>
      <ProfileFormModal open={dialog?.kind === 'profile'} memberId={dues.member.id} current={dues.current} partyAge={partyAge} onClose={close} />
      <PaymentModal open={dialog?.kind === 'payment'} dues={dues} onClose={close} />
      <ExemptionModal open={dialog?.kind === 'exemption'} memberId={dues.member.id} exemption={dialog?.kind === 'exemption' ? dialog.exemption : undefined} onClose={close} />
      <ReductionModal open={dialog?.kind === 'reduction'} memberId={dues.member.id} reduction={dialog?.kind === 'reduction' ? dialog.reduction : undefined} onClose={close} />
      <GoodReasonModal open={dialog?.kind === 'goodReason'} memberId={dues.member.id} month={dialog?.kind === 'goodReason' ? dialog.month : undefined} onClose={close} />
    </Card>
  );
}

function InfoBox({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', height: '100%', background: '#fafafa' }}>
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', marginBottom: 2 }}>{label}</div>
      {children}
    </div>
  );
}

/** The last month a version covers: valid_to is the 1st day of the month after it. */
function prevMonth(validTo: string): string {
  const [y, m] = [Number(validTo.slice(0, 4)), Number(validTo.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
