import { Alert, Button, Empty, Flex, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { Reconciliation, Remittance } from '../../../../common/contracts/dues.contract.ts';
import { MEMBER_HOLDING_KINDS, type OrganizationKind } from '../../../../common/contracts/organizations.contract.ts';
import { showDate, todayIso } from '../../../components/dates.ts';
import { PageError } from '../../../components/page-error.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useCurrentUser } from '../../auth/use-current-user.ts';
import { canDues } from '../can-dues.ts';
import { currentMonth, formatVnd, showMonth } from '../money.ts';
import { useIncomingRemittances } from '../queries/use-incoming-remittances.ts';
import { useReconciliation } from '../queries/use-reconciliation.ts';
import { ReceiveRemittanceModal, RemittanceModal } from './remittance-modals.tsx';

type MonthLine = Reconciliation['months'][number];

/**
 * Remittances of dues to the organization above, reconciled month by month with what the members paid (collected by
 * payment date) and the difference; the organization above sees what its cells sent and confirms receipt.
 */
export function RemittancesTab({ organizationId, kind }: { organizationId: number; kind: OrganizationKind | undefined }) {
  const t = useT();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const holdsMembers = kind !== undefined && MEMBER_HOLDING_KINDS.includes(kind);
  return (
    <Flex vertical gap={16}>
      <Space align="end">
        <label>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t('dues.year')}</div>
          <Select value={year} onChange={setYear} style={{ width: 100 }} options={Array.from({ length: 6 }, (_, i) => ({ value: thisYear - i, label: thisYear - i }))} />
        </label>
      </Space>
      {holdsMembers ? <CellReconciliation organizationId={organizationId} year={year} /> : <Incoming organizationId={organizationId} year={year} />}
    </Flex>
  );
}

function ReceiptCell({ r, onReceive }: { r: Remittance; onReceive: (r: Remittance) => void }) {
  const t = useT();
  const me = useCurrentUser();
  if (r.receivedOn) {
    return (
      <Tooltip title={r.receivedBy}>
        <Tag color="green">{t('dues.remit.received', { date: showDate(r.receivedOn) })}</Tag>
      </Tooltip>
    );
  }
  if (r.canReceive && canDues.manage(me.role)) {
    return (
      <Button size="small" type="primary" ghost onClick={() => onReceive(r)}>
        {t('dues.remit.receive')}
      </Button>
    );
  }
  return <Tag color="orange">{t('dues.remit.pending')}</Tag>;
}

