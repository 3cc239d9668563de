import { AutoComplete, Col, Form, Input, Radio, Row } from 'antd';
import { MEETING_KINDS, MEETING_STATUSES, type MeetingDetail } from '../../../../common/contracts/meetings.contract.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import type { CreateMeetingBody } from '../queries/use-create-meeting.ts';

export type MeetingValues = Omit<CreateMeetingBody, 'version'>;

interface Props {
  title: string;
  initial: Partial<MeetingValues>;
  /** Names offered for chair and minute-taker (the cell's members); free text is allowed too. */
  names?: string[];
  onClose(): void;
  onSubmit(values: MeetingValues): Promise<unknown>;
}

/** Plan or record one meeting: date, kind, status, topic, chair, minute-taker, minutes and resolutions. */
export function MeetingFormModal({ title, initial, names = [], onClose, onSubmit }: Props) {
  const t = useT();
  const [form] = Form.useForm<MeetingValues>();
  const options = names.map((n) => ({ value: n }));
  const filter = (input: string, option?: { value: string }) => (option?.value ?? '').toLowerCase().includes(input.toLowerCase());
  const required = [{ required: true, message: t('field.required') }];
  return (
    <FormModal<MeetingValues> title={title} form={form} initialValues={initial} onClose={onClose} onSubmit={onSubmit} width={760}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="date" label={t('meetings.f.date')} rules={required}>
            <IsoDatePicker />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t('meetings.f.kind')} rules={required}>
            <Radio.Group optionType="button" options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="status" label={t('meetings.f.status')} rules={required}>
            <Radio.Group optionType="button" options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetings.status.${s}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="topic" label={t('meetings.f.topic')} rules={[{ max: 500, message: t('field.too_big') }]}>
        <Input placeholder={t('meetings.f.topicPlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="chair" label={t('meetings.f.chair')} rules={[{ max: 120, message: t('field.too_big') }]}>
            <AutoComplete options={options} filterOption={filter} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="minuteTaker" label={t('meetings.f.minuteTaker')} rules={[{ max: 120, message: t('field.too_big') }]}>
            <AutoComplete options={options} filterOption={filter} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="minutes" label={t('meetings.f.minutes')} rules={[{ max: 50_000, message: t('field.too_big') }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
      </Form.Item>
      <Form.Item name="resolutions" label={t('meetings.f.resolutions')} rules={[{ max: 20_000, message: t('field.too_big') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
    </FormModal>
  );
}

/** The form's values of an existing meeting. */
export function meetingValues(m: MeetingDetail): MeetingValues {
  return {
    kind: m.kind,
    status: m.status,
    date: m.date,
    topic: m.topic,
    chair: m.chair,
    minuteTaker: m.minuteTaker,
    minutes: m.minutes,
    resolutions: m.resolutions,
  };
}
