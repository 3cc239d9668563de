import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { GradingReport } from '../../../../common/contracts/grading.contract.ts';
import { GRADE_LEVELS } from '../../../../common/rules/grading-rules.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { LEVEL_COLOR } from '../grading-labels.ts';

// Only the parts used are registered, so the bundle carries no unused chart types (ECharts is bundled, no CDN).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const FIELD = { excellent: 'excellent', good: 'good', completed: 'completed', not_completed: 'notCompleted' } as const;

/** Members graded at each level, one stacked bar per grassroots organization (plus those not decided yet). */
export function LevelsChart({ report }: { report: GradingReport }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const height = Math.max(220, 70 + report.rows.length * 44);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const names = report.rows.map((r) => r.organization.name);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 260, overflow: 'truncate' } },
      series: [
        ...GRADE_LEVELS.map((l) => ({
          name: t(`grading.levelShort.${l}`),
          type: 'bar' as const,
          stack: 'levels',
          itemStyle: { color: LEVEL_COLOR[l] },
          label: { show: true, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
          data: report.rows.map((r) => r[FIELD[l]]),
        })),
        {
          name: t('grading.report.pending'),
          type: 'bar' as const,
          stack: 'levels',
          itemStyle: { color: '#bfbfbf' },
          label: { show: true, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
          data: report.rows.map((r) => r.pending),
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [report, t]);

  return <div ref={ref} style={{ width: '100%', height }} role="img" aria-label={t('grading.report.chart')} />;
}
