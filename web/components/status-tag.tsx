import { Tag } from 'antd';
import type { MemberStatus } from '../../common/contracts/members.contract.ts';
import { useT } from '../i18n/i18n.tsx';

const COLOR: Record<MemberStatus, string> = {
  probationary: 'gold',
  official: 'green',
  struck_off: 'default',
  released: 'purple',
  expelled: 'red',
  deceased: 'default',
  transferred_out: 'blue',
};

export function MemberStatusTag({ status }: { status: MemberStatus }) {
  const t = useT();
  return (
    <Tag color={COLOR[status]} variant={status === 'deceased' ? 'solid' : undefined} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}
