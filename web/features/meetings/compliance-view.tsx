import { Card, Col, Flex, Row, Select, Space, Statistic, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ComplianceRow } from '../../../common/contracts/meetings.contract.ts';
import { todayIso } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { boxState, ComplianceBox, isMonthJudged, isQuarterJudged } from './components/compliance-cells.tsx';
import { useMonthInText, useMonthLabel } from './components/meeting-tags.tsx';
import { useCompliance } from './queries/use-compliance.ts';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const QUARTERS = [1, 2, 3, 4];

/**
 * The organization above: every cell of its subtree × the months of a year (R-MGT-03), coloured — one aggregate query
 * on the server, a page of cells at a time here, totals over the whole subtree.
 */
export function ComplianceView({ organizationId }: { organizationId: number }) {
  const t = useT();
  const month = useMonthLabel();
  const monthInText = useMonthInText();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [gapsOnly, setGapsOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const view = useCompliance(organizationId, { year, gapsOnly, page, pageSize });
  if (view.isError) return <PageError error={view.error} onRetry={() => void view.refetch()} />;
  const v = view.data;

  const columns = [
    {
      key: 'cell',
      title: t('meetings.compliance.cell'),
      fixed: 'left' as const,
      width: 260,
      render: (_: unknown, r: ComplianceRow) => (
        <Flex vertical gap={0}>
          <Link to={`/party-life/cells/${r.cell.id}`}>{r.cell.name}</Link>
          {r.cell.parentName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.cell.parentName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...MONTHS.map((m) => ({
      key: `m${m}`,
      title: <span title={t('meetings.monthLong', { m })}>{month(m)}</span>,
      width: 46,
      align: 'center' as const,
      render: (_: unknown, r: ComplianceRow) => (
        <Flex justify="center">
          <ComplianceBox state={boxState(r.regularByMonth[m - 1], isMonthJudged(m, r))} count={r.regularByMonth[m - 1]} title={`${r.cell.name} · ${t('meetings.monthLong', { m })}`} width={34} />
        </Flex>
      ),
    })),
    ...QUARTERS.map((q) => ({
      key: `q${q}`,
      title: <span title={t('meetings.quarterLong', { q })}>{t('meetings.quarterShort', { q })}</span>,
      width: 50,
      align: 'center' as const,
      onHeaderCell: () => ({ style: { background: '#f9f0ff' } }),
      render: (_: unknown, r: ComplianceRow) => (
        <Flex justify="center">
          <ComplianceBox state={boxState(r.thematicByQuarter[q - 1], isQuarterJudged(q, r))} count={r.thematicByQuarter[q - 1]} title={`${r.cell.name} · ${t('meetings.quarterLong', { q })}`} width={38} />
        </Flex>
      ),
    })),
    {
      key: 'gaps',
      title: t('meetings.compliance.gaps'),
      width: 180,
      render: (_: unknown, r: ComplianceRow) =>
        r.missingMonths.length + r.missingQuarters.length === 0 ? (
          <Typography.Text type="success">{t('meetings.compliance.none')}</Typography.Text>
        ) : (
          <Typography.Text type="danger">
            {[
              r.missingMonths.length ? t('meetings.compliance.monthsMissing', { n: r.missingMonths.length }) : null,
              r.missingQuarters.length ? t('meetings.compliance.quartersMissing', { n: r.missingQuarters.length }) : null,
            ]
              .filter(Boolean)
              .join(', ')}
          </Typography.Text>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space wrap>
          <span>{t('meetings.compliance.year')}</span>
          <Select
            value={year}
            style={{ width: 110 }}
            onChange={(y) => {
              setYear(y);
              setPage(1);
            }}
            options={Array.from({ length: 8 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: String(y) }))}
          />
          <Switch
            checked={gapsOnly}
            onChange={(on) => {
              setGapsOnly(on);
              setPage(1);
            }}
          />
          <span>{t('meetings.compliance.gapsOnly')}</span>
        </Space>
        <Space size={16} wrap style={{ fontSize: 12 }}>
          <Space size={6}>
            <ComplianceBox state="held" count={1} title={t('meetings.box.legendHeld')} width={26} />
            {t('meetings.box.legendHeld')}
          </Space>
          <Space size={6}>
            <ComplianceBox state="missing" count={0} title={t('meetings.box.legendMissing')} width={26} />
            {t('meetings.box.legendMissing')}
          </Space>
          <Space size={6}>
            <ComplianceBox state="pending" count={0} title={t('meetings.box.legendPending')} width={26} />
            {t('meetings.box.legendPending')}
          </Space>
        </Space>
      </Flex>
      <Row gutter={[16, 16]}>
        {[
          ['cells', v?.totals.cells],
          ['cellsWithGaps', v?.totals.cellsWithGaps],
          ['missingMonths', v?.totals.missingMonths],
          ['missingQuarters', v?.totals.missingQuarters],
        ].map(([k, n]) => (
          <Col xs={12} md={6} key={k as string}>
            <Card size="small">
              <Statistic
                title={t(`meetings.compliance.total.${k}`)}
                value={(n as number | undefined) ?? '—'}
                styles={{ content: { color: k !== 'cells' && (n as number) > 0 ? '#cf1322' : undefined } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {v && v.upToMonth >= 1 && (
        <Typography.Text type="secondary">{t('meetings.compliance.judgedUpTo', { upTo: monthInText(v.upToMonth), year })}</Typography.Text>
      )}
      <Table<ComplianceRow>
        rowKey={(r) => r.cell.id}
        size="small"
        bordered
        loading={view.isFetching}
        columns={columns}
        dataSource={v?.items ?? []}
        scroll={{ x: 260 + 12 * 46 + 4 * 50 + 180 }}
        locale={{ emptyText: gapsOnly ? t('meetings.compliance.noGaps') : t('meetings.compliance.noCells') }}
        pagination={{
          current: page,
          pageSize,
          total: v?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </Flex>
  );
}
