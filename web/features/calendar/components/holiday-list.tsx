import { Empty, Flex, Tag, Typography } from 'antd';
import type { Holiday } from '../../../../common/contracts/calendar.contract.ts';
import { dayOfWeek } from '../../../../common/rules/iso-date.ts';
import { showDate } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { lunarDayMonth, lunarYearName } from '../lunar-label.ts';
import { plural } from '../plural.ts';
import { groupHolidays } from '../year-view.ts';
import { DAY_COLORS } from './month-grid.tsx';

/** The year's days off, grouped by holiday, with the lunar dates of Tết and Giỗ Tổ; and the weekend days worked. */
export function HolidayList({ holidays, extraWorkingDays }: { holidays: Holiday[]; extraWorkingDays: string[] }) {
  const t = useT();
  const groups = groupHolidays(holidays);
  if (groups.length === 0 && extraWorkingDays.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.noHolidays')} />;
  const range = (from: string, to: string) => (from === to ? showDate(from) : `${showDate(from).slice(0, 5)} – ${showDate(to)}`);
  return (
    <Flex vertical gap={10}>
      {groups.map((g) => {
        const name = g.isCompensatoryOnly ? t('calendar.compensatoryFor', { name: t(`calendar.kind.${g.family}`) }) : t(`calendar.kind.${g.family}`);
        const lunarDays = g.days.filter((d) => d.lunar !== null && d.kind !== 'compensatory');
        // Tết starts on the last day of the previous lunar year: each end names its own year when they differ.
        const first = lunarDays[0]?.lunar;
        const last = lunarDays.at(-1)?.lunar;
        const leap = t('calendar.leap');
        const lunar = !first || !last
          ? null
          : first === last
            ? t('calendar.lunarShort', { date: lunarDayMonth(first, leap), yearName: lunarYearName(first.year) })
            : first.year === last.year
              ? t('calendar.lunarShort', { date: `${lunarDayMonth(first, leap)} – ${lunarDayMonth(last, leap)}`, yearName: lunarYearName(last.year) })
              : t('calendar.lunarRange', { from: `${lunarDayMonth(first, leap)} ${lunarYearName(first.year)}`, to: `${lunarDayMonth(last, leap)} ${lunarYearName(last.year)}` });
        return (
          <div key={g.from} style={{ borderLeft: `3px solid ${DAY_COLORS.holidayBorder}`, paddingLeft: 10 }}>
            <Flex justify="space-between" gap={8} align="baseline">
              <Typography.Text strong style={{ color: DAY_COLORS.holidayText }}>
                {name}
              </Typography.Text>
              {g.weekdaysOff > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {plural(t, 'calendar.days', g.weekdaysOff)}
                </Typography.Text>
              )}
            </Flex>
            <div style={{ fontSize: 13 }}>
              {range(g.from, g.to)}
              {g.from === g.to && <span style={{ color: 'rgba(0,0,0,0.45)' }}> · {t(`calendar.weekday.${dayOfWeek(g.from)}`)}</span>}
            </div>
            {lunar && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {lunar}
              </Typography.Text>
            )}
          </div>
        );
      })}
      {extraWorkingDays.length > 0 && (
        <div style={{ borderLeft: `3px dashed ${DAY_COLORS.extraBorder}`, paddingLeft: 10 }}>
          <Typography.Text strong style={{ color: DAY_COLORS.extraText }}>
            {t('calendar.extraDays')}
          </Typography.Text>
          <Flex wrap gap={4} style={{ marginTop: 4 }}>
            {extraWorkingDays.map((d) => (
              <Tag key={d} color="blue" style={{ marginInlineEnd: 0 }}>
                {t(`calendar.weekdayShort.${dayOfWeek(d)}`)} {showDate(d)}
              </Tag>
            ))}
          </Flex>
        </div>
      )}
    </Flex>
  );
}
