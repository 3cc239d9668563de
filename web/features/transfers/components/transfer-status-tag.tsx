import { Tag } from 'antd';
import type { TransferStatus } from '../../../../common/contracts/transfers.contract.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { TRANSFER_STATUS_COLOR } from '../transfer-labels.ts';

export function TransferStatusTag({ status }: { status: TransferStatus }) {
  const t = useT();
  return (
    <Tag color={TRANSFER_STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {t(`transfers.status.${status}`)}
    </Tag>
  );
}
