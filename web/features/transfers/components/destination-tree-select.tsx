import { TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import type { TransferDestinations } from '../../../../common/contracts/transfers.contract.ts';
import { normalizeVi } from '../../../../common/rules/normalize-vi.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useTransferDestinations } from '../queries/use-transfer-destinations.ts';

// Boards and standing committees act for a committee; they hold no members and are never a destination.
const BOARD_KINDS = ['standing_committee', 'organization_board', 'propaganda_board', 'inspection_committee', 'training_center'];

interface Node {
  value: number;
  key: number;
  title: React.ReactNode;
  label: string;
  search: string;
  selectable: boolean;
  disabled?: boolean;
  children: Node[];
}

function buildTree(nodes: TransferDestinations['nodes'], excludeId: number | undefined, t: (k: string) => string): { roots: Node[]; expanded: number[] } {
  const shown = nodes.filter((n) => !BOARD_KINDS.includes(n.kind));
  const byId = new Map<number, Node>();
  for (const n of shown) {
    const selectable = n.holdsMembers && n.id !== excludeId;
    byId.set(n.id, {
      value: n.id,
      key: n.id,
      label: n.name,
      search: normalizeVi(n.name),
      selectable,
      title: (
        <span style={selectable ? undefined : { color: 'rgba(0, 0, 0, 0.45)' }}>
          {n.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            · {t(`kind.${n.kind}`)}
          </Typography.Text>
        </span>
      ),
      children: [],
    });
  }
  const roots: Node[] = [];
  for (const n of shown) {
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    (parent ? parent.children : roots).push(byId.get(n.id)!);
  }
  const prune = (list: Node[]): Node[] => list.map((n) => ({ ...n, children: prune(n.children) })).filter((n) => n.selectable || n.children.length > 0);
  const result = prune(roots);
  const expanded: number[] = [];
  const walk = (list: Node[], depth: number) => {
    for (const n of list) {
      if (depth < 2 && n.children.length) {
        expanded.push(n.value);
        walk(n.children, depth + 1);
      }
    }
  };
  walk(result, 0);
  return { roots: result, expanded };
}

interface Props {
  id?: string;
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  /** The member's current cell: not a destination. */
  excludeId?: number;
  placeholder?: string;
}

/** Any cell of the whole system (a letter may go outside the user's own subtree); search ignores diacritics. */
export function DestinationTreeSelect({ id, value, onChange, excludeId, placeholder }: Props) {
  const t = useT();
  const tree = useTransferDestinations();
  const { roots, expanded } = useMemo(() => buildTree(tree.data?.nodes ?? [], excludeId, t), [tree.data, excludeId, t]);
  return (
    <TreeSelect<number>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={roots}
      treeNodeLabelProp="label"
      treeDefaultExpandedKeys={expanded}
      showSearch={{ filterTreeNode: (input, node) => String((node as unknown as Node).search ?? '').includes(normalizeVi(input)) }}
      allowClear
      placeholder={placeholder}
      loading={tree.isPending}
      status={tree.isError ? 'error' : undefined}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 380, maxWidth: 600 } } }}
    />
  );
}
