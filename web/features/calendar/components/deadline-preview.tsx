import { Alert, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { dayOfWeek } from '../../../../common/rules/iso-date.ts';
import { errorText } from '../../../components/api-error.ts';
import { showDate } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { plural } from '../plural.ts';
import { useWorkingDays } from '../queries/use-working-days.ts';

/** "n working days after a date", as the server computes every due date (GET /api/calendar/working-days). */
export function DeadlinePreview({ today }: { today: string }) {
  const t = useT();
  const [from, setFrom] = useState<string | null>(today);
  const [days, setDays] = useState<number | null>(30);
  const q = from && days !== null && Number.isInteger(days) ? { from, days } : null;
  const res = useWorkingDays(q);
  const data = q ? res.data : undefined;
  return (
    <div>
      <Flex gap={12} wrap>
        <Form.Item label={t('calendar.preview.from')} layout="vertical" style={{ marginBottom: 8, flex: '1 1 140px' }}>
          <IsoDatePicker value={from} onChange={setFrom} />
        </Form.Item>
        <Form.Item label={t('calendar.preview.days')} layout="vertical" style={{ marginBottom: 8, width: 150 }}>
          <InputNumber value={days} onChange={(v) => setDays(v)} min={-2000} max={2000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      {res.isError ? (
        <Alert type="error" showIcon title={errorText(t, res.error)} />
      ) : data ? (
        <div aria-live="polite">
          <Typography.Text strong style={{ fontSize: 15 }}>
            {t('calendar.preview.result', { weekday: t(`calendar.weekday.${dayOfWeek(data.date)}`), date: showDate(data.date) })}
          </Typography.Text>
          {data.holidaysCrossed.length > 0 && (
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', marginTop: 2 }}>
              {plural(t, 'calendar.preview.crossed', data.holidaysCrossed.length, {
                list: data.holidaysCrossed.map((h) => showDate(h.date).slice(0, 5)).join(', '),
              })}
            </div>
          )}
        </div>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('calendar.preview.hint')}
      </Typography.Paragraph>
    </div>
  );
}
