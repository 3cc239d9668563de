import { Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { FRONT_RATINGS, type FrontOpinion, type FrontRating } from '../../../../common/contracts/conduct.contract.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useRecordFrontOpinion } from '../queries/use-record-front-opinion.ts';
import { useUpdateFrontOpinion } from '../queries/use-update-front-opinion.ts';
import { FormModal } from '../../../components/form-modal.tsx';

type Values = { year: number; rating: FrontRating; comments: string | null; givenOn: string; givenBy: string };

/** The Fatherland Front's yearly opinion on the member's prestige where they live (Quy định 124-QĐ/TW), one per year. */
export function FrontOpinionModal({
  member,
  taken,
  editing,
  onClose,
}: {
  member: { id: number; fullName: string };
  /** Years that already have an opinion (a new one defaults to the latest year without). */
  taken: readonly number[];
  editing: FrontOpinion | null;
  onClose(): void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useRecordFrontOpinion();
  const update = useUpdateFrontOpinion();
  const year = Number(todayIso().slice(0, 4));
  const initial: Partial<Values> = editing
    ? { year: editing.year, rating: editing.rating, comments: editing.comments, givenOn: editing.givenOn, givenBy: editing.givenBy }
    : { year: taken.includes(year - 1) ? year : year - 1, rating: 'good', givenOn: todayIso() };
  return (
    <FormModal<Values>
      title={t(editing ? 'conduct.front.editTitle' : 'conduct.front.createTitle', { name: member.fullName })}
      form={form}
      initialValues={initial}
      onClose={onClose}
      onSubmit={(v) => (editing ? update.mutateAsync({ id: editing.id, version: editing.version, ...v }) : create.mutateAsync({ memberId: member.id, ...v }))}
    >
      <Row gutter={16}>
        <Col xs={8}>
          <Form.Item name="year" label={t('conduct.f.year')} rules={[{ required: true, message: t('field.required') }]}>
            <InputNumber min={1930} max={year} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={16}>
          <Form.Item name="rating" label={t('conduct.f.rating')} rules={[{ required: true, message: t('field.required') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={FRONT_RATINGS.map((r) => ({ value: r, label: t(`conduct.rating.${r}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="comments" label={t('conduct.f.comments')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={10}>
          <Form.Item name="givenOn" label={t('conduct.f.givenOn')} rules={[{ required: true, message: t('field.required') }]}>
            <IsoDatePicker maxDate={todayIso()} />
          </Form.Item>
        </Col>
        <Col xs={14}>
          <Form.Item name="givenBy" label={t('conduct.f.givenBy')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
            <Input maxLength={200} placeholder={t('conduct.f.givenByPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
