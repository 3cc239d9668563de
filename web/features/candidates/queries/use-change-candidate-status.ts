import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CandidateView, ZChangeCandidateStatus } from '../../../../common/contracts/candidates.contract.ts';
import { api } from '../../../api/http.ts';
import { candidateKeys } from './keys.ts';

export type ChangeCandidateStatusBody = z.input<typeof ZChangeCandidateStatus>;

/** Compare-and-set on `version`: a stale one answers 409 CONFLICT and changes nothing. */
export function useChangeCandidateStatus(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeCandidateStatusBody) => api.post<CandidateView>(`/api/candidates/${id}/status`, body),
    onSuccess: (c) => {
      qc.setQueryData(candidateKeys.detail(id), c);
      void qc.invalidateQueries({ queryKey: candidateKeys.lists() });
    },
  });
}
