import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import type { TransferDetail } from '../../../../common/contracts/transfers.contract.ts';
import { applyFieldErrors, errorText, fieldText, isApiError } from '../../../components/api-error.ts';
import { showDate, todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { destinationName } from '../transfer-labels.ts';
import { useTransferStep } from '../queries/use-transfer-step.ts';

/** The steps a person takes on a transfer page; each is one POST with the version the page was loaded with. */
export type StepKind = 'confirm' | 'outside' | 'return' | 'cancel';

interface Values {
  date: string;
  receiptRef?: string | null;
  reason?: string;
  note?: string | null;
}

const ENDPOINT = { confirm: 'receipt', outside: 'receipt', return: 'return', cancel: 'cancel' } as const;
const DATE_FIELD = { confirm: 'receivedOn', outside: 'receivedOn', return: 'returnedOn', cancel: 'cancelledOn' } as const;
const blank = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

export function TransferStepModal({ transfer, kind, onClose }: { transfer: TransferDetail; kind: StepKind | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const step = useTransferStep(transfer.id, ENDPOINT[kind ?? 'confirm']);
  const date = Form.useWatch('date', form);
  useEffect(() => {
    if (kind) {
      form.resetFields();
      step.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind]);
  if (!kind) return null;

  const names = { name: transfer.member.fullName, number: transfer.letterNumber, to: destinationName(t, transfer) };
  const body =
    kind === 'confirm'
      ? t(transfer.kind === 'temporary' ? 'transfers.confirm.bodyTemporary' : 'transfers.confirm.body', names)
      : kind === 'outside'
        ? t('transfers.outside.body', names)
        : kind === 'return'
          ? t('transfers.return.body', names)
          : t('transfers.cancel.body');
  const late = (kind === 'confirm' || kind === 'outside') && date && date > transfer.presentationDue;

  const onFinish = (v: Values) => {
    const payload: Record<string, unknown> = { version: transfer.version, [DATE_FIELD[kind]]: v.date };
    if (kind === 'confirm' || kind === 'outside') Object.assign(payload, { receiptRef: blank(v.receiptRef), note: blank(v.note) });
    if (kind === 'return') payload.note = blank(v.note);
    if (kind === 'cancel') payload.reason = (v.reason ?? '').trim();
    step.mutate(payload, {
      onSuccess: () => {
        void message.success(t(`transfers.${kind}.done`));
        onClose();
      },
      onError: (err) => {
        if (!applyFieldErrors(form, t, err)) return;
        // The server names the request field; the dialog has one date field for all of them.
        const issue = isApiError(err, 'VALIDATION') ? err.fields.find((f) => f.path.endsWith(DATE_FIELD[kind])) : undefined;
        if (issue) form.setFields([{ name: 'date', errors: [fieldText(t, issue.code, issue.params ?? {})] }]);
      },
    });
  };

  const err = step.error;
  const closedCode = isApiError(err, 'CONFLICT') && typeof err.params.status === 'string' ? err.params.status : null;

  return (
    <Modal
      open
      title={t(`transfers.${kind}.title`)}
      okText={kind === 'cancel' ? t('transfers.page.cancel') : t('common.confirm')}
      okButtonProps={{ danger: kind === 'cancel', loading: step.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{body}</Typography.Paragraph>
      {err && !isApiError(err, 'VALIDATION') && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={closedCode ? t('transfers.error.closed', { status: t(`transfers.status.${closedCode}`) }) : errorText(t, err)}
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ date: todayIso() }} disabled={step.isPending}>
        <Form.Item
          name="date"
          label={t(`transfers.f.${DATE_FIELD[kind]}`)}
          rules={[{ required: true, message: t('field.required') }]}
          extra={late ? <Typography.Text type="warning">{t('transfers.confirm.late', { date: showDate(transfer.presentationDue) })}</Typography.Text> : undefined}
        >
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
        {(kind === 'confirm' || kind === 'outside') && (
          <Form.Item name="receiptRef" label={t('transfers.f.receiptRef')} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        {kind === 'cancel' ? (
          <Form.Item name="reason" label={t('transfers.f.cancelReason')} rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 1000 }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('transfers.f.note')} rules={[{ max: 1000 }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
