import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { Oversight } from '../../../../common/contracts/screening.contract.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatPercent } from '../screening-labels.ts';

// Only the parts used are registered (ECharts is bundled; no CDN).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * Per cell, the flags reviewed, still open in time, and overdue (stacked), with the no-action decisions beside them and
 * the no-action share as the label: leniency made visible (R-RMV-07; Kế hoạch 99 II.4).
 */
export function OversightChart({ data }: { data: Oversight }) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => data.rows.filter((r) => r.raised > 0), [data]);
  const height = Math.max(200, 80 + rows.length * 46);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const label = (p: { value: number }) => (p.value > 0 ? String(p.value) : '');
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 90, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.organization.name), inverse: true, axisLabel: { width: 240, overflow: 'truncate' } },
      series: [
        { name: t('screening.oversight.series.reviewed'), type: 'bar', stack: 'flags', itemStyle: { color: '#52c41a' }, label: { show: true, formatter: label }, data: rows.map((r) => r.reviewed) },
        { name: t('screening.oversight.series.pending'), type: 'bar', stack: 'flags', itemStyle: { color: '#faad14' }, label: { show: true, formatter: label }, data: rows.map((r) => r.open - r.overdue) },
        {
          name: t('screening.oversight.series.overdue'),
          type: 'bar',
          stack: 'flags',
          itemStyle: { color: '#cf1322' },
          label: { show: true, formatter: label },
          data: rows.map((r) => r.overdue),
        },
        {
          name: t('screening.oversight.series.noAction'),
          type: 'bar',
          barGap: '10%',
          itemStyle: { color: '#8c8c8c' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number; value: number }) => (p.value > 0 ? `${p.value} (${formatPercent(rows[p.dataIndex].noActionShare, locale)})` : ''),
          },
          data: rows.map((r) => r.noAction),
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [rows, t, locale]);

  return <div ref={ref} style={{ width: '100%', height }} role="img" aria-label={t('screening.oversight.chart')} />;
}
