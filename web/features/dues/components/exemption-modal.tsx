import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { DECIDED_EXEMPTION_REASONS, type DuesExemption } from '../../../../common/contracts/dues.contract.ts';
import { applyFieldErrors } from '../../../components/api-error.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { currentMonth } from '../money.ts';
import { type ExemptionBody, useSaveExemption } from '../queries/use-save-exemption.ts';
import { MonthPicker } from './month-picker.tsx';
import { DuesErrorAlert } from './violation-list.tsx';

type Values = ExemptionBody;

/** Records (or edits, compare-and-set) an exemption decided on the member's application (01-QĐ/TW; QĐ 342). */
export function ExemptionModal({ open, memberId, exemption, onClose }: { open: boolean; memberId: number; exemption?: DuesExemption; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveExemption(memberId);
  const required = { required: true, message: t('field.required') };

  const onOk = async () => {
    const v = await form.validateFields();
    save.mutate(
      { id: exemption?.id, version: exemption?.version, body: { ...v, toMonth: v.toMonth ?? null } },
      {
        onSuccess: () => {
          void message.success(t('dues.exemption.saved'));
          onClose();
        },
        onError: (err) => applyFieldErrors(form, t, err),
      },
    );
  };

  return (
    <Modal
      open={open}
      width={640}
      title={t('dues.exemption.title')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      afterOpenChange={(o) => (o ? save.reset() : undefined)}
    >
      <DuesErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        requiredMark="optional"
        initialValues={
          exemption
            ? { reason: exemption.reason === 'party_age' ? undefined : exemption.reason, decisionRef: exemption.decisionRef, decidedOn: exemption.decidedOn, fromMonth: exemption.fromMonth, toMonth: exemption.toMonth, note: exemption.note ?? '' }
            : { fromMonth: currentMonth(), toMonth: null }
        }
      >
        <Form.Item name="reason" label={t('dues.exemption.reason')} rules={[required]}>
          <Select options={DECIDED_EXEMPTION_REASONS.map((r) => ({ value: r, label: t(`dues.exemptReason.${r}`) }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="decisionRef" label={t('dues.decision.ref')} rules={[required]}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="decidedOn" label={t('dues.decision.decidedOn')} rules={[required]}>
              <IsoDatePicker maxDate={todayIso()} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="fromMonth" label={t('dues.decision.fromMonth')} rules={[required]}>
              <MonthPicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="toMonth" label={t('dues.decision.toMonth')}>
              <MonthPicker style={{ width: '100%' }} allowClear placeholder={t('dues.decision.untilRevoked')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('dues.decision.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
