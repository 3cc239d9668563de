import { Form, Input } from 'antd';
import type { OrganizationDetail } from '../../../../common/contracts/organizations.contract.ts';
import { todayIso } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useRenameOrganization } from '../queries/use-rename-organization.ts';
import { ActionModal } from './action-modal.tsx';
import { DecisionFields, type DecisionValues } from './decision-fields.tsx';

type Values = DecisionValues & { name: string };

export function RenameModal({ org, onClose }: { org: OrganizationDetail; onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const rename = useRenameOrganization();
  return (
    <ActionModal<Values>
      title={t('organizations.action.renameOf', { name: org.name })}
      form={form}
      initialValues={{ name: org.name, effectiveDate: todayIso() }}
      onClose={onClose}
      onSubmit={(v) => rename.mutateAsync({ id: org.id, version: org.version, ...v })}
    >
      <Form.Item name="name" label={t('organizations.newName')} rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 200, message: t('field.too_big') }]}>
        <Input />
      </Form.Item>
      <DecisionFields />
    </ActionModal>
  );
}
