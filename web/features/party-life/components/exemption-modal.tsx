import { Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import { EXEMPTION_REASONS } from '../../../../common/rules/exemption-rules.ts';
import type { Exemption, RosterMember } from '../../../../common/contracts/party-life.contract.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useCreateExemption } from '../queries/use-create-exemption.ts';
import { useUpdateExemption } from '../queries/use-update-exemption.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { MemberSelect } from './member-select.tsx';

type Values = {
  memberId: number;
  reason: (typeof EXEMPTION_REASONS)[number];
  note: string | null;
  requestKind: 'written' | 'oral';
  requestedOn: string;
  decidedOn: string | null;
  decisionRef: string | null;
  from: string;
  to: string | null;
  fromActivities: boolean;
  fromWork: boolean;
  superiorInformedOn: string | null;
};

/** R-MGT-02: the member's request, the cell's decision, the reason, the period, what it covers, the superior informed. */
export function ExemptionModal({ cellId, roster, editing, onClose }: { cellId: number; roster: RosterMember[]; editing: Exemption | null; onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateExemption(cellId);
  const update = useUpdateExemption();
  const reason = Form.useWatch('reason', form);
  const required = [{ required: true, message: t('field.required') }];
  const members = editing && !roster.some((r) => r.memberId === editing.member.id) ? [...roster, { memberId: editing.member.id, fullName: editing.member.fullName } as RosterMember] : roster;
  const initial: Partial<Values> = editing
    ? {
        memberId: editing.member.id,
        reason: editing.reason,
        note: editing.note,
        requestKind: editing.requestKind,
        requestedOn: editing.requestedOn,
        decidedOn: editing.decidedOn,
        decisionRef: editing.decisionRef,
        from: editing.from,
        to: editing.to,
        fromActivities: editing.fromActivities,
        fromWork: editing.fromWork,
        superiorInformedOn: editing.superiorInformedOn,
      }
    : { reason: 'elderly_or_weak', requestKind: 'written', fromActivities: true, fromWork: true, decidedOn: todayIso(), from: todayIso() };
  return (
    <FormModal<Values>
      title={editing ? t('partyLife.exempt.editTitle', { name: editing.member.fullName }) : t('partyLife.exempt.newTitle')}
      form={form}
      initialValues={initial}
      onClose={onClose}
      width={760}
      onSubmit={(v) => {
        const { memberId, ...fields } = v;
        return editing ? update.mutateAsync({ id: editing.id, version: editing.version, ...fields }) : create.mutateAsync({ memberId, ...fields });
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="memberId" label={t('partyLife.f.member')} rules={required}>
            <MemberSelect members={members} disabled={!!editing} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="reason" label={t('partyLife.exempt.reason')} rules={required}>
            <Select options={EXEMPTION_REASONS.map((r) => ({ value: r, label: t(`partyLife.reason.${r}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="note"
        label={t('partyLife.exempt.note')}
        rules={reason === 'other' ? [{ required: true, whitespace: true, message: t('field.exemption_note_required', { rule: 'R-MGT-02' }) }] : []}
      >
        <Input placeholder={t('partyLife.exempt.notePlaceholder')} maxLength={1000} />
      </Form.Item>
      <Form.Item label={t('partyLife.exempt.covers')} required>
        <Row>
          <Col>
            <Form.Item name="fromActivities" valuePropName="checked" noStyle>
              <Checkbox>{t('partyLife.exempt.fromActivities')}</Checkbox>
            </Form.Item>
          </Col>
          <Col>
            <Form.Item name="fromWork" valuePropName="checked" noStyle>
              <Checkbox>{t('partyLife.exempt.fromWork')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="requestKind" label={t('partyLife.exempt.requestKind')} rules={required}>
            <Radio.Group optionType="button" options={['written', 'oral'].map((k) => ({ value: k, label: t(`partyLife.requestKind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="requestedOn" label={t('partyLife.exempt.requestedOn')} rules={required}>
            <IsoDatePicker maxDate={todayIso()} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="decidedOn" label={t('partyLife.exempt.decidedOn')} rules={[{ required: true, message: t('field.exemption_decision_date_required', { rule: 'R-MGT-02' }) }]}>
            <IsoDatePicker maxDate={todayIso()} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="decisionRef" label={t('partyLife.exempt.decisionRef')} rules={[{ required: true, whitespace: true, message: t('field.exemption_decision_required', { rule: 'R-MGT-02' }) }]}>
            <Input placeholder={t('partyLife.exempt.decisionRefPlaceholder')} maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={12} md={8}>
          <Form.Item name="from" label={t('partyLife.f.from')} rules={required}>
            <IsoDatePicker />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="to" label={t('partyLife.f.to')} tooltip={t('partyLife.exempt.toHint')}>
            <IsoDatePicker />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="superiorInformedOn" label={t('partyLife.exempt.superiorInformedOn')} tooltip={t('partyLife.exempt.superiorHint')}>
            <IsoDatePicker maxDate={todayIso()} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
