import { Alert, App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import type { MemberDetail } from '../../../../common/contracts/members.contract.ts';
import { applyFieldErrors, errorText, fieldText, isApiError, showParams } from '../../../components/api-error.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { type RecordMemberEventBody, useRecordMemberEvent } from '../queries/use-record-member-event.ts';
import { OrganizationTreeSelect } from './organization-tree-select.tsx';

type Kind = RecordMemberEventBody['kind'];
const MODAL_FIELDS = new Set(['kind', 'eventDate', 'organizationId', 'decisionRef', 'note']);
const KINDS: Kind[] = ['recognized', 'moved', 'struck_off', 'released', 'expelled', 'deceased', 'transferred_out'];

interface Values {
  kind: Kind;
  eventDate: string;
  organizationId?: number;
  decisionRef?: string;
  note?: string;
}

/** The refusal in words; a status refusal names the change and the status in words rather than codes. */
function refusalText(t: (k: string, p?: Record<string, unknown>) => string, err: unknown): string {
  if (isApiError(err, 'INVALID_STATUS_TRANSITION') && typeof err.params.kind === 'string' && typeof err.params.from === 'string') {
    return t('members.event.invalidTransition', { kind: t(`event.${err.params.kind}`), from: t(`status.${err.params.from}`) });
  }
  if (isApiError(err, 'MEMBER_NOT_ACTIVE') && typeof err.params.status === 'string') {
    return t('members.event.notActive', { status: t(`status.${err.params.status}`) });
  }
  return errorText(t, err);
}

/** Records a change of status or cell on the member's timeline; the server judges whether the change is allowed. */
export function RecordEventModal({ member, open, onClose, onReload }: { member: MemberDetail; open: boolean; onClose: () => void; onReload: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordMemberEvent(member.id);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (open) {
      form.resetFields();
      record.reset();
    }
    // Each opening starts clean: no values or refusal left from the previous attempt.
  }, [open, form]);

  const onFinish = (v: Values) =>
    record.mutate(
      {
        kind: v.kind,
        eventDate: v.eventDate,
        organizationId: v.kind === 'moved' ? v.organizationId : undefined,
        decisionRef: v.decisionRef ?? null,
        note: v.note ?? null,
        version: member.version,
      },
      {
        onSuccess: () => {
          void message.success(t('members.event.recorded'));
          onClose();
        },
        onError: (err) => applyFieldErrors(form, t, err),
      },
    );

  const err = record.error;
  const modalField = (path: string) => MODAL_FIELDS.has(path.replace(/^body\./, '').split('.')[0]);
  // Issues on this form's fields sit beside them; anything else (or a refusal without fields) shows above.
  const showAlert = err && !(isApiError(err, 'VALIDATION') && err.fields.length > 0 && err.fields.every((f) => modalField(f.path)));

  return (
    <Modal
      open={open}
      title={t('members.event.title', { name: member.person.fullName })}
      onCancel={onClose}
      okText={t('members.event.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      destroyOnHidden
      width={560}
    >
      {showAlert && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={refusalText(t, err)}
          description={
            isApiError(err) ? (
              <>
                {err.fields
                  .filter((f) => !modalField(f.path))
                  .map((f) => (
                    <div key={f.path}>{fieldText(t, f.code, showParams(f.params))}</div>
                  ))}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('members.event.code', { code: err.code })}
                </Typography.Text>
              </>
            ) : undefined
          }
          action={
            isApiError(err, 'CONFLICT') ? (
              <Button size="small" onClick={onReload}>
                {t('members.conflict.reload')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={() => record.error && record.reset()}
        initialValues={{ eventDate: todayIso() }}
        disabled={record.isPending}
      >
        <Form.Item name="kind" label={t('members.event.kind')} rules={[{ required: true, message: t('field.required') }]}>
          <Select<Kind> options={KINDS.map((k) => ({ value: k, label: t(`event.${k}`) }))} placeholder={t('members.form.selectPlaceholder')} />
        </Form.Item>
        <Form.Item name="eventDate" label={t('members.event.date')} rules={[{ required: true, message: t('field.required') }]}>
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
        {kind === 'moved' && (
          <Form.Item
            name="organizationId"
            label={t('members.event.destination')}
            extra={t('members.form.organizationHelp')}
            rules={[
              { required: true, message: t('field.required') },
              { validator: (_, v) => (v === member.organization.id ? Promise.reject(new Error(t('field.same_organization'))) : Promise.resolve()) },
            ]}
          >
            <OrganizationTreeSelect cellsOnly placeholder={t('members.form.cellPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="decisionRef" label={t('common.decisionRef')}>
          <Input maxLength={100} placeholder={t('members.event.decisionPlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('common.note')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
