import { Form, Typography } from 'antd';
import type { Authority, OrganizationDetail } from '../../../../common/contracts/organizations.contract.ts';
import { todayIso } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useChangeAuthority } from '../queries/use-change-authority.ts';
import { ActionModal } from './action-modal.tsx';
import { AuthorityCheckboxes } from './authority-checkboxes.tsx';
import { DecisionFields, type DecisionValues } from './decision-fields.tsx';

type Values = DecisionValues & { authority: Authority };

export function AuthorityModal({ org, onClose }: { org: OrganizationDetail; onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const change = useChangeAuthority();
  return (
    <ActionModal<Values>
      title={t('organizations.action.authorityOf', { name: org.name })}
      form={form}
      initialValues={{ authority: org.authority, effectiveDate: todayIso() }}
      onClose={onClose}
      onSubmit={(v) => change.mutateAsync({ id: org.id, version: org.version, ...v })}
    >
      <Typography.Paragraph type="secondary">{t('organizations.authorityHint')}</Typography.Paragraph>
      <Form.Item name="authority" label={t('organizations.authorityTitle')}>
        <AuthorityCheckboxes />
      </Form.Item>
      <DecisionFields />
    </ActionModal>
  );
}
