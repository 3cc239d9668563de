import { Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { RESIDENCE_RATINGS, type Registration, type ResidenceOpinion } from '../../../../common/contracts/party-life.contract.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useCreateOpinion } from '../queries/use-create-opinion.ts';
import { useUpdateOpinion } from '../queries/use-update-opinion.ts';
import { FormModal } from '../../../components/form-modal.tsx';

type Values = { year: number; rating: (typeof RESIDENCE_RATINGS)[number]; comments: string | null; givenOn: string; givenBy: string };

/** R-MGT-07: the residence cell's yearly opinion on a member registered with it. */
export function OpinionModal({ registration, editing, onClose }: { registration: Registration; editing: ResidenceOpinion | null; onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateOpinion();
  const update = useUpdateOpinion();
  const year = Number(todayIso().slice(0, 4));
  const required = [{ required: true, message: t('field.required') }];
  const initial: Partial<Values> = editing
    ? { year: editing.year, rating: editing.rating, comments: editing.comments, givenOn: editing.givenOn, givenBy: editing.givenBy }
    : { year: registration.opinions.some((o) => o.year === year - 1) ? year : year - 1, rating: 'good', givenOn: todayIso() };
  return (
    <FormModal<Values>
      title={t('partyLife.opinion.title', { name: registration.member.fullName })}
      form={form}
      initialValues={initial}
      onClose={onClose}
      onSubmit={(v) => (editing ? update.mutateAsync({ id: editing.id, version: editing.version, ...v }) : create.mutateAsync({ registrationId: registration.id, ...v }))}
    >
      <Row gutter={16}>
        <Col xs={8}>
          <Form.Item name="year" label={t('partyLife.opinion.year')} rules={required}>
            <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={16}>
          <Form.Item name="rating" label={t('partyLife.opinion.rating')} rules={required}>
            <Radio.Group optionType="button" buttonStyle="solid" options={RESIDENCE_RATINGS.map((r) => ({ value: r, label: t(`partyLife.rating.${r}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="comments" label={t('partyLife.opinion.comments')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} placeholder={t('partyLife.opinion.commentsPlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={10}>
          <Form.Item name="givenOn" label={t('partyLife.opinion.givenOn')} rules={required}>
            <IsoDatePicker maxDate={todayIso()} />
          </Form.Item>
        </Col>
        <Col xs={14}>
          <Form.Item name="givenBy" label={t('partyLife.opinion.givenBy')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
            <Input placeholder={t('partyLife.opinion.givenByPlaceholder')} maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
