import { App, Checkbox, Flex, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { FLAG_DECISIONS, type Flag, type FlagDecisionKind } from '../../../../common/contracts/screening.contract.ts';
import { STRUCK_OFF_GROUNDS } from '../../../../common/rules/removal-rules.ts';
import { applyFieldErrors } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { RuleErrorAlert } from '../../removal/components/rule-checklist.tsx';
import { useReviewFlag } from '../queries/use-review-flag.ts';
import { KindLabel, RuleTag } from './rule-tag.tsx';

interface Values {
  decision: FlagDecisionKind;
  ground?: string;
  note?: string;
  reason?: string;
  description?: string;
  reference?: string;
  warrantsExpulsion?: boolean;
}

/** The ground of name removal that a flag of this kind already is (R-RMV-01/02); the others need one chosen. */
const GROUND_OF_KIND: Record<string, string | undefined> = {
  missed_activities: 'missed_activities',
  unpaid_dues: 'unpaid_dues',
  not_completed_two_years: 'not_completed_two_years',
};

/**
 * R-RMV-07: the cell records one decision that closes the flag — a removal case, a discipline referral, a 12-month
 * education plan, or no action with a written reason. The server judges it (decideFlagReview) and says why when not.
 */
export function FlagReviewModal({ flag, onClose }: { flag: Flag | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const review = useReviewFlag(flag?.id ?? 0);
  const decision = Form.useWatch('decision', form);

  useEffect(() => {
    if (flag) {
      form.resetFields();
      form.setFieldsValue({ decision: 'removal_case', ground: GROUND_OF_KIND[flag.kind], warrantsExpulsion: false });
      review.reset();
    }
    // Reset when another flag is opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flag?.id]);

  if (!flag) return null;
  const submit = (v: Values) => {
    const body =
      v.decision === 'no_action'
        ? { decision: v.decision, reason: v.reason ?? '' }
        : v.decision === 'discipline_referral'
          ? { decision: v.decision, description: v.description ?? '', reference: v.reference ?? null, warrantsExpulsion: v.warrantsExpulsion ?? false, note: v.note ?? null }
          : v.decision === 'removal_case'
            ? { decision: v.decision, ...(v.ground ? { ground: v.ground } : {}), note: v.note ?? null }
            : { decision: v.decision, note: v.note ?? null };
    review.mutate(body as never, {
      onSuccess: (f) => {
        void message.success(t('screening.review.saved'));
        onClose();
        if (f.review?.removalCaseId) navigate(`/removal/cases/${f.review.removalCaseId}`);
      },
      onError: (err) => applyFieldErrors(form, t, err),
    });
  };

  return (
    <Modal
      open
      width={640}
      title={t('screening.review.title', { name: flag.member.fullName })}
      okText={t('screening.review.submit')}
      onOk={() => form.submit()}
      confirmLoading={review.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Flex gap={8} align="center" style={{ marginBottom: 12 }} wrap>
        <RuleTag ruleId={flag.ruleId} />
        <KindLabel kind={flag.kind} />
        <Typography.Text type="secondary">· {flag.organization.name}</Typography.Text>
      </Flex>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="decision" label={t('screening.review.decision')} rules={[{ required: true }]}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {FLAG_DECISIONS.map((d) => (
              <Radio key={d} value={d}>
                <strong>{t(`screening.decision.${d}`)}</strong>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t(`screening.decisionHelp.${d}`)}</div>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {decision === 'removal_case' && (
          <Form.Item name="ground" label={t('screening.review.ground')} rules={[{ required: true, message: t('field.required_for_this_flag') }]}>
            <Select options={STRUCK_OFF_GROUNDS.filter((g) => g !== 'probation_not_qualified' || flag.member.status === 'probationary').map((g) => ({ value: g, label: t(`removal.ground.${g}`) }))} />
          </Form.Item>
        )}
        {decision === 'discipline_referral' && (
          <>
            <Form.Item name="description" label={t('screening.review.description')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
            <Form.Item name="reference" label={t('screening.review.reference')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="warrantsExpulsion" valuePropName="checked">
              <Checkbox>{t('screening.review.warrantsExpulsion')}</Checkbox>
            </Form.Item>
          </>
        )}
        {decision === 'no_action' ? (
          <Form.Item name="reason" label={t('screening.review.reason')}>
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('screening.review.reasonPlaceholder')} />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('screening.review.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
      <RuleErrorAlert error={review.error} />
    </Modal>
  );
}
