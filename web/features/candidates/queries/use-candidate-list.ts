import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CandidateList, CandidateStatus } from '../../../../common/contracts/candidates.contract.ts';
import { api } from '../../../api/http.ts';
import { candidateKeys } from './keys.ts';

/** GET /api/candidates query (ZCandidateListQuery), as the list page sends it. */
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
    queryFn: () => api.get<CandidateList>('/api/candidates', params),
    placeholderData: keepPreviousData,
  });
}
