import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganizationDetail, ZCreateOrganization } from '../../../../common/contracts/organizations.contract.ts';
import { api } from '../../../api/http.ts';
import { invalidateAfterTreeChange } from './invalidate-after-change.ts';

/** POST /api/organizations: a new organization under an active committee. */
export function useCreateOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ZCreateOrganization>) => api.post<OrganizationDetail>('/api/organizations', input),
    onSuccess: () => invalidateAfterTreeChange(qc),
  });
}
