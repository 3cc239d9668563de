import { Alert, App, Button, Card, Col, Flex, Popconfirm, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, type Holiday } from '../../../common/contracts/calendar.contract.ts';
import { dayOfWeek, parseIsoDate, todayInVietnam } from '../../../common/rules/iso-date.ts';
import { solarToLunar } from '../../../common/rules/lunar-calendar.ts';
import { errorText } from '../../components/api-error.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { showInstant } from '../users/show-instant.ts';
import { canManageCalendar } from './can-manage-calendar.ts';
import { DeadlinePreview } from './components/deadline-preview.tsx';
import { HolidayList } from './components/holiday-list.tsx';
import { JobRunsCard } from './components/job-runs-card.tsx';
import { DAY_COLORS, MonthGrid } from './components/month-grid.tsx';
import { SaveCalendarModal } from './components/save-calendar-modal.tsx';
import { lunarYearName } from './lunar-label.ts';
import { plural } from './plural.ts';
import { useCalendarYear } from './queries/use-calendar-year.ts';
import { useResetCalendarYear } from './queries/use-reset-calendar-year.ts';
import { useSaveCalendarYear } from './queries/use-save-calendar-year.ts';
import { buildYearDays, type Schedule, toggleDay } from './year-view.ts';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function Swatch({ style, label }: { style: React.CSSProperties; label: string }) {
  return (
    <Space size={6}>
      <span aria-hidden style={{ display: 'inline-block', width: 16, height: 16, borderRadius: 3, border: '1px solid #d9d9d9', ...style }} />
      <span style={{ fontSize: 12 }}>{label}</span>
    </Space>
  );
}

/**
 * The working-day calendar of a year (?year=YYYY): 12 month grids with weekends, holidays (named, with lunar dates)
 * and swapped working days. Administrators edit a year by clicking days, then save it with its basis; everyone else
 * reads it. Every due date in the system is counted on this calendar.
 */
