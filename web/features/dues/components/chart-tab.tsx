import { Alert, Flex, Skeleton, Space, Switch, Typography } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import type { MonthlySeries } from '../../../../common/contracts/dues.contract.ts';
import { PageError } from '../../../components/page-error.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { addMonths, currentMonth, formatVnd, groupDigits, showMonth } from '../money.ts';
import { useMonthlySeries } from '../queries/use-monthly-series.ts';
import { MonthPicker } from './month-picker.tsx';

// Bundled, tree-shaken ECharts (no CDN: the app must run on an isolated network).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Collected against expected per month, for a cell or a whole organization (its subtree). */
export function ChartTab({ organizationId, holdsMembers }: { organizationId: number; holdsMembers: boolean }) {
  const t = useT();
  const [to, setTo] = useState(currentMonth());
  const [from, setFrom] = useState(addMonths(currentMonth(), -11));
  const [subtree, setSubtree] = useState(!holdsMembers);
  const series = useMonthlySeries(organizationId, from, to, subtree);
  return (
    <Flex vertical gap={16}>
      <Space wrap align="end">
        <label>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t('dues.chart.from')}</div>
          <MonthPicker value={from} onChange={(m) => m && setFrom(m)} maxMonth={to} />
        </label>
        <label>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t('dues.chart.to')}</div>
          <MonthPicker value={to} onChange={(m) => m && setTo(m)} minMonth={from} />
        </label>
        {!holdsMembers && (
          <label style={{ display: 'flex', alignItems: 'center', gap: 8, paddingBottom: 4 }}>
            <Switch checked={subtree} onChange={setSubtree} />
            {t('dues.chart.subtree')}
          </label>
        )}
      </Space>
      {series.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : series.isError ? (
        <PageError error={series.error} onRetry={() => void series.refetch()} />
      ) : (
        <>
          <Typography.Text type="secondary">
            {t('dues.chart.members', { n: series.data.memberCount })} · {t('dues.chart.note')}
          </Typography.Text>
          <DuesChart data={series.data} />
          <SeriesTable data={series.data} />
        </>
      )}
    </Flex>
  );
}

function DuesChart({ data }: { data: MonthlySeries }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const rate = data.months.map((m) => (m.expectedVnd > 0 ? Math.round((m.paidVnd / m.expectedVnd) * 1000) / 10 : null));
    chart.setOption({
      animation: false,
      color: ['#bfbfbf', '#b71c1c', '#fa8c16', '#1677ff'],
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatVnd(v) : String(v ?? '')),
      },
      legend: { top: 0 },
      grid: { left: 16, right: 56, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.months.map((m) => showMonth(m.month)) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => groupDigits(v) } },
        { type: 'value', min: 0, max: 120, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { name: t('dues.chart.expected'), type: 'bar', data: data.months.map((m) => m.expectedVnd), barGap: '10%' },
        { name: t('dues.chart.paid'), type: 'bar', data: data.months.map((m) => m.paidVnd) },
        { name: t('dues.chart.collected'), type: 'line', data: data.months.map((m) => m.collectedVnd), symbolSize: 6 },
        {
          name: t('dues.chart.rate'),
          type: 'line',
          yAxisIndex: 1,
          data: rate,
          symbolSize: 6,
          lineStyle: { type: 'dashed' },
          tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${String(v).replace('.', ',')}%` : '—') },
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [data, t]);
  return <div ref={ref} role="img" aria-label={`${t('dues.chart.expected')} / ${t('dues.chart.paid')}`} style={{ width: '100%', height: 380 }} />;
}

function SeriesTable({ data }: { data: MonthlySeries }) {
  const t = useT();
  const total = data.months.reduce((s, m) => ({ e: s.e + m.expectedVnd, p: s.p + m.paidVnd }), { e: 0, p: 0 });
  return (
    <Alert
      type={total.p >= total.e ? 'success' : 'info'}
      showIcon
      title={`${t('dues.chart.expected')}: ${formatVnd(total.e)} · ${t('dues.chart.paid')}: ${formatVnd(total.p)}${total.e > 0 ? ` · ${t('dues.chart.rate')}: ${((total.p / total.e) * 100).toFixed(1).replace('.', ',')}%` : ''}`}
    />
  );
}
