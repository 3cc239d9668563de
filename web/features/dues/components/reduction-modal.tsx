import { Form, Input, Radio } from 'antd';
import type { DuesReduction } from '../../../../common/contracts/dues.contract.ts';
import { DUES_REDUCTION_PERCENTS } from '../../../../common/rules/dues-rule-sets.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { addMonths, currentMonth } from '../money.ts';
import { type ReductionBody, useSaveReduction } from '../queries/use-save-reduction.ts';
import { DecisionModal } from './decision-modal.tsx';

/** Records (or edits, compare-and-set) a 30/50/70% reduction of at most 12 months (01-QĐ/TW). */
export function ReductionModal({ open, memberId, reduction, onClose }: { open: boolean; memberId: number; reduction?: DuesReduction; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<ReductionBody>();
  const save = useSaveReduction(memberId);
  const required = { required: true, message: t('field.required') };
  return (
    <DecisionModal<ReductionBody>
      open={open}
      title={t('dues.reduction.title')}
      savedText={t('dues.reduction.saved')}
      form={form}
      save={save}
      editing={reduction}
      initialValues={reduction ? { ...reduction } : { percent: 50, fromMonth: currentMonth(), toMonth: addMonths(currentMonth(), 5) }}
      onClose={onClose}
      head={
        <>
          <Form.Item name="percent" label={t('dues.reduction.percent')} rules={[required]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={DUES_REDUCTION_PERCENTS.map((p) => ({ value: p, label: `${p}%` }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('dues.reduction.reason')} rules={[required]}>
            <Input maxLength={500} />
          </Form.Item>
        </>
      }
      toMonth={{ required: true, extra: t('dues.reduction.hint') }}
    />
  );
}
