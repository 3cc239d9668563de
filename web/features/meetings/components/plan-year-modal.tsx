import { Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useT } from '../../../i18n/i18n.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { usePlanMeetings } from '../queries/use-plan-meetings.ts';

type Values = { year: number; regularDay: number; thematicDay?: number; thematicMonths: number[]; thematicTopics: (string | null)[] };

/** R-MGT-03: a year's plan: a regular meeting each month, a thematic one each quarter. Existing meetings are kept. */
export function PlanYearModal({ cellId, year, onClose, onPlanned }: { cellId: number; year: number; onClose(): void; onPlanned(created: number, skipped: number): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const plan = usePlanMeetings(cellId);
  return (
    <FormModal<Values>
      title={t('meetings.plan.title', { year })}
      okText={t('meetings.plan.submit')}
      form={form}
      initialValues={{ year, regularDay: 5, thematicMonths: [3, 6, 9, 12], thematicTopics: [null, null, null, null] }}
      onClose={onClose}
      onSubmit={async (v) => {
        const res = await plan.mutateAsync({ ...v, thematicTopics: v.thematicTopics.map((s) => s ?? null) });
        onPlanned(res.created, res.skipped);
      }}
      width={720}
    >
      <Typography.Paragraph type="secondary">{t('meetings.plan.help')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={12} md={8}>
          <Form.Item name="year" label={t('meetings.plan.year')} rules={[{ required: true, message: t('field.required') }]}>
            <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="regularDay" label={t('meetings.plan.regularDay')} rules={[{ required: true, message: t('field.required') }]}>
            <InputNumber min={1} max={28} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="thematicDay" label={t('meetings.plan.thematicDay')} tooltip={t('meetings.plan.thematicDayHint')}>
            <InputNumber min={1} max={28} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {[1, 2, 3, 4].map((q) => (
        <Row gutter={16} key={q}>
          <Col xs={10} md={8}>
            <Form.Item name={['thematicMonths', q - 1]} label={t('meetings.plan.thematicMonth', { q })}>
              <Select options={[3 * q - 2, 3 * q - 1, 3 * q].map((m) => ({ value: m, label: t('meetings.monthLong', { m }) }))} />
            </Form.Item>
          </Col>
          <Col xs={14} md={16}>
            <Form.Item name={['thematicTopics', q - 1]} label={t('meetings.plan.thematicTopic', { q })}>
              <Input placeholder={t('meetings.plan.topicPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      ))}
    </FormModal>
  );
}
