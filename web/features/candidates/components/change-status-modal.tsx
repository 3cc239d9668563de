import { Alert, App, Form, Input, Modal } from 'antd';
import type { CandidateDetail } from '../../../../common/contracts/candidates.contract.ts';
import { applyFieldErrors, errorText, isApiError } from '../../../components/api-error.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useChangeCandidateStatus } from '../queries/use-change-candidate-status.ts';

interface Values {
  date: string;
  note?: string | null;
}

/** The status changes the cell records itself: in training, or withdrawn from the list. */
export function ChangeStatusModal({
  candidate,
  to,
  onClose,
  onConflict,
}: {
  candidate: CandidateDetail;
  to: 'in_training' | 'withdrawn' | null;
  onClose: () => void;
  onConflict: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangeCandidateStatus(candidate.id);

  const onOk = async () => {
    const v = await form.validateFields();
    change.mutate(
      { status: to!, date: v.date, note: v.note?.trim() || null, version: candidate.version },
      {
        onSuccess: () => {
          void message.success(t('candidates.status.saved'));
          onClose();
        },
        onError: (err) => {
          applyFieldErrors(form, t, err);
          if (isApiError(err, 'CONFLICT')) onConflict();
        },
      },
    );
  };

  return (
    <Modal
      open={to !== null}
      title={to === 'withdrawn' ? t('candidates.action.withdraw') : t('candidates.action.inTraining')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      okButtonProps={{ danger: to === 'withdrawn' }}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      destroyOnHidden
      afterOpenChange={(o) => (o ? change.reset() : undefined)}
    >
      {change.error && <Alert type="error" showIcon title={errorText(t, change.error)} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ date: todayIso() }} preserve={false}>
        <Form.Item name="date" label={t('candidates.f.date')} rules={[{ required: true, message: t('field.required') }]}>
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
        <Form.Item name="note" label={t('candidates.f.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
