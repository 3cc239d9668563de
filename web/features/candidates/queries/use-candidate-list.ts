import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CandidateList, CandidateStatus } from '../../../../common/contracts/candidates.contract.ts';
import { fetchSearch } from '../../../api/search.ts';
import { candidateKeys } from './keys.ts';

/** GET /api/candidates query (ZCandidateListQuery), as the list page sends it; a search with digits goes by POST (fetchSearch). */
export type CandidateListParams = {
  q?: string;
  status: CandidateStatus | 'open' | 'all';
  organizationId?: number;
  page: number;
  pageSize: number;
};

export function useCandidateList(params: CandidateListParams) {
  return useQuery({
    queryKey: candidateKeys.list(params),
    queryFn: () => fetchSearch<CandidateList>('/api/candidates', params),
    placeholderData: keepPreviousData,
  });
}
