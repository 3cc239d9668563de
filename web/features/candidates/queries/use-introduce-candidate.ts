import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CandidateView, ZIntroduceCandidate } from '../../../../common/contracts/candidates.contract.ts';
import { api } from '../../../api/http.ts';
import { candidateKeys } from './keys.ts';

export type IntroduceCandidateBody = z.input<typeof ZIntroduceCandidate>;

export function useIntroduceCandidate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IntroduceCandidateBody) => api.post<CandidateView>('/api/candidates', body),
    onSuccess: (c) => {
      qc.setQueryData(candidateKeys.detail(c.id), c);
      void qc.invalidateQueries({ queryKey: candidateKeys.lists() });
    },
  });
}
