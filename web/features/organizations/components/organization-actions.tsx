import { Button, Dropdown, Modal, Spin } from 'antd';
import type { MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { COMMITTEE_KINDS } from '../../../../common/rules/organization-tree.ts';
import type { OrganizationKind } from '../../../../common/contracts/organizations.contract.ts';
import { PageError } from '../../../components/page-error.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useCurrentUser } from '../../auth/use-current-user.ts';
import { useOrganization } from '../queries/use-organization.ts';
import { AuthorityModal } from './authority-modal.tsx';
import { CreateChildModal } from './create-child-modal.tsx';
import { DissolveModal } from './dissolve-modal.tsx';
import { MergeModal } from './merge-modal.tsx';
import { MoveModal } from './move-modal.tsx';
import { RenameModal } from './rename-modal.tsx';
import { SplitModal } from './split-modal.tsx';

export const ORGANIZATION_ACTIONS = ['createChild', 'rename', 'move', 'merge', 'split', 'authority', 'dissolve'] as const;
export type OrganizationAction = (typeof ORGANIZATION_ACTIONS)[number];
export interface PendingAction {
  action: OrganizationAction;
  id: number;
}

/** Which changes make sense for an organization of this kind (the server still checks every rule). */
export function actionsFor(kind: OrganizationKind, isRoot: boolean, isOwn: boolean): OrganizationAction[] {
  const isCommittee = COMMITTEE_KINDS.includes(kind);
  return ORGANIZATION_ACTIONS.filter((a) => {
    // The user's own organization is moved, merged, split, dissolved or given authority by its superior, not by itself.
    if (isOwn && a !== 'createChild' && a !== 'rename') return false;
    if (a === 'createChild' || a === 'authority') return isCommittee;
    // A root (a provincial committee) has no parent to move under; it may still be renamed, merged (63 → 34 provinces in 2025) or split.
    if (a === 'move') return !isRoot;
    return true;
  });
}

/** The "Thao tác" button of an organization: one entry per change, each opening its modal form. */
export function OrganizationActionsButton({
  id,
  kind,
  isRoot,
  onAction,
  size = 'small',
}: {
  id: number;
  kind: OrganizationKind;
  isRoot: boolean;
  onAction(p: PendingAction): void;
  size?: 'small' | 'middle';
}) {
  const t = useT();
  const me = useCurrentUser();
  const items: MenuProps['items'] = actionsFor(kind, isRoot, me.organization.id === id).map((a) => ({
    key: a,
    label: t(`organizations.action.${a}`),
    danger: a === 'dissolve',
  }));
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: (e) => {
          e.domEvent.stopPropagation();
          onAction({ action: e.key as OrganizationAction, id });
        },
      }}
    >
      <Button size={size} onClick={(e) => e.stopPropagation()}>
        {t('common.actions')} ▾
      </Button>
    </Dropdown>
  );
}

/** Loads the organization (its current version, for compare-and-set) and opens the modal of the pending action. */
export function OrganizationActionHost({ pending, onClose }: { pending: PendingAction | null; onClose(): void }) {
  const t = useT();
  const navigate = useNavigate();
  const org = useOrganization(pending?.id);
  if (!pending) return null;
  if (org.isPending || org.isError) {
    return (
      <Modal open footer={null} onCancel={onClose} title={t(`organizations.action.${pending.action}`)}>
        {org.isError ? <PageError error={org.error} /> : <Spin />}
      </Modal>
    );
  }
  const o = org.data;
  switch (pending.action) {
    case 'createChild':
      return <CreateChildModal parent={o} onClose={onClose} onCreated={(id) => navigate(`/organizations/${id}`)} />;
    case 'rename':
      return <RenameModal org={o} onClose={onClose} />;
    case 'move':
      return <MoveModal org={o} onClose={onClose} />;
    case 'merge':
      return <MergeModal org={o} onClose={onClose} onMerged={(id) => navigate(`/organizations/${id}`)} />;
    case 'split':
      return <SplitModal org={o} onClose={onClose} />;
    case 'authority':
      return <AuthorityModal org={o} onClose={onClose} />;
    case 'dissolve':
      return <DissolveModal org={o} onClose={onClose} />;
  }
}
