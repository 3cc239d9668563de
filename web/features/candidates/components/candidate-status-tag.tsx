import { Tag } from 'antd';
import type { CandidateStatus } from '../../../../common/contracts/candidates.contract.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { CANDIDATE_STATUS_COLOR } from '../candidate-labels.ts';

export function CandidateStatusTag({ status }: { status: CandidateStatus }) {
  const t = useT();
  return (
    <Tag color={CANDIDATE_STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {t(`candidates.status.${status}`)}
    </Tag>
  );
}
