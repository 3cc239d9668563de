import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DuesExemption, ZCreateDuesExemption } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { useInvalidateDues } from './use-invalidate-dues.ts';

export type ExemptionBody = z.input<typeof ZCreateDuesExemption>;

/** Creates a decision, or edits one (compare-and-set on its version). */
export function useSaveExemption(memberId: number) {
  const invalidate = useInvalidateDues();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: number; version?: number; body: ExemptionBody }) =>
      id ? api.put<DuesExemption>(`/api/dues/exemptions/${id}`, { ...body, version }) : api.post<DuesExemption>(`/api/dues/members/${memberId}/exemptions`, body),
    onSuccess: () => void invalidate(),
  });
}
