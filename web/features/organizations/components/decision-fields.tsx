import { Col, Form, Input, Row } from 'antd';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';

/** The fields every change to the tree carries: effective date (first day it holds), decision number and note. */
export interface DecisionValues {
  effectiveDate: string;
  decisionRef?: string | null;
  note?: string | null;
}

export function DecisionFields() {
  const t = useT();
  return (
    <>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item
            name="effectiveDate"
            label={t('common.effectiveDate')}
            tooltip={t('organizations.effectiveDateHint')}
            rules={[{ required: true, message: t('field.required') }]}
          >
            <IsoDatePicker />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="decisionRef" label={t('common.decisionRef')} rules={[{ max: 100, message: t('field.too_big') }]}>
            <Input placeholder={t('organizations.decisionRefPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('common.note')} rules={[{ max: 1000, message: t('field.too_big') }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}
