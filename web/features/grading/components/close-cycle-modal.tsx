import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import type { CycleDetail } from '../../../../common/contracts/grading.contract.ts';
import { isApiError } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useCloseCycle } from '../queries/use-close-cycle.ts';
import { QuotaBar } from './quota-bar.tsx';
import { GradingErrorAlert } from './rule-checks.tsx';

/** Rolls the organization's results up (R-GRD-01 checked); over the quota a justification is recorded. */
export function CloseCycleModal({ cycle, open, onClose, onConflict }: { cycle: CycleDetail; open: boolean; onClose: () => void; onConflict?: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ quotaJustification?: string }>();
  const close = useCloseCycle(cycle.id);
  const over = !cycle.quota.check.ok;
  // A fresh refusal area each time the dialog opens (before the user can act, unlike afterOpenChange).
  useEffect(() => {
    if (open) close.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    // Over the quota without a justification the server refuses, naming R-GRD-01 and the figures (shown above).
    close.mutate(
      { quotaJustification: v.quotaJustification ?? null, version: cycle.version },
      {
        onSuccess: () => {
          void message.success(t('grading.closed'));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err, 'CONFLICT')) onConflict?.();
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      width={680}
      title={t('grading.closeTitle', { year: cycle.year })}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('grading.close')}
      cancelText={t('common.cancel')}
      confirmLoading={close.isPending}
      destroyOnHidden
    >
      <GradingErrorAlert error={close.error} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>{t('grading.closeIntro')}</Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <QuotaBar quota={cycle.quota} />
      </div>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="quotaJustification"
          label={t('grading.closeJustification')}
          extra={<span style={over ? { color: '#cf1322' } : undefined}>{over ? t('grading.closeJustificationRequired') : t('grading.closeJustificationHelp')}</span>}
          rules={[{ max: 2000 }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
