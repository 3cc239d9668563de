import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../../api/http.ts';
import { applyFieldErrors, errorText, fieldText, isApiError } from '../../../components/api-error.ts';
import { showDate } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { isIsoDate } from '../../../../common/rules/iso-date.ts';
import { organizationKeys } from '../queries/keys.ts';

type T = ReturnType<typeof useT>;

/** Field issues name dates as 'YYYY-MM-DD'; people read them dd/mm/yyyy. */
function readableParams(params: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isIsoDate(v) ? showDate(v) : v]));
}

/**
 * Puts a refusal where the user will see it: field issues next to their fields; the sentence for the code, and any
 * issue whose field the form does not show (a placement, a fixed parent), in the alert above the buttons.
 */
export function describeRefusal(form: FormInstance, t: T, err: unknown): { text: string; details: string[] } {
  if (!(err instanceof ApiError)) return { text: errorText(t, err), details: [] };
  const fields = err.fields.map((f) => ({ ...f, params: readableParams(f.params) }));
  const readable = new ApiError(err.status, err.code, err.params, fields);
  applyFieldErrors(form, t, readable);
  const shown = new Set(form.getFieldsError().map((e) => e.name.join('.')));
  const details = fields
    .filter((f) => !shown.has(f.path.replace(/^body\./, '')))
    .map((f) => `${t(`organizations.field.${f.path.replace(/^body\./, '').split('.')[0]}`)}: ${fieldText(t, f.code, f.params)}`);
  // Some refusals name the reason in a param (INVALID_ORGANIZATION_PARENT, FORBIDDEN): say it in words too.
  const reason = typeof err.params.reason === 'string' ? `organizations.reason.${err.params.reason}` : null;
  if (reason && t(reason) !== reason) details.unshift(t(reason));
  return { text: errorText(t, err), details };
}

interface Props<V> {
  title: ReactNode;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  okText?: string;
  danger?: boolean;
  width?: number;
  onClose(): void;
  /** Sends the change; a refusal is shown in the modal, success closes it. `false` keeps it open (the caller said why). */
  onSubmit(values: V): Promise<unknown>;
  children: ReactNode;
  /** Issues the caller renders itself (e.g. per-row placement errors of a split). */
  onRefused?(err: unknown): void;
}

/** A modal form for one change to the tree: the user's values in, a refusal in words out. */
export function ActionModal<V>({ title, form, initialValues, okText, danger, width = 640, onClose, onSubmit, children, onRefused }: Props<V>) {
  const t = useT();
  const qc = useQueryClient();
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
      if ((await onSubmit(values)) !== false) onClose();
    } catch (err) {
      setRefusal(describeRefusal(form, t, err));
      onRefused?.(err);
      // Someone changed the tree meanwhile: reload it, so the next try carries the current versions.
      if (isApiError(err, 'CONFLICT')) void qc.invalidateQueries({ queryKey: organizationKeys.all });
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
      okButtonProps={{ danger, loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={false}
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={() => void submit()}>
        {children}
      </Form>
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={refusal.text}
          description={refusal.details.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{refusal.details.map((d) => <li key={d}>{d}</li>)}</ul> : undefined}
        />
      )}
    </Modal>
  );
}
