import { Form, Input, Select } from 'antd';
import { DECIDED_EXEMPTION_REASONS, type DuesExemption } from '../../../../common/contracts/dues.contract.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { currentMonth } from '../money.ts';
import { type ExemptionBody, useSaveExemption } from '../queries/use-save-exemption.ts';
import { DecisionModal } from './decision-modal.tsx';

/** Records (or edits, compare-and-set) an exemption decided on the member's application (01-QĐ/TW; QĐ 342). */
export function ExemptionModal({ open, memberId, exemption, onClose }: { open: boolean; memberId: number; exemption?: DuesExemption; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<ExemptionBody>();
  const save = useSaveExemption(memberId);
  return (
    <DecisionModal<ExemptionBody>
      open={open}
      title={t('dues.exemption.title')}
      savedText={t('dues.exemption.saved')}
      form={form}
      save={save}
      editing={exemption}
      initialValues={
        exemption
          ? { reason: exemption.reason === 'party_age' ? undefined : exemption.reason, decisionRef: exemption.decisionRef, decidedOn: exemption.decidedOn, fromMonth: exemption.fromMonth, toMonth: exemption.toMonth, note: exemption.note ?? '' }
          : { fromMonth: currentMonth(), toMonth: null }
      }
      toBody={(v) => ({ ...v, toMonth: v.toMonth ?? null })}
      onClose={onClose}
      head={
        <Form.Item name="reason" label={t('dues.exemption.reason')} rules={[{ required: true, message: t('field.required') }]}>
          <Select options={DECIDED_EXEMPTION_REASONS.map((r) => ({ value: r, label: t(`dues.exemptReason.${r}`) }))} />
        </Form.Item>
      }
      toMonth={{ required: false, placeholder: t('dues.decision.untilRevoked') }}
      tail={
        <Form.Item name="note" label={t('dues.decision.note')}>
          <Input maxLength={500} />
        </Form.Item>
      }
    />
  );
}
