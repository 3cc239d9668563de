import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CandidateView, ZAssignHelper } from '../../../../common/contracts/candidates.contract.ts';
import { api } from '../../../api/http.ts';
import { candidateKeys } from './keys.ts';

export type AssignHelperBody = z.input<typeof ZAssignHelper>;

/** Compare-and-set on `version`: a stale one answers 409 CONFLICT and changes nothing. */
export function useAssignHelper(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignHelperBody) => api.post<CandidateView>(`/api/candidates/${id}/helper`, body),
    onSuccess: (c) => {
      qc.setQueryData(candidateKeys.detail(id), c);
      void qc.invalidateQueries({ queryKey: candidateKeys.lists() });
    },
  });
}
