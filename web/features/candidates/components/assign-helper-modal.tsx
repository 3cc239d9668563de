import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import type { CandidateDetail } from '../../../../common/contracts/candidates.contract.ts';
import { applyFieldErrors, errorText, isApiError } from '../../../components/api-error.ts';
import { showDate, todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { viFilterOption } from '../../members/member-labels.ts';
import { useAssignHelper } from '../queries/use-assign-helper.ts';
import { useHelperOptions } from '../queries/use-helper-options.ts';

interface Values {
  memberId: number;
  assignedOn: string;
}

/** The cell assigns one of its official members to help the candidate; the server refuses anyone else. */
export function AssignHelperModal({ candidate, open, onClose, onConflict }: { candidate: CandidateDetail; open: boolean; onClose: () => void; onConflict: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const options = useHelperOptions(candidate.id, open);
  const assign = useAssignHelper(candidate.id);

  const onOk = async () => {
    const v = await form.validateFields();
    assign.mutate(
      { ...v, version: candidate.version },
      {
        onSuccess: () => {
          void message.success(t('candidates.helper.saved'));
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
      title={candidate.helper ? t('candidates.action.changeHelper') : t('candidates.action.assignHelper')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
      destroyOnHidden
      afterOpenChange={(o) => (o ? assign.reset() : undefined)}
    >
      <Typography.Paragraph type="secondary">{t('candidates.helperRule', { cell: candidate.organization.name })}</Typography.Paragraph>
      {assign.error && <Alert type="error" showIcon title={errorText(t, assign.error)} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ memberId: candidate.helper?.memberId, assignedOn: todayIso() }} preserve={false}>
        <Form.Item name="memberId" label={t('candidates.f.helper')} rules={[{ required: true, message: t('field.required') }]}>
          <Select
            autoFocus
            showSearch={{ filterOption: viFilterOption }}
            loading={options.isPending}
            notFoundContent={options.isSuccess ? t('candidates.helper.noOptions') : null}
            options={(options.data?.items ?? []).map((m) => ({ value: m.memberId, label: `${m.fullName} (${showDate(m.birthDate)})` }))}
          />
        </Form.Item>
        <Form.Item name="assignedOn" label={t('candidates.f.assignedOn')} rules={[{ required: true, message: t('field.required') }]}>
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
