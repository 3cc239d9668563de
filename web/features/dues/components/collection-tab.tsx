import { App, Button, Card, Col, Empty, Flex, Input, InputNumber, Popover, Row, Select, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type CollectionRow, PAYMENT_METHODS, type PaymentMethod } from '../../../../common/contracts/dues.contract.ts';
import { ApiError } from '../../../api/http.ts';
import { fieldText } from '../../../components/api-error.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { PageError } from '../../../components/page-error.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useCurrentUser } from '../../auth/use-current-user.ts';
import { canDues } from '../can-dues.ts';
import { formatVnd, groupDigits, parseVnd, showMonth } from '../money.ts';
import { useCollectionSheet } from '../queries/use-collection-sheet.ts';
import { useRecordPayments } from '../queries/use-record-payments.ts';
import { basisText } from './basis-text.ts';
import { newIdempotencyKey } from '../idempotency-key.ts';
import { MonthPicker } from './month-picker.tsx';
import { PaymentList } from './payment-list.tsx';
import { DuesErrorAlert } from './violation-list.tsx';

type Staged = Record<number, number | null>;

function focusEntry(row: number) {
  const el = document.querySelector<HTMLInputElement>(`[data-dues-entry="${row}"] input`);
  if (el) {
    el.focus();
    el.select();
  }
}

/** What "paid in full" means for a row: what is still owed for the month (nothing for exempt or unknown amounts). */
const fullAmountOf = (r: CollectionRow) => (r.balanceVnd !== null && r.balanceVnd > 0 ? r.balanceVnd : 0);

/**
 * The cell's collection screen for a month: every member in name order with what they owe, what they paid and what is
 * left, and a fast entry column. Entries are staged and recorded together in one submission (one transaction, one
 * audit row); the keyboard alone is enough: Enter moves down, + fills the outstanding amount, Ctrl+Enter records.
 */
