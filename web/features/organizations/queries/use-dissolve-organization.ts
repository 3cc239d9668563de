import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganizationDetail, ZDissolveOrganization } from '../../../../common/contracts/organizations.contract.ts';
import { api } from '../../../api/http.ts';
import { invalidateAfterTreeChange } from './invalidate-after-change.ts';

/** POST /api/organizations/:id/dissolve: ends the organization on the effective date (refused while members or children remain). */
export function useDissolveOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number } & z.input<typeof ZDissolveOrganization>) => api.post<OrganizationDetail>(`/api/organizations/${id}/dissolve`, input),
    onSuccess: () => invalidateAfterTreeChange(qc),
  });
}
