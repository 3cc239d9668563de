import { Alert, Button, Card, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import type { ReportRow } from '../../../common/contracts/grading.contract.ts';
import { ApiError } from '../../api/http.ts';
import { errorText } from '../../components/api-error.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationTreeSelect } from '../members/components/organization-tree-select.tsx';
import { canGrading } from './can-grading.ts';
import { LevelsChart } from './components/levels-chart.tsx';
import { formatShare, LEVEL_COLOR, STATUS_TAG } from './grading-labels.ts';
import { reportXlsxUrl, useGradingReport } from './queries/use-grading-report.ts';

/** '/grading/report': members graded at each level per grassroots organization in a subtree, with a chart and Excel. */
export function GradingReportPage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  usePageTitle(t('grading.reportTitle'));
  if (!canGrading.report(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <ReportView />;
}

type Row = ReportRow | (Omit<ReportRow, 'organization' | 'cycleId' | 'status'> & { organization: null; cycleId: 0; status: null });

function ReportView() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const [sp, setSp] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(sp.get('year')) || thisYear;
  const organizationId = Number(sp.get('org')) || me.organization.id;
  const report = useGradingReport(organizationId, year);
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);
  const set = (k: string, v: number | undefined) => {
    const next = new URLSearchParams(sp);
    if (v) next.set(k, String(v));
    else next.delete(k);
    setSp(next);
  };

  const count = (k: 'excellent' | 'good' | 'completed' | 'notCompleted', level: keyof typeof LEVEL_COLOR) => ({
    title: t(`grading.levelShort.${level}`),
    key: k,
    width: 104,
    align: 'right' as const,
    onHeaderCell: () => ({ style: { borderTop: `3px solid ${LEVEL_COLOR[level]}` } }),
    render: (_: unknown, r: Row) => (
      <Flex vertical gap={0} align="flex-end">
        <strong>{r[k]}</strong>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatShare(r[k], r.graded, locale)}
        </Typography.Text>
      </Flex>
    ),
  });

  const columns: ColumnsType<Row> = [
    {
      title: t('grading.col.organization'),
      key: 'org',
      width: 250,
      render: (_, r) =>
        r.organization ? (
          <Flex vertical gap={2}>
            <Link to={`/grading/cycles/${r.cycleId}`}>{r.organization.name}</Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`kind.${r.organization.kind}`)}
            </Typography.Text>
          </Flex>
        ) : (
          <strong>{t('grading.report.total')}</strong>
        ),
    },
    { title: t('grading.col.status'), key: 'status', width: 170, render: (_, r) => (r.status ? <Tag color={STATUS_TAG[r.status]}>{t(`grading.status.${r.status}`)}</Tag> : null) },
    { title: t('grading.col.graded'), dataIndex: 'graded', width: 104, align: 'right' },
    count('excellent', 'excellent'),
    count('good', 'good'),
    count('completed', 'completed'),
    count('notCompleted', 'not_completed'),
    { title: t('grading.report.pending'), dataIndex: 'pending', width: 104, align: 'right' },
    { title: t('grading.report.exempted'), dataIndex: 'exempted', width: 110, align: 'right' },
  ];

  const data = report.data;
  const rows: Row[] = data ? [...data.rows, { ...data.totals, organization: null, cycleId: 0, status: null }] : [];

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('grading.reportTitle')} {year}
          </Typography.Title>
          <Typography.Text type="secondary">{data?.organization.name}</Typography.Text>
        </div>
        <Button type="primary" size="large" href={reportXlsxUrl(organizationId, year)} disabled={!data || data.rows.length === 0}>
          {t('grading.report.export')}
        </Button>
      </Flex>

      <Card size="small">
        <Flex gap={16} wrap align="center">
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 420 }}>
            <Typography.Text type="secondary">{t('grading.report.organization')}</Typography.Text>
            <OrganizationTreeSelect value={organizationId} onChange={(v) => set('org', v)} allowClear={false} placeholder={t('grading.report.pickOrganization')} style={{ width: 360 }} />
          </label>
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <Typography.Text type="secondary">{t('grading.filter.year')}</Typography.Text>
            <Select<number> value={year} onChange={(v) => set('year', v)} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: String(y) }))} />
          </label>
        </Flex>
      </Card>

      {report.isError && <Alert type="error" showIcon title={errorText(t, report.error)} />}

      {data && data.rows.length === 0 ? (
        <Card>
          <Empty description={t('grading.report.empty', { year })} />
        </Card>
      ) : (
        <>
          <Card size="small" title={t('grading.report.chart')}>
            {data && <LevelsChart report={data} />}
          </Card>
          <Card size="small" styles={{ body: { padding: 0 } }}>
            <Table<Row>
              rowKey={(r) => (r.organization ? r.cycleId : 'total')}
              columns={columns}
              dataSource={rows}
              loading={report.isFetching}
              size="middle"
              pagination={false}
              scroll={{ x: 1050 }}
              onRow={(r) => (r.organization ? {} : { style: { background: '#fafafa' } })}
            />
            <Typography.Paragraph type="secondary" style={{ margin: 12, fontSize: 12 }}>
              {t('grading.report.note')}
            </Typography.Paragraph>
          </Card>
        </>
      )}
    </Flex>
  );
}
