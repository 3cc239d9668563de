import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { applyFieldErrors, errorText, fieldText } from './api-error.ts';
import { showDate } from './dates.ts';
import { useT } from '../i18n/i18n.tsx';
import { isIsoDate } from '../../common/rules/iso-date.ts';

type T = ReturnType<typeof useT>;

/** Dates in field issue params are 'YYYY-MM-DD'; people read dd/mm/yyyy. */
function readable(params: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isIsoDate(v) ? showDate(v) : v]));
}

/** A refusal in words: field issues next to their fields, the rest (and the code's sentence) in the alert. */
export function describeRefusal(form: FormInstance | null, t: T, err: unknown): { text: string; details: string[] } {
  if (!(err instanceof ApiError)) return { text: errorText(t, err), details: [] };
  const fields = err.fields.map((f) => ({ ...f, path: f.path.replace(/^body\./, ''), params: readable(f.params) }));
  if (form) applyFieldErrors(form, t, new ApiError(err.status, err.code, err.params, fields));
  const shown = new Set(form ? form.getFieldsError().filter((e) => e.errors.length).map((e) => e.name.join('.')) : []);
  const details = fields.filter((f) => !shown.has(f.path)).map((f) => fieldText(t, f.code, f.params));
  // A duplicate (409 with field issues, e.g. a second opinion for the same year) is said by its fields, not by the
  // generic "someone else changed this record".
  if (err.code === 'CONFLICT' && fields.length > 0) return { text: fields.map((f) => fieldText(t, f.code, f.params)).join(' '), details: [] };
  return { text: errorText(t, err), details };
}

export function RefusalAlert({ refusal }: { refusal: { text: string; details: string[] } | null }) {
  if (!refusal) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 8 }}
      title={refusal.text}
      description={refusal.details.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{refusal.details.map((d) => <li key={d}>{d}</li>)}</ul> : undefined}
    />
  );
}

interface Props<V> {
  title: ReactNode;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  okText?: string;
  width?: number;
  onClose(): void;
  /** Sends the change; a refusal stays in the modal, success closes it. */
  onSubmit(values: V): Promise<unknown>;
  children: ReactNode;
}

/** A modal form for one change: the user's values in, a refusal in words out (rule ids included). */
export function FormModal<V>({ title, form, initialValues, okText, width = 640, onClose, onSubmit, children }: Props<V>) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ text: string; details: string[] } | null>(null);
  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setRefusal(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (err) {
      setRefusal(describeRefusal(form, t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={() => void submit()} requiredMark>
        {children}
      </Form>
      <RefusalAlert refusal={refusal} />
    </Modal>
  );
}
