import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CandidateView, ZUpdateCandidate } from '../../../../common/contracts/candidates.contract.ts';
import { api } from '../../../api/http.ts';
import { candidateKeys } from './keys.ts';

export type UpdateCandidateBody = z.input<typeof ZUpdateCandidate>;

/** Compare-and-set on `version`: a stale one answers 409 CONFLICT and changes nothing. */
export function useUpdateCandidate(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCandidateBody) => api.put<CandidateView>(`/api/candidates/${id}`, body),
    onSuccess: (c) => {
      qc.setQueryData(candidateKeys.detail(id), c);
      void qc.invalidateQueries({ queryKey: candidateKeys.lists() });
    },
  });
}
