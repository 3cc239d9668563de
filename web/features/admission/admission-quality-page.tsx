import { Card, Col, Empty, Flex, Row, Select, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Quality } from '../../../common/contracts/admission.contract.ts';
import { ApiError } from '../../api/http.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationTreeSelect } from '../members/components/organization-tree-select.tsx';
import { canAdmission, statusText } from './admission-labels.ts';
import { EChart, type EChartOption } from './components/e-chart.tsx';
import { useQuality } from './queries/use-quality.ts';

const RED = '#b71c1c';
const CATEGORIES = ['youth', 'women', 'ethnicMinority', 'religious', 'nonStateEnterpriseWorkers'] as const;

export function AdmissionQualityPage() {
  const me = useCurrentUser();
  if (!canAdmission.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <QualityView />;
}

function QualityView() {
  const t = useT();
  usePageTitle(t('adm.q.title'));
  const [sp, setSp] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(sp.get('year')) || thisYear;
  const org = Number(sp.get('org')) || undefined;
  const q = useQuality(org, year);
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(sp);
    if (v) next.set(k, v);
    else next.delete(k);
    setSp(next, { replace: true });
  };
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('adm.q.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('adm.q.help')}</Typography.Text>
      </div>
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <OrganizationTreeSelect value={org} onChange={(v) => set('org', v ? String(v) : undefined)} placeholder={t('adm.organization')} style={{ width: 360 }} />
          <Select
            value={year}
            onChange={(v) => set('year', String(v))}
            style={{ width: 120 }}
            aria-label={t('adm.q.year')}
            options={Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${t('adm.q.year')} ${y}` }))}
          />
        </Flex>
      </Card>
      {q.isError ? <PageError error={q.error} onRetry={() => void q.refetch()} /> : q.isPending ? <Skeleton active /> : <Dashboard q={q.data} />}
    </Flex>
  );
}

function Dashboard({ q }: { q: Quality }) {
  const t = useT();
  const pipeline = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: q.pipeline.map((p) => statusText(t, p.status)) },
      series: [{ type: 'bar', data: q.pipeline.map((p) => p.count), itemStyle: { color: RED }, label: { show: true, position: 'right' } }],
    }),
    [q, t],
  );
  const categories = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, max: Math.max(1, q.admissions.total) },
      yAxis: { type: 'category', inverse: true, data: CATEGORIES.map((c) => t(`adm.q.cat.${c}`)) },
      series: [{ type: 'bar', data: CATEGORIES.map((c) => q.admissions[c]), itemStyle: { color: '#d4a017' }, label: { show: true, position: 'right' } }],
    }),
    [q, t],
  );
  const time = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: q.timePerStep.map((s) => statusText(t, s.status)), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', name: t('adm.q.median') },
      series: [
        { name: t('adm.q.median'), type: 'bar', data: q.timePerStep.map((s) => s.medianDays), itemStyle: { color: RED } },
        { name: t('adm.q.max'), type: 'bar', data: q.timePerStep.map((s) => s.maxDays), itemStyle: { color: '#bfbfbf' } },
      ],
    }),
    [q, t],
  );
  return (
    <Flex vertical gap={16}>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('adm.q.stat.admitted', { year: q.year })} value={q.admissions.total} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('adm.q.stat.open')} value={q.pipeline.reduce((a, p) => a + p.count, 0)} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('adm.q.stat.overdue')} value={q.overdue.reduce((a, p) => a + p.count, 0)} styles={{ content: { color: '#cf1322' } }} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic title={t('adm.q.stat.refusals', { year: q.year })} value={q.refusalsByRule.reduce((a, r) => a + r.count, 0)} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('adm.q.pipeline')}>
            <EChart option={pipeline} height={380} ariaLabel={t('adm.q.pipeline')} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('adm.q.categories', { total: q.admissions.total })}>
            <EChart option={categories} height={380} ariaLabel={t('adm.q.categories', { total: q.admissions.total })} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('adm.q.timePerStep')}>
        {q.timePerStep.length === 0 ? <Empty description={t('adm.q.none')} /> : <EChart option={time} height={320} ariaLabel={t('adm.q.timePerStep')} />}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('adm.q.overdue')}>
            <Table
              size="small"
              rowKey="status"
              pagination={false}
              dataSource={q.overdue}
              locale={{ emptyText: t('adm.q.none') }}
              columns={[
                { title: t('adm.currentStep'), dataIndex: 'status', render: (s: string) => statusText(t, s) },
                { title: t('adm.q.cases'), dataIndex: 'count', width: 90 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('adm.q.refusalsByRule')}>
            <Table
              size="small"
              rowKey="ruleId"
              pagination={false}
              dataSource={q.refusalsByRule}
              locale={{ emptyText: t('adm.q.none') }}
              columns={[
                { title: t('adm.q.rule'), dataIndex: 'ruleId', render: (r: string) => <Tag color="red" style={{ fontFamily: 'monospace' }}>{r}</Tag> },
                { title: t('adm.q.attempts'), dataIndex: 'count', width: 80 },
                { title: t('adm.q.cases'), dataIndex: 'cases', width: 80 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('adm.q.refusedCases')}>
            <Table
              size="small"
              rowKey="reason"
              pagination={false}
              dataSource={q.refusedCases}
              locale={{ emptyText: t('adm.q.none') }}
              columns={[
                { title: t('adm.q.reason'), dataIndex: 'reason', render: (r: string, row) => <span>{t(`adm.endReason.${r}`)} {row.ruleId && <Tag style={{ fontFamily: 'monospace' }}>{row.ruleId}</Tag>}</span> },
                { title: t('adm.q.cases'), dataIndex: 'count', width: 80 },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('adm.q.laterRemoved')}>
        <Table
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={q.laterRemoved}
          columns={[
            { title: t('adm.q.year'), dataIndex: 'year', width: 100 },
            { title: t('adm.q.admitted'), dataIndex: 'admitted' },
            { title: t('adm.q.removed'), dataIndex: 'removed', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n) },
          ]}
        />
      </Card>
    </Flex>
  );
}
