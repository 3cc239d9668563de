import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RemovalCase } from '../../../../common/contracts/removal.contract.ts';
import { api } from '../../../api/http.ts';
import { removalKeys } from './keys.ts';

export type RemovalStepPath = 'requests' | 'self-review' | 'vote' | 'decision' | 'card' | 'withdraw';

/** One step of a removal case; it answers the fresh case (compare-and-set on `version`: a stale one answers 409). */
export function useRemovalStep(id: number, path: RemovalStepPath) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<RemovalCase>(`/api/removal/cases/${id}/${path}`, body),
    onSuccess: (c) => {
      qc.setQueryData(removalKeys.case(c.id), c);
      void qc.invalidateQueries({ queryKey: removalKeys.lists() });
      void qc.invalidateQueries({ queryKey: ['screening'] });
    },
  });
}

export function useOpenCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<RemovalCase>('/api/removal/cases', body),
    onSuccess: (c) => {
      qc.setQueryData(removalKeys.case(c.id), c);
      void qc.invalidateQueries({ queryKey: removalKeys.all });
    },
  });
}
