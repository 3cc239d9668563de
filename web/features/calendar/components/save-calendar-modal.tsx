import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/http.ts';
import { errorText } from '../../../components/api-error.ts';
import { showDate } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';

interface Props {
  open: boolean;
  year: number;
  holidayWeekdays: number;
  extraCount: number;
  initialNote: string | null;
  saving: boolean;
  error: unknown;
  onSave: (note: string) => void;
  onCancel: () => void;
}

/** Saving a year's schedule asks for its basis: the government's notice it was taken from. */
export function SaveCalendarModal({ open, year, holidayWeekdays, extraCount, initialNote, saving, error, onSave, onCancel }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ note: string }>();
  const [shownError, setShownError] = useState<unknown>(null);
  useEffect(() => {
    if (open) {
      form.setFieldsValue({ note: initialNote ?? '' });
      setShownError(null);
    }
  }, [open, initialNote, form]);
  useEffect(() => setShownError(error), [error]);

  // Field issues name dates (ISO): shown dd/mm/yyyy like every date in the app.
  const issues =
    shownError instanceof ApiError && shownError.fields.length
      ? shownError.fields.map((f) => {
          const p = Object.fromEntries(Object.entries(f.params ?? {}).map(([k, v]) => [k, k === 'date' && typeof v === 'string' ? showDate(v) : v]));
          const text = t(`field.${f.code}`, p);
          return text === `field.${f.code}` ? t('field.invalid') : text;
        })
      : [];

  return (
    <Modal
      open={open}
      title={t('calendar.saveTitle', { year })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then((v) => onSave(v.note.trim()))}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('calendar.saveSummary', { holidays: holidayWeekdays, extra: extraCount })}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="note" label={t('calendar.note')} rules={[{ required: true, whitespace: true, message: t('calendar.noteRequired') }, { max: 1000 }]}>
          <Input.TextArea rows={3} placeholder={t('calendar.notePlaceholder')} maxLength={1000} showCount autoFocus />
        </Form.Item>
      </Form>
      {shownError != null && (
        <Alert
          type="error"
          showIcon
          title={errorText(t, shownError)}
          description={issues.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{issues.map((i) => <li key={i}>{i}</li>)}</ul> : undefined}
        />
      )}
    </Modal>
  );
}
