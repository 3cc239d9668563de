import { Form, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import type { OrganizationDetail, OrganizationNode } from '../../../../common/contracts/organizations.contract.ts';
import { canBeParentOf, descendantIdsOf } from '../../../../common/rules/organization-tree.ts';
import { todayIso } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useMoveOrganization } from '../queries/use-move-organization.ts';
import { useOrganizationTree } from '../queries/use-organization-tree.ts';
import { ActionModal } from './action-modal.tsx';
import { DecisionFields, type DecisionValues } from './decision-fields.tsx';
import { OrganizationSelect } from './organization-select.tsx';

type Values = DecisionValues & { parentId: number };

export function MoveModal({ org, onClose }: { org: OrganizationDetail; onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const move = useMoveOrganization();
  const tree = useOrganizationTree(todayIso());
  // Never under itself or its own subtree, and only under a committee that may lead this kind.
  const own = useMemo(() => descendantIdsOf(tree.data?.nodes ?? [], org.id), [tree.data, org.id]);
  const isSelectable = useCallback(
    (n: OrganizationNode) => n.validTo === null && !own.has(n.id) && n.id !== org.parentId && canBeParentOf(n.kind, org.kind),
    [own, org.parentId, org.kind],
  );
  const currentParent = org.path.length ? org.path[org.path.length - 1] : null;
  return (
    <ActionModal<Values>
      title={t('organizations.action.moveOf', { name: org.name })}
      form={form}
      initialValues={{ effectiveDate: todayIso() }}
      onClose={onClose}
      onSubmit={(v) => move.mutateAsync({ id: org.id, version: org.version, ...v })}
    >
      <Typography.Paragraph type="secondary">
        {t('organizations.moveHint', { parent: currentParent?.name ?? t('common.none') })}
      </Typography.Paragraph>
      <Form.Item name="parentId" label={t('organizations.newParent')} rules={[{ required: true, message: t('field.required') }]}>
        <OrganizationSelect isSelectable={isSelectable} placeholder={t('organizations.chooseParent')} />
      </Form.Item>
      <DecisionFields />
    </ActionModal>
  );
}
