import type { UseMutationResult } from '@tanstack/react-query';
import { App, Col, Form, type FormInstance, Input, Modal, Row } from 'antd';
import type { ReactNode } from 'react';
import { applyFieldErrors } from '../../../components/api-error.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { MonthPicker } from './month-picker.tsx';
import { DuesErrorAlert } from './violation-list.tsx';

/** The fields every dues decision carries (an exemption, a reduction): the decision, its date and the months. */
interface DecisionValues {
  decisionRef: string;
  decidedOn: string;
  fromMonth: string;
  toMonth?: string | null;
}

type Save<V> = UseMutationResult<unknown, Error, { id?: number; version?: number; body: V }>;

interface Props<V extends DecisionValues> {
  open: boolean;
  title: string;
  savedText: string;
  form: FormInstance<V>;
  save: Save<V>;
  /** The record being edited (compare-and-set on its version), or none for a new decision. */
  editing?: { id: number; version: number };
  initialValues: Partial<V>;
  /** What the form's values become in the request. */
  toBody?(values: V): V;
  onClose(): void;
  /** The fields above the decision's own (what is decided: a reason, a percentage). */
  head: ReactNode;
  /** The "to month" field's own rules: open-ended or required. */
  toMonth: { required: boolean; extra?: string; placeholder?: string };
  /** Fields below (a note). */
  tail?: ReactNode;
}

/** A dues decision recorded (or edited) from the member's dues page: 01-QĐ/TW 2026, QĐ 342 before it. */
export function DecisionModal<V extends DecisionValues>({ open, title, savedText, form, save, editing, initialValues, toBody, onClose, head, toMonth, tail }: Props<V>) {
  const t = useT();
  const { message } = App.useApp();
  const required = { required: true, message: t('field.required') };

  const onOk = async () => {
    const v = await form.validateFields();
    save.mutate(
      { id: editing?.id, version: editing?.version, body: toBody ? toBody(v) : v },
      {
        onSuccess: () => {
          void message.success(savedText);
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
      title={title}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      afterOpenChange={(o) => (o ? save.reset() : undefined)}
    >
      <DuesErrorAlert error={save.error} />
      <Form<V> form={form} layout="vertical" preserve={false} requiredMark="optional" initialValues={initialValues}>
        {head}
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
            <Form.Item name="toMonth" label={t('dues.decision.toMonth')} rules={toMonth.required ? [required] : []} extra={toMonth.extra}>
              <MonthPicker style={{ width: '100%' }} allowClear={!toMonth.required} placeholder={toMonth.placeholder} />
            </Form.Item>
          </Col>
        </Row>
        {tail}
      </Form>
    </Modal>
  );
}
