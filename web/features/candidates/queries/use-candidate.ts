import { useQuery } from '@tanstack/react-query';
import type { CandidateView } from '../../../../common/contracts/candidates.contract.ts';
import { api } from '../../../api/http.ts';
import { candidateKeys } from './keys.ts';

export function useCandidate(id: number | null) {
  return useQuery({
    queryKey: candidateKeys.detail(id ?? 0),
    queryFn: () => api.get<CandidateView>(`/api/candidates/${id}`),
    enabled: id !== null,
  });
}
