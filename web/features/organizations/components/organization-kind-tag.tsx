import { Tag } from 'antd';
import type { OrganizationKind } from '../../../../common/contracts/organizations.contract.ts';
import { useT } from '../../../i18n/i18n.tsx';

// Committees in warm colours by level, cells in green, boards in neutral blue-grey.
const COLOR: Record<OrganizationKind, string> = {
  provincial_committee: 'red',
  district_committee: 'volcano',
  commune_committee: 'orange',
  grassroots_committee: 'gold',
  sub_grassroots_committee: 'lime',
  grassroots_cell: 'green',
  cell: 'cyan',
  standing_committee: 'geekblue',
  organization_board: 'blue',
  propaganda_board: 'blue',
  inspection_committee: 'purple',
  training_center: 'blue',
};

export function OrganizationKindTag({ kind }: { kind: OrganizationKind }) {
  const t = useT();
  return (
    <Tag color={COLOR[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`kind.${kind}`)}
    </Tag>
  );
}
