import { Tooltip } from 'antd';
import { memo, type CSSProperties } from 'react';
import { formatDateVi, formatIsoDate } from '../../../../common/rules/iso-date.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { lunarDayMonth, lunarYearName } from '../lunar-label.ts';
import { columnOf, type DayView } from '../year-view.ts';

export const DAY_COLORS = {
  holidayBg: '#fff1f0',
  holidayText: '#cf1322',
  holidayBorder: '#ffa39e',
  weekendBg: '#f5f5f5',
  weekendText: '#8c8c8c',
  extraBg: '#e6f4ff',
  extraText: '#0958d9',
  extraBorder: '#4096ff',
  today: '#b71c1c',
  changed: '#fa8c16',
};

const COLUMN_WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

interface Props {
  year: number;
  month: number;
  days: ReadonlyMap<string, DayView>;
  today: string;
  isEditing: boolean;
  onToggle: (date: string) => void;
}

function cellStyle(d: DayView, isToday: boolean, isEditing: boolean): CSSProperties {
  const base: CSSProperties = {
    position: 'relative',
    height: 34,
    borderRadius: 4,
    border: '1px solid transparent',
    padding: 0,
    margin: 0,
    font: 'inherit',
    lineHeight: 1.05,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    background: 'transparent',
    color: 'rgba(0,0,0,0.88)',
    cursor: isEditing ? 'pointer' : 'default',
    width: '100%',
  };
  if (d.isHoliday) Object.assign(base, { background: DAY_COLORS.holidayBg, color: DAY_COLORS.holidayText, borderColor: DAY_COLORS.holidayBorder, fontWeight: 600 });
  else if (d.isExtra) Object.assign(base, { background: DAY_COLORS.extraBg, color: DAY_COLORS.extraText, borderColor: DAY_COLORS.extraBorder, borderStyle: 'dashed', fontWeight: 600 });
  else if (d.isWeekend) Object.assign(base, { background: DAY_COLORS.weekendBg, color: DAY_COLORS.weekendText });
  if (isToday) Object.assign(base, { boxShadow: `inset 0 0 0 2px ${DAY_COLORS.today}` });
  return base;
}

/** One month, Monday first; each day shows its lunar day, its name on hover, and toggles on click while editing. */
export const MonthGrid = memo(function MonthGrid({ year, month, days, today, isEditing, onToggle }: Props) {
  const t = useT();
  const first = days.get(formatIsoDate(year, month, 1))!;
  const monthDays = [...days.values()].filter((d) => d.date.startsWith(`${formatIsoDate(year, month, 1).slice(0, 8)}`));
  const leading = columnOf(first.weekday);

  const describe = (d: DayView) => {
    const state = d.isHoliday
      ? d.holiday
        ? d.holiday.kind === 'compensatory' && d.holiday.relatedTo
          ? t('calendar.compensatoryFor', { name: t(`calendar.kind.${d.holiday.relatedTo}`) })
          : t(`calendar.kind.${d.holiday.kind}`)
        : t('calendar.day.newHoliday')
      : d.isExtra
        ? t('calendar.day.extra')
        : d.isWeekend
          ? t('calendar.day.weekend')
          : t('calendar.day.working');
    const lunar = t('calendar.lunarShort', { date: lunarDayMonth(d.lunar, t('calendar.leap')), yearName: lunarYearName(d.lunar.year) });
    return { state, heading: `${t(`calendar.weekday.${d.weekday}`)}, ${formatDateVi(d.date)}`, lunar };
  };

  return (
    <div>
      <div style={{ fontWeight: 600, marginBottom: 6, color: '#8e0e0e' }}>{t(`calendar.monthName.${month}`)}</div>
      <div role="grid" aria-label={`${t(`calendar.monthName.${month}`)} ${year}`} style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {COLUMN_WEEKDAYS.map((w) => (
          <div
            key={w}
            role="columnheader"
            style={{ textAlign: 'center', fontSize: 11, fontWeight: 600, color: w === 0 || w === 6 ? DAY_COLORS.weekendText : 'rgba(0,0,0,0.55)', paddingBottom: 2 }}
          >
            {t(`calendar.weekdayShort.${w}`)}
          </div>
        ))}
        {Array.from({ length: leading }, (_, i) => (
          <div key={`pad${i}`} />
        ))}
        {monthDays.map((d) => {
          const isToday = d.date === today;
          const info = describe(d);
          const label = `${info.heading}. ${info.state}. ${info.lunar}`;
          const isLunarMonthStart = d.lunar.day === 1;
          const content = (
            <>
              <span style={{ fontSize: 13 }}>{d.day}</span>
              <span
                style={{
                  fontSize: 9,
                  fontWeight: isLunarMonthStart ? 700 : 400,
                  opacity: isLunarMonthStart ? 0.95 : 0.6,
                  color: isLunarMonthStart && !d.isHoliday ? DAY_COLORS.holidayText : undefined,
                }}
              >
                {isLunarMonthStart ? `${d.lunar.day}/${d.lunar.month}` : d.lunar.day}
              </span>
              {d.isChanged && (
                <span aria-hidden style={{ position: 'absolute', top: 2, right: 2, width: 6, height: 6, borderRadius: 3, background: DAY_COLORS.changed }} />
              )}
            </>
          );
          return (
            <Tooltip
              key={d.date}
              mouseEnterDelay={0.1}
              title={
                <div>
                  <div style={{ fontWeight: 600 }}>{info.heading}</div>
                  <div>{info.state}</div>
                  <div style={{ opacity: 0.8 }}>{info.lunar}</div>
                  {d.isChanged && <div style={{ color: '#ffd591' }}>{t('calendar.day.changed')}</div>}
                </div>
              }
            >
              {isEditing ? (
                <button type="button" role="gridcell" aria-label={label} style={cellStyle(d, isToday, true)} onClick={() => onToggle(d.date)}>
                  {content}
                </button>
              ) : (
                <div role="gridcell" aria-label={label} style={cellStyle(d, isToday, false)}>
                  {content}
                </div>
              )}
            </Tooltip>
          );
        })}
      </div>
    </div>
  );
});
