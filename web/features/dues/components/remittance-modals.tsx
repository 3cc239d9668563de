import { App, Col, Form, Input, Modal, Row, Typography } from 'antd';
import type { Remittance } from '../../../../common/contracts/dues.contract.ts';
import { applyFieldErrors } from '../../../components/api-error.ts';
import { showDate, todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { currentMonth, formatVnd, showMonth } from '../money.ts';
import { useReceiveRemittance } from '../queries/use-receive-remittance.ts';
import { type RemittanceBody, useSaveRemittance } from '../queries/use-save-remittance.ts';
import { MoneyInput } from './money-input.tsx';
import { MonthPicker } from './month-picker.tsx';
import { DuesErrorAlert } from './violation-list.tsx';

/** Records (or edits while not yet received, compare-and-set) what a cell hands to the organization above for a month. */
export function RemittanceModal({
  open,
  organizationId,
  parentName,
  month,
  amount,
  remittance,
  onClose,
}: {
  open: boolean;
  organizationId: number;
  parentName: string;
  month?: string;
  amount?: number;
  remittance?: Remittance;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RemittanceBody>();
  const save = useSaveRemittance(organizationId);
  const required = { required: true, message: t('field.required') };
  const onOk = async () => {
    const v = await form.validateFields();
    save.mutate(
      { id: remittance?.id, version: remittance?.version, body: v },
      {
        onSuccess: () => {
          void message.success(t('dues.remit.saved'));
          onClose();
        },
        onError: (err) => applyFieldErrors(form, t, err),
      },
    );
  };
  return (
    <Modal
      open={open}
      width={600}
      title={t('dues.remit.title')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      afterOpenChange={(o) => (o ? save.reset() : undefined)}
    >
      <Typography.Paragraph type="secondary">{t('dues.remit.parent', { name: parentName })}</Typography.Paragraph>
      <DuesErrorAlert error={save.error} />
      <Form<RemittanceBody>
        form={form}
        layout="vertical"
        preserve={false}
        requiredMark="optional"
        initialValues={
          remittance
            ? { month: remittance.month, amountVnd: remittance.amountVnd, remittedOn: remittance.remittedOn, reference: remittance.reference ?? '', note: remittance.note ?? '' }
            : { month: month ?? currentMonth(), amountVnd: amount && amount > 0 ? amount : undefined, remittedOn: todayIso() }
        }
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="month" label={t('dues.month')} rules={[required]}>
              <MonthPicker style={{ width: '100%' }} maxMonth={currentMonth()} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="amountVnd" label={t('dues.remit.amount')} rules={[required]}>
              <MoneyInput min={1} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="remittedOn" label={t('dues.remit.remittedOn')} rules={[required]}>
              <IsoDatePicker maxDate={todayIso()} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reference" label={t('dues.remit.reference')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="note" label={t('common.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The organization above confirms it received a remittance (who signed, when); compare-and-set on the version read. */
export function ReceiveRemittanceModal({ remittance, onClose }: { remittance: Remittance | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ receivedOn: string; receivedBy: string }>();
  const receive = useReceiveRemittance();
  const required = { required: true, message: t('field.required') };
  const onOk = async () => {
    if (!remittance) return;
    const v = await form.validateFields();
    receive.mutate(
      { id: remittance.id, body: { ...v, version: remittance.version } },
      {
        onSuccess: () => {
          void message.success(t('dues.remit.receivedOk'));
          onClose();
        },
        onError: (err) => applyFieldErrors(form, t, err),
      },
    );
  };
  return (
    <Modal
      open={remittance !== null}
      width={560}
      title={t('dues.remit.receiveTitle')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('dues.remit.receive')}
      cancelText={t('common.cancel')}
      confirmLoading={receive.isPending}
      destroyOnHidden
      afterOpenChange={(o) => (o ? receive.reset() : undefined)}
    >
      {remittance && (
        <Typography.Paragraph>
          <strong>{remittance.organization.name}</strong> · {showMonth(remittance.month)} · <strong>{formatVnd(remittance.amountVnd)}</strong> · {showDate(remittance.remittedOn)}
          {remittance.reference ? ` · ${remittance.reference}` : ''}
        </Typography.Paragraph>
      )}
      <DuesErrorAlert error={receive.error} />
      <Form form={form} layout="vertical" preserve={false} requiredMark="optional" initialValues={{ receivedOn: todayIso() }}>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="receivedOn" label={t('dues.remit.receivedOn')} rules={[required]}>
              <IsoDatePicker maxDate={todayIso()} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="receivedBy" label={t('dues.remit.receivedBy')} rules={[required]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
