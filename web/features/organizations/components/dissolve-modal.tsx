import { Alert, Form } from 'antd';
import type { OrganizationDetail } from '../../../../common/contracts/organizations.contract.ts';
import { todayIso } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useDissolveOrganization } from '../queries/use-dissolve-organization.ts';
import { ActionModal } from './action-modal.tsx';
import { DecisionFields, type DecisionValues } from './decision-fields.tsx';

export function DissolveModal({ org, onClose }: { org: OrganizationDetail; onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<DecisionValues>();
  const dissolve = useDissolveOrganization();
  const blocked = org.memberCount > 0 || org.children.length > 0;
  return (
    <ActionModal<DecisionValues>
      title={t('organizations.action.dissolveOf', { name: org.name })}
      form={form}
      initialValues={{ effectiveDate: todayIso() }}
      okText={t('organizations.action.dissolve')}
      danger
      onClose={onClose}
      onSubmit={(v) => dissolve.mutateAsync({ id: org.id, version: org.version, ...v })}
    >
      <Alert
        type={blocked ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={t('organizations.dissolveHint')}
        description={
          blocked
            ? [
                org.memberCount > 0 ? t('organizations.dissolveHasMembers', { n: org.memberCount }) : null,
                org.children.length > 0 ? t('organizations.dissolveHasChildren', { n: org.children.length }) : null,
                t('organizations.dissolveMoveFirst'),
              ]
                .filter(Boolean)
                .join(' ')
            : undefined
        }
      />
      <DecisionFields />
    </ActionModal>
  );
}