export function CalendarPage() {
  const t = useT();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const canManage = canManageCalendar(me.role);
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => todayInVietnam(new Date()), []);
  const thisYear = parseIsoDate(today).y;
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= CALENDAR_MIN_YEAR && yearParam <= CALENDAR_MAX_YEAR ? yearParam : thisYear;

  const calendar = useCalendarYear(year);
  const save = useSaveCalendarYear();
  const reset = useResetCalendarYear();
  const [draft, setDraft] = useState<Schedule | null>(null);
  const [saveOpen, setSaveOpen] = useState(false);
  const data = calendar.data?.year === year ? calendar.data : undefined;

  const saved: Schedule = useMemo(
    () => ({ holidays: new Set(data?.holidays.map((h) => h.date) ?? []), extraWorkingDays: new Set(data?.extraWorkingDays ?? []) }),
    [data],
  );
  const named = useMemo(() => new Map<string, Holiday>(data?.holidays.map((h) => [h.date, h]) ?? []), [data]);
  const shown = draft ?? saved;
  const days = useMemo(() => buildYearDays(year, shown, saved, named), [year, shown, saved, named]);
  const changedCount = useMemo(() => [...days.values()].filter((d) => d.isChanged).length, [days]);
  const holidayWeekdays = useMemo(() => [...days.values()].filter((d) => d.isHoliday && !d.isWeekend).length, [days]);

  const onToggle = useCallback((date: string) => setDraft((d) => (d ? toggleDay(d, date) : d)), []);
  const setYear = (y: number) => {
    const next = new URLSearchParams(params);
    if (y === thisYear) next.delete('year');
    else next.set('year', String(y));
    setParams(next, { replace: true });
  };

  if (calendar.isError) return <PageError error={calendar.error} onRetry={() => void calendar.refetch()} />;

  const lunarToday = solarToLunar(today);
  const isEditing = draft !== null;
  const yearOptions = Array.from({ length: 13 }, (_, i) => thisYear - 6 + i).concat(year < thisYear - 6 || year > thisYear + 6 ? [year] : []).sort();

  const onSave = (note: string) => {
    if (!data || !draft) return;
    save.mutate(
      { year, holidays: [...draft.holidays].sort(), extraWorkingDays: [...draft.extraWorkingDays].sort(), note, version: data.version },
      {
        onSuccess: () => {
          setSaveOpen(false);
          setDraft(null);
          void message.success(t('calendar.saved', { year }));
        },
      },
    );
  };
  const onReset = () => {
    if (!data) return;
    reset.mutate(
      { year, version: data.version },
      {
        onSuccess: () => void message.success(t('calendar.resetDone', { year })),
        onError: (err) => void message.error(errorText(t, err)),
      },
    );
  };

  return (
    <div>
      <Flex justify="space-between" align="flex-end" wrap gap={12} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('calendar.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('calendar.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <Button onClick={() => setYear(year - 1)} disabled={isEditing || year <= CALENDAR_MIN_YEAR} aria-label={t('calendar.prevYear')}>
            ‹ {year - 1}
          </Button>
          <Select<number>
            value={year}
            onChange={setYear}
            disabled={isEditing}
            aria-label={t('calendar.chooseYear')}
            options={yearOptions.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 96 }}
          />
          <Button onClick={() => setYear(year + 1)} disabled={isEditing || year >= CALENDAR_MAX_YEAR} aria-label={t('calendar.nextYear')}>
            {year + 1} ›
          </Button>
          <Button onClick={() => setYear(thisYear)} disabled={isEditing || year === thisYear}>
            {t('calendar.thisYear')}
          </Button>
        </Space>
      </Flex>

      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
            <Space wrap size={8}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {year}
              </Typography.Text>
              {data && (
                <Tag color={data.source === 'stored' ? 'green' : 'orange'}>{t(`calendar.source.${data.source}`)}</Tag>
              )}
              {data?.updatedBy && data.updatedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(data.source === 'stored' ? 'calendar.updated' : 'calendar.resetBy', { who: data.updatedBy.displayName, at: showInstant(data.updatedAt) })}
                </Typography.Text>
              )}
            </Space>
            {data?.note && data.source === 'stored' && (
              <Typography.Text style={{ fontSize: 13 }}>{t('calendar.basis', { note: data.note })}</Typography.Text>
            )}
          </Space>
          <div style={{ textAlign: 'right' }}>
            <div style={{ fontWeight: 600 }}>{t('calendar.today', { weekday: t(`calendar.weekday.${dayOfWeek(today)}`), date: showDate(today) })}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('calendar.lunarFull', {
                day: lunarToday.day,
                month: lunarToday.month,
                leap: lunarToday.leap ? t('calendar.leapSuffix') : '',
                yearName: lunarYearName(lunarToday.year),
              })}
            </Typography.Text>
          </div>
        </Flex>
      </Card>

      {data?.source === 'default' && !isEditing && (
        <Alert type="warning" showIcon title={t('calendar.defaultNotice', { year })} style={{ marginBottom: 12 }} />
      )}

      {canManage && data && (
        <Card size="small" style={{ marginBottom: 12, borderColor: isEditing ? DAY_COLORS.changed : undefined }}>
          {isEditing ? (
            <Flex vertical gap={8}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Space wrap>
                  <Typography.Text strong>{t('calendar.editing', { year })}</Typography.Text>
                  {changedCount > 0 && <Tag color="orange">{plural(t, 'calendar.unsaved', changedCount)}</Tag>}
                </Space>
                <Space wrap>
                  <Button onClick={() => setDraft({ holidays: new Set(data.defaultHolidays), extraWorkingDays: new Set() })}>{t('calendar.fromDefault')}</Button>
                  <Button onClick={() => setDraft(null)}>{t('calendar.discard')}</Button>
                  <Button
                    type="primary"
                    onClick={() => {
                      save.reset();
                      setSaveOpen(true);
                    }}
                    disabled={changedCount === 0 && data.source === 'stored'}
                  >
                    {t('calendar.save')}
                  </Button>
                </Space>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('calendar.editHint')}
              </Typography.Text>
            </Flex>
          ) : (
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Button type="primary" onClick={() => setDraft(saved)}>
                {t('calendar.edit', { year })}
              </Button>
              {data.source === 'stored' && (
                <Popconfirm
                  title={t('calendar.reset')}
                  description={<div style={{ maxWidth: 320 }}>{t('calendar.resetConfirm', { year })}</div>}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={onReset}
                >
                  <Button danger loading={reset.isPending}>
                    {t('calendar.reset')}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          )}
        </Card>
      )}

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={17}>
          <Card size="small">
            <Flex wrap gap={16} style={{ marginBottom: 12 }}>
              <Swatch style={{ background: '#fff' }} label={t('calendar.legend.working')} />
              <Swatch style={{ background: DAY_COLORS.weekendBg }} label={t('calendar.legend.weekend')} />
              <Swatch style={{ background: DAY_COLORS.holidayBg, borderColor: DAY_COLORS.holidayBorder }} label={t('calendar.legend.holiday')} />
              <Swatch style={{ background: DAY_COLORS.extraBg, border: `1px dashed ${DAY_COLORS.extraBorder}` }} label={t('calendar.legend.extra')} />
              <Swatch style={{ boxShadow: `inset 0 0 0 2px ${DAY_COLORS.today}` }} label={t('calendar.legend.today')} />
              {isEditing && <Swatch style={{ background: DAY_COLORS.changed, borderRadius: 8, width: 8, height: 8 }} label={t('calendar.legend.changed')} />}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('calendar.legend.lunar')}
              </Typography.Text>
            </Flex>
            {data ? (
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(232px, 1fr))', gap: '16px 20px' }}>
                {MONTHS.map((m) => (
                  <MonthGrid key={m} year={year} month={m} days={days} today={today} isEditing={isEditing} onToggle={onToggle} />
                ))}
              </div>
            ) : (
              <div style={{ display: 'grid', placeItems: 'center', minHeight: 320 }}>
                <Spin description={t('common.loading')} />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={12}>
            <Card
              size="small"
              title={t('calendar.holidays', { year })}
            >
              {data && !isEditing && (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 10 }}>
                  {plural(t, 'calendar.holidayCount', holidayWeekdays)}
                </Typography.Paragraph>
              )}
              {data ? (
                isEditing ? (
                  <Flex vertical gap={6}>
                    <Typography.Text type="secondary">{t('calendar.editHint')}</Typography.Text>
                    {[...days.values()]
                      .filter((d) => d.isChanged)
                      .map((d) => (
                        <div key={d.date} style={{ fontSize: 13 }}>
                          <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: DAY_COLORS.changed, marginInlineEnd: 8 }} />
                          {t(`calendar.weekdayShort.${d.weekday}`)} {showDate(d.date)}:{' '}
                          <Typography.Text strong style={{ color: d.isHoliday ? DAY_COLORS.holidayText : d.isExtra ? DAY_COLORS.extraText : undefined }}>
                            {t(d.isHoliday ? 'calendar.day.newHoliday' : d.isExtra ? 'calendar.day.extra' : d.isWeekend ? 'calendar.day.weekend' : 'calendar.day.working')}
                          </Typography.Text>
                        </div>
                      ))}
                  </Flex>
                ) : (
                  <HolidayList holidays={data.holidays} extraWorkingDays={data.extraWorkingDays} />
                )
              ) : (
                <Spin />
              )}
            </Card>
            <Card size="small" title={t('calendar.preview.title')}>
              <DeadlinePreview today={today} />
            </Card>
            {!canManage && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('calendar.readOnly')}
              </Typography.Text>
            )}
          </Flex>
        </Col>
        {canManage && (
          <Col span={24}>
            <JobRunsCard />
          </Col>
        )}
      </Row>

      {data && (
        <SaveCalendarModal
          open={saveOpen}
          year={year}
          holidayWeekdays={holidayWeekdays}
          extraCount={shown.extraWorkingDays.size}
          initialNote={data.source === 'stored' ? data.note : null}
          saving={save.isPending}
          error={save.error}
          onSave={onSave}
          onCancel={() => setSaveOpen(false)}
        />
      )}
    </div>
  );
}
