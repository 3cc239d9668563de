import { Alert, Empty, Flex, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CellArrears } from '../../../../common/contracts/dues.contract.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { PageError } from '../../../components/page-error.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { formatVnd, showMonth } from '../money.ts';
import { useCellArrears } from '../queries/use-cell-arrears.ts';

type Row = CellArrears['rows'][number];

/** Members of a cell who owe dues (R-DUE), with the R-DUE-01 count of the year: 3 months without good reason → review. */
export function ArrearsTab({ organizationId }: { organizationId: number }) {
  const t = useT();
  const [asOf, setAsOf] = useState<string | null>(null);
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const arrears = useCellArrears(organizationId, asOf, year);
  if (arrears.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (arrears.isError) return <PageError error={arrears.error} onRetry={() => void arrears.refetch()} />;
  const a = arrears.data;

  const columns: ColumnsType<Row> = [
    { title: t('dues.col.no'), key: 'no', width: 52, align: 'right', render: (_, __, i) => i + 1 },
    {
      title: t('dues.col.fullName'),
      dataIndex: 'fullName',
      width: 220,
      render: (name: string, r) => (
        <Link to={`/dues/members/${r.memberId}`}>
          <strong>{name}</strong>
        </Link>
      ),
    },
    {
      title: t('dues.arrears.months'),
      key: 'months',
      render: (_, r) => (
        <Space size={[4, 4]} wrap>
          {r.months.map((m) => (
            <Tooltip key={m.month} title={`${formatVnd(m.paidVnd)} / ${formatVnd(m.expectedVnd)}`}>
              <Tag color={m.paidVnd > 0 ? 'gold' : 'red'}>{showMonth(m.month)}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t('dues.arrears.total'),
      dataIndex: 'shortfallVnd',
      align: 'right',
      width: 140,
      sorter: (x, y) => x.shortfallVnd - y.shortfallVnd,
      render: (v: number) => <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{formatVnd(v)}</strong>,
    },
    {
      title: t('dues.arrears.unpaidInYear', { year: a.year }),
      key: 'year',
      width: 200,
      sorter: (x, y) => x.unpaidInYear.length - y.unpaidInYear.length,
      render: (_, r) => (
        <Space size={4} wrap>
          <span>
            {r.unpaidInYear.length}/{a.threshold}
          </span>
          {r.flagged && <Tag color="red">{t('dues.arrears.flagged')}</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Space wrap align="end">
        <label>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t('dues.arrears.asOf')}</div>
          <IsoDatePicker value={asOf ?? a.asOf} onChange={(d) => setAsOf(d)} maxDate={todayIso()} style={{ width: 150 }} />
        </label>
        <label>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t('dues.year')}</div>
          <Select value={year} onChange={setYear} style={{ width: 100 }} options={Array.from({ length: 6 }, (_, i) => ({ value: thisYear - i, label: thisYear - i }))} />
        </label>
      </Space>
      <Alert
        type={a.rows.some((r) => r.flagged) ? 'warning' : 'info'}
        showIcon
        title={t('dues.arrears.summary', {
          n: a.rows.filter((r) => r.shortfallVnd > 0).length,
          members: a.memberCount,
          amount: formatVnd(a.totalShortfallVnd),
          from: showMonth(a.from),
          threshold: a.threshold,
        })}
      />
      {a.rows.length === 0 ? (
        <Empty description={t('dues.arrears.empty')} />
      ) : (
        <Table<Row>
          size="small"
          rowKey="memberId"
          pagination={false}
          columns={columns}
          dataSource={a.rows}
          loading={arrears.isFetching}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3} align="right">
                <Typography.Text strong>{t('dues.print.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{formatVnd(a.totalShortfallVnd)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
            </Table.Summary.Row>
          )}
        />
      )}
    </Flex>
  );
}
