import { App, Col, Form, Input, Modal, Radio, Row } from 'antd';
import type { DuesReduction } from '../../../../common/contracts/dues.contract.ts';
import { DUES_REDUCTION_PERCENTS } from '../../../../common/rules/dues-rule-sets.ts';
import { applyFieldErrors } from '../../../components/api-error.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { addMonths, currentMonth } from '../money.ts';
import { type ReductionBody, useSaveReduction } from '../queries/use-save-reduction.ts';
import { MonthPicker } from './month-picker.tsx';
import { DuesErrorAlert } from './violation-list.tsx';

type Values = ReductionBody;

/** Records (or edits, compare-and-set) a 30/50/70% reduction of at most 12 months (01-QĐ/TW). */
export function ReductionModal({ open, memberId, reduction, onClose }: { open: boolean; memberId: number; reduction?: DuesReduction; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveReduction(memberId);
  const required = { required: true, message: t('field.required') };

  const onOk = async () => {
    const v = await form.validateFields();
    save.mutate(
      { id: reduction?.id, version: reduction?.version, body: v },
      {
        onSuccess: () => {
          void message.success(t('dues.reduction.saved'));
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
      title={t('dues.reduction.title')}
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
        initialValues={reduction ? { ...reduction } : { percent: 50, fromMonth: currentMonth(), toMonth: addMonths(currentMonth(), 5) }}
      >
        <Form.Item name="percent" label={t('dues.reduction.percent')} rules={[required]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={DUES_REDUCTION_PERCENTS.map((p) => ({ value: p, label: `${p}%` }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('dues.reduction.reason')} rules={[required]}>
          <Input maxLength={500} />
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
            <Form.Item name="toMonth" label={t('dues.decision.toMonth')} rules={[required]} extra={t('dues.reduction.hint')}>
              <MonthPicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
