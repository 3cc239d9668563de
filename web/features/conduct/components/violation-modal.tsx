import { Alert, Col, Form, Input, Radio, Row, Select } from 'antd';
import { FORMS_OF_KIND, VIOLATION_KINDS, type ViolationForm, type ViolationKind, type ViolationRecord } from '../../../../common/contracts/conduct.contract.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useRecordViolation } from '../queries/use-record-violation.ts';
import { useUpdateViolation } from '../queries/use-update-violation.ts';
import { FormModal } from '../../../components/form-modal.tsx';

type Values = { kind: ViolationKind; form: ViolationForm; decidedOn: string; decidedBy: string; reference: string; description: string };

/** A violation of state discipline or of the law, recorded from the deciding body's document (R-DIS-07). */
export function ViolationModal({ member, editing, onClose }: { member: { id: number; fullName: string }; editing: ViolationRecord | null; onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useRecordViolation();
  const update = useUpdateViolation();
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? 'state_discipline';
  const required = [{ required: true, whitespace: true, message: t('field.required') }];
  const initial: Partial<Values> = editing
    ? { kind: editing.kind, form: editing.form, decidedOn: editing.decidedOn, decidedBy: editing.decidedBy, reference: editing.reference, description: editing.description }
    : { kind: 'state_discipline' };
  return (
    <FormModal<Values>
      title={t(editing ? 'conduct.violation.editTitle' : 'conduct.violation.createTitle', { name: member.fullName })}
      form={form}
      initialValues={initial}
      onClose={onClose}
      onSubmit={(v) => (editing ? update.mutateAsync({ id: editing.id, version: editing.version, ...v }) : create.mutateAsync({ memberId: member.id, ...v }))}
    >
      {!editing && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('conduct.violation.help')} />}
      <Form.Item name="kind" label={t('conduct.f.kind')} rules={required}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={VIOLATION_KINDS.map((k) => ({ value: k, label: t(`conduct.kind.${k}`) }))}
          onChange={(e) => {
            // A form of the other kind would be refused: clear it when the kind changes.
            const current = form.getFieldValue('form') as ViolationForm | undefined;
            if (current && !FORMS_OF_KIND[e.target.value as ViolationKind].includes(current)) form.setFieldValue('form', undefined);
          }}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="form" label={t('conduct.f.form')} rules={[{ required: true, message: t('field.required') }]}>
            <Select options={FORMS_OF_KIND[kind].map((f) => ({ value: f, label: t(`conduct.form.${f}`) }))} placeholder={t('conduct.f.formPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="decidedOn" label={t('conduct.f.decidedOn')} rules={[{ required: true, message: t('field.required') }]}>
            <IsoDatePicker maxDate={todayIso()} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={14}>
          <Form.Item name="decidedBy" label={t('conduct.f.decidedBy')} rules={required}>
            <Input maxLength={200} placeholder={t('conduct.f.decidedByPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="reference" label={t('conduct.f.reference')} rules={required}>
            <Input maxLength={100} placeholder={t('conduct.f.referencePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('conduct.f.description')} rules={required}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
