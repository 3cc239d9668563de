import { Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { type Authority, ORGANIZATION_KINDS, type OrganizationDetail, type OrganizationKind } from '../../../../common/contracts/organizations.contract.ts';
import { canBeParentOf, COMMITTEE_KINDS } from '../../../../common/rules/organization-tree.ts';
import { todayIso } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useCreateOrganization } from '../queries/use-create-organization.ts';
import { ActionModal } from './action-modal.tsx';
import { AuthorityCheckboxes } from './authority-checkboxes.tsx';
import { DecisionFields, type DecisionValues } from './decision-fields.tsx';

type Values = DecisionValues & { kind: OrganizationKind; name: string; code: string; authority: Authority };

export function CreateChildModal({ parent, onClose, onCreated }: { parent: OrganizationDetail; onClose(): void; onCreated?(id: number): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrganization();
  const kinds = useMemo(() => ORGANIZATION_KINDS.filter((k) => canBeParentOf(parent.kind, k)), [parent.kind]);
  const kind = Form.useWatch('kind', form);
  return (
    <ActionModal<Values>
      title={t('organizations.action.createChildOf', { name: parent.name })}
      form={form}
      initialValues={{ kind: kinds[0], effectiveDate: todayIso(), authority: { admission: false, recognition: false, removal: false } }}
      okText={t('common.create')}
      onClose={onClose}
      onSubmit={async (v) => {
        const created = await create.mutateAsync({ ...v, parentId: parent.id });
        onCreated?.(created.id);
      }}
    >
      <Form.Item name="kind" label={t('organizations.kind')} rules={[{ required: true, message: t('field.required') }]}>
        <Select options={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('organizations.name')} rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 200, message: t('field.too_big') }]}>
        <Input placeholder={t('organizations.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('organizations.code')}
        tooltip={t('organizations.codeHint')}
        rules={[
          { required: true, message: t('field.required') },
          { pattern: /^[A-Za-z0-9._-]{1,40}$/, message: t('organizations.codeFormat') },
        ]}
      >
        <Input style={{ maxWidth: 240 }} />
      </Form.Item>
      {kind && COMMITTEE_KINDS.includes(kind) && (
        <Form.Item name="authority" label={t('organizations.authorityTitle')} tooltip={t('organizations.authorityHint')}>
          <AuthorityCheckboxes />
        </Form.Item>
      )}
      <DecisionFields />
    </ActionModal>
  );
}
