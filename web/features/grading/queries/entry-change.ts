import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EntryDetail } from '../../../../common/contracts/grading.contract.ts';
import { api } from '../../../api/http.ts';
import { gradingKeys } from './keys.ts';

/** A change of a member's entry (compare-and-set on `version`): it answers the fresh entry; the cycle is refetched. */
export function useEntryChange<B>(path: 'self-assessment' | 'proposal' | 'decision') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: B }) => api.put<EntryDetail>(`/api/grading/entries/${id}/${path}`, body),
    onSuccess: (d) => {
      qc.setQueryData(gradingKeys.entry(d.entry.id), d);
      void qc.invalidateQueries({ queryKey: gradingKeys.cycle(d.cycle.id) });
      void qc.invalidateQueries({ queryKey: gradingKeys.lists() });
      void qc.invalidateQueries({ queryKey: gradingKeys.member(d.entry.member.id) });
    },
  });
}
