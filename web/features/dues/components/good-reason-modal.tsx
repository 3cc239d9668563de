import { Alert, App, Col, Form, Input, Modal, Row } from 'antd';
import { applyFieldErrors } from '../../../components/api-error.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { type GoodReasonBody, useCreateGoodReason } from '../queries/use-create-good-reason.ts';
import { MonthPicker } from './month-picker.tsx';
import { DuesErrorAlert } from './violation-list.tsx';

type Values = GoodReasonBody;

/** R-DUE-01: the cell accepts a good reason for a month not paid; the month then does not count toward name removal. */
export function GoodReasonModal({ open, memberId, month, onClose }: { open: boolean; memberId: number; month?: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useCreateGoodReason(memberId);
  const required = { required: true, message: t('field.required') };

  const onOk = async () => {
    const v = await form.validateFields();
    save.mutate(v, {
      onSuccess: () => {
        void message.success(t('dues.goodReason.saved'));
        onClose();
      },
      onError: (err) => applyFieldErrors(form, t, err),
    });
  };

  return (
    <Modal
      open={open}
      width={600}
      title={t('dues.goodReason.title')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      afterOpenChange={(o) => (o ? save.reset() : undefined)}
    >
      <Alert type="info" showIcon title={t('dues.goodReason.hint')} style={{ marginBottom: 16 }} />
      <DuesErrorAlert error={save.error} />
      <Form<Values> form={form} layout="vertical" preserve={false} requiredMark="optional" initialValues={{ month, acceptedOn: todayIso() }}>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="month" label={t('dues.goodReason.month')} rules={[required]}>
              <MonthPicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="acceptedOn" label={t('dues.goodReason.acceptedOn')} rules={[required]}>
              <IsoDatePicker maxDate={todayIso()} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reason" label={t('dues.goodReason.reason')} rules={[required]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="acceptedBy" label={t('dues.goodReason.acceptedBy')} rules={[required]}>
          <Input maxLength={200} placeholder={t('dues.goodReason.acceptedByPlaceholder')} />
        </Form.Item>
        <Form.Item name="decisionRef" label={t('dues.decision.ref')}>
          <Input maxLength={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
