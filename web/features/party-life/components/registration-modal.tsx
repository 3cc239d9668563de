import { Col, Form, Input, Radio, Row } from 'antd';
import { useState } from 'react';
import type { Registration } from '../../../../common/contracts/party-life.contract.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { OrganizationTreeSelect } from '../../members/components/organization-tree-select.tsx';
import { useCreateRegistration } from '../queries/use-create-registration.ts';
import { useUpdateRegistration } from '../queries/use-update-registration.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { MemberSelect } from './member-select.tsx';

type Values = {
  memberId: number;
  residenceOrganizationId: number | null;
  residenceCellName: string | null;
  residenceAddress: string | null;
  registeredOn: string;
  endedOn: string | null;
};

/** R-MGT-07: the member registers with the cell where they live: a cell in the system, or one named outside it. */
export function RegistrationModal({
  members,
  editing,
  memberId,
  onClose,
}: {
  members: { memberId: number; fullName: string }[];
  editing: Registration | null;
  memberId?: number;
  onClose(): void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateRegistration();
  const update = useUpdateRegistration();
  const [inSystem, setInSystem] = useState(editing ? editing.residenceOrganization !== null : true);
  const required = [{ required: true, message: t('field.required') }];
  const initial: Partial<Values> = editing
    ? {
        memberId: editing.member.id,
        residenceOrganizationId: editing.residenceOrganization?.id ?? null,
        residenceCellName: editing.residenceCellName,
        residenceAddress: editing.residenceAddress,
        registeredOn: editing.registeredOn,
        endedOn: editing.endedOn,
      }
    : { memberId, registeredOn: todayIso() };
  const options = editing ? [{ memberId: editing.member.id, fullName: editing.member.fullName }] : members;
  return (
    <FormModal<Values>
      title={editing ? t('partyLife.residence.editTitle', { name: editing.member.fullName }) : t('partyLife.residence.newTitle')}
      form={form}
      initialValues={initial}
      onClose={onClose}
      onSubmit={(v) => {
        const place = inSystem ? { residenceOrganizationId: v.residenceOrganizationId, residenceCellName: null } : { residenceOrganizationId: null, residenceCellName: v.residenceCellName };
        const body = { ...place, residenceAddress: v.residenceAddress, registeredOn: v.registeredOn };
        return editing
          ? update.mutateAsync({ id: editing.id, version: editing.version, ...body, endedOn: v.endedOn ?? null })
          : create.mutateAsync({ memberId: v.memberId, ...body });
      }}
    >
      <Form.Item name="memberId" label={t('partyLife.f.member')} rules={required}>
        <MemberSelect members={options} disabled={!!editing} />
      </Form.Item>
      <Form.Item label={t('partyLife.residence.cell')} required>
        <Radio.Group
          value={inSystem}
          onChange={(e) => setInSystem(e.target.value)}
          options={[
            { value: true, label: t('partyLife.residence.inSystem') },
            { value: false, label: t('partyLife.residence.outside') },
          ]}
        />
      </Form.Item>
      {inSystem ? (
        <Form.Item name="residenceOrganizationId" label={t('partyLife.residence.cellInSystem')} rules={required} extra={t('partyLife.residence.cellInSystemHint')}>
          <OrganizationTreeSelect cellsOnly />
        </Form.Item>
      ) : (
        <Form.Item name="residenceCellName" label={t('partyLife.residence.cellName')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input placeholder={t('partyLife.residence.cellNamePlaceholder')} maxLength={200} />
        </Form.Item>
      )}
      <Form.Item name="residenceAddress" label={t('partyLife.residence.address')}>
        <Input maxLength={300} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item name="registeredOn" label={t('partyLife.residence.registeredOn')} rules={required}>
            <IsoDatePicker maxDate={todayIso()} />
          </Form.Item>
        </Col>
        {editing && (
          <Col xs={12}>
            <Form.Item name="endedOn" label={t('partyLife.residence.endedOn')}>
              <IsoDatePicker />
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormModal>
  );
}
