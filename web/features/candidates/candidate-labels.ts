import type { CandidateStatus } from '../../../common/contracts/candidates.contract.ts';

export const CANDIDATE_STATUS_COLOR: Record<CandidateStatus, string> = {
  introduced: 'blue',
  in_training: 'gold',
  applied: 'purple',
  admitted: 'green',
  not_admitted: 'red',
  withdrawn: 'default',
};

const LAST_LIST_KEY = 'dv.candidates.lastListQuery';

/** The list remembers its last filters for this tab, so "back to the list" returns to the same results. */
export function rememberCandidateListQuery(search: string) {
  try {
    sessionStorage.setItem(LAST_LIST_KEY, search);
  } catch {
    /* storage disabled */
  }
}

export function lastCandidateListUrl(): string {
  let search = '';
  try {
    search = sessionStorage.getItem(LAST_LIST_KEY) ?? '';
  } catch {
    /* storage disabled */
  }
  return search ? `/candidates?${search}` : '/candidates';
}
