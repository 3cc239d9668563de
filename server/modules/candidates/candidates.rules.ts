import type { CandidateStatus } from '../../../common/contracts/candidates.contract.ts';

// The life of a candidacy (issue 3, item 1; Kế hoạch 99-KH/HU II.2: mass organizations discover and introduce
// outstanding people, the party organization trains them, then considers admission). Pure: the service applies it.
// Belongs in common/rules/ with the other rules; kept beside the module until that folder's owner takes it.

const NEXT: Record<CandidateStatus, readonly CandidateStatus[]> = {
  introduced: ['in_training', 'applied', 'withdrawn'],
  in_training: ['applied', 'withdrawn'],
  // 'applied' onwards is driven by the admission module (application filed, admitted, or refused).
  applied: ['admitted', 'not_admitted', 'withdrawn'],
  admitted: [],
  not_admitted: [],
  withdrawn: [],
};

export function canMoveCandidate(from: CandidateStatus, to: CandidateStatus): boolean {
  return NEXT[from].includes(to);
}

export function isOpenCandidateStatus(status: CandidateStatus): boolean {
  return status === 'introduced' || status === 'in_training' || status === 'applied';
}