function CellReconciliation({ organizationId, year }: { organizationId: number; year: number }) {
  const t = useT();
  const me = useCurrentUser();
  const canManage = canDues.manage(me.role);
  const rec = useReconciliation(organizationId, year);
  const [recording, setRecording] = useState<{ month?: string; amount?: number; remittance?: Remittance } | null>(null);
  const [receiving, setReceiving] = useState<Remittance | null>(null);
  if (rec.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (rec.isError) return <PageError error={rec.error} onRetry={() => void rec.refetch()} />;
  const r = rec.data;
  const money = (v: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatVnd(v)}</span>;
  const now = currentMonth();

  const columns: ColumnsType<MonthLine> = [
    { title: t('dues.col.month'), dataIndex: 'month', width: 90, render: (m: string) => <strong>{showMonth(m)}</strong> },
    { title: t('dues.remit.expected'), dataIndex: 'expectedVnd', align: 'right', render: money },
    { title: t('dues.remit.collected'), dataIndex: 'collectedVnd', align: 'right', render: money },
    { title: t('dues.remit.remitted'), dataIndex: 'remittedVnd', align: 'right', render: money },
    {
      title: <Tooltip title={t('dues.remit.differenceHint')}>{t('dues.remit.difference')} ⓘ</Tooltip>,
      dataIndex: 'differenceVnd',
      align: 'right',
      render: (v: number, l) =>
        l.collectedVnd === 0 && l.remittedVnd === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Typography.Text type={v === 0 ? 'success' : 'danger'} strong={v !== 0} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {v === 0 ? '0 ₫ ✓' : formatVnd(v)}
          </Typography.Text>
        ),
    },
    {
      title: t('dues.col.status'),
      key: 'status',
      render: (_, l) => (
        <Flex vertical gap={4}>
          {l.remittances.map((x) => (
            <Space key={x.id} size={6} wrap>
              <span>
                {formatVnd(x.amountVnd)} · {showDate(x.remittedOn)}
                {x.reference ? ` · ${x.reference}` : ''}
              </span>
              <ReceiptCell r={x} onReceive={setReceiving} />
              {canManage && !x.receivedOn && (
                <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => setRecording({ remittance: x })}>
                  {t('common.edit')}
                </Button>
              )}
            </Space>
          ))}
        </Flex>
      ),
    },
    ...(canManage && r.parent
      ? [
          {
            key: 'record',
            width: 90,
            render: (_: unknown, l: MonthLine) =>
              l.month <= now && l.differenceVnd > 0 ? (
                <Button size="small" onClick={() => setRecording({ month: l.month, amount: l.differenceVnd })}>
                  {t('dues.remit.record')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      {r.parent ? <Typography.Text>{t('dues.remit.parent', { name: r.parent.name })}</Typography.Text> : <Alert type="info" showIcon title={t('dues.remit.noParent')} />}
      <Table<MonthLine>
        size="small"
        rowKey="month"
        pagination={false}
        columns={columns}
        dataSource={r.months}
        loading={rec.isFetching}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('dues.remit.totals')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{formatVnd(r.totals.expectedVnd)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong>{formatVnd(r.totals.collectedVnd)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <strong>{formatVnd(r.totals.remittedVnd)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <Typography.Text strong type={r.totals.differenceVnd === 0 ? 'success' : 'danger'}>
                {formatVnd(r.totals.differenceVnd)}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} colSpan={2} />
          </Table.Summary.Row>
        )}
      />
      <Typography.Text type="secondary">{t('dues.remit.differenceHint')}</Typography.Text>
      {r.parent && (
        <RemittanceModal
          open={recording !== null}
          organizationId={organizationId}
          parentName={r.parent.name}
          month={recording?.month}
          amount={recording?.amount}
          remittance={recording?.remittance}
          onClose={() => setRecording(null)}
        />
      )}
      <ReceiveRemittanceModal remittance={receiving} onClose={() => setReceiving(null)} />
    </Flex>
  );
}

function Incoming({ organizationId, year }: { organizationId: number; year: number }) {
  const t = useT();
  const incoming = useIncomingRemittances(organizationId, year, true);
  const [receiving, setReceiving] = useState<Remittance | null>(null);
  if (incoming.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (incoming.isError) return <PageError error={incoming.error} onRetry={() => void incoming.refetch()} />;
  const d = incoming.data;
  type Item = (typeof d.items)[number];
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('dues.remit.incoming', { name: d.organization.name })}
      </Typography.Title>
      {d.items.length === 0 ? (
        <Empty description={t('dues.remit.incomingEmpty')} />
      ) : (
        <Table<Item>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.items}
          columns={[
            { title: t('dues.col.month'), dataIndex: 'month', width: 90, render: (m: string) => showMonth(m) },
            { title: t('dues.remit.from'), key: 'from', render: (_, x) => x.organization.name },
            { title: t('dues.remit.collected'), dataIndex: 'collectedVnd', align: 'right', render: (v: number) => formatVnd(v) },
            { title: t('dues.remit.remitted'), dataIndex: 'amountVnd', align: 'right', render: (v: number) => <strong>{formatVnd(v)}</strong> },
            {
              title: t('dues.remit.difference'),
              key: 'diff',
              align: 'right',
              render: (_, x) => <Typography.Text type={x.collectedVnd - x.amountVnd === 0 ? 'success' : 'danger'}>{formatVnd(x.collectedVnd - x.amountVnd)}</Typography.Text>,
            },
            { title: t('dues.remit.remittedOn'), dataIndex: 'remittedOn', render: (v: string, x) => `${showDate(v)}${x.reference ? ` · ${x.reference}` : ''}` },
            { title: t('dues.col.status'), key: 'status', render: (_, x) => <ReceiptCell r={x} onReceive={setReceiving} /> },
          ]}
        />
      )}
      <ReceiveRemittanceModal remittance={receiving} onClose={() => setReceiving(null)} />
    </Flex>
  );
}
