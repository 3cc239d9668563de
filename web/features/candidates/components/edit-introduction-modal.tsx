import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { type CandidateDetail, MASS_ORGANIZATIONS, type MassOrganization } from '../../../../common/contracts/candidates.contract.ts';
import { applyFieldErrors, errorText, isApiError } from '../../../components/api-error.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useUpdateCandidate } from '../queries/use-update-candidate.ts';

interface Values {
  massOrganization: MassOrganization;
  massOrganizationName?: string | null;
  reason: string;
  introducedOn: string;
}

export function EditIntroductionModal({ candidate, open, onClose, onConflict }: { candidate: CandidateDetail; open: boolean; onClose: () => void; onConflict: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCandidate(candidate.id);

  const onOk = async () => {
    const v = await form.validateFields();
    update.mutate(
      { massOrganization: v.massOrganization, massOrganizationName: v.massOrganizationName?.trim() || null, reason: v.reason.trim(), introducedOn: v.introducedOn, version: candidate.version },
      {
        onSuccess: () => {
          void message.success(t('candidates.edit.saved'));
          onClose();
        },
        onError: (err) => {
          applyFieldErrors(form, t, err);
          if (isApiError(err, 'CONFLICT')) onConflict();
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      width={640}
      title={t('candidates.action.edit')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
      afterOpenChange={(o) => (o ? update.reset() : undefined)}
    >
      {update.error && <Alert type="error" showIcon title={errorText(t, update.error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          massOrganization: candidate.massOrganization,
          massOrganizationName: candidate.massOrganizationName,
          reason: candidate.reason,
          introducedOn: candidate.introducedOn,
        }}
      >
        <Form.Item name="massOrganization" label={t('candidates.f.massOrganization')} rules={[{ required: true, message: t('field.required') }]}>
          <Select options={MASS_ORGANIZATIONS.map((m) => ({ value: m, label: t(`candidates.massOrg.${m}`) }))} />
        </Form.Item>
        <Form.Item name="massOrganizationName" label={t('candidates.f.massOrganizationName')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="introducedOn" label={t('candidates.f.introducedOn')} rules={[{ required: true, message: t('field.required') }]}>
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
        <Form.Item name="reason" label={t('candidates.f.reason')} rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
