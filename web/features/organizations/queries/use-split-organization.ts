import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganizationDetail, ZSplitOrganization } from '../../../../common/contracts/organizations.contract.ts';
import { api } from '../../../api/http.ts';
import { invalidateAfterTreeChange } from './invalidate-after-change.ts';

/** POST /api/organizations/:id/split: the source ends; every member and child is placed in one of the new parts. */
export function useSplitOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number } & z.input<typeof ZSplitOrganization>) => api.post<OrganizationDetail>(`/api/organizations/${id}/split`, input),
    onSuccess: () => invalidateAfterTreeChange(qc),
  });
}
