import type { CandidateStatus } from '../contracts/candidates.contract.ts';

// The life of a candidacy (issue 3, item 1; Kế hoạch 99-KH/HU II.2: mass organizations discover and introduce
// outstanding people, the party organization trains them, then considers admission). A case the cell refuses at any
// stage leaves the candidacy 'not_admitted'; 'withdrawn' is the person's own or the cell's decision to stop.

const NEXT: Record<CandidateStatus, readonly CandidateStatus[]> = {
  introduced: ['in_training', 'applied', 'not_admitted', 'withdrawn'],
  in_training: ['applied', 'not_admitted', 'withdrawn'],
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
