import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganizationDetail, ZRenameOrganization } from '../../../../common/contracts/organizations.contract.ts';
import { api } from '../../../api/http.ts';
import { invalidateAfterTreeChange } from './invalidate-after-change.ts';

/** POST /api/organizations/:id/rename: a new name from the effective date; the old one stays in the history. */
export function useRenameOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number } & z.input<typeof ZRenameOrganization>) => api.post<OrganizationDetail>(`/api/organizations/${id}/rename`, input),
    onSuccess: () => invalidateAfterTreeChange(qc),
  });
}
