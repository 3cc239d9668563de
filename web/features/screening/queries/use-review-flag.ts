import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Flag, ReviewFlagInput } from '../../../../common/contracts/screening.contract.ts';
import { api } from '../../../api/http.ts';
import { screeningKeys } from './keys.ts';

/** R-RMV-07: records the one decision that closes a flag. */
export function useReviewFlag(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewFlagInput) => api.post<Flag>(`/api/screening/flags/${id}/review`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: screeningKeys.all });
      void qc.invalidateQueries({ queryKey: ['removal'] });
    },
  });
}
