import type { DuesBasisView } from '../../../../common/contracts/dues.contract.ts';
import { formatVnd, showRate } from '../money.ts';

type T = (key: string, params?: Record<string, unknown>) => string;

/** How a month's amount was computed, in words: "1% × 8.000.000 ₫", "0,3% × lương tối thiểu vùng I (…)". */
export function basisText(t: T, locale: 'vi' | 'en', b: DuesBasisView | null): string {
  if (!b) return '';
  switch (b.method) {
    case 'percent_of_base':
      return t(b.baseKind === 'sick_or_maternity_benefit' ? 'dues.basis.benefit' : b.baseKind === 'pension' ? 'dues.basis.pension' : 'dues.basis.percent_of_base', {
        rate: showRate(b.basisPoints ?? 0, locale),
        base: formatVnd(b.baseAmountVnd),
      });
    case 'percent_of_minimum_wage':
      return t('dues.basis.percent_of_minimum_wage', { rate: showRate(b.basisPoints ?? 0, locale), region: b.region, wage: formatVnd(b.minimumWageVnd), source: b.minimumWageSource });
    case 'fixed':
      return t('dues.basis.fixed', { amount: formatVnd(b.fixedAmountVnd) });
    case 'band':
      return t('dues.basis.band', { band: formatVnd(b.bandAmountVnd), share: b.bandSharePercent });
    default:
      return t('dues.basis.exempt');
  }
}
