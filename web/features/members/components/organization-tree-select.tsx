import { TreeSelect, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { MEMBER_HOLDING_KINDS, type OrganizationKind, type OrganizationNode } from '../../../../common/contracts/organizations.contract.ts';
import { normalizeVi } from '../../../../common/rules/normalize-vi.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useOrganizationTree } from '../queries/use-organization-tree.ts';

// Boards and standing committees act for a committee; they hold no members, so the member screens never offer them.
const BOARD_KINDS: readonly OrganizationKind[] = ['standing_committee', 'organization_board', 'propaganda_board', 'inspection_committee', 'training_center'];

interface TreeNode {
  value: number;
  key: number;
  title: React.ReactNode;
  label: string;
  search: string;
  selectable: boolean;
  children: TreeNode[];
}

function buildTree(nodes: OrganizationNode[], cellsOnly: boolean, t: (k: string) => string): { roots: TreeNode[]; expanded: number[] } {
  const shown = nodes.filter((n) => !BOARD_KINDS.includes(n.kind));
  const byId = new Map<number, TreeNode>();
  for (const n of shown) {
    const selectable = !cellsOnly || MEMBER_HOLDING_KINDS.includes(n.kind);
    byId.set(n.id, {
      value: n.id,
      key: n.id,
      label: n.name,
      search: normalizeVi(n.name),
      selectable,
      // Organizations that cannot be chosen (committees, when only cells can) are greyed so the choice is plain.
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
  const roots: TreeNode[] = [];
  for (const n of shown) {
    const node = byId.get(n.id)!;
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    // The user's scope starts somewhere inside the tree: a node whose parent is outside it is a root here.
    (parent ? parent.children : roots).push(node);
  }
  // A picker of cells drops branches that contain no cell.
  const prune = (list: TreeNode[]): TreeNode[] =>
    list
      .map((n) => ({ ...n, children: prune(n.children) }))
      .filter((n) => n.selectable || n.children.length > 0);
  const result = cellsOnly ? prune(roots) : roots;
  const expanded: number[] = [];
  const walk = (list: TreeNode[], depth: number) => {
    for (const n of list) {
      if (depth < 3 && n.children.length) {
        expanded.push(n.value);
        walk(n.children, depth + 1);
      }
    }
  };
  walk(result, 0);
  return { roots: result, expanded };
}

interface Props {
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  /** Only cells (kinds 'cell' and 'grassroots_cell') can be chosen: members are recorded in cells. */
  cellsOnly?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
  disabled?: boolean;
  /** With cellsOnly: when the user's scope holds exactly one cell (a cell secretary), choose it at once. */
  autoSelectSingle?: boolean;
}

function selectableIds(list: TreeNode[]): number[] {
  return list.flatMap((n) => [...(n.selectable ? [n.value] : []), ...selectableIds(n.children)]);
}

/** A TreeSelect over GET /api/organizations/tree; searching ignores diacritics ('chi bo' finds 'Chi bộ'). */
export function OrganizationTreeSelect({ value, onChange, cellsOnly = false, placeholder, allowClear = true, id, style, disabled, autoSelectSingle }: Props) {
  const t = useT();
  const tree = useOrganizationTree();
  const { roots, expanded } = useMemo(() => buildTree(tree.data?.nodes ?? [], cellsOnly, t), [tree.data, cellsOnly, t]);
  const only = useMemo(() => {
    const ids = selectableIds(roots);
    return ids.length === 1 ? ids[0] : null;
  }, [roots]);
  useEffect(() => {
    if (autoSelectSingle && cellsOnly && only !== null && value == null) onChange?.(only);
  }, [autoSelectSingle, cellsOnly, only, value, onChange]);
  return (
    <TreeSelect<number>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={roots}
      treeNodeLabelProp="label"
      treeDefaultExpandedKeys={expanded}
      showSearch={{ filterTreeNode: (input, node) => String((node as unknown as TreeNode).search ?? '').includes(normalizeVi(input)) }}
      allowClear={allowClear}
      placeholder={placeholder}
      loading={tree.isPending}
      disabled={disabled}
      status={tree.isError ? 'error' : undefined}
      notFoundContent={tree.isError ? t('members.treeUnavailable') : undefined}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 360, maxWidth: 680 } } }}
    />
  );
}
