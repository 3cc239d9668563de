import { Flex, Tooltip, Typography } from 'antd';
import type { CycleDetail } from '../../../../common/contracts/grading.contract.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatShare } from '../grading-labels.ts';

/**
 * R-GRD-01: the share of excellent among those it is counted over, against the maximum (by default 20% of the members
 * graded good or better). The bar turns red over the maximum; exactly the maximum is within it.
 */
export function QuotaBar({ quota }: { quota: CycleDetail['quota'] }) {
  const { t, locale } = useI18n();
  const f = quota.check.facts as { excellent: number; denominator: number; maxExcellent: number };
  const max = quota.params.maxExcellentPercent;
  const share = f.denominator > 0 ? (f.excellent * 100) / f.denominator : 0;
  const over = !quota.check.ok || quota.check.code === 'exception_justified';
  const color = over ? '#cf1322' : '#d48806';
  return (
    <Flex vertical gap={6}>
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text strong>{t('grading.quota.title')}</Typography.Text>
        <Typography.Text style={{ color: over ? color : undefined }}>
          {t('grading.quota.value', { excellent: f.excellent, denominator: f.denominator, share: formatShare(f.excellent, f.denominator, locale), max, maxExcellent: f.maxExcellent })}
        </Typography.Text>
      </Flex>
      <Tooltip title={t(`grading.quota.denominator.${quota.params.denominator}`)}>
        <div
          role="meter"
          aria-label={t('grading.quota.title')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(share)}
          style={{ position: 'relative', height: 14, background: '#f0f0f0', borderRadius: 7, overflow: 'hidden' }}
        >
          <div style={{ width: `${Math.min(share, 100)}%`, height: '100%', background: color, transition: 'width .3s' }} />
          <div style={{ position: 'absolute', top: 0, bottom: 0, left: `${max}%`, width: 2, background: '#262626' }} />
        </div>
      </Tooltip>
      <div style={{ position: 'relative', height: 18, fontSize: 12 }}>
        <Typography.Text type="secondary" style={{ position: 'absolute', left: 0, fontSize: 12 }}>
          0%
        </Typography.Text>
        <Typography.Text strong style={{ position: 'absolute', left: `${max}%`, transform: 'translateX(-50%)', fontSize: 12 }}>
          {max}%
        </Typography.Text>
        <Typography.Text type="secondary" style={{ position: 'absolute', right: 0, fontSize: 12 }}>
          100%
        </Typography.Text>
      </div>
      {quota.check.code === 'excellent_over_quota' && <Typography.Text type="danger">{t('grading.quota.over')}</Typography.Text>}
      {quota.check.code === 'exception_justified' && quota.justification && (
        <Typography.Text type="warning">{t('grading.quota.justified', { justification: quota.justification })}</Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`grading.quota.note.${quota.params.denominator}`)} {t('grading.quota.unverified')}
      </Typography.Text>
    </Flex>
  );
}
