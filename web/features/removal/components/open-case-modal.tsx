import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { REMOVAL_FORMS, STRUCK_OFF_GROUNDS } from '../../../../common/rules/removal-rules.ts';
import { applyFieldErrors } from '../../../components/api-error.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { showDate, todayIso } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useMemberOptions } from '../queries/use-member-options.ts';
import { useReferrals } from '../queries/use-referrals.ts';
import { useOpenCase } from '../queries/use-removal-step.ts';
import { RuleErrorAlert } from './rule-checklist.tsx';

interface Values {
  memberId?: number;
  form: 'struck_off' | 'released' | 'expelled';
  grounds?: string[];
  requestedOn?: string | null;
  requestRef?: string;
  referralId?: number;
  openedOn?: string | null;
  note?: string;
}

/**
 * Opens a removal case in one of the three forms. The precedence rules are the server's (R-RMV-04, R-RMV-05, R-DIS-01):
 * a refusal lists the failed rules here, and nothing is recorded.
 */
export function OpenCaseModal({
  organizationId,
  open,
  onClose,
  preset,
}: {
  organizationId: number;
  open: boolean;
  onClose: () => void;
  preset?: { memberId: number; memberName: string; form: Values['form']; referralId?: number };
}) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const options = useMemberOptions(organizationId, q, open);
  const referrals = useReferrals(open ? organizationId : undefined);
  const openCase = useOpenCase();
  const kind = Form.useWatch('form', form);
  const memberId = Form.useWatch('memberId', form);

  useEffect(() => {
    if (open) {
      form.resetFields();
      openCase.reset();
      form.setFieldsValue({ form: preset?.form ?? 'struck_off', memberId: preset?.memberId, referralId: preset?.referralId, openedOn: todayIso() });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const memberReferrals = (referrals.data?.items ?? []).filter((r) => r.member.id === memberId && r.concludedOn === null);
  const submit = (v: Values) =>
    openCase.mutate(
      {
        memberId: v.memberId,
        form: v.form,
        grounds: v.form === 'struck_off' ? (v.grounds ?? []) : [],
        ...(v.form === 'released' && v.requestedOn ? { requestedOn: v.requestedOn, requestRef: v.requestRef ?? null } : {}),
        ...(v.form === 'expelled' && v.referralId ? { referralId: v.referralId } : {}),
        ...(v.openedOn ? { openedOn: v.openedOn } : {}),
        note: v.note ?? null,
      },
      {
        onSuccess: (c) => {
          onClose();
          navigate(`/removal/cases/${c.id}`);
        },
        onError: (err) => applyFieldErrors(form, t, err),
      },
    );

  const memberOptions = [
    ...(preset ? [{ value: preset.memberId, label: preset.memberName }] : []),
    ...(options.data?.items ?? [])
      .filter((m) => m.id !== preset?.memberId)
      .map((m) => ({
        value: m.id,
        disabled: m.openCaseId !== null,
        label: `${m.fullName} · ${showDate(m.birthDate)} · ${m.organization.name}${m.openCaseId ? ` (${t('removal.open.hasOpenCase')})` : ''}`,
      })),
  ];
  return (
    <Modal open={open} width={640} title={t('removal.open.title')} okText={t('removal.open.submit')} onOk={() => form.submit()} confirmLoading={openCase.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="memberId" label={t('removal.open.member')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('removal.open.memberPlaceholder')}
            options={memberOptions}
            loading={options.isFetching}
            disabled={preset !== undefined}
          />
        </Form.Item>
        <Form.Item name="form" label={t('removal.open.form')} rules={[{ required: true }]} extra={kind ? t(`removal.open.formHelp.${kind}`) : undefined}>
          <Select options={REMOVAL_FORMS.map((f) => ({ value: f, label: t(`removal.form.${f}`) }))} disabled={preset !== undefined} />
        </Form.Item>
        {kind === 'struck_off' && (
          <Form.Item name="grounds" label={t('removal.open.grounds')}>
            <Select mode="multiple" options={STRUCK_OFF_GROUNDS.map((g) => ({ value: g, label: t(`removal.ground.${g}`) }))} />
          </Form.Item>
        )}
        {kind === 'released' && (
          <>
            <Form.Item name="requestedOn" label={t('removal.open.requestedOn')}>
              <IsoDatePicker maxDate={todayIso()} />
            </Form.Item>
            <Form.Item name="requestRef" label={t('removal.open.requestRef')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        {kind === 'expelled' &&
          (memberReferrals.length === 0 && !preset?.referralId ? (
            <Alert type="info" showIcon title={t('removal.open.noReferral')} style={{ marginBottom: 16 }} />
          ) : (
            <Form.Item name="referralId" label={t('removal.open.referral')}>
              <Select
                options={memberReferrals.map((r) => ({ value: r.id, label: `${showDate(r.referredOn)} · ${r.description}${r.warrantsExpulsion ? ` · ${t('removal.referrals.warrantsExpulsion')}` : ''}` }))}
              />
            </Form.Item>
          ))}
        <Form.Item name="openedOn" label={t('removal.open.openedOn')}>
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
        <Form.Item name="note" label={t('removal.open.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
      <RuleErrorAlert error={openCase.error} />
      {openCase.isError ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          R-RMV-03 · R-RMV-04 · R-RMV-05 · R-DIS-01
        </Typography.Text>
      )}
    </Modal>
  );
}
