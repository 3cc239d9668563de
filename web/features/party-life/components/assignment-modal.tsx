import { Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import type { Assignment, RosterMember } from '../../../../common/contracts/party-life.contract.ts';
import { showDate, todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useCellMeetings } from '../../meetings/queries/use-cell-meetings.ts';
import { useCreateAssignment } from '../queries/use-create-assignment.ts';
import { useUpdateAssignment } from '../queries/use-update-assignment.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { MemberSelect } from './member-select.tsx';

type Values = { memberId: number; description: string; from: string; to: string | null; assignedOn: string; meetingId: number | null };

/** R-MGT-01: the cell assigns a member work for a period, at one of its meetings. */
export function AssignmentModal({
  cellId,
  roster,
  editing,
  memberId,
  onClose,
}: {
  cellId: number;
  roster: RosterMember[];
  editing: Assignment | null;
  memberId?: number;
  onClose(): void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateAssignment(cellId);
  const update = useUpdateAssignment();
  const year = Number(todayIso().slice(0, 4));
  const thisYear = useCellMeetings(cellId, year);
  const lastYear = useCellMeetings(cellId, year - 1);
  const meetings = useMemo(
    () => [...(thisYear.data?.meetings ?? []), ...(lastYear.data?.meetings ?? [])].filter((m) => m.status === 'held').sort((a, b) => (a.date < b.date ? 1 : -1)),
    [thisYear.data, lastYear.data],
  );
  const required = [{ required: true, message: t('field.required') }];
  const initial: Partial<Values> = editing
    ? { memberId: editing.member.id, description: editing.description, from: editing.from, to: editing.to, assignedOn: editing.assignedOn, meetingId: editing.meetingId }
    : { memberId, from: todayIso(), to: `${year}-12-31`, assignedOn: meetings[0]?.date ?? todayIso(), meetingId: null };
  return (
    <FormModal<Values>
      title={editing ? t('partyLife.assign.editTitle', { name: editing.member.fullName }) : t('partyLife.assign.newTitle')}
      form={form}
      initialValues={initial}
      onClose={onClose}
      onSubmit={(v) => (editing ? update.mutateAsync({ id: editing.id, version: editing.version, ...v }) : create.mutateAsync(v))}
    >
      <Form.Item name="memberId" label={t('partyLife.f.member')} rules={required}>
        <MemberSelect members={roster} disabled={!!editing} />
      </Form.Item>
      <Form.Item name="description" label={t('partyLife.assign.description')} rules={[...required, { max: 2000, message: t('field.too_big') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('partyLife.assign.descriptionPlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item name="from" label={t('partyLife.f.from')} rules={required}>
            <IsoDatePicker />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="to" label={t('partyLife.f.to')} tooltip={t('partyLife.f.toOpen')}>
            <IsoDatePicker />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item name="meetingId" label={t('partyLife.assign.meeting')}>
            <Select<number | null>
              allowClear
              onChange={(id) => {
                const m = meetings.find((x) => x.id === id);
                if (m) form.setFieldValue('assignedOn', m.date);
              }}
              options={meetings.map((m) => ({ value: m.id, label: `${showDate(m.date)} · ${t(`meetings.kind.${m.kind}`)}` }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="assignedOn" label={t('partyLife.assign.assignedOn')} rules={required}>
            <IsoDatePicker maxDate={todayIso()} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