export function CollectionTab({ organizationId, month, onMonth }: { organizationId: number; month: string; onMonth: (m: string) => void }) {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const canManage = canDues.manage(me.role);
  const sheet = useCollectionSheet(organizationId, month);
  const record = useRecordPayments();
  const [staged, setStaged] = useState<Staged>({});
  const [refs, setRefs] = useState<Record<number, string>>({});
  const [paidOn, setPaidOn] = useState<string>(todayIso());
  const [method, setMethod] = useState<PaymentMethod>('cash_to_cell');
  const key = useRef<string>(newIdempotencyKey());

  useEffect(() => {
    setStaged({});
    setRefs({});
    record.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [organizationId, month]);
  // A changed set of entries is a new submission; an unchanged one retried keeps its key (one effect).
  useEffect(() => {
    key.current = newIdempotencyKey();
  }, [staged, refs, paidOn, method]);

  const rows = sheet.data?.rows ?? [];
  const entries = Object.entries(staged).filter(([, v]) => v !== null && v > 0) as [string, number][];
  const stagedTotal = entries.reduce((s, [, v]) => s + v, 0);
  const refIssues = useMemo(() => {
    if (!(record.error instanceof ApiError)) return new Map<number, string>();
    const byIndex = new Map<number, string>();
    const items = entries.map(([id]) => Number(id));
    for (const f of record.error.fields) {
      const m = /^body\.items\.(\d+)\./.exec(f.path) ?? /^items\.(\d+)\./.exec(f.path);
      if (m) byIndex.set(items[Number(m[1])], fieldText(t, f.code, f.params ?? {}));
    }
    return byIndex;
  }, [record.error, entries, t]);

  const stage = (memberId: number, v: number | null) => setStaged((s) => ({ ...s, [memberId]: v }));
  const fillAll = () => setStaged(Object.fromEntries(rows.filter((r) => fullAmountOf(r) > 0).map((r) => [r.memberId, fullAmountOf(r)])));

  const save = () => {
    if (entries.length === 0 || record.isPending) return;
    const missing = method === 'online' ? entries.find(([id]) => !(refs[Number(id)] ?? '').trim()) : undefined;
    if (missing) {
      void message.warning(t('field.reference_required'));
      return;
    }
    record.mutate(
      {
        idempotencyKey: key.current,
        paidOn,
        method,
        items: entries.map(([id, amount]) => ({ memberId: Number(id), forMonth: month, amountVnd: amount, reference: refs[Number(id)] ?? '' })),
      },
      {
        onSuccess: (r) => {
          void message.success(r.replayed ? t('dues.collection.replayed') : t('dues.collection.saved', { n: r.payments.length }));
          setStaged({});
          setRefs({});
        },
      },
    );
  };

  if (sheet.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (sheet.isError) return <PageError error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const s = sheet.data;

  const onEntryKey = (e: React.KeyboardEvent<HTMLInputElement>, r: CollectionRow, i: number) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      // The value being typed is staged by onChange before this fires.
      setTimeout(save, 0);
    } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      focusEntry(e.shiftKey ? i - 1 : i + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusEntry(i - 1);
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      stage(r.memberId, fullAmountOf(r) || null);
    } else if (e.key === 'Escape') {
      stage(r.memberId, null);
    }
  };

  const columns: ColumnsType<CollectionRow> = [
    { title: t('dues.col.no'), key: 'no', width: 52, align: 'right', render: (_, __, i) => i + 1 },
    {
      title: t('dues.col.fullName'),
      dataIndex: 'fullName',
      render: (name: string, r) => (
        <Flex vertical gap={2}>
          <Link to={`/dues/members/${r.memberId}`}>
            <strong>{name}</strong>
          </Link>
          <span>
            {r.exempt && <Tag color="green">{t('dues.exemptTag')}</Tag>}
            {r.reductionPercent && <Tag color="gold">{t('dues.reducedTag', { percent: r.reductionPercent })}</Tag>}
            {!r.hasProfile && <Tag color="default">{t('dues.noProfile')}</Tag>}
            {r.problem && <Tag color="red">{t('dues.problemTag')}</Tag>}
            {r.monthsInArrearsBefore > 0 && <Tag color="orange">{t('dues.arrearsTag', { n: r.monthsInArrearsBefore })}</Tag>}
          </span>
        </Flex>
      ),
    },
    {
      title: t('dues.col.expected'),
      dataIndex: 'expectedVnd',
      align: 'right',
      width: 130,
      render: (v: number | null, r) =>
        v === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Tooltip title={basisText(t, locale, r.basis)}>
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatVnd(v)}</span>
          </Tooltip>
        ),
    },
    {
      title: t('dues.col.paid'),
      dataIndex: 'paidVnd',
      align: 'right',
      width: 130,
      render: (v: number, r) =>
        r.payments.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Popover title={t('dues.collection.payments')} content={<PaymentList payments={r.payments} canManage={canManage} />} trigger={['hover', 'click']}>
            <a style={{ fontVariantNumeric: 'tabular-nums' }}>{formatVnd(v)}</a>
          </Popover>
        ),
    },
    {
      title: t('dues.col.balance'),
      dataIndex: 'balanceVnd',
      align: 'right',
      width: 130,
      render: (v: number | null) =>
        v === null ? (
          ''
        ) : v > 0 ? (
          <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatVnd(v)}
          </Typography.Text>
        ) : v < 0 ? (
          <Typography.Text type="success" style={{ whiteSpace: 'nowrap' }}>{t('dues.collection.overpaid', { amount: formatVnd(-v) })}</Typography.Text>
        ) : (
          <Typography.Text type="success">✓</Typography.Text>
        ),
    },
    ...(canManage
      ? ([
          ...(method === 'online'
            ? [
                {
                  title: t('dues.col.reference'),
                  key: 'reference',
                  width: 150,
                  render: (_: unknown, r: CollectionRow) =>
                    staged[r.memberId] ? (
                      <Input
                        size="small"
                        value={refs[r.memberId] ?? ''}
                        status={refIssues.get(r.memberId) ? 'error' : undefined}
                        placeholder={t('dues.collection.referenceRequired')}
                        onChange={(e) => setRefs((x) => ({ ...x, [r.memberId]: e.target.value }))}
                        aria-label={`${t('dues.col.reference')}: ${r.fullName}`}
                      />
                    ) : null,
                },
              ]
            : []),
          {
            title: t('dues.col.entry'),
            key: 'entry',
            width: 150,
            render: (_: unknown, r: CollectionRow, i: number) => (
              <Tooltip title={refIssues.get(r.memberId)} open={refIssues.get(r.memberId) ? undefined : false} color="red">
                <span data-dues-entry={i}>
                  <InputNumber<number>
                    size="small"
                    value={staged[r.memberId] ?? null}
                    min={0}
                    max={1_000_000_000}
                    precision={0}
                    controls={false}
                    keyboard={false}
                    formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : groupDigits(Number(v)))}
                    parser={(x) => parseVnd(x) ?? (null as unknown as number)}
                    onChange={(v) => stage(r.memberId, v ?? null)}
                    onKeyDown={(e) => onEntryKey(e, r, i)}
                    onFocus={(e) => e.target.select()}
                    style={{ width: '100%' }}
                    aria-label={`${t('dues.col.entry')}: ${r.fullName}`}
                  />
                </span>
              </Tooltip>
            ),
          },
          {
            key: 'full',
            width: 64,
            render: (_: unknown, r: CollectionRow) => (
              <Button
                size="small"
                disabled={fullAmountOf(r) === 0}
                onClick={() => stage(r.memberId, fullAmountOf(r))}
                title={t('dues.collection.fullRowTitle', { name: r.fullName })}
                aria-label={t('dues.collection.fullRowTitle', { name: r.fullName })}
              >
                {t('dues.collection.fullRow')}
              </Button>
            ),
          },
        ] as ColumnsType<CollectionRow>)
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="end" justify="space-between">
        <Space wrap align="end">
          <label>
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t('dues.month')}</div>
            <MonthPicker value={month} onChange={(m) => m && onMonth(m)} aria-label={t('dues.month')} />
          </label>
          {canManage && (
            <>
              <label>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t('dues.collection.paidOn')}</div>
                <IsoDatePicker value={paidOn} onChange={(d) => d && setPaidOn(d)} maxDate={todayIso()} style={{ width: 150 }} />
              </label>
              <label>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t('dues.collection.method')}</div>
                <Select value={method} onChange={setMethod} style={{ width: 210 }} options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`dues.method.${m}`) }))} />
              </label>
            </>
          )}
        </Space>
        <Space wrap>
          <Link to={`/dues/organizations/${organizationId}/print?month=${month}`} target="_blank">
            <Button>{t('dues.collection.print')}</Button>
          </Link>
          <Button href={`/api/dues/organizations/${organizationId}/collection.xlsx?month=${month}`}>{t('dues.collection.excel')}</Button>
        </Space>
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('dues.collection.members')} value={s.totals.members} />
          </Card>
        </Col>
        <Col xs={12} md={5}>
          <Card size="small">
            <Statistic title={t('dues.collection.expectedTotal')} value={formatVnd(s.totals.expectedVnd)} />
          </Card>
        </Col>
        <Col xs={12} md={5}>
          <Card size="small">
            <Statistic title={t('dues.collection.paidTotal')} value={formatVnd(s.totals.paidVnd)} styles={{ content: { color: '#237804' } }} />
          </Card>
        </Col>
        <Col xs={12} md={5}>
          <Card size="small">
            <Statistic title={t('dues.collection.outstanding')} value={formatVnd(s.totals.outstandingVnd)} styles={{ content: { color: s.totals.outstandingVnd > 0 ? '#a8071a' : undefined } }} />
          </Card>
        </Col>
        <Col xs={24} md={5}>
          <Card size="small">
            <Statistic title={t('dues.collection.paidInFull')} value={`${s.totals.paidInFull}/${s.totals.owing}`} />
          </Card>
        </Col>
      </Row>
      {s.ruleSetSource && (
        <Typography.Text type="secondary">
          {t('dues.ruleSet', { source: s.ruleSetSource })} · {showMonth(month)}
        </Typography.Text>
      )}
      <DuesErrorAlert error={record.error} />
      {rows.length === 0 ? (
        <Empty description={t('dues.collection.empty')} />
      ) : (
        <Table<CollectionRow>
          size="small"
          rowKey="memberId"
          pagination={false}
          columns={columns}
          dataSource={rows}
          loading={sheet.isFetching && !sheet.isPending}
          onRow={(r) => ({ style: staged[r.memberId] ? { background: '#fffbe6' } : undefined })}
          sticky
        />
      )}
      {canManage && rows.length > 0 && (
        <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 3, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}>
          <Flex gap={12} wrap align="center" justify="space-between">
            <Typography.Text type="secondary">{t('dues.collection.keys')}</Typography.Text>
            <Space wrap>
              <Typography.Text strong>{t('dues.collection.staged', { n: entries.length, amount: formatVnd(stagedTotal) })}</Typography.Text>
              <Button onClick={fillAll}>{t('dues.collection.fullAll')}</Button>
              <Button onClick={() => setStaged({})} disabled={entries.length === 0}>
                {t('dues.collection.clear')}
              </Button>
              <Button type="primary" onClick={save} disabled={entries.length === 0} loading={record.isPending}>
                {t('dues.collection.save', { n: entries.length })}
              </Button>
            </Space>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
