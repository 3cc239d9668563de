import { Alert, Card, Empty, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { OversightRow } from '../../../common/contracts/screening.contract.ts';
import { ApiError } from '../../api/http.ts';
import { errorText } from '../../components/api-error.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canScreening } from './can-screening.ts';
import { OversightChart } from './components/oversight-chart.tsx';
import { useOversight } from './queries/use-oversight.ts';
import { formatPercent } from './screening-labels.ts';
import { ScopeBar, useScopeParams } from './screening-page.tsx';

type Row = Omit<OversightRow, 'organization'> & { organization: OversightRow['organization'] | null };

/**
 * '/screening/oversight': the organization above sees, per cell, flags raised, reviewed, overdue, risen to it, and the
 * share closed with no action (R-RMV-07; Kế hoạch 99 II.4: "khắc phục triệt để tình trạng dễ dãi, nể nang, né tránh").
 */
export function OversightPage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  usePageTitle(t('screening.oversight.title'));
  if (!canScreening.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <OversightView />;
}

function OversightView() {
  const { t, locale } = useI18n();
  const scope = useScopeParams();
  const { organizationId, year } = scope;
  const q = useOversight(organizationId, year);
  const data = q.data;
  const link = (orgId: number, status: string, n: number) => (n > 0 ? <Link to={`/screening?org=${orgId}&year=${year}&status=${status}`}>{n}</Link> : <span>{n}</span>);
  const num = (key: keyof Omit<OversightRow, 'organization' | 'noActionShare'>, title: string, status?: string, danger = false) => ({
    title,
    key,
    width: 84,
    align: 'right' as const,
    render: (_: unknown, r: Row) => {
      const n = r[key];
      const shown = r.organization && status ? link(r.organization.id, status, n) : n;
      return danger && n > 0 ? <strong style={{ color: '#cf1322' }}>{shown}</strong> : shown;
    },
  });
  const columns: ColumnsType<Row> = [
    {
      title: t('screening.oversight.col.organization'),
      key: 'org',
      width: 220,
      render: (_, r) => (r.organization ? <Link to={`/screening?org=${r.organization.id}&year=${year}`}>{r.organization.name}</Link> : <strong>{t('screening.oversight.total')}</strong>),
    },
    num('raised', t('screening.oversight.col.raised'), 'all'),
    num('reviewed', t('screening.oversight.col.reviewed'), 'closed'),
    num('open', t('screening.oversight.col.open'), 'open'),
    num('overdue', t('screening.oversight.col.overdue'), 'overdue', true),
    num('escalated', t('screening.oversight.col.escalated'), 'escalated'),
    num('removalCase', t('screening.oversight.col.removal')),
    num('disciplineReferral', t('screening.oversight.col.discipline')),
    num('educationPlan', t('screening.oversight.col.education')),
    num('noAction', t('screening.oversight.col.noAction')),
    {
      title: t('screening.oversight.col.noActionShare'),
      key: 'share',
      width: 110,
      align: 'right',
      render: (_, r) => <span style={r.noActionShare !== null && r.noActionShare >= 0.5 ? { color: '#cf1322', fontWeight: 600 } : undefined}>{formatPercent(r.noActionShare, locale)}</span>,
    },
  ];
  const rows: Row[] = data ? [...data.rows, { ...data.totals, organization: null }] : [];
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('screening.oversight.title')} {year}
        </Typography.Title>
        <Typography.Text type="secondary">{t('screening.oversight.subtitle', { days: data?.reviewDays ?? 30 })}</Typography.Text>
      </div>
      <ScopeBar {...scope} />
      {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
      {data && data.totals.raised === 0 ? (
        <Card>
          <Empty description={t('screening.empty')} />
        </Card>
      ) : (
        data && (
          <Card size="small" title={t('screening.oversight.chart')}>
            <OversightChart data={data} />
          </Card>
        )
      )}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Row>
          rowKey={(r) => (r.organization ? r.organization.id : 'total')}
          columns={columns}
          dataSource={rows}
          loading={q.isFetching}
          pagination={false}
          size="middle"
          scroll={{ x: 1080 }}
          onRow={(r) => (r.organization ? {} : { style: { background: '#fafafa' } })}
        />
      </Card>
    </Flex>
  );
}
