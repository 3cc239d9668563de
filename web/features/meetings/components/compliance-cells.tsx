import { Flex, Tooltip } from 'antd';
import { useT } from '../../../i18n/i18n.tsx';
import { useMonthLabel } from './meeting-tags.tsx';

// One box per month (regular meetings) and per quarter (thematic meetings), coloured by R-MGT-03: green when held,
// red when a judged month or quarter had none, grey when not judged yet (not over, or outside the cell's life).
// The symbol says it too, so the colour is never the only signal.

export type BoxState = 'held' | 'missing' | 'pending';

const STYLE: Record<BoxState, React.CSSProperties> = {
  held: { background: '#f6ffed', border: '1px solid #95de64', color: '#237804' },
  missing: { background: '#fff1f0', border: '1px solid #ff7875', color: '#a8071a', fontWeight: 700 },
  pending: { background: '#fafafa', border: '1px solid #e8e8e8', color: '#8c8c8c' },
};

export function boxState(count: number, judged: boolean): BoxState {
  if (count > 0) return 'held';
  return judged ? 'missing' : 'pending';
}

export function ComplianceBox({ state, count, title, width = 40 }: { state: BoxState; count: number; title: string; width?: number }) {
  const t = useT();
  const symbol = state === 'missing' ? '✗' : state === 'pending' ? '·' : count > 1 ? String(count) : '✓';
  return (
    <Tooltip title={`${title}: ${t(`meetings.box.${state}`, { n: count })}`}>
      <div
        role="img"
        aria-label={`${title}: ${t(`meetings.box.${state}`, { n: count })}`}
        style={{ ...STYLE[state], width, height: 26, borderRadius: 4, display: 'grid', placeItems: 'center', fontSize: 13, lineHeight: 1 }}
      >
        {symbol}
      </div>
    </Tooltip>
  );
}

export const isMonthJudged = (m: number, c: { fromMonth: number; upToMonth: number }) => m >= c.fromMonth && m <= c.upToMonth;
export const isQuarterJudged = (q: number, c: { fromMonth: number; upToMonth: number }) => 3 * q - 2 >= c.fromMonth && 3 * q <= c.upToMonth;

/** A cell's year at a glance: 12 month boxes and 4 quarter boxes, labelled. */
export function ComplianceStrip({ c }: { c: { fromMonth: number; upToMonth: number; regularByMonth: number[]; thematicByQuarter: number[] } }) {
  const t = useT();
  const month = useMonthLabel();
  return (
    <Flex gap={24} wrap align="flex-end">
      <div>
        <div style={{ fontSize: 12, color: '#595959', marginBottom: 4 }}>{t('meetings.strip.regular')}</div>
        <Flex gap={4}>
          {c.regularByMonth.map((n, i) => (
            <Flex key={i} vertical align="center" gap={2}>
              <ComplianceBox state={boxState(n, isMonthJudged(i + 1, c))} count={n} title={t('meetings.monthLong', { m: i + 1 })} width={36} />
              <span style={{ fontSize: 11, color: '#8c8c8c' }}>{month(i + 1)}</span>
            </Flex>
          ))}
        </Flex>
      </div>
      <div>
        <div style={{ fontSize: 12, color: '#595959', marginBottom: 4 }}>{t('meetings.strip.thematic')}</div>
        <Flex gap={4}>
          {c.thematicByQuarter.map((n, i) => (
            <Flex key={i} vertical align="center" gap={2}>
              <ComplianceBox state={boxState(n, isQuarterJudged(i + 1, c))} count={n} title={t('meetings.quarterLong', { q: i + 1 })} width={48} />
              <span style={{ fontSize: 11, color: '#8c8c8c' }}>{t('meetings.quarterShort', { q: i + 1 })}</span>
            </Flex>
          ))}
        </Flex>
      </div>
    </Flex>
  );
}
