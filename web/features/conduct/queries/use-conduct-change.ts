import { useMutation, useQueryClient } from '@tanstack/react-query';
import { gradingKeys } from '../../grading/queries/keys.ts';
import { conductKeys } from './keys.ts';

/** A conduct change: the member's conduct and every grading view (which shows conduct in the year) are refreshed. */
export function useConductChange<B, R>(send: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: conductKeys.all });
      void qc.invalidateQueries({ queryKey: gradingKeys.all });
    },
  });
}
