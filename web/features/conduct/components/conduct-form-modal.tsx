import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../../api/http.ts';
import { applyFieldErrors, errorText, fieldText, showParams } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';

type T = ReturnType<typeof useT>;

/**
 * A refusal in words. Field issues go next to their fields; a second Front opinion for a year is a 409 carrying the
 * field issue, and then the field's sentence is the message (not "someone else changed this record").
 */
function refusalText(form: FormInstance, t: T, err: unknown): string {
  if (!(err instanceof ApiError)) return errorText(t, err);
  applyFieldErrors(form, t, err);
  if (err.code === 'CONFLICT' && err.fields.length > 0) return err.fields.map((f) => fieldText(t, f.code, showParams(f.params))).join(' ');
  return errorText(t, err);
}

interface Props<V> {
  title: ReactNode;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  onClose(): void;
  /** Sends the change; a refusal stays in the modal, success closes it. */
  onSubmit(values: V): Promise<unknown>;
  children: ReactNode;
}

export function ConductFormModal<V>({ title, form, initialValues, onClose, onSubmit, children }: Props<V>) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
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
      setRefusal(refusalText(form, t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      width={640}
      okText={t('common.save')}
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
      {refusal && <Alert type="error" showIcon style={{ marginTop: 8 }} title={refusal} />}
    </Modal>
  );
}
