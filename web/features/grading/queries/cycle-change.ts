import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CycleDetail } from '../../../../common/contracts/grading.contract.ts';
import { gradingKeys } from './keys.ts';

/** A change of a cycle: it answers the fresh cycle (compare-and-set on `version`; a stale one answers 409 CONFLICT). */
export function useCycleChange<B>(send: (body: B) => Promise<CycleDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (c) => {
      qc.setQueryData(gradingKeys.cycle(c.id), c);
      void qc.invalidateQueries({ queryKey: gradingKeys.lists() });
      void qc.invalidateQueries({ queryKey: gradingKeys.entries() });
      void qc.invalidateQueries({ queryKey: gradingKeys.members() });
    },
  });
}
