import { Tag } from 'antd';
import type { ResidenceOpinion } from '../../../../common/contracts/party-life.contract.ts';
import { useT } from '../../../i18n/i18n.tsx';

const RATING_COLOR: Record<ResidenceOpinion['rating'], string> = { good: 'green', average: 'gold', low: 'red' };

export function RatingTag({ opinion, withYear = true }: { opinion: Pick<ResidenceOpinion, 'rating' | 'year'>; withYear?: boolean }) {
  const t = useT();
  return (
    <Tag color={RATING_COLOR[opinion.rating]} style={{ marginInlineEnd: 0 }}>
      {withYear ? `${opinion.year}: ` : ''}
      {t(`partyLife.rating.${opinion.rating}`)}
    </Tag>
  );
}

/** "từ 01/03/2026 đến 31/12/2026", "từ 01/03/2026" (open). */
export function usePeriodText() {
  const t = useT();
  return (from: string, to: string | null, show: (d: string) => string) =>
    to ? t('partyLife.period.closed', { from: show(from), to: show(to) }) : t('partyLife.period.open', { from: show(from) });
}
