import { TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import type { OrganizationNode } from '../../../../common/contracts/organizations.contract.ts';
import { normalizeVi } from '../../../../common/rules/normalize-vi.ts';
import { todayIso } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { buildForest, type ForestNode, topLevelIds } from '../organization-forest.ts';
import { useOrganizationTree } from '../queries/use-organization-tree.ts';

interface Option {
  value: number;
  key: number;
  title: React.ReactNode;
  label: string;
  search: string;
  disabled: boolean;
  children: Option[];
}

type Props = {
  id?: string;
  placeholder?: string;
  /** Organizations that may be chosen; the others stay visible (greyed) so the tree keeps its shape. */
  isSelectable?: (node: OrganizationNode) => boolean;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
} & (
  | { multiple?: false; value?: number | null; onChange?: (id: number | undefined) => void }
  | { multiple: true; value?: number[]; onChange?: (ids: number[]) => void }
);

/** Picks organizations of today's tree inside the user's scope; the search ignores diacritics ('chi bo' finds 'Chi bộ'). */
export function OrganizationSelect(props: Props) {
  const t = useT();
  const tree = useOrganizationTree(todayIso());
  const { isSelectable } = props;
  const { options, expanded } = useMemo(() => {
    const toOption = (f: ForestNode): Option => ({
      value: f.node.id,
      key: f.node.id,
      label: f.node.name,
      search: normalizeVi(`${f.node.name} ${f.node.code}`),
      disabled: isSelectable ? !isSelectable(f.node) : false,
      title: (
        <span>
          {f.node.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            · {t(`kind.${f.node.kind}`)}
          </Typography.Text>
        </span>
      ),
      children: f.children.map(toOption),
    });
    const roots = buildForest(tree.data?.nodes ?? []);
    return { options: roots.map(toOption), expanded: topLevelIds(roots, 2) };
  }, [tree.data, isSelectable, t]);

  const common = {
    id: props.id,
    treeData: options,
    treeNodeLabelProp: 'label',
    treeDefaultExpandedKeys: expanded,
    showSearch: { filterTreeNode: (input: string, node: unknown) => String((node as Option).search ?? '').includes(normalizeVi(input)) },
    allowClear: props.allowClear ?? true,
    placeholder: props.placeholder,
    loading: tree.isPending,
    disabled: props.disabled,
    status: tree.isError ? ('error' as const) : undefined,
    style: { width: '100%', ...props.style },
    popupMatchSelectWidth: false,
    styles: { popup: { root: { minWidth: 360, maxWidth: 600 } } },
  };
  if (props.multiple) {
    return (
      <TreeSelect<number[]>
        {...common}
        multiple
        treeCheckable={false}
        value={props.value ?? []}
        onChange={(v) => props.onChange?.((v ?? []) as number[])}
      />
    );
  }
  return <TreeSelect<number> {...common} value={props.value ?? undefined} onChange={(v) => props.onChange?.(v ?? undefined)} />;
}
