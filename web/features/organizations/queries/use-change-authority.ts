import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganizationDetail, ZChangeAuthority } from '../../../../common/contracts/organizations.contract.ts';
import { api } from '../../../api/http.ts';
import { invalidateAfterTreeChange } from './invalidate-after-change.ts';

/** POST /api/organizations/:id/authority: which decisions (R-ADM-14) the committee takes for its subtree. */
export function useChangeAuthority() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number } & z.input<typeof ZChangeAuthority>) => api.post<OrganizationDetail>(`/api/organizations/${id}/authority`, input),
    onSuccess: () => invalidateAfterTreeChange(qc),
  });
}
