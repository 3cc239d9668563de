import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DuesReduction, ZCreateDuesReduction } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { useInvalidateDues } from './use-invalidate-dues.ts';

export type ReductionBody = z.input<typeof ZCreateDuesReduction>;

/** Creates a decision, or edits one (compare-and-set on its version). */
export function useSaveReduction(memberId: number) {
  const invalidate = useInvalidateDues();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: number; version?: number; body: ReductionBody }) =>
      id ? api.put<DuesReduction>(`/api/dues/reductions/${id}`, { ...body, version }) : api.post<DuesReduction>(`/api/dues/members/${memberId}/reductions`, body),
    onSuccess: () => void invalidate(),
  });
}
